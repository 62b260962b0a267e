"""Wall time of ``brinkwatch code`` on one 600-word article, as a user runs it (a fresh process: imports,
pipeline, knowledge and gazetteer loading included, the gazetteer's on-disk index cache warm).

    python benchmarks/code_article.py [--runs 5] [--baseline-src /path/to/other/src]

Runs the CLI ``--runs`` times on ``benchmarks/data/article_600w.txt`` with this tree's ``src`` first on the
path and, with ``--baseline-src``, as many times with another tree's (interleaved, so both see the same
machine load), and prints the best and median times and the ratio this/baseline. It also times the
gazetteer alone (load of the cached index and the look-ups of the article's place names) in this process.
A benchmark, not a test: it never fails on time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLE = HERE / "data" / "article_600w.txt"
OWN_SRC = HERE.parent / "src"
CLI = "from brinkwatch.cli import main; main()"


def run_cli(src: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(src)}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", CLI, "code", str(ARTICLE), "--date", "2024-03-14", "--format", "jsonl"],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def gazetteer_time() -> tuple[float, float]:
    """Seconds to load the gazetteer's cached index and to resolve a few names with it."""
    sys.path.insert(0, str(OWN_SRC))
    from brinkwatch.geo import Gazetteer

    start = time.perf_counter()
    gazetteer = Gazetteer.load()
    gazetteer.lookup("Kabul")
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    for name in ("Pul-e Khumri", "Baghlan", "Lashkar Gah", "Helmand", "Nad Ali", "Herat", "Torkham", "Uruzgan",
                 "Kandahar", "Islam Qala", "Tehran", "Islamabad"):
        gazetteer.resolve(name, ("AFG",))
    return loaded, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline-src", type=Path, default=None)
    args = parser.parse_args()
    words = len(ARTICLE.read_text(encoding="utf-8").split())
    run_cli(OWN_SRC)  # warm the on-disk caches (actors, gazetteer) and the page cache
    if args.baseline_src is not None:
        run_cli(args.baseline_src)
    own, base = [], []
    for _ in range(args.runs):
        own.append(run_cli(OWN_SRC))
        if args.baseline_src is not None:
            base.append(run_cli(args.baseline_src))
    print(f"article: {words} words; runs: {args.runs}")
    print(f"this tree : best {min(own):6.2f} s  median {statistics.median(own):6.2f} s")
    if base:
        print(f"baseline  : best {min(base):6.2f} s  median {statistics.median(base):6.2f} s")
        print(f"ratio this/baseline: best {min(own) / min(base):.2f}  median "
              f"{statistics.median(own) / statistics.median(base):.2f} (target <= 1.20)")
    loaded, lookups = gazetteer_time()
    print(f"gazetteer: cached index loaded in {loaded:.2f} s; 12 look-ups in {lookups * 1000:.1f} ms")


if __name__ == "__main__":
    main()
