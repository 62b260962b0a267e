"""The fuzz harness (``benchmarks/fuzz_coder.py``) in the suite: a few of its mutated news documents through
the real coder (``BRINKWATCH_FUZZ_DOCS``, default 6; the full run of 10,000 is the benchmark's), and the
harness itself on a fake coder: a hang is counted as an overrun, a crash of the worker as an error, and
documents are the same whichever shard codes them."""

from __future__ import annotations

import importlib.util
import json
import os
import random
from pathlib import Path

import pytest

from brinkwatch.model import Article
from brinkwatch.pipeline.budget import Budget, BudgetedCoder, fork_available
from fakes import MisbehavingCoder

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz_coder.py"
_SPEC = importlib.util.spec_from_file_location("fuzz_coder", _PATH)
fuzz = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fuzz)

FUZZ_DOCS = int(os.environ.get("BRINKWATCH_FUZZ_DOCS", "6"))


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    return fuzz.load_seeds()


def test_mutated_news_codes_without_exception_and_with_offsets_inside_the_text(coder, seeds) -> None:
    for index in range(FUZZ_DOCS):
        article = fuzz.fuzz_article(seeds, 14, index)
        errors: list = []
        docs = list(coder.code_articles([article], on_error=errors.append))
        assert len(docs) + len(errors) == 1, article.doc_id
        for doc in docs:
            assert fuzz.violations(doc, coder.ontology) == [], article.doc_id


def test_a_document_depends_only_on_the_seed_and_its_index(seeds) -> None:
    first = [fuzz.fuzz_article(seeds, 14, i).text for i in (3, 7, 11)]
    again = [fuzz.fuzz_article(seeds, 14, i).text for i in (11, 7, 3)][::-1]
    assert first == again
    assert fuzz.fuzz_article(seeds, 15, 3).text != first[0]
    assert all(text not in {s.text for s in seeds} for text in first)  # every document is mutated


def test_mutations_do_what_they_say() -> None:
    texts = {fuzz.mutate("Iraq attacked US forces in Baghdad on Monday.", random.Random(i)) for i in range(200)}
    assert any("!" * 500 in t for t in texts) and any("а" in t for t in texts)  # runs, look-alikes
    assert any(len(t) < 20 for t in texts) and any(len(t) > 1000 for t in texts)  # cut short, repeated


@pytest.mark.skipif(not fork_available(), reason="the budget's worker needs fork (Linux, macOS)")
def test_the_harness_counts_overruns_and_dead_workers_and_times_the_worker(tmp_path: Path) -> None:
    coder = BudgetedCoder(MisbehavingCoder(), Budget(seconds=1), batch_size=1)
    try:
        records = [fuzz.code_one(coder, Article(doc_id=name, text=text), {"190"}) for name, text in
                   (("ok", "Iraq attacked US forces. " * 50), ("hang", "HANG"), ("crash", "CRASH"))]
    finally:
        coder.close()
    assert [r["outcome"] for r in records] == ["ok", "timeout", "error"]
    assert records[0]["events"] == 1 and records[0]["cpu_s"] >= 0 and records[0]["wall_s"] > 0
    assert records[2]["detail"] == "E301"


def test_the_report_counts_documents_over_ten_times_the_median_per_kb(tmp_path: Path, capsys) -> None:
    rows = [{"index": i, "doc_id": f"d{i}", "chars": 2048, "outcome": "ok", "events": 1, "cpu_s": 1.0,
             "wall_s": 1.0} for i in range(20)]
    rows[5].update(cpu_s=25.0)  # 12.5 s per KB against a median of 0.5
    rows[6].update(outcome="crash", detail="ValueError: x")
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows[:10]) + "\n")
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(r) for r in rows[10:]) + "\n")
    fuzz.report([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")])
    printed = capsys.readouterr().out
    assert "20 mutated documents" in printed and "crash 1" in printed
    assert "1 documents over 10x the median per KB" in printed and "d5" in printed
    assert "crash: d6: ValueError: x" in printed
