"""Event attributes: date, place, numbers, modality, opinion and attribution, for the coder.

The coder parses an article once, calls ``AttributeExtractor.prepare`` once per document (date
expressions, place mentions, quotes and the article's countries are found there), then ``for_event``
for each event trigger it found. Each attribute lives in its own module (``dates``, ``places``,
``numbers``, ``modality``, ``quotes``); this module wires them together and owns no heuristics.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span, Token

from brinkwatch.extract.dates import (
    DateCues,
    DateMention,
    DateRun,
    carried_date,
    covering_run,
    date_for_event,
    date_runs,
    find_date_mentions,
    load_cue_file,
)
from brinkwatch.extract.lead import restating_verb, takes_restated_place, toll_from_the_lead
from brinkwatch.extract.modality import (
    ModalityCues,
    is_opinion_piece,
    is_opinion_sentence,
    modality_for_event,
)
from brinkwatch.extract.numbers import NumberCues, numbers_for_event
from brinkwatch.extract.places import (
    PlaceMention,
    article_countries,
    dateline_place,
    find_place_mentions,
    note_place,
    place_for_event,
    story_place_country,
    struck_country,
)
from brinkwatch.extract.quotes import Quote, QuoteCues, attribution_for_event, find_quotes
from brinkwatch.extract.routes import replaces, road_between, route_end
from brinkwatch.extract.tolls_after import follow_up_numbers
from brinkwatch.geo import Gazetteer, to_place
from brinkwatch.model import Actor, Article, Attribution, DatePrecision, Modality, Place, Quantity
from brinkwatch.nlp.structure import dateline_date, find_layout

ActorResolver = Callable[[Token], Actor | None]


class EventAttributes(BaseModel):
    """Everything about one event mention that is not its actors or its code."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    date: dt.date | None
    date_precision: DatePrecision
    place: Place | None
    # where the paragraph or the dateline puts an event whose own sentence names no place: the event's
    # place, but no evidence about its actors (a place in the sentence may be a target; this one is not)
    place_around: Place | None = None
    numbers: tuple[Quantity, ...]
    attribution: Attribution | None
    modality: Modality
    is_opinion: bool


@dataclass(frozen=True)
class DocContext:  # not slotted: cached_property needs an instance __dict__
    """What ``prepare`` learned about one document; read-only, one per document."""

    doc: Doc
    article: Article
    anchor: dt.date | None  # the day relative dates count from: the dateline's, else the publication date
    dates: tuple[DateMention, ...]
    date_runs: tuple[DateRun, ...]  # where an opening date ("On 6 May 2020, ...") dates what follows
    places: tuple[PlaceMention, ...]
    quotes: tuple[Quote, ...]
    countries: tuple[str, ...]  # ISO3, most mentioned first: context for ambiguous place names
    opinion_piece: bool
    resolve_actor: ActorResolver | None
    filed: Place | None = None  # the dateline's town: a namesake near it is the one meant
    story_country: str | None = None  # the one country the text's location phrases name, if one

    @cached_property
    def _date_starts(self) -> list[int]:
        return [d.start for d in self.dates]

    @cached_property
    def _place_starts(self) -> list[int]:
        return [p.start for p in self.places]

    def dates_in(self, sent: Span) -> list[DateMention]:
        """Date mentions inside the sentence (bisect: long articles have thousands of mentions)."""
        lo, hi = bisect_left(self._date_starts, sent.start_char), bisect_left(self._date_starts, sent.end_char)
        return [d for d in self.dates[lo:hi] if d.end <= sent.end_char]

    def places_in(self, sent: Span) -> list[PlaceMention]:
        lo, hi = bisect_left(self._place_starts, sent.start_char), bisect_left(self._place_starts, sent.end_char)
        return [p for p in self.places[lo:hi] if p.end <= sent.end_char]

    @cached_property
    def date_spans(self) -> tuple[tuple[int, int], ...]:
        return tuple((d.start, d.end) for d in self.dates)

    @cached_property
    def quote_spans(self) -> tuple[tuple[int, int], ...]:
        return tuple((q.start, q.end) for q in self.quotes)


@dataclass(frozen=True)
class Cues:
    """All cue files, loaded once per extractor."""

    dates: DateCues
    numbers: NumberCues
    modality: ModalityCues
    quotes: QuoteCues

    @classmethod
    def load(cls) -> Cues:
        return cls(
            dates=load_cue_file("attr_dates.yaml", DateCues),
            numbers=load_cue_file("attr_numbers.yaml", NumberCues),
            modality=load_cue_file("attr_modality.yaml", ModalityCues),
            quotes=load_cue_file("attr_quotes.yaml", QuoteCues),
        )


def story_day(article: Article) -> dt.date | None:
    """The day the story was filed: its dateline's date ("LIMA, June 11 -"), else the publication date.
    "Yesterday" and "on Thursday" count from the day the reporter wrote them, which a paper may publish
    a day or two later."""
    layout = find_layout(article.text)
    dateline = layout.dateline
    if dateline is not None and dateline.date is not None:
        return dateline_date(dateline.date.text, article.pub_date) or article.pub_date
    return article.pub_date


# What may stand before a sentence's first word: a dateline's dash, a label's colon, a bracketed date.
_OPENERS = frozenset({"-", "—", "–", ":", ")", "]"})


class AttributeExtractor:
    """Date, place, numbers, modality, opinion and attribution of event mentions."""

    def __init__(self, gazetteer: Gazetteer, speaker_resolver: ActorResolver | None = None,
                 cues: Cues | None = None) -> None:
        self.gazetteer = gazetteer
        self.speaker_resolver = speaker_resolver
        self.cues = cues or Cues.load()

    def prepare(self, doc: Doc, article: Article, resolve_actor: ActorResolver | None = None) -> DocContext:
        """Read the whole document once: dates, places, quotes, the article's countries, opinion."""
        places = find_place_mentions(doc, self.gazetteer)
        quotes = find_quotes(doc, self.cues.quotes)
        anchor = story_day(article)
        dates = tuple(find_date_mentions(doc, anchor, self.cues.dates))
        countries = article_countries(places, self.gazetteer)
        return DocContext(
            doc=doc,
            article=article,
            anchor=anchor,
            dates=dates,
            date_runs=date_runs(dates, article.text),
            places=tuple(places),
            quotes=tuple(quotes),
            countries=countries,
            opinion_piece=is_opinion_piece(doc, article, [(q.start, q.end) for q in quotes], self.cues.modality),
            resolve_actor=resolve_actor if resolve_actor is not None else self.speaker_resolver,
            filed=dateline_place(places, countries, self.gazetteer),
            story_country=story_place_country(places, doc, self.gazetteer),
        )

    @staticmethod
    def _actor_countries(ctx: DocContext, args: Sequence[Token], police: bool = False) -> list[str]:
        """Countries of the event's actors ("Syrian troops", "Hezbollah"), for reading the place names around
        them. An actor whose words name no country ("gunmen") may have taken its country from this very
        place ("gunmen in Tripoli"): it says nothing about which Tripoli is meant; nor does an actor that is
        the place name itself ("struck Tripoli"), nor a capital that only opens the sentence ("Insurgents").
        ``police``: only police forces, which act at home ("Honduran police ... in Trujillo")."""
        if ctx.resolve_actor is None:
            return []
        places = ctx.places_in(args[0].sent) if args else []
        out = []
        for tok in args:
            if any(m.start <= tok.idx < m.end for m in places):
                continue
            actor = ctx.resolve_actor(tok)
            if actor is None or not actor.country or len(actor.country) != 3:
                continue
            if police and actor.sector != "COP":
                continue
            first = tok.doc.char_span(actor.start, actor.start + 1, alignment_mode="expand") \
                if actor.start is not None else None
            opening = first is not None and not first[0].ent_type_ and first[0].pos_ != "PROPN" and (
                first[0].is_sent_start or first[0].i > 0 and tok.doc[first[0].i - 1].text in _OPENERS)
            named = actor.text[1:] if opening else actor.text
            for m in places:  # "a church in Palma": the capital is the place's, not the actor's own name
                if actor.start is not None and actor.start <= m.start < actor.start + len(actor.text):
                    named = named.replace(m.text, "")
            if any(ch.isupper() for ch in named):
                out.append(actor.country)
        return out

    def _place_around(self, ctx: DocContext, sent: Span, actor_countries: Sequence[str]) -> Place | None:
        """The place of an event whose sentence names none: the nearest place named in a location phrase
        earlier in its paragraph, else the dateline's, else the one country the text's location phrases name
        (at country precision) - unless the event's actors are all of other countries (a Washington-datelined
        story about militias in Syria does not happen in Washington)."""
        paragraph = ctx.article.text.rfind("\n", 0, sent.start_char) + 1
        found = note_place(ctx.places, ctx.doc, paragraph, sent.start_char, ctx.countries, self.gazetteer,
                           nearest=True)
        if found is not None:
            return found
        filed = ctx.filed
        if filed is None and ctx.story_country is not None:
            # "(July 21) ... in Boulkessi [a village the gazetteer lacks]. The army said its troops killed 14."
            country = self.gazetteer.country(ctx.story_country)
            filed = None if country is None else to_place(country, country.name)
        if filed is not None and actor_countries and filed.country not in actor_countries:
            return None
        return filed

    def _stretch_or_own(self, ctx: DocContext, sent: Span, trigger: Token, own: Place | None) -> Place | None:
        """"on the road between X and Y": the point halfway, when it says more than the event's own place."""
        stretch = road_between(sent, ctx.places_in, trigger, self.gazetteer, ctx.countries)
        return stretch if stretch is not None and replaces(own, stretch) else own

    def _route_and_lead(self, ctx: DocContext, sent: Span, trigger: Token, place: Place | None,
                        actor_countries: Sequence[str]) -> Place | None:
        """The place a road stretch gives (``extract.routes``), else the town where the next paragraph restates a
        lead's act when the lead names only a region, a country or a trip's ends (``extract.lead``)."""
        place = self._stretch_or_own(ctx, sent, trigger, place)
        on_route = route_end(ctx.doc, place)
        if place is not None and place.precision not in ("country", "admin1", "admin2") and not on_route:
            return place
        verb = restating_verb(sent, self.cues.dates)
        if verb is None:
            return place
        again = verb.sent
        restated = place_for_event(ctx.places_in(again), ctx.doc, again, verb, ctx.countries, self.gazetteer, (),
                                   actor_countries, ctx.filed)
        restated = self._stretch_or_own(ctx, again, verb, restated)
        return restated if takes_restated_place(place, restated, on_route) else place

    def for_event(self, ctx: DocContext, sent: Span, trigger: Token, args: Sequence[Token] = ()) -> EventAttributes:
        """The attributes of the event whose trigger (and argument heads) the coder found in ``sent``."""
        modality = modality_for_event(trigger, sent, self.cues.modality)
        dates = ctx.dates_in(sent)
        parsed = date_for_event(dates, ctx.doc, sent, trigger, ctx.anchor, self.cues.dates,
                                prefer_future=modality == "planned",
                                carried=carried_date(ctx.date_runs, sent.start_char),
                                following=ctx.dates_in(ctx.doc[sent.end].sent) if sent.end < len(ctx.doc) else ())
        if parsed.precision == "publication" and ctx.article.pub_date is not None:
            parsed = replace(parsed, date=ctx.article.pub_date)  # no date in the text: the publication's
        actor_countries = self._actor_countries(ctx, args)
        place = place_for_event(ctx.places_in(sent), ctx.doc, sent, trigger, ctx.countries, self.gazetteer, args,
                                actor_countries, ctx.filed, self._actor_countries(ctx, args, police=True))
        place = self._route_and_lead(ctx, sent, trigger, place, actor_countries)
        note = covering_run(ctx.date_runs, sent.start_char)
        if place is None and note is not None and not note.heading and note.start < sent.start_char:
            # a note's later sentences happen where the note does ("On 6 May 2020, ... in Djibo. The
            # assailants also set fire to two vehicles.")
            place = note_place(ctx.places, ctx.doc, note.start, sent.start_char, ctx.countries, self.gazetteer)
        around = None
        if place is None:
            around = struck_country(ctx.places_in(sent), ctx.doc, sent, trigger, self.gazetteer) or \
                self._place_around(ctx, sent, actor_countries)
        attribution = attribution_for_event(trigger, ctx.quotes, self.cues.quotes, ctx.resolve_actor)
        opinion = is_opinion_sentence(sent, ctx.opinion_piece, attribution is not None, self.cues.modality,
                                      ctx.quote_spans)
        in_sentence = numbers_for_event(sent, trigger, self.cues.numbers, [(d.start, d.end) for d in dates])
        numbers = follow_up_numbers(sent, trigger, self.cues.numbers, in_sentence, ctx.date_spans)
        numbers = toll_from_the_lead(sent, trigger, self.cues.numbers, numbers, ctx.date_spans, in_sentence)
        return EventAttributes(
            date=parsed.date,
            date_precision=parsed.precision,
            place=place,
            place_around=around,
            numbers=numbers,
            attribution=attribution,
            modality=modality,
            is_opinion=opinion,
        )


__all__ = ["AttributeExtractor", "Cues", "DocContext", "EventAttributes"]
