"""brinkwatch.store: the DuckDB database of articles, coded event mentions and merged events.

``Store`` writes coded documents in all-or-nothing batches and answers queries; ``EventFilter``
says which events to list; ``pipeline`` reads, codes and writes inputs batch by batch.
"""

from brinkwatch.store.db import Store, WriteResult
from brinkwatch.store.queries import EventFilter

__all__ = ["EventFilter", "Store", "WriteResult"]
