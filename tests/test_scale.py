"""Dask runner: partitions coded on a 2-process cluster reached by its tcp:// address, Parquet parts merged into
DuckDB once; the same stored events as the in-process pipeline; bad documents reported; an interrupted run
resumes from its manifest. One cluster serves the module (each worker loads the coder once)."""

from __future__ import annotations

import datetime as dt

import pytest

from brinkwatch.config import Settings
from brinkwatch.errors import CodingError, InputTooLargeError, ScaleError
from brinkwatch.model import Article, DocumentError
from brinkwatch.pipeline.ingestion import ingest_articles
from brinkwatch.scale import DaskCoder, scale_ingest
from brinkwatch.scale import tasks as scale_tasks
from brinkwatch.scale.parts import RunDir
from brinkwatch.scale.runner import _error_class, partitions
from brinkwatch.scale.tasks import BatchResult, Partition, code_partition, coder_settings
from brinkwatch.store import Store

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


def _table(store: Store, sql: str) -> list:
    return store.con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def scheduler():
    """The address of a LocalCluster of 2 worker processes, started the way `brinkwatch scale` starts one."""
    from brinkwatch.scale import dask_client

    with dask_client(2) as client:
        yield client.scheduler.address


@pytest.fixture()
def in_process_coder(coder, monkeypatch):
    """Tasks run in this process use the session's coder (no second load)."""
    for settings in (Settings(), Settings(max_chars=SMALL_LIMIT)):
        monkeypatch.setitem(scale_tasks._CODERS, coder_settings(settings), coder)
    return coder


def test_scale_run_stores_the_same_events_as_the_in_process_pipeline(coder, scheduler, tmp_path) -> None:
    too_long = Article(doc_id="long", text="Iran threatened Israel. " * 40)
    read_error = DocumentError(source="/in/empty.txt", code="E101", message="empty")
    items = [*_articles()[:4], too_long, read_error, *_articles()[4:]]
    with Store() as plain:
        expected = ingest_articles(plain, coder, _articles())
        plain_rows = _stored(plain)
        plain_sentences = _table(plain, "SELECT * FROM sentences ORDER BY doc_id, sentence_index")
        plain_actors = _table(plain, "SELECT * FROM actor_mentions ORDER BY doc_id, start_char, code")
    settings = Settings(max_chars=SMALL_LIMIT)
    run_dir = tmp_path / "run"
    with Store() as store:
        report = scale_ingest(store, items, settings=settings, scheduler=scheduler, partition_size=3, run_dir=run_dir)
        rows = _stored(store)
        errors = store.con.execute("SELECT source, code FROM ingest_errors ORDER BY source").fetchall()
        assert _table(store, "SELECT * FROM sentences ORDER BY doc_id, sentence_index") == plain_sentences
        assert _table(store, "SELECT * FROM actor_mentions ORDER BY doc_id, start_char, code") == plain_actors
    assert plain_rows[0], "the in-process run found no events to compare"
    assert rows == plain_rows
    assert report.articles_added == expected.articles_added == len(TEXTS)
    assert report.events_added == expected.events_added
    assert report.batches == 3  # 9 articles read, 8 fresh and short enough: partitions of 3, 3, 3 (one refused)
    assert [(e.source, e.code) for e in report.errors] == [("/in/empty.txt", "E101"), ("long", "E104")]
    assert errors == [("/in/empty.txt", "E101"), ("long", "E104")]
    assert not run_dir.exists()  # merged, then removed


def test_an_interrupted_run_resumes_from_its_manifest(coder, scheduler, tmp_path) -> None:
    db = tmp_path / "news.duckdb"
    run_dir = tmp_path / "run"
    settings = Settings(db_path=db)

    class Stop(Exception):
        pass

    def stop_after_first(report) -> None:
        raise Stop  # the driver dies after one partition is written and noted

    with Store(db) as store, pytest.raises(Stop):
        scale_ingest(store, _articles(), settings=settings, scheduler=scheduler, partition_size=2,
                     run_dir=run_dir, on_progress=stop_after_first)
    manifest = (run_dir / "manifest.jsonl").read_text().splitlines()
    assert len(manifest) == 2  # the header and the one finished partition
    with Store(db) as store:
        assert _table(store, "SELECT count(*) FROM articles") == [(0,)]  # nothing is merged before the end
        coded_now: list[int] = []
        report = scale_ingest(store, _articles(), settings=settings, scheduler=scheduler, partition_size=2,
                              run_dir=run_dir, on_progress=lambda r: coded_now.append(r.batches))
        rows = _stored(store)
    with Store() as plain:
        ingest_articles(plain, coder, _articles())
        assert rows == _stored(plain)
    assert len(coded_now) == 3  # 4 partitions of 2: the finished one is not coded again
    assert report.articles_added == len(TEXTS) and report.batches == 4
    assert not run_dir.exists()


def test_the_scale_command_runs_against_a_scheduler_address(scheduler, tmp_path) -> None:
    from typer.testing import CliRunner

    from brinkwatch.cli import app

    news = tmp_path / "news"
    news.mkdir()
    for i, text in enumerate(TEXTS[:4]):
        (news / f"story-{i}.txt").write_text(f"Title: Story {i}\nDate: 2026-02-0{i + 1}\n\n{text}\n")
    db = tmp_path / "cli.duckdb"
    argv = ["scale", str(news), "--db", str(db), "--scheduler", scheduler, "--partition-size", "2"]
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.output
    assert "added 4" in result.stdout and "events 4" in result.stdout
    with Store(db) as store:
        assert _table(store, "SELECT count(*) FROM articles") == [(4,)]
        assert _table(store, "SELECT count(*) FROM events") == [(4,)]
    assert not (tmp_path / "cli.duckdb.parts").exists()
    again = CliRunner().invoke(app, argv)  # stored texts are skipped before any worker sees them
    assert again.exit_code == 0, again.output
    assert "added 0, skipped 4" in again.stdout


def test_merge_keeps_first_copies_and_refuses_a_taken_doc_id(in_process_coder, tmp_path) -> None:
    articles = _articles()[:3]
    stored, clash = articles[0], Article(doc_id="taken", text=articles[1].text)
    run = RunDir(tmp_path / "run", "fingerprint")
    settings = coder_settings(Settings())
    run.add(code_partition(Partition("a", (stored, articles[2])), settings))
    run.add(code_partition(Partition("b", (clash, articles[2])), settings))  # articles[2] again: a repeat
    with Store() as store:
        ingest_articles(store, in_process_coder, [stored])
        ingest_articles(store, in_process_coder, [Article(doc_id="taken", text="Other news.")])
        before = _table(store, "SELECT count(*) FROM event_mentions")[0][0]
        merged = run.merge_into(store)
        docs = _table(store, "SELECT doc_id FROM articles ORDER BY doc_id")
        mentions = _table(store, "SELECT doc_id, count(*) FROM event_mentions GROUP BY doc_id ORDER BY doc_id")
    assert docs == [("doc-0",), ("doc-2",), ("taken",)]
    assert (merged.articles_added, merged.articles_skipped) == (1, 2)  # doc-2 added once; doc-0 stored before
    assert [(e.source, e.code) for e in merged.errors] == [("taken", "E400")]
    assert dict(mentions)["doc-2"] >= 1 and before == sum(n for d, n in mentions if d != "doc-2")


def test_run_directory_from_other_settings_is_not_reused_and_foreign_files_are_not_deleted(tmp_path) -> None:
    run = RunDir(tmp_path / "run", "old-settings")
    (run.path / "part-x").mkdir()  # a part whose manifest line was never written
    assert RunDir(tmp_path / "run", "old-settings").finished == {}  # no line for x: not finished
    assert RunDir(tmp_path / "run", "new-settings").finished == {}
    assert not (tmp_path / "run" / "part-x").exists()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(ScaleError):
        RunDir(tmp_path / "mine", "settings")
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


def test_partitions_skip_stored_and_repeated_texts_and_are_keyed_by_content(in_process_coder) -> None:
    from brinkwatch.scale.runner import _Tally

    articles = _articles()
    repeat = articles[3].model_copy(update={"doc_id": "copy-of-3"})
    second_text = Article(doc_id="doc-5", text="Another text.")
    with Store() as store:
        ingest_articles(store, in_process_coder, articles[:2], dedup=False)
        tally = _Tally()
        parts = list(partitions(store, [*articles, repeat, second_text], 4, tally))
        again = list(partitions(store, [*articles, repeat, second_text], 4, _Tally()))
    assert [[a.doc_id for a in p.articles] for p in parts] == [["doc-2", "doc-3"], ["doc-4", "doc-5", "doc-6", "doc-7"]]
    assert [p.key for p in parts] == [p.key for p in again]
    assert (tally.read, tally.skipped) == (10, 3)
    assert [(e.source, e.code) for e in tally.errors] == [("doc-5", "E400")]


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
    from brinkwatch.pipeline.ingestion import IngestReport

    calls: list[dict] = []

    def fake_scale_ingest(store, paths, **kwargs):
        calls.append({"paths": list(paths), **kwargs})
        return IngestReport(articles_read=3, articles_added=3, events_added=5)

    monkeypatch.setattr(scale_module, "scale_ingest", fake_scale_ingest)
    result = CliRunner().invoke(app, ["scale", str(tmp_path), "--db", str(tmp_path / "s.duckdb"), "--workers", "3",
                                      "--scheduler", "tcp://10.0.0.5:8786", "--partition-size", "8",
                                      "--run-dir", str(tmp_path / "parts"), "--date", "2026-02-01"])
    assert result.exit_code == 0, result.output
    assert "added 3" in result.stdout and "events 5" in result.stdout
    (call,) = calls
    assert call["paths"] == [tmp_path] and call["n_workers"] == 3 and call["partition_size"] == 8
    assert call["scheduler"] == "tcp://10.0.0.5:8786" and call["settings"].db_path == tmp_path / "s.duckdb"
    assert call["run_dir"] == tmp_path / "parts" and call["default_date"] == dt.date(2026, 2, 1)


def test_stored_texts_start_no_cluster(monkeypatch, tmp_path) -> None:
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
        report = scale_ingest(store, _articles(), settings=Settings(), n_workers=2, run_dir=tmp_path / "run")
    assert (report.articles_read, report.articles_skipped, report.articles_added) == (len(TEXTS), len(TEXTS), 0)


def test_forked_workers_keep_order_and_report_too_long_articles(coder, monkeypatch) -> None:
    """``n_process=2``: tasks of a few articles flow through a window of forked workers, never a barrier."""
    monkeypatch.setattr(coder, "settings", coder.settings.model_copy(update={"max_chars": SMALL_LIMIT}))
    too_long = Article(doc_id="long", text="Iran threatened Israel. " * 40)
    articles = [*_articles(), too_long, *_articles()[::-1]]
    articles = [a.model_copy(update={"doc_id": f"{a.doc_id}-{i}"}) for i, a in enumerate(articles)]
    one_errors: list[DocumentError] = []
    two_errors: list[DocumentError] = []
    one = list(coder.code_articles(articles, batch_size=2, n_process=1, on_error=one_errors.append))
    two = list(coder.code_articles(articles, batch_size=2, n_process=2, on_error=two_errors.append))
    assert [d.article.doc_id for d in two] == [d.article.doc_id for d in one] == [
        a.doc_id for a in articles if a.doc_id != "long-8"]
    assert [[e.event_id for e in d.events] for d in two] == [[e.event_id for e in d.events] for d in one]
    assert [(e.source, e.code) for e in two_errors] == [(e.source, e.code) for e in one_errors] == [("long-8", "E104")]


def test_a_run_coded_with_other_knowledge_is_not_resumed(tmp_path) -> None:
    from brinkwatch.scale.runner import _settings_fingerprint

    mine = tmp_path / "mine.yaml"
    mine.write_text("version: 1\nactors: []\n")
    before = _settings_fingerprint(Settings(actor_files=(mine,), db_path=tmp_path / "a.duckdb"))
    assert _settings_fingerprint(Settings(actor_files=(mine,), db_path=tmp_path / "b.duckdb")) == before
    mine.write_text("version: 2\nactors: []\n")
    assert _settings_fingerprint(Settings(actor_files=(mine,))) != before
    assert _settings_fingerprint(Settings(max_chars=10)) != _settings_fingerprint(Settings())
