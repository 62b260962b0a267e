"""Read side of the store: the event filter, keyset cursors and the SQL that lists mentions and events.

Every user value reaches DuckDB as a bound parameter; filtering, ordering and paging happen in SQL.
Two narrow relations share one set of column names so that one WHERE builder serves both:
``NARROW_MENTIONS`` (one row per event mention) and ``NARROW_EVENTS`` (one row per merged event, or
per mention that dedup has not merged yet, which then stands for itself with counts of 1). A query
first picks the page of keys on these narrow rows, then joins the full rows for that page only.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

# The date rows are ordered and paged by: the event date; for an undated event, the publication
# date of its article (it was known by then); else day one, so keyset paging has a total order.
SORT_DATE = "COALESCE(m.event_date, m.pub_date, DATE '0001-01-01')"

# Columns a filter may test; the narrow relations carry only these, so that filtering, sorting and
# paging never drag the wide ``record`` JSON through joins and sorts.
FILTER_COLUMNS = (
    "source_code", "source_country", "target_code", "target_country", "cameo_code", "cameo_root",
    "quad_class", "modality", "is_opinion", "event_date", "place_country", "evidence_text", "doc_id",
)
_FILTER_SELECT = ", ".join(f"m.{c}" for c in FILTER_COLUMNS)

NARROW_MENTIONS = f"""
    SELECT m.mention_id AS key_id, m.mention_id AS rep_id, {SORT_DATE} AS sort_date, {_FILTER_SELECT}
    FROM event_mentions m
"""

# Merged events are filtered and sorted on the ``events`` row itself (dedup's merged values; an undated
# one by the day it was first seen), with no join, and shown through their representative mention.
# If dedup left ``representative_mention`` empty, the most confident mention stands in (the second
# branch, which joins only such events and so costs nothing when there are none).
_EVENT_FILTER_SELECT = ", ".join(f"e.{c}" if c != "doc_id" else "NULL AS doc_id" for c in FILTER_COLUMNS)
NARROW_EVENTS = f"""
    SELECT e.event_id AS key_id, e.representative_mention AS rep_id,
           COALESCE(e.event_date, CAST(e.first_seen AS DATE), DATE '0001-01-01') AS sort_date,
           {_EVENT_FILTER_SELECT}
    FROM events e WHERE e.representative_mention IS NOT NULL
    UNION ALL
    SELECT e.event_id AS key_id, arg_max(m.mention_id, m.confidence) AS rep_id,
           any_value(COALESCE(e.event_date, CAST(e.first_seen AS DATE), DATE '0001-01-01')) AS sort_date,
           {", ".join(f"any_value(e.{c})" if c != "doc_id" else "NULL AS doc_id" for c in FILTER_COLUMNS)}
    FROM events e JOIN event_mentions m ON m.event_id = e.event_id
    WHERE e.representative_mention IS NULL
    GROUP BY e.event_id
    UNION ALL
    SELECT m.mention_id AS key_id, m.mention_id AS rep_id, {SORT_DATE} AS sort_date, {_FILTER_SELECT}
    FROM event_mentions m
    WHERE m.event_id IS NULL
"""

_SEEN = "CAST(COALESCE(m.pub_date, a.ingested_at) AS TIMESTAMP)"

# Full rows for the keys a selection picked: the representative mention's columns, the merged event's
# counts (1 for a stand-alone mention) and the article's provenance.
DETAIL = {
    "mentions": f"""
        SELECT m.*, p.key_id, p.sort_date,
               1 AS num_mentions, 1 AS num_sources, 1 AS num_articles,
               {_SEEN} AS first_seen, {_SEEN} AS last_seen,
               a.url AS source_url, a.title AS article_title, a.ingested_at AS ingested_at
        FROM ({{selection}}) p JOIN event_mentions m ON m.mention_id = p.rep_id
        LEFT JOIN articles a ON a.doc_id = m.doc_id
    """,
    "events": f"""
        SELECT m.* REPLACE (p.key_id AS event_id), p.key_id, p.sort_date,
               COALESCE(e.num_mentions, 1) AS num_mentions, COALESCE(e.num_sources, 1) AS num_sources,
               COALESCE(e.num_articles, 1) AS num_articles,
               CASE WHEN e.event_id IS NULL THEN {_SEEN} ELSE e.first_seen END AS first_seen,
               CASE WHEN e.event_id IS NULL THEN {_SEEN} ELSE e.last_seen END AS last_seen,
               a.url AS source_url, a.title AS article_title, a.ingested_at AS ingested_at
        FROM ({{selection}}) p JOIN event_mentions m ON m.mention_id = p.rep_id
        LEFT JOIN events e ON e.event_id = p.key_id
        LEFT JOIN articles a ON a.doc_id = m.doc_id
    """,
}

Kind = Literal["mentions", "events"]


def encode_cursor(sort_date: dt.date, key_id: str) -> str:
    """Opaque keyset cursor for the row ``(sort_date, key_id)``: the next page starts after it."""
    raw = json.dumps([sort_date.isoformat(), key_id]).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii")


def decode_cursor(cursor: str) -> tuple[dt.date, str]:
    """Inverse of :func:`encode_cursor`; raises ValueError for anything it did not make."""
    try:
        date_text, key_id = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
        return dt.date.fromisoformat(date_text), str(key_id)
    except (ValueError, TypeError, binascii.Error, UnicodeError) as exc:
        raise ValueError(f"invalid cursor {cursor!r}") from exc


class EventFilter(BaseModel):
    """What to list. Every field is optional; fields combine with AND.

    ``source``/``target``/``actor`` match a 3-letter country code or any prefix of the full actor code
    (``USA`` matches ``USAGOV``; ``USAGOV`` matches ``USAGOVMIL``). ``dyad_undirected`` lets source
    and target swap sides. ``cursor`` is the ``cursor`` value of the last row of the previous page.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str | None = None
    target: str | None = None
    actor: str | None = None
    dyad_undirected: bool = False
    cameo: str | None = None
    root: str | None = None
    quad_class: int | None = Field(default=None, ge=1, le=4)
    modality: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    doc_id: str | None = None
    place_country: str | None = None
    text: str | None = None
    include_opinion: bool = True
    limit: int = Field(default=100, ge=1, le=100_000)
    cursor: str | None = None
    order: Literal["date", "-date"] = "date"

    @field_validator("source", "target", "actor", "place_country")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.strip().upper() if value else None

    @field_validator("root", mode="before")
    @classmethod
    def _two_digit_root(cls, value: Any) -> str | None:
        # "1" and 1 mean root 01, as CAMEO roots are always two digits.
        if value is None or value == "":
            return None
        return str(value).strip().zfill(2)

    @field_validator("cursor")
    @classmethod
    def _valid_cursor(cls, value: str | None) -> str | None:
        if value:
            decode_cursor(value)
        return value or None


def _actor_clause(side: str, value: str) -> tuple[str, list[Any]]:
    return f"(starts_with({side}_code, ?) OR {side}_country = ?)", [value, value]


def _dyad_clauses(flt: EventFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if flt.dyad_undirected and flt.source and flt.target:
        s_src, p_s_src = _actor_clause("source", flt.source)
        t_tgt, p_t_tgt = _actor_clause("target", flt.target)
        t_src, p_t_src = _actor_clause("source", flt.target)
        s_tgt, p_s_tgt = _actor_clause("target", flt.source)
        clauses.append(f"(({s_src} AND {t_tgt}) OR ({t_src} AND {s_tgt}))")
        params += p_s_src + p_t_tgt + p_t_src + p_s_tgt
    else:
        for side, value in (("source", flt.source), ("target", flt.target)):
            if value:
                clause, p = _actor_clause(side, value)
                clauses.append(clause)
                params += p
    if flt.actor:
        src, p_src = _actor_clause("source", flt.actor)
        tgt, p_tgt = _actor_clause("target", flt.actor)
        clauses.append(f"({src} OR {tgt})")
        params += p_src + p_tgt
    return clauses, params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def where_clause(flt: EventFilter, kind: Kind) -> tuple[str, list[Any]]:
    """The WHERE clause (``"TRUE"`` when empty) and its parameters for a base relation of ``kind``."""
    clauses, params = _dyad_clauses(flt)
    simple: list[tuple[Any, str]] = [
        (flt.cameo, "starts_with(cameo_code, ?)"),
        (flt.root, "cameo_root = ?"),
        (flt.quad_class, "quad_class = ?"),
        (flt.modality, "modality = ?"),
        (flt.since, "event_date >= ?"),
        (flt.until, "event_date <= ?"),
        (flt.place_country, "place_country = ?"),
    ]
    for value, clause in simple:
        if value is not None:
            clauses.append(clause)
            params.append(value)
    if flt.text:
        clauses.append("evidence_text ILIKE ? ESCAPE '\\'")
        params.append(f"%{_escape_like(flt.text)}%")
    if flt.doc_id:
        if kind == "mentions":
            clauses.append("doc_id = ?")
        else:
            # A merged event belongs to an article if any of its mentions does.
            clauses.append(
                "key_id IN (SELECT COALESCE(x.event_id, x.mention_id) FROM event_mentions x WHERE x.doc_id = ?)"
            )
        params.append(flt.doc_id)
    if not flt.include_opinion:
        clauses.append("NOT is_opinion")
    if flt.cursor:
        after_date, after_id = decode_cursor(flt.cursor)
        op = ">" if flt.order == "date" else "<"
        clauses.append(f"(sort_date {op} ? OR (sort_date = ? AND key_id {op} ?))")
        params += [after_date, after_date, after_id]
    return (" AND ".join(clauses) if clauses else "TRUE"), params


def order_clause(flt: EventFilter) -> str:
    direction = "ASC" if flt.order == "date" else "DESC"
    return f"ORDER BY sort_date {direction}, key_id {direction}"


def narrow_sql(kind: Kind) -> str:
    return NARROW_MENTIONS if kind == "mentions" else NARROW_EVENTS


def selection_sql(flt: EventFilter, kind: Kind, *, paged: bool = True) -> tuple[str, list[Any]]:
    """Keys (``key_id``, ``rep_id``, ``sort_date``) matching ``flt`` (after its cursor), in order, limited if ``paged``."""
    where, params = where_clause(flt, kind)
    sql = f"SELECT key_id, rep_id, sort_date FROM ({narrow_sql(kind)}) b WHERE {where} {order_clause(flt)}"
    if paged:
        sql += " LIMIT ?"
        params = [*params, flt.limit]
    return sql, params


def detail_sql(selection: str, kind: Kind) -> str:
    """Full rows (all ``event_mentions`` columns, counts, article provenance) for the keys of ``selection``."""
    return DETAIL[kind].replace("{selection}", selection)


def jsonable(value: Any) -> Any:
    """Dates and timestamps as ISO strings, so every returned dict serialises with plain ``json``."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def detail_by_ids_sql(count: int) -> str:
    """The full rows of ``count`` mentions given by id (bound parameters): one page's representatives.

    A literal IN list lets DuckDB look the ids up in the primary-key index instead of scanning and
    hash-joining all mentions, which is what keeps a page fast on a large store.
    """
    placeholders = ", ".join("?" * count)
    return f"""
        SELECT m.mention_id, m.event_id, m.record,
               e.num_mentions, e.num_sources, e.num_articles, e.first_seen, e.last_seen, {_SEEN} AS seen
        FROM event_mentions m
        LEFT JOIN events e ON e.event_id = m.event_id
        LEFT JOIN articles a ON a.doc_id = m.doc_id
        WHERE m.mention_id IN ({placeholders})
    """


def page_record(key: tuple, detail: tuple, kind: Kind) -> dict[str, Any]:
    """The record returned to callers for one selected key and its representative's detail row."""
    key_id, _rep_id, sort_date = key
    mention_id, event_id, record_json, n_mentions, n_sources, n_articles, first, last, seen = detail
    record = json.loads(record_json)
    record["mention_id"] = mention_id
    record["event_id"] = event_id
    if kind == "events":
        merged = n_mentions is not None
        record.update(
            event_id=key_id,
            num_mentions=n_mentions if merged else 1,
            num_sources=n_sources if merged else 1,
            num_articles=n_articles if merged else 1,
            first_seen=jsonable(first if merged else seen),
            last_seen=jsonable(last if merged else seen),
        )
    record["cursor"] = encode_cursor(sort_date, key_id)
    return record
