"""Scoring the attributes of coded events against annotated articles: date, place, numbers, modality, speaker.

An expected event (``brinkwatch.evaluate.articles``) may carry ``date``, ``place`` (``{country, lat, lon}`` or
null), ``numbers`` (``[kind, value, qualifier]``), ``modality`` and ``speaker``; a key that is absent is not
scored. Attributes are compared on the expected events the coder found (paired one-to-one with a predicted
event of the same sentence at the lenient ``dyad_root`` level), so these rates say how right the attributes of
found events are; how many events were found is the recall of the event scores.

- ``date``: the event date equals the expected one.
- ``place_country``: where a place is expected, the predicted place's country equals it; ``place_25km``: where
  coordinates are expected, the predicted point is within 25 km.
- ``numbers``: killed, injured and arrested counts (the ones the issue bars) equal the expected ones, kind by
  kind (the quantities of one kind summed: one per party); events with neither expected nor predicted
  counts of these kinds are not scored.
- ``modality`` and ``speaker`` (the speaker phrase, articles dropped, case ignored).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from brinkwatch.model import Event

SCORED_COUNTS = ("killed", "injured", "arrested")
NAMES = ("date", "place_country", "place_25km", "numbers", "modality", "speaker")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _speaker(text: str | None) -> str:
    words = re.findall(r"[\w'.-]+", (text or "").lower())
    while words and words[0] in ("the", "a", "an"):
        words.pop(0)
    return " ".join(words)


def _tolls(counts: Iterable[tuple[str, float]]) -> dict[str, float]:
    """Killed, injured and arrested totals: a toll over parties ("two soldiers and a civilian") is one
    quantity per party, and the event's toll of a kind is their sum (``extract.numbers``)."""
    out: dict[str, float] = {}
    for kind, value in counts:
        if kind in SCORED_COUNTS:
            out[kind] = out.get(kind, 0.0) + value
    return out


@dataclass
class AttributeScores:
    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)

    def add(self, name: str, ok: bool) -> None:
        self.total[name] += 1
        self.right[name] += int(ok)

    def rate(self, name: str) -> float | None:
        return self.right[name] / self.total[name] if self.total[name] else None

    def to_json(self) -> dict[str, dict[str, float | int | None]]:
        return {name: {"right": self.right[name], "total": self.total[name],
                       "rate": None if self.rate(name) is None else round(self.rate(name), 4)}
                for name in NAMES}

    def score(self, expected: dict, event: Event) -> None:
        """Compare the attributes an expected event carries (``expected``: its extra keys) with ``event``."""
        if "date" in expected and expected["date"]:
            self.add("date", event.date == dt.date.fromisoformat(str(expected["date"])))
        if "place" in expected and expected["place"]:
            want, got = expected["place"], event.place
            if want.get("country"):
                self.add("place_country", got is not None and got.country == want["country"])
            if want.get("lat") is not None and want.get("lon") is not None:
                self.add("place_25km", got is not None and got.lat is not None and got.lon is not None
                         and km(want["lat"], want["lon"], got.lat, got.lon) <= 25)
        if "numbers" in expected:
            want_counts = _tolls((kind, float(value)) for kind, value, *_ in expected["numbers"] or [])
            got_counts = _tolls((q.kind, q.value) for q in event.numbers)
            if want_counts or got_counts:
                self.add("numbers", want_counts == got_counts)
        if expected.get("modality"):
            self.add("modality", event.modality == expected["modality"])
        if "speaker" in expected:
            got = event.attribution.speaker_text if event.attribution else None
            want = expected["speaker"]
            self.add("speaker", got is None if want is None else bool(got) and _speaker(got) == _speaker(want))
