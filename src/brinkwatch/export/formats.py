"""Row mappers for the interchange exports: GDELT 2.0 event table, PLOVER/POLECAT JSON lines, ICEWS TSV.

Each mapper turns one exported row (a dict of the flat columns plus values from the JSON record) into
the target layout, filling what brinkwatch knows and leaving the rest blank, as the targets do.
Rows are streamed from DuckDB in chunks so that a large export does not sit in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from brinkwatch.errors import DataFileError, ExportError
from brinkwatch.export.names import actor_name, icews_actor_name, icews_sector_names
from brinkwatch.export.places import (
    actor_place,
    admin1_code,
    city_of,
    countries,
    country_name,
    gdelt_geo,
    province_name,
)

CHUNK_ROWS = 2_000

Row = dict[str, Any]


class GdeltColumn(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str
    type: str


class GdeltLayout(BaseModel):
    """``export/data/gdelt2_events.yaml``: the 61 GDELT 2.0 columns in order, and the CAMEO type codes."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    version: int
    name: str
    columns: tuple[GdeltColumn, ...]
    actor_type_codes: frozenset[str]


@cache  # the file is part of the package and never changes while the process runs
def gdelt_layout() -> GdeltLayout:
    source = resources.files("brinkwatch.export") / "data" / "gdelt2_events.yaml"
    try:
        layout = GdeltLayout.model_validate(yaml.safe_load(source.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValidationError) as exc:
        raise DataFileError(f"invalid GDELT layout: {exc}", source=str(source)) from exc
    if len(layout.columns) != 61:
        raise DataFileError(f"expected 61 GDELT columns, found {len(layout.columns)}", source=str(source))
    return layout


def numeric_id(key: str) -> int:
    """A stable positive 60-bit integer for a string id (GDELT's GLOBALEVENTID is numeric)."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:15], 16)


def split_actor_code(code: str | None, country: str | None, type_codes: frozenset[str]) -> dict[str, Any]:
    """Split a CAMEO actor code into GDELT's country, known-group and up to three type codes.

    ``USAGOVMIL`` -> country USA, types GOV, MIL; ``IGOUNO`` -> types IGO, UNO (GDELT emits UNO as a
    type too); ``NGOAMN``... Three-letter chunks that are not type codes are known groups.
    """
    parts: dict[str, Any] = {"country": None, "group": None, "types": []}
    if not code:
        return parts
    rest = code
    if country and code.startswith(country) and country not in type_codes:
        parts["country"] = country
        rest = code[len(country):]
    for i in range(0, len(rest) - len(rest) % 3, 3):
        chunk = rest[i:i + 3]
        if chunk in type_codes:
            parts["types"].append(chunk)
        elif parts["group"] is None:
            parts["group"] = chunk
    return parts


def _gdelt_actor(values: dict[str, Any], number: str, actor: dict[str, Any] | None,
                 event_place: dict[str, Any] | None, type_codes: frozenset[str]) -> None:
    code = actor.get("code") if actor else None
    parts = split_actor_code(code, actor.get("country") if actor else None, type_codes)
    name = actor_name(actor)
    values[f"Actor{number}Code"] = code
    values[f"Actor{number}Name"] = name.upper() if name else None
    values[f"Actor{number}CountryCode"] = parts["country"]
    values[f"Actor{number}KnownGroupCode"] = parts["group"]
    for i, type_code in enumerate(parts["types"][:3], start=1):
        values[f"Actor{number}Type{i}Code"] = type_code
    geo = gdelt_geo(actor_place(actor, event_place))
    if geo is not None:
        values.update(geo.columns(f"Actor{number}Geo"))


def _fraction_date(day: dt.date) -> float:
    days_in_year = 366 if (dt.date(day.year, 12, 31).timetuple().tm_yday == 366) else 365
    return round(day.year + day.timetuple().tm_yday / days_in_year, 4)


def gdelt_row(row: Row) -> list[Any]:
    """One GDELT 2.0 event line (61 values) for an exported row."""
    layout = gdelt_layout()
    day: dt.date | None = row["event_date"] or row["pub_date"]
    values: dict[str, Any] = {
        "GLOBALEVENTID": numeric_id(row["event_id"]),
        "IsRootEvent": 1 if row["sentence_index"] == 0 else 0,  # GDELT: event is in the lead paragraph
        "EventCode": row["cameo_code"],
        "EventBaseCode": row["cameo_code"][:3],
        "EventRootCode": row["cameo_root"],
        "QuadClass": row["quad_class"],
        "GoldsteinScale": row["goldstein"],
        "NumMentions": row["num_mentions"],
        "NumSources": row["num_sources"],
        "NumArticles": row["num_articles"],
        "SOURCEURL": row["source_url"],
    }
    if day is not None:
        values.update(SQLDATE=day.strftime("%Y%m%d"), MonthYear=day.strftime("%Y%m"), Year=day.year,
                      FractionDate=_fraction_date(day))
    if row["ingested_at"] is not None:
        values["DATEADDED"] = row["ingested_at"].strftime("%Y%m%d%H%M%S")
    place = _json(row["place_json"])
    for number, side in (("1", "source"), ("2", "target")):
        _gdelt_actor(values, number, _json(row[f"{side}_json"]), place, layout.actor_type_codes)
    geo = gdelt_geo(place)
    if geo is not None:
        values.update(geo.columns("ActionGeo"))
    return ["" if values.get(c.name) is None else values[c.name] for c in layout.columns]


def _json(text: str | None) -> Any:
    return json.loads(text) if text else None


# GeoNames feature class and code of each brinkwatch place precision (geonames.org/export/codes.html).
GEONAMES_FEATURE = {
    "country": ("A", "PCLI"), "admin1": ("A", "ADM1"), "city": ("P", "PPL"), "airport": ("S", "AIRP"),
    "base": ("S", "INSM"),
}


def plover_location(place: dict[str, Any] | None) -> dict[str, Any] | None:
    """A place as PLOVER's location object: GeoNames field names, plus ``cc3`` (PLOVER's addition)."""
    if not place or not place.get("name"):
        return None
    gazetteer_id = place.get("gazetteer_id") or ""
    feature = GEONAMES_FEATURE.get(place.get("precision") or "", (None, None))
    country = countries().get(place.get("country") or "")
    return {
        "geonameid": int(gazetteer_id[9:]) if gazetteer_id.startswith("geonames:") else None,
        "name": place["name"],
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "feature class": feature[0],
        "feature code": feature[1],
        "country code": country.iso2 if country else None,
        "cc3": place.get("country"),
        "admin1 code": admin1_code(place),
        "gazetteer_id": gazetteer_id or None,  # brinkwatch's own id: iata:BGW, country:IRQ, brinkwatch:...
    }


def plover_actor(actor: dict[str, Any] | None, event_place: dict[str, Any] | None) -> dict[str, Any] | None:
    """An actor as PLOVER's actor object: 3-letter code, sector, text, knowledge-base id and name."""
    if not actor:
        return None
    code = actor.get("code") or ""
    return {
        "code": code[:3] or None,
        "sector": code[3:9] or None,
        "actor_text": actor.get("text"),
        "identifier_id": actor.get("kb_id"),
        "identifier_text": actor_name(actor),
        "actor_loc": plover_location(actor_place(actor, event_place)),
        "cameo_code": code or None,  # the full CAMEO actor code, beyond PLOVER's 3 + 6 characters
    }


def _event_text(evidence: dict[str, Any] | None) -> list[str]:
    if not evidence:
        return []
    start = evidence["trigger_start"] - evidence["start"]
    end = evidence["trigger_end"] - evidence["start"]
    trigger = evidence["text"][start:end] if 0 <= start < end <= len(evidence["text"]) else ""
    return [trigger] if trigger else []


def plover_row(row: Row) -> dict[str, Any]:
    """One PLOVER event record (JSON Data Fields of the PLOVER manual 0.8, 2021) for an exported row.

    Spec fields: id, date, source and recipient (lists of actor objects), event (list of categories),
    event_loc, event_text, quad_code, event_scale (the Goldstein score), mode and context (lists), dead,
    injured, text, text_info, cite_info, coder. Fields beyond the spec (allowed by it) keep what brinkwatch
    adds: the CAMEO code, modality, date precision, merged-event counts and confidence.
    """
    place = _json(row["place_json"])
    evidence = _json(row["evidence_json"])
    source = plover_actor(_json(row["source_json"]), place)
    recipient = plover_actor(_json(row["target_json"]), place)
    return {
        "id": row["event_id"],
        "date": row["event_date"].isoformat() if row["event_date"] else None,
        "source": [source] if source else [],
        "recipient": [recipient] if recipient else [],
        "event": [row["plover_type"]] if row["plover_type"] else [],
        "event_loc": plover_location(place),
        "event_text": _event_text(evidence),
        "quad_code": row["quad_class"],
        "event_scale": row["goldstein"],
        "mode": [row["plover_mode"]] if row["plover_mode"] else [],
        "context": [c.strip() for c in (row["plover_context"] or "").split(",") if c.strip()],
        "dead": row["killed"],
        "injured": row["injured"],
        "text": row["evidence_text"],
        "text_info": {"sequence": row["sentence_index"], "start": evidence["start"] if evidence else None,
                      "end": evidence["end"] if evidence else None},
        "cite_info": {"url": row["source_url"], "title": row["article_title"], "publication": row["publisher"],
                      "citation": row["doc_id"]},
        "coder": f"brinkwatch {_version()}",
        "cameo_code": row["cameo_code"],
        "modality": row["modality"],
        "date_precision": row["date_precision"],
        "story_date": row["pub_date"].isoformat() if row["pub_date"] else None,
        "story_ids": row["story_ids"],
        "num_mentions": row["num_mentions"],
        "num_sources": row["num_sources"],
        "num_articles": row["num_articles"],
        "confidence": row["confidence"],
    }


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("brinkwatch")
    except PackageNotFoundError:
        return "unknown"


ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
    "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
)


def icews_row(row: Row) -> list[Any]:
    """One ICEWS line for an exported row: names from the knowledge base, ICEWS sector names, a city that
    is a city (an airport's served city, a base's nearest city), the province by name when known."""
    source, target, place = _json(row["source_json"]), _json(row["target_json"]), _json(row["place_json"])
    values = [
        numeric_id(row["event_id"]),
        row["event_date"].isoformat() if row["event_date"] else None,
        icews_actor_name(source),
        ",".join(icews_sector_names(source)),
        country_name(row["source_country"], icews=True),
        row["cameo_name"],
        row["cameo_code"],
        row["goldstein"],
        icews_actor_name(target),
        ",".join(icews_sector_names(target)),
        country_name(row["target_country"], icews=True),
        row["doc_id"],
        row["sentence_index"] + 1,  # ICEWS counts sentences from 1
        row["publisher"],
        city_of(place),
        None,  # District (ADM2): never known
        province_name(place) if place else None,
        country_name(row["place_country"], icews=True),
        row["lat"],
        row["lon"],
    ]
    return ["" if v is None else v for v in values]


def _rows(result: duckdb.DuckDBPyConnection) -> Iterator[Row]:
    names = [d[0] for d in result.description]
    while chunk := result.fetchmany(CHUNK_ROWS):
        for values in chunk:
            yield dict(zip(names, values, strict=True))


def _write_delimited(rows: Iterator[Row], output: Path, mapper: Callable[[Row], list[Any]],
                     header: tuple[str, ...] | None) -> int:
    count = 0
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        if header:
            writer.writerow(header)
        for row in rows:
            writer.writerow(mapper(row))
            count += 1
    return count


def _write_jsonl(rows: Iterator[Row], output: Path) -> int:
    count = 0
    with output.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(plover_row(row), ensure_ascii=False) + "\n")
            count += 1
    return count


def write(fmt: str, result: duckdb.DuckDBPyConnection, output: Path) -> int:
    """Write the rows of ``result`` to ``output`` in ``fmt``; return the number of rows written."""
    rows = _rows(result)
    try:
        if fmt == "gdelt":
            return _write_delimited(rows, output, gdelt_row, header=None)  # GDELT files have no header
        if fmt == "icews":
            return _write_delimited(rows, output, icews_row, header=ICEWS_COLUMNS)
        if fmt == "plover":
            return _write_jsonl(rows, output)
    except OSError as exc:
        raise ExportError(f"cannot write export: {exc}", source=str(output)) from exc
    raise ExportError(f"unknown interchange format {fmt!r}")
