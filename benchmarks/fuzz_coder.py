"""Fuzz run: code thousands of mutated news documents and count crashes, broken offsets and slow documents.

    python benchmarks/fuzz_coder.py --n 10000 --out fuzz.jsonl                  # one process
    python benchmarks/fuzz_coder.py --n 10000 --out a.jsonl --shard 1/2 &       # or split over two
    python benchmarks/fuzz_coder.py --n 10000 --out b.jsonl --shard 2/2
    python benchmarks/fuzz_coder.py --report a.jsonl b.jsonl                    # the counts of all shards

The seeds are the bundled example articles and the project's own test articles (never the gold set). Each
document is one seed with a few random mutations: runs of punctuation, emoji or digits, control and
invisible characters, right-to-left marks, a span repeated many times, words shuffled, the text cut short,
letters swapped for look-alikes, random code points. Document ``i`` depends only on ``--seed`` and ``i``,
so shards and reruns code the same documents. Every document is coded by the real coder under the
per-document budget (``--budget`` seconds, in its worker process) and checked as
``tests/test_coder_fuzz.py`` checks: no exception, offsets inside the text, codes in the ontology.

One JSON line per document goes to ``--out`` as it is coded, so a long run can be stopped and resumed
(documents already in the file are skipped). Time is measured twice: wall clock, and the CPU time of the
coding worker (``/proc/PID/stat``), which a busy shared machine does not inflate; "slow" means over 10x the
median CPU time per KB (documents under 0.1 KB count as 0.1 KB). Not a test: it never fails (``tests/test_fuzz_coder.py`` runs a few documents in the suite).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
INSERTS = ("!" * 500, "?!" * 300, "." * 400, "-" * 800, "😀" * 300, "1" * 400, "\u202e", "\u200b" * 50,
           "\x1b[31m", "\x00", "\t" * 40, "\n" * 60, "(" * 200, "\"" * 150, "Mr. " * 100, "U.S. " * 80)
LOOKALIKES = str.maketrans({"a": "а", "e": "е", "o": "о", "i": "і", "c": "с"})  # Cyrillic look-alikes
MIN_KB = 0.1  # a shorter document counts as 0.1 KB (as the first version of this run counted)


def mutate(text: str, rng: random.Random) -> str:
    """``text`` with one to four random mutations (see the module docstring)."""
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


def load_seeds() -> list[Any]:
    """The example articles and the test articles, read as ``brinkwatch ingest`` reads them."""
    from brinkwatch.ingest import read_paths
    from brinkwatch.model import Article

    sources = [p for p in sorted((REPO / "examples").iterdir()) if p.is_dir()] + [REPO / "tests" / "data" / "articles"]
    return [a for a in read_paths(sources) if isinstance(a, Article)]


def fuzz_article(seeds: list[Any], seed: int, index: int) -> Any:
    """Document ``index`` of the run with ``seed``: the same whatever the shard or the order."""
    from brinkwatch.model import Article

    rng = random.Random(f"{seed}:{index}")
    base = rng.choice(seeds)
    return Article(doc_id=f"fuzz{index}:{base.doc_id}", text=mutate(base.text, rng), pub_date=base.pub_date)


def violations(doc: Any, ontology: Any) -> list[str]:
    """What is wrong with a coded document: offsets outside the text or not slicing out their text, codes
    not in the ontology."""
    text, found = doc.article.text, []
    for sentence in doc.sentences:
        if not 0 <= sentence.start <= sentence.end <= len(text):
            found.append(f"sentence {sentence.start}-{sentence.end}")
    for event in doc.events:
        evidence = event.evidence
        if not (0 <= evidence.start <= evidence.end <= len(text)) or text[evidence.start:evidence.end] != evidence.text:
            found.append(f"evidence {evidence.start}-{evidence.end}")
        if evidence.trigger_start is not None and not (
                evidence.start <= evidence.trigger_start < evidence.trigger_end <= evidence.end):
            found.append(f"trigger {evidence.trigger_start}-{evidence.trigger_end}")
        for actor in (event.source, event.target):
            if actor is not None and actor.start is not None and not 0 <= actor.start < actor.end <= len(text):
                found.append(f"actor {actor.start}-{actor.end}")
        if event.cameo.code not in ontology or event.cameo.root != event.cameo.code[:2]:
            found.append(f"code {event.cameo.code}")
    return found


def _cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU time of process ``pid`` so far, None when it cannot be read."""
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def code_one(budgeted: Any, article: Any, ontology: Any) -> dict[str, Any]:
    """Code one document under the budget; its outcome, size, wall and worker CPU time as one record."""
    from brinkwatch.model import DocumentError

    process = getattr(budgeted, "_process", None)
    pid_before = process.pid if process is not None else None
    cpu_before = _cpu_seconds(pid_before)
    started = time.perf_counter()
    record: dict[str, Any] = {"doc_id": article.doc_id, "chars": len(article.text)}
    try:
        results = list(budgeted.code_articles([article]))
    except Exception as exc:  # noqa: BLE001 - a crash is what this run counts
        record.update(outcome="crash", detail=f"{type(exc).__name__}: {exc}")
        return record
    record["wall_s"] = round(time.perf_counter() - started, 4)
    process = getattr(budgeted, "_process", None)
    pid_after = process.pid if process is not None else None
    cpu_after = _cpu_seconds(pid_after)
    if pid_after is not None and pid_after == pid_before and cpu_before is not None and cpu_after is not None:
        record["cpu_s"] = round(cpu_after - cpu_before, 3)
    elif pid_after is not None and pid_before is None and cpu_after is not None:
        record["cpu_s"] = round(cpu_after, 3)  # the first document: the worker was forked for it
    errors = [item for item in results if isinstance(item, DocumentError)]
    docs = [item for item in results if not isinstance(item, DocumentError)]
    if errors:
        record.update(outcome="timeout" if errors[0].code == "E302" else "error", detail=errors[0].code)
    else:
        bad = [v for doc in docs for v in violations(doc, ontology)]
        record.update(outcome="violation" if bad else "ok", events=sum(len(d.events) for d in docs))
        if bad:
            record["detail"] = "; ".join(bad[:5])
    return record


def run(args: argparse.Namespace) -> None:
    from brinkwatch.extract import Coder
    from brinkwatch.model import Article
    from brinkwatch.pipeline.budget import Budget, BudgetedCoder

    shard, shards = (int(x) for x in args.shard.split("/"))
    out = Path(args.out)
    done = {json.loads(line)["index"] for line in out.read_text().splitlines() if line.strip()} if out.exists() else set()
    todo = [i for i in range(args.n) if i % shards == shard - 1 and i not in done]
    seeds = load_seeds()
    coder = Coder()
    # Warm before the worker forks, and then in it, so no timed document pays for a first use: the gazetteer
    # index and date parser (warm_up), and what a few whole articles build on their first look-ups (actor
    # entries, place and cue caches). The last run timed its first few hundred documents cold in the worker:
    # two documents over 10x the median per KB were no slower than the median when coded again warm.
    coder.warm_up()
    budgeted = BudgetedCoder(coder, Budget(seconds=args.budget, memory_mb=4096), batch_size=1)
    warm = [Article(doc_id="warm", text="Iraq attacked US forces on Monday.")] + seeds[:: max(1, len(seeds) // 8)]
    list(budgeted.code_articles(warm))  # fork, then warm the worker
    started = time.perf_counter()
    print(f"shard {args.shard}: {len(todo)} documents to code ({len(done)} already in {out})", file=sys.stderr)
    try:
        with out.open("a") as handle:
            for count, index in enumerate(todo, start=1):
                record = {"index": index, **code_one(budgeted, fuzz_article(seeds, args.seed, index), coder.ontology)}
                handle.write(json.dumps(record) + "\n")
                handle.flush()
                if count % 250 == 0:
                    print(f"{count}/{len(todo)} documents, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    finally:
        budgeted.close()


def per_kb(record: dict[str, Any], key: str, min_kb: float = MIN_KB) -> float | None:
    seconds = record.get(key)
    return None if seconds is None else seconds / max(record["chars"] / 1024, min_kb)


def report(paths: list[str]) -> None:
    records: dict[int, dict[str, Any]] = {}
    for path in paths:
        for line in Path(path).read_text().splitlines():
            if line.strip():
                record = json.loads(line)
                records[record["index"]] = record
    rows = list(records.values())
    outcomes = {kind: sum(r["outcome"] == kind for r in rows) for kind in ("ok", "crash", "violation", "timeout", "error")}
    chars = [r["chars"] for r in rows]
    print(f"{len(rows)} mutated documents ({min(chars):,}-{max(chars):,} characters, median "
          f"{statistics.median(chars):,.0f}); events {sum(r.get('events', 0) for r in rows):,}; " +
          ", ".join(f"{kind} {n}" for kind, n in outcomes.items()))
    # CPU time is the measure; wall clock on a shared machine also counts other processes' turns. Under
    # 0.1 KB a document counts as 0.1 KB; under 1 KB as 1 KB is shown too (most documents are shorter, so
    # that median is a time per document more than per KB).
    for key, name, min_kb in (("cpu_s", "worker CPU", MIN_KB), ("cpu_s", "worker CPU", 1.0),
                              ("wall_s", "wall clock", MIN_KB)):
        timed = [(per_kb(r, key, min_kb), r) for r in rows if r.get(key) is not None and r["outcome"] == "ok"]
        if not timed:
            continue
        median = statistics.median(t for t, _ in timed)
        slow = sorted(((t, r) for t, r in timed if t > 10 * median), key=lambda tr: -tr[0])
        worst = max(t for t, _ in timed)
        print(f"{name} (documents under {min_kb:g} KB as {min_kb:g} KB): {len(timed)} timed, median "
              f"{median * 1000:.0f} ms per KB, worst {worst / median:.1f}x the median, {len(slow)} documents over "
              f"10x the median per KB")
        for seconds, record in slow[:10]:
            print(f"  {seconds / median:.1f}x  {record['chars']:,} chars  {record['doc_id']}")
    for record in rows:
        if record["outcome"] in ("crash", "violation"):
            print(f"  {record['outcome']}: {record['doc_id']}: {record.get('detail')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="documents in the whole run (all shards)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--budget", type=float, default=30.0, help="seconds one document may take")
    parser.add_argument("--shard", default="1/1", help="K/N: code the documents i with i %% N == K-1")
    parser.add_argument("--out", default="fuzz.jsonl", help="JSON lines, one per document (appended; resumes)")
    parser.add_argument("--report", nargs="+", metavar="FILE", help="only print the counts of these result files")
    args = parser.parse_args()
    if args.report:
        report(args.report)
        return
    run(args)
    report([args.out])


if __name__ == "__main__":
    main()
