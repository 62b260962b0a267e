"""What one API process holds: the store, the lazily built coder, the actor KB, and their locks.

DuckDB connections are not thread-safe and FastAPI runs sync endpoints on a thread pool, so every
request works on its own cursor of the one connection. spaCy pipelines are not thread-safe either:
the single ``Coder`` is built on first use and only ever called under ``coder_lock``. Writes take
``write_lock`` so that two ingest requests never interleave their transactions and dedup passes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from brinkwatch.config import Settings
from brinkwatch.model import Article, CodedDocument, DocumentError
from brinkwatch.pipeline.budget import budget_of, budgeted
from brinkwatch.store import Store

CoderFactory = Callable[[], Any]  # returns anything with code_articles(articles) -> Iterable[CodedDocument]


def default_coder_factory(settings: Settings) -> CoderFactory:
    def build() -> Any:
        from brinkwatch.extract import Coder  # spaCy is imported only when coding is first asked for

        return Coder(settings)

    return build


@dataclass
class ApiState:
    """Per-app state (attached to ``app.state.bw``); nothing here is module-global."""

    store: Store
    settings: Settings
    coder_factory: CoderFactory
    read_only: bool = False
    allow_unauthenticated_writes: bool = False
    coder_lock: threading.Lock = field(default_factory=threading.Lock)
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    background: list[Any] = field(default_factory=list)  # start()/stop() objects run with the server
    _coder: Any = None
    _kb: Any = None
    _kb_lock: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def cursor(self) -> Iterator[Store]:
        """A Store over a fresh cursor, closed after the request."""
        twin = self.store.cursor()
        try:
            yield twin
        finally:
            twin.con.close()

    def _coder_locked(self) -> Any:
        # Called with coder_lock held, so the coder is built once even under concurrent first requests.
        # It runs under the per-document budget: a runaway request body costs its own request (E302)
        # instead of holding the coder, and with it every other coding request, for minutes.
        if self._coder is None:
            self._coder = budgeted(self.coder_factory(), budget_of(self.settings),
                                   batch_size=self.settings.batch_size)
        return self._coder

    def close(self) -> None:
        """On shutdown: stop the coder's worker process, which also frees a request blocked on it."""
        close = getattr(self._coder, "close", None)
        if callable(close):
            close()

    def code(self, articles: list[Article], on_error: Callable[[DocumentError], None] | None = None
             ) -> list[CodedDocument]:
        """Code articles with the one coder, one request at a time."""
        with self.coder_lock:
            coder = self._coder_locked()
            if on_error is not None and _accepts_on_error(coder):
                return list(coder.code_articles(articles, on_error=on_error))
            return list(coder.code_articles(articles))

    def actor_kb(self) -> Any:
        with self._kb_lock:
            if self._kb is None:
                coder = self._coder
                # A coder already built holds the KB (with the user's actor files); else load it alone.
                kb = getattr(coder, "kb", None) if coder is not None else None
                if kb is None:
                    from brinkwatch.actors import ActorKB

                    kb = ActorKB.load(self.settings.actor_files)
                self._kb = kb
            return self._kb


class LockedCoder:
    """The app's coder as an ``EventCoder`` for the ingest pipeline: built lazily, called under the lock."""

    def __init__(self, state: ApiState) -> None:
        self._state = state

    def code_articles(self, articles: Iterable[Article],
                      on_error: Callable[[DocumentError], None] | None = None) -> list[CodedDocument]:
        return self._state.code(list(articles), on_error=on_error)


def _accepts_on_error(coder: Any) -> bool:
    from brinkwatch.pipeline.ingestion import accepts_on_error

    return accepts_on_error(coder)
