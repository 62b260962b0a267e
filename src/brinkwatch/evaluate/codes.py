"""Actor-code normalisation for scoring: legacy country codes, unknown actors, and sector extraction.

The facts (legacy CAMEO country codes, the CAMEO role/sector codes) live in ``data/actor_codes.yaml``;
this module validates that file and turns a gold or predicted actor into the keys the scorer compares:
a *country* (first three characters, legacy codes mapped to ISO, ``---`` when unknown) and an *agent*
(the first sector code after the country).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from brinkwatch.errors import DataFileError
from brinkwatch.model import Actor

DEFAULT_FILE = Path(__file__).parent / "data" / "actor_codes.yaml"
UNKNOWN = "---"


def _is_code(value: str) -> bool:
    return len(value) == 3 and value.isalpha() and value.isupper()


class ActorCodeFile(BaseModel):
    """Schema of ``actor_codes.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    country_aliases: dict[str, str]
    unknown_country: str
    role_codes: tuple[str, ...]
    role_aliases: dict[str, str]

    @field_validator("country_aliases", "role_aliases")
    @classmethod
    def _three_letter_pairs(cls, value: dict[str, str]) -> dict[str, str]:
        bad = [f"{k}->{v}" for k, v in value.items() if not (_is_code(k) and _is_code(v))]
        if bad:
            raise ValueError(f"aliases must map 3-letter upper-case codes: {bad}")
        return value

    @field_validator("role_codes")
    @classmethod
    def _three_letter_roles(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [code for code in value if not _is_code(code)]
        if bad:
            raise ValueError(f"role codes must be 3 upper-case letters: {bad}")
        return value


@dataclass(frozen=True)
class ActorKey:
    """A normalised actor: ``country`` is ``---`` when unknown; ``agent`` is the first sector code or None."""

    country: str
    agent: str | None = None


class ActorCodes:
    """Normalises actor codes the same way for gold and predictions."""

    def __init__(self, table: ActorCodeFile) -> None:
        self._table = table
        self._roles = frozenset(table.role_codes)

    @classmethod
    def load(cls, path: Path = DEFAULT_FILE) -> ActorCodes:
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            return cls(ActorCodeFile.model_validate(raw))
        except (OSError, yaml.YAMLError, ValidationError) as exc:
            raise DataFileError(f"cannot load actor-code table: {exc}", source=str(path)) from exc

    def country(self, code: str | None) -> str:
        """First three characters, upper-cased, legacy codes mapped; ``---`` for empty or unknown."""
        prefix = (code or "").strip().upper()[:3]
        if len(prefix) < 3 or prefix == self._table.unknown_country:
            return UNKNOWN
        return self._table.country_aliases.get(prefix, prefix)

    def segments(self, code: str | None) -> tuple[str, ...]:
        """The 3-character codes after the country prefix: ``IRQGOVMIL`` -> (GOV, MIL)."""
        rest = (code or "").strip().upper()[3:]
        return tuple(rest[i : i + 3] for i in range(0, len(rest) - 2, 3))

    def role(self, sector: str | None) -> str | None:
        """A gold sector such as ``CVLalb`` or ``CIV`` as a CAMEO role code; ``***``/blank -> None."""
        head = (sector or "").strip()[:3].upper()
        if not head.isalpha() or len(head) < 3:
            return None
        return self._table.role_aliases.get(head, head)

    def code_key(self, code: str | None) -> ActorKey:
        """Phoenix/CAMEO-style comparison: country + the first code after it (``IRQGOVMIL`` -> IRQ, GOV)."""
        segments = self.segments(code)
        return ActorKey(self.country(code), segments[0] if segments else None)

    def role_key(self, code: str | None) -> ActorKey:
        """PLOVER-gold-style comparison: country + the first *role* code (``IGONATMIL`` -> IGO, MIL)."""
        roles = [self._table.role_aliases.get(s, s) for s in self.segments(code)]
        first = next((r for r in roles if r in self._roles), None)
        return ActorKey(self.country(code), first)

    def predicted_code(self, actor: Actor | None) -> str:
        """A predicted actor's code; a missing actor counts as an unknown one."""
        if actor is None or not actor.code.strip():
            return UNKNOWN
        return actor.code.strip().upper()
