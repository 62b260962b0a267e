"""``brinkwatch code`` (code inputs, print events, store nothing) and ``brinkwatch demo``.

``code`` reads files, directories or stdin with ``brinkwatch.ingest.read_paths`` and prints one event
record per line (``--format jsonl``: stdout carries only JSON) or a Rich table. ``demo`` ingests the
bundled ``examples/`` into ``./brinkwatch.duckdb`` through the same pipeline as ``brinkwatch ingest``
and prints the events and a per-dyad summary.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from brinkwatch.cli.app import EXIT_OK, EXIT_SOME_INPUTS_FAILED, app, err, fail, handle_errors, out
from brinkwatch.cli.output import (
    EVENT_COLUMNS,
    FORMAT_HELP,
    fit_table,
    listing_format,
    parse_date,
    print_document_error,
    write_events,
)
from brinkwatch.cli.storage import (
    DEFAULT_DOC_TIMEOUT,
    DEFAULT_MAX_CHARS,
    DocTimeoutOption,
    LazyCoder,
    MaxCharsOption,
    _print_ingest_summary,
    check_inputs,
    max_bytes_for,
)
from brinkwatch.config import Settings
from brinkwatch.model import Article, DocumentError

FormatOption = Annotated[str | None, typer.Option("--format", help=FORMAT_HELP)]


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                    console=err, transient=True)


@app.command("code")
def code_cli(
    inputs: Annotated[list[str], typer.Argument(help="Files or directories (.txt .html .jsonl ...), or '-' for stdin.")],
    date: Annotated[str | None, typer.Option("--date", help="Publication date YYYY-MM-DD for inputs without one.")] = None,
    fmt: FormatOption = None,
    actors: Annotated[list[Path] | None, typer.Option("--actors", exists=True, dir_okay=False,
                                                      help="Extra actor file: YAML or PETRARCH/TABARI (repeatable).")] = None,
    patterns: Annotated[list[Path] | None, typer.Option("--patterns", exists=True, dir_okay=False,
                                                        help="Extra pattern file (repeatable).")] = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline name or path.")] = None,
    doc_timeout: DocTimeoutOption = DEFAULT_DOC_TIMEOUT,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
) -> None:
    """Code political events in news and print them (nothing is stored)."""
    fmt = listing_format(fmt)
    default_date = parse_date(date, "--date")
    check_inputs(inputs, default_date)
    from brinkwatch.ingest import read_paths

    settings = Settings(actor_files=tuple(actors or ()), pattern_files=tuple(patterns or ()),
                        doc_timeout_s=doc_timeout or None, max_chars=max_chars,
                        **({"spacy_model": model} if model else {}))
    errors: list[DocumentError] = []
    records: list[dict] = []
    coded = 0
    coder = LazyCoder(settings)
    with handle_errors(), _progress() as progress:
        task = progress.add_task("coding", total=None)
        articles = (item for item in read_paths(inputs, default_date=default_date,
                                                max_bytes=max_bytes_for(max_chars))
                    if not _keep_error(item, errors))
        try:
            for doc in coder.code_articles(articles, on_error=errors.append):
                progress.advance(task)
                if _keep_error(doc, errors):  # a coder may also put its per-document errors in its output
                    continue
                coded += 1
                for event in doc.events:
                    if fmt == "jsonl":  # streamed: a long run shows events as they come
                        sys.stdout.write(json.dumps(event.to_record(), ensure_ascii=False) + "\n")
                    else:
                        records.append(event.to_record())
        finally:
            coder.close()  # the budget's worker process, if one was started
    if fmt != "jsonl" and (coded or not errors):
        write_events(records, fmt)  # not when every input failed: an empty table before the error helps no one
    for error in errors:
        print_document_error(error)
    raise typer.Exit(EXIT_SOME_INPUTS_FAILED if errors else EXIT_OK)


def _keep_error(item: Article | DocumentError, errors: list[DocumentError]) -> bool:
    if isinstance(item, DocumentError):
        errors.append(item)
        return True
    return False


def examples_dir() -> Path:
    """The bundled examples: ./examples when run from a checkout, else the one beside the package source."""
    for candidate in (Path.cwd() / "examples", Path(__file__).resolve().parents[3] / "examples"):
        if candidate.is_dir():
            return candidate
    fail("cannot find the examples/ directory", code="E100", hint="run brinkwatch demo from the brinkwatch checkout")
    raise AssertionError  # unreachable


@app.command("demo")
def demo_cli(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file to create or extend.")] = Path("brinkwatch.duckdb"),
    limit: Annotated[int, typer.Option("--limit", help="Events to show.")] = 40,
) -> None:
    """Code the bundled example articles into ./brinkwatch.duckdb and show events and dyads."""
    from brinkwatch.pipeline.ingestion import ingest_paths
    from brinkwatch.store import EventFilter, Store

    source = examples_dir()
    err.print(f"coding the example articles in {source} into {db}")
    with handle_errors(), Store(db) as store:
        with _progress() as progress:
            task = progress.add_task("ingesting examples", total=None)
            # the article folders only: examples/README.md describes the traps, it is not news
            inputs = sorted(p for p in source.iterdir() if p.is_dir())
            report = ingest_paths(store, LazyCoder(Settings(db_path=db)), inputs,
                                  on_progress=lambda r: progress.update(task, description=f"events {r.events_added}"))
        _print_ingest_summary(report)
        records = store.events(EventFilter(limit=limit, order="date"))
        out.print(fit_table(records, EVENT_COLUMNS, width=out.width,
                            title=f"{len(records)} merged events (first by date)"))
        out.print(_dyad_table(store))
    out.print("Next: [bold]brinkwatch tension USA IRN --freq week[/bold], [bold]brinkwatch serve[/bold]")
    raise typer.Exit(EXIT_SOME_INPUTS_FAILED if report.errors else EXIT_OK)


def _dyad_table(store) -> Table:
    rows = store.con.sql(
        """
        SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
               count(*) AS events,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               round(avg(goldstein), 2) AS mean_goldstein,
               min(event_date) AS first, max(event_date) AS last
        FROM events
        WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country
          AND modality NOT IN ('negated', 'hypothetical')
        GROUP BY 1, 2 ORDER BY events DESC LIMIT 15
        """
    ).fetchall()
    table = Table(title="dyads (merged events, either direction)")
    for column in ("dyad", "events", "coop", "conflict", "mean Goldstein", "from", "to"):
        table.add_column(column)
    for a, b, n, coop, conflict, mean, first, last in rows:
        table.add_row(f"{a}-{b}", str(n), str(coop), str(conflict), str(mean), str(first), str(last))
    return table
