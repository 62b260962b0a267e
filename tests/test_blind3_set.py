"""The third blind set (tests/data/blind3): frozen and well formed; never run through the coder here.

Twenty-four whole articles written in a third hand, after tests/data/blind and tests/data/blind2, and hand-coded
before brinkwatch was run on them (README there). The digest below freezes them: a changed article or label fails
here, because a blind set that is edited after its scores are seen is no longer blind. The floor at the end was
added by the lead after scoring the set for the first time, on the code where the seventh round ended.
"""

from __future__ import annotations

from pathlib import Path

from brinkwatch.evaluate import load_articles
from helpers import (
    assert_blind_coverage,
    assert_blind_floor,
    assert_blind_house_lines,
    assert_blind_labels_locatable,
    blind_digest,
)

BLIND3 = Path(__file__).parent / "data" / "blind3"
DIGEST = "803425b7e3cd6db323cd1dd41aedd419e05e714585c5fe2aa49839b51950fa2b"


def test_blind3_set_is_frozen() -> None:
    assert blind_digest(BLIND3) == DIGEST, "the third blind set changed after it was frozen: restore it, or write a new set"


def test_blind3_set_covers_regions_and_genres() -> None:
    assert_blind_coverage(BLIND3, articles=24, per_region=4, min_per_genre=3)


def test_every_label_is_locatable_and_in_the_codebook() -> None:
    assert_blind_labels_locatable(BLIND3, articles=24, min_events=170)


def test_every_line_has_core_flag_and_a_house_modality() -> None:
    assert_blind_house_lines(BLIND3, keys={"trigger", "source", "target", "cameo", "modality", "core", "happening", "headline"}, flags=("core", "headline"))


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
# country of found events 47/53 = 0.89; at the eighth round's end 0.476 (strict 0.462), 76/113 = 0.67 and 50/56 =
# 0.89; at the ninth round's end 0.480 (strict 0.460), 77/113 = 0.68 and 51/57 = 0.89; at the tenth
# round's end 0.484 (strict 0.459), 77/113 and 52/58 = 0.90. Raise them with the coder,
# never lower them.
FLOOR = {"dyad_root_f1": 0.48, "core_recall": 0.67, "place_country": 0.85}


def test_blind3_set_stays_above_floor(coder) -> None:  # noqa: ANN001
    assert_blind_floor(BLIND3, coder, "blind3", FLOOR)
