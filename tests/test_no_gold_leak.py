"""No development-gold sentence, nor a paraphrase sharing a run of seven words with one, lives in src/ or tests/.

brinkwatch is measured on the gold set; text copied from it into pattern examples, aliases, comments or tests
lets rules fit the very sentences they are scored on. The gold is read from ../shared/gold at test time only.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO.parent / "shared" / "gold"
RUN = 7
SUFFIXES = {".py", ".yaml", ".yml", ".json", ".jsonl", ".txt", ".tsv", ".md", ".csv", ".html", ".js"}
WORD = re.compile(r"[a-z0-9']+")


def _runs(text: str) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _repo_files() -> list[Path]:
    return [path for top in ("src", "tests") for path in (REPO / top).rglob("*")
            if path.is_file() and path.suffix in SUFFIXES and "__pycache__" not in path.parts]


def test_helper_finds_a_shared_run() -> None:
    assert _runs("The army of Ruritania shelled the border town of Xan on Monday") & _runs(
        "Reports said the army of Ruritania shelled the border town of Xan")
    # six shared words are not a run of seven
    assert not _runs("Officials said the army shelled the town at dawn") & _runs(
        "Witnesses said the army shelled the town on Friday")


def test_no_gold_sentence_in_src_or_tests() -> None:
    gold_files = sorted(GOLD_DIR.glob("*.jsonl"))
    if not gold_files:
        pytest.skip(f"no development gold at {GOLD_DIR} (it sits beside the repository only in development and CI)")
    gold: dict[str, str] = {}
    for path in gold_files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                for run in _runs(record.get("text") or ""):
                    gold.setdefault(run, record.get("id", "?"))
    leaks = []
    for path in _repo_files():
        for run in _runs(path.read_text(encoding="utf-8", errors="ignore")):
            if run in gold:
                leaks.append(f"{path.relative_to(REPO)}: '{run}' (gold {gold[run]})")
    assert not leaks, "gold text in the repository:\n" + "\n".join(sorted(leaks)[:40])
