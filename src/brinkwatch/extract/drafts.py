"""Drafts and their argument slots: the record an event is before its actors resolve, and how its slots are read.

A ``Draft`` carries the CAMEO code, the pattern id, the trigger, the token groups its source and target come
from, and what the frame says about its modality. The helpers here read those groups from a frame: a pattern's
named slots, a weapon standing in its owner's place ("Russian shelling", "a bomb planted by militants"), an
amount standing in an event noun's place, and violence told as a noun with no doer ("fighting broke out").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields

from spacy.tokens import Token

from brinkwatch.extract.patterns import Pattern
from brinkwatch.nlp.frames import Frame, lemma_of


@dataclass
class Draft:
    code: str
    pattern: str
    trigger: Token
    source_groups: list[list[Token]]  # argument slots in order of preference; the first that
    target_groups: list[list[Token]]  # resolves to actors is used
    modality: str | None = None  # set by the frame: threatened, requested, refused, planned, negated, ...
    symmetric: bool = False
    one_way_with_target: bool = False
    reverse_code: str | None = None
    nonstate_code: str | None = None
    crowd_code: str | None = None
    prior: float = 0.8
    inherited: bool = False
    speaker: list[Token] = field(default_factory=list)
    speech_verb: Token | None = None
    claim: bool = False  # reported with a claim verb: the coder adds the accusation / responsibility claim
    speaker_is_source: bool = False  # "X said it would": the speaker stands for the pronoun subject
    intent_unless_other_speaker: bool = False  # future act in reported speech: an intent if the speaker is the actor's side
    embedded: Token | None = None  # the complement trigger a governor coded
    background: str | None = None  # why the event is context rather than news (see background_reason)
    weak: bool = False  # coded by a governor alone, its complement has no code: "agreed to set up ..."
    predicate: Token | None = None  # the verb carrying the event: the trigger, or an event noun's support verb
    unattributed: bool = False  # violence whose only named doer is a weapon: unidentified forces did it
    refers_back: bool = False  # ... a weapon named as known ("The missiles struck ..."): the last attacker's
    told_as_noun: bool = False  # "fighting broke out in X": violence told as a noun with no party named
    answers_attack: bool = False  # "the fire was returned": a reply with no doer, by whom the last attack hit
    repels_attack: bool = False  # "repelled the assault": an act on an attack, aimed at whoever made it
    helping_purposes: set[int] = field(default_factory=set)  # "to protect the civilians": no target of a conflict act
    inner_code: str | None = None  # for a governed draft, the code of the act it governs

    @property
    def source_tokens(self) -> list[Token]:
        return [t for group in self.source_groups for t in group]

    @property
    def target_tokens(self) -> list[Token]:
        return [t for group in self.target_groups for t in group]

    def reading(self) -> tuple:
        """Everything the draft says except which complement it came from: two drafts with one reading make
        one event ("agreed to stop stop stop ...": a complement repeated 300 times is one commitment)."""
        return tuple(_by_index(getattr(self, f.name)) for f in fields(self) if f.name != "embedded")


def _by_index(value: object) -> object:
    if isinstance(value, Token):
        return value.i
    if isinstance(value, (list, tuple)):
        return tuple(_by_index(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(_by_index(v) for v in value)
    return value


def distinct(drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without repeats of an earlier draft's reading, in order. Each draft costs a scan of its
    trigger's phrase, so repeats of one governor's complement cost the square of the sentence's length."""
    shared = Counter((d.trigger.i, d.pattern) for d in drafts)
    if len(shared) == len(drafts):
        return drafts  # the usual sentence: no two drafts share a trigger and pattern, nothing to read
    seen: set[tuple] = set()
    out = []
    for draft in drafts:
        if shared[draft.trigger.i, draft.pattern] > 1:
            key = draft.reading()
            if key in seen:
                continue
            seen.add(key)
        out.append(draft)
    return out


def told_without_doer(frame: Frame, pattern: Pattern, gov, weapons: set[str]) -> bool:
    """"Fighting broke out in Goma", "heavy shelling was reported in Donetsk", "monitors recorded 99
    explosions": a violence noun its clause tells as happening (``Frame.told``), no doer named. Not a noun
    an of-phrase makes figurative ("the clash of ideas", "explosions of anger"), unless that phrase is a
    weapon or the pattern's own target; not an accident-prone noun that only "occurred" or that a thing
    names ("a gas explosion"), unless that thing is a weapon ("mortar explosions")."""
    if frame.kind != "noun" or frame.told is None or frame.fallback_subjects or frame.lemma not in gov.observed_nouns:
        return False
    if frame.lemma in gov.observed_only_nouns and (frame.told != "observed" or any(
            c.dep_ == "compound" and c.pos_ == "NOUN" and not is_weapon(c, weapons) for c in frame.trigger.children)):
        return False  # "an explosion occurred", "a gas explosion was reported": as often an accident as an attack
    of_slot = "prep:of" in pattern.target_slots
    return not any(p == "of" and not of_slot and not is_weapon(t, weapons) for p, t in _own_preps(frame.trigger))


def _own_preps(tok: Token) -> list[tuple[str, Token]]:
    return [(c.lower_, g) for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]


def with_partner(frame: Frame, sources: list[list[Token]]) -> bool:
    """"Bahrain restored relations with Qatar", "Indian troops clashed with Chinese soldiers": a verb's doer
    named as subject and a partner in a "with" phrase is the doer's act only; the reverse is coded when both
    are the subject ("India and China clashed") or the parties of a "between" phrase. Event nouns keep their
    pattern's reading: "held talks with" is coded both ways, as the PETRARCH2 gold set codes it."""
    return frame.kind == "verb" and bool(sources) and any(prep == "with" for prep, _ in frame.preps + frame.object_preps)


def is_amount(tok: Token, amount_heads: tuple[str, ...]) -> bool:
    """"$2 billion", "50 million euros", "1,000 tons": a number or money head."""
    return tok.like_num or tok.tag_ == "$" or tok.lower_ in amount_heads or any(
        c.like_num or c.tag_ == "$" for c in tok.children if c.dep_ in {"nummod", "quantmod", "compound"})


def is_definite(tok: Token) -> bool:
    """"the missiles", "these rockets": a weapon the story has already named, so someone already fired it
    ("a roadside bomb", "rockets" are new: their doer is unknown)."""
    return any(c.dep_ == "det" and c.lower_ in {"the", "these", "those", "this", "that"} for c in tok.children)


def is_weapon(tok: Token, weapons: set[str]) -> bool:
    """"bomb", "a roadside bomb", "a truck bomb blast", "the blast of a mortar shell"."""
    if lemma_of(tok) in weapons or tok.lower_ in weapons or tok.lower_.removesuffix("s") in weapons:
        return True  # the last: "Rockets struck ..." opening a sentence is lemmatised as a name
    return any(c.dep_ in {"compound", "amod", "nmod"} and (lemma_of(c) in weapons or c.lower_ in weapons)
               for c in tok.children)


def weapon_agent(weapon: Token, weapons: set[str] | None = None) -> list[Token]:
    """Who a weapon belongs to: the by-agent of a participle on it ("a bomb planted by militants", "a missile
    fired by rebels"), else a possessor or a national modifier ("Iranian ballistic missiles", "Russian
    shelling", "Israel's air strikes")."""
    for acl in (c for c in weapon.children if c.dep_ == "acl"):
        # "a rocket thought to be launched by militants": the agent may sit in a clause under the participle
        for agent in (t for t in acl.subtree if t.dep_ == "agent"):
            return [p for p in agent.children if p.dep_ == "pobj"]
    weapons = weapons or set()
    return [c for c in weapon.children if (c.dep_ == "poss" or (
        c.dep_ in {"amod", "compound", "nmod"} and c.ent_type_ in {"NORP", "GPE"}))
            and lemma_of(c) not in weapons and c.lower_ not in weapons]


def weapon_adjunct(trigger: Token, weapons: set[str]) -> Token | None:
    """"died in a truck bomb blast", "died in a rocket attack", "killed by Russian shelling": the
    weapon of a passive act."""
    if not any(c.dep_ == "nsubjpass" for c in trigger.children) and trigger.pos_ == "VERB":
        return None
    for c in trigger.children:
        if (c.dep_ == "prep" and c.lower_ in {"in", "by"}) or c.dep_ == "agent":
            for p in c.children:
                if p.dep_ in {"pobj", "pcomp"} and is_weapon(p, weapons):
                    return p
    return None


def amount_nouns(verb: Frame, by_trigger: dict[int, Frame]) -> set[int]:
    """Event nouns a verb carries through an amount object ("provide 25,000 tons of food aid"): a coded verb
    already tells that act, so the noun is not coded again."""
    objects = {o.i for o in verb.objects}
    return {i for i, f in by_trigger.items() if f.kind == "noun" and f.support_verb is not None
            and f.support_verb.i == verb.trigger.i and f.trigger.head.head.i in objects}


def slot_groups(frame: Frame, slots: tuple[str, ...], by_trigger: dict[int, Frame]) -> list[list[Token]]:
    """One token group per named argument slot, in the pattern's order of preference.

    An event noun in a slot stands for its agent ("condemned the US assassination" -> the US), so its
    own subjects come first, then the noun itself. Beside a party named outright the event noun is a gloss
    the parser made a second object ("hosted Somalia's president, their third meeting this year"): the
    named party comes first.
    """
    groups: list[list[Token]] = []
    for slot in slots:
        toks = _slot_tokens(frame, slot)
        events = [t for t in toks if t.i in by_trigger and t.i != frame.trigger.i]
        nominal = [a for t in events for a in by_trigger[t.i].subjects]
        named = [t for t in toks if t not in events and t.pos_ in {"PROPN", "NOUN"}]
        if nominal and named:
            groups += [toks, nominal]
            continue
        if nominal:
            groups.append(nominal)
        if toks:
            groups.append(toks)
    return groups


def _slot_tokens(frame: Frame, slot: str) -> list[Token]:
    if slot == "subject":
        toks = frame.subjects
    elif slot == "object":
        toks = frame.objects
    elif slot == "dative":
        toks = frame.datives
    elif slot == "patient":
        # "Kenyan troops were sent to Haiti": with no one named sending them, the troops' state sent them
        toks = [o for o in frame.objects if frame.passive and "nsubjpass" in {o.dep_, o.head.dep_}
                and any(m.dep_ in {"amod", "compound", "poss", "nmod"} and m.pos_ in {"PROPN", "ADJ"}
                        and m.ent_type_ in {"NORP", "GPE"} for m in o.children)]
    elif slot == "complement_subject":
        # "declared three diplomats persona non grata": the parser makes the diplomats the subject of the
        # predicate noun; "three of its diplomats": the counted people
        toks = [s for c in frame.trigger.children if c.dep_ in {"ccomp", "oprd", "xcomp"}
                for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
        toks = [p for t in toks for p in ([t] if not t.like_num else
                [p for prep in t.children if prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"] or [t])]
    elif slot == "complement_agent":
        # "were declared persona non grata by Tehran": the parser hangs the by-phrase on the predicate noun
        toks = [p for c in frame.trigger.children if c.dep_ in {"ccomp", "oprd"}
                for prep in c.children if prep.dep_ in {"prep", "agent"} and prep.lower_ == "by"
                for p in prep.children if p.dep_ == "pobj"] if frame.passive else []
    elif slot.startswith("prep:"):
        toks = frame.prep_objects((slot[5:],))
        if not toks and slot == "prep:of" and frame.kind == "verb":
            # "demanded the withdrawal of Russian troops", "urged the release of the journalists": the "of"
            # phrase of the verb's event-noun object (frames keep object "of" phrases out of their preps)
            toks = [p for obj in frame.objects for prep in obj.children if prep.dep_ == "prep" and prep.lower_ == "of"
                    for p in prep.children if p.dep_ == "pobj"]
        toks = [x for t in toks for x in (t, *t.conjuncts)]  # "a ceasefire between Iran and Iraq": both
    else:
        toks = []
    out: list[Token] = []
    for tok in toks:
        if tok not in out:
            out.append(tok)
    return out
