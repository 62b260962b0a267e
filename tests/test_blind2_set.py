"""The second blind set (tests/data/blind2): frozen and well formed; never run through the coder here.

Thirty whole articles written in another hand than tests/data/blind and hand-coded before brinkwatch was run
on them (README there). The digest below freezes them: a changed article or label fails here, because a blind
set that is edited after its scores are seen is no longer blind. The floor at the end was added by the lead after
scoring the set on the code where the sixth round began and where it ended; no rule is tuned on these articles.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from brinkwatch.evaluate import load_articles
from brinkwatch.ontology import Ontology
from helpers import assert_blind_floor

BLIND2 = Path(__file__).parent / "data" / "blind2"
DIGEST = "26cd30234ff3ce71e10d05c6022982bf635da636e376a20cd90c3df3eb234d1a"
REGIONS = {"africa", "latam", "sasia", "europe", "mideast", "eastasia"}
GENRES = {"wire", "monitor", "release", "opinion", "liveblog", "statement", "feature"}
MODALITIES = {"asserted", "negated", "planned", "conditional", "hypothetical", "claimed", "denied",
              "threatened", "requested", "refused"}
FRAME_ROOTS = {"requested": ("02", "10"), "refused": ("12",), "threatened": ("13",)}


def blind2_digest(folder: Path = BLIND2) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".jsonl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _raw_lines(name: str) -> list[dict]:
    text = (BLIND2 / f"{name}.expected.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_blind2_set_is_frozen() -> None:
    assert blind2_digest() == DIGEST, "the second blind set changed after it was frozen: restore it, or write a new set"


def test_blind2_set_covers_regions_and_genres() -> None:
    names = sorted(p.name[: -len(".txt")] for p in BLIND2.glob("*.txt"))
    assert len(names) == 30
    assert {p.name[: -len(".expected.jsonl")] for p in BLIND2.glob("*.expected.jsonl")} == set(names)
    parts = [name.split("_") for name in names]
    assert {p[1] for p in parts} == REGIONS
    assert {p[2] for p in parts} == GENRES
    assert set(Counter(p[1] for p in parts).values()) == {5}
    assert min(Counter(p[2] for p in parts).values()) >= 4


def test_every_label_is_locatable_and_in_the_codebook() -> None:
    codes = set(Ontology.load().codes())
    golds = load_articles(BLIND2)
    assert len(golds) == 30
    assert sum(len(g.events) for g in golds) >= 200
    for gold in golds:
        assert gold.article.pub_date is not None, gold.name
        for event in gold.events:
            assert gold.article.text.count(event.trigger) == 1, (gold.name, event.trigger)
            assert event.cameo in codes, (gold.name, event.cameo)


def test_every_line_has_core_flag_and_a_house_modality() -> None:
    for path in sorted(BLIND2.glob("*.expected.jsonl")):
        name = path.name[: -len(".expected.jsonl")]
        lines = _raw_lines(name)
        assert lines, name
        assert any(line["core"] for line in lines), name  # every article has news of its own
        for line in lines:
            assert isinstance(line.get("core"), bool), (name, line["trigger"])
            assert line["modality"] in MODALITIES, (name, line["trigger"])
            frame = next((m for m, roots in FRAME_ROOTS.items() if line["cameo"][:2] in roots), None)
            if line["modality"] in FRAME_ROOTS or frame:  # 02/10 requested, 12 refused, 13 threatened
                assert line["modality"] == frame, (name, line["trigger"], line["cameo"], line["modality"])


# Floors a little under the scores measured when the sixth round's changes were finished (README, "Accuracy"):
# dyad_root F1 0.332 at its start, 0.356 at its end; core happenings 55/112 -> 57/112 = 0.51; place country of
# found events 33/40 -> 40/45 = 0.89. Raise them with the coder, never lower them.
FLOOR = {"dyad_root_f1": 0.34, "core_recall": 0.49, "place_country": 0.85}


def test_blind2_set_stays_above_floor(coder) -> None:  # noqa: ANN001
    assert_blind_floor(BLIND2, coder, "blind2", FLOOR)
