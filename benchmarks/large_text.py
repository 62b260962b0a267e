"""Benchmark: memory of ingesting one very long text file, streamed and coded in parts.

    python benchmarks/large_text.py [--mb 100] [--coder-mb 4] [--sample-s 5]

Writes text files of news-like paragraphs and measures, each in its own child process:
- baseline: the same process importing brinkwatch and opening the store, ingesting nothing;
- ``--mb`` megabytes through ``ingest_paths`` (streamed reader, parts of 10,000 characters, store writes,
  dedup) with a stub coder that codes nothing, i.e. everything but spaCy;
- ``--coder-mb`` megabytes through the real coder (spaCy + knowledge) under its per-document budget, as
  ``brinkwatch ingest`` runs it: the parent reads, stores and merges, a forked worker codes. Its paragraphs
  are the bundled example articles' paragraphs with fresh numbers and an invented name in each, so that
  the vocabulary grows as it does on real news (a few repeated templates would hide that growth).
  Every ``--sample-s`` seconds it records the text coded so far and the memory of both processes: RSS
  (which counts the pages the worker shares with its parent twice) and PSS (each shared page split
  between its sharers: the memory the two really take together). The real coder runs at roughly
  6,000 words/s on a quiet core, so 100 MB would take hours here; the growth of PSS per MB of text over
  the second half of the run is extrapolated to 100 MB and printed as such.
Not a test: it never fails. Target from issue 14: 100 MB of text within 1 GiB.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PARAGRAPHS = (
    "The foreign ministers of {a} and {b} met in {c} on Tuesday and agreed to resume talks on the disputed "
    "border, officials said after a meeting that lasted most of the day.",
    "Troops from {a} shelled positions near {c} overnight, killing {n} soldiers, according to a statement "
    "from the defence ministry of {b}, which promised a response.",
    "Lawmakers in {a} voted to impose new sanctions on {b} after weeks of debate, a move that the "
    "government in {c} condemned as hostile.",
)
COUNTRIES = ("Chile", "Peru", "Bolivia", "Kenya", "Uganda", "Norway", "Sweden", "Vietnam", "Laos", "Ghana")
SYLLABLES = ("ka", "ro", "vel", "mi", "tan", "dor", "esh", "lu", "quin", "bar", "zo", "fen", "ari", "mot")


def write_corpus(path: Path, megabytes: float) -> None:
    """Three templates over ten countries: cheap to write, and enough for everything but the coder."""
    target = int(megabytes * 1024 * 1024)
    with path.open("w", encoding="utf-8") as handle:
        written, i = 0, 0
        while written < target:
            text = PARAGRAPHS[i % 3].format(a=COUNTRIES[i % 10], b=COUNTRIES[(i * 7 + 3) % 10],
                                             c=COUNTRIES[(i * 3 + 1) % 10], n=i % 40 + 2) + f" ({i})\n\n"
            handle.write(text)
            written += len(text)
            i += 1


def news_paragraphs() -> list[str]:
    """The paragraphs of the bundled example articles (plain text ones), headers left out."""
    found = []
    for path in sorted((REPO / "examples" / "articles").glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n\n", 1)[-1]
        found += [p.strip() for p in re.split(r"\n\s*\n", body) if len(p.strip()) > 80]
    return found


def write_news_corpus(path: Path, megabytes: float, seed: int = 14) -> None:
    """Example paragraphs in random order, each with fresh numbers and an invented spokesman."""
    rng, paragraphs = random.Random(seed), news_paragraphs()
    target = int(megabytes * 1024 * 1024)
    with path.open("w", encoding="utf-8") as handle:
        written = 0
        while written < target:
            name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
            body = re.sub(r"\d+", lambda _: str(rng.randint(2, 9999)), rng.choice(paragraphs))
            text = f"{body} \"We are watching closely,\" said spokesman Daniel {name}.\n\n"
            handle.write(text)
            written += len(text.encode("utf-8"))


CHILD = textwrap.dedent("""
    import dataclasses, datetime, resource, sys, threading, time
    from pathlib import Path
    from brinkwatch.config import Settings
    from brinkwatch.store import Store
    from brinkwatch.pipeline.ingestion import ingest_paths
    from brinkwatch.model import CodedDocument

    def memory_mb(pid, field):
        try:
            with open(f"/proc/{pid}/smaps_rollup" if field == "Pss" else f"/proc/{pid}/status") as handle:
                for line in handle:
                    if line.startswith(field + ":"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    class StubCoder:
        def code_articles(self, articles):
            for article in articles:
                yield CodedDocument(article=article)

    class ReplayCoder:
        # The real coder's documents for the first parts of the news corpus (recorded by the "record"
        # mode), replayed onto every part: the parent stores and merges a real volume of events, fast.

        def __init__(self, recorded):
            import pickle
            with open(recorded, "rb") as handle:
                self.docs = pickle.load(handle)
            self.count = 0

        def code_articles(self, articles):
            from brinkwatch.model import Event
            for article in articles:
                template = self.docs[self.count % len(self.docs)]
                self.count += 1
                doc_id = article.doc_id
                # each part a day later: real news does not report the same 24 articles' events 400 times
                # on the same days, which would give the merger 400 copies of every happening to pair up
                shift = datetime.timedelta(days=self.count)
                events = tuple(e.model_copy(update={
                    "doc_id": doc_id, "event_id": Event.make_id(doc_id, e.sentence_index, k, "", "", e.cameo.code),
                    "date": e.date + shift if e.date else None}) for k, e in enumerate(template.events))
                yield template.model_copy(update={
                    "article": article, "events": events,
                    "sentences": tuple(s.model_copy(update={"doc_id": doc_id}) for s in template.sentences),
                    "mentions": tuple(m.model_copy(update={"doc_id": doc_id}) for m in template.mentions)})

    mode, corpus, db, sample_s = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    if mode == "record":  # the real coder on the first parts of the corpus, pickled for "replay"
        import itertools
        import pickle
        from brinkwatch.extract import Coder
        from brinkwatch.ingest.stream import text_parts
        parts = [a for a in itertools.islice(text_parts(Path(corpus), markdown=False, source=corpus, doc_id="news",
                                                         default_date=None, max_bytes=10**10), 24)]
        with open(db, "wb") as handle:
            pickle.dump(list(Coder().code_articles(parts)), handle)
        print("0 0 0 0 0")
        sys.exit(0)
    started = time.perf_counter()
    coded_chars = [0]
    samples = []
    with Store(db) as store:
        if mode == "stub":
            report = ingest_paths(store, StubCoder(), [corpus], max_bytes=10**9)
        elif mode.startswith("replay="):
            import brinkwatch.ingest.paths as paths
            from brinkwatch.pipeline.ingestion import run_dedup
            paths.STREAM_BYTES = 0  # in parts, however small the file
            sizes = [0]

            def on_progress(report):  # RSS every 200 parts: flat while the store writes, or growing?
                if report.articles_added >= sizes[0] + 200:
                    sizes[0] = report.articles_added
                    samples.append((time.perf_counter() - started, report.articles_added, memory_mb("self", "VmRSS")))

            report = ingest_paths(store, ReplayCoder(mode.split("=", 1)[1]), [corpus], max_bytes=10**10,
                                  on_progress=on_progress, dedup=False)
            # the store writes' peak, then the final merge as ingest_paths runs it
            print("written", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.perf_counter() - started)
            report = dataclasses.replace(report, merge=run_dedup(store))
        elif mode == "coder":
            import brinkwatch.ingest.paths as paths
            from brinkwatch.cli.storage import LazyCoder
            paths.STREAM_BYTES = 0  # stream this file however small, so it is coded in parts as a big one is
            coder = LazyCoder(Settings(db_path=Path(db)))
            done = threading.Event()

            def sample():
                while not done.wait(sample_s):
                    worker = getattr(getattr(coder, "_coder", None), "_process", None)
                    pids = ["self"] + ([worker.pid] if worker is not None and worker.pid else [])
                    samples.append((time.perf_counter() - started, coded_chars[0],
                                    *(memory_mb(p, "VmRSS") for p in pids),
                                    sum(memory_mb(p, "Pss") for p in pids)))

            def on_progress(report):
                coded_chars[0] = report.articles_added * 10_000  # parts of at most 10,000 characters

            thread = threading.Thread(target=sample, daemon=True)
            thread.start()
            report = ingest_paths(store, coder, [corpus], max_bytes=10**9, batch_size=4, on_progress=on_progress)
            done.set()
            coder.close()
        else:
            report = None
    elapsed = time.perf_counter() - started
    for row in samples:
        print("sample", *row)
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the coder's worker process
    parts = report.articles_added if report else 0
    events = report.events_added if report else 0
    print(f"{self_kb} {child_kb} {parts} {elapsed:.1f} {events}")
""")


def run(mode: str, corpus: Path, workdir: Path, sample_s: float = 5.0) -> tuple[float, float, int, float, int, list]:
    db = workdir / f"{mode.split('=')[0]}.duckdb"
    done = subprocess.run([sys.executable, "-c", CHILD, mode, str(corpus), str(db), str(sample_s)],
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{mode} run failed:\n{done.stderr[-3000:]}")
    stdout = done.stdout
    lines = stdout.strip().splitlines()
    samples = [tuple(float(x) for x in line.split()[1:]) for line in lines if line.startswith("sample ")]
    samples += [("written", *(float(x) for x in line.split()[1:])) for line in lines if line.startswith("written ")]
    out = lines[-1].split()  # the last line: DuckDB may draw progress bars before it
    self_kb, child_kb, parts, elapsed, events = int(out[0]), int(out[1]), int(out[2]), float(out[3]), int(out[4])
    return self_kb / 1024, child_kb / 1024, parts, elapsed, events, samples


def growth(samples: list[tuple], target_mb: float) -> str:
    """PSS growth per MB of text coded over the second half of the run, and its extrapolation."""
    timed = [(chars / 2**20, row[-1]) for _, chars, *row in samples if chars > 0 and len(row) >= 3]
    if len(timed) < 4:
        return "too few samples to measure growth"
    half = timed[len(timed) // 2:]
    if len({x for x, _ in half}) < 2:
        return "the text coded did not move over the second half: no growth to measure"
    # least squares, not two points: PSS swings by ~150 MB as the worker's allocator frees and takes back
    fit = statistics.linear_regression([x for x, _ in half], [y for _, y in half])
    x1, y1 = half[-1]
    peak = max(y for _, y in timed)
    at_target = peak + max(fit.slope, 0.0) * (target_mb - x1)
    return (f"PSS (parent + worker) {timed[0][1]:.0f} MB after {timed[0][0]:.2f} MB of text, {y1:.0f} MB after "
            f"{x1:.2f} MB, peak {peak:.0f} MB; fitted growth over the second half {fit.slope:+.1f} MB per MB of "
            f"text -> about {at_target:.0f} MB at {target_mb:g} MB of text (extrapolated)")


def replay(megabytes: float) -> None:
    """The parent's side of a long run at full length: every part of ``megabytes`` of varied news stored and
    merged with the events the real coder found in the first 24 parts (the coding worker's memory is
    measured by the coder run; it does not grow with what the parent stores)."""
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        news, recorded = workdir / "news.txt", workdir / "recorded.pickle"
        write_news_corpus(news, megabytes)
        subprocess.run([sys.executable, "-c", CHILD, "record", str(news), str(recorded), "0"], check=True,
                       capture_output=True, text=True)
        rss, _, parts, elapsed, events, samples = run(f"replay={recorded}", news, workdir)
        written = [row for row in samples if row[0] == "written"]
        along = [row for row in samples if row[0] != "written"]
        if along:
            print("  RSS while storing: " + ", ".join(f"{parts_:.0f} parts {mb:.0f} MB" for _, parts_, mb in
                                                     along[:: max(1, len(along) // 8)] + along[-1:]))
        if written:
            _, kb, seconds = written[0]
            print(f"  stored in {seconds:.0f} s, peak RSS {kb / 1024:.0f} MB before the final merge")
        print(f"{megabytes:g} MB of varied news streamed, stored and merged with the real coder's events "
              f"replayed: peak RSS {rss:.0f} MB, {parts} parts, {events} events in {elapsed:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=100)
    parser.add_argument("--coder-mb", type=float, default=4)
    parser.add_argument("--sample-s", type=float, default=5)
    parser.add_argument("--skip-stub", action="store_true", help="only the real coder's run")
    parser.add_argument("--replay", action="store_true",
                        help="instead: --mb of varied news through the store with the real coder's events replayed")
    args = parser.parse_args()
    if args.replay:
        replay(args.mb)
        return
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        big, news = workdir / "big.txt", workdir / "news.txt"
        started = time.perf_counter()
        if not args.skip_stub:
            write_corpus(big, args.mb)
        write_news_corpus(news, args.coder_mb)
        print(f"corpora written in {time.perf_counter() - started:.0f} s")
        if not args.skip_stub:
            base = run("none", big, workdir)[0]
            print(f"baseline (imports, store open): peak RSS {base:.0f} MB")
            rss, _, parts, elapsed, _, _ = run("stub", big, workdir)
            print(f"{args.mb:g} MB streamed, stored, merged (stub coder): peak RSS {rss:.0f} MB "
                  f"({rss / base:.1f}x baseline), {parts} parts in {elapsed:.0f} s")
        rss, worker, parts, elapsed, events, samples = run("coder", news, workdir, args.sample_s)
        # the child counts 10,000 characters a part; parts are cut at paragraph breaks, so a little less
        scale = len(news.read_text(encoding="utf-8")) / max(parts * 10_000, 1)
        samples = [(seconds, chars * scale, *memory) for seconds, chars, *memory in samples]
        print(f"{args.coder_mb:g} MB of news with the real coder: peak RSS {rss:.0f} MB here, {worker:.0f} MB in the "
              f"coding worker (RSS counts their shared pages twice), {parts} parts, {events} events in {elapsed:.0f} s")
        print(growth(samples, args.mb))
        for seconds, chars, *memory in samples[:: max(1, len(samples) // 12)]:
            print(f"  {seconds:6.0f} s  {chars / 2**20:6.2f} MB coded  RSS " +
                  " + ".join(f"{m:.0f}" for m in memory[:-1]) + f" MB  PSS {memory[-1]:.0f} MB")


if __name__ == "__main__":
    main()
