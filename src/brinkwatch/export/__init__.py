"""brinkwatch.export."""
