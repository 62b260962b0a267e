"""The arguments stage alone: a draft's slots -> actor pairs (extract.arguments.ArgumentResolver)."""

from __future__ import annotations

import datetime as dt

from brinkwatch.extract.arguments import ArgumentResolver, story_countries


def _drafts(coder, text: str, when: dt.date = dt.date(2024, 5, 14)):
    doc = coder.nlp(text)
    actors = coder.resolver.for_doc(doc, when)
    sent = next(iter(doc.sents))
    return actors, coder.sentence_coder.drafts(sent), list(doc.sents)


def test_symmetric_parties_come_from_the_between_phrase(coder) -> None:
    arguments = ArgumentResolver(coder.book, coder.kb, coder.gazetteer)
    actors, drafts, _ = _drafts(coder, "Fighting broke out between Armenian and Azerbaijani troops on Tuesday.")
    [draft] = [d for d in drafts if d.code.startswith("19")]
    pairs = {(s.code, t.code) for s, t in arguments.pairs(draft, actors)}
    assert pairs == {("ARMMIL", "AZEMIL"), ("AZEMIL", "ARMMIL")}


def test_a_state_is_not_its_own_target(coder) -> None:
    arguments = ArgumentResolver(coder.book, coder.kb, coder.gazetteer)
    actors, drafts, _ = _drafts(coder, "Pakistan's army chief warned India that any aggression would be met firmly.")
    targets = {t.code for d in drafts for _, t in arguments.pairs(d, actors) if t is not None}
    assert "IND" in targets and not any(code.startswith("PAK") for code in targets)


def test_story_countries_from_the_lead(coder) -> None:
    actors, _, sents = _drafts(coder, "Kenya's opposition called for protests. Police fired tear gas in the capital.")
    assert story_countries(actors.mentions, sents) == {"KEN"}
    actors, _, sents = _drafts(coder, "Armenia and Azerbaijan traded accusations. Police detained 14 protesters.")
    assert story_countries(actors.mentions, sents) == {"ARM", "AZE"}
