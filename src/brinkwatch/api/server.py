"""Running the API: uvicorn settings that bound what a client can cost, and the in-process feed watcher.

- ``GuardedH11Protocol``: a connection must deliver its request headers within ``header_timeout_s`` of
  connecting (or of its previous response, on a kept-alive connection), else it is closed; a thousand
  half-sent requests cannot hold the server. Request bodies get the same bound per chunk in
  ``brinkwatch.api.errors.BodyLimitMiddleware``.
- ``uvicorn_options``: those timeouts, a cap on open connections, and a graceful shutdown of at most a
  few seconds, after which the app's lifespan stops the watcher and the coder's worker process -- so
  SIGTERM ends the server within ``GRACEFUL_S`` + ``SHUTDOWN_S`` (+ 1 s) even while a request is coding.
- ``FeedWatcher``: ``serve --watch feeds.txt`` runs ``brinkwatch.pipeline.watch.watch_feeds`` in a thread of
  the server, through the server's own connection and coder: the server is the database's one writer.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Sequence
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from brinkwatch.api.state import ApiState, LockedCoder
from brinkwatch.errors import BrinkwatchError
from brinkwatch.pipeline.watch import FeedOutcome, watch_feeds

log = logging.getLogger(__name__)

HEADER_TIMEOUT_S = 10.0
KEEP_ALIVE_S = 5.0
GRACEFUL_S = 3.0
SHUTDOWN_S = 3.0  # how long a stopping server waits for the watcher to finish its current feed
MAX_CONNECTIONS = 2048


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for the request headers (uvicorn itself has none)."""

    header_timeout_s = HEADER_TIMEOUT_S

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._awaited_cycle: Any = None
        self._header_timer: asyncio.TimerHandle | None = None
        self._arm_header_timer()

    def _arm_header_timer(self) -> None:
        self._disarm_header_timer()
        # The request that the timer waits for is the one after the current cycle.
        self._awaited_cycle = self.cycle
        self._header_timer = self.loop.call_later(self.header_timeout_s, self._headers_too_slow)

    def _disarm_header_timer(self) -> None:
        if getattr(self, "_header_timer", None) is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.logger.info("closing a connection that sent no complete request headers in %gs",
                             self.header_timeout_s)
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._header_timer is not None and self.cycle is not self._awaited_cycle:
            self._disarm_header_timer()  # the headers are in: a request cycle has started

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_timer()
        super().connection_lost(exc)


def guarded_protocol(header_timeout_s: float) -> type[GuardedH11Protocol]:
    """The protocol class with its own header deadline (uvicorn builds protocol instances itself)."""
    return type("GuardedH11Protocol", (GuardedH11Protocol,), {"header_timeout_s": header_timeout_s})


def uvicorn_options(*, header_timeout_s: float = HEADER_TIMEOUT_S) -> dict[str, Any]:
    """Keyword arguments for ``uvicorn.run`` / ``uvicorn.Config`` that bound slow clients and shutdown."""
    return {
        "http": guarded_protocol(header_timeout_s),
        "timeout_keep_alive": KEEP_ALIVE_S,
        "timeout_graceful_shutdown": GRACEFUL_S,
        "limit_concurrency": MAX_CONNECTIONS,
    }


class FeedWatcher:
    """The feed watcher as a thread of the server (started and stopped by the app's lifespan)."""

    def __init__(self, state: ApiState, feeds: Sequence[str], *, every_s: float, allow_private: bool = False
                 ) -> None:
        self.state = state
        self.feeds = list(feeds)
        self.every_s = every_s
        self.allow_private = allow_private
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.cycles = 0

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="brinkwatch-watch", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = SHUTDOWN_S) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        coder = LockedCoder(self.state)
        with self.state.cursor() as store:  # this thread's own cursor of the server's connection
            while not self._stop.is_set():
                try:
                    watch_feeds(store, coder, self.feeds, every_s=self.every_s, allow_private=self.allow_private,
                                stop=self._stop, lock=self.state.write_lock, on_feed=self._on_feed)
                except BrinkwatchError as exc:
                    # The store failed under the watcher (disk full, ...): say so and try again next interval.
                    log.error("feed watcher: %s", exc)
                    self._stop.wait(self.every_s)

    def _on_feed(self, cycle: int, outcome: FeedOutcome) -> None:
        self.cycles = max(self.cycles, cycle)
        if outcome.status == "fetched":
            log.info("watch cycle %d: %s: added %d articles, %d events, %d errors", cycle, outcome.url,
                     outcome.articles_added, outcome.events_added, len(outcome.errors))

