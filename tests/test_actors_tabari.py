"""Tests for the PETRARCH/TABARI actor dictionary reader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brinkwatch.actors import ActorKB, parse_tabari
from brinkwatch.errors import DataFileError

DICTIONARY = """\
# A small Phoenix-style dictionary written for this test
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_

HAMID_KARZAI_  # CountryInfo.txt
+KARZAI_
+PRESIDENT_KARZAI_
\t[AFGELI 750101-011221]
\t[AFGGOV >011222]
\t[AFGELI]

AFGHAN_NATIONAL_SECURITY_FORCES
+ANSF
+AFGHAN_NATIONAL_ARMY
\t[AFGMIL]

ZAHIR_SHAH_
\t[AFGELI 320101-331108]
\t[AFGGOV 19331108-19730717]
OLD_ENVOY_ [AFGGOV <900101]
"""


def test_parse_entries_synonyms_and_dates() -> None:
    entries = parse_tabari(DICTIONARY, source="test.txt")
    assert [entry.names[0] for entry in entries] == [
        "AFGHANISTAN", "HAMID KARZAI", "AFGHAN NATIONAL SECURITY FORCES", "ZAHIR SHAH", "OLD ENVOY",
    ]  # fmt: skip
    afghanistan, karzai, ansf, zahir, envoy = entries
    assert afghanistan.code == "AFG" and afghanistan.names == ["AFGHANISTAN", "AFGHAN", "KABUL"]
    assert karzai.code == "AFGELI" and "PRESIDENT KARZAI" in karzai.names
    assert [(role.code, role.from_, role.to) for role in karzai.roles] == [
        ("AFGELI", dt.date(1975, 1, 1), dt.date(2001, 12, 22)),
        ("AFGGOV", dt.date(2001, 12, 22), None),
    ]
    assert ansf.code == "AFGMIL" and ansf.names[1] == "ANSF"
    assert zahir.roles[1].from_ == dt.date(1933, 11, 8) and zahir.roles[1].to == dt.date(1973, 7, 18)
    assert zahir.code == "AFGGOV"  # no undated code: the last dated one is the fallback
    assert envoy.roles[0].to == dt.date(1990, 1, 1) and envoy.roles[0].from_ is None


def test_tabari_file_in_actor_kb(tmp_path: Path) -> None:
    path = tmp_path / "mine.actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    kb = ActorKB.load([path])
    assert kb.lookup("Karzai", dt.date(2005, 3, 1))[0].code == "AFGGOV"
    assert kb.lookup("President Karzai", dt.date(1999, 3, 1))[0].code == "AFGELI"
    assert kb.lookup("ANSF")[0].code == "AFGMIL"
    assert kb.lookup("Afghan National Army")[0].code == "AFGMIL"


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("+SYNONYM_\n", 1, "before any entry"),
        ("\t[USAGOV]\n", 1, "before any entry"),
        ("OBAMA_\n\t[USAGOV 0901-]\n", 2, "cannot read code"),
        ("OBAMA_\n\t[USAGOV 091340]\n", 2, "bad date"),
        ("OBAMA_\n+BARACK_OBAMA_\n", 1, "has no [CODE]"),
    ],
)
def test_malformed_dictionary_reports_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(DataFileError) as info:
        parse_tabari(text, source="bad.txt")
    assert info.value.line == line
    assert fragment in str(info.value) and "bad.txt" in str(info.value)


_LINES = st.sampled_from(
    [
        "NAME_",
        "+ALIAS_",
        "\t[USAGOV]",
        "\t[USAGOV 090120-170119]",
        "\t[USAGOV >090120]",
        "[BAD",
        "# c",
        "",
        "X [GBR]",
    ]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=30)), max_size=12))
def test_untrusted_dictionary_never_crashes(lines: list[str]) -> None:
    """Any input either parses into entries with valid codes or raises the numbered DataFileError."""
    try:
        entries = parse_tabari("\n".join(lines), source="fuzz.txt")
    except DataFileError as error:
        assert error.code == "E200" and error.source == "fuzz.txt"
        return
    for entry in entries:
        assert entry.names and entry.code
