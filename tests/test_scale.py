"""Dask runner on a 2-process LocalCluster: same stored events as the in-process pipeline; bad documents reported."""

from __future__ import annotations

import datetime as dt

from brinkwatch.config import Settings
from brinkwatch.errors import CodingError, InputTooLargeError, ScaleError
from brinkwatch.model import Article, DocumentError
from brinkwatch.scale import DaskCoder, scale_ingest
from brinkwatch.scale.runner import _error_class
from brinkwatch.scale.tasks import BatchResult
from brinkwatch.store import Store
from brinkwatch.store.pipeline import ingest_articles

TEXTS = [
    "Iraq's parliament voted on Sunday to expel US troops from the country.",
    "Iran fired missiles at two bases in Iraq housing American forces, officials said.",
    "Russian forces shelled Kharkiv overnight, killing three civilians, Ukrainian officials said.",
    "China's coast guard fired water cannon at a Philippine supply boat near Second Thomas Shoal.",
    "Israeli aircraft struck Hezbollah targets in southern Lebanon on Tuesday.",
    "India and Pakistan agreed to observe a ceasefire along the Line of Control.",
    "The Iraqi prime minister met Iran's president in Tehran to discuss trade and security.",
    "Iran rejected talks with the United States, its foreign minister said.",
]
SMALL_LIMIT = 600  # settings.max_chars for the run, so that one long article is refused (E104) on a worker


def _articles() -> list[Article]:
    return [Article(doc_id=f"doc-{i}", text=text, pub_date=dt.date(2026, 1, 5 + i), publisher=f"Pub {i % 3}")
            for i, text in enumerate(TEXTS)]


def _stored(store: Store) -> tuple[list, list]:
    mentions = store.con.execute("SELECT mention_id, event_id, doc_id, cameo_code, source_code, target_code "
                                 "FROM event_mentions ORDER BY mention_id").fetchall()
    events = store.con.execute("SELECT event_id, cameo_code, num_mentions FROM events ORDER BY event_id").fetchall()
    return mentions, events


def test_scale_run_stores_the_same_events_as_the_in_process_pipeline(coder) -> None:
    too_long = Article(doc_id="long", text="Iran threatened Israel. " * 40)
    read_error = DocumentError(source="/in/empty.txt", code="E101", message="empty")
    items = [*_articles()[:4], too_long, read_error, *_articles()[4:]]
    with Store() as plain:
        expected = ingest_articles(plain, coder, _articles())
        plain_rows = _stored(plain)
    settings = Settings(max_chars=SMALL_LIMIT)
    with Store() as store:
        report = scale_ingest(store, items, settings=settings, n_workers=2, batch_size=2)
        rows = _stored(store)
        errors = store.con.execute("SELECT source, code FROM ingest_errors ORDER BY source").fetchall()
    assert plain_rows[0], "the in-process run found no events to compare"
    assert rows == plain_rows
    assert report.articles_added == expected.articles_added == len(TEXTS)
    assert report.events_added == expected.events_added
    assert [(e.source, e.code) for e in report.errors] == [("/in/empty.txt", "E101"), ("long", "E104")]
    assert errors == [("/in/empty.txt", "E101"), ("long", "E104")]


class _FakeFuture:
    def __init__(self, value: BatchResult) -> None:
        self.value = value


class _FakeClient:
    """Stands in for a Dask client: runs tasks inline, or fails the whole gather like a lost worker."""

    def __init__(self, result: BatchResult | None = None, lost: bool = False) -> None:
        self.result, self.lost = result, lost

    def run(self, function, *args):
        return {"w1": True}

    def map(self, function, chunks, **kwargs):
        return [_FakeFuture(self.result) for _ in chunks]

    def gather(self, futures):
        if self.lost:
            raise OSError("worker lost")
        return [f.value for f in futures]


def test_worker_failures_become_numbered_errors_and_the_pipeline_isolates_them() -> None:
    failing = DaskCoder(_FakeClient(BatchResult(failure=("E301", "cannot code", "doc-1", None))), Settings())
    with Store() as store:
        report = ingest_articles(store, failing, _articles()[:2], dedup=False)
    # The batch failed as a whole, then each article failed alone: both are recorded, nothing stored.
    assert [(e.source, e.code) for e in report.errors] == [("doc-0", "E301"), ("doc-1", "E301")]
    assert report.articles_added == 0
    lost = DaskCoder(_FakeClient(lost=True), Settings())
    with Store() as store:
        report = ingest_articles(store, lost, _articles()[:1], dedup=False)
    assert [(e.source, e.code) for e in report.errors] == [("doc-0", ScaleError.code)]
    assert _error_class("E104") is InputTooLargeError and _error_class("E301") is CodingError
    assert _error_class("E999") is ScaleError


def test_scale_command_passes_its_flags_to_scale_ingest(tmp_path, monkeypatch) -> None:
    from typer.testing import CliRunner

    import brinkwatch.scale as scale_module
    from brinkwatch.cli import app
    from brinkwatch.store.pipeline import IngestReport

    calls: list[dict] = []

    def fake_scale_ingest(store, paths, **kwargs):
        calls.append({"paths": list(paths), **kwargs})
        return IngestReport(articles_read=3, articles_added=3, events_added=5)

    monkeypatch.setattr(scale_module, "scale_ingest", fake_scale_ingest)
    result = CliRunner().invoke(app, ["scale", str(tmp_path), "--db", str(tmp_path / "s.duckdb"), "--workers", "3",
                                      "--scheduler", "tcp://10.0.0.5:8786", "--batch-size", "8", "--date", "2026-02-01"])
    assert result.exit_code == 0, result.output
    assert "added 3" in result.stdout and "events 5" in result.stdout
    (call,) = calls
    assert call["paths"] == [tmp_path] and call["n_workers"] == 3 and call["batch_size"] == 8
    assert call["scheduler"] == "tcp://10.0.0.5:8786" and call["settings"].db_path == tmp_path / "s.duckdb"
    assert call["default_date"] == dt.date(2026, 2, 1)


def test_stored_texts_start_no_cluster(monkeypatch) -> None:
    import brinkwatch.scale.runner as runner
    from brinkwatch.model import CodedDocument

    class NoEvents:
        def code_articles(self, articles):
            return [CodedDocument(article=a) for a in articles]

    def no_cluster(*args, **kwargs):
        raise AssertionError("a cluster was started with nothing to code")

    monkeypatch.setattr(runner, "dask_client", no_cluster)
    with Store() as store:
        ingest_articles(store, NoEvents(), _articles(), dedup=False)
        report = scale_ingest(store, _articles(), settings=Settings(), n_workers=2)
    assert (report.articles_read, report.articles_skipped, report.articles_added) == (len(TEXTS), len(TEXTS), 0)
