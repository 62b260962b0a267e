"""CLI commands over ``brinkwatch.analyze``: ``tension``, ``network``, ``dedup``. Thin: flags in, records out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from brinkwatch.cli.app import app, fail, handle_errors, out
from brinkwatch.cli.output import Column, actor_argument, write_listing
from brinkwatch.config import Settings

if TYPE_CHECKING:  # brinkwatch.analyze (numpy, pyarrow) and the store (DuckDB): imported by the commands
    from brinkwatch.analyze.records import TensionReport
    from brinkwatch.store import Store

_BARS = "▁▂▃▄▅▆▇█"
DbOption = Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: $BRINKWATCH_DB or brinkwatch.duckdb).")]


def sparkline(values: list[float | None]) -> str:
    """One block character per value, scaled between the series' minimum and maximum; a space for an unknown
    period (no reports)."""
    known = [v for v in values if v is not None]
    if not known:
        return " " * len(values)
    lo, hi = min(known), max(known)
    span = hi - lo
    return "".join(" " if v is None else _BARS[0 if span == 0 else round((v - lo) / span * (len(_BARS) - 1))]
                   for v in values)


def _number(value: float | None, spec: str) -> str:
    return "?" if value is None else format(value, spec)


def _open(db: Path | None, *, read_only: bool) -> Store:
    from brinkwatch.store import Store
    from brinkwatch.store.access import open_reader

    path = db or Settings().db_path
    if read_only and not Path(path).exists():
        fail(f"no database at {path}", code="E404", hint=f"brinkwatch ingest FILES --db {path}, or --db PATH")
    return open_reader(path) if read_only else Store(path)  # a snapshot when `serve` holds the file


def _print_report(report: TensionReport) -> None:
    series, cps = report.series, set(report.change_points)
    table = Table(title=f"{series.a}–{series.b} per {series.freq}"
                        f"{' (merged events)' if series.deduplicated else ' (mentions, not deduplicated)'}")
    table.add_column("period", no_wrap=True, min_width=12)
    for column in ("events", "v.coop", "m.coop", "v.conf", "m.conf", "gold", "bal", "T"):
        table.add_column(column, justify="right", no_wrap=True)
    for p in series.points:
        mark = " ◆" if p.period in cps else ""
        table.add_row(f"{p.period}{mark}", str(p.n_events), str(p.verbal_coop), str(p.material_coop),
                      str(p.verbal_conflict), str(p.material_conflict), f"{p.goldstein_sum:.1f}",
                      _number(p.balance, "+.2f"), _number(p.tension, ".2f"))
    out.print(table)
    out.print(f"tension  {sparkline(series.tension_values())}  (? and blank: no reports, unknown)")
    out.print("change points (◆): " + (", ".join(str(d) for d in report.change_points) or "none"))
    v = report.verdict
    confidence = "" if v.direction == "insufficient data" else f" · confidence {v.confidence:.2f}"
    out.print(f"[bold]verdict: {v.label}[/bold]{confidence}")
    out.print(v.summary)
    if v.drivers:
        drivers = Table(title="events that drove it")
        for column in ("date", "cameo", "goldstein", "contribution", "reports", "evidence"):
            drivers.add_column(column, overflow="fold")
        for d in v.drivers:
            drivers.add_row(str(d.date), d.cameo, f"{d.goldstein}", f"{d.contribution:+.2f}", str(d.num_mentions),
                            d.evidence_text)
        out.print(drivers)
    if report.undated_count:
        out.print(f"{report.undated_count} undated event(s) of this pair (no event or publication date) are in "
                  "no period: " + "; ".join(f"{d.cameo} {d.evidence_text}" for d in report.undated))


TENSION_FORMATS = ("table", "json", "csv", "tsv", "jsonl")


@app.command()
def tension(
    a: Annotated[str, typer.Argument(help="First actor: country name or code (India, IND) or actor code (INDGOV).")],
    b: Annotated[str, typer.Argument(help="Second actor, the same way.")],
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(
        help="First day (YYYY-MM-DD); default: the dyad's first dated event (at most 260 periods back).")] = None,
    until: Annotated[str | None, typer.Option(help="Last day (YYYY-MM-DD); default: the dyad's last event.")] = None,
    freq: Annotated[str, typer.Option(help="Period: day, week or month.")] = "week",
    directed: Annotated[bool, typer.Option(help="Only events from A to B.")] = False,
    output_format: Annotated[str, typer.Option("--format", help="table or json (the whole report); csv, tsv or "
                                               "jsonl (the series, one period a row).")] = "table",
    plot: Annotated[Path | None, typer.Option(
        help="Also write a chart: FILE.html (offline) or FILE.png (needs kaleido).")] = None,
) -> None:
    """Is tension between A and B rising, easing or steady? Series, change points, verdict, driving events.

    The same report as the HTTP API's /v1/dyads/A/B/tension and the dashboard (one function answers all three)."""
    if output_format not in TENSION_FORMATS:
        fail(f"--format must be one of {', '.join(TENSION_FORMATS)}, not {output_format!r}", hint="--format json")
    a, b = actor_argument(a, "country") or a, actor_argument(b, "country") or b
    from brinkwatch.analyze import tension_report

    with handle_errors({"E501": f"brinkwatch events --actor {a}"}):
        store = _open(db, read_only=True)
        try:
            report = tension_report(store.con, a, b, freq=freq, since=since, until=until,  # type: ignore[arg-type]
                                    directed=directed)
        finally:
            store.close()
        if plot is not None:
            from brinkwatch.analyze.plot import write_plot

            write_plot(report, plot)
    if output_format == "json":
        # Plain JSON, as every listing writes it: rich's print_json highlighted (and measured) every token of a
        # 260-period report, ~0.5 s, for a reader that is usually jq or a program.
        sys.stdout.write(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    elif output_format in ("csv", "tsv", "jsonl"):
        points = [{**p.model_dump(mode="json"), "change_point": p.period in set(report.change_points)}
                  for p in report.series.points]
        write_listing(points, [Column(k, lambda r, k=k: r[k]) for k in (points[0] if points else {})],
                      output_format)
    else:
        _print_report(report)


@app.command()
def network(
    output: Annotated[Path, typer.Option("--output", "-o", help="FILE.graphml or FILE.json")],
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="First day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Last day (YYYY-MM-DD).")] = None,
    level: Annotated[str, typer.Option(help="country (ISO3) or actor (full actor code).")] = "country",
) -> None:
    """Export the actor network (who acts on whom, how often, how cooperatively) as GraphML or JSON."""
    from brinkwatch.analyze.network import actor_network, to_graphml, to_json

    suffix = output.suffix.lower()
    if suffix not in (".graphml", ".json"):
        fail(f"--output must end in .graphml or .json, not {output.name!r}", hint="--output actors.graphml")
    with handle_errors():
        store = _open(db, read_only=True)
        try:
            net = actor_network(store.con, since=since, until=until, level=level)  # type: ignore[arg-type]
        finally:
            store.close()
        if suffix == ".graphml":
            to_graphml(net, output)
        else:
            output.write_text(to_json(net), encoding="utf-8")
    out.print(f"{len(net.nodes)} nodes, {len(net.edges)} edges -> {output}")


@app.command()
def dedup(
    db: DbOption = None,
    rebuild_all: Annotated[bool, typer.Option("--rebuild", help="Forget all merges and dedup from scratch.")] = False,
) -> None:
    """Merge event mentions that report the same happening (new mentions only, unless --rebuild)."""
    from brinkwatch.analyze import merge_new, rebuild

    with handle_errors():
        store = _open(db, read_only=False)
        try:
            result = rebuild(store.con) if rebuild_all else merge_new(store.con)
        finally:
            store.close()
    out.print(f"mentions merged: {result.mentions_merged}, events created: {result.events_created}, "
              f"events updated: {result.events_updated}")


__all__ = ["dedup", "network", "sparkline", "tension"]
