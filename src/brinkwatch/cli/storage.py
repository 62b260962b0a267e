"""``brinkwatch ingest``, ``brinkwatch events`` and ``brinkwatch export``: thin faces over the store.

``ingest`` calls ``brinkwatch.pipeline.ingestion.ingest_paths``; ``events`` calls ``Store.events`` (or
``Store.mentions``); ``export`` calls ``brinkwatch.export.export``. Results go to stdout, the progress
bar and per-document errors to stderr.

The store (DuckDB), the exporter and the budget are imported inside the commands that use them: every
group module is imported for every command, and ``brinkwatch code`` stores nothing.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from pydantic import ValidationError
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from brinkwatch.cli.app import EXIT_OK, EXIT_SOME_INPUTS_FAILED, app, err, fail, handle_errors, out
from brinkwatch.cli.output import (
    FORMAT_HELP,
    actor_argument,
    listing_format,
    parse_date,
    print_document_error,
    warn,
    write_events,
)
from brinkwatch.config import Settings
from brinkwatch.errors import NotFoundError
from brinkwatch.export import FORMATS
from brinkwatch.model import Article, CodedDocument

if TYPE_CHECKING:
    from brinkwatch.pipeline.ingestion import IngestReport
    from brinkwatch.store import EventFilter, Store

STDIN = "-"


def make_coder(settings: Settings) -> Any:
    """The real coder; imported here because it loads spaCy (and tests replace this function)."""
    try:
        from brinkwatch.extract import Coder
    except ImportError as exc:
        fail(f"the event coder is not available: {exc}", code="E300", hint="pip install -e .")
        raise  # unreachable: fail() exits
    return Coder(settings)


class LazyCoder:
    """Builds the coder on first use, so re-ingesting already stored files never loads spaCy.

    The coder runs under the settings' per-document budget (``brinkwatch.pipeline.budget``): a runaway
    document is skipped with a numbered error while the rest goes on.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._coder: Any = None

    def code_articles(self, articles: Iterable[Article], *, on_error: Any = None) -> Iterator[CodedDocument]:
        if self._coder is None:
            from brinkwatch.pipeline.budget import budget_of, budgeted

            self._coder = budgeted(make_coder(self.settings), budget_of(self.settings),
                                   batch_size=self.settings.batch_size)
        if on_error is not None and _accepts_on_error(self._coder):
            return self._coder.code_articles(articles, on_error=on_error)
        return self._coder.code_articles(articles)

    def close(self) -> None:
        """Stop the budget's worker process, if one was started."""
        close = getattr(self._coder, "close", None)
        if callable(close):
            close()


def _accepts_on_error(coder: Any) -> bool:
    # what ``brinkwatch.pipeline.ingestion.accepts_on_error`` asks, without importing the store
    try:
        return "on_error" in inspect.signature(coder.code_articles).parameters
    except (TypeError, ValueError):
        return False


_parse_date = parse_date  # the name other group modules import


def _default_db() -> Path:
    return Settings().db_path


# The per-document limits `ingest` and `code` share (same flags, same errors), defaults from the settings.
_DEFAULTS = Settings()
DEFAULT_DOC_TIMEOUT = _DEFAULTS.doc_timeout_s or 0
DEFAULT_MAX_CHARS = _DEFAULTS.max_chars
DocTimeoutOption = Annotated[float, typer.Option(
    "--doc-timeout", min=0, help="Seconds one document may take to code before it is skipped (E302); 0: no limit.",
)]
MaxCharsOption = Annotated[int, typer.Option(
    "--max-chars", min=1, help="Longest document coded, in characters; longer ones are refused (E104).",
)]
DbOption = Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: $BRINKWATCH_DB or brinkwatch.duckdb).")]


def _print_ingest_summary(report: IngestReport) -> None:
    merged = ""
    if report.merge is not None:
        created = getattr(report.merge, "events_created", None)
        merged = f", new merged events {created}" if created is not None else f", dedup: {report.merge}"
    out.print(
        f"read {report.articles_read}, added {report.articles_added}, skipped {report.articles_skipped} "
        f"(already stored), events {report.events_added}, errors {len(report.errors)}{merged}",
        highlight=False, soft_wrap=True,
    )
    for error in report.errors:
        print_document_error(error)


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
    doc_timeout: DocTimeoutOption = DEFAULT_DOC_TIMEOUT,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
) -> None:
    """Read news, code the events, store them (skipping texts stored before) and merge duplicates."""
    default_date = parse_date(date, "--date")
    check_inputs([str(p) for p in paths], default_date)
    db_path = db or _default_db()
    settings = Settings(actor_files=tuple(actors or ()), pattern_files=tuple(patterns or ()), db_path=db_path,
                        doc_timeout_s=doc_timeout or None, max_chars=max_chars)
    from brinkwatch.pipeline.ingestion import ingest_paths
    from brinkwatch.store import Store

    coder = LazyCoder(settings)
    new_db = not db_path.exists()
    with handle_errors(), _removed_if_empty(db_path, new_db), Store(db_path) as store, Progress(
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
        try:
            report = ingest_paths(store, coder, paths, default_date=default_date, batch_size=batch_size,
                                  on_progress=on_progress, max_bytes=max_bytes_for(max_chars),
                                  reader=partial(read_paths, on_skip=skipped.append))
        finally:
            coder.close()
    _print_ingest_summary(report)
    if skipped:
        out.print(f"not articles, skipped: {len(skipped)} (README, code, configuration: "
                  f"{', '.join(p.name for p in skipped[:5])}{', ...' if len(skipped) > 5 else ''})", highlight=False)
    raise typer.Exit(EXIT_SOME_INPUTS_FAILED if report.errors else EXIT_OK)


def check_inputs(inputs: list[str], default_date: Any) -> None:
    """Fail before anything is created when an input path does not exist; warn when stdin has no date."""
    missing = [p for p in inputs if p != STDIN and not Path(p).exists()]
    if missing:
        fail(f"no such file or directory: {', '.join(missing)}", code="E100", hint="a file or directory that exists")
    if STDIN in inputs and default_date is None:
        warn("text from stdin has no publication date, so its events get no date unless the text gives one "
             "(pass --date YYYY-MM-DD)")


class _removed_if_empty:  # noqa: N801 - used as a context manager, like contextlib's helpers
    """Delete a database this command created if the command failed or stored nothing: a failed command
    leaves no file behind."""

    def __init__(self, path: Path, new: bool) -> None:
        self.path, self.new = path, new

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        if not self.new or not self.path.exists():
            return
        failed = kind is not None and not (issubclass(kind, typer.Exit) and exc.exit_code == EXIT_OK)
        if failed or _is_empty(self.path):
            for leftover in (self.path, self.path.with_name(self.path.name + ".wal")):
                leftover.unlink(missing_ok=True)


def _is_empty(path: Path) -> bool:
    from brinkwatch.store import Store

    try:
        with Store(path, read_only=True) as store:
            return store.con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 0
    except Exception:  # noqa: BLE001 - an unreadable file we just created is as good as empty
        return True


def max_bytes_for(max_chars: int) -> int:
    """The file size read for a document of ``max_chars`` characters (up to 4 bytes each, plus markup)."""
    return max(50_000_000, 4 * max_chars)


def _filter(**fields: Any) -> EventFilter:
    from brinkwatch.store import EventFilter

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
    return _filter(source=actor_argument(source, "--source country"),
                   target=actor_argument(target, "--target country"),
                   actor=actor_argument(actor, "--actor country"), since=parse_date(since, "--since"),
                   until=parse_date(until, "--until"), root=root, cameo=code, modality=modality, text=text,
                   dyad_undirected=undirected, **extra)


def _open_existing(db: Path | None) -> Store:
    """The database read-only, or a snapshot from the ``brinkwatch serve`` that holds it."""
    db_path = db or _default_db()
    if not db_path.exists():
        fail(f"no database at {db_path}", code=NotFoundError.code, hint="brinkwatch ingest FILES --db "
             f"{db_path}, or --db PATH")
    from brinkwatch.store.access import open_reader

    store = open_reader(db_path)
    if store.snapshot_of:
        err.print(f"reading a snapshot from the server at {store.snapshot_of} (it holds {db_path})", highlight=False)
    return store


FilterSource = Annotated[str | None, typer.Option("--source", help="Source actor: country name or code (India, IND), "
                                                                  "or an actor code prefix (INDGOV).")]
FilterTarget = Annotated[str | None, typer.Option("--target", help="Target actor: country name or code, or code prefix.")]
FilterActor = Annotated[str | None, typer.Option("--actor", help="Either side: country name or code, or code prefix.")]
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
    fmt: Annotated[str | None, typer.Option("--format", help=FORMAT_HELP)] = None,
) -> None:
    """List stored events (merged across articles), filtered by actors, dates, codes or words."""
    fmt = listing_format(fmt)
    flt = _event_filter(source, target, actor, since, until, root, code, modality, text, undirected,
                        limit=limit, cursor=cursor, order="-date" if newest_first else "date")
    with handle_errors():
        with _open_existing(db) as store:
            records = store.mentions(flt) if mentions else store.events(flt)
    write_events(records, fmt)
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
        fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}", hint="--format parquet")
    from brinkwatch.export import export

    flt = _event_filter(source, target, actor, since, until, root, code, modality, text, undirected)
    with handle_errors():
        with _open_existing(db) as store:
            result = export(store, fmt, output, flt, overwrite=overwrite, partition="month" if by_month else "day")
    out.print(f"wrote {result.rows} events to {result.path}", highlight=False)
