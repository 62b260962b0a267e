"""Frozen records produced by analysis: merge results, dyad series, verdicts, tension reports, networks.

They live beside the analysis code (not in ``model.py``) because only analysis creates them; the CLI,
HTTP API and web UI import them from ``brinkwatch.analyze`` and render them as they are (pydantic, so
FastAPI can serialise them directly).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

Freq = Literal["day", "week", "month"]
Direction = Literal["rising", "easing", "steady", "insufficient data"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MergeResult(_Frozen):
    """What one dedup pass did."""

    mentions_merged: int  # pending mentions that received an event_id
    events_created: int
    events_updated: int  # existing events that gained mentions or absorbed another event


class SeriesPoint(_Frozen):
    """One period of a dyad series; every number can be recomputed from the events of that period.

    A period with no reports is *unknown*, not calm: its balance and tension are None."""

    period: dt.date  # first day of the period (Monday for weeks)
    n_events: int
    verbal_coop: int
    material_coop: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_count: int  # happenings with a Goldstein score
    goldstein_mean: float | None
    conflict_weighted: float  # sum over material conflict of w * magnitude
    balance: float | None  # (coop weight - conflict weight) / total weight; None when no reports
    tension: float | None  # see docs/tension.md; None when no reports (unknown, not 0)


class DyadSeries(_Frozen):
    a: str
    b: str
    freq: Freq
    directed: bool
    deduplicated: bool  # True when merged happenings were counted (dedup has run)
    points: tuple[SeriesPoint, ...]

    def tension_values(self) -> list[float | None]:
        return [p.tension for p in self.points]

    def covered(self) -> list[SeriesPoint]:
        """The periods with at least one report: the only ones a verdict compares."""
        return [p for p in self.points if p.n_events > 0]

    def to_arrow(self):  # noqa: ANN201 - pyarrow is imported lazily
        """The series as a pyarrow Table, one column per SeriesPoint field."""
        import pyarrow as pa

        names = list(SeriesPoint.model_fields)
        return pa.table({n: [getattr(p, n) for p in self.points] for n in names})


class Driver(_Frozen):
    """An event that moved the tension index, with the sentence that justifies it."""

    event_id: str
    date: dt.date | None
    cameo: str
    goldstein: float | None
    quad_class: int
    contribution: float  # signed contribution to the numerator of T (conflict positive)
    num_mentions: int
    source: str | None
    target: str | None
    evidence_text: str


class Verdict(_Frozen):
    """The answer to "are tensions rising or easing?" (``analyze.verdict``; the rule is in docs/tension.md)."""

    direction: Direction
    low_confidence: bool  # a clear shift that the test cannot confirm on so few periods
    label: str  # what to print: "easing", "easing (low confidence)", "steady", "insufficient data"
    confidence: float  # 1 - p for rising/easing; 0..1
    change_points: tuple[dt.date, ...]
    summary: str
    drivers: tuple[Driver, ...]
    level_before: float | None  # mean tension index of the compared periods before / after ``since``
    level_after: float | None
    goldstein_before: float | None  # mean Goldstein score of the happenings before / after ``since``
    goldstein_after: float | None
    effect_size: float | None  # Cliff's delta of the periods after vs before (-1 .. 1)
    p_value: float | None
    since: dt.date | None  # start of the compared recent segment
    periods_total: int  # periods in the analysed range
    periods_with_reports: int  # periods that have at least one report (the others are unknown)
    periods_before: int  # periods with reports compared before / after ``since``
    periods_after: int


class TensionReport(_Frozen):
    series: DyadSeries
    change_points: tuple[dt.date, ...]
    verdict: Verdict
    undated_count: int = 0  # happenings of the dyad with no date at all: never in a series
    undated: tuple[Driver, ...] = ()  # the first of them, listed apart


class NetworkNode(_Frozen):
    id: str
    events_out: int
    events_in: int


class NetworkEdge(_Frozen):
    source: str
    target: str
    count: int
    coop_weight: float
    conflict_weight: float
    goldstein_mean: float | None


class Network(_Frozen):
    level: Literal["country", "actor"]
    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]
