"""What the feed watcher remembers about each feed between cycles, in the store's ``feed_state`` table.

The table is declared in ``schema.SUPPORT_TABLES`` and created with the others when a ``Store`` opens for
writing; the watcher (``brinkwatch.pipeline.watch``) reads and writes it only through these functions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from brinkwatch.errors import StoreError
from brinkwatch.store.db import Store


@dataclass(frozen=True)
class FeedState:
    """What the watcher remembers about one feed between cycles (and restarts)."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_success: dt.datetime | None = None
    last_attempt: dt.datetime | None = None
    consecutive_failures: int = 0
    next_attempt: dt.datetime | None = None
    last_error: str | None = None
    articles_added: int = 0


_STATE_COLUMNS = ("url", "etag", "last_modified", "last_success", "last_attempt", "consecutive_failures",
                  "next_attempt", "last_error", "articles_added")


def _state_sql(store: Store, sql: str, params: list[object] | None = None) -> list[tuple]:
    try:
        return store.con.execute(sql, params or []).fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"feed_state: {exc}", source=store.path) from exc


def _has_table(store: Store) -> bool:
    # A database written before the table existed and opened read-only has no state yet: no feed was watched.
    return bool(_state_sql(store, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'feed_state' "
                                  "AND NOT temporary")[0][0])


def load_feed_state(store: Store, url: str) -> FeedState:
    """The remembered state of the feed at ``url`` (a fresh one when it was never visited)."""
    rows = _state_sql(store, f"SELECT {', '.join(_STATE_COLUMNS)} FROM feed_state WHERE url = ?", [url])
    return FeedState(*rows[0]) if rows else FeedState(url=url)


def feed_states(store: Store) -> list[FeedState]:
    """Every remembered feed, by URL (for status displays and tests)."""
    if not _has_table(store):
        return []
    rows = _state_sql(store, f"SELECT {', '.join(_STATE_COLUMNS)} FROM feed_state ORDER BY url")
    return [FeedState(*row) for row in rows]


def save_feed_state(store: Store, state: FeedState) -> None:
    """Insert or replace the state of ``state.url``."""
    values = [getattr(state, name) for name in _STATE_COLUMNS]
    updates = ", ".join(f"{name} = excluded.{name}" for name in _STATE_COLUMNS[1:])
    _state_sql(
        store,
        f"INSERT INTO feed_state ({', '.join(_STATE_COLUMNS)}) VALUES ({', '.join('?' * len(values))}) "
        f"ON CONFLICT (url) DO UPDATE SET {updates}",
        values,
    )
