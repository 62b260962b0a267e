"""Benchmark: the attribute ruler as a table (``nlp.tableruler``) against spaCy's ``AttributeRuler``, CPU seconds.

    python benchmarks/ruler.py [--docs 120] [--repeat 3] [--skip-coder]

Rows (medians of ``--repeat`` interleaved runs, CPU seconds of this process; the machine is shared, so CPU is
the steadier figure):
- component: each ruler alone on copies of the same ``--docs`` generated news documents (``corpus.py``),
  parsed once up to the ruler at the coder's batch size;
- pipeline: ``nlp.pipe`` of the documents through ``load_pipeline`` with each ruler;
- coder: ``Coder.code_articles`` on the documents with each pipeline (``--skip-coder`` leaves it out).
Not a test: it never fails on time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import news_documents  # noqa: E402

from brinkwatch.config import Settings  # noqa: E402
from brinkwatch.nlp import load_pipeline  # noqa: E402


def interleaved(repeat: int, spacy_side: Callable[[], None], table_side: Callable[[], None]) -> tuple[float, float]:
    cpu: dict[str, list[float]] = {"spacy": [], "table": []}
    for k in range(repeat):
        order = (("spacy", spacy_side), ("table", table_side))
        for name, run in order if k % 2 == 0 else reversed(order):
            begin = time.process_time()
            run()
            cpu[name].append(time.process_time() - begin)
    return statistics.median(cpu["spacy"]), statistics.median(cpu["table"])


def row(name: str, spacy_s: float, table_s: float) -> None:
    print(f"{name}: spaCy's ruler {spacy_s:.3f} s, table {table_s:.3f} s CPU "
          f"(ratio {spacy_s / table_s:.2f}; saved {spacy_s - table_s:.3f} s); load {os.getloadavg()[0]:.1f}",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-coder", action="store_true")
    args = parser.parse_args()
    settings = Settings()
    texts = [a.text for a in news_documents(args.docs)]
    plain = load_pipeline(settings.spacy_model, max_length=settings.max_chars + 1, table_ruler=False)
    table = load_pipeline(settings.spacy_model, max_length=settings.max_chars + 1)
    print(f"{len(texts)} documents, {sum(len(t.split()) for t in texts)} words")

    after = [n for n in plain.pipe_names if plain.pipe_names.index(n) >= plain.pipe_names.index("attribute_ruler")]
    with plain.select_pipes(disable=after):
        parsed = list(plain.pipe(texts, batch_size=settings.batch_size))
    spacy_ruler, table_ruler = plain.get_pipe("attribute_ruler"), table.get_pipe("attribute_ruler")
    # fresh copies for every run, made before the clock starts
    copies = {side: iter([[d.copy() for d in parsed] for _ in range(args.repeat)]) for side in ("spacy", "table")}

    def component(ruler, side: str) -> Callable[[], None]:  # noqa: ANN001
        def run() -> None:
            for doc in next(copies[side]):
                ruler(doc)
        return run

    table_ruler(parsed[0].copy())  # warm the table's outcome cache, as a long run would
    row("component", *interleaved(args.repeat, component(spacy_ruler, "spacy"), component(table_ruler, "table")))
    row("pipeline", *interleaved(args.repeat, lambda: list(plain.pipe(texts, batch_size=settings.batch_size)),
                                 lambda: list(table.pipe(texts, batch_size=settings.batch_size))))
    if args.skip_coder:
        return
    from brinkwatch.extract.coder import Coder
    from brinkwatch.model import Article

    articles = news_documents(args.docs)
    assert all(isinstance(a, Article) for a in articles)
    coders = {"spacy": Coder(settings, nlp=plain), "table": Coder(settings, nlp=table)}
    row("coder", *interleaved(args.repeat, lambda: list(coders["spacy"].code_articles(articles)),
                              lambda: list(coders["table"].code_articles(articles))))


if __name__ == "__main__":
    main()
