"""``analyze.stats`` gives the change points of ruptures' PELT and the p-values of scipy's Mann-Whitney U test.

brinkwatch no longer imports either package at run time (they took ~2 s of a ``tension`` command's start);
these tests compare against them, on random series of the shapes tension series take (noise, level shifts,
rounded values, many zeros, small integers), so a verdict cannot change by the swap.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from brinkwatch.analyze.stats import _segment_cost, mann_whitney_p, pelt_l2

ruptures = pytest.importorskip("ruptures", reason="ruptures is the reference PELT (pip install -e '.[test]')")
scipy_stats = pytest.importorskip("scipy.stats", reason="scipy is the reference test (pip install -e '.[test]')")


def _series(rng: np.random.Generator, kind: int, n: int) -> np.ndarray:
    if kind == 0:
        return rng.normal(size=n)
    if kind == 1:
        return np.round(rng.normal(size=n), 1) + (np.arange(n) > n // 2) * rng.uniform(0, 3)
    if kind == 2:
        return rng.integers(0, 3, size=n).astype(float)
    return np.where(rng.random(n) < 0.5, 0.0, rng.uniform(0, 4, size=n))


def test_segment_cost_is_bit_for_bit_ruptures_cost_l2() -> None:
    rng = np.random.default_rng(1)
    for n in (1, 2, 7, 8, 9, 16, 17, 129, 260):
        signal = rng.normal(size=n) * 3 + 7
        column = signal.reshape(-1, 1)
        cost = ruptures.costs.CostL2().fit(column)
        for start in range(0, n, max(1, n // 20)):
            for end in range(start + 1, n + 1):
                assert _segment_cost(column, start, end) == cost.error(start, end)


def test_pelt_matches_ruptures_on_random_series() -> None:
    rng = np.random.default_rng(2)
    for trial in range(600):
        n = int(rng.integers(4, 300))
        signal = _series(rng, trial % 4, n)
        jump = max(1, n // 100)
        min_size = max(2, jump)
        penalty = float(rng.uniform(0.05, 10))
        expected = ruptures.Pelt(model="l2", min_size=min_size, jump=jump).fit(signal.reshape(-1, 1)).predict(
            pen=penalty)
        assert pelt_l2(signal, penalty, min_size=min_size, jump=jump) == expected, (trial, n, penalty)


def test_pelt_finds_a_clear_level_shift() -> None:
    signal = np.r_[np.zeros(20), np.full(20, 5.0)] + np.random.default_rng(3).normal(scale=0.1, size=40)
    assert pelt_l2(signal, 1.0 * math.log(40), min_size=2, jump=1) == [20, 40]


def test_mann_whitney_matches_scipy_exact_and_asymptotic() -> None:
    rng = np.random.default_rng(4)
    compared = 0
    for trial in range(1500):
        n1, n2 = int(rng.integers(1, 30)), int(rng.integers(1, 30))
        if trial % 3 == 0:  # continuous: no ties, the exact branch whenever one sample has <= 8 values
            x, y = rng.normal(size=n1), rng.normal(size=n2) + 0.5
        else:  # ties: the normal approximation with tie correction
            x, y = rng.integers(0, 5, size=n1).astype(float), rng.integers(0, 6, size=n2).astype(float)
        if np.ptp(np.concatenate([x, y])) == 0:
            continue
        expected = float(scipy_stats.mannwhitneyu(x, y, alternative="two-sided").pvalue)
        assert mann_whitney_p(x, y) == pytest.approx(expected, rel=1e-12, abs=1e-300), (trial, n1, n2)
        compared += 1
    assert compared > 1400


def test_mann_whitney_known_value() -> None:
    # scipy's documentation example (Mann & Whitney 1947): males vs females, exact two-sided p = 0.1111...
    males, females = [19, 22, 16, 29, 24], [20, 11, 17, 12]
    assert mann_whitney_p(males, females) == pytest.approx(1 / 9)
