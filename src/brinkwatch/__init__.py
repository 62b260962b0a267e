"""brinkwatch: news in, evidence-backed CAMEO + PLOVER political events out."""

__version__ = "0.1.0"
