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
