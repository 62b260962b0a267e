"""The daily cache (``tension_daily``) is the same row for row and bit for bit, whatever the run.

The events table was made deterministic (its confidence is summed in mention order), but the cache's float
sums (Goldstein, confidence-weighted conflict, the tension numerator) were parallel sums added in whatever order
DuckDB's threads finished. Here one set of mentions is merged in fresh databases on one thread and on four, in
reverse insert order, and rebuilt; the cache rows and their order on disk must be identical (floats compared
exactly), and so must a dyad's series read from the cache.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa
import pytest

from brinkwatch.analyze import dyad_series
from brinkwatch.analyze.daily import rebuild_daily
from brinkwatch.analyze.dedup import merge_new
from brinkwatch.analyze.synthetic import create_schema, load_synthetic, synthetic_mentions

# Few countries and days, so each (dyad, day) cache row sums many events and DuckDB splits the work over threads.
N = 30_000


def _cache(table: pa.Table, threads: int) -> tuple[list[tuple], list[tuple], list[tuple]]:
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    create_schema(con)
    load_synthetic(con, table)
    merge_new(con)
    as_stored = con.sql("SELECT * FROM tension_daily").fetchall()  # the rebuild's order on disk
    series = dyad_series(con, "C000", "C001", freq="week").points
    con.close()
    return sorted(as_stored, key=repr), as_stored, [tuple(p.__dict__.values()) for p in series]


@pytest.fixture(scope="module")
def synthetic() -> pa.Table:
    return synthetic_mentions(N, seed=5, n_countries=8, days=60)


@pytest.fixture(scope="module")
def one_thread(synthetic: pa.Table) -> tuple[list[tuple], list[tuple], list[tuple]]:
    return _cache(synthetic, 1)


def test_the_cache_sums_many_events_per_row(one_thread: tuple) -> None:
    rows, _, series = one_thread
    assert max(r[7] for r in rows) >= 10  # n: many events summed in one row
    assert len(series) >= 8


@pytest.mark.parametrize("order", ["same", "reversed"])
def test_same_cache_on_four_threads_and_in_reverse_order(synthetic: pa.Table, one_thread: tuple,
                                                         order: str) -> None:
    table = synthetic if order == "same" else synthetic.take(pa.array(range(synthetic.num_rows - 1, -1, -1)))
    again = _cache(table, 4)
    assert again[0] == one_thread[0]  # the same rows, floats exactly
    assert again[1] == one_thread[1]  # in the same order on disk (a total order)
    assert again[2] == one_thread[2]  # and the series read from it


def test_a_rebuilt_cache_equals_the_one_dedup_kept(synthetic: pa.Table) -> None:
    con = duckdb.connect()
    con.execute("SET threads = 4")
    create_schema(con)
    load_synthetic(con, synthetic.slice(0, N // 2))
    merge_new(con)
    load_synthetic(con, synthetic.slice(N // 2))
    merge_new(con)  # the second merge refreshes the touched (dyad, day) keys only
    kept = sorted(con.sql("SELECT * FROM tension_daily").fetchall(), key=repr)
    rebuild_daily(con)
    assert sorted(con.sql("SELECT * FROM tension_daily").fetchall(), key=repr) == kept
    con.close()
