"""brinkwatch.nlp."""
