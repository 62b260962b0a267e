"""The verdict: are tensions between two actors rising, easing or steady, how sure, and why.

Method (``docs/tension.md`` has the same in prose):
1. the *recent* segment starts at the last change point; without one, it is the last quarter of the
   series (at least ``min_recent`` periods);
2. its tension values are compared with those of the segment before it (from the previous change
   point, or the start) by a two-sided Mann-Whitney U test (scipy), or a seeded permutation test on
   the difference of means when scipy is missing;
3. rising/easing when p < ``alpha`` and the recent median or mean is higher/lower; otherwise steady.
   Confidence is 1 - p for rising/easing; for steady it is p, shrunk when the series is short
   (fewer than 12 periods), because "no change detected" on three weeks says little.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from brinkwatch.analyze.records import Direction, Driver, DyadSeries, Verdict

DEFAULT_ALPHA = 0.05
MIN_RECENT = 3
_PERIOD_WORD = {"day": "day of", "week": "week of", "month": "month of"}


def recent_segment(n: int, change_point_indices: Sequence[int], *, min_recent: int = MIN_RECENT) -> tuple[int, int]:
    """(start of the segment before, start of the recent segment) as indices into the series."""
    cps = [i for i in change_point_indices if 0 < i < n]
    if cps:
        start = cps[-1]
        before = cps[-2] if len(cps) > 1 else 0
        return before, start
    return 0, max(1, n - max(min_recent, n // 4))


def compare_levels(before: Sequence[float], after: Sequence[float]) -> float:
    """Two-sided p-value that both samples come from the same distribution (1.0 when not testable)."""
    x, y = np.asarray(before, dtype=float), np.asarray(after, dtype=float)
    if x.size < 2 or y.size < 2 or (np.ptp(np.concatenate([x, y])) == 0):
        return 1.0
    try:
        from scipy.stats import mannwhitneyu
    except ImportError:  # scipy is optional: a permutation test needs only numpy
        return _permutation_p(x, y)
    return float(mannwhitneyu(x, y, alternative="two-sided").pvalue)


def _permutation_p(x: np.ndarray, y: np.ndarray, rounds: int = 4000) -> float:
    rng = np.random.default_rng(0)  # seeded: the same series always gets the same verdict
    pooled = np.concatenate([x, y])
    observed = abs(y.mean() - x.mean())
    hits = 0
    for _ in range(rounds):
        rng.shuffle(pooled)
        hits += abs(pooled[x.size:].mean() - pooled[: x.size].mean()) >= observed
    return (hits + 1) / (rounds + 1)


def _direction(before: np.ndarray, after: np.ndarray, p: float, alpha: float) -> Direction:
    if p >= alpha:
        return "steady"
    higher = np.median(after) > np.median(before) or (
        np.median(after) == np.median(before) and after.mean() > before.mean())
    return "rising" if higher else "easing"


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


def _summary(series: DyadSeries, direction: Direction, since: dt.date | None, level_before: float | None,
             level_after: float | None, p: float | None, confidence: float) -> str:
    who = f"Tensions between {series.a} and {series.b}"
    if since is None or level_before is None or level_after is None:
        return f"{who}: not enough data for a verdict ({len(series.points)} {series.freq}s)."
    when = f"the {_PERIOD_WORD[series.freq]} {since.isoformat()}"
    levels = (f"mean tension index {level_before:.2f} before, {level_after:.2f} after "
              f"(Mann-Whitney p={p:.3f}, confidence {confidence:.2f})")
    if direction == "rising":
        return f"{who} have risen since {when}: {levels}."
    if direction == "easing":
        return f"{who} have eased since {when}: {levels}."
    return f"{who} have held steady; comparing from {when}: {levels}."


def verdict(series: DyadSeries, *, change_points: Sequence[dt.date] = (), drivers_after: Sequence[Driver] = (),
            drivers_before: Sequence[Driver] = (), alpha: float = DEFAULT_ALPHA, max_drivers: int = 5,
            min_recent: int = MIN_RECENT) -> Verdict:
    """Direction and confidence of the tension trend; drivers are chosen among the given candidates."""
    values = np.asarray(series.tension_values(), dtype=float)
    periods = [p.period for p in series.points]
    n = values.size
    if n < 2 * 2:
        return Verdict(direction="steady", confidence=0.0, change_points=tuple(change_points),
                       summary=_summary(series, "steady", None, None, None, None, 0.0), drivers=(),
                       level_before=None, level_after=None, p_value=None, since=None)
    indices = [periods.index(d) for d in change_points if d in periods]
    lo, start = recent_segment(n, indices, min_recent=min_recent)
    before, after = values[lo:start], values[start:]
    p = compare_levels(before, after)
    direction = _direction(before, after, p, alpha)
    confidence = 1 - p if direction != "steady" else p * min(1.0, n / 12)
    since = periods[start]
    level_before, level_after = float(before.mean()), float(after.mean())
    return Verdict(direction=direction, confidence=round(float(confidence), 4),
                   change_points=tuple(change_points),
                   summary=_summary(series, direction, since, level_before, level_after, p, confidence),
                   drivers=_pick_drivers(direction, drivers_after, drivers_before, max_drivers),
                   level_before=level_before, level_after=level_after, p_value=p, since=since)
