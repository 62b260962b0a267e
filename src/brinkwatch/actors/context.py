"""Stage 2 of actor resolution: what the whole document tells about its actors before any phrase is read.

``read_context(kb, doc, when, exclude=...)`` runs name finding (``names``) and gathers the document-wide
tables the phrase resolver consults: each token's word pieces and sentence number, the KB names, the
acronyms the article defines ("the Libyan National Army (LNA)"), the character range that names no
actor (the dateline) and the countries the dateline names. ``story_countries`` reads, after resolution, which countries the story is about: the
context a sector-only actor ("police", "the government") takes when its sentence names no country.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from brinkwatch.actors.coref import sentence_numbers
from brinkwatch.actors.kb import ActorKB, Key, pieces
from brinkwatch.actors.names import PLACE_KINDS, NameTable, TownCountries, define_acronyms, find_names
from brinkwatch.model import Actor

NON_STATE_PREFIXES = frozenset({"IGO", "IMG", "NGO", "---"})


@dataclass(frozen=True)
class DocContext:
    """Document-wide tables for resolving one parsed document (``names`` grows only by acronym uses)."""

    doc: Doc
    text: str  # Doc.text is rebuilt from the tokens on every access
    when: dt.date | None
    exclude: tuple[int, int]  # a character range that names no actor (the dateline)
    word_pieces: list[Key]
    sentence_of: list[int]
    names: NameTable
    acronyms: dict[str, Token]  # "LNA" -> the last word of "Libyan National Army (LNA)"
    dateline_countries: frozenset[str] = frozenset()  # "KADUNA, Nigeria, June 3 -" -> {"NGA"}

    def excluded(self, char: int) -> bool:
        return self.exclude[0] <= char < self.exclude[1]


def home_country(kb: ActorKB, ctx: DocContext, head: Token, modifiers: range) -> str | None:
    """The dateline's country for a country-less state body the text marks as the home state's ("government
    troops", "federal forces", "the federal government" in a Mogadishu story, "the junta" in a Bamako one), when the dateline names one
    country and the sentence names no other: "BEIRUT - Syrian government troops ..." keeps its own word, and
    "government troops shelled Idlib" in a Beirut story is not Lebanon's."""
    marked = head.lower_ in kb.home_nouns or any(ctx.doc[i].lower_ in kb.home_modifiers for i in modifiers)
    if len(ctx.dateline_countries) != 1 or not marked:
        return None
    home = next(iter(ctx.dateline_countries))
    # a nationality word after the body's own verb is the other party's ("BAMAKO - The interim authorities
    # suspended the French channel ..."); a place there is still where the body acts ("Government troops
    # shelled Idlib" in a Beirut story are Syria's)
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass") and head.head.i > head.i else None
    for token in head.sent:
        if verb is not None and token.i > verb.i and kb.adjective_country(ctx.word_pieces[token.i]) is not None:
            continue
        found = ctx.names.get(token.i)
        country = found.match.country if found is not None and found.match.kind in PLACE_KINDS else None
        # a nationality word after the body describes the other party ("the junta expelled two French journalists")
        country = country or (kb.adjective_country(ctx.word_pieces[token.i]) if found is None and token.i < head.i
                              else None)
        if country is not None and country != home:
            return None
    return home


def read_context(kb: ActorKB, doc: Doc, when: dt.date | None, *,
                 exclude: tuple[int, int] | None = None,
                 town_countries: TownCountries | None = None) -> DocContext:
    """Names, acronyms, word pieces and sentence numbers of ``doc`` (``exclude``: the dateline's range;
    ``town_countries``: see ``names.find_names``)."""
    word_pieces = [pieces(token.text) for token in doc]
    exclude = exclude or (0, 0)
    names = find_names(kb, doc, word_pieces, when, town_countries, exclude)
    acronyms = define_acronyms(doc, names)
    dateline = frozenset(span.match.country for span in names.values() if span.match.kind in PLACE_KINDS
                         and span.match.country and exclude[0] <= doc[span.start].idx < exclude[1])
    if not dateline and town_countries is not None and exclude[1] > exclude[0]:
        dateline = _dateline_town(doc.text[exclude[0]:exclude[1]], town_countries)
    return DocContext(doc=doc, text=doc.text, when=when, exclude=exclude, word_pieces=word_pieces,
                      sentence_of=sentence_numbers(doc), names=names, acronyms=acronyms,
                      dateline_countries=dateline)


def _dateline_town(dateline: str, town_countries: TownCountries) -> frozenset[str]:
    """The country of a dateline town the KB does not list ("MAIDUGURI, Jan 22 -", "BANNU -"): the gazetteer's,
    when one country's town of that name is at least five times as big as any other's."""
    town = dateline.split(",")[0].split(" - ")[0].split("(")[0].strip()
    sizes = town_countries(town) if town and not town[:1].isdigit() else {}
    if not sizes:
        return frozenset()
    best, (size, _) = max(sizes.items(), key=lambda item: item[1][0])
    others = [other for country, (other, _) in sizes.items() if country != best]
    return frozenset({best}) if size > 0 and all(other * 5 <= size for other in others) else frozenset()


def story_countries(mentions: list[Actor], sents: list[Span], lead: int = 2) -> set[str]:
    """The countries a story is about, for sector-only actors no sentence places ("police detained ...").

    The countries named in the lead (dateline, headline and first sentence: "TBILISI, May 16 -"), when it
    names one or two; else a country that holds at least two thirds of the article's country mentions (three
    or more). ``extract.arguments.in_context`` gives an actor one of them only when exactly one is left once
    the other party's country is taken out: the Japanese ministry's protest to China is Japan's; the police
    of a story about Armenia and Azerbaijan could be either's and stay unknown.
    """
    def countries(start: int, end: int) -> list[str]:
        return [m.country for m in mentions if m.country and len(m.country) == 3 and m.start is not None
                and m.country not in NON_STATE_PREFIXES and start <= m.start < end]

    if not sents:
        return set()
    in_lead = set(countries(sents[0].start_char, sents[min(lead, len(sents)) - 1].end_char))
    if 1 <= len(in_lead) <= 2:
        return in_lead
    named = countries(0, sents[-1].end_char)
    if not in_lead and len(named) >= 3:
        country, count = Counter(named).most_common(1)[0]
        if count * 3 >= 2 * len(named):
            return {country}
    return set()
