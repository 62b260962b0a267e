"""Benchmark: brinkwatch's speed against bare spaCy and against itself on one core, measured in one run.

    python benchmarks/speed.py [--docs 120] [--dask-docs 400] [--repeat 3] [--no-bytecode-cache]
                               [--only whole,cold,startup,warm,share,nproc,dask]

Rows (each a ratio of medians over ``--repeat`` interleaved runs; > 1 means the second is faster):
- whole: ``brinkwatch code DIR --format jsonl`` on ``--docs`` generated news documents of ~350 words
  (``corpus.py``) as a fresh process, against a fresh ``python`` that runs ``spacy.load`` + ``nlp.pipe``
  on the same texts;
- cold: the same two on one sentence (start-up), at least 5 interleaved runs; ``whole`` measures both;
  fresh processes read compiled bytecode from a private cache folder, as an installed package does (pip
  compiles it; a session with ``PYTHONDONTWRITEBYTECODE`` would otherwise compile brinkwatch's ~60 modules
  in every run, ~0.15 s, while spaCy's come compiled): ``--no-bytecode-cache`` measures without;
- startup: the CPU seconds of each stage of a cold start in a fresh process (CLI imports, spaCy, the
  pipeline, each knowledge base, the first document), beside a bare ``spacy.load``;
- warm: one document at a time in a warm process, ``Coder.code_articles([doc])`` against ``nlp(text)``, on the
  bundled blog post (``examples/articles/*pennant_blog*``) and on all bundled examples;
- nproc: ``code_articles(..., n_process=2)`` against ``n_process=1`` on the ``--docs`` documents;
- share: what a cheap first pass could leave unparsed: the share of sentences holding both an actor word (a KB
  name, adjective, demonym, sector noun or title) and a word whose rule-lemma is a pattern or governor lemma,
  the share the first pass (``nlp.prefilter``) really parses with its pipeline CPU beside
  ``nlp.pipe``'s, and the time of each pipeline component (the parser's share bounds what skipping could save);
- whole and warm also run the coder with the first pass (``BRINKWATCH_PREFILTER=1``), interleaved, with
  CPU seconds beside wall time (the machine is shared: CPU is the steadier figure);
- dask: ``scale_ingest`` on a local cluster of 2 worker processes against ``ingest_articles`` with the
  in-process coder, on ``--dask-docs`` documents into a fresh in-memory database (after start-up; start-up
  is printed apart), with the peak RSS of each worker.

The machine this was written on has 2 cores shared with other sessions, and Linux gives each session
(autogroup) a fair share of the CPU whatever the number of its processes: a second process only gets a
second core when the neighbours are quiet. So the parallel rows also print a *CPU model*: the CPU seconds
each process used (which the neighbours change far less than wall time) turned into the wall time of an
otherwise idle 2-core machine: ``max(busiest worker, all CPU / 2)`` plus what the driver does alone after
the workers finish. Not a test: it never fails on time.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import EXAMPLES, news_documents, write_documents  # noqa: E402

from brinkwatch.config import Settings  # noqa: E402
from brinkwatch.model import Article  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CLI = "from brinkwatch.cli import main; main()"
BARE = """import sys, pathlib, spacy
texts = [p.read_text(encoding="utf-8").split("\\n\\n", 1)[-1] for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
nlp = spacy.load(sys.argv[2])
for doc in nlp.pipe(texts):
    pass
"""
ONE_SENTENCE = "Iraq's prime minister met the Iranian president in Baghdad on Monday, officials said.\n"


@dataclass
class Row:
    name: str
    baseline: str
    base_s: list[float]
    ours_s: list[float]
    note: str = ""
    model: float | None = None  # the ratio on an idle machine, from CPU seconds (parallel rows)
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return statistics.median(self.base_s) / statistics.median(self.ours_s)


def cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system


def run_process(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 2):
        raise SystemExit(f"{' '.join(argv[:4])} failed: {proc.stderr.read().decode()[-2000:]}")
    proc.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def interleaved(repeat: int, pair: tuple[Callable[[], float], Callable[[], float]]) -> tuple[list[float], list[float]]:
    base, ours = [], []
    for _ in range(repeat):
        base.append(pair[0]())
        ours.append(pair[1]())
    return base, ours


# ---------------------------------------------------------------- whole process and cold start
def child_env(tmp: str, bytecode_cache: bool) -> dict[str, str]:
    """The environment of the fresh processes: this tree's source first, and (by default) a private bytecode
    cache so both sides start from compiled modules."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if bytecode_cache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
    return env


def whole_process(docs: list[Article], repeat: int, settings: Settings, wanted: set[str],
                  bytecode_cache: bool = True) -> list[Row]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(tmp, bytecode_cache)
        corpus, one = Path(tmp) / "corpus", Path(tmp) / "one"
        write_documents(docs, corpus)
        one.mkdir()
        (one / "one.txt").write_text(f"Title: One\nDate: 2026-01-05\n\n{ONE_SENTENCE}", encoding="utf-8")
        # one run of each first: builds the knowledge cache, so every timed run is a warm-cache start
        run_process([sys.executable, "-c", CLI, "code", str(one), "--format", "jsonl"], env)
        run_process([sys.executable, "-c", BARE, str(one), settings.spacy_model], env)
        for name, folder in (("whole", corpus), ("cold", one)):
            if name not in wanted and not (name == "cold" and "whole" in wanted):
                continue
            seen: dict[str, list[tuple[float, float, float]]] = {"bare": [], "ours": []}

            def bare(folder: Path = folder, seen: dict = seen) -> float:
                seen["bare"].append(run_process([sys.executable, "-c", BARE, str(folder), settings.spacy_model], env))
                return seen["bare"][-1][0]

            def ours(folder: Path = folder, seen: dict = seen, name: str = name) -> float:
                seen["ours"].append(run_process([sys.executable, "-c", CLI, "code", str(folder), "--format", "jsonl"],
                                                env))
                if name == "whole":  # the same run with the first pass (nlp.prefilter), interleaved
                    seen.setdefault("first", []).append(run_process(
                        [sys.executable, "-c", CLI, "code", str(folder), "--format", "jsonl"],
                        {**env, "BRINKWATCH_PREFILTER": "1"}))
                return seen["ours"][-1][0]

            base_s, ours_s = interleaved(repeat if name == "whole" else max(repeat, 5), (bare, ours))
            label = (f"`brinkwatch code` on {len(docs)} docs, fresh process" if name == "whole"
                     else "`brinkwatch code` on one sentence, fresh process")
            cpu = {k: statistics.median(r[1] for r in v) for k, v in seen.items()}
            rss = {k: max(r[2] for r in v) for k, v in seen.items()}
            rows.append(Row(label, "spacy.load + nlp.pipe" if name == "whole" else "spacy.load + nlp()", base_s,
                            ours_s, note=f"CPU {cpu['bare']:.2f} / {cpu['ours']:.2f} s = {cpu['bare'] / cpu['ours']:.2f} "
                                         f"(ours {cpu['ours'] / cpu['bare']:.2f}x bare); peak RSS "
                                         f"{rss['bare']:.0f} / {rss['ours']:.0f} MiB; bytecode cache "
                                         f"{'on' if bytecode_cache else 'off'}"))
            if "first" in seen:
                first_cpu = statistics.median(r[1] for r in seen["first"])
                rows.append(Row(f"`brinkwatch code` on {len(docs)} docs, first pass", "spacy.load + nlp.pipe",
                                base_s, [r[0] for r in seen["first"]],
                                note=f"CPU {cpu['bare']:.2f} / {first_cpu:.2f} s = {cpu['bare'] / first_cpu:.2f}; "
                                     f"without the first pass {cpu['bare'] / cpu['ours']:.2f} "
                                     f"(BRINKWATCH_PREFILTER=1)"))
    return rows


# ---------------------------------------------------------------- where a cold start goes
STAGES = """import json, sys, time
clock = time.process_time
seen, last = {}, clock()
def stage(name):
    global last
    now = clock(); seen[name] = round(now - last, 3); last = now
from brinkwatch.cli import main  # noqa: F401 - the CLI's own imports (typer, rich, the store)
stage("CLI modules")
import spacy
stage("import spacy")
from brinkwatch.extract import coder as c
stage("coder modules")
from brinkwatch.config import Settings
settings = Settings()
spacy.load(settings.spacy_model)
stage("spacy.load (bare, for comparison)")
nlp = c.load_pipeline(settings.spacy_model, max_length=settings.max_chars + 1)
stage("load_pipeline")
ontology = c.Ontology.load()
c.PatternBook.load(settings.pattern_files, known_codes=set(ontology.codes()), base_layer=settings.base_patterns)
stage("ontology + patterns")
c.ActorKB.load(settings.actor_files)
stage("actor KB")
gazetteer = c.Gazetteer.load(settings.place_files, min_city_population=settings.min_city_population)
c.AttributeExtractor(gazetteer)
stage("gazetteer + attribute cues")
coder = c.Coder(settings, nlp=nlp)
stage("Coder (knowledge again, from memory)")
coder.code_text(sys.argv[1])
stage("first document (lazy loads: gazetteer index, name prefixes)")
coder.code_text(sys.argv[1])
stage("second document")
print(json.dumps(seen))
"""


def startup_stages(repeat: int, bytecode_cache: bool = True) -> None:
    """CPU seconds of each start-up stage in a fresh process (median of ``repeat``), after a warm-cache run."""
    import json

    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(tmp, bytecode_cache)
        for _ in range(repeat + 1):
            done = subprocess.run([sys.executable, "-c", STAGES, ONE_SENTENCE], env=env, capture_output=True,
                                  text=True, check=True)
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    runs = runs[1:]  # the first may have built the knowledge cache
    print("\nstart-up, CPU seconds by stage (fresh process, median of", repeat, "runs):")
    for name in runs[0]:
        print(f"  {name:<60} {statistics.median(r[name] for r in runs):6.3f}")


# ---------------------------------------------------------------- warm, one document at a time
def warm_per_document(coder, repeat: int) -> list[Row]:
    from brinkwatch.ingest import read_paths

    examples = [a for a in read_paths([EXAMPLES / "articles", EXAMPLES / "wire"]) if isinstance(a, Article)]
    blog = [a for a in examples if "pennant_blog" in (a.source_path or "")]
    from brinkwatch.extract.coder import first_pass as build_first_pass
    from brinkwatch.nlp import load_pipeline

    rows = []
    first_pass = build_first_pass(coder.nlp, coder.book, coder.kb)
    # the baseline is spaCy's whole pipeline, also when the coder runs without NER (BRINKWATCH_NER=0)
    bare_nlp = coder.nlp if coder.settings.ner else load_pipeline(coder.settings.spacy_model)
    for label, docs in ((f"warm, blog post ({len(blog[0].text.split())} words)", blog),
                        (f"warm, bundled examples ({len(examples)} docs)", examples)):
        rows += _warm_rows(coder, label, docs, repeat, first_pass, bare_nlp)
    return rows


def _warm_rows(coder, label: str, docs: list[Article], repeat: int, first_pass, bare_nlp) -> list[Row]:  # noqa: ANN001
    """``label`` without the first pass, then (when the coder has one) with it; CPU seconds beside the wall."""
    rows = []
    for name, kept in ((label, None), (f"{label}, first pass", first_pass)):
        if name != label and kept is None:
            continue
        coder.first_pass = kept
        for doc in docs:  # warm both paths on these texts
            bare_nlp(doc.text)
            list(coder.code_articles([doc]))

        cpu: dict[str, list[float]] = {"bare": [], "ours": []}

        def bare(docs: list[Article] = docs, cpu: dict = cpu) -> float:
            start, begin = time.perf_counter(), time.process_time()
            for doc in docs:
                bare_nlp(doc.text)
            cpu["bare"].append(time.process_time() - begin)
            return time.perf_counter() - start

        def ours(docs: list[Article] = docs, cpu: dict = cpu) -> float:
            start, begin = time.perf_counter(), time.process_time()
            for doc in docs:
                list(coder.code_articles([doc]))
            cpu["ours"].append(time.process_time() - begin)
            return time.perf_counter() - start

        base_s, ours_s = interleaved(max(repeat, 5), (bare, ours))
        per_doc = statistics.median(ours_s) / len(docs) * 1000
        base_cpu, ours_cpu = statistics.median(cpu["bare"]), statistics.median(cpu["ours"])
        rows.append(Row(name, "nlp(text)", base_s, ours_s,
                        note=f"{per_doc:.0f} ms a document; CPU {base_cpu:.2f} / {ours_cpu:.2f} s = "
                             f"{base_cpu / ours_cpu:.2f}"))
    coder.first_pass = first_pass if coder.settings.prefilter else None
    return rows


# ---------------------------------------------------------------- n_process=2 against 1
def n_process(coder, docs: list[Article], repeat: int) -> list[Row]:
    cpu_one: list[float] = []
    cpu_two: list[tuple[float, float]] = []

    def one() -> float:
        start, cpu = time.perf_counter(), cpu_seconds()
        list(coder.code_articles(docs, n_process=1))
        cpu_one.append(cpu_seconds() - cpu)
        return time.perf_counter() - start

    def two() -> float:
        before = os.times()
        start = time.perf_counter()
        list(coder.code_articles(docs, n_process=2))
        wall = time.perf_counter() - start
        after = os.times()
        children = after.children_user + after.children_system - before.children_user - before.children_system
        cpu_two.append((children, after.user + after.system - before.user - before.system))
        return wall

    base_s, ours_s = interleaved(repeat, (one, two))
    workers = statistics.median(c for c, _ in cpu_two)
    parent = statistics.median(p for _, p in cpu_two)
    # tasks are small and handed out as workers free up: the busiest worker does half, plus on average half
    # a task while the other finishes its last one
    from brinkwatch.extract.workers import TASK_SIZE as WORKER_TASK_SIZE

    task = workers / max(1, -(-len(docs) // WORKER_TASK_SIZE))
    idle = (workers + parent) / 2 + task / 2
    model = statistics.median(cpu_one) / idle
    return [Row(f"n_process=2, {len(docs)} docs", "n_process=1", base_s, ours_s, model=model,
                note=f"CPU 1 process {statistics.median(cpu_one):.1f} s; 2 workers {workers:.1f} s + parent {parent:.1f} s")]


# ---------------------------------------------------------------- Dask against in-process
def _worker_cpu() -> float:
    return cpu_seconds()


def _worker_peak_rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dask_workers(coder, docs: list[Article], repeat: int, settings: Settings) -> list[Row]:
    from brinkwatch.pipeline.ingestion import ingest_articles
    from brinkwatch.scale import dask_client, scale_ingest
    from brinkwatch.scale.runner import DEFAULT_PARTITION_SIZE
    from brinkwatch.scale.tasks import coder_settings, warm_up
    from brinkwatch.store import Store

    start = time.perf_counter()
    with dask_client(2) as client:
        client.run(warm_up, coder_settings(settings))
        startup = time.perf_counter() - start
        address = client.scheduler.address
        cpu_in: list[float] = []
        cpu_dask: list[tuple[list[float], float, float]] = []
        events: dict[str, int] = {}

        def in_process() -> float:
            begin, cpu = time.perf_counter(), cpu_seconds()
            with Store() as store:
                events["in-process"] = ingest_articles(store, coder, docs).events_added
            cpu_in.append(cpu_seconds() - cpu)
            return time.perf_counter() - begin

        def on_dask() -> float:
            workers_before = client.run(_worker_cpu)
            begin, cpu = time.perf_counter(), cpu_seconds()
            tail: list[float] = []

            def note_tail(report) -> None:  # the last partition arrived: what follows is the driver's alone
                if report.batches * DEFAULT_PARTITION_SIZE >= len(docs):
                    tail.append(cpu_seconds())

            with Store() as store:
                events["dask"] = scale_ingest(store, docs, settings=settings, scheduler=address,
                                              on_progress=note_tail).events_added
            wall = time.perf_counter() - begin
            end = cpu_seconds()
            after = client.run(_worker_cpu)
            per_worker = [after[w] - workers_before[w] for w in after]
            alone = end - tail[-1] if tail else 0.0
            cpu_dask.append((per_worker, end - cpu - alone, alone))
            return wall

        base_s, ours_s = interleaved(repeat, (in_process, on_dask))
        rss = client.run(_worker_peak_rss)
    busiest = statistics.median(max(w) for w, _, _ in cpu_dask)
    total = statistics.median(sum(w) + d for w, d, _ in cpu_dask)
    alone = statistics.median(a for _, _, a in cpu_dask)
    model = statistics.median(cpu_in) / (max(busiest, total / 2) + alone)
    note = (f"CPU in-process {statistics.median(cpu_in):.1f} s; workers {busiest:.1f} s (busiest) of {total:.1f} s "
            f"with the driver; merge+dedup {alone:.1f} s; start-up {startup:.0f} s; events {events['in-process']} / "
            f"{events['dask']}; peak RSS per worker {', '.join(f'{v:.0f}' for v in rss.values())} MiB")
    return [Row(f"Dask 2 workers, {len(docs)} docs into DuckDB", "in-process coder", base_s, ours_s, model=model,
                note=note)]


# ---------------------------------------------------------------- what a first pass could skip
def _candidate_test(coder) -> Callable[[str], bool]:
    """A sentence could hold an event when it has an actor word and a trigger word (see the docstring)."""
    from spacy.strings import hash_string

    from brinkwatch.actors.kb import pieces

    lemmatizer = coder.nlp.get_pipe("lemmatizer")
    exceptions, rules = lemmatizer.lookups.get_table("lemma_exc"), lemmatizer.lookups.get_table("lemma_rules")
    kinds = (hash_string("verb"), hash_string("noun"))
    triggers = {lemma for _, lemma in coder.book.index} | set(coder.book.governor_of)
    kb = coder.kb

    def lemmas(word: str) -> set[str]:
        out = {word}
        for kind in kinds:
            out.update(exceptions[kind].get(word, ()))
            out.update(word[: len(word) - len(old)] + new for old, new in rules[kind] if word.endswith(old))
        return out

    def actor_word(key: tuple[str, ...]) -> bool:
        return bool(kb.has_name(key) or kb.adjective_country(key) or kb.demonym_country(key) or kb.sector_noun(key)
                    or kb.title_sector(key) or kb.is_person_noun(key) or kb.group_countries(key)
                    or kb.people_countries(key))

    def candidate(text: str) -> bool:
        words = list(pieces(text))
        if not any(lemmas(w) & triggers for w in words):
            return False
        return any(actor_word(tuple(words[i:j])) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 6) + 1))

    return candidate


def first_pass_share(coder, docs: list[Article]) -> None:
    from brinkwatch.ingest import read_paths

    candidate = _candidate_test(coder)
    examples = [a for a in read_paths([EXAMPLES / "articles", EXAMPLES / "wire"]) if isinstance(a, Article)]
    for label, articles in (("generated news", docs), ("bundled examples", examples)):
        total = kept = missed = 0
        for coded in coder.code_articles(articles):
            for sentence in coded.sentences:
                total += 1
                if candidate(sentence.text):
                    kept += 1
                elif any(e.sentence_index == sentence.index for e in coded.events):
                    missed += 1
        print(f"first pass, {label}: {kept} of {total} sentences could hold an event ({kept / total:.0%}); "
              f"sentences with events it would skip: {missed}")
    from brinkwatch.extract.coder import first_pass as build_first_pass
    from brinkwatch.nlp.prefilter import share_parsed

    first = build_first_pass(coder.nlp, coder.book, coder.kb)
    for label, articles in (("generated news", docs), ("bundled examples", examples)):
        cpu: dict[str, list[float]] = {"first": [], "full": []}
        for order in (("first", "full"), ("full", "first"), ("first", "full")):  # interleaved: the load moves
            for side in order:
                if side == "first":
                    first.sentences = first.parsed = 0
                begin = time.process_time()
                # the coder's batch size on both sides (nlp.pipe's own default batches differently)
                list((first if side == "first" else coder.nlp).pipe((a.text for a in articles),
                                                                   batch_size=coder.settings.batch_size))
                cpu[side].append(time.process_time() - begin)
        print(f"first pass, {label}: {first.parsed} of {first.sentences} sentences parsed "
              f"({share_parsed(first):.0%}); pipeline CPU {statistics.median(cpu['first']):.2f} s vs "
              f"{statistics.median(cpu['full']):.2f} s for nlp.pipe (medians of 3)")
    spent: dict[str, float] = {}
    for article in docs:
        doc = coder.nlp.make_doc(article.text)
        for name, component in coder.nlp.pipeline:
            start = time.perf_counter()
            doc = component(doc)
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
    total_s = sum(spent.values())
    print("pipeline time by component: " + ", ".join(f"{name} {t / total_s:.0%}" for name, t in spent.items()))


def print_row(row: Row) -> None:
    """One row as soon as it is measured (a run stopped before the end keeps what it measured)."""
    model = f"; idle-2-core model {row.model:.2f}" if row.model is not None else ""
    print(f"row: {row.name} vs {row.baseline}: ratio {row.ratio:.2f} ({statistics.median(row.base_s):.2f} s / "
          f"{statistics.median(row.ours_s):.2f} s){model}; {row.note}; load {os.getloadavg()[0]:.1f}", flush=True)


def print_table(rows: list[Row]) -> None:
    print()
    print(f"| {'measure':<44} | {'against':<22} | {'base s':>7} | {'ours s':>7} | {'ratio':>5} | {'idle-2-core model':>17} |")
    print(f"|{'-' * 46}|{'-' * 24}|{'-' * 9}|{'-' * 9}|{'-' * 7}|{'-' * 19}|")
    for row in rows:
        model = f"{row.model:.2f}" if row.model is not None else ""
        print(f"| {row.name:<44} | {row.baseline:<22} | {statistics.median(row.base_s):7.2f} | "
              f"{statistics.median(row.ours_s):7.2f} | {row.ratio:5.2f} | {model:>17} |")
    print()
    for row in rows:
        print(f"- {row.name}: {row.note}; runs base {[round(s, 1) for s in row.base_s]} ours "
              f"{[round(s, 1) for s in row.ours_s]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--dask-docs", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="whole,startup,warm,share,nproc,dask")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="fresh processes compile brinkwatch's modules in every run (see the cold row)")
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    settings = Settings()
    docs = news_documents(args.docs)
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} documents, {words / len(docs):.0f} words each on average; load average {os.getloadavg()[0]:.1f}")
    rows: list[Row] = []
    if wanted & {"whole", "cold"}:
        measured = whole_process(docs, args.repeat, settings, wanted, bytecode_cache=not args.no_bytecode_cache)
        rows += measured
        for row in measured:
            print_row(row)
    if "startup" in wanted:
        startup_stages(args.repeat, bytecode_cache=not args.no_bytecode_cache)
    coder = None
    if wanted & {"warm", "share", "nproc", "dask"}:
        from brinkwatch.scale.tasks import coder_for, coder_settings, warm_up

        warm_up(coder_settings(settings))
        coder = coder_for(coder_settings(settings))
    if "warm" in wanted:
        measured = warm_per_document(coder, args.repeat)
        rows += measured
        for row in measured:
            print_row(row)
    if "share" in wanted:
        first_pass_share(coder, docs)
    if "nproc" in wanted:
        measured = n_process(coder, docs, args.repeat)
        rows += measured
        for row in measured:
            print_row(row)
    if "dask" in wanted:
        measured = dask_workers(coder, news_documents(args.dask_docs, seed=11), args.repeat, settings)
        rows += measured
        for row in measured:
            print_row(row)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    print_table(rows)


if __name__ == "__main__":  # Dask starts worker processes that import this file: keep the run behind the guard
    main()
