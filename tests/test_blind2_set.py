"""The second blind set (tests/data/blind2): frozen and well formed; never run through the coder here.

Thirty whole articles written in another hand than tests/data/blind and hand-coded before brinkwatch was run
on them (README there). The digest below freezes them: a changed article or label fails here, because a blind
set that is edited after its scores are seen is no longer blind. The floor at the end was added by the lead after
scoring the set on the code where the sixth round began and where it ended; no rule is tuned on these articles.
"""

from __future__ import annotations

from pathlib import Path

from helpers import (
    assert_blind_coverage,
    assert_blind_floor,
    assert_blind_house_lines,
    assert_blind_labels_locatable,
    blind_digest,
)

BLIND2 = Path(__file__).parent / "data" / "blind2"
DIGEST = "26cd30234ff3ce71e10d05c6022982bf635da636e376a20cd90c3df3eb234d1a"


def test_blind2_set_is_frozen() -> None:
    assert blind_digest(BLIND2) == DIGEST, "the second blind set changed after it was frozen: restore it, or write a new set"


def test_blind2_set_covers_regions_and_genres() -> None:
    assert_blind_coverage(BLIND2, articles=30, per_region=5, min_per_genre=4)


def test_every_label_is_locatable_and_in_the_codebook() -> None:
    assert_blind_labels_locatable(BLIND2, articles=30, min_events=200)


def test_every_line_has_core_flag_and_a_house_modality() -> None:
    assert_blind_house_lines(BLIND2)


# Floors a little under the scores measured when the sixth round's changes were finished (README, "Accuracy"):
# dyad_root F1 0.332 at its start, 0.356 at its end; core happenings 55/112 -> 57/112 = 0.51; place country of
# found events 33/40 -> 40/45 = 0.89; at the seventh round's end 0.348, 57/112 and 38/43 = 0.88; at the eighth
# round's end 0.372 (strict 0.349), 61/112 = 0.54 and 41/46 = 0.89; at the ninth round's end 0.383 (strict 0.347),
# 64/112 = 0.57 and 41/47 = 0.87; at the tenth round's end 0.396 (strict 0.361), 65/112 = 0.58 and 43/49 = 0.88.
# Raise them with the coder, never lower them.
FLOOR = {"dyad_root_f1": 0.39, "core_recall": 0.57, "place_country": 0.85}


def test_blind2_set_stays_above_floor(coder) -> None:  # noqa: ANN001
    assert_blind_floor(BLIND2, coder, "blind2", FLOOR)
