"""Fuzz run: code thousands of mutated news documents and count crashes, broken offsets and slow documents.

    python benchmarks/fuzz_coder.py [--n 10000] [--seed 14] [--budget 30]

The seeds are the bundled example articles and the project's own test articles (never the gold set). Each
document is one seed with a few random mutations: runs of punctuation, emoji or digits, control and
invisible characters, right-to-left marks, a span repeated many times, words shuffled, the text cut short,
letters swapped for look-alikes. Every document is coded by the real coder under the per-document budget
(``--budget`` seconds, in its worker process), and checked as ``tests/test_coder_fuzz.py`` checks: no
exception, offsets inside the text, codes in the ontology. Reports the counts and the documents slower
than 10x the median time per KB. Not a test: it never fails. The full 10,000 takes about an hour.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from brinkwatch.extract import Coder
from brinkwatch.ingest import read_paths
from brinkwatch.model import Article, CodedDocument, DocumentError
from brinkwatch.store.budget import Budget, BudgetedCoder

REPO = Path(__file__).resolve().parents[1]
INSERTS = ("!" * 500, "?!" * 300, "." * 400, "-" * 800, "😀" * 300, "1" * 400, "\u202e", "\u200b" * 50,
           "\x1b[31m", "\x00", "\t" * 40, "\n" * 60, "(" * 200, "\"" * 150, "Mr. " * 100, "U.S. " * 80)
LOOKALIKES = str.maketrans({"a": "а", "e": "е", "o": "о", "i": "і", "c": "с"})  # Cyrillic look-alikes


def mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        kind = rng.randrange(6)
        if kind == 0:
            text = text[:at] + rng.choice(INSERTS) + text[at:]
        elif kind == 1:
            span = text[at:at + rng.randint(5, 80)]
            text = text[:at] + span * rng.randint(5, 60) + text[at:]
        elif kind == 2:
            words = text.split(" ")
            rng.shuffle(words)
            text = " ".join(words)
        elif kind == 3:
            text = text[: max(1, at)]
        elif kind == 4:
            end = at + rng.randint(20, 400)
            text = text[:at] + text[at:end].translate(LOOKALIKES) + text[end:]
        else:
            text = text[:at] + "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randint(1, 50))) + text[at:]
    return text


def violations(doc: CodedDocument, coder: Coder) -> list[str]:
    text, found = doc.article.text, []
    for event in doc.events:
        evidence = event.evidence
        if not (0 <= evidence.start <= evidence.end <= len(text)) or text[evidence.start:evidence.end] != evidence.text:
            found.append(f"evidence {evidence.start}-{evidence.end}")
        if evidence.trigger_start is not None and not (
                evidence.start <= evidence.trigger_start < evidence.trigger_end <= evidence.end):
            found.append(f"trigger {evidence.trigger_start}-{evidence.trigger_end}")
        if event.cameo.code not in coder.ontology:
            found.append(f"code {event.cameo.code}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--budget", type=float, default=30.0)
    args = parser.parse_args()
    sources = [p for p in (REPO / "examples").iterdir() if p.is_dir()] + [REPO / "tests" / "data" / "articles"]
    seeds = [a for a in read_paths(sources) if isinstance(a, Article)]
    rng = random.Random(args.seed)
    coder = Coder()
    budgeted = BudgetedCoder(coder, Budget(seconds=args.budget, memory_mb=4096), batch_size=1)
    per_kb: list[tuple[float, str, int]] = []
    crashes = timeouts = other_errors = events = 0
    bad: list[str] = []
    started = time.perf_counter()
    try:
        for i in range(args.n):
            seed = rng.choice(seeds)
            article = Article(doc_id=f"fuzz{i}", text=mutate(seed.text, rng), pub_date=seed.pub_date)
            t0 = time.perf_counter()
            try:
                results = list(budgeted.code_articles([article]))
            except Exception as exc:  # noqa: BLE001 - a crash is what this run counts
                crashes += 1
                bad.append(f"fuzz{i}: {type(exc).__name__}: {exc}")
                continue
            elapsed = time.perf_counter() - t0
            for item in results:
                if isinstance(item, DocumentError):
                    timeouts += item.code == "E302"
                    other_errors += item.code != "E302"
                else:
                    events += len(item.events)
                    bad += [f"fuzz{i}: {v}" for v in violations(item, coder)]
            per_kb.append((elapsed / max(len(article.text) / 1024, 0.1), seed.doc_id, len(article.text)))
            if (i + 1) % 500 == 0:
                print(f"{i + 1} documents, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    finally:
        budgeted.close()
    median = statistics.median(t for t, _, _ in per_kb)
    slow = sorted((t for t in per_kb if t[0] > 10 * median), reverse=True)
    print(f"{args.n} mutated documents from {len(seeds)} seeds in {time.perf_counter() - started:.0f} s: "
          f"{events} events; crashes {crashes}; offset/code violations {len(bad) - crashes}; "
          f"over the {args.budget:g} s budget {timeouts}; other per-document errors {other_errors}")
    print(f"median {median * 1000:.0f} ms per KB; {len(slow)} documents over 10x the median per KB")
    for seconds, seed, size in slow[:10]:
        print(f"  {seconds:.2f} s/KB  {size:,} chars  (from {seed})")
    for line in bad[:20]:
        print("  " + line)


if __name__ == "__main__":
    main()
