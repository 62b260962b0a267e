"""Throughput of the coder against bare spaCy parsing, measured in the same run on the same documents.

    python benchmarks/throughput.py [--docs 200] [--n-process 1]

Reads the bundled examples (text, HTML and JSONL through ``brinkwatch.ingest``), repeats them up to
``--docs`` documents, then times (1) ``nlp.pipe`` alone with the same pipeline and batch size, and (2)
``Coder.code_articles`` (parse + frames + actors + attributes + events). Prints words/s, docs/s, the
ratio coder/bare (target >= 0.8) and the peak resident memory of each phase. A benchmark, not a test:
it never fails on time.
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from pathlib import Path

from brinkwatch.config import Settings
from brinkwatch.extract import Coder
from brinkwatch.ingest import read_paths
from brinkwatch.model import Article

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def load_documents(count: int) -> list[Article]:
    base = [a for a in read_paths([EXAMPLES]) if isinstance(a, Article)]
    docs: list[Article] = []
    while len(docs) < count:
        for article in base:
            if len(docs) == count:
                break
            docs.append(article.model_copy(update={"doc_id": f"{article.doc_id}#{len(docs)}"}))
    return docs


def timed(fn, repeat: int = 2) -> float:
    """Best wall time of ``repeat`` runs (the machine is shared and noisy), without tracing overhead."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def traced_peak(fn) -> int:
    """Peak Python-allocated memory of one run, measured apart: tracemalloc slows Python code far more
    than spaCy's compiled parser, so it must not run while timing."""
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    coder = Coder(Settings(batch_size=args.batch_size, n_process=args.n_process))
    docs = load_documents(args.docs)
    words = sum(len(a.text.split()) for a in docs)
    texts = [a.text for a in docs]
    # warm up both paths so that lazy loading is not billed to either
    list(coder.nlp.pipe(texts[:4]))
    list(coder.code_articles(docs[:4]))

    def run_bare() -> None:
        list(coder.nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process))

    events = 0

    def run_coder() -> None:
        nonlocal events
        events = sum(len(d.events) for d in coder.code_articles(docs))

    bare_s, coder_s = timed(run_bare), timed(run_coder)
    bare_mem, coder_mem = traced_peak(run_bare), traced_peak(run_coder)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents {len(docs)}, words {words:,}, events {events:,}, n_process {args.n_process}")
    print(f"bare nlp.pipe : {words / bare_s:9.0f} words/s  {len(docs) / bare_s:7.1f} docs/s  "
          f"peak traced {bare_mem / 2**20:6.1f} MiB")
    print(f"brinkwatch    : {words / coder_s:9.0f} words/s  {len(docs) / coder_s:7.1f} docs/s  "
          f"peak traced {coder_mem / 2**20:6.1f} MiB")
    print(f"ratio coder/bare throughput: {bare_s / coder_s:.2f} (target >= 0.80); process max RSS {rss_mb:.0f} MiB")


if __name__ == "__main__":
    main()
