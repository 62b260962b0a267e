"""Tests for the Phoenix actor converter on small hand-written dictionaries in the upstream format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brinkwatch.actors.kb import _read_yaml
from brinkwatch.actors.schema import AgentsFile, CitiesFile, DiscardFile, OrganizationsFile, PeopleFile
from brinkwatch.convert.actors import (
    UPSTREAM_COMMIT,
    Corrections,
    convert,
    display_name,
    load_corrections,
    main,
)
from brinkwatch.errors import DataFileError

UPSTREAM = Path(__file__).resolve().parents[1].parent / "shared" / "petrarch2"
DATA = Path(__file__).resolve().parents[1] / "src" / "brinkwatch" / "actors" / "data"

COUNTRIES = """\
# a made-up country file in the TABARI format
FREEDONIA_  [FRD]
+FREEDONIAN_
+SYLVANIA_CITY_
+PHOENIX_   # a common word: on the stoplist
+FREED\ufffdNIA_

FREEDONIAN_NATIONAL_GUARD
+FNG_
\t[FRDMIL]

RUFUS_T_FIREFLY_  # an office holder
+FIREFLY_
\t[FRDGOV 19330101-19331231]
\t[FRDGOV >20150101]
\t[FRDELI]
CHICOLINI_BRAVO_
\t[FRDELI 9901011-991231]
ISLE_OF_QUUX_ [FRDIMY]
NOBODY_IN_PARTICULAR_ [---]
"""

INTERNATIONAL = """\
LEAGUE_OF_FREE_NATIONS_ (LFN)_\t[IGOAEAASN]
+LEAGUE_OF_FREE_NATIONS_
GRAIN_RELIEF_FUND_\t[NGOCHRPRO214]
GRAIN_RELIEF_FUND_\t[NGOCHRPRO214]
"""

ARMED = """\
SYLVANIAN_LIBERATION_FRONT_ [FRDREB]
+SLF_
+TIGERS_
"""

AGENTS = """\
!PERSON! = MAN, WOMAN
RIOTER [~OPP]
HERDS!PERSON! [~AGR]
POLICE_CONSTABLE [~COP]
GUNMAN {} [~UAF]
THIEF {THIEVES} [~CRM]
MONK [~BUD]
VILLAGE [~CVL]
"""

DISCARDS = """\
# sentence and story discards
1931
YEARS AGO
PENALTY SHOOT OUT
+GRAND SLAM FINAL
"""


def _upstream(folder: Path) -> Path:
    folder.mkdir()
    files = {
        "Phoenix.Countries.actors.txt": COUNTRIES,
        "Phoenix.International.actors.txt": INTERNATIONAL,
        "Phoenix.MilNonState.actors.txt": ARMED,
        "Phoenix.agents.txt": AGENTS,
        "Phoenix.discards.txt": DISCARDS,
        "LICENSE": "The MIT License (MIT)\n\nCopyright (c) 2014 Open Event Data\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _corrections() -> Corrections:
    shipped = load_corrections()
    return shipped.model_copy(
        update={
            "specs": {"[FRDELI 9901011-991231]": "[FRDELI 990101-991231]"},
            "names": {"FREED\ufffdNIA_": None},
        }
    )


@pytest.fixture()
def converted(tmp_path: Path) -> tuple[Path, object]:
    out = tmp_path / "out"
    report = convert(_upstream(tmp_path / "up"), out, _corrections())
    return out, report


def _load(path: Path, model):  # noqa: ANN001, ANN202 - a pydantic model class
    return model.model_validate(_read_yaml(path))


def test_country_synonyms_become_places_and_stoplist_words_do_not(converted) -> None:
    out, _ = converted
    places = _load(out / "phoenix_places.yaml", CitiesFile)
    # "Phoenix" is on the stoplist, the mis-encoded name is dropped by the table, and a dependent territory
    # (FRD + IMY) lists places of FRD; a [---] entry is no actor at all
    assert places.countries == {"FRD": ["Freedonia", "Freedonian", "Isle Of Quux", "Sylvania City"]}


def test_people_roles_dates_horizon_and_surnames(converted) -> None:
    out, report = converted
    people = _load(out / "phoenix_people.yaml", PeopleFile).people
    firefly = next(person for person in people if person.id == "phx_rufus_t_firefly")
    assert firefly.names == ["Rufus T Firefly"]  # "Firefly" alone is a surname: not converted
    assert firefly.default_code == "FRDELI"
    first, second = firefly.roles
    assert (str(first.from_), str(first.to)) == ("1933-01-01", "1934-01-01")  # TABARI ranges are inclusive
    assert (str(second.from_), str(second.to)) == ("2015-01-01", "2019-03-18")  # open role ends at the horizon
    chicolini = next(person for person in people if person.id == "phx_chicolini_bravo")
    assert str(chicolini.roles[0].from_) == "1999-01-01"  # the date typo fixed by the table
    assert report.dropped["people: one-word names (surnames alone)"] == 1


def test_organisations_codes_corrected_glosses_split_and_repeats_dropped(converted) -> None:
    out, report = converted
    international = _load(out / "phoenix_international.yaml", OrganizationsFile).organizations
    league = international[0]
    assert league.code == "IGOSEAASN"  # the known upstream typo IGOAEAASN
    assert league.names == ["League Of Free Nations", "LFN"]  # "(LFN)" is the acronym of the name
    fund = [org for org in international if org.names == ["Grain Relief Fund"]]
    assert len(fund) == 1 and fund[0].code == "NGOCHRPRO"  # CAMEORCS number dropped, repeat dropped
    assert report.dropped["international: repeated entries"] == 1
    armed = _load(out / "phoenix_armed_groups.yaml", OrganizationsFile).organizations
    assert armed[0].names == ["Sylvanian Liberation Front", "SLF"] and armed[0].sector == "REB"
    institutions = _load(out / "phoenix_institutions.yaml", OrganizationsFile).organizations
    assert [(org.names, org.code) for org in institutions] == [(["Freedonian National Guard", "FNG"], "FRDMIL")]


def test_agents_expand_substitutions_and_plurals(converted) -> None:
    out, _ = converted
    agents = {agent.noun: agent.sector for agent in _load(out / "phoenix_agents.yaml", AgentsFile).agents}
    assert agents["rioter"] == agents["rioters"] == "OPP"
    assert agents["herdsman"] == agents["herdsmen"] == agents["herdswoman"] == "AGR"
    assert agents["police constables"] == "COP"
    assert "gunmans" not in agents and agents["gunman"] == "UAF"  # {} means no regular plural
    assert agents["thieves"] == "CRM"
    assert "monk" not in agents  # a religion code only: no brinkwatch sector
    assert "village" not in agents  # a place, on the stoplist


def test_discards_keep_phrases_but_not_years_or_time_phrases(converted) -> None:
    out, _ = converted
    discards = _load(out / "phoenix_discards.yaml", DiscardFile)
    assert discards.phrases == ["penalty shoot out"]
    assert discards.story_phrases == ["grand slam final"]


def test_files_carry_source_commit_and_licence(converted) -> None:
    out, _ = converted
    assert (out / "PHOENIX_LICENSE.txt").read_text().startswith("The MIT License")
    for path in out.glob("phoenix_*.yaml"):
        header = path.read_text(encoding="utf-8").split("{", 1)[0]
        assert UPSTREAM_COMMIT in header and "MIT" in header and "Open Event Data" in header, path.name
        json.loads(path.read_text(encoding="utf-8")[len(header) :])  # the body is JSON, read fast by the KB


def test_rerun_is_byte_identical(tmp_path: Path) -> None:
    upstream = _upstream(tmp_path / "up")
    convert(upstream, tmp_path / "a", _corrections())
    convert(upstream, tmp_path / "b", _corrections())
    for path in sorted((tmp_path / "a").iterdir()):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def test_missing_upstream_files_are_a_numbered_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataFileError, match="upstream files missing"):
        convert(tmp_path / "empty", tmp_path / "out")
    assert main([str(tmp_path / "empty"), str(tmp_path / "out")]) == 1
    assert main([]) == 2


def test_display_names() -> None:
    assert display_name("AL-QAEDA_IN_IRAQ_") == "Al-Qaeda In Iraq"
    assert display_name("UN_") == "UN"
    assert display_name("PEOPLE'S_LIBERATION_ARMY") == "People's Liberation Army"


@pytest.mark.skipif(not UPSTREAM.exists(), reason="the upstream dictionaries (../shared/petrarch2) are not beside the repo")
def test_shipped_files_are_what_the_converter_makes_of_upstream(tmp_path: Path) -> None:
    convert(UPSTREAM, tmp_path)
    for path in sorted(tmp_path.iterdir()):
        assert path.read_bytes() == (DATA / path.name).read_bytes(), f"{path.name}: rerun the converter"


def test_cli_command_converts_and_reports(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from brinkwatch.cli import app

    upstream = _upstream(tmp_path / "up")
    result = CliRunner().invoke(app, ["convert", "actors", str(upstream), "--output", str(tmp_path / "out"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["counts"]["people"] >= 1
    assert "names on the stoplist (common words, first names)" in report["not_converted"]
    assert (tmp_path / "out" / "phoenix_people.yaml").exists()
    missing = CliRunner().invoke(app, ["convert", "actors", str(tmp_path), "--output", str(tmp_path / "o2")])
    assert missing.exit_code == 1 and "E2" in missing.output
