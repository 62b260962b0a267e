"""Ingestion orchestration: read inputs, skip stored texts, code the rest, write batch by batch, merge.

The CLI ``ingest`` command, the HTTP API, the feed watcher and the Dask runner all call these functions. The
coder is passed in (anything with ``code_articles(articles) -> Iterable[CodedDocument]``), so the caller
chooses it and this module loads no NLP. A failing document is recorded as a ``DocumentError`` and the run goes on.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from brinkwatch.errors import BrinkwatchError
from brinkwatch.model import Article, CodedDocument, DocumentError, EventCoder
from brinkwatch.store.db import Store

Reader = Callable[..., Iterable[Article | DocumentError]]


@dataclass(frozen=True)
class IngestReport:
    """What an ingestion run did; handed to ``on_progress`` after every batch, and returned at the end."""

    articles_read: int = 0
    articles_added: int = 0
    articles_skipped: int = 0
    events_added: int = 0
    errors: tuple[DocumentError, ...] = ()
    merge: Any = None  # the dedup MergeResult, when dedup ran
    batches: int = 0

    @property
    def failed(self) -> bool:
        return bool(self.errors)


@dataclass
class _Run:
    """Mutable tally of one run (local to the call), frozen into an IngestReport for callers."""

    report: IngestReport = field(default_factory=IngestReport)

    def add(self, **counts: int) -> None:
        self.report = replace(self.report, **{k: getattr(self.report, k) + v for k, v in counts.items()})

    def fail(self, errors: Sequence[DocumentError]) -> None:
        self.report = replace(self.report, errors=self.report.errors + tuple(errors))


def _error_for(article: Article, exc: BrinkwatchError) -> DocumentError:
    return DocumentError(source=article.source_path or article.doc_id, line=exc.line, code=exc.code,
                         message=exc.message)


def accepts_on_error(coder: EventCoder) -> bool:
    try:
        return "on_error" in inspect.signature(coder.code_articles).parameters
    except (TypeError, ValueError):
        return False


def _call(coder: EventCoder, articles: list[Article]) -> tuple[list[CodedDocument], list[DocumentError]]:
    # The real Coder reports a per-article failure (e.g. E104 too large) through ``on_error`` and goes
    # on; a simpler coder may put DocumentError items in its output, or raise for the whole batch.
    reported: list[DocumentError] = []
    if accepts_on_error(coder):
        results = coder.code_articles(articles, on_error=reported.append)  # type: ignore[call-arg]
    else:
        results = coder.code_articles(articles)
    coded, errors = _split(results)
    return coded, reported + errors


def _code(coder: EventCoder, articles: list[Article]) -> tuple[list[CodedDocument], list[DocumentError]]:
    """Code a batch; if the coder fails on the batch, code one by one to find the article at fault."""
    try:
        return _call(coder, articles)
    except BrinkwatchError:
        if len(articles) == 1:
            raise
    coded: list[CodedDocument] = []
    errors: list[DocumentError] = []
    for article in articles:
        try:
            one_coded, one_errors = _call(coder, [article])
        except BrinkwatchError as exc:
            errors.append(_error_for(article, exc))
            continue
        coded += one_coded
        errors += one_errors
    return coded, errors


def _split(results: Iterable[CodedDocument | DocumentError]) -> tuple[list[CodedDocument], list[DocumentError]]:
    """A coder may report a per-document failure in its output instead of raising; keep both apart."""
    coded: list[CodedDocument] = []
    errors: list[DocumentError] = []
    for item in results:
        (errors if isinstance(item, DocumentError) else coded).append(item)
    return coded, errors


def _write(store: Store, coded: list[CodedDocument], run: _Run) -> list[DocumentError]:
    """Write a batch whole; if it fails, write the documents one by one so one bad one costs only itself."""
    try:
        result = store.write(coded)
        run.add(articles_added=result.articles_added, articles_skipped=result.articles_skipped,
                events_added=result.mentions_added)
        return []
    except BrinkwatchError as exc:
        if len(coded) == 1:
            return [_error_for(coded[0].article, exc)]
    errors: list[DocumentError] = []
    for doc in coded:
        try:
            result = store.write([doc])
        except BrinkwatchError as exc:
            errors.append(_error_for(doc.article, exc))
            continue
        run.add(articles_added=result.articles_added, articles_skipped=result.articles_skipped,
                events_added=result.mentions_added)
    return errors


def _process_batch(store: Store, coder: EventCoder, batch: list[Article], run: _Run) -> None:
    # Earlier batches are committed, so the store itself knows their hashes; only repeats inside
    # this batch need remembering (which keeps memory flat over a long run).
    seen = store.known_hashes(a.hash for a in batch)
    fresh: list[Article] = []
    for article in batch:
        if article.hash in seen:
            run.add(articles_skipped=1)
        else:
            seen.add(article.hash)
            fresh.append(article)
    errors: list[DocumentError] = []
    if fresh:
        try:
            coded, errors = _code(coder, fresh)
        except BrinkwatchError as exc:
            coded, errors = [], [_error_for(fresh[0], exc)]
        errors += _write(store, coded, run)
    if errors:
        store.record_errors(errors)
        run.fail(errors)
    run.add(batches=1)


def _batches(items: Iterable[Article | DocumentError], size: int, run: _Run,
             store: Store) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        if isinstance(item, DocumentError):
            store.record_errors([item])
            run.fail([item])
            continue
        run.add(articles_read=1)
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_dedup(store: Store) -> Any:
    """Merge the mentions not merged yet into events (``brinkwatch.analyze.dedup.merge_new``)."""
    # Imported here: a run that passes ``dedup=False`` (the Dask runner's parts) need not load it.
    from brinkwatch.analyze.dedup import merge_new

    return merge_new(store.con)


def ingest_articles(
    store: Store,
    coder: EventCoder,
    articles: Iterable[Article | DocumentError],
    *,
    batch_size: int = 32,
    on_progress: Callable[[IngestReport], None] | None = None,
    dedup: bool = True,
) -> IngestReport:
    """Code and store ``articles`` batch by batch (read errors among them are recorded), then merge."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    run = _Run()
    for batch in _batches(articles, batch_size, run, store):
        _process_batch(store, coder, batch, run)
        if on_progress is not None:
            on_progress(run.report)
    if dedup:
        # Always run, not only when this run added events: an earlier run may have stored mentions without
        # merging them (``dedup=False``, or an interrupted merge). A dedup failure keeps what was written.
        try:
            run.report = replace(run.report, merge=run_dedup(store))
        except BrinkwatchError as exc:
            run.fail([DocumentError(source="dedup", code=exc.code, message=exc.message)])
    return run.report


def _default_reader() -> Reader:
    from brinkwatch.ingest import read_paths

    return read_paths


def ingest_paths(
    store: Store,
    coder: EventCoder,
    paths: Iterable[str | Path],
    *,
    default_date: dt.date | None = None,
    batch_size: int = 32,
    on_progress: Callable[[IngestReport], None] | None = None,
    dedup: bool = True,
    reader: Reader | None = None,
    max_bytes: int | None = None,
) -> IngestReport:
    """Read files/directories with ``brinkwatch.ingest.read_paths`` (or ``reader``) and ingest them.

    ``max_bytes`` raises the reader's per-file size limit (for ``--max-chars`` beyond the default).
    """
    read = reader or _default_reader()
    limit = {"max_bytes": max_bytes} if max_bytes is not None else {}
    items = read([Path(p) for p in paths], default_date=default_date, **limit)
    return ingest_articles(store, coder, items, batch_size=batch_size, on_progress=on_progress, dedup=dedup)
