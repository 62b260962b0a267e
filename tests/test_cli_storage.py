"""CLI ingest/events/export with a fake coder injected in place of the spaCy coder."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

import brinkwatch.cli.storage as storage
from brinkwatch.cli import app
from brinkwatch.store import Store
from test_pipeline_ingestion import FakeCoder

ARTICLE_ONE = ("Iraqi forces attacked the United States embassy in Baghdad on Monday, officials said. "
               "The government in Washington condemned the attack and promised a response.")
# The fake coder codes both as IRQGOV -> USAGOV 190 on one day: only their words tell dedup they are two happenings
# (its actor texts are the bare codes, so the names "United States" or "Iraq" would count as shared words).
ARTICLE_TWO = ("Officials from both sides met their counterparts in Geneva on Tuesday. "
               "The two delegations discussed the withdrawal of troops and the protection of diplomats.")


@pytest.fixture
def runner(monkeypatch):
    built = []

    def fake_make_coder(settings):
        built.append(settings)
        return FakeCoder()

    monkeypatch.setattr(storage, "make_coder", fake_make_coder)
    runner = CliRunner()
    runner.built = built
    return runner


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLE_ONE, encoding="utf-8")
    (folder / "two.txt").write_text(ARTICLE_TWO, encoding="utf-8")
    return folder


def test_ingest_then_reingest_is_idempotent(runner, inputs, tmp_path):
    db = tmp_path / "bw.duckdb"
    first = runner.invoke(app, ["ingest", str(inputs), "--db", str(db), "--date", "2024-01-02"])
    assert first.exit_code == 0, first.output
    assert "added 2" in first.stdout and "events 2" in first.stdout
    second = runner.invoke(app, ["ingest", str(inputs), "--db", str(db)])
    assert second.exit_code == 0, second.output
    assert "added 0, skipped 2" in second.stdout
    assert len(runner.built) == 1  # nothing new to code: the coder was never built the second time
    with Store(db, read_only=True) as store:
        assert store.stats()["tables"]["articles"] == 2
        assert store.stats()["tables"]["event_mentions"] == 2


def test_ingest_reports_failed_inputs_with_status_2(runner, inputs, tmp_path):
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(inputs), "--db", str(tmp_path / "bw.duckdb")])
    assert result.exit_code == 2
    assert "added 2" in result.stdout
    assert "empty.txt" in result.stderr


def test_ingest_rejects_bad_date(runner, inputs, tmp_path):
    result = runner.invoke(app, ["ingest", str(inputs), "--db", str(tmp_path / "bw.duckdb"), "--date", "soon"])
    assert result.exit_code == 1
    assert "--date" in result.stderr


@pytest.fixture
def filled_db(runner, inputs, tmp_path):
    db = tmp_path / "bw.duckdb"
    assert runner.invoke(app, ["ingest", str(inputs), "--db", str(db)]).exit_code == 0
    return db


def test_events_jsonl_and_table(runner, filled_db):
    result = runner.invoke(app, ["events", "--db", str(filled_db), "--source", "IRQ", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2  # the fake coder codes every article as IRQGOV -> USAGOV 190
    assert {r["source"]["code"] for r in records} == {"IRQGOV"}
    assert all("event_id" in r and "num_mentions" in r for r in records)
    none = runner.invoke(app, ["events", "--db", str(filled_db), "--source", "FRA", "--format", "jsonl"])
    assert none.exit_code == 0 and none.stdout == ""
    table = runner.invoke(app, ["events", "--db", str(filled_db), "--root", "19", "--limit", "1", "--format", "table"])
    assert table.exit_code == 0
    assert "1 events" in table.stdout and "IRQGOV" in table.stdout
    assert "--cursor" in table.stderr


def test_events_errors(runner, filled_db, tmp_path):
    missing = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no database" in missing.stderr
    bad = runner.invoke(app, ["events", "--db", str(filled_db), "--cursor", "garbage"])
    assert bad.exit_code == 1 and "invalid filter" in bad.stderr


def test_export_command(runner, filled_db, tmp_path):
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["export", "--db", str(filled_db), "--format", "csv", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote 2 events" in result.stdout
    assert next(csv.reader(out.open()))[:2] == ["event_id", "event_date"]
    again = runner.invoke(app, ["export", "--db", str(filled_db), "--format", "csv", "--output", str(out)])
    assert again.exit_code == 1 and "E600" in again.stderr
    bad = runner.invoke(app, ["export", "--db", str(filled_db), "--format", "xml", "--output", str(out)])
    assert bad.exit_code == 1


def test_ingest_of_a_folder_codes_the_articles_not_its_readme_or_code(runner, inputs, tmp_path):
    (inputs / "README.md").write_text("# News folder\n\nIraqi forces attacked the parser on Monday.\n", encoding="utf-8")
    (inputs / "collect.py").write_text("# Iraqi forces attacked the United States embassy\n", encoding="utf-8")
    (inputs / "feeds.yaml").write_text("feeds: [world]\n", encoding="utf-8")
    db = tmp_path / "bw.duckdb"
    result = runner.invoke(app, ["ingest", str(inputs), "--db", str(db), "--date", "2024-01-02"])
    assert result.exit_code == 0, result.output
    assert "read 2, added 2" in result.stdout
    assert "not articles, skipped: 3 (README, code, configuration: README.md, collect.py," in " ".join(
        result.stdout.split())
    with Store(db, read_only=True) as store:
        assert sorted(r[0] for r in store.con.sql("SELECT doc_id FROM articles").fetchall()) == ["one.txt", "two.txt"]
