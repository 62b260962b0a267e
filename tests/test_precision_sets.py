"""The precision probe (tests/data/precision_tuning.jsonl): news sentences that must give no event (sport,
markets, weather, culture, courts, background and opinion) and sentences whose right code has a confusable
neighbour (190/183/186/195, 163/172, 042/043/036/044, 111/112/114, 143/195, 0311/031, 057/054, 081/085).
A second probe (precision2_*.jsonl) adds other genres (health, tech, film, chess, traffic policing), running
tallies, warnings about conditions, forecasts of event nouns and decades long past.
Floors sit a little under the measured scores; raise them as the coder improves, never lower them. The
holdout halves (*_holdout.jsonl) are scored by hand once a change is finished, not here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brinkwatch.evaluate import evaluate, load_gold

DATA = Path(__file__).parent / "data"
PAIRS = (("precision_tuning.jsonl", "precision_holdout.jsonl"),
         ("precision2_tuning.jsonl", "precision2_holdout.jsonl"))
SETS = tuple(name for pair in PAIRS for name in pair)
FLOORS = {
    "precision_tuning.jsonl": {"dyad_root_precision": 0.95, "dyad_root_f1": 0.94,
                               "no_event_accuracy": 0.97},  # measured 0.978, 0.968, 1.0
    "precision2_tuning.jsonl": {"dyad_root_precision": 0.84, "dyad_root_f1": 0.81,
                                "no_event_accuracy": 0.96},  # measured 0.867, 0.839, 1.0
}


@pytest.mark.parametrize("name", SETS)
def test_the_sets_have_the_probe_shape(name: str) -> None:
    records = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    assert len({r["id"] for r in records}) == len(records)
    for record in records:
        assert record["corpus"] == "brinkwatch_precision"
        for event in record["events"]:
            assert event["trigger"] in record["text"], record["id"]
    assert sum(1 for r in records if not r["events"]) >= len(records) // 3  # both kinds well represented
    assert sum(1 for r in records if r["events"]) >= len(records) // 3


def test_no_two_sets_share_a_sentence() -> None:
    texts = [{json.loads(line)["text"] for line in (DATA / name).read_text(encoding="utf-8").splitlines()}
             for name in SETS]
    for i, first in enumerate(texts):
        for second in texts[i + 1:]:
            assert not first & second


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_precision_probe_stays_above_floor(coder, name: str) -> None:
    report = evaluate(load_gold(DATA / name), coder).per_corpus["brinkwatch_precision"]
    scores = report.flat()
    for metric, floor in FLOORS[name].items():
        assert scores[metric] >= floor, (metric, scores)
