"""Dyad series, tension index, change points and verdicts on hand-made and synthetic series."""

from __future__ import annotations

import datetime as dt
import math

import duckdb
import numpy as np
import pytest

from brinkwatch.analyze import dyad_series, tension_report, verdict
from brinkwatch.analyze.changepoints import change_points
from brinkwatch.analyze.dedup import merge_new
from brinkwatch.analyze.records import DyadSeries, SeriesPoint
from brinkwatch.analyze.synthetic import insert_mentions
from brinkwatch.errors import AnalysisError, NotEnoughDataError

MONDAY = dt.date(2024, 1, 1)


def _mention(i: int, day: dt.date, **kw: object) -> dict:
    row = {"mention_id": f"m{i:05d}", "doc_id": f"d{i:05d}", "source_country": "USA", "target_country": "IRQ",
           "cameo_code": "190", "quad_class": 4, "goldstein": -10.0, "event_date": day,
           "date_precision": "day", "evidence_text": f"unrelated sentence number {i}", "confidence": 1.0}
    row.update(kw)
    return row


def test_series_numbers_can_be_recomputed_by_hand(con: duckdb.DuckDBPyConnection) -> None:
    insert_mentions(con, [
        _mention(1, MONDAY, killed=3, injured=2, confidence=0.5),  # material conflict, magnitude 1+ln(5)
        _mention(2, MONDAY + dt.timedelta(days=2), source_country="IRQ", target_country="USA",
                 cameo_code="042", quad_class=1, goldstein=1.9, confidence=0.8),  # reverse direction
        _mention(3, MONDAY + dt.timedelta(days=3), cameo_code="111", quad_class=3, goldstein=-2.0,
                 modality="negated"),  # not counted: negated
        _mention(4, MONDAY + dt.timedelta(days=15), cameo_code="111", quad_class=3, goldstein=-2.0),
        _mention(5, MONDAY + dt.timedelta(days=1), target_country="IRN"),  # another dyad
    ])
    series = dyad_series(con, "usa", "irq", freq="week")
    assert [p.period for p in series.points] == [MONDAY + dt.timedelta(weeks=k) for k in range(3)]
    first, empty, third = series.points
    assert (first.n_events, first.material_conflict, first.verbal_coop) == (2, 1, 1)
    magnitude = 1 + math.log(1 + 3 + 0.5 * 2)
    assert first.conflict_weighted == pytest.approx(0.5 * magnitude)
    assert first.tension == pytest.approx((0.5 * magnitude * 10 - 0.8 * 1.9) / 3)
    assert first.balance == pytest.approx((0.8 - 0.5) / 1.3)
    assert first.goldstein_sum == pytest.approx(-8.1)
    assert (empty.n_events, empty.tension, empty.balance, empty.goldstein_mean) == (0, None, None, None)  # unknown
    assert third.tension == pytest.approx(2.0 / 2)
    directed = dyad_series(con, "USA", "IRQ", freq="week", directed=True)
    assert directed.points[0].n_events == 1
    assert dyad_series(con, "USA", "IRQ", freq="day", since="2023-12-30", until="2024-01-02").points[0].period \
        == dt.date(2023, 12, 30)
    assert series.to_arrow().num_rows == 3


def test_series_counts_happenings_once_after_dedup(con: duckdb.DuckDBPyConnection) -> None:
    same = {"evidence_text": "troops shelled the border town", "place_country": "IRQ"}
    insert_mentions(con, [_mention(i, MONDAY, **same) for i in range(4)])
    assert dyad_series(con, "USA", "IRQ").points[0].n_events == 4
    merge_new(con)
    series = dyad_series(con, "USA", "IRQ")
    assert series.deduplicated and series.points[0].n_events == 1


def test_bad_arguments_raise_numbered_errors(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(AnalysisError):
        dyad_series(con, "USA", "IRQ", freq="year")  # type: ignore[arg-type]
    with pytest.raises(AnalysisError):
        dyad_series(con, "USA", "IRQ", since="2024-02-01", until="2024-01-01")
    with pytest.raises(NotEnoughDataError) as info:
        tension_report(con, "USA", "IRQ")
    assert info.value.code == "E501"


def _series(values: list[float]) -> DyadSeries:
    points = tuple(SeriesPoint(period=MONDAY + dt.timedelta(weeks=i), n_events=1, verbal_coop=0, material_coop=0,
                               verbal_conflict=1, material_conflict=0, goldstein_sum=0.0, goldstein_count=1,
                               goldstein_mean=0.0,
                               conflict_weighted=0.0, balance=0.0, tension=v) for i, v in enumerate(values))
    return DyadSeries(a="AAA", b="BBB", freq="week", directed=False, deduplicated=True, points=points)


def _verdict_for(values: list[float]):  # noqa: ANN202
    series = _series(values)
    cps = tuple(series.points[i].period for i in change_points(values))
    return verdict(series, change_points=cps)


def test_jump_in_conflict_is_rising() -> None:
    rng = np.random.default_rng(7)
    result = _verdict_for(list(rng.normal(2, 0.5, 30)) + list(rng.normal(6, 0.5, 12)))
    assert result.direction == "rising" and result.confidence > 0.95
    assert result.since == MONDAY + dt.timedelta(weeks=30)
    assert "risen since the week of 2024-07-29" in result.summary


def test_decline_is_easing() -> None:
    rng = np.random.default_rng(8)
    result = _verdict_for(list(rng.normal(6, 1, 20)) + list(rng.normal(1, 1, 20)))
    assert result.direction == "easing" and result.confidence > 0.95
    assert result.level_after < result.level_before


def test_flat_and_noisy_flat_are_steady() -> None:
    assert _verdict_for([3.0] * 20).direction == "steady"
    for seed in range(5):
        rng = np.random.default_rng(seed)
        assert _verdict_for(list(rng.normal(3, 1.5, 40))).direction == "steady", seed


def test_two_periods_are_insufficient_data_not_steady() -> None:
    result = _verdict_for([1.0, 5.0])
    assert (result.direction, result.confidence, result.change_points) == ("insufficient data", 0.0, ())
    assert result.label == "insufficient data" and "steady" not in result.summary
    assert "2 of 2 weeks have reports" in result.summary


def test_report_names_the_events_that_drove_a_rise(con: duckdb.DuckDBPyConnection) -> None:
    rows = []
    for week in range(20):  # calm: one verbal cooperation a week, then strikes from week 14
        day = MONDAY + dt.timedelta(weeks=week)
        rows.append(_mention(2 * week, day, cameo_code="042", quad_class=1, goldstein=1.9))
        if week >= 14:
            rows.append(_mention(2 * week + 1, day, killed=10 * (week - 13),
                                 evidence_text=f"air strike number {week} killed {10 * (week - 13)}"))
    insert_mentions(con, rows)
    report = tension_report(con, "IRQ", "USA")
    assert report.verdict.direction == "rising"
    assert report.change_points == (MONDAY + dt.timedelta(weeks=14),)
    top = report.verdict.drivers[0]
    assert top.evidence_text == "air strike number 19 killed 60" and top.contribution > 0
    assert len(report.series.points) == 20


def test_daily_cache_gives_the_same_series_as_the_raw_query(con: duckdb.DuckDBPyConnection) -> None:
    from brinkwatch.analyze import daily

    rng = np.random.default_rng(3)

    def batch(start: int, size: int) -> list[dict]:
        return [_mention(i, MONDAY + dt.timedelta(days=int(rng.integers(0, 60))),
                         source_country=str(rng.choice(["USA", "IRQ", "IRN"])),
                         target_country=str(rng.choice(["USA", "IRQ"])),
                         cameo_code=str(rng.choice(["042", "190", "111", "061"])),
                         quad_class=int(rng.integers(1, 5)), goldstein=float(rng.uniform(-10, 10)),
                         killed=float(rng.integers(0, 3)), confidence=float(rng.uniform(0.2, 1)),
                         evidence_text=str(rng.choice(["shelling near the border", "talks on trade"])))
                for i in range(start, start + size)]

    def same(freq: str) -> None:
        cached = dyad_series(con, "USA", "IRQ", freq=freq)
        raw = dyad_series(con, "USA", "IRQ", freq=freq, use_cache=False)
        assert len(cached.points) == len(raw.points)
        for got, want in zip(cached.points, raw.points, strict=True):
            for field, value in want.model_dump().items():
                # sums may be added in another order (parallel aggregation): compare floats approximately
                assert getattr(got, field) == (pytest.approx(value) if isinstance(value, float) else value), field

    insert_mentions(con, batch(0, 150))
    merge_new(con)  # first merge builds the cache
    assert daily.cache_state(con) == daily.CacheState(usable=True, pending=False)
    same("week")
    insert_mentions(con, batch(150, 40))  # not merged yet: the series adds them from the raw table
    assert daily.cache_state(con).pending
    same("day")
    merge_new(con)  # small merge: refreshes only the touched (dyad, day) keys
    same("month")
    incremental = sorted(con.sql(f"SELECT * FROM {daily.TABLE}").fetchall())
    daily.rebuild_daily(con)
    rebuilt = sorted(con.sql(f"SELECT * FROM {daily.TABLE}").fetchall())
    assert len(incremental) == len(rebuilt)
    for row_a, row_b in zip(incremental, rebuilt, strict=True):
        assert row_a[:7] == row_b[:7] and row_a[7:] == pytest.approx(row_b[7:])


def test_a_clear_shift_on_few_periods_is_low_confidence_not_steady() -> None:
    result = _verdict_for([3.0, 3.2, 2.9, 3.1, -2.0, -2.2])
    assert (result.direction, result.low_confidence, result.label) == ("easing", True, "easing (low confidence)")
    assert result.p_value >= 0.05 and result.effect_size == -1.0
    assert (result.periods_before, result.periods_after) == (4, 2)
    assert "low confidence" in result.summary and "steady" not in result.summary


def test_three_noisy_periods_are_not_a_clear_shift() -> None:
    result = _verdict_for([2.5, -1.5, 2.7])  # the last is the tensest, but by less than the weeks differ
    assert (result.direction, result.low_confidence) == ("steady", False)


def test_silent_weeks_are_left_out_of_the_comparison(con: duckdb.DuckDBPyConnection) -> None:
    rows = []
    for week in (0, 1, 2, 3, 10, 11, 12, 13):  # six silent weeks in between: unknown, not calm
        day = MONDAY + dt.timedelta(weeks=week)
        if week < 10:
            rows.append(_mention(week, day, killed=float(week), evidence_text=f"strike {week}"))
        else:
            rows.append(_mention(week, day, cameo_code="042" if week % 2 else "057", quad_class=1,
                                 goldstein=1.9 if week % 2 else 8.0, evidence_text=f"visit {week}"))
    insert_mentions(con, rows)
    report = tension_report(con, "USA", "IRQ")
    v = report.verdict
    assert (v.periods_total, v.periods_with_reports, v.periods_before, v.periods_after) == (14, 8, 4, 4)
    assert v.direction == "easing" and v.since == MONDAY + dt.timedelta(weeks=10)
    assert [p.tension is None for p in report.series.points] == [False] * 4 + [True] * 6 + [False] * 4
