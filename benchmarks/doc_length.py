"""Benchmark: is coding linear in a document's length? CPU time per KB of one document of news at several lengths.

    python benchmarks/doc_length.py [--sizes 5000 50000 200000] [--profile]

The document is the bundled example articles and the test articles run together (repeated to length), coded
as one article by the real coder in this process. Prints CPU seconds (``time.process_time``: a busy machine
does not inflate it) per KB and the ratio to the first size, measured in the same run; a ratio that grows
with the length means something per sentence or per event walks the whole document. ``--profile`` also
prints each size's ten most expensive functions (cProfile, which roughly doubles the time). Never fails.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from pathlib import Path

from brinkwatch.extract import Coder
from brinkwatch.ingest import read_paths
from brinkwatch.model import Article

REPO = Path(__file__).resolve().parents[1]


def news(chars: int) -> str:
    sources = [p for p in sorted((REPO / "examples").iterdir()) if p.is_dir()] + [REPO / "tests" / "data" / "articles"]
    body = "\n\n".join(a.text for a in read_paths(sources) if isinstance(a, Article))
    return (body * (chars // len(body) + 1))[:chars]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5_000, 50_000, 200_000])
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    coder = Coder()
    coder.warm_up()
    first = None
    for size in args.sizes:
        article = Article(doc_id=f"news{size}", text=news(size))
        profile = cProfile.Profile() if args.profile else None
        started = time.process_time()
        if profile is not None:
            profile.enable()
        doc = next(coder.code_articles([article]))
        if profile is not None:
            profile.disable()
        per_kb = (time.process_time() - started) / (size / 1024)
        first = first or per_kb
        print(f"{size:>9,} characters: {per_kb * 1000:6.0f} ms CPU per KB ({per_kb / first:.2f}x the first), "
              f"{len(doc.events)} events")
        if profile is not None:
            text = io.StringIO()
            pstats.Stats(profile, stream=text).sort_stats("tottime").print_stats(10)
            print(text.getvalue())


if __name__ == "__main__":
    main()
