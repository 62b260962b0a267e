"""brinkwatch.actors."""
