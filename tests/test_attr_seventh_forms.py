"""Attribute forms of the seventh round of issue 12 (found on tests/data/attributes/wires_seventh), in our own
words. Dates: "last March" (the latest March before the story's month), a live blog's day heading that the
tagger runs into the first entry's time stamp, "since August 2016, when a bombing killed 70" (the "since" date is
no date of the sentence's own event, but it dates the "when" clause), "on the eve of the riot" (the day before
the act, which "a weekend riot" or "Sunday's raids" dated), and a date that only says when the act was told
("..., the governor told reporters on Thursday") yielding to the next sentence's "The attack happened on Monday
night". Numbers: "charged 14 people" (an arrest count; "charged at 300 protesters" and "faces 14 charges" are
not), "The dead included 11 children" (a part of the toll, and the toll run goes on after it), a capture by
soldiers or police, or of attackers, is an arrest ("killed seven attackers and captured two"), and "repelled an
attack" is a violent act whose toll the next sentence tells. Each form has three or more sentences in other
countries and tenses, and near-misses that must not fire.
"""

from __future__ import annotations

import datetime as dt

import pytest

from brinkwatch.extract.dates import DateCues, load_cue_file, parse_date_expression
from test_attr_fourth_forms import attributes

D = dt.date
PUB = D(2026, 2, 12)  # a Thursday
CUES = load_cue_file("attr_dates.yaml", DateCues)


def tolls(text: str, trigger: str, pub: dt.date = PUB) -> dict[str, float]:
    out: dict[str, float] = {}
    for q in attributes(text, trigger, pub).numbers:
        out[q.kind] = out.get(q.kind, 0) + q.value
    return {k: v for k, v in out.items() if k in ("killed", "injured", "arrested", "hostages")}


def event_date(text: str, trigger: str, pub: dt.date = PUB) -> tuple[dt.date | None, str]:
    found = attributes(text, trigger, pub)
    return found.date, found.date_precision


# ------------------------------------------------------------------------------------- "last March"
@pytest.mark.parametrize(
    ("text", "pub", "expected"),
    [
        ("last March", D(2026, 2, 12), D(2025, 3, 1)),
        ("last October", D(2026, 12, 3), D(2026, 10, 1)),
        ("Last July", D(2026, 6, 12), D(2025, 7, 1)),
        ("last May", D(2026, 5, 20), D(2025, 5, 1)),  # said in May: a year back, not this month
        ("next March", D(2026, 2, 12), D(2026, 3, 1)),
        ("next January", D(2026, 2, 12), D(2027, 1, 1)),
        ("late last March", D(2026, 2, 12), D(2025, 3, 23)),  # 0.75 into the month, as "late March"
    ],
)
def test_a_named_month_counted_back_from_the_story(text, pub, expected) -> None:
    parsed = parse_date_expression(text, pub, CUES)
    assert (parsed.date, parsed.precision) == (expected, "month")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("In December 2023, raids on 20 villages killed nearly 200 people. Last March, gunmen killed 52 people "
         "in an attack on a village in Bassa.", "gunmen", D(2025, 3, 1)),
        ("Last October, a car bomb outside a police station in Jamundi wounded 11 people.", "bomb", D(2025, 10, 1)),
        ("Troops shelled the rebel-held town of Kidal last November, residents said.", "shelled", D(2025, 11, 1)),
    ],
)
def test_last_month_dates_a_background_event(text, trigger, expected) -> None:
    assert event_date(text, trigger) == (expected, "month")


def test_last_without_a_month_is_no_date() -> None:
    # near-miss: "the last march" is a walk, not a month; "last Monday" stays a weekday
    assert parse_date_expression("the last march", PUB, CUES).date is None
    assert parse_date_expression("last Monday", PUB, CUES).date == D(2026, 2, 9)


# ------------------------------------------------------------------ a live blog's heading over its time stamps
BLOG = ("Wednesday 6 May\n\n18:40 GMT - Rebels shelled the centre of Taiz in the afternoon, killing five civilians.\n\n"
        "21:15 GMT - The coalition said its jets struck rebel positions east of Marib overnight.\n\n"
        "Thursday 7 May\n\n07:05 GMT - Government forces repelled an attack on the Raghwan front early this morning.")


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [("shelled", D(2026, 5, 6)), ("struck", D(2026, 5, 6)), ("repelled", D(2026, 5, 7))],
)
def test_a_day_heading_dates_every_entry_up_to_the_next(trigger, expected) -> None:
    assert event_date(BLOG, trigger, D(2026, 5, 7))[0] == expected


def test_a_date_that_ends_its_line_in_a_paragraph_still_opens_only_that_paragraph() -> None:
    # near-miss: a date at the start of a prose paragraph is no heading; the next paragraph is not its
    text = ("On 13 August, drones hit a camp near El Fasher, killing 15 civilians.\n\n"
            "Gunmen attacked a village west of Tawila, local sources said.")
    assert event_date(text, "attacked", D(2026, 8, 17)) == (D(2026, 8, 17), "publication")


# ------------------------------------------------------------------------ "since X, when ..."
@pytest.mark.parametrize(
    ("text", "trigger", "pub", "expected"),
    [
        ("The attack was the deadliest in the city since August 2016, when a suicide bombing at the Civil "
         "Hospital killed more than 70 people.", "bombing", D(2026, 9, 15), D(2016, 8, 1)),
        ("The attack was the deadliest on the site since February 2022, when militiamen killed more than 60 "
         "people there.", "killed", D(2026, 1, 23), D(2022, 2, 1)),
        ("It was the worst prison violence since November 2021, when gangs fought for a day in a jail in "
         "Guayaquil.", "fought", D(2026, 3, 25), D(2021, 11, 1)),
        ("Turnout was the lowest since 2019, when the opposition boycotted the vote.", "boycotted",
         D(2026, 10, 9), D(2019, 1, 1)),
    ],
)
def test_a_when_clause_takes_the_since_date(text, trigger, pub, expected) -> None:
    assert event_date(text, trigger, pub)[0] == expected


@pytest.mark.parametrize(
    ("text", "trigger", "pub"),
    [
        # the sentence's own event: "since" is only its point of reference
        ("The attack was the deadliest in the city since August 2016, when a bombing killed 70 people.",
         "attack", D(2026, 9, 15)),
        # no "when" clause
        ("Rebels have shelled the city almost daily since February 2022.", "shelled", D(2026, 6, 12)),
        ("Police have arrested 40 people since March, when the protests began.", "arrested", D(2026, 6, 12)),
    ],
)
def test_the_since_date_stays_a_reference_outside_the_when_clause(text, trigger, pub) -> None:
    assert event_date(text, trigger, pub) == (pub, "publication")


# ------------------------------------------------------------------------ "on the eve of the riot"
@pytest.mark.parametrize(
    ("text", "trigger", "pub", "expected"),
    [
        ("QUITO, March 24 - Two more inmates died on Tuesday, raising the toll from a weekend riot at the "
         "Machala prison to 19.\n\nOn the eve of the riot, gunmen shot dead the prison's deputy director.",
         "gunmen", D(2026, 3, 25), D(2026, 3, 20)),
        ("The toll from Sunday's raids on three villages in Plateau rose to 38 on Wednesday.\n\nOn the eve of "
         "the raids, soldiers had arrested two herders near the villages.", "arrested", D(2026, 2, 12),
         D(2026, 2, 7)),
        ("Rebels attacked the town of Beni on 3 May, killing 12.\n\nOn the eve of the attack, police detained "
         "five men in the market.", "detained", D(2026, 5, 6), D(2026, 5, 2)),
    ],
)
def test_the_eve_of_the_act_is_the_day_before_it(text, trigger, pub, expected) -> None:
    assert event_date(text, trigger, pub)[0] == expected


def test_the_eve_of_a_meeting_is_no_act() -> None:
    # near-miss: "the eve of a meeting" names no violent act the story told, so no day is counted from it
    text = ("KYIV, June 11 - Drones struck Kharkiv overnight, killing four.\n\nThe strike came on the eve of a "
            "meeting of ministers, and police detained two men in the city.")
    assert event_date(text, "detained", D(2026, 6, 12))[0] != D(2026, 6, 10)


# --------------------------------------------------------- a date of the telling yields to the act's restated day
@pytest.mark.parametrize(
    ("text", "trigger", "pub", "expected"),
    [
        ("MAPUTO, July 2 - Insurgents beheaded four villagers in Macomia district, the governor told a news "
         "conference on Thursday. The attack happened on Monday night, the governor said.\n\nAid arrived.",
         "beheaded", D(2026, 7, 3), D(2026, 6, 29)),
        ("Gunmen killed 11 worshippers at a mosque in Katsina, police said on Friday. The attack took place on "
         "Wednesday evening.", "killed", D(2026, 4, 11), D(2026, 4, 8)),
        ("Militants stormed a checkpoint in Bajaur, officials told reporters on Sunday. The raid occurred on "
         "Saturday, they said.", "stormed", D(2026, 5, 4), D(2026, 5, 2)),
        # a one-sentence lead: the next paragraph goes on telling its act
        ("KATSINA, April 10 (Wire) - Gunmen killed 11 worshippers at a mosque, police said on Friday.\n\nThe "
         "attack happened on Wednesday evening, a police spokesman said.", "killed", D(2026, 4, 11), D(2026, 4, 8)),
    ],
)
def test_the_act_takes_the_day_the_next_sentence_gives_it(text, trigger, pub, expected) -> None:
    assert event_date(text, trigger, pub)[0] == expected


@pytest.mark.parametrize(
    ("text", "trigger", "pub", "expected"),
    [
        # no restating sentence: the day of the telling stays (the convention of the older sets)
        ("Gunmen killed 11 worshippers at a mosque in Katsina, police said on Friday. The mosque was built in "
         "1990.", "killed", D(2026, 4, 11), D(2026, 4, 10)),
        # the restating sentence is about something that is no act the story told
        ("Gunmen killed 11 worshippers in Katsina, police said on Friday. The funeral took place on Saturday.",
         "killed", D(2026, 4, 12), D(2026, 4, 10)),
        # the act's own date wins: "on Wednesday" hangs on the killing, not on the telling
        ("Gunmen killed 11 worshippers in Katsina on Wednesday, police said on Friday. The attack happened at "
         "dawn on Tuesday.", "killed", D(2026, 4, 11), D(2026, 4, 8)),
        # the next paragraph goes on with the telling only after a one-sentence lead
        ("Gunmen killed 11 worshippers in Katsina, police said on Friday. Residents fled.\n\nThe attack happened "
         "on Wednesday.", "killed", D(2026, 4, 11), D(2026, 4, 10)),
    ],
)
def test_the_day_of_the_telling_stays_without_a_restated_day(text, trigger, pub, expected) -> None:
    assert event_date(text, trigger, pub)[0] == expected


# ------------------------------------------------------------------------------- "charged 14 people"
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Police on Sunday charged 14 people over an attack on a police outpost in Patiya.", "charged",
         {"arrested": 14}),
        ("Prosecutors on Thursday charged three more people with group violence.", "charged", {"arrested": 3}),
        ("Prosecutors said on Monday they had charged 14 inmates with murder and terrorism.", "charged",
         {"arrested": 14}),
        ("Fourteen men were charged with rioting in Leicester on Saturday.", "charged", {"arrested": 14}),
        ("A Nairobi court charged 23 protesters with arson on Wednesday.", "charged", {"arrested": 23}),
    ],
)
def test_charged_people_are_an_arrest_count(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Riot police charged at about 300 protesters in Lahore on Friday.", "charged"),
        ("Police baton-charged some 500 students outside the assembly on Monday.", "charged"),
        ("The opposition leader faces 14 charges, including treason.", "faces"),
    ],
)
def test_a_charge_at_people_or_a_count_of_charges_is_no_arrest(text, trigger) -> None:
    assert "arrested" not in tolls(text, trigger)


# ------------------------------------------------------------------------- "The dead included 11 children"
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Gunmen stormed three villages in Bokkos late on Sunday. The dead included 11 children and a "
         "70-year-old village head. Among the 40 wounded were 12 children, the spokesman said.", "stormed",
         {"injured": 40}),
        ("A car bomb exploded outside a court in Kabul, killing nine people. The dead included two judges.",
         "exploded", {"killed": 9}),
        ("Rebels shelled the market in Kadugli. The victims included four women and a child. Nineteen people "
         "were wounded.", "shelled", {"injured": 19}),
    ],
)
def test_who_the_dead_were_is_part_of_the_toll(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


def test_a_toll_of_its_own_after_an_include_is_still_counted() -> None:
    # near-miss: a count that is the subject, not the object of "include", is a toll of its own
    text = "Gunmen attacked a bus near Gao. Twelve passengers were killed, including three children."
    assert tolls(text, "attacked") == {"killed": 12}


# ---------------------------------------------------------------------- a capture by the forces of order
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Army spokesman Lieutenant Jules Ngongo said soldiers had killed seven attackers and captured two "
         "during a pursuit on Thursday morning.", "killed", {"killed": 7, "arrested": 2}),
        ("Troops captured five suspected militants near Marawi on Sunday.", "captured", {"arrested": 5}),
        ("Police seized 4 suspects and two rifles in a raid in Kano on Friday.", "seized", {"arrested": 4}),
        ("Villagers captured three gunmen after the attack and handed them to the police.", "captured",
         {"arrested": 3}),
    ],
)
def test_a_capture_by_soldiers_or_of_attackers_is_an_arrest(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Rebels captured 12 soldiers in an ambush near Goma on Monday.", "captured", {"hostages": 12}),
        ("Gunmen seized 30 passengers from a bus in Zamfara on Friday.", "seized", {"hostages": 30}),
        # a number object with a noun of its own after a coordinated act is another group
        ("Militants attacked the post, killed four soldiers and burned two trucks.", "attacked", {"killed": 4}),
    ],
)
def test_a_capture_by_armed_groups_keeps_its_hostages(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# --------------------------------------------------------------------------------- "repelled an attack"
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Government forces say they repelled a Houthi attack on the Raghwan front early this morning. A "
         "military spokesman says 17 Houthi fighters and four soldiers were killed in the fighting. Eleven "
         "soldiers were wounded, he said.", "repelled", {"killed": 21, "injured": 11}),
        ("Troops repulsed an assault on their base in Menaka on Monday. Nine attackers were killed.", "repulsed",
         {"killed": 9}),
        ("Police repelled an attack on a station in Bannu overnight. Two constables were wounded.", "repelled",
         {"injured": 2}),
    ],
)
def test_the_toll_after_a_repelled_attack_is_its_own(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


def test_a_repelled_attack_does_not_take_another_acts_toll() -> None:
    # near-miss: the next sentence has a doer and an act of its own
    text = "Troops repelled an attack on Menaka on Monday. Separately, gunmen shot dead four traders in Gao."
    assert tolls(text, "repelled") == {}


# ----------------------------------------------------- a one-sentence lead whose toll the next paragraph makes exact
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("QUETTA: At least 11 people were killed and scores injured when a suicide bomber blew himself up at a rally "
         "on Monday evening, police said.\n\nA health department spokesman said 11 bodies and 63 injured people had "
         "been brought to the Civil Hospital.", "killed", {"killed": 11, "injured": 63}),
        ("KANO, Nigeria (Wire) - Gunmen opened fire on a wedding party in Kano on Saturday, killing four guests "
         "and wounding dozens.\n\nA hospital official said 37 wounded people were being treated.", "opened",
         {"killed": 4, "injured": 37}),
        ("GAO, Mali - Gunmen attacked a bus station in Gao on Monday, killing seven people and wounding scores."
         "\n\nDoctors said 19 people were being treated for gunshot wounds.", "attacked",
         {"killed": 7, "injured": 19}),
        ("Dozens of people were wounded when police fired tear gas at a rally in Harare on Friday. Hospital "
         "officials said 37 people were treated for injuries.", "fired", {"injured": 37}),
    ],
)
def test_the_next_paragraph_gives_a_one_sentence_leads_toll(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # (eighth round: a one-sentence lead's next paragraph that opens on no other act, day or place goes on with
        # its toll - "Doctors said 19 people were being treated for gunshot wounds" are the attack's wounded; see
        # tests/test_attr_wires_eighth.py)
        ("Gunmen attacked a bus station in Gao on Monday, killing seven people.\n\nDoctors said 19 people were "
         "being treated for gunshot wounds.", "attacked", {"killed": 7, "injured": 19}),
        # a lead of two sentences keeps its paragraph's toll
        ("Gunmen attacked a bus in Gao on Monday, killing seven people and wounding dozens. Police blamed "
         "jihadists.\n\nNineteen people were wounded, doctors said.", "attacked", {"killed": 7, "injured": 24}),
        # the next paragraph tells an act of its own
        ("Gunmen attacked a bus in Gao on Monday, killing seven people.\n\nIn a separate attack, gunmen wounded 19 "
         "people in Menaka.", "attacked", {"killed": 7}),
        # only the next paragraph's first sentence
        ("Gunmen attacked a bus in Gao on Monday, killing seven people.\n\nThe market reopened on Tuesday. "
         "Nineteen people were wounded, doctors said.", "attacked", {"killed": 7}),
        # an exact count the lead gave is not replaced by the next paragraph's
        ("Gunmen attacked a bus in Gao on Monday, killing seven people.\n\nNine people were killed, residents "
         "said.", "attacked", {"killed": 7}),
        # an exact count is not replaced in the paragraph either
        ("At least 40 people were injured when police fired tear gas at a rally in Harare. Hospital officials "
         "said 12 people were treated for injuries.", "fired", {"injured": 40}),
    ],
)
def test_a_leads_toll_stays_where_the_next_paragraph_adds_nothing_of_it(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected
