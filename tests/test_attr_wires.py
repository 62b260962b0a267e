"""Attribute scores of whole coded articles (the full coder, as ``brinkwatch evaluate FOLDER`` scores them) on
the four wire sets of tests/data/attributes: ``wires`` (issue 12's first dev set, tuned on), ``wires_fresh``,
``wires_third`` and ``wires_fourth`` (written and coded before the coder ran on them; their first-run scores
are in the README there, and they were worked on afterwards). The floors sit a little under the scores
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
