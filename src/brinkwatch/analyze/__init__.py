"""brinkwatch.analyze: cross-article dedup, dyad series and the tension index, change points, verdicts, networks.

Reads the store's tables through a DuckDB connection (``Store(path).con``); every aggregate is SQL.
The CLI (``brinkwatch tension|network|dedup``) and the HTTP API render the records defined in ``records``.
"""

from brinkwatch.analyze.changepoints import change_points, series_change_points
from brinkwatch.analyze.dedup import DedupRules, merge_new, rebuild
from brinkwatch.analyze.records import (
    Driver,
    DyadSeries,
    MergeResult,
    Network,
    NetworkEdge,
    NetworkNode,
    SeriesPoint,
    TensionReport,
    Verdict,
)
from brinkwatch.analyze.series import dyad_series
from brinkwatch.analyze.tension import tension_report, top_events
from brinkwatch.analyze.verdict import verdict

__all__ = [
    "DedupRules", "Driver", "DyadSeries", "MergeResult", "Network", "NetworkEdge", "NetworkNode", "SeriesPoint",
    "TensionReport", "Verdict", "change_points", "dyad_series", "merge_new", "rebuild",
    "series_change_points", "tension_report", "top_events", "verdict",
]
