"""An incremental merge reads the merged articles in the window of dates its new reports can pair with, not the
whole history, and gives what a rebuild gives.

Reports arrive day by day into a store of months or years of news; a pending report pairs only with merged ones
within 4 days of it (a week-precision date; exact days within 1), with any of its year when it is month- or
year-dated, and only inside its own article when it has no date. The window (with a margin) is taken from the
pending reports, and from the reopened ones when a merge reopens events (read again when they lie outside it).
"""

from __future__ import annotations

import datetime as dt
import itertools

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brinkwatch.analyze import dedup
from brinkwatch.analyze.dedup import merge_new, rebuild
from brinkwatch.analyze.synthetic import create_schema, insert_mentions

WORDS = ("missile", "strike", "talks", "border", "troops", "envoy")

mention = st.fixed_dictionaries({
    "source_country": st.sampled_from(("AAA", "BBB")),
    "target_country": st.sampled_from(("AAA", "BBB")),
    "cameo_code": st.sampled_from(("042", "190", "111")),
    # weeks apart, across a new year: many pairs of reports are outside each other's window
    "event_date": st.one_of(st.none(), st.dates(dt.date(2023, 12, 1), dt.date(2024, 1, 31))),
    # (few coarse dates: one month- or year-dated report opens the window to its whole year)
    "date_precision": st.sampled_from(("day",) * 6 + ("week",) * 3 + ("publication",) * 2 + ("month", "year")),
    "evidence_text": st.lists(st.sampled_from(WORDS), min_size=2, max_size=3).map(" ".join),
    "doc": st.integers(0, 12),  # several reports of one article
})


def _assigned(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return sorted(con.sql("SELECT mention_id, event_id FROM event_mentions").fetchall())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mention, min_size=2, max_size=30), st.lists(st.integers(1, 29), max_size=4), st.booleans())
def test_merging_in_batches_over_months_gives_the_rebuild(rows: list[dict], cuts: list[int],
                                                          in_date_order: bool) -> None:
    con = duckdb.connect()
    create_schema(con)
    if in_date_order:  # as news arrives: each batch starts where the merged ones end
        rows.sort(key=lambda r: r["event_date"] or dt.date.max)
    for i, row in enumerate(rows):
        doc = row.pop("doc")
        row.update(mention_id=f"m{i:03d}", doc_id=f"d{doc:02d}", quad_class=3,
                   pub_date=row["event_date"] or dt.date(2024, 1, 15))
    bounds = sorted({0, len(rows), *(c for c in cuts if c < len(rows))})
    for start, end in itertools.pairwise(bounds):
        insert_mentions(con, rows[start:end])
        merge_new(con)
    incremental = _assigned(con)
    events = con.sql("SELECT * FROM events ORDER BY event_id").fetchall()
    rebuild(con)
    assert _assigned(con) == incremental
    assert con.sql("SELECT * FROM events ORDER BY event_id").fetchall() == events
    con.close()


def _history(days: int) -> list[dict]:
    """One report a day of one dyad's talks (one article each), with a few words."""
    start = dt.date(2023, 1, 1)
    return [{"mention_id": f"h{i:04d}", "doc_id": f"h{i:04d}", "source_country": "AAA", "target_country": "BBB",
             "cameo_code": "042", "quad_class": 1, "event_date": start + dt.timedelta(days=i),
             "date_precision": "day", "pub_date": start + dt.timedelta(days=i),
             "evidence_text": f"ministers met to discuss trade round {i}"} for i in range(days)]


def test_a_days_reports_read_a_fortnight_of_a_years_history(con: duckdb.DuckDBPyConnection,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    insert_mentions(con, _history(365))
    merge_new(con)
    read: list[int] = []
    build = dedup._build_features

    def counting(*args: object, **kwargs: object) -> set[str]:
        included = build(*args, **kwargs)  # type: ignore[arg-type]
        read.append(con.execute("SELECT count(DISTINCT mention_id) FROM _dd_f").fetchall()[0][0])
        return included

    monkeypatch.setattr(dedup, "_build_features", counting)
    day = dt.date(2023, 7, 1)
    insert_mentions(con, [{"mention_id": "n1", "doc_id": "n1", "source_country": "AAA", "target_country": "BBB",
                           "cameo_code": "042", "quad_class": 1, "event_date": day, "date_precision": "day",
                           "pub_date": day, "evidence_text": "ministers met to discuss trade round 181"}])
    merge_new(con)
    assert read and max(read) <= 2 * dedup.WINDOW_DAYS + 2  # the window's articles, not 366
    merged = _assigned(con)
    assert dict(merged)["n1"] == dict(merged)["h0181"]  # it found its report of that day
    rebuild(con)
    assert _assigned(con) == merged


@pytest.mark.parametrize(("precision", "gap"), [("day", 1), ("week", 4), ("publication", 2)])
def test_a_report_just_past_the_merged_ones_still_finds_them(con: duckdb.DuckDBPyConnection, precision: str,
                                                              gap: int) -> None:
    """The window reaches as far as a pair may: the day after for exact days, four days for a week's date."""
    first, later = dt.date(2024, 1, 1), dt.date(2024, 1, 1) + dt.timedelta(days=gap)
    base = {"source_country": "AAA", "target_country": "BBB", "cameo_code": "190", "quad_class": 4,
            "evidence_text": "missile strike on the border troops"}
    insert_mentions(con, [{**base, "mention_id": "m1", "doc_id": "d1", "event_date": first,
                           "date_precision": "day", "pub_date": first}])
    merge_new(con)
    insert_mentions(con, [{**base, "mention_id": "m2", "doc_id": "d2", "event_date": later,
                           "date_precision": precision, "pub_date": later}])
    merge_new(con)
    assert len(set(dict(_assigned(con)).values())) == 1
