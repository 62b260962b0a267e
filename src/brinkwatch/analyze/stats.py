"""The two statistics a tension verdict needs, in numpy alone: PELT change points and the Mann-Whitney U test.

They were ruptures' ``Pelt(model="l2")`` and scipy's ``mannwhitneyu``; importing those two packages (scipy
underneath both) cost about 2 s of the ~3 s a ``brinkwatch tension`` command took, and ruptures' segment cost
(``ndarray.var`` on each candidate segment) most of the rest. The functions below follow the same algorithms
step by step, so the change points and p-values are the ones those packages give (``tests/test_analyze_stats.py``
compares them on thousands of random series when the packages are installed):

* ``pelt_l2`` is ruptures 1.1's ``Pelt._seg`` (Killick et al. 2012) with the least-squares cost, including its
  order of summation, its first-minimum tie rule and its pruning of the admissible set;
* ``mann_whitney_p`` is scipy's two-sided test with ``method="auto"``: the exact null distribution when there
  are no ties and one sample has at most 8 values, else the normal approximation with tie and continuity
  corrections.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

_EXACT_MAX_SIZE = 8  # scipy: exact distribution unless both samples are larger than this (or there are ties)


def _segment_cost(column: np.ndarray, start: int, end: int) -> float:
    """Sum of squared deviations from the mean of ``column[start:end]``, computed as ``ndarray.var`` does (the
    same reductions in the same order), times the length, as ruptures' ``CostL2.error``."""
    segment = column[start:end]
    length = end - start
    mean = np.add.reduce(segment, axis=0) / length
    deviations = segment - mean
    return float(np.add.reduce(deviations * deviations, axis=0)[0] / length * length)


def _step(column: np.ndarray, prefix: tuple[np.ndarray, np.ndarray], best: dict[int, tuple[float, tuple[int, ...]]],
          starts: list[int], end: int, penalty: float, tolerance: float) -> tuple[tuple[float, tuple[int, ...]], list[bool]]:
    """One PELT step: the best partition of signal[:end] over the candidate segment ``starts``, and for each
    candidate whether it stays admissible (total within ``penalty`` of the best)."""
    sums, squares = prefix
    index = np.array(starts)
    base = np.array([best[t][0] for t in starts])
    approx = base + ((squares[end] - squares[index]) - (sums[end] - sums[index]) ** 2 / (end - index) + penalty)
    exact: dict[int, float] = {}

    def total(i: int) -> float:  # ruptures' arithmetic: the partition's total plus (segment cost + penalty)
        if i not in exact:
            exact[i] = float(base[i]) + (_segment_cost(column, starts[i], end) + penalty)
        return exact[i]

    near = np.flatnonzero(approx <= approx.min() + tolerance).tolist()
    chosen = min(near, key=lambda i: (total(i), i))  # the first of equal totals, as min() over a list
    partition = (total(chosen), best[starts[chosen]][1] + (end,))
    limit = partition[0] + penalty
    keep = (approx <= limit).tolist()
    for i in np.flatnonzero(np.abs(approx - limit) <= tolerance).tolist():
        keep[i] = total(i) <= limit
    return partition, keep


def pelt_l2(signal: np.ndarray, penalty: float, *, min_size: int, jump: int) -> list[int]:
    """Ends of the optimal segments of ``signal`` (the last is ``len(signal)``) under a least-squares cost plus
    ``penalty`` per segment. Breakpoints are multiples of ``jump``; segments are at least ``min_size`` long.

    Candidate costs come from prefix sums, all candidates of one end at once; a decision whose margin is within
    the prefix sums' rounding error (a near tie) is taken again on ``_segment_cost``, ruptures' own arithmetic,
    so every decision, and every stored total, is the one ruptures makes."""
    n = int(signal.size)
    column = np.ascontiguousarray(signal, dtype=float).reshape(-1, 1)
    centred = column[:, 0] - column[:, 0].mean()
    prefix = (np.concatenate([[0.0], np.cumsum(centred)]), np.concatenate([[0.0], np.cumsum(centred * centred)]))
    tolerance = 1e-8 * (1.0 + float(prefix[1][-1]))  # far above the prefix sums' rounding error
    # best[t]: (total cost, segment ends) of the optimal partition of signal[:t], totals summed left to right
    best: dict[int, tuple[float, tuple[int, ...]]] = {0: (0.0, ())}
    admissible: list[int] = []
    for end in [k for k in range(0, n, jump) if k >= min_size] + [n]:
        admissible.append((end - min_size) // jump * jump)
        best[end], keep = _step(column, prefix, best, [t for t in admissible if t in best], end, penalty, tolerance)
        # ruptures pairs the admissible points with the candidates positionally (a point with no partition
        # yet made no candidate); kept as is, since that is what decides which points survive
        admissible = [t for t, kept in zip(admissible, keep, strict=False) if kept]
    return list(best[n][1])


def _average_ranks(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """1-based ranks, ties sharing their average rank, and the size of each group of equal values."""
    order = np.argsort(values, kind="mergesort")
    ordered = values[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    counts = np.diff(np.r_[starts, values.size])
    average = starts + (counts + 1) / 2.0
    ranks = np.empty(values.size, dtype=float)
    ranks[order] = np.repeat(average, counts)
    return ranks, counts


def _u_counts(m: int, n: int) -> np.ndarray:
    """How many of the C(m+n, m) orderings give each U = 0 .. m*n (the Gaussian binomial coefficient)."""
    rows = [np.ones(1, dtype=np.int64) for _ in range(m + 1)]  # rows[j]: counts for sizes (j, 0)
    for size in range(1, n + 1):
        previous = rows
        rows = [np.ones(1, dtype=np.int64)]
        for j in range(1, m + 1):
            counts = np.zeros(j * size + 1, dtype=np.int64)
            counts[size:size + rows[j - 1].size] += rows[j - 1]  # the largest value is an x: U grows by size
            counts[:previous[j].size] += previous[j]  # the largest value is a y
            rows.append(counts)
    return rows[m]


def mann_whitney_p(x: Sequence[float] | np.ndarray, y: Sequence[float] | np.ndarray) -> float:
    """Two-sided Mann-Whitney U p-value of samples ``x`` and ``y`` (both non-empty)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n1, n2 = x.size, y.size
    ranks, ties = _average_ranks(np.concatenate([x, y]))
    u1 = float(np.sum(ranks[:n1])) - n1 * (n1 + 1) / 2
    u = max(u1, n1 * n2 - u1)
    if (n1 > _EXACT_MAX_SIZE and n2 > _EXACT_MAX_SIZE) or bool(np.any(ties > 1)):
        n = n1 + n2
        tie_term = float(np.sum(ties.astype(float) ** 3 - ties))
        spread = math.sqrt(n1 * n2 / 12 * ((n + 1) - tie_term / (n * (n - 1))))
        if spread == 0:
            return 1.0
        z = (u - n1 * n2 / 2 - 0.5) / spread
        p = math.erfc(z / math.sqrt(2))  # 2 * P(Z > z)
    else:
        counts = _u_counts(min(n1, n2), max(n1, n2))
        cdf = np.cumsum(counts / float(math.comb(n1 + n2, n1)))
        p = 2 * float(cdf[int(n1 * n2 - u)])  # the distribution is symmetric: P(U >= u) = P(U <= n1*n2 - u)
    return min(max(p, 0.0), 1.0)


__all__ = ["mann_whitney_p", "pelt_l2"]
