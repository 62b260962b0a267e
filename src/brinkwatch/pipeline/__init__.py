"""brinkwatch.pipeline: orchestration of reading, coding and storing; the store itself only stores.

- ``ingestion``: read inputs, skip stored texts, code the rest, write batch by batch, merge (``brinkwatch
  ingest``, the HTTP API's writes and the Dask runner all call it);
- ``watch``: poll RSS/Atom feeds on a schedule and ingest their new entries (``brinkwatch watch``,
  ``serve --watch``);
- ``budget``: run a coder in a forked worker that is killed when one document overruns its time or memory.

Nothing is imported here: ``brinkwatch code`` runs its coder under ``budget`` and stores nothing, so it
must not pay for the store's DuckDB through this package.
"""
