"""Per-document time and memory budget: coding runs in a forked worker process that can be killed.

A runaway document (a long run of punctuation, a megabyte without a sentence break) spends its time
inside the parser or the extractors, where no timeout in the same process can interrupt it, and a thread
cannot be killed. ``BudgetedCoder`` wraps a loaded coder: a worker process forked from this one (sharing
the loaded pipeline and knowledge copy-on-write) codes each batch and sends every finished document back.
When the next document takes longer than the budget, the worker is killed and forked again; the document
is tried once more on its own (the overrun may have been the parse of its whole batch) and, if it overruns
again, reported as ``DocumentTimeoutError`` (E302) while the rest of the batch goes on. A worker that
exceeds its memory budget (address space it may add to what it inherited) or dies is treated the same
way, as ``CodingError`` (E301). The caller sees an ordinary coder: ``code_articles(articles, on_error=)``.

Without ``fork`` (not on Linux/macOS) the coder is used directly, unbudgeted.
"""

from __future__ import annotations

import gc
import inspect
import itertools
import multiprocessing
import os
import resource
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from brinkwatch.config import Settings
from brinkwatch.errors import BrinkwatchError, CodingError, DocumentTimeoutError
from brinkwatch.model import Article, CodedDocument, DocumentError

ErrorSink = Callable[[DocumentError], None]
_PARENT_CHECK_S = 2.0  # how often an idle worker checks that its parent is still there


@dataclass(frozen=True)
class Budget:
    """What one document may cost: wall-clock seconds, and memory the worker may add (None: no limit)."""

    seconds: float = 60.0
    memory_mb: int | None = None


def budget_of(settings: Settings) -> Budget | None:
    """The per-document budget ``settings`` ask for (``doc_timeout_s``, ``doc_memory_mb``), None when off."""
    if not settings.doc_timeout_s:
        return None
    return Budget(seconds=settings.doc_timeout_s, memory_mb=settings.doc_memory_mb or None)


def fork_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


# --- the worker process ----------------------------------------------------------------------------------
def _limit_memory(extra_mb: int) -> None:
    """Let this process grow its address space by at most ``extra_mb`` beyond what it has now."""
    with open("/proc/self/statm") as statm:
        current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    limit = current + extra_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))


def _accepts(coder: Any, name: str) -> bool:
    try:
        return name in inspect.signature(coder.code_articles).parameters
    except (TypeError, ValueError):
        return False


def _error_tuple(error: DocumentError) -> tuple:
    return ("error", error.source, error.line, error.code, error.message)


def _code_in_worker(coder: Any, batch: list[Article], conn: Connection) -> None:
    kwargs: dict[str, Any] = {}
    if _accepts(coder, "n_process"):
        kwargs["n_process"] = 1  # this is the worker: no pool of its own
    if _accepts(coder, "on_error"):
        kwargs["on_error"] = lambda error: conn.send(_error_tuple(error))
    for item in coder.code_articles(batch, **kwargs):
        conn.send(_error_tuple(item) if isinstance(item, DocumentError) else ("doc", item))


def _serve(conn: Connection, parent_end: Connection, coder: Any, memory_mb: int | None) -> None:
    """Worker loop: receive a batch, send ("doc", CodedDocument) / ("error", ...) items, then ("done",).

    The worker ends when the parent closes its end of the pipe or dies (even by SIGKILL): it closes its
    inherited copy of the parent's end first, or it would keep the pipe open and never see the end.
    """
    parent_end.close()
    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it kills us
    if memory_mb is not None:
        _limit_memory(memory_mb)
    while True:
        try:
            while not conn.poll(_PARENT_CHECK_S):
                if os.getppid() != parent:
                    return  # orphaned
            batch = conn.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        try:
            _code_in_worker(coder, batch, conn)
            conn.send(("done",))
        except MemoryError:
            conn.send(("failed", "memory"))
            return
        except BrinkwatchError as exc:
            conn.send(("raised", type(exc).__name__, exc.code, exc.message, exc.source, exc.line))
        except (BrokenPipeError, EOFError):
            return


# --- the parent side -------------------------------------------------------------------------------------
class _Overrun(Exception):
    """The worker missed the budget ("timeout"), ran out of memory ("memory") or died ("died")."""

    def __init__(self, reason: str, finished: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.finished = finished


class BudgetedCoder:
    """A coder whose every document must finish within ``budget`` (see the module docstring)."""

    def __init__(self, coder: Any, budget: Budget, *, batch_size: int = 32) -> None:
        self.coder = coder
        self.budget = budget
        self.batch_size = batch_size
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._lock = threading.Lock()  # one batch at a time goes through the one worker
        self._warm = False
        self._forked = False  # a worker was started before: the next one replaces it

    def __getattr__(self, name: str) -> Any:
        # Everything but coding (the KB, settings, ...) is the wrapped coder's.
        return getattr(self.coder, name)

    def code_articles(self, articles: Iterable[Article], *, on_error: ErrorSink | None = None
                      ) -> Iterator[CodedDocument | DocumentError]:
        iterator = iter(articles)
        while batch := list(itertools.islice(iterator, self.batch_size)):
            with self._lock:
                yield from self._code_batch(batch, on_error)

    def close(self) -> None:
        """Stop the worker (also what a server does on shutdown, to free a request blocked on it)."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            try:
                conn.send(None)
            except OSError:
                pass
            conn.close()
        if process is not None:
            process.join(timeout=1)
            if process.is_alive():
                process.kill()
                process.join()

    # --- internals ---------------------------------------------------------------------------------------
    def _start(self) -> Connection:
        if self._conn is None:
            warm_up = getattr(self.coder, "warm_up", None)
            if callable(warm_up) and self._forked and not self._warm:
                # Before the first replacement worker: built once here, inherited by every worker forked
                # after, instead of each replacement charging it to its first document. Not before the first
                # worker, which builds only what its documents need (most runs never replace it; the full
                # warm-up, ~0.8 s of CPU, was a third of a cold one-sentence `brinkwatch code`).
                warm_up()
                self._warm = True
            self._forked = True
            context = multiprocessing.get_context("fork")
            parent, child = context.Pipe()
            # With fork, the coder reaches the worker by inheritance, never by pickling.
            process = context.Process(target=_serve, args=(child, parent, self.coder, self.budget.memory_mb),
                                      daemon=True, name="brinkwatch-coder")
            # The worker inherits the knowledge bases frozen (as extract.workers does for n_process): its
            # collector then never walks them, so a full collection costs the worker's own objects only,
            # not ~0.15 s of the coder's tables charged to whichever document it falls on.
            gc.freeze()
            try:
                process.start()
            finally:
                gc.unfreeze()
            child.close()
            self._process, self._conn = process, parent
        return self._conn

    def _kill(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join()
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None

    def _code_batch(self, batch: list[Article], on_error: ErrorSink | None) -> Iterator[CodedDocument | DocumentError]:
        queue, alone = list(batch), False
        while queue:
            attempt = queue[:1] if alone else queue
            try:
                yield from self._attempt(attempt, on_error)
                queue, alone = queue[len(attempt):], False
            except _Overrun as overrun:
                queue = queue[overrun.finished:]
                if alone or len(attempt) - overrun.finished == 1:
                    # Overran on its own: this document is at fault; report it and go on with the rest
                    # (through ``on_error`` when given, like every other per-document error).
                    failure = self._failure(queue[0], overrun.reason)
                    if on_error is None:
                        yield failure
                    else:
                        on_error(failure)
                    queue, alone = queue[1:], False
                else:
                    alone = True  # the overrun may have been the parse of the whole batch: try it alone

    def _attempt(self, batch: list[Article], on_error: ErrorSink | None) -> Iterator[CodedDocument | DocumentError]:
        conn = self._start()
        position = {(a.doc_id, a.hash): i for i, a in enumerate(batch)}
        finished = 0
        try:
            try:
                conn.send(batch)
                while True:
                    if not conn.poll(self.budget.seconds):
                        raise _Overrun("timeout", finished)
                    message = conn.recv()
                    if message[0] == "done":
                        return
                    if message[0] == "doc":
                        doc: CodedDocument = message[1]
                        finished = position.get((doc.article.doc_id, doc.article.hash), finished) + 1
                        yield doc
                    else:
                        yield from self._other(message, finished, on_error)
            except (EOFError, OSError) as exc:
                raise _Overrun("died", finished) from exc
        except BaseException:
            # An overrun, or the caller stopped reading in the middle of a batch: either way the worker is
            # busy or gone and cannot serve the next batch.
            self._kill()
            raise

    @staticmethod
    def _other(message: tuple, finished: int, on_error: ErrorSink | None) -> Iterator[DocumentError]:
        kind = message[0]
        if kind == "raised":
            raise _reraise(message)
        if kind == "failed":
            raise _Overrun(message[1], finished)
        error = DocumentError(source=message[1], line=message[2], code=message[3], message=message[4])
        if on_error is None:
            yield error
        else:
            on_error(error)

    def _failure(self, article: Article, reason: str) -> DocumentError:
        source = article.source_path or article.doc_id
        if reason == "timeout":
            error: BrinkwatchError = DocumentTimeoutError(
                f"coding {article.doc_id!r} ({len(article.text):,} characters) took over the budget of "
                f"{self.budget.seconds:g} s; the document was skipped", source=source)
        elif reason == "memory":
            error = CodingError(f"coding {article.doc_id!r} needed over the memory budget of "
                                f"{self.budget.memory_mb} MB; the document was skipped", source=source)
        else:
            error = CodingError(f"the coding worker died on {article.doc_id!r}; the document was skipped",
                                source=source)
        return DocumentError(source=source, code=error.code, message=error.message)


def _reraise(message: tuple) -> BrinkwatchError:
    """The worker's BrinkwatchError, rebuilt in this process (raised for the whole batch, as unbudgeted)."""
    _, name, code, text, source, line = message
    error = BrinkwatchError(text, source=source, line=line)
    error.code = code
    return error


def budgeted(coder: Any, budget: Budget | None, *, batch_size: int = 32) -> Any:
    """``coder`` under ``budget`` when one is given and fork is available, else ``coder`` itself."""
    if budget is None or not fork_available():
        return coder
    return BudgetedCoder(coder, budget, batch_size=batch_size)

