"""brinkwatch.web."""
