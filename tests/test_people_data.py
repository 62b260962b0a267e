"""Checks on the shape and a few known facts of `actors/data/people.yaml` (dated roles of public figures).

The file is read with plain pyyaml here, independently of the actors loader, so a broken data file is caught
even while the loader changes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import pycountry
import pytest
import yaml

from brinkwatch.actors.kb import ActorKB

DATA_DIR = Path(__file__).resolve().parents[1] / "src" / "brinkwatch" / "actors" / "data"
PEOPLE_YAML = DATA_DIR / "people.yaml"
COUNTRIES_YAML = DATA_DIR / "countries.yaml"
NON_STATE_PREFIXES = {"IGO", "IMG", "NGO"}
CODE_SHAPE = re.compile(r"^(?:[A-Z]{3})+$")
ID_SHAPE = re.compile(r"^[a-z][a-z0-9_]*$")
PERSON_KEYS = {"id", "names", "country", "default_code", "roles"}
ROLE_KEYS = {"code", "title", "from", "to"}


@pytest.fixture(scope="module")
def people_file() -> dict:
    # The C loader parses the file about five times faster than the pure-Python one.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with PEOPLE_YAML.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)  # noqa: S506 - a safe loader is chosen above


@pytest.fixture(scope="module")
def people(people_file: dict) -> list[dict]:
    return people_file["people"]


@pytest.fixture(scope="module")
def by_id(people: list[dict]) -> dict[str, dict]:
    return {person["id"]: person for person in people}


KB_COUNTRIES = yaml.safe_load(COUNTRIES_YAML.read_text(encoding="utf-8"))["countries"]
# People's posts in a vanished state use the code the KB gives that state, so "Soviet troops" and "Gorbachev"
# land in the same dyad: the Soviet code is whatever countries.yaml answers for "Soviet Union".
SOVIET = next(country["code"] for country in KB_COUNTRIES if "Soviet Union" in country["names"])
# "Soviet Foreign Minister", "... of the USSR", "Communist Party of the Soviet Union"; not "Supreme Soviet of Belarus"
SOVIET_POST = re.compile(r"\bUSSR\b|\bSoviet Union\b|\bSoviet (?!of\b)")


def _is_iso3(code: str) -> bool:
    """A current ISO 3166-1 code or a country the KB itself codes (Kosovo XKX); no legacy alias (SUN, USR)."""
    return pycountry.countries.get(alpha_3=code) is not None or code in {c["code"] for c in KB_COUNTRIES}


def _codes_on(person: dict, day: dt.date) -> set[str]:
    """Role codes of `person` that cover `day` (`to` is exclusive: the day a successor takes over)."""
    return {
        role["code"]
        for role in person["roles"]
        if role["from"] <= day and (role["to"] is None or day < role["to"])
    }


def test_header_fields(people_file: dict) -> None:
    assert people_file["version"] == 1
    assert "public" in people_file["source"]
    assert set(people_file) == {"version", "source", "people"}


def test_at_least_300_people(people: list[dict]) -> None:
    assert len(people) >= 300


def test_ids_unique_and_snake_case(people: list[dict]) -> None:
    ids = [person["id"] for person in people]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []
    assert [i for i in ids if not ID_SHAPE.match(i)] == []


def test_person_keys_and_names(people: list[dict]) -> None:
    for person in people:
        assert set(person) <= PERSON_KEYS, person["id"]
        assert {"id", "names", "country", "roles"} <= set(person), person["id"]
        names = person["names"]
        assert names and all(isinstance(n, str) and n.strip() == n and n for n in names), person["id"]
        assert len(names) == len(set(names)), f"repeated name in {person['id']}"
        assert person["roles"], f"{person['id']} has no role"


def test_country_is_iso3_or_non_state(people: list[dict]) -> None:
    bad = [p["id"] for p in people if not (_is_iso3(p["country"]) or p["country"] in NON_STATE_PREFIXES)]
    assert bad == []


def test_codes_have_valid_prefix_and_shape(people: list[dict]) -> None:
    bad = []
    for person in people:
        codes = [role["code"] for role in person["roles"]]
        if person.get("default_code"):
            codes.append(person["default_code"])
        for code in codes:
            prefix = code[:3]
            if not CODE_SHAPE.match(code) or not (_is_iso3(prefix) or prefix in NON_STATE_PREFIXES):
                bad.append((person["id"], code))
    assert bad == []


def test_roles_are_well_formed(people: list[dict]) -> None:
    for person in people:
        for role in person["roles"]:
            assert set(role) == ROLE_KEYS, person["id"]
            assert isinstance(role["title"], str) and role["title"], person["id"]
            assert isinstance(role["from"], dt.date), (person["id"], role)
            assert role["to"] is None or isinstance(role["to"], dt.date), (person["id"], role)
            assert role["to"] is None or role["from"] <= role["to"], (person["id"], role)
            assert dt.date(1920, 1, 1) <= role["from"] <= dt.date(2026, 12, 31), (person["id"], role)


def test_no_overlapping_identical_roles(people: list[dict]) -> None:
    overlaps = []
    for person in people:
        groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for role in person["roles"]:
            groups[(role["code"], role["title"])].append(role)
        for roles in groups.values():
            ordered = sorted(roles, key=lambda r: r["from"])
            for earlier, later in pairwise(ordered):
                if earlier["to"] is None or later["from"] < earlier["to"]:
                    overlaps.append((person["id"], earlier["title"], later["from"]))
    assert overlaps == []


def test_shared_names_never_hold_office_at_the_same_time(people: list[dict]) -> None:
    """A name given to two people must point to one of them on any date, or the resolver cannot choose.

    Hand-overs are allowed a short overlap (a senator sworn in before her husband leaves the presidency).
    """
    holders: dict[str, dict[str, dict]] = defaultdict(dict)
    for person in people:
        for name in person["names"]:
            holders[name.lower()][person["id"]] = person
    clashes = []
    for name, by_person in holders.items():
        persons = list(by_person.values())
        for i, first in enumerate(persons):
            for second in persons[i + 1 :]:
                for a in first["roles"]:
                    for b in second["roles"]:
                        a_to = a["to"] or dt.date.max
                        b_to = b["to"] or dt.date.max
                        overlap = min(a_to, b_to) - max(a["from"], b["from"])
                        if overlap > dt.timedelta(days=31):
                            clashes.append((name, first["id"], second["id"]))
    assert sorted(set(clashes)) == []


@pytest.mark.parametrize(
    ("person_id", "day", "code", "holds"),
    [
        ("donald_trump", dt.date(2020, 1, 10), "USAGOV", True),
        ("donald_trump", dt.date(2012, 6, 1), "USAGOV", False),
        ("donald_trump", dt.date(2025, 6, 1), "USAGOV", True),
        ("barack_obama", dt.date(2012, 6, 1), "USAGOV", True),
        ("barack_obama", dt.date(2018, 6, 1), "USAGOV", False),
        ("qassem_soleimani", dt.date(2019, 12, 31), "IRNMIL", True),
        ("qassem_soleimani", dt.date(2020, 1, 5), "IRNMIL", False),
        ("vladimir_putin", dt.date(2010, 1, 1), "RUSGOV", True),
        ("recep_tayyip_erdogan", dt.date(2010, 1, 1), "TURGOV", True),
        ("hassan_nasrallah", dt.date(2006, 7, 20), "LBNREBHEZ", True),
        ("abu_bakr_al_baghdadi", dt.date(2015, 1, 1), "IMGMUSISI", True),
        ("ban_ki_moon", dt.date(2010, 1, 1), "IGOUNO", True),
        ("antonio_guterres", dt.date(2010, 1, 1), "IGOUNO", False),
    ],
)
def test_known_facts(by_id: dict[str, dict], person_id: str, day: dt.date, code: str, holds: bool) -> None:
    assert (code in _codes_on(by_id[person_id], day)) is holds


def test_putin_was_prime_minister_in_2010(by_id: dict[str, dict]) -> None:
    titles = {
        role["title"]
        for role in by_id["vladimir_putin"]["roles"]
        if role["from"] <= dt.date(2010, 1, 1) < (role["to"] or dt.date.max)
    }
    assert titles == {"Prime Minister"}


def test_bush_resolves_by_date(people: list[dict]) -> None:
    def bush_on(day: dt.date) -> list[str]:
        return [p["id"] for p in people if "Bush" in p["names"] and "USAGOV" in _codes_on(p, day)]

    assert bush_on(dt.date(1991, 1, 17)) == ["george_h_w_bush"]
    assert bush_on(dt.date(2003, 3, 20)) == ["george_w_bush"]
    assert bush_on(dt.date(2012, 1, 1)) == []


def test_heads_of_government_present_for_g20(people: list[dict]) -> None:
    """Every G20 country has someone holding a GOV role on a date in 2010 and in 2024."""
    g20 = [
        "ARG",
        "AUS",
        "BRA",
        "CAN",
        "CHN",
        "FRA",
        "DEU",
        "IND",
        "IDN",
        "ITA",
        "JPN",
        "MEX",
        "RUS",
        "SAU",
        "ZAF",
        "KOR",
        "TUR",
        "GBR",
        "USA",
    ]
    for day in (dt.date(2010, 6, 1), dt.date(2024, 6, 1)):
        covered = {code[:3] for p in people for code in _codes_on(p, day) if code.endswith("GOV")}
        assert [c for c in g20 if c not in covered] == [], day


def test_heads_of_government_present_for_g20_in_the_1980s_and_1990s(people: list[dict]) -> None:
    """The G20 states (the USSR standing for Russia before 1992) have a GOV role holder on dates of 1985 and 1995."""
    g20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "SAU", "ZAF",
           "KOR", "TUR", "GBR", "USA"]  # fmt: skip
    for day, russia in ((dt.date(1985, 6, 1), SOVIET), (dt.date(1995, 6, 1), "RUS")):
        covered = {code[:3] for p in people for code in _codes_on(p, day) if code.endswith("GOV")}
        assert [c for c in [*g20, russia] if c not in covered] == [], day


def test_soviet_posts_take_the_kbs_soviet_code_and_end_with_the_union(people: list[dict]) -> None:
    """A post titled Soviet (or of the USSR) is coded as countries.yaml codes the Soviet Union, and ends by the
    day the Union dissolved (1991-12-26)."""
    soviet = [
        (person["id"], role)
        for person in people
        for role in person["roles"]
        if SOVIET_POST.search(role["title"])
    ]
    assert len(soviet) >= 30
    wrong_code = [(pid, role["title"]) for pid, role in soviet if role["code"][:3] != SOVIET]
    assert wrong_code == []
    late = [
        (pid, role["title"])
        for pid, role in soviet
        if role["to"] is None or role["to"] > dt.date(1991, 12, 26)
    ]
    assert late == []


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [
        ("Mitterrand", dt.date(1990, 5, 1), "FRAGOV"),
        ("François Mitterrand", dt.date(1997, 1, 1), "FRAELI"),
        ("Yeltsin", dt.date(1995, 6, 1), "RUSGOV"),
        ("Gorbachev", dt.date(1989, 6, 1), f"{SOVIET}GOV"),
        ("Gorbachev", dt.date(1995, 6, 1), "RUSELI"),
        ("Shevardnadze", dt.date(1987, 3, 1), f"{SOVIET}GOV"),
        ("Shevardnadze", dt.date(1997, 3, 1), "GEOGOV"),
        ("Boutros-Ghali", dt.date(1994, 6, 1), "IGOUNO"),
        ("Boutros Boutros-Ghali", dt.date(1999, 6, 1), "IGO"),
        ("Boutros Boutros-Ghali", dt.date(1991, 6, 1), "EGYELI"),
        ("Perez de Cuellar", dt.date(1988, 6, 1), "IGOUNO"),
        ("Rabin", dt.date(1994, 6, 1), "ISRGOV"),
        ("Peres", dt.date(1995, 12, 1), "ISRGOV"),
        ("Netanyahu", dt.date(1994, 6, 1), "ISROPP"),
        ("Qadhafi", dt.date(1986, 4, 15), "LBYGOV"),
        ("Habyarimana", dt.date(1993, 6, 1), "RWAGOV"),
        ("Kagame", dt.date(1992, 6, 1), "RWAREB"),
        ("Kagame", dt.date(1996, 6, 1), "RWAGOV"),
        ("Savimbi", dt.date(1992, 10, 1), "AGOREB"),
        ("Karadzic", dt.date(1994, 6, 1), "BIHSEP"),
        ("Jiang Zemin", dt.date(1995, 6, 1), "CHNGOV"),
        ("Putin", dt.date(1999, 3, 1), "RUSSPY"),
        ("Chedli Klibi", dt.date(1985, 6, 1), "IGOARBARL"),
        ("Honecker", dt.date(1987, 9, 7), "DEUGOV"),
        ("Milosevic", dt.date(1993, 6, 1), "SRBGOV"),
    ],
)
def test_dated_lookups_through_the_kb(kb: ActorKB, name: str, day: dt.date, code: str) -> None:
    assert [match.code for match in kb.lookup(name, day) if match.kind == "person"] == [code]
