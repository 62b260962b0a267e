"""Clause frames: a trigger (verb or event noun) with its arguments, normalised for voice and control.

A frame says, for one trigger, who acts (``subjects``), who or what is acted on (``objects``), the
prepositional arguments (``preps``), the particle of a phrasal verb, negation, and the complement
clauses it governs. Voice and control are undone here so the pattern layer never has to think about
them: in "A convoy was attacked by Taliban fighters" the subject is *fighters* and the object *convoy*;
in "Iran threatened to impose sanctions" the subject of *impose* is *Iran*; in "The US asked Iraq to
leave" the subject of *leave* is *Iraq*.

This module knows English syntax (spaCy's ClearNLP dependency labels), not political vocabulary: the
lexical lists it needs (support verbs, object-control verbs, event nouns) are handed in by the caller.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from spacy.tokens import Span, Token

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
OBJ = {"dobj", "obj"}
COMPLEMENT = {"xcomp", "ccomp"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
ADVERB_PARTICLES = {"back", "out", "off", "down", "up", "away", "over", "in", "aside"}


@dataclass(frozen=True)
class Lexicon:
    """The lexical knowledge frames need, supplied by ``extract`` from its data files."""

    support_verbs: frozenset[str] = frozenset()  # "launch an attack": the noun carries the event
    object_control: frozenset[str] = frozenset()  # "asked Iraq to leave": Iraq leaves
    event_nouns: frozenset[str] = frozenset()
    quantity_heads: frozenset[str] = frozenset()  # "a round of talks": the quantity noun carries the event noun
    occurrence_verbs: frozenset[str] = frozenset()  # "clashes broke out between X and Y": the noun's event happens
    undergo_verbs: frozenset[str] = frozenset()  # "Kyiv came under attack": the subject is what was attacked
    reply_verbs: frozenset[str] = frozenset()  # "troops answered with rocket fire": the subject does the event
    amount_heads: frozenset[str] = frozenset()  # "$2 billion in aid": the amount carries the event noun
    manner_nouns: frozenset[str] = frozenset()  # "shut their shops in protest": the clause's act is this event
    observation_verbs: frozenset[str] = frozenset()  # "monitors recorded 99 explosions": a report of the event
    observed_nouns: frozenset[str] = frozenset()  # the nouns whose report is the event ("shelling was reported")
    raising_verbs: frozenset[str] = frozenset()  # "gunmen are said to have abducted ...": the gunmen abducted
    decider_nouns: frozenset[str] = frozenset()  # "Mali's decision to expel ...": Mali expels


@dataclass
class Frame:
    trigger: Token
    kind: str  # "verb" or "noun"
    lemma: str
    particle: str | None = None
    subjects: list[Token] = field(default_factory=list)
    objects: list[Token] = field(default_factory=list)
    datives: list[Token] = field(default_factory=list)
    preps: list[tuple[str, Token]] = field(default_factory=list)  # on the trigger (and, for nouns, its support verb)
    object_preps: list[tuple[str, Token]] = field(default_factory=list)  # on its objects: "talks with Iraq"
    passive: bool = False
    negated: bool = False
    complements: list[Token] = field(default_factory=list)
    support_verb: Token | None = None  # for nouns carried by a support verb
    fallback_subjects: list[Token] = field(default_factory=list)  # the support verb's subjects
    inherited_subject: bool = False  # subject came from control, coordination or a relative clause
    # an event noun told as happening in its own clause, with a verb that adds no doer: "occurred" ("fighting
    # broke out in X", "a clash took place") or "observed" ("monitors recorded 99 explosions")
    told: str | None = None

    @property
    def object_lemmas(self) -> set[str]:
        return {lemma_of(t) for t in self.objects}

    def prep_objects(self, preps: Iterable[str]) -> list[Token]:
        wanted = set(preps)
        return [tok for prep, tok in self.preps + self.object_preps if prep in wanted]


def _load_lemma_fixes() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Word forms the small pipeline lemmatises wrongly, and the split hyphenated verbs
    (data/lemma_fixes.yaml): read-only tables."""
    path = Path(__file__).parent / "data" / "lemma_fixes.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    fixes = {str(form).lower(): str(lemma).lower() for form, lemma in (data.get("fixes") or {}).items()}
    compounds = {str(last).lower(): frozenset(str(f).lower() for f in firsts)
                 for last, firsts in (data.get("compounds") or {}).items()}
    return fixes, compounds


LEMMA_FIXES, SPLIT_COMPOUNDS = _load_lemma_fixes()


def lemma_of(tok: Token) -> str:
    fixed = LEMMA_FIXES.get(tok.lower_)
    if fixed is not None:
        return fixed
    lemma = tok.lemma_.lower() if tok.lemma_ else tok.lower_
    firsts = SPLIT_COMPOUNDS.get(lemma)
    if firsts and tok.i >= 1:
        first = tok.nbor(-2) if tok.i >= 2 and tok.nbor(-1).text == "-" else tok.nbor(-1)
        if first.lower_ in firsts:
            return f"{first.lower_}-{lemma}"  # "tear-gassed", "tear gassed": the tokenizer split the compound
    return lemma


NOMINAL = {"PROPN", "NOUN", "PRON", "ADJ", "NUM"}


def expand(tok: Token) -> list[Token]:
    """A head and the heads coordinated with it: "Iran and Syria" -> [Iran, Syria].

    A list written "A, B, and C" is often parsed as A with apposition B and B's conjunct C; an
    apposition that itself has conjuncts is such a list, not a title ("Petraeus, the commander").
    """
    out = [tok, *[c for c in tok.conjuncts if c.pos_ in NOMINAL and _coordinated(tok, c)
                  and stranded_clause_subject(c) is None]]
    for child in tok.children:
        if child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children):
            out += [child, *[c for c in child.conjuncts if c.pos_ in NOMINAL]]
    return out


def _coordinated(a: Token, b: Token) -> bool:
    """A real coordination has "and", "or" or a comma between the two: "al-Shabab" parsed as al + Shabab
    (joined by a hyphen) is one name, not two actors."""
    lo, hi = sorted((a.i, b.i))
    return any(t.dep_ == "cc" or t.text in {",", ";", "&"} for t in a.doc[lo + 1:hi])


def _stranded_conjunct(tok: Token, reach: int = 6) -> list[Token]:
    """The second party of "between A and B" when the parser ends the coordination at "and": in "Clashes between
    FARC dissidents and the army were reported" the small model makes "army" a second subject of "reported".
    "between" needs two parties, so the noun phrase right after A's dangling "and" is B."""
    if any(c.dep_ == "conj" for c in tok.children):
        return []
    ands = [c for c in tok.children if c.dep_ == "cc" and c.i > tok.i and c.lower_ == "and"]
    if not ands:
        return []
    end = min(ands[-1].i + 1 + reach, tok.sent.end)
    for cand in tok.doc[ands[-1].i + 1:end]:
        if cand.pos_ in NOMINAL and cand.dep_ not in {"compound", "amod", "poss", "nmod", "nummod"}:
            return [cand] if cand.head.i != tok.i else []
        if cand.pos_ in {"VERB", "AUX", "ADP", "PUNCT", "SCONJ"}:
            return []
    return []


def stranded_clause_subject(tok: Token) -> Token | None:
    """The verb whose subject the parser hung on the previous clause: in "Azerbaijan detained a former leader at
    the border and Armenia accused Baku" or "Iran executed a rapper on Saturday and Germany summoned the envoy"
    the small model makes "Armenia" and "Germany" conjuncts of the last noun and leaves the second verb, a
    conjunct (or an unmarked adverbial clause) of the first, with no subject. A conjoined name right before such a finite verb is that verb's
    subject, not a second party of the first clause. ``None`` otherwise."""
    if tok.dep_ != "conj" or tok.pos_ not in {"PROPN", "NOUN"} or tok.i + 1 >= len(tok.doc):
        return None
    verb = tok.doc[tok.i + 1]
    unmarked = verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children)  # parsed as an adverbial
    if not (verb.dep_ == "conj" or unmarked) or verb.pos_ != "VERB" or verb.tag_ not in FINITE_TAGS or tok.head.i == verb.head.i:
        return None
    if any(c.dep_ in SUBJ | PASS_SUBJ for c in verb.children) or verb.head not in tok.ancestors:
        return None
    return verb


_CHILDREN_KEY = "brinkwatch.frames.children"


def _children(tok: Token, deps: set[str]) -> list[Token]:
    """The children of ``tok`` with one of ``deps``, read once per token and set of labels (see _own_subjects)."""
    cache = tok.doc.user_data.setdefault(_CHILDREN_KEY, {})
    key = (tok.i, frozenset(deps))
    if key not in cache:
        cache[key] = tuple(c.i for c in tok.children if c.dep_ in deps)
    doc = tok.doc
    return [doc[i] for i in cache[key]]


def _prep_args(tok: Token) -> list[tuple[str, Token]]:
    out: list[tuple[str, Token]] = []
    for child in tok.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.pos_ in {"ADP", "SCONJ"}:
            for pobj in _children(child, {"pobj"}):
                parties = expand(pobj)
                if child.lower_ == "between" and len(parties) == 1:
                    parties += _stranded_conjunct(pobj)
                out += [(child.lower_, t) for t in parties]
            # "away from", "out of": a nested prep holds the object; it counts under both words
            for inner in _children(child, {"prep"}):
                for pobj in _children(inner, {"pobj"}):
                    out += [(p, t) for t in expand(pobj) for p in (child.lower_, inner.lower_)]
    return out


def clause_verb(tok: Token) -> Token:
    """The verb of the clause a token is in (the token itself for a verb; the root when there is none)."""
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def is_negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    # "no attack was carried out", "there were no talks"
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children)


def _relative_antecedent(verb: Token) -> Token | None:
    if verb.dep_ in {"relcl", "acl"} and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return verb.head
    return None


def _subject_heads(verb: Token, deps: set[str]) -> list[Token]:
    """Subject children of a verb; several adjacent ones are one phrase the parser split ("group al - Shabab
    is claiming": four nsubj), whose head is its last word."""
    heads: list[Token] = []
    for child in (c for c in verb.children if c.dep_ in deps):
        if heads and child.i == heads[-1].i + 1:
            heads[-1] = child
        else:
            heads.append(child)
    return heads


TIME_PREPS = {"on", "in", "at", "by", "during", "since", "until"}
TIME_ENTITIES = {"DATE", "TIME"}


def swallowed_subject(verb: Token) -> list[Token]:
    """The subject the parser read into a leading time phrase: in "On Tuesday Somalia expelled ..." or "On
    Friday Peru summoned ..." the small model takes "Tuesday Somalia" as one noun phrase, the object of "on",
    and leaves the verb without a subject. A finite verb with no subject whose leading time preposition holds a
    name or noun modified by a date ("Tuesday", "May") has that noun as its subject. ``[]`` otherwise."""
    if verb.tag_ not in FINITE_TAGS:
        return []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i and c.lower_ in TIME_PREPS):
        for noun in (p for p in prep.children if p.dep_ == "pobj" and p.pos_ in {"PROPN", "NOUN"}):
            dated = [c for c in noun.children if c.dep_ in {"compound", "nmod"} and c.i < noun.i
                     and c.ent_type_ in TIME_ENTITIES]
            # the name ends the phrase right before the verb (its own conjuncts may stand between)
            adjacent = all(noun in t.ancestors for t in noun.doc[noun.i + 1:verb.i])
            if dated and adjacent and noun.ent_type_ not in TIME_ENTITIES:
                return expand(noun)
    return []


_OWN_SUBJECTS_KEY = "brinkwatch.frames.own_subjects"


def _own_subjects(verb: Token) -> tuple[list[Token], list[Token]]:
    """(agents, patients-as-subject) written on the verb itself. Read once per verb and document (kept as
    token indices in ``doc.user_data``): every complement and conjunct of a verb asks for its subjects, so a
    verb with hundreds of them (a garbled paste) would otherwise be read hundreds of times over."""
    cache = verb.doc.user_data.setdefault(_OWN_SUBJECTS_KEY, {})
    if verb.i not in cache:
        agents, patients = _read_own_subjects(verb)
        cache[verb.i] = (tuple(t.i for t in agents), tuple(t.i for t in patients))
    doc = verb.doc
    return [doc[i] for i in cache[verb.i][0]], [doc[i] for i in cache[verb.i][1]]


def _read_own_subjects(verb: Token) -> tuple[list[Token], list[Token]]:
    agents: list[Token] = []
    patients: list[Token] = []
    for head in _subject_heads(verb, SUBJ):
        agents += expand(head)
    if not agents:
        agents = [c for c in verb.children if gerund_subject(c)]  # "Russian shelling wounded ..."
    if not agents and not any(c.dep_ in PASS_SUBJ for c in verb.children):
        agents = swallowed_subject(verb)  # "On Tuesday Somalia expelled ..."
    if not agents and verb.dep_ in {"conj", "advcl"} and verb.i > 0 and stranded_clause_subject(verb.doc[verb.i - 1]) == verb:
        agents = [verb.doc[verb.i - 1]]  # "... at the border and Armenia accused Baku"
    for child in verb.children:
        if child.dep_ in PASS_SUBJ:
            patients += expand(child)
        elif child.dep_ == "agent":
            for pobj in _children(child, {"pobj"}):
                agents += expand(pobj)
    return agents, patients


def _inherited_subjects(verb: Token, lex: Lexicon, depth: int = 0) -> list[Token]:
    """Subjects a verb takes from elsewhere: control, coordination, relative clauses."""
    if depth > 4:
        return []
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in {"acomp", "amod", "attr"}:
        return verb_subjects(head.head, lex, depth + 1)  # "Canada is willing to send": Canada sends
    if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
        objs = _children(head, OBJ)
        if lemma_of(head) in lex.object_control and objs:
            return expand(objs[0])
        if lemma_of(head) in lex.object_control and is_passive(head) and _own_subjects(head)[1]:
            # "the guards were forced to return fire": the passive's subject is the one made to act
            return _own_subjects(head)[1]
        agents, patients = _own_subjects(head)
        if verb.dep_ == "xcomp" and patients and not agents and lemma_of(head) in lex.raising_verbs:
            return patients  # "gunmen are believed to have abducted ...", "Hezbollah is said to have fired ..."
        return verb_subjects(head, lex, depth + 1)
    if verb.dep_ == "acomp" and head.pos_ in {"VERB", "AUX"}:
        return verb_subjects(head, lex, depth + 1)  # "Iraq is prepared to ...": a participle after a copula
    governor = finite_governor(verb)
    if governor is not None:
        return verb_subjects(governor, lex, depth + 1)  # "accused Kyiv of attacking a bridge and launched ..."
    if verb.dep_ == "conj" and head.pos_ in {"VERB", "AUX"}:
        if is_passive(head) and not is_passive(verb):
            # "the governor was charged by prosecutors and will step down": the governor steps down
            patients = _own_subjects(head)[1]
            if patients:
                return patients
        return verb_subjects(head, lex, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
        objects = _children(head.head, OBJ)
        if head.lower_ in {"for", "of"} and objects:
            return expand(objects[0])  # "criticised Armenia for signing", "accused Iran of arming": the object acts
        return verb_subjects(head.head, lex, depth + 1)  # "refrained from signing": Egypt signs
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.pos_ in {"VERB", "AUX"}:
        return verb_subjects(head, lex, depth + 1)  # "..., killing 156 people": the attackers killed
    antecedent = _relative_antecedent(verb)
    if antecedent is not None and not is_passive(verb) and not verb.tag_ == "VBN":
        decider = decider_of(verb, lex.decider_nouns)
        return expand(decider) if decider is not None else expand(antecedent)
    return []


def decider_of(verb: Token, decider_nouns: frozenset[str] | tuple[str, ...]) -> Token | None:
    """Who took the decision whose to-infinitive ``verb`` is: the possessor ("Mali's decision to expel ...") or
    the of- or by-phrase ("the decision of the Tajik side to close ...", "a decision by Chad to ..."). ``None``
    when the verb is no such infinitive or the noun names no one."""
    noun = verb.head
    if verb.dep_ != "acl" or lemma_of(noun) not in decider_nouns or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ in {"of", "by"} and p.i < verb.i
                 for o in p.children if o.dep_ == "pobj"), None)


FINITE_TAGS = {"VBD", "VBZ", "VBP"}


def finite_governor(verb: Token) -> Token | None:
    """The verb a finite conjunct really coordinates with when the parser hung it on a gerund: in "Moscow
    accused Kyiv of attacking a bridge and launched missiles at Odesa" the small model makes "launched" a
    conjunct of "attacking"; a past or present finite verb cannot coordinate with a gerund, so it is the
    accusing verb's conjunct. The same holds for a finite verb hung on a to-infinitive: in "calls on the gangs
    to lay down their arms and urges the authorities to ..." "urges" is the conjunct of "calls". ``None`` for a
    well-attached verb."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS:
        return None
    on_gerund = head.tag_ == "VBG" and head.dep_ in {"pcomp", "advcl"}
    # "VBP" is left out here: "to lay down arms and urge ..." is often tagged so, and is the infinitive's conjunct
    on_infinitive = head.tag_ == "VB" and head.dep_ in {"xcomp", "advcl"} and verb.tag_ in {"VBD", "VBZ"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    if not (on_gerund or on_infinitive):
        return None
    if any(c.dep_ in SUBJ | PASS_SUBJ for c in verb.children):
        return None  # a clause of its own
    return next((a for a in head.ancestors if a.tag_ in FINITE_TAGS and a.pos_ in {"VERB", "AUX"}), None)


def verb_subjects(verb: Token, lex: Lexicon, depth: int = 0) -> list[Token]:
    agents, _ = _own_subjects(verb)
    agents = [a for a in agents if a.lower_ not in RELATIVE_PRONOUNS]
    if agents:
        return agents
    if any(c.dep_ in SUBJ for c in verb.children):  # relative pronoun subject: "militants who attacked"
        antecedent = _relative_antecedent(verb)
        return expand(antecedent) if antecedent is not None else []
    return _inherited_subjects(verb, lex, depth)


def verb_frame(verb: Token, lex: Lexicon) -> Frame:
    passive = is_passive(verb)
    agents, patients = _own_subjects(verb)
    agents = [a for a in agents if a.lower_ not in RELATIVE_PRONOUNS]
    inherited = False
    if not agents:
        agents = verb_subjects(verb, lex)
        inherited = bool(agents)
    objects: list[Token] = []
    for child in verb.children:
        if child.dep_ in OBJ or child.dep_ == "attr":
            objects += expand(child) + _broken_coordination(child)
        elif child.dep_ == "oprd" and child.pos_ in {"NOUN", "ADJ"}:
            objects.append(child)  # "called the move unacceptable", "branded the visit a provocation": what it is called
    objects += patients
    if not objects and not passive:
        objects = _shared_objects(verb)
    antecedent = _relative_antecedent(verb)
    if antecedent is not None and (passive or verb.tag_ == "VBN") and not patients:
        objects += expand(antecedent)  # "bases attacked by Iran", "the envoy who was expelled"
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if particle is None:  # "pulled back", "walked out of": the parser often calls the particle an adverb or prep
        particle = next((c.lower_ for c in verb.children if c.lower_ in ADVERB_PARTICLES and c.i == verb.i + 1
                         and (c.dep_ == "advmod" or (c.dep_ == "prep" and not _children(c, {"pobj"})))), None)
    preps = _prep_args(verb)
    object_preps = [(p, t) for obj in objects for p, t in _prep_args(obj) if p != "of"]
    return Frame(
        trigger=verb, kind="verb", lemma=lemma_of(verb), particle=particle,
        subjects=agents, objects=objects, datives=_children(verb, {"dative", "iobj"}),
        preps=preps, object_preps=object_preps, passive=passive, negated=is_negated(verb),
        complements=[c for c in verb.children if (c.dep_ in COMPLEMENT and (c.pos_ in {"VERB", "AUX"} or _infinitive(c)))
                     or for_to_clause(c)],
        inherited_subject=inherited,
    )


def _broken_coordination(obj: Token) -> list[Token]:
    """"fired tear gas and stun grenades": the small model reads "tear gas and stun" as one modifier of
    "grenades" (gas <-nmod- grenades, with "stun" its conjunct); a modifier with a conjunct of its own is the
    first of two coordinated objects."""
    return [c for c in obj.children if c.dep_ in {"nmod", "compound"} and c.i < obj.i and c.pos_ == "NOUN"
            and any(g.dep_ == "conj" for g in c.children) and any(g.dep_ == "cc" for g in c.children)]


def _shared_objects(verb: Token) -> list[Token]:
    """"Police arrested and beat dozens of protesters", "troops surrounded and stormed the compound": a
    transitive verb with no object of its own, coordinated with a later verb that has one and no subject of
    its own, shares that object (right node raising)."""
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i):
        if conj.i - verb.i > 3 or any(c.dep_ in SUBJ | PASS_SUBJ for c in conj.children):
            continue  # a clause of its own ("arrested two men and police seized weapons") or far away
        if not any(t.dep_ == "cc" for t in verb.doc[verb.i + 1:conj.i]):
            continue
        objects = [o for c in conj.children if c.dep_ in OBJ for o in expand(c)]
        if objects:
            return objects
    return []


def _support_of_in(noun: Token, lex: Lexicon) -> Token | None:
    """The verb an event noun in an "in" phrase belongs to: "were engaged in looting" (a support verb),
    "took part in a rally" (take part), "shut their shops in protest" (a manner noun on any verb)."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in {"in", "of"}:
        return None
    holder = head.head
    if holder.dep_ in OBJ and _is_amount(holder, lex) and lemma_of(holder.head) in lex.support_verbs:
        return holder.head  # "announced $50 million in aid", "sent 300 tonnes of food aid"
    if head.lower_ != "in":
        return None
    if lemma_of(holder) in lex.support_verbs and holder.pos_ in {"VERB", "AUX"}:
        return holder
    if lemma_of(holder) == "part" and holder.dep_ in OBJ and lemma_of(holder.head) == "take":
        return holder.head
    if lemma_of(holder) == "take" and any(c.dep_ in OBJ and lemma_of(c) == "part" for c in holder.children):
        return holder  # the parser hangs "in ..." on "took" as often as on "part"
    if lemma_of(noun) in lex.manner_nouns and holder.pos_ == "VERB" and \
            not any(c.dep_ in {"det", "poss"} or c.pos_ == "ADJ" for c in noun.children):
        return holder  # "in protest", not "in the protest" (a place in time: "died in the protest")
    return None


def _is_amount(tok: Token, lex: Lexicon) -> bool:
    """"$50 million", "300 tonnes", "20 million euros": a number, or a noun counted by one."""
    return tok.like_num or lemma_of(tok) in lex.amount_heads or any(
        c.like_num or c.tag_ == "$" for c in tok.children if c.dep_ in {"nummod", "quantmod", "compound"})


def _noun_own_arguments(noun: Token, lex: Lexicon) -> tuple[list[Token], list[tuple[str, Token]]]:
    """The doers and prepositional phrases an event noun names itself: possessors, modifiers, by-phrases,
    and those of a support participle ("the strikes carried out by the US")."""
    subjects: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in {"compound", "amod", "nmod"} and child.pos_ in {"PROPN", "ADJ"}):
            subjects += expand(child)
        elif child.dep_ == "nummod" and child.pos_ == "NOUN" and noun.dep_ == "ROOT" and \
                lemma_of(child) in lex.quantity_heads:  # "Thousands rally in Belgrade.": a headline's verb
            subjects.append(child)  # the parser read as a noun, its crowd as the noun's count
        elif child.dep_ == "compound" and child.pos_ == "NOUN":  # "a US drone strike": US modifies drone
            subjects += [g for g in child.children
                         if g.dep_ in {"compound", "amod", "nmod", "poss"} and g.pos_ in {"PROPN", "ADJ"}]
    preps = _prep_args(noun)
    subjects += [t for p, t in preps if p == "by"]
    if not any(p == "by" for p, _ in preps):
        # "the arrest of two lawmakers by Georgian police": the parser hangs the by-phrase on the of-object
        subjects += [t for p, obj in preps if p == "of" for q, t in _prep_args(obj) if q == "by"]
    for participle in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                       and lemma_of(c) in lex.support_verbs):
        # "the strikes carried out by the US against targets in Yemen": the participle's phrases are the noun's
        participle_preps = _prep_args(participle)
        subjects += [t for p, t in participle_preps if p == "by"]
        preps += [(p, t) for p, t in participle_preps if p != "by"]
    return subjects, preps


def _quantity_support(noun: Token, lex: Lexicon) -> Token | None:
    """"held another round of talks": the support verb of the quantity noun standing in the event noun's place."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and lemma_of(head.head) in lex.quantity_heads:
        carrier = head.head
        if carrier.dep_ in OBJ | {"attr"} and lemma_of(carrier.head) in lex.support_verbs:
            return carrier.head
    return None


def noun_frame(noun: Token, lex: Lexicon) -> Frame:
    """An event noun: actors come from possessors, modifiers, by-phrases, or a support verb."""
    subjects, preps = _noun_own_arguments(noun, lex)
    support = None
    fallback: list[Token] = []
    undergone: list[Token] = []
    head = noun.head
    if (quantity := _quantity_support(noun, lex)) is not None:
        support = quantity
        fallback = verb_subjects(support, lex)
        preps += [(p, t) for p, t in _prep_args(support)]
    told = None
    if support is not None:
        pass
    elif (observer := _observed(noun, lex)) is not None:
        # "heavy shelling was reported in X", "monitors recorded 99 explosions": whoever reports is no doer
        support, told = observer, "observed"
        preps += [(p, t) for p, t in _prep_args(observer) if p != "by"]
    elif noun.dep_ == "pobj" and head.lower_ == "under" and lemma_of(head.head) in lex.undergo_verbs:
        # "the convoy came under fire", "Mariupol remained under siege": the verb's subject is the target, read
        # like "an attack on the convoy"; a doer only from the noun's own modifiers ("came under Russian fire")
        support = head.head
        undergone = _own_subjects(support)[0]
        preps += [("on", t) for t in undergone] + [(p, t) for p, t in _prep_args(support) if t.i != noun.i]
    elif noun.dep_ == "pobj" and head.lower_ == "with" and lemma_of(head.head) in lex.reply_verbs and \
            head.head.pos_ == "VERB":
        # "Cambodian troops answered with rocket fire on a Thai village", "Israel retaliated with air strikes":
        # a reply told by the means it took; the replying verb's subject does it, its phrases are the noun's
        support = head.head
        fallback = verb_subjects(support, lex)
        preps += [(p, t) for p, t in _prep_args(support) if t.i != noun.i]
    elif (in_support := _support_of_in(noun, lex)) is not None:
        # "Sudanese militias were engaged in looting": the verb's subject (active or passive) acts
        support = in_support
        agents, patients = _own_subjects(support)
        fallback = agents or patients or verb_subjects(support, lex)
        preps += [(p, t) for p, t in _prep_args(support) if t.i != noun.i]
    elif noun.dep_ in OBJ | {"attr"} and lemma_of(head) in lex.support_verbs:
        support = head
        fallback = verb_subjects(head, lex)
        preps += [(p, t) for p, t in _prep_args(head)]
    elif noun.dep_ in PASS_SUBJ and lemma_of(head) in lex.support_verbs:
        support = head
        fallback, _ = _own_subjects(head)
        preps += [(p, t) for p, t in _prep_args(head) if p != "by"]
    elif noun.dep_ in SUBJ and lemma_of(head) in lex.occurrence_verbs and (
            lemma_of(head) != "take" or any(c.dep_ in OBJ and c.lower_ == "place" for c in head.children)):
        # "a clash took place between X and Y", "fighting erupted in X": the verb only says it happened,
        # so its prepositional phrases are the noun's (the parser attaches them to the verb)
        support, told = head, "occurred"
        preps += [(p, t) for p, t in _prep_args(head)]
    elif occurring := next((c for c in noun.children if c.dep_ == "acl" and lemma_of(c) in lex.occurrence_verbs
                            and lemma_of(c) != "take"), None):
        # "a gunfight ensued between ...": the parser hangs the verb on the noun as a clause
        support, told = occurring, "occurred"
        preps += [(p, t) for p, t in _prep_args(occurring)]
    negated = is_negated(noun) or (support is not None and is_negated(support))
    return Frame(
        trigger=noun, kind="noun", lemma=noun_lemma(noun, lex) or lemma_of(noun), subjects=subjects, preps=preps,
        negated=negated, support_verb=support, fallback_subjects=fallback, passive=bool(undergone), told=told,
    )


def _observed(noun: Token, lex: Lexicon) -> Token | None:
    """"Monitors recorded 99 explosions", "heavy shelling was reported in X", "counted dozens of explosions":
    the observation verb whose object (or passive subject) the noun is."""
    if (noun_lemma(noun, lex) or lemma_of(noun)) not in lex.observed_nouns:
        return None
    carrier = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and lemma_of(noun.head.head) in lex.quantity_heads:
        carrier = noun.head.head
    if carrier.dep_ in OBJ | PASS_SUBJ and lemma_of(carrier.head) in lex.observation_verbs:
        return carrier.head
    return None


def noun_lemma(tok: Token, lex: Lexicon) -> str | None:
    """The event noun a token stands for when the parser splits or mistags it: "shoot-outs" (shoot - outs)
    is a shootout, a bare gerund subject "Fighting continued in X" (tagged a verb) is the noun fighting."""
    if tok.pos_ in {"NOUN", "PROPN"} and lemma_of(tok) in lex.event_nouns:
        return lemma_of(tok)
    if tok.pos_ == "NOUN" and tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).dep_ == "compound" \
            and tok.nbor(-2).head.i == tok.i:
        joined = tok.nbor(-2).lower_ + lemma_of(tok)
        return joined if joined in lex.event_nouns else None
    if tok.tag_ == "VBG" and tok.dep_ in SUBJ | PASS_SUBJ and tok.lower_ in lex.event_nouns and \
            not any(c.dep_ in SUBJ | OBJ | {"aux"} for c in tok.children):
        return tok.lower_
    if gerund_subject(tok) and tok.lower_ in lex.event_nouns:
        return tok.lower_  # "Russian shelling wounded three soldiers": shelling/VBG/advmod
    return None


def gerund_subject(tok: Token) -> bool:
    """"Russian shelling wounded three soldiers": the small model tags the gerund a verb and hangs it on the
    main verb as an adverb, but an -ing word with an adjective of its own before the main verb, and no
    subject, object or auxiliary, is that verb's subject noun."""
    return tok.tag_ == "VBG" and tok.dep_ == "advmod" and tok.i < tok.head.i and tok.head.pos_ == "VERB" \
        and any(c.dep_ in {"amod", "det", "poss"} for c in tok.children) \
        and not any(c.dep_ in SUBJ | OBJ | {"aux"} for c in tok.children) \
        and not any(c.dep_ in SUBJ | PASS_SUBJ for c in tok.head.children)


def for_to_clause(tok: Token) -> bool:
    """"called for France to back the plan", "pressed for Iran to free the crew": an infinitive with its own
    subject brought in by "for" is what the verb asks for (the parser hangs it as an adverbial clause)."""
    return tok.dep_ == "advcl" and tok.pos_ in {"VERB", "AUX"} and \
        any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children) and \
        any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) and \
        any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)


def _infinitive(tok: Token) -> bool:
    """"offered to host talks" with "host" tagged a noun: a complement with its own "to" is a verb."""
    return tok.dep_ in COMPLEMENT and tok.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def sentence_frames(sent: Span, lex: Lexicon) -> list[Frame]:
    """All verb frames and event-noun frames of a sentence, in text order."""
    frames: list[Frame] = []
    for tok in sent:
        if noun_lemma(tok, lex) is not None:
            frames.append(noun_frame(tok, lex))
        elif tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT") or _infinitive(tok):
            frames.append(verb_frame(tok, lex))
    return frames
