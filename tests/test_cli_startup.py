"""Commands that code nothing start without NLP: no spaCy, no coder, no HTML/feed readers, and ``tension``
without scipy or ruptures (their import was ~2 s; ``analyze/stats.py`` does their work in numpy). Times are
measured in ``benchmarks/startup.py``; here only which modules a fresh process loads."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from brinkwatch.store import Store
from test_store_helpers import document, event

SRC = str(Path(__file__).resolve().parents[1] / "src")
HEAVY = ("spacy", "brinkwatch.extract", "brinkwatch.nlp", "brinkwatch.actors.resolver", "trafilatura",
         "feedparser", "dask", "plotly", "scipy", "ruptures")
PROBE = (
    "import sys\n"
    "from brinkwatch.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "except SystemExit:\n"
    "    pass\n"
    f"print('LOADED ' + ' '.join(m for m in {(*HEAVY, 'duckdb')!r} if m in sys.modules), file=sys.stderr)\n"
)


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("startup") / "bw.duckdb"
    # Twelve weeks, talks then fighting: enough periods for change points and the verdict's test to run.
    docs = []
    for week in range(12):
        day = dt.date(2024, 1, 1) + dt.timedelta(weeks=week)
        text = f"Iraqi forces {'attacked' if week >= 6 else 'met'} US troops, report {week}."
        docs.append(document(str(week), text, [event(str(week), text, code="190" if week >= 6 else "042",
                                                     date=day)], pub_date=day))
    with Store(path) as store:
        store.write(docs)
    return path


def _loaded(*argv: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], env=env, capture_output=True, text=True,
                          timeout=120)
    line = next(line for line in done.stderr.splitlines() if line.startswith("LOADED"))
    return set(line.split()[1:])


@pytest.mark.parametrize("argv", [
    ("events", "--limit", "3"),
    ("export", "--format", "gdelt", "-o", "{tmp}/e.tsv"),
    ("tension", "Iraq", "United States", "--format", "json"),
    ("--help",),
])
def test_commands_that_code_nothing_load_no_nlp(small_db, tmp_path, argv):
    args = [a.format(tmp=tmp_path) for a in argv]
    if args[0] == "--help":
        assert _loaded(*args) == set()  # not even the store: the help needs only the commands' signatures
        return
    assert _loaded(*args + ["--db", str(small_db)]) == {"duckdb"}  # the store, nothing heavy (the probe works)


def test_code_loads_the_coder_but_not_the_store(tmp_path):
    """``brinkwatch code`` stores nothing: DuckDB (~0.05 s of CPU to import) is left to the commands that do."""
    article = tmp_path / "one.txt"
    article.write_text("Iran attacked two US bases in Iraq on Tuesday.\n", encoding="utf-8")
    loaded = _loaded("code", str(article), "--date", "2026-01-05", "--format", "jsonl")
    assert {"spacy", "brinkwatch.extract"} <= loaded  # the probe sees what coding loads
    assert not loaded & {"duckdb", "dask", "plotly", "scipy", "ruptures", "trafilatura", "feedparser"}


FAKES = str(Path(__file__).resolve().parent / "fakes.py")


def test_code_as_a_script_prints_every_event_and_its_status_before_it_skips_the_teardown(tmp_path):
    """Run as the ``brinkwatch`` script, ``code`` ends without tearing the interpreter down: every event must
    still reach the pipe, the per-document error stderr, and the exit status the caller."""
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(f"Article {name}: Iraqi forces attacked US troops.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, FAKES, "code", str(folder), "--date", "2026-01-05", "--format", "jsonl"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sorted(json.loads(line)["doc_id"] for line in done.stdout.splitlines()) == ["a.txt", "b.txt", "c.txt"]

    (folder / "d.txt").write_text("Article d: CRASH\n", encoding="utf-8")  # kills the coding worker: E301
    done = subprocess.run([sys.executable, FAKES, "code", str(folder), "--date", "2026-01-05", "--format", "jsonl"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2  # some inputs failed
    assert sorted(json.loads(line)["doc_id"] for line in done.stdout.splitlines()) == ["a.txt", "b.txt", "c.txt"]
    assert "E301" in done.stderr
