"""The tension report: series, change points, verdict and the events that drove it, for one dyad.

``tension_report`` is what the CLI (``brinkwatch tension``) and the HTTP API render. Drivers are chosen in
SQL: the happenings of a date range ranked by their signed contribution to the tension index numerator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import duckdb

from brinkwatch.analyze.changepoints import series_change_points
from brinkwatch.analyze.formula import CONTRIBUTION_SQL, MAGNITUDE_SQL
from brinkwatch.analyze.records import Driver, DyadSeries, Freq, TensionReport
from brinkwatch.analyze.series import (
    DEFAULT_MODALITIES,
    dyad_series,
    happenings_filter_sql,
    happenings_sql,
)
from brinkwatch.analyze.verdict import MIN_RECENT, recent_segment, verdict
from brinkwatch.errors import AnalysisError, NotEnoughDataError

_DRIVERS_SQL = """
SELECT happening_id, day, cameo_code, goldstein, quad_class, contribution, num_mentions,
    coalesce(source_code, source_country), coalesce(target_code, target_country), evidence_text
FROM (SELECT *, {contribution} AS contribution, {magnitude} AS magnitude FROM ({happenings}))
WHERE day >= $lo AND day < $hi AND contribution {sign} 0
ORDER BY abs(contribution) DESC, day, happening_id
LIMIT $limit
"""

_PERIOD_LENGTH = {"day": dt.timedelta(days=1), "week": dt.timedelta(days=7), "month": dt.timedelta(days=31)}


def top_events(con: duckdb.DuckDBPyConnection, a: str, b: str, lo: dt.date, hi: dt.date, *,
               conflict: bool, directed: bool = False, include_opinion: bool = False,
               modalities: Sequence[str] = DEFAULT_MODALITIES, limit: int = 5) -> list[Driver]:
    """Happenings of [lo, hi) between a and b that raised (conflict) or lowered the tension index most."""
    a, b = a.upper(), b.upper()
    where = happenings_filter_sql(a, b, directed=directed, include_opinion=include_opinion)
    sql = _DRIVERS_SQL.format(contribution=CONTRIBUTION_SQL, magnitude=MAGNITUDE_SQL,
                              happenings=happenings_sql(where), sign=">" if conflict else "<")
    params = {"a": a, "b": b, "lo": lo, "hi": hi, "limit": limit, "modalities": list(modalities)}
    try:
        rows = con.execute(sql, params).fetchall()
    except duckdb.Error as exc:
        raise AnalysisError(f"drivers query failed: {exc}") from exc
    names = list(Driver.model_fields)
    return [Driver(**dict(zip(names, row, strict=True))) for row in rows]


def _period_end(series: DyadSeries, index: int) -> dt.date:
    if index < len(series.points):
        return series.points[index].period
    last = series.points[-1].period
    if series.freq == "month":
        return (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return last + _PERIOD_LENGTH[series.freq]


def tension_report(con: duckdb.DuckDBPyConnection, a: str, b: str, *, freq: Freq = "week",
                   since: dt.date | str | None = None, until: dt.date | str | None = None,
                   directed: bool = False, include_opinion: bool = False,
                   modalities: Sequence[str] = DEFAULT_MODALITIES, max_drivers: int = 5) -> TensionReport:
    """Series + change points + verdict (with driving events) for the dyad a-b."""
    series = dyad_series(con, a, b, freq=freq, since=since, until=until, directed=directed,
                         include_opinion=include_opinion, modalities=modalities)
    if not any(p.n_events for p in series.points):
        raise NotEnoughDataError(f"no events between {series.a} and {series.b} in the requested range")
    cps = series_change_points(series)
    periods = [p.period for p in series.points]
    lo, start = recent_segment(len(periods), [periods.index(d) for d in cps], min_recent=MIN_RECENT)
    start = min(start, len(periods) - 1)
    common = {"directed": directed, "include_opinion": include_opinion, "modalities": modalities,
              "limit": max_drivers}
    recent_lo, recent_hi = periods[start], _period_end(series, len(periods))
    after = (top_events(con, a, b, recent_lo, recent_hi, conflict=True, **common)
             + top_events(con, a, b, recent_lo, recent_hi, conflict=False, **common))
    before = top_events(con, a, b, periods[lo], recent_lo, conflict=True, **common)
    result = verdict(series, change_points=cps, drivers_after=after, drivers_before=before,
                     max_drivers=max_drivers)
    return TensionReport(series=series, change_points=cps, verdict=result)
