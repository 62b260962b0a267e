"""brinkwatch command line: ``brinkwatch COMMAND``. Importing this package registers every command group."""

from __future__ import annotations

import importlib

from brinkwatch.cli.app import app

# Each group module registers its commands on ``app`` when imported. A group whose module is not
# written yet is simply absent, so the CLI keeps working while the project grows.
_GROUPS = ("coding", "storage", "analysis", "evaluation", "serving", "scaling", "convert")
for _name in _GROUPS:
    try:
        importlib.import_module(f"brinkwatch.cli.{_name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"brinkwatch.cli.{_name}":
            raise


def main() -> None:
    app()


__all__ = ["app", "main"]
