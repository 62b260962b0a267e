"""Plain-text cleaning: boilerplate removal, republication notes, and the cheap is-it-English check.

Every rule is a pattern from ``data/boilerplate.yaml`` matched against one whole line, so a sentence
that merely mentions "comments" or "cookies" inside a paragraph is never cut. Three kinds of rule:
a *tail marker* opens a comment section (it and everything after it go), a *line pattern* drops one line
(share buttons, bylines, cookie banners), a *block marker* drops a "Related articles" heading together
with the headline list under it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from brinkwatch.errors import NotEnglishError
from brinkwatch.ingest.markers import Markers, load_markers

# A headline in a "Related articles" list: short and not ending like a sentence.
_HEADLINE_MAX_CHARS = 120
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)]$")
# Where a sentence may start inside a line, and where the note's own sentence ends.
_SENTENCE_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+")
_OPENERS = re.compile(r"[\s(\[*_]*")
_SENTENCE_END_IN_LINE = re.compile(r"[.!?][\"'”’)\]*_]*(\s|$)")
_MAX_NOTE_LINE = 5000
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Lines this long are paragraphs of prose, never widgets; skipping them also bounds the regex work.
_MAX_WIDGET_LINE = 600


def safe_str(text: str) -> str:
    """Replace lone surrogates (possible in JSON "\\ud800" escapes) so the text encodes as UTF-8."""
    return text.encode("utf-8", errors="replace").decode("utf-8")


def _normalise(text: str) -> str:
    text = safe_str(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    # Zero-width and other format characters break whole-line matching and tokenisation.
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf"))


def _matches(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    return len(line) <= _MAX_WIDGET_LINE and any(p.fullmatch(line) for p in patterns)


def _is_headline(line: str) -> bool:
    return len(line) <= _HEADLINE_MAX_CHARS and not _SENTENCE_END.search(line)


def _squeeze_blank_lines(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()


def clean_text(text: str, *, markers: Markers | None = None) -> str:
    """Remove comment sections, share buttons, cookie notices, newsletter prompts, bylines and the like.

    Paragraph breaks are kept (as single blank lines); trailing spaces are trimmed.
    """
    markers = markers or load_markers()
    kept: list[str] = []
    in_block = False
    for raw in _normalise(text).split("\n"):
        line = " ".join(raw.split())
        if in_block:
            if not line or _is_headline(line):
                continue
            in_block = False
        if not line:
            kept.append("")
            continue
        if _matches(markers.tail, line):
            break
        if _matches(markers.block, line):
            in_block = True
            continue
        if _matches(markers.line, line):
            continue
        kept.append(line)
    return _squeeze_blank_lines(kept)


def _publisher_name(raw: str, markers: Markers) -> str | None:
    name = markers.publisher_end.sub("", raw.strip())
    name = name.strip(" \t*_\"'“”‘’.:-")
    return name or None


def _sentence_starts(line: str) -> Iterator[tuple[int, int]]:
    """(where a sentence begins, where its words begin after any opening bracket or emphasis mark)."""
    for begin in (0, *(boundary.end() for boundary in _SENTENCE_BOUNDARY.finditer(line))):
        yield begin, _OPENERS.match(line, begin).end()


def _syndication_in_line(line: str, markers: Markers) -> tuple[str, str] | None:
    """(line without the note, publisher) when a sentence of the line is a republication note."""
    for begin, words in _sentence_starts(line):
        for pattern in markers.syndication:
            found = pattern.match(line, words)
            publisher = _publisher_name(found.group("publisher"), markers) if found else None
            if not found or not publisher:
                continue
            # The note runs to the end of its sentence (closing brackets included); keep what surrounds it.
            end = _SENTENCE_END_IN_LINE.search(line, found.end())
            after = line[end.end():] if end else ""
            return f"{line[:begin]}{after}".strip(), publisher
    return None


def split_syndication(text: str, *, markers: Markers | None = None) -> tuple[str, str | None]:
    """Find a republication note ("Originally published in X"), return (text without it, X or None).

    The note may be a line of its own or any sentence of a paragraph; only the first note counts.
    """
    markers = markers or load_markers()
    lines = _normalise(text).split("\n")
    for index, raw in enumerate(lines):
        line = raw.strip()
        if len(line) > _MAX_NOTE_LINE:
            continue
        found = _syndication_in_line(line, markers)
        if found:
            lines[index], publisher = found
            return "\n".join(lines), publisher
    return text, None


def find_syndication(text: str, *, markers: Markers | None = None) -> str | None:
    """Only the publisher named by a republication note, if any."""
    return split_syndication(text, markers=markers)[1]


class LanguageScore(NamedTuple):
    words: int
    english_ratio: float  # share of words that are English stop words
    foreign_ratio: float  # the highest share of another language's function words
    foreign_language: str | None
    non_latin_ratio: float  # share of letters outside the Latin script


def english_score(text: str, *, markers: Markers | None = None) -> LanguageScore:
    """Count function words of English and of the other languages listed in the data file."""
    markers = markers or load_markers()
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return LanguageScore(0, 0.0, 0.0, None, 0.0)
    rules = markers.language
    english = sum(1 for w in words if w in rules.stopwords) / len(words)
    foreign_ratio, foreign_language = 0.0, None
    for language, stopwords in rules.foreign_stopwords.items():
        ratio = sum(1 for w in words if w in stopwords) / len(words)
        if ratio > foreign_ratio:
            foreign_ratio, foreign_language = ratio, language
    letters = [ch for w in words for ch in w]
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24F) / len(letters)
    return LanguageScore(len(words), english, foreign_ratio, foreign_language, non_latin)


def check_english(text: str, *, source: str | None = None, markers: Markers | None = None) -> None:
    """Raise ``NotEnglishError`` (E105) when the text is clearly not English; short texts pass."""
    markers = markers or load_markers()
    rules = markers.language
    score = english_score(text, markers=markers)
    if score.words and score.non_latin_ratio > rules.max_non_latin_ratio:
        raise NotEnglishError(
            f"text is mostly in a non-Latin script ({score.non_latin_ratio:.0%} of letters)", source=source
        )
    if score.words < rules.min_words:
        return
    if score.english_ratio < rules.min_stopword_ratio:
        raise NotEnglishError(
            f"text does not look like English (English stop words are {score.english_ratio:.0%} "
            f"of {score.words} words)",
            source=source,
        )
    if score.foreign_ratio >= rules.min_foreign_ratio and score.foreign_ratio > score.english_ratio:
        raise NotEnglishError(
            f"text looks like '{score.foreign_language}', not English ({score.foreign_ratio:.0%} of its "
            f"{score.words} words are '{score.foreign_language}' function words)",
            source=source,
        )


def _paragraph_is_foreign(paragraph: str, markers: Markers, *, strict: bool) -> bool:
    """A paragraph judged on its own: in another script, or long enough and plainly another language.

    Short paragraphs (headlines, datelines) say little: they count as foreign only when ``strict`` (the
    whole text failed the English test) and another language's function words outnumber English ones.
    """
    rules = markers.language
    score = english_score(paragraph, markers=markers)
    if score.words and score.non_latin_ratio > rules.max_non_latin_ratio:
        return True
    if score.words < rules.min_words:
        return strict and score.foreign_ratio > score.english_ratio
    # In an English text, few English function words alone do not make a paragraph foreign: a terse wire
    # lead ("Israeli warplanes struck Beirut's southern suburbs yesterday, injuring 14 people, Lebanon's
    # health ministry said.") has one; another language's function words must be there too.
    few_english = score.english_ratio < rules.min_stopword_ratio and (strict or score.foreign_ratio > 0)
    return few_english or (
        score.foreign_ratio >= rules.min_foreign_ratio and score.foreign_ratio > score.english_ratio)


def _ranges(numbers: list[int]) -> str:
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def keep_english(text: str, *, source: str | None = None, markers: Markers | None = None) -> tuple[str, str | None]:
    """``text`` without its paragraphs in another language, and a note naming them (None when none).

    An article partly in another language (a quoted statement, a bilingual page) keeps what can be coded
    instead of being refused whole, and its foreign paragraphs are not parsed as English. Raises
    ``NotEnglishError`` (E105) when no paragraph of at least ``min_words`` words is English.
    """
    markers = markers or load_markers()
    paragraphs = [p for p in text.split("\n") if p.strip()]
    try:
        check_english(text, source=source, markers=markers)
        whole: NotEnglishError | None = None
    except NotEnglishError as exc:
        whole = exc
    if len(paragraphs) < 2:
        if whole is not None:
            raise whole
        return text, None
    foreign = [_paragraph_is_foreign(p, markers, strict=whole is not None) for p in paragraphs]
    kept = [p for p, out in zip(paragraphs, foreign, strict=True) if not out]
    substantial = any(english_score(p, markers=markers).words >= markers.language.min_words for p in kept)
    if whole is not None and (not any(foreign) or not substantial):
        raise whole
    if not any(foreign):
        return text, None
    if not substantial:
        raise NotEnglishError("no paragraph of the text is in English", source=source)
    dropped = [number for number, out in enumerate(foreign, start=1) if out]
    note = (f"paragraph{'s' if len(dropped) > 1 else ''} {_ranges(dropped)} of {len(paragraphs)} not in English "
            f"and left out; the {len(kept)} English paragraph{'s were' if len(kept) > 1 else ' was'} coded")
    return "\n".join(kept), note
