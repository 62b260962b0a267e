"""Modality and opinion: one sentence per construction."""

from __future__ import annotations

import datetime as dt

import pytest

from brinkwatch.extract.dates import load_cue_file
from brinkwatch.extract.modality import ModalityCues, modality_for_event
from brinkwatch.model import Article
from test_attr_fixtures import shared_extractor, shared_nlp

CUES = load_cue_file("attr_modality.yaml", ModalityCues)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Turkish troops entered the town.", "entered", "asserted"),
        ("The army did not enter the town.", "enter", "negated"),
        ("Turkey never recognised the government.", "recognised", "negated"),
        ("No talks were held in Geneva.", "held", "negated"),
        ("The rebels failed to capture the airport.", "capture", "negated"),
        ("The minister will visit Moscow next week.", "visit", "planned"),
        ("The president plans to meet the rebels.", "meet", "planned"),
        ("The two sides are expected to sign the deal on Friday.", "sign", "planned"),
        ("The envoy intends to travel to Kabul.", "travel", "planned"),
        ("The summit is scheduled to open on Monday.", "open", "planned"),
        ("Sanctions will be lifted if Iran complies.", "complies", "conditional"),
        ("Should it try to close the strait, the navy will respond.", "close", "conditional"),
        ("The army will not withdraw unless the rebels disarm.", "disarm", "conditional"),
        ("The strike could destabilise the region.", "destabilise", "hypothetical"),
        ("Such a move might provoke Russia.", "provoke", "hypothetical"),
        ("The militia reportedly executed the prisoners.", "executed", "claimed"),
        ("Officials claim the rebels shelled the hospital.", "shelled", "claimed"),
        ("The soldiers are said to have looted the village.", "looted", "claimed"),
        ("The group allegedly smuggled weapons into Gaza.", "smuggled", "claimed"),
        ("Moscow denied bombing the market.", "bombing", "denied"),
        ("The ministry denied that its jets had struck the convoy.", "struck", "denied"),
        ("Beijing rejected claims that it had hacked the ministry.", "hacked", "denied"),
        ("He said he would resign on Friday.", "resign", "planned"),
    ],
)
def test_modality(text: str, trigger: str, expected: str) -> None:
    doc = shared_nlp()(text)
    tok = next(t for t in doc if t.text == trigger)
    assert modality_for_event(tok, tok.sent, CUES) == expected


def opinion(text: str, trigger: str, title: str | None = None) -> bool:
    nlp, extractor = shared_nlp(), shared_extractor()
    doc = nlp(text)
    ctx = extractor.prepare(doc, Article(doc_id="o", text=text, title=title, pub_date=dt.date(2020, 1, 10)))
    tok = next(t for t in doc if t.text == trigger)
    return extractor.for_event(ctx, tok.sent, tok).is_opinion


def test_opinion_cues_mark_the_authors_view() -> None:
    assert opinion("In my view, the sanctions hurt ordinary Iranians most.", "hurt")
    assert opinion("It seems clear that the embargo failed.", "failed")
    assert not opinion("The sanctions hurt ordinary Iranians most, the report said.", "hurt")


def test_evaluative_sentence_in_an_opinion_piece() -> None:
    title = "Opinion: a reckless escalation"
    text = "Washington expelled the diplomats, a reckless and pointless move. The embassy closed on Friday."
    assert opinion(text, "expelled", title)
    assert not opinion(text, "closed", title)  # no evaluation: still a reported fact
    assert not opinion(text, "expelled", "Washington expels diplomats")  # a news story reports, it does not judge
