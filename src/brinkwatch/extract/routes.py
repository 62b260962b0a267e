"""Places told by a route rather than a town: a stretch of road between two towns, and a trip's ends.

- "on the road between Gusau and Tsafe", "on the highway between Suarez and Jamundi": the event happened on the
  stretch, so its place is the point halfway between the two towns (within 25 km of both when they lie under
  50 km apart), not the province the sentence names after them nor either town alone. Two towns far apart
  (more than ``_LONGEST_STRETCH_KM``) say too little for a point: the place is left to the other rules.
- "a bus travelling from Mandera to Nairobi", "a convoy heading to Gao": where a trip began or was going, not
  where an attack on it happened (``route_end``); a later sentence that restates the act may say where
  (``extract.lead``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from brinkwatch.extract.place_words import _ROAD_NOUNS, _TRAVEL_WORDS
from brinkwatch.extract.places import PlaceMention
from brinkwatch.geo import Gazetteer, PlaceCandidate
from brinkwatch.model import Place

_LONGEST_STRETCH_KM = 120.0


def _km(a: PlaceCandidate, b: PlaceCandidate) -> float:
    p1, p2 = math.radians(a.lat or 0.0), math.radians(b.lat or 0.0)
    dp, dl = p2 - p1, math.radians((b.lon or 0.0) - (a.lon or 0.0))
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


_STRETCHES_KEY = "brinkwatch.routes.stretches"


def _stretches(doc: Doc, sent: Span, places_in: Callable[[Span], Sequence[PlaceMention]]
               ) -> list[tuple[PlaceMention, PlaceMention, Token]]:
    """The sentence's "road between X and Y" phrases: the two towns and the road noun (read once per sentence:
    a long sentence has many events and many places)."""
    cache = doc.user_data.setdefault(_STRETCHES_KEY, {})
    key = (sent.start, sent.end)
    if key not in cache:
        found = []
        in_sent = places_in(sent)
        by_root = {m.root: m for m in in_sent}
        for m in in_sent:
            tok = doc[m.root]
            between = tok.head
            if tok.dep_ != "pobj" or between.lower_ != "between" or between.head.lemma_.lower() not in _ROAD_NOUNS:
                continue
            other = next((by_root[c.i] for c in tok.children if c.dep_ == "conj" and c.i in by_root), None)
            if other is not None:
                found.append((m, other, between.head))
        cache[key] = found
    return cache[key]


def road_between(sent: Span, places_in: Callable[[Span], Sequence[PlaceMention]], trigger: Token,
                 gazetteer: Gazetteer, context: Sequence[str]) -> Place | None:
    """The point halfway along "the road between X and Y" that the trigger's clause names, or None
    (``places_in``: the place mentions of a sentence)."""
    found = next(((a, b, road) for a, b, road in _stretches(trigger.doc, sent, places_in)
                  if trigger.is_ancestor(road) or road.i == trigger.i), None)
    if found is None:
        return None
    first, second, _ = found
    ends = []
    for m in (first, second):
        countries = [m.within.country] if m.within is not None and m.within.country else []
        other = second if m is first else first
        # each end is read in the countries the other end can be in, then the article's
        countries += [c.country for c in other.candidates if c.country and c.source != "country"]
        chosen = gazetteer.choose([c for c in m.candidates if c.source != "country"], [*countries, *context])
        if chosen is None or chosen.lat is None or chosen.lon is None:
            return None
        ends.append(chosen)
    a, b = ends
    if a.country != b.country or _km(a, b) > _LONGEST_STRETCH_KM:
        return None
    return Place(name=f"{first.text}-{second.text} road", country=a.country, admin1=a.admin1 if a.admin1 == b.admin1
                 else None, lat=round((a.lat + b.lat) / 2, 5), lon=round((a.lon + b.lon) / 2, 5), precision="city",
                 start=first.start, end=second.end, relation="between")


def replaces(own: Place | None, stretch: Place) -> bool:
    """The stretch is the better place: the event's own is none, coarser (a country, a province), or one of the
    stretch's two towns."""
    if own is None:
        return True
    if own.country is not None and own.country != stretch.country:
        return False
    if own.precision in ("country", "admin1", "admin2", "unknown"):
        return True
    return own.start is not None and stretch.start is not None and stretch.end is not None and \
        stretch.start <= own.start < stretch.end


def route_end(doc: Doc, place: Place | None) -> bool:
    """The place is where a trip began or was going ("travelling from Mandera to Nairobi", "a convoy bound for
    Gao"), not where the event on the trip happened."""
    if place is None or place.start is None:
        return False
    span = doc.char_span(place.start, place.end or place.start + 1, alignment_mode="expand")
    if span is None:
        return False
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ not in ("from", "to", "for", "toward", "towards"):
        return False
    head = prep.head
    return head.lemma_.lower() in _TRAVEL_WORDS or head.lower_ in _TRAVEL_WORDS


__all__ = ["replaces", "road_between", "route_end"]
