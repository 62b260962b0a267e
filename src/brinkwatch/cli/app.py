"""The Typer application object and the helpers every command group shares.

Command groups live in sibling modules (``coding``, ``storage``, ``analysis``, ``evaluation``,
``serving``, ``scaling``, ``convert``); each registers its commands on ``app``. Commands are thin: they validate
flags, call an importable library function, and turn ``BrinkwatchError`` into a message and exit code.
How results and errors are printed lives in ``cli.output``; its helpers are re-exported here for the
group modules.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from brinkwatch.cli.output import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_SOME_INPUTS_FAILED,
    err,
    fail,
    handle_errors,
    out,
)

app = typer.Typer(
    name="brinkwatch",
    help="Code political events (CAMEO + PLOVER) from news, store them, and tell whether tensions rise or ease.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    try:
        return package_version("brinkwatch")
    except PackageNotFoundError:
        return "unknown"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"brinkwatch {version()}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    show_version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                               help="Print the version and exit.")] = False,
) -> None:
    """Code political events (CAMEO + PLOVER) from news, store them, and tell whether tensions rise or ease."""


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()


__all__ = ["EXIT_ERROR", "EXIT_OK", "EXIT_SOME_INPUTS_FAILED", "app", "err", "fail", "handle_errors", "out",
           "stdout_is_tty", "version"]
