"""Frames -> event drafts: pattern matching, governors, reported speech, argument slots.

A draft is an event before it has resolved actors and attributes: the CAMEO code, the pattern id, the
trigger, the tokens its source and target come from, and what the frame says about its modality. The
rules here are general English: a governor (threaten, ask, refuse, agree ...) codes its complement
event through a category table; a speech verb (say, claim, deny) passes the complement through with
its speaker kept; a support verb ("launch an attack") lends its subject to the event noun.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from brinkwatch.extract.patterns import Pattern, PatternBook
from brinkwatch.nlp.frames import Frame, expand, finite_governor, gerund_subject, lemma_of, sentence_frames

FUTURE_AUX = {"will", "would", "'ll", "shall"}


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
    inner_code: str | None = None  # for a governed draft, the code of the act it governs

    @property
    def source_tokens(self) -> list[Token]:
        return [t for group in self.source_groups for t in group]

    @property
    def target_tokens(self) -> list[Token]:
        return [t for group in self.target_groups for t in group]


class SentenceCoder:
    """Codes the frames of one sentence into drafts. Stateless apart from the pattern book."""

    def __init__(self, book: PatternBook) -> None:
        self.book = book
        self.gov = book.governors

    def drafts(self, sent: Span) -> list[Draft]:
        frames = sentence_frames(sent, self.book.lexicon)
        by_trigger = {f.trigger.i: f for f in frames}
        consumed: set[int] = set()
        out: list[Draft] = []
        # governors and heads first: a complement coded by its governor must not be coded again
        for frame in sorted(frames, key=lambda f: _depth(f.trigger)):
            if frame.trigger.i in consumed:
                continue
            drafts = self._code_frame(frame, by_trigger, consumed)
            out += drafts
        for draft in out:
            self._reporting_context(draft)
            self._intent_or_demand(draft)
        out += self._bare_demands(frames, out)
        _answer_requests(out, self.book)
        roles = _SentenceRoles.of(out, by_trigger, self.gov)
        for draft in out:
            draft.background = background_reason(draft.trigger, self.gov.background_preps) or \
                roles.object_reason(draft) or roles.phrase_reason(draft.trigger) or \
                prevented_reason(draft.trigger, self.gov.preventing_verbs)
            draft.predicate = _predicate(draft.trigger, self.gov.support_verbs)
        return out

    def _bare_demands(self, frames: list[Frame], drafts: list[Draft]) -> list[Draft]:
        """"The administration declared that China must drop barriers": a reported "must" is a demand by the
        speaker on the subject even when the demanded act has no pattern of its own (100)."""
        coded = {d.trigger.i for d in drafts} | {d.embedded.i for d in drafts if d.embedded is not None}
        out = []
        for frame in frames:
            verb = frame.trigger
            if frame.kind != "verb" or verb.i in coded or verb.dep_ != "ccomp" or not frame.subjects:
                continue
            if not any(c.dep_ == "aux" and c.lower_ in self.gov.demand_modals for c in verb.children):
                continue
            head = verb.head
            if lemma_of(head) not in self.gov.speech_verbs + self.gov.claim_verbs:
                continue
            speaker = [x for s in head.children if s.dep_ in {"nsubj", "nsubjpass"} for x in expand(s)]
            if speaker:
                out.append(Draft(code=self.book.derived_code("demand", None) or "100", pattern="demand>must",
                                 trigger=verb, source_groups=[speaker], target_groups=[list(frame.subjects)],
                                 modality="requested", prior=0.6, speaker=speaker, speech_verb=head))
        return out

    # --- one frame ---------------------------------------------------------------------------------
    def _code_frame(self, frame: Frame, by_trigger: dict[int, Frame], consumed: set[int]) -> list[Draft]:
        gov_class = self._governor_class(frame)
        specific = self.book.match(frame)
        if specific is not None and specific.object:
            gov_class = None  # "declined to comment", "offered condolences": a fixed phrase, not a governor
            for comp in frame.complements:  # the phrase includes its complement: code it once
                if comp.dep_ == "xcomp" and lemma_of(comp) in specific.object:
                    consumed.add(comp.i)
        if gov_class is not None:
            derived = self._code_governed(frame, gov_class, by_trigger, consumed)
            if derived:
                return derived
        if specific is None and frame.kind == "verb" and frame.lemma in self.gov.deny_verbs + self.gov.negating_verbs:
            return []  # its complement is coded on its own turn, with modality denied/negated
        pattern = specific
        if pattern is None:
            return []
        if frame.kind == "verb" and frame.lemma in self.gov.speech_verbs and pattern.code[:2] == "13" and any(
                c.dep_ == "ccomp" and c.i in by_trigger and by_trigger[c.i].subjects and self.book.match(by_trigger[c.i])
                for c in frame.complements):
            return []  # "warned that Tehran would strike US bases": the reported act is the event, not a bare warning
        if frame.kind == "verb":
            # "imposed sanctions on X" codes through the noun; the verb pattern takes the object noun
            for obj in frame.objects:
                if pattern.object and obj.i in by_trigger:
                    consumed.add(obj.i)
            consumed.update(_amount_nouns(frame, by_trigger))  # "provided $70 million of aid": one act
            if pattern.prep_noun:  # "called for a ceasefire": the phrase is the appeal, not a ceasefire
                for tok in frame.prep_objects(pattern.prep):
                    if lemma_of(tok) in pattern.prep_noun and tok.i in by_trigger:
                        consumed.add(tok.i)
        return [self._draft(frame, pattern, by_trigger)]

    def _draft(self, frame: Frame, pattern: Pattern, by_trigger: dict[int, Frame]) -> Draft:
        sources = _slot_groups(frame, pattern.source, by_trigger)
        causes = set(self.gov.inanimate_causes)
        weapons = set(self.gov.unattributed_weapons)
        violent = pattern.code[:2] in self.gov.violent_roots
        unattributed = violent and any(_is_weapon(t, weapons) for group in sources for t in group)
        refers_back = unattributed and all(_is_definite(t) for group in sources for t in group
                                           if _is_weapon(t, weapons))
        if unattributed:
            # "a roadside bomb planted by Palestinian militants": the weapon's own agent did it
            owners = [x for group in sources for t in group if _is_weapon(t, weapons) for x in _weapon_agent(t, weapons)]
            if owners:
                sources, unattributed = [owners], False
        sources = [kept for group in sources
                   if (kept := [t for t in group if lemma_of(t) not in causes and not (violent and _is_weapon(t, weapons))])]
        if violent and not sources:
            adjunct = _weapon_adjunct(frame.trigger, weapons)
            if adjunct is not None:  # "killed by Russian shelling": the shelling's owner, else unknown forces
                owners = _weapon_agent(adjunct, weapons)
                sources, unattributed = ([owners], False) if owners else (sources, True)
        if violent and not sources and frame.passive and not frame.inherited_subject:
            # "seven people were shot dead in Culiacan", "a convoy came under fire": violence with no doer named
            unattributed = True
        # "heavy fighting broke out in X": the coder falls back on unidentified forces when no source resolves
        told = violent and _told_without_doer(frame, pattern, self.gov, weapons)
        if frame.kind == "noun" and frame.fallback_subjects:
            # "the US reaffirmed its pledge": a possessive pronoun is the support verb's subject
            if sources and all(t.pos_ == "PRON" for t in sources[0]):
                sources.insert(0, list(frame.fallback_subjects))
            else:
                sources.append(list(frame.fallback_subjects))
        targets = _slot_groups(frame, pattern.target_slots, by_trigger)
        if pattern.symmetric and not targets:
            # "met his Bangladeshi counterpart and signed three agreements": the partner of the first act
            targets = self._partner_of_meeting(frame, by_trigger)
        return Draft(
            code=pattern.code, pattern=pattern.id, trigger=frame.trigger,
            source_groups=sources, target_groups=targets, symmetric=pattern.symmetric,
            reverse_code=pattern.reverse_code, nonstate_code=pattern.nonstate_code, crowd_code=pattern.crowd_code,
            one_way_with_target=pattern.one_way_with_target or (pattern.symmetric and _with_partner(frame, sources)),
            prior=pattern.confidence, inherited=frame.inherited_subject,
            modality="negated" if frame.negated else self.gov.speech_act_modality.get(pattern.code[:2]),
            unattributed=unattributed and not sources, refers_back=refers_back and unattributed and not sources,
            told_as_noun=told,
        )

    def _partner_of_meeting(self, frame: Frame, by_trigger: dict[int, Frame]) -> list[list[Token]]:
        """The other party of a joint act coordinated with a meeting that shares its subject: in "A met B in
        Dhaka and signed three agreements" or "A received B and held talks" B is the other party. Only a
        meeting, visit or consultation names a partner ("recalled its ambassador and signed a decree" does not)."""
        verb = frame.support_verb if frame.kind == "noun" and frame.support_verb is not None else frame.trigger
        if verb.dep_ != "conj" or verb.pos_ != "VERB" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            return []
        first = by_trigger.get(verb.head.i)
        pattern = self.book.match(first) if first is not None and first.kind == "verb" else None
        if pattern is None or pattern.code[:2] not in self.gov.partner_roots:
            return []
        return [list(first.objects)] if first.objects else []

    # --- governors ---------------------------------------------------------------------------------
    def _governor_class(self, frame: Frame) -> str | None:
        if frame.kind != "verb":
            return None
        name = self.book.governor_of.get(frame.lemma)
        if name is None:
            return None
        needed = self.gov.classes[name].particles.get(frame.lemma)
        preps = {p for p, _ in frame.preps}
        if needed and frame.particle != needed and not ({needed, "upon"} & preps and needed == "on"):
            return None
        if not needed and frame.particle:
            return None
        if frame.lemma in self.gov.speech_verbs and not any(c.dep_ == "xcomp" for c in frame.complements):
            return None  # "told reporters that ..." reports; "told Manila to leave" demands
        return name

    def _complements(self, frame: Frame, by_trigger: dict[int, Frame]) -> list[Frame]:
        comps = [by_trigger[c.i] for c in frame.complements if c.i in by_trigger]
        # event nouns as objects or as objects of to/for/with: "threatened retaliation", "called for a ceasefire"
        nouns = list(frame.objects) + [t for p, t in frame.preps if p in {"for", "to", "with", "on"}]
        # "promised $2 billion in economic aid": an amount stands in the event noun's place
        nouns += [p for obj in frame.objects if obj.i not in by_trigger and _is_amount(obj, self.gov.amount_heads)
                  for prep in obj.children if prep.dep_ == "prep" and prep.lower_ in {"in", "of"}
                  for p in prep.children if p.dep_ == "pobj"]
        comps += [by_trigger[n.i] for n in nouns if n.i in by_trigger and by_trigger[n.i].kind == "noun"]
        # "asked that Y discuss Z" and "agreed to hold talks": a ccomp or xcomp hanging under the object
        return comps

    def _code_governed(self, frame: Frame, gov_class: str, by_trigger: dict[int, Frame],
                       consumed: set[int]) -> list[Draft]:
        cls = self.gov.classes[gov_class]
        out: list[Draft] = []
        for comp in self._complements(frame, by_trigger):
            inner = self._code_frame(comp, by_trigger, consumed)
            inner_code = inner[0].code if inner else None
            if comp.kind == "noun" and not inner:
                inner_pattern = self.book.match(comp)
                inner_code = inner_pattern.code if inner_pattern else None
            elif comp.kind == "verb" and not inner:
                # "asked Russia to hold talks": a support verb's event noun is what was asked for
                for obj in comp.objects:
                    noun = by_trigger.get(obj.i)
                    noun_pattern = self.book.match(noun) if noun is not None else None
                    if noun_pattern is not None:
                        inner_code = noun_pattern.code
                        inner = [self._draft(noun, noun_pattern, by_trigger)]  # its targets and symmetry
                        consumed.add(obj.i)
                        break
            if inner_code is None and (comp.kind == "noun" or cls.require_match or comp.trigger.dep_ != "xcomp"
                                       or comp.trigger.head.i != frame.trigger.i):
                continue  # only a commitment's own to-infinitive ("agreed to set up ...") is coded unmatched
            code = self.book.derived_code(gov_class, inner_code)
            if comp.negated and gov_class in {"commit", "intent"}:
                # "agreed not to attack each other", "pledged not to use force": a commitment to restraint
                if inner_code is None or inner_code[:2] not in self.gov.restraint_roots:
                    continue
                code = self.gov.classes[gov_class].codes.get("deescalate")
            if code is None:
                continue
            if cls.consume_object_events or comp.kind == "verb":
                consumed.add(comp.trigger.i)
                if inner_code is not None:  # an uncoded complement leaves what hangs under it to be coded
                    _consume_subtree_frames(comp, by_trigger, consumed)
            if gov_class == "demand" and frame.lemma in self.gov.command_verbs and inner_code is not None \
                    and inner_code[:2] in self.gov.commanded_roots:
                # "ordered patrols by police", "ordered the army to shell the town": a command to one's forces
                # is the act of the one who gives it
                draft = self._governed_draft(frame, comp, inner, inner_code, gov_class, None)
                draft.target_groups = inner[0].target_groups if inner else []
                draft.pattern = f"order>{inner[0].pattern if inner else comp.lemma}"
                out.append(draft)
                continue
            draft = self._governed_draft(frame, comp, inner, code, gov_class, cls.modality)
            draft.inner_code = inner_code
            if inner_code is None:
                draft.weak, draft.prior = True, 0.6
            out.append(draft)
        return out

    def _governed_draft(self, frame: Frame, comp: Frame, inner: list[Draft], code: str,
                        gov_class: str, modality: str) -> Draft:
        sources = list(frame.subjects)
        # who the appeal / threat / refusal is aimed at: the governor's object when it is not the
        # event noun itself, else whoever the complement acts on (or, for "asked that Y ...", Y).
        objects = [o for o in frame.objects if o.i != comp.trigger.i]
        objects += [t for p, t in frame.preps if p in {"on", "upon", "against"} and t.i != comp.trigger.i]
        if gov_class == "appeal" and frame.lemma in self.gov.addressee_appeals:
            objects += [t for p, t in frame.preps if p == "to" and t.i != comp.trigger.i]  # "appealed to X to ..."
        groups = [objects]
        if gov_class in {"appeal", "demand"} and comp.kind == "verb":
            groups.append([s for s in comp.subjects if s.i not in {x.i for x in sources}])
        if inner:
            groups += inner[0].target_groups
        elif comp.kind == "noun":
            groups.append(comp.prep_objects(("on", "against", "with", "to", "between", "of", "from")))
        draft = Draft(
            code=code, pattern=f"{gov_class}>{inner[0].pattern if inner else comp.lemma}",
            trigger=frame.trigger, source_groups=[sources], target_groups=[g for g in groups if g],
            modality="negated" if frame.negated else ("threatened" if code.startswith("13") else modality),
            prior=0.75, inherited=frame.inherited_subject, embedded=comp.trigger,
            symmetric=bool(inner and inner[0].symmetric and gov_class in {"intent", "commit"}),
        )
        return draft

    # --- reported speech ---------------------------------------------------------------------------
    def _reporting_context(self, draft: Draft) -> None:
        """Walk up from the trigger through complement clauses to a speech, claim or deny verb."""
        tok = draft.trigger
        for _ in range(4):
            if tok.dep_ not in {"ccomp", "xcomp", "advcl", "conj", "pcomp", "pobj", "acomp"} or tok.head.i == tok.i:
                return
            head = tok.head
            lemma = lemma_of(head)
            if lemma in self.gov.speech_verbs or lemma in self.gov.claim_verbs or lemma in self.gov.deny_verbs:
                draft.speech_verb = head
                draft.speaker = [s for s in head.children if s.dep_ in {"nsubj", "nsubjpass"}]
                draft.speaker = [x for s in draft.speaker for x in expand(s)]
                if lemma in self.gov.claim_verbs and draft.modality is None:
                    draft.modality = "claimed"
                    draft.claim = True
                elif lemma in self.gov.deny_verbs and draft.modality is None:
                    draft.modality = "denied"
                self._speaker_is_subject(draft)
                return
            if lemma in self.gov.negating_verbs and draft.modality is None:
                draft.modality = "negated"
            tok = head


    def _speaker_is_subject(self, draft: Draft) -> None:
        """"Iran said it would ...": a pronoun subject of a reported clause is, first of all, the speaker."""
        if draft.speaker and draft.source_groups and all(t.pos_ == "PRON" for t in draft.source_groups[0]):
            draft.source_groups.insert(0, list(draft.speaker))
            draft.speaker_is_source = True

    def _intent_or_demand(self, draft: Draft) -> None:
        """Future and intended acts are intents (03) or threats (13); "X said Y must ..." is a demand (10);
        "X will not attend talks" refuses them (12)."""
        trigger = _predicate(draft.trigger, self.gov.support_verbs)
        aux = _auxiliaries(trigger, self.gov.intent_adjectives)
        if draft.embedded is None and draft.modality == "negated" and aux & FUTURE_AUX and draft.code[:2] < "10":
            refused = self.book.derived_code("reject", draft.code)
            if refused is not None:
                draft.code, draft.pattern, draft.modality = refused, f"reject>{draft.pattern}", "refused"
                draft.symmetric = False
            return
        if draft.embedded is not None or draft.modality is not None or draft.code[:2] in self.gov.speech_act_modality:
            return
        if draft.speaker and aux & set(self.gov.demand_modals):
            code = self.book.derived_code("demand", draft.code)
            draft.code, draft.pattern, draft.modality = code, f"demand>{draft.pattern}", "requested"
            draft.symmetric = False
            draft.target_groups = [list(draft.source_tokens)] + draft.target_groups
            draft.source_groups = [list(draft.speaker)]
            return
        intended = bool(aux & FUTURE_AUX) or (
            trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in self.gov.intent_adjectives) or (
            bool(aux & POSSIBLE_AUX) and _has_condition(trigger))  # "may halt aid if ...": a conditional threat
        if not intended:
            return
        draft.modality = "planned"
        category = self.book.category(draft.code)
        if str(self.gov.classes["intent"].codes.get(category, "")).startswith("13"):
            # "would strike hard if Hezbollah violated the truce": a conditional threat is aimed at the party
            # whose act is the condition when it names no target of its own (set before the coder decides
            # whose intent it is, as that decision comes after the pairs are read)
            draft.target_groups = [*draft.target_groups, *filter(None, [_condition_party(trigger)])]
        if draft.speaker and not draft.speaker_is_source:
            # whether "Portugal will support ..., its president said" is Portugal's intent or someone's
            # prediction depends on who the speaker is: the coder decides once actors are resolved
            draft.intent_unless_other_speaker = True
            return
        self.make_intent(draft)

    def make_intent(self, draft: Draft) -> None:
        category = self.book.category(draft.code)
        table = self.gov.classes["intent"].codes
        if category in self.gov.decision_categories and not _has_condition(_predicate(draft.trigger, self.gov.support_verbs)):
            return  # "announced it would prohibit all aid": a decision, planned; with "if ..." it is a threat
        if category in table and table[category] != "keep":
            draft.inner_code = draft.inner_code or draft.code
            draft.code, draft.pattern = table[category], f"intent>{draft.pattern}"
            # "A and B will meet" is both sides' intent; "A will meet B" is A's
            draft.one_way_with_target = True
            if draft.code.startswith("13"):
                draft.modality = "threatened"


def _answer_requests(drafts: list[Draft], book: PatternBook) -> None:
    """"The US asked Russia to hold talks, but Moscow refused": a bare refusal answers the request made
    earlier in the sentence, so it is aimed at the requester and refuses what was asked (125)."""
    requests = [d for d in drafts if d.code[:2] in {"02", "10"}]
    for draft in drafts:
        if draft.code != "120" or draft.target_tokens or not requests:
            continue
        asked = [r for r in requests if r.trigger.i < draft.trigger.i]
        if not asked:
            continue
        request = asked[-1]
        draft.target_groups = [request.source_tokens]
        draft.code = book.derived_code("reject", request.code) or draft.code


def background_reason(trigger: Token, background_preps: tuple[str, ...]) -> str | None:
    """Why an event mentioned in this position is context for the sentence's news, not news itself.

    A sentence reports its main clause; relative clauses and participial modifiers describe who someone is
    ("the group that seized Mosul"), adverbial clauses give the occasion or the reason ("after rebels
    overran it", "because of fighting between ..."), a purpose clause says what was intended, not what
    happened ("opened fire to disperse the crowd"), a participle of consequence is the same happening
    seen from its result ("shelled Juba, killing 20"), and an event noun in an adjunct names an earlier
    event ("since last month's invasion", "following the killing of ..."). Coding such mentions again on
    the sentence's date is what makes archive-wide event counts drift, so the coder keeps them only when
    the sentence has no main event. ``None`` for a main-clause event.
    """
    tok = trigger
    for _ in range(12):
        dep = tok.dep_
        if dep == "relcl" or (dep == "acl" and tok.tag_ in {"VBN", "VBG"}):
            return "relative clause"
        if dep == "acl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
            return "content"  # "an EU decision to send aid", "Finland's plan to host": not said to happen
        if dep == "advcl":
            marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
            if any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) or "so" in marks:
                return "purpose"
            if marks & ADVERBIAL_MARKS:
                return None if tok.i == trigger.i and _prior_happening(tok, marks) else "adverbial clause"
            if marks & CONDITION_MARKS:
                return "condition"  # "unless Baghdad accepted its conditions": not said to happen
            if tok.tag_ == "VBG" and not marks:
                # "shelled Juba, killing 20"; with a subject of its own, an absolute clause giving the setting
                return "consequence" if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children) \
                    else "adverbial clause"
        if dep == "pcomp" and tok.head.lower_ in background_preps:
            return "adverbial clause"  # "before allowing aid convoys", "after meeting the envoy"
        if dep == "pobj" and tok.lemma_.lower() in background_preps and tok.head.lower_ == "in":
            return "adjunct"  # "fired missiles in retaliation for ...": the retaliation is the main act itself
        if dep == "pobj" and tok.pos_ in {"NOUN", "PROPN"} and (
                tok.head.lower_ in background_preps
                or (tok.head.lower_ in {"of", "for", "to", "at", "against"} and tok.head.head.lower_ in background_preps)):
            return "adjunct"
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def prevented_reason(trigger: Token, preventing_verbs: tuple[str, ...]) -> str | None:
    """"barred women from attending universities", "stopped the leader from travelling": the act after "from"
    is what someone was kept from doing; it did not happen. ``None`` when the trigger is not such an act."""
    prep = trigger.head
    if trigger.dep_ == "pcomp" and prep.lower_ == "from" and prep.dep_ == "prep" and \
            prep.head.lemma_.lower() in preventing_verbs:
        return "prevented"
    return None


# subordinators of clauses that give the occasion, time or reason of the main event
CONDITION_MARKS = {"if", "unless"}
ADVERBIAL_MARKS = {"after", "since", "before", "as", "when", "while", "because", "until", "once", "following"}
# of those, the ones whose clause can tell a happening of its own, with its own doer: "struck radar sites
# hours after the Houthis fired a missile at a tanker" reports two acts; "since the army seized power" (long
# past), "because ..." (a reason given), "until ..." (an end point) and "as"/"while" (what was going on at the
# time: "lifted the curfew as police in the capital were making arrests") do not
TELLING_MARKS = {"after", "before", "when"}
AGENT_SUBJECTS = {"nsubj"}


LONG_GAPS = {"week", "month", "year", "decade"}


def _long_before(verb: Token) -> bool:
    """"three months after the army seized the airport", "days after the vote": a happening reported before,
    recalled as the occasion; "hours after" is the same news. The gap is read from the words before the
    subordinator, wherever the parser hangs them."""
    def gap(tok: Token) -> bool:
        return lemma_of(tok) in LONG_GAPS or (lemma_of(tok) == "day" and tok.tag_ == "NNS")
    marks = [c for c in verb.children if c.dep_ == "mark"]
    return any(gap(c) for c in verb.children if c.dep_ == "npadvmod") or any(
        m.i > 0 and gap(verb.doc[m.i - 1]) for m in marks)


def _prior_happening(verb: Token, marks: set[str]) -> bool:
    """An adverbial clause that tells a finished act of a named doer of its own, not the main clause's: news
    in its own right, however the lead sentence is built ("Troops shelled X, killing 4, after rebels attacked
    a checkpoint"). A passive ("after the drone was shot down"), a pronoun doer ("after it bombed ...": the
    main clause's actor, already coded), the main clause's own subject, or a present or future clause ("before
    the troops withdraw") stay context."""
    if not marks & TELLING_MARKS:
        return False
    subjects = [c for c in verb.children if c.dep_ in AGENT_SUBJECTS]
    if not subjects or any(s.pos_ == "PRON" for s in subjects):
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxes & {"had", "has", "have"}) or (
        verb.tag_ == "VBG" and auxes & {"was", "were"})
    if not past or _long_before(verb):
        return False
    main = verb.head
    main_subjects = {lemma_of(c) for c in main.children if c.dep_ in {"nsubj", "nsubjpass"}}
    return not any(lemma_of(s) in main_subjects for s in subjects)


@dataclass
class _SentenceRoles:
    """What the sentence's drafts are, computed once per sentence: which tokens trigger coded acts, which
    of them are charges, warnings or violence. Another event's position relative to these makes it context."""

    by_trigger: dict[int, Frame]
    codes: dict[int, str]  # trigger index -> code of the draft
    charges: set[int]
    warnings: set[int]
    violent: set[int]
    reactions: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, drafts: list[Draft], by_trigger: dict[int, Frame], gov) -> _SentenceRoles:
        codes: dict[int, str] = {}
        for d in drafts:
            codes.setdefault(d.trigger.i, d.code)  # the first draft of a trigger speaks for it
        return cls(by_trigger, codes,
                   charges={i for i, c in codes.items() if c[:2] in gov.charge_roots},
                   warnings={i for i, c in codes.items() if c[:2] in gov.warning_roots},
                   violent={i for i, c in codes.items() if c[:2] in gov.violent_roots},
                   reactions={i for i, c in codes.items() if c[:2] in gov.reaction_roots})

    def object_reason(self, draft: Draft) -> str | None:
        """An event noun that another coded act is about ("brokered a deal between Russia and Ukraine",
        "condemned the air strikes") is that act's object: the act is the news. And an act whose subject is
        a violent event noun ("Iran's missile attack injured 100 soldiers") is that event's outcome."""
        trigger = draft.trigger
        holder = self.by_trigger.get(trigger.head.i)
        if trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ in {"dobj", "attr"} and trigger.head.i in self.codes \
                and holder is not None and holder.kind == "verb":
            if trigger.head.i in self.reactions and _own_agent(draft):
                return None  # "France condemned the Russian shelling of Kharkiv": the shelling is told too
            return "object"
        if trigger.pos_ == "VERB" and trigger.i in self.violent and any(
                (c.dep_ == "nsubj" or gerund_subject(c)) and c.i in self.violent for c in trigger.children):
            return "outcome"
        return None

    def phrase_reason(self, trigger: Token) -> str | None:
        """Context found through the other events of the sentence: an event noun inside another event noun's
        phrase ("a new offensive in its war with Iraq", "talks on the conflict"), and what someone is
        accused, criticised, arrested or charged for ("accused the rebels of violating the ceasefire"): the
        charge is the accuser's claim, coded as the accusation itself."""
        prep = trigger.head if trigger.dep_ in {"pobj", "pcomp"} else None
        if prep is not None and prep.dep_ == "prep" and trigger.pos_ in {"NOUN", "PROPN"}:
            holder = self.by_trigger.get(prep.head.i)
            if holder is not None and holder.kind == "noun" and prep.head.i != trigger.i:
                return "adjunct"
        for anc in _ancestors(trigger):
            if anc.dep_ == "prep" and anc.lower_ in {"of", "for", "over"} and anc.head.i in self.charges:
                return "charge"
            if anc.dep_ == "prep" and anc.lower_ == "against" and anc.head.i in self.warnings:
                return "warned against"  # "warned Iran against attacking shipping": the attack did not happen
        return None


def _ancestors(tok: Token) -> list[Token]:
    """The token's ancestors, with a finite verb the parser hung on a gerund ("accused Kyiv of attacking a
    bridge and launched missiles") read as the conjunct of the verb it coordinates with."""
    out: list[Token] = []
    node = tok
    while True:
        governor = finite_governor(node) if node.pos_ in {"VERB", "AUX"} else None
        following = governor if governor is not None else (node.head if node.head.i != node.i else None)
        if following is None:
            return out
        out.append(following)
        node = following


def _own_agent(draft: Draft) -> bool:
    """The event noun names its own doer ("the Russian shelling", "Israel's strike", "attacks by rebels")."""
    first = draft.source_groups[0] if draft.source_groups else []
    subtree = {t.i for t in draft.trigger.subtree}
    return bool(first) and all(t.i in subtree for t in first)


def _told_without_doer(frame: Frame, pattern: Pattern, gov, weapons: set[str]) -> bool:
    """"Fighting broke out in Goma", "heavy shelling was reported in Donetsk", "monitors recorded 99
    explosions": a violence noun its clause tells as happening (``Frame.told``), no doer named. Not a noun
    an of-phrase makes figurative ("the clash of ideas", "explosions of anger"), unless that phrase is a
    weapon or the pattern's own target; not an accident-prone noun that only "occurred" or that a thing
    names ("a gas explosion"), unless that thing is a weapon ("mortar explosions")."""
    if frame.kind != "noun" or frame.told is None or frame.fallback_subjects or frame.lemma not in gov.observed_nouns:
        return False
    if frame.lemma in gov.observed_only_nouns and (frame.told != "observed" or any(
            c.dep_ == "compound" and c.pos_ == "NOUN" and not _is_weapon(c, weapons) for c in frame.trigger.children)):
        return False  # "an explosion occurred", "a gas explosion was reported": as often an accident as an attack
    of_slot = "prep:of" in pattern.target_slots
    return not any(p == "of" and not of_slot and not _is_weapon(t, weapons) for p, t in _own_preps(frame.trigger))


def _own_preps(tok: Token) -> list[tuple[str, Token]]:
    return [(c.lower_, g) for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]


def _with_partner(frame: Frame, sources: list[list[Token]]) -> bool:
    """"Bahrain restored relations with Qatar", "Indian troops clashed with Chinese soldiers": a verb's doer
    named as subject and a partner in a "with" phrase is the doer's act only; the reverse is coded when both
    are the subject ("India and China clashed") or the parties of a "between" phrase. Event nouns keep their
    pattern's reading: "held talks with" is coded both ways, as the PETRARCH2 gold set codes it."""
    return frame.kind == "verb" and bool(sources) and any(prep == "with" for prep, _ in frame.preps + frame.object_preps)


def _is_amount(tok: Token, amount_heads: tuple[str, ...]) -> bool:
    """"$2 billion", "50 million euros", "1,000 tons": a number or money head."""
    return tok.like_num or tok.tag_ == "$" or tok.lower_ in amount_heads or any(
        c.like_num or c.tag_ == "$" for c in tok.children if c.dep_ in {"nummod", "quantmod", "compound"})


def _is_definite(tok: Token) -> bool:
    """"the missiles", "these rockets": a weapon the story has already named, so someone already fired it
    ("a roadside bomb", "rockets" are new: their doer is unknown)."""
    return any(c.dep_ == "det" and c.lower_ in {"the", "these", "those", "this", "that"} for c in tok.children)


def _is_weapon(tok: Token, weapons: set[str]) -> bool:
    """"bomb", "a roadside bomb", "a car bomb explosion", "the blast of a mortar shell"."""
    if lemma_of(tok) in weapons or tok.lower_ in weapons or tok.lower_.removesuffix("s") in weapons:
        return True  # the last: "Rockets struck ..." opening a sentence is lemmatised as a name
    return any(c.dep_ in {"compound", "amod", "nmod"} and (lemma_of(c) in weapons or c.lower_ in weapons)
               for c in tok.children)


def _weapon_agent(weapon: Token, weapons: set[str] | None = None) -> list[Token]:
    """Who a weapon belongs to: the by-agent of a participle on it ("a bomb planted by militants", "a missile
    fired by rebels"), else a possessor or a national modifier ("Iranian ballistic missiles", "Russian
    shelling", "Israel's air strikes")."""
    for acl in (c for c in weapon.children if c.dep_ == "acl"):
        # "a missile believed to be fired by rebels": the agent may sit in a clause under the participle
        for agent in (t for t in acl.subtree if t.dep_ == "agent"):
            return [p for p in agent.children if p.dep_ == "pobj"]
    weapons = weapons or set()
    return [c for c in weapon.children if (c.dep_ == "poss" or (
        c.dep_ in {"amod", "compound", "nmod"} and c.ent_type_ in {"NORP", "GPE"}))
            and lemma_of(c) not in weapons and c.lower_ not in weapons]


def _weapon_adjunct(trigger: Token, weapons: set[str]) -> Token | None:
    """"was killed in a car bomb explosion", "died in a rocket attack", "killed by Russian shelling": the
    weapon of a passive act."""
    if not any(c.dep_ == "nsubjpass" for c in trigger.children) and trigger.pos_ == "VERB":
        return None
    for c in trigger.children:
        if (c.dep_ == "prep" and c.lower_ in {"in", "by"}) or c.dep_ == "agent":
            for p in c.children:
                if p.dep_ in {"pobj", "pcomp"} and _is_weapon(p, weapons):
                    return p
    return None


def _predicate(trigger: Token, support_verbs: tuple[str, ...]) -> Token:
    """The verb that carries tense and modals for an event: the trigger itself, or for an event noun the
    support verb it is the object of ("is prepared to impose a curfew" -> impose)."""
    if trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ in {"dobj", "nsubjpass"} and \
            trigger.head.lemma_.lower() in support_verbs:
        return trigger.head
    return trigger


def _auxiliaries(verb: Token, intent_adjectives: tuple[str, ...]) -> set[str]:
    """Modals and auxiliaries of a verb, and of the copula when the verb completes an intent adjective:
    "must be ready to negotiate" puts "must" on the negotiating."""
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in intent_adjectives and head.dep_ == "acomp":
        aux |= {c.lower_ for c in head.head.children if c.dep_ in {"aux", "auxpass"}}
    return aux


def _has_condition(verb: Token) -> bool:
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
               for c in verb.children)


def _condition_party(verb: Token) -> list[Token]:
    """Who acts in the verb's "if"/"unless" clause: its active subject, or the by-agent of a passive one
    ("if Iran were attacked" names the victim, so no one)."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in {"if", "unless"}
                                             for m in clause.children):
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        agents = [p for a in clause.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        return [x for t in (subjects or agents) if t.pos_ in {"PROPN", "NOUN"} for x in expand(t)]
    return []


# modals of possibility: with a condition attached they announce what the actor will do ("may cut aid if")
POSSIBLE_AUX = {"may", "might", "could", "can"}


def _is_future(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children)


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok = tok.head
        depth += 1
    return depth


def _consume_subtree_frames(comp: Frame, by_trigger: dict[int, Frame], consumed: set[int]) -> None:
    """A governed act takes its object event nouns and the acts chained under it with it: "refused to allow
    the planes to land and evacuate the observers" refuses the evacuation too."""
    for obj in comp.objects:
        if obj.i in by_trigger:
            consumed.add(obj.i)
    consumed.update(_amount_nouns(comp, by_trigger))
    stack = [c for c in comp.trigger.children if c.dep_ in {"xcomp", "ccomp", "conj"}]
    while stack:
        tok = stack.pop()
        if tok.i in by_trigger:
            consumed.add(tok.i)
        stack += [c for c in tok.children if c.dep_ in {"xcomp", "ccomp", "conj"}]


def _amount_nouns(verb: Frame, by_trigger: dict[int, Frame]) -> set[int]:
    """Event nouns a verb carries through an amount object ("provide 25,000 tons of food aid"): a coded verb
    already tells that act, so the noun is not coded again."""
    objects = {o.i for o in verb.objects}
    return {i for i, f in by_trigger.items() if f.kind == "noun" and f.support_verb is not None
            and f.support_verb.i == verb.trigger.i and f.trigger.head.head.i in objects}


def _slot_groups(frame: Frame, slots: tuple[str, ...], by_trigger: dict[int, Frame]) -> list[list[Token]]:
    """One token group per named argument slot, in the pattern's order of preference.

    An event noun in a slot stands for its agent ("condemned the US assassination" -> the US), so its
    own subjects come first, then the noun itself.
    """
    groups: list[list[Token]] = []
    for slot in slots:
        toks = _slot_tokens(frame, slot)
        nominal = [a for t in toks if t.i in by_trigger and t.i != frame.trigger.i for a in by_trigger[t.i].subjects]
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
    elif slot.startswith("prep:"):
        toks = frame.prep_objects((slot[5:],))
        if not toks and slot == "prep:of" and frame.kind == "verb":
            # "demanded the withdrawal of Serbian forces", "urged the release of the journalists": the "of"
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
