"""End to end with the real coder: bad inputs in a batch, idempotent re-ingest, boilerplate never coded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brinkwatch.cli import app
from brinkwatch.store import EventFilter, Store

REPO = Path(__file__).resolve().parents[1]
GOOD = ("Title: Strike near Basra\nDate: 2026-01-05\nPublisher: Test Wire\n\n"
        "Iran attacked two US bases in Iraq on Tuesday. Iraq condemned the attack.\n")


@pytest.fixture()
def real_coder_cli(coder, monkeypatch):
    """The CLI builds its coder lazily through make_coder; hand it the session's coder."""
    import brinkwatch.cli.storage as storage

    monkeypatch.setattr(storage, "make_coder", lambda settings: coder)
    return CliRunner()


def _bad_batch(folder: Path) -> None:
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD)
    (folder / "b_empty.txt").write_text("")
    (folder / "c_binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "d_latin1.txt").write_bytes("Le président a visité Genève. Russia criticized Germany's décision.".encode("cp1252"))
    (folder / "e_french.txt").write_text(
        "Le gouvernement français a annoncé mardi de nouvelles mesures pour soutenir les agriculteurs "
        "touchés par la sécheresse, selon un communiqué du ministère de l'Agriculture publié dans la soirée.")
    (folder / "f_items.jsonl").write_text(
        json.dumps({"id": "w1", "text": "China threatened Taiwan with sanctions.", "date": "2026-02-01"}) + "\n"
        "{not json\n"
        + json.dumps({"id": "w2", "text": "Japan and India held talks in Delhi.", "date": "2026-02-02"}) + "\n")
    with (folder / "g_huge.txt").open("wb") as fh:  # over the 50 MB limit: refused without being read
        fh.write(b"Iran attacked Iraq. " * (51 * 2**20 // 20 + 1))


def _core_counts(store: Store) -> dict[str, int]:
    tables = ("articles", "sentences", "event_mentions", "events", "actor_mentions")
    return {t: store.con.sql(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in tables}


def test_bad_inputs_are_reported_and_the_batch_goes_on(real_coder_cli, tmp_path):
    folder = tmp_path / "in"
    _bad_batch(folder)
    db = tmp_path / "t.duckdb"
    result = real_coder_cli.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 2, result.output
    errors = result.stderr if hasattr(result, "stderr") else result.output
    flat = "".join(errors.split())  # the console wraps long lines
    for name, code in [("b_empty.txt", "E101"), ("c_binary.txt", "E102"), ("e_french.txt", "E105"),
                       ("f_items.jsonl:2", "E106"), ("g_huge.txt", "E104")]:
        assert f"{code}" in flat and name in flat, (name, code, errors)
    with Store(db, read_only=True) as store:
        docs = {row[0] for row in store.con.sql("SELECT doc_id FROM articles").fetchall()}
        counts = _core_counts(store)
    assert {"w1", "w2"} <= docs and any("a_good" in d for d in docs) and any("d_latin1" in d for d in docs)
    assert not any(x in d for d in docs for x in ("b_empty", "c_binary", "e_french", "g_huge"))

    again = real_coder_cli.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert again.exit_code == 2
    with Store(db, read_only=True) as store:
        assert _core_counts(store) == counts  # nothing stored twice (the new error log rows aside)


def test_code_command_prints_json_lines_only(real_coder_cli, tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(GOOD)
    result = real_coder_cli.invoke(app, ["code", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    attack = [r for r in records if r["cameo"]["root"] == "19"]
    assert attack and attack[0]["source"]["code"] == "IRN" and attack[0]["target"]["country"] == "USA"
    # published Monday 2026-01-05: "on Tuesday" is the Tuesday before
    assert attack[0]["date"] == "2025-12-30" and attack[0]["date_precision"] == "day"
    assert set(records[0]) >= {"doc_id", "sentence_index", "source", "target", "cameo", "goldstein", "quad_class",
                               "plover", "modality", "date", "date_precision", "place", "numbers", "attribution",
                               "evidence", "pattern", "confidence"}


def test_blog_comment_widget_is_never_coded(coder):
    from brinkwatch.ingest import read_paths

    [blog] = [a for a in read_paths([REPO / "examples" / "articles"]) if "blog" in a.doc_id]
    coded = next(coder.code_articles([blog]))
    assert coded.events, "the post itself reports events"
    assert "Post a Comment" not in blog.text and "Newer Post" not in blog.text
    assert blog.syndicated_from  # "previously published in ..."
    for event in coded.events:
        assert blog.text[event.evidence.start:event.evidence.end] == event.evidence.text


def test_demo_ingest_is_idempotent_and_merges(coder, tmp_path):
    from brinkwatch.pipeline.ingestion import ingest_paths

    inputs = [REPO / "examples" / "articles", REPO / "examples" / "wire"]
    with Store(tmp_path / "demo.duckdb") as store:
        first = ingest_paths(store, coder, inputs)
        events = store.events(EventFilter(limit=500))
        second = ingest_paths(store, coder, inputs)
        assert first.errors == () and first.articles_added >= 20
        assert second.articles_added == 0 and second.events_added == 0
        assert len(store.events(EventFilter(limit=500))) == len(events)
        assert any(e["num_articles"] > 1 for e in events), "one happening reported by several outlets merges"
        assert not any(e["source"]["code"].startswith("BRA") for e in events), "the match report codes nothing"


def test_worker_processes_code_the_same_events_in_order(coder):
    """n_process > 1 parses and extracts in forked workers; the events and their order must not change."""
    from brinkwatch.model import Article

    texts = ["Iran attacked Iraq on Tuesday.", "France and Germany held talks in Paris.",
             "The European Union threatened Russia with sanctions.", "Heavy rain fell on Sunday.",
             "China urged North Korea to return to the negotiating table."] * 3
    articles = [Article(doc_id=f"d{i}", text=t) for i, t in enumerate(texts)]
    one = [[e.event_id for e in d.events] for d in coder.code_articles(articles, batch_size=2, n_process=1)]
    two = [[e.event_id for e in d.events] for d in coder.code_articles(articles, batch_size=2, n_process=2)]
    assert one == two and sum(map(len, one)) >= 10
