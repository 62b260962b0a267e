"""Finding many names in a text fast, with exactly the matches of one big case-insensitive alternation.

Python's ``re`` tries every branch of ``(?<![\\w-])(?:name1|name2|...)`` at every position of the text, and with
IGNORECASE it cannot skip a branch by its first letter: ~340 curated site names cost ~1.5 ms per news article,
a quarter of finding its places. ``FirstLetterScanner`` finds the word starts once with a one-character regex
and tries there only the names that begin with that letter, in their original order, so the leftmost-first
choice between names (the longest listed first) is the same as the one big pattern's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


class FirstLetterScanner:
    """``finditer(text)`` yields what ``pattern.finditer(text)`` yields, where ``pattern`` is
    ``(?<![\\w-])(?:branch1|branch2|...)(?![\\w-])`` under IGNORECASE. ``branches``: (first letter of the name,
    regex source) in priority order. A name that starts with anything but an ASCII letter turns the
    shortcut off (the one pattern is used as it is)."""

    __slots__ = ("pattern", "_starts", "_by_letter")

    def __init__(self, branches: Sequence[tuple[str, str]]) -> None:
        self.pattern = _alternation([source for _, source in branches])
        grouped: dict[str, list[str]] = {}
        for letter, source in branches:
            grouped.setdefault(letter.lower(), []).append(source)
        self._by_letter: dict[str, re.Pattern[str]] | None = None
        self._starts: re.Pattern[str] | None = None
        if grouped and set(grouped) <= _ASCII_LETTERS:
            self._by_letter = {letter: _alternation(sources) for letter, sources in grouped.items()}
            # every place one of the names can start: a word start whose letter one of them begins with
            self._starts = re.compile(rf"(?<![\w-])[{''.join(sorted(grouped))}]", re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._starts is None or self._by_letter is None:
            yield from self.pattern.finditer(text)
            return
        resume = 0
        for start in self._starts.finditer(text):
            at = start.start()
            if at < resume:
                continue  # inside the name matched last: one pattern's ``finditer`` goes on after its end
            # a letter that only folds to one of ours (the Kelvin sign, the long s) is tried against them all
            found = self._by_letter.get(text[at].lower(), self.pattern).match(text, at)
            if found is not None:
                yield found
                resume = found.end()


def _alternation(sources: Sequence[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{'|'.join(sources)})(?![\w-])", re.IGNORECASE)


__all__ = ["FirstLetterScanner"]
