"""``brinkwatch watch`` (poll news feeds into the database) and ``brinkwatch scale`` (ingest on Dask workers).

Thin faces over ``brinkwatch.pipeline.watch.watch_feeds`` and ``brinkwatch.scale.scale_ingest``: they
validate flags, show a status line on stderr and print a summary on stdout.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.logging import RichHandler

from brinkwatch.cli.app import EXIT_OK, EXIT_SOME_INPUTS_FAILED, app, err, fail, handle_errors, out
from brinkwatch.cli.output import parse_date
from brinkwatch.cli.storage import LazyCoder, _print_ingest_summary
from brinkwatch.config import Settings

if TYPE_CHECKING:  # the watcher imports the fetchers and feed parsers: loaded only by `watch` itself
    from brinkwatch.pipeline.ingestion import IngestReport
    from brinkwatch.pipeline.watch import FeedOutcome, WatchReport

DbOption = Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: $BRINKWATCH_DB or brinkwatch.duckdb).")]
ActorsOption = Annotated[list[Path] | None, typer.Option("--actors", exists=True, dir_okay=False,
                                                         help="Extra actor file (repeatable).")]
PatternsOption = Annotated[list[Path] | None, typer.Option("--patterns", exists=True, dir_okay=False,
                                                           help="Extra pattern file (repeatable).")]


def _settings(db: Path | None, actors: list[Path] | None, patterns: list[Path] | None) -> Settings:
    base = Settings()
    return Settings(db_path=db or base.db_path, actor_files=tuple(actors or ()), pattern_files=tuple(patterns or ()))


def _log_to_stderr() -> None:
    # The watcher reports feed failures through logging; show them on stderr, one line each.
    handler = RichHandler(console=err, show_path=False, show_time=True, markup=False)
    logger = logging.getLogger("brinkwatch")
    if not any(isinstance(h, RichHandler) for h in logger.handlers):
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _feed_line(cycle: int, outcome: FeedOutcome) -> str:
    name = outcome.url
    if outcome.status == "fetched":
        return (f"cycle {cycle}: {name}: read {outcome.articles_read}, added {outcome.articles_added}, "
                f"events {outcome.events_added}, pages {outcome.pages_fetched}, errors {len(outcome.errors)}")
    if outcome.status == "not_modified":
        return f"cycle {cycle}: {name}: not modified"
    when = outcome.next_attempt.isoformat(timespec="seconds") if outcome.next_attempt else "?"
    if outcome.status == "deferred":
        return f"cycle {cycle}: {name}: backed off until {when} UTC"
    error = outcome.errors[0] if outcome.errors else None
    reason = f"{error.code} {error.message}" if error else "failed"
    return f"cycle {cycle}: {name}: [red]{reason}[/red], retry after {when} UTC"


def _print_watch_summary(report: WatchReport) -> None:
    out.print(
        f"cycles {report.cycles}: fetched {report.fetched}, not modified {report.not_modified}, "
        f"failed {report.failed}, backed off {report.deferred}; added {report.articles_added} articles, "
        f"{report.events_added} events, {report.errors} errors",
        highlight=False,
    )


@app.command("watch")
def watch_cli(
    feeds_file: Annotated[Path, typer.Argument(exists=True, dir_okay=False,
                                               help="Text file of feed URLs, one a line ('#' comments).")],
    every: Annotated[str, typer.Option("--every", help="Time between cycles: 30s, 15m, 1h.")] = "15m",
    db: DbOption = None,
    once: Annotated[bool, typer.Option("--once", help="Run one cycle and stop (for cron).")] = False,
    max_cycles: Annotated[int | None, typer.Option("--max-cycles", min=1, help="Stop after N cycles.")] = None,
    actors: ActorsOption = None,
    patterns: PatternsOption = None,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private-addresses",
        help="Also fetch feeds and pages on loopback, private and link-local addresses (refused by default).",
    )] = False,
) -> None:
    """Poll RSS/Atom feeds, code their new articles and store them; failing feeds are retried with backoff."""
    from brinkwatch.pipeline.watch import parse_every, read_feed_list, watch_feeds

    try:
        every_s = parse_every(every)
    except ValueError as exc:
        fail(f"--every: {exc}", hint="--every 15m")
        raise  # unreachable
    feeds = read_feed_list(feeds_file)
    if not feeds:
        fail(f"no feed URLs in {feeds_file}", code="E106", hint="one http(s) URL a line")
    settings = _settings(db, actors, patterns)
    _log_to_stderr()
    # The database is opened for each cycle and closed in between, so `serve` and `events` can read it.
    with handle_errors(), err.status("watching", spinner="dots") as status:

        def on_feed(cycle: int, outcome: FeedOutcome) -> None:
            line = _feed_line(cycle, outcome)
            # Failures reach stderr through the watcher's log (with the time); say only what was added.
            if outcome.status == "fetched":
                err.print(line, highlight=False)
            status.update(line)

        try:
            report = watch_feeds(settings.db_path, LazyCoder(settings), feeds, every_s=every_s, once=once,
                                 max_cycles=max_cycles, on_feed=on_feed, allow_private=allow_private)
        except KeyboardInterrupt:
            err.print("stopped")
            raise typer.Exit(EXIT_OK) from None
    _print_watch_summary(report)
    raise typer.Exit(EXIT_SOME_INPUTS_FAILED if report.failed else EXIT_OK)


@app.command("scale")
def scale_cli(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to read.")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes of the local cluster.")] = 2,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Address of a running Dask scheduler "
                                                  "(tcp://host:8786) instead of a local cluster.")] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", "--batch-size", min=1,
                                                help="Articles per worker task (a partition).")] = 32,
    run_dir: Annotated[Path | None, typer.Option("--run-dir", file_okay=False,
                                                 help="Where the parts and the manifest of finished partitions "
                                                      "are kept until the merge (default: DB.parts); an "
                                                      "interrupted run resumes from it.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Publication date for inputs without one.")] = None,
    actors: ActorsOption = None,
    patterns: PatternsOption = None,
) -> None:
    """Ingest like `brinkwatch ingest`, coding partitions on Dask workers; merged into the database once, here."""
    from brinkwatch.scale import scale_ingest  # imported here: dask is slow to import
    from brinkwatch.store import Store

    default_date = parse_date(date, "--date")
    settings = _settings(db, actors, patterns)
    with handle_errors(), Store(settings.db_path) as store, err.status("starting workers") as status:

        def on_progress(report: IngestReport) -> None:
            status.update(f"read {report.articles_read}, coded {report.articles_added}, "
                          f"skipped {report.articles_skipped}, events {report.events_added}, "
                          f"errors {len(report.errors)}, partitions {report.batches}")

        report = scale_ingest(store, paths, settings=settings, n_workers=workers, scheduler=scheduler,
                              partition_size=partition_size, run_dir=run_dir, on_progress=on_progress,
                              default_date=default_date)
    _print_ingest_summary(report)
    raise typer.Exit(EXIT_SOME_INPUTS_FAILED if report.errors else EXIT_OK)
