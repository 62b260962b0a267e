"""Numbers as reporters write them: each form in three or more sentences of our own (other countries,
tenses, word orders), with near-misses that must give nothing.

Convention for tolls over several parties: one quantity per party ("two soldiers and seven militants
were killed" -> killed 2, killed 7), each with its own hedge; the event's toll is their sum.
"""

from __future__ import annotations

import datetime as dt

import pytest

from brinkwatch.extract.dates import load_cue_file
from brinkwatch.extract.numbers import NumberCues, numbers_for_event
from brinkwatch.model import Article
from test_attr_fixtures import shared_extractor, shared_nlp

CUES = load_cue_file("attr_numbers.yaml", NumberCues)


def quantities(text: str, trigger: str) -> list[tuple]:
    doc = shared_nlp()(text)
    tok = next(t for t in doc if t.text == trigger)
    return sorted((q.kind, q.value, q.qualifier) for q in numbers_for_event(tok.sent, tok, CUES))


def expect(*items: tuple) -> list[tuple]:
    return sorted((k, float(v), q) for k, v, q in items)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # shot dead
        ("Four villagers were shot dead near Beni on Sunday.", "shot", expect(("killed", 4, None))),
        ("Unidentified gunmen shot dead two police officers at a checkpoint.", "shot", expect(("killed", 2, None))),
        ("At least three farmers have been shot dead in the valley this month.", "shot",
         expect(("killed", 3, "at least"))),
        # died of their wounds / injuries
        ("Five soldiers later died of their wounds in a military hospital.", "died", expect(("killed", 5, None))),
        ("Two of the wounded died of their injuries overnight.", "died", expect(("killed", 2, None))),
        ("About a dozen protesters have died from their wounds since the crackdown.", "died",
         expect(("killed", 12, "about"))),
        # N fatalities
        ("The clashes resulted in 12 fatalities.", "clashes", expect(("killed", 12, None))),
        ("The raid on the camp caused at least nine fatalities.", "raid", expect(("killed", 9, "at least"))),
        ("Fighting between the two militias led to some 30 fatalities.", "Fighting", expect(("killed", 30, "some"))),
        # bodies and corpses of N
        ("The bodies of nine men were found near the river.", "found", expect(("killed", 9, None))),
        ("Villagers discovered the corpses of four children in a ditch.", "discovered", expect(("killed", 4, None))),
        ("Rescuers pulled five corpses from the rubble of the mosque.", "pulled", expect(("killed", 5, None))),
        # the death toll rose to N
        ("The death toll rose to 41 on Thursday.", "rose", expect(("killed", 41, None))),
        ("The toll from the bombing has climbed to more than 60.", "climbed", expect(("killed", 60, "more than"))),
        ("By Monday the death toll had reached 215.", "reached", expect(("killed", 215, None))),
        # N in all are said to have had injuries
        ("64 in all are said to have had brain injuries.", "said", expect(("injured", 64, None))),
        ("Twenty in total are believed to have been wounded.", "believed", expect(("injured", 20, None))),
        ("Some 30 are reported to have been treated for injuries.", "reported", expect(("injured", 30, "some"))),
        # arrests
        ("Police detained 14 protesters outside the parliament.", "detained", expect(("arrested", 14, None))),
        ("More than 30 students were arrested at the university in Dhaka.", "arrested",
         expect(("arrested", 30, "more than"))),
        ("Security forces have rounded up about 200 opposition supporters.", "rounded",
         expect(("arrested", 200, "about"))),
        # vote tallies
        ("The assembly passed the resolution 170 to 0.", "passed",
         expect(("votes_for", 170, None), ("votes_against", 0, None))),
        ("Lawmakers approved the budget by 95 votes to 40.", "approved",
         expect(("votes_for", 95, None), ("votes_against", 40, None))),
        ("The senate rejected the motion 12-31 on Wednesday.", "rejected",
         expect(("votes_for", 12, None), ("votes_against", 31, None))),
        # several parties: one quantity each, each with its own hedge
        ("Two soldiers and seven militants were killed in the fighting.", "killed",
         expect(("killed", 2, None), ("killed", 7, None))),
        ("The bombers struck the market, killing at least 40 shoppers and 3 guards.", "struck",
         expect(("killed", 40, "at least"), ("killed", 3, None))),
        ("Militants ambushed a convoy, resulting in 25 fighters and 6 military fatalities.", "ambushed",
         expect(("killed", 25, None), ("killed", 6, None))),
        ("Rival gangs clashed in the market, resulting in 9 militia and 4 IS Sahel fatalities.", "clashed",
         expect(("killed", 9, None), ("killed", 4, None))),
        ("Herders and farmers fought over water, leaving 3 herders and 5 farmer deaths.", "fought",
         expect(("killed", 3, None), ("killed", 5, None))),
        # who the counted people are does not say what befell them
        ("Rebels shelled the camp, wounding about a dozen displaced people.", "shelled",
         expect(("injured", 12, "about"))),
        ("Drones struck the shelter, killing 14 displaced civilians.", "struck", expect(("killed", 14, None))),
    ],
)
def test_reporting_forms(text: str, trigger: str, expected: list[tuple]) -> None:
    assert quantities(text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # background tolls and years are not the sentence's event's numbers
        ("Rwanda, where the 1994 genocide killed 800,000 people, hosted the summit.", "hosted"),
        ("The 2003 invasion killed thousands, and the parliament still debates it.", "debates"),
        ("Protesters marked the anniversary of the 2011 uprising.", "marked"),
        # durations are not counts
        ("Rebels have fought the army for 20 years.", "fought"),
        ("The journalist served 12 years in prison before the pardon.", "served"),
        ("The two countries have not held talks in 40 years.", "held"),
    ],
)
def test_near_misses_give_no_numbers(text: str, trigger: str) -> None:
    assert quantities(text, trigger) == []


def event_numbers(text: str, trigger: str, occurrence: int = 0) -> list[tuple]:
    nlp, extractor = shared_nlp(), shared_extractor()
    doc = nlp(text)
    ctx = extractor.prepare(doc, Article(doc_id="n", text=text, pub_date=dt.date(2024, 3, 14)))
    tok = [t for t in doc if t.text == trigger][occurrence]
    attrs = extractor.for_event(ctx, tok.sent, tok)
    return sorted((q.kind, q.value, q.qualifier) for q in attrs.numbers)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a conflict monitor's toll line belongs to the note's event
        ("On 3 April 2021, militants attacked a village in Borno. 4 fatalities.", "attacked",
         expect(("killed", 4, None))),
        ("Troops shelled a village in Idlib. The attack hit a market. No fatalities.", "shelled",
         expect(("killed", 0, None))),
        ("Gunmen raided a police post in Zamfara. 3 fatalities, including a commander.", "raided",
         expect(("killed", 3, None))),
        # a toll sentence right after the violent act
        ("Soldiers opened fire on marchers in Khartoum. Three protesters died of their wounds in hospital.",
         "opened", expect(("killed", 3, None))),
        ("Rebels stormed a mining town in Ituri. Five corpses were discovered after the raid.", "stormed",
         expect(("killed", 5, None))),
        ("Iran fired missiles at two bases in Iraq. 64 in all are said to have had brain injuries.", "fired",
         expect(("injured", 64, None))),
        ("Insurgents attacked an army base in Mali on Friday. The death toll rose to 17 on Saturday.", "attacked",
         expect(("killed", 17, None))),
        ("Gunmen raided a village near Beni. The bodies of nine villagers were found on Friday, a local leader said.",
         "raided", expect(("killed", 9, None))),
        # "more" adds to a toll the sentence already counts
        ("Guerrillas killed five soldiers in an ambush. Two more soldiers died of their wounds.", "killed",
         expect(("killed", 5, None), ("killed", 2, None))),
        ("A bomb killed 12 shoppers in the market. The bodies of three more victims were recovered on Sunday.",
         "killed", expect(("killed", 12, None), ("killed", 3, None))),
    ],
)
def test_tolls_after_the_event_sentence(text: str, trigger: str, expected: list[tuple]) -> None:
    assert event_numbers(text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the sentence already counts its dead: a later toll is not added on top (3 + 7 = 10); since the sixth
        # round a toll that "rose to" 7 revises the 3 (tests/test_attr_sixth_forms.py)
        ("Gunmen killed 3 people in an attack on a bus. The death toll rose to 7 on Tuesday.", "killed",
         expect(("killed", 7, None))),
        ("Gunmen killed 3 people in an attack on a bus. Seven people died in the province last month.", "killed",
         expect(("killed", 3, None))),
        # a new act with its own doer keeps its toll
        ("Militants attacked an army post in Tillaberi. Separately, gunmen shot dead two traders.", "attacked",
         []),
        ("Police raided the office. Two people were killed in separate clashes in the south.", "raided", []),
        # a toll in the next paragraph is left to that paragraph's events
        ("On 3 May, militants attacked an army post.\nOn 4 May, five bodies were found near the river.", "attacked",
         []),
        ("Militants attacked an army post.\n4 fatalities were reported in the capital's hospitals.", "attacked", []),
        ("Militants attacked an army post.\n\nAnother attack hit a market. 4 fatalities.", "attacked", []),
        # a talk is no violent act: the toll that follows is not its number
        ("The ministers met in Doha on Monday. The death toll in the war has passed 40,000.", "met", []),
    ],
)
def test_tolls_that_do_not_attach(text: str, trigger: str, expected: list[tuple]) -> None:
    assert event_numbers(text, trigger) == expected
