"""PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt) -> brinkwatch's pattern format, as the base layer.

The upstream file has synonym sets (``&CURRENCY`` with ``+DOLLAR`` lines), then verb blocks: a header
``--- BLAME [112] ---`` with the block's code, its verbs (``SPEED {SPEEDING SPEEDS SPED}`` with irregular
forms, ``+CALL_OFF [160]`` a multi-word verb, ``[code]`` a verb's own code) and phrase patterns
(``- * (OF {RIGHTS ABUSES}) [1122]``: ``*`` the verb, ``(...)`` a prepositional phrase, ``{...}`` a
multi-word noun whose last word is the head, ``&NAME`` a synonym set, ``+`` the target, ``$`` the
source, ``^`` any noun). PETRARCH2's ``PETRreader.read_verb_dictionary`` is the reference reading: every
pattern of a block applies to every verb of the block, a verb belongs to the first block that lists
it, and of two patterns with the same words the later one wins.

What converts (one brinkwatch ``Pattern`` per upstream pattern, the block's verbs as ``lemma`` +
``synonyms``): an isolated verb with its code, verb + particle, verb + object noun (or a synonym set, or
a multi-word noun), verb + one prepositional phrase with or without its noun, and those combined. What
does not (counted by kind in ``Conversion.skipped``): nouns before the verb (a subject constraint the
pattern schema has no slot for), two or more prepositional phrases, word sequences after the verb, the
source written after the verb, codes CAMEO 1.1b3 does not have, null-code patterns that only block
coding, target-only paired codes, and the ``~`` transformations (brinkwatch's governors do that work).
A small exclusion list (``convert/data/petrarch_verb_exclusions.yaml``) keeps out entries that would
over-code: isolated speech verbs coded 010, verbs brinkwatch codes *through* (governors, support verbs).

Words are turned into lemmas with the spaCy pipeline's own lemmatizer, so they meet ``lemma_of`` at run
time; an irregular form the lemmatizer does not map back to its verb is counted, not guessed.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from brinkwatch.errors import DataFileError
from brinkwatch.extract.patterns import DATA_DIR as PATTERN_DIR
from brinkwatch.extract.patterns import Pattern, load_governors
from brinkwatch.nlp.frames import ADVERB_PARTICLES, LEMMA_FIXES

UPSTREAM_REPO = "openeventdata/petrarch2"
UPSTREAM_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
EXCLUSIONS_FILE = Path(__file__).parent / "data" / "petrarch_verb_exclusions.yaml"
DEFAULT_OUTPUT = PATTERN_DIR / "petrarch_verbs.yaml"
LICENCE_NAME = "PETRARCH2_LICENSE.txt"

PARTICLES = frozenset(ADVERB_PARTICLES | {"on"})  # what frames.py reads as a verb's particle
# prepositions TABARI-era patterns wrote without parentheses: the word after them is not an object
BARE_PREPOSITIONS = frozenset({"to", "toward", "towards", "with", "against", "into", "from", "for", "of", "at",
                               "about", "that", "as", "by", "under", "between", "among", "onto", "upon"})
# where a base entry looks for its target when the pattern marks none: the object, then these phrases
TARGET_PREPS = ("to", "against", "on", "with", "at", "into")
BASE_CONFIDENCE = 0.6  # under the own entries' 0.8: the base layer was not checked on our sentences
MAX_EXPANSION = 400  # a noun phrase of synonym sets multiplies out; beyond this it is not worth a pattern


# --- the exclusion list --------------------------------------------------------------------------------
class VerbExclusions(BaseModel):
    """Upstream entries brinkwatch does not load, each with its reason (a data file)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    source: str
    structural_lists: tuple[str, ...] = ()  # governors.yaml lists: brinkwatch codes through these verbs
    governed_lists: tuple[str, ...] = ()  # governors.yaml lists whose verbs get no base entry at all
    bare_codes: dict[str, str] = {}  # code -> reason: an isolated verb with this code over-codes
    bare_verbs: dict[str, str] = {}  # "lemma" or "lemma.particle" -> reason: no isolated code for this verb
    verbs: dict[str, str] = {}  # lemma -> reason: no entry at all for this verb
    blocks: dict[str, str] = {}  # block name -> reason: nothing from this block
    lines: dict[int, str] = {}  # upstream line number -> reason: this pattern is wrong
    pattern_verbs: Literal["block", "origin"] = "block"  # which of a block's verbs a phrase pattern applies to


def load_exclusions(path: Path = EXCLUSIONS_FILE) -> VerbExclusions:
    try:
        return VerbExclusions.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise DataFileError(f"verb exclusion list invalid: {exc}", source=str(path)) from exc


# --- reading the upstream file --------------------------------------------------------------------------
@dataclass(frozen=True)
class VerbLine:
    word: str  # as written: "SPEED", "+CALL_OFF", "RE_+ARREST"
    forms: tuple[str, ...]  # irregular forms in {...}
    code: str | None  # the verb's own code, if any
    line: int


@dataclass(frozen=True)
class PatternLine:
    text: str  # between the leading "-" and the code
    code: str
    line: int
    origin: tuple[str, ...] = ()  # the verbs its comment names ("# RUSH"): where upstream found it


@dataclass
class Block:
    name: str
    code: str
    line: int
    verbs: list[VerbLine] = field(default_factory=list)
    patterns: list[PatternLine] = field(default_factory=list)


@dataclass
class VerbDictionary:
    synsets: dict[str, tuple[str, ...]]
    blocks: list[Block]
    transformations: int


_CODE_AT_END = re.compile(r"\[([^\]]*)\]\s*$")


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def read_verb_dictionary(text: str) -> VerbDictionary:
    """The synonym sets and verb blocks of a CAMEO.2.0-style file, as written (no interpretation yet)."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_set: str | None = None
    in_patterns = False
    transformations = 0
    for number, raw in enumerate(text.replace("\x00", "").splitlines(), start=1):
        if raw.startswith("####### VERB PATTERNS"):
            in_patterns = True
            continue
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if not in_patterns:
            if line.startswith("&"):
                current_set = line.strip()
                synsets.setdefault(current_set, [])
            elif line.startswith("+") and current_set is not None:
                synsets[current_set].append(line.strip()[1:])
            continue
        if line.startswith("---"):
            parts = line.split()
            blocks.append(Block(name=parts[1], code=parts[2].strip("[]"), line=number))
        elif line.startswith("~"):
            transformations += 1
        elif line.startswith("-") and blocks:
            match = _CODE_AT_END.search(line)
            body = line[1:match.start()] if match else line[1:]
            blocks[-1].patterns.append(PatternLine(text=body.strip(), code=match.group(1).strip() if match else "",
                                                   line=number, origin=_origin(raw)))
        elif blocks:
            blocks[-1].verbs.append(_verb_line(line, number))
    return VerbDictionary({k: tuple(v) for k, v in synsets.items()}, blocks, transformations)


def _origin(raw: str) -> tuple[str, ...]:
    """"- * AID [070]  # RUSH" -> ("rush",); "# OPEN , OPEN" -> ("open",); "# ANNOUNCE <ab 02 Dec 2005>" ->
    ("announce",). Coder initials and dates are dropped later: only words that are verbs of the block count."""
    comment = raw.partition("#")[2].partition("<")[0]
    words = [w.strip().lower() for w in comment.split(",")]
    return tuple(dict.fromkeys(w for w in words if re.fullmatch(r"[a-z_]+", w)))


def _verb_line(line: str, number: int) -> VerbLine:
    line = line.split(";", 1)[0]  # TABARI-era comments: "VOW ;tony 3/9/91"
    code = None
    match = _CODE_AT_END.search(line)
    if match:
        code, line = match.group(1).strip(), line[:match.start()]
    forms: tuple[str, ...] = ()
    if "{" in line:
        line, _, rest = line.partition("{")
        forms = tuple(rest.replace("}", " ").replace(",", " ").split())
    return VerbLine(word=line.strip(), forms=forms, code=code, line=number)


# --- lemmas ---------------------------------------------------------------------------------------------
class Lemmatizer:
    """Upstream words (upper case, often plural or inflected) -> the lemmas ``lemma_of`` gives at run time."""

    def __init__(self, nlp) -> None:  # a loaded spaCy pipeline with a rule lemmatizer
        from spacy.tokens import Doc

        self._doc = Doc
        self._vocab = nlp.vocab
        self._rules = nlp.get_pipe("lemmatizer")
        self._cache: dict[tuple[str, str, str], str] = {}

    def _lemma(self, word: str, pos: str, tag: str) -> str:
        key = (word, pos, tag)
        if key not in self._cache:
            low = word.lower()
            if low in LEMMA_FIXES:
                self._cache[key] = LEMMA_FIXES[low]
            else:
                doc = self._doc(self._vocab, words=[low])
                doc[0].pos_, doc[0].tag_ = pos, tag
                self._cache[key] = (self._rules.rule_lemmatize(doc[0]) or [low])[-1].lower()
        return self._cache[key]

    def noun(self, word: str) -> tuple[str, ...]:
        """A noun's lemma; a word ending in -s may be a plural ("sanctions") or not ("analysis",
        "willingness"), so both readings are kept: the one that is not a word never matches."""
        low = word.lower()
        if low.endswith("s") and not low.endswith("ss"):
            return tuple(dict.fromkeys((self._lemma(low, "NOUN", "NNS"), LEMMA_FIXES.get(low, low))))
        return (self._lemma(low, "NOUN", "NN"),)

    def verb(self, word: str) -> str:
        """Upstream verbs are written in their base form, which is their lemma (the rule lemmatizer, given
        no morphology, would strip "speed" to "spe"); only the lemma fixes apply."""
        low = word.lower()
        return LEMMA_FIXES.get(low, low)

    def form_maps_to(self, form: str, base: str) -> bool:
        """Does an inflected form ("sped") lemmatise back to its verb ("speed") under some verb tag?"""
        return any(self._lemma(form.lower(), "VERB", tag) == base for tag in ("VBD", "VBN", "VBZ", "VBG"))


# --- patterns -------------------------------------------------------------------------------------------
class Unconvertible(Exception):  # noqa: N818 - a verdict with a reason, not an error to report
    """An upstream construct the pattern schema cannot express; ``kind`` is the report's row."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


SKIP_SUBJECT = "a source with a noun, two nouns or an adverb before the verb"
SKIP_TWO_PREPS = "two or more prepositional phrases"
SKIP_SEQUENCE = "two or more nouns after the verb (a TABARI word sequence)"
SKIP_PREP_SEQUENCE = "two or more words after the preposition of a phrase"
SKIP_PREP_ONLY = "a preposition alone ('* (TO)'): its object would have to be an actor, which a pattern cannot require"
SKIP_BARE_PREP = "a preposition written without parentheses (TABARI style)"
SKIP_SOURCE_AFTER = "the source ($) after the verb"
SKIP_NULL = "null code [---]: the pattern only blocks coding"
SKIP_TARGET_ONLY = "target-only paired code [:X]"
SKIP_UNKNOWN_CODE = "a code CAMEO 1.1b3 does not have"
SKIP_SYNSET = "an undefined or empty synonym set"
SKIP_NO_VERB = "no verb marker *"
SKIP_TOO_WIDE = "a synonym-set phrase of more than 400 forms"
SKIP_DUPLICATE = "same words as a later pattern of the block (PETRARCH2 keeps the later)"
SKIP_NO_VERBS = "a block whose verbs all belong to earlier blocks or are excluded"
SKIP_EXCLUDED = "on the exclusion list"
SKIP_OWN_NOUN = "a support verb with an event noun brinkwatch's own noun patterns code"
SKIP_GOVERNOR = "a governor or speech verb: brinkwatch codes its complement instead"
SKIP_ORIGIN = "written for a verb of the block that is not loaded (a governor, or listed in an earlier block)"


@dataclass(frozen=True)
class Element:
    kind: str  # word | set | phrase | prep | target | source | skip
    text: str = ""
    parts: tuple[Element, ...] = ()


def _elements(text: str) -> list[Element]:
    """Tokenise one side of a pattern: words, &SETS, {noun phrases}, (prep phrases), + $ ^ markers."""
    out: list[Element] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            index += 1
        elif char in "({":
            close = ")" if char == "(" else "}"
            end = text.find(close, index)
            end = len(text) if end < 0 else end
            inner = text[index + 1:end]
            if char == "(":
                words = _elements(inner)
                head = words[0].text if words and words[0].kind == "word" else ""
                out.append(Element("prep", head.lower(), tuple(words[1:] if head else words)))
            else:
                out.append(Element("phrase", inner, tuple(_elements(inner))))
            index = end + 1
        else:
            end = index
            while end < len(text) and not text[end].isspace() and text[end] not in "({":
                end += 1
            word = text[index:end].rstrip(")}")
            marker = {"+": "target", "$": "source", "^": "skip"}.get(word)
            out.append(Element(marker) if marker else Element("set" if word.startswith("&") else "word", word))
            index = end
    return out


@dataclass(frozen=True)
class PatternShape:
    """What one upstream pattern constrains, in brinkwatch's terms."""

    particle: str | None = None
    objects: tuple[str, ...] = ()
    prep: str | None = None
    prep_nouns: tuple[str, ...] = ()
    target: str | None = None  # "object" or "prep:x" when the pattern marks it with +
    subjects: tuple[str, ...] = ()  # "&MILITARY * [190] # ADVANCE": the subject's head must be one of these


class PatternReader:
    """Turns pattern text into a ``PatternShape`` (or raises ``Unconvertible``)."""

    def __init__(self, synsets: dict[str, tuple[str, ...]], lemmatizer: Lemmatizer) -> None:
        self.synsets = synsets
        self.lemmatizer = lemmatizer

    def read(self, text: str) -> PatternShape:
        if text.count("*") != 1:
            raise Unconvertible(SKIP_NO_VERB)
        before, after = text.split("*")
        subjects = self._subjects(_elements(before))
        elements = _elements(after)
        particle = None
        if elements and elements[0].kind == "word" and elements[0].text.lower() in PARTICLES:
            particle = elements.pop(0).text.lower()
        preps = [e for e in elements if e.kind == "prep"]
        nouns = [e for e in elements if e.kind in {"word", "set", "phrase"}]
        if len(preps) > 1:
            raise Unconvertible(SKIP_TWO_PREPS)
        if any(e.kind == "source" for e in elements):
            raise Unconvertible(SKIP_SOURCE_AFTER)
        if any(e.kind == "word" and e.text.lower() in BARE_PREPOSITIONS for e in nouns):
            raise Unconvertible(SKIP_BARE_PREP)
        if len(nouns) > 1:
            raise Unconvertible(SKIP_SEQUENCE)
        target = "object" if any(e.kind == "target" for e in elements) else None
        shape = PatternShape(particle=particle, objects=self.noun_forms(nouns[0]) if nouns else (), target=target,
                             subjects=subjects)
        if preps:
            return self._with_prep(shape, preps[0])
        return shape

    def _subjects(self, before: list[Element]) -> tuple[str, ...]:
        """The noun written before the verb ("TROOP *", "&WEAPON *", "{&WEAPON BLAST} *"): a subject constraint.
        A source marker with a noun, two nouns, or an adverb ("ABRUPTLY *") does not convert."""
        if all(e.kind == "source" for e in before):
            return ()
        nouns = [e for e in before if e.kind in {"word", "set", "phrase"}]
        if len(before) != 1 or len(nouns) != 1 or (nouns[0].kind == "word" and (
                nouns[0].text.lower().endswith("ly") or not nouns[0].text.isalpha())):
            raise Unconvertible(SKIP_SUBJECT)
        return self.noun_forms(nouns[0])

    def _with_prep(self, shape: PatternShape, prep: Element) -> PatternShape:
        if not prep.text:
            raise Unconvertible(SKIP_SEQUENCE)
        inside = [e for e in prep.parts if e.kind not in {"skip"}]
        if any(e.kind == "source" for e in inside):
            raise Unconvertible(SKIP_SOURCE_AFTER)
        target = shape.target
        if any(e.kind == "target" for e in inside):
            target = f"prep:{prep.text}"
        nouns = [e for e in inside if e.kind in {"word", "set", "phrase"}]
        if any(e.kind == "word" and e.text.lower() in BARE_PREPOSITIONS for e in nouns):
            raise Unconvertible(SKIP_PREP_SEQUENCE)  # "(OUT OF $)": two prepositions
        if len(nouns) > 1:
            raise Unconvertible(SKIP_PREP_SEQUENCE)
        prep_nouns = self.noun_forms(nouns[0]) if nouns else ()
        if not prep_nouns and not shape.objects and not shape.particle and not shape.subjects:
            raise Unconvertible(SKIP_PREP_ONLY)
        return PatternShape(particle=shape.particle, objects=shape.objects, prep=prep.text,
                            prep_nouns=prep_nouns, target=target, subjects=shape.subjects)

    def noun_forms(self, element: Element) -> tuple[str, ...]:
        """Every lemma string a noun element stands for: "aid", "humanitarian aid", a set's members."""
        if element.kind == "set":
            return self._set_forms(element.text)
        if element.kind == "word":
            return self._words(element.text)
        slots = [self._set_forms(p.text) if p.kind == "set" else self._words(p.text)
                 for p in element.parts if p.kind in {"word", "set"}]
        if not slots:
            raise Unconvertible(SKIP_SEQUENCE)
        size = 1
        for slot in slots:
            size *= len(slot)
        if size > MAX_EXPANSION:
            raise Unconvertible(SKIP_TOO_WIDE)
        return tuple(dict.fromkeys(" ".join(combo) for combo in itertools.product(*slots)))

    def _set_forms(self, name: str) -> tuple[str, ...]:
        members = self.synsets.get(name.strip("{}()"))
        if not members:
            raise Unconvertible(SKIP_SYNSET)
        return tuple(dict.fromkeys(form for m in members for form in self._words(m)))

    def _words(self, text: str) -> tuple[str, ...]:
        """"RIGHTS_ABUSES" / "CEASE-FIRE" -> "right abuse" / "cease fire": each word's noun lemma (both
        readings of a word in -s, see ``Lemmatizer.noun``)."""
        words = [w for w in re.split(r"[_\s-]+", text.strip("_{}()").lower()) if w]
        return tuple(" ".join(combo) for combo in itertools.product(*(self.lemmatizer.noun(w) for w in words)))


def parse_code(raw: str, known: set[str]) -> tuple[str, str | None]:
    """"042:043" -> ("042", "043"): the paired code's second half is the target's act (``reverse_code``)."""
    first, _, second = raw.partition(":")
    first, second = first.strip(), second.strip()
    if first in {"", "---"}:
        raise Unconvertible(SKIP_TARGET_ONLY if first == "" and second else SKIP_NULL)
    if first not in known or (second and second != "---" and second not in known):
        raise Unconvertible(SKIP_UNKNOWN_CODE)
    return first, (second if second and second != "---" else None)


# --- verbs ----------------------------------------------------------------------------------------------
SKIP_VERB_PREFIX = "a multi-word verb with a word before the verb"
SKIP_VERB_LONG = "a multi-word verb of three or more words"
SKIP_VERB_HYPHEN = "a hyphenated verb (the tokenizer splits 're-admit' into three tokens)"


@dataclass(frozen=True)
class VerbSense:
    """One upstream verb as a trigger: its lemma and, for a multi-word verb, the word that follows it."""

    lemma: str
    particle: str | None = None
    prep: str | None = None
    obj: str | None = None

    @property
    def simple(self) -> bool:
        return not (self.particle or self.prep or self.obj)

    @property
    def suffix(self) -> str:
        return "".join(f".{w}" for w in (self.particle, self.prep, self.obj) if w)


def verb_sense(word: str, lemmatizer: Lemmatizer) -> VerbSense:
    """"SPEED" -> speed; "+CALL_OFF" -> call + particle off; "+ASK_FOR" -> ask + prep for;
    "RE_+ARREST" -> rearrest (one word in the news: "rearrested"); "WIRE_+TAP" does not convert."""
    if "-" in word:
        raise Unconvertible(SKIP_VERB_HYPHEN)
    parts = [p for p in word.split("_") if p]
    marked = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    parts = [p.lstrip("+") for p in parts]
    before, verb, after = parts[:marked], parts[marked], parts[marked + 1:]
    lemma = lemmatizer.verb(verb)
    if before:
        if [b.lower() for b in before] != ["re"]:
            raise Unconvertible(SKIP_VERB_PREFIX)
        lemma = "re" + lemma
    if len(after) > 1:
        raise Unconvertible(SKIP_VERB_LONG)
    if not after:
        return VerbSense(lemma)
    tail = after[0].lower()
    if tail in PARTICLES:
        return VerbSense(lemma, particle=tail)
    if tail in BARE_PREPOSITIONS:
        return VerbSense(lemma, prep=tail)
    return VerbSense(lemma, obj=lemmatizer.noun(tail)[0])


# --- the conversion -------------------------------------------------------------------------------------
@dataclass
class Conversion:
    """The converted entries and what did not convert, by kind."""

    entries: list[dict] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # upstream pattern lines (and verbs) by reason
    unmapped_forms: list[str] = field(default_factory=list)  # irregular forms spaCy does not lemmatise back

    def summary(self) -> dict:
        return {"counts": dict(self.counts), "not_converted": dict(self.skipped.most_common()),
                "irregular_forms_not_lemmatised_back": self.unmapped_forms}


class VerbConverter:
    def __init__(self, dictionary: VerbDictionary, lemmatizer: Lemmatizer, known_codes: set[str],
                 exclusions: VerbExclusions, own: OwnKnowledge) -> None:
        self.dictionary = dictionary
        self.lemmatizer = lemmatizer
        self.known = known_codes
        self.exclusions = exclusions
        self.own = own
        self.reader = PatternReader(dictionary.synsets, lemmatizer)
        self.result = Conversion()
        self._claimed: set[VerbSense] = set()
        # the simple verbs of the current block that an earlier block already listed: they keep the earlier
        # block's isolated code, and take this block's phrase patterns only where a pattern's comment names
        # them ("- * BORDER [050] # REOPEN" in START, after REOPEN was listed in RE_ESTABLISH)
        self._again: list[str] = []

    def run(self) -> Conversion:
        counts = self.result.counts
        counts["synonym_sets"] = len(self.dictionary.synsets)
        counts["blocks"] = len(self.dictionary.blocks)
        self.result.skipped["a ~ verb transformation (the governors do this)"] = self.dictionary.transformations
        for block in self.dictionary.blocks:
            if block.name in self.exclusions.blocks:
                self.result.skipped[SKIP_EXCLUDED] += len(block.patterns)
                continue
            lemmas = self._block_verbs(block)
            self._block_patterns(block, lemmas)
        counts["entries"] = len(self.result.entries)
        return self.result

    def _block_verbs(self, block: Block) -> list[str]:
        """Bare entries for the block's verbs; returns the simple lemmas its patterns apply to."""
        lemmas: list[str] = []
        self._again = []
        for verb in block.verbs:
            self.result.counts["verb_lines"] += 1
            try:
                sense = verb_sense(verb.word, self.lemmatizer)
            except Unconvertible as exc:
                self.result.skipped[f"verb: {exc.kind}"] += 1
                continue
            self._check_forms(verb, sense)
            if sense in self._claimed:
                self.result.counts["verbs_listed_again_first_block_kept"] += 1
                if sense.simple and sense.lemma not in self.own.governed and sense.lemma not in self.exclusions.verbs \
                        and sense.lemma not in lemmas and sense.lemma not in self._again:
                    self._again.append(sense.lemma)
                continue
            self._claimed.add(sense)
            if sense.lemma in self.exclusions.verbs:
                self.result.skipped["verb: on the exclusion list"] += 1
                continue
            if sense.lemma in self.own.governed:
                self.result.skipped[f"verb: {SKIP_GOVERNOR}"] += 1
                continue
            self.result.counts["verbs"] += 1
            if sense.simple:
                lemmas.append(sense.lemma)
            self._bare_entry(block, verb, sense)
        return lemmas

    def _check_forms(self, verb: VerbLine, sense: VerbSense) -> None:
        for form in verb.forms:
            word = form.split("_")[0].lstrip("+") if form.startswith("+") else form.split("_")[-1].lstrip("+")
            self.result.counts["irregular_forms"] += 1
            base = sense.lemma[2:] if sense.lemma.startswith("re") and verb.word.upper().startswith("RE_") \
                else sense.lemma
            if not self.lemmatizer.form_maps_to(word, base):
                self.result.unmapped_forms.append(f"{word.lower()} -> {base}")

    def _bare_entry(self, block: Block, verb: VerbLine, sense: VerbSense) -> None:
        raw = verb.code or block.code
        if raw in {"---", ""}:
            return
        excluded = (self.exclusions.bare_verbs.get(f"{sense.lemma}{sense.suffix}")
                    or self.exclusions.bare_codes.get(raw.partition(":")[0])
                    or (sense.lemma in self.own.structural and sense.simple))
        if excluded:
            self.result.skipped["verb: isolated code on the exclusion list"] += 1
            return
        try:
            code, reverse = parse_code(raw, self.known)
        except Unconvertible as exc:
            self.result.skipped[f"verb: {exc.kind}"] += 1
            return
        shape = PatternShape(particle=sense.particle, objects=(sense.obj,) if sense.obj else (),
                             prep=sense.prep)
        entry = self._entry(f"petr2.{sense.lemma}{sense.suffix}", [sense.lemma], shape, code, reverse, verb.line)
        self.result.entries.append(entry)
        self.result.counts["isolated_verb_entries"] += 1

    def _block_patterns(self, block: Block, lemmas: list[str]) -> None:
        by_key: dict[tuple[PatternShape, tuple[str, ...]], dict] = {}
        for pattern in block.patterns:
            self.result.counts["pattern_lines"] += 1
            try:
                entries = self._pattern_entries(block, pattern, lemmas)
            except Unconvertible as exc:
                self.result.skipped[exc.kind] += 1
                continue
            for key, entry in entries:
                if key in by_key:
                    self.result.skipped[SKIP_DUPLICATE] += 1
                by_key[key] = entry
        for entry in by_key.values():
            self.result.entries.append(entry)
            self.result.counts["pattern_entries"] += 1
            self.result.counts["verb_pattern_pairs"] += 1 + len(entry.get("synonyms", ()))

    def _pattern_entries(self, block: Block, pattern: PatternLine,
                         lemmas: list[str]) -> list[tuple[tuple[PatternShape, tuple[str, ...]], dict]]:
        """One entry for the pattern; two when it names an own event noun and its verbs are of both kinds:
        "held a meeting" (a support verb: the own noun pattern codes the noun, so the noun is dropped from the
        entry) and "cancelled the meeting", "revoked the agreement" (any other verb: another event, kept whole)."""
        if pattern.line in self.exclusions.lines:
            raise Unconvertible(SKIP_EXCLUDED)
        if not lemmas and not self._again:
            raise Unconvertible(SKIP_NO_VERBS)
        shape = self.reader.read(pattern.text)
        code, reverse = parse_code(pattern.code, self.known)
        verbs = self._pattern_verbs(block, pattern, lemmas)
        ident = f"petr2.{block.name.lower()}.L{pattern.line}"
        if not self._names_own_noun(shape):
            return [self._shaped_entry(ident, verbs, shape, code, reverse, pattern.line)]
        plain = [v for v in verbs if v not in self.own.structural]
        support = [v for v in verbs if v in self.own.structural]
        out = []
        if plain:
            self.result.counts["own_noun_patterns_kept_for_other_verbs"] += 1
            out.append(self._shaped_entry(ident, plain, shape, code, reverse, pattern.line))
        if support:
            try:
                out.append(self._shaped_entry(ident + ("s" if plain else ""), support,
                                              self._without_own_nouns(shape), code, reverse, pattern.line))
            except Unconvertible:
                if not out:
                    raise
        return out

    def _shaped_entry(self, ident: str, verbs: list[str], shape: PatternShape, code: str, reverse: str | None,
                      line: int) -> tuple[tuple[PatternShape, tuple[str, ...]], dict]:
        if shape.particle is None and not shape.objects and not shape.prep and not shape.subjects:
            # "* +": the isolated verb with its target marked, under the isolated verbs' exclusions
            if code in self.exclusions.bare_codes or all(v in self.own.structural for v in verbs):
                raise Unconvertible(SKIP_EXCLUDED)
            shape = PatternShape(target=shape.target)
        return (shape, tuple(verbs)), self._entry(ident, verbs, shape, code, reverse, line)

    def _pattern_verbs(self, block: Block, pattern: PatternLine, lemmas: list[str]) -> list[str]:
        """The block's verbs (PETRARCH2's reading), or with ``pattern_verbs: origin`` only the verbs the
        pattern's comment names when it names any of the block's verbs."""
        if self.exclusions.pattern_verbs == "block":
            if not lemmas:
                raise Unconvertible(SKIP_NO_VERBS)
            return lemmas
        written = {v.word.lstrip("+").lower() for v in block.verbs}
        if not any(word in written for word in pattern.origin):
            if not lemmas:
                raise Unconvertible(SKIP_NO_VERBS)
            self.result.counts["patterns_spread_over_the_block"] += 1
            return lemmas
        # a verb listed again here takes the patterns written for it (its first block kept its isolated code)
        named = [lemma for lemma in lemmas + self._again if lemma in pattern.origin]
        if not named:  # written for a verb that is excluded or belongs to another block
            raise Unconvertible(SKIP_ORIGIN)
        self.result.counts["patterns_kept_to_their_origin_verbs"] += 1
        return named

    def _owned(self, words: str) -> bool:
        """A noun the own noun patterns code ("sanctions" is kept beside "sanction", see ``Lemmatizer.noun``)."""
        return any(v in self.own.event_nouns for v in self.lemmatizer.noun(words.split()[-1]))

    def _names_own_noun(self, shape: PatternShape) -> bool:
        return any(self._owned(w) for w in shape.objects + shape.prep_nouns)

    def _without_own_nouns(self, shape: PatternShape) -> PatternShape:
        """"held a meeting", "imposed sanctions": the own noun pattern codes the noun (with its own target
        slots); a base support-verb pattern naming it would take the frame from the noun. Such words are
        dropped, and a pattern left with none is not converted."""
        objects = tuple(w for w in shape.objects if not self._owned(w))
        prep_nouns = tuple(w for w in shape.prep_nouns if not self._owned(w))
        if len(objects) < len(shape.objects) and not objects or len(prep_nouns) < len(shape.prep_nouns) and not prep_nouns:
            raise Unconvertible(SKIP_OWN_NOUN)
        return PatternShape(particle=shape.particle, objects=objects, prep=shape.prep, prep_nouns=prep_nouns,
                            target=shape.target, subjects=shape.subjects)

    def _entry(self, ident: str, lemmas: list[str], shape: PatternShape, code: str, reverse: str | None,
               line: int) -> dict:
        entry: dict = {"id": ident, "lemma": lemmas[0]}
        if lemmas[1:]:
            entry["synonyms"] = list(lemmas[1:])
        entry["code"] = code
        if reverse:
            entry["reverse_code"] = reverse
        if shape.particle:
            entry["particle"] = shape.particle
        if shape.objects:
            entry["object"] = list(shape.objects)
        if shape.prep:
            entry["prep"] = [shape.prep]
        if shape.prep_nouns:
            entry["prep_noun"] = list(shape.prep_nouns)
        if shape.subjects:
            entry["subject"] = list(shape.subjects)
        entry["target"] = target_slots(shape)
        entry["confidence"] = BASE_CONFIDENCE
        try:
            Pattern.model_validate(entry)
        except ValidationError as exc:
            raise DataFileError(f"converted entry {ident} (upstream line {line}) is invalid: {exc}") from exc
        return entry


def target_slots(shape: PatternShape) -> list[str]:
    """Where the target is read: the slot the pattern marks with +, else the object, a preposition the
    pattern names without its noun ("rushed to X"), then the usual target phrases; never a phrase whose
    noun the pattern fixes ("to the border" is a place the pattern is about, not whom it is done to)."""
    slots = [shape.target] if shape.target else []
    if shape.prep and not shape.prep_nouns:
        slots.append(f"prep:{shape.prep}")
    slots.append("object")
    fixed = shape.prep if shape.prep_nouns else None
    slots += [f"prep:{p}" for p in TARGET_PREPS if p != fixed]
    return list(dict.fromkeys(slots))


@dataclass(frozen=True)
class OwnKnowledge:
    """What brinkwatch's own layer already does with a word, so the base layer does not compete with it."""

    structural: frozenset[str]  # verbs coded through (governors, speech, support): no isolated code
    governed: frozenset[str]  # governor and speech verbs: no base entry at all
    event_nouns: frozenset[str]  # nouns the own noun patterns code

    @classmethod
    def load(cls, exclusions: VerbExclusions) -> OwnKnowledge:
        from brinkwatch.extract.patterns import PatternBook

        governors = load_governors(PATTERN_DIR / "governors.yaml")

        def lemmas(names: tuple[str, ...]) -> frozenset[str]:
            out: set[str] = set()
            for name in names:
                if name == "classes":
                    out.update(lemma for cls in governors.classes.values() for lemma in cls.lemmas)
                else:
                    out.update(getattr(governors, name))
            return frozenset(out)

        own = PatternBook.load(base_layer=False)
        # a noun pattern tied to its own support verbs ("came under fire") leaves the noun to other verbs
        nouns = frozenset(lemma for pat in own.patterns if pat.pos == "noun" and not pat.support for lemma in pat.lemmas)
        return cls(lemmas(exclusions.structural_lists), lemmas(exclusions.governed_lists), nouns)


def convert_verbs(source: Path, *, nlp=None, known_codes: set[str] | None = None,
                  exclusions: VerbExclusions | None = None) -> Conversion:
    """Read an upstream verb dictionary and convert it (the spaCy pipeline lemmatises its words)."""
    from brinkwatch.config import Settings
    from brinkwatch.nlp import load_pipeline
    from brinkwatch.ontology import Ontology

    try:
        text = source.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DataFileError(f"cannot read the verb dictionary: {exc}", source=str(source)) from exc
    nlp = nlp if nlp is not None else load_pipeline(Settings().spacy_model)
    exclusions = exclusions or load_exclusions()
    known = known_codes if known_codes is not None else set(Ontology.load().codes())
    converter = VerbConverter(read_verb_dictionary(text), Lemmatizer(nlp), known, exclusions,
                              OwnKnowledge.load(exclusions))
    return converter.run()


# --- writing --------------------------------------------------------------------------------------------
def write_patterns(conversion: Conversion, source: Path, output: Path, *, commit: str = UPSTREAM_COMMIT,
                   licence: Path | None = None) -> Path:
    """Write the converted entries as a base-layer pattern file, the licence text beside it."""
    licence = licence or source.parent / "LICENSE"
    try:
        licence_text = licence.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise DataFileError(f"the upstream licence must travel with the data: {exc}", source=str(licence)) from exc
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    header = [
        "# brinkwatch base-layer verb patterns, converted from the PETRARCH2 CAMEO verb dictionary.",
        f"# Source: {UPSTREAM_REPO}, commit {commit}, petrarch2/data/dictionaries/{source.name}",
        f"# (sha256 {digest}). Made by `brinkwatch convert verbs` (brinkwatch/convert/verbs.py): do not edit",
        "# by hand; fix brinkwatch's own patterns (patterns_*.yaml, which outrank these) or the exclusion list",
        "# (convert/data/petrarch_verb_exclusions.yaml) and re-run the converter. Ids name the upstream block and",
        "# line (petr2.<block>.L<line>) or the verb (petr2.<lemma>).",
        f"# Counts: {json.dumps(dict(sorted(conversion.counts.items())))}",
        "#",
        f"# The upstream dictionary's licence (also in {LICENCE_NAME} beside this file):",
        *[f"# {line}".rstrip() for line in licence_text.splitlines()],
    ]
    # the body is JSON (which is YAML): one entry per line, and the loader reads it with ``json``
    meta = {"version": 1, "layer": "base", "source": f"PETRARCH2 CAMEO.2.0 verb dictionary, {UPSTREAM_REPO}@{commit}, "
            "MIT licence, Copyright (c) 2014 Open Event Data"}
    head = json.dumps(meta, ensure_ascii=False)[:-1] + ', "patterns": ['
    lines = [json.dumps(entry, ensure_ascii=False) + "," for entry in conversion.entries]
    if lines:
        lines[-1] = lines[-1][:-1]
    body = [head, *lines, "]}"]
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    (output.parent / LICENCE_NAME).write_text(licence_text + "\n", encoding="utf-8")
    return output
