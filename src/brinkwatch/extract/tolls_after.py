"""Tolls told after a violent act's own sentence: the lines and paragraphs that complete, revise or restate it.

A conflict monitor's note ends with its toll on a line of its own ("3 fatalities."); a wire tells the toll over
several sentences ("Four soldiers died. Two more succumbed in hospital.") and a one-sentence lead's toll goes on in
the next paragraph ("A lieutenant was among the dead. Two other soldiers were wounded.", "By Tuesday evening the
number of dead had risen to 15"). ``follow_up_numbers`` adds them to the quantities ``extract.numbers`` read in the
act's own sentence; ``tolls_told`` is what a sentence tells of a toll. Moved out of ``extract.numbers`` in the
ninth round of issue 12 (the same functions, with the lead's next paragraph added).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Span, Token

from brinkwatch.extract.dates import story_lead
from brinkwatch.extract.numbers import (
    _TOLL_KINDS,
    NumberCues,
    _casualty_words,
    numbers_for_event,
)
from brinkwatch.model import Quantity

_FOLLOW_UP_SENTENCES = 4  # how far into the paragraph a toll note may stand after its event


def _next_sentence(sent: Span) -> tuple[Span | None, bool]:
    """The sentence after ``sent`` and whether a paragraph break (a newline) lies between them."""
    doc = sent.doc
    if sent.end >= len(doc):
        return None, False
    nxt = doc[sent.end].sent
    crossed = any("\n" in t.whitespace_ or (t.is_space and "\n" in t.text) for t in doc[sent.end - 1:sent.end])
    inner = doc[nxt.start:max(nxt.start, nxt.end - 1)]
    if any("\n" in t.whitespace_ or (t.is_space and "\n" in t.text) for t in inner):
        return None, crossed  # one parse sentence over a paragraph break: the segmenter's slip
    while nxt.start < nxt.end and doc[nxt.start].is_space:
        nxt = doc[nxt.start + 1:nxt.end]
    return (nxt if len(nxt) else None), crossed


def _is_toll_fragment(sent: Span) -> bool:
    """"3 fatalities." / "No fatalities." / "Five fatalities reported.": a note's verbless toll line."""
    return sent.root.pos_ in ("NOUN", "PROPN", "NUM")


def _acts_of_its_own(sent: Span, cues: NumberCues) -> bool:
    """The sentence tells of another violent happening rather than the toll of the one before: a doer
    ("gunmen shot dead two guards", "were killed by a drone") or a new act ("in separate clashes", "in
    an airstrike"); "after the attack" and "the blast" point back to the event already told."""
    violent = set(cues.violent_acts) | set(cues.event_cues.get("killed", ()))

    def told_before(noun: Token) -> bool:  # "the attack", "the blast": the act already told
        return noun.lemma_.lower() in violent and any(
            c.dep_ in ("det", "poss") and c.lower_ in cues.back_references for c in noun.children)

    harm = violent | set(cues.harming_verbs)
    for tok in sent:
        if tok.dep_ == "agent" and tok.head.lemma_.lower() in harm:
            return True  # "were shot by a sniper" ("were treated by paramedics", "were held by police": no doer of harm)
        lemma = tok.lemma_.lower()
        if lemma not in violent:
            continue
        doers = [c for c in tok.children if c.dep_ == "nsubj"]
        if tok.pos_ in ("VERB", "AUX") and doers and lemma not in ("die", "perish", "lose", "succumb") and \
                not all(told_before(d) for d in doers):
            return True
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and not told_before(tok):
            return True
    return False






def _additional(sent: Span, quantity: Quantity, cues: NumberCues) -> bool:
    """"Two more soldiers died", "the bodies of four more victims", "another three": added to the toll."""
    span = sent.doc.char_span(quantity.start, quantity.end, alignment_mode="expand") if quantity.start is not None \
        else None
    if span is None:
        return False
    around = sent.doc[max(sent.start, span.start - 1):min(sent.end, span.end + 1)]
    return any(t.lower_ in cues.more_words for t in around)


def follow_up_numbers(sent: Span, trigger: Token, cues: NumberCues, own: Sequence[Quantity],
                      skip_spans: Sequence[tuple[int, int]] = ()) -> tuple[Quantity, ...]:
    """The event's quantities (``own``, those of its sentence) with the deaths, injuries and missing that the
    paragraph gives after the violent event's sentence.

    A conflict monitor's note ends with its toll on a line of its own ("3 fatalities."); a wire report
    tells the toll in the next sentence ("Five corpses were discovered after the raid.", "The death toll
    rose to 17 on Saturday."). A verbless toll line attaches to the violent events before it in its
    paragraph; a full sentence to those of the sentence just before, and only when it names no doer
    or new act of its own (a toll in the next paragraph is left to its own event: measured on the attribute
    set, taking it there too lost four events for one gained); a run of such toll sentences goes on
    telling the same toll ("Four soldiers died. Two more succumbed in hospital. Eleven others were
    wounded."), up to the first sentence that adds nothing to it. A kind the event already counts is not
    taken again ("killed 3 ... The toll rose to 7" must not make 10) unless the later count adds to it
    ("two more") or revises it ("the toll rose to 7", "revised the number of wounded to 30"): a revised
    count replaces the event's own.
    """
    casualty_verbs = {*cues.event_cues.get("killed", ()), *cues.event_cues.get("injured", ())}
    crackdown = _crackdown(trigger, cues)
    if not crackdown and trigger.lemma_.lower() not in set(cues.violent_acts) | casualty_verbs:
        return tuple(own)
    # a dispersal's arrests are its own ("broke up the march ... The office reported 112 detentions"); an attack's
    # are an arrest of their own ("Police later arrested three suspects")
    kinds = _TOLL_KINDS | {"arrested"} if crackdown else _TOLL_KINDS
    have = {q.kind for q in own}
    found: list[Quantity] = []
    revised: set[str] = set()
    tail = _after_semicolon(sent, trigger)
    if tail is not None and not _acts_of_its_own_once(tail, cues):
        # "clashed overnight in Tripoli; the ministry said the toll had risen to 11": the parse may hang the
        # act under the later clause's reporting verb, so the toll clause is read like the next sentence
        taken = sorted((q for q in tolls_told(tail, cues, skip_spans) if q.kind in kinds and q.kind not in have),
                       key=lambda q: (q.start or 0, q.kind))
        found += taken
        have |= {q.kind for q in taken}
    nxt, crossed = _next_sentence_once(sent)
    step, telling = 0, True  # telling: every sentence since the event's has added to its toll
    # "scores injured": a word for a count, which a count told after it makes exact ("63 injured people")
    vague = {q.kind for q in [*own, *found] if q.qualifier in cues.approximate}
    story = story_lead(sent)  # the story's lead goes on in the next paragraph; a later one-line paragraph only
    lead = story or (_paragraph_of_its_own(sent) and bool(_vague_kinds(sent, cues)))  # with what it told in a word
    in_next_paragraph = False  # reading the paragraph after a lead's
    while nxt is not None and step < _FOLLOW_UP_SENTENCES:
        if not crossed and _aside(nxt, cues):
            break  # "Separately, 12 people were arrested in Grodno": another happening in the same paragraph
        if crossed and (in_next_paragraph or step > 0 and not telling or not lead or _new_happening(nxt, cues)):
            break  # a paragraph's toll is its own: wire stories give a later toll as an event of its own
        in_next_paragraph = in_next_paragraph or crossed
        fragment = _is_toll_fragment(nxt)
        if fragment or (telling and not _acts_of_its_own_once(nxt, cues)):
            told = [q for q in tolls_told(nxt, cues, skip_spans, in_next_paragraph and story) if q.kind in kinds and (
                story or not in_next_paragraph or q.kind in _vague_kinds(sent, cues))]
            again = {q.kind for q in told if q.kind in have and (_revises(nxt, q, cues) or (
                q.kind in vague and q.qualifier not in cues.approximate))}
            taken = sorted((q for q in told if q.kind not in have or q.kind in again or _additional(nxt, q, cues)
                            or _other_side(q, [*own, *found], cues, sent.doc)),
                           key=lambda q: (q.start or 0, q.kind))  # (a set: kind breaks ties, the same every run)
            found = [q for q in found if q.kind not in again] + taken
            revised |= again
            vague -= again  # made exact once: "63 injured people ... Eight of the injured" keeps the 63
            have |= {q.kind for q in taken}
            # (a sentence that tells the same toll again, "Five passengers were shot dead", goes on telling it)
            same = any((q.kind, q.value) == (h.kind, h.value) for q in told for h in [*own, *found])
            telling = bool(taken) or same or _names_the_victims(nxt, cues) or _restates(nxt, cues)
        elif not fragment:
            telling = False
        if not fragment and _acts_of_its_own_once(nxt, cues):
            break  # a new happening: later toll lines are its own
        nxt, crossed = _next_sentence_once(nxt)
        step += 1
    return tuple(q for q in own if q.kind not in revised) + tuple(found)


def _aside(sent: Span, cues: NumberCues) -> bool:
    """"Separately, ...", "Elsewhere, ...", "Meanwhile, ...": the sentence turns to another happening."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    return first is not None and first.lower_ in cues.aside_openers


def _crackdown(trigger: Token, cues: NumberCues) -> bool:
    """"Police broke up the march", "dispersed a rally", "cracked down on a strike", "detained 27 protesters": the
    forces of order's act on a crowd (``crackdown_acts``, a verb and its particle, or an arrest of a ``crowd`` noun),
    whose arrests and injuries the sentences after it tell."""
    lemma = trigger.lemma_.lower()
    particles = [c.lower_ for c in trigger.children if c.dep_ == "prt"]
    if lemma in cues.crackdown_acts or any(f"{lemma} {p}" in cues.crackdown_acts for p in particles):
        return True
    # "Riot police arrested 60 protesters ... No one was injured": the arrest of a crowd is a crackdown too
    # ("arrested three suspects over the bombing" is not)
    crowd = cues.noun_kinds.get("crowd", ())
    return lemma in cues.event_cues.get("arrested", ()) and any(
        c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in crowd or c.lower_ in crowd) for c in trigger.children)


def _counted_by(quantity: Quantity, doc) -> Token | None:  # noqa: ANN001 - a Doc
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand") if quantity.start is not None else None
    if span is None:
        return None
    last = span[-1]
    while last.dep_ == "conj" and last.head.i != last.i:  # "between 12 and 15 attackers"
        last = last.head
    return last.head if last.dep_ in ("nummod", "quantmod") else last


def _other_side(quantity: Quantity, told: Sequence[Quantity], cues: NumberCues, doc) -> bool:  # noqa: ANN001
    """"killing between 12 and 15 attackers ... Two soldiers died": the later deaths are the other side's, so
    they add to the toll rather than restate it. Sides: the attackers' words (``captured_suspects``) and all
    other people."""
    def attackers(q: Quantity) -> bool | None:
        noun = _counted_by(q, doc)
        if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
            return None
        return noun.lemma_.lower() in cues.captured_suspects or noun.lower_ in cues.captured_suspects

    mine = [attackers(q) for q in told if q.kind == quantity.kind]
    theirs = attackers(quantity)
    return bool(mine) and theirs is not None and all(side is not None and side != theirs for side in mine)


# A paragraph that opens with these tells another happening than the lead's ("Separately, two soldiers were
# wounded", "Earlier, ...", "Last week, ..."): its tolls are not the lead's.


def _new_happening(sent: Span, cues: NumberCues) -> bool:
    """Whether the first sentence of the paragraph after a lead starts another happening rather than going on
    with the lead's: it opens on a time, a place or "separately", or tells an act of its own. The lead's own
    later lines open on what it told ("A lieutenant was among the dead.", "The victims included two
    teenagers.", "By Tuesday evening the number of dead had risen to 15", "The bus was attacked near X")."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is None:
        return True
    if first.lower_ == "by" or _revision_opening(sent, cues):
        return False  # "By Tuesday evening the toll had risen to 15": the lead's toll, revised
    if first.lower_ in cues.new_happening_openers or first.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") or \
            _acts_of_its_own_once(sent, cues):
        return True
    if _restates(sent, cues):
        return False  # "The attack took place on Sunday night in the village of X"
    # "Security forces recovered the bodies of two villagers near Moreh the next day": a day or a place of its own
    lead = sent.doc[sent.start - 1].sent if sent.start > 0 else None
    named = {t.lower_ for t in lead if t.ent_type_ in ("GPE", "LOC", "FAC")} if lead is not None else set()
    return any(t.ent_type_ in ("DATE", "TIME") or t.ent_type_ in ("GPE", "LOC", "FAC") and t.lower_ not in named
               and not _destination(t) for t in sent)


def _destination(token: Token) -> bool:
    """ "were flown to Imphal", "rushed to a hospital in Kano": where the victims were brought (a place in a
    "to" phrase of the verb), not a place of another happening."""
    for above in token.ancestors:
        if above.pos_ in ("VERB", "AUX"):
            return False
        if above.dep_ == "prep" and above.lower_ in ("to", "towards"):
            return True
    return False


def _revision_opening(sent: Span, cues: NumberCues) -> bool:
    return sent.root.lemma_.lower() in cues.revision_verbs


def _restates(sent: Span, cues: NumberCues) -> bool:
    """"The attack took place near X", "The bus was attacked near X", "A lieutenant was among the dead": the
    sentence goes on about the act already told (its subject points back to it, or names one of its dead)
    and tells no toll of its own; a toll sentence after it still belongs to the act."""
    root = sent.root
    if root.lemma_.lower() in cues.reporting_verbs:  # "The bus was attacked near X, a police commander said"
        root = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")), root)
    violent = set(cues.violent_acts) | set(cues.event_cues.get("killed", ()))
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    back = any(any(c.dep_ in ("det", "poss") and c.lower_ in cues.back_references for c in s.children) for s in subjects)
    if back and (root.lemma_.lower() in ("take", "happen", "occur") or root.lemma_.lower() in violent
                 and any(c.dep_ == "nsubjpass" for c in root.children)):
        return True
    casualty = _casualty_words(cues)[0] | {"victim", "casualty"}
    return root.lemma_.lower() == "be" and any(  # "A lieutenant was among the dead"
        c.dep_ == "prep" and c.lower_ == "among" and any(g.dep_ == "pobj" and (
            g.lemma_.lower() in casualty or g.lower_ in casualty) for g in c.children) for c in root.children)


def _vague_kinds(sent: Span, cues: NumberCues) -> frozenset[str]:
    """Toll kinds the sentence tells in a word rather than a count: "and scores injured", "dozens were wounded"."""
    def read() -> frozenset[str]:
        words = {w for w in cues.approximate if " " not in w}
        kinds = set()
        for tok in sent:
            if tok.lower_ not in words:
                continue
            near = [tok.head, *sent.doc[tok.i + 1:min(sent.end, tok.i + 4)]]
            kinds |= {kind for kind in _TOLL_KINDS for t in near
                      if t.lemma_.lower() in cues.event_cues.get(kind, ()) or t.lower_ in cues.event_cues.get(kind, ())}
        return frozenset(kinds)

    return _once(sent.doc, ("vague", sent.start, sent.end, id(cues)), read)


def _paragraph_of_its_own(sent: Span) -> bool:
    """A wire story's one-sentence lead ("QUETTA: At least 11 people were killed and scores injured when ..."): the
    first sentence of the next paragraph may still give its toll exactly ("11 bodies and 63 injured people had
    been brought to the Civil Hospital"). Any other sentence's toll stops at its paragraph."""
    doc = sent.doc
    i = sent.start
    while i > 0 and sent.start - i < 12:  # back to the line's start over a dateline ("QUETTA:") of no verb
        before = doc[i - 1]
        if "\n" in before.whitespace_ or (before.is_space and "\n" in before.text):
            return True
        if before.pos_ in ("VERB", "AUX"):
            return False
        i -= 1
    return i == 0


def _names_the_victims(sent: Span, cues: NumberCues) -> bool:
    """"The dead included 11 children and a village head": the sentence says who the toll was (a part of it, no
    count of its own), so a toll sentence after it still tells of the same act."""
    root = sent.root
    casualty = _casualty_words(cues)[0] | {"victim", "casualty"}
    return root.lemma_.lower() == "include" and any(
        c.dep_ == "nsubj" and (c.lemma_.lower() in casualty or c.lower_ in casualty) for c in root.children)


def _revises(sent: Span, quantity: Quantity, cues: NumberCues) -> bool:
    """"The death toll rose to 14", "officials revised the number of wounded to at least 30": the count is
    the goal ("to") of a verb that changes a toll."""
    span = sent.doc.char_span(quantity.start, quantity.end, alignment_mode="expand") if quantity.start is not None \
        else None
    if span is None or not cues.revision_verbs:
        return False
    node = span.root
    while node.dep_ in ("advmod", "nummod", "quantmod", "compound") and node.head.i != node.i:
        node = node.head  # "to at least 30"
    if node.dep_ != "pobj" or node.head.lower_ not in ("to", "at"):
        return False
    head = node.head.head
    for _ in range(4):  # "revised the number of wounded to 30": the goal hangs on the noun the verb revises
        if head.lemma_.lower() in cues.revision_verbs:
            return not _toll_of_something_else(head, cues)
        if head.head.i == head.i:
            break
        head = head.head
    return False


def _toll_of_something_else(verb: Token, cues: NumberCues) -> bool:
    """"The death toll in the war rose to 7,000", "the toll from this year's attacks": the revised toll is
    a bigger one than the event's; "the toll from the attack" and "the number of wounded" point back to it."""
    violent = set(cues.violent_acts) | set(cues.event_cues.get("killed", ())) | set(cues.event_cues.get("injured", ()))
    for noun in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")):
        for prep in (c for c in noun.children if c.dep_ == "prep"):
            for what in (c for c in prep.children if c.dep_ == "pobj"):
                lemma = what.lemma_.lower()
                if prep.lower_ == "of" and lemma in violent:
                    continue  # "the number of wounded", "the number of dead"
                if lemma in violent and any(c.dep_ in ("det", "poss") and c.lower_ in cues.back_references
                                            for c in what.children):
                    continue  # "the toll from the attack", "its toll"
                return True
    return False


def _after_semicolon(sent: Span, trigger: Token) -> Span | None:
    """The clause after the first semicolon that follows the trigger, up to the sentence's end or the next
    semicolon."""
    # (the semicolons are found once per sentence: scanned for every event, a long sentence cost its square)
    marks = _once(sent.doc, ("semicolons", sent.start, sent.end), lambda: [t.i for t in sent if t.text == ";"])
    at = bisect.bisect_right(marks, trigger.i)
    if at == len(marks):
        return None
    end = marks[at + 1] if at + 1 < len(marks) else sent.end
    return sent.doc[marks[at] + 1:end] if end - marks[at] > 2 else None


# What follow_up_numbers reads of a later sentence does not depend on the event: read once per sentence
_FOLLOW_KEY = "brinkwatch.numbers.follow_up"  # (read per violent event, it was quadratic in their number)


def _once(doc, key: tuple, compute):  # noqa: ANN001, ANN202 - a Doc, a thunk and what it returns
    cache = doc.user_data.setdefault(_FOLLOW_KEY, {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _next_sentence_once(sent: Span) -> tuple[Span | None, bool]:
    return _once(sent.doc, ("next", sent.start, sent.end), lambda: _next_sentence(sent))


def _acts_of_its_own_once(sent: Span, cues: NumberCues) -> bool:
    return _once(sent.doc, ("acts", sent.start, sent.end, id(cues)), lambda: _acts_of_its_own(sent, cues))


def tolls_told(sent: Span, cues: NumberCues, skip_spans: Sequence[tuple[int, int]], lead_paragraph: bool = False
               ) -> set[Quantity]:
    """The quantities of the sentence's own clause, or of what its reporting verb reports ("..., a local
    leader said"); ``skip_spans`` is kept with them (another object may reuse its id). ``lead_paragraph``: the sentence
    is in the paragraph after the story's lead, so a reporting participle's report is read too ("..., adding that ...")."""
    def read() -> tuple[Sequence[tuple[int, int]], set[Quantity]]:
        # (and a clause joined to it: "the toll rose to 14, and officials revised the number of wounded to 30")
        heads = [sent.root, *(c for c in sent.root.children if c.dep_ in ("ccomp", "parataxis", "conj")
                              and c.pos_ in ("VERB", "AUX"))]
        # "a spokesman said 20 workers had been arrested and four were hurt": the clause joined to a reported toll
        # clause goes on with the toll ("said most rockets were intercepted and no one was hurt": an event of its own)
        told = {w for kind in (*_TOLL_KINDS, "arrested") for w in cues.event_cues.get(kind, ())}
        heads += [c for h in heads[1:] if h.dep_ == "ccomp" and h.lemma_.lower() in told for c in h.children
                  if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        if lead_paragraph:
            # "..., adding that more than 30 wounded people had been taken to hospitals": what a reporting participle
            # reports, in the paragraph after a story's lead (which tells the lead's act); later in a story such a
            # participle often tells the story's toll rather than the act before it ("soldiers had killed seven
            # attackers ... he said, adding that more than 30 wounded people had been taken to hospitals")
            heads += [c for h in sent.root.children if h.dep_ == "advcl" and h.lemma_.lower() in cues.reporting_verbs
                      for c in h.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        return skip_spans, {q for head in heads for q in numbers_for_event(sent, head, cues, skip_spans)}

    key = ("tolls", sent.start, sent.end, id(cues), id(skip_spans), lead_paragraph)
    kept, found = _once(sent.doc, key, read)
    if kept is not skip_spans:
        kept, found = read()
    return found


__all__ = ["follow_up_numbers", "tolls_told"]
