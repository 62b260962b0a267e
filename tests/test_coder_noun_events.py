"""Events told as nouns in the main clause (issue 11, item 4): "fighting broke out in X", "clashes erupted
between A and B", "shoot-outs took place near X", "monitors recorded 99 explosions", "heavy shelling was
reported in X". With a between-phrase the parties are the actors; with none, unidentified forces of the place's
(or the story's) country did it and no target is guessed. Near-misses must stay eventless.

All sentences are written for brinkwatch (none from a gold set).
"""

from __future__ import annotations

import pytest

from helpers import code_sentence, triples

DATE = "2025-03-14"

TOLD = [
    # (sentence, expected {(source, target, cameo, modality)})
    # an occurrence verb and a place, no party named: the place's unidentified forces, no target
    ("Fighting broke out in Goma, Democratic Republic of Congo, on Tuesday.", {("CODUAF", None, "190", "asserted")}),
    ("Heavy fighting erupted near Kidal in northern Mali overnight.", {("MLIUAF", None, "190", "asserted")}),
    ("Fierce clashes broke out in the Nigerian city of Maiduguri on Sunday.", {("NGAUAF", None, "190", "asserted")}),
    ("Fighting continued in El Fasher, Sudan, for a third day.", {("SDNUAF", None, "190", "asserted")}),
    ("Shoot-outs took place near Culiacan, Mexico, overnight.", {("MEXUAF", None, "193", "asserted")}),
    ("A shootout occurred in Rosario, Argentina, late on Friday.", {("ARGUAF", None, "193", "asserted")}),
    # an observation verb reports the event; the observer is not its doer
    ("Monitors recorded 99 explosions in the Luhansk region of Ukraine.", {("UKRUAF", None, "190", "asserted")}),
    ("The observer mission registered 40 explosions near Horlivka, Ukraine, on Monday.",
     {("UKRUAF", None, "190", "asserted")}),
    ("Heavy shelling was reported in Donetsk, Ukraine, on Wednesday.", {("UKRUAF", None, "194", "asserted")}),
    ("Artillery shelling was reported overnight near Kharkiv, Ukraine.", {("UKRUAF", None, "194", "asserted")}),
    ("Loud explosions were heard in Mogadishu, Somalia, before dawn.", {("SOMUAF", None, "190", "asserted")}),
    ("Mortar explosions were recorded near Gao, Mali, on Sunday.", {("MLIUAF", None, "190", "asserted")}),
    # a between-phrase names the parties: each against the other
    ("Clashes broke out between Colombian soldiers and ELN guerrillas in Arauca.",
     {("COLMIL", "COLREB", "190", "asserted"), ("COLREB", "COLMIL", "190", "asserted")}),
    ("Heavy fighting between Russian and Ukrainian troops was reported near Bakhmut.",
     {("RUSMIL", "UKRMIL", "190", "asserted"), ("UKRMIL", "RUSMIL", "190", "asserted")}),
]

EVENTLESS = [
    "A row broke out over fishing quotas.",  # a quarrel, not fighting
    "Fighting broke out at the football match in Buenos Aires.",  # sport
    "Fighting broke out among fans after the derby in Istanbul.",
    "A fire broke out in the warehouse in Lagos.",  # an accident
    "An explosion occurred at a fireworks factory in Guangdong, China.",  # an explosion is violence only observed
    "A gas explosion was reported at a mine in Shanxi, China.",  # ... and not when a thing names it
    "The clash of ideas dominated the debate in Paris.",  # figurative
    "A clash of cultures took place in Berlin.",
    "Explosions of anger followed the verdict in Nairobi.",
    "Residents heard explosions of joy after the election in Harare.",
    "Fighting broke out.",  # no place, no story country: nothing to code it to
    "Talks took place in Doha on Sunday.",
]


@pytest.mark.parametrize("text,expected", TOLD, ids=[t for t, _ in TOLD])
def test_noun_event_told_in_main_clause(coder, text, expected):
    assert triples(code_sentence(coder, text, DATE)) == expected


@pytest.mark.parametrize("text", EVENTLESS)
def test_near_misses_stay_eventless(coder, text):
    assert code_sentence(coder, text, DATE) == []


def test_story_country_from_the_dateline(coder):
    """With no place in the sentence, the dateline's country is where the fighting was."""
    text = "NAIROBI, Kenya, May 3 (Wire) - Kenyan police arrested six men. Fighting broke out later on Saturday."
    events = code_sentence(coder, text, DATE)
    assert ("KENUAF", None, "190", "asserted") in triples(events)


def test_dateline_does_not_make_sport_or_accidents_events(coder):
    text = "GOMA, Congo (Wire) - A fire broke out in the warehouse. Fighting broke out at the football match."
    assert code_sentence(coder, text, DATE) == []


SHARED = [
    ("Rwanda and Burundi reopened their shared border.", {("RWA", "BDI"), ("BDI", "RWA")}),
    ("Ghana and Togo reopened their common border on Monday.", {("GHA", "TGO"), ("TGO", "GHA")}),
    ("Peru and Ecuador reopened their joint border crossing after the floods.", {("PER", "ECU"), ("ECU", "PER")}),
]


@pytest.mark.parametrize("text,pairs", SHARED, ids=[t for t, _ in SHARED])
def test_shared_object_makes_each_party_the_others_target(coder, text, pairs):
    events = code_sentence(coder, text, DATE)
    assert {(e.source.code, e.target.code if e.target else None) for e in events} == pairs
    assert all(e.cameo.root in {"05", "08"} for e in events)  # cooperation, not a conflict code


@pytest.mark.parametrize("text,pairs", [
    ("Rwanda and Burundi reopened their borders.", {("RWA", None), ("BDI", None)}),  # nothing says shared
    ("Rwanda and Burundi reopened their embassies in Kenya.", {("RWA", "KEN"), ("BDI", "KEN")}),
    ("Rwanda reopened its border with Burundi.", {("RWA", "BDI")}),
])
def test_shared_near_misses_keep_their_targets(coder, text, pairs):
    events = code_sentence(coder, text, DATE)
    assert {(e.source.code, e.target.code if e.target else None) for e in events} == pairs


@pytest.mark.parametrize("text,expected", [
    # a fighting noun with no party named as the subject of a violent verb stands for its unknown doers, as a
    # weapon does ("a roadside bomb killed ...")
    ("Fighting in Khartoum killed 20 people on Saturday.", {("SDNUAF", "SDNCVL", "1823", "asserted")}),
    ("A gunfight in Culiacan, Mexico, killed two police officers.", {("MEXUAF", "MEXCOP", "190", "asserted")}),
    # with its parties named, the fighting is theirs and no unidentified forces are added
    ("Fighting between Indian and Chinese troops killed 20 soldiers in Ladakh.",
     {("INDMIL", "CHNMIL", "190", "asserted"), ("CHNMIL", "INDMIL", "190", "asserted")}),
    ("The clash of ideas killed the reform bill in Rome.", set()),
])
def test_fighting_noun_as_subject_of_violence(coder, text, expected):
    assert triples(code_sentence(coder, text, DATE)) == expected
