"""Place forms of report prose that ``extract.places`` reads with their own rules (issue 12, places round 2):

- "the Urals city of Yekaterinburg", "the Red Sea port of Eilat": the name after "<town noun> of" is the place;
  the name before it only says in what region it lies (never a place of its own: "Urals" is no Ralls, Texas).
- "in the capital", "the Kenyan capital", "Zambia's capital": the capital of the story's country.
- "flights to Beirut", "a flight from Istanbul", "a hotel named after Mecca": a name that says where a thing
  goes, comes from or what it is named after, not where the act happened.
- a bare name that is both a town and the province named after it ("gathered in Hama") is the town; the
  province needs its noun ("in Hama province", "the Hama and Idlib provinces").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from brinkwatch.cache import safe_load_yaml
from brinkwatch.extract.place_words import _WORDS
from brinkwatch.geo import Gazetteer, PlaceCandidate

# "the Urals city of", "the northern Red Sea port of", "the Siberian oil town of": a settlement noun and "of"
_SETTLEMENT_OF = re.compile(r"^\s+(?:port\s+)?(?:city|town|village|port|resort|township|hamlet|oasis)\s+of\s+$",
                            re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+(?:[a-z]+\s+)?$")
SETTLEMENT_NOUNS = frozenset(_WORDS.settlement_nouns)


def region_names_the_town(text: str, first_start: int, first_end: int, second_start: int) -> bool:
    """``text[first_start:first_end]`` is the region in "the <region> <town noun> of <town>" and the town
    starts at ``second_start``."""
    return bool(_SETTLEMENT_OF.match(text[first_end:second_start])) and \
        bool(_THE_BEFORE.search(text[max(0, first_start - 24):first_start]))


def settlement_before(doc: Doc, span: Span) -> str | None:
    """"the city of Tomsk", "the Red Sea port of Safaga": the settlement noun before "of" (``port`` and the
    like read as "town")."""
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return None
    word = doc[span.start - 2].lower_
    if word in SETTLEMENT_NOUNS:
        return "town" if word in ("port", "resort", "oasis") else word
    return None


# ---------------------------------------------------------------- the capital

# Adjectives of a capital that make it some other seat: "the provincial capital", "the commercial capital".
_OTHER_CAPITALS = frozenset(_WORDS.other_capitals)
_CAPITAL_PREPS = frozenset(_WORDS.capital_preps)
_COUNTRIES_FILE = Path(__file__).resolve().parents[1] / "actors" / "data" / "countries.yaml"


@cache
def country_adjectives() -> dict[str, str]:
    """Country adjectives ("Zambian" -> ZMB) from the actors' country file (read only; its header names the
    sources)."""
    data = safe_load_yaml(_COUNTRIES_FILE.read_text(encoding="utf-8")) or {}
    out: dict[str, str] = {}
    for entry in data.get("countries", []) if isinstance(data, dict) else data:
        for adj in entry.get("adjectives", []) or []:
            out.setdefault(adj.lower(), entry["code"])
    return out


def _capital_tokens(doc: Doc) -> list[Token]:
    out = []
    for tok in doc:
        if tok.lower_ != "capital" or tok.dep_ != "pobj" or tok.head.lower_ not in _CAPITAL_PREPS:
            continue
        kids = list(tok.children)
        if not any(k.dep_ == "det" and k.lower_ == "the" for k in kids) and not any(k.dep_ == "poss" for k in kids):
            continue
        if any(k.dep_ in ("prep", "appos", "relcl", "acl") for k in kids) or any(
                k.dep_ in ("amod", "compound") and k.lower_ in _OTHER_CAPITALS for k in kids):
            continue  # "the capital of Tigray", "the capital, Freetown", "the provincial capital"
        if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," and doc[tok.i + 2].pos_ == "PROPN":
            continue  # "in the capital, Freetown": the name says it
        out.append(tok)
    return out


def capital_mentions(doc: Doc, gazetteer: Gazetteer, votes: Sequence[tuple[int, str, int]],
                     dateline_country: str | None) -> list[tuple[Span, PlaceCandidate]]:
    """"in the capital" and its kin: the capital of the country the phrase names ("the Kenyan capital",
    "Zambia's capital"), else of the country the sentence's places or adjectives name (a regional hub's
    dateline: "NAIROBI - Somali troops ... in the capital"), else the dateline's ("HARARE - ... in the
    capital"), else the text's places (``votes``: start, country and weight of each place mention but the
    dateline's and those the text is only about), else the text's adjectives ("Zambian police ...")."""
    tokens = _capital_tokens(doc)
    if not tokens:
        return []
    adjectives = country_adjectives()
    out = []
    for tok in tokens:
        own = None
        for k in tok.children:
            if k.dep_ in ("amod", "compound", "poss") and k.text.removesuffix("'s").lower() in adjectives:
                own = adjectives[k.text.removesuffix("'s").lower()]
            elif k.dep_ == "poss" and (iso := gazetteer.is_country(k.text)):
                own = iso
            elif k.dep_ in ("amod", "compound", "poss"):
                own = own or ""
        if own == "":
            continue  # "the rebels' capital", "the Kurdish capital": not a state's capital we know
        sent = tok.sent
        country = own or _most(v for v in votes if sent.start_char <= v[0] < sent.end_char) or \
            _adjective_country(sent.text) or dateline_country or _most(votes) or _adjective_country(doc.text)
        capital = gazetteer.capital(country) if country else None
        if capital is not None:
            lo = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ == "the" else tok.i
            out.append((doc[lo:tok.i + 1], capital))
    return out


def _most(votes) -> str | None:
    counts: Counter[str] = Counter()
    for _, country, weight in votes:
        counts[country] += weight
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


@cache
def _adjective_pattern() -> re.Pattern[str]:
    names = sorted((a for a in country_adjectives() if a[:1].isalpha()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(a.title()) for a in names) + r")\b")


def _adjective_country(text: str) -> str | None:
    """The country whose adjective the text uses most, if one leads ("Sri Lankan police")."""
    adjectives = country_adjectives()
    counts = Counter(adjectives[m.group().lower()] for m in _adjective_pattern().finditer(text))
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


# ---------------------------------------------------------------- names that say no place of the act

_WHITHER_NOUNS_PREPS = frozenset(_WORDS.whither_preps)
# Nouns whose "to X"/"from X" is a destination or an origin, not a place of the act ("the road to Kherson",
# "the approaches to Kyiv" are places: they are not here).
_TRAVEL_NOUNS = frozenset(_WORDS.travel_nouns)
_NAMING_VERBS = frozenset(_WORDS.naming_verbs)


def says_no_place(doc: Doc, root: int, trigger: Token | None = None) -> bool:
    """"suspended flights to Beirut", "a flight from Istanbul", "exports to China": a name after "to"/"from"
    on a noun says where a thing goes or comes from; "a hotel named after Mecca": what it is named after.
    Neither is where the act happened (a verb's own "to"/"from" is left to the caller: "fled to Chad")."""
    tok = doc[root]
    if _for_a_cause(tok):
        return True
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj":
        return False
    prep, owner = tok.head, tok.head.head
    if prep.lower_ in ("after", "for") and owner.lemma_.lower() in _NAMING_VERBS:
        return True
    return prep.lower_ in _WHITHER_NOUNS_PREPS and owner.pos_ == "NOUN" and \
        owner.lemma_.lower() in _TRAVEL_NOUNS and (trigger is None or owner.i != trigger.i) and \
        not _under_way(owner)


# "during a visit to Seoul", "on a trip to Nairobi", "while on a visit to Ankara": an act told in the course of a
# journey happened where it went ("cancelled a visit to X", "ahead of a visit to X" still say no place)
_UNDER_WAY_PREPS = frozenset(_WORDS.under_way_preps)
_JOURNEY_NOUNS = frozenset(_WORDS.journey_nouns)


def _under_way(owner: Token) -> bool:
    return owner.lemma_.lower() in _JOURNEY_NOUNS and owner.dep_ == "pobj" and \
        owner.head.lower_ in _UNDER_WAY_PREPS


# "in solidarity with Gaza", "in support of Palestinians in Gaza", "in protest against the war in Yemen", "in
# memory of the victims of Halabja": whom or what the act is for, not where it happened.
_CAUSE_NOUNS = frozenset(_WORDS.cause_nouns)


def _for_a_cause(tok: Token) -> bool:
    """"in solidarity with X" and its kin before the mention, with no verb or clause break between (read off
    the words: the parser often makes "solidarity" a name and hangs "with X" on the verb)."""
    doc, lo = tok.doc, max(tok.sent.start, tok.i - 10)
    for i in range(tok.i - 1, lo, -1):
        word = doc[i]
        if word.text in (",", ";", ":", "(", ")") or word.pos_ in ("VERB", "AUX") or \
                (word.lower_ in ("in", "at", "near", "outside", "inside") and doc[i - 1].lower_ not in _CAUSE_NOUNS):
            return False  # "in support of the army in Bamako" may well march in Bamako: left as it was
        if word.lower_ in _CAUSE_NOUNS and doc[i - 1].lower_ in ("in", "as") and i + 1 < len(doc) and \
                doc[i + 1].lower_ in ("with", "of", "for", "against", "at", "over", "to"):
            return True  # ("in the protest in Gaza" has its article: an event there)
    return False


def naming_clause(clause: Token) -> bool:
    """"a hotel named after Mecca in Mogadishu": the naming participle's other places say where the thing
    named is."""
    return clause.dep_ == "acl" and clause.lemma_.lower() in _NAMING_VERBS


# ---------------------------------------------------------------- a town and its province of one name

_PLURAL_AREAS = frozenset(_WORDS.plural_areas)


def town_over_its_province(doc: Doc, span: Span, candidates: list[PlaceCandidate],
                           gazetteer: Gazetteer) -> list[PlaceCandidate]:
    """A name given with no admin noun that is both a prominent town and the province it lies in ("in Hama",
    "the town of Tubas") is the town: the province readings of its country are dropped. A plural noun after a
    list keeps them ("in the Hama and Idlib provinces")."""
    for tok in doc[span.end:span.end + 6]:
        if tok.lower_ in _PLURAL_AREAS:
            return candidates
        if not (tok.pos_ == "PROPN" or tok.lower_ in ("and", ",", "or")):
            break
    towns = [c for c in candidates if c.source == "city" and gazetteer.is_prominent(c)]
    if not towns:
        return candidates
    drop = {c.row for c in candidates if c.source == "region" and c.precision in ("admin1", "admin2") and
            any(t.country == c.country and gazetteer.inside(t, c) for t in towns)}
    return [c for c in candidates if c.row not in drop] if drop else candidates


# ---------------------------------------------------------------- a landmark named after its town

_LANDMARK_WORDS = frozenset(_WORDS.landmark_words)


def town_in_landmark(doc: Doc, ent: Span, gazetteer: Gazetteer) -> Span | None:
    """"around Dhaka University", "near Kabul Stadium": a landmark the gazetteer lacks whose name opens with a
    town the gazetteer knows (a prominent one) is located by that town, where the landmark stands in a
    location phrase."""
    if len(ent) < 2 or ent[-1].lower_ not in _LANDMARK_WORDS or ent.label_ not in ("ORG", "FAC", "GPE", "LOC"):
        return None
    root = ent.root
    if not (root.dep_ == "pobj" and root.head.lower_ in _CAPITAL_PREPS):
        return None
    lo = ent.start + (1 if ent[0].lower_ == "the" else 0)
    name = doc[lo:ent.end - 1]
    if not len(name) or not all(t.is_title for t in name) or gazetteer.lookup(ent.text):
        return None
    towns = [c for c in gazetteer.lookup(name.text) if c.source == "city" and gazetteer.is_prominent(c)]
    return name if towns else None


def people_doing(verb: Token) -> Token | None:
    """"fired water cannon at students marching in the capital", "opened fire on villagers returning near
    Jenin": the parser makes the participle a clause of the preposition with the people as its subject; its
    place is where the people were when the act hit them. Returns the clause verb the preposition hangs on."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ not in ("at", "on", "upon"):
        return None
    if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return None
    from brinkwatch.nlp.frames import clause_verb

    return clause_verb(verb.head)


# "the Pakistani city of", "the northern Nigerian town of", "the Sri Lankan port of": the adjective names the
# country of the settlement named after "of"
_ADJECTIVE_SETTLEMENT_OF = re.compile(
    r"\bthe\s+(?:[a-z-]+\s+)?((?:[A-Z][a-zA-Z]+\s+){1,2})(?:[a-z-]+\s+)?(?:port\s+)?"
    r"(?:city|town|village|port|resort|township|hamlet|oasis|capital)\s+of\s+$")


def country_of_the_adjective(text: str, start: int) -> str | None:
    """The country whose adjective stands in "the <Adjective> city of" right before ``start``."""
    m = _ADJECTIVE_SETTLEMENT_OF.search(text[max(0, start - 60):start])
    return country_adjectives().get(m.group(1).strip().lower()) if m else None
