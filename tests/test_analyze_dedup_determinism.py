"""The same mentions give the same ``events`` rows, row for row and bit for bit, whatever the run.

Two fresh databases fed one ingest agreed on the mention -> event map but not on every events row: the
noisy-OR confidence was a parallel float sum, added in whatever order DuckDB's threads finished. Here one set of
mentions is merged in fresh databases with one thread, with several threads, and inserted in reverse order; the
events tables must be identical (floats compared exactly).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from brinkwatch.analyze.dedup import merge_new
from brinkwatch.analyze.synthetic import (
    create_schema,
    insert_mentions,
    load_dedup_corpus,
    load_synthetic,
    synthetic_mentions,
)

DATA = Path(__file__).parent / "data" / "dedup"
# Enough mentions on few countries and days that many events hold several mentions and DuckDB splits the work
# over threads (30k reproduced the last-bit differences of the confidence before it was summed in order).
N = 30_000


def _events(load: object, threads: int) -> tuple[list[tuple], list[tuple]]:
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    create_schema(con)
    load(con)  # type: ignore[operator]
    merge_new(con)
    events = con.sql("SELECT * FROM events ORDER BY event_id").fetchall()
    members = con.sql("SELECT mention_id, event_id FROM event_mentions ORDER BY mention_id").fetchall()
    con.close()
    return events, members


@pytest.fixture(scope="module")
def synthetic() -> pa.Table:
    return synthetic_mentions(N, seed=3, n_countries=20, days=200)


@pytest.fixture(scope="module")
def one_thread(synthetic: pa.Table) -> tuple[list[tuple], list[tuple]]:
    return _events(lambda con: load_synthetic(con, synthetic), 1)


def test_the_synthetic_set_holds_events_of_several_mentions(one_thread: tuple) -> None:
    events, members = one_thread
    assert len(events) < len(members) - 1000  # many merges: the aggregate's groups are exercised


@pytest.mark.parametrize("threads", [4, 1])
def test_same_events_in_a_second_run(synthetic: pa.Table, one_thread: tuple, threads: int) -> None:
    again = _events(lambda con: load_synthetic(con, synthetic), threads)
    assert again[1] == one_thread[1]
    assert again[0] == one_thread[0]


def test_same_events_when_the_mentions_arrive_in_reverse_order(synthetic: pa.Table, one_thread: tuple) -> None:
    reverse = synthetic.take(pa.array(range(synthetic.num_rows - 1, -1, -1)))
    again = _events(lambda con: load_synthetic(con, reverse), 4)
    assert again[1] == one_thread[1]
    assert again[0] == one_thread[0]


@pytest.mark.parametrize("name", ["measured.yaml", "holdout.yaml"])
def test_same_events_on_a_hand_written_corpus_in_any_order(name: str) -> None:
    rows = [{k: v for k, v in r.items() if k != "happening"} for r in load_dedup_corpus(DATA / name)]
    first = _events(lambda con: insert_mentions(con, rows), 1)
    second = _events(lambda con: insert_mentions(con, list(reversed(rows))), 4)
    assert second == first
