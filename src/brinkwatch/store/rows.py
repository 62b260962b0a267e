"""Flattening of coded documents into the column layout of the DuckDB tables in ``schema.py``.

Rows are built as column-ordered pyarrow tables so that one batch is inserted with one
``INSERT ... SELECT`` per table (DuckDB reads Arrow without copying row by row), instead of one
statement per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa

from brinkwatch.model import Actor, Article, CodedDocument, Event

ARTICLE_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("doc_id", pa.string()),
    ("hash", pa.string()),
    ("url", pa.string()),
    ("title", pa.string()),
    ("publisher", pa.string()),
    ("author", pa.string()),
    ("pub_date", pa.date32()),
    ("language", pa.string()),
    ("source_path", pa.string()),
    ("source_format", pa.string()),
    ("syndicated_from", pa.string()),
    ("fetched_at", pa.timestamp("us")),
    ("text", pa.string()),
)

SENTENCE_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("doc_id", pa.string()),
    ("sentence_index", pa.int32()),
    ("start_char", pa.int32()),
    ("end_char", pa.int32()),
    ("text", pa.string()),
)

_S, _I, _F, _B = pa.string(), pa.int32(), pa.float64(), pa.bool_()

MENTION_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("mention_id", _S),
    ("event_id", _S),
    ("doc_id", _S),
    ("sentence_index", _I),
    ("source_code", _S), ("source_country", _S), ("source_sector", _S), ("source_text", _S),
    ("source_start", _I), ("source_end", _I),
    ("target_code", _S), ("target_country", _S), ("target_sector", _S), ("target_text", _S),
    ("target_start", _I), ("target_end", _I),
    ("cameo_code", _S), ("cameo_root", _S), ("cameo_name", _S),
    ("goldstein", _F), ("quad_class", pa.int8()),
    ("plover_type", _S), ("plover_mode", _S),
    ("modality", _S), ("is_opinion", _B),
    ("event_date", pa.date32()), ("date_precision", _S),
    ("place_name", _S), ("place_country", _S), ("place_admin1", _S),
    ("lat", _F), ("lon", _F), ("place_precision", _S),
    ("killed", _F), ("injured", _F),
    ("numbers", _S), ("attribution", _S),
    ("speaker_code", _S), ("speaker_anonymous", _B),
    ("evidence_text", _S), ("evidence_start", _I), ("evidence_end", _I),
    ("trigger_start", _I), ("trigger_end", _I),
    ("pattern_id", _S), ("confidence", _F),
    ("publisher", _S), ("pub_date", pa.date32()),
    ("record", _S),
    ("headline", _B),
    ("place_text", _S),
)

ACTOR_MENTION_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("doc_id", _S),
    ("sentence_index", _I),
    ("code", _S), ("country", _S), ("sector", _S),
    ("text", _S), ("start_char", _I), ("end_char", _I),
    ("kb_id", _S), ("resolution", _S),
)


def to_table(columns: Sequence[tuple[str, pa.DataType]], rows: Iterable[dict[str, Any]]) -> pa.Table:
    """Build an Arrow table with exactly ``columns`` (in that order) from row dicts."""
    materialised = list(rows)
    arrays = {name: pa.array([row.get(name) for row in materialised], type=dtype) for name, dtype in columns}
    return pa.table(arrays)


def article_row(article: Article) -> dict[str, Any]:
    row = article.model_dump(include={name for name, _ in ARTICLE_COLUMNS})
    return row


def _actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {}
    return {
        f"{prefix}_code": actor.code,
        f"{prefix}_country": actor.country,
        f"{prefix}_sector": actor.sector,
        f"{prefix}_text": actor.text,
        f"{prefix}_start": actor.start,
        f"{prefix}_end": actor.end,
    }


def _total(event: Event, kind: str) -> float | None:
    # extract.numbers gives one quantity per party ("2 soldiers and 7 militants were killed": killed 2,
    # killed 7) and drops restatements, so the event's toll is their sum, as the attribute scorer counts it.
    values = [quantity.value for quantity in event.numbers if quantity.kind == kind]
    return sum(values) if values else None


def mention_row(event: Event, article: Article) -> dict[str, Any]:
    """One ``event_mentions`` row: the Event flattened for SQL, with its full JSON record kept."""
    # pydantic's own JSON serialiser (same content as ``json.dumps(event.to_record())``) is several
    # times faster than going through Python dicts, and this runs once per stored mention.
    place = event.place
    attribution = event.attribution
    row: dict[str, Any] = {
        "mention_id": event.event_id,
        "event_id": None,
        "doc_id": event.doc_id,
        "sentence_index": event.sentence_index,
        "cameo_code": event.cameo.code,
        "cameo_root": event.cameo.root,
        "cameo_name": event.cameo.name,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "plover_type": event.plover.type,
        "plover_mode": event.plover.mode,
        "modality": event.modality,
        "is_opinion": event.is_opinion,
        "event_date": event.date,
        "date_precision": event.date_precision,
        "killed": _total(event, "killed"),
        "injured": _total(event, "injured"),
        "numbers": "[" + ",".join(q.model_dump_json() for q in event.numbers) + "]",
        "attribution": attribution.model_dump_json() if attribution is not None else None,
        "speaker_code": attribution.speaker.code if attribution and attribution.speaker else None,
        "speaker_anonymous": attribution.anonymous if attribution else None,
        "evidence_text": event.evidence.text,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "trigger_start": event.evidence.trigger_start,
        "trigger_end": event.evidence.trigger_end,
        "pattern_id": event.pattern,
        "confidence": event.confidence,
        "publisher": article.publisher,
        "pub_date": article.pub_date,
        "record": event.model_dump_json(),
        "headline": event.headline,
    }
    row.update(_actor_columns("source", event.source))
    row.update(_actor_columns("target", event.target))
    if place is not None:
        row.update(
            place_name=place.name,
            place_country=place.country,
            place_admin1=place.admin1,
            lat=place.lat,
            lon=place.lon,
            place_precision=place.precision,
            # the place as written: dedup tells a dateline ("NEW DELHI -", a sentence of its own) by it
            place_text=article.text[place.start:place.end] if place.start is not None and place.end is not None
            else None,
        )
    return row


def document_rows(doc: CodedDocument) -> tuple[list[dict], list[dict], list[dict]]:
    """Sentence, mention and actor-mention rows of one coded document.

    A coder that emits the same event twice in one article (same deterministic id) would break the
    primary key and fail the whole batch; the repeat carries no information, so the first is kept.
    """
    article = doc.article
    sentences = [
        {"doc_id": s.doc_id, "sentence_index": s.index, "start_char": s.start, "end_char": s.end, "text": s.text}
        for s in doc.sentences
    ]
    mentions: dict[str, dict] = {}
    for event in doc.events:
        mentions.setdefault(event.event_id, mention_row(event, article))
    actors = [
        {
            "doc_id": m.doc_id,
            "sentence_index": m.sentence_index,
            "code": m.actor.code,
            "country": m.actor.country,
            "sector": m.actor.sector,
            "text": m.actor.text,
            "start_char": m.actor.start,
            "end_char": m.actor.end,
            "kb_id": m.actor.kb_id,
            "resolution": m.actor.resolution,
        }
        for m in doc.mentions
    ]
    return sentences, list(mentions.values()), actors


def document_tables(docs: Iterable[CodedDocument]) -> dict[str, pa.Table]:
    """The Arrow tables (articles, sentences, event_mentions, actor_mentions) of coded documents: what the
    store inserts in one transaction and what a Dask worker writes as a Parquet part."""
    article_rows: list[dict[str, Any]] = []
    sentence_rows: list[dict[str, Any]] = []
    mention_rows: list[dict[str, Any]] = []
    actor_rows: list[dict[str, Any]] = []
    for doc in docs:
        article_rows.append(article_row(doc.article))
        sentences, mentions, actors = document_rows(doc)
        sentence_rows += sentences
        mention_rows += mentions
        actor_rows += actors
    return {
        "articles": to_table(ARTICLE_COLUMNS, article_rows),
        "sentences": to_table(SENTENCE_COLUMNS, sentence_rows),
        "event_mentions": to_table(MENTION_COLUMNS, mention_rows),
        "actor_mentions": to_table(ACTOR_MENTION_COLUMNS, actor_rows),
    }
