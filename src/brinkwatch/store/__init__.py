"""brinkwatch.store: the DuckDB database of articles, coded event mentions and merged events.

``Store`` writes coded documents in all-or-nothing batches and answers queries; ``EventFilter`` says which
events to list; ``schema`` declares every table the database holds. What reads, codes and writes inputs
batch by batch (and watches feeds) is orchestration, in ``brinkwatch.pipeline``: the store imports none of it.
"""

from __future__ import annotations

from brinkwatch.store.db import Store, WriteResult
from brinkwatch.store.queries import EventFilter

__all__ = ["EventFilter", "Store", "WriteResult"]
