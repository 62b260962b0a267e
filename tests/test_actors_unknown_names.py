"""Actors named in the text that the dictionaries do not know (issue 11, the probe9 round): an all-capital
acronym the article never spells out ("The FLNKS appealed for calm") is an organisation of the dateline's
country, with the sector of the type noun before it ("opposition party PAIGC"); relatives and other bereaved are
civilians; EU agencies (Frontex, Europol) are the EU. Sentences written for these tests (not taken from the
probes), in other words and countries, each with near-misses that must not change."""

from __future__ import annotations

import datetime as dt

import pytest

WHEN = dt.date(2026, 6, 9)


def _first(coder, text: str, when: dt.date = WHEN):
    events = coder.code_text(text, pub_date=when).events
    assert events, text
    event = events[0]
    return (event.source.code if event.source else None, event.target.code if event.target else None)


# ---------------------------------------------------------------- unknown acronyms
@pytest.mark.parametrize("text, source", [
    # no type word: the dateline's one country
    ("KINSHASA, June 9 - The UDPS accused the army of killing protesters.", "COD"),
    ("LAGOS, June 9 - The PDP accused the electoral commission of rigging the vote.", "NGA"),
    ("ABIDJAN, June 9 - The PPACI criticized the decision to bar its candidate.", "CIV"),
    # a country word in the phrase wins over the dateline: a foreign party named in a home story stays foreign
    ("LONDON, June 9 - Kenya's ODM criticized the British government.", "KEN"),
])
def test_unknown_acronym_takes_the_home_country(coder, text: str, source: str) -> None:
    assert _first(coder, text)[0][:3] == source


@pytest.mark.parametrize("text, source", [
    # the type noun before the acronym gives the sector; the country comes from the story
    ("CONAKRY, June 9 - Opposition party UFDG denied any role in the unrest.", "GINOPP"),
    ("The opposition party KANU accused the government of fraud.", "---OPP"),
])
def test_type_noun_before_an_acronym_gives_its_sector(coder, text: str, source: str) -> None:
    assert _first(coder, text)[0] == source


@pytest.mark.parametrize("text", [
    # no dateline, no country word, no type word: two countries are as likely as one, so no guess
    "The UDPS accused the army of killing protesters.",
])
def test_unknown_acronym_without_clues_is_not_guessed(coder, text: str) -> None:
    events = coder.code_text(text, pub_date=WHEN).events
    assert all(e.source is None or e.source.country not in ("COD",) for e in events)


@pytest.mark.parametrize("text, source", [
    # near-misses: acronyms the dictionaries know keep their own codes, whatever the dateline
    ("NAIROBI, June 9 - NATO criticized Russia over the drills.", "IGOWSTNAT"),
    ("BOGOTA, June 9 - The ICC criticized Colombia over the amnesty.", "IGOJUDICC"),
    # an acronym the article spelled out resolves through its expansion
    ("MOSCOW, June 9 - The Organization for Security and Co-operation in Europe (OSCE) sent observers. "
     "Later the OSCE criticized Russia over the vote.", "IGOEURSCE"),
])
def test_known_acronyms_are_not_home_organisations(coder, text: str, source: str) -> None:
    events = coder.code_text(text, pub_date=WHEN).events
    assert any(e.source is not None and e.source.code == source for e in events), text


# ---------------------------------------------------------------- relatives and the bereaved
@pytest.mark.parametrize("text, source, target", [
    ("ATHENS, June 9 - Relatives of the victims accused the coast guard of a cover-up.", "GRCCVL", "GRCCOP"),
    ("MANILA, June 9 - Relatives of the missing fishermen criticized the navy.", "PHLCVL", "PHLMIL"),
    ("Mourners in Kano accused Nigerian police of shooting at the funeral.", "NGACVL", "NGACOP"),
    # street vendors and hawkers are civilians too (Phoenix codes shopkeepers CVL)
    ("LAGOS, June 9 - Hawkers accused the police of seizing their goods.", "NGACVL", "NGACOP"),
    ("LIMA, June 9 - Market vendors criticized the mayor over the eviction order.", "PERCVL", "PERGOV"),
    ("QUITO, June 9 - Street vendors blocked the road to protest the eviction.", "ECUCVL", "ECUGOV"),
])
def test_relatives_and_vendors_are_civilians(coder, text: str, source: str, target: str) -> None:
    assert _first(coder, text) == (source, target)


# ---------------------------------------------------------------- EU agencies
@pytest.mark.parametrize("text, source, target", [
    ("Frontex criticized Greece over the expulsions at the border.", "IGOEUREEC", "GRC"),
    ("A Frontex spokesman accused Bulgaria of ignoring its reports.", "IGOEUREEC", "BGR"),
    ("Europol accused Albania of failing to share intelligence.", "IGOEUREECCOP", "ALB"),
])
def test_eu_agencies_are_the_eu(coder, text: str, source: str, target: str) -> None:
    assert _first(coder, text) == (source, target)


# ---------------------------------------------------------------- sector-only doers in a datelined story
@pytest.mark.parametrize("text, source, target", [
    # a crowd with no country and no target: the dateline's country, and a protest is aimed at its government
    ("KATHMANDU, June 9 - Hundreds of villagers rallied outside the district office.", "NPLCVL", "NPLGOV"),
    ("QUITO, June 9 - Thousands of farmers marched through the capital on Tuesday.", "ECUAGR", "ECUGOV"),
    ("DAKAR, June 9 - Students demonstrated outside the university for a third day.", "SENEDU", "SENGOV"),
])
def test_crowds_in_a_datelined_story_are_home_protesters(coder, text: str, source: str, target: str) -> None:
    assert _first(coder, text) == (source, target)


@pytest.mark.parametrize("text", [
    # near-misses: no dateline, so no country to give; police blocking a road are no protesters; a demand
    # addressed to no one stays uncounted
    "Hundreds of villagers rallied outside the district office.",
    "QUITO, June 9 - Police blocked the main road into the capital.",
    "NAIROBI, June 9 - Lawmakers demanded an explanation.",
])
def test_no_home_protest_without_a_dateline_or_from_state_bodies(coder, text: str) -> None:
    events = coder.code_text(text, pub_date=WHEN).events
    assert not any(e.source is not None and e.source.code[3:] in ("CVL", "COP", "LEG") and e.target is not None
                   and e.target.code.endswith("GOV") for e in events), [(e.source, e.target) for e in events]


# ---------------------------------------------------------------- a bare surname after a titled first mention
@pytest.mark.parametrize("text, source, target", [
    ("LIMA, July 3 - Congress voted to remove President Ana Quispe. Quispe accused lawmakers of treason.",
     "PERGOV", "PERLEG"),
    ("DODOMA, June 9 - Opposition leader Juma Mwita was arrested on Monday. Mwita accused the government of "
     "persecution.", "TZAOPP", "TZAGOV"),
    ("ACCRA, June 9 - Interior Minister Kwame Boateng visited Lome. Boateng criticized Togo over the border "
     "closure.", "GHAGOV", "TGO"),
])
def test_surname_is_the_titled_person_named_before(coder, text: str, source: str, target: str) -> None:
    events = coder.code_text(text, pub_date=WHEN).events
    assert (events[-1].source.code, events[-1].target.code) == (source, target)


def test_surname_two_people_share_is_not_guessed(coder) -> None:
    text = ("MANILA, June 9 - President Maria Reyes met Senator Jose Reyes. Reyes criticized China over the "
            "shoal.")
    events = coder.code_text(text, pub_date=WHEN).events
    assert not any(e.source is not None and e.source.text == "Reyes" for e in events)


# ---------------------------------------------------------------- "the party": the party named just before
@pytest.mark.parametrize("text, source, target", [
    ("CARACAS, June 9 - Opposition leader Maria Lopez said on Monday that the movement would fight on. "
     "The party accused the electoral council of fraud.", "VENOPP", "VEN"),
    ("KAMPALA, June 9 - Opposition leader Robert Kyagulanyi addressed supporters on Monday. The party accused "
     "the police of beating its members.", "UGAOPP", "UGACOP"),
    ("TBILISI, June 9 - Opposition leader Nika Melia spoke to reporters on Monday. The party accused the "
     "government of rigging the vote.", "GEOOPP", "GEOGOV"),
])
def test_the_party_is_the_party_named_before(coder, text: str, source: str, target: str) -> None:
    events = coder.code_text(text, pub_date=WHEN).events
    assert (events[-1].source.code, events[-1].target.code[:3]) == (source, target[:3])
    assert events[-1].source.resolution == "coref"


def test_the_party_with_no_party_before_is_no_coreference(coder) -> None:
    events = coder.code_text("The party accused the government of fraud.", pub_date=WHEN).events
    assert not any(e.source is not None and e.source.resolution == "coref" for e in events)


# ---------------------------------------------------------------- ombudsmen are state officers
@pytest.mark.parametrize("text, source, target", [
    ("BOGOTA, June 9 - Ombudsman Laura Rincon appealed to the rebels to free the hostages.", "COLGOV", "COLREB"),
    ("LIMA, June 9 - The ombudsman criticized the police over the deaths of protesters.", "PERGOV", "PERCOP"),
    ("Kenya's ombudsman accused the police of unlawful detentions.", "KENGOV", "KENCOP"),
    # near-miss: a UN high commissioner named as such is the UN body, not a state's officer
    ("The UN High Commissioner for Human Rights criticized Iran over the executions.", "IGOUNOHCH", "IRN"),
])
def test_ombudsman_is_a_state_officer(coder, text: str, source: str, target: str) -> None:
    assert _first(coder, text) == (source, target)
