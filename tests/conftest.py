"""Shared fixtures: the development gold set lives in ../shared/gold and is read from there, never copied.

A user's clone has no ``../shared`` beside it, so tests that need it are skipped there with the reason.
CI sets ``BRINKWATCH_REQUIRE_SHARED=1`` (it has the folder), which turns such a skip into a failure, so a
moved or renamed file cannot make the gold tests vanish silently.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD_DEV = SHARED / "gold" / "dev.jsonl"
REFERENCE = SHARED / "reference"

REQUIRE_SHARED = "BRINKWATCH_REQUIRE_SHARED"


def need_shared(path: Path, what: str) -> Path:
    """``path`` inside ../shared, or skip (fail when ``BRINKWATCH_REQUIRE_SHARED=1``) when it is absent."""
    if path.exists():
        return path
    reason = (f"{what} not found at {path}: it lives in the project's shared folder beside the repository, "
              "which a plain clone does not have")
    if os.environ.get(REQUIRE_SHARED) == "1":
        pytest.fail(f"{reason} ({REQUIRE_SHARED}=1)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def gold_dev_path() -> Path:
    return need_shared(GOLD_DEV, "development gold set")


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    """../shared/reference: the CAMEO and PLOVER code tables the test data are checked against."""
    return need_shared(REFERENCE, "reference tables")


@pytest.fixture(scope="session")
def coder():
    """One real Coder (spaCy pipeline + all knowledge) for the whole test session."""
    from brinkwatch.extract import Coder

    return Coder()


@pytest.fixture()
def con():  # noqa: ANN201 - a duckdb connection
    """An in-memory DuckDB database with the store's schema (the analysis tests' own database)."""
    import duckdb

    from brinkwatch.analyze.synthetic import create_schema

    con = duckdb.connect()
    create_schema(con)
    return con
