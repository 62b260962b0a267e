"""Ingestion pipeline with a fake coder and a fake reader: skipping, batching, error isolation, dedup hook."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from brinkwatch.errors import CodingError, EmptyInputError
from brinkwatch.model import Article, CodedDocument, DocumentError, Sentence
from brinkwatch.pipeline.ingestion import IngestReport, ingest_articles, ingest_paths
from brinkwatch.store import Store
from test_store_helpers import event


class FakeCoder:
    """Codes every article as one event; fails (CodingError) on any article whose text contains 'POISON'."""

    def __init__(self) -> None:
        self.coded: list[str] = []

    def code_articles(self, articles: Iterable[Article]) -> Iterable[CodedDocument]:
        batch = list(articles)
        if any("POISON" in a.text for a in batch):
            raise CodingError("cannot code this")
        for article in batch:
            self.coded.append(article.doc_id)
            yield CodedDocument(
                article=article,
                sentences=(Sentence(doc_id=article.doc_id, index=0, start=0, end=len(article.text),
                                    text=article.text),),
                events=(event(article.doc_id, article.text),),
            )


def art(doc_id: str, text: str | None = None) -> Article:
    return Article(doc_id=doc_id, text=text or f"Text of {doc_id}.", source_path=f"/in/{doc_id}.txt")


def test_ingest_articles_counts_and_skips_before_coding():
    coder = FakeCoder()
    with Store() as store:
        first = ingest_articles(store, coder, [art("a"), art("b"), art("c")], batch_size=2, dedup=False)
        assert (first.articles_read, first.articles_added, first.events_added, first.batches) == (3, 3, 3, 2)
        coder.coded.clear()
        again = ingest_articles(store, coder, [art("a"), art("b2", "Text of b."), art("d")], dedup=False)
        # Already stored texts are never handed to the coder.
        assert coder.coded == ["d"]
        assert (again.articles_added, again.articles_skipped, again.events_added) == (1, 2, 1)
        assert store.con.execute("SELECT count(*) FROM event_mentions").fetchall()[0][0] == 4


def test_read_and_coding_errors_are_recorded_and_the_run_goes_on():
    read_error = DocumentError(source="/in/empty.txt", code=EmptyInputError.code, message="empty")
    items = [art("a"), read_error, art("bad", "POISON pill"), art("c")]
    progress: list[IngestReport] = []
    with Store() as store:
        report = ingest_articles(store, FakeCoder(), items, batch_size=3, on_progress=progress.append,
                                 dedup=False)
        assert report.articles_added == 2
        assert [(e.source, e.code) for e in report.errors] == [("/in/empty.txt", "E101"), ("/in/bad.txt", "E301")]
        assert report.failed
        stored = store.con.execute("SELECT source, code FROM ingest_errors ORDER BY source").fetchall()
        assert stored == [("/in/bad.txt", "E301"), ("/in/empty.txt", "E101")]
        assert [p.articles_read for p in progress] == [3]


def test_a_document_that_cannot_be_stored_costs_only_itself():
    with Store() as store:
        store.write([next(iter(FakeCoder().code_articles([art("x", "Stored before.")])))])
        # Same doc_id, other text: the articles primary key refuses it, the others of the batch land.
        report = ingest_articles(store, FakeCoder(), [art("y"), art("x", "New text, old id."), art("z")],
                                 dedup=False)
        assert report.articles_added == 2
        assert [(e.source, e.code) for e in report.errors] == [("/in/x.txt", "E400")]
        ids = [r[0] for r in store.con.execute("SELECT doc_id FROM articles ORDER BY doc_id").fetchall()]
        assert ids == ["x", "y", "z"]


def test_dedup_runs_after_ingest(monkeypatch):
    calls = []
    monkeypatch.setattr("brinkwatch.analyze.dedup.merge_new", lambda con: calls.append(con) or "merged")
    with Store() as store:
        report = ingest_articles(store, FakeCoder(), [art("a")])
        assert report.merge == "merged"
        assert calls == [store.con]


def test_ingest_paths_uses_the_reader(tmp_path):
    seen = {}

    def reader(paths, *, default_date=None):
        seen["paths"], seen["date"] = paths, default_date
        yield art("p1")

    with Store() as store:
        report = ingest_paths(store, FakeCoder(), [tmp_path / "in"], reader=reader, dedup=False)
    assert report.articles_added == 1
    assert seen["paths"] == [tmp_path / "in"]
    assert seen["date"] is None


def test_batch_size_must_be_positive():
    with Store() as store, pytest.raises(ValueError):
        ingest_articles(store, FakeCoder(), [art("a")], batch_size=0)


class ReportingCoder(FakeCoder):
    """Like the real Coder: reports an article it cannot code through ``on_error`` and goes on."""

    def code_articles(self, articles, *, on_error=None):
        keep = []
        for article in articles:
            if "HUGE" in article.text:
                on_error(DocumentError(source=article.source_path, code="E104", message="too large"))
            else:
                keep.append(article)
        yield from super().code_articles(keep)


def test_coder_errors_reported_through_on_error_are_recorded():
    with Store() as store:
        report = ingest_articles(store, ReportingCoder(), [art("a"), art("big", "HUGE text"), art("c")],
                                 dedup=False)
    assert report.articles_added == 2
    assert [(e.source, e.code) for e in report.errors] == [("/in/big.txt", "E104")]


def test_repeated_text_within_and_across_batches_is_coded_once():
    coder = FakeCoder()
    items = [art("a", "Same story."), art("b", "Same story."), art("c", "Other story."), art("d", "Same story.")]
    with Store() as store:
        report = ingest_articles(store, coder, items, batch_size=2, dedup=False)
    assert coder.coded == ["a", "c"]
    assert (report.articles_added, report.articles_skipped) == (2, 2)
