"""Forked worker processes for ``Coder.code_articles(..., n_process=N)``: parse *and* extract in the workers.

``nlp.pipe(n_process=...)`` parallelises only the parse and ships every Doc back to the parent, where
unpickling and extraction then compete with the parsers for the cores (0.44 of bare ``nlp.pipe`` on two
cores). Workers forked from the parent share the loaded pipeline and knowledge copy-on-write and return
finished ``CodedDocument`` records (pickling them back costs ~1% of coding them). What keeps both cores busy,
measured on 120 news-length articles (1.99x one process on a quiet 2-core machine):

- the coder is warmed up *before* the fork (``warm_up``: gazetteer index, date parser), else every worker
  builds them again (seconds each) and throws them away with the pool;
- ``gc.freeze()`` before the fork: the collector in a worker then never walks (and so never copies) the
  parent's objects;
- tasks are small (``TASK_SIZE`` articles) and kept flowing through a window of ``2 * n_process`` tasks in
  flight, never a batch barrier: with 32-article tasks one worker sat idle for up to a whole task at the end
  of every round, and the memory used stays bounded on a long stream.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from brinkwatch.model import Article, CodedDocument, DocumentError

if TYPE_CHECKING:
    from brinkwatch.extract.coder import Coder

# Articles per task: small enough that neither worker waits long for the other at the end of a stream, big
# enough that the per-task cost is lost in the parse.
TASK_SIZE = 8
_WARM_UP_TEXT = "Iraq's prime minister met the Iranian president in Baghdad on Monday."

_WORKER: dict[str, Coder] = {}  # filled only inside forked worker processes, by _adopt_coder


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def code_in_workers(coder: Coder, articles: Iterable[Article], batch_size: int, n_process: int,
                    on_error: Callable[[DocumentError], None] | None) -> Iterator[CodedDocument]:
    """``coder.code_articles`` on ``n_process`` forked workers, in order (see the module docstring)."""
    warm_up(coder)
    task_size = max(1, min(batch_size, TASK_SIZE))
    context = multiprocessing.get_context("fork")
    gc.collect()
    gc.freeze()
    try:
        # with fork the initializer's argument reaches each worker by inheritance, not by pickling
        pool = context.Pool(n_process, initializer=_adopt_coder, initargs=(coder,))
    finally:
        gc.unfreeze()
    with pool:
        pending: deque = deque()
        for batch in chunks(articles, task_size):
            kept = [a for a in batch if coder._fits(a, on_error)]
            if kept:
                pending.append(pool.apply_async(_code_batch, (kept,)))
            while len(pending) >= 2 * n_process:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def warm_up(coder: Coder) -> None:
    """Build now what the coder otherwise builds on the first article that needs it: the gazetteer index,
    its provinces by spelling ("Uruzgan" for "Urozgan"), the date parser's time-zone patterns (~1 s of CPU
    together, once warm ~40 ms). Done before a fork, every worker (and every worker that replaces one
    killed over its budget) inherits them instead of charging them to its first unlucky document."""
    import dateparser

    coder.code_text(_WARM_UP_TEXT)
    coder.gazetteer.lookup_region("Zarbantok Province", ("AFG",))  # unknown: builds the spelling-variant index
    coder.gazetteer.lookup_variant("Zarbantok", ("AFG",))  # and the towns' variants: their rows per country
    dateparser.parse("6 May 2020 10:00 GMT", languages=["en"])


def _adopt_coder(coder: Coder) -> None:
    _WORKER["coder"] = coder


def _code_batch(batch: list[Article]) -> list[CodedDocument]:
    coder = _WORKER["coder"]
    docs = coder.parse((a.text for a in batch), batch_size=len(batch))
    return [coder.code_doc(doc, article) for article, doc in zip(batch, docs, strict=True)]


def chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
