"""Date expressions: each construction the brief lists, attachment to the trigger, and a property test
that the parser never raises on arbitrary strings."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brinkwatch.extract.dates import DateCues, dateline_end, load_cue_file, parse_date_expression
from brinkwatch.model import Article
from test_attr_fixtures import shared_extractor, shared_nlp

CUES = load_cue_file("attr_dates.yaml", DateCues)
PUB = dt.date(2020, 1, 10)  # a Friday
D = dt.date


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("on Tuesday", D(2020, 1, 7), "day"),
        ("Thursday", D(2020, 1, 9), "day"),
        ("Friday", D(2020, 1, 10), "day"),  # same day allowed
        ("last Friday", D(2020, 1, 3), "day"),
        ("(February 7)", D(2020, 2, 7), "day"),  # within the planning window ahead
        ("December 7", D(2019, 12, 7), "day"),
        ("Feb. 7, 2020", D(2020, 2, 7), "day"),
        ("7 February 2019", D(2019, 2, 7), "day"),
        ("last week", D(2019, 12, 30), "week"),
        ("late last week", D(2020, 1, 3), "week"),
        ("the end of last week", D(2020, 1, 5), "week"),
        ("last weekend", D(2020, 1, 4), "week"),
        ("early October", D(2019, 10, 1), "month"),
        ("mid-2019", D(2019, 7, 2), "year"),
        ("in 2019", D(2019, 1, 1), "year"),
        ("in March", D(2020, 3, 1), "month"),
        ("in July", D(2019, 7, 1), "month"),
        ("yesterday", D(2020, 1, 9), "day"),
        ("today", D(2020, 1, 10), "day"),
        ("this morning", D(2020, 1, 10), "day"),
        ("last night", D(2020, 1, 9), "day"),
        ("three days ago", D(2020, 1, 7), "day"),
        ("2 weeks ago", D(2019, 12, 27), "week"),
        ("on Monday night", D(2020, 1, 6), "day"),
        ("earlier this month", D(2020, 1, 1), "month"),
        ("last year", D(2019, 1, 1), "year"),
        ("2020-01-03", D(2020, 1, 3), "day"),
    ],
)
def test_date_expressions(text: str, expected: dt.date, precision: str) -> None:
    parsed = parse_date_expression(text, PUB, CUES)
    assert (parsed.date, parsed.precision) == (expected, precision)


def test_vague_and_invalid_dates_are_unknown() -> None:
    vague = parse_date_expression("some time ago", PUB, CUES)
    assert (vague.date, vague.precision, vague.vague) == (None, "unknown", True)
    invalid = parse_date_expression("31 February", PUB, CUES)
    assert invalid.precision == "unknown" and invalid.date == D(2020, 2, 29)  # best effort: month's last day
    assert parse_date_expression("three years", PUB, CUES).date is None  # a duration is not a date
    assert parse_date_expression("on Tuesday", None, CUES).date is None  # no publication date to count from


def test_planned_weekday_points_forward() -> None:
    assert parse_date_expression("on Tuesday", PUB, CUES, prefer_future=True).date == D(2020, 1, 14)
    assert parse_date_expression("on Friday", PUB, CUES, prefer_future=True).date == D(2020, 1, 10)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_parser_never_raises_on_arbitrary_text(text: str) -> None:
    parsed = parse_date_expression(text, PUB, CUES)
    assert parsed.precision in ("day", "week", "month", "year", "publication", "unknown")


@settings(max_examples=100, deadline=None)
@given(st.from_regex(r"(early |late |mid-|the end of )?(last |next )?[A-Za-z]{0,9}\.? ?\d{0,4},? ?\d{0,4}",
                     fullmatch=True), st.dates(min_value=D(1901, 1, 1), max_value=D(2099, 12, 31)))
def test_parser_never_raises_on_date_like_text(text: str, pub: dt.date) -> None:
    parsed = parse_date_expression(text, pub, CUES)
    assert parsed.date is None or isinstance(parsed.date, dt.date)


def test_dateline_is_not_an_event_date() -> None:
    assert dateline_end("KYIV, March 2 (AP) — Russian forces shelled Kharkiv.") == len("KYIV, March 2 (AP) — ")
    assert dateline_end("Russian forces shelled Kharkiv on Tuesday.") == 0


@pytest.mark.parametrize(
    ("text", "trigger", "expected", "precision"),
    [
        # the date attached to the trigger wins over a nearer one attached to the reporting verb
        ("Rebels attacked the town on Sunday, officials said on Tuesday.", "attacked", D(2020, 1, 5), "day"),
        ("Officials said on Tuesday that rebels attacked the town.", "attacked", D(2020, 1, 7), "day"),
        ("Rebels attacked the town.", "attacked", D(2020, 1, 10), "publication"),
        ("The two leaders will meet on Tuesday.", "meet", D(2020, 1, 14), "day"),
        ("KYIV, Jan 9 (AP) — Rebels attacked the town.", "attacked", D(2020, 1, 10), "publication"),
    ],
)
def test_event_date_in_context(text: str, trigger: str, expected: dt.date, precision: str) -> None:
    nlp, extractor = shared_nlp(), shared_extractor()
    doc = nlp(text)
    ctx = extractor.prepare(doc, Article(doc_id="t", text=text, pub_date=PUB))
    tok = next(t for t in doc if t.text == trigger)
    attrs = extractor.for_event(ctx, tok.sent, tok)
    assert (attrs.date, attrs.date_precision) == (expected, precision)


def test_no_publication_date_gives_unknown() -> None:
    nlp, extractor = shared_nlp(), shared_extractor()
    text = "Rebels attacked the town."
    doc = nlp(text)
    ctx = extractor.prepare(doc, Article(doc_id="t", text=text))
    tok = doc[1]
    attrs = extractor.for_event(ctx, tok.sent, tok)
    assert (attrs.date, attrs.date_precision) == (None, "unknown")
