"""Tests for the CAMEO ontology table and its loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from brinkwatch.errors import DataFileError, UnknownCodeError
from brinkwatch.model import Cameo, Plover
from brinkwatch.ontology import PLOVER2016_TYPES, PLOVER_TYPES, Ontology


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


def test_complete_code_list(ontology: Ontology) -> None:
    codes = ontology.codes()
    assert len(codes) == 316
    assert sorted(c for c in codes if len(c) == 2) == [f"{n:02d}" for n in range(1, 21)]
    assert sum(len(c) == 3 for c in codes) == 149
    assert sum(len(c) == 4 for c in codes) == 147


def test_every_code_has_scale_values_and_plover(ontology: Ontology) -> None:
    expected_quad = {**{r: 1 for r in range(1, 6)}, **{r: 2 for r in range(6, 10)},
                     **{r: 3 for r in range(10, 15)}, **{r: 4 for r in range(15, 21)}}  # fmt: skip
    for code in ontology.codes():
        entry = ontology.get(code)
        assert -10.0 <= entry.goldstein <= 10.0
        assert entry.plover_type in PLOVER_TYPES
        assert entry.quad_class == expected_quad[int(entry.root)]
        assert entry.plover2016 is None or entry.plover2016 in PLOVER2016_TYPES
        if entry.root != "01":
            assert entry.plover2016 is not None, code


def test_codes_without_gdelt_goldstein_take_parent_value(ontology: Ontology) -> None:
    for code in ("155", "176", "1834", "1951", "1952"):
        entry = ontology.get(code)
        assert entry.goldstein_source == "parent"
        assert entry.goldstein == ontology.get(ontology.parent(code)).goldstein
    assert ontology.get("106").goldstein == -5.0
    assert ontology.get("1823").goldstein == -10.0
    assert ontology.get("057").goldstein == 8.0


def test_plover_2021_source_and_extensions(ontology: Ontology) -> None:
    assert ontology.plover("0841") == Plover(type="RETREAT", mode="release", context="legal")
    assert ontology.plover("163").type == "COERCE"  # the source maps sanctions to COERCE, kept as is
    assert ontology.get("163").plover_source == "plover"
    assert ontology.plover("0253") == Plover(type="REQUEST", mode="yield", context="legal")  # mirrors 1053
    assert ontology.get("0253").plover_source == "brinkwatch"
    assert ontology.plover("016").type == "REJECT"
    assert ontology.plover("019").type == "AGREE"
    assert ontology.plover("18").type == "ASSAULT"


def test_plover_2016_boundaries(ontology: Ontology) -> None:
    cases = {
        "021": "DEMAND",
        "1053": "DEMAND",
        "0811": "CONCEDE",
        "0813": "RETREAT",
        "0862": "RETREAT",
        "0874": "RETREAT",
        "094": "INVESTIGATE",
        "1124": "DISAPPROVE",
        "181": "COERCE",
        "185": "ASSAULT",
        "191": "COERCE",
        "192": "FIGHT",
        "203": "FIGHT",
        "163": "SANCTION",
        "1712": "COERCE",
        "010": None,
    }
    for code, expected in cases.items():
        assert ontology.plover2016(code) == expected, code


def test_cameo_record_and_parent(ontology: Ontology) -> None:
    assert ontology.cameo("1384") == Cameo(code="1384", root="13", name="Threaten conventional attack")
    assert ontology.parent("1384") == "138"
    assert ontology.parent("138") == "13"
    assert ontology.parent("13") is None
    assert "1384" in ontology and "999" not in ontology
    assert ontology.children("08")[:2] == ["080", "081"]


def test_unknown_code_raises_numbered_error(ontology: Ontology) -> None:
    with pytest.raises(UnknownCodeError) as info:
        ontology.get("2099")
    assert info.value.code == "E201"


def test_extra_file_adds_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "# my additions, version 1\ncode\tname\tgoldstein\tplover_type\tplover2016\n"
        "1385\tThreaten nuclear attack\t-8.0\tTHREATEN\tTHREATEN\n0571\tSign trade pact\t8.0\tSUPPORT\tSUPPORT\n",
        encoding="utf-8",
    )
    ontology = Ontology.load([extra])
    assert ontology.goldstein("1385") == -8.0
    assert ontology.get("0571").quad_class == 1 and ontology.get("0571").level == 3
    assert len(ontology) == 317


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("code\tname\tgoldstein\tplover_type\n1901\tBad\t-12\tASSAULT\n", "goldstein"),
        ("code\tname\tgoldstein\tplover_type\n1901\tBad\t-9\tSMASH\n", "SMASH"),
        ("code\tname\tgoldstein\tplover_type\nABC\tBad\t-9\tASSAULT\n", "2-4 digits"),
        ("code\tname\tplover_type\n1901\tBad\tASSAULT\n", "goldstein"),
    ],
)
def test_malformed_extra_file_names_file_and_row(tmp_path: Path, body: str, fragment: str) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("# broken\n" + body, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        Ontology.load([bad])
    message = str(info.value)
    assert info.value.code == "E200"
    assert "bad.tsv" in message and fragment in message
    assert info.value.line in (2, 3)
