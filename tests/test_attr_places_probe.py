"""Places round 2 of issue 12 (``extract.places_forms``): the rules the places probe
(tests/data/attributes/places_probe/) led to, each on sentences of its own in other words and countries, with
near-misses that must not fire. The probe's tuning part holds its floor here; its holdout
(places_probe_holdout/) was scored once, at the end, and is only reported.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brinkwatch.evaluate.attributes import km
from test_attr_fixtures import event_place
from test_attributes_gold import load_cases_from, score_articles

PROBE = Path(__file__).parent / "data" / "attributes" / "places_probe"


def place(text: str, trigger: str):
    return event_place(text, trigger, dt.date(2025, 3, 10))


def near(p, lat: float, lon: float, limit: float = 25.0) -> bool:
    return p is not None and p.lat is not None and km(p.lat, p.lon, lat, lon) <= limit


# "the <region> <town noun> of X": X is the place, the region only says where it lies


@pytest.mark.parametrize(("text", "trigger", "country", "lat", "lon"), [
    ("Riot police dispersed a crowd in the Urals city of Yekaterinburg on Sunday.", "dispersed", "RUS", 56.84, 60.61),
    ("A rocket exploded near a hotel in the Red Sea port of Eilat on Friday, the army said.", "exploded", "ISR",
     29.56, 34.95),
    ("Drones struck the Black Sea port of Odesa overnight, the regional governor said.", "struck", "UKR", 46.49, 30.74),
    ("Gunmen kidnapped two engineers in the northern oil town of Kirkuk last week.", "kidnapped", "IRQ", 35.47, 44.39),
])
def test_the_region_town_of_x_is_the_town(text, trigger, country, lat, lon) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country and near(p, lat, lon), p


def test_a_district_of_a_province_is_still_read_inside_the_province() -> None:
    # near-miss: "the Chora district of Urozgan" is a district in a province, not a region naming a town
    p = place("Clashes erupted in the Chora district of Urozgan province on Monday.", "erupted")
    assert p is not None and p.country == "AFG"


@pytest.mark.parametrize(("text", "trigger", "lat", "lon"), [
    ("Soldiers raided the city of Jericho before dawn on Tuesday.", "raided", 31.87, 35.45),
    ("Air strikes hit the town of Hajjah in north-western Yemen.", "hit", 15.69, 43.61),
    ("Three people were killed when a shell fell on the city of Homs on Sunday.", "killed", 34.72, 36.73),
])
def test_the_town_of_x_is_the_town_not_its_province(text, trigger, lat, lon) -> None:
    p = place(text, trigger)
    assert p is not None and p.precision == "city" and near(p, lat, lon), p


# a bare name that is a town and its province: the town; the province needs its noun


@pytest.mark.parametrize(("text", "trigger"), [
    ("Hundreds marched in Hama on Friday after the detentions.", "marched"),
    ("Kurdish forces arrested 20 men in Hasakah on Wednesday.", "arrested"),
    ("Israeli troops shelled positions near Quneitra on Monday.", "shelled"),
])
def test_a_bare_town_is_not_its_province(text, trigger) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == "SYR" and p.precision == "city", p


@pytest.mark.parametrize(("text", "trigger"), [
    ("Clashes spread across villages in Hama province on Friday.", "spread"),
    ("Air strikes hit towns in the Hama and Idlib provinces on Sunday.", "hit"),
])
def test_a_province_with_its_noun_stays_the_province(text, trigger) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == "SYR" and p.precision in ("admin1", "admin2"), p


# "the capital": the capital of the story's country


@pytest.mark.parametrize(("text", "trigger", "country", "lat", "lon"), [
    ("Kenyan police fired tear gas at traders in the capital on Tuesday, witnesses said.", "fired", "KEN",
     -1.28, 36.82),
    ("Opposition supporters rallied in the Ugandan capital on Saturday.", "rallied", "UGA", 0.32, 32.58),
    ("Thousands protested in Peru's capital on Monday against the new cabinet.", "protested", "PER", -12.04, -77.03),
    ("HARARE, March 9 - Police arrested 12 activists in the capital on Sunday, their lawyer said.", "arrested",
     "ZWE", -17.83, 31.05),
])
def test_the_capital_is_the_story_country_capital(text, trigger, country, lat, lon) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country and near(p, lat, lon), p


@pytest.mark.parametrize(("text", "trigger"), [
    ("Kenyan police fired tear gas at traders in the provincial capital on Tuesday.", "fired"),
    ("Kenyan police fired tear gas at traders in the capital of Turkana county on Tuesday.", "fired"),
    ("Kenyan banks said on Tuesday they would raise fresh capital next year.", "raise"),
])
def test_other_capitals_and_money_are_not_the_national_capital(text, trigger) -> None:
    p = place(text, trigger)
    assert p is None or not near(p, -1.28, 36.82), p


# "flights to X", "named after X": no place of the act


@pytest.mark.parametrize(("text", "trigger", "country"), [
    ("AMMAN, March 5 - Jordan suspended flights to Beirut on Tuesday, the aviation authority said.", "suspended",
     "JOR"),
    ("ANKARA, May 2 - Turkey halted exports to Israel on Thursday, the trade ministry said.", "halted", "TUR"),
    ("NAIROBI, June 3 - Kenya cancelled the envoy's trip to Kinshasa on Monday, officials said.", "cancelled", "KEN"),
])
def test_a_destination_of_a_thing_is_not_the_place(text, trigger, country) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country, p


def test_a_verb_going_somewhere_keeps_its_place() -> None:
    # near-misses: a verb's own "to", and a road's, still place the act
    assert place("Thousands of families fled to Chad on Sunday, the UN said.", "fled").country == "TCD"
    assert place("Shelling hit the road to Kherson on Friday.", "hit").country == "UKR"


@pytest.mark.parametrize(("text", "trigger", "country"), [
    ("Gunmen attacked a mosque named after Medina in Kano on Friday, police said.", "attacked", "NGA"),
    ("Militants bombed a school named after Baghdad in Kirkuk on Monday.", "bombed", "IRQ"),
    ("Rebels seized a hotel named after Paris in Bangui on Sunday.", "seized", "CAF"),
])
def test_named_after_x_is_no_place_the_town_after_it_is(text, trigger, country) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country, p


# "around Dhaka University": the landmark's town


@pytest.mark.parametrize(("text", "trigger", "country"), [
    ("Students clashed with police around Dhaka University on Monday.", "clashed", "BGD"),
    ("Security forces fired tear gas near Kabul University on Sunday.", "fired", "AFG"),
    ("Hundreds of students rallied outside Cairo University on Wednesday.", "rallied", "EGY"),
])
def test_a_landmark_named_for_its_town_is_in_the_town(text, trigger, country) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country and p.precision == "city", p


def test_a_university_as_speaker_is_no_place() -> None:
    assert place("Cairo University said on Monday that exams would go ahead.", "said") is None


# the probe's tuning part: first run 21/30 within 25 km and 24/30 country; after the work 30/30 and 30/30


def test_places_probe_floor() -> None:
    scores = score_articles(load_cases_from(PROBE), "the places probe")
    assert scores.total["place_country"] == 30
    assert scores.right["place_country"] >= 29 and scores.right["place_25km"] >= 29, scores.misses


# "fired at students marching in X": where the people fired at were (the parser may hang the participle on "at")


@pytest.mark.parametrize(("text", "trigger", "country"), [
    ("Police used water cannon on students marching in Santiago on Thursday.", "used", "CHL"),
    ("Riot police fired rubber bullets at workers striking in Lusaka on Monday.", "fired", "ZMB"),
    ("Bangladeshi police fired water cannon at teachers marching in the capital on Sunday.", "fired", "BGD"),
])
def test_people_fired_at_where_they_were(text, trigger, country) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country, p


def test_a_clause_after_the_act_is_not_its_place() -> None:
    # near-miss: "after returning from Nairobi" is the police's trip, not where they fired
    assert place("Police fired tear gas at protesters after returning from Nairobi.", "fired") is None


# "in solidarity with X": whom the act is for, not where it happened


@pytest.mark.parametrize(("text", "trigger"), [
    ("Hundreds of students rallied on Friday in solidarity with Gaza, organisers said.", "rallied"),
    ("Protesters gathered outside parliament on Monday in solidarity with the people of Sudan.", "gathered"),
    ("Residents held a vigil on Sunday in memory of Halabja.", "held"),
    ("Dockers refused on Tuesday to load the ships in protest at Israel's offensive.", "refused"),
])
def test_the_cause_of_an_act_is_not_its_place(text, trigger) -> None:
    p = place(text, trigger)
    assert p is None or p.country not in ("PSE", "SDN", "IRQ", "ISR"), p


def test_a_dateline_places_an_act_for_a_cause() -> None:
    p = place("JAKARTA, Oct 3 - Thousands marched on Sunday in support of Ukraine.", "marched")
    assert p is not None and p.country == "IDN", p


@pytest.mark.parametrize(("text", "trigger", "country"), [
    # near-misses: a place of its own beside or inside the cause phrase stays the act's
    ("Thousands marched in Bamako on Saturday in support of the army.", "marched", "MLI"),
    ("Thousands marched in support of the army in Bamako on Saturday.", "marched", "MLI"),
    ("Two people were killed in the protest in Khartoum on Monday.", "killed", "SDN"),
])
def test_a_place_beside_a_cause_is_kept(text, trigger, country) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country, p


# "a Liberia-flagged tanker", "a Greece-owned carrier": whose the ship is, not where the act was


@pytest.mark.parametrize(("text", "trigger"), [
    ("Houthi forces seized a Liberia-flagged tanker on Sunday, the navy said.", "seized"),
    ("Iranian commandos seized a Panama-flagged oil tanker on Thursday, state media said.", "seized"),
    ("Houthi fighters attacked a Greece-owned bulk carrier on Monday, the group said.", "attacked"),
    ("Navy divers boarded a Malta-registered freighter on Saturday, officials said.", "boarded"),
])
def test_a_flag_or_owner_is_not_the_place(text, trigger) -> None:
    assert place(text, trigger) is None


@pytest.mark.parametrize(("text", "trigger", "country"), [
    # near-misses: the act's own place beside the flag stays
    ("Pirates boarded a Malta-registered bulk carrier off Somalia on Friday.", "boarded", "SOM"),
    ("Gunmen ambushed a Kenya-owned lorry near Mandera on Sunday.", "ambushed", "KEN"),
])
def test_a_place_beside_a_flag_is_kept(text, trigger, country) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country, p


@pytest.mark.parametrize(("text", "trigger", "lat", "lon"), [
    ("Army bulldozers tore up streets in the Jenin refugee camp overnight, residents said.", "tore", 32.46, 35.30),
    ("A drone struck a car in Jenin on Thursday, killing two men.", "struck", 32.46, 35.30),
    ("Settlers torched olive groves outside Tubas on Friday.", "torched", 32.32, 35.37),
])
def test_a_west_bank_town_is_the_town_not_its_governorate(text, trigger, lat, lon) -> None:
    # the governorates' points lie 20-50 km from their towns
    p = place(text, trigger)
    assert p is not None and p.country == "PSE" and near(p, lat, lon, 8.0), p


@pytest.mark.parametrize(("text", "trigger", "country"), [
    # a regional hub's dateline: the capital is the country the sentence is about, not the hub's
    ("NAIROBI, March 3 - Somali troops battled militants in the capital on Sunday, officials said.", "battled",
     "SOM"),
    ("LONDON, March 3 - Explosions were heard in the capital overnight, Ukraine's air force said.", "heard", "UKR"),
    ("BANGKOK, May 8 - Myanmar soldiers detained 30 students in the capital on Friday, a rights group said.",
     "detained", "MMR"),
])
def test_the_capital_under_a_foreign_dateline(text, trigger, country) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country and p.precision == "city", p


# "the Pakistani city of Hyderabad": the adjective names the town's country


@pytest.mark.parametrize(("text", "trigger", "country"), [
    ("A bomb exploded in the Pakistani city of Hyderabad on Friday.", "exploded", "PAK"),
    ("Clashes erupted in the northern Lebanese city of Tripoli on Sunday.", "erupted", "LBN"),
    ("Troops detained 20 men in the Venezuelan city of Valencia on Monday.", "detained", "VEN"),
    ("Gunmen attacked a bus near the Colombian town of Granada on Friday.", "attacked", "COL"),
])
def test_the_adjective_names_the_town_country(text, trigger, country) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country and p.precision == "city", p


def test_a_people_adjective_is_no_country() -> None:
    # near-misses: the namesake the adjective names stays, and a people's adjective names no country
    assert place("A bomb exploded in the Indian city of Hyderabad on Friday.", "exploded").country == "IND"
    assert place("Police clashed with rioters in the Arab town of Umm al-Fahm.", "clashed").country == "ISR"


@pytest.mark.parametrize(("text", "trigger", "country"), [
    # near-misses: a country the sentence is only about names no capital
    ("TBILISI, May 4 - Protesters marched in the capital on Sunday to demand an end to talks with Russia.",
     "marched", "GEO"),
    ("Protesters marched in the capital on Sunday against sanctions on Iran, Iraqi police said.", "marched", "IRQ"),
    ("YEREVAN, June 2 - Crowds rallied in the capital on Friday against the treaty with Azerbaijan.", "rallied",
     "ARM"),
])
def test_a_country_only_talked_about_names_no_capital(text, trigger, country) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country and p.precision == "city", p


# "during a visit to X", "on a trip to X": the act told as done in the course of the visit happened in X; a visit
# announced, cancelled or still ahead says where someone will go, not where the act happened


@pytest.mark.parametrize(("text", "trigger", "country"), [
    ("The Japanese foreign minister criticised the missile tests during a visit to Seoul on Monday.", "criticised",
     "KOR"),
    ("On a trip to Nairobi, the Ugandan president signed a trade accord with Kenya.", "signed", "KEN"),
    ("Speaking during a visit to Baghdad, the Turkish defence minister condemned the attack.", "condemned", "IRQ"),
    ("While on a visit to Ankara, the Iraqi prime minister accused the PKK of the bombing.", "accused", "TUR"),
])
def test_an_act_during_a_visit_happened_where_the_visit_went(text, trigger, country) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country, p


@pytest.mark.parametrize(("text", "trigger", "country"), [
    ("Egypt's president cancelled a visit to Khartoum, the presidency said.", "cancelled", "SDN"),
    ("Ahead of a visit to Hanoi, the Chinese envoy criticised Manila.", "criticised", "VNM"),
    ("The Qatari emir announced a trip to Tehran next month.", "announced", "IRN"),
])
def test_a_visit_not_under_way_is_no_place_of_the_act(text, trigger, country) -> None:
    p = place(text, trigger)
    assert p is None or p.country != country, p
