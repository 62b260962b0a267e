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
from brinkwatch.nlp import load_pipeline

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


def timed(fn, repeat: int = 2) -> tuple[float, float]:
    """Best wall time and best process CPU time of ``repeat`` runs (the machine is shared and noisy: CPU time
    is the steadier one), without tracing overhead."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        start, begin = time.perf_counter(), time.process_time()
        fn()
        best, best_cpu = min(best, time.perf_counter() - start), min(best_cpu, time.process_time() - begin)
    return best, best_cpu


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
    # the baseline is spaCy's whole pipeline: a coder run without NER (BRINKWATCH_NER=0) is still compared
    # with a parse that has it
    nlp = coder.nlp if coder.settings.ner else load_pipeline(coder.settings.spacy_model)
    docs = load_documents(args.docs)
    words = sum(len(a.text.split()) for a in docs)
    texts = [a.text for a in docs]
    # warm up both paths so that lazy loading is not billed to either
    list(nlp.pipe(texts[:4]))
    list(coder.code_articles(docs[:4]))

    def run_bare() -> None:
        list(nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process))

    events = 0

    def run_coder() -> None:
        nonlocal events
        events = sum(len(d.events) for d in coder.code_articles(docs))

    (bare_s, bare_cpu), (coder_s, coder_cpu) = timed(run_bare), timed(run_coder)
    bare_mem, coder_mem = traced_peak(run_bare), traced_peak(run_coder)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents {len(docs)}, words {words:,}, events {events:,}, n_process {args.n_process}, "
          f"coder's NER {'on' if coder.settings.ner else 'off (rule entities)'}")
    print(f"bare nlp.pipe : {words / bare_s:9.0f} words/s  {len(docs) / bare_s:7.1f} docs/s  "
          f"peak traced {bare_mem / 2**20:6.1f} MiB")
    print(f"brinkwatch    : {words / coder_s:9.0f} words/s  {len(docs) / coder_s:7.1f} docs/s  "
          f"peak traced {coder_mem / 2**20:6.1f} MiB")
    print(f"ratio coder/bare throughput: {bare_s / coder_s:.2f} (target >= 0.80); process max RSS {rss_mb:.0f} MiB")
    print(f"ratio by CPU time: {bare_cpu / coder_cpu:.2f} ({bare_cpu:.2f} s / {coder_cpu:.2f} s; with n_process > 1 "
          "the workers' CPU is not counted)")


if __name__ == "__main__":
    main()
