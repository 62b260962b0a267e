"""``brinkwatch ingest``, ``brinkwatch events`` and ``brinkwatch export``: thin faces over the store.

``ingest`` calls ``brinkwatch.store.pipeline.ingest_paths``; ``events`` calls ``Store.events`` (or
``Store.mentions``); ``export`` calls ``brinkwatch.export.export``. Results go to stdout, the progress
bar and per-document errors to stderr.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from brinkwatch.cli.app import EXIT_OK, EXIT_SOME_INPUTS_FAILED, app, err, fail, handle_errors, out
from brinkwatch.config import Settings
from brinkwatch.export import FORMATS, export
from brinkwatch.model import Article, CodedDocument, DocumentError
from brinkwatch.store import EventFilter, Store
from brinkwatch.store.db import dumps
from brinkwatch.store.pipeline import IngestReport, accepts_on_error, ingest_paths


def make_coder(settings: Settings) -> Any:
    """The real coder; imported here because it loads spaCy (and tests replace this function)."""
    try:
        from brinkwatch.extract import Coder
    except ImportError as exc:
        fail(f"the event coder is not available: {exc}")
        raise  # unreachable: fail() exits
    return Coder(settings)


class LazyCoder:
    """Builds the coder on first use, so re-ingesting already stored files never loads spaCy."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._coder: Any = None

    def code_articles(self, articles: Iterable[Article], *, on_error: Any = None) -> Iterator[CodedDocument]:
        if self._coder is None:
            self._coder = make_coder(self.settings)
        if on_error is not None and accepts_on_error(self._coder):
            return self._coder.code_articles(articles, on_error=on_error)
        return self._coder.code_articles(articles)


def _parse_date(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{flag} must be a date YYYY-MM-DD, not {value!r}")
        raise  # unreachable


def _default_db() -> Path:
    return Settings().db_path


DbOption = Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: $BRINKWATCH_DB or brinkwatch.duckdb).")]


def _error_line(error: DocumentError) -> str:
    where = f"{error.source}:{error.line}" if error.line is not None else error.source
    return f"[red]{error.code}[/red] {where}: {error.message}"


def _print_ingest_summary(report: IngestReport) -> None:
    merged = ""
    if report.merge is not None:
        created = getattr(report.merge, "events_created", None)
        merged = f", new merged events {created}" if created is not None else f", dedup: {report.merge}"
    out.print(
        f"read {report.articles_read}, added {report.articles_added}, skipped {report.articles_skipped} "
        f"(already stored), events {report.events_added}, errors {len(report.errors)}{merged}",
        highlight=False,
    )
    for error in report.errors:
        err.print(_error_line(error), highlight=False)


@app.command("ingest")
def ingest_cli(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to read ('-' reads stdin).")],
    db: DbOption = None,
    date: Annotated[str | None, typer.Option("--date", help="Publication date for inputs without one.")] = None,
    actors: Annotated[list[Path] | None, typer.Option("--actors", exists=True, dir_okay=False,
                                                      help="Extra actor file (repeatable).")] = None,
    patterns: Annotated[list[Path] | None, typer.Option("--patterns", exists=True, dir_okay=False,
                                                        help="Extra pattern file (repeatable).")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per write batch.")] = 32,
) -> None:
    """Read news, code the events, store them (skipping texts stored before) and merge duplicates."""
    default_date = _parse_date(date, "--date")
    db_path = db or _default_db()
    settings = Settings(actor_files=tuple(actors or ()), pattern_files=tuple(patterns or ()), db_path=db_path)
    coder = LazyCoder(settings)
    with handle_errors(), Store(db_path) as store, Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err, transient=True
    ) as progress:
        task = progress.add_task("ingesting", total=None)

        def on_progress(report: IngestReport) -> None:
            progress.update(task, description=(
                f"read {report.articles_read}, added {report.articles_added}, "
                f"skipped {report.articles_skipped}, events {report.events_added}, errors {len(report.errors)}"
            ))

        from brinkwatch.ingest import read_paths  # here, like the coder: trafilatura and lxml load slowly

        skipped: list[Path] = []
        report = ingest_paths(store, coder, paths, default_date=default_date, batch_size=batch_size,
                              on_progress=on_progress, reader=partial(read_paths, on_skip=skipped.append))
    _print_ingest_summary(report)
    if skipped:
        out.print(f"not articles, skipped: {len(skipped)} (README, code, configuration: "
                  f"{', '.join(p.name for p in skipped[:5])}{', ...' if len(skipped) > 5 else ''})", highlight=False)
    raise typer.Exit(EXIT_SOME_INPUTS_FAILED if report.errors else EXIT_OK)


def _filter(**fields: Any) -> EventFilter:
    try:
        return EventFilter(**{k: v for k, v in fields.items() if v is not None})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        fail(f"invalid filter: {problems}")
        raise  # unreachable


def _event_filter(source: str | None, target: str | None, actor: str | None, since: str | None,
                  until: str | None, root: str | None, code: str | None, modality: str | None, text: str | None,
                  undirected: bool, **extra: Any) -> EventFilter:
    """The filter options `events` and `export` share, parsed and named as the store names them."""
    return _filter(source=source, target=target, actor=actor, since=_parse_date(since, "--since"),
                   until=_parse_date(until, "--until"), root=root, cameo=code, modality=modality, text=text,
                   dyad_undirected=undirected, **extra)


def _open_existing(db: Path | None) -> Store:
    db_path = db or _default_db()
    if not db_path.exists():
        fail(f"no database at {db_path} (run `brinkwatch ingest` first, or pass --db)")
    return Store(db_path, read_only=True)


def _table(records: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(records)} events")
    for column in ("date", "source", "target", "code", "event", "gold.", "modality", "place", "n", "evidence"):
        table.add_column(column, overflow="fold" if column == "evidence" else "ellipsis")
    for r in records:
        evidence = " ".join(r["evidence"]["text"].split())
        table.add_row(
            r.get("date") or "?",
            (r.get("source") or {}).get("code") or "-",
            (r.get("target") or {}).get("code") or "-",
            r["cameo"]["code"],
            r["cameo"]["name"],
            "" if r.get("goldstein") is None else f"{r['goldstein']:+.1f}",
            r["modality"],
            (r.get("place") or {}).get("name") or "",
            str(r.get("num_mentions", 1)),
            evidence if len(evidence) <= 160 else evidence[:157] + "...",
        )
    return table


FilterSource = Annotated[str | None, typer.Option("--source", help="Source actor: country code or code prefix.")]
FilterTarget = Annotated[str | None, typer.Option("--target", help="Target actor: country code or code prefix.")]
FilterActor = Annotated[str | None, typer.Option("--actor", help="Either side: country code or code prefix.")]
FilterSince = Annotated[str | None, typer.Option("--since", help="Event date on or after YYYY-MM-DD.")]
FilterUntil = Annotated[str | None, typer.Option("--until", help="Event date on or before YYYY-MM-DD.")]
FilterRoot = Annotated[str | None, typer.Option("--root", help="CAMEO root, e.g. 19.")]
FilterCode = Annotated[str | None, typer.Option("--code", help="CAMEO code prefix, e.g. 190.")]
FilterModality = Annotated[str | None, typer.Option("--modality", help="asserted, threatened, denied, ...")]
FilterText = Annotated[str | None, typer.Option("--text", help="Words in the evidence (case-insensitive).")]
FilterBoth = Annotated[bool, typer.Option("--undirected", help="Source and target may swap sides.")]


@app.command("events")
def events_cli(
    db: DbOption = None,
    source: FilterSource = None,
    target: FilterTarget = None,
    actor: FilterActor = None,
    since: FilterSince = None,
    until: FilterUntil = None,
    root: FilterRoot = None,
    code: FilterCode = None,
    modality: FilterModality = None,
    text: FilterText = None,
    undirected: FilterBoth = False,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most events to list.")] = 100,
    cursor: Annotated[str | None, typer.Option("--cursor", help="Continue after this row's cursor.")] = None,
    newest_first: Annotated[bool, typer.Option("--newest-first", help="Latest events first.")] = False,
    mentions: Annotated[bool, typer.Option("--mentions", help="List every mention, not merged events.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
) -> None:
    """List stored events (merged across articles), filtered by actors, dates, codes or words."""
    if fmt not in ("table", "jsonl"):
        fail(f"--format must be table or jsonl, not {fmt!r}")
    flt = _event_filter(source, target, actor, since, until, root, code, modality, text, undirected,
                        limit=limit, cursor=cursor, order="-date" if newest_first else "date")
    with handle_errors(), _open_existing(db) as store:
        records = store.mentions(flt) if mentions else store.events(flt)
    if fmt == "jsonl":
        for record in records:
            typer.echo(dumps(record))
        return
    out.print(_table(records))
    if len(records) == flt.limit:
        err.print(f"more with --cursor {records[-1]['cursor']}", highlight=False)


@app.command("export")
def export_cli(
    output: Annotated[Path, typer.Option("--output", "-o", help="File (or directory, for parquet) to write.")],
    fmt: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")] = "parquet",
    db: DbOption = None,
    source: FilterSource = None,
    target: FilterTarget = None,
    actor: FilterActor = None,
    since: FilterSince = None,
    until: FilterUntil = None,
    root: FilterRoot = None,
    code: FilterCode = None,
    modality: FilterModality = None,
    text: FilterText = None,
    undirected: FilterBoth = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace an existing output.")] = False,
    by_month: Annotated[bool, typer.Option("--by-month", help="Parquet: year/month partitions, not days.")] = False,
) -> None:
    """Write stored events as Parquet (date partitions), CSV, GDELT 2.0, PLOVER JSON lines or ICEWS TSV."""
    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    flt = _event_filter(source, target, actor, since, until, root, code, modality, text, undirected)
    with handle_errors(), _open_existing(db) as store:
        result = export(store, fmt, output, flt, overwrite=overwrite, partition="month" if by_month else "day")
    out.print(f"wrote {result.rows} events to {result.path}", highlight=False)
