"""Number forms of the tenth round's attribute probe (tests/data/attributes/wires_ninth, issue 12), in our own
words, other countries and tenses, with near-misses that must not fire.

A lone victim told with "a" counts one ("A police officer was killed", "killing a child", "a soldier died",
"detained a man"), whatever age the person is given; the doer told with "a" ("a gunman killed ...") and a person the
act did not befall ("a witness said") do not. Who the toll was is no toll ("Among the dead were three police
officers"), nor is the larger group a toll is counted from ("Among the 40 passengers, 12 died", "killed 12 of the 40
passengers"). Verbs without a casualty word of their own: "were taken to hospital" is injured, "held for
questioning" and "picked up" by police or of suspects are arrests ("rescuers picked up 40 survivors" is none).
"""

from __future__ import annotations

import datetime as dt

import pytest

from test_attr_fourth_forms import attributes

PUB = dt.date(2026, 9, 16)  # a Wednesday


def tolls(text: str, trigger: str, pub: dt.date = PUB) -> dict[str, float]:
    out: dict[str, float] = {}
    for q in attributes(text, trigger, pub).numbers:
        out[q.kind] = out.get(q.kind, 0) + q.value
    return {k: v for k, v in out.items() if k in ("killed", "injured", "arrested")}


# ------------------------------------------------------------------------------------------------ lone victims
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Insurgents attacked a border post near Kandahar on Monday. A policeman was killed in the attack.",
         "attacked", {"killed": 1}),
        ("A drone struck a car outside Marib on Sunday, killing a tribal elder.", "struck", {"killed": 1}),
        ("Security forces in Caracas detained a student leader on Tuesday.", "detained", {"arrested": 1}),
        ("Troops shot dead a 15-year-old boy at a checkpoint near Nablus.", "shot", {"killed": 1}),
        ("Rebels shelled the market in Goma, and a woman died of her wounds.", "shelled", {"killed": 1}),
        ("A sniper fired on the convoy in Aleppo, wounding an aid worker.", "fired", {"injured": 1}),
        # near-misses: the doer told with "a", a person the act did not befall, "a dozen"
        ("A gunman killed four worshippers at a church in Ondo.", "killed", {"killed": 4}),
        ("Police broke up the rally in Dakar, a witness said.", "broke", {}),
        ("A soldier attacked his commander at a base in Niamey.", "attacked", {}),
        ("Bandits raided a village in Katsina, killing a dozen farmers.", "raided", {"killed": 12}),
        ("An explosion hit a market in Peshawar, injuring a dozen shoppers.", "hit", {"injured": 12}),
        ("Gunmen killed a 45-year-old teacher in Jos.", "killed", {"killed": 1}),
        ("The blast killed a bystander and hurt four others in Dera Ismail Khan.", "blast", {"killed": 1, "injured": 4}),
    ],
)
def test_a_lone_victim_counts_one(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# ------------------------------------------------------------------------------------------- parts and groups
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Gunmen raided a village in Zamfara on Sunday, killing a dozen people. Among the dead were three police "
         "officers.", "raided", {"killed": 12}),
        ("Militants stormed a hotel in Bosaso on Friday, killing nine people. Two guards were among the dead.",
         "stormed", {"killed": 9}),
        ("A shell hit a bus station in Donetsk, killing seven. Among the victims were four children.", "hit",
         {"killed": 7}),
        ("A bomb exploded on a bus near Quetta. Among the 40 passengers, 12 died.", "exploded", {"killed": 12}),
        ("A bomb exploded on a ferry near Jolo. Of the 60 people on board, nine died and 14 were wounded.", "exploded",
         {"killed": 9, "injured": 14}),
        ("Of the 30 miners trapped by the blast in Zonguldak, 11 were killed.", "killed", {"killed": 11}),
        ("Gunmen killed 12 of the 40 passengers on the bus near Mandera.", "killed", {"killed": 12}),
        # near-misses: "of" that is the count's own, the toll among the wounded still counted
        ("Bandits killed dozens of villagers in Zamfara.", "killed", {"killed": 24}),
        ("A bomb exploded in a market in Mosul, killing 12 people. Among the 30 wounded were 11 children.",
         "exploded", {"killed": 12, "injured": 30}),
    ],
)
def test_parts_and_groups_are_no_toll(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# ------------------------------------------------------------------------------ verbs that say what befell
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Gunmen opened fire on a minibus near Kismayo. Three passengers were taken to hospital.", "opened",
         {"injured": 3}),
        ("A gas cylinder exploded at a market in Kano, and 15 people were rushed to hospital.", "exploded",
         {"injured": 15}),
        ("Sixteen men were held for questioning in Mardan.", "held", {"arrested": 16}),
        ("Police said 46 people were held for questioning after the protest in Harare.", "held", {"arrested": 46}),
        ("Eight suspects were picked up in raids across Karachi.", "picked", {"arrested": 8}),
        ("Police picked up five suspected smugglers near Tijuana on Monday.", "picked", {"arrested": 5}),
        # near-misses: no police, no suspects, no purpose of questioning
        ("Rescuers picked up 40 survivors off the coast of Lampedusa.", "picked", {}),
        ("The rebels held 12 aid workers for three weeks in Darfur.", "held", {}),
        ("Troops freed 40 hostages in a raid near Maiduguri.", "freed", {}),
        ("The army flew 20 soldiers to Kidal on Monday.", "flew", {}),
    ],
)
def test_verbs_that_say_what_befell(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# ------------------------------------------------------------------- a joined casualty clause counted in a word
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Nine people were killed and scores were injured when a bomb exploded in Quetta.", "exploded",
         {"killed": 9, "injured": 40}),
        ("Two soldiers died and dozens were hurt when militants shelled a base near Kunduz.", "shelled",
         {"killed": 2, "injured": 24}),
        ("Eleven pilgrims were killed and hundreds were injured when gunmen stormed a shrine in Karbala.",
         "stormed", {"killed": 11, "injured": 200}),
        # near-misses: things counted in a word, a clause of no casualties
        ("Scores of homes were destroyed when a shell hit Kramatorsk.", "hit", {}),
        ("Dozens of shops were looted when rioters attacked the market in Jos.", "attacked", {}),
    ],
)
def test_a_joined_casualty_clause_counted_in_a_word(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# -------------------------------------------------------------- a count in a word made exact stays exact
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("At least nine people were killed and dozens wounded when a car bomb exploded outside a police station in "
         "Kirkuk on Sunday. Hospital officials said 41 wounded people had been admitted. Six of the wounded were in "
         "a serious condition.", "exploded", {"killed": 9, "injured": 41}),
        ("Scores were hurt when a truck bomb exploded at a junction in Mogadishu. Doctors said 52 people were being "
         "treated for injuries. Ten of the injured were children.", "exploded", {"injured": 52}),
        ("Several people were wounded when rebels shelled a camp near Kidal. A medic later said 14 had been wounded. "
         "Five of the wounded were flown to Bamako.", "shelled", {"injured": 14}),
        # near-miss: no exact count after the word, so the word's value stays
        ("Dozens were wounded when a shell hit a market in Kharkiv. Nine of them were children.", "hit",
         {"injured": 24}),
    ],
)
def test_a_count_in_a_word_made_exact_stays_exact(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# ------------------------------------------------------------------------------------ numbers that are no tolls
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Police in Karachi arrested three men, aged 19, 22 and 25, over the killing.", "arrested", {"arrested": 3}),
        ("Police detained 14 protesters aged between 16 and 40 in Minsk.", "detained", {"arrested": 14}),
        ("Gunmen killed two brothers, aged 31 and 34, at a farm near Kaduna.", "killed", {"killed": 2}),
        ("Gunmen killed a man aged 62 in Jos.", "killed", {"killed": 1}),
        ("A mob lynched two men accused of theft in Kasese.", "lynched", {"killed": 2}),
        ("Villagers lynched a man suspected of cattle theft near Mubende.", "lynched", {"killed": 1}),
        # near-misses: not ages, and counts that are no casualties
        ("Police detained 35 people at a march of aged pensioners in Bucharest.", "detained", {"arrested": 35}),
        ("Troops freed 40 hostages in a raid near Maiduguri.", "freed", {}),
        ("Militants attacked the town of 50,000 people, killing nine.", "attacked", {"killed": 9}),
        ("A landmine hit a truck 12 km from Kidal, killing four soldiers.", "hit", {"killed": 4}),
        ("Gunmen stormed a bus carrying 40 passengers near Zhob, killing seven.", "stormed", {"killed": 7}),
    ],
)
def test_numbers_that_are_no_tolls(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected
