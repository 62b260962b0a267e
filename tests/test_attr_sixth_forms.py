"""Attribute forms of the sixth round of issue 12 (found on tests/data/attributes/wires_sixth), in our own
words: a toll told over several sentences ("Four soldiers died. Two more succumbed in hospital. Eleven others
were wounded."), a toll that is revised ("the death toll rose to 14", "revised the number of wounded to 30"),
acts coordinated after one another, each with its own count ("fired tear gas in A, arrested 43 people in
B and shot dead one protester in C"); places: a town inside the province a situation report opens with ("In
North Kivu Province, Beni territory, ... the outskirts of Oicha"), a line located by its district ("near the
Line of Control in ... Poonch district"), a name the tagger reads as an adjective ("in Beni town"), a distance
and bearing ("40 km north of Trincomalee"); dates: "hours after the blast" (the day of the act the story leads
with). Each form has three or more sentences in other countries and tenses, and near-misses that must not fire.
"""

from __future__ import annotations

import datetime as dt

import pytest

from brinkwatch.evaluate.attributes import km
from brinkwatch.extract.dates import load_cue_file
from brinkwatch.extract.place_words import PlaceWords
from test_attr_fourth_forms import attributes, place, tolls

D = dt.date
PUB = D(2025, 10, 16)  # a Thursday


# ------------------------------------------------------------------ a toll told over several sentences
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Jihadists ambushed a patrol near Tessit on Friday. Three soldiers died at the scene. Two more "
         "succumbed to their wounds in Gao the next day. Nine others were wounded.", "ambushed",
         {"killed": 5, "injured": 9}),
        ("Gunmen attacked a bus in Zamfara state. Seven passengers were killed. Another four died in hospital.",
         "attacked", {"killed": 11}),
        ("A suicide bomber struck a mosque in Peshawar. Twelve worshippers died instantly. Three more "
         "succumbed overnight. Dozens of others were injured.", "struck", {"killed": 15, "injured": 24}),
        ("Rebels will have shelled the town by then. Two civilians died. One more died later.", "shelled",
         {"killed": 3}),
    ],
)
def test_a_toll_told_over_several_sentences(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the run stops at a sentence that adds nothing to the toll: a later count is another story's
        ("Militants attacked a checkpoint in Bannu. Two policemen died. The town has 50 checkpoints. Six "
         "more people died in a flood.", "attacked", {"killed": 2}),
        # a sentence with a doer of its own is another act
        ("Militants attacked a checkpoint in Bannu. Two policemen died. Separately, gunmen shot dead four "
         "traders in Tank.", "attacked", {"killed": 2}),
        # "succumbed" to pressure with no count is no toll
        ("Troops attacked the rebel camp. The rebels succumbed to pressure and withdrew.", "attacked", {}),
    ],
)
def test_a_run_of_toll_sentences_stops(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# ------------------------------------------------------------------------------------ a revised toll
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Fighters detonated a car bomb in Kismayo on Tuesday, killing nine people and wounding 22. By "
         "Wednesday the death toll had risen to 14, up from the nine first reported, and officials revised "
         "the number of wounded to at least 30.", "detonated", {"killed": 14, "injured": 30}),
        ("Police opened fire on protesters in Nairobi, killing two people. The toll climbed to five on "
         "Thursday.", "opened", {"killed": 5}),
        ("An airstrike hit a market in Idlib, killing 11 people. The death toll from the attack has since "
         "risen to 19.", "hit", {"killed": 19}),
        ("Gunmen stormed a hotel in Mogadishu and killed 8 guests. The number of dead rose to 12 overnight.",
         "stormed", {"killed": 12}),
    ],
)
def test_a_revised_toll_replaces_the_first(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a toll of something bigger (the war, the year) is not the event's
        ("Gunmen killed 3 people in an attack on a bus. The death toll in the conflict rose to 7,000 this year.",
         "killed", {"killed": 3}),
        ("Gunmen killed 3 people in an attack on a bus. The death toll from this year's attacks rose to 70.",
         "killed", {"killed": 3}),
        # (eighth round: a one-sentence lead's toll that the next paragraph revises, with no other act named, is
        # the revised one - "the toll rose to", as issue 12 lists; see tests/test_attr_wires_eighth.py)
        ("Gunmen killed 3 people in an attack on a bus.\n\nThe death toll rose to 7 on Tuesday.", "killed",
         {"killed": 7}),
    ],
)
def test_a_toll_that_revises_something_else(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# ------------------------------------------------------------- coordinated acts keep their own counts
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Police fired tear gas at opposition supporters in Blantyre and Zomba on Wednesday, arrested 43 "
         "people in Mzuzu and shot dead one protester in Mangochi.", "fired", {}),
        ("Police fired tear gas at opposition supporters in Blantyre and Zomba on Wednesday, arrested 43 "
         "people in Mzuzu and shot dead one protester in Mangochi.", "arrested", {"arrested": 43}),
        ("Police fired tear gas at opposition supporters in Blantyre and Zomba on Wednesday, arrested 43 "
         "people in Mzuzu and shot dead one protester in Mangochi.", "shot", {"killed": 1}),
        ("Soldiers raided a market in Maiduguri, detained 17 traders and seized weapons.", "raided", {}),
        ("Riot police dispersed a rally in Dhaka and detained 30 students.", "dispersed", {}),
    ],
)
def test_coordinated_acts_keep_their_own_counts(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # near-misses: a casualty act coordinated after a violent one tells its toll
        ("Militants attacked the base and killed 3 soldiers.", "attacked", {"killed": 3}),
        ("Gunmen stormed the village, torched 40 homes and killed 12 people.", "stormed", {"killed": 12}),
        ("Troops raided the camp, burned tents and shot dead 7 men.", "raided", {"killed": 7}),
        ("Rebels killed 4 villagers and wounded 9 others.", "killed", {"killed": 4, "injured": 9}),
        # "... and detained 5 more": the same operation on the same group keeps its count
        ("Marines killed 3 smugglers and detained 7 more off Tumaco on Friday.", "killed",
         {"killed": 3, "arrested": 7}),
        ("Troops killed 4 militants and arrested 6 others in the raid.", "killed", {"killed": 4, "arrested": 6}),
    ],
)
def test_a_casualty_act_after_a_violent_one_is_its_toll(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# ------------------------------------------------------------------------------------------------ places
def near(found, lat: float, lon: float, within: float = 25.0) -> bool:
    return found is not None and found.lat is not None and km(found.lat, found.lon, lat, lon) <= within


@pytest.mark.parametrize(
    ("text", "trigger", "lat", "lon"),
    [
        # a situation report opens with the province: the town the act names inside it is the place
        ("In North Kivu Province, Beni territory, fighters of the Allied Democratic Forces attacked the "
         "outskirts of Oicha on Tuesday, killing 9 civilians.", "attacked", 0.70, 29.52),
        ("In Borno State, insurgents attacked farmers near Bama on Sunday.", "attacked", 11.52, 13.69),
        ("In Helmand province, Taliban fighters attacked a checkpoint in Gereshk last night.", "attacked",
         31.82, 64.57),
        # a line or a sea is located by the district the text names on it
        ("Pakistani troops opened fire on Indian posts near the Line of Control in the Krishna Ghati sector of "
         "Poonch district late on Monday.", "opened", 33.77, 74.09),
    ],
)
def test_a_town_inside_the_province_or_on_the_line_is_the_place(text, trigger, lat, lon) -> None:
    assert near(place(text, trigger, PUB), lat, lon), place(text, trigger, PUB)


@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        # near-misses: a town the act only comes from, or the province alone
        ("In Helmand province, Taliban fighters from Quetta attacked a police post.", "attacked", "Helmand"),
        ("In Borno State, insurgents attacked a military base on Sunday.", "attacked", "Borno"),
    ],
)
def test_the_province_stays_when_no_town_inside_it_is_where(text, trigger, name) -> None:
    found = place(text, trigger, PUB)
    assert found is not None and name in found.name, found


@pytest.mark.parametrize(
    ("text", "trigger", "lat", "lon"),
    [
        # the tagger reads the town's name as an adjective before "town" or "territory"
        ("On 5 June, in Beni town, police rounded up 27 people.", "rounded", 0.49, 29.47),
        ("Gunmen killed three traders in Beni territory on Monday.", "killed", 0.49, 29.47),
        ("Police detained 9 men in Kasese town on Monday.", "detained", 0.18, 30.08),
    ],
)
def test_a_name_read_as_an_adjective_before_a_town_noun(text, trigger, lat, lon) -> None:
    assert near(place(text, trigger, PUB), lat, lon, 30), place(text, trigger, PUB)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # near-misses: a people or a faith before "village"/"town" is no town
        ("Militias burned a Christian town in the north on Monday.", "burned"),
        ("Gunmen attacked an Arab village on Monday.", "attacked"),
        ("Police raided a Jewish village at dawn.", "raided"),
    ],
)
def test_a_people_before_a_town_noun_is_no_place(text, trigger) -> None:
    found = place(text, trigger, PUB)
    assert found is None or found.country not in ("USA", "RUS"), found


@pytest.mark.parametrize(
    ("text", "trigger", "lat", "lon"),
    [
        ("The navy detained 6 suspected smugglers about 40 km north of Trincomalee on Thursday.", "detained",
         8.94, 81.23),
        ("Gunmen killed 5 farmers 60 km south-east of Maiduguri on Monday.", "killed", 11.47, 13.55),
        ("Troops clashed with rebels 15 miles west of the town of Kunduz.", "clashed", 36.73, 68.59),
        ("Pirates attacked a bulk carrier 90 nautical miles east of Mogadishu.", "attacked", 2.04, 46.85),
    ],
)
def test_a_distance_and_a_bearing_move_the_place(text, trigger, lat, lon) -> None:
    found = place(text, trigger, PUB)
    assert near(found, lat, lon, 10), found
    assert found.relation == "near"


@pytest.mark.parametrize(
    ("text", "trigger", "lat", "lon"),
    [
        # near-misses: a distance with no bearing, or a bearing with no distance, leaves the place where it is
        ("Gunmen killed 5 farmers in Konduga, 35 km from Maiduguri.", "killed", 11.65, 13.42),
        ("Troops clashed with rebels north of Kunduz.", "clashed", 36.73, 68.86),
        ("Police arrested 12 men in Trincomalee on Thursday.", "arrested", 8.58, 81.23),
    ],
)
def test_no_bearing_or_no_distance_no_move(text, trigger, lat, lon) -> None:
    assert near(place(text, trigger, PUB), lat, lon, 15), place(text, trigger, PUB)


# ------------------------------------------------------------------------------------------------- dates
@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        ("MOGADISHU - Fighters detonated a car bomb at a market in Baidoa early on Tuesday, killing nine. By "
         "Wednesday the toll had risen to 14.\n\nHours after the blast, security forces arrested 8 suspects.",
         "arrested", D(2025, 10, 14)),
        ("Gunmen attacked a church in Owo on 5 October.\n\nA day after the attack, the governor "
         "imposed a curfew.", "imposed", D(2025, 10, 6)),
        ("Rebels ambushed a convoy near Beni on 8 October. Survivors were flown to Goma on Saturday.\n\n"
         "Shortly after the ambush, troops arrested two suspected collaborators.", "arrested", D(2025, 10, 8)),
    ],
)
def test_after_the_act_the_story_leads_with(text, trigger, day) -> None:
    assert attributes(text, trigger, PUB).date == day


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # near-misses: "after the meeting" points at no act; with no dated act before it nothing is counted
        ("Ministers met in Doha on Monday.\n\nHours after the meeting, police arrested 3 activists on Tuesday.",
         "arrested", D(2025, 10, 14)),
        ("Hours after the blast, security forces arrested 8 suspects, police said on Wednesday.", "arrested",
         D(2025, 10, 15)),
    ],
)
def test_after_something_that_is_no_dated_act(text, trigger, day) -> None:
    assert attributes(text, trigger, PUB).date == day


def test_the_place_words_file_is_validated(tmp_path) -> None:
    from brinkwatch.errors import DataFileError

    bad = tmp_path / "attr_places.yaml"
    bad.write_text('version: "1"\nsource: x\nlocation_preps: in\n', encoding="utf-8")
    with pytest.raises(DataFileError):
        load_cue_file("attr_places.yaml", PlaceWords, bad)


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # a night over two days is dated by its first day (the tagger gives only the month)
        ("Troops shelled the village on the night of 4-5 October, killing 6 people.", "shelled", D(2025, 10, 4)),
        ("In Beni territory, rebels attacked Oicha on the night of 11-12 September.", "attacked", D(2025, 9, 11)),
        ("Police said gunmen had stormed the prison during the night of 28-29 August 2025.", "stormed",
         D(2025, 8, 28)),
        # a count of hours after a named day
        ("Rebels seized the town on 3 October. Troops retook it 48 hours later.", "retook", D(2025, 10, 5)),
        ("Militants attacked a post on 9 October. 24 hours later, troops raided their camp.", "raided",
         D(2025, 10, 10)),
        ("Police arrested 5 men on 8 October. Gunmen had burned the office two days earlier.", "burned",
         D(2025, 10, 6)),
    ],
)
def test_nights_and_hours_counted_from_a_day(text, trigger, day) -> None:
    assert attributes(text, trigger, PUB).date == day


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # near-misses: a span of days that is no night keeps its first day too, a count of hours with no day
        # before it is not counted from anything
        ("Delegates met in Geneva on 4-5 October.", "met", D(2025, 10, 4)),
        ("Police said they had arrested 9 men 48 hours earlier.", "arrested", PUB),
        ("Talks resumed on 3 October and the sides met again hours later.", "met", D(2025, 10, 3)),
    ],
)
def test_days_and_hours_near_misses(text, trigger, day) -> None:
    assert attributes(text, trigger, PUB).date == day


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("A court in Lahore remanded 14 suspects in police custody for 7 days on Monday.", "remanded",
         {"arrested": 14}),
        ("A magistrate remanded 6 activists in prison until their trial.", "remanded", {"arrested": 6}),
        ("Police took 37 people into custody after the clashes on Monday.", "took", {"arrested": 37}),
        ("Soldiers took 14 villagers into custody in Tillaberi on Friday.", "took", {"arrested": 14}),
        # near-misses: "into" a place is no arrest; a crowd driven somewhere is no toll
        ("Police forced 200 protesters into a stadium on Monday.", "forced", {}),
        ("Militants drove 3,000 people into the hills.", "drove", {}),
    ],
)
def test_remanded_and_taken_into_custody(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected
