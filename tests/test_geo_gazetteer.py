"""The gazetteer: sources, lookup, disambiguation, user files and validation."""

from __future__ import annotations

import pytest

from brinkwatch.errors import DataFileError
from brinkwatch.geo import Gazetteer, normalize_name
from test_attr_fixtures import shared_gazetteer


def test_indexes_are_built_once_per_instance() -> None:
    gazetteer = shared_gazetteer()
    assert gazetteer.lookup("Kabul")
    index = gazetteer._index
    gazetteer.lookup("Kandahar")
    assert gazetteer._index is index  # cached on the instance, not rebuilt per lookup


@pytest.mark.parametrize(
    ("name", "country", "precision", "gazetteer_id"),
    [
        ("Baghdad International Airport", "IRQ", "airport", "iata:BGW"),
        ("Baghdad airport", "IRQ", "airport", "iata:BGW"),
        ("Ain al-Asad air base", "IRQ", "base", None),
        ("Al Udeid", "QAT", "base", None),
        ("Kiev", "UKR", "city", None),  # an alternate name
        ("Sana'a", "YEM", "city", None),
        ("the United States", "USA", "country", "country:USA"),
        ("Britain", "GBR", "country", "country:GBR"),
        ("Iran", "IRN", "country", "country:IRN"),
        ("Washington", "USA", "city", None),
        ("Crimea", "UKR", "admin1", None),
    ],
)
def test_resolve(name: str, country: str, precision: str, gazetteer_id: str | None) -> None:
    place = shared_gazetteer().resolve(name)
    assert (place.country, place.precision) == (country, precision)
    if gazetteer_id:
        assert place.gazetteer_id == gazetteer_id
    assert place.lat is not None and place.lon is not None


def test_airport_coordinates() -> None:
    place = shared_gazetteer().resolve("Baghdad International Airport")
    assert (round(place.lat, 4), round(place.lon, 4)) == (33.2625, 44.2346)


def test_context_countries_disambiguate() -> None:
    gazetteer = shared_gazetteer()
    assert gazetteer.resolve("Tripoli").country == "LBY"  # the bigger one by default
    assert gazetteer.resolve("Tripoli", context_countries=["LBN"]).country == "LBN"
    # a small namesake in the article's country does not beat a much bigger city
    assert gazetteer.resolve("Geneva", context_countries=["USA"]).country == "CHE"
    assert gazetteer.resolve("Georgia", context_countries=["GEO"]).country == "GEO"


def test_is_country() -> None:
    gazetteer = shared_gazetteer()
    assert gazetteer.is_country("Burma") == "MMR"
    assert gazetteer.is_country("Aleppo") is None


def test_lookup_lists_candidates_and_unknown_names() -> None:
    gazetteer = shared_gazetteer()
    assert {c.country for c in gazetteer.lookup("Tripoli")} >= {"LBY", "LBN"}
    assert gazetteer.lookup("Xqzvillezzz") == []
    assert gazetteer.resolve("Xqzvillezzz") is None


def test_normalize_name() -> None:
    assert normalize_name("Baghdad's Green Zone") == "baghdad green zone"
    assert normalize_name("São Paulo") == "sao paulo"
    assert normalize_name("the Ain al-Asad") == "ain al asad"


def test_user_file_adds_places(tmp_path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        'version: "1"\nsource: "test"\nplaces:\n'
        "  - {name: Camp Example, aliases: [Example base], country: KWT, lat: 29.0, lon: 47.9, kind: base}\n",
        encoding="utf-8",
    )
    gazetteer = Gazetteer.load(extra_files=[extra])
    place = gazetteer.resolve("Example base")
    assert (place.name, place.country, place.precision) == ("Camp Example", "KWT", "base")


def test_invalid_user_file_is_a_numbered_error(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('version: "1"\nsource: "x"\nplaces:\n  - {name: X, country: KWT, lat: 99, lon: 0, kind: base}\n',
                   encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        Gazetteer.load(extra_files=[bad])
    assert err.value.code == "E200"
    with pytest.raises(DataFileError):
        Gazetteer.load(extra_files=[tmp_path / "missing.yaml"])


def test_bundled_places_file_is_versioned_and_sourced() -> None:
    from brinkwatch.geo import DEFAULT_PLACES_FILE, load_places_file

    data = load_places_file(DEFAULT_PLACES_FILE)
    assert data.version and data.source and len(data.places) >= 60
