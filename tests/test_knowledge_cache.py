"""The knowledge cache: patterns and the gazetteer index are built once, read back equal, rebuilt when a file
changes, and never trusted when torn; ``BRINKWATCH_CACHE_DIR=off`` builds every time."""

from __future__ import annotations

from pathlib import Path

import pytest

from brinkwatch import cache
from brinkwatch.errors import DataFileError
from brinkwatch.extract import patterns as patterns_module
from brinkwatch.extract.patterns import PatternBook
from brinkwatch.ontology import Ontology

EXTRA = """version: 1
source: a test of the cache
patterns:
- {id: besiege.v.test, lemma: besiege, code: '191', example: 'Rebels besieged the town of Kindu.'}
"""


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRINKWATCH_CACHE_DIR", str(folder))
    return folder


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The pattern files the loader parses (a cache hit parses none)."""
    seen: list[Path] = []
    original = patterns_module.load_patterns

    def counting(path: Path):
        seen.append(Path(path))
        return original(path)

    monkeypatch.setattr(patterns_module, "load_patterns", counting)
    return seen


def test_pattern_book_is_built_once_and_rebuilt_when_a_file_changes(cache_dir, tmp_path, monkeypatch) -> None:
    codes = set(Ontology.load().codes())
    extra = tmp_path / "extra.yaml"
    extra.write_text(EXTRA)
    reads = _count_reads(monkeypatch)
    built = PatternBook.load([extra], known_codes=codes)
    assert reads and len(list(cache_dir.glob("patterns-*.pickle"))) == 1
    reads.clear()
    again = PatternBook.load([extra], known_codes=codes)
    assert reads == []  # read back, nothing parsed
    assert [p.model_dump() for p in again.patterns] == [p.model_dump() for p in built.patterns]
    assert again.by_id["besiege.v.test"].code == "191" and again.lexicon == built.lexicon
    extra.write_text(EXTRA.replace("'191'", "'192'"))
    changed = PatternBook.load([extra], known_codes=codes)
    assert extra in reads and changed.by_id["besiege.v.test"].code == "192"
    assert len(list(cache_dir.glob("patterns-*.pickle"))) == 2
    # other known codes are another key: a code the ontology lacks is still refused, not read from the cache
    with pytest.raises(DataFileError, match="192"):
        PatternBook.load([extra], known_codes=codes - {"192"})


def test_a_torn_cache_file_is_rebuilt(cache_dir, monkeypatch) -> None:
    book = PatternBook.load(base_layer=False)
    (path,) = cache_dir.glob("patterns-*.pickle")
    path.write_bytes(path.read_bytes()[:1000])
    reads = _count_reads(monkeypatch)
    again = PatternBook.load(base_layer=False)
    assert reads and len(again.patterns) == len(book.patterns)
    assert cache.read(path) is not None  # written whole again


def test_cache_off_builds_every_time(monkeypatch) -> None:
    monkeypatch.setenv("BRINKWATCH_CACHE_DIR", "off")
    reads = _count_reads(monkeypatch)
    PatternBook.load(base_layer=False)
    first = len(reads)
    PatternBook.load(base_layer=False)
    assert first and len(reads) == 2 * first
    assert cache.cache_file("patterns", []) is None


PEOPLE = """version: 1
source: a test of the actor cache
people:
  - id: test_okafor
    names: ["Amara Okafor", "Okafor", "AOK"]
    country: NGA
    default_code: NGABUS
    roles:
      - {code: NGAGOV, title: Minister, from: 2015-05-29, to: 2019-05-29}
      - {code: NGALEG, title: Senator, from: 2023-06-13, to: null}
"""


def _answers(kb) -> list:
    import datetime as dt

    asked = [("Amara Okafor", dt.date(2016, 1, 1)), ("Okafor", dt.date(2024, 1, 1)), ("Okafor", None),
             ("AOK", None), ("aok", None), ("Nigeria", None), ("the Kremlin", None), ("Lagos", None)]
    return [[m.model_dump() for m in kb.lookup(name, when)] for name, when in asked] + [
        [m.model_dump() for m in kb.search("okafor")], kb.max_name_len]


def test_actor_kb_read_from_the_cache_answers_as_built(cache_dir, tmp_path, monkeypatch) -> None:
    from brinkwatch.actors import kb as kb_module

    people = tmp_path / "people.yaml"
    people.write_text(PEOPLE)
    built = kb_module.ActorKB.load([people], base_layer=False)
    (path,) = cache_dir.glob("actors-*.pickle")

    def no_build(*args, **kwargs):
        raise AssertionError("built again instead of read from the cache")

    monkeypatch.setattr(kb_module.ActorKB, "_build", staticmethod(no_build))
    read = kb_module.ActorKB.load([people], base_layer=False)
    assert _answers(read) == _answers(built)
    assert _answers(read)[0][0]["code"] == "NGAGOV" and _answers(read)[1][0]["title"] == "Senator"
    assert _answers(read)[4] == []  # an acronym matches in capitals only, after the cache as before
    # what the cache keeps is plain tuples: no dataclass or pydantic model per entry to rebuild on reading
    packed = cache.read(path)
    assert all(type(entry) is tuple for entry in packed.entries)
