"""``brinkwatch convert ...``: turn the field's dictionaries into brinkwatch's data files (thin over
``brinkwatch.convert``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from brinkwatch.cli.app import app, err, handle_errors, out

convert_app = typer.Typer(help="Convert PETRARCH2/Phoenix dictionaries into brinkwatch's data formats.",
                          no_args_is_help=True)
app.add_typer(convert_app, name="convert")


@convert_app.command("verbs")
def verbs_cli(
    source: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True,
                                           help="The PETRARCH2 verb dictionary (CAMEO.2.0.txt).")],
    output: Annotated[Path, typer.Option("--output", "-o", dir_okay=False,
                                         help="The pattern file to write (the base layer).")] = Path(
        "src/brinkwatch/extract/data/petrarch_verbs.yaml"),
    commit: Annotated[str | None, typer.Option("--commit", help="Upstream commit the file comes from.")] = None,
    licence: Annotated[Path | None, typer.Option("--licence", exists=True, dir_okay=False,
                                                 help="Upstream licence file (default: LICENSE beside SOURCE).")
                       ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as one JSON object.")] = False,
) -> None:
    """Convert the CAMEO verb dictionary into a base-layer pattern file; report what did not convert."""
    from brinkwatch.convert.verbs import UPSTREAM_COMMIT, convert_verbs, write_patterns

    with handle_errors():
        conversion = convert_verbs(source)
        path = write_patterns(conversion, source, output, commit=commit or UPSTREAM_COMMIT, licence=licence)
    summary = conversion.summary()
    if as_json:
        typer.echo(json.dumps(summary))
        return
    err.print(f"wrote {path}")
    for key, value in sorted(summary["counts"].items()):
        out.print(f"{key:40} {value:>7}")
    out.print("not converted, by kind:")
    for kind, count in summary["not_converted"].items():
        out.print(f"  {count:>6}  {kind}", highlight=False)
    forms = summary["irregular_forms_not_lemmatised_back"]
    out.print(f"irregular forms the lemmatizer does not map back to their verb: {len(forms)}", highlight=False)


@convert_app.command("actors")
def actors_cli(
    source: Annotated[Path, typer.Argument(exists=True, file_okay=False,
                                           help="Folder with the upstream Phoenix.*.txt files and LICENSE.")],
    output: Annotated[Path, typer.Option("--output", "-o", file_okay=False,
                                         help="Folder to write phoenix_*.yaml into (the base layer).")] = Path(
        "src/brinkwatch/actors/data"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as one JSON object.")] = False,
) -> None:
    """Convert the Phoenix actor dictionaries into the actor KB's base layer; report what did not convert."""
    from brinkwatch.convert.actors import convert

    with handle_errors():
        report = convert(source, output)
    if as_json:
        typer.echo(json.dumps({"counts": dict(report.counts), "corrected": dict(report.corrected),
                               "not_converted": dict(report.dropped)}, sort_keys=True))
        return
    err.print(f"wrote {output}")
    for line in report.lines():
        out.print(line, highlight=False)
