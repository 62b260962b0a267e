"""Event dates from the text around the event's sentence: a date that opens a paragraph or note dates the
sentences after it (until another opening date or the paragraph's end); "since" and "until" dates are
points of reference, never the event's date; weekdays count back from the publication date (forward for
planned events). Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from brinkwatch.model import Article
from test_attr_fixtures import shared_extractor, shared_nlp

PUB = dt.date(2020, 5, 12)  # a Tuesday
D = dt.date


def event_date(text: str, trigger: str, pub: dt.date = PUB) -> tuple[dt.date | None, str]:
    nlp, extractor = shared_nlp(), shared_extractor()
    doc = nlp(text)
    ctx = extractor.prepare(doc, Article(doc_id="d", text=text, pub_date=pub))
    tok = next(t for t in doc if t.text == trigger)
    attrs = extractor.for_event(ctx, tok.sent, tok)
    return attrs.date, attrs.date_precision


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a conflict monitor's note: the opening date holds for every sentence of the note
        ("On 6 May 2020, militants attacked a checkpoint in Jowzjan. The militants also burned two vehicles.",
         "burned", (D(2020, 5, 6), "day")),
        ("On 2 April 2020, gunmen raided a village near Djibo. They abducted four teachers. Troops later "
         "recovered two of them.", "recovered", (D(2020, 4, 2), "day")),
        ("On 28 April, protesters blocked the road to the port. Police dispersed them with tear gas.", "dispersed",
         (D(2020, 4, 28), "day")),
        # a date in brackets before the sentence, as a blog or a timeline writes it
        ("(February 7) Iraqi lawmakers met the prime minister. They demanded the withdrawal of foreign troops.",
         "demanded", (D(2020, 2, 7), "day")),
        # a weekday that opens the paragraph
        ("On Monday, the rebels shelled the airport. The army returned fire.", "returned", (D(2020, 5, 11), "day")),
        # a date on a line of its own heads everything after it, across paragraphs, until the next one
        ("(May 9)\nTroops entered the town.\n\nThey detained the mayor.\n\n(May 10)\nThe mayor was released.",
         "detained", (D(2020, 5, 9), "day")),
        ("(May 9)\nTroops entered the town.\n\n(May 10)\nThe soldiers freed the mayor.", "freed",
         (D(2020, 5, 10), "day")),
    ],
)
def test_an_opening_date_dates_what_follows(text: str, trigger: str, expected: tuple) -> None:
    assert event_date(text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # another opening date takes over
        ("On 6 May 2020, militants attacked a checkpoint. On 8 May 2020, troops raided a village. They "
         "arrested five men.", "arrested", (D(2020, 5, 8), "day")),
        # the sentence's own date wins over the carried one
        ("On 6 May 2020, militants attacked a checkpoint. Troops struck back on 7 May.", "struck",
         (D(2020, 5, 7), "day")),
        # a new paragraph is a new note: the date stays behind
        ("On 6 May 2020, militants attacked a checkpoint.\nPolice arrested three suspects.", "arrested",
         (PUB, "publication")),
        # a date inside the sentence (not opening it) dates that sentence only
        ("Rebels attacked the town on Monday. Police arrested three men.", "arrested", (PUB, "publication")),
        # a date as the subject does not open a run: "Monday's attack" is a noun phrase
        ("Monday's attack drew wide condemnation. Police arrested three men.", "arrested", (PUB, "publication")),
    ],
)
def test_where_a_carried_date_stops(text: str, trigger: str, expected: tuple) -> None:
    assert event_date(text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Government and rebel negotiators held the first direct talks since July and agreed to exchange "
         "1,000 prisoners.", "agreed"),
        ("Government and rebel negotiators held the first direct talks since July.", "held"),
        ("The two sides carried out the first prisoner exchange since December.", "carried"),
        ("Artillery pounded the city in the heaviest shelling since 2014.", "pounded"),
        ("Officials said the crossing would stay closed until Sunday.", "closed"),
        ("Troops have blockaded the port ever since March.", "blockaded"),
    ],
)
def test_since_and_until_never_date_the_event(text: str, trigger: str) -> None:
    assert event_date(text, trigger) == (PUB, "publication")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The regime has not tested a warhead since 2017, and it closed its test site in May.", "tested",
         (PUB, "publication")),
        ("Rebels attacked the town, and police arrested three men on Sunday.", "attacked", (PUB, "publication")),
        ("Rebels attacked the town, and police arrested three men on Sunday.", "arrested", (D(2020, 5, 10), "day")),
        ("Officials said on Monday that rebels had attacked the town.", "attacked", (D(2020, 5, 11), "day")),
    ],
)
def test_a_coordinate_clause_keeps_its_date(text: str, trigger: str, expected: tuple) -> None:
    assert event_date(text, trigger) == expected


def test_since_does_not_hide_the_events_own_date() -> None:
    text = "On Sunday the two sides swapped 300 detainees, the largest exchange since January."
    assert event_date(text, "swapped") == (D(2020, 5, 10), "day")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # most recent on or before the publication date (a Tuesday)
        ("Thousands rallied outside parliament on Monday.", "rallied", D(2020, 5, 11)),
        ("Gunmen ambushed a convoy on Saturday night.", "ambushed", D(2020, 5, 9)),
        ("The minister resigned on Tuesday.", "resigned", D(2020, 5, 12)),
        # the coming one for planned events
        ("The envoys will meet in Geneva on Thursday.", "meet", D(2020, 5, 14)),
        ("The president is scheduled to visit Nairobi on Monday.", "visit", D(2020, 5, 18)),
        ("Both delegations plan to sign the accord on Friday.", "sign", D(2020, 5, 15)),
    ],
)
def test_weekdays_count_from_the_publication_date(text: str, trigger: str, expected: dt.date) -> None:
    assert event_date(text, trigger) == (expected, "day")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # "overnight", "this morning", "yesterday" count from the day of the report ...
        ("Rebels killed 18 villagers in an overnight raid, officials said on Sunday.", "killed", D(2020, 5, 10)),
        ("Gunmen attacked the convoy yesterday, the governor said on Saturday.", "attacked", D(2020, 5, 8)),
        # ... or of the note or entry they stand in
        ("(May 3)\nTroops sealed the border. The army also cut the power overnight.", "cut", D(2020, 5, 3)),
        ("On 1 May 2020, police raided the office. They detained the editor yesterday.", "detained", D(2020, 4, 30)),
        # with neither, from the publication date
        ("Jets struck the depot overnight, the ministry said.", "struck", PUB),
    ],
)
def test_relative_days_count_from_the_day_the_text_is_at(text: str, trigger: str, expected: dt.date) -> None:
    assert event_date(text, trigger) == (expected, "day")
