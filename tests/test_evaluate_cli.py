"""``brinkwatch evaluate`` with a fake coder: tables, the JSON last line, the error listing, exit codes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import brinkwatch.cli.evaluation
from brinkwatch.cli import app
from brinkwatch.cli.evaluation import evaluate_cli
from brinkwatch.config import Settings
from brinkwatch.model import Actor, Article, Cameo, CodedDocument, Event, Evidence, Plover

GOLD = [
    {"id": "hit", "corpus": "petr2_gsr", "date": "2015-06-09", "text": "The US attacked Iraq.",
     "events": [{"source": "USA", "target": "IRQ", "cameo": "190", "plover": None}]},
    {"id": "miss", "corpus": "petr2_gsr", "date": "2015-06-09", "text": "Russia met Ukraine.",
     "events": [{"source": "RUS", "target": "UKR", "cameo": "040", "plover": None}]},
    {"id": "quiet", "corpus": "petr2_gsr", "date": None, "text": "Nothing happened.", "events": []},
]  # fmt: skip


def _event(source: str, target: str, code: str) -> Event:
    return Event(
        event_id="e", doc_id="d", sentence_index=0,
        source=Actor(code=source, text=source), target=Actor(code=target, text=target),
        cameo=Cameo(code=code, root=code[:2], name="test"), goldstein=None, quad_class=4,
        plover=Plover(type=None), evidence=Evidence(text="x", start=0, end=1, trigger_start=0, trigger_end=1),
        pattern="verb.fake", confidence=0.8,
    )  # fmt: skip


class FakeCoder:
    """Stands in for brinkwatch.extract.Coder: one right event, one wrong code, nothing for the quiet one."""

    settings: Settings | None = None

    def __init__(self, settings: Settings) -> None:
        FakeCoder.settings = settings

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedDocument]:
        answers = {"hit": [_event("USA", "IRQ", "193")], "miss": [_event("RUS", "UKR", "111")]}
        for article in articles:
            yield CodedDocument(article=article, events=tuple(answers.get(article.doc_id, [])))


@pytest.fixture
def cli(monkeypatch) -> typer.Typer:
    monkeypatch.setattr(brinkwatch.cli.evaluation, "make_coder", FakeCoder)
    # A second command keeps Typer from collapsing a one-command app while other groups are absent.
    runner_app = typer.Typer()
    runner_app.command("evaluate")(evaluate_cli)
    runner_app.command("noop")(lambda: None)
    return runner_app


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in GOLD), encoding="utf-8")
    return path


def test_evaluate_is_registered_on_the_brinkwatch_app():
    assert "evaluate" in {command.name for command in app.registered_commands}


def test_json_is_the_last_stdout_line(cli, gold_file, tmp_path):
    actors = tmp_path / "actors.yaml"
    actors.write_text("version: 1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(gold_file), "--json", "--actors", str(actors)])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout.strip().splitlines()[-1])
    assert payload["gold"]["sha256"] == hashlib.sha256(gold_file.read_bytes()).hexdigest()
    petr2 = payload["per_corpus"]["petr2_gsr"]
    assert petr2["dyad_root"] == {"tp": 1, "fp": 1, "fn": 1, "excused": 0,
                                  "precision": 0.5, "recall": 0.5, "f1": 0.5}  # fmt: skip
    assert petr2["full"]["tp"] == 0
    assert petr2["no_event"] == {"sentences": 1, "correct": 1, "accuracy": 1.0}
    assert payload["error_counts"]["wrong_code"] == 2
    assert FakeCoder.settings is not None and FakeCoder.settings.actor_files == (actors,)
    assert "Accuracy per corpus" in result.stderr  # tables moved off stdout


def test_tables_and_error_listing(cli, gold_file):
    result = CliRunner().invoke(cli, ["evaluate", str(gold_file), "--errors"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "dyad_root" in result.stdout and "no_event_accuracy" in result.stdout
    assert "[0.7, 0.85)" in result.stdout
    assert "wrong_code (2)" in result.stdout
    assert "Russia met Ukraine." in result.stdout
    assert "RUS -> UKR 040" in result.stdout and "RUS -> UKR 111" in result.stdout
    assert "verb.fake" in result.stdout


def test_bad_gold_file_exits_1_with_the_error_code(cli, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(bad)])
    assert result.exit_code == 1
    assert "E800" in result.stderr and "bad.jsonl:1" in result.stderr
