"""Actors of no country in stories about one country: the readings that give them their side.

Found with the draft trace (``brinkwatch evaluate --errors``: the ``no_trigger/dropped:source_unresolved``,
``source_no_country`` and ``doer_without_country`` misses on the tuning probes). Each rule: sentences of the
construction in other words and countries, and near-misses where it must not fire. Names and places are our own.
"""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2026, 3, 4)


def coded(coder, text: str) -> list[tuple[str | None, str | None, str]]:
    doc = coder.code_text(text, doc_id="t", pub_date=DAY)
    return sorted(((e.source.code if e.source else None, e.target.code if e.target else None, e.cameo.code[:2])
                   for e in doc.events), key=str)


# --- a bare surname of a person the article introduced by an office in apposition ---------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # office first, name in apposition
    ("ACCRA, May 2 - Ghana's finance minister, Kwame Boateng, presented a new budget on Tuesday. Boateng later "
     "accused the opposition of sabotaging the economy.", ("GHAGOV", "GHAOPP", "11")),
    ("Peru's interior minister, Rosa Quispe, visited the mining town on Monday. Quispe warned the miners that "
     "anyone blocking the highway would be arrested.", ("PERGOV", "PERLAB", "13")),
    ("The Chilean defence minister, Tomas Ugarte, toured the northern border on Friday. Ugarte accused Bolivia on "
     "Saturday of tolerating smuggling gangs.", ("CHLGOV", "BOL", "11")),
    # name first, office in apposition; the tagger reads the lone surname as an organisation
    ("Kwame Boateng, Ghana's finance minister, presented a new budget on Tuesday. Boateng later accused the "
     "opposition of sabotaging the economy.", ("GHAGOV", "GHAOPP", "11")),
    ("Ilse Marwitz, Austria's foreign minister, flew to Belgrade on Sunday. Marwitz criticised Serbia over the "
     "border closures.", ("AUTGOV", "SRB", "11")),
    # two office holders named in one sentence: each surname keeps its own
    ("Kenya's interior minister, Daniel Mutua, and the Ugandan trade minister, Grace Akello, met in Kampala on "
     "Monday. Mutua later accused Uganda of blocking Kenyan trucks.", ("KENGOV", "UGA", "11")),
])  # fmt: skip
def test_a_bare_surname_is_the_office_holder_introduced_before(coder, text, expected):
    assert expected in coded(coder, text)


@pytest.mark.parametrize(("text", "source"), [
    # two people of the same surname with different offices: the bare surname could be either
    ("Kenya's interior minister, Daniel Mutua, and the Ugandan trade minister, Grace Mutua, met in Kampala on "
     "Monday. Mutua later accused Tanzania of blocking the trucks.", "KENGOV"),
    ("Kenya's interior minister, Daniel Mutua, and the Ugandan trade minister, Grace Mutua, met in Kampala on "
     "Monday. Mutua later accused Tanzania of blocking the trucks.", "UGAGOV"),
    # a surname the article never introduced with an office
    ("Ghana's finance minister presented a new budget on Tuesday. Boateng later accused the opposition of "
     "sabotaging the economy.", "GHAGOV"),
])  # fmt: skip
def test_no_office_for_a_surname_not_introduced_or_shared(coder, text, source):
    assert not any(s == source and r == "11" for s, _, r in coded(coder, text))


# --- a gathering as the object of a coercive or violent act: the crowd gathered there --------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("QUITO, March 3 - Police dispersed the gathering with batons.", ("ECUCOP", "ECUCVL", "17")),
    ("YAOUNDE, May 3 - Gendarmes broke up the rally with water cannon on Monday.", ("CMRCOP", "CMRCVL", "17")),
    ("Thousands of Ecuadorian teachers marched in Quito on Monday. Police dispersed the demonstration with tear "
     "gas.", ("ECUCOP", "ECUCVL", "17")),
    ("HARARE, May 3 - Riot police fired tear gas at a vigil for the missing activist on Monday.",
     ("ZWECOP", "ZWECVL", "17")),
    ("KAMPALA, May 3 - Supporters of the ruling party attacked the demonstration.", ("UGAGOV", "UGACVL", "19")),
])  # fmt: skip
def test_a_gathering_hit_by_force_is_the_crowd_of_the_story(coder, text, expected):
    assert expected in coded(coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    # the gathering's own people or organiser are read first
    ("KAMPALA, May 3 - Police dispersed the opposition's rally with tear gas.", ("UGACOP", "UGAOPP", "17")),
    ("TBILISI, May 3 - Masked men attacked a procession of opposition supporters on Sunday.",
     ("GEOUAF", "GEOOPP", "18")),
    ("The army shelled a rebel gathering near Goma.", ("CODMIL", "CODREB", "19")),
])  # fmt: skip
def test_a_gathering_that_names_its_people_is_those_people(coder, text, expected):
    assert expected in coded(coder, text)


@pytest.mark.parametrize("text", [
    "Police dispersed the gathering with batons.",  # no country anywhere: nothing to count
    "YEREVAN, May 3 - Police guarded the rally outside parliament on Monday.",  # no force used
    "ALMATY, May 3 - Organisers cancelled the march after the storm.",
])  # fmt: skip
def test_no_crowd_from_a_gathering_without_force_or_country(coder, text):
    assert not any(t is not None and t.endswith("CVL") for _, t, _ in coded(coder, text))
