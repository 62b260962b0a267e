"""Scale-out ingestion on Dask: workers code partitions of articles, the driver merges them into DuckDB once.

``scale_ingest`` reads the input on the driver (``read_paths``), skips texts the database holds already
(and repeats within the run), and cuts the rest into partitions of ``partition_size`` articles. Each
partition is one task: the worker codes it with its own ``Coder`` (loaded once per worker process, see
``brinkwatch.scale.tasks``) and flattens the result into the store's Arrow tables; the driver writes
each finished partition as Parquet parts into a run directory and notes it in a manifest
(``brinkwatch.scale.parts``). At the end the parts are inserted into DuckDB in one transaction (DuckDB
has one writer, and one big insert is far cheaper than one per batch) and duplicates are merged
(dedup) once. A run that is killed resumes where it stopped: the same command re-codes only the
partitions that are not in the manifest.

At most ``2 * workers`` partitions are in flight, so a day of news streams through a bounded amount of
driver memory. ``scheduler`` connects to a running cluster (whose workers must have brinkwatch
installed; they need no shared filesystem, the parts come back to the driver); without it a
``LocalCluster`` of single-threaded worker processes on loopback is started for the run.

``DaskCoder`` is the other face: an ``ArticleCoder`` for ``ingest_articles`` that codes each write batch
on the workers, for callers that want the in-process pipeline's batch-by-batch writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import logging
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from brinkwatch.config import Settings
from brinkwatch.errors import BrinkwatchError, ScaleError, StoreError
from brinkwatch.model import Article, CodedDocument, DocumentError
from brinkwatch.pipeline.ingestion import IngestReport, run_dedup
from brinkwatch.scale.parts import RunDir
from brinkwatch.scale.tasks import (
    BatchResult,
    Partition,
    PartResult,
    code_batch,
    code_partition,
    coder_settings,
    warm_up,
)
from brinkwatch.store.db import Store

# Tasks queued per worker in one write batch of the ``DaskCoder``.
TASKS_PER_WORKER = 4
# Partitions in flight per worker: one being coded, one waiting, so a worker never idles for the driver.
IN_FLIGHT_PER_WORKER = 2
DEFAULT_PARTITION_SIZE = 32
# The last partitions of a run are cut smaller (``_tail``): this many held back, re-cut into pieces of a quarter
# of the partition size (at least 8 articles): with 400 articles in partitions of 32 one worker coded 208 of
# them while the other waited at the end.
TAIL_PARTITIONS = 2
TAIL_MIN = 8
# Dask settings of the local cluster (see docs/scale.md for a cluster started by someone else).
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.tick.interval": "1s",
}


def _error_class(code: str) -> type[BrinkwatchError]:
    """The numbered error class for ``code`` (a worker sends codes back, not exception objects)."""
    pending: list[type[BrinkwatchError]] = [BrinkwatchError]
    while pending:
        cls = pending.pop()
        if cls.code == code:
            return cls
        pending += cls.__subclasses__()
    return ScaleError


def _gather(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except BrinkwatchError:
        raise
    except Exception as exc:  # noqa: BLE001 - remote failures (lost worker, timeout, ...) come back as any type
        raise ScaleError(f"Dask run failed: {type(exc).__name__}: {exc}") from exc


class DaskCoder:
    """An ``EventCoder`` whose ``code_articles`` codes on Dask workers, ``batch_size`` articles per task.

    ``client`` is a Dask client, or a function that returns one: then the cluster is only started
    when there is something to code.
    """

    def __init__(self, client: Any, settings: Settings, *, batch_size: int = 16) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self._client = None if callable(client) else client
        self._connect: Callable[[], Any] | None = client if callable(client) else None
        self.settings = coder_settings(settings)
        self.batch_size = batch_size
        self._warm = False

    @property
    def client(self) -> Any:
        if self._client is None:
            assert self._connect is not None
            self._client = self._connect()
        return self._client

    def _warm_up(self) -> None:
        # Every worker loads its coder at the same time, before batches are handed out, so the first
        # tasks do not all land on whichever worker happened to finish loading first.
        if not self._warm:
            _gather(lambda: self.client.run(warm_up, self.settings))
            self._warm = True

    def code_articles(self, articles: Iterable[Article], *,
                      on_error: Callable[[DocumentError], None] | None = None) -> Iterator[CodedDocument]:
        batch = list(articles)
        if not batch:
            return iter(())
        self._warm_up()
        chunks = [batch[i:i + self.batch_size] for i in range(0, len(batch), self.batch_size)]
        futures = self.client.map(code_batch, chunks, settings=self.settings, pure=False)
        results: list[BatchResult] = _gather(lambda: self.client.gather(futures))
        for result in results:
            if result.failure is not None:
                code, message, source, line = result.failure
                # The pipeline then codes the write batch one article at a time to isolate the culprit.
                raise _error_class(code)(message, source=source, line=line)
        coded: list[CodedDocument] = []
        for result in results:
            for error in result.errors:
                if on_error is None:
                    raise _error_class(error.code)(error.message, source=error.source, line=error.line)
                on_error(error)
            coded += result.coded
        return iter(coded)


def worker_count(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


@contextmanager
def dask_client(n_workers: int = 2, scheduler: str | None = None) -> Iterator[Any]:
    """A client on ``scheduler``, or on a LocalCluster of ``n_workers`` single-threaded processes."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ScaleError(f"dask[distributed] is not installed: {exc}") from exc
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ScaleError(f"cannot connect to the Dask scheduler: {exc}", source=scheduler) from exc
        with client:
            yield client
        return
    if n_workers < 1:
        raise ScaleError("need at least one worker")
    import dask

    # One thread per worker: spaCy's parser holds the GIL, so threads would only add contention. The
    # monitoring a worker does by default (a stack sample of the task thread every 10 ms, memory every
    # 100 ms) took ~3.5% of a core per idle worker here and more beside a busy parse; nobody reads it.
    with dask.config.set(QUIET_WORKERS), LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
            silence_logs=logging.WARNING) as cluster, Client(cluster) as client:
        yield client


def _articles(items: Iterable[str | Path | Article | DocumentError],
              default_date: dt.date | None) -> Iterator[Article | DocumentError]:
    """Articles as given, or read from paths on the driver (a mixed list is read item by item)."""
    from brinkwatch.ingest import read_paths

    for is_path, group in itertools.groupby(items, key=lambda item: isinstance(item, (str, Path))):
        if is_path:
            yield from read_paths([Path(p) for p in group], default_date=default_date)  # type: ignore[arg-type]
        else:
            yield from group  # type: ignore[misc]


@dataclass
class _Tally:
    """What the driver saw while partitioning (local to one call)."""

    read: int = 0
    skipped: int = 0
    errors: list[DocumentError] = field(default_factory=list)


def partitions(store: Store, items: Iterable[Article | DocumentError], size: int,
               tally: _Tally) -> Iterator[Partition]:
    """Partitions of the articles the store does not hold yet; read errors, repeated texts and a second
    text under one ``doc_id`` are tallied instead. The key of a partition is a digest of its texts'
    hashes, so the same input gives the same partitions when the run is resumed. The last
    ``TAIL_PARTITIONS`` are cut smaller (``_tail``), so the workers finish together."""
    held: list[Partition] = []
    for partition in _partitions(store, items, size, tally):
        held.append(partition)
        if len(held) > TAIL_PARTITIONS:
            yield held.pop(0)
    yield from _tail(held, size, tally)


def _tail(held: list[Partition], size: int, tally: _Tally) -> Iterator[Partition]:
    """The articles of the last partitions in pieces of ``size / 4`` (at least ``TAIL_MIN``): a worker that
    finishes early takes the next small piece instead of idling while the other codes a whole partition.
    Partitions of ``TAIL_MIN`` or fewer articles are left as they are."""
    piece = min(size, max(TAIL_MIN, size // 4))
    if piece >= size:
        yield from held
        return
    yield from _cut([article for partition in held for article in partition.articles], piece, tally)


def _partitions(store: Store, items: Iterable[Article | DocumentError], size: int,
                tally: _Tally) -> Iterator[Partition]:
    seen_hashes: set[str] = set()
    seen_ids: set[str] = set()

    def fresh(chunk: list[Article]) -> list[Article]:
        stored = store.known_hashes(a.hash for a in chunk)
        out = []
        for article in chunk:
            if article.hash in stored or article.hash in seen_hashes:
                tally.skipped += 1
            elif article.doc_id in seen_ids:
                tally.errors.append(DocumentError(source=article.source_path or article.doc_id, code=StoreError.code,
                                                  message=f"doc_id {article.doc_id!r} already names another text"))
            else:
                seen_hashes.add(article.hash)
                seen_ids.add(article.doc_id)
                out.append(article)
        return out

    pending: list[Article] = []
    for item in items:
        if isinstance(item, DocumentError):
            tally.errors.append(item)
            continue
        tally.read += 1
        pending.append(item)
        if len(pending) >= size:
            yield from _cut(fresh(pending), size, tally)
            pending = []
    if pending:
        yield from _cut(fresh(pending), size, tally)


def _cut(articles: list[Article], size: int, tally: _Tally) -> Iterator[Partition]:
    # Re-cut so that skipped texts do not leave small partitions behind, except at the very end.
    for start in range(0, len(articles), size):
        chunk = tuple(articles[start:start + size])
        key = hashlib.sha256("\n".join(a.hash for a in chunk).encode()).hexdigest()[:20]
        yield Partition(key=key, articles=chunk)


def default_run_dir(store: Store) -> Path:
    """``<db>.parts`` beside a database file; a fresh temporary directory for an in-memory database."""
    if store.path in (":memory:", ""):
        return Path(tempfile.mkdtemp(prefix="brinkwatch-scale-"))
    return Path(store.path + ".parts")


def _settings_fingerprint(settings: Settings) -> str:
    """The coder's settings and the bytes of the user's knowledge files: parts coded with other knowledge
    are not merged with new ones."""
    digest = hashlib.sha256(coder_settings(settings).model_dump_json().encode())
    for path in (*settings.actor_files, *settings.pattern_files, *settings.place_files):
        try:
            digest.update(Path(path).read_bytes())
        except OSError as exc:
            raise ScaleError(f"cannot read a knowledge file: {exc}", source=str(path)) from exc
    return digest.hexdigest()[:20]


def _code_all(connect: Callable[[], Any], settings: Settings, stream: Iterator[Partition], run: RunDir,
              on_done: Callable[[PartResult | None, Partition], None]) -> None:
    """Submit partitions with at most ``IN_FLIGHT_PER_WORKER`` per worker in flight; hand each result
    (None when its task failed) to ``on_done`` as it arrives. The cluster starts with the first
    partition to code."""
    todo = (p for p in stream if p.key not in run.finished)
    first = next(todo, None)
    if first is None:
        return
    from dask.distributed import as_completed

    client = connect()
    settings = coder_settings(settings)
    _gather(lambda: client.run(warm_up, settings))  # every worker loads its coder at the same time
    limit = IN_FLIGHT_PER_WORKER * worker_count(client)
    queue = as_completed()
    submitted: dict[str, Partition] = {}

    def submit(partition: Partition) -> None:
        future = client.submit(code_partition, partition, settings, pure=False)
        submitted[future.key] = partition
        queue.add(future)

    submit(first)
    for partition in todo:
        while queue.count() >= limit:
            _finish(next(queue), submitted, on_done)
        submit(partition)
    for future in queue:
        _finish(future, submitted, on_done)


def _finish(future: Any, submitted: dict[str, Partition], on_done: Callable[[PartResult | None, Partition], None]) -> None:
    partition = submitted.pop(future.key)
    try:
        result = future.result()
    except Exception:  # noqa: BLE001 - a lost worker or a bug on it: its articles are reported, the run goes on
        logging.getLogger("brinkwatch").exception("partition %s failed", partition.key)
        result = None
    on_done(result, partition)


def scale_ingest(
    store: Store,
    paths_or_articles: Iterable[str | Path | Article | DocumentError],
    *,
    settings: Settings,
    n_workers: int = 2,
    scheduler: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    run_dir: Path | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
    dedup: bool = True,
    default_date: dt.date | None = None,
) -> IngestReport:
    """Code ``paths_or_articles`` on Dask workers, partition by partition, and merge them into ``store`` once.

    Paths are read with ``read_paths`` (``default_date`` for inputs without a date). ``run_dir`` holds
    the parts and the manifest (default ``<db>.parts``); a run is resumed from it and it is removed
    after the merge.
    """
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    run = RunDir(run_dir or default_run_dir(store), _settings_fingerprint(settings))
    tally = _Tally()
    failed: list[DocumentError] = []
    progress = IngestReport()

    def on_done(result: PartResult | None, partition: Partition) -> None:
        nonlocal progress
        if result is None:
            failed.extend(DocumentError(source=a.source_path or a.doc_id, code=ScaleError.code,
                                        message="the worker coding this article's partition failed")
                          for a in partition.articles)
        else:
            run.add(result)
        if on_progress is not None:
            done = list(run.finished.values())
            progress = replace(progress, articles_read=tally.read, articles_skipped=tally.skipped,
                               articles_added=sum(p.articles for p in done), events_added=sum(p.events for p in done),
                               errors=tuple(tally.errors + failed), batches=len(done))
            on_progress(progress)

    with ExitStack() as stack:
        _code_all(lambda: stack.enter_context(dask_client(n_workers, scheduler)), settings,
                  partitions(store, _articles(paths_or_articles, default_date), partition_size, tally), run, on_done)
    return _merged(store, run, tally, failed, dedup)


def _merged(store: Store, run: RunDir, tally: _Tally, failed: list[DocumentError], dedup: bool) -> IngestReport:
    merged = run.merge_into(store)
    errors = [*tally.errors, *failed, *(e for p in run.finished.values() for e in p.errors), *merged.errors]
    store.record_errors(errors)
    report = IngestReport(articles_read=tally.read, articles_added=merged.articles_added,
                          articles_skipped=tally.skipped + merged.articles_skipped,
                          events_added=merged.mentions_added, errors=tuple(errors), batches=len(run.finished))
    run.remove()  # merged: the parts are in the database now
    if dedup:
        try:
            report = replace(report, merge=run_dedup(store))
        except BrinkwatchError as exc:
            report = replace(report, errors=report.errors + (DocumentError(source="dedup", code=exc.code,
                                                                           message=exc.message),))
    return report
