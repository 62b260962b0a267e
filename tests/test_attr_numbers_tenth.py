"""Number forms left by the tenth round's first wave (issue 12), in our own words, other countries and tenses, with
near-misses that must not fire.

A lone victim told with "the" or a possessive counts one like one told with "a" ("shot dead the town's deputy
mayor", "killed the district chief", "arrested the opposition leader"), titles included; a plural, a doer or a
person the act did not befall does not. "killed five fighters and captured two" captures two of the same fighters
(arrested when soldiers or police take them). An ordinal after a toll is one more victim ("killed three policemen and
wounded a fourth"). A participle after a subordinate clause of no violence is the main act's ("stormed the jail
after an inmate died, injuring five guards"); after a violent one it stays that clause's.
"""

from __future__ import annotations

import datetime as dt

import pytest

from test_attr_fourth_forms import attributes

PUB = dt.date(2026, 10, 14)  # a Wednesday


def tolls(text: str, trigger: str, pub: dt.date = PUB) -> dict[str, float]:
    out: dict[str, float] = {}
    for q in attributes(text, trigger, pub).numbers:
        out[q.kind] = out.get(q.kind, 0) + q.value
    return {k: v for k, v in out.items() if k in ("killed", "injured", "arrested", "hostages")}


# ------------------------------------------------------------------------- a lone victim told with "the" or "'s"
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Gunmen shot dead the town's deputy mayor in Tlaxcala on Monday.", "shot", {"killed": 1}),
        ("Militants killed the district chief of Faryab on Sunday.", "killed", {"killed": 1}),
        ("Police in Harare arrested the opposition leader on Friday.", "arrested", {"arrested": 1}),
        ("Rebels beheaded the village headman in Ituri last week.", "beheaded", {"killed": 1}),
        ("A sniper wounded the governor's bodyguard outside the palace in Sanaa.", "wounded", {"injured": 1}),
        ("Unknown assailants murdered the school's director in Guerrero.", "murdered", {"killed": 1}),
        # near-misses: plurals, doers, things, people the act did not befall
        ("Soldiers killed the gunmen who attacked the checkpoint in Borno.", "killed", {}),
        ("Police arrested the suspects in Lahore on Tuesday.", "arrested", {}),
        ("Gunmen attacked the governor's convoy near Maiduguri.", "attacked", {}),
        ("The village chief killed two intruders at his farm near Kitale.", "killed", {"killed": 2}),
        ("The mayor condemned the bombing of the market in Cali.", "condemned", {}),
        ("Gunmen shot the mayor's dog in Oaxaca.", "shot", {}),
    ],
)
def test_a_lone_victim_told_with_the_or_a_possessive(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# --------------------------------------------------------------------- "killed five fighters and captured two"
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Soldiers killed five fighters and captured two near Gao.", "killed", {"killed": 5, "arrested": 2}),
        ("Police shot dead two robbers and captured one near Nakuru.", "shot", {"killed": 2, "arrested": 1}),
        ("The army killed six fighters and seized four in Kidal on Saturday.", "killed",
         {"killed": 6, "arrested": 4}),
        # near-miss: rebels capture soldiers: hostages, not arrests
        ("Rebels killed three soldiers and captured two near Bunia.", "killed", {"killed": 3, "hostages": 2}),
    ],
)
def test_captured_after_killed_are_of_the_same_group(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# ------------------------------------------------------------------------------- an ordinal as one more victim
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Gunmen killed three policemen and wounded a fourth in Zamboanga.", "killed", {"killed": 3, "injured": 1}),
        ("A roadside bomb killed two soldiers and injured a third near Khost.", "bomb", {"killed": 2, "injured": 1}),
        ("Police arrested four protesters in Tbilisi and detained a fifth at the airport.", "arrested",
         {"arrested": 5}),
        # near-misses: an ordinal that is no person, a rescue
        ("The blast killed five miners, and rescuers pulled out a sixth alive.", "blast", {"killed": 5}),
        ("Militants attacked the base for a third time in Kunar, killing two guards.", "attacked", {"killed": 2}),
        ("Troops killed four insurgents in a second raid near Palma.", "killed", {"killed": 4}),
    ],
)
def test_an_ordinal_is_one_more_victim(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# ----------------------------------------------------------- a participle after a subordinate clause of no violence
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Rioters stormed the jail in Port-au-Prince after an inmate died, injuring five guards.", "stormed",
         {"injured": 5}),
        ("Villagers attacked the clinic near Kasese when a child died there, wounding three nurses.", "attacked",
         {"injured": 3}),
        ("Protesters raided the police post in Kisii after a student was arrested, injuring four officers.",
         "raided", {"injured": 4}),
        # near-misses: the subordinate clause is the violent one, so the participle stays its own
        ("Troops withdrew from the town after a bomb exploded near their base, wounding two soldiers.", "withdrew",
         {}),
        ("Residents fled the village when militants shelled it, killing six people.", "fled", {}),
    ],
)
def test_a_participle_after_a_clause_of_no_violence_is_the_main_acts(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# --------------------------------------------------------------- arrests and injuries told after a dispersal
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Police broke up a sit-in outside parliament in Yerevan on Tuesday. The interior ministry reported 35 "
         "detentions.", "broke", {"arrested": 35}),
        ("Riot police dispersed a rally in Tbilisi with water cannon. Officials said 48 people were detained.",
         "dispersed", {"arrested": 48}),
        ("Security forces cracked down on a strike in Abidjan on Friday. A union spokesman said 20 workers had been "
         "arrested and four were hurt.", "cracked", {"arrested": 20, "injured": 4}),
        ("Police broke up a banned vigil in Almaty on Sunday with batons. The city police reported 40 detentions.\n\n"
         "Six officers were injured in the scuffles, the police said.", "broke", {"arrested": 40, "injured": 6}),
        # near-misses: another happening told after it, arrests after an attack (an arrest of its own), no dispersal
        ("Police broke up a rally in Minsk on Monday. Separately, 12 people were arrested in Grodno.", "broke", {}),
        ("Gunmen attacked a village in Benue on Monday. Police later arrested three suspects.", "attacked", {}),
        ("Union leaders broke off talks with the ministry in Lagos. Police said 14 strikers were detained.", "broke",
         {}),
    ],
)
def test_arrests_and_injuries_told_after_a_dispersal(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# ------------------------------------------------ a later sentence's agent who did no harm ("treated by medics")
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("A car bomb exploded outside a court in Mogadishu. Eleven people were treated by medics for shrapnel "
         "wounds.", "exploded", {"injured": 11}),
        ("A grenade hit a bar in Bujumbura on Saturday. Nine customers were treated by paramedics at the scene.",
         "hit", {"injured": 9}),
        ("Rebels shelled a camp near Kidal on Monday. Seven civilians were treated by army doctors, officials "
         "said.", "shelled", {"injured": 7}),
        # near-misses: an agent who did harm tells an act of its own
        ("A bomb exploded at a market in Kano. Two soldiers were shot by gunmen in Zaria.", "exploded", {}),
        ("Rebels shelled a camp near Kidal. Three villagers were killed by a landmine in Menaka.", "shelled", {}),
    ],
)
def test_an_agent_who_did_no_harm_tells_no_act_of_its_own(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# ------------------------------------------------------ injuries told after the arrest of a crowd (a crackdown)
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Riot police arrested 60 protesters in Belgrade on Sunday. No one was injured.", "arrested",
         {"arrested": 60, "injured": 0}),
        ("Security forces detained 15 marchers in Conakry. Four people were wounded in the scuffles.", "detained",
         {"arrested": 15, "injured": 4}),
        ("Police rounded up 30 strikers in Dhaka on Thursday. Two officers were hurt.", "rounded",
         {"arrested": 30, "injured": 2}),
        # near-misses: suspects arrested over an attack told before, another happening
        ("Police arrested three suspects over the bombing in Quetta. Five people were killed in the blast.",
         "arrested", {"arrested": 3}),
        ("Police arrested 12 protesters in Lima. Separately, two soldiers were killed in Ayacucho.", "arrested",
         {"arrested": 12}),
    ],
)
def test_injuries_told_after_the_arrest_of_a_crowd(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# ---------------------------------------------- a toll the next paragraph reports in a participle ("adding that")
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("A bomb exploded at a market in Kirkuk on Sunday, killing six people.\n\nA police spokesman said the bomber "
         "had been identified, adding that more than 30 wounded people had been taken to hospitals.", "exploded",
         {"killed": 6, "injured": 30}),
        ("Gunmen opened fire on worshippers in Ondo on Sunday, killing seven.\n\nThe governor condemned the attack, "
         "saying that 12 injured people were being treated in hospital.", "opened", {"killed": 7, "injured": 12}),
        ("A suicide bomber struck a police academy in Quetta, killing 11 cadets.\n\nOfficials gave no motive, adding "
         "that 25 wounded cadets had been flown to Karachi.", "struck", {"killed": 11, "injured": 25}),
        # near-misses: another attack reported, no casualty word
        ("A bomb exploded at a market in Kirkuk, killing six people.\n\nThe governor visited the city, adding that a "
         "separate attack in Tikrit had wounded 30 people.", "exploded", {"killed": 6}),
        ("A bomb exploded at a market in Kirkuk, killing six people.\n\nPolice gave no details, adding that 30 "
         "people had been questioned.", "exploded", {"killed": 6}),
    ],
)
def test_a_toll_reported_in_a_participle_of_the_next_paragraph(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


def test_a_participle_later_in_the_story_reports_the_storys_toll() -> None:
    """Past the lead's next paragraph, "adding that" tells the story's toll, not the act just before it."""
    text = ("Gunmen attacked a camp near Beni overnight, killing 20 people, a local official said.\n\n"
            "The attackers burned dozens of homes before dawn, the official said.\n\n"
            "An army spokesman said troops had killed four attackers during a pursuit. \"The toll could rise,\" he "
            "said, adding that more than 40 wounded people had been taken to hospitals.")
    assert tolls(text, "killed") == {"killed": 4}
