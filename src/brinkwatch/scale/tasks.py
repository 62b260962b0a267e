"""Task functions that run on Dask workers: code one partition of articles with this process's Coder.

They live in an importable module (not ``__main__``) so that worker processes can unpickle them.

The one accepted per-process cache: ``_CODERS`` maps a ``Settings`` object (frozen, hashable) to the
``Coder`` built from it. Loading spaCy and the knowledge base costs seconds and ~170 MB, so a worker must
build it once and reuse it for every partition; a Dask task has no other place to keep it between calls
(a worker plugin would add a registration step to every client, including ``--scheduler`` clusters
that other people run). The cache holds nothing that changes once built, and a worker process that
is given other settings simply builds a second coder. The driver sends settings without the database
path or API token (``coder_settings``), so runs into different databases share one coder.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brinkwatch.config import Settings
from brinkwatch.errors import BrinkwatchError
from brinkwatch.model import Article, CodedDocument, DocumentError

if TYPE_CHECKING:
    import pyarrow as pa

_CODERS: dict[Settings, Any] = {}


@dataclass(frozen=True)
class Partition:
    """A numbered slice of the input: what one task codes. ``key`` names its content (the articles' hashes),
    so a resumed run recognises a partition it finished before."""

    key: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class BatchResult:
    """What a worker sends back for one batch: the coded documents, per-document errors, or a batch failure.

    ``failure`` is set when the coder raised for the batch as a whole; the driver then retries the
    articles one by one (as the in-process pipeline does) to find the one at fault.
    """

    coded: tuple[CodedDocument, ...] = ()
    errors: tuple[DocumentError, ...] = ()
    failure: tuple[str, str, str | None, int | None] | None = None  # (code, message, source, line)


@dataclass(frozen=True)
class PartResult:
    """One coded partition as the store's tables, flattened by ``brinkwatch.store.rows`` and encoded as
    Parquet on the worker (zstd: ~7 KB an article where the pickled Arrow tables took ~45 KB, so the
    driver receives and writes bytes), and the articles that failed, each with its numbered error."""

    key: str
    parts: dict[str, bytes] = field(default_factory=dict)  # table name -> Parquet file
    errors: tuple[DocumentError, ...] = ()
    articles: int = 0  # articles coded into the tables
    events: int = 0  # event-mention rows in the tables


def coder_settings(settings: Settings) -> Settings:
    """What a worker needs of the settings: not the database path, nor the API token (sent to other hosts)."""
    return settings.model_copy(update={"db_path": Path("-"), "api_token": None})


def coder_for(settings: Settings) -> Any:
    """This process's coder for ``settings``, built on first use."""
    coder = _CODERS.get(settings)
    if coder is None:
        from brinkwatch.extract import Coder  # imported here: the driver never needs spaCy

        coder = _CODERS[settings] = Coder(settings)
    return coder



def warm_up(settings: Settings) -> bool:
    """Build the coder and what it builds lazily (a sentence coded, the gazetteer's spelling-variant index,
    the date parser's time zones: ~1 s of CPU, as ``n_process`` workers inherit them), so that every worker
    starts on partitions ready to go instead of charging them to its first partition."""
    from brinkwatch.extract.workers import warm_up as warm_coder

    warm_coder(coder_for(settings))
    return True


def code_batch(articles: list[Article], settings: Settings) -> BatchResult:
    """Code ``articles`` with the worker's coder; errors come back as data, never as a lost worker."""
    coder = coder_for(settings)
    reported: list[DocumentError] = []
    try:
        coded = tuple(coder.code_articles(articles, on_error=reported.append))
    except BrinkwatchError as exc:
        # Sent back as plain values: BrinkwatchError's keyword-only constructor does not survive pickling.
        return BatchResult(failure=(exc.code, exc.message, exc.source, exc.line))
    return BatchResult(coded=coded, errors=tuple(reported))


def _coded_one_by_one(coder: Any, articles: Iterable[Article],
                      reported: list[DocumentError]) -> list[CodedDocument]:
    """After a failure of the whole partition: each article alone, so one bad article costs only itself."""
    coded: list[CodedDocument] = []
    for article in articles:
        try:
            coded += coder.code_articles([article], on_error=reported.append)
        except BrinkwatchError as exc:
            reported.append(DocumentError(source=article.source_path or article.doc_id, line=exc.line,
                                          code=exc.code, message=exc.message))
    return coded


def code_partition(partition: Partition, settings: Settings) -> PartResult:
    """Code a partition and flatten it into the store's Arrow tables, here on the worker."""
    from brinkwatch.store import rows  # the same flattening ``Store.write`` does, done where the cores are

    coder = coder_for(settings)
    reported: list[DocumentError] = []
    try:
        coded = list(coder.code_articles(partition.articles, on_error=reported.append))
    except BrinkwatchError:
        reported = []
        coded = _coded_one_by_one(coder, partition.articles, reported)
    tables = rows.document_tables(coded)
    return PartResult(key=partition.key, parts={name: _parquet(table, partition.key) for name, table in tables.items()},
                      errors=tuple(reported), articles=len(coded), events=tables["event_mentions"].num_rows)


def _parquet(table: pa.Table, key: str) -> bytes:
    """The table as a Parquet file, with the partition's key and each row's place in it (the merge keeps
    the first copy of a text)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = table.append_column("_part", pa.array([key] * table.num_rows, pa.string()))
    table = table.append_column("_row", pa.array(range(table.num_rows), pa.int32()))
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()
