"""Tests for the actor knowledge base: shipped data completeness, lookups, user files and errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pycountry
import pytest
import yaml

from brinkwatch.actors import ActorKB
from brinkwatch.actors.kb import DATA_DIR
from brinkwatch.errors import DataFileError


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def codes(kb: ActorKB, name: str, when: dt.date | None = None) -> list[str]:
    return [match.code for match in kb.lookup(name, when)]


def test_every_iso_country_plus_kosovo_is_present() -> None:
    data = yaml.safe_load((DATA_DIR / "countries.yaml").read_text(encoding="utf-8"))
    shipped = {country["code"] for country in data["countries"]}
    assert {country.alpha_3 for country in pycountry.countries} <= shipped
    assert {"XKX", "PSE", "TWN", "SSD"} <= shipped


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("US", "USA"), ("U.S.", "USA"), ("USA", "USA"), ("America", "USA"), ("the United States", "USA"),
        ("Britain", "GBR"), ("UK", "GBR"), ("Russia", "RUS"), ("Iran", "IRN"), ("South Korea", "KOR"),
        ("North Korea", "PRK"), ("Syria", "SYR"), ("Palestine", "PSE"), ("Gaza", "PSE"), ("West Bank", "PSE"),
        ("Kosovo", "XKX"), ("Taiwan", "TWN"), ("South Sudan", "SSD"), ("Ivory Coast", "CIV"),
        ("Washington", "USA"), ("Tehran", "IRN"), ("Baghdad", "IRQ"), ("Beijing", "CHN"),
        ("the White House", "USAGOV"), ("the Pentagon", "USAMIL"), ("the Kremlin", "RUSGOV"),
        ("Downing Street", "GBRGOV"), ("Whitehall", "GBRGOV"), ("Elysee", "FRAGOV"), ("Élysée", "FRAGOV"),
        ("Foggy Bottom", "USAGOV"), ("Capitol Hill", "USALEG"),
        ("United Nations", "IGOUNO"), ("UN Security Council", "IGOUNO"), ("NATO", "IGOWSTNAT"),
        ("European Union", "IGOEUREEC"), ("Interpol", "IGOCOPITP"), ("Red Cross", "NGOIRC"),
        ("Amnesty International", "NGOAMN"), ("IAEA", "IGOUNOIAE"), ("OPEC", "IGOOPC"),
        ("Islamic State", "IMGMUSISI"), ("ISIS", "IMGMUSISI"), ("ISIL", "IMGMUSISI"), ("Daesh", "IMGMUSISI"),
        ("IS", "IMGMUSISI"), ("Hezbollah", "LBNREBHEZ"), ("Hamas", "PSEREBHMS"), ("al-Qaeda", "IMGMUSALQ"),
        ("al-Shabab", "SOMUAF"), ("Houthis", "YEMREB"), ("Muslim Brotherhood", "EGYOPPMUS"),
        ("Wagner", "RUSUAF"), ("PKK", "TURSEP"), ("Boko Haram", "NGAREB"),
    ],
)  # fmt: skip
def test_names_and_aliases(kb: ActorKB, name: str, code: str) -> None:
    assert codes(kb, name)[:1] == [code]


def test_acronyms_are_case_sensitive(kb: ActorKB) -> None:
    assert codes(kb, "us") == []
    assert codes(kb, "is") == []
    assert codes(kb, "who") == []
    assert codes(kb, "WHO") == ["IGOUNOWHO"]


def test_demonyms_and_adjectives(kb: ActorKB) -> None:
    assert kb.adjective_country(("iraqi",)) == "IRQ"
    assert kb.adjective_country(("emirati",)) == "ARE"
    assert kb.adjective_country(("filipino",)) == "PHL"
    assert kb.adjective_country(("south", "korean")) == "KOR"
    assert kb.demonym_country(("iraqis",)) == "IRQ"
    assert kb.demonym_country(("palestinians",)) == "PSE"
    assert kb.demonym_country(("poles",)) == "POL"


def test_sector_vocabulary(kb: ActorKB) -> None:
    expected = {
        ("government",): "GOV", ("prime", "minister"): "GOV", ("spokesman",): "GOV", ("troops",): "MIL",
        ("air", "force"): "MIL", ("lawmakers",): "LEG", ("mps",): "LEG", ("judge",): "JUD", ("police",): "COP",
        ("protesters",): "OPP", ("militants",): "REB", ("students",): "EDU", ("refugees",): "REF",
    }  # fmt: skip
    for key, sector in expected.items():
        assert kb.sector_noun(key) == sector, key
    assert kb.title_sector(("general",)) == "MIL"
    assert kb.title_sector(("ayatollah",)) == "REL"


def test_legacy_cameo_country_codes(kb: ActorKB) -> None:
    assert kb.canonical_country("ROM") == "ROU"
    assert kb.canonical_country("JAP") == "JPN"
    assert kb.country_name("ROM") == "Romania"


def test_people_file_dated_roles(tmp_path: Path) -> None:
    people = tmp_path / "people.yaml"
    people.write_text(
        """
version: 1
source: test
people:
  - id: test_trump
    names: ["Donald Trump", "Trump"]
    country: USA
    default_code: USABUS
    roles:
      - {code: USAGOV, title: President, from: 2017-01-20, to: 2021-01-20}
      - {code: USAGOV, title: President, from: 2025-01-20, to: null}
""",
        encoding="utf-8",
    )
    kb = ActorKB.load([people])
    assert codes(kb, "Trump", dt.date(2020, 1, 10))[0] == "USAGOV"
    assert codes(kb, "Trump", dt.date(2012, 6, 1))[0] == "USABUS"
    assert codes(kb, "Trump", dt.date(2021, 1, 19))[0] == "USAGOV"
    # "to" is the first day out of office; out of a public post, a private default (BUS) becomes ELI
    assert codes(kb, "Trump", dt.date(2021, 1, 20))[0] == "USAELI"
    assert codes(kb, "Donald Trump", None)[0] == "USAGOV"  # no date: the role still held
    match = kb.lookup("Trump", dt.date(2020, 1, 10))[0]
    assert (match.kb_id, match.title, match.country, match.sector) == (
        "test_trump",
        "President",
        "USA",
        "GOV",
    )


def test_shipped_people_file_loads(kb: ActorKB) -> None:
    assert (DATA_DIR / "people.yaml").exists()
    assert codes(kb, "Barack Obama", dt.date(2010, 1, 1))[0] == "USAGOV"


def test_user_actor_file(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "actors:\n  - {names: [Acme Liberation Front, ALF], code: ---REB}\n"
        "organizations:\n  - {id: nut, names: [Nigerian Union of Teachers, NUT], code: NGAEDU, country: NGA, sector: EDU}\n",
        encoding="utf-8",
    )
    user.write_text(
        user.read_text(encoding="utf-8")
        + "countries:\n  - {code: XAA, name: Atlantis, names: [Atlantis], adjectives: [Atlantean], capitals: [Poseidonia]}\n"
        + "seats:\n  - {name: Coral Palace, code: XAAGOV}\n",
        encoding="utf-8",
    )
    kb = ActorKB.load([user])
    assert codes(kb, "Atlantis") == ["XAA"] and codes(kb, "Poseidonia") == ["XAA"]
    assert kb.adjective_country(("atlantean",)) == "XAA"
    assert codes(kb, "the Coral Palace") == ["XAAGOV"]
    assert codes(kb, "Acme Liberation Front") == ["---REB"]
    assert codes(kb, "ALF") == ["---REB"]
    assert codes(kb, "NUT") == ["NGAEDU"]


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("actors:\n  - {names: [Acme], code: acme}\n", "actors[0] (Acme).code"),
        ("organizations:\n  - {id: x, names: [X]}\n", "organizations[0] (x).code"),
        (
            "people:\n  - {id: p, names: [P], roles: [{code: USAGOV, from: 2020-01-01, to: 2019-01-01}]}\n",
            "ends",
        ),
        ("just: [a, list]\n", "Extra inputs"),
        ("actors: [\n", "invalid YAML"),
        ("- a\n- b\n", "YAML mapping"),
    ],
)
def test_bad_user_file_names_file_and_entry(tmp_path: Path, body: str, fragment: str) -> None:
    bad = tmp_path / "bad_actors.yaml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        ActorKB.load([bad])
    assert info.value.code == "E200"
    assert "bad_actors.yaml" in str(info.value)
    assert fragment in str(info.value)


def test_missing_user_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="nope.yaml"):
        ActorKB.load([tmp_path / "nope.yaml"])


def test_search_ranks_exact_then_prefix_then_inner(kb: ActorKB) -> None:
    results = kb.search("iran", limit=10)
    assert results[0].kb_id == "country:IRN"
    assert all("tirana" not in match.name.lower() for match in results)
    assert [match.kb_id for match in kb.search("Hezbollah", limit=3)][:1] == ["hezbollah"]
    assert len(kb.search("a", limit=5)) == 5
    assert kb.search("  ") == []


def test_shipped_organizations_are_consistent() -> None:
    data = yaml.safe_load((DATA_DIR / "organizations.yaml").read_text(encoding="utf-8"))
    sectors = {
        s["code"] for s in yaml.safe_load((DATA_DIR / "sectors.yaml").read_text(encoding="utf-8"))["sectors"]
    }
    ids = [org["id"] for org in data["organizations"]]
    assert len(ids) == len(set(ids))
    for org in data["organizations"]:
        assert org["code"].startswith(org["country"]), org["id"]
        if org["sector"] is not None:
            assert org["sector"] in sectors, org["id"]
            if org["country"] not in (
                "IGO",
                "NGO",
                "IMG",
            ):  # a UN agency's REF/HLH is a hint, not in its code
                assert org["sector"] in [org["code"][i : i + 3] for i in range(3, len(org["code"]), 3)], org[
                    "id"
                ]


def test_no_adjective_names_two_countries() -> None:
    data = yaml.safe_load((DATA_DIR / "countries.yaml").read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for country in data["countries"]:
        for adjective in country.get("adjectives", []):
            assert seen.setdefault(adjective.lower(), country["code"]) == country["code"], adjective


def test_phrase_words_come_from_their_data_file(kb: ActorKB) -> None:
    # the words of phrase_words.yaml, read by the loader: "the group", "the island's", "US-led",
    # "Iranian-backed", "the Secretary-General" (as word pieces, hyphen or not)
    assert {"group", "movement", "bloc"} <= kb.group_nouns and "country" not in kb.group_nouns
    assert kb.island_nouns == frozenset({"island", "archipelago"})
    assert {"led", "flagged"} <= kb.leader_suffixes and "backed" not in kb.leader_suffixes
    assert {"backed", "made"} <= kb.proxy_suffixes and "led" not in kb.proxy_suffixes
    assert kb.igo_head_nouns == frozenset({("secretary", "general"), ("secretary", "-", "general")})


@pytest.mark.parametrize("field, value", [("group_nouns", ["Group"]), ("proxy_suffixes", ["backed by"]),
                                          ("island_nouns", []), ("igo_head_nouns", ["Secretary General"])])
def test_a_bad_phrase_words_file_is_a_data_file_error(tmp_path: Path, field: str, value: list[str]) -> None:
    for path in DATA_DIR.glob("*"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    words = yaml.safe_load((DATA_DIR / "phrase_words.yaml").read_text(encoding="utf-8"))
    words[field] = value
    (tmp_path / "phrase_words.yaml").write_text(yaml.safe_dump(words), encoding="utf-8")
    with pytest.raises(DataFileError, match="phrase_words.yaml"):
        ActorKB.load(data_dir=tmp_path, base_layer=False)
