"""The verdict: are tensions between two actors rising, easing or steady, how sure, and why.

The one verdict function: the CLI, the HTTP API and the dashboard all show what ``verdict`` returns (through
``tension.tension_report``). Method (``docs/tension.md`` has the same in prose, with worked examples):
1. only periods *with reports* are compared: a week with no news is unknown, not calm. Fewer than
   ``MIN_PERIODS`` of them is ``insufficient data``;
2. the *recent* segment starts at the last change point of the covered periods; without one, it is the last
   quarter of them (at least one period). It is compared with the segment before it (from the previous
   change point, extended back over earlier segments on the same side of the recent level, see
   ``compared_segments``);
3. the effect size is Cliff's delta (the share of (after, before) pairs where after is higher, minus the
   share where it is lower), beside the mean tension index and the mean Goldstein score on each side; the
   p-value is a two-sided Mann-Whitney U test (``stats.mann_whitney_p``, scipy's method in numpy);
4. rising/easing when p < ``alpha`` and the effect is at least medium (|delta| >= ``MEDIUM_EFFECT``); a
   clear shift (|delta| >= ``LARGE_EFFECT`` and a mean shift of at least ``MIN_SHIFT`` and at least the pooled
   spread within the segments) that the test cannot confirm on so few periods is still rising/easing, marked
   *low confidence*, never hidden as steady;
   anything else is steady. Confidence is 1 - p for rising/easing; for steady it is p, shrunk when fewer
   than 12 periods have reports ("no change" on three weeks says little).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from brinkwatch.analyze.records import Direction, Driver, DyadSeries, SeriesPoint, Verdict
from brinkwatch.analyze.stats import mann_whitney_p

DEFAULT_ALPHA = 0.05
MIN_PERIODS = 3  # periods with reports needed before anything is said
MEDIUM_EFFECT = 0.33  # |Cliff's delta| thresholds (Romano et al. 2006: 0.33 medium, 0.474 large)
LARGE_EFFECT = 0.6
MIN_SHIFT = 0.5  # tension-index points: smaller mean shifts are steady however consistent
STEADY_FULL_PERIODS = 12
_PERIOD_WORD = {"day": "day", "week": "week", "month": "month"}


def compared_segments(values: Sequence[float], change_point_indices: Sequence[int]) -> tuple[int, int]:
    """(start of the segment before, start of the recent segment) as indices into the covered periods.

    The recent segment starts at the last change point (else it is the last quarter, at least one period).
    The segment before it starts at the previous change point, and reaches further back over earlier segments
    as long as they sit on the same side of the recent level by at least ``MIN_SHIFT`` (a strike week and the
    tense weeks after it are one escalation, however PELT cuts them)."""
    n = len(values)
    cps = [i for i in change_point_indices if 0 < i < n]
    if not cps:
        return 0, n - max(1, n // 4)
    bounds = [0, *cps]
    start = bounds.pop()
    recent = float(np.mean(values[start:]))
    lo = bounds.pop()
    side = np.sign(np.mean(values[lo:start]) - recent)
    while bounds:
        earlier = float(np.mean(values[bounds[-1]:lo])) - recent
        if np.sign(earlier) != side or abs(earlier) < MIN_SHIFT:
            break
        lo = bounds.pop()
    return lo, start


def compare_levels(before: Sequence[float], after: Sequence[float]) -> float:
    """Two-sided p-value that both samples come from the same distribution (1.0 when not testable)."""
    x, y = np.asarray(before, dtype=float), np.asarray(after, dtype=float)
    if x.size < 1 or y.size < 1 or (np.ptp(np.concatenate([x, y])) == 0):
        return 1.0
    return mann_whitney_p(x, y)


def cliffs_delta(before: np.ndarray, after: np.ndarray) -> float:
    """P(after > before) - P(after < before) over all pairs: -1 (every period calmer) .. +1 (every one tenser)."""
    diff = np.sign(after[:, None] - before[None, :])
    return float(diff.mean()) if diff.size else 0.0


def pooled_spread(before: np.ndarray, after: np.ndarray) -> float | None:
    """Pooled standard deviation within the two segments (None when neither has two periods)."""
    dof = max(0, before.size - 1) + max(0, after.size - 1)
    if dof == 0:
        return None
    squares = sum(float(((x - x.mean()) ** 2).sum()) for x in (before, after) if x.size > 1)
    return (squares / dof) ** 0.5


def _direction(delta: float, shift: float, spread: float | None, p: float, alpha: float) -> tuple[Direction, bool]:
    """(direction, low confidence) from the effect size, the mean shift against the spread, and the p-value."""
    way: Direction = "rising" if delta > 0 else "easing"
    if p < alpha and abs(delta) >= MEDIUM_EFFECT:
        return way, False
    # clear: nearly every recent period beyond the earlier ones, by more than the weeks usually differ
    if abs(delta) >= LARGE_EFFECT and spread is not None and abs(shift) >= max(MIN_SHIFT, spread):
        return way, True
    return "steady", False


def _pick_drivers(direction: Direction, after: Sequence[Driver], before: Sequence[Driver],
                  limit: int) -> tuple[Driver, ...]:
    """Rising: the recent conflict that pushed T up; easing: recent cooperation, else the conflict that stopped."""
    if direction == "rising":
        chosen = sorted((d for d in after if d.contribution > 0), key=lambda d: -d.contribution)
    elif direction == "easing":
        chosen = sorted((d for d in after if d.contribution < 0), key=lambda d: d.contribution)
        if not chosen:
            chosen = sorted((d for d in before if d.contribution > 0), key=lambda d: -d.contribution)
    else:
        chosen = sorted(after, key=lambda d: -abs(d.contribution))
    return tuple(chosen[:limit])


def _goldstein_mean(points: Sequence[SeriesPoint]) -> float | None:
    count = sum(p.goldstein_count for p in points)
    return sum(p.goldstein_sum for p in points) / count if count else None


def _label(direction: Direction, low_confidence: bool) -> str:
    return f"{direction} (low confidence)" if low_confidence else direction


def _summary(series: DyadSeries, v: dict) -> str:
    who = f"Tensions between {series.a} and {series.b}"
    unit = _PERIOD_WORD[series.freq]
    coverage = (f"{v['periods_with_reports']} of {v['periods_total']} {unit}s have reports; "
                f"{unit}s without reports are unknown, not calm")
    if v["direction"] == "insufficient data":
        return (f"{who}: insufficient data for a verdict ({coverage}; at least {MIN_PERIODS} needed).")
    gold = ""
    if v["goldstein_before"] is not None and v["goldstein_after"] is not None:
        gold = f"; mean Goldstein {v['goldstein_before']:+.1f} before, {v['goldstein_after']:+.1f} after"
    levels = (f"mean tension index {v['level_before']:.2f} before, {v['level_after']:.2f} after{gold} "
              f"({v['periods_before']} vs {v['periods_after']} {unit}s with reports, effect size "
              f"{v['effect_size']:+.2f}, Mann-Whitney p={v['p_value']:.3f}, confidence {v['confidence']:.2f})")
    when = f"the {unit} of {v['since'].isoformat()}"
    verb = {"rising": "have risen", "easing": "have eased"}.get(v["direction"])
    if verb is None:
        return f"{who} have held steady; comparing from {when}: {levels}. {coverage.capitalize()}."
    caution = " (low confidence: a clear shift on few periods)" if v["low_confidence"] else ""
    return f"{who} {verb} since {when}{caution}: {levels}. {coverage.capitalize()}."


def _insufficient(series: DyadSeries, change_points: Sequence[dt.date], covered: int) -> Verdict:
    fields = {"direction": "insufficient data", "low_confidence": False, "periods_total": len(series.points),
              "periods_with_reports": covered}
    return Verdict(direction="insufficient data", low_confidence=False, label="insufficient data", confidence=0.0,
                   change_points=tuple(change_points), summary=_summary(series, fields), drivers=(),
                   level_before=None, level_after=None, goldstein_before=None, goldstein_after=None,
                   effect_size=None, p_value=None, since=None, periods_total=len(series.points),
                   periods_with_reports=covered, periods_before=0, periods_after=0)


def verdict(series: DyadSeries, *, change_points: Sequence[dt.date] = (), drivers_after: Sequence[Driver] = (),
            drivers_before: Sequence[Driver] = (), alpha: float = DEFAULT_ALPHA, max_drivers: int = 5) -> Verdict:
    """Direction, effect size and confidence of the tension trend over the periods with reports; drivers are
    chosen among the given candidates. ``change_points`` are period starts (of covered periods)."""
    covered = series.covered()
    n = len(covered)
    if n < MIN_PERIODS:
        return _insufficient(series, change_points, n)
    values = np.asarray([p.tension for p in covered], dtype=float)
    periods = [p.period for p in covered]
    lo, start = compared_segments(values, [periods.index(d) for d in change_points if d in periods])
    before, after = values[lo:start], values[start:]
    p = compare_levels(before, after)
    delta = cliffs_delta(before, after)
    direction, low = _direction(delta, float(after.mean() - before.mean()), pooled_spread(before, after), p, alpha)
    confidence = 1 - p if direction != "steady" else p * min(1.0, n / STEADY_FULL_PERIODS)
    fields = {
        "direction": direction, "low_confidence": low, "confidence": round(float(confidence), 4),
        "level_before": float(before.mean()), "level_after": float(after.mean()),
        "goldstein_before": _goldstein_mean(covered[lo:start]), "goldstein_after": _goldstein_mean(covered[start:]),
        "effect_size": round(delta, 4), "p_value": p, "since": periods[start],
        "periods_total": len(series.points), "periods_with_reports": n,
        "periods_before": int(before.size), "periods_after": int(after.size),
    }
    return Verdict(label=_label(direction, low), change_points=tuple(change_points),
                   summary=_summary(series, fields),
                   drivers=_pick_drivers(direction, drivers_after, drivers_before, max_drivers), **fields)
