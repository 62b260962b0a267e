"""Event dates: find date expressions in a parsed article, resolve them against the publication date,
and pick the one that belongs to an event.

Resolution is our own for the forms news uses most (weekdays, "February 7", "last week", "early October",
"mid-2019", "three days ago"), so that precision is known; dateparser is the fallback for the rest.
Every parse is total: odd strings give ``(None, "unknown")``, never an exception. Period dates are placed
at the period's start, or where an early/mid/late qualifier puts them (fractions in ``attr_dates.yaml``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.tokens import Doc, Span, Token

from brinkwatch.cache import safe_load_yaml
from brinkwatch.errors import DataFileError
from brinkwatch.model import DatePrecision
from brinkwatch.nlp.frames import clause_verb
from brinkwatch.nlp.structure import dateline_span, find_layout

DATA_DIR = Path(__file__).parent / "data"
M = TypeVar("M", bound=BaseModel)


def load_cue_file(name: str, schema: type[M], path: Path | None = None) -> M:
    """Load and validate one ``extract/data/attr_*.yaml`` file (E200 when it is missing or malformed)."""
    path = path or DATA_DIR / name
    try:
        raw = safe_load_yaml(path.read_text(encoding="utf-8"))
        return schema.model_validate(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read cue file: {exc}", source=str(path)) from exc
    except ValidationError as exc:
        raise DataFileError(f"invalid cue file: {exc}", source=str(path)) from exc


class DateCues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    source: str
    qualifiers: dict[str, float]
    vague: list[str]
    relative_days: dict[str, int]
    relative_periods: dict[str, tuple[str, int]]
    time_of_day: list[str]
    prepositions: list[str]
    future_window_days: int = Field(ge=0)
    sequel_days: dict[str, int] = Field(default_factory=dict)
    act_sequels: dict[str, int] = Field(default_factory=dict)
    act_nouns: list[str] = Field(default_factory=list)
    reporting_verbs: frozenset[str] = frozenset()
    restating_verbs: frozenset[str] = frozenset()
    restating_passives: frozenset[str] = frozenset()
    reference_nouns: frozenset[str] = frozenset()
    shifted_days: dict[str, int] = Field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    date: dt.date | None
    precision: DatePrecision
    vague: bool = False  # the text says "some time" on purpose ("some time ago")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in the article, resolved against the publication date."""

    text: str
    start: int  # character offsets into Article.text
    end: int
    root: int  # token index of the expression's syntactic head
    parsed: ParsedDate
    reference: bool = False  # "since July", "until Friday": a point of reference, never the event's date
    leading: bool = False  # opens its sentence ("On 6 May 2020, ..."): dates the paragraph after it
    heading: bool = False  # a line of its own ("(February 7)"): dates what follows, up to the next one


_UNKNOWN = ParsedDate(None, "unknown")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBER_WORDS.update({"a": 1, "an": 1, "a couple of": 2, "several": 3, "a few": 3})
_ORD = r"(?:st|nd|rd|th)?"
_MONTH_RE = r"(?P<month>[a-z]{3,9})\.?"
_RE_MD = re.compile(rf"^{_MONTH_RE} (?P<day>\d{{1,2}}){_ORD}(?:,? (?P<year>\d{{4}}))?$")
_RE_DM = re.compile(rf"^(?P<day>\d{{1,2}}){_ORD} (?:of )?{_MONTH_RE}(?:,? (?P<year>\d{{4}}))?$")
_RE_MY = re.compile(rf"^{_MONTH_RE},? (?:of )?(?P<year>\d{{4}})$")
_RE_M = re.compile(rf"^{_MONTH_RE}$")
_RE_Y = re.compile(r"^(?:the )?(?P<year>(?:19|20)\d{2})(?P<decade>s)?$")
_RE_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
_RE_ORDINAL_DAY = re.compile(r"^the (?P<day>\d{1,2})(?:st|nd|rd|th)$")  # "on the 12th": a day of the story's month
_RE_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.]\d{1,2}[/.]\d{1,4}\b")
_RE_AGO = re.compile(r"^(?P<n>\d+|[a-z]+(?: [a-z]+)?) (?P<unit>day|week|month|year)s? ago$")
_RE_WEEKDAY = re.compile(r"^(?:(?P<rel>last|this|next|this past|past) )?(?P<wd>[a-z]+)\.?$")


def _clean(text: str, cues: DateCues) -> str:
    text = text.lower().strip()
    text = re.sub(r"[()\[\]]", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:")
    changed = True
    while changed:
        changed = False
        for prep in cues.prepositions:
            if text.startswith(prep + " ") and len(text) > len(prep) + 1:
                text, changed = text[len(prep) + 1:], True
    return text


def _split_qualifier(text: str, cues: DateCues) -> tuple[float | None, str]:
    for qual in sorted(cues.qualifiers, key=len, reverse=True):
        m = re.match(rf"^{re.escape(qual)}(?:[\s-]+|-)(.+)$", text)
        if m:
            return cues.qualifiers[qual], m.group(1).strip()
    return None, text


def _place_in_period(start: dt.date, length: int, fraction: float | None) -> dt.date:
    if fraction is None:
        return start
    return start + dt.timedelta(days=round(fraction * (length - 1)))


def _month_period(year: int, month: int) -> tuple[dt.date, int]:
    return dt.date(year, month, 1), calendar.monthrange(year, month)[1]


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _pick_year(month: int, day: int, pub: dt.date, window: int) -> int:
    """Year for a day/month without one: the most recent past occurrence, unless it lies within the
    planning window ahead of publication (news mentions upcoming dates more than year-old ones)."""
    day = min(day, calendar.monthrange(pub.year, month)[1])
    this_year = dt.date(pub.year, month, day)
    if this_year <= pub + dt.timedelta(days=window):
        return pub.year
    return pub.year - 1


def _weekday(wd: int, rel: str | None, pub: dt.date, prefer_future: bool) -> dt.date:
    back = (pub.weekday() - wd) % 7
    if rel in ("last", "past", "this past") and back == 0:
        back = 7
    if rel == "next":
        return pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
    if prefer_future and rel is None:
        return pub + dt.timedelta(days=(wd - pub.weekday()) % 7)  # "will speak on Wednesday" said on a Wednesday
    return pub - dt.timedelta(days=back)


def _relative_period(unit: str, offset: int, pub: dt.date, fraction: float | None) -> ParsedDate:
    if unit == "week":
        start = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=offset)
        return ParsedDate(_place_in_period(start, 7, fraction), "week")
    if unit == "weekend":
        # The weekend on or before publication; "last weekend" read on a Saturday/Sunday is the one before.
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        if offset < 0 and pub.weekday() >= 5:
            saturday -= dt.timedelta(days=7)
        saturday += dt.timedelta(weeks=max(offset, 0))
        return ParsedDate(_place_in_period(saturday, 2, fraction), "week")
    if unit == "month":
        year, month = _shift_month(pub.year, pub.month, offset)
        start, length = _month_period(year, month)
        return ParsedDate(_place_in_period(start, length, fraction), "month")
    start = dt.date(pub.year + offset, 1, 1)
    length = 366 if calendar.isleap(start.year) else 365
    return ParsedDate(_place_in_period(start, length, fraction), "year")


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def _parse_relative(text: str, pub: dt.date, cues: DateCues, fraction: float | None,
                    prefer_future: bool) -> ParsedDate | None:
    if text in cues.relative_days:
        return ParsedDate(pub + dt.timedelta(days=cues.relative_days[text]), "day")
    if text in cues.relative_periods:
        unit, offset = cues.relative_periods[text]
        return _relative_period(unit, offset, pub, fraction)
    m = _RE_AGO.match(text)
    if m and _count(m.group("n")) is not None:
        n, unit = _count(m.group("n")) or 0, m.group("unit")
        if unit == "day":
            return ParsedDate(pub - dt.timedelta(days=n), "day")
        if unit == "week":
            return ParsedDate(pub - dt.timedelta(weeks=n), "week")
        if unit == "month":
            year, month = _shift_month(pub.year, pub.month, -n)
            day = min(pub.day, calendar.monthrange(year, month)[1])
            return ParsedDate(dt.date(year, month, day), "month")
        return ParsedDate(dt.date(pub.year - n, 1, 1), "year")
    m = _RE_WEEKDAY.match(text)
    if m and m.group("wd") in _WEEKDAYS:
        return ParsedDate(_weekday(_WEEKDAYS[m.group("wd")], m.group("rel"), pub, prefer_future), "day")
    if m and m.group("rel") and m.group("wd") in _MONTHS:
        return _named_month(_MONTHS[m.group("wd")], m.group("rel"), pub, fraction)
    return None


def _named_month(month: int, rel: str, pub: dt.date, fraction: float | None) -> ParsedDate:
    """"last March": the latest March before the month of publication (a March story's "last March" is a year
    back); "next March": the first one after it; "this March": the one of the publication's year."""
    if rel == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif rel == "this":
        year = pub.year
    else:
        year = pub.year if month < pub.month else pub.year - 1
    start, length = _month_period(year, month)
    return ParsedDate(_place_in_period(start, length, fraction), "month")


def _safe_day(year: int, month: int, day: int) -> ParsedDate:
    """A calendar day, or the nearest valid one with precision unknown ("31 February")."""
    if not (1900 <= year <= 2100 and 1 <= month <= 12 and day >= 1):
        return _UNKNOWN
    last = calendar.monthrange(year, month)[1]
    if day > last:
        return ParsedDate(dt.date(year, month, last), "unknown")
    return ParsedDate(dt.date(year, month, day), "day")


def _parse_absolute(text: str, pub: dt.date | None, cues: DateCues, fraction: float | None) -> ParsedDate | None:
    window = cues.future_window_days
    for regex in (_RE_MD, _RE_DM):
        m = regex.match(text)
        if m and m.group("month") in _MONTHS:
            month, day = _MONTHS[m.group("month")], int(m.group("day"))
            if m.group("year"):
                return _safe_day(int(m.group("year")), month, day)
            if pub is None or not 1 <= day <= 31:
                return _UNKNOWN
            return _safe_day(_pick_year(month, day, pub, window), month, day)
    m = _RE_ISO.match(text)
    if m:
        return _safe_day(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    m = _RE_ORDINAL_DAY.match(text)
    if m and pub is not None and 1 <= int(m.group("day")) <= 31:
        # "on the 12th": the story's month, or the month before when that day is still to come
        day = int(m.group("day"))
        year, month = (pub.year, pub.month) if day <= pub.day else _shift_month(pub.year, pub.month, -1)
        return _safe_day(year, month, day)
    m = _RE_MY.match(text) or _RE_M.match(text)
    if m and m.group("month") in _MONTHS:
        month = _MONTHS[m.group("month")]
        year = int(m["year"]) if "year" in m.groupdict() and m["year"] else None
        if year is None:
            if pub is None:
                return _UNKNOWN
            year = _pick_year(month, 1, pub, window)
        if not 1900 <= year <= 2100:
            return _UNKNOWN
        start, length = _month_period(year, month)
        return ParsedDate(_place_in_period(start, length, fraction), "month")
    m = _RE_Y.match(text)
    if m:
        year = int(m.group("year"))
        if m.group("decade"):
            return ParsedDate(dt.date(year, 1, 1), "unknown")  # "the 1990s": no precision we can name
        length = 366 if calendar.isleap(year) else 365
        return ParsedDate(_place_in_period(dt.date(year, 1, 1), length, fraction), "year")
    return None


def _strip_time_of_day(text: str, cues: DateCues) -> str:
    words = text.split()
    while len(words) > 1 and words[-1] in cues.time_of_day:
        words.pop()
    text = " ".join(words)
    # "Tuesday, February 7" / "Tuesday 7 February": the weekday adds nothing to an explicit day.
    m = re.match(r"^([a-z]+),? (.+)$", text)
    if m and m.group(1) in _WEEKDAYS and re.search(r"\d", m.group(2)):
        text = m.group(2)
    return text


def _dateparser_fallback(text: str, pub: dt.date | None) -> ParsedDate:
    """dateparser for what our rules do not cover, only on text that names a month or is a numeric date
    (on anything else it invents dates: "the 1990s" -> yesterday)."""
    has_month = any(w in _MONTHS for w in re.findall(r"[a-z]+", text))
    if not (has_month or _RE_NUMERIC_DATE.search(text)):
        return _UNKNOWN
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    try:
        result = dateparser.parse(text, settings=settings, languages=["en"])
    except (ValueError, OverflowError, TypeError, AttributeError, IndexError, KeyError, RecursionError):
        # dateparser raises a variety of errors on junk input; junk simply has no date.
        return _UNKNOWN
    if result is None or not 1900 <= result.year <= 2100:
        return _UNKNOWN
    return ParsedDate(result.date(), "day")


def parse_date_expression(text: str, pub_date: dt.date | None, cues: DateCues,
                          prefer_future: bool = False) -> ParsedDate:
    """Resolve one date expression against the publication date. Never raises."""
    if not isinstance(text, str) or len(text) > 200:
        return _UNKNOWN
    cleaned = _clean(text, cues)
    if not cleaned:
        return _UNKNOWN
    if cleaned in cues.vague or text.lower().strip() in cues.vague:
        return ParsedDate(None, "unknown", vague=True)
    fraction, core = _split_qualifier(cleaned, cues)
    words = core.split()
    if len(words) > 1 and words[0] in cues.time_of_day:
        core = " ".join(words[1:])  # "overnight Saturday", "night of Monday": the day named
    if core not in cues.relative_days:
        core = _clean(_strip_time_of_day(core, cues), cues)
    if pub_date is not None:
        relative = _parse_relative(core, pub_date, cues, fraction, prefer_future)
        if relative is not None:
            return relative
    absolute = _parse_absolute(core, pub_date, cues, fraction)
    if absolute is not None:
        return absolute
    if fraction is not None:
        return _UNKNOWN
    return _dateparser_fallback(core, pub_date)


# ---- finding date expressions in a parsed document ------------------------------------------------
_DAY_RANGE = re.compile(r"\b\d{1,2}\s*[-–]\s*\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:,? \d{4})?\b",
                        re.IGNORECASE)
_DATE_REGEX = re.compile(
    r"\b(?:(?:early|mid|late)[\s-]+)?(?:"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:,? \d{4})?"
    r"|(?:last|this|next) (?:week|weekend|month|year)|yesterday|today|tonight|last night|this morning|overnight"
    r"|(?<=\bon )the \d{1,2}(?:st|nd|rd|th)(?!\s+[a-z])"  # "on the 4th, the group ...", not "on the 4th floor"
    r")\b",
    re.IGNORECASE,
)


def dateline_end(text: str) -> int:
    """End offset of a wire dateline ("KYIV, March 2 (AP) — "), 0 when the text has none. The dateline
    names where and when the story was filed, not where or when its events happened (``nlp.structure``)."""
    span = dateline_span(text)
    return span[1] if span else 0


_REFERENCE_WORDS = frozenset({"since", "until", "till", "pending"})
# Words that may stand before a date that opens a sentence: "On 6 May,", "(February 7)", "Then on Monday,".
_LEAD_IN = frozenset({"on", "in", "at", "during", "then", "and", "but", "early", "late", "by"})
_CLOSERS = frozenset({",", ")", "]", ":", "-", "—", "–", "."})


def _is_reference(span: Span, nouns: frozenset[str] = frozenset()) -> bool:
    """"the first talks since July", "closed until Friday": the date is where a period starts or ends; "a
    deadline of June 1", "a June 1 deadline" (``nouns``: the cues' reference_nouns): a date set for later."""
    first = span[0].lower_
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return first in _REFERENCE_WORDS or before in _REFERENCE_WORDS or (
        before == "ever" and first == "since") or _in_reference_phrase(span.root, nouns)


def _in_reference_phrase(root: Token, nouns: frozenset[str] = frozenset()) -> bool:
    """The date modifies the object of "since"/"until": "since the September ceasefire", "since last
    month's vote", "until the end of March"; or it is what a deadline noun is set for."""
    node = root
    for _ in range(6):
        if node.dep_ == "pobj" and node.head.lower_ in _REFERENCE_WORDS:
            return True
        if node.dep_ == "pobj" and node.head.lower_ in ("of", "for") and node.head.head.lemma_.lower() in nouns:
            return True  # "a deadline of June 1", "an ultimatum for Friday"
        if node.dep_ in ("compound", "nmod", "npadvmod", "poss") and node.head.lemma_.lower() in nouns:
            return True  # "a June 1 deadline", "Friday's deadline"
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
            node = node.head.head  # "the end of March"
        elif node.dep_ in ("compound", "amod", "nmod", "npadvmod", "nummod", "poss") and node.head.i != node.i \
                and node.head.pos_ in ("NOUN", "PROPN"):
            node = node.head
        else:
            return False
    return False


def _position(span: Span, text: str) -> tuple[bool, bool]:
    """(leading, heading): the date opens its sentence, or stands on a line of its own."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[line_start:line_end]
    core = rest.replace(span.text, "", 1).strip(" \t()[]:.,—–-")
    if not core.strip():
        return True, True
    doc, sent = span.doc, span.sent
    # stops at the first word that is not a lead-in (the sentence before a date can be long)
    if any(t.lower_ not in _LEAD_IN for t in doc[sent.start:span.start] if not (t.is_punct or t.is_space)):
        return False, False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.lower_ in ("'s", "’s") or span.root.dep_ in ("nsubj", "nsubjpass", "attr")):
        return False, False
    return after is None or after.text in _CLOSERS or not after.is_punct, False


def _mention(doc: Doc, start: int, end: int, pub: dt.date | None, cues: DateCues,
             text: str = "") -> DateMention | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    parsed = parse_date_expression(span.text, pub, cues)
    if parsed.date is None and not parsed.vague:
        return None
    parsed = _shifted(parsed, text or doc.text, span.start_char, cues)
    reference = _is_reference(span, cues.reference_nouns)
    leading, heading = (False, False) if reference or parsed.vague else _position(span, text or doc.text)
    return DateMention(span.text, span.start_char, span.end_char, span.root.i, parsed, reference=reference,
                       leading=leading, heading=heading)


def _shifted(parsed: ParsedDate, text: str, start: int, cues: DateCues) -> ParsedDate:
    """"on the eve of Sunday's referendum", "the day after Friday's vote": a day counted from the day named
    (the cues' shifted_days: phrase -> offset in days)."""
    if parsed.date is None or parsed.precision != "day" or not cues.shifted_days:
        return parsed
    before = text[max(0, start - 40):start].lower()
    for phrase, offset in cues.shifted_days.items():
        if re.search(rf"\b{re.escape(phrase)}\s+(?:the\s+)?$", before):
            return ParsedDate(parsed.date + dt.timedelta(days=offset), "day")
    return parsed


# The non-ASCII letters that ``re.IGNORECASE`` matches to an ASCII letter (i, k, s).
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def folded_for_scan(text: str) -> str | None:
    """``text`` lower-cased for ``phrase_matches``, or None when it holds a letter that a case-blind regex
    matches to an ASCII letter other than by lower-casing (dotted and dotless I, long S, the Kelvin sign)."""
    return None if any(c in text for c in _FOLDS_TO_ASCII) else text.lower()


def phrase_matches(text: str, phrase: str, folded: str | None) -> Iterator[re.Match]:
    """The whole-word, case-blind matches of ``phrase`` in ``text``. A match of an ASCII phrase needs the
    lower-cased phrase in the lower-cased text (``folded``), so one substring test skips most regex scans."""
    if folded is not None and phrase.isascii() and phrase.lower() not in folded:
        return iter(())
    return re.finditer(rf"\b{re.escape(phrase)}\b", text, re.IGNORECASE)


def find_date_mentions(doc: Doc, pub_date: dt.date | None, cues: DateCues) -> list[DateMention]:
    """Date expressions of the document (outside its dateline): spaCy DATE/TIME entities, then regex
    hits spaCy missed."""
    found: list[DateMention] = []
    text = doc.text  # Doc.text is rebuilt from the tokens on every access
    skip = dateline_span(text) or (0, 0)
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            start = ent.start_char
            if ent.start > 0 and doc[ent.start - 1].lower_ in cues.time_of_day:
                start = doc[ent.start - 1].idx  # "overnight Saturday": one expression, Saturday's
            mention = _mention(doc, start, _line_end(text, start, ent.end_char), pub_date, cues, text)
            if mention is not None:
                found.append(mention)
    folded = folded_for_scan(text)
    for vague in cues.vague:
        if " " not in vague:
            continue  # single vague words ("once", "now") are too often not about time
        for m in phrase_matches(text, vague, folded):
            if not any(d.start < m.end() and m.start() < d.end for d in found):
                mention = _mention(doc, m.start(), m.end(), pub_date, cues, text)
                if mention is not None:
                    found.append(mention)
    for m in _DAY_RANGE.finditer(text):
        # "on the night of 4-5 June": the tagger gives only "June" (and "the night"); the span of two days is
        # one expression, dated by its first day (the night's evening)
        inside = [d for d in found if m.start() <= d.start and d.end <= m.end()]
        if inside and not any(d.start < m.end() and m.start() < d.end for d in found if d not in inside):
            mention = _mention(doc, m.start(), m.end(), pub_date, cues, text)
            if mention is not None and mention.parsed.precision == "day":
                found = [d for d in found if d not in inside] + [mention]
    for m in _DATE_REGEX.finditer(text):
        if not any(d.start < m.end() and m.start() < d.end for d in found):
            mention = _mention(doc, m.start(), m.end(), pub_date, cues, text)
            if mention is not None:
                found.append(mention)
    found = sorted((d for d in found if not skip[0] <= d.start < skip[1]), key=lambda d: d.start)
    return _with_act_sequels(doc, _with_sequels(doc, found, cues, text), cues, text)


def _line_end(text: str, start: int, end: int) -> int:
    """An entity's end, cut at a line break inside it: the tagger may run a live blog's day heading into the
    entry's time stamp ("Wednesday 6 May" + "18:40 GMT"), which would make the heading an opening date of one
    paragraph instead of a heading that dates every entry up to the next one."""
    cut = text.find("\n", start, end)
    return end if cut < 0 or not text[start:cut].strip() else len(text[:cut].rstrip())


def _previous_paragraph(text: str, start: int) -> int:
    """Start of the non-empty paragraph before the one starting at ``start``."""
    end = start - 1
    while end > 0 and text[end - 1] in "\n \t":
        end -= 1
    return text.rfind("\n", 0, end) + 1


def _with_sequels(doc: Doc, found: list[DateMention], cues: DateCues, text: str) -> list[DateMention]:
    """Add "the following day", "a day later", "the day before": a day counted from the latest day the
    paragraph named before it (in text order, so that one sequel may count from another)."""
    if not cues.sequel_days:
        return found
    body = "|".join(re.escape(p) for p in sorted(cues.sequel_days, key=len, reverse=True))
    hits = [m for m in re.finditer(rf"\b(?:{body})\b", text, re.IGNORECASE)
            if not any(d.start < m.end() and m.start() < d.end for d in found)]
    for m in hits:
        paragraph = text.rfind("\n", 0, m.start()) + 1
        opening = paragraph > 0 and not text[paragraph:m.start()].strip(" \t\"“(")
        if opening:
            paragraph = _previous_paragraph(text, paragraph)  # "The following day," opening a paragraph
        before = [d for d in found if paragraph <= d.start < m.start() and d.parsed.precision == "day"
                  and d.parsed.date is not None and not d.reference]
        if opening and not before and paragraph > 0 and _time_of_day_in(doc, paragraph, m.start()):
            # "Hours later, soldiers detained 18 villagers" after a paragraph that tells a time of day but no day
            # ("The strike hit a monastery ... in the early hours"): the day the paragraph before it named
            # ("Jets bombed a village on Monday"). A paragraph of no time at all ("Talks failed.") breaks the chain.
            paragraph = _previous_paragraph(text, paragraph)
            before = [d for d in found if paragraph <= d.start < m.start() and d.parsed.precision == "day"
                      and d.parsed.date is not None and not d.reference]
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if not before or span is None or before[-1].parsed.date is None:
            continue
        day = before[-1].parsed.date + dt.timedelta(days=cues.sequel_days[m.group(0).lower()])
        leading, heading = _position(span, text)
        found.append(DateMention(span.text, span.start_char, span.end_char, span.root.i, ParsedDate(day, "day"),
                                 leading=leading, heading=heading))
        found.sort(key=lambda d: d.start)
    return found


def _time_of_day_in(doc: Doc, start: int, end: int) -> bool:
    """A time of day ("in the early hours", "at dawn", "around noon") is tagged between the two offsets."""
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.ent_type_ == "TIME" for t in span)


def _with_act_sequels(doc: Doc, found: list[DateMention], cues: DateCues, text: str) -> list[DateMention]:
    """Add "hours after the blast", "a day after the attack": a day counted from the story's first dated
    day, the day of the act the story leads with, which "the blast" points back to (a later paragraph's
    "Hours after the blast, police arrested 8 suspects" happened on the day of the blast, not on the day
    the last sentence named, often a day the toll was updated)."""
    if not cues.act_sequels or not cues.act_nouns:
        return found
    phrases = "|".join(re.escape(p) for p in sorted(cues.act_sequels, key=len, reverse=True))
    nouns = "|".join(re.escape(n) for n in sorted(cues.act_nouns, key=len, reverse=True))
    hits = list(re.finditer(rf"\b({phrases})\s+(?:the|this|that|its|their)\s+(?:\w+\s+)?({nouns})\b", text,
                            re.IGNORECASE))
    if not hits:
        return found
    headline = find_layout(text).headline
    body_start = headline.end if headline is not None else 0
    for m in hits:
        if any(d.start < m.end() and m.start() < d.end for d in found):
            continue
        first = _act_date(doc, found, m.group(2), body_start, m.start()) or next(
            (d for d in found if body_start <= d.start < m.start() and d.parsed.precision == "day"
             and d.parsed.date is not None and not d.reference), None)
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if first is None or span is None or first.parsed.date is None:
            continue
        day = first.parsed.date + dt.timedelta(days=cues.act_sequels[m.group(1).lower()])
        leading, heading = _position(span, text)
        found.append(DateMention(span.text, span.start_char, span.end_char, span.root.i, ParsedDate(day, "day"),
                                 leading=leading, heading=heading))
        found.sort(key=lambda d: d.start)
    return found


def _act_date(doc: Doc, found: Sequence[DateMention], noun: str, start: int, end: int) -> DateMention | None:
    """The date an earlier mention of the act gives it in its own words: "a weekend riot", "Sunday's raids",
    "the March 3 attack" (a date that modifies the act's noun), which "the eve of the riot" counts from."""
    noun = noun.lower()
    for d in found:
        if not start <= d.start < end or d.reference or d.parsed.date is None or \
                d.parsed.precision not in ("day", "week"):
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        for node in span if span is not None else ():
            for _ in range(2):  # "Sunday's raids": Sunday -> raids; "a weekend riot": weekend -> riot
                if node.dep_ not in ("compound", "poss", "amod", "nmod", "npadvmod") or node.head.i == node.i:
                    break
                node = node.head
                if node.lower_ == noun or node.lemma_.lower() == noun:
                    return d
    return None


def is_attached(root: Token, trigger: Token) -> bool:
    """True when the expression's head hangs off the trigger without crossing another clause."""
    node = root
    for _ in range(12):
        if node.i == trigger.i:
            return True
        if node.i != root.i and node.pos_ in ("VERB", "AUX"):
            return False
        if node.i != root.i and node.dep_ in ("nsubj", "nsubjpass"):
            return False  # "said Tuesday rebels had attacked": the parser's "Tuesday rebels" is no date of theirs
        if node.head.i == node.i:
            return False
        node = node.head
    return False


@dataclass(frozen=True, slots=True)
class DateRun:
    """Where an opening date holds: from its sentence to the end of its paragraph (a leading date) or up
    to the next heading (a date on a line of its own)."""

    start: int
    end: int
    parsed: ParsedDate
    heading: bool = False  # opened by a date on a line of its own (a blog's or timeline's entry)


def date_runs(mentions: Sequence[DateMention], text: str) -> tuple[DateRun, ...]:
    """The stretches of text that an opening date dates, in text order."""
    runs: list[DateRun] = []
    headings = [m for m in mentions if m.heading and m.parsed.date is not None]
    for m in mentions:
        if m.parsed.date is None or not (m.leading or m.heading):
            continue
        if m.heading:
            end = next((h.start for h in headings if h.start > m.start), len(text))
        else:
            end = text.find("\n", m.end)
            end = len(text) if end < 0 else end
        runs.append(DateRun(m.start, end, m.parsed, heading=m.heading))
    return tuple(runs)


def covering_run(runs: Sequence[DateRun], position: int) -> DateRun | None:
    """The latest run that covers ``position`` (a later opening date ends an earlier one)."""
    found = None
    for run in runs:
        if run.start > position:
            break
        if position < run.end:
            found = run
    return found


def carried_date(runs: Sequence[DateRun], position: int) -> ParsedDate | None:
    """The date an opening date carries to ``position``, if any."""
    run = covering_run(runs, position)
    return run.parsed if run is not None else None


def _in_other_clause(root: Token, trigger: Token) -> bool:
    """The date hangs in a coordinate clause with a subject of its own, apart from the trigger's."""
    clause, own = clause_verb(root), clause_verb(trigger)
    if clause.i == own.i or clause.is_ancestor(own) or (own.is_ancestor(clause) and clause.dep_ != "conj"):
        return False
    return clause.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


@dataclass(frozen=True, slots=True)
class _MentionTree:
    """Where a date mention hangs in the parse, read once per mention rather than once per event (a
    sentence of many events and many dates cost the square of its length)."""

    attachable: frozenset[int]  # the triggers ``is_attached`` holds for: the tokens met on the way up
    clause: int  # the mention's clause verb
    clause_is_conj: bool
    clause_has_subject: bool
    clause_describes: bool = False  # its clause tells of a noun: "the truce agreed in May", "a deal that was signed in 2015"

    def in_other_clause(self, own: Token, above_own: set[int]) -> bool:
        """``_in_other_clause``: the trigger's clause verb ``own`` and its ancestors' indices given. (A
        clause that is not a conjunct is never another clause; a conjunct never yields to the test of
        whether the trigger's clause is above it.)"""
        return self.clause_is_conj and self.clause != own.i and self.clause not in above_own and \
            self.clause_has_subject


_TREE_KEY = "brinkwatch.dates.mention_trees"


def _of_mention(doc: Doc, mention: DateMention) -> _MentionTree:
    cache = doc.user_data.setdefault(_TREE_KEY, {})
    kept = cache.get(id(mention))
    if kept is None or kept[0] is not mention:
        root = doc[mention.root]
        met, node = [], root
        for _ in range(12):  # the walk of ``is_attached``
            met.append(node.i)
            if node.i != root.i and (node.pos_ in ("VERB", "AUX") or node.dep_ in ("nsubj", "nsubjpass")):
                break
            if node.head.i == node.i:
                break
            node = node.head
        clause = clause_verb(root)
        describes = clause.dep_ == "relcl" or (clause.dep_ == "acl" and clause.tag_ == "VBN") or (
            # "the truce agreed in May", which the parser may read as an adverbial clause of its own
            clause.dep_ == "advcl" and clause.tag_ in ("VBD", "VBN") and clause.i > 0 and doc[clause.i - 1].pos_ == "NOUN"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in clause.children))
        kept = cache[id(mention)] = (mention, _MentionTree(
            frozenset(met), clause.i, clause.dep_ == "conj", any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children),
            describes))
    return kept[1]


def _describes_below(doc: Doc, tree: _MentionTree, own: Token) -> bool:
    return tree.clause_describes and tree.clause != own.i and own.is_ancestor(doc[tree.clause])


def date_for_event(mentions: Sequence[DateMention], doc: Doc, sent: Span, trigger: Token,
                   pub_date: dt.date | None, cues: DateCues, prefer_future: bool = False,
                   carried: ParsedDate | None = None, following: Sequence[DateMention] = ()) -> ParsedDate:
    """The event's date: the expression attached to the trigger, else the nearest one in the sentence,
    else the date an opening date of the paragraph or note carries (``carried``), else the publication
    date. A "since" or "until" date is never the event's. A date that only says when the act was reported
    ("..., the governor told reporters on Thursday") yields to the day the next sentence gives the act
    ("The attack happened on Monday night"; ``following``: the date mentions of the next sentence)."""
    in_sent = [m for m in mentions if sent.start_char <= m.start and m.end <= sent.end_char and not m.reference]
    then = _when_of_reference(mentions, doc, sent, trigger)
    if then is not None:
        return then
    chosen = next((m for m in in_sent if trigger.i in _of_mention(doc, m).attachable), None)
    if chosen is not None and prefer_future and pub_date is not None:
        # "will meet on Tuesday": the coming Tuesday, but only for a date that belongs to the planned act
        return parse_date_expression(chosen.text, pub_date, cues, prefer_future=True)
    if chosen is None and in_sent:
        # not from a coordinate clause that tells of its own act: "has not tested a bomb since 2017, and it
        # closed the site in May" does not date the test to May
        own = clause_verb(trigger)
        above_own = {a.i for a in own.ancestors}
        # nor from a clause that tells of a noun below the trigger: "urged both sides to respect the truce agreed
        # in May" was not urged in May
        nearby = [m for m in in_sent if not _of_mention(doc, m).in_other_clause(own, above_own)
                  and not _describes_below(doc, _of_mention(doc, m), own)]
        if nearby:
            chosen = min(nearby, key=lambda m: abs(m.root - trigger.i))
    if chosen is not None and following and _speech_date(doc, chosen, trigger, cues):
        restated = _restated(following, doc, sent, cues)
        if restated is not None:
            return restated
    if chosen is not None:
        return _anchored(chosen, in_sent, doc, trigger, carried, cues) or _in_the_past(chosen, trigger, pub_date)
    if carried is not None:
        return carried
    if pub_date is not None:
        return ParsedDate(pub_date, "publication")
    return _UNKNOWN


_EXPLICIT_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _speech_date(doc: Doc, chosen: DateMention, trigger: Token, cues: DateCues) -> bool:
    """The date hangs on a reporting verb above the trigger's clause: it dates the telling, not the act."""
    clause, own = clause_verb(doc[chosen.root]), clause_verb(trigger)
    return clause.i != own.i and clause.lemma_.lower() in cues.reporting_verbs and clause.is_ancestor(trigger)


def _restated(following: Sequence[DateMention], doc: Doc, sent: Span, cues: DateCues) -> ParsedDate | None:
    """"The attack happened on Monday night": the next sentence of the paragraph dates the act told before,
    pointed back to by its noun ("the attack", "the raid")."""
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    last = next((t for t in reversed(sent) if not t.is_space), sent[-1])
    between = doc[last.i:max(last.i, nxt.end - 1)]  # (Doc.text is rebuilt on every access: the tokens are read instead)
    if any("\n" in t.whitespace_ or (t.is_space and "\n" in t.text) for t in between) and not lead_alone(sent):
        return None  # a new paragraph goes on with the telling only after a one-sentence lead
    root = nxt.root
    if root.lemma_.lower() in cues.reporting_verbs:  # "The attack happened on Monday night, the governor said"
        root = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")), root)
    if not restates_the_act(root, cues):
        return None
    for m in following:
        if nxt.start_char <= m.start < nxt.end_char and not m.reference and m.parsed.date is not None and \
                root.i in _of_mention(doc, m).attachable:
            return m.parsed
    return None


def restates_the_act(root: Token, cues: DateCues) -> bool:
    """"The attack happened on Monday night" (a restating verb whose subject points back to the act), or the
    act told again in the passive with no doer ("On Saturday, June 13, a patrol was attacked ...", "The bus was
    ambushed near X"): a lead's summary, told again where and when it happened."""
    lemma = root.lemma_.lower()
    if lemma in cues.restating_passives and any(c.dep_ == "nsubjpass" for c in root.children):
        return not any(c.dep_ == "agent" for c in root.children)
    if lemma not in cues.restating_verbs:
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.lemma_.lower() in cues.act_nouns or subject.lower_ in cues.act_nouns) \
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subject.children)


def lead_alone(sent: Span) -> bool:
    """The sentence is a paragraph of its own, after at most a dateline ("MAPUTO, July 2 (SAPS) - ..."): a wire
    story's lead, whose next paragraph goes on telling the same act."""
    doc, i = sent.doc, sent.start
    while i > 0 and sent.start - i < 12:
        before = doc[i - 1]
        if "\n" in before.whitespace_ or (before.is_space and "\n" in before.text):
            break
        if before.pos_ in ("VERB", "AUX"):
            return False
        i -= 1
    if i > 0 and sent.start - i >= 12:
        return False
    return not any("\n" in t.whitespace_ or (t.is_space and "\n" in t.text) for t in sent[:-1])


_PARAGRAPHS_KEY = "brinkwatch.dates.paragraph_starts"


def story_lead(sent: Span) -> bool:
    """The sentence is the story's lead: a paragraph of its own (``lead_alone``) among the text's first two
    paragraphs (a headline may stand before it). A later one-sentence paragraph is no lead: a text written a
    sentence to a line ("... killing 53 people. // Seven gendarmes were wounded ...") has many."""
    doc = sent.doc
    leads = doc.user_data.setdefault(_LEADS_KEY, {})  # (per sentence: asked for every event of a long sentence)
    key = (sent.start, sent.end)
    if key not in leads:
        leads[key] = lead_alone(sent) and _paragraph_number(sent) <= 2
    return leads[key]


_LEADS_KEY = "brinkwatch.dates.story_leads"


def _paragraph_number(sent: Span) -> int:
    doc = sent.doc
    starts = doc.user_data.get(_PARAGRAPHS_KEY)
    if starts is None:  # (token indices where a paragraph with words starts: read once per document)
        starts, broke = [], True
        for tok in doc:
            if tok.is_space or not tok.text.strip():
                broke = broke or "\n" in tok.text
            elif broke:
                starts.append(tok.i)
                broke = False
            broke = broke or "\n" in tok.whitespace_
        doc.user_data[_PARAGRAPHS_KEY] = starts
    return bisect_right(starts, sent.start)


def _when_of_reference(mentions: Sequence[DateMention], doc: Doc, sent: Span, trigger: Token) -> ParsedDate | None:
    """"the deadliest since August 2016, when a bombing killed 70": the "since" date is no date of the sentence's
    own event, but it is the date of the "when" clause that hangs on it."""
    verb = clause_verb(trigger)
    if verb.dep_ not in ("relcl", "advcl") or not any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
        return None
    head = verb.head
    for m in mentions:
        if m.reference and sent.start_char <= m.start and m.end <= sent.end_char and \
                m.start <= head.idx < m.end and m.parsed.date is not None:
            return m.parsed
    return None


def _in_the_past(chosen: DateMention, trigger: Token, pub_date: dt.date | None) -> ParsedDate:
    """A month or day without a year that the planning window put ahead of publication, for an act told
    in the past tense, is last year's: "killed five militants in September" in a June story."""
    parsed = chosen.parsed
    if pub_date is None or parsed.date is None or parsed.date <= pub_date or \
            parsed.precision not in ("day", "month") or _EXPLICIT_YEAR.search(chosen.text) or \
            not any(word in _MONTHS for word in re.findall(r"[a-z]{3,9}", chosen.text.lower())):
        return parsed  # (a relative date, "the next day", counts from the date it follows)
    verb = clause_verb(trigger)
    past = verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    if not past:
        return parsed
    day = min(parsed.date.day, calendar.monthrange(parsed.date.year - 1, parsed.date.month)[1])
    return ParsedDate(parsed.date.replace(year=parsed.date.year - 1, day=day), parsed.precision)


def _anchored(chosen: DateMention, in_sent: Sequence[DateMention], doc: Doc, trigger: Token,
              carried: ParsedDate | None, cues: DateCues) -> ParsedDate | None:
    """"overnight", "this morning", "yesterday" count from the day the text is at, which is not always the
    publication date: the day of the note or entry ("(February 14) ... shut down the internet overnight") or
    of the report ("killed 18 in an overnight raid, officials said on Thursday")."""
    offset = cues.relative_days.get(_clean(chosen.text, cues))
    if offset is None:
        return None
    anchor = None
    own = clause_verb(trigger)
    for m in in_sent:
        clause = clause_verb(doc[m.root])
        if m is not chosen and m.parsed.precision == "day" and clause.i != own.i and clause.is_ancestor(trigger):
            anchor = m.parsed.date  # the reporting verb's day
            break
    if anchor is None and carried is not None and carried.precision == "day":
        anchor = carried.date
    return None if anchor is None else ParsedDate(anchor + dt.timedelta(days=offset), "day")
