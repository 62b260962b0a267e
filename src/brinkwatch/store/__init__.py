"""brinkwatch.store: the DuckDB database of articles, coded event mentions and merged events.

``Store`` writes coded documents in all-or-nothing batches and answers queries; ``EventFilter``
says which events to list; ``pipeline`` reads, codes and writes inputs batch by batch.

The names below are imported on first use: ``brinkwatch.store.budget`` (what ``brinkwatch code`` runs
its coder under) lives in this package, and a command that stores nothing should not pay for DuckDB.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from brinkwatch.store.db import Store, WriteResult
    from brinkwatch.store.queries import EventFilter

_LAZY = {"Store": "brinkwatch.store.db", "WriteResult": "brinkwatch.store.db",
         "EventFilter": "brinkwatch.store.queries"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = ["EventFilter", "Store", "WriteResult"]
