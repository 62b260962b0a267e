"""Loads ``data/dedup_families.yaml``: which CAMEO codes can describe one happening (families and bridges).

Dedup compares reports within a family as freely as codes of one root, and across a bridge only when a pair
agrees on what the bridge requires (the file's header explains each requirement). The file is validated by a
pydantic schema when loaded, so a root that is not a CAMEO root, a bridge to an unknown family or an unknown
requirement fails with a readable ``DataFileError`` (E200). Users may pass their own file to ``load_families``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from brinkwatch.errors import DataFileError

DEFAULT_PATH = Path(__file__).with_name("data") / "dedup_families.yaml"
Requirement = Literal["same_day", "same_place", "same_toll", "same_dyad", "intent"]
_ROOTS = frozenset(f"{n:02d}" for n in range(1, 21))


def _check_roots(roots: list[str]) -> list[str]:
    unknown = [r for r in roots if r not in _ROOTS]
    if unknown:
        raise ValueError(f"not CAMEO roots (01-20): {unknown}")
    return roots


def _check_codes(codes: list[str]) -> list[str]:
    for code in codes:
        if not code.isdigit() or not 2 <= len(code) <= 4 or code[:2] not in _ROOTS:
            raise ValueError(f"{code!r} is not a CAMEO code or root")
    return codes


class Family(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    roots: list[str] = Field(min_length=2)
    plover: list[str] = Field(default_factory=list)
    why: str = Field(min_length=1)

    _roots = field_validator("roots")(_check_roots)


class Bridge(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    codes: list[str] = Field(min_length=1)
    joins: str = Field(min_length=1)
    requires: list[Requirement] = Field(min_length=1)
    why: str = Field(min_length=1)

    @field_validator("requires")
    @classmethod
    def _same_day(cls, requires: list[str]) -> list[str]:
        # dedup drops candidate pairs across a bridge that are not of one day before it scores them
        if "same_day" not in requires:
            raise ValueError("a bridge must require same_day")
        return requires

    _codes = field_validator("codes")(_check_codes)


class FamiliesFile(BaseModel):
    """Schema of ``dedup_families.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    source: str = Field(min_length=1)
    families: list[Family]
    bridges: list[Bridge] = Field(default_factory=list)
    located: list[str] = Field(default_factory=list)
    symmetric: list[str] = Field(default_factory=list)
    frequent: list[str] = Field(default_factory=list)
    alike: list[list[str]] = Field(default_factory=list)

    _located = field_validator("located")(_check_roots)
    _frequent = field_validator("frequent")(_check_codes)

    _symmetric = field_validator("symmetric")(_check_codes)

    @field_validator("alike")
    @classmethod
    def _alike(cls, groups: list[list[str]]) -> list[list[str]]:
        for group in groups:
            _check_codes(group)
            if len(group) < 2 or len({code[:2] for code in group}) != 1:
                raise ValueError(f"an alike group holds two or more codes of one root: {group}")
        return groups

    @model_validator(mode="after")
    def _consistent(self) -> FamiliesFile:
        seen: dict[str, str] = {}
        for family in self.families:
            for root in family.roots:
                if root in seen:
                    raise ValueError(f"root {root} is in two families: {seen[root]} and {family.name}")
                seen[root] = family.name
        names = {f.name for f in self.families}
        into: dict[str, list[str]] = {}
        for bridge in self.bridges:
            if bridge.joins not in names and bridge.joins not in _ROOTS:
                raise ValueError(f"bridge {bridge.codes} joins {bridge.joins!r}: neither a family nor a root")
            into.setdefault(bridge.joins, []).extend(bridge.codes)
        for target, codes in into.items():
            # one row per (mention, family): a code may not be bridged into one family twice ("17" and "175")
            overlapping = [(a, b) for a in codes for b in codes if a != b and b.startswith(a)]
            if overlapping:
                raise ValueError(f"bridges into {target!r} overlap: {overlapping[0][0]} and {overlapping[0][1]}")
        return self


class Families:
    """The loaded table: family keys of roots, and the bridges as (code prefix, family key, requirements)."""

    def __init__(self, spec: FamiliesFile) -> None:
        self.version = spec.version
        self.family_of: dict[str, str] = {r: f.roots[0] for f in spec.families for r in f.roots}
        by_name = {f.name: f.roots[0] for f in spec.families}
        bridges: list[tuple[str, str, frozenset[str]]] = []
        for bridge in spec.bridges:
            key = by_name.get(bridge.joins) or self.key(bridge.joins)
            bridges.extend((code, key, frozenset(bridge.requires)) for code in bridge.codes)
        self.bridges: tuple[tuple[str, str, frozenset[str]], ...] = tuple(sorted(bridges))
        self.located: tuple[str, ...] = tuple(spec.located)
        self.symmetric: tuple[str, ...] = tuple(spec.symmetric)
        self.frequent: tuple[str, ...] = tuple(spec.frequent)
        self.alike: tuple[tuple[str, ...], ...] = tuple(tuple(group) for group in spec.alike)

    def key(self, root: str) -> str:
        """The family key of a root (its family's first root, else the root itself)."""
        return self.family_of.get(root, root)

    def related(self, keys: set[str]) -> set[str]:
        """Family keys whose reports may pair with reports of ``keys``: themselves, and across bridges."""
        out = set(keys)
        for code, key, _ in self.bridges:
            own = self.key(code[:2])
            if own in keys:
                out.add(key)
            if key in keys:
                out.add(own)
        return out


@lru_cache(maxsize=8)
def load_families(path: Path = DEFAULT_PATH) -> Families:
    """Load and validate a families file (cached per path)."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        return Families(FamiliesFile.model_validate(raw))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise DataFileError(f"{path}: {exc}") from exc
