"""The coder on brinkwatch's own hand-checked sets (tests/data): accuracy floors that keep it from slipping.

The sets measure general coverage (sentences written for brinkwatch, not the dev gold). The floors sit a
little under the measured scores (README and the issue notes give the numbers); raise them as the coder
improves, never lower them to make a change pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brinkwatch.evaluate import evaluate, evaluate_articles, load_articles, load_gold

DATA = Path(__file__).parent / "data"
CASES_FLOOR = {"dyad_root": 0.90, "full": 0.58, "no_event_accuracy": 0.95}
ARTICLES_FLOOR = {"dyad_root": 0.80}
# The actor probe (issue 11): actors named as other writers name them (ministries and agencies, juntas, armed
# groups' short names and spellings, demonym + agent noun, bare titles, dated office holders, IGO organs,
# unknown attackers, names that contain a country word), hand-coded before the coder was run on it. Its
# holdout half (actors3_holdout.jsonl, every third sentence) is scored by hand once a change is finished.
ACTORS3 = ("actors3_tuning.jsonl", "actors3_holdout.jsonl")
ACTORS3_KINDS = {"ministry", "junta", "armed_group", "demonym_agent", "title", "named_person", "igo", "unknown",
                 "near_miss"}
ACTORS3_FLOOR = {"dyad_root": 0.85, "full": 0.74}  # measured 0.873, 0.761 (start of the round: 0.736, 0.594)

# The constructions3 probe (issue 11): constructions of real reports, hand-coded before the coder ran on them.
# Measured at the end of the change (before it): tuning dyad_root F1 0.706 (0.581), strict 0.706, no-event 0.889;
# holdout 0.750 (0.745), strict 0.750, no-event 1.0 (0.769 when first scored; an envoy ordered out was then
# taken back from 161 to the house's demand, 10, which tests/test_structure.py holds).
# The constructions4 probe (issue 11, the wording other writers use that brinkwatch never triggered on): sentences
# from inside whole reports (monitor notes, live blogs, press releases, translated statements, wire leads,
# analysis), events in subordinate clauses, nominals, result clauses, consequences and multi-event sentences,
# hand-coded before the coder ran on them. Measured at the end of the change (before it): tuning dyad_root F1
# 0.667 (0.571), strict the same, no-event 0.812; holdout 0.536 (0.511), strict the same, no-event 1.0.
REPORT_SETS = ("constructions3_tuning.jsonl", "constructions3_holdout.jsonl",
               "constructions4_tuning.jsonl", "constructions4_holdout.jsonl")
REPORT_FLOORS = {
    "constructions3_tuning.jsonl": {"dyad_root_f1": 0.70, "strict_dyad_root_f1": 0.70, "no_event_accuracy": 0.85},
    "constructions3_holdout.jsonl": {"dyad_root_f1": 0.75, "strict_dyad_root_f1": 0.75, "no_event_accuracy": 0.95},
    "constructions4_tuning.jsonl": {"dyad_root_f1": 0.65, "strict_dyad_root_f1": 0.65, "no_event_accuracy": 0.78},
    "constructions4_holdout.jsonl": {"dyad_root_f1": 0.58, "strict_dyad_root_f1": 0.58, "no_event_accuracy": 0.95},
}

# The senses4 probe (issue 11): minimal pairs across the CAMEO root borderlines (appeal/demand, statement,
# intent/consult, aid/yield, disapprove/reject/threaten/reduce relations, accusation/legal action,
# protest/coerce/assault/fight, force posture), news senses of dictionary verbs and near-misses, hand-coded before
# the coder ran on them. Tuning dyad_root F1 0.791 at the start of the change, 0.838 (strict 0.811, no-event 0.8)
# at its end, on top of verbs4; the holdout, scored once at the end: 0.879 (0.870 at the start), strict 0.841,
# no-event 0.667.
SENSES4_SETS = ("senses4_tuning.jsonl", "senses4_holdout.jsonl")
SENSES4_BORDERS = {"appeal_demand", "statement", "intent_consult", "cooperation", "aid_yield",
                   "disapprove_reject_threaten", "accuse_legal", "protest_coerce", "coerce_assault", "posture",
                   "news_sense", "near_miss"}
SENSES4_FLOORS = {
    "senses4_tuning.jsonl": {"dyad_root_f1": 0.83, "strict_dyad_root_f1": 0.80, "no_event_accuracy": 0.75},
    "senses4_holdout.jsonl": {"dyad_root_f1": 0.86, "strict_dyad_root_f1": 0.82, "no_event_accuracy": 0.65},
}

# The senses5 probe (issue 11): root borderlines and near-misses as they stand inside whole reports (military,
# legal, economic, diplomatic, statements, protests and threats; background and history, analysis, hypotheticals
# and questions, metaphors, sport and business, titles, reported denials, slogans), hand-coded before the coder
# ran on them. Tuning dyad_root F1 0.667 (strict 0.633, no-event 0.778) at the start of the change, 0.796 (strict
# 0.761, no-event 1.0) at its end; the holdout, scored once at the end: 0.667 (0.667 at the start), strict 0.646,
# no-event 0.833 -- the rules found on the tuning half did not reach the holdout's sentences. At the tenth round's
# end (senses6 and the pattern gaps): tuning 0.816 (strict 0.782), holdout 0.688 (strict 0.667).
SENSES5_SETS = ("senses5_tuning.jsonl", "senses5_holdout.jsonl")
SENSES5_KINDS = {"military", "legal", "economic", "diplomatic", "statement", "protest_threat", "mixed", "near_miss"}
SENSES5_FLOORS = {
    "senses5_tuning.jsonl": {"dyad_root_f1": 0.80, "strict_dyad_root_f1": 0.76, "no_event_accuracy": 0.95},
    "senses5_holdout.jsonl": {"dyad_root_f1": 0.67, "strict_dyad_root_f1": 0.65, "no_event_accuracy": 0.8},
}


@pytest.fixture(scope="module")
def case_report(coder):
    return evaluate(load_gold(DATA / "coder_cases.jsonl"), coder).per_corpus["brinkwatch_cases"]


def test_case_sentences_stay_above_floor(case_report):
    assert case_report.levels["dyad_root"].f1 >= CASES_FLOOR["dyad_root"], case_report.flat()
    assert case_report.levels["full"].f1 >= CASES_FLOOR["full"], case_report.flat()
    assert case_report.no_event_accuracy >= CASES_FLOOR["no_event_accuracy"], case_report.flat()


def test_whole_articles_stay_above_floor(coder):
    golds = load_articles(DATA / "articles")
    result = evaluate_articles(golds, coder, corpus="brinkwatch_articles")
    report = result.report.per_corpus["brinkwatch_articles"]
    assert report.gold_events >= 50 and not result.unlocated
    assert report.levels["dyad_root"].f1 >= ARTICLES_FLOOR["dyad_root"], report.flat()


def test_actor_probe_has_its_shape() -> None:
    halves = [[json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
              for name in ACTORS3]
    records = [record for half in halves for record in half]
    assert len({r["id"] for r in records}) == len({r["text"] for r in records}) == len(records) >= 120
    for half in halves:
        assert {r["construction"] for r in half} == ACTORS3_KINDS  # every kind in both halves
    for record in records:
        assert record["corpus"] == "brinkwatch_probe" and record["events"], record["id"]
        for event in record["events"]:
            assert event["trigger"] in record["text"] and event["modality"] == "asserted", record["id"]


def test_actor_probe_stays_above_floor(coder) -> None:
    report = evaluate(load_gold(DATA / ACTORS3[0]), coder).per_corpus["brinkwatch_probe"]
    for level, floor in ACTORS3_FLOOR.items():
        assert report.levels[level].f1 >= floor, report.flat()

@pytest.mark.parametrize("name", REPORT_SETS)
def test_report_construction_sets_have_the_probe_shape(name: str) -> None:
    records = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    assert len({r["id"] for r in records}) == len(records) >= 50
    for record in records:
        assert record["corpus"] == "brinkwatch_probe"
        assert (record["construction"] == "near_miss") == (not record["events"]), record["id"]
        for event in record["events"]:
            assert event["trigger"] in record["text"], record["id"]


def test_report_construction_sets_share_no_sentence() -> None:
    texts = [{json.loads(line)["text"] for line in (DATA / name).read_text(encoding="utf-8").splitlines()}
             for name in (*REPORT_SETS, "constructions_tuning.jsonl", "constructions_holdout.jsonl",
                          "coder_cases.jsonl")]
    for i, first in enumerate(texts):
        for second in texts[i + 1:]:
            assert not first & second


@pytest.mark.parametrize("name", sorted(REPORT_FLOORS))
def test_report_constructions_stay_above_floor(coder, name: str) -> None:
    scores = evaluate(load_gold(DATA / name), coder).per_corpus["brinkwatch_probe"].flat()
    for metric, floor in REPORT_FLOORS[name].items():
        assert scores[metric] >= floor, (metric, scores)


@pytest.mark.parametrize("name", SENSES4_SETS)
def test_senses4_sets_have_the_probe_shape(name: str) -> None:
    records = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    assert len({r["id"] for r in records}) == len({r["text"] for r in records}) == len(records) >= 50
    assert {r["construction"] for r in records} == SENSES4_BORDERS  # every borderline in both halves
    for record in records:
        assert record["corpus"] == "brinkwatch_probe"
        assert (record["construction"] == "near_miss") == (not record["events"]), record["id"]
        for event in record["events"]:
            assert event["trigger"] in record["text"], record["id"]


def test_senses4_shares_no_sentence_with_the_other_sets() -> None:
    names = (*SENSES4_SETS, *REPORT_SETS, *ACTORS3, "constructions_tuning.jsonl", "constructions_holdout.jsonl",
             "coder_cases.jsonl", "precision_tuning.jsonl", "precision2_tuning.jsonl")
    texts = {name: {json.loads(line)["text"] for line in (DATA / name).read_text(encoding="utf-8").splitlines()}
             for name in names}
    for name in SENSES4_SETS:
        for other in names:
            assert other == name or not texts[name] & texts[other], (name, other)


@pytest.mark.parametrize("name", sorted(SENSES4_FLOORS))
def test_senses4_stays_above_floor(coder, name: str) -> None:
    scores = evaluate(load_gold(DATA / name), coder).per_corpus["brinkwatch_probe"].flat()
    for metric, floor in SENSES4_FLOORS[name].items():
        assert scores[metric] >= floor, (metric, scores)


@pytest.mark.parametrize("name", SENSES5_SETS)
def test_senses5_sets_have_the_probe_shape(name: str) -> None:
    records = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    assert len({r["id"] for r in records}) == len({r["text"] for r in records}) == len(records) >= 50
    assert {r["construction"] for r in records} == SENSES5_KINDS  # every kind in both halves
    for record in records:
        assert record["corpus"] == "brinkwatch_probe"
        assert (record["construction"] == "near_miss") == (not record["events"]), record["id"]
        for event in record["events"]:
            assert event["trigger"] in record["text"], record["id"]


def test_senses5_shares_no_sentence_with_the_other_sets() -> None:
    names = (*SENSES5_SETS, *SENSES4_SETS, *REPORT_SETS, *ACTORS3, "constructions_tuning.jsonl",
             "constructions_holdout.jsonl", "coder_cases.jsonl", "precision_tuning.jsonl", "precision_holdout.jsonl",
             "precision2_tuning.jsonl", "precision2_holdout.jsonl")
    texts = {name: {json.loads(line)["text"] for line in (DATA / name).read_text(encoding="utf-8").splitlines()}
             for name in names}
    for name in SENSES5_SETS:
        for other in names:
            assert other == name or not texts[name] & texts[other], (name, other)


@pytest.mark.parametrize("name", sorted(SENSES5_FLOORS))
def test_senses5_stays_above_floor(coder, name: str) -> None:
    scores = evaluate(load_gold(DATA / name), coder).per_corpus["brinkwatch_probe"].flat()
    for metric, floor in SENSES5_FLOORS[name].items():
        assert scores[metric] >= floor, (metric, scores)
