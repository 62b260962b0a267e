"""Reader for PETRARCH/TABARI-format actor dictionaries (``.txt``), such as Phoenix.Countries.actors.txt.

Format (as used by openeventdata/petrarch2 ``data/dictionaries/*.actors.txt``)::

    # comment
    BARACK_OBAMA_  [USAELI]          <- a name line; an optional code on the same line
    +OBAMA_                          <- synonyms of the current entry
    +PRESIDENT_OBAMA_
        [USAELI 080101-081231]        <- dated codes: from-to (inclusive), >from, <until; YYMMDD or YYYYMMDD
        [USAGOV >090120]
        [USAELI]                      <- an undated code is the default when no dated code covers the day

Underscores separate words; a trailing underscore (TABARI's "whole word" marker) is ignored. Each entry
becomes a ``SimpleActor``; anything unreadable raises ``DataFileError`` with the file and line number.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pydantic import ValidationError

from brinkwatch.actors.schema import Role, SimpleActor
from brinkwatch.errors import DataFileError

_CODE_SPEC = re.compile(r"^\[\s*([A-Za-z-]{3,})\s*(?:(>|<)?\s*(\d{6}|\d{8})(?:\s*-\s*(\d{6}|\d{8}))?)?\s*\]$")
_TWO_DIGIT_YEAR_PIVOT = 30  # TABARI writes 6-digit dates: 00-29 are 2000s, 30-99 are 1900s


def _parse_date(text: str, source: str, line: int) -> dt.date:
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year < _TWO_DIGIT_YEAR_PIVOT else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DataFileError(
            f"bad date {text!r} in code specification: {exc}", source=source, line=line
        ) from None


def parse_code_spec(spec: str, source: str, line: int) -> Role:
    """One ``[CODE date-date]`` specification as a role (TABARI date ranges are inclusive)."""
    match = _CODE_SPEC.match(spec.strip())
    if not match:
        raise DataFileError(f"cannot read code specification {spec.strip()!r}", source=source, line=line)
    code, direction, first, second = match.groups()
    fields: dict[str, object] = {"code": code.upper()}
    if first is not None:
        start = _parse_date(first, source, line)
        if second is not None:  # TABARI ranges are inclusive
            fields.update({"from": start, "to": _parse_date(second, source, line) + dt.timedelta(days=1)})
        else:
            fields["to" if direction == "<" else "from"] = start
    try:
        return Role.model_validate(fields)
    except ValidationError as exc:
        message = "; ".join(err["msg"] for err in exc.errors())
        raise DataFileError(f"code specification {spec.strip()!r}: {message}", source=source, line=line) from None


def _name_of(token: str) -> str:
    return " ".join(part for part in token.strip().split("_") if part)


class _Entry:
    """An entry being read: names so far and code specifications so far, with the line it began on."""

    def __init__(self, name: str, line: int) -> None:
        self.names = [name]
        self.roles: list[Role] = []
        self.line = line


def _finish(entry: _Entry | None, source: str, out: list[SimpleActor]) -> None:
    if entry is None:
        return
    if not entry.roles:
        raise DataFileError(f"entry {entry.names[0]!r} has no [CODE]", source=source, line=entry.line)
    defaults = [role for role in entry.roles if role.from_ is None and role.to is None]
    dated = tuple(role for role in entry.roles if role.from_ is not None or role.to is not None)
    default_code = defaults[-1].code if defaults else dated[-1].code
    try:
        out.append(SimpleActor(names=entry.names, code=default_code, roles=list(dated)))
    except ValidationError as exc:
        message = "; ".join(err["msg"] for err in exc.errors())
        raise DataFileError(f"entry {entry.names[0]!r}: {message}", source=source, line=entry.line) from None


def parse_tabari(text: str, source: str = "<string>") -> list[SimpleActor]:
    """Parse the text of a TABARI actor dictionary into simple actor entries."""
    out: list[SimpleActor] = []
    entry: _Entry | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("+"):
            if entry is None:
                raise DataFileError(f"synonym {line!r} before any entry", source=source, line=number)
            name = _name_of(line[1:])
            if name:
                entry.names.append(name)
            continue
        if line.startswith("["):
            if entry is None:
                raise DataFileError(f"code {line!r} before any entry", source=source, line=number)
            entry.roles.append(parse_code_spec(line, source, number))
            continue
        head, bracket, rest = line.partition("[")
        if entry is not None and entry.roles:
            _finish(entry, source, out)
            entry = None
        name = _name_of(head)
        if not name:
            raise DataFileError(f"cannot read line {line!r}", source=source, line=number)
        if entry is None:
            entry = _Entry(name, number)
        else:  # consecutive name lines before any code share the coming code (TABARI blocks)
            entry.names.append(name)
        if bracket:
            entry.roles.append(parse_code_spec("[" + rest, source, number))
    _finish(entry, source, out)
    return out


def read_tabari(path: Path) -> list[SimpleActor]:
    try:
        text = path.read_text(encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")  # older TABARI dictionaries are Latin-1
    except OSError as exc:
        raise DataFileError(f"cannot read actor dictionary: {exc}", source=str(path)) from exc
    return parse_tabari(text, source=str(path))
