"""The first pass (``nlp.prefilter``, ``Settings(prefilter=True)``): only sentences with a trigger word are parsed.

Both paths run over the own article probes and the bundled examples: the events must agree up to a small,
stated number of differences, every offset must stay the original text's, and what a skipped sentence holds as
context (a date, a place, a name that "the group" refers back to) must still reach the events after it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brinkwatch.config import Settings
from brinkwatch.model import Article
from brinkwatch.nlp.prefilter import CONTEXT_LABELS

ROOT = Path(__file__).resolve().parents[1]
PROBES = sorted((ROOT / "tests" / "data" / "articles").rglob("*.txt"))
EXAMPLES = sorted((ROOT / "examples" / "articles").glob("*.txt")) + sorted((ROOT / "examples" / "wire").glob("*.txt"))
# Measured when the first pass was written (parser-only, trigger word needed): over the 31 probe articles and
# the bundled examples, 5 of ~550 events differ each way (actors whose country or coreference came from noun
# phrases of unparsed sentences: "rebels" of a story read as ---REB by one path and RWAREB by the other).
MAX_DIFFERENT_SHARE = 0.02


def _articles(paths: list[Path]) -> list[Article]:
    return [Article(doc_id=p.stem, text=p.read_text(encoding="utf-8")) for p in paths]


@pytest.fixture(scope="module")
def prefiltered(coder):
    from brinkwatch.extract import Coder

    return Coder(Settings(prefilter=True), nlp=coder.nlp)


def _key(event) -> tuple:
    return (event.doc_id, event.evidence.trigger_start, event.source.code if event.source else None,
            event.target.code if event.target else None, event.cameo.code)


@pytest.fixture(scope="module")
def both_paths(coder, prefiltered):
    articles = _articles(PROBES + EXAMPLES)
    prefiltered.first_pass.sentences = prefiltered.first_pass.parsed = 0
    return articles, list(coder.code_articles(articles)), list(prefiltered.code_articles(articles))


def test_the_first_pass_is_a_setting(monkeypatch, coder) -> None:
    assert Settings().prefilter is False and coder.first_pass is None
    assert Settings(prefilter=True).prefilter is True
    monkeypatch.setenv("BRINKWATCH_PREFILTER", "1")
    assert Settings().prefilter is True
    monkeypatch.setenv("BRINKWATCH_PREFILTER", "0")
    assert Settings().prefilter is False


def test_first_pass_leaves_sentences_unparsed(both_paths, prefiltered) -> None:
    from brinkwatch.nlp.prefilter import share_parsed

    share = share_parsed(prefiltered.first_pass)
    assert 0.5 < share < 0.95, share  # it skips something, and not the news


def test_events_agree_on_own_probes(both_paths) -> None:
    _, full, first = both_paths
    full_events = {_key(e) for d in full for e in d.events}
    first_events = {_key(e) for d in first for e in d.events}
    assert len(full_events) > 400
    lost, gained = full_events - first_events, first_events - full_events
    assert len(lost) <= MAX_DIFFERENT_SHARE * len(full_events), sorted(lost, key=str)
    assert len(gained) <= MAX_DIFFERENT_SHARE * len(full_events), sorted(gained, key=str)


def test_offsets_are_the_original_texts(both_paths) -> None:
    articles, full, first = both_paths
    for article, coded, plain in zip(articles, first, full, strict=True):
        for sentence in coded.sentences:
            assert article.text[sentence.start:sentence.end] == sentence.text
        for event in coded.events:
            assert article.text[event.evidence.start:event.evidence.end] == event.evidence.text
            assert event.evidence.start <= event.evidence.trigger_start < event.evidence.trigger_end
        # the rule splitter and the parser start sentences in (almost) the same places (the parser splits
        # "JUBA" off "JUBA, Jan 15 - ..." where the splitter does not)
        starts, plain_starts = {s.start for s in coded.sentences}, {s.start for s in plain.sentences}
        assert len(starts ^ plain_starts) <= 0.1 * len(plain_starts) + 1, article.doc_id


def test_parsed_sentences_read_as_in_a_full_parse(coder, prefiltered) -> None:
    """A run of candidate sentences parsed alone keeps the full parse's features (the document's embedding rows)
    and the attribute ruler and lemmatizer run after the parse, as in the pipeline: tags, parts of speech, labels,
    heads, lemmas and entities agree but for a few tokens at a run's edge (5 of ~2,000 when written)."""
    same = total = 0
    for path in PROBES[:12]:
        text = path.read_text(encoding="utf-8")
        full, first = coder.nlp(text), prefiltered.first_pass(text)
        assert [t.idx for t in full] == [t.idx for t in first]
        for a, b in zip(full, first, strict=True):
            if any(t.dep_ for t in b.sent):
                total += 1
                same += (a.tag_, a.pos_, a.dep_, a.head.i, a.lemma_, a.ent_type_, str(a.morph)) == \
                        (b.tag_, b.pos_, b.dep_, b.head.i, b.lemma_, b.ent_type_, str(b.morph))
    assert total > 1500 and same >= 0.99 * total, (same, total)


def test_document_with_nothing_to_parse_still_codes(coder) -> None:
    from brinkwatch.extract import Coder
    from brinkwatch.nlp.prefilter import FirstPass

    text = "Iraqi police arrested two Turkish smugglers in Mosul on Monday night."
    nothing = Coder(Settings(), nlp=coder.nlp)
    nothing.first_pass = FirstPass(coder.nlp, lambda _: False, context_labels=())
    assert not any(t.dep_ for t in nothing.first_pass(text))
    coded = nothing.code_text(text, pub_date=dt.date(2025, 3, 4))
    assert coded.events == ()  # nothing parsed, nothing coded, and no error
    # a knowledge-base name is still a mention without a parse ("Iraqi police" is a noun phrase: it needs one)
    assert [m.actor.code for m in coded.mentions] == ["IRQ"]
    assert [s.text for s in coded.sentences] == [text]


# What a sentence the first pass skips still gives the sentence after it. The first sentence of each text is
# left unparsed on purpose (a first pass that parses only sentences naming police, soldiers or "the group"), so
# these hold whatever the trigger list says; each expected value is what the full parse gives too.
CONTEXT = [
    ("On Thursday 14 March, a cold wind blew off the hills. Hours later Iraqi police arrested two Turkish "
     "smugglers near the bridge.", "date", "2025-03-14"),
    ("On 2 April, the river was low and the roads were dry. Kenyan police detained three Somali traders at a "
     "checkpoint.", "date", "2025-04-02"),
    ("On 6 May, heavy rain fell across the south. Sudanese soldiers shelled rebel positions outside the town, "
     "the army said.", "date", "2025-05-06"),
    ("Late that night in Mosul, a cold wind blew off the hills. Iraqi police arrested two Turkish smugglers "
     "near the old bridge.", "place", "Mosul"),
    pytest.param("In Garissa, the rain went on all night. Kenyan police detained three Somali traders at a "
                 "checkpoint outside the town.", "place", "Garissa",
                 marks=pytest.mark.xfail(strict=True, reason="known loss: the entity recogniser does not tag "
                                         "Garissa, so its sentence is not parsed and 'in Garissa' is no location")),
    ("Boko Haram took its name from a phrase meaning that Western schooling is forbidden. The group attacked a "
     "Nigerian army base near Maiduguri, officials said.", "source", "NGAREB"),
    pytest.param("Al-Shabaab draws many of its fighters from the farms of the Juba valley. The group attacked a "
                 "Kenyan army post near Mandera.", "source", "SOMREB",
                 marks=pytest.mark.xfail(strict=True, reason="known loss: 'the group' finds the unparsed "
                                         "Al-Shabaab (tagged PERSON) no antecedent and reads SOMUAF")),
    ("The Arakan Army draws many of its fighters from the hill villages of the west. The group ambushed a "
     "Myanmar army convoy near Sittwe.", "source", "MMRREB"),
]


def _attribute(event, name: str) -> str | None:
    if name == "date":
        return str(event.date)
    if name == "place":
        return event.place.name if event.place else None
    return event.source.code if event.source else None


@pytest.fixture(scope="module")
def skipping_coder(coder):
    from brinkwatch.extract import Coder
    from brinkwatch.nlp.prefilter import FirstPass

    skipping = Coder(Settings(), nlp=coder.nlp)
    skipping.first_pass = FirstPass(coder.nlp, lambda text: any(w in text for w in ("police", "soldiers", "group")))
    return skipping


@pytest.mark.parametrize(("text", "attribute", "expected"), CONTEXT)
def test_context_of_a_skipped_sentence_reaches_the_event(coder, skipping_coder, text, attribute, expected) -> None:
    doc = skipping_coder.first_pass(text)
    first, second = list(doc.sents)[:2]
    # a date or a name is read without the parse; a place is where only in a location phrase, so a sentence
    # where the entity recogniser finds one is parsed for its context (``prefilter.CONTEXT_LABELS``)
    assert any(t.dep_ for t in first) == any(e.label_ in CONTEXT_LABELS for e in first.ents)
    assert any(t.dep_ for t in second)
    when = dt.date(2025, 5, 8)
    [full] = coder.code_text(text, pub_date=when).events
    [event] = skipping_coder.code_text(text, pub_date=when).events
    assert _attribute(full, attribute) == expected
    assert _attribute(event, attribute) == expected
    assert _key(event) == _key(full)
