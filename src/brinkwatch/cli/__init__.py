"""brinkwatch command line: ``brinkwatch COMMAND``. Importing this package registers every command group.

Group modules import only what their options need; anything that loads spaCy or the coder is imported
inside the command that codes, so ``events``, ``tension`` and ``export`` start without NLP.
"""

from __future__ import annotations

import atexit
import os
import sys
from typing import Any, NoReturn

import typer
from typer._click import exceptions as click_errors  # Typer's own copy of click's errors

from brinkwatch.cli.app import app
from brinkwatch.cli.output import print_error

# Each group module registers its commands on ``app`` when imported, in this order (the order ``--help``
# lists them: coding imports storage first). A group that fails to import fails the CLI, never drops out of it.
# isort: off
from brinkwatch.cli import coding  # noqa: F401 - ingest, events, export (storage), code, demo
from brinkwatch.cli import analysis  # noqa: F401 - tension, network, dedup
from brinkwatch.cli import evaluation  # noqa: F401 - evaluate
from brinkwatch.cli import serving  # noqa: F401 - serve
from brinkwatch.cli import scaling  # noqa: F401 - watch, scale
from brinkwatch.cli import convert  # noqa: F401 - convert
# isort: on

USAGE_ERROR = "E002"
EXIT_USAGE = 2  # click's status for a usage error
# Commands that hold no database, file or server open when they return: run as the `brinkwatch` script
# they end the process without tearing the interpreter down (see ``_exit_now``).
NO_TEARDOWN = frozenset({"code"})


def _metavar(param: Any) -> str:
    """What the help shows for a value: DATE, PATH, N... rather than Python types (<str>, <list[Path]>)."""
    if getattr(param, "is_flag", False):
        return ""
    desc = getattr(param, "type_descriptor", None)
    annotation = getattr(desc, "annotation", None)
    name = (param.name or "value").upper()
    if desc is not None and desc.is_path:
        word = "PATH"
    elif desc is not None and desc.is_list:
        word = "PATH" if "Path" in str(annotation) else name
    elif annotation is int or "int" == getattr(annotation, "__name__", ""):
        word = "N"
    elif annotation is float:
        word = "NUMBER"
    elif name in ("SINCE", "UNTIL", "DATE"):
        word = "DATE"
    else:
        word = name.replace("_", "-")
    return word


def command() -> Any:
    """The click command behind ``app``, with help metavars that name values instead of Python types."""
    cmd = typer.main.get_command(app)
    for group in (cmd, *getattr(cmd, "commands", {}).values()):
        for param in group.params:
            if param.metavar is None:
                param.metavar = _metavar(param)
            if param.param_type_name == "argument":
                # Typer prints an argument's Python type after its name ("PATH <list[Path]>").
                param.display_type_rich = lambda ctx=None: None
    return cmd


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; every error, click's usage errors included, prints as ``error[E...]: ... (try: ...)``."""
    cmd = command()
    try:
        status = cmd.main(args=argv, prog_name="brinkwatch", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help())
        status = 0
    except click_errors.UsageError as exc:
        name = exc.ctx.command_path if exc.ctx is not None else "brinkwatch"
        print_error(USAGE_ERROR, exc.format_message(), f"{name} --help")
        status = EXIT_USAGE
    except click_errors.ClickException as exc:
        print_error(USAGE_ERROR, exc.format_message())
        status = exc.exit_code
    except typer.Exit as exc:
        status = exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        print_error(USAGE_ERROR, "interrupted")
        status = 130
    status = status if isinstance(status, int) else 0
    if argv is None and _command_name(sys.argv[1:]) in NO_TEARDOWN:
        _exit_now(status)
    sys.exit(status)


def _command_name(args: list[str]) -> str | None:
    return next((arg for arg in args if not arg.startswith("-")), None)


def _exit_now(status: int) -> NoReturn:
    """End the process without tearing the interpreter down. Freeing the pipeline and the knowledge bases
    (~300 MB) object by object at exit took ~0.2 s of CPU, 8% of a cold one-sentence ``brinkwatch code``,
    and frees nothing the OS does not. The atexit handlers still run (multiprocessing's, logging's), and
    stdout and stderr are flushed first; a reader that closed the pipe early is no error here."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(status)


__all__ = ["app", "command", "main"]
