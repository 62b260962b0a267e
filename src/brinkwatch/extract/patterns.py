"""The pattern dictionary: trigger lemma + syntactic frame -> CAMEO code, and the governor table.

Patterns live in ``extract/data/patterns*.yaml`` (and in user files given with ``--patterns``), each
entry validated by ``Pattern`` when loaded, so a bad entry fails with the file and entry id. A pattern
names its trigger lemma and part of speech, optional constraints (particle, object lemma, preposition),
the CAMEO code, the argument slots the source and target are read from, and an example sentence that a
test codes. Among the patterns that fit a frame, the most specific wins (more constraints met).

Two layers: brinkwatch's own hand-written entries, and a **base layer** converted from the field's verb
dictionary (``data/petrarch_verbs.yaml``, made by ``brinkwatch convert verbs`` from PETRARCH2's CAMEO.2.0;
a file says ``layer: base`` at its top). Within a layer the most specific fitting entry wins (a particle
or an object counts 2, a preposition 1, the preposition's noun 1, a multi-word object or noun 1 more;
on a tie the earlier entry). Specificity does not compare across layers: an own entry that fits a frame
outranks every base entry, however specific (``Pattern.rank``). Measured on the dev gold and our own
cases, a more specific base entry overriding an own one was wrong more often than right ("indicted by
the court" 1121 for the own 173, "pelted police with stones" 182 for the own 145), so the base layer
decides only frames the own layer has nothing for; where both know a verb, a better base reading is a
gap in the own patterns to fill there, with examples. Base entries have no example sentence: they are
validated by the schema, and a test codes a sample of them on sentences of our own. An upstream
one-word object names the object's head noun, so a base ``object`` is matched against heads only
("set fire" is not "staged live-fire drills"); an own one may also match a modifier ("joint exercises").

An ``object`` or ``prep_noun`` entry of several words ("humanitarian aid") needs all of them on one
phrase: its last word is the head noun's lemma, the others modify it (compound or adjective).

Governors (``extract/data/governors.yaml``) are verbs such as *threaten*, *ask*, *refuse*, *agree*, *say*
that take another event as complement: the complement is coded first, and its code is mapped through
the governor's class table (threaten + force -> 138, ask + meet -> 026, refuse + meet -> 125, ...).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import VERSION as pydantic_version
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from spacy.tokens import Token

from brinkwatch import cache
from brinkwatch.errors import DataFileError
from brinkwatch.nlp import frames as frames_module
from brinkwatch.nlp.frames import Frame, Lexicon, lemma_of

DATA_DIR = Path(__file__).parent / "data"
BASE_LAYER_FILE = DATA_DIR / "petrarch_verbs.yaml"  # made by `brinkwatch convert verbs` (brinkwatch.convert.verbs)

DEFAULT_VERB_TARGETS = ("object",)
DEFAULT_NOUN_TARGETS = ("prep:on", "prep:against")
NEUTRAL_PARTICLES = frozenset({"up"})


class Pattern(BaseModel):
    # defer_build (here and below): validators are built on the first validation, which a run that reads
    # the pattern book from its cache (brinkwatch.cache) never does
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    id: str
    lemma: str
    pos: Literal["verb", "noun"] = "verb"
    code: str
    particle: str | None = None
    object: tuple[str, ...] = ()  # the object (or, for nouns, a modifier) must have one of these lemmas
    # the object's head noun itself must be one of them, as for a base entry: "left the alliance" leaves a bloc,
    # "left the union headquarters" a building (an own entry otherwise also matches a modifier: "joint exercises")
    object_head: bool = False
    prep: tuple[str, ...] = ()  # one of these prepositions must be present
    prep_noun: tuple[str, ...] = ()  # ... and its object must have one of these lemmas ("call for talks")
    support: tuple[str, ...] = ()  # a noun's support verb must be one of these ("lodged a protest": a complaint)
    subject: tuple[str, ...] = ()  # the doer's head noun must be one of these ("troops advanced", "shells slammed")
    # the verb's complement (its to-infinitive, or the predicate noun of "declared X persona non grata") must have
    # one of these lemmas: "ordered two diplomats to leave" expels them, "ordered two diplomats to attend" does not
    complement: tuple[str, ...] = ()
    source: tuple[str, ...] = ("subject",)
    target: tuple[str, ...] | None = None
    symmetric: bool = False  # "X and Y met": one event per ordered pair of coordinated subjects
    one_way_with_target: bool = False  # "X met Y": X's act only (the reverse is coded for "X and Y met")
    reverse_code: str | None = None  # "X hosted Y" is also "Y visited X" (043 -> 042): the target's act
    nonstate_code: str | None = None  # the code when an armed non-state actor acts: killing by militants is 18x
    crowd_code: str | None = None  # the code when a crowd acts: rioters torching a building protest violently (145)
    confidence: float = Field(default=0.8, ge=0.0, le=1.0)
    example: str = ""
    synonyms: tuple[str, ...] = ()  # other trigger lemmas the entry applies to (an upstream synonym block)
    layer: Literal["own", "base"] = "own"  # set by the file's top-level ``layer``; a fitting own entry wins

    @field_validator("lemma", "particle")
    @classmethod
    def _lower(cls, value: str | None) -> str | None:
        return value.lower() if value else value

    @field_validator("synonyms")
    @classmethod
    def _lower_all(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(v.lower() for v in value)

    @property
    def lemmas(self) -> tuple[str, ...]:
        return (self.lemma, *self.synonyms)

    @property
    def target_slots(self) -> tuple[str, ...]:
        if self.target is not None:
            return self.target
        return DEFAULT_VERB_TARGETS if self.pos == "verb" else DEFAULT_NOUN_TARGETS

    @property
    def specificity(self) -> int:
        phrase = any(" " in w for w in self.object) or any(" " in w for w in self.prep_noun)
        return (2 * bool(self.particle) + 2 * bool(self.object) + 2 * bool(self.support) + 2 * bool(self.subject)
                + 2 * bool(self.complement)
                + bool(self.prep) + bool(self.prep_noun) + int(phrase))

    @property
    def rank(self) -> tuple[bool, int]:
        """The order of the index: the own layer first, then the more specific entry."""
        return (self.layer == "own", self.specificity)


class GovernorClass(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    lemmas: tuple[str, ...]
    particles: dict[str, str] = {}  # lemma -> required particle ("call" -> "on")
    modality: str = "asserted"
    codes: dict[str, str] = {}  # complement category -> derived CAMEO code; "default" when unknown
    consume_object_events: bool = True  # "threatened sanctions": the sanctions did not happen
    require_match: bool = False  # code only when the complement is itself a known event


class Governors(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    version: int
    source: str
    support_verbs: tuple[str, ...]
    object_control: tuple[str, ...]
    causative_verbs: tuple[str, ...] = ()  # "prompting Ghana to recall its envoy": Ghana's act is news
    raising_verbs: tuple[str, ...] = ()  # "troops are reported to have detained ...": the troops detained
    decider_nouns: tuple[str, ...] = ()  # "Mali's decision to expel ...": Mali expels, and the act is told
    categories: dict[str, tuple[str, ...]]  # category -> CAMEO code prefixes
    classes: dict[str, GovernorClass]
    speech_verbs: tuple[str, ...]
    claim_verbs: tuple[str, ...]
    deny_verbs: tuple[str, ...]
    intent_adjectives: tuple[str, ...] = ()
    quantity_heads: tuple[str, ...] = ()
    unit_heads: tuple[str, ...] = ()  # "a battalion of peacekeepers": a pattern's object or subject is the counted noun
    occurrence_verbs: tuple[str, ...] = ()  # "fighting broke out", "a clash took place": the noun is the event
    observation_verbs: tuple[str, ...] = ()  # "monitors recorded 99 explosions": the report tells the event
    observed_nouns: tuple[str, ...] = ()  # violence nouns whose report or occurrence is the event itself
    observed_only_nouns: tuple[str, ...] = ()  # ... but only when observed: "an explosion occurred" may be an accident
    preventing_verbs: tuple[str, ...] = ()  # "barred X from attending": the attending did not happen
    undergo_verbs: tuple[str, ...] = ()  # "came under fire": the subject is the target of the event noun
    reply_verbs: tuple[str, ...] = ()  # "answered with rocket fire": the subject does the "with" event noun
    return_verbs: tuple[str, ...] = ()  # "the fire was returned": a passive reply answers the last attack
    repel_verbs: tuple[str, ...] = ()  # "repelled the attack": aimed at whoever made the last attack
    manner_nouns: tuple[str, ...] = ()  # "resigned in protest": the noun in a bare "in" phrase is the clause's act
    inanimate_causes: tuple[str, ...] = ()
    speech_act_modality: dict[str, str] = {}
    domestic_roots: tuple[str, ...] = ()
    domestic_sectors: tuple[str, ...] = ()
    nonstate_sectors: tuple[str, ...] = ()
    armed_target_sectors: tuple[str, ...] = ()  # a non-state attack on these is fighting (19x), not 18x
    armed_target_nouns: tuple[str, ...] = ()  # ... and on these posts and units, whoever holds them ("a border post")
    state_body_sectors: tuple[str, ...] = ()  # a bare "the ministry" acting on no one is the story's country's
    state_pair_sectors: tuple[str, ...] = ()  # GOV, MIL: "Gabon's president praised the army" in a Gabon story
    crowd_sectors: tuple[str, ...] = ()  # protesters, rioters, students, workers: a pattern's crowd_code applies
    place_target_roots: tuple[str, ...] = ()
    demand_modals: tuple[str, ...] = ()
    unattributed_weapons: tuple[str, ...] = ()  # "a roadside bomb killed ...": violence by unidentified forces
    violent_roots: tuple[str, ...] = ()
    custody_codes: tuple[str, ...] = ()  # "four suspects were arrested": police of the place did it
    separate_consequences: tuple[str, ...] = ()  # "stormed the village, abducting 40 women": news of its own
    told_mediations: tuple[str, ...] = ()  # "agreed to a truce brokered by Qatar": Qatar mediated between them
    side_nouns: tuple[str, ...] = ()  # "urged both sides to ...": the two parties the story just told of
    side_words: tuple[str, ...] = ()
    base_nouns: tuple[str, ...] = ()  # "bases that house US troops": the troops are the target
    occupant_verbs: tuple[str, ...] = ()
    reaction_nouns: tuple[str, ...] = ()  # "..., a move France called arbitrary": the move's doer is the target
    reaction_verbs: tuple[str, ...] = ()  # "..., drawing condemnation from the US": the US reacts to the doer
    told_reaction_roots: tuple[str, ...] = ()  # the roots such a reaction has (praise, criticism, rejection, threat)
    trade_nouns: tuple[str, ...] = ()  # "tariffs on imports from Canada": the exporting country is the target
    reaction_roots: tuple[str, ...] = ()  # "condemned the Russian shelling": an act with its own doer is told too
    partner_roots: tuple[str, ...] = ()  # "met B and signed agreements": B is the other party of the agreements
    charge_roots: tuple[str, ...] = ()  # "accused X of ...": the of-phrase is the accuser's claim
    told_roots: tuple[str, ...] = ()  # "condemned the arrests": besides violence, acts of these roots are told
    restriction_roots: tuple[str, ...] = ()  # "the ban": 16 or 17 by its wording; a charge on it finds either
    told_nouns: tuple[str, ...] = ()  # "condemned the launch": nouns of acts that have no pattern of their own
    document_nouns: tuple[str, ...] = ()  # "a motion urging ...": the document speaks for its author ...
    issue_verbs: tuple[str, ...] = ()  # ... who passed, adopted or issued it
    gathering_nouns: tuple[str, ...] = ()  # "police dispersed the rally": the people gathered at it
    crowd_control_roots: tuple[str, ...] = ()
    reply_codes: tuple[str, ...] = ()  # "denied the accusation", "rejected the criticism": a reply ...
    reply_nouns: tuple[str, ...] = ()  # ... to one of these the story told ...
    replied_roots: tuple[str, ...] = ()  # ... is aimed at whoever made the last act of these roots
    warning_roots: tuple[str, ...] = ()  # "warned X against ...": the against-phrase did not happen
    restraint_roots: tuple[str, ...] = ()  # "agreed not to attack": intent to de-escalate
    amount_heads: tuple[str, ...] = ()  # "$2 billion in aid": the amount carries the event noun
    addressee_appeals: tuple[str, ...] = ()  # "appealed to X to ...": X is the addressee
    background_preps: tuple[str, ...] = ()
    setting_nouns: tuple[str, ...] = ()  # "in its war with Ethiopia": a lasting conflict named in an adjunct ...
    setting_preps: tuple[str, ...] = ()  # ... after one of these is the setting of the news, not an act of its date
    command_verbs: tuple[str, ...] = ()  # "ordered the army to shell ...": the commander acts
    commanded_roots: tuple[str, ...] = ()
    decision_categories: tuple[str, ...] = ()  # future acts of these kinds are decisions unless conditioned
    continuation_verbs: tuple[str, ...] = ()  # "would keep the border closed": a state in force goes on (planned)
    reciprocal_events: bool = False  # also code a pattern's reverse_code ("hosted" -> the guest's visit)
    shared_modifiers: tuple[str, ...] = ()  # "reopened their shared border": each party acts on the other
    pair_nouns: dict[str, str] = {}  # "the two leaders" -> the last two states named, with this sector ("" none)
    place_nouns: tuple[str, ...] = ()  # "the South Korean island": a place noun whose adjective names its country
    own_people_codes: tuple[str, ...] = ()  # "imposed a curfew": on its own country when no target is named
    protest_default_target: dict[str, Any] = {}  # {roots: [...], sector: GOV}  # "since the invasion in March": an event noun here is context
    negating_verbs: tuple[str, ...]  # "failed to reach a deal"
    undoing_verbs: tuple[str, ...] = ()  # "loosened restrictions": the measure object is not imposed
    proposal_nouns: tuple[str, ...] = ()  # "agreed to the Turkish proposal": assent to what another put forward
    message_nouns: tuple[str, ...] = ()  # "sent a message to X that it must ...": the sender demands
    failure_verbs: tuple[str, ...] = ()  # "failed to reach a deal" on a joint act of these roots is a rejection
    failed_roots: tuple[str, ...] = ()
    passthrough_verbs: tuple[str, ...]  # "tried to", "began to", "decided to"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser: ~6x faster when installed
    """YAML 1.1 reads on/off/yes/no as booleans; in a dictionary of English words they are words."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false|True|False)$"), list("tTfF"))


def _read_yaml(path: Path) -> dict:
    """A YAML pattern file. A generated file (the base layer) writes its body as JSON, which is YAML too:
    after its ``#`` header that body is read with ``json``, ten times faster than a YAML parser."""
    try:
        text = path.read_text(encoding="utf-8")
        body = text.lstrip()
        while body.startswith("#"):
            body = body.partition("\n")[2].lstrip()
        if body.startswith("{"):
            try:
                data = json.loads(body)
            except json.JSONDecodeError:
                data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a (C)SafeLoader subclass
        else:
            data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a (C)SafeLoader subclass
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read pattern file: {exc}", source=str(path)) from exc
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping with 'version' and 'patterns'", source=str(path))
    return data


def load_patterns(path: Path) -> list[Pattern]:
    """The entries of one pattern file; a top-level ``layer: base`` puts all of them in the base layer."""
    data = _read_yaml(path)
    entries = data.get("patterns")
    if not isinstance(entries, list) or "version" not in data:
        raise DataFileError("a pattern file needs 'version' and a list 'patterns'", source=str(path))
    layer = data.get("layer", "own")
    if layer not in ("own", "base"):
        raise DataFileError(f"'layer' must be 'own' or 'base', not {layer!r}", source=str(path))
    out: list[Pattern] = []
    for index, entry in enumerate(entries):
        try:
            if isinstance(entry, dict) and layer == "base":
                entry = {**entry, "layer": "base"}
            out.append(Pattern.model_validate(entry))
        except ValidationError as exc:
            ident = entry.get("id", f"#{index}") if isinstance(entry, dict) else f"#{index}"
            raise DataFileError(f"pattern {ident}: {exc.errors()[0]['msg']} ({exc.errors()[0]['loc']})",
                                source=str(path)) from exc
    return out


def load_governors(path: Path) -> Governors:
    try:
        return Governors.model_validate(_read_yaml(path))
    except ValidationError as exc:
        raise DataFileError(f"governor table invalid: {exc}", source=str(path)) from exc


class PatternBook:
    """All patterns, indexed by (pos, lemma), plus the governor table and the frame lexicon."""

    def __init__(self, patterns: Sequence[Pattern], governors: Governors, known_codes: set[str] | None = None):
        self.patterns = list(patterns)
        self.governors = governors
        self.by_id: dict[str, Pattern] = {}
        self.index: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        for pat in self.patterns:
            if known_codes is not None and pat.code not in known_codes:
                raise DataFileError(f"pattern {pat.id}: unknown CAMEO code {pat.code!r}")
            # later files override earlier entries with the same id (user files come last)
            if pat.id in self.by_id:
                old = self.by_id[pat.id]
                for lemma in old.lemmas:
                    self.index[(old.pos, lemma)].remove(old)
            self.by_id[pat.id] = pat
            for lemma in pat.lemmas:
                self.index[(pat.pos, lemma)].append(pat)
        for entries in self.index.values():  # own first, then the most specific: a lookup stops at the first fit
            entries.sort(key=lambda pat: pat.rank, reverse=True)
        self.governor_of: dict[str, str] = {}
        for name, cls in governors.classes.items():
            for lemma in cls.lemmas:
                self.governor_of[lemma] = name
        self._prefixes = sorted(
            ((prefix, cat) for cat, prefixes in governors.categories.items() for prefix in prefixes),
            key=lambda item: -len(item[0]),
        )
        self.lexicon = Lexicon(
            support_verbs=frozenset(governors.support_verbs),
            object_control=frozenset(governors.object_control),
            event_nouns=frozenset(lemma for pos, lemma in self.index if pos == "noun"),
            quantity_heads=frozenset(governors.quantity_heads),
            occurrence_verbs=frozenset(governors.occurrence_verbs),
            manner_nouns=frozenset(governors.manner_nouns),
            amount_heads=frozenset(governors.amount_heads),
            undergo_verbs=frozenset(governors.undergo_verbs),
            reply_verbs=frozenset(governors.reply_verbs),
            observation_verbs=frozenset(governors.observation_verbs),
            observed_nouns=frozenset(governors.observed_nouns),
            raising_verbs=frozenset(governors.raising_verbs),
            decider_nouns=frozenset(governors.decider_nouns),
        )

    @classmethod
    def load(cls, extra_files: Sequence[Path] = (), known_codes: set[str] | None = None,
             base_layer: bool = True) -> PatternBook:
        """The packaged files (the base layer first when wanted, then the own ``patterns*.yaml``), then
        the user's files; an entry with the id of an earlier one replaces it.

        The validated book is kept in the knowledge cache (``brinkwatch.cache``) keyed by the bytes of
        every file, of this loader's code and the known codes: reading and validating the YAML took
        ~1.4 s a process, the pickle loads in ~0.2 s."""
        files = [BASE_LAYER_FILE] if base_layer else []
        files += sorted(DATA_DIR.glob("patterns*.yaml")) + [Path(p) for p in extra_files]
        governors = DATA_DIR / "governors.yaml"
        key = cache.cache_file("patterns", [
            *cache.code_of(__file__), *cache.code_of(frames_module.__file__), governors, *files,
            ",".join(sorted(known_codes)) if known_codes is not None else "-", pydantic_version])
        book = cache.read(key)
        if isinstance(book, cls):
            return book
        patterns: list[Pattern] = []
        for path in files:
            patterns += load_patterns(path)
        book = cls(patterns, load_governors(governors), known_codes)
        cache.write(key, book)
        return book

    def category(self, code: str) -> str | None:
        for prefix, cat in self._prefixes:
            if code.startswith(prefix):
                return cat
        return None

    def derived_code(self, governor_class: str, embedded_code: str | None) -> str | None:
        """The code a governor class gives a complement; "keep" in the table keeps the complement's code."""
        table = self.governors.classes[governor_class].codes
        code = table.get("default")
        if embedded_code is not None:
            cat = self.category(embedded_code)
            if cat is not None and cat in table:
                code = table[cat]
        if code == "keep":
            return embedded_code
        return code

    def candidates(self, frame: Frame) -> list[Pattern]:
        return self.index.get((frame.kind, frame.lemma), [])

    def match(self, frame: Frame) -> Pattern | None:
        """The first fitting pattern in ``Pattern.rank`` order: own before base, then the most specific."""
        candidates = self.candidates(frame)
        if not candidates:
            return None
        seen = _FrameWords(frame, self.governors.quantity_heads + self.governors.unit_heads)
        return next((pat for pat in candidates if _fits(pat, frame, seen)), None)


class _FrameWords:
    """What a frame offers the constraints, computed once per lookup rather than once per candidate."""

    __slots__ = ("frame", "quantities", "_objects", "_heads", "_object_tokens")

    def __init__(self, frame: Frame, quantities: Iterable[str] = ()) -> None:
        self.frame = frame
        self.quantities = frozenset(quantities)
        self._objects: set[str] | None = None
        self._heads: set[str] | None = None
        self._object_tokens: list[Token] | None = None

    @property
    def subject_tokens(self) -> list[Token]:
        """The doers a ``subject`` constraint is checked against: "a battalion of Kenyan peacekeepers arrived"
        names the peacekeepers, as the counted noun of an object does."""
        subjects = list(self.frame.subjects)
        return subjects + [p for t in subjects if lemma_of(t) in self.quantities for prep in t.children
                           if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]

    @property
    def object_tokens(self) -> list[Token]:
        """What a pattern's ``object`` constraint is checked against: a verb's objects and infinitive
        complements ("declined to comment"); a noun's modifiers and of-objects ("expulsion of diplomats")."""
        if self._object_tokens is None:
            frame = self.frame
            toks = list(frame.objects) + [c for c in frame.complements if c.dep_ == "xcomp"]
            # "pushed back hundreds of Afghan migrants": the counted noun is the object the constraint means
            # "expelled three of its diplomats": a bare number counts them too
            toks += [p for t in frame.objects if lemma_of(t) in self.quantities or t.like_num for prep in t.children
                     if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
            # "described the ban as coercive and unjustified", "branded the vote as a coup": what the object is
            # called, like the predicate of "called the vote a coup" (the parser hangs it on "as", as pobj or amod)
            # ("described the events as a coup": the parser may hang "as" on the object instead)
            toks += [w for prep in (*frame.trigger.children, *(c for o in frame.objects[:1] for c in o.children))
                     if prep.dep_ == "prep" and prep.lower_ == "as" and frame.objects
                     for p in prep.children if p.dep_ in AS_PREDICATE_DEPS
                     for w in (p, *(c for c in p.children if c.dep_ == "conj"))]
            if frame.kind == "noun":
                toks = [c for c in frame.trigger.children if c.dep_ in {"compound", "amod", "nmod"}]
                toks += [t for p, t in frame.preps if p == "of"]
            self._object_tokens = toks
        return self._object_tokens

    @property
    def heads(self) -> set[str]:
        """The object lemmas alone (what a base-layer entry names)."""
        if self._heads is None:
            self._heads = {lemma_of(tok) for tok in self.object_tokens}
        return self._heads

    @property
    def objects(self) -> set[str]:
        """The object lemmas and the lemmas of their modifiers."""
        if self._objects is None:
            lemmas: set[str] = set()
            for tok in self.object_tokens:
                lemmas.add(lemma_of(tok))
                lemmas.update(lemma_of(c) for c in tok.children if c.dep_ in MODIFIER_DEPS)
            self._objects = lemmas
        return self._objects


MODIFIER_DEPS = frozenset({"compound", "amod"})
AS_PREDICATE_DEPS = frozenset({"pobj", "amod", "acomp"})
# a day or month named as the object of "on" or "in" ("on Monday", "on 12 March"): a date, never a party
DATE_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                        "february", "march", "april", "may", "june", "july", "august", "september", "october",
                        "november", "december", "today", "tomorrow", "yesterday", "tonight", "weekend"})


def is_date_word(tok: Token) -> bool:
    """"Monday", "12 March" (the parser's head is the month): a date (the entity tagger's DATE also tags places
    beside "overnight", so the words themselves decide). "May" the modal is never a preposition's object."""
    return tok.lower_ in DATE_WORDS and tok.ent_type_ == "DATE"
# what a pattern's ``complement`` is read from: a to-infinitive or that-clause, or the predicate of a verb
# that names what its object becomes (the parser gives "declared them persona non grata" as ccomp or oprd)
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "oprd", "acomp"})  # acomp: "held Washington responsible"


def _phrase_fits(entry: str, tok: Token) -> bool:
    """"humanitarian aid": the token is the head (aid) and every other word modifies it."""
    *mods, head = entry.split()
    if lemma_of(tok) != head:
        return False
    around = {lemma_of(c) for c in tok.children if c.dep_ in MODIFIER_DEPS}
    # "employees of the embassy" is the phrase "embassy employees"
    around |= {lemma_of(p) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj"}
    return all(m in around for m in mods)


def _words_fit(entries: tuple[str, ...], lemmas: set[str], tokens: Sequence[Token]) -> bool:
    """One-word entries against the lemmas; multi-word entries against each token as a phrase."""
    for entry in entries:
        if " " not in entry:
            if entry in lemmas:
                return True
        elif any(_phrase_fits(entry, tok) for tok in tokens):
            return True
    return False


def _fits(pat: Pattern, frame: Frame, seen: _FrameWords | None = None) -> bool:
    if pat.particle and frame.particle != pat.particle:
        return False
    if not pat.particle and frame.particle and frame.particle not in NEUTRAL_PARTICLES:
        return False  # "call off" is not "call"; "step up" is still "step"
    seen = seen or _FrameWords(frame)
    if pat.object and not _words_fit(pat.object, seen.objects if pat.layer == "own" and not pat.object_head
                                     else seen.heads,
                                     seen.object_tokens):
        return False
    if pat.complement and not any(c.dep_ in COMPLEMENT_DEPS and lemma_of(c) in pat.complement
                                  for c in frame.trigger.children):
        return False
    if pat.support and (frame.support_verb is None or lemma_of(frame.support_verb) not in pat.support):
        return False
    if pat.subject and not _words_fit(pat.subject, {lemma_of(t) for t in seen.subject_tokens}, seen.subject_tokens):
        return False
    if pat.prep:
        # a date is no party: "called a hartal on Monday" calls on no one
        hits = [tok for prep, tok in frame.preps + frame.object_preps if prep in pat.prep and not is_date_word(tok)]
        if not hits:
            return False
        if pat.prep_noun and not _words_fit(pat.prep_noun, {lemma_of(t) for t in hits}, hits):
            return False
    return True
