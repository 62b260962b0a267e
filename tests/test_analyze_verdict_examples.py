"""The worked examples of docs/tension.md, and one answer to one question through the CLI, the API and the dashboard.

All five timelines (tests/data/tension/) go into one database, so the database's own date range is much wider
than any pair's: the range of a question must be the pair's, never the database's.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import uvicorn
from typer.testing import CliRunner

from brinkwatch.analyze import merge_new, tension_report
from brinkwatch.analyze.synthetic import create_schema, insert_mentions, load_dedup_corpus
from brinkwatch.api import create_app
from brinkwatch.cli import app

HERE = Path(__file__).resolve().parent
TIMELINES = HERE / "data" / "tension"
STATIC = HERE.parent / "src" / "brinkwatch" / "web" / "static"
DOCS = HERE.parent / "docs" / "tension.md"
# file -> (actor A, actor B, the verdict label docs/tension.md gives)
EXAMPLES: dict[str, tuple[str, str, str]] = {
    "escalation_then_talks": ("USA", "IRQ", "easing"),
    "talks_then_escalation": ("IND", "PAK", "rising"),
    "steady_conflict": ("RUS", "UKR", "steady"),
    "background_mention": ("FRA", "MLI", "insufficient data"),
    "late_thaw": ("USA", "IRN", "easing (low confidence)"),
}
runner = CliRunner()


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("timelines") / "bw.duckdb"
    con = duckdb.connect(str(path))
    create_schema(con)
    for name in EXAMPLES:
        insert_mentions(con, load_dedup_corpus(TIMELINES / f"{name}.yaml"))
    merge_new(con)
    con.close()
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(db_path: Path) -> Iterator[str]:
    """The real API app (with the dashboard) over the database, on a free loopback port."""
    server = uvicorn.Server(uvicorn.Config(create_app(db_path, read_only=True), host="127.0.0.1",
                                           port=_free_port(), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{server.config.port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_worked_example_verdicts(db_path: Path, name: str) -> None:
    a, b, label = EXAMPLES[name]
    con = duckdb.connect(str(db_path), read_only=True)
    report = tension_report(con, a, b)
    con.close()
    assert report.verdict.label == label, report.verdict.summary
    first = min(r["event_date"] for r in load_dedup_corpus(TIMELINES / f"{name}.yaml"))
    # the pair's own range, not the database's (which starts in January for every pair)
    assert report.series.points[0].period <= first < report.series.points[0].period + dt.timedelta(days=7)


def test_empty_weeks_are_unknown_not_calm(db_path: Path) -> None:
    con = duckdb.connect(str(db_path), read_only=True)
    report = tension_report(con, "USA", "IRQ")
    con.close()
    silent = [p for p in report.series.points if p.n_events == 0]
    assert len(silent) == 2 and all(p.tension is None and p.balance is None for p in silent)
    v = report.verdict
    assert (v.periods_total, v.periods_with_reports) == (10, 8)
    assert v.level_before > 0 > v.level_after and v.goldstein_before < 0 < v.goldstein_after
    assert v.drivers and all(d.contribution < 0 for d in v.drivers)  # the talks that eased it


def test_insufficient_data_never_says_steady(db_path: Path) -> None:
    result = runner.invoke(app, ["tension", "FRA", "MLI", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "verdict: insufficient data" in result.output
    assert "steady" not in result.output and "confidence 0.00" not in result.output


def _cli(db_path: Path, a: str, b: str) -> dict:
    result = runner.invoke(app, ["tension", a, b, "--db", str(db_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _api(base_url: str, a: str, b: str) -> dict:
    with urllib.request.urlopen(f"{base_url}/v1/dyads/{a}/{b}/tension?freq=week", timeout=30) as response:
        return json.loads(response.read())


def _dashboard(base_url: str, a: str, b: str) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node not found: the dashboard's own modules are run with node (Debian package nodejs)")
    done = subprocess.run([node, str(HERE / "dashboard_verdict.mjs"), base_url, STATIC.as_uri(), a, b, "week"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_dashboard_asks_the_api_for_the_default_question() -> None:
    """The dashboard's request carries no range of its own: it asks the same question as a bare CLI call."""
    source = (STATIC / "api.js").read_text(encoding="utf-8")
    call = re.search(r"tension: \((.*?)\) => getJson\((.*?)\),", source)
    assert call is not None
    assert call.group(1) == "a, b, freq" and call.group(2) == "`/v1/dyads/${seg(a)}/${seg(b)}/tension`, { freq }"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_cli_api_and_dashboard_give_one_answer(db_path: Path, base_url: str, name: str) -> None:
    a, b, label = EXAMPLES[name]
    cli, api = _cli(db_path, a, b), _api(base_url, a, b)
    dashboard = _dashboard(base_url, a, b)
    assert cli == api == dashboard["report"]
    assert api["verdict"]["label"] == label
    shown = dashboard["shown"]
    assert shown["verdict-direction"] == api["verdict"]["direction"]
    assert ("verdict-low-confidence" in shown) == api["verdict"]["low_confidence"]
    assert shown["verdict-summary"] == api["verdict"]["summary"]
    v = api["verdict"]
    assert shown["verdict-coverage"].startswith(f"{v['periods_with_reports']} of {v['periods_total']} weeks")


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_docs_show_what_brinkwatch_says(db_path: Path, name: str) -> None:
    a, b, label = EXAMPLES[name]
    con = duckdb.connect(str(db_path), read_only=True)
    v = tension_report(con, a, b).verdict
    con.close()
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index(f"`{name}.yaml`"):]
    section = section[: section.index("\n### ") if "\n### " in section else len(section)]
    assert f"**{label}**" in section
    if v.level_before is not None:
        assert f"{v.level_before:.2f}" in section and f"{v.level_after:.2f}" in section
        assert v.since.isoformat() in section and f"{v.confidence:.2f}" in section
