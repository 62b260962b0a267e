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


# --- an object pronoun never means the subject of its own clause or of the clause its purpose infinitive serves --
@pytest.mark.parametrize(("text", "expected"), [
    # "to disperse them": the infinitive's subject is the police; "them" are the people named before
    ("TEHRAN, May 3 - Hundreds of truck drivers blocked the ring road on Monday, and riot police fired tear gas to "
     "disperse them.", ("IRNCOP", "IRNLAB", "17")),
    ("LA PAZ, May 3 - Coca growers occupied the town square on Friday, and soldiers fired rubber bullets to "
     "disperse them.", ("BOLMIL", "BOLAGR", "17")),
    ("DHAKA, May 3 - Garment workers blocked the highway on Sunday, and police used batons to disperse them.",
     ("BGDCOP", "BGDLAB", "17")),
    # "13 of them": the partitive's clause is the arrest, whose subject is not whom it counts
    ("QUITO, Jan 10 - Masked gunmen stormed a television studio on Tuesday. Police arrested 13 of them.",
     ("ECUCOP", "ECUUAF", "17")),
    ("CARACAS, May 3 - Armed men looted two shops on Sunday before soldiers detained six of them.",
     ("VENMIL", "VENUAF", "17")),
    ("MANILA, May 3 - Suspected rebels ambushed an army truck. Troops later captured four of them.",
     ("PHLMIL", "PHLUAF", "19")),
])  # fmt: skip
def test_an_object_pronoun_is_not_the_subject_of_its_clause(coder, text, expected):
    assert expected in coded(coder, text)


def test_a_purpose_clause_stays_background_when_the_main_act_made_its_event(coder):
    # the main act has its target: the purpose clause adds no second event
    events = coded(coder, "NAIROBI, May 3 - Police fired tear gas at the protesters to disperse them.")
    assert [e for e in events if e[2] == "17"] == [("KENCOP", "KENOPP", "17")]


def test_a_reflexive_still_means_the_subject(coder):
    # "themselves" is the police: no act of the police on anyone else
    assert not any(t is not None and not t.endswith("COP") for _, t, _ in coded(
        coder, "NAIROBI, May 3 - Police fired in the air to protect themselves."))


# --- a document that urges or calls speaks for whoever passed or issued it ------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("ABUJA, March 3 - The Senate passed a motion urging the federal government to recruit more police officers.",
     ("NGALEG", "NGAGOV", "02")),
    ("LUSAKA, March 3 - Opposition lawmakers signed a petition urging the president to resign.",
     ("ZMBLEG", "ZMBGOV", "02")),
    ("TEGUCIGALPA, March 3 - The United States embassy issued a statement calling for calm.",
     ("USAGOV", "HND", "02")),
    ("The Peruvian foreign ministry released a statement condemning the attack on its consulate in La Paz.",
     ("PERGOV", "BOLGOV", "11")),
])  # fmt: skip
def test_a_document_that_urges_is_its_authors_act(coder, text, expected):
    assert expected in coded(coder, text)


@pytest.mark.parametrize("text", [
    # a document the subject only rejected or debated is not the subject's
    "NAIROBI, March 3 - The opposition rejected a motion urging the government to raise fuel taxes.",
    "NAIROBI, March 3 - Senators debated a motion urging the government to raise fuel taxes.",
])  # fmt: skip
def test_no_author_for_a_document_only_received(coder, text):
    assert not any(r == "02" for _, _, r in coded(coder, text))


# --- a main verb the parser hung on its subject after a relative clause -----------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Kenyan President William Ruto, who chairs the regional bloc this year, called on Rwanda to withdraw its "
     "troops.", ("KENGOV", "RWA", "02")),
    ("Brazilian President Luiz Inacio Lula da Silva, who leads the group this year, called on Venezuela to publish "
     "the vote tallies.", ("BRAGOV", "VEN", "02")),
    ("Bangkok and Phnom Penh traded artillery fire on Sunday. Malaysian Prime Minister Anwar Ibrahim, who chairs "
     "ASEAN this year, called on both countries to agree to an immediate ceasefire.", ("MYSGOV", "KHM", "02")),
])  # fmt: skip
def test_a_verb_parsed_as_a_modifier_of_its_subject_is_that_subjects_act(coder, text, expected):
    assert expected in coded(coder, text)


@pytest.mark.parametrize("text", [
    "The Egyptian diplomat, who was expelled by Sudan last week.",  # no main verb: the diplomat does nothing
    "Ghana's finance minister, who spoke in Accra on Monday, and his Nigerian counterpart.",
])  # fmt: skip
def test_no_act_for_a_subject_with_only_a_relative_clause(coder, text):
    assert not any(s is not None and s.endswith("GOV") and s[:3] in ("EGY", "GHA") for s, _, _ in coded(coder, text))


def test_a_gathering_of_no_country_yields_to_the_place_attacked(coder):
    # no country on either side: the place named in the act's phrase says where, as before
    assert ("---UAF", "NGA", "18") in coded(coder, "Gunmen attacked a funeral procession in Plateau state.")


# --- two sectors of no country fighting each other, in a story about one country --------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("BAMAKO, June 16 - Army soldiers and jihadist fighters clashed near the town on Monday.",
     {("MLIMIL", "MLIREB", "19"), ("MLIREB", "MLIMIL", "19")}),
    ("LAGOS, June 16 - Police officers and armed robbers exchanged fire in the market on Monday.",
     {("NGACOP", "NGACRM", "19"), ("NGACRM", "NGACOP", "19")}),
    ("KHARTOUM, June 16 - Army troops and paramilitary fighters clashed in the city on Monday.",
     {("SDNMIL", "SDNREB", "19"), ("SDNREB", "SDNMIL", "19")}),
    # a party the sentence gives a country keeps it
    ("BAMAKO, June 16 - Army soldiers and Burkinabe troops clashed near the border on Monday.",
     {("MLIMIL", "BFAMIL", "19"), ("BFAMIL", "MLIMIL", "19")}),
])  # fmt: skip
def test_two_sectors_that_fight_are_the_sides_of_the_storys_country(coder, text, expected):
    assert expected <= set(coded(coder, text))


@pytest.mark.parametrize("text", [
    "Army troops and paramilitary fighters clashed in the city on Monday.",  # no country anywhere
    "Rival gangs clashed in the port on Monday.",
])  # fmt: skip
def test_no_sides_for_a_fight_of_no_country(coder, text):
    assert coded(coder, text) == []
