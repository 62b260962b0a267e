"""Event places: find place mentions in a parsed article, resolve them in the gazetteer with the article's
countries as context, and pick the one where an event happened.

Mentions come from spaCy GPE/LOC/FAC entities (extended over "air base", "airport" and the like), the
gazetteer's curated sites found by name, and "X (International) Airport". The event's place is the
location phrase hanging off the trigger ("in X", "at X", "near X", "outside X"; the preposition is kept in
``Place.relation``), else the nearest place in the sentence that is not an actor: "Tehran said" names a
speaker, not where something happened.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from brinkwatch.geo import Gazetteer, PlaceCandidate, to_place
from brinkwatch.model import Place
from brinkwatch.nlp.structure import find_layout

_ENT_LABELS = {"GPE", "LOC", "FAC"}
# Entity labels that are never places, whatever the syntax around them.
_NEVER_PLACES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "NORP", "LAW",
                 "LANGUAGE", "WORK_OF_ART", "EVENT"}
_LOCATION_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "into", "off", "over",
                   "around", "within", "along", "on", "from", "to", "towards", "toward", "onto", "through",
                   "beyond", "between", "past", "by"}
_RELATION_WORDS = {"inside": "in", "within": "in", "throughout": "in", "around": "near", "by": "near",
                   "toward": "towards", "onto": "on"}
# "in Iraq" says where; "from Iraq" or "to Iraq" says where from/to, a weaker claim on the event's place.
_WEAK_PREPS = {"from", "to", "towards", "toward", "into", "past", "beyond", "between", "through"}
# Nouns whose "of X" names a place: "the city of Najaf", "the central square of Kharkiv".
_PLACE_NOUNS = {"city", "town", "village", "province", "region", "capital", "outskirts", "suburb", "district",
                "square", "port", "coast", "centre", "center", "state", "county", "area", "governorate",
                "neighbourhood", "neighborhood", "island", "islands", "border", "heart", "north", "south",
                "east", "west", "part", "streets"}
# Nouns for sites named after their place: "its Natanz plant", "the Punggye-ri test site".
_SITE_NOUNS = {"base", "airport", "airfield", "plant", "facility", "site", "complex", "reactor", "port", "prison",
               "camp", "mine", "refinery", "field", "crossing", "checkpoint", "embassy", "consulate", "harbour",
               "harbor", "station", "garrison", "outpost", "compound", "headquarters", "office"}
# Verbs whose direct object is a place even when it is a country: "fled Ukraine", "leave Iraq".
_MOTION_VERBS = {"leave", "enter", "flee", "visit", "invade", "reach", "cross", "tour", "quit", "evacuate",
                 "occupy", "annex", "return", "arrive", "overrun", "besiege", "encircle", "capture", "seize"}
_SUFFIXES = ("air base", "airbase", "base", "airport", "international airport", "airfield", "naval base",
             "nuclear plant", "nuclear power plant", "nuclear facility", "crossing", "military base")
_AIRPORT = re.compile(r"\b((?:[A-Z][\w'’.-]+\s){1,4})(?:International\s)?Air(?:port|field)\b")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str
    start: int
    end: int
    root: int  # token index of the mention's head
    candidates: tuple[PlaceCandidate, ...]
    dateline: bool = False  # the wire dateline: where the story was filed


def _extend(doc: Doc, span: Span, gazetteer: Gazetteer) -> Span:
    """Grow an entity over a following site word when that names a known place ("Erbil air base")."""
    for extra in (3, 2, 1):
        if span.end + extra > len(doc):
            continue
        longer = doc[span.start:span.end + extra]
        tail = doc[span.end:span.end + extra].text.lower()
        if tail in _SUFFIXES and gazetteer.lookup(longer.text):
            return longer
    return span


def _strip_the(doc: Doc, span: Span) -> Span:
    if len(span) > 1 and span[0].lower_ == "the":
        return doc[span.start + 1:span.end]
    return span


def _in_location_syntax(root: Token) -> bool:
    """The parse puts the phrase where places go: after a location preposition, as the "of X" of a
    place noun, or as the object of a motion verb."""
    node = root
    while node.dep_ in ("compound", "conj", "appos") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ in _LOCATION_PREPS:
        return True
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in _PLACE_NOUNS:
        return True
    return node.dep_ == "dobj" and node.head.lemma_.lower() in _MOTION_VERBS


def _candidate_spans(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    spans: list[Span] = []
    text = doc.text  # Doc.text is rebuilt from the tokens on every access
    dateline = find_layout(text).dateline
    for name in dateline.places if dateline else ():
        # "KANO, Nigeria — ", "ISLAMABAD/NEW DELHI, Oct 14": the parser rarely tags an upper-case dateline
        span = doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    pattern = gazetteer.curated_pattern
    if pattern is not None:
        for m in pattern.finditer(text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                spans.append(span)
    for m in _AIRPORT.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and gazetteer.lookup(span.text):
            spans.append(span)
    for ent in doc.ents:
        if ent.label_ in _ENT_LABELS:
            spans.append(_extend(doc, _strip_the(doc, ent), gazetteer))
        elif ent.label_ not in _NEVER_PLACES and _in_location_syntax(ent.root):
            # The small model often tags towns as ORG or PERSON ("outside Kyiv"); the syntax says place.
            spans.append(_strip_the(doc, ent))
    for tok in doc:
        if tok.pos_ == "PROPN" and not tok.ent_type_ and _in_location_syntax(tok):
            lo = tok.i
            while lo > 0 and doc[lo - 1].dep_ == "compound" and doc[lo - 1].pos_ == "PROPN":
                lo -= 1
            spans.append(doc[lo:tok.i + 1])
    return spans


def _possessor_place(doc: Doc, span: Span, gazetteer: Gazetteer) -> tuple[Span, str]:
    """"Baghdad's Tahrir Square": a landmark whose name the gazetteer places elsewhere is located by
    the city that owns it. Returns the mention's span and the name to look up."""
    if span.start >= 2 and doc[span.start - 1].lower_ in ("'s", "’s"):
        owner = doc[span.start - 2:span.start - 1]
        owner_places = gazetteer.lookup(owner.text)
        named = gazetteer.lookup(span.text)
        if owner_places and named and owner_places[0].country != named[0].country:
            return doc[owner.start:span.end], owner.text
    return span, span.text


def find_place_mentions(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every place mention the gazetteer knows, longest first where they overlap, in text order."""
    dateline = find_layout(doc.text).dateline
    lo, hi = (dateline.start, dateline.end) if dateline else (0, 0)
    chosen: list[PlaceMention] = []
    spans = [_possessor_place(doc, span, gazetteer) for span in _candidate_spans(doc, gazetteer)]
    for span, name in sorted(spans, key=lambda s: (-(s[0].end_char - s[0].start_char), s[0].start_char)):
        if any(p.start < span.end_char and span.start_char < p.end for p in chosen):
            continue
        candidates = gazetteer.lookup(name)
        if candidates:
            chosen.append(PlaceMention(span.text, span.start_char, span.end_char, span.root.i, tuple(candidates),
                                       dateline=lo <= span.start_char and span.end_char <= hi))
    return sorted(chosen, key=lambda p: p.start)


def article_countries(mentions: Sequence[PlaceMention]) -> tuple[str, ...]:
    """Countries the article is about, most mentioned first: named countries and places whose every
    reading lies in one country."""
    counts: Counter[str] = Counter()
    for m in mentions:
        countries = {c.country for c in m.candidates if c.country}
        named_country = next((c.country for c in m.candidates if c.source == "country"), None)
        if named_country:
            counts[named_country] += 2
        elif len(countries) == 1:
            counts[next(iter(countries))] += 1
    return tuple(c for c, _ in counts.most_common())


def _is_actor(doc: Doc, mention: PlaceMention, args: Sequence[Token]) -> bool:
    """A mention that acts or is acted upon as a state ("Tehran said", "Iraq's parliament", "attacked
    Iraq") rather than naming where something happened."""
    if any(mention.start <= a.idx < mention.end for a in args):
        return True
    after = doc[mention.root + 1:mention.root + 3]
    if len(after) == 2 and after[0].text == "-" and after[1].lower_ == "based":
        return True  # "a Baghdad-based militia": where the actor comes from, not where the act was
    root = doc[mention.root]
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "India and China held talks": China is a subject too
    if root.dep_ in ("nsubj", "poss", "agent", "csubj", "dative"):
        return True
    if root.dep_ in ("dobj", "nsubjpass"):
        # Objects and passive subjects are places when they are sites or towns ("struck the Ain
        # al-Asad air base", "Kharkiv was shelled") or follow a motion verb ("fled Ukraine").
        country_level = mention.candidates[0].precision == "country"
        return country_level and root.head.lemma_.lower() not in _MOTION_VERBS
    # "Iraq forces", "Tehran government": a compound naming an actor, not a place ("Natanz plant" is one).
    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" and \
        root.head.lemma_.lower() not in _PLACE_NOUNS | _SITE_NOUNS


def _path_to_trigger(doc: Doc, root: int, trigger: Token) -> tuple[int, str | None] | None:
    """Hops from a mention up to the trigger through location prepositions, and the preposition next
    to the mention; None when the way up crosses another clause."""
    node, hops, relation = doc[root], 0, None
    while hops < 10:
        if node.i == trigger.i:
            return hops, relation
        if node.i != root and node.pos_ in ("VERB", "AUX") and node.dep_ != "xcomp":
            return None  # "began enriching uranium at Natanz" still places "began"
        if node.head.i == node.i:
            return None
        if node.dep_ == "pobj" and relation is None and node.head.lower_ in _LOCATION_PREPS:
            relation = node.head.lower_
        if node.dep_ == "dobj" and relation is None and node.head.i == trigger.i:
            relation = "at"  # the object of the act is where it happened
        node, hops = node.head, hops + 1
    return None


def _verb_of(tok: Token) -> Token:
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def _same_statement(mention_root: Token, trigger: Token) -> bool:
    """The mention's clause is the trigger's, one above it, or a participle/coordinate clause of it -
    not a clause subordinate to something else ("voted to demand that Russia stop its offensive in
    Ukraine" does not place the vote in Ukraine)."""
    own, other = _verb_of(trigger), _verb_of(mention_root)
    if other.i == own.i or other.is_ancestor(own):
        return True
    return other.head.i == own.i and other.dep_ in ("advcl", "conj", "xcomp")


def _relation(doc: Doc, root: int) -> str | None:
    tok = doc[root]
    if tok.dep_ == "pobj" and tok.head.lower_ in _LOCATION_PREPS:
        return tok.head.lower_
    return None


def place_for_event(mentions: Sequence[PlaceMention], doc: Doc, sent: Span, trigger: Token,
                    context: Sequence[str], gazetteer: Gazetteer, args: Sequence[Token] = ()) -> Place | None:
    """The event's place: the location phrase attached to the trigger (nearest in the tree), else the
    nearest place in the sentence that is not an actor."""
    in_sent = [m for m in mentions if sent.start_char <= m.start and m.end <= sent.end_char and not m.dateline]
    candidates = [m for m in in_sent if not _is_actor(doc, m, args)]
    attached: list[tuple[int, int, PlaceMention, str | None]] = []
    for m in candidates:
        path = _path_to_trigger(doc, m.root, trigger)
        if path is not None and path[1] is not None:
            weak = 1 if path[1] in _WEAK_PREPS else 0
            attached.append((weak, path[0], m, path[1]))
    if attached:
        _, _, best, relation = min(attached, key=lambda a: (a[0], a[1], a[2].start))
    elif nearby := [m for m in candidates if _same_statement(doc[m.root], trigger)]:
        best = min(nearby, key=lambda m: abs(m.root - trigger.i))
        relation = _relation(doc, best.root)
    else:
        # A wire story's first sentence happens where it was filed unless it says otherwise.
        # (the dateline is a sentence of its own when the pipeline marks the structure: the one after it)
        dateline = find_layout(doc.text).dateline
        first = dateline is not None and sent.start_char <= dateline.end < sent.end_char
        filed = [m for m in mentions if m.dateline and (first or sent.start_char <= m.start < sent.end_char)]
        if not filed:
            return None
        best, relation = filed[-1], None
    chosen = gazetteer.choose(best.candidates, context)
    relation = _RELATION_WORDS.get(relation, relation) if relation else None
    return to_place(chosen, best.text, best.start, best.end, relation)
