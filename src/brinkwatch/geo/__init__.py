"""brinkwatch.geo."""
