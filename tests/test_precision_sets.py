"""The precision probe (tests/data/precision_tuning.jsonl): news sentences that must give no event (sport,
markets, weather, culture, courts, background and opinion) and sentences whose right code has a confusable
neighbour (190/183/186/195, 163/172, 042/043/036/044, 111/112/114, 143/195, 0311/031, 057/054, 081/085).
Floors sit a little under the measured scores; raise them as the coder improves, never lower them. The
holdout half (precision_holdout.jsonl) is scored by hand once a change is finished, not here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brinkwatch.evaluate import evaluate, load_gold

DATA = Path(__file__).parent / "data"
SETS = ("precision_tuning.jsonl", "precision_holdout.jsonl")
FLOOR = {"dyad_root_precision": 0.95, "dyad_root_f1": 0.94, "no_event_accuracy": 0.97}  # measured 0.978, 0.968, 1.0


@pytest.mark.parametrize("name", SETS)
def test_the_sets_have_the_probe_shape(name: str) -> None:
    records = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    assert len({r["id"] for r in records}) == len(records)
    for record in records:
        assert record["corpus"] == "brinkwatch_precision"
        for event in record["events"]:
            assert event["trigger"] in record["text"], record["id"]
    assert sum(1 for r in records if not r["events"]) >= 20
    assert sum(1 for r in records if r["events"]) >= 20


def test_the_two_halves_share_no_sentence() -> None:
    texts = [{json.loads(line)["text"] for line in (DATA / name).read_text(encoding="utf-8").splitlines()}
             for name in SETS]
    assert not texts[0] & texts[1]


def test_precision_probe_stays_above_floor(coder) -> None:
    report = evaluate(load_gold(DATA / "precision_tuning.jsonl"), coder).per_corpus["brinkwatch_precision"]
    scores = report.flat()
    for name, floor in FLOOR.items():
        assert scores[name] >= floor, (name, scores)
