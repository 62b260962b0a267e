"""Reading gold sets: one JSON object per line, hand-coded events per sentence.

The format is the one of ``shared/gold/dev.jsonl`` (see its README): ``id``, ``corpus``, ``date``, ``text``,
``events`` (each with ``source``/``target`` codes, optional ``source_sector``/``target_sector``, ``cameo`` or
``plover``), and an optional PLOVER ``markup``. Unknown keys are ignored so that other test sets may carry
extra annotations (``modality``, ``construction``...). A bad line raises ``GoldFormatError`` (E800) naming
the file and line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from brinkwatch.errors import GoldFormatError

_CAMEO_SHAPE = re.compile(r"^\d{2,4}$")


class GoldEvent(BaseModel):
    """One hand-coded event. ``cameo`` set -> scored on CAMEO; otherwise on the PLOVER-2016 ``plover`` type."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    source: str | None = None
    target: str | None = None
    source_sector: str | None = None
    target_sector: str | None = None
    cameo: str | None = None
    plover: str | None = None
    modality: str | None = None  # absent in dev.jsonl: the event is taken as asserted

    @field_validator("source", "target", "source_sector", "target_sector", "cameo", "plover", "modality",
                     mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("cameo")
    @classmethod
    def _cameo_shape(cls, value: str | None) -> str | None:
        if value is not None and not _CAMEO_SHAPE.match(value):
            raise ValueError(f"cameo must be 2-4 digits, got {value!r}")
        return value

    @model_validator(mode="after")
    def _has_label(self) -> GoldEvent:
        if self.cameo is None and self.plover is None:
            raise ValueError("an event needs a cameo code or a plover type")
        return self

    @property
    def occurred(self) -> bool:
        """False for gold events the text says did not (or might not) happen: "did not attend"."""
        return self.modality not in ("negated", "hypothetical")

    @property
    def plover_style(self) -> bool:
        """Gold coded in PLOVER (country + sector actors, PLOVER type) rather than CAMEO/Phoenix codes."""
        return self.cameo is None


class GoldSentence(BaseModel):
    """One gold sentence and its events (``events == ()`` means it must produce no event)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    corpus: str
    text: str
    date: dt.date | None = None
    events: tuple[GoldEvent, ...] = ()
    markup: str | None = None

    @property
    def symmetric(self) -> bool:
        """PLOVER markup ``SRC/TAR``: a joint act ("Jordan and Britain agreed"), either direction is right."""
        return "(SRC/TAR:" in (self.markup or "")

    @property
    def compound(self) -> bool:
        """Markup names several sources or targets, of which the gold record keeps only the first."""
        markup = self.markup or ""
        return self.symmetric or markup.count("(SRC:") > 1 or markup.count("(TAR:") > 1


def _parse_line(raw: str, path: Path, number: int) -> GoldSentence:
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"not valid JSON: {exc.msg}", source=str(path), line=number) from exc
    if not isinstance(record, dict):
        raise GoldFormatError("each line must be a JSON object", source=str(path), line=number)
    try:
        return GoldSentence.model_validate(record)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise GoldFormatError(f"bad gold record: {problems}", source=str(path), line=number) from exc


def document_ids(gold: Sequence[GoldSentence]) -> list[str]:
    """One unique document id per gold sentence: its ``id``, with ``#2``, ``#3``... on repeats.

    Ids are not unique in every gold set (dev.jsonl has two different ``PLOVER-GSR01-COERCE-0004``), and
    the coder's documents are matched back to gold sentences by id.
    """
    seen: Counter[str] = Counter()
    ids: list[str] = []
    for sentence in gold:
        seen[sentence.id] += 1
        ids.append(sentence.id if seen[sentence.id] == 1 else f"{sentence.id}#{seen[sentence.id]}")
    return ids


def gold_digest(path: Path) -> str:
    """SHA-256 of the gold file's bytes: the regression baseline pins it so a changed gold set is noticed."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as exc:
        raise GoldFormatError(f"cannot read gold file: {exc}", source=str(path)) from exc


def load_gold(path: Path) -> list[GoldSentence]:
    """Read a gold JSONL file; blank lines are skipped; a file with no record is an error."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"cannot read gold file: {exc}", source=str(path)) from exc
    sentences = [
        _parse_line(raw, Path(path), number) for number, raw in enumerate(lines, start=1) if raw.strip()
    ]
    if not sentences:
        raise GoldFormatError("gold file holds no records", source=str(path))
    return sentences
