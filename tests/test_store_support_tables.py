"""The support tables the store declares for others (the watcher's ``feed_state``, analysis's ``tension_daily``).

They used to be created by their users with their own DDL; the DDL strings below are copied from that code
(brinkwatch before the pipeline left the store) as fixtures, so a database written then is built here exactly as
it was, and must open and work today.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from brinkwatch.ingest import FetchResult
from brinkwatch.pipeline.watch import watch_feed_once
from brinkwatch.store import Store
from brinkwatch.store.feeds import FeedState, feed_states, save_feed_state
from brinkwatch.store.schema import SUPPORT_TABLES, TABLES, create_table

# brinkwatch/store/watch.py, FEED_STATE_DDL, before the move
OLD_FEED_STATE_DDL = """
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
    )
"""

# brinkwatch/analyze/daily.py, _DDL with TABLE = "tension_daily", before the move
OLD_TENSION_DAILY_DDL = """
CREATE TABLE IF NOT EXISTS tension_daily (
    source_country VARCHAR, target_country VARCHAR, source_code VARCHAR, target_code VARCHAR,
    day DATE, modality VARCHAR, is_opinion BOOLEAN,
    n BIGINT, vc BIGINT, mc BIGINT, vf BIGINT, mf BIGINT, g_sum DOUBLE, g_count BIGINT,
    conflict_w DOUBLE, coop_conf DOUBLE, conflict_conf DOUBLE, numerator DOUBLE
)"""

FEED = "https://news.example.org/world.rss"


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple]:
    """Name, type, nullability, key and default of every column, in order."""
    return [row[:5] for row in con.sql(f"DESCRIBE {table}").fetchall()]


def _old_database(path, *, feed_state: bool = True) -> None:
    """A database as the earlier brinkwatch left it: the store's tables, plus the watcher's own when it ran."""
    con = duckdb.connect(str(path))
    for ddl in TABLES.values():
        con.execute(ddl)
    if feed_state:
        con.execute(OLD_FEED_STATE_DDL)
        con.execute("INSERT INTO feed_state (url, etag, last_success, consecutive_failures, articles_added) "
                    "VALUES (?, 'W/\"abc\"', TIMESTAMP '2026-01-05 10:00:00', 0, 7)", [FEED])
    con.close()


@pytest.mark.parametrize(("table", "old_ddl"), [("feed_state", OLD_FEED_STATE_DDL),
                                              ("tension_daily", OLD_TENSION_DAILY_DDL)])
def test_a_support_table_is_the_table_its_user_created(table, old_ddl):
    old = duckdb.connect()
    old.execute(old_ddl)
    with Store() as store:
        assert _columns(store.con, table) == _columns(old, table)


def test_a_fresh_store_has_the_support_tables_but_counts_only_its_own():
    with Store() as store:
        tables = {row[0] for row in store.con.sql("SELECT table_name FROM duckdb_tables()").fetchall()}
        assert set(SUPPORT_TABLES) <= tables
        assert set(store.stats()["tables"]) == set(TABLES)


def test_an_older_database_keeps_its_feed_state_and_the_watcher_goes_on(tmp_path):
    path = tmp_path / "old.duckdb"
    _old_database(path)
    seen = {}

    def fetch(url, *, etag=None, last_modified=None):  # the feed has not changed since the last visit
        seen["etag"] = etag
        return FetchResult(304, b"", etag, last_modified, url)

    with Store(path) as store:
        [before] = feed_states(store)
        assert (before.url, before.etag, before.articles_added) == (FEED, 'W/"abc"', 7)
        started = dt.datetime(2026, 1, 6, 9, 0)
        outcome = watch_feed_once(store, coder=None, url=FEED, every_s=900, fetch=fetch, started=started)
        [after] = feed_states(store)
    assert outcome.status == "not_modified"
    assert seen["etag"] == 'W/"abc"'  # the remembered validator was sent
    assert (after.last_success, after.articles_added) == (started, 7)


def test_an_older_database_without_feed_state_reads_as_no_feeds(tmp_path):
    path = tmp_path / "never_watched.duckdb"
    _old_database(path, feed_state=False)
    with Store(path, read_only=True) as store:  # read-only: nothing may be created, and nothing is needed
        assert feed_states(store) == []
    with Store(path) as store:  # opened to write, it gains the table
        save_feed_state(store, FeedState(url=FEED, consecutive_failures=2))
        assert [(s.url, s.consecutive_failures) for s in feed_states(store)] == [(FEED, 2)]


def test_create_table_makes_a_declared_table_on_a_bare_connection():
    con = duckdb.connect()
    create_table(con, "feed_state")
    create_table(con, "feed_state")  # again: a no-op, like every declared DDL
    assert [row[0] for row in _columns(con, "feed_state")][:2] == ["url", "etag"]


def _mentions(start: int, n: int) -> list[dict]:
    days = [dt.date(2025, 3, 3) + dt.timedelta(days=3 * i) for i in range(n)]
    return [{"mention_id": f"m{start + i}", "doc_id": f"d{start + i}", "source_country": "IND",
             "target_country": "PAK", "cameo_code": "190" if i % 2 else "042", "quad_class": 4 if i % 2 else 1,
             "goldstein": -10.0 if i % 2 else 1.9, "event_date": day, "date_precision": "day",
             "evidence_text": f"report number {start + i}"} for i, day in enumerate(days)]


def test_an_older_database_keeps_its_daily_cache(tmp_path):
    from brinkwatch.analyze import daily, dyad_series
    from brinkwatch.analyze.dedup import merge_new
    from brinkwatch.analyze.synthetic import insert_mentions

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    for ddl in TABLES.values():
        con.execute(ddl)
    con.execute(OLD_TENSION_DAILY_DDL)  # what the daily cache created for itself
    insert_mentions(con, _mentions(0, 12))
    merge_new(con)
    cached = sorted(con.sql("SELECT * FROM tension_daily").fetchall())
    con.close()
    assert cached  # the merge filled the old table

    with Store(path) as store:
        assert sorted(store.con.sql("SELECT * FROM tension_daily").fetchall()) == cached
        assert daily.cache_state(store.con) == daily.CacheState(usable=True, pending=False)
        insert_mentions(store.con, _mentions(100, 4))
        merge_new(store.con)  # refreshes the touched days in the old table
        assert daily.cache_state(store.con).usable
        from_cache = dyad_series(store.con, "IND", "PAK", freq="week")
        raw = dyad_series(store.con, "IND", "PAK", freq="week", use_cache=False)
        (events,) = store.con.sql("SELECT count(*) FROM events").fetchall()[0]
    assert len(from_cache.points) == len(raw.points) and sum(p.n_events for p in raw.points) == events > 0
    for got, want in zip(from_cache.points, raw.points, strict=True):
        assert (got.period, got.n_events, got.material_conflict) == (want.period, want.n_events,
                                                                     want.material_conflict)
        assert got.goldstein_sum == pytest.approx(want.goldstein_sum)


def test_an_older_database_without_place_text_gains_it_and_merges(tmp_path):
    # event_mentions.place_text (the place as the article writes it, which dedup reads to tell a dateline) came
    # after the table was released: an older database gains the column on open, empty, and dedup runs on it.
    from brinkwatch.analyze.dedup import merge_new
    from brinkwatch.analyze.synthetic import insert_mentions

    old_ddl = TABLES["event_mentions"].replace(
        "headline BOOLEAN NOT NULL DEFAULT false,  -- coded from the article's headline",
        "headline BOOLEAN NOT NULL DEFAULT false  -- coded from the article's headline")
    old_ddl = old_ddl[:old_ddl.index("place_text")].rstrip() + "\n        )"
    assert "place_text" not in old_ddl
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    for name, ddl in TABLES.items():
        con.execute(old_ddl if name == "event_mentions" else ddl)
    con.execute("INSERT INTO event_mentions (mention_id, doc_id, sentence_index, cameo_code, cameo_root, quad_class, "
                "modality, evidence_text, pattern_id, confidence, record) "
                "VALUES ('old1', 'd0', 0, '042', '04', 1, 'asserted', 'an old report', 'p', 1.0, '{}')")
    con.close()
    with Store(path) as store:
        columns = [c for (c,) in store.con.sql("SELECT column_name FROM duckdb_columns() "
                                               "WHERE table_name = 'event_mentions'").fetchall()]
        assert "place_text" in columns
        insert_mentions(store.con, _mentions(0, 4))
        merge_new(store.con)
        (unmerged,) = store.con.sql("SELECT count(*) FROM event_mentions WHERE event_id IS NULL").fetchall()[0]
    assert unmerged == 0
