"""How every command speaks: one error style, warnings, country arguments, and listings as table, CSV, TSV,
JSON or JSON lines.

Errors are one line on stderr, never wrapped, in the style of rustc and gh:
``error[E501]: no events between IND and PAK (try: brinkwatch events --actor IND)``. Warnings read
``warning: ...``. Results go to stdout: a table on a terminal, plain TSV (a header, then one line per row)
when stdout is a pipe or a file, unless ``--format`` says otherwise. Tables fit the terminal (80 columns
included) by cutting the evidence with an ellipsis rather than wrapping it.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NoReturn

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from brinkwatch.errors import BrinkwatchError, UsageError
from brinkwatch.model import DocumentError

# stdout carries results (tables, JSON lines); everything else goes to stderr.
out = Console()
err = Console(stderr=True, highlight=False)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_SOME_INPUTS_FAILED = 2

LISTING_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "jsonl")
FORMAT_HELP = "table, csv, tsv, json or jsonl (default: table on a terminal, tsv in a pipe)."


# ---- errors and warnings ------------------------------------------------------------------------------
def error_text(code: str, message: str, hint: str | None = None) -> str:
    return f"error[{code}]: {message}" + (f" (try: {hint})" if hint else "")


def print_error(code: str, message: str, hint: str | None = None) -> None:
    text = Text.assemble(("error", "bold red"), error_text(code, message, hint)[len("error"):])
    err.print(text, soft_wrap=True)


def warn(message: str) -> None:
    err.print(Text.assemble(("warning", "bold yellow"), f": {message}"), soft_wrap=True)


def describe(exc: BrinkwatchError) -> str:
    """The message with the file (and line) it concerns, without the code."""
    if exc.source:
        where = f"{exc.source}:{exc.line}" if exc.line is not None else exc.source
        return f"{where}: {exc.message}"
    return exc.message


def fail(message: str, *, code: str = UsageError.code, hint: str | None = None,
         exit_code: int = EXIT_ERROR) -> NoReturn:
    print_error(code, message, hint)
    raise typer.Exit(exit_code)


@contextmanager
def handle_errors(hints: dict[str, str] | None = None) -> Iterator[None]:
    """Turn a library error into one ``error[E...]`` line on stderr and exit status 1. ``hints`` adds a
    "try" suggestion per error code where the library gives none."""
    try:
        yield
    except BrinkwatchError as exc:
        print_error(exc.code, describe(exc), exc.hint or (hints or {}).get(exc.code))
        raise typer.Exit(EXIT_ERROR) from exc


def print_document_error(error: DocumentError) -> None:
    """A per-document failure of a batch, in the same style as a fatal error."""
    where = f"{error.source}:{error.line}" if error.line is not None else error.source
    print_error(error.code, f"{where}: {error.message}")


# ---- arguments ----------------------------------------------------------------------------------------
_ACTOR_CODE = re.compile(r"^(?:[A-Z]{3}|---)(?:[A-Z]{3})*$")
_UPPER_TOKEN = re.compile(r"^[A-Z0-9-]{3,}$")


def actor_argument(value: str | None, what: str = "country") -> str | None:
    """A country or actor given by name or code, as a code: "India" -> IND, "usa" -> USA, "USAGOV" stays.

    An upper-case code (``IND``, ``USAGOV``, ``IGOUNO``) is taken as typed; anything else must name a
    country the knowledge base knows, except an upper-case token it does not know ("IRAN" is Iran, a
    user-defined code such as ``KRD`` or ``C001`` stays as typed).
    """
    if value is None:
        return None
    text = value.strip()
    if _ACTOR_CODE.match(text):
        return text
    from brinkwatch.export.names import country_code  # reads the country names: only when a name is given

    code = country_code(text) or (text if _UPPER_TOKEN.match(text) else None)
    if code is None:
        fail(f"unknown {what} {value!r}", hint="a country name such as 'India' or a code such as IND or USAGOV")
    return code


def listing_format(fmt: str | None) -> str:
    """The output format: as asked, else a table on a terminal and TSV in a pipe."""
    if fmt is None:
        return "table" if sys.stdout.isatty() else "tsv"
    value = fmt.strip().lower()
    if value not in LISTING_FORMATS:
        fail(f"--format must be one of {', '.join(LISTING_FORMATS)}, not {fmt!r}", hint="--format tsv")
    return value


def parse_date(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{flag} must be a date YYYY-MM-DD, not {value!r}", hint=f"{flag} 2025-01-31")


# ---- listings -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    """One column of a listing: its name, how to read it from a record, and its table width."""

    name: str
    value: Callable[[dict[str, Any]], Any]
    width: int | None = None  # None: the flexible column that takes the rest of the terminal and ellipsises
    min_terminal: int = 0  # shown in a table only on a terminal at least this wide
    justify: str = "left"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return " ".join(str(value).split())  # no tab or newline may break a TSV line


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def write_listing(records: Sequence[dict[str, Any]], columns: Sequence[Column], fmt: str, *,
                  title: str | None = None) -> None:
    """Print records in ``fmt``: json/jsonl carry the whole records, the others the columns."""
    if fmt == "jsonl":
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=_json_default) + "\n")
    elif fmt == "json":
        sys.stdout.write(json.dumps(list(records), ensure_ascii=False, default=_json_default) + "\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow([c.name for c in columns])
        for record in records:
            writer.writerow([_cell(c.value(record)) for c in columns])
    elif fmt == "tsv":  # plain: no quoting, as cut, awk and sort expect; cells hold no tab or newline
        sys.stdout.write("\t".join(c.name for c in columns) + "\n")
        for record in records:
            sys.stdout.write("\t".join(_cell(c.value(record)) for c in columns) + "\n")
    else:
        out.print(fit_table(records, columns, width=out.width, title=title))
    sys.stdout.flush()


def fit_table(records: Sequence[dict[str, Any]], columns: Sequence[Column], *, width: int,
              title: str | None = None) -> Table:
    """A table that fits ``width`` columns: fixed columns never wrap, the flexible one is cut with "…"."""
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1, 0, 0), expand=False,
                  width=width if any(c.width is None for c in columns) else None)
    shown = [c for c in columns if width >= c.min_terminal]
    for column in shown:
        if column.width is None:
            table.add_column(column.name, no_wrap=True, overflow="ellipsis", ratio=1, min_width=10)
        else:
            table.add_column(column.name, no_wrap=True, overflow="ellipsis", max_width=column.width,
                             justify=column.justify)  # type: ignore[arg-type]
    for record in records:
        table.add_row(*(_cell(c.value(record)) for c in shown))
    return table


# ---- the event listing shared by `events` and `code` -----------------------------------------------------
def _actor(side: str) -> Callable[[dict[str, Any]], Any]:
    return lambda r: (r.get(side) or {}).get("code") or "-"


def _place(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda r: (r.get("place") or {}).get(key)


def _killed(record: dict[str, Any]) -> Any:
    return next((n["value"] for n in record.get("numbers") or () if n.get("kind") == "killed"), None)


EVENT_COLUMNS: tuple[Column, ...] = (
    Column("event_id", lambda r: r.get("event_id"), width=16, min_terminal=160),
    Column("date", lambda r: r.get("date") or "?", width=10),
    Column("source", _actor("source"), width=9),
    Column("target", _actor("target"), width=9),
    Column("code", lambda r: r["cameo"]["code"], width=4),
    Column("event", lambda r: r["cameo"]["name"], width=24, min_terminal=130),
    Column("gold", lambda r: None if r.get("goldstein") is None else f"{r['goldstein']:+.1f}", width=5,
           justify="right", min_terminal=100),
    Column("modality", lambda r: r.get("modality"), width=9),
    Column("place", _place("name"), width=18, min_terminal=110),
    Column("n", lambda r: r.get("num_mentions", 1), width=3, justify="right", min_terminal=100),
    Column("evidence", lambda r: (r.get("evidence") or {}).get("text")),
)
# csv/tsv carry more than a terminal can show, and numbers as numbers.
EVENT_EXPORT_COLUMNS: tuple[Column, ...] = (
    *(Column("goldstein", lambda r: r.get("goldstein")) if c.name == "gold" else c for c in EVENT_COLUMNS[:-1]),
    Column("quad_class", lambda r: r.get("quad_class")),
    Column("place_country", _place("country")),
    Column("lat", _place("lat")),
    Column("lon", _place("lon")),
    Column("killed", _killed),
    Column("confidence", lambda r: r.get("confidence")),
    Column("doc_id", lambda r: r.get("doc_id")),
    EVENT_COLUMNS[-1],
)


def write_events(records: Sequence[dict[str, Any]], fmt: str) -> None:
    columns = EVENT_COLUMNS if fmt == "table" else EVENT_EXPORT_COLUMNS
    write_listing(records, columns, fmt, title=f"{len(records)} events")


__all__ = [
    "EXIT_ERROR", "EXIT_OK", "EXIT_SOME_INPUTS_FAILED", "FORMAT_HELP", "LISTING_FORMATS", "Column", "actor_argument",
    "err", "error_text", "fail", "fit_table", "handle_errors", "listing_format", "out", "parse_date",
    "print_document_error", "print_error", "warn", "write_events", "write_listing",
]
