"""Tune the dedup score on the dev corpora only, then report the chosen rules on the holdout corpus.

    python benchmarks/dedup_tuning.py [--passes 2] [--holdout] [--no-reports] [--show]

Coordinate descent over ``DedupRules`` weights (one weight at a time over its grid, the others held, two
passes; rules letting day, code and dyad alone merge two reports are not admissible) on the dev sets ``tests/data/dedup/{tuning,measured,families}.yaml``, ranked by the mean pairwise F0.5
over the sets (precision counts twice: a false merge hides a happening, a missed one only double counts it),
ties broken towards the defaults. ``holdout.yaml`` is scored once, for the defaults, only with ``--holdout``,
and never used to choose. Not a test; prints a table.

The report corpora (``tuning3.yaml``, holdout ``holdout3.yaml``) hold whole reports as raw text: the real coder
codes them once (a few seconds after loading spaCy), then each trial merges the coded mentions in a fresh
database. They are scored on article pairs: two articles are together when one event holds mentions of both;
a happening is whole when one event holds mentions of all its articles. ``--show`` prints, per happening, the
events its articles' mentions went to (the codes, dyads, places and dates the coder gave them).
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import dataclass, fields, replace
from pathlib import Path

import duckdb
import pyarrow as pa

from brinkwatch.analyze.dedup import DEFAULT_RULES, DedupRules, merge_new
from brinkwatch.analyze.synthetic import create_schema, dedup_scores, insert_mentions, load_dedup_corpus

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "dedup"
DEV = ("tuning.yaml", "measured.yaml", "families.yaml")
HOLDOUT = "holdout.yaml"
REPORTS_DEV = "tuning3.yaml"
REPORTS_HOLDOUT = "holdout3.yaml"

GRID: dict[str, tuple[float, ...]] = {
    "min_similarity": (0.08, 0.10, 0.12, 0.14, 0.16, 0.18),
    "same_day_bonus": (0.0, 0.03, 0.05, 0.08),
    "same_dyad_bonus": (0.0, 0.03, 0.05, 0.08),
    "same_key_bonus": (0.0, 0.01, 0.03, 0.05, 0.08),
    "other_day_key_penalty": (0.0, 0.10, 0.30, 1.0),
    "same_place_bonus": (0.0, 0.03, 0.05, 0.08, 0.10),
    "same_toll_bonus": (0.0, 0.03, 0.05, 0.08, 0.10),
    "other_town_penalty": (0.0, 0.05, 0.10, 0.15, 0.20),
    "other_toll_penalty": (0.0, 0.05, 0.10),
    "other_day_penalty": (0.05, 0.10, 0.15),
    "near_km": (2.0, 5.0, 10.0, 15.0),
    "bridge_penalty": (0.0, 0.03, 0.05),
}


def scores(rows: list[dict], rules: DedupRules) -> tuple[float, float, int, int]:
    """(precision, recall, happenings kept whole, distractors kept apart) of dedup under ``rules``."""
    con = duckdb.connect()
    create_schema(con)
    insert_mentions(con, rows)
    merge_new(con, rules=rules)
    result = dedup_scores(con, rows)
    con.close()
    return result


@dataclass(frozen=True)
class ReportCorpus:
    """A corpus of raw reports, coded once: the mention rows (Arrow) and each article's happening label."""

    mentions: pa.Table
    labels: dict[str, str]


def code_reports(path: Path, coder: object) -> ReportCorpus:
    """Code the reports of ``path`` with ``coder`` (a ``brinkwatch.extract.Coder``) into mention rows."""
    import yaml

    from brinkwatch.model import Article
    from brinkwatch.store import Store

    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["articles"]
    articles = [Article(doc_id=a["doc"], text=a["text"], publisher=a["by"], pub_date=a["pub"]) for a in raw]
    store = Store(":memory:")
    store.write(list(coder.code_articles(articles)))  # type: ignore[attr-defined]
    table = store.con.sql("SELECT * EXCLUDE (event_id) FROM event_mentions ORDER BY mention_id").to_arrow_table()
    store.close()
    return ReportCorpus(table, {a["doc"]: a["happening"] for a in raw})


def merged_reports(corpus: ReportCorpus, rules: DedupRules) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    create_schema(con)
    con.register("_coded", corpus.mentions)
    con.execute(f"INSERT INTO event_mentions ({', '.join(corpus.mentions.column_names)}) SELECT * FROM _coded")
    con.unregister("_coded")
    merge_new(con, rules=rules)
    return con


def report_scores(corpus: ReportCorpus, rules: DedupRules) -> tuple[float, float, int, int]:
    """(precision, recall, happenings kept whole, distractors kept apart) on article pairs."""
    con = merged_reports(corpus, rules)
    events = con.sql("SELECT list(DISTINCT doc_id ORDER BY doc_id) FROM event_mentions GROUP BY event_id").fetchall()
    con.close()
    labels = corpus.labels
    together = {pair for (docs,) in events for pair in itertools.combinations(docs, 2)}
    truth = {pair for pair in itertools.combinations(sorted(labels), 2) if labels[pair[0]] == labels[pair[1]]}
    tp = len(together & truth)
    precision = tp / len(together) if together else 1.0
    recall = tp / len(truth) if truth else 1.0
    happenings = {h for h in labels.values() if not h.startswith("D")}
    docs_of = {h: {d for d, x in labels.items() if x == h} for h in happenings}
    whole = sum(any(docs_of[h] <= set(docs) for (docs,) in events) for h in happenings)
    joined = {d for pair in together if labels[pair[0]] != labels[pair[1]] for d in pair}
    apart = sum(d not in joined for d in labels if labels[d].startswith("D"))
    return precision, recall, whole, apart


def show_reports(corpus: ReportCorpus, rules: DedupRules) -> None:
    """Print each happening's events: which articles they hold, with the coded fields of their mentions."""
    con = merged_reports(corpus, rules)
    rows = con.sql("""SELECT doc_id, event_id, cameo_code, coalesce(source_code, '-'), coalesce(target_code, '-'),
        coalesce(place_name, '-'), coalesce(CAST(event_date AS VARCHAR), '-'), coalesce(date_precision, '-'),
        killed, left(evidence_text, 70) FROM event_mentions ORDER BY doc_id, mention_id""").fetchall()
    con.close()
    for happening in sorted(set(corpus.labels.values())):
        print(f"== {happening}")
        for doc, event, *coded in rows:
            if corpus.labels[doc] == happening:
                print(f"   {doc} {event[-6:]} " + " ".join(str(f) for f in coded))


def f_beta(precision: float, recall: float, beta: float = 0.5) -> float:
    if precision + recall == 0:
        return 0.0
    return (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


def admissible(rules: DedupRules) -> bool:
    """Two reports of an act of force with no word in common, agreeing only on the day, the code and the dyad,
    stay apart: a dyad at war strikes several times a day, so a place or a death toll must agree too (pinned by the
    test of one article naming two places: its reports share no words). Acts that are not material also get
    ``same_key_bonus`` on that key, on purpose (tests/test_analyze_dedup_keys.py)."""
    return rules.same_day_bonus + rules.same_code_bonus + rules.same_dyad_bonus < rules.min_similarity


Corpus = list[dict] | ReportCorpus  # coded mentions (hand-made) or coded reports


def any_scores(corpus: Corpus, rules: DedupRules) -> tuple[float, float, int, int]:
    return report_scores(corpus, rules) if isinstance(corpus, ReportCorpus) else scores(corpus, rules)


def objective(sets: dict[str, Corpus], rules: DedupRules) -> float:
    if not admissible(rules):
        return -1.0
    return sum(f_beta(*any_scores(rows, rules)[:2]) for rows in sets.values()) / len(sets)


def _distance(rules: DedupRules) -> float:
    return sum(abs(getattr(rules, f.name) - getattr(DEFAULT_RULES, f.name)) for f in fields(DedupRules))


def describe(name: str, rows: Corpus, rules: DedupRules) -> str:
    p, r, whole, apart = any_scores(rows, rules)
    labels = set(rows.labels.values()) if isinstance(rows, ReportCorpus) else {x["happening"] for x in rows}
    happenings = len({x for x in labels if not x.startswith("D")})
    distractors = len({x for x in labels if x.startswith("D")})
    uncoded = ""
    if isinstance(rows, ReportCorpus):  # an article the coder found no event in can join nothing
        coded = set(rows.mentions.column("doc_id").to_pylist())
        uncoded = f" uncoded={sorted(set(rows.labels) - coded)}"
    return (f"{name}: P={p:.3f} R={r:.3f} F0.5={f_beta(p, r):.3f} whole={whole}/{happenings} "
            f"apart={apart}/{distractors}{uncoded}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--holdout", action="store_true", help="also score the defaults on the holdout sets")
    parser.add_argument("--no-reports", action="store_true", help="leave out the report corpora (no coder)")
    parser.add_argument("--show", action="store_true", help="print the events of the report tuning set")
    args = parser.parse_args()
    dev: dict[str, Corpus] = {name: load_dedup_corpus(DATA / name) for name in DEV}
    coder = None
    if not args.no_reports:
        from brinkwatch.extract import Coder

        coder = Coder()
        dev[REPORTS_DEV] = code_reports(DATA / REPORTS_DEV, coder)
        if args.show:
            show_reports(dev[REPORTS_DEV], DEFAULT_RULES)
    best = DEFAULT_RULES
    best_score = objective(dev, best)
    print(f"defaults: mean F0.5 on dev {best_score:.3f}")
    for _ in range(args.passes):
        for name, values in GRID.items():
            for value in values:
                rules = replace(best, **{name: value})
                score = objective(dev, rules)
                if score > best_score + 1e-9 or (abs(score - best_score) <= 1e-9
                                                 and _distance(rules) < _distance(best)):
                    best, best_score = rules, score
        print(f"after a pass: mean F0.5 {best_score:.3f} "
              f"{ {k: getattr(best, k) for k in GRID if getattr(best, k) != getattr(DEFAULT_RULES, k)} }")
    for name, rows in dev.items():
        print("defaults  " + describe(name, rows, DEFAULT_RULES))
        print("best      " + describe(name, rows, best))
    if args.holdout:
        print("defaults  " + describe(HOLDOUT, load_dedup_corpus(DATA / HOLDOUT), DEFAULT_RULES))
        if coder is not None:
            print("defaults  " + describe(REPORTS_HOLDOUT, code_reports(DATA / REPORTS_HOLDOUT, coder), DEFAULT_RULES))


if __name__ == "__main__":
    main()
