"""Attribute forms of the eighth attribute round of issue 12 (found on tests/data/attributes/wires_eighth), in our
own words, other countries and tenses, with near-misses that must not fire.

Numbers: a range ("between 12 and 15 attackers") is one count, its lower bound; people listed one by one with "a"
("a police officer and a teenage girl") count one each; a one-sentence lead's toll goes on into the next paragraph
("A lieutenant was among the dead. Two other soldiers were wounded.", "By Tuesday evening the number of dead had
risen to 15") unless that paragraph opens another happening; the other side's dead add to a toll ("killing 20
militants ... Three soldiers died"); the act the next paragraph tells without a toll takes the lead's. Places: "on
the road between X and Y" is the point halfway; a lead that names a country, a province or a trip's ends ("a bus
travelling from Mandera to Nairobi") takes the town where the next paragraph restates the act ("The bus was
attacked near El Wak"). Dates: a passive restatement with no doer ("On Saturday, a patrol was attacked") dates a
lead told only with the day it was reported; "Hours later" after a paragraph with a time of day but no day counts
from the day before it.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from test_attr_fourth_forms import attributes

D = dt.date
PUB = D(2026, 2, 12)  # a Thursday


def tolls(text: str, trigger: str, pub: dt.date = PUB) -> dict[str, float]:
    out: dict[str, float] = {}
    for q in attributes(text, trigger, pub).numbers:
        out[q.kind] = out.get(q.kind, 0) + q.value
    return {k: v for k, v in out.items() if k in ("killed", "injured", "arrested")}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def place_of(text: str, trigger: str):
    found = attributes(text, trigger)
    return found.place or found.place_around


# ------------------------------------------------------------------------------------------------ ranges
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Soldiers repelled an assault on an army post, killing between 12 and 15 attackers, the army said.",
         "repelled", {"killed": 12}),
        ("Police arrested between 30 and 40 protesters in Harare on Friday.", "arrested", {"arrested": 30}),
        ("Gunmen ambushed a minibus near Gao, wounding between eight and ten passengers.", "ambushed", {"injured": 8}),
        # near-miss: two counts of two kinds, no range
        ("Rebels attacked a market in Beni, killing 12 people and wounding 15 others.", "attacked",
         {"killed": 12, "injured": 15}),
    ],
)
def test_a_range_is_one_count_its_lower_bound(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


def test_a_range_keeps_its_qualifier() -> None:
    (count,) = [q for q in attributes("Police arrested between 30 and 40 protesters in Harare.", "arrested").numbers
                if q.kind == "arrested"]
    assert (count.value, count.qualifier) == (30.0, "between")


# ----------------------------------------------------------------------------------- people listed with "a"
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Rebels fired on a police station in Argelia, wounding a police officer and a teenage girl.", "fired",
         {"injured": 2}),
        ("A roadside bomb struck a car near Kandahar on Monday, killing a soldier and a civilian.", "struck",
         {"killed": 2}),
        ("Police in Dhaka arrested a journalist and a student on Tuesday.", "arrested", {"arrested": 2}),
        # a lone victim told with "a" counts one, its age is no count (tenth round: the wire sets' convention)
        ("Russian forces shelled Kherson on Tuesday, killing a 61-year-old man.", "shelled", {"killed": 1}),
    ],
)
def test_people_listed_one_by_one_count_one_each(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# ------------------------------------------------------------------- a lead's toll in the next paragraph
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Militants attacked an army checkpoint near Kirkuk late on Monday, killing three soldiers, officials said."
         "\n\nA lieutenant was among the dead. Two other soldiers were wounded, the officials said.", "attacked",
         {"killed": 3, "injured": 2}),
        ("Gunmen shot dead nine people at a wedding in Sinaloa on Saturday night, prosecutors said.\n\nThe victims "
         "included two teenagers. Five more guests were wounded.", "shot", {"killed": 9, "injured": 5}),
        ("Rebels and militias clashed around Kiwanja on Monday, killing 11 civilians, officials said.\n\nBy Tuesday "
         "evening the number of dead had risen to 15, and some 30 people had been wounded.", "clashed",
         {"killed": 15, "injured": 30}),
        ("Gunmen killed five people in an attack on a bus on Tuesday, police said.\n\nThe bus was attacked near the "
         "town, a police commander said. Five passengers were shot dead. Another three were wounded.", "killed",
         {"killed": 5, "injured": 3}),
        # near-misses: the next paragraph opens another happening (a day and a place of its own, "Separately",
        # an act with its own doer)
        ("Gunmen opened fire on a police outpost on Monday night, injuring three constables.\n\nSecurity forces "
         "recovered the bodies of two villagers near Moreh the next day.", "opened", {"injured": 3}),
        ("Turkish drones struck a village near Manbij on Monday, killing four fighters.\n\nClashes in Latakia's "
         "countryside left 2 soldiers and 5 gunmen dead on Sunday.", "struck", {"killed": 4}),
        ("Gunmen killed 3 people in an attack on a bus.\n\nSeparately, two soldiers were wounded in a blast.",
         "killed", {"killed": 3}),
    ],
)
def test_a_one_sentence_leads_toll_goes_on_in_the_next_paragraph(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Troops repelled an assault on a base, killing 20 militants, the army said. Three soldiers died.",
         "repelled", {"killed": 23}),
        ("Police killed four gunmen in a shootout in Karachi on Sunday. One officer was killed.", "killed",
         {"killed": 5}),
        ("Soldiers raided a camp near Gao, killing 12 insurgents. Two soldiers were killed and five wounded.",
         "raided", {"killed": 14, "injured": 5}),
        # near-miss: the same side's toll told again is no other toll
        ("Gunmen killed five people in an attack on a bus. Five passengers were shot dead.", "killed",
         {"killed": 5}),
    ],
)
def test_the_other_sides_dead_add_to_the_toll(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The death toll from Sunday's raids on three villages has risen to 38, a spokesman said.\n\nThe attackers "
         "stormed the villages in Bokkos district late on Sunday, shooting residents.", "stormed", {"killed": 38}),
        ("Gunmen killed at least 19 civilians and wounded 11 others in northern Burkina Faso, sources said.\n\nThe "
         "attack took place on Sunday night when assailants opened fire on a market.", "opened",
         {"killed": 19, "injured": 11}),
        ("Militants killed 14 soldiers in northwest Pakistan on Friday, the army said.\n\nThe militants attacked "
         "the convoy as it passed through a narrow valley.", "attacked", {"killed": 14}),
        # near-misses: the paragraph opens on a scene of its own, or another act
        ("Russian drones hit Odesa overnight, injuring two port workers, the governor said.\n\nIn the northeast, "
         "Russian artillery shelled villages near Sumy.", "shelled", {}),
        ("Gunmen killed 19 people in a market attack on Sunday, officials said.\n\nSeparately, soldiers attacked a "
         "rebel camp near Djibo.", "attacked", {}),
        ("Gunmen killed 19 people in a market attack on Sunday, officials said.\n\nThe death toll from Monday's "
         "strike on Beryslav rose to seven.", "strike", {"killed": 7}),
    ],
)
def test_the_act_told_after_a_lead_takes_its_toll(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# -------------------------------------------------------------------------------------- roads and trips
@pytest.mark.parametrize(
    ("text", "trigger", "point"),
    [
        ("Bandits abducted 23 travellers on the road between Gusau and Tsafe in Zamfara state on Sunday night.",
         "abducted", (12.06, 6.79)),
        ("Soldiers detained three suspects at a checkpoint on the highway between Culiacan and Navolato.",
         "detained", (24.78, -107.55)),
        ("Russian drones struck a bus on the road between Kramatorsk and Pokrovsk on Tuesday.", "struck",
         (48.51, 37.37)),
    ],
)
def test_a_stretch_of_road_is_the_point_halfway(text, trigger, point) -> None:
    found = place_of(text, trigger)
    assert found is not None and found.lat is not None and km(found.lat, found.lon, *point) < 10, found


@pytest.mark.parametrize(
    ("text", "trigger", "not_near"),
    [
        # no road: the towns are the parties' seats, not a stretch
        ("Talks between Kinshasa and Kigali collapsed on Monday after rebels attacked Goma.", "attacked",
         (-3.1, 28.8)),
        # two towns far apart say too little for a point
        ("Gunmen ambushed a truck on the road between Lagos and Kano on Friday.", "ambushed", (10.2, 5.8)),
    ],
)
def test_no_halfway_point_without_a_stretch(text, trigger, not_near) -> None:
    found = place_of(text, trigger)
    assert found is None or found.lat is None or km(found.lat, found.lon, *not_near) > 50, found


@pytest.mark.parametrize(
    ("text", "trigger", "point"),
    [
        ("Gunmen killed four people in an attack on a bus travelling from Gao to Bamako on Monday, officials said."
         "\n\nThe bus was attacked near Hombori, officials said.", "killed", (15.28, -1.70)),
        ("Militants killed six passengers in an ambush on a convoy heading from Kirkuk to Baghdad on Friday, police "
         "said.\n\nThe convoy was ambushed near Tuz Khurmatu, police said.", "killed", (34.89, 44.63)),
        ("Gunmen killed 12 villagers in northern Nigeria on Sunday, police said.\n\nThe attack took place in Maru, "
         "in Zamfara state, police said.", "killed", (12.33, 6.40)),
    ],
)
def test_a_lead_takes_the_town_where_the_next_paragraph_restates_it(text, trigger, point) -> None:
    found = place_of(text, trigger)
    assert found is not None and found.lat is not None and km(found.lat, found.lon, *point) < 10, found


@pytest.mark.parametrize(
    ("text", "trigger", "country", "precision"),
    [
        # another act in the next paragraph: the lead keeps its own (country) place
        ("Gunmen killed 12 villagers in northern Nigeria on Sunday, police said.\n\nSeparately, troops raided a camp "
         "near Gusau.", "killed", "NGA", "country"),
        # a lead that names its town keeps it
        ("Gunmen killed 12 villagers in Tsafe on Sunday, police said.\n\nThe attack took place near Gusau, police "
         "said.", "killed", "NGA", "city"),
    ],
)
def test_a_lead_keeps_its_own_place(text, trigger, country, precision) -> None:
    found = place_of(text, trigger)
    assert found is not None and (found.country, found.precision) == (country, precision), found
    if precision == "city":
        assert found.name == "Tsafe"


def test_hawija_is_in_the_gazetteer(coder) -> None:
    found = coder.gazetteer.resolve("Hawija", ("IRQ",))
    assert found is not None and found.country == "IRQ" and km(found.lat, found.lon, 35.33, 43.77) < 5


# ---------------------------------------------------------------------------------------------------- dates
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The army said on Monday that rebels had killed four soldiers in an ambush.\n\nOn Saturday, a patrol was "
         "attacked with rifle fire near Tibu, the army said.", "killed", D(2026, 2, 7)),
        ("Police said on Wednesday that gunmen had killed three people.\n\nOn Sunday night, a minibus was ambushed "
         "outside the town, police said.", "killed", D(2026, 2, 8)),
        ("Officials said on Tuesday that militants had attacked a border post.\n\nThe post was shelled on Saturday, "
         "officials said.", "attacked", D(2026, 2, 7)),
        # near-miss: the next paragraph tells an act with its own doer: the lead keeps the day it was told
        ("The army said on Monday that rebels had killed four soldiers.\n\nOn Saturday, rebels attacked a patrol "
         "near Tibu.", "killed", D(2026, 2, 9)),
    ],
)
def test_a_passive_restatement_dates_the_lead(text, trigger, expected) -> None:
    assert attributes(text, trigger, PUB).date == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Jets bombed a village on Monday, killing 12 people.\n\nThe strike hit a school in the early hours.\n\n"
         "Hours later, soldiers detained 18 villagers nearby.", "detained", D(2026, 2, 9)),
        ("Rebels shelled the town on Saturday, residents said.\n\nThe shells fell at around 5 a.m., residents said."
         "\n\nHours later, troops arrested five men.", "arrested", D(2026, 2, 7)),
        ("Gunmen attacked a police post on Tuesday.\n\nThe gunfight lasted from 10 p.m. to 2 a.m.\n\nA day later, "
         "police detained six suspects.", "detained", D(2026, 2, 11)),
        # near-miss: a paragraph of no time between breaks the chain (the older rule, kept)
        ("Rebels seized the town on Tuesday.\n\nTalks failed.\n\nHours later, troops retook it.", "retook", PUB),
    ],
)
def test_a_sequel_after_a_paragraph_of_a_time_of_day(text, trigger, expected) -> None:
    assert attributes(text, trigger, PUB).date == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # "on the 12th": a day of the story's month, or of the month before when that day is still to come
        ("Jihadists attacked a convoy near Menaka on the 12th, the army said.", "attacked", D(2026, 2, 12)),
        ("Gunmen attacked a market in Gao on the 4th, killing six people.", "attacked", D(2026, 2, 4)),
        ("Police said they had arrested 14 suspects on the 27th.", "arrested", D(2026, 1, 27)),
        # near-misses: an ordinal that counts floors or units is no day
        ("Rebels shelled the 4th floor of a hotel in Goma.", "shelled", PUB),
        ("Troops of the 21st brigade attacked a rebel camp on Monday.", "attacked", D(2026, 2, 9)),
    ],
)
def test_the_nth_is_a_day_of_the_storys_month(text, trigger, expected) -> None:
    assert attributes(text, trigger, PUB).date == expected
