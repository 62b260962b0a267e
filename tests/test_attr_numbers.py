"""Numbers attached to events: one sentence per construction, with the exact quantities expected."""

from __future__ import annotations

import pytest

from brinkwatch.extract.dates import load_cue_file
from brinkwatch.extract.numbers import NumberCues, numbers_for_event, parse_number_words
from test_attr_fixtures import shared_nlp

CUES = load_cue_file("attr_numbers.yaml", NumberCues)


def quantities(text: str, trigger: str) -> list[tuple]:
    doc = shared_nlp()(text)
    tok = next(t for t in doc if t.text == trigger)
    return sorted((q.kind, q.value, q.qualifier) for q in numbers_for_event(tok.sent, tok, CUES))


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("At least 12 people were killed when a car bomb exploded in the market.", "exploded",
         [("killed", 12, "at least")]),
        ("Gunmen opened fire on a bus, killing 3 passengers.", "opened", [("killed", 3, None)]),
        ("The blast wounded nearly 40 people.", "wounded", [("injured", 40, "nearly")]),
        ("Rebels shelled the village, but no one was killed.", "shelled", [("killed", 0, None)]),
        ("The senate passed the bill 62 to 38.", "passed", [("votes_against", 38, None), ("votes_for", 62, None)]),
        ("The council voted 12-0 to extend the mission, with three abstentions.", "voted",
         [("abstained", 3, None), ("votes_against", 0, None), ("votes_for", 12, None)]),
        ("The army sent 2,500 troops to the border.", "sent", [("troops", 2500, None)]),
        ("Japan pledged $1.2 billion in aid.", "pledged", [("money", 1.2e9, None)]),
        ("Police detained dozens of activists overnight.", "detained", [("arrested", 24, "dozens")]),
        ("Security forces arrested three soldiers.", "arrested", [("arrested", 3, None)]),
        ("Tens of thousands of people rallied against the coup.", "rallied",
         [("crowd", 20000, "tens of thousands")]),
        ("Militants abducted more than 100 schoolgirls.", "abducted", [("hostages", 100, "more than")]),
        ("Fighting has displaced some 300,000 residents.", "displaced", [("displaced", 300000, "some")]),
        ("The militia launched 20 rockets and five drones at the city.", "launched",
         [("drones", 5, None), ("rockets", 20, None)]),
        ("Six civilians are missing after the raid.", "raid", [("missing", 6, None)]),
        ("The talks lasted three days.", "lasted", []),
        ("The ministry said 64 are said to have had concussions after the strike.", "strike", [("injured", 64, None)]),
    ],
)
def test_numbers(text: str, trigger: str, expected: list[tuple]) -> None:
    assert quantities(text, trigger) == sorted((k, float(v), q) for k, v, q in expected)


def test_money_keeps_currency() -> None:
    doc = shared_nlp()("The EU approved 500 million euros in aid.")
    tok = next(t for t in doc if t.text == "approved")
    (money,) = numbers_for_event(tok.sent, tok, CUES)
    assert (money.kind, money.value, money.unit) == ("money", 5e8, "EUR")


def test_numbers_of_another_clause_are_not_the_events() -> None:
    # the arrests belong to the police, not to the protest the sentence starts with
    text = "Thousands protested on Friday, and police said they had arrested 40 people."
    assert ("arrested", 40.0, None) not in quantities(text, "protested")


@pytest.mark.parametrize(
    ("words", "value"),
    [("2,500", 2500), ("1.2 billion", 1.2e9), ("twenty-five", 25), ("three hundred", 300),
     ("a million", 1e6), ("forty two thousand", 42000), ("banana", None)],
)
def test_parse_number_words(words: str, value: float | None) -> None:
    assert parse_number_words(words) == value
