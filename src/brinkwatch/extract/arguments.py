"""Arguments -> actors: which actors an event draft's argument slots name, and who acts on whom.

The stage between the pattern layer (``extract.events`` gives drafts: a code and the token groups its source
and target are read from) and the event records (``extract.coder``). ``ArgumentResolver.pairs`` turns a
draft's slots into (source, target) actor pairs with CAMEO practice for what the text leaves out: parties of
symmetric events, "the two leaders", "each other", default and nearby targets, places as targets, violence
with no named doer (unidentified forces of the place). ``in_context`` gives sector-only actors the one
country the sentence, or the story (``story_countries``), leaves for them; a state never acts on itself.
"""

from __future__ import annotations

import bisect
import itertools

from spacy.tokens import Doc, Span, Token

from brinkwatch.actors import ActorKB
from brinkwatch.actors.context import story_countries
from brinkwatch.actors.kb import pieces
from brinkwatch.extract.events import Draft, is_condition_clause
from brinkwatch.extract.patterns import PatternBook
from brinkwatch.geo import Gazetteer
from brinkwatch.model import Actor, Place
from brinkwatch.nlp.frames import lemma_of, stranded_clause_subject


class ArgumentResolver:
    """Resolves a draft's argument slots to actor pairs; one per Coder (holds the rules and the gazetteer)."""

    def __init__(self, book: PatternBook, kb: ActorKB, gazetteer: Gazetteer) -> None:
        self.book = book
        self.kb = kb
        self.gazetteer = gazetteer
        # roots of force, where an armed actor's act on a place of its own country is an event
        self._forceful_roots = frozenset({"17", *book.governors.violent_roots})
        # objects a pattern names but does not take as its target: what is sent, moved or used
        self._pattern_objects = {p.id: p.object for p in book.patterns
                                 if p.object and "object" not in p.target_slots}

    def _resolve(self, actors, tokens: list[Token], as_target: bool = False) -> list[Actor]:
        out: list[Actor] = []
        if as_target:
            tokens = [origin for tok in tokens for origin in _trade_origins(tok, self.book.governors.trade_nouns)]
        for tok in tokens:
            found = _coordinated_modifiers(actors, tok) or self._pair_reference(actors, tok) or \
                actors.pronoun_pair(tok) or [_resolve_with_fallback(actors, tok)]
            if as_target:
                found = [self._occupant(actors, tok) or actor for actor in found]
            siblings: list[Actor] = []  # several actors read off one token share its span
            for actor in found:
                if actor is None:
                    continue
                overlapping = [a for a in out if _overlaps(a, actor) and a not in siblings]
                siblings.append(actor)
                if not overlapping:
                    out.append(actor)
                elif all(actor.confidence > a.confidence for a in overlapping) and len(found) == 1:
                    # "the armed group Boko Haram": one actor named twice; keep the surer reading
                    out = [a for a in out if a not in overlapping] + [actor]
        return out

    def _occupant(self, actors, tok: Token) -> Actor | None:
        """ "two bases in Iraq that house US troops", "a base used by coalition forces": a base is the force
        that holds it, when the text names that force; the host country is only the place."""
        rules = self.book.governors
        # the lemmatiser reads "bases" as "basis": the plain plural counts too
        if not {tok.lemma_.lower(), tok.lower_, tok.lower_[:-1]} & set(rules.base_nouns):
            return None
        for clause in _occupant_clauses(tok):
            if clause.lemma_.lower() not in rules.occupant_verbs:
                continue
            holders = [c for c in clause.children if c.dep_ in {"dobj", "obj"}]
            holders += [g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            for holder in holders:
                actor = _resolve_with_fallback(actors, holder)
                if actor is not None and actor.country and actor.sector == "MIL":
                    return actor
        return None

    def _pair_reference(self, actors, tok: Token) -> list[Actor]:
        """"The two leaders agreed ...", "both sides", "the two countries": the last two states named before,
        with the sector the noun gives ("leaders" GOV, "armies" MIL)."""
        rules = self.book.governors.pair_nouns
        lemma = tok.lemma_.lower()
        if lemma not in rules or tok.tag_ not in {"NNS", "NNPS"}:
            return []
        words = {c.lower_ for c in tok.children if c.dep_ in {"det", "nummod", "predet", "amod"}}
        if not ({"two", "both"} & words):
            return []
        seen: list[Actor] = []
        speaker = _subject_span(tok)  # "Uzbekistan's president congratulated both leaders": not one of them
        for mention in sorted(actors.mentions, key=lambda a: a.start or 0, reverse=True):
            if mention.start is None or mention.start >= tok.idx or not mention.country or \
                    len(mention.country) != 3 or mention.country in NON_STATE_PREFIXES or \
                    _venue(tok.doc, mention) or speaker[0] <= mention.start < speaker[1] or \
                    (mention.kb_id or "").startswith(("city:", "region:")):  # "the Fergana Valley" is no side
                continue
            if all(m.country != mention.country for m in seen):
                seen.append(mention)
            if len(seen) == 3:
                break
        seen = _lead_pair(seen, actors.mentions, tok)
        if len(seen) < 2:
            return []
        sector = rules[lemma] or None
        return [Actor(code=m.country + (sector or ""), country=m.country, sector=sector, text=tok.text,
                      start=tok.idx, end=tok.idx + len(tok.text), resolution="coref",
                      confidence=round(0.7 * m.confidence, 3)) for m in reversed(seen)]

    def _first_group(self, actors, groups: list[list[Token]], as_target: bool = False) -> list[Actor]:
        for group in groups:
            found = self._resolve(actors, group, as_target)
            if found:
                return found
        return []

    def sources(self, draft: Draft, actors) -> list[Actor]:
        """The actors the draft's first resolving source slot names (what ``pairs`` starts from)."""
        return self._first_group(actors, draft.source_groups)

    def pairs(self, draft: Draft, actors) -> list[tuple[Actor, Actor | None]]:
        sources = self._first_group(actors, draft.source_groups)
        reacted = reacted_act(draft, self.book.governors)
        if not sources and reacted is not None:
            sources = self._resolve(actors, _reaction_from(draft.trigger))
        if not sources:
            sources = self._outer_subject(draft, actors)
        if not sources:
            sources = self._document_author(draft, actors)  # "the Senate passed a motion urging ..."
        target_groups = draft.target_groups
        if not sources and (subject := _stranded_subject(draft)) is not None:
            sources = self._resolve(actors, [subject])
            target_groups = [[t for t in group if t.i != subject.i] for group in target_groups]
        if not sources and draft.symmetric:
            # "clashes between Armenia and Azerbaijan": the parties of a symmetric event are its actors
            parties = self._first_group(actors, draft.target_groups)
            return _between(parties)
        if not sources:
            return []  # CAMEO needs an actor that acts; an unknown agent is not guessed
        targets = self._first_group(actors, target_groups, as_target=True)
        if not targets and draft.code[:2] in self.book.governors.crowd_control_roots:
            targets = _gathered_crowd(draft, self.book.governors.gathering_nouns)  # "dispersed the rally"
        if draft.code[:2] in self._forceful_roots:
            targets = [_not_own(actors, draft.trigger.doc, t, sources) for t in targets]
        # an actor is not its own target: the same span, or the very same code ("the US denied entry to the US")
        targets = [t for t in targets if not any(t.start == s.start or t.code == s.code
                                                 or _same_side(s, t, draft.code[:2] in self._forceful_roots)
                                                 or _own_forces(s, t) for s in sources)]
        if not targets and len(sources) > 1 and _reciprocal(draft.trigger, self.book.governors.shared_modifiers):
            # "India and Pakistan agreed not to attack each other", "Rwanda and Burundi reopened their shared
            # border": each party is the other's target
            return list(itertools.permutations(sources, 2))
        if not targets and reacted is not None:
            targets = self._resolve(actors, [c for c in reacted.children if c.dep_ in {"nsubj", "nsubjpass"}])
            targets = [t for t in targets if not any(t.code == s.code for s in sources)]
        if not targets and not draft.symmetric:
            targets = self._nearby_target(draft, actors, sources)
        if not targets and not draft.symmetric and draft.code[:2] in self.book.governors.warning_roots:
            targets = _conditional_party(draft, actors, sources)
        if not targets and not draft.symmetric:
            targets = self._default_target(draft, sources)
        if not targets and sources and all(s.country is None for s in sources):
            state_bodies = all(s.sector in self.book.governors.state_body_sectors for s in sources) and \
                answers_told_charge(draft, self.book.governors)  # the coder may find whom it answers
            if draft.symmetric and len(sources) > 1 and all(s.sector for s in sources):
                # "army troops and paramilitary fighters clashed": two sectors of no country fight each other; the
                # coder keeps the pair only in a story about one country, whose sides they then are
                return _between(sources)
            if (draft.code[:2] not in self.book.governors.place_target_roots and not state_bodies) or draft.symmetric:
                return _at_dateline_home(self, draft, actors, sources)  # "a protester demolished the building":
                # no country on either side, nothing to count, unless the dateline names the story's one country
            # "insurgents stormed the town of Macomia": the place attacked may still name the target and the
            # sentence's country the doer's; the coder drops the pair if neither side gets a country
            return [(source, None) for source in sources]
        pairs: list[tuple[Actor, Actor | None]] = []
        if draft.symmetric and not targets:
            # a meeting, a clash, an agreement needs two parties: "Egypt discussed the crisis" is no event
            return _between(sources)
        for source in sources:
            for target in targets or [None]:
                pairs.append((source, target))
                if draft.symmetric and target is not None and not draft.one_way_with_target:
                    pairs.append((target, source))
        return pairs

    def _outer_subject(self, draft: Draft, actors, reach: int = 8) -> list[Actor]:
        """"The prosecutor said the mayor was being investigated and accused him of ...", "told reporters that there
        would be no referendum and ruled out early elections": the parser hangs a verb with no subject of its own on
        the verb of a reported clause that tells a state, not an act (a copula, a passive, "there is"), whose
        subject names no doer; the verb is the conjunct of the clause's governor, whose subject (the first one up
        the tree that names an actor with a country) is its doer. Nothing for a verb with a subject of its own ("unknown men burned"), for
        violence whose doer is a weapon, or from a governor told after the clause: in "a mine blast hit the patrol and
        hurt four men, the army said" the army only reports."""
        trigger = draft.trigger
        if trigger.pos_ != "VERB" or trigger.dep_ != "conj" or draft.unattributed or any(
                c.dep_ in {"nsubj", "nsubjpass", "csubj", "auxpass"} for c in trigger.children):
            # a passive conjunct names no doer at all ("said the women had been questioned and would be freed"):
            # the reporter above the clause is not the one who frees them
            return []
        first = trigger
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.dep_ not in {"ccomp", "advcl"} or not (lemma_of(first) == "be" or any(
                c.dep_ in {"nsubjpass", "expl"} for c in first.children)):
            # a conjunct of the main verb shares its subject, which the draft already tried; so does the conjunct
            # of a clause telling an act ("said the faction had seized two offices and detained officials": the
            # faction detained them) or of a relative clause ("the group that seized the town and ...")
            return []
        tok = first.head
        for _ in range(reach):
            if tok.pos_ in {"VERB", "AUX"} and tok.i < first.i:
                for subject in (c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}):
                    found = [a for a in self._resolve(actors, [subject]) if a.country]
                    if found:
                        return found
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return []

    def _document_author(self, draft: Draft, actors) -> list[Actor]:
        """"The Senate passed a motion urging the government to ...", "the embassy issued a statement calling for
        calm", "a resolution by parliament calling on ...": a document that urges, calls or warns speaks for whoever
        issued it: its by-phrase or possessor, else the subject of the verb that passed, adopted or issued it. A
        document someone else only received, rejected or debated ("rejected a motion urging ...") names no author."""
        rules = self.book.governors
        for tok in (t for group in draft.source_groups for t in group):
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in rules.document_nouns:
                continue
            authors = [c for c in tok.children if c.dep_ == "poss"] + [
                pobj for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in ("by", "from")
                for pobj in prep.children if pobj.dep_ == "pobj"]
            verb = tok.head
            if not authors and tok.dep_ in ("dobj", "obj") and lemma_of(verb) in rules.issue_verbs:
                while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
                    verb = verb.head  # "met on Monday and adopted a resolution calling ..."
                authors = [c for c in verb.children if c.dep_ == "nsubj"]
            found = self._resolve(actors, authors)
            if found:
                return found
        return []

    def _default_target(self, draft: Draft, sources: list[Actor]) -> list[Actor]:
        """Targets CAMEO practice supplies when the sentence names none: a state's curfew, martial law or
        reform acts on its own country; a protest is aimed at the protesters' government."""
        rules = self.book.governors
        country = sources[0].country if sources else None
        if not country or len(country) != 3 or country in NON_STATE_PREFIXES:
            return []
        codes = [draft.code] + ([draft.inner_code] if draft.inner_code else [])
        if any(c.startswith(p) for c in codes for p in rules.own_people_codes):
            code = country
        elif draft.code[:2] in rules.protest_default_target.get("roots", ()) and sources[0].sector != "GOV" and (
                sources[0].sector or sources[0].resolution == "demonym"):
            # "Kenyans protested" is aimed at their government; "Manila protested" is that government
            code = country + rules.protest_default_target.get("sector", "")
        else:
            return []
        return [Actor(code=code, country=country, sector=code[3:] or None, text=sources[0].text,
                      resolution="context", confidence=round(sources[0].confidence * 0.6, 3))]

    def _adjective_place(self, doc: Doc, ranges: list[tuple[int, int]]):
        """"shelled the South Korean island of Yeonpyeong": a place noun whose nationality adjective names
        the country it belongs to."""
        place_nouns = set(self.book.governors.place_nouns)
        for lo, hi in ranges:
            for tok in doc.char_span(lo, hi, alignment_mode="expand") or []:
                if tok.pos_ != "NOUN" or tok.lemma_.lower() not in place_nouns:
                    continue
                mods = [c for c in tok.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < tok.i]
                if not mods:
                    continue
                span = doc[min(m.left_edge.i for m in mods):tok.i]
                country = self.kb.adjective_country(pieces(span.text)) or self.kb.adjective_country(
                    pieces(mods[-1].text))
                if country:
                    return Place(name=span.text, country=country, precision="country",
                                 start=span.start_char, end=span.end_char)
        return None

    def sentence_place(self, sent: Span):
        """The one country the sentence's place names agree on ("near the town of Samarra"), else None."""
        found = {}
        for ent in (e for e in _ents_starting_in(sent) if e.end <= sent.end):  # Span.ents scans the whole doc
            if ent.label_ in {"GPE", "LOC", "FAC", "NORP"} and ent.root.dep_ == "pobj" and \
                    ent.root.head.lower_ in {"in", "near", "at", "outside", "around", "of", "into"}:
                # "in Goma, Democratic Republic of Congo" is one entity to the parser: the town, else its country
                place = next((p for part in (ent.text, *ent.text.split(",")) if part.strip()
                              and (p := self.gazetteer.resolve(part.strip())) is not None and p.country), None)
                if place is not None:
                    found.setdefault(place.country, place)
        return next(iter(found.values())) if len(found) == 1 else None

    def unattributed_pairs(self, draft: Draft, actors, place, story_country: str | None = None
                            ) -> list[tuple[Actor, Actor | None]]:
        """"A roadside bomb killed two soldiers in Samarra": violence with no named doer is coded to
        unidentified armed forces (UAF) of the country where it happened (the sentence's place, else the
        story's country: "8 bandits and 2 soldiers were killed" in a Zamfara report); nothing when unknown."""
        if (place is None or not place.country or len(place.country) != 3) and story_country:
            place = Place(name=story_country, country=story_country, precision="country")
        if place is None or not place.country or len(place.country) != 3:
            return []
        targets: list[Actor | None] = list(self._first_group(actors, draft.target_groups, as_target=True))
        if not targets and not draft.told_as_noun:
            return []
        # "fighting broke out in Goma": no party named on either side, so none is guessed as the target
        targets = targets or [None]
        sector = "COP" if draft.code in self.book.governors.custody_codes else "UAF"
        source = Actor(code=place.country + sector, country=place.country, sector=sector, text=draft.trigger.text,
                       start=draft.trigger.idx, end=draft.trigger.idx + len(draft.trigger.text),
                       resolution="place", confidence=0.5)
        # "seven people were shot dead in Culiacan": victims with no country of their own are the place's
        targets = [t if t is None or t.country else t.model_copy(update={
            "country": place.country, "code": place.country + (t.sector or ""), "resolution": "place"})
            for t in targets]
        return [(source, target) for target in targets]

    def _nearby_target(self, draft: Draft, actors, sources: list[Actor]) -> list[Actor]:
        """When no argument slot names a target, take the nearest actor named inside the trigger's own
        phrase (its objects, complements and prepositional phrases; not its subject, not other clauses):
        "pledged armoured vehicles to flood-hit Malawi", "rejected a U.S. request", "restrictions against
        Japanese imports"."""
        ranges = _argument_ranges(draft.trigger, self.book.governors.speech_verbs)
        # then the purpose clause: "reopened the port to allow fuel shipments to Lebanon"
        predicate = draft.predicate or draft.trigger
        clauses = [c for c in predicate.children if c.i not in draft.helping_purposes
                   and c.dep_ == "advcl" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)]
        purpose = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in clauses]
        # "sent equipment to help defend Lithuania": a pass-through verb's complement is the purpose's act
        clauses += [x for c in clauses if lemma_of(c) in self.book.governors.passthrough_verbs
                    for x in c.children if x.dep_ in {"xcomp", "ccomp"} and x.i not in draft.helping_purposes]
        doc = draft.trigger.doc
        taken = [(s.start or 0, s.end or 0) for s in sources]
        speaker = {t.i for tok in draft.speaker for t in tok.subtree}

        def candidates_in(spans: list[tuple[int, int]]) -> list[Token]:
            found = [t for lo, hi in spans for t in doc.char_span(lo, hi, alignment_mode="expand") or []
                     if t.pos_ in {"NOUN", "PROPN"} and t.i not in speaker
                     and not (t.dep_ == "compound" and t.head.pos_ in {"NOUN", "PROPN"})]
            return sorted(found, key=lambda t: abs(t.i - draft.trigger.i))

        in_purpose = [t for t in candidates_in(purpose) if any(_phrase_of(t, c) for c in clauses)]
        # the pattern's own object is what is moved or used, not whom it is aimed at: "moved tanks to the
        # border with Ukraine", "used tear gas on protesters"
        instruments = set(self._pattern_objects.get(draft.pattern.rsplit(">", 1)[-1], ()))
        forceful = draft.code[:2] in self._forceful_roots
        commanded = draft.pattern.startswith(("order>", "order."))  # an order, or an order pattern of its own ("order.v.troops.to")
        # "fired US-made missiles at a depot in Russia", "fired American rockets at": a weapon's maker or
        # supplier, named before it, is not whom it was fired at
        # (an owner's possessive stays: "closed its border crossing" is still the border with someone)
        makers = {t.i for obj in draft.trigger.children if forceful and obj.dep_ in {"dobj", "obj"}
                  and lemma_of(obj) in instruments and not any(c.dep_ == "poss" for c in obj.children)
                  for t in obj.subtree if t.i <= obj.i}
        for tok in candidates_in(ranges) + in_purpose:
            if tok.i in makers or _told_as_not_done(tok, draft.trigger):
                continue
            actor = _resolve_with_fallback(actors, tok)
            if commanded and actor is not None and any(_commanded_forces(s, actor) for s in sources):
                continue
            if forceful and actor is not None:
                actor = _not_own(actors, doc, actor, sources)
            if actor is None or actor.code == "---" or any(s.code == actor.code or _own_forces(s, actor)
                                                           for s in sources):
                continue  # "moved its troops to the border with Guyana": its troops are what it moved
            if not actor.country and tok.dep_ in {"dobj", "conj"} and lemma_of(tok) in instruments:
                continue  # "tanks" (---MIL) is the instrument; "US mediation" still names its owner
            if any((actor.start or 0) < e and s < (actor.end or 0) for s, e in taken):
                continue
            return [actor.model_copy(update={"confidence": round(actor.confidence * 0.85, 3)})]
        return []

    def _ship_name(self, doc: Doc, start: int) -> bool:
        """ "fired at the bulk carrier Norway Pearl": a name after a vessel noun is a ship's, not a place."""
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        index = span.start if span is not None else 0
        while index > 0 and doc[index - 1].pos_ == "PROPN":
            index -= 1
        return index > 0 and doc[index - 1].text.islower() and doc[index - 1].lower_ in self.kb.vessel_nouns

    def place_as_target(self, draft: Draft, pairs, place) -> list:
        """"Russian artillery pounded Kherson": a city attacked, visited or blockaded stands for its country
        when no actor fills the target slot (the place must be named inside the trigger's own phrase). A
        name the actor base does not know ("laid siege to Mariupol" -> ``---``) yields to the place too."""
        # a name no actor base knows, or a gathering no side gives a country yet ("gunmen attacked a funeral
        # procession in Plateau state": the place says where)
        def open_slot(s: Actor, t: Actor | None) -> bool:
            return t is None or t.code == "---" or (t.resolution == "gathering" and not (t.country or s.country))

        unknown = any(t is not None and t.code == "---" for _, t in pairs)
        if not any(open_slot(s, t) for s, t in pairs) or \
                (draft.code[:2] not in self.book.governors.place_target_roots and not unknown):
            return pairs
        ranges = _argument_ranges(draft.trigger, self.book.governors.speech_verbs)
        if draft.predicate is not None and draft.predicate.i != draft.trigger.i:  # "laid siege to Mariupol"
            ranges += _argument_ranges(draft.predicate, self.book.governors.speech_verbs)
        found = None
        if place is not None and place.country and place.start is not None and \
                any(lo <= place.start < hi for lo, hi in ranges):
            found = place
        else:
            for text, start, end in _place_names(draft.trigger.sent):
                if any(lo <= start < hi for lo, hi in ranges) and not self._ship_name(draft.trigger.doc, start):
                    found = self.gazetteer.resolve(text)
                    if found is not None and found.country:
                        found = found.model_copy(update={"start": start, "end": end})
                        break
        if found is None or not found.country:
            found = self._adjective_place(draft.trigger.doc, ranges)
        if (found is None or not found.country) and unknown and place is not None and place.country:
            found = place  # "captured the border town of Badme": an unknown name, the event's place says where
        if found is None or not found.country:
            return pairs
        target = Actor(code=found.country, country=found.country, text=found.name, start=found.start,
                       end=found.end, name=found.name, resolution="place", confidence=0.6)
        return [(s, t if not open_slot(s, t) or s.country == found.country else target) for s, t in pairs]


# dependents of a trigger whose phrases belong to the event's subject or to another clause
_NOT_ARGUMENTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "advcl", "conj", "cc", "parataxis",
                  "punct", "mark", "relcl", "aux", "auxpass", "neg", "det", "poss", "appos", "npadvmod"}


_NAMES_KEY = "brinkwatch.arguments.place_names"


def _place_names(sent: Span) -> list[tuple[str, int, int]]:
    """(text, start, end) of the names in the sentence that may be places, once per sentence: the small
    parser's NER misses many towns, so a proper-noun object is looked up as well."""
    cache = sent.doc.user_data.setdefault(_NAMES_KEY, {})
    if (sent.start, sent.end) not in cache:
        names = [(e.text, e.start_char, e.end_char) for e in _ents_starting_in(sent)
                 if e.label_ in {"GPE", "LOC", "FAC", "NORP"}]
        names += [(t.text, t.idx, t.idx + len(t.text)) for t in sent.doc[sent.start:sent.end]
                  if t.pos_ == "PROPN" and t.dep_ in {"dobj", "pobj"}
                  and not (t.ent_iob_ == "I" and t.ent_type_ in {"GPE", "LOC", "FAC", "NORP"})]  # "Sea" of "the Red Sea"
        cache[(sent.start, sent.end)] = names
    return cache[(sent.start, sent.end)]


def _ents_starting_in(sent: Span) -> list[Span]:
    """The entities that start inside ``sent``, read off its tokens: ``Doc.ents`` builds every entity of
    the document, so asking it once per event made long articles quadratic. (The argument ranges the
    caller matches them against lie inside the trigger's sentence.)"""
    doc, i, found = sent.doc, sent.start, []
    while i < sent.end:
        if doc[i].ent_iob_ == "B":
            j = i + 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            found.append(Span(doc, i, j, label=doc[i].ent_type))
            i = j
        else:
            i += 1
    return found


def _argument_ranges(trigger: Token, speech_verbs: tuple[str, ...]) -> list[tuple[int, int]]:
    ranges = []
    for child in trigger.children:
        if child.dep_ in _NOT_ARGUMENTS or child.lemma_.lower() in speech_verbs:
            continue
        if child.lower_ == "according":  # "..., according to an Indian senator": the source of the report
            continue
        if trigger.pos_ == "NOUN" and child.dep_ in {"compound", "amod", "nmod"}:
            continue
        left, right = child.left_edge, child.right_edge
        stranded = [t for t in child.subtree if stranded_clause_subject(t) is not None]
        if stranded and stranded[0].i - 2 >= left.i:  # "on Saturday and Germany summoned ...": Germany is a doer
            right = trigger.doc[stranded[0].i - 2]
        ranges.append((left.idx, right.idx + len(right.text)))
    return ranges


def _occupant_clauses(base: Token) -> list[Token]:
    """Relative clauses that describe ``base``: its own, or one the parser hung on another noun although it
    starts right after the base's phrase ("fired missiles at two bases in Iraq that house US troops")."""
    own = [c for c in base.children if c.dep_ in {"relcl", "acl"}]
    if own:
        return own
    after = base.right_edge.i + 1
    return [t for t in base.sent if t.dep_ in {"relcl", "acl"} and t.left_edge.i == after and t.i > base.i]


_VENUE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "outside"})


def answers_told_charge(draft: Draft, rules) -> bool:
    """"denied the accusation", "rejected the warning": a rejection or denial of a definite charge noun."""
    verb = draft.predicate or draft.trigger
    nouns = [*draft.target_tokens, *(t for t in verb.children if t.dep_ in ("dobj", "obj"))]
    return draft.code.startswith(tuple(rules.reply_codes)) and any(
        t.lower_ in rules.reply_nouns and not any(c.dep_ == "poss" for c in t.children)
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in t.children)
        for t in nouns)


def _subject_span(tok: Token) -> tuple[int, int]:
    """Character span of the subject (with its appositions and relative clauses) of the clause ``tok`` is an
    object of; (0, 0) when there is none."""
    verb = tok.head
    while verb.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and verb.head.i != verb.i and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return 0, 0
    words = list(subject.subtree)
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _lead_pair(seen: list[Actor], mentions: list[Actor], tok: Token) -> list[Actor]:
    """Of the states named just before "the two governments" / "both sides", the two the story's lead names,
    when it names two and both are among the last three states named or both are named in the sentence before
    (even as a venue): "Iran's foreign minister called his counterparts in Islamabad and Kabul ... The two
    governments agreed to a truce" are Pakistan's and Afghanistan's, not Iran's; else the last two named."""
    if len(seen) < 2:
        return seen
    doc = tok.doc
    lead = story_countries(mentions, list(doc.sents))
    if len(lead) != 2:
        return seen[:2]
    if lead <= {m.country for m in seen}:
        return [m for m in seen if m.country in lead]
    sents = list(doc.sents)
    index = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
    since = sents[max(0, index - 1)].start_char
    recent = [m for m in mentions if m.start is not None and since <= m.start < tok.idx and m.country in lead]
    if {m.country for m in recent} != lead:
        return seen[:2]
    latest = {m.country: m for m in recent}  # the latest mention of each
    return sorted(latest.values(), key=lambda m: m.start or 0, reverse=True)


def _venue(doc: Doc, mention: Actor) -> bool:
    """ "held talks in Geneva", "signed a deal in Washington": a capital or town named as where something
    happened is the venue, not one of "the two sides"."""
    if mention.resolution != "metonym" or not mention.start:
        return False
    span = doc.char_span(mention.start, mention.end or mention.start + 1, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in _VENUE_PREPOSITIONS


def _phrase_of(tok: Token, verb: Token) -> bool:
    """``tok`` is inside one of ``verb``'s own phrases, not in a clause nested under it."""
    while tok.i != verb.i:
        if tok.dep_ in {"acl", "relcl", "xcomp", "ccomp", "advcl", "csubj"} or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _coordinated_modifiers(actors, tok: Token) -> list[Actor]:
    """"US and British activists", "the presidents of Venezuela and Guyana": one actor per coordinated
    country, sharing the head's sector."""
    children = list(tok.children)  # walked once: a token's children are found by scanning its subtree
    mods = [c for c in children if c.dep_ in {"amod", "nmod", "compound"} and c.conjuncts]
    if not mods:
        # "Thai and Cambodian commanders" parsed as two sibling modifiers, the first holding the "and"
        siblings = [c for c in children if c.dep_ in {"amod", "nmod", "compound"} and c.i < tok.i]
        if len(siblings) >= 2 and any(g.dep_ == "cc" for g in siblings[0].children):
            return _sibling_countries(actors, tok, siblings)
    of_mods = [p for prep in children if prep.dep_ == "prep" and prep.lower_ == "of"
               for p in prep.children if p.dep_ == "pobj" and p.conjuncts]
    if not mods and not of_mods:
        return []
    head_actor = actors.resolve_token(tok)
    sector = head_actor.sector if head_actor is not None else None
    if not mods:
        if sector is None:
            return []  # "parts of Iraq and Syria" are places; "the presidents of X and Y" are people
        mods = of_mods
    out: list[Actor] = []
    for mod in [mods[0], *mods[0].conjuncts]:
        country_actor = actors.resolve_token(mod)
        if country_actor is None or not country_actor.country:
            continue
        code = country_actor.country + (sector or "") if sector else country_actor.code
        out.append(country_actor.model_copy(update={"code": code, "sector": sector or country_actor.sector}))
    return out if len(out) > 1 else []


def _between(parties: list[Actor]) -> list[tuple[Actor, Actor]]:
    """Both directions of a symmetric event between parties; a party never meets or fights itself (the same
    code twice, or one sector of a state and the state: "hosted by the prime minister of X" is no X-X meeting)."""
    return [(a, b) for a, b in itertools.permutations(parties, 2)
            if a.code != b.code and not _same_side(a, b) and not _same_side(b, a)]


def _conditional_party(draft: Draft, actors, sources: list[Actor]) -> list[Actor]:
    """ "warned of serious consequences if Israeli forces entered Rafah", "threatened retaliation if Finland
    joined NATO": a threat or demand with no target is aimed at the subject of its condition."""
    heads = {draft.trigger.i: draft.trigger}
    if draft.predicate is not None:
        heads[draft.predicate.i] = draft.predicate
    for head in heads.values():
        for clause in head.children:
            if clause.dep_ != "advcl" or not is_condition_clause(clause):
                continue
            for subject in (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}):
                actor = _resolve_with_fallback(actors, subject)
                if actor is not None and actor.code != "---" and all(s.code != actor.code for s in sources):
                    return [actor.model_copy(update={"confidence": round(actor.confidence * 0.85, 3)})]
    return []


def _reciprocal(trigger: Token, shared_modifiers: tuple[str, ...] = ()) -> bool:
    """"each other" / "one another" among the trigger's own phrases (or its support verb's), or an object
    the parties hold together: "their shared border", "their common frontier"."""
    words = [t.lower_ for t in trigger.subtree]
    if trigger.dep_ in {"dobj", "pobj"}:
        words += [t.lower_ for t in trigger.head.subtree]
    if any(a in {"each", "one"} and b in {"other", "another"} for a, b in zip(words, words[1:], strict=False)):
        return True
    return any(obj.dep_ in {"dobj", "obj"} and any(c.dep_ == "poss" and c.lower_ == "their" for c in obj.children)
               and any(c.lower_ in shared_modifiers for c in obj.children if c.dep_ in {"amod", "compound"})
               for obj in trigger.children)


def _sibling_countries(actors, head: Token, siblings: list[Token]) -> list[Actor]:
    head_actor = actors.resolve_token(head)
    sector = head_actor.sector if head_actor is not None else None
    out: list[Actor] = []
    for mod in siblings:
        found = actors.resolve_token(mod)
        if found is None or not found.country or any(a.country == found.country for a in out):
            continue
        code = found.country + sector if sector else found.code
        out.append(found.model_copy(update={"code": code, "sector": sector or found.sector}))
    return out if len(out) > 1 else []


def reacted_act(draft: Draft, rules) -> Token | None:
    """The act a reaction told beside it answers: the verb a "move" hangs on ("detained X, a move France called
    arbitrary"), or the verb a drawn reaction hangs on ("deported 40 men, drawing condemnation from the US")."""
    trigger = draft.trigger
    if draft.code[:2] not in rules.told_reaction_roots:
        return None
    head = trigger.head
    if trigger.dep_ in {"relcl", "acl"} and lemma_of(head) in rules.reaction_nouns and _set_off(head):
        return next((a for a in head.ancestors if a.pos_ == "VERB"), None)
    if (trigger.pos_ == "NOUN" and trigger.dep_ in {"dobj", "obj"} and lemma_of(head) in rules.reaction_verbs
            and head.dep_ in {"advcl", "conj", "xcomp"} and head.head.pos_ == "VERB"):
        return head.head
    if (trigger.pos_ == "VERB" and lemma_of(trigger) in rules.reaction_verbs and trigger.dep_ in {"advcl", "conj"}
            and head.pos_ == "VERB"):
        return head  # the reaction verb itself coded ("drawing criticism from Poland")
    return None


def _stranded_subject(draft: Draft) -> Token | None:
    """"Prime Minister Anwar Ibrahim, who chairs the bloc this year, called on both countries to ...": after a
    relative clause set off by commas the parser can take the main verb for a modifier of its subject (``acl`` of
    a noun that is the sentence's root, with no verb root at all); that noun is the verb's subject."""
    verb = draft.predicate or draft.trigger
    head = verb.head
    if verb.pos_ != "VERB" or verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("PROPN", "NOUN") \
            or verb.i < head.i or verb.doc[verb.i - 1].text != ",":
        return None
    return head if any(c.dep_ == "relcl" and c.i < verb.i for c in head.children) else None


def document_act(draft: Draft, rules) -> bool:
    """"The embassy issued a statement calling for calm": the call told by the participle or relative clause of a
    document its author issued is news of its own, not background of the issuing ("issued a statement")."""
    trigger = draft.trigger
    doc_noun = trigger.head
    return (trigger.dep_ in ("acl", "relcl") and doc_noun.lemma_.lower() in rules.document_nouns
            and doc_noun.dep_ in ("dobj", "obj") and lemma_of(doc_noun.head) in rules.issue_verbs)


def _set_off(noun: Token) -> bool:
    """"..., a move France called arbitrary": the noun stands after a comma, as an apposition to the clause (the
    parser makes it an adverbial, an apposition or a second object)."""
    first = min(t.i for t in noun.subtree)
    return noun.dep_ in {"npadvmod", "appos", "attr", "dobj"} and first > 0 and noun.doc[first - 1].text in {",", "—", "-"}


def _reaction_from(trigger: Token) -> list[Token]:
    """Who reacts in "drawing condemnation from the United States": the from-phrase on the noun or its verb."""
    return [pobj for holder in (trigger, trigger.head) for prep in holder.children
            if prep.dep_ == "prep" and prep.lower_ == "from" for pobj in prep.children if pobj.dep_ == "pobj"]


def _trade_origins(tok: Token, trade_nouns: tuple[str, ...]) -> list[Token]:
    """"tariffs on imports from Canada and Mexico": goods stand for the countries they come from (each of a
    coordination); any other token stands for itself."""
    if tok.lemma_.lower() not in trade_nouns:
        return [tok]
    holders = [tok]
    if not any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children):
        # "imposed duties on steel from Turkey": the parser often hangs the from-phrase on the verb
        holders += [next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), tok)]
    origins = [pobj for holder in holders for prep in holder.children if prep.dep_ == "prep" and prep.lower_ == "from"
               for pobj in prep.children if pobj.dep_ == "pobj"]
    origins += [conj for origin in origins for conj in origin.conjuncts]
    return origins or [tok]


def _resolve_with_fallback(actors, tok: Token) -> Actor | None:
    """Resolve a head; when it is no actor, try what it is owned by or made of.

    "China's assistance" -> China; "Hundreds of UN troops" -> UN troops; a parse that hangs a name on
    a date ("Assad Tuesday") -> Assad.
    """
    actor = actors.resolve_token(tok)
    if actor is not None and actor.country:
        return actor
    for child in tok.children:
        # "Tomas Varga, Slovakia's deputy interior minister, met ...": a name the knowledge base lacks (or knows
        # with no country and no role) is the actor its apposition describes, and "the party, Pakistan
        # Tehreek-e-Insaf" is the party the apposition names (the apposition has no way back to its head: no
        # loop); "Tomas Holm, a friend of the family" describes no one the coder counts
        if child.dep_ != "appos" or (actor is not None and (
                (tok.pos_ == "PROPN" and actor.sector) or child.ent_type_ == "PERSON")):
            continue  # "Army spokesman, Onyema Tinubu": the role, not a namesake office holder the name may match
        described = _resolve_with_fallback(actors, child)
        if described is not None and (described.country or (actor is None and tok.pos_ == "PROPN"
                                                             and described.sector)):
            return described
    if actor is not None:
        return actor
    if tok.tag_ == "VBG":  # a misparse that makes "operating" the head of "the aid agency working in Yemen"
        for child in tok.children:
            if child.dep_ == "nsubj" and (actor := actors.resolve_token(child)) is not None:
                return actor
    for child in tok.children:
        # "its villages": a state's or a body's possessive names the owner too ("their" is left alone: a
        # plural pronoun as often means the people of the sentence as a state)
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and child.pos_ in {"PROPN", "NOUN", "ADJ"} or (
                child.dep_ == "poss" and child.lower_ == "its"):
            actor = actors.resolve_token(child)
            if actor is not None:
                return actor
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    actor = actors.resolve_token(pobj)
                    if actor is not None:
                        return actor
    return None


NON_STATE_PREFIXES = {"IGO", "IMG", "NGO", "---"}
__all__ = ["NON_STATE_PREFIXES", "ArgumentResolver", "answers_told_charge", "in_context", "named_place_country",
           "reacted_act", "sentence_countries",
           "story_countries"]


def _start_or_zero(actor: Actor) -> int:
    return actor.start or 0  # the order the document's mentions are kept in


def sentence_countries(actors, sent: Span, place) -> set[str]:
    """Countries named in the sentence (actors and the event's place): the context of a bare "the government"."""
    # the mentions are in text order: bisect to the sentence's (a scan of all of them for every event
    # made long articles quadratic)
    countries = set(_named_countries(actors, sent))
    if place is not None and place.country:
        countries.add(place.country)
    return {c for c in countries if c not in NON_STATE_PREFIXES and len(c) == 3}


_COUNTRIES_KEY = "brinkwatch.arguments.sentence_countries"


def _named_countries(actors, sent: Span) -> tuple[str, ...]:
    """The countries of the sentence's actor mentions in text order, once per sentence (once per event, a
    sentence of many events cost the square of its length); ``actors`` is kept with the answer."""
    cache = sent.doc.user_data.setdefault(_COUNTRIES_KEY, {})
    kept = cache.get((id(actors), sent.start, sent.end))
    if kept is None or kept[0] is not actors:
        mentions = actors.mentions
        lo = bisect.bisect_left(mentions, sent.start_char, key=_start_or_zero)
        hi = bisect.bisect_left(mentions, sent.end_char, key=_start_or_zero)
        kept = cache[(id(actors), sent.start, sent.end)] = (actors, tuple(
            a.country for a in mentions[lo:hi]
            if a.country and a.start is not None and sent.start_char <= a.start < sent.end_char))
    return kept[1]


def named_place_country(actors, sent: Span, place) -> str | None:
    """The event place's country when an actor mention of the sentence names it too ("in northern Mali"): a
    place the gazetteer alone read (a "Dili" taken for Delhi) is not enough to choose between countries."""
    if place is None or not place.country:
        return None
    return place.country if place.country in sentence_countries(actors, sent, None) else None


def in_context(pairs, countries: set[str], code: str, rules, story: bool = False, place: str | None = None,
               home: frozenset[str] | set[str] = frozenset()):
    """Give a country-less sector actor ("---GOV", "---REB") the one country the sentence leaves for it
    (the coder calls it again with the story's countries: "police detained 14 protesters" in a Tbilisi story).

    "Militias in the Central African Republic spurned a plea from President Touadera": the president is Central African. The
    other side's country is excluded, so "the government thanked China" stays ``---GOV``. When two countries
    are left, a home or armed non-state actor is of the event's ``place``: "militants attacked a French base
    in northern Mali" are Mali's. In a story about one other country (``home``, the story's countries), the
    target's nationality word is no clue to the country of a home sector acting on it: "prosecutors charged the
    captain, a Georgian national" in a Finnish story, "police detained two Russian protesters" in a Georgian
    one (a doer's is: "the Burkinabe air force bombed a militant camp" hit Burkina Faso's militants).
    """
    out = []
    domestic = code[:2] in rules.domestic_roots
    nonstate = set(rules.nonstate_sectors)
    # within the story's country, armed non-state actors are at home too ("troops killed 20 attackers" in a
    # Niamey story); within one sentence that names two countries, they may have crossed the border
    story_home, home = home, set(rules.domestic_sectors) | (nonstate if story else set())
    local = home | nonstate
    kin = next(iter(countries)) if story and len(countries) == 1 else None
    for source, target in pairs:
        left = countries - (set() if domestic or _state_kin(source, target, kin, rules)
                            else _foreign(source, target, home, nonstate)) - _visitor(source, target, story_home, local)
        source = _contextual(source, _at_place(source, left, place, local))
        if target is not None:
            left = countries - (set() if domestic or _state_kin(target, source, kin, rules)
                                else _foreign(target, source, home, nonstate))
            target = _contextual(target, _at_place(target, left, place, local))
        elif kin is not None and code[:2] in rules.warning_roots:
            target = _addressed_story(source, kin)
        out.append((source, target))
    return out


def _addressed_story(source: Actor, country: str) -> Actor | None:
    """An appeal, demand or warning a foreign state or an international body makes with no addressee, in a
    story about one country, is addressed to that country: "Turkey called for calm" in a Tripoli story, "the
    African Union demanded a return to constitutional order" in one from Antananarivo. The story's own actors
    calling for calm address no one the text names, and so do a foreign country's rebels, parties or crowds."""
    if not source.country or source.country == country or source.country == "---" or source.start is None:
        return None
    if source.country not in ("IGO", "NGO") and source.sector not in (None, "GOV"):
        return None
    return Actor(code=country, country=country, sector=None, text=source.text, start=source.start,
                 end=source.end, resolution="context", confidence=round(0.5 * source.confidence, 3))


def _state_kin(actor: Actor, other: Actor | None, kin: str | None, rules) -> bool:
    """A bare state body ("the army") beside a named other body of the story's one country ("Gabon's
    president"): the same state's, not a foreign one (a story about another country does not get here)."""
    pair = set(rules.state_pair_sectors)
    return (kin is not None and other is not None and other.country == kin and actor.sector in pair
            and other.sector in pair and actor.sector != other.sector)


def _visitor(actor: Actor, other: Actor | None, story: frozenset[str] | set[str], local: set[str]) -> set[str]:
    """The target's country, when only its nationality word names it and the story is about one other country:
    the home sector acting on it is then the story's (the coder's story pass gives it)."""
    if (other is None or actor.country or actor.sector not in local or other.resolution != "demonym"
            or len(story) != 1 or other.country in story):
        return set()
    return {other.country}


def _at_place(actor: Actor, candidates: set[str], place: str | None, local: set[str]) -> set[str]:
    """Of several countries, the event's place's, for an actor of a sector that acts where it is."""
    if len(candidates) > 1 and place in candidates and actor.sector in local:
        return {place}
    return candidates


# Sectors that act at home: "rebels", "protesters", "the court" belong to the country the sentence names
# even when the other party is of that country too ("Rebels in the Ivory Coast rejected the government's appeal").
def _foreign(actor: Actor, other: Actor | None, home_sectors: set[str], nonstate: set[str]) -> set[str | None]:
    """Countries the context may not give ``actor``: the other party's, unless the actor is a home sector or
    the other party an armed non-state actor ("militants killed nine soldiers": the soldiers are the
    militants' country's) or a home sector itself, which acts inside its own country ("Brazil's Senate
    rejected the president's nominee": the president is Brazil's)."""
    if other is None or actor.sector in home_sectors or other.sector in nonstate | home_sectors:
        return set()
    return {other.country}


def _gathered_crowd(draft: Draft, nouns) -> list[Actor]:
    """ "Police dispersed the gathering", "troops fired on the march": a gathering that is the object of a
    coercive or violent act and names no actor of its own is the crowd gathered there (CVL of no country yet: the
    sentence's or the story's country comes later, as for "the crowd"; the coder drops it when neither side gets
    one)."""
    for group in draft.target_groups:
        for tok in group:
            if tok.pos_ == "NOUN" and (tok.lemma_.lower() in nouns or tok.lower_ in nouns):
                words = [t for t in tok.subtree if t.i <= tok.i]
                start = words[0].idx
                return [Actor(code="---CVL", country=None, sector="CVL", text=tok.doc.text[start:tok.idx + len(tok)],
                              start=start, end=tok.idx + len(tok), resolution="gathering", confidence=0.5)]
    return []


def _at_dateline_home(resolver: ArgumentResolver, draft, actors, sources: list[Actor]) -> list[tuple[Actor, Actor | None]]:
    """ "KATHMANDU, June 9 - Hundreds of villagers rallied at the district office": sector-only doers with no
    target in a story whose dateline names one country are that country's (as ``in_context`` would make them
    later) when their act gets the target CAMEO practice supplies (a protest is aimed at the government, a
    curfew acts on the country); "lawmakers demanded ..." with no one to demand of stays uncounted."""
    context = getattr(actors, "context", None)
    home = set(getattr(context, "dateline_countries", ()) or ())
    if len(home) != 1 or draft.symmetric:
        return []
    at_home = [_contextual(s, home) for s in sources]
    rules = resolver.book.governors
    if not all(s.country for s in at_home) or (draft.code[:2] in rules.protest_default_target.get("roots", ()) and any(
            s.sector in rules.state_body_sectors for s in at_home)):
        return []  # police "blocking" a road is no protest aimed at their own government
    targets = resolver._default_target(draft, at_home)  # an act with no target at all stays uncounted
    return [(s, t) for s in at_home for t in targets]


def _contextual(actor: Actor, candidates: set[str]) -> Actor:
    if actor.country or not actor.code.startswith("---") or len(actor.code) <= 3 or len(candidates) != 1:
        return actor
    country = next(iter(candidates))
    return actor.model_copy(update={"code": country + actor.code[3:], "country": country,
                                    "resolution": "context", "confidence": round(actor.confidence * 0.8, 3)})


def _same_side(source: Actor, target: Actor, forceful: bool = False) -> bool:
    """A state does not act on itself: "India's defence minister" acting on "India", or one sector on the
    same sector of its own country. Different sectors of one country are CAMEO events (GOV -> CVL,
    MIL -> REB, COP -> OPP), and so is an armed actor's use of force on a place of its own country
    ("rebels shelled Goma"), which CAMEO codes against the country; its withdrawal from one is not."""
    if not source.country or source.country != target.country or len(source.country) != 3:
        return False
    if target.sector is None:
        return not (forceful and source.sector in _ARMED_SECTORS)
    return target.sector == source.sector


_ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "INS", "SEP", "COP", "SPY"})


def _not_own(actors, doc: Doc, target: Actor, sources: list[Actor]) -> Actor:
    """An attack is not on the attacker's own: a possessive that coreference gave the attacker ("Hamas had
    attacked its soldiers") is read as the next owner the text offers (Israel's soldiers)."""
    countries = frozenset(s.country for s in sources if s.country)
    if target.resolution != "coref" or target.country not in countries or target.start is None:
        return target
    span = doc.char_span(target.start, target.end or target.start + 1, alignment_mode="expand")
    excluded = countries | {s.code for s in sources}  # (the attacker itself, when it is a state's rebels)
    other = actors.owned_by_another(span.root, excluded) if span is not None else None
    return other or target


def _own_forces(source: Actor, target: Actor) -> bool:
    """ "Venezuela moved its troops to the border", "France recalled its ambassador": a state's own forces and
    envoys, named by a possessive pronoun, are what it acts with, not whom it acts on ("rebels attacked its
    troops" is still an attack: the rebels are not the state; "the government arrested its critics" still
    has its critics as target)."""
    return (target.resolution == "coref" and target.sector in _ARMED_SECTORS | {"GOV"}
            and source.sector in (None, "GOV") and bool(source.country) and source.country == target.country
            and len(target.code) <= 6)


def _told_as_not_done(tok: Token, trigger: Token) -> bool:
    """"agreed to resign without returning to La Paz": what a without-phrase names did not happen, so it names
    no one the act is aimed at."""
    for ancestor in tok.ancestors:
        if ancestor.i == trigger.i:
            return False
        if ancestor.lower_ == "without" and ancestor.dep_ == "prep":
            return True
    return False


_STATE_FORCES = frozenset({"MIL", "COP", "SPY"})


def _commanded_forces(source: Actor, target: Actor) -> bool:
    """"ordered patrols by police", "ordered the deployment of troops": the forces a state's leaders command
    carry the order out; they are what it acts with, not whom it acts on."""
    own = not target.country or target.country == source.country  # "troops" with no country: the commander's
    return own and target.sector in _STATE_FORCES and source.sector in (None, "GOV")


def _overlaps(a: Actor, b: Actor) -> bool:
    if a.start is None or b.start is None:
        return a.code == b.code and a.text == b.text
    return a.start < (b.end or b.start) and b.start < (a.end or a.start)
