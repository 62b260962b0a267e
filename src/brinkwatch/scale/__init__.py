"""brinkwatch.scale."""
