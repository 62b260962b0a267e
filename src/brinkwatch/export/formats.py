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
import pycountry
import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from brinkwatch.errors import DataFileError, ExportError

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


def _actor_name(row: Row, side: str) -> str | None:
    name = row[f"{side}_name"]
    return name.upper() if name else None


def _gdelt_geo_type(row: Row) -> int | None:
    # GDELT geo types: 1 country, 2 US state, 3 US city/landmark, 4 world city/landmark, 5 world state.
    precision = row.get("place_precision")
    if not row.get("place_name"):
        return None
    us = row.get("place_country") in ("USA", "US")
    if precision == "country":
        return 1
    if precision == "admin1":
        return 2 if us else 5
    return 3 if us else 4


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
    for number, side in (("1", "source"), ("2", "target")):
        parts = split_actor_code(row[f"{side}_code"], row[f"{side}_country"], layout.actor_type_codes)
        values[f"Actor{number}Code"] = row[f"{side}_code"]
        values[f"Actor{number}Name"] = _actor_name(row, side)
        values[f"Actor{number}CountryCode"] = parts["country"]
        values[f"Actor{number}KnownGroupCode"] = parts["group"]
        for i, type_code in enumerate(parts["types"][:3], start=1):
            values[f"Actor{number}Type{i}Code"] = type_code
    if row["place_name"]:
        values.update(
            ActionGeo_Type=_gdelt_geo_type(row), ActionGeo_FullName=row["place_name"],
            ActionGeo_CountryCode=row["place_country"], ActionGeo_ADM1Code=row["place_admin1"],
            ActionGeo_Lat=row["lat"], ActionGeo_Long=row["lon"], ActionGeo_FeatureID=row["gazetteer_id"],
        )
    return ["" if values.get(c.name) is None else values[c.name] for c in layout.columns]


def _json(text: str | None) -> Any:
    return json.loads(text) if text else None


def _actor_json(row: Row, side: str) -> dict[str, Any] | None:
    actor = _json(row[f"{side}_json"])
    if not actor:
        return None
    keys = ("name", "code", "country", "sector", "text", "kb_id")
    return {key: actor.get(key) for key in keys}


def plover_row(row: Row) -> dict[str, Any]:
    """One PLOVER/POLECAT-style JSON object for an exported row."""
    return {
        "id": row["event_id"],
        "date": row["event_date"].isoformat() if row["event_date"] else None,
        "date_precision": row["date_precision"],
        "event_type": row["plover_type"],
        "mode": row["plover_mode"],
        "context": row["plover_context"],
        "cameo_code": row["cameo_code"],
        "goldstein": row["goldstein"],
        "quad_class": row["quad_class"],
        "modality": row["modality"],
        "actors": {"source": _actor_json(row, "source"), "target": _actor_json(row, "target")},
        "location": _json(row["place_json"]),
        "killed": row["killed"],
        "injured": row["injured"],
        "story_ids": row["story_ids"],
        "story_date": row["pub_date"].isoformat() if row["pub_date"] else None,
        "publisher": row["publisher"],
        "url": row["source_url"],
        "headline": row["article_title"],
        "text": row["evidence_text"],
        "evidence": _json(row["evidence_json"]),
        "num_mentions": row["num_mentions"],
        "num_sources": row["num_sources"],
        "num_articles": row["num_articles"],
        "confidence": row["confidence"],
    }


ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
    "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
)


def country_name(code: str | None) -> str | None:
    """ICEWS names countries in full; CAMEO codes that are not ISO alpha-3 (ROM, regions) stay codes."""
    if not code:
        return None
    found = pycountry.countries.get(alpha_3=code)
    return found.name if found is not None else code


def icews_row(row: Row) -> list[Any]:
    """One ICEWS-style line for an exported row."""
    city = row["place_name"] if row["place_precision"] not in ("country", "admin1") else None
    values = [
        numeric_id(row["event_id"]),
        row["event_date"].isoformat() if row["event_date"] else None,
        _actor_name(row, "source"),
        row["source_sector"],
        country_name(row["source_country"]),
        row["cameo_name"],
        row["cameo_code"],
        row["goldstein"],
        _actor_name(row, "target"),
        row["target_sector"],
        country_name(row["target_country"]),
        row["doc_id"],
        row["sentence_index"] + 1,  # ICEWS counts sentences from 1
        row["publisher"],
        city,
        None,
        row["place_admin1"],
        country_name(row["place_country"]),
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
