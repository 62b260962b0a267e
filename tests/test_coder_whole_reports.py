"""Constructions of whole reports that the coder lost (issue 11, the probe8 article probe).

Each construction has sentences written for brinkwatch in other words, countries and tenses than the probe's
articles, and near-misses beside them. Countries and roots are asserted (the sector of the doer too where the
construction is about who the doer is): the cases are about finding the event and its dyad.
"""

from __future__ import annotations

import pytest

from helpers import code_sentence


def _dyads(events, *, sector: bool = False) -> set[tuple]:
    """(source, target, root, modality); source and target are countries, or full codes when ``sector``."""
    def side(actor):
        if actor is None:
            return None
        return actor.code if sector else actor.code[:3]
    return {(side(ev.source), side(ev.target), ev.cameo.root, ev.modality) for ev in events}


CASES = [
    # an arrest told in the passive with no one named was made by the police of the place
    ("passive-arrest", "Four suspected members of the gang were arrested at a checkpoint near Tsafe in Zamfara state "
     "on Sunday.", {("NGACOP", "NGACRM", "17", "asserted")}),
    ("passive-arrest-2", "An opposition lawmaker was arrested at his home in Dhaka before dawn on Tuesday.",
     {("BGDCOP", "BGDLEG", "17", "asserted")}),
    ("passive-arrest-3", "Five students were detained outside the parliament building in Tbilisi on Monday night.",
     {("GEOCOP", "GEOEDU", "17", "asserted")}),
    # near-misses: the figurative sense, a release, a sentence (not the police's act)
    ("passive-arrest-figurative", "The decline in sales was arrested in the second quarter.", set()),
    ("passive-release", "The suspects were released on bail in Nairobi.", set()),
    ("passive-sentence", "He was sentenced to ten years in prison in Cairo.", set()),
    # an abduction told as a consequence participle is an event of its own, not the attack's outcome
    ("consequence-abduction", "Gunmen stormed a farming village in Zamfara state, Nigeria, killing 23 people and "
     "abducting dozens of women.", {("NGA", "NGA", "19", "asserted"), ("NGA", "NGA", "18", "asserted")}),
    ("consequence-abduction-2", "Gunmen raided a boarding school in Kebbi state, Nigeria, kidnapping 25 schoolgirls.",
     {("NGA", "NGA", "19", "asserted"), ("NGA", "NGA", "18", "asserted")}),
    ("consequence-abduction-3", "Al-Shabaab fighters attacked a bus near Mandera, Kenya, abducting six passengers.",
     {("SOM", "KEN", "18", "asserted")}),
    # near-misses: the outcome of the act is no act of its own, and arrests in a raid are one police action
    ("consequence-arrests", "Burundian soldiers raided a village in South Kivu, Congo, arresting 12 men.",
     {("BDI", "COD", "19", "asserted")}),
    ("consequence-arrests-2", "Israeli troops raided the Jenin camp, killing three Palestinians and arresting 12 "
     "others.", {("ISR", "PSE", "19", "asserted")}),
    ("consequence-outcome", "Russian forces shelled Kharkiv, killing four civilians.", {("RUS", "UKR", "19", "asserted")}),
    ("consequence-injuries", "Police fired tear gas at protesters in Nairobi, Kenya, injuring 12 people.",
     {("KEN", "KEN", "17", "asserted")}),
    # a warning whose clause tells what someone will suffer is a threat
    ("warning-consequence", "Togo's interior minister warned that protesters who block roads will face the full force "
     "of the law.", {("TGO", "TGO", "13", "threatened")}),
    ("warning-consequence-2", "The Mexican president warned that the cartels would face the consequences of their "
     "crimes.", {("MEX", "MEX", "13", "threatened")}),
    ("warning-consequence-3", "Uganda's police chief warned that opposition supporters who join the march would face "
     "prosecution.", {("UGA", "UGA", "13", "threatened")}),
    # near-misses: conditions, not a threat
    ("warning-conditions", "The UN warned that millions in Sudan would face hunger.", set()),
    ("warning-conditions-2", "Analysts warned that the Chinese economy would face deflation.", set()),
    # a clause coordinated with a dropped warning is not its content
    ("warning-then-said", "The US defence secretary warned that tensions were rising and said the United States held "
     "Iran responsible for the attacks.", {("USA", "IRN", "11", "asserted")}),
    ("warning-then-said-2", "Sudan's army chief warned that the war would be long and said the United Arab Emirates "
     "had armed the RSF.", {("ARE", "SDN", "07", "asserted")}),
    ("warning-then-said-3", "Pakistan's foreign minister warned that the region was on edge and said India had fired "
     "missiles at Muzaffarabad.", {("IND", "PAK", "19", "asserted")}),
    # near-miss: what the dropped warning says stays dropped
    ("warning-content", "The Red Cross warned that fighting could cut off the city of El Fasher.", set()),
    # blasting someone with water cannon is force, not criticism
    ("blast-water-cannon", "Two China Coast Guard vessels blasted the Philippine supply boat with water cannon on "
     "Wednesday.", {("CHN", "PHL", "17", "asserted")}),
    ("blast-water-cannon-2", "Riot police in Belgrade blasted Serbian student protesters with water cannon.",
     {("SRB", "SRB", "17", "asserted")}),
    ("blast-water-cannon-3", "Kenyan police blasted opposition supporters with water cannon outside parliament in "
     "Nairobi.", {("KEN", "KEN", "17", "asserted")}),
    # a live blog's "since the morning" is the day's news, not a running tally
    ("same-day-tally", "Police have arrested at least 47 people in central Nairobi since the morning.",
     {("KEN", "KEN", "17", "asserted")}),
    ("same-day-tally-2", "Security forces have detained more than 200 protesters in Tehran since dawn, state media "
     "said.", {("IRN", "IRN", "17", "asserted")}),
    ("same-day-tally-3", "Israeli troops have killed 12 Palestinians in Jenin since midnight, the health ministry said.",
     {("ISR", "PSE", "19", "asserted")}),
    # near-misses: a tally over months stays background
    ("long-tally", "Police have arrested more than 1,200 people in Nairobi since June.", set()),
    ("long-tally-2", "The Houthis have attacked more than 100 ships since November 2023.", set()),
    # a ", where" clause with a doer of its own tells what happened at the place: news of its own
    ("where-clause", "Rebels attacked a market in Beni, eastern Congo, where soldiers killed four of the attackers.",
     {("COG", "COG", "18", "asserted"), ("COG", "COG", "19", "asserted")}),
    ("where-clause-2", "The UN envoy travelled to Goma, where he met M23 leaders on Friday.",
     {("IGO", "COD", "04", "asserted")}),
    ("where-clause-3", "Protesters rallied outside parliament in Tbilisi, where police detained 20 people.",
     {("GEO", "GEO", "14", "asserted"), ("GEO", "GEO", "17", "asserted")}),
    # near-miss: a past perfect in the where-clause is the setting
    ("where-clause-setting", "Police fired tear gas at students in Kampala, Uganda, where opposition supporters had "
     "gathered since Monday.", {("UGA", "UGA", "17", "asserted")}),
    # a verb coordinated with an 'after' clause's act of a doer of its own is news of its own too
    ("after-clause-conjunct", "Authorities in Ethiopia's Amhara region imposed a curfew on Gondar on Monday after Fano "
     "militia fighters briefly entered the city and clashed with federal troops.",
     {("ETH", "ETH", "17", "asserted"), ("ETH", "ETH", "19", "asserted")}),
    ("after-clause-conjunct-2", "Kenyan police arrested 30 people after protesters marched on parliament and set "
     "fire to a police post.", {("KEN", "KEN", "17", "asserted"), ("KEN", "KEN", "14", "asserted")}),
    ("after-clause-conjunct-3", "Sudanese soldiers arrested 12 men in Kassala after gunmen ambushed a bus and "
     "kidnapped its driver.", {("SDN", "SDN", "17", "asserted"), ("SDN", "SDN", "18", "asserted")}),
    # near-miss: a pronoun doer is the main clause's actor, already coded
    ("after-clause-pronoun", "Police detained the men after they stormed the building and attacked guards.",
     {("---", "---", "17", "asserted")}),
    # near-miss: blasting someone in words
    ("blast-words", "Iran's foreign minister blasted the European Union on Monday.",
     {("IRN", "IGO", "11", "asserted")}),
]


@pytest.mark.parametrize("construction,text,expected", CASES, ids=[c[0] for c in CASES])
def test_whole_report_constructions(coder, construction: str, text: str, expected: set) -> None:
    events = code_sentence(coder, text, "2026-03-16")
    got = _dyads(events, sector=construction.startswith("passive-arrest"))
    assert got == expected, (construction, got)


# "X condemned the attack" paragraphs after the lead: the lead's attacker, not the last act of force told
TOLD = [
    ("Houthi rebels fired two missiles at a Greek tanker in the Red Sea on Monday. Hours later, US warplanes struck "
     "radar sites near Hodeidah in Yemen. Greece condemned the attack.", ("GRC", "YEM", "11")),
    ("Russian drones struck a hospital in Kharkiv on Tuesday. Ukrainian air defences shot down 12 of the drones. "
     "The European Union condemned the attack.", ("IGO", "RUS", "11")),
    ("Pakistani jets bombed hideouts in Afghanistan's Paktika province on Sunday. Afghan forces fired at Pakistani "
     "border posts in response. Qatar condemned the strikes.", ("QAT", "PAK", "11")),
    # near-miss: an act with its own doer is that doer's
    ("Russian drones struck a hospital in Kharkiv on Tuesday. Ukrainian artillery shelled Russian positions near "
     "Belgorod. The European Union condemned the Ukrainian shelling.", ("IGO", "UKR", "11")),
]


@pytest.mark.parametrize("text,expected", TOLD, ids=[f"told-{i}" for i in range(len(TOLD))])
def test_charge_on_the_told_act(coder, text: str, expected: tuple) -> None:
    charges = {(s, t, r) for s, t, r, _ in _dyads(code_sentence(coder, text, "2026-03-16")) if r == "11"}
    assert charges == {expected}, charges


# "urged both sides to ...": one event towards each party of the act the story has just told
SIDES = [
    ("Colombia's government suspended peace talks with the ELN on Thursday. Venezuela and Cuba urged both sides to "
     "preserve the ceasefire.", {("VEN", "COLGOV"), ("VEN", "COLREB"), ("CUB", "COLGOV"), ("CUB", "COLREB")}),
    ("Armenian and Azerbaijani troops exchanged fire on the border on Monday. The European Union called on both "
     "sides to show restraint.", {("IGOEUREEC", "ARMMIL"), ("IGOEUREEC", "AZEMIL")}),
    ("Sudan's army and the RSF clashed in El Obeid. The African Union urged the warring parties to return to talks "
     "in Jeddah.", {("IGOAFRAFU", "SDNMIL"), ("IGOAFRAFU", "SDNREB")}),
    # near-miss: the one who urges is no side of the quarrel it is drawn into
    ("Somalia accused Kenya of arming clan militias. Kenya urged both sides to return to talks.", {("KEN", "SOM")}),
]


@pytest.mark.parametrize("text,expected", SIDES, ids=[f"sides-{i}" for i in range(len(SIDES))])
def test_both_sides_are_the_parties_told(coder, text: str, expected: set) -> None:
    events = code_sentence(coder, text, "2026-03-16")
    appeals = {(ev.source.code, ev.target.code if ev.target else None) for ev in events if ev.cameo.root == "02"}
    assert appeals == expected, appeals


def test_both_parties_as_doers_are_no_target(coder) -> None:
    """Near-miss: "both parties" as the subject names no one an act is aimed at."""
    events = code_sentence(coder, "Armenian and Azerbaijani troops exchanged fire on Monday. The European Union said "
                                  "both parties had agreed to a ceasefire.", "2026-03-16")
    assert not [ev for ev in events if ev.source is not None and ev.source.code == "IGOEUREEC"], events


# calling an act a crime is criticism, and the act named is not coded again from the speaker's words
CALLED = [
    ("Machado called the arrest a kidnapping.", "VEN"),
    ("Mexico called the killing of its consul a murder.", "MEX"),
    ("Kenya's opposition branded the abductions of activists a campaign of intimidation.", "KEN"),
]


@pytest.mark.parametrize("text,source", CALLED, ids=[f"called-{i}" for i in range(len(CALLED))])
def test_calling_an_act_a_crime_is_criticism(coder, text: str, source: str) -> None:
    roots = {(ev.source.code[:3], ev.cameo.root) for ev in code_sentence(coder, text, "2026-03-16")}
    assert roots == {(source, "11")}, roots


def test_calling_a_meeting_a_success_is_no_criticism(coder) -> None:
    """Near-miss: a word of praise in the same frame."""
    roots = {ev.cameo.root for ev in code_sentence(coder, "Ghana's president called the summit a success.",
                                                   "2026-03-16")}
    assert "11" not in roots, roots
