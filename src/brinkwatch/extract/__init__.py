"""Frames -> events: patterns, governors, modality, numbers, dates, places, quotes.

``Coder`` is the entry point; importing it loads nothing until it is constructed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brinkwatch.extract.coder import Coder


def __getattr__(name: str):
    # Lazy so that ``import brinkwatch.extract.patterns`` does not pull in spaCy pipelines and gazetteers.
    if name == "Coder":
        from brinkwatch.extract.coder import Coder

        return Coder
    raise AttributeError(name)


__all__ = ["Coder"]
