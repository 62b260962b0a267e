"""Tune the dedup score on the tuning corpus only, then report the chosen rules on the measured corpus.

    python benchmarks/dedup_tuning.py [--grid small|full]

Sweeps ``DedupRules`` weights over a grid on ``tests/data/dedup/tuning.yaml`` and ranks them by pairwise F0.5
(precision counts twice: a false merge hides a happening, a missed one only double counts it), ties broken
towards the defaults. The measured set is scored once, for the defaults and for the best rules found, never
used to choose. Not a test; prints a table.
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import fields, replace
from pathlib import Path

import duckdb

from brinkwatch.analyze.dedup import DEFAULT_RULES, DedupRules, merge_new
from brinkwatch.analyze.synthetic import create_schema, dedup_scores, insert_mentions, load_dedup_corpus

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "dedup"

GRIDS: dict[str, dict[str, tuple[float, ...]]] = {
    "small": {"min_similarity": (0.10, 0.12, 0.14, 0.16, 0.18, 0.20), "other_day_penalty": (0.05, 0.10, 0.15)},
    "full": {"min_similarity": (0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.25), "other_day_penalty": (0.05, 0.10, 0.15),
             "soft_margin": (0.0, 0.05, 0.10), "same_day_bonus": (0.0, 0.03, 0.05, 0.08),
             "same_code_bonus": (0.0, 0.03, 0.05, 0.08), "far_penalty": (0.0, 0.1, 0.2),
             "killed_penalty": (0.0, 0.15, 0.3)},
}


def pairwise(rows: list[dict], rules: DedupRules) -> tuple[float, float, int]:
    """(precision, recall, happenings kept whole) of dedup under ``rules`` on ``rows``."""
    con = duckdb.connect()
    create_schema(con)
    insert_mentions(con, rows)
    merge_new(con, rules=rules)
    precision, recall, whole, _ = dedup_scores(con, rows)
    con.close()
    return precision, recall, whole


def f_beta(precision: float, recall: float, beta: float = 0.5) -> float:
    if precision + recall == 0:
        return 0.0
    return (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", choices=sorted(GRIDS), default="small")
    parser.add_argument("--measured", action="store_true", help="also score the defaults on the measured set")
    args = parser.parse_args()
    tuning = load_dedup_corpus(DATA / "tuning.yaml")
    grid = GRIDS[args.grid]
    results = []
    for values in itertools.product(*grid.values()):
        rules = replace(DEFAULT_RULES, **dict(zip(grid, values, strict=True)))
        p, r, whole = pairwise(tuning, rules)
        distance = sum(abs(getattr(rules, f.name) - getattr(DEFAULT_RULES, f.name)) for f in fields(DedupRules))
        results.append((-f_beta(p, r), distance, p, r, whole, rules))
    results.sort(key=lambda x: x[:2])
    print(f"tuning set, {len(results)} rule sets; best by F0.5:")
    for neg_f, _, p, r, whole, rules in results[:8]:
        changed = {k: getattr(rules, k) for k in grid}
        print(f"  F0.5={-neg_f:.3f} P={p:.3f} R={r:.3f} whole={whole}  {changed}")
    p, r, whole = pairwise(tuning, DEFAULT_RULES)
    print(f"defaults on tuning: P={p:.3f} R={r:.3f} whole={whole} F0.5={f_beta(p, r):.3f}")
    if not args.measured:
        return
    measured = load_dedup_corpus(DATA / "measured.yaml")
    p, r, whole = pairwise(measured, DEFAULT_RULES)
    print(f"defaults on measured: P={p:.3f} R={r:.3f} whole={whole}")


if __name__ == "__main__":
    main()
