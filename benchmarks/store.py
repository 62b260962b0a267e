"""Benchmark: load synthetic mentions into an on-disk DuckDB, time the dyad series and dedup.

    python benchmarks/store.py [--events 10000000] [--dedup-events 1000000] [--db PATH]

Reports, each beside a naive baseline measured in the same run:
- load time of N synthetic mentions (Arrow -> DuckDB, chunks of 1 M);
- ``dyad_series`` for the busiest dyad (target <= 150 ms) vs fetching that dyad's rows and aggregating
  them in a Python loop: first on raw mentions (nothing merged yet: a full scan), then after dedup, when
  the series reads the daily cache that dedup maintains;
- ``merge_new`` on all N mentions, and on ``--dedup-events`` mentions in a fresh database, beside the dedup
  as it was before issue 13 (``benchmarks/baseline_dedup.py``) on the same mentions in another fresh database,
  in the same run (budget: today's dedup within 1.2x of the baseline), and beside a naive all-pairs
  comparison (every pair of mentions checked in Python) run on a small sample and *extrapolated*
  quadratically to the same size (it would take hours to run for real).
Not a test: it never fails on time. The default 10 M events takes ~20 minutes and ~4 GB of disk;
``--events 0`` runs only the dedup comparison.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import math
import resource
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from brinkwatch.analyze.dedup import MODALITY_CLASSES, merge_new
from brinkwatch.analyze.series import dyad_series
from brinkwatch.analyze.synthetic import create_schema, load_synthetic, synthetic_mentions
from brinkwatch.store.schema import INDEXES

CHUNK = 1_000_000


def _timed(fn, *args, repeat: int = 1, **kwargs):  # noqa: ANN001, ANN202
    best, result = math.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        best = min(best, time.perf_counter() - start)
    return best, result


def load(con: duckdb.DuckDBPyConnection, n: int, *, seed: int = 0) -> tuple[float, float]:
    """Bulk load without the secondary indexes, then build them: (load seconds, index seconds)."""
    create_schema(con, indexes=False)
    start = time.perf_counter()
    for offset in range(0, n, CHUNK):
        size = min(CHUNK, n - offset)
        load_synthetic(con, synthetic_mentions(size, seed=seed + offset // CHUNK, offset=offset))
    loaded = time.perf_counter()
    for ddl in INDEXES:
        con.execute(ddl)
    con.execute("CHECKPOINT")
    return loaded - start, time.perf_counter() - loaded


def naive_series(con: duckdb.DuckDBPyConnection, a: str, b: str) -> dict[dt.date, list[float]]:
    """Baseline: fetch the dyad's rows and aggregate per week in Python."""
    rows = con.sql(f"SELECT event_date, quad_class, goldstein, confidence, killed FROM event_mentions "
                   f"WHERE (source_country = '{a}' AND target_country = '{b}') "
                   f"OR (source_country = '{b}' AND target_country = '{a}')").fetchall()
    weeks: dict[dt.date, list[float]] = {}
    for day, quad, goldstein, confidence, killed in rows:
        week = day - dt.timedelta(days=day.weekday())
        acc = weeks.setdefault(week, [0, 0.0, 0.0])
        acc[0] += 1
        acc[1] += goldstein or 0.0
        magnitude = 1 + math.log1p(killed or 0) if quad == 4 else 1
        acc[2] += confidence * magnitude * abs(goldstein or 0) if quad >= 3 else -confidence * (goldstein or 0)
    return weeks


def _tokens(text: str) -> set[str]:
    return {w[:5] for w in text.lower().split() if len(w) >= 3}


def naive_dedup_pairs(rows: list[tuple]) -> int:
    """Baseline: compare every pair of mentions with the same rules, in Python, no blocking
    (token sets are computed once per mention, so only the pairing is naive)."""
    merged = 0
    rows = [(*row[:6], _tokens(row[6])) for row in rows]
    for x, y in itertools.combinations(rows, 2):
        same_block = x[1:4] == y[1:4]
        close = abs((x[4] - y[4]).days) <= 1
        same_modality = MODALITY_CLASSES.get(x[5]) == MODALITY_CLASSES.get(y[5])
        tx, ty = x[6], y[6]
        similar = len(tx & ty) / max(1, len(tx | ty)) >= 0.12
        merged += same_block and close and same_modality and similar
    return merged


def _cpu_seconds() -> float:
    """CPU time of this process, DuckDB's worker threads included: on a shared machine it moves much less with
    the other load than the wall-clock time does."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _dedup_fresh(merge, n: int, path: Path) -> tuple[float, float, object, duckdb.DuckDBPyConnection]:  # noqa: ANN001
    con = duckdb.connect(str(path))
    load(con, n, seed=1000)
    cpu = _cpu_seconds()
    seconds, result = _timed(merge, con)
    return seconds, _cpu_seconds() - cpu, result, con


def bench_dedup(n: int, workdir: Path, *, rounds: int = 1) -> None:
    """Today's dedup and the baseline on the same ``n`` mentions, each in a fresh on-disk database; with
    ``rounds`` > 1 they alternate and the best time of each counts (the machine is shared)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import baseline_dedup

    best = {"baseline": math.inf, "today": math.inf}
    best_cpu = dict(best)
    for round_ in range(rounds):
        for label, merge in (("baseline", baseline_dedup.merge_new), ("today", merge_new)):
            seconds, cpu, result, con = _dedup_fresh(merge, n, workdir / f"dedup_{label}_{round_}.duckdb")
            best[label], best_cpu[label] = min(best[label], seconds), min(best_cpu[label], cpu)
            print(f"dedup merge_new ({label}) on {n:,} mentions (fresh database): {seconds:.1f} s "
                  f"({cpu:.1f} s CPU) -> {result.events_created:,} events")
            if label == "baseline":
                con.close()
    print(f"dedup today / baseline: {best['today']:.1f} s / {best['baseline']:.1f} s = "
          f"{best['today'] / best['baseline']:.2f}x wall-clock, {best_cpu['today']:.1f} s / "
          f"{best_cpu['baseline']:.1f} s = {best_cpu['today'] / best_cpu['baseline']:.2f}x CPU (budget 1.20x)")
    seconds = best["today"]
    sample = min(1500, n)
    rows = con.sql(f"SELECT mention_id, source_country, target_country, cameo_root, event_date, modality, "
                   f"evidence_text FROM event_mentions USING SAMPLE {sample} ROWS").fetchall()
    naive_seconds, _ = _timed(naive_dedup_pairs, rows)
    extrapolated = naive_seconds * (n / sample) ** 2
    print(f"naive all-pairs dedup on a {sample:,}-mention sample: {naive_seconds:.2f} s; extrapolated "
          f"quadratically to {n:,}: {extrapolated / 3600:.1f} h  (ratio {extrapolated / seconds:,.0f}x)")
    con.close()


def bench_series(con: duckdb.DuckDBPyConnection, a: str, b: str, label: str) -> None:
    (dyad_rows,), = con.sql(f"SELECT count(*) FROM event_mentions WHERE (source_country = '{a}' AND "
                            f"target_country = '{b}') OR (source_country = '{b}' AND target_country = '{a}')"
                            ).fetchall()
    sql_s, series = _timed(dyad_series, con, a, b, freq="week", repeat=5)
    naive_s, _ = _timed(naive_series, con, a, b, repeat=2)
    print(f"dyad series {a}-{b} {label} ({dyad_rows:,} mentions, {len(series.points)} weeks): "
          f"{sql_s * 1000:.0f} ms (target <= 150 ms); naive Python loop over fetched rows: {naive_s * 1000:.0f} ms "
          f"(ratio {naive_s / sql_s:.1f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--dedup-events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="directory for the database files (default: temp)")
    parser.add_argument("--rounds", type=int, default=1, help="dedup comparison rounds (best of each)")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # progress shows even when redirected to a file
    with tempfile.TemporaryDirectory(dir=args.db) as tmp:
        workdir = Path(tmp)
        if args.events <= 0:
            bench_dedup(args.dedup_events, workdir, rounds=args.rounds)
            return
        con = duckdb.connect(str(workdir / "bench.duckdb"))
        load_s, index_s = load(con, args.events)
        print(f"load {args.events:,} mentions: {load_s:.1f} s ({args.events / load_s:,.0f} rows/s), "
              f"then secondary indexes: {index_s:.1f} s")
        (a, b), = con.sql("SELECT source_country, target_country FROM event_mentions "
                          "GROUP BY ALL ORDER BY count(*) DESC LIMIT 1").fetchall()
        bench_series(con, a, b, "on raw mentions, before dedup")
        seconds, result = _timed(merge_new, con)
        print(f"dedup merge_new on all {args.events:,} mentions: {seconds:.1f} s -> "
              f"{result.events_created:,} events (and the daily cache)")
        bench_series(con, a, b, "after dedup, from the daily cache")
        con.close()
        if args.dedup_events < args.events:
            bench_dedup(args.dedup_events, workdir, rounds=args.rounds)


if __name__ == "__main__":
    main()
