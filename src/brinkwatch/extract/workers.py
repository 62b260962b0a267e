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
- tasks keep flowing through a window of ``2 * n_process`` tasks in flight, never a batch barrier, and the
  memory used stays bounded on a long stream;
- tasks are as big as the parse batch (``batch_size``, 32) while the stream runs on and shrink towards its
  end (guided self-scheduling, never below ``TASK_SIZE``): with 32-article tasks throughout one worker sat
  idle for up to a whole task at the end, and with 8-article tasks throughout the workers parsed in batches
  of 8, which costs ~10% more CPU than batches of 32 (``nlp.pipe`` on 120 news documents: 7.35 s vs 6.64 s);
- only the young generations are collected before the fork (a full collection of the parent's heap cost
  0.1-0.4 s a call; garbage left in the old generation is collected in the parent after ``gc.unfreeze``).
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

# The smallest task, at the end of a stream: small enough that neither worker waits long for the other, big
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
    context = multiprocessing.get_context("fork")
    gc.collect(1)
    gc.freeze()
    try:
        # with fork the initializer's argument reaches each worker by inheritance, not by pickling
        pool = context.Pool(n_process, initializer=_adopt_coder, initargs=(coder,))
    finally:
        gc.unfreeze()
    with pool:
        pending: deque = deque()
        for batch in guided_tasks(articles, n_process, smallest=min(batch_size, TASK_SIZE), largest=batch_size):
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


def guided_tasks(items: Iterable[Article], n_process: int, *, smallest: int, largest: int) -> Iterator[list[Article]]:
    """Tasks of ``largest`` items while more than a window's worth of the stream is left, then each a share
    of what is left (``1 / (2 * n_process)``, between ``smallest`` and ``largest``), in order. Reads at most
    ``2 * n_process * largest`` items ahead."""
    smallest, largest = max(1, smallest), max(1, largest, smallest)
    window = 2 * n_process * largest
    iterator = iter(items)
    ahead: deque = deque()
    exhausted = False
    while True:
        if not exhausted:
            before = len(ahead)
            ahead.extend(itertools.islice(iterator, window - before))
            exhausted = len(ahead) < window
        if not ahead:
            return
        size = largest if not exhausted else min(largest, max(smallest, -(-len(ahead) // (2 * n_process))))
        yield [ahead.popleft() for _ in range(min(size, len(ahead)))]


def chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
