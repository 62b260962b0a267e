"""Change points in a tension series: PELT with a least-squares cost (``stats.pelt_l2``, ruptures' algorithm).

The penalty is scaled to the series' *noise* variance, estimated from successive differences (a robust
MAD estimate), so a genuine jump does not inflate its own penalty the way the plain variance would:
penalty = ``penalty_scale`` * sigma^2 * ln(n). Series shorter than ``2 * min_size`` have no change points.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import numpy as np

from brinkwatch.analyze.records import DyadSeries
from brinkwatch.analyze.stats import pelt_l2

DEFAULT_PENALTY_SCALE = 5.0  # ~0 false change points on 52 flat Gaussian weeks, 87% of 2-sigma jumps found
DEFAULT_MIN_SIZE = 2


def noise_variance(values: Sequence[float]) -> float:
    """sigma^2 of the noise: MAD of first differences / 0.6745, squared, halved (differences double it)."""
    diffs = np.diff(np.asarray(values, dtype=float))
    if diffs.size == 0:
        return 0.0
    mad = float(np.median(np.abs(diffs - np.median(diffs))))
    sigma2 = (mad / 0.6745) ** 2 / 2
    if sigma2 == 0.0:  # mostly-constant series (many empty periods): fall back to the plain variance
        sigma2 = float(np.var(values))
    return sigma2


def change_points(values: Sequence[float], *, penalty_scale: float = DEFAULT_PENALTY_SCALE,
                  min_size: int = DEFAULT_MIN_SIZE) -> list[int]:
    """Indices where a new segment starts (never 0), in increasing order."""
    signal = np.asarray(values, dtype=float)
    n = signal.size
    if n < 2 * min_size:
        return []
    sigma2 = noise_variance(signal)
    if sigma2 == 0.0:
        return []
    penalty = penalty_scale * sigma2 * math.log(n)
    # PELT is quadratic in the number of admissible break points when little is pruned (long,
    # mostly empty daily series): past ~150 periods, consider every k-th period only (k <= n / 100).
    jump = max(1, n // 100)
    ends = pelt_l2(signal, penalty, min_size=max(min_size, jump), jump=jump)
    return [int(b) for b in ends if b < n]


def series_change_points(series: DyadSeries, **kwargs: float) -> tuple[dt.date, ...]:
    """Change points of a dyad series' tension index over the periods *with reports* (a period without news is
    unknown, so it neither makes nor hides a change), as the first day of the period where each begins."""
    covered = series.covered()
    indices = change_points([p.tension for p in covered], **kwargs)  # type: ignore[arg-type]
    return tuple(covered[i].period for i in indices)
