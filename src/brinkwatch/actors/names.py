"""Stage 1 of actor resolution: where the document names something the actor KB knows.

``find_names(kb, doc, word_pieces, when)`` matches KB names over token windows (greedy, longest first, left
to right) and returns a table from token index to the ``NameSpan`` covering it. It owns the guards that keep
a KB name from matching where the text means something else: "turkey" in lower case, "Mr. Paris", "Florence
Nightingale", the "Security Council" tail of a longer unknown council, an acronym in brackets that glosses
an unknown name. ``define_acronyms`` then reads "the Libyan National Army (LNA)" so later "LNA" tokens are
names too. Nothing here resolves a noun phrase; that is ``resolver.DocActors``'s job.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from brinkwatch.actors.kb import ActorKB, KBMatch, Key, surface

PLACE_KINDS = ("country", "capital", "region", "city")
_CITY_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPOSITIONS = frozenset({"in", "near", "towards", "toward", "into", "outside", "around", "at", "from",
                                 "to", "on", "inside", "across", "through", "beyond"})
_HONORIFICS = frozenset({("mr",), ("mrs",), ("ms",), ("miss",), ("dr",), ("mme",), ("messrs",)})


@dataclass(frozen=True)
class NameSpan:
    """A KB name found in the document: tokens ``start``..``end`` (exclusive) and the entry they match."""

    start: int
    end: int
    match: KBMatch
    readings: tuple[KBMatch, ...] = ()  # every entry the name matched ("Georgia": the country, the US state)


NameTable = dict[int, NameSpan]  # token index -> the name covering it
# place name -> countries with a town, district or province of it -> (the biggest town's population, whether
# a province or district has the name)
TownCountries = Callable[[str], dict[str, tuple[int, bool]]]
# a namesake outweighs the KB's reading of a town when it is no village (GeoNames' towns of 1,000 people
# include a Tripoli in Ohio), and of a capital only when it is a city in its own right (Tripoli, Lebanon;
# George Town, Penang), not Paris, Texas
_NAMESAKE_TOWN, _NAMESAKE_OF_CAPITAL = 15_000, 100_000
_AREA_NOUNS = frozenset({"province", "region", "state", "district", "department", "governorate", "county"})


def find_names(kb: ActorKB, doc: Doc, word_pieces: list[Key], when: dt.date | None,
               town_countries: TownCountries | None = None, dateline: tuple[int, int] = (0, 0)) -> NameTable:
    """Every KB name in ``doc`` (``word_pieces[i]`` is ``kb.pieces(doc[i].text)``), longest match first.

    ``town_countries`` (the gazetteer's, when given) lets a town name the KB files under one country take
    another country's namesake that the sentence's nationality words name ("Pakistani police ... in Bara"),
    or else the dateline (``dateline``: its character range) names ("ISLAMABAD - ... in Bara")."""
    return _NameFinder(kb, doc, word_pieces, when, town_countries, dateline).find()


def define_acronyms(doc: Doc, names: NameTable) -> dict[str, Token]:
    """ "the Libyan National Army (LNA) ... LNA forces": an acronym the article defines in brackets stands
    for the spelled-out name wherever it is used later, known to the KB or not.

    Returns acronym -> the last word of the name it glosses; later uses of an acronym whose name the KB
    knows are added to ``names`` (in place)."""
    acronyms: dict[str, Token] = {}
    for index, token in enumerate(doc):
        named = glossed_name(doc, token)
        if named is None or token.text in acronyms:
            continue
        acronyms[token.text] = named
        found = names.get(named.i)
        for later in range(index + 2, len(doc)):
            if doc[later].text == token.text and later not in names and found is not None:
                names[later] = NameSpan(later, later + 1, found.match)
    return acronyms


def glossed_name(doc: Doc, head: Token) -> Token | None:
    """The last word of the name that a bracketed acronym spells out: "Union" in "Ruritania
    Farmers Union (RFU)"."""
    i = head.i
    if 2 <= i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")" and head.text.isupper():
        before = doc[i - 2]
        if before.text[:1].isupper() and before.pos_ == "PROPN":
            return before
    return None


class _NameFinder:
    """One left-to-right pass; the names found so far inform the guards of the next ones."""

    def __init__(self, kb: ActorKB, doc: Doc, word_pieces: list[Key], when: dt.date | None,
                 town_countries: TownCountries | None = None, dateline: tuple[int, int] = (0, 0)) -> None:
        self._kb = kb
        self._town_countries = town_countries
        self._dateline = dateline
        self._doc = doc
        self._pieces = word_pieces
        self._when = when
        self._names: NameTable = {}

    def find(self) -> NameTable:
        doc, index = self._doc, 0
        while index < len(doc):
            found = self._longest_name_at(index)
            if found is None:
                index += 1
                continue
            if self._tail_of_longer_name(found) or self._ship_name(found):
                index = found.end
                continue
            for covered in range(found.start, found.end):
                self._names[covered] = found
            index = found.end
        adjectives = [country for key in self._pieces if key and (country := self._kb.adjective_country(key))]
        if self._town_countries is not None:
            _settle_areas(self._doc, self._names, self._town_countries)
        _settle_homonyms(self._doc, self._names, adjectives, self._town_countries)
        if self._town_countries is not None:
            filed = {span.match.country for span in self._names.values() if span.match.kind in PLACE_KINDS
                     and span.match.country and self._dateline[0] <= self._doc[span.start].idx < self._dateline[1]}
            _settle_by_sentence(self._kb, self._doc, self._pieces, self._names, self._town_countries, filed)
        return self._names

    def _longest_name_at(self, start: int) -> NameSpan | None:
        first = self._pieces[start]
        if not first or not first[0].isalnum():
            return None
        if len(first) > self._kb.max_name_len or not (self._kb.is_name_prefix(first) or self._kb.has_name(first)):
            return None  # no name starts with this word (most words): ``_windows`` would find none
        for end, key in reversed(self._windows(start)):
            if not self._kb.has_name(key):
                continue
            span = self._doc[start:end]
            lower_case = not any(token.text[:1].isupper() for token in span)
            if lower_case and not (
                all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in span) or self._titled(start)
            ):
                continue  # "turkey", "amnesty", "chad" in lower case are common nouns
            matches = self._kb.lookup_key(key, surface(span.text), self._when)
            if self._after_honorific(start) or self._inside_person_name(start) or self._opens_person_name(start, end):
                matches = [match for match in matches if match.kind not in PLACE_KINDS]
            if self._given_name_of_another(start, end):
                matches = [match for match in matches if match.kind != "person"]
            if any(match.kind == "city" for match in matches) and not _is_place(span):
                matches = [match for match in matches if match.kind != "city"]
            if matches and self._glosses_unknown_name(start, end):
                continue
            if lower_case:  # only a person's name survives lower-casing ("President obama"), not "congress"
                matches = [match for match in matches if match.kind == "person"]
            if matches:
                return NameSpan(start, end, matches[0], tuple(matches))
        return None

    def _windows(self, start: int) -> list[tuple[int, Key]]:
        """(end, key) of every token window from ``start`` no longer than the KB's longest name."""
        key: Key = ()
        windows: list[tuple[int, Key]] = []
        for end in range(start + 1, len(self._doc) + 1):
            key = key + self._pieces[end - 1]
            if len(key) > self._kb.max_name_len or not (self._kb.is_name_prefix(key) or self._kb.has_name(key)):
                break  # no name is this long or starts with these words
            if self._pieces[end - 1]:  # never end a name on a dropped piece ("Moscow" + ".")
                windows.append((end, key))
        return windows

    def _tail_of_longer_name(self, found: NameSpan) -> bool:
        """ "Security Council" in "Iran's Supreme National Security Council": an organisation name that ends
        a longer organisation name the KB does not know is not that organisation (the longer one is new)."""
        if found.match.kind != "organization" or found.start == 0:
            return False
        before, first = self._doc[found.start - 1], self._doc[found.start]
        return (first.ent_type_ == "ORG" and before.ent_type_ == "ORG" and before.ent_iob_ != "O"
                and before.pos_ == "PROPN" and before.text[:1].isupper() and before.i not in self._names)

    def _ship_name(self, found: NameSpan) -> bool:
        """ "the bulk carrier Norway Pearl", "the tanker Ocean Brazil": a name right after a vessel noun is the
        ship's, and the country word in it names no country."""
        if found.start == 0 or found.match.kind == "organization":
            return False
        before = self._doc[found.start - 1]
        return before.text.islower() and before.lower_ in self._kb.vessel_nouns

    def _titled(self, start: int) -> bool:
        return start > 0 and self._kb.title_sector(self._pieces[start - 1]) is not None

    def _after_honorific(self, start: int) -> bool:
        """ "Mr. Paris", "Mrs. Florence": a person, not a place."""
        return start > 0 and self._pieces[start - 1] in _HONORIFICS

    def _inside_person_name(self, start: int) -> bool:
        """ "Michael Jordan", "Tom Chad": a place name that ends a person's name after a given name."""
        doc = self._doc
        if start == 0 or doc[start].ent_type_ != "PERSON" or doc[start].ent_iob_ != "I":
            return False
        before = doc[start - 1]
        return (before.ent_type_ == "PERSON" and before.pos_ == "PROPN" and before.text[:1].isupper()
                and start - 1 not in self._names)

    def _opens_person_name(self, start: int, end: int) -> bool:
        """ "Chad Wolf", "Jordan Peterson": a one-word place name that opens what the tagger reads as one
        person's name, before a capitalised name word that is no KB name and no title ("Chad Sudan", "Jordan
        King Abdullah" are not people of those names)."""
        doc = self._doc
        if end - start != 1 or end >= len(doc):
            return False
        first, after = doc[start], doc[end]
        return (first.ent_type_ == "PERSON" and first.ent_iob_ == "B" and after.ent_type_ == "PERSON"
                and after.ent_iob_ == "I" and after.pos_ == "PROPN" and after.text[:1].isupper()
                and not self._kb.is_name_prefix(self._pieces[end]) and not self._kb.has_name(self._pieces[end])
                and self._kb.title_sector(self._pieces[end]) is None)

    def _given_name_of_another(self, start: int, end: int) -> bool:
        """ "Hadi al-Rubaie", "Abbas Araghchi": a known person's one-word name that opens a longer person's name
        the KB does not know is that person's given name, not the known person ("Hadi" of Yemen, "Abbas" of the
        Palestinian Authority). A known name after it ("Mansour Hadi" is matched whole) keeps the match."""
        doc = self._doc
        if end - start != 1 or end >= len(doc):
            return False
        first, after = doc[start], doc[end]
        return (first.ent_type_ == "PERSON" and first.ent_iob_ == "B" and after.ent_type_ == "PERSON"
                and after.ent_iob_ == "I" and after.pos_ == "PROPN" and not self._kb.has_name(self._pieces[end])
                and self._kb.title_sector(self._pieces[end]) is None)

    def _glosses_unknown_name(self, start: int, end: int) -> bool:
        """ "Ruritania Farmers Union (RFU)": an acronym in brackets right after a spelled-out name
        stands for that name, so it must not match a KB entry of the same letters (a person "AKK")."""
        doc = self._doc
        if end - start != 1 or start < 2 or end >= len(doc) or doc[start - 1].text != "(" or doc[end].text != ")":
            return False
        text = doc[start].text
        if not (text.isupper() and text.isalpha()) or not doc[start - 2].text[:1].isupper():
            return False
        before = self._names.get(start - 2)
        return before is None or before.match.kb_id not in {m.kb_id for m in self._kb.lookup(text, self._when)}


def _is_place(span: Span) -> bool:
    """A city name counts unless the parser reads it as another kind of name ("Florence Nightingale"); the
    small model leaves many cities untagged, so an untagged capitalised name counts."""
    if span[0].is_sent_start and span[-1].ent_type_ not in _CITY_ENTITIES:
        return False  # "Split", "Tours" opening a sentence are words unless tagged a place
    if _lone_person_at_place(span) or _place_with_person_tail(span):
        return True
    return all(
        token.text[:1].isupper() and token.pos_ == "PROPN" and token.ent_type_ in _CITY_ENTITIES | {""}
        for token in span
    )


def _place_with_person_tail(span: Span) -> bool:
    """ "Dera Ismail Khan", "Mandi Bahauddin": a town name of several words whose first word the tagger reads
    as a place, or that stands after a preposition of place, is the town even where its last words are
    tagged as a person's name (the person "Ismail Khan" is not in Dera Ismail Khan)."""
    if len(span) < 2 or not all(token.text[:1].isupper() and token.pos_ == "PROPN" for token in span):
        return False
    first = span[0]
    if not any(token.ent_type_ == "PERSON" for token in span[1:]):
        return False
    before = first.doc[first.i - 1] if first.i > 0 else None
    return first.ent_type_ in _CITY_ENTITIES or (before is not None and before.lower_ in _PLACE_PREPOSITIONS)


def _lone_person_at_place(span: Span) -> bool:
    """ "towards Goma", "in Goma": a one-word name the tagger calls a PERSON, standing alone as its entity,
    after a preposition of place. A person's name has more words ("Florence Nightingale") or stands where
    people do (subject, "said Jackson"); a place stands after "in", "near", "towards"."""
    token = span[0]
    if len(span) != 1 or token.ent_type_ != "PERSON" or token.ent_iob_ != "B" or token.pos_ != "PROPN":
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.ent_iob_ == "I":
        return False
    return token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPOSITIONS


def _settle_homonyms(doc: Doc, names: NameTable, adjectives: list[str] = (),
                     town_countries: TownCountries | None = None) -> None:
    """Place names of several places take the one the text means (in place).

    "Paris, Texas", "Lebanon, Pennsylvania", "Athens, Georgia": a country or capital name followed by a
    comma and a region or country it does not lie in is a town there. "Georgia" alone, when the KB knows it
    as a country and as a US state, is the state if other regions or towns of the document are American and
    none lie in the country."""
    spans = sorted(set(names.values()), key=lambda span: span.start)
    for span in spans:
        after = names.get(span.end + 1)
        if span.match.kind not in ("country", "capital", "city") or after is None or after.start != span.end + 1:
            continue
        joint = doc[span.end].lower_
        if joint not in (",", "in") or joint == "in" and span.match.kind == "country" or _in_list(doc, names, after):
            continue  # "Georgia, Armenia and Azerbaijan" is a list of countries
        if not any(r.kind == "region" or r.kind == "country" and span.match.kind in ("capital", "city")
                   for r in after.readings):
            continue  # a town names its state or province ("Paris, Texas"), or a capital its country
        here = {r.country for r in span.readings}
        if here & {r.country for r in after.readings}:
            continue  # "Tbilisi, Georgia", "Quetta, Pakistan"
        where = min(after.readings, key=lambda r: r.kind != "region")  # a state or province before a country
        if span.match.kind == "city" and (town_countries is None or where.country not in town_countries(
                doc[span.start:span.end].text)):
            continue  # a town moves abroad only to a namesake the gazetteer knows ("Palma, Mozambique")
        town = KBMatch(kb_id=f"city:{where.country}:{doc[span.start:span.end].text.lower()}", kind="city",
                       name=doc[span.start:span.end].text, code=where.code, country=where.country, sector=None)
        _replace(names, span, town)
        _replace(names, after, where)
    _settle_ambiguous(names, spans, adjectives)


def _settle_by_sentence(kb: ActorKB, doc: Doc, word_pieces: list[Key], names: NameTable,
                        town_countries: TownCountries, filed: set[str] = frozenset()) -> None:
    """A town name the KB files under one country takes the namesake in the country the sentence's own
    nationality words or country names in place phrases point to, when the gazetteer has a town, district or province of that
    name there (in place): "Pakistani police ... in Bara" is Pakistan's Bara, not Nepal's; "Lebanese soldiers
    ... in Tripoli" is Lebanon's Tripoli; "Congolese soldiers ... in Tanganyika" the Congolese province, not
    Tanzania's old name. A sentence that also names the KB's country keeps it, and so does a name that has no
    namesake in the country named ("Russian missiles struck Kyiv"). A sentence with no such words is read in
    the country of the dateline (``filed``): "ISLAMABAD - Police arrested six militants in Bara"."""
    spans = sorted(set(names.values()), key=lambda found: found.start)
    towns = [span for span in spans if span.match.country and (
        span.match.kind in ("city", "capital", "region")
        or span.match.kind == "country" and surface(doc[span.start:span.end].text) != surface(span.match.name))]
    if not towns:
        return
    # the clues of every sentence, counted once (a long sentence of many towns is read in linear time)
    sentence_of = [0] * len(doc)
    clues_of: list[Counter[str]] = []
    for number, sent in enumerate(doc.sents):
        clues_of.append(Counter())
        for i in range(sent.start, sent.end):  # indices only: no Token object per word
            sentence_of[i] = number
            if i not in names and (country := kb.adjective_country(word_pieces[i])):
                clues_of[number][country] += 1
    own_clue: dict[NameSpan, str] = {}
    capital_clues: list[Counter[str]] = [Counter() for _ in clues_of]
    for span in spans:
        if span.match.kind in PLACE_KINDS and span.match.country and (
                span.match.kind != "country" or _named_as_place(doc, span)):  # ("Egypt denounced ... on Rafah")
            own_clue[span] = span.match.country
            clues_of[sentence_of[span.start]][span.match.country] += 1
            if span.match.kind == "capital":
                capital_clues[sentence_of[span.start]][span.match.country] += 1
    everywhere = Counter(span.match.country for span in spans if span.match.kind in PLACE_KINDS)
    for span in towns:
        match = span.match
        text = doc[span.start:span.end].text
        counted = clues_of[sentence_of[span.start]]
        if match.kind == "capital":  # "New Delhi accused Islamabad": another capital is another government,
            counted = counted - capital_clues[sentence_of[span.start]]  # no clue to a namesake town
        clues = _area_after(doc, span, town_countries) | {
            country for country, n in counted.items()
            if n > (1 if own_clue.get(span) == country and match.kind != "capital" else 0)}
        elsewhere = everywhere[match.country] > (1 if match.kind in PLACE_KINDS else 0)
        two_capitals = match.kind == "capital" and set(capital_clues[sentence_of[span.start]]) - {match.country}
        if not clues and not elsewhere and not two_capitals:
            clues = set(filed)  # (a story that names the town's KB country elsewhere may mean that town)
        if not clues and match.kind == "city" and not elsewhere and _namesake_rivals(
                town_countries(text), match.country):
            for index in range(span.start, span.end):  # "Police in Bara arrested ...": Nepal's or Pakistan's
                del names[index]  # Bara, the text does not say, so the town makes no actor of either
            continue
        if not clues or match.country in clues:
            continue
        least = _NAMESAKE_OF_CAPITAL if match.kind == "capital" else _NAMESAKE_TOWN
        homes = {country for country, (size, area) in town_countries(text).items()
                 if country in clues and (size >= least or area)}
        if len(homes) == 1:
            _replace(names, span, _town_in(next(iter(homes)), text))


def _namesake_rivals(sizes: dict[str, tuple[int, bool]], country: str) -> bool:
    """Another country has a town of the name at least a fifth as big as the KB country's (the bar the KB's
    city table was built with, now checked against every town of the gazetteer, not only cities of 100,000)."""
    own = sizes.get(country, (0, False))[0]
    return any(size >= _NAMESAKE_TOWN and size * 5 >= own for other, (size, _) in sizes.items() if other != country)


def _settle_areas(doc: Doc, names: NameTable, town_countries: TownCountries) -> None:
    """A country's old name or a town name before a province noun is the province the gazetteer knows of that
    name in one other country (in place): "Tanganyika province" is the DR Congo's, not Tanzania."""
    for span in sorted(set(names.values()), key=lambda found: found.start):
        if span.end >= len(doc) or doc[span.end].lower_ not in _AREA_NOUNS or span.match.kind not in PLACE_KINDS:
            continue
        text = doc[span.start:span.end].text
        if span.match.kind == "country" and surface(text) == surface(span.match.name):
            continue  # "Sudan state media": the country itself
        areas = {country for country, (_, area) in town_countries(text).items() if area}
        if span.match.country not in areas and len(areas) == 1:
            _replace(names, span, _town_in(next(iter(areas)), text))


def _named_as_place(doc: Doc, span: NameSpan) -> bool:
    """A country named where places are ("in Lebanon", "Tripoli, Lebanon"), not as a state that acts."""
    return span.start > 0 and (doc[span.start - 1].lower_ in _PLACE_PREPOSITIONS or doc[span.start - 1].text == ",")


def _town_in(country: str, text: str) -> KBMatch:
    return KBMatch(kb_id=f"city:{country}:{text.lower()}", kind="city", name=text, code=country, country=country,
                   sector=None)


def _area_after(doc: Doc, span: NameSpan, town_countries: TownCountries) -> set[str]:
    """ "Palma in Cabo Delgado", "Bara, Khyber": the country of a province or district the gazetteer knows,
    named right after the town (the KB's own region names are read by ``_settle_homonyms``)."""
    at = span.end + 1
    if at >= len(doc) or doc[span.end].lower_ not in (",", "in"):
        return set()
    end = at
    while end < len(doc) and end - at < 3 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    if end == at:
        return set()
    areas = {country for country, (_, area) in town_countries(doc[at:end].text).items() if area}
    return areas if len(areas) == 1 else set()


def _in_list(doc: Doc, names: NameTable, span: NameSpan) -> bool:
    """``span`` is followed by "and"/"or" or by a comma and another name: an item of a list of places."""
    if span.end >= len(doc):
        return False
    following = doc[span.end]
    if following.lower_ in ("and", "or", "&"):
        return True
    return following.text == "," and span.end + 1 in names


def _settle_ambiguous(names: NameTable, spans: list[NameSpan], adjectives: list[str] = ()) -> None:
    """A place name of several places takes the one the document's unambiguous names back.

    A town or region name ("Georgia": the country or the US state) is settled by the document's towns and
    regions only, since a capital or a leader is named as often abroad as at home. A name two countries share
    ("Congo": COG, else the DRC) is settled by every unambiguous name with a country: a capital in the
    dateline ("KINSHASA -"), towns, provinces, office holders, armed groups (M23), and the countries'
    adjectives (``adjectives``: "Congolese troops" are the DRC's in the KB, so "Congo" beside them is too)."""
    local: dict[str | None, int] = {}
    anywhere: dict[str | None, int] = {}
    for country in adjectives:
        anywhere[country] = anywhere.get(country, 0) + 1
    for span in spans:
        if len(span.readings) != 1 or not span.match.country or len(span.match.country) != 3:
            continue
        anywhere[span.match.country] = anywhere.get(span.match.country, 0) + 1
        if span.match.kind in ("region", "city"):
            local[span.match.country] = local.get(span.match.country, 0) + 1
    for span in spans:
        places = [r for r in span.readings if r.kind in PLACE_KINDS]
        support = anywhere if places and all(r.kind == "country" for r in places) else local
        if len(places) < 2 or names.get(span.start) is not span or support.get(span.match.country):
            continue
        backed = [r for r in places[1:] if support.get(r.country)]
        if len(backed) == 1:
            _replace(names, span, backed[0])


def _replace(names: NameTable, span: NameSpan, match: KBMatch) -> None:
    settled = NameSpan(span.start, span.end, match, span.readings)
    for index in range(span.start, span.end):
        names[index] = settled
