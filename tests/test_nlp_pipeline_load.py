"""``load_pipeline`` reads the tokenizer with the symbol-run patterns already in place (so its special cases are
built once): the result must be the tokenizer a plain ``spacy.load`` gives, with the patterns changed after."""

from __future__ import annotations

import spacy

from brinkwatch.config import Settings
from brinkwatch.nlp import _merge_symbol_runs, load_pipeline

TEXTS = [
    "U.S. forces can't -- won't ---- attack!!!! e.g. Mr. Smith's 10km/h convoy at 5p.m. ?!?!?!?!?! again",
    "Don't (Dr. No) \"quoted\" 'single' U.K.'s gov't wasn't there:-) 3rd-largest ~~~~ ok....... fine",
]


def _pattern(method) -> str | None:  # noqa: ANN001 - a compiled regex's bound method, or None
    return None if method is None else method.__self__.pattern


def test_the_tokenizer_is_the_pipeline_s_own_with_symbol_runs_merged() -> None:
    name = Settings().spacy_model
    ours = load_pipeline(name).tokenizer
    plain = spacy.load(name)
    _merge_symbol_runs(plain)
    expected = plain.tokenizer
    for attr in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match"):
        assert _pattern(getattr(ours, attr)) == _pattern(getattr(expected, attr)), attr
    assert "bw_run" in _pattern(ours.prefix_search) and "bw_run" in _pattern(ours.infix_finditer)
    assert ours.rules == expected.rules and len(ours.rules) > 1000
    assert ours.faster_heuristics == expected.faster_heuristics
    for text in TEXTS:
        assert [(t.text, t.whitespace_) for t in ours(text)] == [(t.text, t.whitespace_) for t in expected(text)]
    assert [t.text for t in ours("Wow!!!! ----")] == ["Wow", "!!!!", "----"]  # a run is one token
