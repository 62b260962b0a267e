"""The first-letter scanner finds exactly what the one big alternation of curated site names finds."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from brinkwatch.geo.scan import FirstLetterScanner
from test_attr_fixtures import shared_gazetteer

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_NAMES = ["Ain al-Asad Air Base", "Ain al-Asad", "Al Udeid", "Kharg Island", "Kharg", "Sea of Azov", "Azov Sea",
          "strait of hormuz", "Hormuz"]


def _scanner(names: list[str]) -> FirstLetterScanner:
    return FirstLetterScanner([(n[0], re.escape(n).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]"))
                               for n in sorted(names, key=len, reverse=True)])


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


def test_same_matches_as_one_pattern_on_own_articles() -> None:
    gazetteer = shared_gazetteer()
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.rglob("*")) if p.suffix in {".txt", ".html", ".jsonl"}]
    found = 0
    for text in texts:
        fast = _spans(gazetteer.curated_matches(text))
        assert fast == _spans(gazetteer.curated_pattern.finditer(text))
        found += len(fast)
    assert found > 0  # the examples name curated sites: the comparison is not between two empty lists


def test_longest_listed_name_wins_and_scan_resumes_after_it() -> None:
    scanner = _scanner(_NAMES)
    text = "Drones hit AIN AL-ASAD air base and Kharg island; the Strait-of Hormuz, not Kharg-Island's pier."
    assert _spans(scanner.finditer(text)) == _spans(scanner.pattern.finditer(text))
    assert [m.group() for m in scanner.finditer(text)][:2] == ["AIN AL-ASAD air base", "Kharg island"]


def test_name_inside_a_word_or_after_a_hyphen_is_not_found() -> None:
    scanner = _scanner(_NAMES)
    assert list(scanner.finditer("Kharga and pre-Hormuz and Al Udeidi")) == []


def test_a_name_not_starting_with_an_ascii_letter_falls_back_to_the_one_pattern() -> None:
    scanner = _scanner([*_NAMES, "Ödemiş", "9th Street"])
    text = "From Ödemiş to 9th street and Kharg."
    assert _spans(scanner.finditer(text)) == _spans(scanner.pattern.finditer(text))
    assert len(_spans(scanner.finditer(text))) == 3


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_NAMES, "kharg", "KHARG ISLAND", "Ain", "al", "-", " ", "x", "\u212aharg", "ſea of azov",
                                 ", ", "Azov", "Sea"]), max_size=12))
def test_same_matches_as_one_pattern_on_any_mix(pieces: list[str]) -> None:
    scanner = _scanner(_NAMES)
    for text in ("".join(pieces), " ".join(pieces)):
        assert _spans(scanner.finditer(text)) == _spans(scanner.pattern.finditer(text))
