"""Actor names and sector names as the interchange formats write them.

An exported actor is named from the knowledge base, never by the words of the mention: the name of the
knowledge-base entry that resolved it (a person, an organisation, a seat of power), else its country's
canonical name from ``actors/data/countries.yaml``, else its sector's label from
``actors/data/sectors.yaml`` ("Military" for ``---MIL``). ICEWS sector names come from
``export/data/icews_sectors.yaml``.

The actor files are read directly (two small YAML files) rather than through ``brinkwatch.actors``, whose
package import loads the resolver and spaCy: an export must not pay for NLP.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from brinkwatch.errors import DataFileError

ACTORS_DATA = Path(__file__).resolve().parents[1] / "actors" / "data"
# Knowledge-base entries that stand for a whole country (its name, a capital or city used as a metonym):
# their actor is named by country (+ sector), like any other country-coded actor.
COUNTRY_KB_PREFIXES = ("country:", "capital:", "city:")

Actor = dict[str, Any]


class _Named(BaseModel):
    model_config = ConfigDict(extra="ignore")
    code: str
    name: str | None = None
    label: str | None = None
    names: list[str] = []
    cameo_codes: list[str] = []


class _ActorNames(BaseModel):
    model_config = ConfigDict(extra="ignore")
    countries: list[_Named] = []
    sectors: list[_Named] = []


class IcewsSector(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    names: tuple[str, ...]
    attested: bool


class IcewsSectorsFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    version: int
    source: str
    sectors: dict[str, IcewsSector]


def _load(path: Any, model: type[BaseModel]) -> Any:
    try:
        return model.model_validate(yaml.load(path.read_text(encoding="utf-8"),
                                              Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise DataFileError(f"cannot read {model.__name__}: {exc}", source=str(path)) from exc


@cache  # package data: read once per process
def kb_names() -> tuple[dict[str, str], dict[str, str]]:
    """(country code -> canonical name, sector code -> label) from the actor knowledge base."""
    sectors = _load(ACTORS_DATA / "sectors.yaml", _ActorNames).sectors
    return ({c.code: c.name for c in _kb_countries() if c.name}, {s.code: s.label for s in sectors if s.label})


def _fold(text: str) -> str:
    text = " ".join(text.lower().replace(".", "").split())
    return text[4:] if text.startswith("the ") else text


@cache
def _kb_countries() -> tuple[_Named, ...]:
    return tuple(_load(ACTORS_DATA / "countries.yaml", _ActorNames).countries)


@cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in _kb_countries():
        for name in (country.name or "", *country.names):
            index.setdefault(_fold(name), country.code)
    return index


@cache
def _country_codes() -> dict[str, str]:
    """Every code a country is known by (ISO alpha-3 and legacy CAMEO codes) -> its ISO alpha-3 code."""
    return {alias: c.code for c in _kb_countries() for alias in (c.code, *c.cameo_codes)}


def country_code(text: str) -> str | None:
    """The ISO alpha-3 code of a country given by name or code, as people type it: "India", "india",
    "the United States", "IND", "ind", "U.S." -> IND / USA. None when the knowledge base does not know it."""
    folded = _fold(text)
    if not folded:
        return None
    found = _country_index().get(folded)
    if found:
        return found
    return _country_codes().get(folded.upper().replace(" ", ""))


@cache
def icews_sectors() -> dict[str, IcewsSector]:
    return _load(resources.files("brinkwatch.export") / "data" / "icews_sectors.yaml", IcewsSectorsFile).sectors


def entity_name(actor: Actor) -> str | None:
    """The knowledge-base name of a person, organisation or seat of power; None for country-level actors."""
    kb_id = actor.get("kb_id") or ""
    if kb_id and not kb_id.startswith(COUNTRY_KB_PREFIXES) and actor.get("name"):
        return actor["name"]
    return None


def sector_codes(actor: Actor) -> list[str]:
    """The three-letter codes after the country prefix: ``IRQGOVMIL`` -> [GOV, MIL]; ``IGOUNO`` -> [UNO]."""
    code = actor.get("code") or ""
    rest = code[3:]
    return [rest[i:i + 3] for i in range(0, len(rest) - len(rest) % 3, 3)]


def actor_name(actor: Actor | None) -> str | None:
    """The name GDELT's Actor*Name carries: the entity, else the country, else the first sector's label."""
    if not actor:
        return None
    entity = entity_name(actor)
    if entity:
        return entity
    countries, sectors = kb_names()
    country = countries.get(actor.get("country") or "")
    if country:
        return country
    if (actor.get("code") or "").startswith("IGO") and actor.get("name"):
        return actor["name"]
    labels = [sectors[s] for s in sector_codes(actor) if s in sectors]
    return labels[0] if labels else None


def icews_actor_name(actor: Actor | None) -> str | None:
    """ICEWS' Source/Target Name: an entity by name, a sector actor as "Sector (Country)", a country by name."""
    if not actor:
        return None
    entity = entity_name(actor)
    if entity:
        return entity
    country = kb_names()[0].get(actor.get("country") or "")
    sectors = icews_sector_names(actor)
    if sectors and country:
        return f"{sectors[0]} ({country})"
    return country or (sectors[0] if sectors else None)


def icews_sector_names(actor: Actor | None) -> list[str]:
    """ICEWS sector names of an actor's sector codes, first sector first, without repeats."""
    if not actor:
        return []
    table = icews_sectors()
    codes = sector_codes(actor)
    if (actor.get("code") or "").startswith("IGO"):
        codes = ["IGO", *codes]
    names: list[str] = []
    for code in codes:
        for name in table[code].names if code in table else ():
            if name not in names:
                names.append(name)
    return names


__all__ = ["actor_name", "country_code", "entity_name", "icews_actor_name", "icews_sector_names", "kb_names", "sector_codes"]
