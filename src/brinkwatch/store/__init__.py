"""brinkwatch.store."""
