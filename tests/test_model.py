import datetime as dt

import pytest
from pydantic import ValidationError

from brinkwatch.model import Actor, Article, Cameo, Event, Evidence, Plover


def test_article_hash_ignores_whitespace_differences():
    a = Article(doc_id="a", text="Iran  attacked\nIraq.")
    b = Article(doc_id="b", text="Iran attacked Iraq.")
    assert a.hash == b.hash
    assert a.hash != Article(doc_id="c", text="Iraq attacked Iran.").hash


def test_event_record_shape_and_frozen():
    ev = Event(
        event_id="e1", doc_id="d", sentence_index=0,
        source=Actor(code="IRN", country="IRN", text="Iran", start=0, end=4),
        target=Actor(code="USAMIL", country="USA", sector="MIL", text="US troops", start=14, end=23),
        cameo=Cameo(code="190", root="19", name="Use conventional military force"),
        goldstein=-10.0, quad_class=4, plover=Plover(type="ASSAULT"),
        evidence=Evidence(text="Iran attacked US troops.", start=0, end=24, trigger_start=5, trigger_end=13),
        pattern="attack.v", confidence=0.9, date=dt.date(2020, 1, 8), date_precision="day",
    )
    rec = ev.to_record()
    assert rec["source"]["code"] == "IRN" and rec["target"]["sector"] == "MIL"
    assert rec["cameo"] == {"code": "190", "root": "19", "name": "Use conventional military force"}
    assert rec["date"] == "2020-01-08" and rec["numbers"] == [] and rec["place"] is None
    with pytest.raises(ValidationError):
        ev.model_copy(update={}).__class__(**{**rec, "confidence": 1.5})
