"""Task functions that run on Dask workers: code one batch of articles with this process's Coder.

They live in an importable module (not ``__main__``) so that worker processes can unpickle them.

The one accepted per-process cache: ``_CODERS`` maps a ``Settings`` object (frozen, hashable) to the
``Coder`` built from it. Loading spaCy and the knowledge base costs seconds and ~170 MB, so a worker must
build it once and reuse it for every batch; a Dask task has no other place to keep it between calls
(a worker plugin would add a registration step to every client, including ``--scheduler`` clusters
that other people run). The cache holds nothing that changes once built, and a worker process that
is given other settings simply builds a second coder.
"""

from __future__ import annotations

from dataclasses import dataclass

from brinkwatch.config import Settings
from brinkwatch.errors import BrinkwatchError
from brinkwatch.model import Article, CodedDocument, DocumentError

_CODERS: dict[Settings, object] = {}


@dataclass(frozen=True)
class BatchResult:
    """What a worker sends back for one batch: the coded documents, per-document errors, or a batch failure.

    ``failure`` is set when the coder raised for the batch as a whole; the driver then retries the
    articles one by one (as the in-process pipeline does) to find the one at fault.
    """

    coded: tuple[CodedDocument, ...] = ()
    errors: tuple[DocumentError, ...] = ()
    failure: tuple[str, str, str | None, int | None] | None = None  # (code, message, source, line)


def coder_for(settings: Settings) -> object:
    """This process's coder for ``settings``, built on first use."""
    coder = _CODERS.get(settings)
    if coder is None:
        from brinkwatch.extract import Coder  # imported here: the driver never needs spaCy

        coder = _CODERS[settings] = Coder(settings)
    return coder


# Coding one sentence loads what the coder builds lazily on first use (~10 s: gazetteer, date parser).
_WARM_UP_TEXT = "Iraq's prime minister met the Iranian president in Baghdad on Monday."


def warm_up(settings: Settings) -> bool:
    """Build the coder and code one sentence now, so that every worker starts on batches ready to go."""
    coder = coder_for(settings)
    list(coder.code_articles([Article(doc_id="warm-up", text=_WARM_UP_TEXT)]))  # type: ignore[attr-defined]
    return True


def code_batch(articles: list[Article], settings: Settings) -> BatchResult:
    """Code ``articles`` with the worker's coder; errors come back as data, never as a lost worker."""
    coder = coder_for(settings)
    reported: list[DocumentError] = []
    try:
        coded = tuple(coder.code_articles(articles, on_error=reported.append))  # type: ignore[attr-defined]
    except BrinkwatchError as exc:
        # Sent back as plain values: BrinkwatchError's keyword-only constructor does not survive pickling.
        return BatchResult(failure=(exc.code, exc.message, exc.source, exc.line))
    return BatchResult(coded=coded, errors=tuple(reported))
