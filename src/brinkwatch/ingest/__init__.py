"""brinkwatch.ingest."""
