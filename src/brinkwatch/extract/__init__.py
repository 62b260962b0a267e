"""brinkwatch.extract."""
