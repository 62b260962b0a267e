"""Dedup on a hand-made corpus: three happenings reported by several outlets, plus same-dyad distractors."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from brinkwatch.analyze import dedup
from brinkwatch.analyze.dedup import merge_new, rebuild
from brinkwatch.analyze.synthetic import create_schema, dedup_scores, insert_mentions

DATA = Path(__file__).parent / "data" / "dedup"


def _corpus() -> list[dict]:
    articles = {a["doc_id"]: a for a in map(json.loads, (DATA / "articles.jsonl").read_text().splitlines())}
    rows = [json.loads(line) for line in (DATA / "mentions.jsonl").read_text().splitlines()]
    for row in rows:  # the writer copies publisher and pub_date from the article onto each mention
        row["publisher"] = articles[row["doc_id"]]["publisher"]
        row["pub_date"] = articles[row["doc_id"]]["pub_date"]
    return rows


def test_three_happenings_merge_and_distractors_stay_apart(con: duckdb.DuckDBPyConnection) -> None:
    rows = _corpus()
    assert len({r["doc_id"] for r in rows}) >= 10
    insert_mentions(con, rows)
    result = merge_new(con)
    assert result.mentions_merged == len(rows)
    counts = dict(con.execute(
        "SELECT m.happening, count(DISTINCT em.event_id) FROM event_mentions em "
        "JOIN (SELECT unnest($ids) AS mention_id, unnest($labels) AS happening) m USING (mention_id) "
        "GROUP BY 1", {"ids": [r["mention_id"] for r in rows],
                       "labels": [r["happening"] for r in rows]}).fetchall())
    assert all(n == 1 for n in counts.values()), counts
    multi = con.sql("SELECT num_mentions, num_sources FROM events WHERE num_mentions > 1 "
                    "ORDER BY num_mentions DESC").fetchall()
    assert multi == [(4, 4), (3, 3), (3, 3)]
    (n_events,) = con.execute("SELECT count(*) FROM events").fetchall()[0]
    assert n_events == 3 + 5  # three happenings + five distractors
    precision, recall, _, _ = dedup_scores(con, rows)
    print(f"dedup pairwise precision={precision:.3f} recall={recall:.3f}")
    assert precision >= 0.9 and recall >= 0.9


def test_event_row_takes_representative_and_most_precise_date(con: duckdb.DuckDBPyConnection) -> None:
    insert_mentions(con, _corpus())
    merge_new(con)
    rep, date, precision, killed, conf = con.execute(
        "SELECT representative_mention, event_date, date_precision, killed, confidence FROM events "
        "WHERE num_mentions = 4").fetchall()[0]
    assert rep == "m02"  # highest confidence (0.9)
    assert (str(date), precision) == ("2024-03-04", "day")
    assert killed == 4
    assert 0.9 < conf < 1.0  # four independent reports are surer than the best one alone


def test_denial_never_merges_with_the_assertion(con: duckdb.DuckDBPyConnection) -> None:
    insert_mentions(con, _corpus())
    merge_new(con)
    ids = dict(con.sql("SELECT mention_id, event_id FROM event_mentions "
                       "WHERE mention_id IN ('m02', 'm03')").fetchall())
    assert ids["m02"] != ids["m03"]


def test_idempotent_and_incremental_matches_rebuild(con: duckdb.DuckDBPyConnection) -> None:
    rows = _corpus()
    insert_mentions(con, rows[:7])
    first = merge_new(con)
    insert_mentions(con, rows[7:])
    second = merge_new(con)
    assert second.mentions_merged == len(rows) - 7 and first.events_created > 0
    again = merge_new(con)
    assert again.mentions_merged == 0 and again.events_created == 0
    incremental = sorted(con.sql("SELECT mention_id, event_id FROM event_mentions").fetchall())
    events_before = con.sql("SELECT event_id, num_mentions FROM events ORDER BY 1").fetchall()
    rebuild(con)
    assert sorted(con.sql("SELECT mention_id, event_id FROM event_mentions").fetchall()) == incremental
    assert con.sql("SELECT event_id, num_mentions FROM events ORDER BY 1").fetchall() == events_before


def test_new_report_bridging_two_events_merges_them(con: duckdb.DuckDBPyConnection) -> None:
    base = {"source_country": "AAA", "target_country": "BBB", "cameo_code": "190", "quad_class": 4,
            "goldstein": -10.0, "date_precision": "day", "evidence_text": "troops clashed at the river ford"}
    insert_mentions(con, [{**base, "mention_id": "x1", "doc_id": "d1", "event_date": "2024-01-01"},
                          {**base, "mention_id": "x2", "doc_id": "d2", "event_date": "2024-01-03"}])
    assert merge_new(con).events_created == 2  # two days apart at day precision: not (yet) the same
    insert_mentions(con, [{**base, "mention_id": "x3", "doc_id": "d3", "event_date": "2024-01-02",
                           "date_precision": "week"}])
    result = merge_new(con)
    assert result.events_created == 0
    assert con.execute("SELECT count(DISTINCT event_id) FROM event_mentions").fetchall()[0] == (1,)
    assert con.sql("SELECT num_mentions FROM events").fetchall() == [(3,)]


def _groups(con: duckdb.DuckDBPyConnection) -> list[tuple[str, ...]]:
    rows = con.sql("SELECT list(mention_id ORDER BY mention_id) FROM event_mentions GROUP BY event_id").fetchall()
    return sorted(tuple(ids) for (ids,) in rows)


@pytest.mark.parametrize("order", [("a", "b", "c"), ("a", "c", "b"), ("c", "b", "a"), ("b", "c", "a")])
def test_a_closer_report_arriving_later_regroups_as_a_rebuild_would(con: duckdb.DuckDBPyConnection,
                                                                    order: tuple[str, ...]) -> None:
    """Week-dated reports on 1, 4 and 6 January: a-b and b-c pair, but one event may span 4 days, so b goes
    with the closer c. An event merged before c arrived is reopened when c pairs with it (it once kept a+b and
    took c too: an event over 5 days, and not what a rebuild gives)."""
    base = {"source_country": "AAA", "target_country": "BBB", "cameo_code": "190", "quad_class": 4,
            "goldstein": -10.0, "date_precision": "week", "evidence_text": "troops clashed at the river ford"}
    days = {"a": "2024-01-01", "b": "2024-01-04", "c": "2024-01-06"}
    rows = {m: {**base, "mention_id": m, "doc_id": f"d{m}", "event_date": day} for m, day in days.items()}
    for mention in order:  # one report at a time, merged as it comes
        insert_mentions(con, [rows[mention]])
        merge_new(con)
    assert _groups(con) == [("a",), ("b", "c")]
    incremental = sorted(con.sql("SELECT mention_id, event_id FROM event_mentions").fetchall())
    events = con.sql("SELECT event_id, num_mentions FROM events ORDER BY 1").fetchall()
    rebuild(con)
    assert sorted(con.sql("SELECT mention_id, event_id FROM event_mentions").fetchall()) == incremental
    assert con.sql("SELECT event_id, num_mentions FROM events ORDER BY 1").fetchall() == events


def test_reading_features_again_gives_what_flagging_them_gives(con: duckdb.DuckDBPyConnection,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Reopened mentions are flagged in place when the features already hold their families' related ones, and
    read again otherwise (a user's families file may chain bridges): both ways give the same events."""
    rows = _corpus()
    results, reopened = [], []
    for holds in (True, False):
        db = duckdb.connect()
        create_schema(db)
        monkeypatch.setattr(dedup, "_holds_reopened", lambda *_args, holds=holds: holds)
        for start in range(0, len(rows), 3):  # three reports at a time, each batch merged as it comes
            insert_mentions(db, rows[start:start + 3])
            reopened.append(merge_new(db).events_updated)
        results.append(sorted(db.sql("SELECT mention_id, event_id FROM event_mentions").fetchall()))
    assert results[0] == results[1]
    assert sum(reopened) > 0  # later batches did reopen events merged before


def test_a_coarse_report_never_stretches_a_merged_event_past_its_span(con: duckdb.DuckDBPyConnection) -> None:
    """A month-dated report pairs with any report of its month. Merged with a report of 3 January, it may not
    then bring in one of 14 January (found by the property test: incremental merges once did)."""
    base = {"source_country": "BBB", "target_country": "CCC", "cameo_code": "042", "quad_class": 1,
            "modality": "claimed", "evidence_text": "envoys discussed the border"}
    insert_mentions(con, [{**base, "mention_id": "p0", "doc_id": "d0", "event_date": "2024-01-04",
                           "date_precision": "month"},
                          {**base, "mention_id": "p1", "doc_id": "d1", "event_date": "2024-01-03",
                           "date_precision": "day"}])
    merge_new(con)
    insert_mentions(con, [{**base, "mention_id": "p2", "doc_id": "d2", "event_date": "2024-01-14",
                           "date_precision": "week", "modality": "asserted"}])
    merge_new(con)
    spans = con.sql("""SELECT max(event_date) - min(event_date) FROM event_mentions
                       WHERE date_precision NOT IN ('month', 'year') GROUP BY event_id""").fetchall()
    assert max(days for (days,) in spans) <= 4
    incremental = _groups(con)
    rebuild(con)
    assert _groups(con) == incremental


def test_swapped_dyad_merges_only_for_symmetric_codes(con: duckdb.DuckDBPyConnection) -> None:
    common = {"date_precision": "day", "event_date": "2024-02-02", "evidence_text": "forces of both sides clashed"}
    insert_mentions(con, [
        {**common, "mention_id": "f1", "doc_id": "d1", "source_country": "AAA", "target_country": "BBB",
         "cameo_code": "190", "quad_class": 4},
        {**common, "mention_id": "f2", "doc_id": "d2", "source_country": "BBB", "target_country": "AAA",
         "cameo_code": "190", "quad_class": 4},
        {**common, "mention_id": "c1", "doc_id": "d1", "source_country": "AAA", "target_country": "BBB",
         "cameo_code": "111", "quad_class": 3},
        {**common, "mention_id": "c2", "doc_id": "d2", "source_country": "BBB", "target_country": "AAA",
         "cameo_code": "111", "quad_class": 3},
    ])
    merge_new(con)
    ids = dict(con.sql("SELECT mention_id, event_id FROM event_mentions").fetchall())
    assert ids["f1"] == ids["f2"]
    assert ids["c1"] != ids["c2"]


def test_bulk_path_rebuilds_the_event_index(con: duckdb.DuckDBPyConnection,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from brinkwatch.analyze import dedup

    monkeypatch.setattr(dedup, "BULK_UPDATE_ROWS", 1)  # take the drop-index path on a small corpus
    insert_mentions(con, _corpus())
    merge_new(con)
    rebuild(con)
    assert con.sql("SELECT count(*) FROM duckdb_indexes() WHERE index_name = 'idx_mentions_event'").fetchall() \
        == [(1,)]
    assert con.sql("SELECT num_mentions FROM events WHERE num_mentions > 1 ORDER BY 1 DESC").fetchall() \
        == [(4,), (3,), (3,)]


def test_daily_similar_reports_do_not_chain_into_one_event():
    """Each pair of consecutive days is similar enough to merge, but a week of them is several happenings."""
    import datetime as dt

    from brinkwatch.analyze.dedup import MAX_EVENT_SPAN_DAYS, _UnionFind

    days = {f"m{i}": dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(10)}
    uf = _UnionFind(days, MAX_EVENT_SPAN_DAYS)
    for i in range(9):
        uf.union(f"m{i}", f"m{i + 1}")
    groups: dict[str, list[str]] = {}
    for mention in days:
        groups.setdefault(uf.find(mention), []).append(mention)
    assert len(groups) >= 2
    for members in groups.values():
        span = max(days[m] for m in members) - min(days[m] for m in members)
        assert span.days <= MAX_EVENT_SPAN_DAYS
