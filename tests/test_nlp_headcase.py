"""Title-case and all-capitals headlines are parsed as the sentences they are (``nlp.headcase``).

The casing rules are tested alone with a stub name test; the coder tests give whole wire items whose headline
states the event in headline-ese, with bodies that say something else, so only the headline can code it.
All headlines are our own.
"""

from __future__ import annotations

import pytest

from brinkwatch.nlp.headcase import COMPONENT, HeadlineCase, is_title_case

NAMES = {"Chile", "Chilean", "Peru", "Mali", "NATO", "Red Sea", "Houthi"}


class _Lexicon(HeadlineCase):
    def __init__(self) -> None:  # no pipeline: a fixed lexicon and name test
        self.known_name = lambda text: text in NAMES
        self._lexicon = frozenset("fighter storm seize tanker border troop post army base fire".split())


@pytest.mark.parametrize(("words", "expected"), [
    ("Chile Recalls Envoy From Peru".split(), True),
    ("NATO WARNS OF RED SEA THREAT".split(), True),
    ("Chile recalls envoy from Peru".split(), False),  # sentence case: the parser reads it as it is
    ("Peru Votes".split(), False),  # too short to tell
    ("Mali: Army Says Base Attacked".split(), True),
])
def test_title_case_is_told_from_sentence_case(words: list[str], expected: bool) -> None:
    assert is_title_case(words) is expected


def test_names_keep_their_capitals_and_lexicon_words_lose_them() -> None:
    case = _Lexicon()
    words = "Houthi Fighters Seize Tanker In Red Sea".split()
    assert case.sentence_case(words, body="") == "Houthi fighters seize tanker in Red Sea".split()


def test_a_word_the_body_capitalises_is_a_name_even_if_unknown() -> None:
    case = _Lexicon()
    words = "Gunmen Storm Kidal Army Base".split()
    out = case.sentence_case(words, body="Residents of the town said Kidal was calm by evening.")
    assert out == "Gunmen storm Kidal army base".split()


def test_capitals_become_a_sentence_but_acronyms_stay() -> None:
    case = _Lexicon()
    assert case.sentence_case("NATO TROOPS FIRE ON MALI POST".split(), body="") == \
        "NATO troops fire on Mali post".split()


def test_an_unknown_word_not_in_the_lexicon_keeps_its_capital() -> None:
    case = _Lexicon()
    assert case.sentence_case("Chile Recalls Zorblat Envoy".split(), body="") == \
        "Chile Recalls Zorblat Envoy".split()  # "recalls" is not in this stub lexicon either


def _headline_events(coder, text: str) -> list[tuple[str, str, str | None]]:
    doc = coder.code_text(text)
    return [(e.cameo.code[:2], e.source.code if e.source else "", e.target.code if e.target else None)
            for e in doc.events if e.headline]


# Each body says something the headline does not, so a headline event can only come from the headline.
HEADLINES = [
    ("Germany Expels Russian Diplomat Over Spy Case\n\nBERLIN, March 2 - A spokesman confirmed the step.",
     ("16", "DEU", "RUS")),
    ("US Imposes Sanctions On Venezuelan Officials\n\nWASHINGTON, Aug 1 - The measures take effect at once.",
     ("16", "USA", "VEN")),
    ("Kenyan Police Arrest 40 Protesters In Nairobi\n\nNAIROBI, June 9 - Roads were closed for hours.",
     ("17", "KEN", "KEN")),
    ("Japan Protests Chinese Coast Guard Incursion\n\nTOKYO, Sept 9 - The ministry gave no details.",
     ("14", "JPN", "CHN")),
    ("INDIA ACCUSES PAKISTAN OF CEASEFIRE VIOLATION\n\nNEW DELHI, Oct 2 - The firing lasted an hour.",
     ("11", "IND", "PAK")),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINES, ids=[t.split("\n")[0][:30] for t, _ in HEADLINES])
def test_a_title_case_headline_is_coded(coder, text: str, expected: tuple[str, str, str]) -> None:
    root, source, target = expected
    found = {(r, s[:3], (t or "")[:3]) for r, s, t in _headline_events(coder, text)}
    assert (root, source, target) in found, found


def test_offsets_and_text_stay_the_articles_own(coder) -> None:
    text = "Germany Expels Russian Diplomat Over Spy Case\n\nBERLIN, March 2 - A spokesman confirmed the step."
    doc = coder.nlp(text)
    assert doc.text == text
    assert [t.text for t in doc][:3] == ["Germany", "Expels", "Russian"]
    assert doc[1].lemma_ == "expel" and doc[1].pos_ == "VERB"


@pytest.mark.parametrize("text", [
    "The Long Road To Peace In Colombia\n\nBOGOTA, Jan 9 - Many have tried.",
    "Markets Rally As Oil Prices Fall\n\nLONDON, Jan 9 - Shares rose.",
])
def test_feature_and_market_headlines_stay_eventless(coder, text: str) -> None:
    assert _headline_events(coder, text) == []


def test_a_sentence_case_headline_is_not_reparsed(coder) -> None:
    text = "Iran fires missiles at US bases in Iraq\n\nBAGHDAD, Jan 8 - No one was hurt."
    doc = coder.nlp(text)
    assert coder.nlp.get_pipe(COMPONENT)(doc) is doc  # the parser's own tree, untouched
    titled = coder.nlp(text.replace("fires missiles at US bases in", "Fires Missiles At US Bases In"))
    assert coder.nlp.get_pipe(COMPONENT)(titled) is not titled
