"""Feed watching: poll RSS/Atom feeds on a schedule and ingest their new entries incrementally.

Each cycle visits every feed that is due: a conditional GET (``If-None-Match`` / ``If-Modified-Since``
with the validators of the last 200 answer; a 304 means nothing to do), the entries through the
ingest feed reader, the linked page for entries that carry only a summary, and then the same
``ingest_articles`` as ``brinkwatch ingest`` (already stored texts are skipped, dedup merges new
mentions into known events). Per-feed state lives in the ``feed_state`` table of the same DuckDB
database (``brinkwatch.store.feeds``), so a restarted watcher (or a cron job running ``--once``) carries on where it stopped.
A feed that fails (network, HTTP 4xx/5xx, malformed XML) is retried after an exponential backoff
(``every * 2**failures``, capped at a day); the other feeds go on and the loop never stops for it.
Fetching, the clock and sleeping are injectable so tests run against a local server and a fake clock.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from brinkwatch.errors import BrinkwatchError, CodingError, IngestError
from brinkwatch.ingest import FetchResult, article_from_html, fetch_url
from brinkwatch.ingest.feed import ParsedFeed, articles_from_parsed, has_full_content, parse_feed
from brinkwatch.model import Article, DocumentError, EventCoder
from brinkwatch.pipeline.ingestion import ingest_articles
from brinkwatch.store.db import Store
from brinkwatch.store.feeds import FeedState, load_feed_state, save_feed_state

log = logging.getLogger(__name__)

MAX_BACKOFF_S = 24 * 3600.0

Fetch = Callable[..., FetchResult]
Clock = Callable[[], dt.datetime]
Sleep = Callable[[float], None]
Status = Literal["fetched", "not_modified", "failed", "deferred"]

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_S = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_every(text: str) -> float:
    """``30s``, ``15m``, ``1h``, ``1d`` (or plain seconds) to seconds; ValueError for anything else."""
    match = _EVERY.match(text.lower())
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"interval must look like 30s, 15m or 1h, not {text!r}")
    return float(match.group(1)) * _UNIT_S[match.group(2)]


def read_feed_list(path: str | Path) -> list[str]:
    """Feed URLs from a text file: one per line; ``#`` comments and blank lines are ignored."""
    urls: list[str] = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        # Only whole-line comments: a '#' inside a URL is a fragment, not a comment.
        line = raw.strip()
        if line and not line.startswith("#") and line not in urls:
            urls.append(line)
    return urls


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def backoff_seconds(every_s: float, failures: int) -> float:
    """Wait before retrying a feed that failed ``failures`` times in a row."""
    return min(every_s * 2.0 ** min(failures, 32), MAX_BACKOFF_S)


@dataclass(frozen=True)
class FeedOutcome:
    """What one cycle did with one feed."""

    url: str
    status: Status
    articles_read: int = 0
    articles_added: int = 0
    events_added: int = 0
    pages_fetched: int = 0
    errors: tuple[DocumentError, ...] = ()
    next_attempt: dt.datetime | None = None


@dataclass(frozen=True)
class WatchReport:
    """Totals over every cycle of a ``watch_feeds`` call, and the outcomes of its last cycle.

    Only totals are kept across cycles, so a watcher that runs for months holds constant memory.
    """

    cycles: int = 0
    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    deferred: int = 0
    articles_added: int = 0
    events_added: int = 0
    errors: int = 0
    last_cycle: tuple[FeedOutcome, ...] = ()

    def add_cycle(self, outcomes: Sequence[FeedOutcome]) -> WatchReport:
        statuses = [o.status for o in outcomes]
        return WatchReport(
            cycles=self.cycles + 1,
            fetched=self.fetched + statuses.count("fetched"),
            not_modified=self.not_modified + statuses.count("not_modified"),
            failed=self.failed + statuses.count("failed"),
            deferred=self.deferred + statuses.count("deferred"),
            articles_added=self.articles_added + sum(o.articles_added for o in outcomes),
            events_added=self.events_added + sum(o.events_added for o in outcomes),
            errors=self.errors + sum(len(o.errors) for o in outcomes),
            last_cycle=tuple(outcomes),
        )


# --- one feed ----------------------------------------------------------------------------------------
def _full_content_keys(parsed: ParsedFeed) -> set[str]:
    """Ids and links of entries that carry a full ``content`` body (the others hold only a summary)."""
    keys: set[str] = set()
    for entry in parsed.entries:
        if not isinstance(entry, DocumentError) and has_full_content(entry):
            keys.update(k for k in (entry.get("id"), entry.get("link")) if isinstance(k, str) and k)
    return keys


def _feed_failure(first: DocumentError, feed_url: str) -> BrinkwatchError:
    """The error that fails a feed of which no entry could be read, keeping the reader's error code."""
    by_code = {cls.code: cls for cls in _ingest_error_classes()}
    return by_code.get(first.code, IngestError)(first.message, source=feed_url, line=first.line)


def _ingest_error_classes() -> list[type[IngestError]]:
    found: list[type[IngestError]] = []
    pending: list[type[IngestError]] = [IngestError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending += cls.__subclasses__()
    return found


def _page_article(summary: Article, fetch: Fetch, feed_url: str) -> Article:
    """The linked page's article, under the entry's id so that a later cycle recognises the entry."""
    assert summary.url is not None
    result = fetch(summary.url)
    page = article_from_html(result.body, doc_id=summary.doc_id, url=result.url or summary.url,
                             default_date=summary.pub_date)
    return page.model_copy(update={
        "title": page.title or summary.title,
        "publisher": summary.publisher or page.publisher,
        "pub_date": page.pub_date or summary.pub_date,
        "source_path": feed_url,
        "fetched_at": dt.datetime.now(dt.UTC),
    })


def _entry_articles(store: Store, body: bytes, feed_url: str,
                    fetch: Fetch) -> tuple[list[Article | DocumentError], int, int]:
    """New entries of a feed as articles (pages fetched for summary-only entries), plus counts.

    Entries whose id is stored already are left out: a feed repeats its recent entries on every
    change, and a publisher's later edit of an entry must not collide with the stored text's id.
    Returns the items, the number of entries read and the number of pages fetched.
    """
    parsed = parse_feed(body, source=feed_url)
    items = list(articles_from_parsed(parsed, source=feed_url))
    entries = [item for item in items if isinstance(item, Article)]
    # The ingest reader keeps what it can of a damaged feed; a feed with nothing readable has failed.
    if not entries and items:
        raise _feed_failure(items[0], feed_url)  # type: ignore[arg-type]
    known = store.known_doc_ids(a.doc_id for a in entries)
    full = _full_content_keys(parsed)
    out: list[Article | DocumentError] = [item for item in items if isinstance(item, DocumentError)]
    pages = 0
    for article in entries:
        if article.doc_id in known:
            continue
        if article.url and article.doc_id not in full and article.url not in full:
            try:
                article = _page_article(article, fetch, feed_url)
                pages += 1
            except BrinkwatchError as exc:
                # The summary still names the event; keep it and say why the page is missing.
                out.append(DocumentError(source=article.url, code=exc.code, message=exc.message))
        out.append(article)
    return out, len(entries), pages


def _visit(store: Store, coder: EventCoder, state: FeedState, *, fetch: Fetch, batch_size: int,
           started: dt.datetime) -> tuple[FeedOutcome, FeedState]:
    """Fetch, read and ingest one feed; raises BrinkwatchError when the feed itself failed."""
    result = fetch(state.url, etag=state.etag, last_modified=state.last_modified)
    success = replace(state, last_success=started, last_attempt=started, consecutive_failures=0,
                      next_attempt=None, last_error=None)
    if result.status == 304:
        return FeedOutcome(state.url, "not_modified"), success
    items, read, pages = _entry_articles(store, result.body, state.url, fetch)
    report = ingest_articles(store, coder, items, batch_size=batch_size)
    outcome = FeedOutcome(state.url, "fetched", articles_read=read, articles_added=report.articles_added,
                          events_added=report.events_added, pages_fetched=pages, errors=report.errors)
    if any(error.code == CodingError.code for error in report.errors):
        # An entry's coding worker died (a server shutting down stops it) or ran out of memory: keep the
        # old validators, so the next cycle gets the feed in full and codes what was not stored.
        return outcome, replace(success, articles_added=state.articles_added + report.articles_added)
    return outcome, replace(success, etag=result.etag, last_modified=result.last_modified,
                            articles_added=state.articles_added + report.articles_added)


def _failed(state: FeedState, error: DocumentError, *, every_s: float,
            started: dt.datetime) -> tuple[FeedOutcome, FeedState]:
    failures = state.consecutive_failures + 1
    # Counted from the cycle's start, so a feed backed off by k intervals is due again exactly k cycles on.
    next_attempt = started + dt.timedelta(seconds=backoff_seconds(every_s, failures))
    log.warning("feed %s failed (%s %s); attempt %d, next try at %s UTC", state.url, error.code,
                error.message, failures, next_attempt.isoformat(timespec="seconds"))
    new_state = replace(state, last_attempt=started, consecutive_failures=failures, next_attempt=next_attempt,
                        last_error=f"{error.code} {error.message}")
    return FeedOutcome(state.url, "failed", errors=(error,), next_attempt=next_attempt), new_state


def guarded_fetch(allow_private: bool = False) -> Fetch:
    """``fetch_url`` refusing loopback/private/link-local addresses unless ``allow_private`` (see ingest.fetch)."""
    return functools.partial(fetch_url, allow_private=allow_private)


def watch_feed_once(store: Store, coder: EventCoder, url: str, *, every_s: float, fetch: Fetch | None = None,
                    started: dt.datetime | None = None, batch_size: int = 32) -> FeedOutcome:
    """One visit of one feed (skipped when it is backed off); the feed's state is saved either way."""
    fetch = fetch or guarded_fetch()
    started = started or utc_now()
    state = load_feed_state(store, url)
    if state.next_attempt is not None and state.next_attempt > started:
        return FeedOutcome(url, "deferred", next_attempt=state.next_attempt)
    try:
        outcome, new_state = _visit(store, coder, state, fetch=fetch, batch_size=batch_size, started=started)
    except BrinkwatchError as exc:
        error = DocumentError(source=url, line=exc.line, code=exc.code, message=exc.message)
        outcome, new_state = _failed(state, error, every_s=every_s, started=started)
    except Exception as exc:  # noqa: BLE001 - a long-running watcher must outlive one feed's surprise
        # Not swallowed: logged with its traceback, stored as the feed's last error and backed off.
        log.exception("unexpected failure on feed %s", url)
        error = DocumentError(source=url, code=IngestError.code, message=f"{type(exc).__name__}: {exc}")
        outcome, new_state = _failed(state, error, every_s=every_s, started=started)
    save_feed_state(store, new_state)
    if outcome.status == "failed":
        # Entry and page errors were recorded by ingest_articles; a failed feed is recorded here.
        store.record_errors(outcome.errors)
    return outcome


# --- the loop ----------------------------------------------------------------------------------------
@contextmanager
def _cycle_store(store: Store | str | Path) -> Iterator[Store]:
    """The store for one cycle: the one given, or the database at a path, opened for the cycle only.

    Opening by path per cycle lets other processes (``brinkwatch serve``, ``events``) open the DuckDB
    file between cycles; a DuckDB file has one writing process at a time.
    """
    if isinstance(store, Store):
        yield store
        return
    with Store(store) as opened:
        yield opened


def _run_cycle(store: Store | str | Path, coder: EventCoder, feeds: Sequence[str], *, every_s: float,
               fetch: Fetch, started: dt.datetime, batch_size: int, on_feed: Callable[[FeedOutcome], None],
               stop: threading.Event | None, lock: AbstractContextManager | None) -> list[FeedOutcome]:
    outcomes: list[FeedOutcome] = []
    with _cycle_store(store) as cycle_store:
        for url in feeds:
            if stop is not None and stop.is_set():
                break
            # One feed at a time under the writer's lock: a server's own writes wait for one feed, not a cycle.
            with lock or nullcontext():
                outcome = watch_feed_once(cycle_store, coder, url, every_s=every_s, fetch=fetch, started=started,
                                          batch_size=batch_size)
            outcomes.append(outcome)
            on_feed(outcome)
    return outcomes


def watch_feeds(
    store: Store | str | Path,
    coder: EventCoder,
    feeds: Sequence[str],
    *,
    every_s: float,
    once: bool = False,
    max_cycles: int | None = None,
    fetch: Fetch | None = None,
    allow_private: bool = False,
    clock: Clock = utc_now,
    sleep: Sleep = time.sleep,
    batch_size: int = 32,
    on_feed: Callable[[int, FeedOutcome], None] | None = None,
    stop: threading.Event | None = None,
    lock: AbstractContextManager | None = None,
) -> WatchReport:
    """Watch ``feeds`` every ``every_s`` seconds until ``once`` / ``max_cycles`` says stop (else forever).

    ``store`` is an open Store, or the path of a database to open for each cycle and close while
    sleeping. ``clock`` returns naive UTC datetimes. ``on_feed(cycle, outcome)`` follows every feed visit.
    Feeds and the pages they link to are fetched with ``fetch`` (default: ``fetch_url``, which refuses
    loopback, private and link-local addresses unless ``allow_private``). Inside a server, ``stop`` ends
    the loop (between feeds, and at once while sleeping) and ``lock`` is held while a feed is written.
    """
    if every_s <= 0:
        raise ValueError("every_s must be positive")
    fetch = fetch or guarded_fetch(allow_private)
    report = WatchReport()
    limit = 1 if once else max_cycles
    while (limit is None or report.cycles < limit) and not (stop is not None and stop.is_set()):
        started = clock()
        cycle = report.cycles + 1
        outcomes = _run_cycle(store, coder, feeds, every_s=every_s, fetch=fetch, started=started,
                              batch_size=batch_size,
                              on_feed=lambda outcome, cycle=cycle: on_feed(cycle, outcome) if on_feed else None,
                              stop=stop, lock=lock)
        report = report.add_cycle(outcomes)
        if limit is not None and report.cycles >= limit:
            break
        elapsed = (clock() - started).total_seconds()
        if stop is not None:
            stop.wait(max(0.0, every_s - elapsed))
        else:
            sleep(max(0.0, every_s - elapsed))
    return report
