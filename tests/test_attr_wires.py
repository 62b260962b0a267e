"""Attribute scores of whole coded articles (the full coder, as ``brinkwatch evaluate FOLDER`` scores them) on
the wire sets of tests/data/attributes: ``wires`` (issue 12's first dev set, tuned on), ``wires_fresh``,
``wires_third``, ``wires_fourth`` and ``wires_fifth`` (written and coded before the coder ran on them; their
first-run scores are in the README there, and they were worked on afterwards; ``heldout_fifth`` is scored
only in the README, never tuned on). The floors sit a little under the scores
reached, to catch regressions; the blind set's own floor lives in test_blind_set.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from brinkwatch.evaluate import evaluate_articles, load_articles

SETS = Path(__file__).parent / "data" / "attributes"
FLOORS = {"date": 0.9, "place_country": 0.9, "place_25km": 0.85, "numbers": 0.85}


@pytest.fixture(scope="module")
def scores(coder):
    golds = [g for name in ("wires", "wires_fresh", "wires_third", "wires_fourth") for g in load_articles(SETS / name)]
    return evaluate_articles(golds, coder, corpus="wires").attributes


def test_the_wire_sets_are_big_enough(scores) -> None:
    assert scores.total["date"] >= 25 and scores.total["place_country"] >= 25 and scores.total["numbers"] >= 20


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_attribute_floor_on_the_wire_sets(scores, name: str) -> None:
    assert scores.rate(name) >= FLOORS[name], (name, scores.right[name], scores.total[name])


# ``wires_fifth`` (eight articles, tuned on in the fifth round: monitor notes, a live blog, a translated
# statement, regional outlets): first run 12/12, 11/12, 6/11, 9/11; after the work 13/13, 13/13, 10/12, 12/12.
FIFTH_FLOORS = {"date": 0.92, "place_country": 0.92, "place_25km": 0.8, "numbers": 0.9}


@pytest.fixture(scope="module")
def fifth_scores(coder):
    return evaluate_articles(load_articles(SETS / "wires_fifth"), coder, corpus="wires").attributes


@pytest.mark.parametrize("name", sorted(FIFTH_FLOORS))
def test_attribute_floor_on_wires_fifth(fifth_scores, name: str) -> None:
    assert fifth_scores.total[name] >= 10, (name, fifth_scores.total[name])
    assert fifth_scores.rate(name) >= FIFTH_FLOORS[name], (name, fifth_scores.right[name], fifth_scores.total[name])
