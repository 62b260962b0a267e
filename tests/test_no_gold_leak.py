"""No development-gold sentence, nor a paraphrase of one, lives in src/ or tests/.

brinkwatch is measured on the gold set; text copied from it into pattern examples, aliases, comments or tests
lets rules fit the very sentences they are scored on. The gold is read from ../shared/gold at test time only.

Two checks: a run of seven words shared with a gold sentence (a copy), and a condensed paraphrase -- a short
sentence-like string (pattern example, Python string or comment, jsonl text) whose content words are nearly all
those of one gold sentence ("<gold subject> issued a stern reminder to <gold object>." cut from a longer gold line).
"""

from __future__ import annotations

import io
import json
import re
import tokenize
from collections import Counter
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


# ---------------------------------------------------------------------------------------------- paraphrases
# A candidate is flagged when at least PARA_MIN of its content words, and at least PARA_SHARE of them, occur in one
# gold sentence. Calibrated on the repository of 2026-12-07: it flags every pattern example, resolver/coder test
# sentence and comment rewritten then (a gold line cut down to its subject, verb and object is 4 of 4), and none of
# the sentences we wrote ourselves; a construction a gold line also uses, with other actors, stays below it.
PARA_MIN, PARA_SHARE, PARA_MAX_WORDS = 4, 0.8, 40
STOP = frozenset(
    "the a an of to in on and for with by from its their his her at was were is are has have had that this it as be"
    " been will would said says who which".split())
CONTENT = re.compile(r"[a-z']+")
# the blind sets are the lead's alone: no helper (nor this test) reads them
SKIP_PARTS = {"__pycache__", "blind", "blind2", "blind3"}
EXAMPLE = re.compile(r"""\bexample:\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)')""")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
QUOTED = re.compile(r'"([^"]{12,})"')


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in CONTENT.findall(text.lower()) if w not in STOP and len(w) > 1)


def _pieces(text: str) -> list[str]:
    """The sentences of a string or comment, and the quoted examples inside it."""
    flat = " ".join(text.split())
    return [p for p in SENTENCE_END.split(flat) + QUOTED.findall(flat) if p]


def _python_texts(source: str) -> list[str]:
    out = []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return [source]
    comment: list[str] = []
    for tok in tokens:  # a block of comment lines is one text: a sentence may run over several of them
        if tok.type == tokenize.COMMENT:
            comment.append(tok.string.lstrip("#"))
            continue
        if tok.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT) and comment:
            out.append(" ".join(comment))
            comment = []
        if tok.type == tokenize.STRING:
            out.append(tok.string)
    if comment:
        out.append(" ".join(comment))
    return out


def _jsonl_texts(source: str) -> list[str]:
    out = []
    for line in source.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            out.append(record["text"])
    return out


def _candidate_texts(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8", errors="ignore")
    if path.suffix == ".py":
        return _python_texts(source)
    if path.suffix in (".yaml", ".yml"):
        return [a or b for a, b in EXAMPLE.findall(source)]
    if path.suffix == ".jsonl":
        return _jsonl_texts(source)
    return []


def _paraphrases(files: list[Path], gold: list[tuple[str, str]], root: Path) -> list[str]:
    gold_words = [_content(text) for _, text in gold]
    index: dict[str, list[int]] = {}
    for i, words in enumerate(gold_words):
        for word in words:
            index.setdefault(word, []).append(i)
    found = []
    for path in files:
        for text in _candidate_texts(path):
            for piece in _pieces(text):
                words = _content(piece)
                if not PARA_MIN <= len(words) <= PARA_MAX_WORDS:
                    continue
                shared = Counter(i for word in words for i in index.get(word, ()))
                if not shared:
                    continue
                best, count = shared.most_common(1)[0]
                if count >= PARA_MIN and count >= PARA_SHARE * len(words):
                    found.append(f"{path.relative_to(root)}: {piece[:100]!r} ~ gold {gold[best][0]}")
    return found


def _load_gold() -> list[tuple[str, str]]:
    gold_files = sorted(GOLD_DIR.glob("*.jsonl"))
    if not gold_files:
        pytest.skip(f"no development gold at {GOLD_DIR} (it sits beside the repository only in development and CI)")
    out = []
    for path in gold_files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                out.append((record.get("id", "?"), record.get("text") or ""))
    return out


def test_paraphrase_helper_flags_a_condensed_sentence(tmp_path: Path) -> None:
    gold = [("G1", "The army of Ruritania on Tuesday shelled the border town of Xan, killing three, officials said.")]
    module = tmp_path / "m.py"
    module.write_text(
        '# "Ruritania shelled the border town of Xan": a condensed copy\n'
        'CASES = ["Borduria shelled a village near the frontier.", "The army of Ruritania attacked Xan."]\n'
        'X = 1  # "Ruritania shelled Xan" has three content words: too short to judge\n')
    patterns = tmp_path / "p.yaml"
    patterns.write_text('- {id: shell.v, example: "The Ruritanian army shelled the border town of Xan."}\n'
                        "- {id: shell.v2, example: 'Borduria shelled Xan and four other towns.'}\n")
    found = _paraphrases([module, patterns], gold, tmp_path)
    assert len(found) == 2 and all("G1" in f for f in found), found
    assert any("m.py: 'Ruritania shelled the border town of Xan'" in f for f in found)
    assert any("p.yaml: 'The Ruritanian army shelled" in f for f in found)
    # other actors, a three-word quote, and three of four words shared (75 %) are not flagged
    assert not any("Borduria" in f or "too short" in f or "attacked Xan" in f for f in found)


def test_no_gold_paraphrase_in_src_or_tests() -> None:
    gold = _load_gold()
    files = [path for top in ("src", "tests") for path in (REPO / top).rglob("*")
             if path.is_file() and path.suffix in {".py", ".yaml", ".yml", ".jsonl"}
             and not SKIP_PARTS & set(path.relative_to(REPO).parts)]
    found = _paraphrases(files, gold, REPO)
    assert not found, f"{len(found)} condensed gold sentences in the repository:\n" + "\n".join(found[:60])
