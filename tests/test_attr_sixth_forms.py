"""Attribute forms of the sixth round of issue 12 (found on tests/data/attributes/wires_sixth), in our own
words: a toll told over several sentences ("Four soldiers died. Two more succumbed in hospital. Eleven others
were wounded."), a toll that is revised ("the death toll rose to 14", "revised the number of wounded to 30"),
and acts coordinated after one another, each with its own count ("fired tear gas in A, arrested 43 people in
B and shot dead one protester in C"). Each form has three or more sentences in other countries and tenses,
and near-misses that must not fire.
"""

from __future__ import annotations

import pytest

from test_attr_fourth_forms import tolls


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
        # a toll in the next paragraph is that paragraph's
        ("Gunmen killed 3 people in an attack on a bus.\n\nThe death toll rose to 7 on Tuesday.", "killed",
         {"killed": 3}),
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
    ],
)
def test_a_casualty_act_after_a_violent_one_is_its_toll(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected
