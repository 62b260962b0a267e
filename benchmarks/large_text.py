"""Benchmark: peak memory of ingesting one very long text file, streamed and coded in parts.

    python benchmarks/large_text.py [--mb 100] [--coder-mb 1]

Writes a synthetic text file of ``--mb`` megabytes (news-like paragraphs) and measures, each in its own
child process (peak RSS from the kernel):
- baseline: the same process importing brinkwatch and opening the store, ingesting nothing;
- the whole file through ``brinkwatch ingest`` (streamed reader, parts of 10,000 characters, store writes,
  dedup) with a stub coder that codes nothing, i.e. everything but spaCy;
- the first ``--coder-mb`` megabytes through the real coder (spaCy + knowledge) under its budget, to show
  that coding parts keeps memory flat (the real coder runs at ~6,000 words/s, so all 100 MB would take
  about an hour).
Not a test: it never fails. Target from issue 14: 100 MB of text within 1 GiB peak RSS.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

PARAGRAPHS = (
    "The foreign ministers of {a} and {b} met in {c} on Tuesday and agreed to resume talks on the disputed "
    "border, officials said after a meeting that lasted most of the day.",
    "Troops from {a} shelled positions near {c} overnight, killing {n} soldiers, according to a statement "
    "from the defence ministry of {b}, which promised a response.",
    "Lawmakers in {a} voted to impose new sanctions on {b} after weeks of debate, a move that the "
    "government in {c} condemned as hostile.",
)
COUNTRIES = ("Chile", "Peru", "Bolivia", "Kenya", "Uganda", "Norway", "Sweden", "Vietnam", "Laos", "Ghana")


def write_corpus(path: Path, megabytes: float) -> None:
    target = int(megabytes * 1024 * 1024)
    with path.open("w", encoding="utf-8") as handle:
        written, i = 0, 0
        while written < target:
            text = PARAGRAPHS[i % 3].format(a=COUNTRIES[i % 10], b=COUNTRIES[(i * 7 + 3) % 10],
                                             c=COUNTRIES[(i * 3 + 1) % 10], n=i % 40 + 2) + f" ({i})\n\n"
            handle.write(text)
            written += len(text)
            i += 1


CHILD = textwrap.dedent("""
    import resource, sys, time
    from pathlib import Path
    from brinkwatch.config import Settings
    from brinkwatch.store import Store
    from brinkwatch.store.pipeline import ingest_paths
    from brinkwatch.model import CodedDocument

    class StubCoder:
        def code_articles(self, articles):
            for article in articles:
                yield CodedDocument(article=article)

    mode, corpus, db = sys.argv[1], sys.argv[2], sys.argv[3]
    started = time.perf_counter()
    with Store(db) as store:
        if mode == "stub":
            report = ingest_paths(store, StubCoder(), [corpus], max_bytes=10**9)
        elif mode == "coder":
            import brinkwatch.ingest.paths as paths
            from brinkwatch.cli.storage import LazyCoder
            paths.STREAM_BYTES = 0  # stream this smaller file too, so it is coded in parts as a big one would be
            coder = LazyCoder(Settings(db_path=Path(db)))
            report = ingest_paths(store, coder, [corpus], max_bytes=10**9)
            coder.close()
        else:
            report = None
    elapsed = time.perf_counter() - started
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the coder's worker process
    parts = report.articles_added if report else 0
    print(f"{self_kb} {child_kb} {parts} {elapsed:.1f}")
""")


def run(mode: str, corpus: Path, workdir: Path) -> tuple[float, float, int, float]:
    db = workdir / f"{mode}.duckdb"
    stdout = subprocess.run([sys.executable, "-c", CHILD, mode, str(corpus), str(db)], check=True,
                            capture_output=True, text=True).stdout
    out = stdout.strip().splitlines()[-1].split()  # the last line: DuckDB may draw progress bars before it
    self_kb, child_kb, parts, elapsed = int(out[0]), int(out[1]), int(out[2]), float(out[3])
    return self_kb / 1024, child_kb / 1024, parts, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=100)
    parser.add_argument("--coder-mb", type=float, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        big, small = workdir / "big.txt", workdir / "small.txt"
        started = time.perf_counter()
        write_corpus(big, args.mb)
        write_corpus(small, args.coder_mb)
        print(f"corpus: {big.stat().st_size / 2**20:.0f} MB written in {time.perf_counter() - started:.0f} s")
        base, _, _, _ = run("none", big, workdir)
        print(f"baseline (imports, store open): peak RSS {base:.0f} MB")
        rss, _, parts, elapsed = run("stub", big, workdir)
        print(f"{args.mb:g} MB streamed, stored, merged (stub coder): peak RSS {rss:.0f} MB "
              f"({rss / base:.1f}x baseline), {parts} parts in {elapsed:.0f} s")
        rss, worker, parts, elapsed = run("coder", small, workdir)
        print(f"{args.coder_mb:g} MB with the real coder: peak RSS {rss:.0f} MB here, {worker:.0f} MB in the "
              f"coding worker, {parts} parts in {elapsed:.0f} s")


if __name__ == "__main__":
    main()
