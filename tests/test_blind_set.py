"""The blind set (tests/data/blind): frozen, well formed, and scored only as a regression floor.

The articles were written and hand-coded before brinkwatch was run on them (README there). The digest below
freezes them: a changed article or label fails here, because a blind set that is edited after its scores are
seen is no longer blind. No rule is tuned on these articles; the floor only keeps a finished change from
silently losing what the coder had.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from brinkwatch.evaluate import load_articles
from brinkwatch.ontology import Ontology
from helpers import assert_blind_floor

BLIND = Path(__file__).parent / "data" / "blind"
DIGEST = "f88561080011d4132855bbf09c2999b2396dda97b93d66e8a9e0b9c125ebbfdd"
REGIONS = {"africa", "latam", "sasia", "europe", "mideast", "eastasia"}
GENRES = {"wire", "monitor", "release", "opinion", "liveblog", "statement", "feature"}


def blind_digest(folder: Path = BLIND) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".jsonl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def test_blind_set_is_frozen() -> None:
    assert blind_digest() == DIGEST, "the blind set changed after it was frozen: restore it, or write a new set"


def test_blind_set_covers_regions_and_genres() -> None:
    names = sorted(p.name[: -len(".txt")] for p in BLIND.glob("*.txt"))
    assert len(names) >= 40
    parts = [name.split("_") for name in names]
    assert {p[1] for p in parts} == REGIONS
    assert {p[2] for p in parts} == GENRES
    assert min(Counter(p[1] for p in parts).values()) >= 5


def test_every_label_is_locatable_and_in_the_codebook() -> None:
    codes = set(Ontology.load().codes())
    golds = load_articles(BLIND)
    assert sum(len(g.events) for g in golds) >= 250
    for gold in golds:
        for event in gold.events:
            assert gold.article.text.count(event.trigger) == 1, (gold.name, event.trigger)
            assert event.cameo in codes, (gold.name, event.cameo)
        raw = (BLIND / f"{gold.name}.expected.jsonl").read_text().splitlines()
        assert all(json.loads(line).get("core") is not None for line in raw if line.strip()), gold.name


# Floors a little under the scores measured when the change that produced them was finished (README,
# "Accuracy"): 2026-12-07 dyad_root F1 0.453, core happenings 96/163 = 0.589; at the end of the fourth session
# 0.453 and 98/163 = 0.601, place country of found events 48/60 = 0.80 (was 0.58); at the end of the sixth
# 0.474, 102/163 = 0.626 and 57/68 = 0.84; at the eighth round's end 0.501 (strict 0.488), 102/163 and 59/71 = 0.83;
# at the ninth round's end 0.508 (strict 0.495), 105/163 = 0.644 and 59/71 = 0.83; at the tenth round's end 0.518
# (strict 0.502), 105/163 = 0.644 and 60/73 = 0.82.
# Raise them with the coder.
FLOOR = {"dyad_root_f1": 0.51, "core_recall": 0.64, "place_country": 0.80}


def test_blind_set_stays_above_floor(coder) -> None:
    assert_blind_floor(BLIND, coder, "blind", FLOOR)
