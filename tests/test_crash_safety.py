"""Crash safety: SIGKILL an ingest (or a watch cycle) at random moments; the rerun must equal a clean run.

Each trial starts an ingest of a small corpus in a child process (forked from a fork server that has
brinkwatch imported, so a trial costs milliseconds, not an interpreter start), kills it with SIGKILL at a
random moment of a clean run's duration -- while batches are written, during dedup, or between dedup's
dropping and rebuilding of the event index (its bulk path is forced) -- then reruns the ingest to the end
and compares the database with the clean run's: the same articles, mentions, merged events, errors
(each once) and indexes. Nothing lost, nothing twice.
"""

from __future__ import annotations

import multiprocessing
import random
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import fakes
from brinkwatch.store import Store
from helpers import serve_feed

TRIALS = 20
DEDUP_TRIALS = 5
WATCH_TRIALS = 5
CONTEXT = multiprocessing.get_context("forkserver") if "forkserver" in multiprocessing.get_all_start_methods() \
    else None
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CONTEXT is None, reason="needs the forkserver start method (Linux, macOS)")]
if CONTEXT is not None:
    # What a run would import anyway (pyarrow loads pandas on first conversion): imported once, not per trial.
    CONTEXT.set_forkserver_preload(["__main__", "fakes", "pandas", "pyarrow.compute", "brinkwatch.ingest",
                                    "brinkwatch.pipeline.ingestion", "brinkwatch.pipeline.watch", "brinkwatch.analyze.dedup"])

PLACES = ("Baghdad", "Basra", "Mosul", "Kirkuk", "Erbil", "Najaf")


def _corpus(folder: Path, n: int = 48) -> Path:
    folder.mkdir()
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        # Pairs of reports of one happening, so dedup has merging to do.
        (folder / f"a{i:03d}.txt").write_text(
            f"Iraqi forces attacked US troops near {place} on Monday, report {i // 2}, officials said. "
            f"Witness account number {i} described the clashes.")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def _state(db: Path) -> dict[str, object]:
    """What a run leaves behind, in a form two runs can be compared by (ingestion times left out)."""
    with Store(db, read_only=True) as store:
        con = store.con

        def rows(sql: str) -> list[tuple]:
            return con.execute(sql).fetchall()

        return {
            "articles": rows("SELECT doc_id, hash FROM articles ORDER BY doc_id"),
            "sentences": rows("SELECT doc_id, count(*) FROM sentences GROUP BY doc_id ORDER BY doc_id"),
            "mentions": rows("SELECT mention_id, doc_id, event_id FROM event_mentions ORDER BY mention_id"),
            "events": rows("SELECT event_id, num_mentions, num_articles, cameo_code FROM events ORDER BY event_id"),
            "actors": rows("SELECT doc_id, count(*) FROM actor_mentions GROUP BY doc_id ORDER BY doc_id"),
            "errors": rows("SELECT source, code, count(*) FROM ingest_errors GROUP BY ALL ORDER BY ALL"),
            "indexes": rows("SELECT index_name FROM duckdb_indexes() ORDER BY index_name"),
        }


def _timed_run(target: Callable[..., None], *args: object) -> float:
    process = CONTEXT.Process(target=target, args=args)
    started = time.monotonic()
    process.start()
    process.join(120)
    assert process.exitcode == 0, f"a clean run failed ({process.exitcode})"
    return time.monotonic() - started


def _nothing() -> None:
    return


def _killed_run(target: Callable[..., None], args: tuple, after: float) -> bool:
    """Start a run and SIGKILL it ``after`` seconds in; True when it was still running when killed."""
    process = CONTEXT.Process(target=target, args=args)
    process.start()
    process.join(after)
    killed = process.is_alive()
    process.kill()
    process.join()
    return killed


def _trials(target: Callable[..., None], make_args: Callable[[Path], tuple], tmp_path: Path, n: int, seed: int,
            *, clean_db: Path, rerun: Callable[[Path], None], start_from: Path | None = None
            ) -> tuple[int, int, list[str]]:
    """Kill ``target`` at random moments of its clean duration, ``n`` times, rerunning to the end each time.

    Each trial starts from a copy of ``start_from`` (else from nothing). Returns how many kills hit a
    running process, how many left the event index dropped (inside dedup's bulk path), and the
    differences from ``clean_db``.
    """
    _timed_run(_nothing)  # start the fork server (and its imports) before anything is timed
    probe = tmp_path / "probe.duckdb"
    _copy(start_from, probe)
    duration = _timed_run(target, *make_args(probe))
    _remove(probe)
    clean = _state(clean_db)
    rng = random.Random(seed)
    killed = without_index = 0
    differences: list[str] = []
    # A run that finished before its kill (the machine was quicker than when timed) is compared too but
    # not counted: trials go on until n kills hit a running process (at most 3n trials).
    for trial in range(3 * n):
        if killed == n:
            break
        db = tmp_path / f"trial{trial}.duckdb"
        _copy(start_from, db)
        hit = _killed_run(target, make_args(db), after=rng.uniform(0.02, 0.9) * duration)
        killed += hit
        without_index += hit and not _has_event_index(db)
        rerun(db)
        state = _state(db)
        differences += [f"trial {trial}: {key}" for key in clean if state[key] != clean[key]]
        _remove(db)
    return killed, without_index, differences


def _has_event_index(db: Path) -> bool:
    if not db.exists():
        return False
    with Store(db, read_only=True) as store:
        names = store.con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()
    return ("idx_mentions_event",) in names


def _copy(source: Path | None, target: Path) -> None:
    if source is None:
        return
    shutil.copy(source, target)
    if source.with_name(source.name + ".wal").exists():
        shutil.copy(source.with_name(source.name + ".wal"), target.with_name(target.name + ".wal"))


def _remove(db: Path) -> None:
    db.unlink(missing_ok=True)
    db.with_name(db.name + ".wal").unlink(missing_ok=True)


def test_killed_ingests_rerun_to_the_clean_result(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "news")
    clean_db = tmp_path / "clean.duckdb"
    _timed_run(fakes.ingest_into, str(clean_db), str(corpus), 6, 1)
    clean = _state(clean_db)
    assert len(clean["articles"]) == 48 and clean["events"]  # the corpus was ingested and merged
    assert [row[2] for row in clean["errors"]] == [1, 1]  # each bad file recorded once

    def rerun(db: Path) -> None:
        _timed_run(fakes.ingest_into, str(db), str(corpus), 6, 1)

    killed, _, differences = _trials(fakes.ingest_into, lambda db: (str(db), str(corpus), 6, 1), tmp_path,
                                     TRIALS, seed=14, clean_db=clean_db, rerun=rerun)
    assert differences == []
    assert killed == TRIALS

    # Kills inside the merge step itself, on its bulk path (event index dropped, rebuilt after).
    written = tmp_path / "written.duckdb"
    _timed_run(fakes.ingest_into, str(written), str(corpus), 6, 1, False)
    killed, without_index, differences = _trials(fakes.dedup_into, lambda db: (str(db), 1), tmp_path,
                                                 DEDUP_TRIALS, seed=16, clean_db=clean_db, rerun=rerun,
                                                 start_from=written)
    assert differences == []
    assert killed == DEDUP_TRIALS
    print(f"dedup trials: {killed} killed, {without_index} of them between dropping and rebuilding the index")
    # That window is narrow, so a kill in it is also staged: the index dropped and the process gone.
    staged = tmp_path / "staged.duckdb"
    _copy(written, staged)
    with Store(staged) as store:
        store.con.execute("DROP INDEX idx_mentions_event")
    assert not _has_event_index(staged)
    rerun(staged)
    assert _state(staged) == clean


def _feed(n: int) -> bytes:
    entries = "".join(
        f"<entry><title>Report {i}</title><id>urn:r{i}</id><updated>2026-01-06T10:00:00Z</updated>"
        f"<content type='text'>Iraqi forces attacked US troops near {PLACES[i % len(PLACES)]} on Monday, "
        f"report {i // 2}, officials said.</content></entry>" for i in range(n))
    return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Wire</title>"
            f"<id>urn:wire</id><updated>2026-01-06T10:00:00Z</updated>{entries}</feed>").encode()


@pytest.fixture
def feed_url() -> Iterator[str]:
    with serve_feed(_feed(40), etag='"v1"') as url:
        yield url


def test_killed_watch_cycles_rerun_to_the_clean_result(tmp_path: Path, feed_url: str) -> None:
    clean_db = tmp_path / "clean.duckdb"
    _timed_run(fakes.watch_into, str(clean_db), feed_url)
    with Store(clean_db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM articles").fetchall() == [(40,)]

    def rerun(db: Path) -> None:
        _timed_run(fakes.watch_into, str(db), feed_url)

    killed, _, differences = _trials(fakes.watch_into, lambda db: (str(db), feed_url), tmp_path, WATCH_TRIALS,
                                     seed=15, clean_db=clean_db, rerun=rerun)
    assert differences == []
    assert killed == WATCH_TRIALS
