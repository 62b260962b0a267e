"""brinkwatch.ontology."""
