"""Event places: find place mentions in a parsed article, resolve them in the gazetteer with the article's
countries as context, and pick the one where an event happened.

Mentions come from spaCy GPE/LOC/FAC entities (extended over "air base", "airport" and the like), the
gazetteer's curated sites found by name, and "X (International) Airport". The event's place is the
location phrase hanging off the trigger ("in X", "at X", "near X", "outside X"; the preposition is kept in
``Place.relation``), else the nearest place in the sentence that is not an actor: "Tehran said" names a
speaker, not where something happened.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from spacy.attrs import ENT_TYPE, IDX, IS_TITLE, LENGTH, POS
from spacy.symbols import AUX, PERSON, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from brinkwatch.extract.place_words import (
    _ACTS_ON_A_COUNTRY,
    _AIMED_PREPS,
    _BEARINGS,
    _COMPASS,
    _DISTRICT_WORDS,
    _GOVERNMENTS,
    _LOCATION_PREPS,
    _MOTION_VERBS,
    _NAME_PARTICLES,
    _NATIONALITY_NOUNS,
    _NEAR_PARTS,
    _NEAR_PREPS,
    _PEOPLE_ADJECTIVES,
    _PLACE_NOUNS,
    _PLACE_PARTS,
    _PROVINCE_WORDS,
    _RELATION_WORDS,
    _RESIDENTS,
    _SEATS_OF_STATE,
    _SITE_NOUNS,
    _STRIKE_VERBS,
    _SUFFIXES,
    _TOWN_WORDS,
    _UNITS_KM,
    _WEAK_PREPS,
    _WHERE_PREPS,
    _WORDS,
)
from brinkwatch.extract.places_forms import (
    capital_mentions,
    country_of_the_adjective,
    naming_clause,
    people_doing,
    region_names_the_town,
    says_no_place,
    settlement_before,
    town_in_landmark,
    town_over_its_province,
)
from brinkwatch.geo import Gazetteer, PlaceCandidate, moved, to_place
from brinkwatch.geo.index import km
from brinkwatch.model import Place
from brinkwatch.nlp.frames import clause_verb
from brinkwatch.nlp.structure import find_layout

_ENT_LABELS = {"GPE", "LOC", "FAC"}
# Entity labels that are never places, whatever the syntax around them.
# (NORP is not among them: the small model tags "the outskirts of Aleppo" as NORP; the syntax decides.)
_NEVER_PLACES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LAW",
                 "LANGUAGE", "WORK_OF_ART", "EVENT"}
# "X-based", "X-flagged", "X-bound": a name before these says whose or whence a thing is, not where the act was.
_OF_A_PLACE = frozenset(_WORDS.of_a_place)
# Labels the tagger gives town names in "the port of X" that the syntax overrules ("LANGUAGE" for Odesa).
_NAMES_MISREAD = frozenset({"LANGUAGE", "WORK_OF_ART", "LAW", "EVENT"})
_AIRPORT = re.compile(r"\b((?:[A-Z][\w'’.-]+\s){1,4})(?:International\s)?Air(?:port|field)\b")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str
    start: int
    end: int
    root: int  # token index of the mention's head
    candidates: tuple[PlaceCandidate, ...]
    dateline: bool = False  # the wire dateline: where the story was filed
    within: PlaceCandidate | None = None  # the province or country the text puts it in ("X, Urozgan")
    qualifies: int | None = None  # start of the mention this one only locates ("Jowzjan" in "Mingajik, Jowzjan")
    border_of: bool = False  # "near the border with X": the event is on the other side of X's border
    tagged: bool = False  # the tagger calls it a place (GPE, LOC, FAC)


def _extend(doc: Doc, span: Span, gazetteer: Gazetteer, columns: np.ndarray | None = None,
            text: str | None = None) -> Span:
    """Grow an entity over a following site word when that names a known place ("Erbil air base").
    ``columns``, ``text``: the document's ``_token_columns`` and text, read instead of making Token and Span
    objects for every word after every entity."""
    if span.end >= len(doc):
        return span
    columns = _token_columns(doc) if columns is None else columns
    text = doc.text if text is None else text
    start_char = int(columns[span.end, _COL_IDX])
    # "Dera Ismail Khan" (below) needs a capitalised PERSON PROPN right after the entity
    name_follows = columns[span.end, _COL_POS] == PROPN and columns[span.end, _COL_TITLE] and \
        columns[span.end, _COL_ENT] == PERSON
    for extra in (3, 2, 1):
        if span.end + extra > len(doc):
            continue
        last = span.end + extra - 1
        tail = text[start_char:int(columns[last, _COL_IDX] + columns[last, _COL_LENGTH])].lower()
        if tail in _SUFFIXES and gazetteer.lookup(doc[span.start:span.end + extra].text):
            return doc[span.start:span.end + extra]
        if not name_follows:
            continue
        longer = doc[span.start:span.end + extra]
        # "Dera Ismail Khan" tagged as the place "Dera" and the person "Ismail Khan": the longer town the
        # gazetteer knows beats the person's name in its tail
        if all(t.pos_ == "PROPN" and t.is_title and t.ent_type_ == "PERSON" for t in doc[span.end:span.end + extra]) \
                and any(c.precision == "city" for c in gazetteer.lookup(longer.text)):
            return longer
    return span


_COL_POS, _COL_ENT, _COL_IDX, _COL_LENGTH, _COL_TITLE = range(5)
_NAME_OR_VERB = np.array([PROPN, VERB, AUX], dtype=np.uint64)


def _token_columns(doc: Doc) -> np.ndarray:
    """Part of speech, entity type, character offset, length and title case of every token, read once per
    document by spaCy's compiled ``to_array`` (a Token object per token per check cost a fifth of the coder)."""
    return doc.to_array([POS, ENT_TYPE, IDX, LENGTH, IS_TITLE]).reshape(len(doc), 5)


def _strip_the(doc: Doc, span: Span) -> Span:
    if len(span) > 1 and span[0].lower_ == "the":
        return doc[span.start + 1:span.end]
    return span


def _in_location_syntax(root: Token) -> bool:
    """The parse puts the phrase where places go: after a location preposition, as the "of X" of a
    place noun, or as the object of a motion verb."""
    node = root
    while node.dep_ in ("compound", "conj", "appos", "nmod") and node.head.i != node.i:
        node = node.head  # "in the Araucania and Biobio regions"
    if node.dep_ == "pobj" and node.head.lower_ in _LOCATION_PREPS:
        return True
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in _PLACE_NOUNS | _RESIDENTS:
        return True
    if node.dep_ == "poss" and node.head.lemma_.lower() in _PLACE_NOUNS | _PLACE_PARTS:
        return node.head.dep_ == "dobj" or _in_location_syntax(node.head)  # "hit Kharkiv's northern districts"
    if root.dep_ == "compound" and node.lemma_.lower() in _SITE_NOUNS and node.dep_ in ("dobj", "nsubj", "nsubjpass"):
        return True  # "blocked the Chaman border crossing", "the Zamzam camp was shelled": the site's town
    return node.dep_ == "dobj" and node.head.lemma_.lower() in _MOTION_VERBS | _STRIKE_VERBS


def _extend_left(doc: Doc, span: Span, gazetteer: Gazetteer) -> Span:
    """Grow an entity over the name words the tagger left out when the longer name is a known place:
    "Los Lagos" tagged as "Lagos" must not become Lagos, Nigeria."""
    for extra in (2, 1):
        if span.start - extra < 0:
            continue
        words = doc[span.start - extra:span.start]
        if all(t.pos_ == "PROPN" or t.lower_ in _NAME_PARTICLES for t in words) and words[0].is_title and \
                not any(t.is_sent_start and t.i != words[0].i for t in doc[words.start:span.end]):
            longer = doc[span.start - extra:span.end]
            if gazetteer.lookup(longer.text):
                return longer
    return span


def _candidate_spans(doc: Doc, gazetteer: Gazetteer, text: str) -> list[Span]:
    spans: list[Span] = []
    columns = _token_columns(doc)
    dateline = find_layout(text).dateline
    for name in dateline.places if dateline else ():
        # "KANO, Nigeria — ", "ISLAMABAD/NEW DELHI, Oct 14": the parser rarely tags an upper-case dateline
        span = doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    for m in gazetteer.curated_matches(text):
        if m.group().islower():
            continue  # a name in lower case is a common noun: "the west bank of the Dnipro", "a gaza-style war"
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    for m in _AIRPORT.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and gazetteer.lookup(span.text):
            spans.append(span)
    for ent in doc.ents:
        if ent.text.islower():
            continue  # "the east bank", "the north": names are capitalised, a common noun is no place name
        if ent.label_ in _ENT_LABELS:
            spans.append(_extend_left(doc, _extend(doc, _strip_the(doc, ent), gazetteer, columns, text), gazetteer))
        elif (ent.label_ not in _NEVER_PLACES or ent.label_ in _NAMES_MISREAD) and settlement_before(doc, ent):
            spans.append(_strip_the(doc, ent))  # "the Black Sea port of Odesa", Odesa tagged a LANGUAGE
        elif ent.label_ not in _NEVER_PLACES and (_in_location_syntax(ent.root) or _names_an_area(doc, ent)):
            # The small model often tags towns as ORG or PERSON ("outside Kyiv"); the syntax says place,
            # and so does a province noun after the name ("Plateau state"); "General Santos" tagged as the
            # person "Santos" is the longer town the gazetteer knows
            spans.append(_extend_left(doc, _strip_the(doc, ent), gazetteer))
        if (town := town_in_landmark(doc, ent, gazetteer)) is not None:
            spans.append(town)  # "around Dhaka University": the university's town
        if ent.label_ not in _NEVER_PLACES and any(t.text in _LIST_MARKS for t in ent) and (
                ent.label_ in _ENT_LABELS or _in_location_syntax(ent.root)):
            spans.extend(_listed_parts(doc, ent))
    # only words with no entity type that the tagger reads as a verb or a proper noun can start a span here:
    # the rest of the document's tokens are never made into Token objects
    unnamed = np.flatnonzero((columns[:, _COL_ENT] == 0) & np.isin(columns[:, _COL_POS], _NAME_OR_VERB))
    for tok in (doc[int(i)] for i in unnamed):
        if tok.is_title and tok.pos_ in ("VERB", "AUX") and not tok.is_sent_start and not tok.ent_type_ and \
                tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in _PROVINCE_WORDS | _DISTRICT_WORDS:
            # a name the tagger reads as a verb before a province noun ("Sagaing region"); a verb is never
            # capitalised mid-sentence, an adjective may be a plain word ("the Northern region")
            spans.append(doc[tok.i:tok.i + 1])
        # (a word in lower case the tagger calls a proper noun is a common noun: "the west bank of the Dnipro")
        if tok.pos_ == "PROPN" and not tok.ent_type_ and not tok.is_lower and (
                _in_location_syntax(tok) or _names_an_area(doc, doc[tok.i:tok.i + 1])):
            lo = tok.i
            while lo > 0:
                prev = doc[lo - 1]
                if prev.dep_ == "compound" and prev.pos_ == "PROPN" and not prev.is_lower:
                    lo -= 1
                elif prev.text in ("-", "‐") and lo > 1 and doc[lo - 2].pos_ == "PROPN" and \
                        doc[lo - 2].head.i in range(lo, tok.i + 1):
                    lo -= 2  # "Pul-e Khumri", "Bandar-e Abbas": one name over a hyphen
                else:
                    break
            spans.append(doc[lo:tok.i + 1])
    return spans


# Marks inside an entity that part the names of a place and the area it lies in ("Trujillo, Colon department").
_LIST_MARKS = frozenset({",", "(", ")"})


def _listed_parts(doc: Doc, ent: Span) -> list[Span]:
    """The names an entity runs together over a comma or bracket: the tagger reads "Trujillo, Colon
    department" or "Kulob (Khatlon)" as one ORG, which no gazetteer holds; each part may be a place."""
    parts, start = [], ent.start
    for tok in [*ent, None]:
        if tok is None or tok.text in _LIST_MARKS:
            end = ent.end if tok is None else tok.i
            if end > start and doc[start].is_title:
                parts.append(_strip_the(doc, doc[start:end]))
            start = end + 1
    return parts


def _area_after(text: str, span: Span, known: Sequence[PlaceMention]) -> list[PlaceCandidate]:
    """"Puerto Jordan, Arauca department": a town the gazetteer lacks, in the province named after it, is
    placed in that province (the most specific place the text gives that we know)."""
    after = min((m for m in known if m.start >= span.end_char), key=lambda m: m.start, default=None)
    if after is None or not _QUALIFIER_GAP.match(text[span.end_char:after.start]):
        return []
    return [c for c in after.candidates if c.precision in ("admin1", "admin2")]


def _names_an_area(doc: Doc, span: Span) -> bool:
    """A name followed by a province or district noun: "Plateau state", "Rutshuru territory"; or a name the
    tagger reads as an adjective before a town or district noun ("in Beni town", "Beni territory"), unless
    it names a people or a faith ("an Arab village", "a Christian town")."""
    if span.end >= len(doc):
        return False
    after = doc[span.end].lower_
    if span[-1].pos_ == "PROPN":
        return after in _PROVINCE_WORDS | _DISTRICT_WORDS
    return len(span) == 1 and span[0].pos_ == "ADJ" and span[0].is_title and not span[0].is_sent_start and \
        after in _TOWN_WORDS | _DISTRICT_WORDS and span[0].lower_ not in _PEOPLE_ADJECTIVES


def _possessor_place(doc: Doc, span: Span, gazetteer: Gazetteer) -> tuple[Span, str]:
    """"Baghdad's Tahrir Square": a landmark whose name the gazetteer places elsewhere is located by
    the city that owns it. Returns the mention's span and the name to look up."""
    if span.start >= 2 and doc[span.start - 1].lower_ in ("'s", "’s"):
        lo = span.start - 2
        while lo > 0 and (doc[lo - 1].pos_ == "PROPN" or doc[lo - 1].dep_ == "compound") and \
                doc[lo - 1].head.i == span.start - 2:
            lo -= 1  # "Sagaing region's Kani township": the owner is "Sagaing region"
        owner = doc[lo:span.start - 1]
        owner_places = gazetteer.lookup(owner.text) or gazetteer.lookup_region(owner.text)
        named = gazetteer.lookup(span.text)
        if owner_places and named and owner_places[0].country != named[0].country:
            inside = [c for c in named if c.country == owner_places[0].country]
            if inside:  # the owner's own namesake: "Sagaing region's Monywa" stays Monywa
                return span, span.text
            return doc[owner.start:span.end], owner.text
    return span, span.text


# "the Kutupalong refugee camp in Cox's Bazar district", "Dadaab camp in Garissa county": a bare "in" (after a
# site noun or none) says where the first name lies only when one of its readings lies inside the second
# (``_locate_in_areas``)
_BARE_IN = re.compile(r"^\s+(?:(?:[a-z]+\s+)?(?:" + "|".join(sorted(_SITE_NOUNS)) + r")\s+)?in\s+(?:the\s+)?$")
# "X, Y" / "X (Y)" / "X district, Y" / "X district of Y": Y says where X lies
_QUALIFIER_GAP = re.compile(
    r"^\s*(?:(?:city|town|village|township|tehsil|territory|district|sub-district|county|municipality|province|governorate|region|regency|"
    r"area|locality|commune|department|state|oblast|prefecture)\s*)?(?:,|\(|(?<=[a-z])\s+(?:of|in))\s*(?:the\s+)?"
    r"(?:(?:provincial|regional|district)\s+)?(?:(?:capital|seat)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE)


def _kind_word(doc: Doc, span: Span) -> str | None:
    """The admin or settlement noun that ends the name or follows it, or the settlement noun before its "of"
    ("the city of Tomsk", "the Red Sea port of Safaga": the town, not the province of its name)."""
    last = span[-1].lower_
    if len(span) > 1 and last in _PROVINCE_WORDS | _DISTRICT_WORDS | _TOWN_WORDS:
        return last
    if span.end < len(doc):
        after = doc[span.end].lower_
        if after in _PROVINCE_WORDS | _DISTRICT_WORDS | _TOWN_WORDS:
            return after
    return settlement_before(doc, span)


def _lookup_mention(doc: Doc, span: Span, name: str, gazetteer: Gazetteer) -> list[PlaceCandidate]:
    """The readings of a name, narrowed by the noun that goes with it: "Helmand province" is the province,
    "Nad Ali district" the district (or, where the index lists none, its seat, at district precision),
    "Kunduz city" the town."""
    word = _kind_word(doc, span)
    candidates = gazetteer.lookup(name)
    bare = name
    if word is not None and span[-1].lower_ == word:
        bare = doc[span.start:span.end - 1].text
        candidates = candidates or gazetteer.lookup(bare)
    if word in _PROVINCE_WORDS | _DISTRICT_WORDS and span[-1].lower_ != word:
        # "Plateau state": a province whose bare name is an ordinary word is indexed with its noun only
        candidates = [c for c in gazetteer.lookup(f"{name} {word}") if c.source == "region"] or candidates
    if word in _PROVINCE_WORDS:
        regions = [c for c in candidates if c.precision in ("admin1", "admin2")] or gazetteer.lookup_region(
            bare, list(dict.fromkeys(c.country for c in candidates if c.country)))
        return regions or candidates
    if word in _DISTRICT_WORDS:
        districts = [c for c in candidates if c.precision == "admin2"]
        towns = [replace(c, precision="admin2") for c in candidates if c.source == "city"]
        return districts or towns or candidates
    if word in _TOWN_WORDS:
        return [c for c in candidates if c.source == "city"] or candidates
    return town_over_its_province(doc, span, candidates, gazetteer)


def _border_with(doc: Doc, span: Span) -> bool:
    """"near the border with Turkey", "on the frontier with Iraq" (read off the words: the parser often hangs
    "with Turkey" on the verb)."""
    before = [t for t in doc[max(0, span.start - 3):span.start] if t.lower_ != "the"]
    return len(before) >= 2 and before[-1].lower_ in ("with", "of") and \
        before[-2].lemma_.lower() in ("border", "frontier", "boundary")


def find_place_mentions(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every place mention the gazetteer knows, longest first where they overlap, in text order; a name
    the text locates in a province or country ("Mingajik city, Jowzjan") keeps only the readings inside it."""
    text = doc.text  # Doc.text is rebuilt from the tokens on every access
    dateline = find_layout(text).dateline
    lo, hi = (dateline.start, dateline.end) if dateline else (0, 0)
    chosen: list[PlaceMention] = []
    unknown: list[tuple[Span, str]] = []
    spans = [_possessor_place(doc, span, gazetteer) for span in _candidate_spans(doc, gazetteer, text)]
    for span, name in sorted(spans, key=lambda s: (-(s[0].end_char - s[0].start_char), s[0].start_char)):
        before = bisect.bisect_left(chosen, span.end_char, key=_start_of)  # chosen: text order, no overlaps
        if before and chosen[before - 1].end > span.start_char:
            continue  # (bisect: a scan of every chosen mention per candidate was quadratic in the length)
        candidates = _lookup_mention(doc, span, name, gazetteer)
        if _acronym_as_town(span, candidates) and not lo <= span.start_char < hi:
            continue
        if candidates:
            chosen.insert(before, PlaceMention(span.text, span.start_char, span.end_char, span.root.i, tuple(candidates),
                                       dateline=lo <= span.start_char and span.end_char <= hi,
                                       border_of=_border_with(doc, span),
                                       tagged=span.root.ent_type_ in _ENT_LABELS))
        elif _in_location_syntax(span.root) or _kind_word(doc, span) is not None:
            unknown.append((span, name))
    variants = _spelling_variants(doc, text, unknown, chosen, gazetteer)
    chosen = [m for m in chosen if not any(v.start <= m.start and m.end <= v.end for v in variants)] + variants
    filed_in = next((c.country for m in chosen if m.dateline for c in m.candidates[:1]), None)
    # (a country the text is only about - "talks with Russia", "sanctions on Iran" - names no capital)
    votes = [(m.start, *vote) for m in chosen if not m.dateline and not _only_about(doc[m.root])
             and (vote := _country_vote(m, gazetteer)) is not None]
    for span, capital in capital_mentions(doc, gazetteer, votes, filed_in):
        if not any(m.start < span.end_char and span.start_char < m.end for m in chosen):
            chosen.append(PlaceMention(span.text, span.start_char, span.end_char, span[-1].i, (capital,)))
    for at, m in enumerate(chosen):
        # "the Pakistani city of Hyderabad": the readings in the country the adjective names
        if m.within is None and (iso := country_of_the_adjective(text, m.start)) is not None:
            home = tuple(c for c in m.candidates if c.country == iso)
            if home and len(home) < len(m.candidates):
                chosen[at] = replace(m, candidates=home, within=gazetteer.country(iso))
    return _locate_in_areas(sorted(chosen, key=lambda p: p.start), text, gazetteer)


def _only_about(root: Token) -> bool:
    return root.dep_ == "pobj" and root.head.lower_ in ("with", "against", "to", "from", "on", "over", "about",
                                                        "towards", "toward", "for")


def _acronym_as_town(span: Span, candidates: Sequence[PlaceCandidate]) -> bool:
    """ "a UN base", "AU troops", "the EU mission": an acronym in capitals that the gazetteer knows only as a
    small town ("Un", India) names an organisation, not the town; acronyms of countries ("US", "DRC") and of
    curated sites are read as places, and so is a town in capitals the tagger reads as a place ("GAO")."""
    return (len(span) == 1 and span.text.isupper() and span.root.ent_type_ not in _ENT_LABELS and span.text.isalpha() and len(span.text) <= 4
            and bool(candidates) and all(c.source == "city" for c in candidates))


def _start_of(mention: PlaceMention) -> int:
    return mention.start


def _spelling_variants(doc: Doc, text: str, unknown: Sequence[tuple[Span, str]], known: Sequence[PlaceMention],
                       gazetteer: Gazetteer) -> list[PlaceMention]:
    """Names in place syntax that the gazetteer does not know as written, read as spelling variants of the
    towns and provinces of the text's countries ("Bulo Burde, Hiiraan region" in a Somali story). Only in
    those countries: a variant key is loose, and abroad it would find namesakes of anything."""
    countries = article_countries(known, gazetteer)[:3]
    if not unknown:
        return []
    found: list[PlaceMention] = []
    for span, name in unknown:
        if any(p.start < span.end_char and span.start_char < p.end for p in found) or any(
                p.start < span.end_char and span.start_char < p.end and not _inside(p, span) for p in known):
            continue
        candidates = gazetteer.lookup_variant(name, countries) or _area_after(text, span, known)
        word = _kind_word(doc, span)
        if word in _PROVINCE_WORDS | _DISTRICT_WORDS:
            candidates = [c for c in candidates if c.source == "region"] or candidates
        elif word in _TOWN_WORDS:
            candidates = [c for c in candidates if c.source == "city"] or candidates
        if candidates:
            found.append(PlaceMention(span.text, span.start_char, span.end_char, span.root.i, tuple(candidates)))
    return found


def _inside(mention: PlaceMention, span: Span) -> bool:
    """A shorter mention within a longer name the variants may know: "South" in "South-West region"."""
    return span.start_char <= mention.start and mention.end <= span.end_char and \
        (mention.end - mention.start) < (span.end_char - span.start_char)


def _locate_in_areas(mentions: list[PlaceMention], text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """"Los Angeles, Biobio", "San Antonio (Valparaiso)", "Chora district, Urozgan": the second name says
    where the first lies. The first keeps the readings inside it, or, with none inside, stands for the
    area itself (the most specific place the text gives); "Los Angeles" never becomes the USA here."""
    out = list(mentions)
    countries = article_countries(mentions, gazetteer)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if first.qualifies is None and region_names_the_town(text, first.start, first.end, second.start):
            out[i] = replace(first, qualifies=second.start)  # "the Urals city of Yekaterinburg"
            area = next((a for a in first.candidates if a.source == "country" or a.precision in ("admin1", "admin2")
                         if any(gazetteer.inside(c, a) for c in second.candidates)), None)
            inside = tuple(c for c in second.candidates if area is not None and gazetteer.inside(c, area))
            out[i + 1] = replace(second, candidates=inside or second.candidates, within=area if inside else None)
            continue
        bare = _BARE_IN.match(text[first.end:second.start]) is not None
        if not (bare or _QUALIFIER_GAP.match(text[first.end:second.start])) or first.qualifies is not None:
            continue
        if first.candidates[0].source == "country":
            continue  # "Iraq, Syria and Turkey": a list of countries
        area = _area_named(first, second, gazetteer, countries)
        if area is None:
            continue
        inside = tuple(c for c in first.candidates if gazetteer.inside(c, area))
        if bare and not inside:
            continue  # "X in Y" locates X only when a reading of X lies in Y ("the Kutupalong camp in Cox's Bazar")
        out[i] = replace(first, candidates=inside or (area,), within=area)
        out[i + 1] = replace(second, qualifies=first.start)
    return out


def _area_named(place: PlaceMention, area: PlaceMention, gazetteer: Gazetteer,
                countries: Sequence[str]) -> PlaceCandidate | None:
    """The province or country the second mention names: one that holds a reading of the first if any
    does, else the best reading in the text's countries."""
    options = [c for c in area.candidates if c.source == "country" or c.precision in ("admin1", "admin2")]
    wanted = tuple(dict.fromkeys([*countries, *(c.country for m in (place, area) for c in m.candidates
                                                 if c.country)]))
    options += [c for c in gazetteer.lookup_region(area.text, wanted) if c not in options]
    if not options:
        return None
    holding = [a for a in options if any(gazetteer.inside(c, a) for c in place.candidates)]
    if not holding and any(c.source == "country" for c in options):
        holding = _country_sharing_the_name(place, area, gazetteer)
    return gazetteer.choose(holding or options, countries) or (holding or options)[0]


def _country_sharing_the_name(place: PlaceMention, area: PlaceMention, gazetteer: Gazetteer) -> list[PlaceCandidate]:
    """ "North Kivu, Congo", "Goma, Congo", "Malakal, Sudan": a place that lies in no country of the name
    written after it, but in one country whose own name holds that name as a word (the Democratic Republic of
    the Congo, South Sudan), is placed in that country: writers shorten the name, not move the province."""
    word = area.text.lower()
    homes = [home for country in dict.fromkeys(c.country for c in place.candidates if c.country)
             if (home := gazetteer.country(country)) is not None
             and word in home.name.lower().replace(",", " ").split()]
    return homes if len(homes) == 1 else []


def article_countries(mentions: Sequence[PlaceMention], gazetteer: Gazetteer | None = None) -> tuple[str, ...]:
    """Countries the article is about, most mentioned first: named countries and places whose every
    prominent reading (``Gazetteer.is_prominent``: a village namesake abroad does not count) lies in one
    country, or that the text locates in a province or country."""
    return _most_voted(_country_vote(m, gazetteer) for m in mentions)


def _most_voted(votes: Iterable[tuple[str, int] | None]) -> tuple[str, ...]:
    counts: Counter[str] = Counter()
    for vote in votes:
        if vote is not None:
            counts[vote[0]] += vote[1]
    return tuple(c for c, _ in counts.most_common())


def _country_vote(m: PlaceMention, gazetteer: Gazetteer | None) -> tuple[str, int] | None:
    """The country one mention counts for in ``article_countries``, and with what weight."""
    if m.within is not None and m.within.country:
        return m.within.country, 1
    named_country = next((c.country for c in m.candidates if c.source == "country"), None)
    if named_country:
        return named_country, 2
    if (country := _sole_country(m.candidates, gazetteer)) is not None:
        return country, 1
    return None


def _sole_country(candidates: Sequence[PlaceCandidate], gazetteer: Gazetteer | None) -> str | None:
    """The country a name stands for on its own: every prominent reading lies in it, counting readings
    on the entry's own name before alternate names ("Caracas" is not also a Bahia de Caraquez), or its
    biggest reading dwarfs every namesake abroad (ten times the people)."""
    readings = [c for c in candidates if gazetteer is None or gazetteer.is_prominent(c)]
    readings = [c for c in readings if c.primary] or readings
    countries = {c.country for c in readings if c.country}
    if len(countries) == 1:
        return next(iter(countries))
    if not readings:
        return None
    top = max(readings, key=lambda c: c.population)
    rivals = [c.population for c in readings if c.country != top.country]
    return top.country if top.country and top.population >= 10 * max(rivals, default=0) else None


def _is_actor(doc: Doc, mention: PlaceMention, args: Sequence[Token]) -> bool:
    """A mention that acts or is acted upon as a state ("Tehran said", "Iraq's parliament", "attacked
    Iraq") rather than naming where something happened. (``_SentencePlaces`` reads the parts that do not
    depend on the event's arguments once per mention.)"""
    if _compass_part(doc, mention):
        return False  # "fired rockets at northern Israel": a part of a country is a place, even as target
    if any(mention.start <= a.idx < mention.end for a in args):
        return not _where_town(doc, mention)
    return _acts_as_state(doc, mention)


def _where_town(doc: Doc, mention: PlaceMention) -> bool:
    """A town after "in"/"near" says where even when a pattern reads a state from it ("was detained in
    Beijing") or an actor's span runs over it ("villagers in Diafarabe"); a country there is the actor
    (and so is a town struck or entered: "struck Tripoli" is aimed at Lebanon and happens in Tripoli)."""
    root = doc[mention.root]
    if _which_government(root):
        return False
    of_place = root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _RESIDENTS | {
        "village", "town", "city", "township", "hamlet"}  # "killed four residents of (the village of) Bilozerka"
    where = of_place or (root.dep_ == "pobj" and root.head.lower_ in _WHERE_PREPS) or (
        root.dep_ == "dobj" and root.head.lemma_.lower() in _STRIKE_VERBS | _MOTION_VERBS) or (
        root.dep_ == "pobj" and root.head.lower_ in _AIMED_PREPS and
        root.head.head.lemma_.lower() in _ACTS_ON_A_COUNTRY)  # "Israeli strikes on Gaza City"
    # (a base or site stays the force that holds it: "struck Ain al-Asad" is aimed at its garrison)
    return where and mention.candidates[0].source in ("city", "region")


def _which_government(root: Token) -> bool:
    """"suspended cooperation with the government in Tripoli": the town says which government, not where
    the act was (as the doer, "the authorities in Tripoli arrested ...", they act where they are)."""
    body = root.head.head
    return root.dep_ == "pobj" and root.head.lower_ == "in" and body.lemma_.lower() in _GOVERNMENTS and \
        body.dep_ not in ("nsubj", "nsubjpass")


def _compass_part(doc: Doc, mention: PlaceMention) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in _COMPASS for c in doc[mention.root].children)


def _acts_as_state(doc: Doc, mention: PlaceMention) -> bool:
    """``_is_actor`` apart from the event's arguments: what the mention's place in the parse says."""
    root = doc[mention.root]
    after = doc[mention.root + 1:mention.root + 3]
    if len(after) == 2 and after[0].text == "-" and after[1].lower_ in _OF_A_PLACE:
        return True  # "a Baghdad-based militia", "a Liberia-flagged tanker": whose or whence, not where the act was
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "India and China held talks": China is a subject too
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _NATIONALITY_NOUNS:
        return True  # "detained three citizens of Tajikistan near Kyzyl-Kiya": whose, not where
    if _which_government(root):
        return True
    if root.dep_ == "poss" and root.head.lemma_.lower() in _PLACE_NOUNS | _SITE_NOUNS | _PLACE_PARTS and (
            root.head.dep_ == "dobj" or _in_location_syntax(root.head)):
        return False  # "struck Beirut's southern suburbs", "outside Georgia's parliament": where it happened
    if root.dep_ in ("nsubj", "poss", "agent", "csubj", "dative"):
        return True
    if root.dep_ in ("dobj", "nsubjpass"):
        # Objects and passive subjects are places when they are sites or towns ("struck the Ain
        # al-Asad air base", "Kharkiv was shelled") or follow a motion verb ("fled Ukraine").
        country_level = mention.candidates[0].precision == "country"
        return country_level and root.head.lemma_.lower() not in _MOTION_VERBS
    # "Iraq forces", "Tehran government": a compound naming an actor, not a place ("Natanz plant" is one;
    # a country before a site owns it: "a US outpost in eastern Syria" is in Syria)
    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" and (
        _is_country_level(mention) or root.head.lemma_.lower() not in _PLACE_NOUNS | _SITE_NOUNS)


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
        if node.lemma_.lower() in _NEAR_PARTS and node.i != root:
            relation = "near"  # "on the outskirts of Aleppo"
        if node.dep_ == "dobj" and relation is None and node.head.i == trigger.i:
            relation = "at"  # the object of the act is where it happened
        node, hops = node.head, hops + 1
    return None


def _is_country_level(mention: PlaceMention) -> bool:
    return mention.within is None and mention.candidates[0].source == "country"


def _finer_than(town: PlaceMention, area: PlaceMention) -> bool:
    """``town`` is a town of the province ``area`` names (a province or district only, never a town itself),
    or ``area`` is a line or a sea of no country (the Line of Control, the Gulf of Aden) and ``town`` a
    place on land."""
    if town.dateline or not any(c.source == "city" for c in town.candidates):
        return False
    if all(c.country is None for c in area.candidates):
        return any(c.country is not None for c in town.candidates)
    if area.within is not None or any(c.source in ("city", "country") or (
            c.source == "curated" and c.precision not in ("admin1", "admin2")) for c in area.candidates):
        return False
    countries = {c.country for c in area.candidates}
    return any(c.source == "city" and c.country in countries for c in town.candidates)


_DATELINE_KEY = "brinkwatch.places.dateline"


def _same_statement(mention_root: Token, trigger: Token) -> bool:
    """The mention's clause is the trigger's, one above it, or a participle/coordinate clause of it -
    not a clause subordinate to something else ("voted to demand that Russia stop its offensive in
    Ukraine" does not place the vote in Ukraine). (``_SentencePlaces.same_statement`` is this test read
    once per mention.)"""
    own, other = clause_verb(trigger), clause_verb(mention_root)
    if other.i == own.i or other.is_ancestor(own):
        return True
    top = _clause_top(other)
    if _describes_the_object(mention_root, top) and clause_verb(top.head).i == own.i:
        return True
    if (held := people_doing(other)) is not None and held.i == own.i:
        return True  # "fired at students marching in the capital": where the people fired at were  # "killed four civilians travelling near Afgooye": where the victims were
    return other.head.i == own.i and other.dep_ in ("advcl", "conj", "xcomp")


def _describes_the_object(mention_root: Token, other: Token) -> bool:
    """The mention sits in a clause on a noun of the trigger's clause that puts its people there: a
    participle ("civilians travelling near Afgooye"), or a relative or passive clause that says near what
    ("citizens who had crossed the border near Kyzyl-Kiya", "men accused of spying on the outskirts of
    Omdurman"); a relative clause's "in Syria" ("a man who had fought in Syria") is his past, not the act's."""
    if other.dep_ == "acl" and (other.tag_ == "VBG" or naming_clause(other)):
        return True
    if other.dep_ not in ("acl", "relcl"):
        return False
    node = mention_root
    while node.i != other.i and node.head.i != node.i:
        if (node.dep_ == "pobj" and node.head.lower_ in _NEAR_PREPS) or node.lemma_.lower() in _NEAR_PARTS:
            return True
        node = node.head
    return False


def _clause_top(verb: Token) -> Token:
    """The clause a gerund after a preposition belongs to: "accused of collaborating ..." is the participle
    clause "accused"."""
    for _ in range(4):
        if verb.dep_ != "pcomp" or verb.head.head.i == verb.head.i:
            break
        verb = clause_verb(verb.head)
    return verb


def _relation(doc: Doc, root: int) -> str | None:
    tok = doc[root]
    if tok.dep_ == "pobj" and tok.head.lower_ in _LOCATION_PREPS:
        return tok.head.lower_
    return None


def _settlement_relation(doc: Doc, root: int) -> str | None:
    """"in the Danube port of Izmail", "on the outskirts of Kandy": the preposition of the place noun whose
    "of X" the name is (for ``note_place``: a later sentence goes on where this one was)."""
    tok = doc[root]
    if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head.lemma_.lower() not in _PLACE_NOUNS:
        return None
    noun = tok.head.head
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _MOTION_VERBS | _STRIKE_VERBS:
        return "in"  # "entered the northern town of Tal Afar", "shelled the port of Ochakiv"
    return _relation(doc, noun.i)


def _dateline(doc: Doc):
    """The document's dateline, found once per document: ``Doc.text`` rebuilds the text from every token,
    so asking it once per event made coding quadratic in the document's length."""
    if _DATELINE_KEY not in doc.user_data:
        doc.user_data[_DATELINE_KEY] = find_layout(doc.text).dateline
    return doc.user_data[_DATELINE_KEY]


@dataclass
class _SentencePlaces:
    """The place mentions of one sentence with what ``place_for_event`` asks of them that does not depend on
    the event, read once per sentence: asked for every event, a sentence of many events and many places cost
    the square of its length. Each answer is the one the per-mention tests (``_is_actor``,
    ``_path_to_trigger``, ``_same_statement``, ``article_countries``) give."""

    mentions: Sequence[PlaceMention]  # as given (kept: the cache key holds their ids)
    in_sent: list[PlaceMention]
    any_dateline: bool
    compass: list[bool]
    where: list[bool]  # a town after "in"/"near" or struck: a place even when an argument falls in it
    plain: list[int]  # positions that are candidates unless an argument falls in them: compass or not a state
    reach: dict[int, list[int]]  # token -> positions whose way up meets it (``_path_to_trigger``'s walk)
    statement: list[tuple[int, int, str, int]]  # clause verb, its head, its dep, acl participle's clause
    by_start: list[tuple[int, int]]  # (start, position), sorted
    reach_end: list[int]  # the furthest end among by_start[:k + 1]
    votes: dict[int, list[tuple[str, int] | None]]  # per gazetteer id: each mention's country vote

    def candidates(self, args: Sequence[Token]) -> list[int]:
        """Positions of the mentions that are no actor of the event (``_is_actor`` is False)."""
        hit: set[int] = set()
        for arg in args:
            k = bisect.bisect_right(self.by_start, (arg.idx, len(self.in_sent))) - 1
            while k >= 0 and self.reach_end[k] > arg.idx:
                at = self.by_start[k][1]
                if arg.idx < self.in_sent[at].end and not self.compass[at]:
                    hit.add(at)
                k -= 1
        if not hit:
            return self.plain
        plain = set(self.plain)
        return [at for at in range(len(self.in_sent)) if (self.where[at] if at in hit else at in plain)]

    def reaching(self, token: int, candidates: list[int]) -> list[int]:
        ok = set(candidates)
        return [at for at in self.reach.get(token, ()) if at in ok]

    def same_statement(self, candidates: list[int], trigger: Token) -> list[PlaceMention]:
        if not candidates:
            return []
        own = clause_verb(trigger)
        above = {a.i for a in own.ancestors}
        found = []
        for at in candidates:
            other, head, dep, participle_clause = self.statement[at]
            if other == own.i or other in above or participle_clause == own.i or (
                    head == own.i and dep in ("advcl", "conj", "xcomp")):
                found.append(self.in_sent[at])
        return found

    def countries_without(self, best: PlaceMention, gazetteer: Gazetteer) -> tuple[str, ...]:
        """``article_countries`` of the sentence's other mentions."""
        votes = self.votes.get(id(gazetteer))
        if votes is None:
            votes = self.votes[id(gazetteer)] = [_country_vote(m, gazetteer) for m in self.in_sent]
        return _most_voted(vote for m, vote in zip(self.in_sent, votes, strict=True) if m is not best)


_SENTENCE_PLACES_KEY = "brinkwatch.places.sentences"


def _sentence_places(mentions: Sequence[PlaceMention], doc: Doc, sent: Span) -> _SentencePlaces:
    cache = doc.user_data.setdefault(_SENTENCE_PLACES_KEY, {})
    key = (sent.start, sent.end, tuple(map(id, mentions)))
    if key not in cache:
        cache[key] = _index_places(mentions, doc, sent)
    return cache[key]


def _index_places(mentions: Sequence[PlaceMention], doc: Doc, sent: Span) -> _SentencePlaces:
    in_sent = [m for m in mentions if sent.start_char <= m.start and m.end <= sent.end_char and not m.dateline]
    compass = [_compass_part(doc, m) for m in in_sent]
    where = [_where_town(doc, m) for m in in_sent]
    gone = [says_no_place(doc, m.root) for m in in_sent]  # "flights to Beirut", "named after Mecca"
    where = [w and not g for w, g in zip(where, gone, strict=True)]
    plain = [at for at, m in enumerate(in_sent) if not gone[at] and (compass[at] or not _acts_as_state(doc, m))]
    reach: dict[int, list[int]] = {}
    statement = []
    for at, m in enumerate(in_sent):
        node, hops = doc[m.root], 0
        while hops < 10:  # the walk of _path_to_trigger: the tokens it checks against the trigger
            reach.setdefault(node.i, []).append(at)
            if (node.i != m.root and node.pos_ in ("VERB", "AUX") and node.dep_ != "xcomp") or node.head.i == node.i:
                break
            node, hops = node.head, hops + 1
        other = clause_verb(doc[m.root])
        top = _clause_top(other)
        participle = clause_verb(top.head).i if _describes_the_object(doc[m.root], top) else -1
        if (held := people_doing(other)) is not None:
            participle = held.i  # "fired at students marching in the capital"
        statement.append((other.i, other.head.i, other.dep_, participle))
    by_start = sorted((m.start, at) for at, m in enumerate(in_sent))
    reach_end, furthest = [], -1
    for _, at in by_start:
        furthest = max(furthest, in_sent[at].end)
        reach_end.append(furthest)
    return _SentencePlaces(mentions, in_sent, any(m.dateline for m in mentions), compass, where, plain, reach,
                           statement, by_start, reach_end, {})


def place_for_event(mentions: Sequence[PlaceMention], doc: Doc, sent: Span, trigger: Token,
                    context: Sequence[str], gazetteer: Gazetteer, args: Sequence[Token] = (),
                    actor_countries: Sequence[str] = (), filed_at: Place | None = None,
                    police_countries: Sequence[str] = ()) -> Place | None:
    """The event's place: the location phrase attached to the trigger (nearest in the tree), else the
    nearest place in the sentence that is not an actor. Ambiguous names are read in the countries of the
    province the text puts them in, of the sentence's places, of the event's actors (``actor_countries``),
    then of the article; a town read in a country the sentence names nowhere else is the namesake in the
    country the story was filed from (``filed_at``): "Palma" in a story from Maputo is not Mallorca. A police
    force acts at home (``police_countries``): "Honduran police ... in Trujillo" is Honduras's Trujillo."""
    index = _sentence_places(mentions, doc, sent)
    in_sent = index.in_sent
    candidates = index.candidates(args)
    attached: list[tuple[int, int, PlaceMention, str | None]] = []
    for at in index.reaching(trigger.i, candidates):
        m = in_sent[at]
        path = _path_to_trigger(doc, m.root, trigger)
        if path is not None and path[1] is not None:
            weak = 1 if path[1] in _WEAK_PREPS else 0
            attached.append((weak, path[0], m, path[1]))
    if attached:
        _, _, best, relation = min(attached, key=lambda a: (a[0], a[1], a[2].start))
        # "In Colombia, guerrillas killed five soldiers near Tibu": the town in that country, not the country
        finer = [a for a in attached if a[0] == 0 and _is_country_level(best) and not _is_country_level(a[2])
                 and best.candidates[0].country in {c.country for c in a[2].candidates}]
        if finer:
            _, _, best, relation = min(finer, key=lambda a: (a[1], a[2].start))
        # "In North Kivu Province, Beni territory, fighters attacked the outskirts of Oicha": the town inside
        # the province; "near the Line of Control in the Krishna Ghati sector of Poonch district": the
        # district a line or a sea is located by
        inner = [a for a in attached if a[0] == 0 and a[2] is not best and _finer_than(a[2], best)]
        if inner:
            _, _, best, relation = min(inner, key=lambda a: (a[1], a[2].start))
        # "near the border with Afghanistan in Kurram district": the side the text names is the place
        named_side = [a for a in attached if a[0] == 0 and not a[2].border_of]
        if best.border_of and named_side:
            _, _, best, relation = min(named_side, key=lambda a: (a[1], a[2].start))
    elif nearby := index.same_statement(candidates, trigger):
        best = min(nearby, key=lambda m: abs(m.root - trigger.i))
        relation = _relation(doc, best.root)
    else:
        # A wire story's first sentence happens where it was filed unless it says otherwise.
        # (the dateline is a sentence of its own when the pipeline marks the structure: the one after it)
        if not index.any_dateline:
            return None  # (checked first: Doc.text is rebuilt from the tokens on every access)
        dateline = _dateline(doc)
        first = dateline is not None and sent.start_char <= dateline.end < sent.end_char
        filed = [m for m in mentions if m.dateline and (first or sent.start_char <= m.start < sent.end_char)]
        if not filed:
            return None
        best, relation = filed[-1], None
    if best.qualifies is not None:  # "Jowzjan" in "Mingajik city, Jowzjan": the town is the place
        best = next((m for m in in_sent if m.start == best.qualifies), best)
    # the countries of the sentence come before the article's: "Tripoli" next to "Lebanon"
    local = [best.within.country] if best.within is not None and best.within.country else []
    local += index.countries_without(best, gazetteer)
    countries = tuple(dict.fromkeys([*local, *actor_countries, *context]))
    relation = _RELATION_WORDS.get(relation, relation) if relation else None
    # a reading in a country the sentence itself names elsewhere beats a bigger namesake abroad: "near
    # Cordoba's border with Antioquia" is Colombia's department, not Argentina's city
    # (a name of its own only: "Iraq" next to "Tehran" is the country, not an old spelling of Arak)
    in_local = [] if any(c.source == "country" for c in best.candidates) else [
        c for c in best.candidates if c.country in local and c.primary]
    chosen = gazetteer.choose(in_local or best.candidates, countries) or _only_reading(best)
    at_home = [c for c in best.candidates if c.country in police_countries and c.primary
               and c.source in ("city", "region")]
    if not in_local and at_home and (chosen is None or chosen.country not in police_countries):
        chosen = gazetteer.choose(at_home, police_countries) or chosen
    if best.within is None:
        # (the article's countries are left out: the name's own reading abroad may be what put one there)
        chosen = _near_the_filing_town(best, chosen, filed_at, [*local, *actor_countries])
    if chosen is None:
        return None
    if best.border_of:
        return _other_side(chosen, best, countries, gazetteer)
    if chosen.source == "country" and _seat_of_state(doc, best):
        chosen = gazetteer.capital(chosen.country or "") or chosen  # "outside Georgia's parliament": Tbilisi
    if chosen.source != "country" and (away := _distance_from(doc, best)) is not None:
        chosen, relation = moved(chosen, *away), "near"  # "about 40 km north of Trincomalee"
    return to_place(chosen, best.text, best.start, best.end, relation)


_DISTANCE_BEFORE = re.compile(
    r"(\d+(?:[.,]\d+)?)[\s-]*(" + "|".join(sorted(map(re.escape, _UNITS_KM), key=len, reverse=True)) +
    r")\s+(?:to\s+the\s+)?((?:north|south)?-?(?:east|west)?|north|south)(?:ward)?\s+of\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?$",
    re.IGNORECASE)


def _distance_from(doc: Doc, mention: PlaceMention) -> tuple[float, float] | None:
    """(km, bearing) when the text puts the event a distance off the place: "about 40 km north of
    Trincomalee", "90 nautical miles south-east of Aden", "15 miles west of the town of Kunduz"."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    # (the few tokens before the name, not Doc.text: that is rebuilt from every token on each access)
    m = _DISTANCE_BEFORE.search(doc[max(0, span.start - 14):span.start].text_with_ws)
    if m is None:
        return None
    bearing = _BEARINGS.get(m.group(3).lower().replace("-", ""))
    if bearing is None:
        return None
    return float(m.group(1).replace(",", "")) * _UNITS_KM[m.group(2).lower()], bearing


def _near_the_filing_town(mention: PlaceMention, chosen: PlaceCandidate | None,
                          filed: Place | None, countries: Sequence[str] = ()) -> PlaceCandidate | None:
    """A town name read in a country the sentence names nowhere else (``countries``: its other places', its
    actors') is the namesake in the country the story was filed from, the one nearest the
    filing town: "Palma" in a story from Pemba or Maputo is in Cabo Delgado, not Mallorca. Only between
    towns and districts: a country or a curated site keeps its reading."""
    if filed is None or chosen is None or chosen.source not in ("city", "region") or \
            chosen.country == filed.country or chosen.country in countries:
        return chosen
    home = [c for c in mention.candidates if c.country == filed.country and c.source in ("city", "region")]
    if not home:
        return chosen
    if filed.lat is None or filed.lon is None or any(c.lat is None or c.lon is None for c in home):
        return max(home, key=lambda c: c.population)
    return min(home, key=lambda c: km(c.lat, c.lon, filed.lat, filed.lon))


def _seat_of_state(doc: Doc, mention: PlaceMention) -> bool:
    root = doc[mention.root]
    return root.dep_ == "poss" and root.head.lemma_.lower() in _SEATS_OF_STATE


def _only_reading(mention: PlaceMention) -> PlaceCandidate | None:
    """A small town outside the text's countries is not chosen for a name (it may be a word or a person);
    but a name the tagger calls a place, in a location phrase, with one reading in the whole gazetteer
    ("stormed Vuhledar", "in Mangu") has nothing else it could be."""
    readings = {c.row for c in mention.candidates}
    return mention.candidates[0] if mention.tagged and len(readings) == 1 else None


def _other_side(named: PlaceCandidate, mention: PlaceMention, countries: Sequence[str],
                gazetteer: Gazetteer) -> Place | None:
    """"Clashes near the border with Turkey" in a Syrian story happen in Syria, near the border: the
    country of the text that is not the one named; with no other country, the border of the named one."""
    other = next((c for c in countries if c != named.country), None)
    country = gazetteer.country(other) if other else None
    chosen = country if country is not None else named
    return to_place(chosen, mention.text, mention.start, mention.end, "near")


def note_place(mentions: Sequence[PlaceMention], doc: Doc, start: int, end: int, context: Sequence[str],
               gazetteer: Gazetteer, nearest: bool = False) -> Place | None:
    """Where a conflict monitor's note happened, for its later sentences that name no place: the first
    place its text (from ``start``, the note's opening date, to ``end``) gives in a location phrase ("in
    Djibo, Soum province", "near Gao"); with ``nearest``, the last one before ``end`` (a paragraph's
    sentences go on where the one before them left off)."""
    for m in (reversed(mentions) if nearest else mentions):
        if m.start < start or m.end > end or m.dateline or m.qualifies is not None:
            continue
        if m.within is None and _relation(doc, m.root) is None and _settlement_relation(doc, m.root) is None:
            continue
        countries = ([m.within.country] if m.within is not None and m.within.country else []) + list(context)
        chosen = gazetteer.choose(m.candidates, countries)
        if chosen is not None:
            relation = _relation(doc, m.root) or _settlement_relation(doc, m.root)
            return to_place(chosen, m.text, m.start, m.end, _RELATION_WORDS.get(relation, relation) if relation else None)
    return None


def story_place_country(mentions: Sequence[PlaceMention], doc: Doc, gazetteer: Gazetteer) -> str | None:
    """The one country of the places the text names in location phrases ("events in the Mopti and Segou
    regions"), if there is exactly one; a name that only acts ("Tehran said") is not counted."""
    located = [m for m in mentions if not m.dateline and not m.border_of and
               (m.within is not None or _says_where(doc[m.root]))]
    countries = article_countries(located, gazetteer)
    return countries[0] if len(countries) == 1 else None


def _says_where(root: Token) -> bool:
    """After "in", "at", "near" ... (through "the A and B regions"): where, not whom ("sanctions on Tehran")."""
    node = root
    while node.dep_ in ("compound", "conj", "appos", "nmod") and node.head.i != node.i:
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ in _WHERE_PREPS | {"across", "throughout"}


def dateline_place(mentions: Sequence[PlaceMention], context: Sequence[str], gazetteer: Gazetteer) -> Place | None:
    """Where the story was filed, for events the text places nowhere else: the dateline's town ("QUETTA,
    Pakistan" is Quetta; "ISLAMABAD/NEW DELHI" the first), or its country when it names only that."""
    filed = [m for m in mentions if m.dateline]
    if not filed:
        return None
    best = next((m for m in filed if not _is_country_level(m)), filed[0])
    chosen = gazetteer.choose(best.candidates, context)
    return None if chosen is None else to_place(chosen, best.text, best.start, best.end)


def struck_country(mentions: Sequence[PlaceMention], doc: Doc, sent: Span, trigger: Token,
                   gazetteer: Gazetteer) -> Place | None:
    """The country an armed act is aimed at, as its place when the sentence names no other: "Israel struck
    Iran", "fired rockets at Israel", "launched air strikes on Afghanistan". (As an actor the country is the
    target; the place says the act happened on its soil.)"""
    if trigger.lemma_.lower() not in _ACTS_ON_A_COUNTRY:
        return None
    for m in mentions:
        if not (sent.start_char <= m.start and m.end <= sent.end_char) or not _is_country_level(m) or m.dateline:
            continue
        node = doc[m.root]
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        aimed = node.dep_ == "dobj" and node.head.i == trigger.i
        if node.dep_ == "pobj" and node.head.lower_ in _AIMED_PREPS:
            owner = node.head.head  # "fired rockets at Israel", "launched strikes on Afghanistan"
            aimed = owner.i == trigger.i or owner.head.i == trigger.i
        if aimed:
            return to_place(m.candidates[0], m.text, m.start, m.end, "in")
    return None
