"""Dedup as it was before issue 13 (commit 42e45bd), kept verbatim below this docstring as the baseline that
``benchmarks/store.py`` times in the same run as today's ``brinkwatch.analyze.dedup``. Not used by brinkwatch.
"""
# ruff: noqa

from __future__ import annotations

import datetime as dt
import hashlib

import duckdb
import pyarrow as pa

from brinkwatch.analyze import daily
from brinkwatch.analyze.records import MergeResult
from brinkwatch.errors import AnalysisError

# "A met B" and "B met A", "A and B clashed": the same happening may be reported with the dyad swapped.
SYMMETRIC_ROOTS: tuple[str, ...] = ("04", "19")
# Modalities that describe the same state of the world merge; across classes they never do.
MODALITY_CLASSES: dict[str, str] = {
    "asserted": "occurred",
    "claimed": "occurred",
    "negated": "negated",
    "denied": "negated",
    "threatened": "threatened",
    "requested": "requested",
    "refused": "refused",
    "planned": "potential",
    "conditional": "potential",
    "hypothetical": "potential",
}
# Function words carry no information about which happening is described.
STOP_WORDS: tuple[str, ...] = (
    "the", "and", "for", "that", "with", "from", "this", "was", "were", "has", "have", "had", "its",
    "their", "his", "her", "are", "but", "not", "been", "after", "into", "over", "than", "said", "says",
    "saying", "told", "according", "also", "which", "who", "whom", "will", "would", "could", "on", "of",
    "in", "at", "by", "to", "a", "an", "is", "it", "as", "be", "or", "on", "they", "them", "there",
    "while", "when", "where", "about", "against", "per", "some", "more", "most", "other", "such",
    "any", "all", "out", "off", "under", "upon", "yesterday", "today", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "reported", "reportedly", "officials",
)
STEM_CHARS = 5  # prefix stemming: "missiles"/"missile", "voted"/"votes"; cheap and language-agnostic
DEFAULT_MIN_SIMILARITY = 0.12  # tuned on tests/data/dedup (see tests/test_analyze_dedup.py)
DEFAULT_MAX_KM = 50.0
BULK_UPDATE_ROWS = 20_000  # above this many new ids, rebuilding the event_id index is cheaper
_EVENT_INDEX = "idx_mentions_event"

_FEATURES_SQL = """
CREATE OR REPLACE TEMP TABLE _dd_f AS
WITH base AS (
    SELECT mention_id, event_id, event_id IS NULL AS pending, cameo_root AS root,
        coalesce(source_country, source_code, '') AS sc, coalesce(target_country, target_code, '') AS tc,
        coalesce(event_date, pub_date) AS eff_date,
        CASE WHEN event_date IS NULL THEN 'unknown' ELSE coalesce(date_precision, 'unknown') END AS prec,
        CASE modality {mod_cases} END AS mod_class,
        place_country AS pc, lat, lon, evidence_text,
        regexp_split_to_array(lower(concat_ws(' ', source_text, target_text)), '[^a-z0-9]+') AS actor_words
    FROM event_mentions
    WHERE {where}
)
SELECT mention_id, event_id, pending, root, eff_date, prec, mod_class, pc, lat, lon,
    CASE WHEN root IN {symmetric} THEN least(sc, tc) ELSE sc END AS k1,
    CASE WHEN root IN {symmetric} THEN greatest(sc, tc) ELSE tc END AS k2,
    CASE prec WHEN 'day' THEN 1 WHEN 'week' THEN 4 ELSE 2 END AS tol,
    prec IN ('month', 'year') AS coarse,
    date_diff('day', DATE '1970-01-05', eff_date) // 7 AS bucket,
    year(eff_date) AS yr, month(eff_date) AS mon,
    list_distinct(list_transform(
        list_filter(regexp_split_to_array(lower(evidence_text), '[^a-z0-9]+'),
                    lambda x: length(x) >= 3 AND NOT list_contains($stop, x)
                              AND NOT list_contains(actor_words, x)),
        lambda x: left(x, {stem}))) AS toks
FROM base WHERE eff_date IS NOT NULL
"""

# The predicates every candidate pair must satisfy (p = pending side, c = candidate side).
_PAIR_FILTER = """
    p.mod_class = c.mod_class
    AND CASE
        WHEN p.prec = 'year' OR c.prec = 'year' THEN p.yr = c.yr
        WHEN p.coarse OR c.coarse THEN p.yr = c.yr AND p.mon = c.mon
        ELSE abs(date_diff('day', p.eff_date, c.eff_date)) <= greatest(p.tol, c.tol) END
    AND CASE
        WHEN p.lat IS NOT NULL AND c.lat IS NOT NULL AND p.lon IS NOT NULL AND c.lon IS NOT NULL THEN
            2 * 6371.0 * asin(sqrt(pow(sin(radians(c.lat - p.lat) / 2), 2)
                + cos(radians(p.lat)) * cos(radians(c.lat)) * pow(sin(radians(c.lon - p.lon) / 2), 2)))
            <= $max_km
        WHEN p.pc IS NOT NULL AND c.pc IS NOT NULL THEN p.pc = c.pc
        ELSE true END
    AND len(list_intersect(p.toks, c.toks)) / greatest(1, len(list_distinct(list_concat(p.toks, c.toks))))
        >= $min_sim
"""

_PAIRS_SQL = f"""
CREATE OR REPLACE TEMP TABLE _dd_pairs AS
-- exact-date mentions: equi-join on block + neighbouring week buckets (windows are at most ±4 days)
SELECT p.mention_id AS a, c.mention_id AS b
FROM (SELECT *, unnest([bucket - 1, bucket, bucket + 1]) AS jb FROM _dd_f WHERE pending AND NOT coarse) p
JOIN (SELECT * FROM _dd_f WHERE NOT coarse) c
  ON c.k1 = p.k1 AND c.k2 = p.k2 AND c.root = p.root AND c.bucket = p.jb
WHERE (NOT c.pending OR c.mention_id > p.mention_id) AND {_PAIR_FILTER}
UNION ALL
-- month/year-precision pending mentions against everything in the same block and year
SELECT p.mention_id, c.mention_id
FROM (SELECT * FROM _dd_f WHERE pending AND coarse) p
JOIN _dd_f c ON c.k1 = p.k1 AND c.k2 = p.k2 AND c.root = p.root AND c.yr = p.yr
WHERE c.mention_id <> p.mention_id AND {_PAIR_FILTER}
UNION ALL
-- exact-date pending mentions against month/year-precision ones
SELECT p.mention_id, c.mention_id
FROM (SELECT * FROM _dd_f WHERE pending AND NOT coarse) p
JOIN (SELECT * FROM _dd_f WHERE coarse) c ON c.k1 = p.k1 AND c.k2 = p.k2 AND c.root = p.root AND c.yr = p.yr
WHERE {_PAIR_FILTER}
"""

_AGGREGATE_SQL = """
INSERT INTO events (event_id, source_code, source_country, source_sector, target_code, target_country,
    target_sector, cameo_code, cameo_root, cameo_name, goldstein, quad_class, plover_type, plover_mode,
    modality, is_opinion, event_date, date_precision, place_name, place_country, lat, lon, killed, injured,
    num_mentions, num_sources, num_articles, first_seen, last_seen, confidence, representative_mention,
    evidence_text)
WITH touched AS (
    SELECT em.*, count(*) OVER (PARTITION BY event_id) AS size
    FROM event_mentions em WHERE event_id IN (SELECT event_id FROM _dd_touched)
), agg AS (
    -- most events have one mention: they need no aggregation (median and count-distinct per group are
    -- the expensive part of this query), so only events with several mentions are grouped
    SELECT event_id, t AS r, t AS d, 1 AS n, 1 AS ns, 1 AS na, pub_date AS fs, pub_date AS ls,
        least(confidence, 0.999) AS conf, killed, injured
    FROM touched t WHERE size = 1
    UNION ALL
    SELECT event_id,
        -- representative: the most confident mention (ties: smallest id); its date may be coarse, so the
        -- date comes from the most precise mention instead
        arg_min(t, (-confidence, mention_id)),
        arg_min(t, (CASE date_precision WHEN 'day' THEN 0 WHEN 'week' THEN 1 WHEN 'publication' THEN 2
                WHEN 'month' THEN 3 WHEN 'year' THEN 4 ELSE 5 END, -confidence, mention_id)),
        count(*), count(DISTINCT coalesce(publisher, doc_id)), count(DISTINCT doc_id), min(pub_date), max(pub_date),
        -- noisy-OR: independent reports of the same happening make it more certain
        1 - exp(sum(ln(1 - least(confidence, 0.999)))),
        median(killed), median(injured)
    FROM touched t WHERE size > 1 GROUP BY event_id
)
SELECT event_id, r.source_code, r.source_country, r.source_sector, r.target_code, r.target_country,
    r.target_sector, r.cameo_code, r.cameo_root, r.cameo_name, r.goldstein, r.quad_class, r.plover_type,
    r.plover_mode, r.modality, r.is_opinion, coalesce(d.event_date, d.pub_date),
    CASE WHEN d.event_date IS NULL THEN 'publication' ELSE d.date_precision END,
    r.place_name, r.place_country, r.lat, r.lon, killed, injured,
    n, ns, na, CAST(fs AS TIMESTAMP), CAST(ls AS TIMESTAMP), conf, r.mention_id, r.evidence_text
FROM agg
"""


_ID_HEX = 14


def event_id_for(mention_ids: list[str]) -> str:
    """Deterministic id of a merged event: rebuilding from scratch yields the same ids."""
    return "ev" + hashlib.sha1(min(mention_ids).encode("utf-8")).hexdigest()[:_ID_HEX]


# An event spans at most this many days between its earliest and latest exact-dated report. Each accepted
# pair only compares two reports, so without a bound a dyad with near-daily, similar reports would chain
# weeks of separate happenings into one event (seen on the 10M synthetic benchmark).
MAX_EVENT_SPAN_DAYS = 4


class _UnionFind:
    """Union-find whose components may not stretch over more than ``max_span`` days of exact dates."""

    def __init__(self, dates: dict[str, dt.date] | None = None, max_span: int | None = None) -> None:
        self.parent: dict[str, str] = {}
        self.dates = dates or {}
        self.max_span = max_span
        self.span: dict[str, tuple[dt.date, dt.date]] = {}

    def _span(self, root: str) -> tuple[dt.date, dt.date] | None:
        if root in self.span:
            return self.span[root]
        day = self.dates.get(root)
        return (day, day) if day is not None else None

    def find(self, x: str) -> str:
        parent = self.parent
        root = parent.setdefault(x, x)
        while root != parent[root]:
            root = parent[root]
        while parent[x] != root:  # path compression keeps chains short on big blocks
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        sa, sb = self._span(ra), self._span(rb)
        joined = sa or sb
        if sa and sb:
            joined = (min(sa[0], sb[0]), max(sa[1], sb[1]))
            if self.max_span is not None and (joined[1] - joined[0]).days > self.max_span:
                return  # joining would chain two happenings days apart
        keep, drop = min(ra, rb), max(ra, rb)
        self.parent[drop] = keep
        if joined is not None:
            self.span[keep] = joined


def _build_candidates(con: duckdb.DuckDBPyConnection, min_similarity: float, max_km: float) -> None:
    """Features of pending mentions and of merged mentions in their blocks, then accepted pairs."""
    mod_cases = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in MODALITY_CLASSES.items())
    symmetric = "(" + ", ".join(f"'{r}'" for r in SYMMETRIC_ROOTS) + ")"
    # merged mentions matter only in blocks (cameo roots) where something is pending
    where = ("event_id IS NULL OR cameo_root IN (SELECT DISTINCT cameo_root FROM event_mentions "
             "WHERE event_id IS NULL)")
    con.execute(_FEATURES_SQL.format(mod_cases=mod_cases, symmetric=symmetric, where=where, stem=STEM_CHARS),
                {"stop": list(STOP_WORDS)})
    con.execute(_PAIRS_SQL, {"max_km": max_km, "min_sim": min_similarity})


def _components(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, str], dict[str, str], set[str], int]:
    """Union-find over the accepted pairs only (most mentions have none: SQL handles those).
    Returns (pending mention -> event id, absorbed event -> surviving event, touched events, created)."""
    dates = dict(con.sql(
        "SELECT mention_id, eff_date FROM _dd_f WHERE NOT coarse AND mention_id IN "
        "(SELECT a FROM _dd_pairs UNION SELECT b FROM _dd_pairs)").fetchall())
    uf = _UnionFind(dates, MAX_EVENT_SPAN_DAYS)
    pairs = con.sql("SELECT a, b FROM _dd_pairs").fetchall()
    far = dt.date.max - dt.date.min
    # closest dates first, so a component grows around its core rather than along a chain
    pairs.sort(key=lambda ab: abs(dates[ab[0]] - dates[ab[1]]) if ab[0] in dates and ab[1] in dates else far)
    for a, b in pairs:
        uf.union(a, b)
    members: dict[str, list[str]] = {}
    existing_members: dict[str, set[str]] = {}
    paired = con.sql("SELECT mention_id, event_id FROM _dd_f WHERE mention_id IN "
                     "(SELECT a FROM _dd_pairs UNION SELECT b FROM _dd_pairs)").fetchall()
    for mention_id, event_id in paired:
        root = uf.find(mention_id)
        if event_id is None:
            members.setdefault(root, []).append(mention_id)
        else:
            existing_members.setdefault(root, set()).add(event_id)
    updates: dict[str, str] = {}
    absorbed: dict[str, str] = {}
    touched: set[str] = set()
    created = 0
    for root, pending_ids in members.items():
        old_events = existing_members.get(root, set())
        if old_events:
            target = min(old_events)
            for other in old_events - {target}:
                absorbed[other] = target  # a new report bridged two events: they were one happening
        else:
            target = event_id_for(pending_ids)
            created += 1
        touched.add(target)
        updates.update(dict.fromkeys(pending_ids, target))
    return updates, absorbed, touched | set(absorbed), created


def _assign(con: duckdb.DuckDBPyConnection) -> tuple[int, int, int]:
    """Fill _dd_updates (mention -> event), _dd_absorbed and _dd_touched; returns (updates, touched, created)."""
    updates, absorbed, touched, created = _components(con)
    pair_schema = pa.schema([("mention_id", pa.string()), ("event_id", pa.string())])
    _register_temp(con, "_dd_updates", pa.table({"mention_id": list(updates), "event_id": list(updates.values())},
                                                schema=pair_schema))
    _register_temp(con, "_dd_absorbed", pa.table({"old_id": list(absorbed), "new_id": list(absorbed.values())},
                                                 schema=pa.schema([("old_id", pa.string()), ("new_id", pa.string())])))
    _register_temp(con, "_dd_touched", pa.table({"event_id": pa.array(sorted(touched), pa.string())}))
    # a pending mention with no accepted pair is an event of its own: same id rule as event_id_for, in SQL
    singles = con.execute(f"""INSERT INTO _dd_updates
        SELECT mention_id, 'ev' || left(sha1(mention_id), {_ID_HEX}) FROM _dd_f
        WHERE pending AND mention_id NOT IN (SELECT mention_id FROM _dd_updates)""").fetchall()[0][0]
    con.execute("INSERT INTO _dd_touched SELECT event_id FROM _dd_updates WHERE mention_id NOT IN "
                "(SELECT unnest($ids))", {"ids": list(updates)})
    return len(updates) + singles, len(touched) + singles, created + singles


def _write(con: duckdb.DuckDBPyConnection, n_touched: int) -> None:
    """Write new event ids, refresh the touched events and the daily cache, all or nothing."""
    consistent = daily.cache_state(con).usable
    con.execute("BEGIN TRANSACTION")
    try:
        daily.snapshot_keys(con, "_dd_touched")
        con.execute("UPDATE event_mentions SET event_id = u.event_id FROM _dd_updates u "
                    "WHERE event_mentions.mention_id = u.mention_id")
        con.execute("UPDATE event_mentions SET event_id = x.new_id FROM _dd_absorbed x "
                    "WHERE event_mentions.event_id = x.old_id")
        con.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM _dd_touched)")
        con.execute(_AGGREGATE_SQL)
        daily.refresh_daily(con, "_dd_touched", n_touched, consistent_before=consistent)
        con.execute("COMMIT")
    except duckdb.Error:
        con.execute("ROLLBACK")
        raise


def _register_temp(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    con.register(f"{name}_view", table)
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {name}_view")
    finally:
        con.unregister(f"{name}_view")


def merge_new(con: duckdb.DuckDBPyConnection, *, min_similarity: float = DEFAULT_MIN_SIMILARITY,
              max_km: float = DEFAULT_MAX_KM) -> MergeResult:
    """Give every mention with a NULL ``event_id`` an event, and refresh the touched ``events`` rows."""
    (pending,) = con.execute("SELECT count(*) FROM event_mentions WHERE event_id IS NULL").fetchall()[0]
    if not pending:
        return MergeResult(mentions_merged=0, events_created=0, events_updated=0)
    index_sql: str | None = None
    try:
        _build_candidates(con, min_similarity, max_km)
        n_updates, n_touched, created = _assign(con)
        if n_updates >= BULK_UPDATE_ROWS:
            # DuckDB rewrites an indexed column as delete + insert (~100x slower on disk than in place), and
            # DDL inside the transaction does not avoid it: drop the index before, build it again after.
            index_sql = _drop_event_index(con)
        _write(con, n_touched)
    except duckdb.Error as exc:
        raise AnalysisError(f"dedup failed: {exc}") from exc
    finally:
        if index_sql:
            con.execute(index_sql)
        for name in ("_dd_f", "_dd_pairs", "_dd_updates", "_dd_absorbed", "_dd_touched", "_daily_keys"):
            con.execute(f"DROP TABLE IF EXISTS {name}")
    # absorbed events no longer exist: they count as updated (their happening lives on in the target)
    return MergeResult(mentions_merged=n_updates, events_created=created, events_updated=n_touched - created)


def _drop_event_index(con: duckdb.DuckDBPyConnection) -> str | None:
    """Drop the event_id index and return the SQL that recreates it (None when there is none)."""
    found = con.execute("SELECT sql FROM duckdb_indexes() WHERE index_name = ?", [_EVENT_INDEX]).fetchall()
    if not found:
        return None
    con.execute(f"DROP INDEX {_EVENT_INDEX}")
    return found[0][0].replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1)


def rebuild(con: duckdb.DuckDBPyConnection, **kwargs: float) -> MergeResult:
    """Forget every merge and dedup all mentions from scratch (same ids as an incremental history)."""
    index_sql = _drop_event_index(con)  # see merge_new: bulk updates of an indexed column are slow
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute("UPDATE event_mentions SET event_id = NULL")
        con.execute("DELETE FROM events")
        daily.rebuild_daily(con)
        con.execute("COMMIT")
        return merge_new(con, **kwargs)
    finally:
        if index_sql:
            con.execute(index_sql)
