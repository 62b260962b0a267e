"""The scan for vague time phrases ("some time ago", "in recent weeks") in ``find_date_mentions`` skips a
phrase whose lower-cased form is not in the lower-cased text (``dates.phrase_matches``); it must find every
match the case-blind regex finds: in any case, in text with curly quotes and dashes, and through the letters
the regex matches to an ASCII one other than by lower-casing (long S, dotless and dotted I)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from brinkwatch.extract import dates
from brinkwatch.extract.dates import (
    DateCues,
    find_date_mentions,
    folded_for_scan,
    load_cue_file,
    phrase_matches,
)
from test_attr_fixtures import shared_nlp

CUES = load_cue_file("attr_dates.yaml", DateCues)
PUB = dt.date(2024, 3, 5)


def _vague_spans(text: str) -> list[tuple[int, int]]:
    return [(d.start, d.end) for d in find_date_mentions(shared_nlp()(text), PUB, CUES) if d.parsed.vague]


@pytest.mark.parametrize("text", [
    "Officials in Quito said Some Time Ago that the border crossing would reopen.",
    "IN RECENT WEEKS the army has moved tanks toward the frontier, a spokesman said.",
    "“In recent months,” the minister said — speaking in Nairobi — “talks have stalled.”",
    "Rebels had seized the town in recent days, residents told reporters on Tuesday.",
])
def test_vague_phrases_found_in_any_case(text: str) -> None:
    phrase = next(v for v in CUES.vague if " " in v and v in text.lower())
    spans = _vague_spans(text)
    assert any(text[s:e].lower() == phrase for s, e in spans)


def test_a_phrase_spelled_with_the_kelvin_sign_is_still_found() -> None:
    text = "In recent wee\u212as the two navies have shadowed each other near the strait."
    assert re.search(r"\bin recent weeks\b", text, re.IGNORECASE)  # the regex matches it ...
    assert (0, len("In recent wee\u212as")) in _vague_spans(text)  # ... and so does the scan


def test_the_skip_gives_the_same_mentions_as_the_full_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Some time ago the ministers met in Lima; in recent years ties have cooled. At the time, no one spoke.",
             "Troops were deployed along the border on Monday, the ministry said."]
    skipped = [find_date_mentions(shared_nlp()(t), PUB, CUES) for t in texts]
    monkeypatch.setattr(dates, "_FOLDS_TO_ASCII", " ")  # every text holds a space: always the full scan
    full = [find_date_mentions(shared_nlp()(t), PUB, CUES) for t in texts]
    assert skipped == full and sum(len(m) for m in skipped) >= 4


@pytest.mark.parametrize(("text", "phrase"), [
    ("Talks had stalled in the pa\u017ft, the envoy said.", "in the past"),  # long S: the regex reads "s"
    ("\u0130n recent weeks the ships returned.", "in recent weeks"),  # dotted capital I
    ("The deal was signed long ago \u0131n Ankara; in recent days it frayed.", "in recent days"),
    ("Some Time Ago, and again SOME TIME AGO, the border closed.", "some time ago"),
    ("No phrase here at all.", "at some point"),
])
def test_phrase_matches_are_the_regex_matches(text: str, phrase: str) -> None:
    expected = [m.span() for m in re.finditer(rf"\b{re.escape(phrase)}\b", text, re.IGNORECASE)]
    assert [m.span() for m in phrase_matches(text, phrase, folded_for_scan(text))] == expected


def test_a_letter_folding_to_ascii_turns_the_skip_off() -> None:
    assert folded_for_scan("in the pa\u017ft") is None
    assert folded_for_scan("In the past, “quotes” — dashes") == "in the past, “quotes” — dashes"
