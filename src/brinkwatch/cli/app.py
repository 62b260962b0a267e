"""The Typer application object and the helpers every command group shares.

Command groups live in sibling modules (``coding``, ``storage``, ``analysis``, ``evaluation``,
``serving``, ``scaling``, ``convert``); each registers its commands on ``app``. Commands are thin: they validate
flags, call an importable library function, and turn ``BrinkwatchError`` into a message and exit code.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from brinkwatch.errors import BrinkwatchError

app = typer.Typer(
    name="brinkwatch",
    help="Code political events (CAMEO + PLOVER) from news, store them, and tell whether tensions rise or ease.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# stdout carries results (tables, JSON lines); everything else goes to stderr.
out = Console()
err = Console(stderr=True)

EXIT_OK = 0
EXIT_SOME_INPUTS_FAILED = 2
EXIT_ERROR = 1


@contextmanager
def handle_errors() -> Iterator[None]:
    """Turn a library error into one red line on stderr and exit status 1."""
    try:
        yield
    except BrinkwatchError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(EXIT_ERROR) from exc


def fail(message: str, code: int = EXIT_ERROR) -> None:
    err.print(f"[red]error[/red] {message}")
    raise typer.Exit(code)


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()
