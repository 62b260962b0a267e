"""Actors as other writers name them (issue 11, the actors3 probe): the names, acronyms and spellings of state
bodies and armed groups added to actors/data/organizations.yaml, guards and schoolgirls in sectors.yaml, an
armed group's forces coded as the group, and a country name that opens a person's name ("Chad Wolf"). Sentences written for these tests (not taken from the
probe), each with near-misses the additions must not change."""

from __future__ import annotations

import datetime as dt

import pytest

WHEN = dt.date(2025, 3, 14)


def _first(coder, text: str, when: dt.date = WHEN):
    events = coder.code_text(text, pub_date=when).events
    assert events, text
    event = events[0]
    return (event.source.code if event.source else None, event.target.code if event.target else None)


# ---------------------------------------------------------------- names other writers use
@pytest.mark.parametrize("text, source, target", [
    # Islamic State provinces and their acronyms: the transnational group
    ("ISKP militants attacked a Sufi shrine in Nangarhar.", "IMGMUSISIREB", "AFG"),
    ("Islamic State Khorasan Province attacked a Taliban checkpoint in Kabul.", "IMGMUSISI", "AFGGOVTAL"),
    ("Fighters of the Islamic State in the Greater Sahara attacked a Nigerien army patrol near Menaka.",
     "IMGMUSISIREB", "NER"),
    # other spellings and names of known groups
    ("Ansarullah accused Saudi Arabia of blocking fuel shipments.", "YEMREB", "SAU"),
    ("Tehreek-e-Taliban Pakistan fighters attacked a police post in Bannu.", "PAKREB", "PAKCOP"),
    ("FARDC soldiers attacked CODECO positions in Ituri.", "CODMIL", "CODUAF"),
    # state bodies known by their own names
    ("Nigeria's DSS detained an activist in Lagos.", "NGASPY", "NGAOPP"),
    ("Sudan's Sovereignty Council criticized Kenya for hosting RSF leaders.", "SDNGOV", "KEN"),
    ("Carabineros detained students in Santiago.", "CHLCOP", "CHLEDU"),
    ("The AU Peace and Security Council criticized the junta in Conakry.", "IGOAFRAFU", "GINGOV"),
])
def test_names_other_writers_use(coder, text: str, source: str, target: str) -> None:
    assert _first(coder, text) == (source, target)


@pytest.mark.parametrize("text, source, target", [
    ("The US State Department criticized Nigeria over the arrests.", "USAGOV", "NGA"),  # not the DSS
    ("The UN Security Council criticized Mali's junta.", "IGOUNO", "MLIGOV"),  # not the AU's council
    ("Islamic State fighters attacked a Syrian army post.", "IMGMUSISIREB", "SYRMIL"),
    ("Iran's Supreme National Security Council criticized Israel.", "IRNGOV", "ISR"),
])
def test_near_misses_of_the_new_names(coder, text: str, source: str, target: str) -> None:
    assert _first(coder, text) == (source, target)


# ---------------------------------------------------------------- an armed group's forces are the group
@pytest.mark.parametrize("text, source, target", [
    # not YEMREB + MIL, a state's army: so the army the group fights is the country's ("army positions")
    ("Houthi forces shelled army positions near Marib.", "YEMREB", "YEMMIL"),
    ("RSF forces shelled army positions near El Obeid.", "SDNREB", "SDNMIL"),
    ("TNLA troops attacked army positions near Lashio.", "MMRREB", "MMRMIL"),
    ("Fano forces attacked a police station in Gondar.", "ETHREB", "ETHCOP"),
    # near-misses: an armed group's fighters, an alliance's forces and an armed group's police keep their sector
    ("Islamic State fighters attacked a Kurdish checkpoint near Hasakah.", "IMGMUSISIREB", "SYR"),
    ("NATO forces attacked Taliban positions in Helmand.", "IGOWSTNATMIL", "AFGGOVTAL"),
    ("Hamas police detained protesters in Gaza.", "PSEREBHMSCOP", "PSEOPP"),
])
def test_an_armed_groups_forces_are_the_group(coder, text: str, source: str, target: str) -> None:
    assert _first(coder, text) == (source, target)


@pytest.mark.parametrize("story, attacker", [
    # a named group coded UAF (al-Shabaab, Kataib Hezbollah, Wagner) is still the attacker a repelling answers
    ("Al-Shabaab forces attacked an army base near Afgoye on Monday. Soldiers repulsed the assault after two "
     "hours of fighting.", "SOMUAF"),
    ("Kataib Hezbollah forces attacked a US base near Erbil on Sunday. American troops repelled the attack.",
     "IRQUAF"),
    ("Wagner forces attacked a Ukrainian position near Bakhmut. Ukrainian soldiers repelled the assault.",
     "RUSUAF"),
])
def test_a_named_armed_group_is_the_attacker_repelled(coder, story: str, attacker: str) -> None:
    events = coder.code_text(story, pub_date=WHEN).events
    assert [(e.sentence_index, e.source.code) for e in events if e.sentence_index == 0] == [(0, attacker)]
    assert [e.target.code for e in events if e.sentence_index == 1] == [attacker]


# ---------------------------------------------------------------- guards and schoolgirls (sectors.yaml)
@pytest.mark.parametrize("text, source, target", [
    ("Security guards detained a journalist outside the parliament in Kampala.", "UGACOP", "UGAMED"),
    ("Prison guards attacked inmates in Tegucigalpa.", "HNDCOP", "HNDCRM"),
    ("Gunmen abducted schoolgirls in Nigeria's Zamfara state.", "NGAUAF", "NGAEDU"),
    # near-misses: guards that are armies keep their own sector
    ("Iran's Revolutionary Guards attacked Kurdish positions in Iraq.", "IRNMIL", "IRQ"),
    ("Syria's Republican Guard attacked rebel positions near Damascus.", "SYRMIL", "SYRREB"),
])
def test_guards_and_schoolgirls(coder, text: str, source: str, target: str) -> None:
    assert _first(coder, text) == (source, target)


# ---------------------------------------------------------------- a country name that opens a person's name
def test_a_person_named_like_a_country_is_no_country(coder) -> None:
    assert _first(coder, "Chad Wolf accused protesters of attacking federal officers in Portland.",
                  dt.date(2020, 7, 20)) == ("USAGOV", "USAOPP")
    assert _first(coder, "Chad Wolf criticized the mayor of Portland over the protests.",
                  dt.date(2020, 6, 1))[0] == "USAGOV"
    for text in ("Jordan Peterson accused the Canadian government of censorship.",
                 "Chad Mendes accused the Nigerian army of abuses."):
        events = coder.code_text(text, pub_date=WHEN).events
        assert not any(e.source and e.source.country in ("JOR", "TCD") for e in events), text


@pytest.mark.parametrize("text, source, target", [
    ("Chad President Mahamat Deby met Sudanese officials in N'Djamena.", "TCDGOV", "SDNGOV"),  # a title
    ("Jordan King Abdullah met Egyptian officials in Amman.", "JORGOV", "EGYGOV"),
    ("Chad accused Sudan of arming rebels.", "TCD", "SDN"),  # two countries, no person
])
def test_countries_before_titles_and_names_stay_countries(coder, text: str, source: str, target: str) -> None:
    assert _first(coder, text) == (source, target)
