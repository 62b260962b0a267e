"""The CAMEO event ontology: codes, Goldstein values, quad classes and PLOVER (2021 and 2016) mappings.

The facts live in ``data/cameo.tsv`` (its header names the sources and every brinkwatch-made choice);
this module only reads and validates that table and answers questions about codes. Users may add or
override codes with extra TSV files in the same format (``Ontology.load(extra_files=...)``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from brinkwatch.errors import DataFileError, UnknownCodeError
from brinkwatch.model import Cameo, Plover

__all__ = ["CameoEntry", "Ontology", "PLOVER_TYPES", "PLOVER2016_TYPES", "DEFAULT_FILE"]

DEFAULT_FILE = Path(__file__).parent / "data" / "cameo.tsv"

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
)  # fmt: skip
PLOVER2016_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
    "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "CRIME", "MOBILIZE", "COERCE",
    "ASSAULT", "FIGHT", "SANCTION",
)  # fmt: skip

_REQUIRED_COLUMNS = ("code", "name", "goldstein", "plover_type")


def _quad_class_of_root(root: str) -> int:
    """GDELT codebook grouping: 01-05 verbal coop, 06-09 material coop, 10-14 verbal conflict, 15-20 material."""
    number = int(root)
    if number <= 5:
        return 1
    if number <= 9:
        return 2
    if number <= 14:
        return 3
    return 4


def _blank_to_none(value: object) -> object:
    return None if value == "" else value


class CameoEntry(BaseModel):
    """One CAMEO event code with its scale values and PLOVER mappings."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    code: str
    root: str
    level: int
    name: str
    goldstein: float
    quad_class: int
    plover_type: str
    plover_mode: str | None = None
    plover_context: str | None = None
    plover2016: str | None = None
    goldstein_source: str = "gdelt"
    plover_source: str = "plover"

    @model_validator(mode="before")
    @classmethod
    def _fill_derived(cls, data: object) -> object:
        """Rows from user files may omit root/level/quad_class: they follow from the code."""
        if not isinstance(data, dict):
            return data
        row = {key: _blank_to_none(value) for key, value in data.items()}
        code = row.get("code")
        if isinstance(code, str) and code.isdigit() and len(code) >= 2:
            if not row.get("root"):
                row["root"] = code[:2]
            if not row.get("level"):
                row["level"] = len(code) - 1
            if not row.get("quad_class"):
                row["quad_class"] = _quad_class_of_root(code[:2])
        for optional in ("goldstein_source", "plover_source"):
            if row.get(optional) is None:
                row.pop(optional, None)
        return row

    @field_validator("code")
    @classmethod
    def _code_shape(cls, value: str) -> str:
        if not (value.isdigit() and 2 <= len(value) <= 4):
            raise ValueError(f"CAMEO code must be 2-4 digits, got {value!r}")
        if not 1 <= int(value[:2]) <= 20:
            raise ValueError(f"CAMEO root must be 01-20, got {value[:2]!r}")
        return value

    @field_validator("goldstein")
    @classmethod
    def _goldstein_range(cls, value: float) -> float:
        if not -10.0 <= value <= 10.0:
            raise ValueError(f"goldstein must be in [-10, 10], got {value}")
        return value

    @field_validator("quad_class")
    @classmethod
    def _quad_range(cls, value: int) -> int:
        if value not in (1, 2, 3, 4):
            raise ValueError(f"quad_class must be 1-4, got {value}")
        return value

    @field_validator("plover_type")
    @classmethod
    def _plover_known(cls, value: str) -> str:
        if value not in PLOVER_TYPES:
            raise ValueError(f"unknown PLOVER 2021 type {value!r}; expected one of {', '.join(PLOVER_TYPES)}")
        return value

    @field_validator("plover2016")
    @classmethod
    def _plover2016_known(cls, value: str | None) -> str | None:
        if value is not None and value not in PLOVER2016_TYPES:
            raise ValueError(f"unknown PLOVER 2016 type {value!r}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> CameoEntry:
        if self.root != self.code[:2]:
            raise ValueError(f"root {self.root!r} does not match code {self.code!r}")
        if self.level != len(self.code) - 1:
            raise ValueError(f"level {self.level} does not match code {self.code!r}")
        return self


def _read_rows(path: Path) -> Iterable[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for a TSV file whose leading ``#`` lines are the source header."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read ontology file: {exc}", source=str(path)) from exc
    body = [
        (number, line)
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.startswith("#")
    ]
    if not body:
        raise DataFileError("ontology file has no header row", source=str(path))
    header = next(csv.reader([body[0][1]], delimiter="\t"))
    missing = [column for column in _REQUIRED_COLUMNS if column not in header]
    if missing:
        raise DataFileError(
            f"ontology file lacks column(s) {', '.join(missing)}; header is {header}",
            source=str(path),
            line=body[0][0],
        )
    for number, line in body[1:]:
        values = next(csv.reader([line], delimiter="\t"))
        if len(values) > len(header):
            raise DataFileError(
                f"{len(values)} fields but header has {len(header)}", source=str(path), line=number
            )
        values += [""] * (len(header) - len(values))
        yield number, dict(zip(header, values, strict=True))


def _parse_file(path: Path) -> list[CameoEntry]:
    entries = []
    for number, row in _read_rows(path):
        try:
            entries.append(CameoEntry.model_validate(row))
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or 'row'}: {err['msg']}" for err in exc.errors()
            )
            raise DataFileError(
                f"bad ontology row {row.get('code', '?')!r}: {problems}", source=str(path), line=number
            ) from exc
    return entries


class Ontology:
    """All known CAMEO codes; immutable once loaded."""

    def __init__(self, entries: Sequence[CameoEntry]) -> None:
        self._entries: dict[str, CameoEntry] = {entry.code: entry for entry in entries}

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> Ontology:
        """Read the shipped table, then each extra file in order (later rows replace earlier codes)."""
        entries: dict[str, CameoEntry] = {}
        for path in (DEFAULT_FILE, *map(Path, extra_files)):
            for entry in _parse_file(path):
                entries[entry.code] = entry
        return cls(list(entries.values()))

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, code: str) -> CameoEntry:
        try:
            return self._entries[code]
        except KeyError:
            raise UnknownCodeError(f"unknown CAMEO code {code!r}") from None

    def codes(self) -> list[str]:
        return sorted(self._entries)

    def cameo(self, code: str) -> Cameo:
        entry = self.get(code)
        return Cameo(code=entry.code, root=entry.root, name=entry.name)

    def plover(self, code: str) -> Plover:
        entry = self.get(code)
        return Plover(type=entry.plover_type, mode=entry.plover_mode, context=entry.plover_context)

    def plover2016(self, code: str) -> str | None:
        return self.get(code).plover2016

    def goldstein(self, code: str) -> float:
        return self.get(code).goldstein

    def quad_class(self, code: str) -> int:
        return self.get(code).quad_class

    def parent(self, code: str) -> str | None:
        """The next-broader code: "1384" -> "138", "138" -> "13", "13" -> None."""
        if len(code) <= 2:
            return None
        return code[:-1]

    def children(self, code: str) -> list[str]:
        return [other for other in self.codes() if self.parent(other) == code]
