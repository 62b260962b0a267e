"""brinkwatch.api."""
