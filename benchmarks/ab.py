"""Benchmark: two source trees of brinkwatch measured by ``speed.py`` in turns (A B A B ...), one table.

    python benchmarks/ab.py --before DIR [--after DIR] [--rounds 2] [--only nproc,dask] [-- SPEED.PY ARGS]

``--before`` is a source folder (the ``src`` of an older checkout, e.g. made with ``git archive REV src | tar
-x -C DIR``), ``--after`` defaults to this tree's ``src``. Each round runs ``speed.py --only ...`` once with each
tree first on ``PYTHONPATH``, alternating which goes first, and reads the ``row:`` lines it prints. The table
gives, per row and tree, the median and the spread (min-max) over the rounds of the wall ratio and of the
idle-2-core CPU model (``speed.py``'s docstring): on a machine shared with other sessions the wall ratio moves
with the neighbours, the CPU model far less. Not a test: it never fails on time.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROW = re.compile(r"^row: (?P<name>.+?) vs (?P<base>.+?): ratio (?P<ratio>[\d.]+) ")
MODEL = re.compile(r"; idle-2-core model (?P<model>[\d.]+);")


def run(src: Path, only: str, extra: list[str]) -> dict[str, tuple[float, float | None]]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "speed.py"), "--only", only, *extra],
                         env=env, capture_output=True, text=True, check=True).stdout
    rows = {}
    for line in out.splitlines():
        if m := ROW.match(line):
            model = MODEL.search(line)
            rows[m["name"]] = (float(m["ratio"]), float(model["model"]) if model else None)
            print(f"  {src}: {line}", flush=True)
    return rows


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})" if values else "-"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, default=ROOT / "src")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--only", default="nproc,dask")
    parser.add_argument("extra", nargs="*", help="more speed.py arguments, after --")
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    seen: dict[str, dict[str, list[tuple[float, float | None]]]] = defaultdict(lambda: defaultdict(list))
    for n in range(args.rounds):
        order = list(trees) if n % 2 == 0 else list(reversed(trees))
        for label in order:
            print(f"round {n + 1}, {label}, load {os.getloadavg()[0]:.1f}", flush=True)
            for name, value in run(trees[label], args.only, args.extra).items():
                seen[name][label].append(value)
    print("\n| measure | before: ratio | after: ratio | before: CPU model | after: CPU model |\n|---|---|---|---|---|")
    for name, by_tree in seen.items():
        cells = [spread([r for r, _ in by_tree["before"]]), spread([r for r, _ in by_tree["after"]]),
                 spread([m for _, m in by_tree["before"] if m is not None]),
                 spread([m for _, m in by_tree["after"] if m is not None])]
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(f"\n{args.rounds} rounds; load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
