"""The attribute ruler as a table lookup: the pipeline's own rules, applied with the same result, faster.

spaCy's ``AttributeRuler`` runs a ``Matcher`` over every document and sets each matched token's attributes one
by one in Python; in en_core_web_sm it is ~11-13% of the pipeline's CPU, although most of its ~179 rules look
at one token only (its TAG, LOWER, DEP or whether it is a space: the old tag map and morph rules).
``TableRuler`` is compiled once, at load, from the loaded ruler's own ``patterns`` (no rule is written here):

- a *single-token rule* (one one-token pattern of exact values, ``IN`` or ``NOT_IN`` over attributes the
  document's arrays hold) becomes a row of a table. Each token's values of those attributes are mapped to
  small class numbers (a value some rule names, or "any other"), so the rules a token meets depend only on
  its combination of classes; the combined outcome of each combination is worked out once and kept;
- every other rule (several tokens, a regex, an operator) stays in a spaCy ``Matcher``, as the ruler runs it,
  but only on windows around the tokens its patterns cannot match without ("gon" of "gon na", a word its
  regex finds): a fixed-length match lies within its length of such a token. A pattern with an operator, or
  with no token the table can test, makes the Matcher run on the whole document.

The semantics are the ruler's (spacy/pipeline/attributeruler.py): every match is found on the document as the
earlier components left it, then the rules are applied in the order they were added, so for each attribute of
a token the last rule that matched it and sets that attribute wins. The attributes are written back with
``Doc.from_array``, which sets the same token fields ``set_token_attrs`` sets. A ruler with a rule this module
cannot reproduce exactly (extension attributes, lexeme flags as targets) is left in place: ``compile_rules``
returns None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy
import srsly
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs

COMPONENT = "brinkwatch_table_ruler"

# What a single-token rule may test: attributes ``Doc.to_array`` reads as the Matcher does.
_TESTED = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH, "DEP": DEP, "IS_SPACE": IS_SPACE, "POS": POS}
# What a rule may set: plain token fields, which ``from_array`` writes as ``set_token_attrs`` does.
_SETTABLE = (TAG, POS, MORPH, LEMMA, DEP)


def _single_token_tests(pattern: list[dict], vocab) -> list[tuple[int, frozenset[int], bool]] | None:  # noqa: ANN001
    """The conditions of a one-token pattern as (attr, values, negated), or None when the table cannot
    hold it. Values are hashed as the Matcher hashes them (``_get_attr_values``, ``_SetPredicate``)."""
    if len(pattern) != 1 or not isinstance(pattern[0], dict):
        return None
    tests = []
    for key, value in pattern[0].items():
        if not isinstance(key, str) or key.upper() not in _TESTED:
            return None
        attr = _TESTED[key.upper()]
        if isinstance(value, bool):
            tests.append((attr, frozenset([int(value)]), False))
        elif isinstance(value, str):
            tests.append((attr, frozenset([vocab.strings.add(value)]), False))
        elif isinstance(value, int):
            tests.append((attr, frozenset([value]), False))
        elif isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN"):
            op, items = next(iter(value.items()))
            if not isinstance(items, list) or any(isinstance(v, bool) or not isinstance(v, str | int)
                                                  for v in items):
                return None
            tests.append((attr, frozenset(get_string_id(v) for v in items), op == "NOT_IN"))
        else:
            return None
    return tests


@dataclass
class CompiledRules:
    """The ruler's rules split into the table (single-token rules) and the Matcher (the rest)."""

    targets: list[int]  # the attributes some rule sets, in array column order
    sets: list[dict[int, int]]  # per rule, in the ruler's order: target column -> value
    table: list[tuple[int, list[list[tuple[int, frozenset[int], bool]]]]]  # (rule, its alternative patterns)
    tested: list[int]  # the attributes the table reads
    named: list[numpy.ndarray]  # per tested attribute: the sorted values some rule names
    matcher: Matcher | None
    # Where the Matcher can match: each of its patterns needs a token meeting one of these tests (its
    # "anchor"), so it runs only on windows of ``span`` tokens around such tokens; ``everywhere`` when a
    # pattern has no anchor (an operator, or no token the table can test).
    anchors: list[list[tuple[int, frozenset[int], bool]]]
    regex_anchors: list[tuple[int, re.Pattern]]  # (attribute, regex): a token whose value it finds
    span: int
    everywhere: bool
    indices: list[int]  # per rule: the index of the token it sets within its match
    patterns: list[dict]  # the ruler's own patterns, for ``TableRuler.patterns``


def compile_rules(vocab, patterns: Iterable[dict]) -> CompiledRules | None:  # noqa: ANN001 - a spacy Vocab
    """Compile an ``AttributeRuler``'s ``patterns``; None when a rule sets what ``from_array`` cannot."""
    patterns = list(patterns)
    sets: list[dict[int, int]] = []
    for rule in patterns:
        if "_" in rule["attrs"]:
            return None
        attrs = normalize_token_attrs(vocab, rule["attrs"])
        if any(attr not in _SETTABLE for attr in attrs):
            return None
        sets.append(attrs)
    targets = [attr for attr in _SETTABLE if any(attr in s for s in sets)]
    column = {attr: j for j, attr in enumerate(targets)}
    table, matcher, indices, anchors, regex_anchors, span, everywhere = [], None, [], [], [], 0, False
    for i, rule in enumerate(patterns):
        index = rule.get("index", 0)
        indices.append(index)
        alternatives = [_single_token_tests(p, vocab) for p in rule["patterns"]]
        if index in (0, -1) and alternatives and all(a is not None for a in alternatives):
            table.append((i, alternatives))
            continue
        if matcher is None:
            matcher = Matcher(vocab, validate=False)
        matcher.add(vocab.strings.add(str(i)), rule["patterns"])
        for pattern in rule["patterns"]:
            anchor = _anchor(pattern, vocab)
            if anchor is None and (regex := _regex_anchor(pattern)) is not None:
                regex_anchors.append(regex)
            else:
                everywhere = everywhere or anchor is None
                anchors += [anchor] if anchor is not None else []
            span = max(span, len(pattern))
    every_test = [alt for _, alts in table for alt in alts] + anchors
    tested = sorted({attr for tests in every_test for attr, _, _ in tests})
    named = [numpy.array(sorted({v for tests in every_test for a, vs, _ in tests if a == attr for v in vs}),
                         dtype=numpy.uint64) for attr in tested]
    return CompiledRules(targets, [{column[a]: v for a, v in s.items()} for s in sets], table, tested, named,
                         matcher, anchors, regex_anchors, span, everywhere, indices, patterns)


def _anchor(pattern: list[dict], vocab) -> list[tuple[int, frozenset[int], bool]] | None:  # noqa: ANN001
    """The tests of one token every match of a fixed-length ``pattern`` holds (a word's LOWER or ORTH
    preferred: rarer than a tag), or None when it has an operator or no token the table can test."""
    if any(not isinstance(spec, dict) or any(str(key).upper() == "OP" for key in spec) for spec in pattern):
        return None
    found = [tests for spec in pattern if (tests := _single_token_tests([spec], vocab))]
    words = [tests for tests in found if any(attr in (LOWER, ORTH) and not negated for attr, _, negated in tests)]
    return (words or found or [None])[0]


class TableRuler:
    """Sets the attributes the pipeline's ``AttributeRuler`` sets, from a table of its single-token rules."""

    def __init__(self, vocab, name: str = "attribute_ruler") -> None:  # noqa: ANN001 - a spacy Vocab
        self.vocab = vocab
        self.name = name
        self.rules: CompiledRules | None = None
        self._regex_seen: dict[tuple[int, int], bool] = {}
        self._outcomes: dict[int, tuple[tuple[int, ...], tuple[int, ...], tuple[bool, ...], bool]] = {}

    def set_rules(self, rules: CompiledRules) -> None:
        self.rules = rules
        self._outcomes = {}
        self._regex_seen: dict[tuple[int, int], bool] = {}
        self._radix = [len(n) + 1 for n in rules.named]
        if numpy.prod([float(r) for r in self._radix]) >= 2.0**62:
            raise ValueError("attribute ruler: too many named values for one int64 class key")
        self._read = [*rules.tested, *rules.targets]

    @property
    def patterns(self) -> list[dict]:
        return [] if self.rules is None else self.rules.patterns

    # Saved as spaCy's ruler saves itself (its patterns, msgpack), so a pipeline written with ``nlp.to_disk``
    # reads back with its rules rather than as an empty ruler that sets nothing.
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"patterns": self.patterns})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> TableRuler:
        rules = compile_rules(self.vocab, srsly.msgpack_loads(data)["patterns"])
        if rules is None:
            raise ValueError("attribute ruler: a saved rule sets what the table cannot")
        self.set_rules(rules)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        (Path(path) / "patterns").write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TableRuler:
        return self.from_bytes((Path(path) / "patterns").read_bytes())

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules
        if rules is None or not rules.targets or len(doc) == 0:
            return doc
        array = doc.to_array(self._read).reshape(len(doc), -1)  # one attribute gives a 1-D array
        width = len(rules.tested)
        keys = numpy.zeros(len(doc), dtype=numpy.int64)
        for k, named in enumerate(rules.named):
            # a value's class: its place among the values the rules name, or len(named) for any other
            column = array[:, k]
            if len(named):
                at = numpy.searchsorted(named, column).clip(0, len(named) - 1)
                keys = keys * self._radix[k] + numpy.where(named[at] == column, at, len(named))
        unique, inverse = numpy.unique(keys, return_inverse=True)
        outcomes = [self._outcome(key) for key in unique.tolist()]
        current = array[:, width:]
        values = numpy.array([o[1] for o in outcomes], dtype=numpy.uint64).reshape(len(outcomes), -1)[inverse]
        is_set = numpy.array([o[2] for o in outcomes], dtype=bool).reshape(len(outcomes), -1)[inverse]
        final = numpy.where(is_set, values, current)
        if rules.matcher is not None:
            self._apply_matches(doc, rules, current, final, outcomes, inverse)
        if not numpy.array_equal(final, current):
            doc.from_array(rules.targets, final)
        return doc

    def _apply_matches(self, doc: Doc, rules: CompiledRules, current: numpy.ndarray, final: numpy.ndarray,
                       outcomes: list, inverse: numpy.ndarray) -> None:
        """The Matcher's rules, merged with the table's in the ruler's order on the tokens they reach."""
        seen = self._regex_seen
        extra: dict[int, list[int]] = {}
        for match_id, start, end in _matches(doc, rules, outcomes, inverse, seen):
            rule = int(doc.vocab.strings[match_id])
            index = rules.indices[rule]
            length = end - start
            if not -length <= index < length:
                raise ValueError(f"attribute ruler rule {rule}: index {index} outside its match "
                                 f"{[t.text for t in doc[start:end]]}")
            extra.setdefault(start + index if index >= 0 else end + index, []).append(rule)
        for token, matched in extra.items():
            row = current[token].copy()
            for rule in sorted({*outcomes[inverse[token]][0], *matched}):
                for j, value in rules.sets[rule].items():
                    row[j] = value
            final[token] = row

    def _outcome(self, key: int) -> tuple[tuple[int, ...], tuple[int, ...], tuple[bool, ...], bool]:
        """The table's rules a token of this class combination meets (in the ruler's order), the values they
        leave in each target column and whether any rule set it."""
        found = self._outcomes.get(key)
        if found is not None:
            return found
        rules = self.rules
        classes, rest = [], key
        for radix in reversed(self._radix):
            rest, cls = divmod(rest, radix)
            classes.append(cls)
        classes.reverse()
        position = {attr: k for k, attr in enumerate(rules.tested)}
        named = [n.tolist() for n in rules.named]
        met = []
        for rule, alternatives in rules.table:
            for tests in alternatives:
                if all(_holds(classes[position[a]], named[position[a]], values, negated)
                       for a, values, negated in tests):
                    met.append(rule)
                    break
        values, is_set = [0] * len(rules.targets), [False] * len(rules.targets)
        for rule in met:
            for j, value in rules.sets[rule].items():
                values[j], is_set[j] = value, True
        anchored = any(all(_holds(classes[position[a]], named[position[a]], values_, negated)
                           for a, values_, negated in tests) for tests in rules.anchors)
        found = (tuple(met), tuple(values), tuple(is_set), anchored)
        self._outcomes[key] = found
        return found


def _regex_anchor(pattern: list[dict]) -> tuple[int, re.Pattern] | None:
    """A one-token pattern that is one REGEX on a string attribute (``{"LOWER": {"REGEX": "^n[ou]thin'$"}}``):
    the Matcher's ``_RegexPredicate`` searches the attribute's string, and so does the window finder."""
    if len(pattern) != 1 or not isinstance(pattern[0], dict) or len(pattern[0]) != 1:
        return None
    key, value = next(iter(pattern[0].items()))
    if str(key).upper() not in ("LOWER", "ORTH", "TEXT") or not isinstance(value, dict) or list(value) != ["REGEX"]:
        return None
    return _TESTED[str(key).upper()], re.compile(value["REGEX"])


def _regex_anchored(doc: Doc, rules: CompiledRules, seen: dict) -> numpy.ndarray:
    """Tokens whose attribute string a regex anchor finds (each distinct value searched once per process)."""
    hit = numpy.zeros(len(doc), dtype=bool)
    for k, (attr, regex) in enumerate(rules.regex_anchors):
        column = doc.to_array([attr]).reshape(-1)
        unique, inverse = numpy.unique(column, return_inverse=True)
        found = []
        for value in unique.tolist():
            if (k, value) not in seen:
                seen[k, value] = bool(regex.search(doc.vocab.strings[value]))
            found.append(seen[k, value])
        hit |= numpy.array(found, dtype=bool)[inverse]
    return hit


def _matches(doc: Doc, rules: CompiledRules, outcomes: list, inverse: numpy.ndarray,
             seen: dict) -> list[tuple[int, int, int]]:
    """The Matcher's matches as on the whole document, found in windows around the anchored tokens (a match of
    a fixed-length pattern lies within ``span - 1`` tokens of its anchor); a match seen from two windows
    is listed twice, which sets the same values twice."""
    if rules.everywhere:
        return rules.matcher(doc, allow_missing=True, as_spans=False)
    anchored = numpy.array([o[3] for o in outcomes], dtype=bool)[inverse]
    if rules.regex_anchors:
        anchored |= _regex_anchored(doc, rules, seen)
    anchored = anchored.nonzero()[0].tolist()
    found, lo, hi = [], None, None
    for token in [*anchored, None]:
        if token is not None and hi is not None and token - rules.span + 1 <= hi:
            hi = min(len(doc), token + rules.span)
            continue
        if hi is not None:
            found += [(m, lo + s, lo + e) for m, s, e in rules.matcher(doc[lo:hi], allow_missing=True,
                                                                        as_spans=False)]
        if token is not None:
            lo, hi = max(0, token - rules.span + 1), min(len(doc), token + rules.span)
    return found


def _holds(cls: int, named: list[int], values: frozenset[int], negated: bool) -> bool:
    """Whether a value of class ``cls`` (an index into ``named``, or ``len(named)`` for any other value) is one
    of ``values``, or is not when ``negated``. Every value a rule names is in ``named``, so "any other" is
    in none of them."""
    inside = cls < len(named) and named[cls] in values
    return inside != negated


@Language.factory(COMPONENT)
def make_table_ruler(nlp: Language, name: str) -> TableRuler:
    return TableRuler(nlp.vocab, name)


def replace_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put a ``TableRuler`` compiled from the pipeline's ruler in its place (same name); False when there is
    no ruler or one of its rules cannot be reproduced exactly, and the ruler is left as it was."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if isinstance(ruler, TableRuler):
        return True
    rules = compile_rules(nlp.vocab, ruler.patterns)
    if rules is None:
        return False
    nlp.replace_pipe(name, COMPONENT)
    nlp.get_pipe(name).set_rules(rules)
    return True
