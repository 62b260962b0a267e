"""DuckDB schema: the contract between the writer, the queries, analysis and the HTTP API.

Tables
- ``articles``: one row per ingested article, keyed by ``doc_id``; ``hash`` (content hash) is unique,
  which is what makes re-ingesting the same text a no-op.
- ``sentences``: sentence boundaries (character offsets into ``articles.text``).
- ``event_mentions``: one row per event coded in one article (the ``Event`` record, flattened for SQL,
  with the full JSON record kept in ``record``). ``event_id`` points at the merged happening.
- ``events``: merged happenings (cross-article dedup), one row per real-world event, with mention,
  source and article counts. Until dedup has run on a mention, its ``event_id`` is NULL.
- ``actor_mentions``: every actor found in an article, whether or not it took part in an event.
- ``ingest_errors``: per-document failures of a batch (the batch goes on).

Support tables (``SUPPORT_TABLES``), kept for the store's other users and declared here so that every table of
a database is in this file:
- ``feed_state``: what the feed watcher (``brinkwatch.pipeline.watch``) remembers about each feed between
  cycles and restarts; read and written through ``brinkwatch.store.feeds``.
- ``tension_daily``: analysis's daily cache of tension aggregates of merged events (``brinkwatch.analyze.daily``),
  derived data that dedup refreshes.
"""

from __future__ import annotations

from typing import Any

SCHEMA_VERSION = 1

TABLES: dict[str, str] = {
    "meta": """
        CREATE TABLE IF NOT EXISTS meta (
            key VARCHAR PRIMARY KEY,
            value VARCHAR
        )""",
    "articles": """
        CREATE TABLE IF NOT EXISTS articles (
            doc_id VARCHAR PRIMARY KEY,
            hash VARCHAR NOT NULL UNIQUE,
            url VARCHAR,
            title VARCHAR,
            publisher VARCHAR,
            author VARCHAR,
            pub_date DATE,
            language VARCHAR,
            source_path VARCHAR,
            source_format VARCHAR,
            syndicated_from VARCHAR,
            fetched_at TIMESTAMP,
            ingested_at TIMESTAMP DEFAULT current_timestamp,
            text VARCHAR NOT NULL
        )""",
    "sentences": """
        CREATE TABLE IF NOT EXISTS sentences (
            doc_id VARCHAR NOT NULL,
            sentence_index INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            PRIMARY KEY (doc_id, sentence_index)
        )""",
    "event_mentions": """
        CREATE TABLE IF NOT EXISTS event_mentions (
            mention_id VARCHAR PRIMARY KEY,      -- Event.event_id
            event_id VARCHAR,                    -- merged happening (events.event_id), NULL until dedup
            doc_id VARCHAR NOT NULL,
            sentence_index INTEGER NOT NULL,
            source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_text VARCHAR,
            source_start INTEGER, source_end INTEGER,
            target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_text VARCHAR,
            target_start INTEGER, target_end INTEGER,
            cameo_code VARCHAR NOT NULL, cameo_root VARCHAR NOT NULL, cameo_name VARCHAR,
            goldstein DOUBLE, quad_class TINYINT NOT NULL,
            plover_type VARCHAR, plover_mode VARCHAR,
            modality VARCHAR NOT NULL, is_opinion BOOLEAN NOT NULL DEFAULT false,
            event_date DATE, date_precision VARCHAR,
            place_name VARCHAR, place_country VARCHAR, place_admin1 VARCHAR,
            lat DOUBLE, lon DOUBLE, place_precision VARCHAR,
            killed DOUBLE, injured DOUBLE,       -- from numbers, when reported
            numbers JSON, attribution JSON,
            speaker_code VARCHAR, speaker_anonymous BOOLEAN,
            evidence_text VARCHAR NOT NULL, evidence_start INTEGER, evidence_end INTEGER,
            trigger_start INTEGER, trigger_end INTEGER,
            pattern_id VARCHAR NOT NULL, confidence DOUBLE NOT NULL,
            publisher VARCHAR, pub_date DATE,
            record JSON NOT NULL,
            headline BOOLEAN NOT NULL DEFAULT false,  -- coded from the article's headline
            place_text VARCHAR                   -- the place as the article writes it ("NEW DELHI", "Nabatieh")
        )""",
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR PRIMARY KEY,
            source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
            target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
            cameo_code VARCHAR NOT NULL, cameo_root VARCHAR NOT NULL, cameo_name VARCHAR,
            goldstein DOUBLE, quad_class TINYINT NOT NULL,
            plover_type VARCHAR, plover_mode VARCHAR,
            modality VARCHAR NOT NULL, is_opinion BOOLEAN NOT NULL DEFAULT false,
            event_date DATE, date_precision VARCHAR,
            place_name VARCHAR, place_country VARCHAR, lat DOUBLE, lon DOUBLE,
            killed DOUBLE, injured DOUBLE,
            num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL,
            first_seen TIMESTAMP, last_seen TIMESTAMP,
            confidence DOUBLE,
            representative_mention VARCHAR,     -- mention_id whose evidence stands for the event
            evidence_text VARCHAR
        )""",
    "actor_mentions": """
        CREATE TABLE IF NOT EXISTS actor_mentions (
            doc_id VARCHAR NOT NULL,
            sentence_index INTEGER NOT NULL,
            code VARCHAR NOT NULL, country VARCHAR, sector VARCHAR,
            text VARCHAR, start_char INTEGER, end_char INTEGER,
            kb_id VARCHAR, resolution VARCHAR
        )""",
    "ingest_errors": """
        CREATE TABLE IF NOT EXISTS ingest_errors (
            source VARCHAR, line INTEGER, code VARCHAR, message VARCHAR,
            "at" TIMESTAMP DEFAULT current_timestamp  -- quoted: AT is a reserved word in DuckDB 2
        )""",
}

# Created with the tables above (the same text the watcher and the daily cache used to run themselves, so their
# tables in existing databases are the same tables), but not counted in ``Store.stats``; a database written by
# an older brinkwatch and opened read-only may lack them.
SUPPORT_TABLES: dict[str, str] = {
    "feed_state": """
        CREATE TABLE IF NOT EXISTS feed_state (
            url VARCHAR PRIMARY KEY,
            etag VARCHAR,
            last_modified VARCHAR,
            last_success TIMESTAMP,          -- UTC
            last_attempt TIMESTAMP,          -- UTC
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            next_attempt TIMESTAMP,          -- UTC; NULL means due at the next cycle
            last_error VARCHAR,
            articles_added BIGINT NOT NULL DEFAULT 0
        )""",
    # One row per (source/target country and code, day, effective modality, opinion flag) with the additive
    # aggregates of ``analyze.formula.ADDITIVE_AGGREGATES_SQL``, in that order.
    "tension_daily": """
        CREATE TABLE IF NOT EXISTS tension_daily (
            source_country VARCHAR, target_country VARCHAR, source_code VARCHAR, target_code VARCHAR,
            day DATE, modality VARCHAR, is_opinion BOOLEAN,
            n BIGINT, vc BIGINT, mc BIGINT, vf BIGINT, mf BIGINT, g_sum DOUBLE, g_count BIGINT,
            conflict_w DOUBLE, coop_conf DOUBLE, conflict_conf DOUBLE, numerator DOUBLE
        )""",
}

# Columns added after a table was first released: a store written by an older brinkwatch gains them on open
# (with their default), so old databases keep working and nothing is rewritten.
MIGRATIONS: tuple[str, ...] = (
    "ALTER TABLE event_mentions ADD COLUMN IF NOT EXISTS headline BOOLEAN DEFAULT false",
    "ALTER TABLE event_mentions ADD COLUMN IF NOT EXISTS place_text VARCHAR",
)

INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS idx_mentions_doc ON event_mentions (doc_id)",
    "CREATE INDEX IF NOT EXISTS idx_mentions_event ON event_mentions (event_id)",
    "CREATE INDEX IF NOT EXISTS idx_actor_mentions_doc ON actor_mentions (doc_id)",
)


def create_table(con: Any, name: str) -> None:
    """Create the declared table ``name`` on a DuckDB connection when it is missing.

    For code that works on a bare connection (dedup and the daily cache take one, and tests and benchmarks build
    databases without ``Store``): it asks the store for its table instead of declaring one of its own.
    """
    declared = TABLES.get(name) or SUPPORT_TABLES.get(name)
    if declared is None:
        raise KeyError(f"no table {name!r} is declared in brinkwatch.store.schema")
    con.execute(declared)
