"""``brinkwatch evaluate``: score the coder against a gold JSONL file and show where it goes wrong.

A thin face over ``brinkwatch.evaluate``: tables go to stdout (or to stderr with ``--json``, whose single
JSON object is then the last line of stdout); the progress bar always goes to stderr.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from brinkwatch.cli.app import app, err, fail, handle_errors, out
from brinkwatch.config import Settings

if TYPE_CHECKING:  # the evaluation package (gold loaders, scoring) is loaded by `evaluate` only
    from brinkwatch.evaluate import ArticleReport, EvalReport, EventCoder


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _corpus_table(report: EvalReport) -> Table:
    from brinkwatch.evaluate import LEVELS

    # A light box keeps the nine columns inside an 80-column terminal.
    table = Table(title="Accuracy per corpus (micro-averaged)", box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("corpus", "level", "prec", "rec", "F1", "tp", "fp", "fn", "exc"):
        left = column in ("corpus", "level")
        table.add_column(column, justify="left" if left else "right", no_wrap=left)
    for name, scores in report.per_corpus.items():
        rows = [(level, scores.levels[level]) for level in LEVELS]
        rows += [(f"{level} strict", scores.strict[level]) for level in LEVELS]
        for level, c in rows:
            table.add_row(name, level, _fmt(c.precision), _fmt(c.recall), _fmt(c.f1),
                          str(c.tp), str(c.fp), str(c.fn), str(c.excused))  # fmt: skip
        if scores.no_event_sentences:
            table.add_row(name, "no_event_accuracy", _fmt(scores.no_event_accuracy), "", "",
                          str(scores.no_event_correct), "", str(scores.no_event_sentences - scores.no_event_correct),
                          "")  # fmt: skip
    return table


def _band_table(report: EvalReport) -> Table:
    table = Table(title="dyad_root precision by confidence (all corpora)", box=box.SIMPLE_HEAD)
    for column in ("confidence", "predicted", "correct", "precision"):
        table.add_column(column, justify="left" if column == "confidence" else "right")
    for band in report.confidence_bands:
        table.add_row(band.label, str(band.predicted), str(band.correct), _fmt(band.precision))
    return table


def _print_errors(console: Console, report: EvalReport) -> None:
    from brinkwatch.evaluate import CAUSES

    counts = report.error_counts()
    if not report.errors:
        console.print("no false positive or negative at the dyad_root level")
    for cause in CAUSES:
        cases = [case for case in report.errors if case.cause == cause]
        if not cases:
            continue
        console.rule(f"{cause} ({counts[cause]})")
        details = [(label, n) for label, n in counts.items() if label.startswith(f"{cause}/")]
        if details:  # the draft trace's split: "no_trigger/no_draft 40, no_trigger/dropped:history 3"
            console.print("   " + ", ".join(f"{label} {n}" for label, n in details), highlight=False, markup=False)
        for case in sorted(cases, key=lambda c: c.detail or ""):
            kind = "FP" if case.kind == "false_positive" else "FN"
            detail = f" [{case.detail}]" if case.detail else ""
            console.print(
                f"[bold]{kind}[/bold] {case.sentence_id} [dim]({case.corpus})[/dim]{detail}", highlight=False
            )
            console.print(f"   {case.text}", highlight=False, markup=False)
            console.print(f"   gold: {case.gold or '-'}", highlight=False, markup=False)
            pattern = (
                f"   [pattern {case.pattern}, confidence {_fmt(case.confidence)}]" if case.pattern else ""
            )
            console.print(f"   predicted: {case.predicted or '-'}{pattern}", highlight=False, markup=False)


def make_coder(settings: Settings) -> EventCoder:
    """The real coder; imported here because it loads spaCy (and tests replace this function)."""
    try:
        from brinkwatch.extract import Coder
    except ImportError as exc:
        fail(f"the event coder is not available: {exc}", code="E300", hint="pip install -e .")
        raise  # unreachable: fail() exits
    return Coder(settings)


def _run(gold_path: Path, settings: Settings) -> EvalReport | ArticleReport:
    from brinkwatch.evaluate import evaluate, evaluate_articles, is_article_set, load_articles, load_gold

    if is_article_set(gold_path):
        articles = load_articles(gold_path)
        coder = make_coder(settings)
        with _progress(len(articles)) as advance:
            return evaluate_articles(articles, coder, corpus=gold_path.name, on_document=advance,
                                     trace=_traced(coder))
    gold = load_gold(gold_path)
    coder = make_coder(settings)
    with _progress(len(gold)) as advance:
        return evaluate(gold, coder, on_document=advance, trace=_traced(coder))


def _traced(coder: EventCoder):  # noqa: ANN202 - a DraftTrace, or None for a coder that cannot trace
    """Set a draft trace on the coder (what became of each draft: splits ``no_trigger`` errors by stage)."""
    if not hasattr(coder, "trace"):  # a test double or a remote coder
        return None
    from brinkwatch.extract.trace import DraftTrace

    coder.trace = DraftTrace()
    return coder.trace


@contextmanager
def _progress(total: int) -> Iterator[Callable[[object], None]]:
    with Progress(
        TextColumn("coding"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("coding", total=total)
        yield lambda _doc: progress.advance(task)


@app.command("evaluate")
def evaluate_cli(
    gold_file: Annotated[
        Path, typer.Argument(exists=True, readable=True,
                             help="Gold JSONL file, or a folder of NAME.txt articles with NAME.expected.jsonl.")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the metrics as one JSON object on the last line of stdout.")
    ] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List false positives and negatives grouped by cause.")
    ] = False,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", exists=True, dir_okay=False, help="Extra actor file.")
    ] = None,
    patterns: Annotated[
        list[Path] | None, typer.Option("--patterns", exists=True, dir_okay=False, help="Extra pattern file.")
    ] = None,
) -> None:
    """Score the event coder on a gold set: precision/recall/F1 per corpus, confidence bands, errors."""
    settings = Settings(actor_files=tuple(actors or ()), pattern_files=tuple(patterns or ()))
    with handle_errors():
        result = _run(gold_file, settings)
    from brinkwatch.evaluate import ArticleReport
    from brinkwatch.evaluate.attributes import NAMES as ATTRIBUTE_NAMES

    report = result.report if isinstance(result, ArticleReport) else result
    console = err if as_json else out
    console.print(_corpus_table(report))
    if isinstance(result, ArticleReport):
        core = result.core
        console.print(f"core happenings found: {core.found}/{core.happenings} = {_fmt(core.recall)} "
                      f"in {result.articles} articles", highlight=False)
        for missing in result.unlocated:
            console.print(f"trigger not found in its article: {missing}", highlight=False, markup=False)
        rates = [f"{name} {_fmt(result.attributes.rate(name))} ({result.attributes.total[name]})"
                 for name in ATTRIBUTE_NAMES if result.attributes.total[name]]
        if rates:
            console.print("attributes of found events: " + ", ".join(rates), highlight=False)
    console.print(_band_table(report))
    if errors:
        _print_errors(console, report)
        if isinstance(result, ArticleReport) and result.core.missed:
            console.rule(f"core happenings missed ({len(result.core.missed)})")
            for missed in result.core.missed:
                console.print(f"   {missed}", highlight=False, markup=False)
    if as_json:
        # typer.echo, not Rich: Rich would wrap and colour the line, and it must stay parseable JSON.
        from brinkwatch.evaluate import gold_digest

        digest = None if gold_file.is_dir() else gold_digest(gold_file)
        payload = {"gold": {"path": str(gold_file), "sha256": digest}}
        payload.update(result.to_json(include_errors=errors))
        typer.echo(json.dumps(payload))
