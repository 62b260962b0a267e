"""The pattern dictionary: schema validation, and every pattern's example sentence codes with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from brinkwatch.errors import DataFileError
from brinkwatch.extract.patterns import PatternBook, load_patterns
from brinkwatch.ontology import Ontology
from helpers import code_sentence


@pytest.fixture(scope="module")
def book() -> PatternBook:
    return PatternBook.load(known_codes=set(Ontology.load().codes()))


def test_every_root_has_patterns(book):
    roots = {p.code[:2] for p in own(book)}
    assert roots == {f"{r:02d}" for r in range(1, 21)}


def own(book: PatternBook) -> list:
    """brinkwatch's own entries: the base layer (converted from PETRARCH2) has no example sentences."""
    return [p for p in book.patterns if p.layer == "own"]


def test_every_own_pattern_has_an_example(book):
    assert all(p.example for p in own(book)), [p.id for p in own(book) if not p.example]


def test_bad_pattern_file_names_file_and_entry(tmp_path: Path):
    bad = tmp_path / "mine.yaml"
    bad.write_text("version: 1\npatterns:\n- {id: x.v, lemma: x, code: 190, pos: adverb}\n")
    with pytest.raises(DataFileError) as info:
        load_patterns(bad)
    assert "mine.yaml" in str(info.value) and "x.v" in str(info.value)


def test_unknown_code_is_rejected(tmp_path: Path):
    bad = tmp_path / "mine.yaml"
    bad.write_text("version: 1\npatterns:\n- {id: x.v, lemma: x, code: '999'}\n")
    with pytest.raises(DataFileError, match="999"):
        PatternBook.load([bad], known_codes=set(Ontology.load().codes()))


def test_yaml_words_on_off_stay_words(book):
    assert book.by_id["call.v.on"].particle == "on"
    assert book.by_id["call.v.off"].particle == "off"


def test_user_pattern_file_adds_a_trigger(coder, tmp_path: Path):
    from brinkwatch.config import Settings
    from brinkwatch.extract import Coder

    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "version: 1\npatterns:\n"
        "- {id: user.snub.v, lemma: snub, code: '111', example: 'France snubbed Italy.'}\n"
    )
    mine = Coder(Settings(pattern_files=(extra,)), nlp=coder.nlp)
    events = code_sentence(mine, "France snubbed Italy.")
    assert [(e.source.code, e.target.code, e.cameo.code, e.pattern) for e in events] == [
        ("FRA", "ITA", "111", "user.snub.v")]


def test_pattern_examples_code_with_their_pattern(coder, book):
    """Each example must produce an event whose pattern is that entry (or a governor built on it)."""
    failures = []
    for pat in own(book):
        events = code_sentence(coder, pat.example)
        if not any(ev.pattern == pat.id or ev.pattern.endswith(">" + pat.id) for ev in events):
            failures.append((pat.id, pat.example, [(e.pattern, e.cameo.code) for e in events]))
    rate = 1 - len(failures) / len(own(book))
    # every failure is listed so the next fix is visible; the bar is that nearly all examples work
    assert rate >= 0.9, f"{len(failures)} of {len(own(book))} examples fail: " + "\n".join(map(str, failures))
