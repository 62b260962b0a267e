"""Article structure: the headline, the dateline, the paragraphs, and the line breaks that end sentences.

News text is not one stream of sentences. A headline ("Gunmen kill five in Nigerian market") has no full stop
and would run into the dateline and the lead; a dateline ("TBILISI, May 16 (Reuters) -") says where and when the
story was filed and is neither an actor nor an event; a line with no full stop followed by a new line is a unit of
its own, while a hard-wrapped paragraph is one run of prose whatever its line ends.

Everything here is a pure function of the text (``find_layout``, ``dateline_span``), so it is testable without
spaCy. ``resolve_structure`` turns a layout into the ``model.Structure`` record: the dateline's places (resolved
with any gazetteer-like object), its date (month and day resolved against the publication date) and the
article's context country. The spaCy component ``brinkwatch_line_breaks`` (registered by name;
``load_pipeline`` puts it before the parser) marks the sentence starts so the parser keeps them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from brinkwatch.model import Actor, Event, Place, Structure, TextSpan

COMPONENT = "brinkwatch_line_breaks"

# Closed-class words of English grammar (not domain knowledge, so they live here rather than in data files):
# a line ending in one of them is prose that goes on, never a headline or a list item.
_CONTINUATIONS = frozenset(
    "a an the of to in on at for with from by as into onto over under about against between among after before "
    "during and or but nor than that which who whom whose where when while if because its their his her our "
    "your my this these those was were is are be been being has have had will would could should may might "
    "must not no said says told".split()
)
# A full stop after these ends a title or an abbreviation, not a sentence ("Gen.\nAhmed", "U.S.\nofficials").
_ABBREVIATIONS = frozenset("mr mrs ms dr gen lt col maj capt sgt adm gov sen rep st no vs jr sr prof rev hon".split())
# Labels set before a story in capitals ("BREAKING:", "ANALYSIS -") look like a dateline but name no place.
_KICKERS = frozenset(
    "BREAKING UPDATE UPDATED EXCLUSIVE ANALYSIS OPINION EDITORIAL FACTBOX EXPLAINER WATCH LIVE COMMENT".split()
)

_MONTHS = {m: i for i, ms in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july", "aug august",
     "sep sept september", "oct october", "nov november", "dec december"), start=1) for m in ms.split()}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?" \
         r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?)")
_CAPS_PLACE = r"[A-Z][A-Z.'’]*[A-Z.](?:[ -][A-Z][A-Z.'’]*){0,3}"
_TITLE_PLACE = r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2}"
# a region or country, with the small words long names hold ("Democratic Republic of Congo", "Bosnia and
# Herzegovina", "Republic of the Congo")
_REGION = rf"(?!{_MONTH}\b)[A-Z][A-Za-z.'’]+(?:\s(?:(?:of|and|the)\s){{0,2}}[A-Z][A-Za-z.'’]+){{0,4}}"
_AGENCY = r"\([^()\n]{1,40}\)"
_SEP = r"(?:[-–—]{1,2}|:)"
_TAIL = rf"(?:,\s*(?P<region>{_REGION}))?(?:,?\s*(?P<date>{_DATE}))?(?:\s*(?P<agency>{_AGENCY}))?"
# "BAGHDAD, Jan 8 (Wire) - ", "GAZA CITY, Palestinian Territories: ", "KYIV (AP) — ", "ISLAMABAD/NEW DELHI, Oct 14"
_CAPS_DATELINE = re.compile(
    rf"(?P<places>{_CAPS_PLACE}(?:\s?/\s?{_CAPS_PLACE})*){_TAIL}"
    rf"(?:[ \t]*{_SEP}[ \t]*(?=[A-Z0-9\"“‘'])|[ \t]*{_SEP}?[ \t]*$)", re.MULTILINE)
# "Nairobi, 3 March 2025 — ": a place in ordinary case is a dateline only with a date and a dash
_TITLE_DATELINE = re.compile(
    rf"(?P<places>{_TITLE_PLACE}(?:\s?/\s?{_TITLE_PLACE})*)(?:,\s*(?P<region>{_REGION}))?,\s*(?P<date>{_DATE})"
    rf"(?:\s*(?P<agency>{_AGENCY}))?[ \t]*{_SEP}[ \t]*(?=[A-Z0-9\"“‘'])")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
# a live blog's time stamp opening an entry: "09:40 GMT -", "(14:05)", "Update 7.30pm:"; a label, never coded
_TIMESTAMP = re.compile(
    r"(?:(?:UPDATE|Update|updated)\s*)?\(?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|IST|MSK|local time|local)?\)?\s*(?:[-–—|:]\s+|\s+(?=[A-Z]))")
_LIST_ITEM = re.compile(r"(?:[-*•–]\s|\d{1,2}[.)]\s)")
_BYLINE = re.compile(r"By\s+[A-Z][^.!?\n]{0,60}$")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_NOT_COUNTRIES = frozenset({"IGO", "NGO", "IMG"})  # actor prefixes that are no state
_HEADLINE_MAX_CHARS = 150
_KEEP_AFTER_START = 3  # the first words after a forced sentence start never begin another sentence
_HEADLINE_MAX_WORDS = 22
# A line at least this share of its paragraph's longest line, and this long, is a hard-wrapped line of prose.
_WRAP_SHARE = 0.8
_WRAP_MIN_CHARS = 45


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str
    block: int  # paragraph number: blank lines separate paragraphs


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int  # where the story's first sentence begins
    places: tuple[TextSpan, ...]
    region: TextSpan | None
    date: TextSpan | None


@dataclass(frozen=True)
class Layout:
    """Where the parts of an article lie in its text (character offsets)."""

    headline: Line | None
    dateline: Dateline | None
    paragraphs: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]  # offsets where a sentence must begin
    joins: tuple[int, ...]  # line starts that continue the sentence of the line before (hard-wrapped prose)
    labels: tuple[tuple[int, int], ...] = ()  # live-blog time stamps opening a paragraph: structure only


class PlaceResolver(Protocol):
    """What ``resolve_structure`` needs of a gazetteer (``brinkwatch.geo.Gazetteer`` is one)."""

    def resolve(self, name: str, context_countries: Sequence[str] = ()) -> Place | None: ...


# ---------------------------------------------------------------------------------------------- lines
def _lines(text: str) -> list[Line]:
    out: list[Line] = []
    block, offset, blank = 0, 0, False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            blank = True
        else:
            if blank and out:
                block += 1
            blank = False
            start = offset + (len(raw) - len(raw.lstrip()))
            out.append(Line(start, start + len(stripped), stripped, block))
        offset += len(raw) + 1
    return out


def _last_word(line: str) -> str:
    words = line.split()
    return words[-1].lower().strip("\"'”’“‘()[]") if words else ""


def _continues(line: str, following: str) -> bool:
    """The line's sentence plainly goes on in the next line: it ends on a comma or a word that cannot end a
    sentence, or the next line starts in lower case."""
    if _SENTENCE_END.search(line):
        return False
    return (line[-1] in ",;-–—(/&" or _last_word(line).rstrip(",") in _CONTINUATIONS
            or following[:1].islower())


def _ends_sentence(line: str) -> bool:
    if not _SENTENCE_END.search(line) and not line.endswith(":"):
        return False
    word = _last_word(line).rstrip(".:")
    return not (word in _ABBREVIATIONS or "." in word or (len(word) == 1 and word.isalpha()))


def _title_case(line: str) -> bool:
    """Most content words capitalised ("Iran Fires Missiles At US Bases"): a headline, never wrapped prose."""
    words = [w for w in _WORD.findall(line) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _wrapped(line: Line, block: list[Line], wrapped_block: bool) -> bool:
    """A line of a hard-wrapped paragraph: about as long as the paragraph's longest line."""
    if _title_case(line.text):
        return False
    longest = max(len(other.text) for other in block)
    share = 0.6 if wrapped_block else _WRAP_SHARE
    return len(line.text) >= _WRAP_MIN_CHARS and len(line.text) >= share * longest


def _line_breaks(lines: list[Line]) -> tuple[list[int], list[int]]:
    """(line starts that begin a sentence, line starts that continue the line before)."""
    blocks: dict[int, list[Line]] = {}
    for line in lines:
        blocks.setdefault(line.block, []).append(line)
    wrapped_blocks = {number for number, block in blocks.items()
                      if any(_continues(a.text, b.text) for a, b in zip(block, block[1:], strict=False))}
    starts: list[int] = []
    joins: list[int] = []
    for before, line in zip(lines, lines[1:], strict=False):
        if line.block != before.block or _LIST_ITEM.match(line.text) or _dateline_at(line) is not None:
            starts.append(line.start)
        elif _continues(before.text, line.text):
            joins.append(line.start)
        elif _ends_sentence(before.text):
            starts.append(line.start)
        elif _SENTENCE_END.search(before.text):
            continue  # "U.S.\nOfficials": let the parser decide
        elif not _wrapped(before, blocks[before.block], before.block in wrapped_blocks):
            starts.append(line.start)  # "Tensions still high\nIran attacked two US bases."
    return starts, joins


# ---------------------------------------------------------------------------------------------- parts
def _dateline_at(line: Line) -> Dateline | None:
    for pattern in (_CAPS_DATELINE, _TITLE_DATELINE):
        m = pattern.match(line.text)
        if m is None or m.end() == 0:
            continue
        names = [n for n in re.split(r"\s?/\s?", m.group("places"))]
        if any(n.strip(" .").upper() in _KICKERS for n in names):
            return None
        if pattern is _CAPS_DATELINE and m.end() == len(line.text) and not (m.group("date") or
                                                                         m.group("agency") or m.group("region")):
            return None  # a line of capitals alone ("NEWS IN BRIEF") is a heading, not a dateline
        places, offset = [], line.start + m.start("places")
        for name in names:
            at = line.text.index(name, offset - line.start)
            places.append(TextSpan(start=line.start + at, end=line.start + at + len(name), text=name))
            offset = line.start + at + len(name)
        return Dateline(start=line.start, end=line.start + m.end(), places=tuple(places),
                        region=_group_span(m, "region", line),
                        date=_group_span(m, "date", line) or _date_in_parentheses(m, line))
    return None


_DATE_IN_PARENTHESES = re.compile(rf"\(\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?({_DATE})\s*\)")


def _date_in_parentheses(m: re.Match, line: Line) -> TextSpan | None:
    """"GENEVA (17 March 2025) - ": a press release's date where a wire puts its agency."""
    agency = m.group("agency")
    found = _DATE_IN_PARENTHESES.fullmatch(agency) if agency else None
    if found is None:
        return None
    start = line.start + m.start("agency") + found.start(1)
    return TextSpan(start=start, end=start + len(found.group(1)), text=found.group(1))


def _group_span(m: re.Match, group: str, line: Line) -> TextSpan | None:
    if m.group(group) is None:
        return None
    return TextSpan(start=line.start + m.start(group), end=line.start + m.end(group), text=m.group(group))


def _headline(lines: list[Line], starts: Sequence[int]) -> Line | None:
    """The first line when it reads as a headline: short, no final full stop, a unit of its own."""
    if len(lines) < 2:
        return None
    first = lines[0]
    words = first.text.split()
    if (len(first.text) > _HEADLINE_MAX_CHARS or len(words) > _HEADLINE_MAX_WORDS or first.text.endswith(".")
            or not first.text[:1].isupper() or lines[1].start not in starts or _dateline_at(first) is not None
            or _BYLINE.match(first.text)):
        return None
    return first


@functools.lru_cache(maxsize=64)  # a parse batch of texts, asked about again by the coder
def find_layout(text: str) -> Layout:
    """Headline, dateline, paragraphs and sentence-starting line breaks of an article's text.

    Cached: the pipeline component, the coder, dates and places all ask about the same text in turn."""
    lines = _lines(text)
    starts, joins = _line_breaks(lines)
    headline = _headline(lines, starts)
    body = [line for line in lines if headline is None or line.start > headline.start]
    if body and _BYLINE.match(body[0].text) and len(body) > 1:
        body = body[1:]  # "By Jane Doe" between the headline and the story
    dateline = _dateline_at(body[0]) if body else None
    if dateline is not None:
        starts.append(dateline.start)
        if dateline.end < body[0].end:
            starts.append(dateline.end)
    labels = []
    for before, line in zip([None, *body], body, strict=False):
        stamp = _TIMESTAMP.match(line.text) if before is None or before.block != line.block else None
        if stamp is not None and stamp.end() < len(line.text):
            labels.append((line.start, line.start + stamp.end()))
            starts += [line.start, line.start + stamp.end()]
    return Layout(headline=headline, dateline=dateline, paragraphs=_paragraphs(body, set(joins)),
                  starts=tuple(sorted(set(starts))), joins=tuple(joins), labels=tuple(labels))


def _paragraphs(body: list[Line], joins: set[int]) -> tuple[tuple[int, int], ...]:
    """Blank lines part paragraphs; so does every newline of a block that is not hard-wrapped prose (text
    taken from web pages puts one paragraph on each line)."""
    wrapped = {line.block for line in body if line.start in joins}
    out: list[tuple[int, int]] = []
    for before, line in zip([None, *body], body, strict=False):
        if before is not None and before.block == line.block and line.block in wrapped:
            out[-1] = (out[-1][0], line.end)
        else:
            out.append((line.start, line.end))
    return tuple(out)


def dateline_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the article's dateline, None when it has none."""
    dateline = find_layout(text).dateline
    return (dateline.start, dateline.end) if dateline else None


# ---------------------------------------------------------------------------------------------- resolution
def dateline_date(text: str, pub_date: dt.date | None) -> dt.date | None:
    """"Jan 8", "3 March 2025": a year given is kept; a month and day take the publication date's year
    (the year before when that would put the dateline over a week after publication)."""
    m = re.match(r"(?:(?P<mon>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>[A-Za-z]+)"
                 r"\.?)(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?", text.strip())
    if m is None:
        return None
    month = _MONTHS.get((m.group("mon") or m.group("mon2") or "").lower())
    day = int(m.group("day") or m.group("day2"))
    year = int(m.group("year")) if m.group("year") else (pub_date.year if pub_date else None)
    if month is None or year is None:
        return None
    try:
        date = dt.date(year, month, day)
        if not m.group("year") and pub_date is not None and date > pub_date + dt.timedelta(days=7):
            date = dt.date(year - 1, month, day)
    except ValueError:
        return None
    return date


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(start=start, end=end, text=text[start:end])


def read_structure(text: str, *, pub_date: dt.date | None = None, title: str | None = None) -> Structure:
    """The article's parts and its dateline's date (month and day resolved against ``pub_date``); the
    dateline's places and the context country come from ``with_places``, once the actors are known."""
    layout = find_layout(text)
    dateline = layout.dateline
    return Structure(
        headline=_span(text, layout.headline.start, layout.headline.end) if layout.headline else None,
        title=title,
        dateline=_span(text, dateline.start, dateline.end) if dateline else None,
        date=dateline_date(dateline.date.text, pub_date) if dateline and dateline.date else None,
        paragraphs=tuple(_span(text, lo, hi) for lo, hi in layout.paragraphs))


def with_places(structure: Structure, text: str, places: PlaceResolver | None,
                mentions: Iterable[Actor] = ()) -> Structure:
    """Resolve the dateline's places and settle the article's context country.

    The countries the first paragraph names (``mentions``, most named first; a pronoun names nothing) tell which "Islamabad" or
    "Tripoli" is meant. The context country is the dateline's (its region's, "GAZA CITY, Palestinian
    Territories"; among several filing places, "ISLAMABAD/NEW DELHI", the one the lead names most), else the
    country the first paragraph names more often than any other.
    """
    first = structure.paragraphs[0] if structure.paragraphs else None
    named = Counter(a.country for a in mentions
                    if first is not None and a.start is not None and first.start <= a.start < first.end
                    and a.resolution != "coref" and a.country and len(a.country) == 3 and a.country not in _NOT_COUNTRIES)
    dateline = find_layout(text).dateline
    found: list[Place] = []
    region_country = None
    if dateline is not None and places is not None:
        if dateline.region is not None:
            region = places.resolve(dateline.region.text)
            region_country = region.country if region is not None else None
        context = ([region_country] if region_country else []) + [c for c, _ in named.most_common()]
        for name in dateline.places:
            place = places.resolve(name.text.title(), tuple(context))
            if place is not None:
                found.append(place.model_copy(update={"start": name.start, "end": name.end, "name": name.text}))
    filed = list(dict.fromkeys(p.country for p in found if p.country))
    country, source = None, None
    if region_country or filed:
        country, source = region_country or max(filed, key=lambda c: named.get(c, 0)), "dateline"
    elif named and (len(named) == 1 or named.most_common(2)[0][1] > named.most_common(2)[1][1]):
        country, source = named.most_common(1)[0][0], "first_paragraph"  # a tie says nothing
    return structure.model_copy(update={"places": tuple(found), "context_country": country,
                                        "context_source": source})


def structure_only(structure: Structure, sents: Iterable[Span]) -> list[int]:
    """Indexes of the sentences that are the dateline or a live-blog time stamp alone: structure, never coded."""
    sents = list(sents)
    spans = list(find_layout(sents[0].doc.text).labels) if sents else []
    if structure.dateline is not None:
        spans.append((structure.dateline.start, structure.dateline.end))
    return [i for i, sent in enumerate(sents)
            if any(lo <= sent.start_char and _content_end(sent) <= hi for lo, hi in spans)]


def _content_end(sent: Span) -> int:
    tokens = [t for t in sent if not t.is_space]
    return tokens[-1].idx + len(tokens[-1].text) if tokens else sent.start_char


def flag_headline(events: list[Event], structure: Structure, sent: Span) -> list[Event]:
    """Mark the events of the headline sentence with ``headline=True``."""
    head = structure.headline
    if head is None or not events or not head.start <= sent.start_char < head.end:
        return events
    return [ev.model_copy(update={"headline": True}) for ev in events]


class _Inside:
    """Whether a position lies strictly inside one of many spans, in O(log n): a live blog has a time
    stamp in every paragraph, and scanning them all for every token made long blogs quadratic."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for lo, hi in sorted(spans):
            if merged and lo < merged[-1][1]:  # overlapping: one span, so the nearest start decides
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        self._starts = [lo for lo, _ in merged]
        self._ends = [hi for _, hi in merged]

    def strictly_inside(self, position: int) -> bool:
        at = bisect.bisect_left(self._starts, position) - 1  # the last span starting before the position
        return at >= 0 and position < self._ends[at]


# ---------------------------------------------------------------------------------------------- spaCy
@Language.component(COMPONENT)
def mark_line_breaks(doc: Doc) -> Doc:
    """Set ``is_sent_start`` where the layout says a sentence begins, and keep the headline, the dateline
    and hard-wrapped lines each in one piece; the parser then splits only inside the rest."""
    layout = find_layout(doc.text)
    if not layout.starts and not layout.joins:
        return doc
    starts, joins = set(layout.starts), set(layout.joins)
    whole = _Inside([(p.start, p.end) for p in (layout.headline, layout.dateline) if p is not None]
                    + list(layout.labels))
    # Set in one array, not through ``Token.is_sent_start``: each assignment there checks the whole
    # document for a parse, which made long articles quadratic. 1: starts a sentence, -1: does not.
    sent_starts = doc.to_array([SENT_START]).astype(numpy.int64).reshape(-1)
    after_start = 0  # words since the last forced start: the parser likes to split one word off after it
    for token in doc:
        if token.i == 0:
            continue
        if token.idx in starts:
            sent_starts[token.i] = 1
            after_start = 1
        elif token.idx in joins or (not token.is_space and whole.strictly_inside(token.idx)):
            sent_starts[token.i] = -1
        elif 0 < after_start <= _KEEP_AFTER_START and not token.is_space and not token.is_punct:
            sent_starts[token.i] = -1  # "SEOUL - North | Korean artillery shelled ..."
        after_start += 1 if after_start else 0
    return doc.from_array([SENT_START], sent_starts.astype(numpy.uint64))
