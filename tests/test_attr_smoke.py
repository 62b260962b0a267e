"""Smoke test of the AttributeExtractor interface the coder calls: one article, every attribute."""

from __future__ import annotations

import datetime as dt

import pytest

from brinkwatch.extract.attributes import AttributeExtractor, EventAttributes
from brinkwatch.model import Article
from test_attr_fixtures import shared_extractor, shared_nlp

TEXT = (
    "Iranian forces fired at least 12 ballistic missiles at the Ain al-Asad air base in western Iraq "
    "early on Wednesday, the Pentagon said. Tehran denied attacking the embassy."
)


@pytest.fixture(scope="module")
def nlp():
    return shared_nlp()


@pytest.fixture(scope="module")
def attribute_extractor() -> AttributeExtractor:
    return shared_extractor()


def test_for_event_fills_every_attribute(nlp, attribute_extractor: AttributeExtractor) -> None:
    doc = nlp(TEXT)
    ctx = attribute_extractor.prepare(doc, Article(doc_id="smoke", text=TEXT, pub_date=dt.date(2020, 1, 10)))
    fired = next(t for t in doc if t.text == "fired")
    attrs = attribute_extractor.for_event(ctx, fired.sent, fired, args=[fired.head])
    assert isinstance(attrs, EventAttributes)
    assert attrs.date == dt.date(2020, 1, 8) and attrs.date_precision == "day"
    assert attrs.place is not None and attrs.place.country == "IRQ" and attrs.place.precision == "base"
    assert [(q.kind, q.value, q.qualifier) for q in attrs.numbers] == [("missiles", 12.0, "at least")]
    assert attrs.attribution is not None and attrs.attribution.speaker_text == "the Pentagon"
    assert attrs.modality == "asserted" and attrs.is_opinion is False
    attacking = next(t for t in doc if t.text == "attacking")
    denied = attribute_extractor.for_event(ctx, attacking.sent, attacking)
    assert denied.modality == "denied"
    assert denied.date == dt.date(2020, 1, 10) and denied.date_precision == "publication"
