"""Loads ``data/boilerplate.yaml``: boilerplate markers, syndication phrases and the English stop words.

The file is validated by a pydantic schema when loaded, so a bad regular expression fails with a
readable ``DataFileError`` (E200) naming the pattern instead of a ``re.error`` deep inside cleaning.
The loaded, compiled markers are immutable and cached per path (no module-level mutable state).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from brinkwatch.cache import safe_load_yaml
from brinkwatch.errors import DataFileError

DEFAULT_PATH = Path(__file__).with_name("data") / "boilerplate.yaml"


def _check_patterns(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc
    return patterns


class LanguageCheck(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    min_words: int = Field(ge=1)
    min_stopword_ratio: float = Field(ge=0.0, le=1.0)
    min_foreign_ratio: float = Field(ge=0.0, le=1.0)
    max_non_latin_ratio: float = Field(ge=0.0, le=1.0)
    stopwords: frozenset[str]
    foreign_stopwords: dict[str, frozenset[str]]


class BoilerplateFile(BaseModel):
    """Schema of ``boilerplate.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    source: str = Field(min_length=1)
    tail_markers: list[str]
    line_patterns: list[str]
    block_markers: list[str]
    syndication_patterns: list[str]
    publisher_end: str
    noise_html_tokens: frozenset[str]
    language: LanguageCheck

    _patterns = field_validator("tail_markers", "line_patterns", "block_markers")(_check_patterns)

    @field_validator("syndication_patterns")
    @classmethod
    def _publisher_group(cls, patterns: list[str]) -> list[str]:
        _check_patterns(patterns)
        for pattern in patterns:
            if "publisher" not in re.compile(pattern).groupindex:
                raise ValueError(f"syndication pattern {pattern!r} has no (?P<publisher>...) group")
        return patterns

    @field_validator("publisher_end")
    @classmethod
    def _publisher_end(cls, pattern: str) -> str:
        _check_patterns([pattern])
        return pattern


class Markers:
    """Compiled patterns, built once per data file."""

    def __init__(self, spec: BoilerplateFile) -> None:
        flags = re.IGNORECASE
        self.version = spec.version
        self.tail = tuple(re.compile(p, flags) for p in spec.tail_markers)
        self.line = tuple(re.compile(p, flags) for p in spec.line_patterns)
        self.block = tuple(re.compile(p, flags) for p in spec.block_markers)
        self.syndication = tuple(re.compile(p, flags) for p in spec.syndication_patterns)
        self.publisher_end = re.compile(spec.publisher_end, flags)
        self.noise_html_tokens = spec.noise_html_tokens
        self.language = spec.language


@lru_cache(maxsize=8)
def load_markers(path: Path = DEFAULT_PATH) -> Markers:
    """Read and validate a boilerplate file; raises ``DataFileError`` (E200) when it is invalid."""
    try:
        raw = safe_load_yaml(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read boilerplate markers: {exc}", source=str(path)) from exc
    try:
        spec = BoilerplateFile.model_validate(raw)
    except ValidationError as exc:
        raise DataFileError(f"invalid boilerplate markers: {exc}", source=str(path)) from exc
    return Markers(spec)
