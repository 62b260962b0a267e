"""Shared fixtures: the development gold set lives in ../shared/gold and is read from there, never copied."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD_DEV = SHARED / "gold" / "dev.jsonl"


@pytest.fixture(scope="session")
def gold_dev_path() -> Path:
    if not GOLD_DEV.exists():
        pytest.fail(f"development gold set not found at {GOLD_DEV}; it is expected beside the repository")
    return GOLD_DEV


@pytest.fixture(scope="session")
def coder():
    """One real Coder (spaCy pipeline + all knowledge) for the whole test session."""
    from brinkwatch.extract import Coder

    return Coder()

