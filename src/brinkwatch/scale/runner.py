"""Scale-out ingestion on Dask: workers code batches of articles, the driver writes them to DuckDB.

``scale_ingest`` runs the ordinary ``ingest_articles`` pipeline on the driver with a ``DaskCoder``
in place of the in-process coder: the pipeline still skips stored texts, writes each batch with
``Store.write`` (DuckDB allows one writer, so only the driver writes), records per-document errors and
runs dedup at the end; the ``DaskCoder`` only spreads the coding of each write batch over the workers,
which run the same ``Coder`` (loaded once per worker process, see ``brinkwatch.scale.tasks``).
Files are read on the driver with ``read_paths``. ``scheduler`` connects to a running cluster (whose
workers must have brinkwatch installed); without it a ``LocalCluster`` of processes on loopback is
started for the run and shut down after it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from brinkwatch.config import Settings
from brinkwatch.errors import BrinkwatchError, ScaleError
from brinkwatch.model import Article, CodedDocument, DocumentError
from brinkwatch.scale.tasks import BatchResult, code_batch, warm_up
from brinkwatch.store.db import Store
from brinkwatch.store.pipeline import IngestReport, ingest_articles

# Tasks queued per worker in one write batch: enough that a worker finishing early finds more work,
# few enough that results reach the database (and the progress line) regularly.
TASKS_PER_WORKER = 4


def _error_class(code: str) -> type[BrinkwatchError]:
    """The numbered error class for ``code`` (a worker sends codes back, not exception objects)."""
    pending: list[type[BrinkwatchError]] = [BrinkwatchError]
    while pending:
        cls = pending.pop()
        if cls.code == code:
            return cls
        pending += cls.__subclasses__()
    return ScaleError


class DaskCoder:
    """An ``EventCoder`` whose ``code_articles`` codes on Dask workers, ``batch_size`` articles per task.

    ``client`` is a Dask client, or a function that returns one: then the cluster is only started
    when there is something to code (re-ingesting stored files starts no workers).
    """

    def __init__(self, client: Any, settings: Settings, *, batch_size: int = 16) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self._client = None if callable(client) else client
        self._connect: Callable[[], Any] | None = client if callable(client) else None
        self.settings = settings
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
            self._gather(lambda: self.client.run(warm_up, self.settings))
            self._warm = True

    def _gather(self, call: Callable[[], Any]) -> Any:
        try:
            return call()
        except BrinkwatchError:
            raise
        except Exception as exc:  # noqa: BLE001 - remote failures (lost worker, timeout, ...) come back as any type
            raise ScaleError(f"Dask run failed: {type(exc).__name__}: {exc}") from exc

    def code_articles(self, articles: Iterable[Article], *,
                      on_error: Callable[[DocumentError], None] | None = None) -> Iterator[CodedDocument]:
        batch = list(articles)
        if not batch:
            return iter(())
        self._warm_up()
        chunks = [batch[i:i + self.batch_size] for i in range(0, len(batch), self.batch_size)]
        futures = self.client.map(code_batch, chunks, settings=self.settings, pure=False)
        results: list[BatchResult] = self._gather(lambda: self.client.gather(futures))
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
    # One thread per worker: spaCy's parser holds the GIL, so threads would only add contention.
    with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.WARNING) as cluster, Client(cluster) as client:
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


def scale_ingest(
    store: Store,
    paths_or_articles: Iterable[str | Path | Article | DocumentError],
    *,
    settings: Settings,
    n_workers: int = 2,
    scheduler: str | None = None,
    batch_size: int = 16,
    on_progress: Callable[[IngestReport], None] | None = None,
    dedup: bool = True,
    default_date: dt.date | None = None,
) -> IngestReport:
    """Code ``paths_or_articles`` on Dask workers and store them (and merge) on the driver.

    Paths are read with ``read_paths`` (``default_date`` for inputs without a date); ``batch_size``
    articles make one worker task.
    """
    with ExitStack() as stack:
        coder = DaskCoder(lambda: stack.enter_context(dask_client(n_workers, scheduler)), settings,
                          batch_size=batch_size)
        # A local cluster is started on first need; a remote one is asked how many workers it has.
        workers = worker_count(coder.client) if scheduler else n_workers
        write_batch = batch_size * workers * TASKS_PER_WORKER
        return ingest_articles(store, coder, _articles(paths_or_articles, default_date), batch_size=write_batch,
                               on_progress=on_progress, dedup=dedup)
