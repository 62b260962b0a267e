"""The third blind set (tests/data/blind3): frozen and well formed; never run through the coder here.

Twenty-four whole articles written in a third hand, after tests/data/blind and tests/data/blind2, and hand-coded
before brinkwatch was run on them (README there). The digest below freezes them: a changed article or label fails
here, because a blind set that is edited after its scores are seen is no longer blind. The floor at the end was
added by the lead after scoring the set for the first time, on the code where the seventh round ended.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from brinkwatch.evaluate import load_articles
from brinkwatch.ontology import Ontology
from helpers import assert_blind_floor

BLIND3 = Path(__file__).parent / "data" / "blind3"
DIGEST = "803425b7e3cd6db323cd1dd41aedd419e05e714585c5fe2aa49839b51950fa2b"
REGIONS = {"africa", "latam", "sasia", "europe", "mideast", "eastasia"}
GENRES = {"wire", "monitor", "release", "opinion", "liveblog", "statement", "feature"}
MODALITIES = {"asserted", "negated", "planned", "conditional", "hypothetical", "claimed", "denied",
              "threatened", "requested", "refused"}
FRAME_ROOTS = {"requested": ("02", "10"), "refused": ("12",), "threatened": ("13",)}
KEYS = {"trigger", "source", "target", "cameo", "modality", "core", "happening", "headline"}


def blind3_digest(folder: Path = BLIND3) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".jsonl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _raw_lines(name: str) -> list[dict]:
    text = (BLIND3 / f"{name}.expected.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_blind3_set_is_frozen() -> None:
    assert blind3_digest() == DIGEST, "the third blind set changed after it was frozen: restore it, or write a new set"


def test_blind3_set_covers_regions_and_genres() -> None:
    names = sorted(p.name[: -len(".txt")] for p in BLIND3.glob("*.txt"))
    assert len(names) == 24
    assert {p.name[: -len(".expected.jsonl")] for p in BLIND3.glob("*.expected.jsonl")} == set(names)
    parts = [name.split("_") for name in names]
    assert {p[1] for p in parts} == REGIONS
    assert {p[2] for p in parts} == GENRES
    assert set(Counter(p[1] for p in parts).values()) == {4}
    assert min(Counter(p[2] for p in parts).values()) >= 3


def test_every_label_is_locatable_and_in_the_codebook() -> None:
    codes = set(Ontology.load().codes())
    golds = load_articles(BLIND3)
    assert len(golds) == 24
    assert sum(len(g.events) for g in golds) >= 170
    for gold in golds:
        assert gold.article.pub_date is not None, gold.name
        for event in gold.events:
            assert gold.article.text.count(event.trigger) == 1, (gold.name, event.trigger)
            assert event.cameo in codes, (gold.name, event.cameo)


def test_every_line_has_core_flag_and_a_house_modality() -> None:
    for path in sorted(BLIND3.glob("*.expected.jsonl")):
        name = path.name[: -len(".expected.jsonl")]
        lines = _raw_lines(name)
        assert lines, name
        assert any(line["core"] for line in lines), name  # every article has news of its own
        for line in lines:
            assert KEYS <= set(line), (name, line["trigger"])
            assert isinstance(line["core"], bool), (name, line["trigger"])
            assert isinstance(line["headline"], bool), (name, line["trigger"])
            assert line["modality"] in MODALITIES, (name, line["trigger"])
            frame = next((m for m, roots in FRAME_ROOTS.items() if line["cameo"][:2] in roots), None)
            if line["modality"] in FRAME_ROOTS or frame:  # 02/10 requested, 12 refused, 13 threatened
                assert line["modality"] == frame, (name, line["trigger"], line["cameo"], line["modality"])


def test_headline_lines_sit_in_a_headline() -> None:
    # a line flagged `headline` is found on a short line with no closing full stop (the outlet's headline),
    # and a line not flagged is never found on such a headline line
    for gold in load_articles(BLIND3):
        lines = gold.article.text.split("\n")
        headlines = {line for line in lines if any(e.headline and e.trigger in line for e in gold.events)}
        for line in headlines:
            assert len(line) < 120 and not line.rstrip().endswith("."), (gold.name, line)
        for event in gold.events:
            on_headline = any(event.trigger in line for line in headlines)
            assert on_headline == event.headline, (gold.name, event.trigger)


# Floors a little under the scores measured the first time the set was scored, when the seventh round's changes
# were finished (README, "Accuracy"): dyad_root F1 0.452 (strict 0.437); core happenings 75/113 = 0.66; place
# country of found events 47/53 = 0.89. Raise them with the coder, never lower them.
FLOOR = {"dyad_root_f1": 0.44, "core_recall": 0.64, "place_country": 0.85}


def test_blind3_set_stays_above_floor(coder) -> None:  # noqa: ANN001
    assert_blind_floor(BLIND3, coder, "blind3", FLOOR)
