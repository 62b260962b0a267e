"""Quotes and attribution: direct quotes (straight, curly, multi-sentence, run-on paragraphs), reported
speech, "according to", anonymous sources, pronoun speakers and the actor resolver callback."""

from __future__ import annotations

import datetime as dt

from brinkwatch.model import Actor, Article
from test_attr_fixtures import shared_extractor, shared_nlp


def attribution(text: str, trigger: str, resolver=None):
    nlp, extractor = shared_nlp(), shared_extractor()
    doc = nlp(text)
    ctx = extractor.prepare(doc, Article(doc_id="q", text=text, pub_date=dt.date(2020, 1, 10)), resolver)
    tok = next(t for t in doc if t.text == trigger)
    return extractor.for_event(ctx, tok.sent, tok).attribution, ctx


def test_direct_quote_after_speaker_verb() -> None:
    text = 'The general said: "Our forces destroyed the convoy near the border."'
    att, _ = attribution(text, "destroyed")
    assert att.direct and att.speaker_text == "The general" and att.verb == "say"
    assert text[att.quote_start:att.quote_end] == "Our forces destroyed the convoy near the border."


def test_curly_multi_sentence_quote_with_inverted_speaker() -> None:
    text = "“We will retaliate. The attack will not go unanswered,” said Defense Minister Hulusi Akar."
    att, ctx = attribution(text, "retaliate")
    assert att.direct and att.speaker_text == "Defense Minister Hulusi Akar"
    assert len(ctx.quotes) == 1 and ctx.quotes[0].text.startswith("We will retaliate.")


def test_quote_continuing_into_next_paragraph_keeps_its_speaker() -> None:
    text = ('"The strikes will continue until the threat ends," Prime Minister Naftali Bennett said.\n'
            '"We have hit their launchers and we will hit their commanders."')
    att, _ = attribution(text, "launchers")
    assert att.direct and att.speaker_text == "Prime Minister Naftali Bennett"


def test_open_quote_takes_the_speaker_of_its_continuation() -> None:
    text = ('The minister spoke for an hour.\n"Our patience with the militias has run out and the army is ready.\n'
            '"We will not stop until they disarm," Interior Minister Ali Hassan said.')
    att, ctx = attribution(text, "run")
    assert [q.speaker.text for q in ctx.quotes] == ["Interior Minister Ali Hassan"] * 2
    assert att.direct and att.speaker_text == "Interior Minister Ali Hassan"


def test_british_single_quotes_and_apostrophes() -> None:
    text = "‘We won’t accept the soldiers’ deaths in silence,’ said Defence Secretary John Healey."
    att, ctx = attribution(text, "accept")
    assert len(ctx.quotes) == 1 and ctx.quotes[0].text == "We won’t accept the soldiers’ deaths in silence,"
    assert att.speaker_text == "Defence Secretary John Healey"


def test_pronoun_speaker_takes_the_named_person() -> None:
    text = 'Foreign Minister Sergei Lavrov met his Turkish counterpart. "Our troops will stay in Syria," he said.'
    att, _ = attribution(text, "stay")
    assert att.speaker_text == "Foreign Minister Sergei Lavrov"


def test_reported_speech_forms() -> None:
    assert attribution("The rebels shelled the city overnight, the army said.", "shelled")[0].speaker_text == "the army"
    assert attribution("The army said that the rebels shelled the city.", "shelled")[0].speaker_text == "The army"
    att, _ = attribution("Police told reporters the gunmen had fled across the border.", "fled")
    assert (att.speaker_text, att.verb) == ("Police", "tell")
    att, _ = attribution("The rebels shelled the city, according to the Syrian Observatory.", "shelled")
    assert (att.speaker_text, att.verb) == ("the Syrian Observatory", "according to")
    assert attribution("The rebels shelled the city on Monday.", "shelled")[0] is None


def test_anonymous_sources() -> None:
    cases = [
        ("An anonymous senior military official said the jets struck the base.", "struck"),
        ("Officials, who spoke on condition of anonymity, said the jets struck the base.", "struck"),
        ("A senior official, who declined to be named, said the jets struck the base.", "struck"),
        ("The jets struck the base, according to a source close to the government.", "struck"),
    ]
    for text, trigger in cases:
        att, _ = attribution(text, trigger)
        assert att is not None and att.anonymous, text
    named, _ = attribution("Defence Minister Ben Wallace said the jets struck the base.", "struck")
    assert not named.anonymous


def test_speaker_is_resolved_through_the_callback() -> None:
    def resolver(token):
        return Actor(code="TURGOV", country="TUR", sector="GOV", text=token.text) if token.text == "Erdogan" else None

    att, _ = attribution("President Recep Tayyip Erdogan said Turkish jets hit PKK targets.", "hit", resolver)
    assert att.speaker is not None and att.speaker.code == "TURGOV"
    assert att.speaker_text == "President Recep Tayyip Erdogan"
    unresolved, _ = attribution("A farmer said Turkish jets hit PKK targets.", "hit", resolver)
    assert unresolved.speaker is None and unresolved.speaker_text == "A farmer"


def test_scare_quotes_are_not_speech() -> None:
    _, ctx = attribution('The so-called "peacekeepers" entered the town.', "entered")
    assert ctx.quotes == ()
