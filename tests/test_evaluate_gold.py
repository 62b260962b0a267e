"""Reading gold files and the actor-code table: good records load, bad ones fail with E800/E200 and a line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brinkwatch.errors import DataFileError, GoldFormatError
from brinkwatch.evaluate import ActorCodes, document_ids, load_gold

GOOD = {
    "id": "s1", "corpus": "petr2_gsr", "date": "2008-08-06", "text": "Israel released the mayor.",
    "events": [{"source": "ISR", "target": "PSEGOV", "cameo": "084", "plover": None}],
    "category": "AFP", "modality": "asserted",  # unknown keys are ignored
}  # fmt: skip


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_loads_records_and_ignores_unknown_keys(tmp_path):
    no_event = {"id": "s2", "corpus": "petr2_gsr", "date": None, "text": "Nothing.", "events": []}
    gold = load_gold(write(tmp_path, json.dumps(GOOD), "", json.dumps(no_event)))
    assert [s.id for s in gold] == ["s1", "s2"]
    assert gold[0].date == dt.date(2008, 8, 6) and gold[1].date is None
    assert gold[0].events[0].target == "PSEGOV" and gold[0].events[0].cameo == "084"
    assert not gold[0].events[0].plover_style and gold[1].events == ()


def test_plover_markup_flags(tmp_path):
    record = {
        "id": "p", "corpus": "plover_gsr", "date": "2000-01-01", "text": "Jordan and Britain agreed.",
        "events": [{"source": "JOR", "source_sector": "", "target": None, "cameo": None, "plover": "AGREE"}],
        "markup": "(SRC/TAR: Jordan) and (SRC/TAR: Britain) (EVT: agreed).",
    }  # fmt: skip
    (sentence,) = load_gold(write(tmp_path, json.dumps(record)))
    assert sentence.symmetric and sentence.compound
    assert sentence.events[0].plover_style and sentence.events[0].source_sector is None


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        (json.dumps({**GOOD, "text": None}), "text"),
        (json.dumps({k: v for k, v in GOOD.items() if k != "id"}), "id"),
        (json.dumps({**GOOD, "date": "yesterday"}), "date"),
        (json.dumps({**GOOD, "events": [{"source": "ISR", "target": "PSE"}]}), "cameo code or a plover"),
        (json.dumps({**GOOD, "events": [{"source": "ISR", "target": "PSE", "cameo": "19a"}]}), "2-4 digits"),
    ],
)
def test_bad_line_raises_e800_with_file_and_line(tmp_path, line, fragment):
    path = write(tmp_path, json.dumps(GOOD), line)
    with pytest.raises(GoldFormatError) as info:
        load_gold(path)
    assert info.value.code == "E800"
    assert info.value.line == 2 and info.value.source == str(path)
    assert fragment in info.value.message


def test_empty_or_missing_file_is_an_error(tmp_path):
    with pytest.raises(GoldFormatError, match="no records"):
        load_gold(write(tmp_path, "", "  "))
    with pytest.raises(GoldFormatError, match="cannot read"):
        load_gold(tmp_path / "absent.jsonl")


def test_repeated_ids_get_distinct_document_ids(tmp_path):
    gold = load_gold(write(tmp_path, json.dumps(GOOD), json.dumps(GOOD), json.dumps({**GOOD, "id": "s3"})))
    assert document_ids(gold) == ["s1", "s1#2", "s3"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_arbitrary_lines_load_or_fail_with_e800(tmp_path, text):
    path = tmp_path / "fuzz.jsonl"
    path.write_text(text, encoding="utf-8")
    try:
        gold = load_gold(path)
    except GoldFormatError as exc:
        assert exc.code == "E800"
    else:
        assert all(sentence.text is not None for sentence in gold)


def test_dev_gold_loads(gold_dev_path):
    gold = load_gold(gold_dev_path)
    assert len(gold) == 210
    assert {s.corpus for s in gold} == {"plover_gsr", "petr2_gsr"}
    assert sum(not s.events for s in gold) == 5


def test_actor_code_table_is_validated(tmp_path):
    bad = tmp_path / "codes.yaml"
    bad.write_text("version: 1\ncountry_aliases: {JAPAN: JPN}\nunknown_country: '---'\nrole_codes: [GOV]\n"
                   "role_aliases: {}\n", encoding="utf-8")  # fmt: skip
    with pytest.raises(DataFileError) as info:
        ActorCodes.load(bad)
    assert info.value.code == "E200" and "JAPAN" in str(info.value)


def test_actor_code_helpers():
    codes = ActorCodes.load()
    assert codes.segments("IRQGOVMIL") == ("GOV", "MIL")
    assert codes.code_key("IGOUNOMIL").agent == "UNO"
    assert codes.role_key("IGOUNOMIL").agent == "MIL"
    assert codes.role("CVLalb") == "CVL" and codes.role("***") is None and codes.role(None) is None
