"""Factuality of an event mention (asserted, negated, planned, conditional, hypothetical, claimed, denied)
and whether a sentence is the author's opinion.

The decision reads the dependency parse around the trigger: auxiliaries and negations on the trigger,
the verbs that govern it through complement chains ("plans to attack", "denied attacking", "is said to
have attacked"), conditional clause markers, and hedging adverbs. Threatened, requested and refused are
set by the coder from the event frame, not here. Cue lists are in ``attr_modality.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span, Token

from brinkwatch.model import Article, Modality

# Dependencies along which a governing word still speaks about the trigger ("plans [xcomp] to attack",
# "denied [pcomp] attacking", "claims [ccomp] it attacked", "involvement [prep] in [pobj] the attack").
_CHAIN_DEPS = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl", "nsubjpass", "attr", "advcl", "conj"}
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "ROOT", "parataxis"}


class ModalityCues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    source: str
    negation_words: list[str]
    negation_verbs: list[str]
    planned_aux: list[str]
    planned_verbs: list[str]
    planned_adjs: list[str]
    hypothetical_aux: list[str]
    hypothetical_words: list[str]
    conditional_marks: list[str]
    claim_verbs: list[str]
    claim_passive: list[str]
    claim_adverbs: list[str]
    claim_adjs: list[str]
    claim_phrases: list[str]
    reporting_verbs: list[str]
    negative_subjects: list[str]
    negation_raising: list[str]
    denial_verbs: list[str]
    denial_objects: list[str]
    opinion_phrases: list[str]
    evaluative_words: list[str]
    opinion_markers: list[str]
    first_person: list[str]


def _governors(trigger: Token, depth: int = 4, through_conj: bool = True) -> list[tuple[Token, Token]]:
    """(governor, child-on-path) pairs above the trigger along complement chains, nearest first.
    ``through_conj=False`` stops at coordination: in "denied X and claimed Y" the denial is not Y's."""
    pairs: list[tuple[Token, Token]] = []
    node = trigger
    for _ in range(depth):
        if node.head.i == node.i or node.dep_ not in _CHAIN_DEPS:
            break
        if node.dep_ == "conj" and not through_conj:
            break
        pairs.append((node.head, node))
        if node.dep_ in ("advcl", "conj"):
            break  # one step into the governing clause is enough; further up is another statement
        node = node.head
    return pairs


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _aux_words(verb: Token) -> list[str]:
    words = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not words and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "will meet and discuss": the second verb shares the first one's auxiliaries
        words = [c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    return words


def _is_denied(trigger: Token, cues: ModalityCues) -> bool:
    through_object = False
    for gov, child in _governors(trigger, through_conj=False):
        if _lemma(child) in cues.denial_objects or _lemma(gov) in cues.denial_objects:
            through_object = True
        if _lemma(gov) in cues.denial_verbs:
            return _lemma(gov) == "deny" or through_object
        if gov.dep_ in _CLAUSE_DEPS and gov.pos_ == "VERB" and _lemma(gov) not in cues.denial_objects:
            if child.dep_ not in ("xcomp", "pcomp", "ccomp", "prep", "pobj", "dobj", "acl"):
                break
    return False


def _clause_verbs(trigger: Token) -> list[Token]:
    """The trigger and, for a noun trigger, the verb whose argument it is ("carried out the attack")."""
    verbs = [trigger]
    node = trigger
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and node.dep_ in (
            "dobj", "nsubj", "nsubjpass", "pobj", "prep", "attr", "compound"):
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            verbs.append(node)
    return verbs


def _is_conditional(trigger: Token, cues: ModalityCues) -> bool:
    return any(_conditional_verb(verb, cues) for verb in _clause_verbs(trigger) + [g for g, _ in _governors(trigger)][:2])


_CONDITIONAL_KEY = "brinkwatch.modality.conditional_verbs"


def _conditional_verb(verb: Token, cues: ModalityCues) -> bool:
    """The verb's clause is conditional ("if", "unless", an inverted auxiliary), read once per verb: the
    events of a long sentence share their governing verbs, and a verb may have hundreds of children."""
    cache = verb.doc.user_data.setdefault(_CONDITIONAL_KEY, {})
    key = (verb.i, id(cues))
    if key not in cache:
        cache[key] = _read_conditional_verb(verb, cues)
    return cache[key]


def _read_conditional_verb(verb: Token, cues: ModalityCues) -> bool:
    marks = set(cues.conditional_marks)
    for child in verb.children:
        if child.dep_ == "mark" and child.lower_ in marks:
            return True
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children):
            return True
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    inverted = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("should", "were", "had")]
    # "should it try to", "were it to": the clause opens with the inverted auxiliary
    return bool(subj and inverted and inverted[0].i < subj[0].i and verb.dep_ in ("advcl", "ccomp") and
                inverted[0].i == min(t.i for t in verb.subtree))


def _negative_subject(verb: Token, cues: ModalityCues) -> bool:
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass", "expl"):
            continue
        phrase = " ".join(t.lower_ for t in child.subtree)
        if child.lower_ in cues.negative_subjects or phrase in cues.negative_subjects:
            return True
        if any(d.dep_ == "det" and d.lower_ == "no" for d in child.children):
            return True  # "no talks were held"
    return False


def _is_negated(trigger: Token, cues: ModalityCues) -> bool:
    for verb in _clause_verbs(trigger):
        for child in verb.children:
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
                return True
        if _negative_subject(verb, cues):
            return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return True
    for gov, child in _governors(trigger, depth=3, through_conj=False):
        if gov.pos_ in ("NOUN",) and any(c.dep_ == "det" and c.lower_ == "no" for c in gov.children):
            return True  # "no plans to leave", "no intention of escalating"
        if child.dep_ in ("xcomp", "ccomp") and _lemma(gov) in cues.negation_verbs:
            return True  # "failed to attack"
        if child.dep_ in ("xcomp", "ccomp") and _lemma(gov) in cues.negation_raising and any(
                c.dep_ == "neg" for c in gov.children):
            return True  # "did not agree to pull back", "would not allow the West to dictate"
        if gov.pos_ in ("VERB", "AUX") and child.dep_ not in ("xcomp", "prep", "pobj", "pcomp", "dobj"):
            break
    return False


def _is_claimed(trigger: Token, sent: Span, cues: ModalityCues) -> bool:
    for verb in _clause_verbs(trigger):
        if _claim_adverb_on(verb, cues):
            return True
    if any(c.dep_ == "amod" and c.lower_ in cues.claim_adjs for c in trigger.children):
        return True
    for gov, child in _governors(trigger, depth=3, through_conj=False):
        if _claim_adverb_on(gov, cues):
            return True
        if _lemma(gov) in cues.claim_verbs and child.dep_ in ("ccomp", "xcomp", "dobj"):
            return True
        if child.dep_ == "xcomp" and _lemma(gov) in cues.claim_passive and any(
                c.dep_ == "auxpass" for c in gov.children):
            return True  # "X is said to have attacked"
    return _claimed_in_words(sent, cues)


def _claim_adverb_on(verb: Token, cues: ModalityCues) -> bool:
    """"allegedly attacked": a claim adverb on the verb, looked for once per verb (see ``_conditional_verb``)."""
    cache = verb.doc.user_data.setdefault(_CLAIM_KEY, {})
    key = ("adverb", verb.i, id(cues))
    if key not in cache:
        cache[key] = any(c.dep_ == "advmod" and c.lower_ in cues.claim_adverbs for c in verb.children)
    return cache[key]


_CLAIM_KEY = "brinkwatch.modality.claim_phrases"


def _claimed_in_words(sent: Span, cues: ModalityCues) -> bool:
    """"unconfirmed reports": a claim phrase anywhere in the sentence, looked for once per sentence (once
    per event, a long sentence of many events cost the square of its length)."""
    cache = sent.doc.user_data.setdefault(_CLAIM_KEY, {})
    key = (sent.start, sent.end, id(cues))
    if key not in cache:
        text = sent.text.lower()
        cache[key] = any(p in text for p in cues.claim_phrases if "unconfirmed" in p or "reports" in p)
    return cache[key]


def _future_in_past(verb: Token, cues: ModalityCues) -> bool:
    """"(he said) he would resign": "would" under a reporting verb is a reported plan."""
    if "would" not in _aux_words(verb) and "'d" not in _aux_words(verb):
        return False
    node = verb
    for _ in range(3):
        if node.head.i == node.i or node.dep_ not in ("ccomp", "conj", "xcomp"):
            return False
        node = node.head
        if _lemma(node) in cues.reporting_verbs:
            return True
    return False


def _headline_future(verb: Token) -> bool:
    """"Kenya to send troops to Haiti", "EU to impose new sanctions on Belarus": a headline writes the future
    as a subject and a bare infinitive with no finite verb over it."""
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    if verb.dep_ == "ROOT":
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    # "EU to impose ...": the parser makes the name the root and the infinitive its modifier
    return verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("PROPN", "NOUN") and not any(
        t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in verb.sent)


def _is_planned(trigger: Token, cues: ModalityCues) -> bool:
    for verb in _clause_verbs(trigger):
        if any(w in cues.planned_aux for w in _aux_words(verb)) or _future_in_past(verb, cues) \
                or _headline_future(verb):
            return True
    if any(c.dep_ in ("amod", "compound") and c.lower_ in cues.planned_adjs for c in trigger.children):
        return True
    for gov, child in _governors(trigger, depth=2):
        if child.dep_ != "xcomp":
            continue
        if any(w in cues.planned_aux for w in _aux_words(gov)) or _future_in_past(gov, cues):
            return True  # "will try to negotiate"
        if _lemma(gov) in cues.planned_verbs:
            if _lemma(gov) == "go" and not any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re")
                                               for c in gov.children):
                continue
            return True
        if gov.lower_ in ("due", "set", "scheduled", "expected", "poised"):
            return True
    return False


def _is_hypothetical(trigger: Token, cues: ModalityCues) -> bool:
    for verb in _clause_verbs(trigger):
        if any(w in cues.hypothetical_aux for w in _aux_words(verb)):
            return True
        if any(c.dep_ == "advmod" and c.lower_ in cues.hypothetical_words for c in verb.children):
            return True
    if any(c.dep_ == "amod" and c.lower_ in cues.hypothetical_words for c in trigger.children):
        return True
    return any(child.dep_ == "xcomp" and any(c.lower_ in cues.hypothetical_aux for c in gov.children
                                             if c.dep_ == "aux") for gov, child in _governors(trigger, 2))


def modality_for_event(trigger: Token, sent: Span, cues: ModalityCues) -> Modality:
    """The factuality of the event whose trigger is given, from the strongest cue that applies."""
    if _is_denied(trigger, cues):
        return "denied"
    if _is_conditional(trigger, cues):
        return "conditional"
    if _is_negated(trigger, cues):
        return "negated"
    if _is_claimed(trigger, sent, cues):
        return "claimed"
    if _is_planned(trigger, cues):
        return "planned"
    if _is_hypothetical(trigger, cues):
        return "hypothetical"
    return "asserted"


# ---- opinion ----------------------------------------------------------------------------------------
def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def is_opinion_piece(doc: Doc, article: Article, quote_spans: Iterable[tuple[int, int]], cues: ModalityCues) -> bool:
    """An opinion piece: labelled so in its title/URL, or written in the first person outside quotes."""
    label = " ".join(filter(None, (article.title, article.url, article.source_format))).lower()
    if any(re.search(rf"\b{re.escape(m)}\b", label) for m in cues.opinion_markers):
        return True
    spans = list(quote_spans)
    first_person = 0
    for tok in doc:
        if tok.lower_ in cues.first_person and not any(s <= tok.idx < e for s, e in spans):
            first_person += 1
    return first_person >= 3 and first_person / max(len(doc), 1) >= 0.01


_OPINION_KEY = "brinkwatch.modality.opinion"


def is_opinion_sentence(sent: Span, opinion_piece: bool, attributed: bool, cues: ModalityCues,
                        quote_spans: Sequence[tuple[int, int]] = ()) -> bool:
    """The author's own assessment: an opinion cue outside quotes, or (in an opinion piece) an
    evaluative word in a sentence nobody else is quoted as saying. Read once per sentence, not per
    event (``quote_spans`` is kept with the answer, so another object under a reused id is not taken for it)."""
    cache = sent.doc.user_data.setdefault(_OPINION_KEY, {})
    key = (sent.start, sent.end, opinion_piece, attributed, id(cues), id(quote_spans))
    kept = cache.get(key)
    if kept is None or kept[0] is not quote_spans:
        kept = cache[key] = (quote_spans, _is_opinion_sentence(sent, opinion_piece, attributed, cues, quote_spans))
    return kept[1]


def _is_opinion_sentence(sent: Span, opinion_piece: bool, attributed: bool, cues: ModalityCues,
                         quote_spans: Iterable[tuple[int, int]]) -> bool:
    text, base = sent.text, sent.start_char
    pieces, cursor = [], 0
    for start, end in sorted(q for q in quote_spans if q[0] < sent.end_char and q[1] > sent.start_char):
        pieces.append(text[cursor:max(cursor, start - base)])
        cursor = max(cursor, end - base)
    pieces.append(text[cursor:])
    outside = " ".join(pieces)
    padded = " " + " ".join(_words(outside)) + " "
    if any(f" {p} " in padded for p in cues.opinion_phrases):
        return True
    if opinion_piece and not attributed:
        return any(w in cues.evaluative_words for w in _words(outside))
    return False
