"""The draft trace and the split of ``no_trigger`` misses: what became of each draft the coder built.

Scoring rules on hand-built fates first (no spaCy), then the real coder on our own sentences and one own
article: a trace records each draft's stage, costs nothing when off, and ``brinkwatch evaluate`` splits
``no_trigger`` into ``no_draft`` / ``dropped:<stage>`` / ``other_code`` / ``coded``.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from brinkwatch.evaluate import (
    ActorCodes,
    GoldEvent,
    GoldSentence,
    evaluate_articles,
    plover2016_lookup,
    score,
)
from brinkwatch.evaluate.articles import ArticleGold, ExpectedEvent
from brinkwatch.evaluate.diagnosis import STAGE_ORDER, no_trigger_detail
from brinkwatch.evaluate.matching import Matcher
from brinkwatch.extract.trace import STAGES, DraftFate, DraftTrace
from brinkwatch.model import Article


@pytest.fixture(scope="module")
def lookup():
    return plover2016_lookup()


@pytest.fixture(scope="module")
def matcher(lookup) -> Matcher:
    return Matcher(ActorCodes.load(), lookup)


def fate(start: int, end: int, code: str, stage: str) -> DraftFate:
    return DraftFate(doc_id="d", sentence_index=0, start=start, end=end, trigger="x", code=code, pattern="p",
                     stage=stage)


TEXT = "Quorvian troops shelled the border post of Ostrany on Tuesday."  # "shelled" is 16..23


def test_the_diagnosis_knows_every_stage_of_the_coder_in_its_order():
    assert STAGE_ORDER == tuple(STAGES)


def test_detail_with_a_trigger_reads_the_drafts_on_its_characters(matcher):
    gold = ExpectedEvent(source="QRV", target="OST", cameo="195", trigger="shelled")
    assert no_trigger_detail(matcher, gold, TEXT, []) == "no_draft"
    # a draft elsewhere in the sentence is not one on the trigger
    assert no_trigger_detail(matcher, gold, TEXT, [fate(28, 34, "190", "history")]) == "no_draft"
    assert no_trigger_detail(matcher, gold, TEXT, [fate(16, 23, "190", "source_unresolved")]) \
        == "dropped:source_unresolved"
    # the furthest stage any draft of the gold's root reached is the one reported
    assert no_trigger_detail(matcher, gold, TEXT, [fate(16, 23, "190", "no_source_slot"),
                                                   fate(16, 23, "195", "history")]) == "dropped:history"
    assert no_trigger_detail(matcher, gold, TEXT, [fate(16, 23, "111", "event")]) == "other_code"
    assert no_trigger_detail(matcher, gold, TEXT, [fate(16, 23, "193", "event")]) == "coded"


def test_detail_without_a_trigger_reads_the_drafts_of_the_gold_root(matcher):
    gold = GoldEvent(source="QRV", target="OST", cameo="195")
    assert no_trigger_detail(matcher, gold, TEXT, [fate(16, 23, "111", "event")]) == "no_draft"
    assert no_trigger_detail(matcher, gold, TEXT, [fate(16, 23, "190", "doer_without_country")]) \
        == "dropped:doer_without_country"
    plover = GoldEvent(source="QRV", target="OST", plover="ASSAULT")
    assert no_trigger_detail(matcher, plover, TEXT, [fate(16, 23, "180", "history")]) == "dropped:history"


def test_error_counts_keep_no_trigger_and_add_its_split(lookup):
    gold = [GoldSentence(id="s1", corpus="own", text=TEXT,
                         events=(GoldEvent(source="QRV", target="OST", cameo="195"),)),
            GoldSentence(id="s2", corpus="own", text=TEXT,
                         events=(GoldEvent(source="QRV", target="OST", cameo="112"),))]
    fates = {"s1": [fate(16, 23, "190", "history")], "s2": []}
    report = score(gold, {}, codes=ActorCodes.load(), plover2016=lookup, fates=fates)
    counts = report.error_counts()
    assert counts["no_trigger"] == 2
    assert counts["no_trigger/dropped:history"] == 1 and counts["no_trigger/no_draft"] == 1
    assert sorted(c.label for c in report.errors) == ["no_trigger/dropped:history", "no_trigger/no_draft"]
    # without a trace nothing is split, and the keys are the causes alone
    plain = score(gold, {}, codes=ActorCodes.load(), plover2016=lookup)
    assert all("/" not in key for key in plain.error_counts()) and plain.errors[0].detail is None


# --- the real coder ------------------------------------------------------------------------------
def stages(coder, text: str) -> dict[tuple[str, str], str]:
    trace = DraftTrace()
    coder.trace = trace
    try:
        coder.code_text(text, doc_id="t", pub_date=dt.date(2026, 3, 4))
    finally:
        coder.trace = None
    return {(f.trigger, f.code[:2]): f.stage for f in trace.of("t")}


def test_the_trace_records_events_and_drops(coder):
    kept = stages(coder, "Hungary summoned the Slovak ambassador after Bratislava criticised its new border law.")
    assert kept == {("summoned", "11"): "event", ("criticised", "11"): "event"}
    # a doer that names no actor: the draft is built and dropped for its source
    assert stages(coder, "Somebody threatened to bomb the embassy of Norway.") == {
        ("threatened", "13"): "source_unresolved"}
    assert stages(coder, "In 1994, Ecuador attacked Peruvian border posts.") == {("attacked", "19"): "history"}
    # an event noun with no doer in the sentence: no source slot at all
    assert stages(coder, "The arrest of a senior Chadian judge last week was seen as a warning.")[
        ("arrest", "17")] == "no_source_slot"


def test_the_trace_costs_nothing_when_off_and_changes_no_event(coder):
    text = "Hungary summoned the Slovak ambassador after Bratislava criticised its new border law."
    assert coder.trace is None
    plain = coder.code_text(text, doc_id="t").events
    stages(coder, text)
    assert coder.trace is None
    again = coder.code_text(text, doc_id="t").events
    assert [(e.cameo.code, e.source.code) for e in plain] == [(e.cameo.code, e.source.code) for e in again]


def test_article_evaluation_splits_no_trigger_with_the_trace(coder, tmp_path):
    text = ("Lakeport, March 4 -- Kenyan police arrested eleven opposition activists in Lakeport on Tuesday.\n\n"
            "Officials in the capital remained silent about the matter.\n")
    article = Article(doc_id="own", text=text, pub_date=dt.date(2026, 3, 4))
    expected = (ExpectedEvent(source="KEN", target="KEN", cameo="173", trigger="arrested"),
                # nothing codes a silence: no pattern fires on it
                ExpectedEvent(source="KEN", target="KEN", cameo="012", trigger="remained silent"))
    trace = DraftTrace()
    coder.trace = trace
    try:
        result = evaluate_articles([ArticleGold(name="own", article=article, events=expected)], coder, trace=trace)
    finally:
        coder.trace = None
    counts = result.report.error_counts()
    assert counts["no_trigger/no_draft"] >= 1
    assert json.loads(json.dumps(result.to_json()))["error_counts"]["no_trigger"] >= 1
