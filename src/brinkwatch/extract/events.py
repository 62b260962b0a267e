"""Frames -> event drafts: pattern matching, governors, reported speech, argument slots.

A draft is an event before it has resolved actors and attributes: the CAMEO code, the pattern id, the
trigger, the tokens its source and target come from, and what the frame says about its modality. The
rules here are general English: a governor (threaten, ask, refuse, agree ...) codes its complement
event through a category table; a speech verb (say, claim, deny) passes the complement through with
its speaker kept; a support verb ("launch an attack") lends its subject to the event noun.

The ``Draft`` record and the reading of its argument slots live in ``extract.drafts``; why a draft is the
sentence's context rather than its news (its occasion, purpose, charge ...) in ``extract.occasions``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from brinkwatch.extract.drafts import (
    Draft,
    amount_nouns,
    distinct,
    is_amount,
    is_definite,
    is_weapon,
    slot_groups,
    told_without_doer,
    weapon_adjunct,
    weapon_agent,
    with_partner,
)
from brinkwatch.extract.occasions import (
    SentenceRoles,
    background_reason,
    prevented_reason,
    setting_reason,
    undone_reason,
)
from brinkwatch.extract.patterns import Pattern, PatternBook, is_date_word
from brinkwatch.nlp.frames import Frame, expand, finite_governor, for_to_clause, lemma_of, sentence_frames

FUTURE_AUX = {"will", "would", "'ll", "shall"}

__all__ = ["Draft", "SentenceCoder", "background_reason"]


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
        out = distinct(out)  # before the per-draft reading below, which walks the trigger's phrase
        for draft in out:
            self._reporting_context(draft)
            self._intent_or_demand(draft)
        out += self._bare_demands(frames, out)
        _answer_requests(out, self.book)
        roles = SentenceRoles.of(out, by_trigger, self.gov)
        for draft in out:
            draft.background = undone_reason(draft.trigger, self.gov.undoing_verbs) or \
                background_reason(draft.trigger, self.gov.background_preps, self.gov.speech_verbs,
                                  self.gov.causative_verbs, self.gov.decider_nouns) or \
                roles.object_reason(draft) or roles.phrase_reason(draft.trigger) or \
                prevented_reason(draft.trigger, self.gov.preventing_verbs) or \
                setting_reason(draft.trigger, self.gov.setting_nouns, self.gov.setting_preps)
            draft.predicate = _predicate(draft.trigger, self.gov.support_verbs)
        _helping_purposes(out, self.gov.passthrough_verbs)
        # what a without-phrase names, or a verb undoes, was not done: not even a sentence with no other act reports it
        return [draft for draft in out if draft.background != "not done"]

    def _bare_demands(self, frames: list[Frame], drafts: list[Draft]) -> list[Draft]:
        """"The ministry stated that Chile must lower its duties": a reported "must" is a demand by the
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
        if specific is not None and (specific.object or specific.complement):
            gov_class = None  # "declined to comment", "offered condolences": a fixed phrase, not a governor
            for comp in frame.complements:  # the phrase includes its complement: code it once
                if comp.dep_ == "xcomp" and lemma_of(comp) in specific.object + specific.complement:
                    consumed.add(comp.i)
        if gov_class is not None:
            derived = self._code_governed(frame, gov_class, by_trigger, consumed)
            if derived:
                return derived
            assent = self._assent(frame, gov_class)
            if assent is not None:
                return [assent]
        if specific is None and frame.kind == "verb" and frame.lemma in self.gov.deny_verbs + self.gov.negating_verbs:
            return []  # its complement is coded on its own turn, with modality denied/negated
        pattern = specific
        if pattern is None:
            return []
        if frame.kind == "verb" and frame.lemma in self.gov.speech_verbs and pattern.code[:2] == "13":
            reported = [(c, self.book.match(by_trigger[c.i])) for c in frame.complements
                        if c.dep_ == "ccomp" and c.i in by_trigger and by_trigger[c.i].subjects]
            reported = [(c, p) for c, p in reported if p is not None]
            if any(p.code[:2] >= "10" for _, p in reported):
                return []  # "warned that Tehran would strike US bases": the reported act is the event, not a bare warning
            # "warned that any attack would meet a crushing response": a clause that reports no act against anyone
            # leaves the warning as the event, and its verb ("meet") is no meeting
            consumed.update(c.i for c, _ in reported)
        if frame.kind == "verb":
            # "imposed sanctions on X" codes through the noun; the verb pattern takes the object noun
            for obj in frame.objects:
                if pattern.object and obj.i in by_trigger:
                    consumed.add(obj.i)
            consumed.update(amount_nouns(frame, by_trigger))  # "provided $70 million of aid": one act
            if pattern.prep_noun:  # "called for a ceasefire": the phrase is the appeal, not a ceasefire
                for tok in frame.prep_objects(pattern.prep):
                    if lemma_of(tok) in pattern.prep_noun and tok.i in by_trigger:
                        consumed.add(tok.i)
        return [self._draft(frame, pattern, by_trigger)]

    def _draft(self, frame: Frame, pattern: Pattern, by_trigger: dict[int, Frame]) -> Draft:
        sources = slot_groups(frame, pattern.source, by_trigger)
        causes = set(self.gov.inanimate_causes)
        weapons = set(self.gov.unattributed_weapons)
        violent = pattern.code[:2] in self.gov.violent_roots
        unattributed = violent and any(is_weapon(t, weapons) for group in sources for t in group)
        refers_back = unattributed and all(is_definite(t) for group in sources for t in group
                                           if is_weapon(t, weapons))
        if unattributed:
            # "a roadside bomb planted by Palestinian militants": the weapon's own agent did it
            owners = [x for group in sources for t in group if is_weapon(t, weapons) for x in weapon_agent(t, weapons)]
            if owners:
                sources, unattributed = [owners], False
        sources = [kept for group in sources
                   if (kept := [t for t in group if lemma_of(t) not in causes and not (violent and is_weapon(t, weapons))])]
        if violent and not sources:
            adjunct = weapon_adjunct(frame.trigger, weapons)
            if adjunct is not None:  # "killed by Russian shelling": the shelling's owner, else unknown forces
                owners = weapon_agent(adjunct, weapons)
                sources, unattributed = ([owners], False) if owners else (sources, True)
        if (violent or pattern.code in self.gov.custody_codes) and not sources and frame.passive \
                and not frame.inherited_subject:
            # "seven people were shot dead in Culiacan", "a convoy came under fire": violence with no doer named;
            # "four suspects were arrested near Tsafe": an arrest with no doer named (the place's police)
            unattributed = True
        # "heavy fighting broke out in X": the coder falls back on unidentified forces when no source resolves
        told = violent and told_without_doer(frame, pattern, self.gov, weapons)
        if frame.kind == "noun" and frame.fallback_subjects:
            # "the US reaffirmed its pledge": a possessive pronoun is the support verb's subject
            if sources and all(t.pos_ == "PRON" for t in sources[0]):
                sources.insert(0, list(frame.fallback_subjects))
            else:
                sources.append(list(frame.fallback_subjects))
        # "the fire was returned", "opened fire ..., and the fire was returned": no doer named (the one a passive
        # conjunct inherits is the attacker's), so the one the last attack hit replies to the attacker
        answers = violent and frame.passive and frame.lemma in self.gov.return_verbs and (
            not sources or frame.inherited_subject)
        if answers:
            sources = []
        targets = slot_groups(frame, pattern.target_slots, by_trigger)
        if pattern.prep_noun and frame.kind == "verb":
            # "left for Brazil for a state visit": beside a place, the phrase's noun says what the act is; alone
            # it is the target ("called in the ambassador")
            targets = [[t for t in group if lemma_of(t) not in pattern.prep_noun] or group for group in targets]
        if pattern.symmetric and not targets:
            # "met his Bangladeshi counterpart and signed three agreements": the partner of the first act
            targets = self._partner_of_meeting(frame, by_trigger)
        return Draft(
            code=pattern.code, pattern=pattern.id, trigger=frame.trigger,
            source_groups=sources, target_groups=targets, symmetric=pattern.symmetric,
            reverse_code=pattern.reverse_code, nonstate_code=pattern.nonstate_code, crowd_code=pattern.crowd_code,
            one_way_with_target=pattern.one_way_with_target or (pattern.symmetric and with_partner(frame, sources)),
            prior=pattern.confidence, inherited=frame.inherited_subject,
            modality="negated" if frame.negated else self.gov.speech_act_modality.get(pattern.code[:2]),
            unattributed=unattributed and not sources, refers_back=refers_back and unattributed and not sources,
            told_as_noun=told,
            answers_attack=answers,
            repels_attack=violent and frame.kind == "verb" and frame.lemma in self.gov.repel_verbs and any(
                o.i in by_trigger and not _names_doer(by_trigger[o.i]) for o in frame.objects),
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
        preps = {p for p, t in frame.preps if not is_date_word(t)}  # "called a strike on Monday"
        # "called on X to ...", and with its own subject "called for X to ...": both ask X
        asked_for = needed == "on" and any(for_to_clause(c) for c in frame.complements)
        if needed and frame.particle != needed and not ({needed, "upon"} & preps and needed == "on") and not asked_for:
            return None
        if not needed and frame.particle:
            return None
        if frame.lemma in self.gov.speech_verbs and not any(
                c.dep_ == "xcomp" or mandative(c, self.gov.demand_modals) for c in frame.complements):
            return None  # "told reporters that ..." reports; "told Manila to leave", "insisted that Y leave" demand
        return name

    def _complements(self, frame: Frame, by_trigger: dict[int, Frame]) -> list[Frame]:
        comps = [by_trigger[c.i] for c in frame.complements if c.i in by_trigger]
        # event nouns as objects or as objects of to/for/with: "threatened retaliation", "called for a ceasefire"
        nouns = list(frame.objects) + [t for p, t in frame.preps if p in {"for", "to", "with", "on"}]
        # "promised $2 billion in economic aid": an amount stands in the event noun's place
        nouns += [p for obj in frame.objects if obj.i not in by_trigger and is_amount(obj, self.gov.amount_heads)
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
            if comp.kind == "noun" and self._carries_noun(frame, gov_class):
                continue
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
                # an uncoded complement leaves what hangs under it to be coded, unless the governor says it did
                # not happen: "refused to let the convoys cross and unload food" unloaded nothing
                if inner_code is not None or _denies_complement(frame, gov_class):
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

    def _assent(self, frame: Frame, gov_class: str) -> Draft | None:
        """"Agreed to the Egyptian proposal", "agreed to a one-year extension of the mission": assent to what
        another put forward is an intent to cooperate (030), as the CAMEO.2.0 dictionary codes AGREE (TO
        PROPOSAL); whom it is aimed at is read from the proposal's phrase ("the Turkish plan", "in Mali")."""
        if gov_class != "commit" or frame.negated or not frame.subjects:
            return None
        if not any(p == "to" and lemma_of(t) in self.gov.proposal_nouns for p, t in frame.preps):
            return None
        code = self.book.derived_code(gov_class, None)
        return Draft(code=code, pattern=f"commit>{frame.lemma}.to.proposal", trigger=frame.trigger,
                     source_groups=[list(frame.subjects)], target_groups=[], modality=self.gov.classes[gov_class].modality,
                     prior=0.6, inherited=frame.inherited_subject) if code else None

    def _carries_noun(self, frame: Frame, gov_class: str) -> bool:
        """"Undertook to withdraw" is an intent, but "undertook a fact-finding mission" carried the mission out:
        an intent verb that is also a support verb lends its event-noun object its subject (the noun codes)."""
        return gov_class == "intent" and frame.lemma in self.gov.support_verbs

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
            sender = self._message_sender(tok)
            if sender:
                draft.speech_verb, draft.speaker = tok.head, sender
                self._speaker_is_subject(draft)
                return
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


    def _message_sender(self, clause: Token) -> list[Token]:
        """"Sent a stern note to Serbia that it must respect the border", "delivered a message to Islamabad that
        it should stop ...": a that-clause with a modal of obligation, told as the content of a message its
        sender issued, is the sender's demand (as "said Serbia must ..." is the speaker's)."""
        if not any(c.dep_ == "aux" and c.lower_ in self.gov.demand_modals for c in clause.children) or not any(
                c.dep_ == "nsubj" and c.lower_ not in {"that", "which", "who"} for c in clause.children):
            return []
        head = clause.head
        nouns = set(self.gov.message_nouns)
        if clause.dep_ in {"acl", "relcl"} and lemma_of(head) in nouns and head.dep_ == "dobj":
            verb = head.head
        elif clause.dep_ == "ccomp" and any(c.dep_ == "dobj" and lemma_of(c) in nouns for c in head.children):
            verb = head
        else:
            return []
        return [x for s in verb.children if s.dep_ == "nsubj" for x in expand(s)]

    def _speaker_is_subject(self, draft: Draft) -> None:
        """"Iran said it would ...": a pronoun subject of a reported clause is, first of all, the speaker.

        "Minsk said the manoeuvres were defensive and accused Poland of ...": the parser hangs the second verb on
        the reported clause, so it inherits that clause's subject ("the manoeuvres"). A verbal act (an appeal,
        accusation, demand, rejection, threat: roots 01-14) whose inherited subject is a common noun falls back
        on the speaker when that noun names no actor; a named or actor subject ("Police said protesters gathered
        and demanded ...") is still tried first."""
        if draft.speaker and draft.source_groups and all(t.pos_ == "PRON" for t in draft.source_groups[0]):
            draft.source_groups.insert(0, list(draft.speaker))
            draft.speaker_is_source = True
            return
        trigger = draft.trigger
        if (draft.speaker and draft.inherited and trigger.dep_ == "conj" and draft.code[:2] <= "14"
                and trigger.head.dep_ == "ccomp" and draft.speech_verb is not None
                and trigger.head.head.i == draft.speech_verb.i
                and draft.source_groups and all(t.pos_ == "NOUN" for t in draft.source_groups[0])):
            draft.source_groups.append(list(draft.speaker))

    def _intent_or_demand(self, draft: Draft) -> None:
        """Future and intended acts are intents (03) or threats (13); "X said Y must ..." is a demand (10);
        "X will not attend talks" refuses them (12)."""
        trigger = _predicate(draft.trigger, self.gov.support_verbs)
        aux = _auxiliaries(trigger, self.gov.intent_adjectives)
        if (draft.modality == "negated" and draft.embedded is None and aux & FUTURE_AUX and draft.code[:2] < "10") \
                or self._failed(draft, trigger):
            failed = self._failed(draft, trigger)
            refused = self.book.derived_code("reject", draft.inner_code if failed and draft.inner_code else draft.code)
            if refused is not None:
                draft.code, draft.pattern, draft.modality = refused, f"reject>{draft.pattern}", "refused"
                draft.symmetric = draft.symmetric and failed  # a failed joint act is still between its parties
            return
        if draft.embedded is not None or draft.modality is not None or draft.code[:2] in self.gov.speech_act_modality:
            return
        if draft.speaker and aux & set(self.gov.demand_modals) and not (
                trigger.dep_ in ("advcl", "ccomp") and is_condition_clause(trigger)):  # "should Turkey send": a condition
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

    def _failed(self, draft: Draft, predicate: Token) -> bool:
        """"Failed to reach a deal", "failed to agree on a truce": a failed joint act is its rejection (12x)."""
        joint = draft.code[:2] in self.gov.failed_roots or draft.pattern.startswith("commit>")
        return joint and predicate.dep_ == "xcomp" and lemma_of(predicate.head) in self.gov.failure_verbs

    def make_intent(self, draft: Draft) -> None:
        category = self.book.category(draft.code)
        table = self.gov.classes["intent"].codes
        if category in self.gov.decision_categories and not _has_condition(_predicate(draft.trigger, self.gov.support_verbs)):
            return  # "announced it would stop all funding": a decision, planned; with "if ..." it is a threat
        if lemma_of(draft.trigger) in self.gov.continuation_verbs:
            return  # "would keep the crossings closed": the closure holds and goes on, planned
        if category in table and table[category] != "keep":
            draft.inner_code = draft.inner_code or draft.code
            draft.code, draft.pattern = table[category], f"intent>{draft.pattern}"
            # "A and B will meet" is both sides' intent; "A will meet B" is A's
            draft.one_way_with_target = True
            if draft.code.startswith("13"):
                draft.modality = "threatened"


def _names_doer(noun: Frame) -> bool:
    """"an al-Shabaab assault", "Russia's attack" name a doer; "a second assault" does not ("second" is no party)."""
    return any(s.pos_ in {"PROPN", "NOUN", "PRON"} or s.ent_type_ in {"NORP", "GPE", "ORG"} for s in noun.subjects)


def _helping_purposes(drafts: list[Draft], passthrough_verbs: tuple[str, ...] = ()) -> None:
    """"Returned fire to protect the civilians", "deployed troops to shield aid convoys": a cooperative act
    (roots 01-09) named as the purpose of an act of conflict says whom the act was for, not against whom: its
    phrase gives the conflict act no target ("opened fire to disperse the protesters" still does). Through a
    pass-through verb too: "opened fire to help protect the convoy"."""
    for purpose in drafts:
        if purpose.background != "purpose" or purpose.code[:2] >= "10":
            continue
        head = purpose.trigger.head
        if purpose.trigger.dep_ == "xcomp" and lemma_of(head) in passthrough_verbs and head.dep_ == "advcl":
            head = head.head
        for main in drafts:
            if main.code[:2] >= "10" and (main.predicate or main.trigger).i == head.i:
                main.helping_purposes.add(purpose.trigger.i)


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


_INVERTED_CONDITION = frozenset({"should", "were", "had"})


def is_condition_clause(clause: Token) -> bool:
    """An "if"/"unless" clause, or one whose auxiliary comes before its subject ("should North Korea fire
    another missile", "were Iran to close the strait", "had the rebels attacked"): the condition of a threat."""
    if any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in clause.children):
        return True
    subjects = [c.i for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and clause.i > 0 and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in _INVERTED_CONDITION and c.i < min(subjects)
        and c.i == clause.left_edge.i for c in clause.children)


def _has_condition(verb: Token) -> bool:
    return any(c.dep_ == "advcl" and is_condition_clause(c) for c in verb.children)


def _condition_party(verb: Token) -> list[Token]:
    """Who acts in the verb's "if"/"unless" clause: its active subject, or the by-agent of a passive one
    ("if Iran were attacked" names the victim, so no one)."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or not is_condition_clause(clause):
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


def _denies_complement(frame: Frame, gov_class: str) -> bool:
    """A refusal ("declined to let police enter and arrest"), or a governor under negation ("did not allow
    convoys to deliver food"), says the acts chained under its complement did not happen."""
    return gov_class == "reject" or frame.negated


def _consume_subtree_frames(comp: Frame, by_trigger: dict[int, Frame], consumed: set[int]) -> None:
    """A governed act takes its object event nouns and the acts chained under it with it: "declined to let
    the ships dock and unload the grain" refuses the unloading too."""
    for obj in comp.objects:
        if obj.i in by_trigger:
            consumed.add(obj.i)
    consumed.update(amount_nouns(comp, by_trigger))
    def chained(tok: Token) -> bool:  # not a finite verb the parser hung there ("... to hand in weapons and urges")
        return tok.dep_ in {"xcomp", "ccomp", "conj"} and finite_governor(tok) is None

    stack = [c for c in comp.trigger.children if chained(c)]
    while stack:
        tok = stack.pop()
        if tok.i in by_trigger:
            consumed.add(tok.i)
        stack += [c for c in tok.children if chained(c)]


def mandative(clause: Token, demand_modals) -> bool:  # noqa: ANN001
    """"insisted that Cambodia reopen the crossings", "insisted Egypt must withdraw": a that-clause whose verb is
    the bare (subjunctive) form or carries a modal of obligation says what must be done, not what is the case
    ("insisted that it had not violated", "insists its troops are not targeting civilians")."""
    if clause.dep_ != "ccomp" or not any(c.dep_ == "nsubj" for c in clause.children):
        return False
    aux = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in demand_modals for a in aux):
        return True
    return clause.tag_ == "VB" and not aux
