"""The gazetteer below the country: provinces and districts, towns of a thousand people, which province a
town lies in, spelling variants of province names, and small towns only in their own countries."""

from __future__ import annotations

import pytest

from brinkwatch.geo import PRECISION_SCALE
from brinkwatch.geo.index import RowBuilder, read_cache, write_cache
from brinkwatch.geo.sources import normalize_name, region_keys, skeleton
from test_attr_fixtures import shared_gazetteer


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Jowzjan", "AFG", 36.9, 66.0),
        ("Zamfara", "NGA", 12.1, 6.2),
        ("Biobio", "CHL", -37.4, -72.4),
        ("Los Lagos", "CHL", -41.5, -73.0),
        ("Kunduz Province", "AFG", 36.7, 68.8),
    ],
)
def test_provinces_have_a_centre(name: str, country: str, lat: float, lon: float) -> None:
    (region, *_) = shared_gazetteer().lookup_region(name)
    assert region.country == country and region.precision in ("admin1", "admin2")
    assert abs(region.lat - lat) < 1.5 and abs(region.lon - lon) < 1.5


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Uruzgan province", "AFG", "Urozgan"),  # a spelling the list does not use
        ("Jawzjan", "AFG", "Jowzjan"),
        ("Deir Ezzor", "SYR", "Deir ez-Zor"),
        ("Helmand", "AFG", "Helmand"),
    ],
)
def test_province_spelling_variants_within_a_country(name: str, country: str, expected: str) -> None:
    found = shared_gazetteer().lookup_region(name, [country])
    assert found and found[0].name == expected and found[0].country == country


def test_no_spelling_guess_without_a_country() -> None:
    assert shared_gazetteer().lookup_region("Jawzjan") == []


@pytest.mark.parametrize(
    ("name", "country"),
    [("Mingajik", "AFG"), ("Tarinkot", "AFG"), ("Chowkay", "AFG"), ("Puerto Montt", "CHL"), ("Gusau", "NGA")],
)
def test_towns_of_a_thousand_people(name: str, country: str) -> None:
    assert any(c.country == country and c.precision == "city" for c in shared_gazetteer().lookup(name))


def test_small_towns_resolve_only_in_their_countries() -> None:
    gazetteer = shared_gazetteer()
    assert gazetteer.resolve("Mingajik") is None  # a village of a country the text never names
    assert gazetteer.resolve("Mingajik", ["AFG"]).country == "AFG"
    # a big city keeps its name everywhere
    assert gazetteer.resolve("Kandahar").country == "AFG"


@pytest.mark.parametrize(
    ("town", "town_country", "area", "inside"),
    [
        ("Los Angeles", "CHL", "Biobio", True),
        ("Los Angeles", "USA", "Biobio", False),
        ("San Antonio", "CHL", "Valparaiso", True),
        ("Mingajik", "AFG", "Jowzjan", True),
        ("Kandahar", "AFG", "Helmand", False),
        ("Lashkar Gah", "AFG", "Helmand", True),
        ("Tarinkot", "AFG", "Urozgan", True),
    ],
)
def test_which_province_a_town_lies_in(town: str, town_country: str, area: str, inside: bool) -> None:
    gazetteer = shared_gazetteer()
    (region, *_) = gazetteer.lookup_region(area)
    place = next(c for c in gazetteer.lookup(town) if c.country == town_country)
    assert gazetteer.inside(place, region) is inside


def test_a_country_holds_its_towns() -> None:
    gazetteer = shared_gazetteer()
    chile = gazetteer.country("CHL")
    assert chile is not None and chile.precision == "country"
    assert all(gazetteer.inside(c, chile) == (c.country == "CHL") for c in gazetteer.lookup("Los Angeles"))


def test_province_names_that_are_ordinary_words_are_not_provinces() -> None:
    gazetteer = shared_gazetteer()
    assert not [c for c in gazetteer.lookup("North") if c.source == "region"]
    assert not [c for c in gazetteer.lookup("Plateau") if c.source == "region"]
    assert [c for c in gazetteer.lookup("Plateau State") if c.source == "region"]


def test_region_keys_and_skeletons() -> None:
    assert {"kunduz province", "kunduz"} <= region_keys("Kunduz Province", "AFG")
    assert "anbar" in region_keys("Al Anbar", "IRQ")
    assert "kharkiv" in region_keys("Kharkivska", "UKR")
    assert skeleton("urozgan") == skeleton("uruzgan") == skeleton("oruzgan")
    assert skeleton("kandahar") != skeleton("kunduz")


def test_precision_scale_names_every_precision() -> None:
    assert PRECISION_SCALE["city"] == "town" and PRECISION_SCALE["admin2"] == "district"
    assert PRECISION_SCALE["admin1"] == "province" and PRECISION_SCALE["base"] == "point"


def test_index_round_trips_through_the_cache(tmp_path) -> None:
    builder = RowBuilder()
    row = builder.add("Testville", "AFG", 34.5, 69.2, "city", "t:1", "city", population=1200)
    builder.name(row, [normalize_name("Testville")])
    builder.name(row, ["test ville"], primary=False)
    index = builder.freeze()
    path = tmp_path / "gazetteer-test.pickle"
    write_cache(path, index)
    loaded = read_cache(path)
    assert loaded is not None and len(loaded) == 1
    (found,) = loaded.lookup("testville")
    assert (found.name, found.country, found.population, found.primary) == ("Testville", "AFG", 1200, True)
    assert not loaded.lookup("test ville")[0].primary
    path.write_bytes(b"not a pickle")
    assert read_cache(path) is None  # a broken cache file is rebuilt, not an error
