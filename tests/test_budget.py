"""Per-document budget: a document that hangs, eats memory or kills its worker costs itself, not its batch."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import brinkwatch.cli.storage as storage
from brinkwatch.cli import app
from brinkwatch.model import Article, CodedDocument, DocumentError
from brinkwatch.pipeline.budget import Budget, BudgetedCoder, fork_available
from brinkwatch.pipeline.ingestion import ingest_articles
from brinkwatch.store import Store
from fakes import MisbehavingCoder

pytestmark = pytest.mark.skipif(not fork_available(), reason="the budget's worker needs fork (Linux, macOS)")


def art(doc_id: str, text: str | None = None) -> Article:
    return Article(doc_id=doc_id, text=text or f"Iraq attacked US forces ({doc_id}).", source_path=f"/in/{doc_id}.txt")


def _code(coder: BudgetedCoder, articles: list[Article]) -> tuple[list[str], list[DocumentError]]:
    errors: list[DocumentError] = []
    coded = [doc.article.doc_id for doc in coder.code_articles(articles, on_error=errors.append)]
    return coded, errors + [item for item in coded if isinstance(item, DocumentError)]


@pytest.mark.parametrize(("marker", "code", "words"), [("HANG", "E302", "budget of 1 s"),
                                                        ("HOG", "E301", "memory budget"),
                                                        ("CRASH", "E301", "died")])
def test_a_runaway_document_is_skipped_and_the_batch_goes_on(marker: str, code: str, words: str) -> None:
    coder = BudgetedCoder(MisbehavingCoder(), Budget(seconds=1, memory_mb=256), batch_size=8)
    started = time.monotonic()
    try:
        articles = [art("a"), art("b"), art("bad", f"{marker} Iraq attacked US forces."), art("c"), art("d")]
        produced = list(coder.code_articles(articles))
        again = list(coder.code_articles([art("e")]))  # the worker was replaced and serves the next batch
    finally:
        coder.close()
    assert time.monotonic() - started < 10  # twice the budget for the culprit, plus forks
    docs = [item.article.doc_id for item in produced if isinstance(item, CodedDocument)]
    errors = [item for item in produced if isinstance(item, DocumentError)]
    assert docs == ["a", "b", "c", "d"]
    assert [(e.code, e.source) for e in errors] == [(code, "/in/bad.txt")]
    assert words in errors[0].message
    assert [item.article.doc_id for item in again] == ["e"]


def test_the_pipeline_stores_the_good_documents_and_records_the_runaway() -> None:
    coder = BudgetedCoder(MisbehavingCoder(), Budget(seconds=1), batch_size=32)
    try:
        with Store() as store:
            report = ingest_articles(store, coder, [art("a"), art("slow", "HANG forever"), art("b")], dedup=False)
            stored = sorted(row[0] for row in store.con.execute("SELECT doc_id FROM articles").fetchall())
            recorded = store.con.execute("SELECT source, code FROM ingest_errors").fetchall()
    finally:
        coder.close()
    assert stored == ["a", "b"]
    assert [e.code for e in report.errors] == ["E302"] and recorded == [("/in/slow.txt", "E302")]


def test_ingest_command_takes_a_time_budget(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(storage, "make_coder", lambda settings: MisbehavingCoder())
    (tmp_path / "flood.txt").write_text("HANG " + "!" * 2000)
    (tmp_path / "good.txt").write_text("Iraq attacked US forces in Baghdad on Monday, officials said.")
    db = tmp_path / "bw.duckdb"
    started = time.monotonic()
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "flood.txt"), str(tmp_path / "good.txt"),
                                      "--db", str(db), "--doc-timeout", "1"])
    assert time.monotonic() - started < 30
    assert result.exit_code == 2, result.output
    assert "added 1" in result.stdout and "E302" in result.stderr and "flood.txt" in result.stderr


def test_closing_stops_the_worker() -> None:
    coder = BudgetedCoder(MisbehavingCoder(), Budget(seconds=5))
    assert [d.article.doc_id for d in coder.code_articles([art("a")])] == ["a"]
    process = coder._process
    assert process is not None and process.is_alive()
    coder.close()
    assert not process.is_alive()


def test_the_worker_ends_when_its_parent_is_killed() -> None:
    """A killed ingest or server must not leave its coding worker behind (it holds a copy of everything)."""
    import subprocess
    import sys

    tests = Path(__file__).resolve().parent
    script = ("import time\n"
              "from fakes import MisbehavingCoder\n"
              "from brinkwatch.model import Article\n"
              "from brinkwatch.pipeline.budget import Budget, BudgetedCoder\n"
              "coder = BudgetedCoder(MisbehavingCoder(), Budget(seconds=5))\n"
              "list(coder.code_articles([Article(doc_id='a', text='Iraq attacked US forces.')]))\n"
              "print(coder._process.pid, flush=True)\n"
              "time.sleep(60)\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tests.parent / "src"), str(tests)])}
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=env)
    try:
        worker = int(parent.stdout.readline())
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _alive(worker):
            time.sleep(0.1)
        assert not _alive(worker)
    finally:
        parent.kill()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


class _WarmingCoder(MisbehavingCoder):
    def __init__(self) -> None:
        self.warmed = 0

    def warm_up(self) -> None:
        self.warmed += 1


def test_the_coder_is_warmed_once_before_the_first_replacement_worker_not_before_the_first_fork() -> None:
    """What the coder builds lazily is built in the parent, so a worker killed over its budget is replaced by
    one that inherits it instead of charging it to its first document; a run whose worker is never replaced
    never pays for the warm-up."""
    coder = _WarmingCoder()
    budgeted = BudgetedCoder(coder, Budget(seconds=1), batch_size=1)
    try:
        coded, errors = _code(budgeted, [art("a"), art("slow", "HANG"), art("b")])
    finally:
        budgeted.close()
    assert coded == ["a", "b"] and [e.code for e in errors] == ["E302"]
    assert coder.warmed == 1


def test_a_run_that_replaces_no_worker_does_not_warm_the_coder() -> None:
    coder = _WarmingCoder()
    budgeted = BudgetedCoder(coder, Budget(seconds=5), batch_size=1)
    try:
        coded, errors = _code(budgeted, [art("a"), art("b")])
    finally:
        budgeted.close()
    assert coded == ["a", "b"] and errors == []
    assert coder.warmed == 0
