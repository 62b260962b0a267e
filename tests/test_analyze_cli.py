"""The ``tension``, ``network`` and ``dedup`` commands on a small on-disk database."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from brinkwatch.analyze.synthetic import create_schema, insert_mentions
from brinkwatch.cli import app
from brinkwatch.cli.analysis import sparkline

runner = CliRunner()
MONDAY = dt.date(2024, 1, 1)


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "bw.duckdb"
    con = duckdb.connect(str(path))
    create_schema(con)
    rows = []
    for week in range(16):
        day = MONDAY + dt.timedelta(weeks=week)
        rows.append({"mention_id": f"c{week}", "doc_id": f"c{week}", "source_country": "USA",
                     "target_country": "IRQ", "cameo_code": "042", "quad_class": 1, "goldstein": 1.9,
                     "event_date": day, "date_precision": "day", "evidence_text": f"envoy visit {week}"})
        if week >= 10:
            for copy in range(2):  # two outlets report each strike: dedup merges them
                rows.append({"mention_id": f"s{week}_{copy}", "doc_id": f"s{week}_{copy}",
                             "publisher": f"outlet {copy}", "source_country": "USA", "target_country": "IRQ",
                             "cameo_code": "195", "quad_class": 4, "goldstein": -10.0, "killed": 5.0,
                             "event_date": day, "date_precision": "day",
                             "evidence_text": f"an air strike on the depot killed five, week {week}"})
    insert_mentions(con, rows)
    con.close()
    return path


def test_dedup_then_tension_table_and_json(db: Path) -> None:
    result = runner.invoke(app, ["dedup", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "mentions merged: 28, events created: 22" in result.output
    again = runner.invoke(app, ["dedup", "--db", str(db)])
    assert "mentions merged: 0, events created: 0" in again.output
    table = runner.invoke(app, ["tension", "USA", "IRQ", "--db", str(db)])
    assert table.exit_code == 0, table.output
    assert "verdict: rising" in table.output and "2024-03-11 ◆" in table.output
    assert "air strike on" in table.output  # the evidence sentence (wrapped at 80 columns)
    as_json = runner.invoke(app, ["tension", "USA", "IRQ", "--db", str(db), "--format", "json"])
    report = json.loads(as_json.output)
    assert report["verdict"]["direction"] == "rising" and len(report["series"]["points"]) == 16
    assert report["series"]["points"][12]["n_events"] == 2  # one visit + one merged strike
    rebuilt = runner.invoke(app, ["dedup", "--db", str(db), "--rebuild"])
    assert "mentions merged: 28, events created: 22" in rebuilt.output


def test_plot_html_is_self_contained(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "chart.html"
    result = runner.invoke(app, ["tension", "USA", "IRQ", "--db", str(db), "--plot", str(target)])
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    embedded = '<script src="https://cdn' not in html and len(html) > 1_000_000  # plotly.js inline, no CDN
    assert embedded
    bad = runner.invoke(app, ["tension", "USA", "IRQ", "--db", str(db), "--plot", str(tmp_path / "c.svg")])
    assert bad.exit_code == 1 and "E600" in bad.output


def test_network_export_and_errors(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "net.json"
    result = runner.invoke(app, ["network", "--db", str(db), "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text())["edges"][0]["source"] == "USA"
    assert runner.invoke(app, ["network", "--db", str(db), "-o", str(tmp_path / "x.csv")]).exit_code == 1
    missing = runner.invoke(app, ["tension", "USA", "IRQ", "--db", str(tmp_path / "nope.duckdb")])
    assert missing.exit_code == 1 and "error[E404]: no database" in missing.output
    empty = runner.invoke(app, ["tension", "FRA", "DEU", "--db", str(db)])
    assert empty.exit_code == 1 and "E501" in empty.output


def test_sparkline_scales_between_min_and_max() -> None:
    assert sparkline([0, 7, 14]) == "▁▅█"
    assert sparkline([2, 2]) == "▁▁" and sparkline([]) == ""
