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
Direction = Literal["rising", "easing", "steady"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MergeResult(_Frozen):
    """What one dedup pass did."""

    mentions_merged: int  # pending mentions that received an event_id
    events_created: int
    events_updated: int  # existing events that gained mentions or absorbed another event


class SeriesPoint(_Frozen):
    """One period of a dyad series; every number can be recomputed from the events of that period."""

    period: dt.date  # first day of the period (Monday for weeks)
    n_events: int
    verbal_coop: int
    material_coop: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float | None
    conflict_weighted: float  # sum over material conflict of w * magnitude
    balance: float  # (coop weight - conflict weight) / total weight, 0 when empty
    tension: float  # see docs/tension.md


class DyadSeries(_Frozen):
    a: str
    b: str
    freq: Freq
    directed: bool
    deduplicated: bool  # True when merged happenings were counted (dedup has run)
    points: tuple[SeriesPoint, ...]

    def tension_values(self) -> list[float]:
        return [p.tension for p in self.points]

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
    direction: Direction
    confidence: float  # 1 - p of the level comparison; 0..1
    change_points: tuple[dt.date, ...]
    summary: str
    drivers: tuple[Driver, ...]
    level_before: float | None
    level_after: float | None
    p_value: float | None
    since: dt.date | None  # start of the compared recent segment


class TensionReport(_Frozen):
    series: DyadSeries
    change_points: tuple[dt.date, ...]
    verdict: Verdict


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
