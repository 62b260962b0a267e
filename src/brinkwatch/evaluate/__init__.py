"""brinkwatch.evaluate."""
