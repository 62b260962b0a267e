"""``TableRuler`` must set exactly what spaCy's ``AttributeRuler`` sets, from the same rules.

Three checks: every token of our own corpora (probe sentences, article probes, attribute wires, the bundled
examples) gets the same TAG, POS, MORPH, LEMMA (the lemmatizer runs after, reading the parts of speech) and
DEP both ways; odd texts made by hypothesis from the words the rules name; and random rule sets on made-up
documents, so the order of rules, IN/NOT_IN, negative indices and several-token rules are checked beyond the
model's own ~179 rules.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

from brinkwatch.config import Settings
from brinkwatch.nlp import load_pipeline
from brinkwatch.nlp.tableruler import TableRuler, compile_rules

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
_BEFORE_RULER_OFF = ("attribute_ruler", "lemmatizer", "ner", "brinkwatch_headline_case")


def _own_texts() -> list[str]:
    """Our own corpora (never the blind sets): jsonl ``text`` fields and plain-text articles."""
    texts = []
    jsonl = sorted(DATA.glob("*.jsonl")) + sorted((ROOT / "examples").rglob("*.jsonl"))
    for path in jsonl:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line) if line.strip() else None
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                texts.append(record["text"])
    for folder in (DATA / "articles", DATA / "attributes", ROOT / "examples"):
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]
    return texts


def _annotations(doc: Doc) -> list[tuple]:
    return [(t.i, t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def both():  # noqa: ANN201 - (pipeline with spaCy's ruler, the table compiled from it)
    nlp = load_pipeline(Settings().spacy_model, table_ruler=False)
    spacy_ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(spacy_ruler, AttributeRuler) and len(spacy_ruler.patterns) > 100
    table = TableRuler(nlp.vocab)
    table.set_rules(compile_rules(nlp.vocab, spacy_ruler.patterns))
    return nlp, spacy_ruler, table


def _compare(nlp, spacy_ruler, table, texts: list[str]) -> int:  # noqa: ANN001
    """Run the pipeline up to the ruler once, then each ruler and the lemmatizer on a copy; count tokens."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    tokens = 0
    with nlp.select_pipes(disable=[n for n in _BEFORE_RULER_OFF if n in nlp.pipe_names]):
        for doc in nlp.pipe(texts, batch_size=32):
            theirs, ours = lemmatizer(spacy_ruler(doc.copy())), lemmatizer(table(doc.copy()))
            assert _annotations(ours) == _annotations(theirs)
            tokens += len(doc)
    return tokens


def test_the_table_sets_what_the_ruler_sets_on_every_own_text(both) -> None:  # noqa: ANN001
    texts = _own_texts()
    assert len(texts) > 1000
    assert _compare(*both, texts) > 50_000


def test_load_pipeline_puts_the_table_in_the_ruler_s_place() -> None:
    nlp = load_pipeline(Settings().spacy_model)
    assert isinstance(nlp.get_pipe("attribute_ruler"), TableRuler)
    plain = load_pipeline(Settings().spacy_model, table_ruler=False)
    text = (ROOT / "examples" / "articles").glob("*.txt").__next__().read_text(encoding="utf-8")
    assert _annotations(nlp(text)) == _annotations(plain(text))
    # saved and read back (as nlp.to_disk / from_disk do) it keeps its rules
    ruler = nlp.get_pipe("attribute_ruler")
    copy = TableRuler(nlp.vocab).from_bytes(ruler.to_bytes())
    assert copy.patterns == plain.get_pipe("attribute_ruler").patterns
    with plain.select_pipes(disable=[n for n in _BEFORE_RULER_OFF if n in plain.pipe_names]):
        parsed = plain(text)
    assert _annotations(copy(parsed.copy())) == _annotations(plain.get_pipe("attribute_ruler")(parsed.copy()))


_NAMED = ["but", "i", "it", "you", "gon", "na", "got", "ta", "let", "'s", "c'm", "on", "y'", "y", "all", "ai",
          "n't", "nt", "do", "did", "have", "had", "there", "is", "were", "that", "which", "the", "to", "and"]
_ODD = st.lists(st.one_of(st.sampled_from(_NAMED), st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "!!!!", "-",
                                                                    "'", "\u2019", ".", ",", "?", "1999"]),
                          st.text(alphabet="aAbBnN'. \n", max_size=6)), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_ODD)
def test_the_table_sets_what_the_ruler_sets_on_odd_texts(both, words: list[str]) -> None:  # noqa: ANN001
    text = " ".join(words)
    _compare(*both, [text, text.upper(), text.title()])


# Random rule sets on made-up documents: the semantics of the ruler itself, not only of the model's rules.
_WORDS = ["a", "b", "c", "A", " ", "d"]
_TAGS = ["NN", "VB", "DT", ""]
_DEPS = ["nsubj", "det", "ROOT", ""]
_ATTRS = st.fixed_dictionaries({}, optional={"POS": st.sampled_from(["NOUN", "VERB", "X", "PRON"]),
                                             "TAG": st.sampled_from(["NN", "XX", "_SP"]),
                                             "LEMMA": st.sampled_from(["a", "be", "zz"]),
                                             "MORPH": st.sampled_from(["Number=Sing", "_", "Case=Acc|Number=Plur"]),
                                             "DEP": st.sampled_from(["dep", "nsubj"])})


def _value(choices: list[str]):  # noqa: ANN202 - a strategy
    return st.one_of(st.sampled_from(choices), st.builds(lambda v: {"IN": v}, st.lists(st.sampled_from(choices))),
                     st.builds(lambda v: {"NOT_IN": v}, st.lists(st.sampled_from(choices))))


_TOKEN = st.fixed_dictionaries({}, optional={"LOWER": _value(["a", "b", "c", " ", "d"]), "TAG": _value(_TAGS),
                                             "DEP": _value(_DEPS), "IS_SPACE": st.booleans(),
                                             "ORTH": st.sampled_from(["A", "b"])})
_REGEX = st.just({"LOWER": {"REGEX": "^[ab]$"}})
_RULE = st.one_of(
    st.builds(lambda pats, attrs, index: {"patterns": pats, "attrs": attrs, "index": index},
              st.lists(st.lists(_TOKEN, min_size=1, max_size=1), min_size=1, max_size=2), _ATTRS,
              st.sampled_from([0, -1])),
    st.builds(lambda pat, attrs, index: {"patterns": [pat], "attrs": attrs, "index": index},
              st.lists(st.one_of(_TOKEN, _REGEX), min_size=1, max_size=3), _ATTRS, st.sampled_from([0, -1])))


@settings(max_examples=300, deadline=None)
@given(st.lists(_RULE, max_size=12),
       st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_TAGS), st.sampled_from(_DEPS)), max_size=12))
def test_random_rules_give_the_ruler_s_result(rules: list[dict], tokens: list[tuple[str, str, str]]) -> None:
    vocab = Vocab()
    spacy_ruler = AttributeRuler(vocab)
    spacy_ruler.add_patterns(rules)
    compiled = compile_rules(vocab, spacy_ruler.patterns)
    assert compiled is not None
    table = TableRuler(vocab)
    table.set_rules(compiled)
    doc = Doc(vocab, words=[w for w, _, _ in tokens])
    for token, (_, tag, dep) in zip(doc, tokens, strict=True):
        token.tag_, token.dep_ = tag, dep
    before = doc.to_array([TAG, DEP])
    theirs, ours = spacy_ruler(doc.copy()), table(doc.copy())
    assert _annotations(ours) == _annotations(theirs)
    assert (doc.to_array([TAG, DEP]) == before).all()  # the input document is not touched
