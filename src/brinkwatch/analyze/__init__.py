"""brinkwatch.analyze."""
