"""Event places: attached location phrases, the actor exclusion, disambiguation by the article's
countries, sites the NER misses, and country-level mentions."""

from __future__ import annotations

import datetime as dt

from brinkwatch.model import Article
from test_attr_fixtures import shared_extractor, shared_nlp


def place(text: str, trigger: str, args: tuple[str, ...] = ()):
    nlp, extractor = shared_nlp(), shared_extractor()
    doc = nlp(text)
    ctx = extractor.prepare(doc, Article(doc_id="p", text=text, pub_date=dt.date(2020, 1, 10)))
    tok = next(t for t in doc if t.text == trigger)
    arg_tokens = [t for t in doc if t.text in args]
    return extractor.for_event(ctx, tok.sent, tok, arg_tokens).place


def test_location_phrase_attached_to_the_trigger() -> None:
    p = place("Rebels attacked a checkpoint in Aleppo on Sunday.", "attacked")
    assert (p.name, p.country, p.precision, p.relation) == ("Aleppo", "SYR", "city", "in")
    assert text_of(p, "Rebels attacked a checkpoint in Aleppo on Sunday.") == "Aleppo"


def text_of(p, text: str) -> str:
    return text[p.start:p.end]


def test_near_and_outside_are_kept() -> None:
    assert place("A bomb exploded near Kandahar.", "exploded").relation == "near"
    assert place("Troops massed outside Mosul.", "massed").relation == "outside"


def test_actor_mention_is_not_a_place() -> None:
    # "Tehran said": a speaker, not where anything happened; the strike was "in Iraq"
    p = place("Tehran said its missiles struck targets in Iraq.", "struck")
    assert p.country == "IRQ"
    assert place("Tehran said it had no plans to retaliate.", "retaliate") is None
    # an argument the coder passes is an actor
    assert place("Israel struck Syria.", "struck", args=("Israel", "Syria")) is None


def test_ambiguous_names_follow_the_article_countries() -> None:
    lebanon = "Lebanese troops deployed in Beirut. Clashes erupted in Tripoli on Friday."
    assert place(lebanon, "erupted").country == "LBN"
    libya = "Libyan forces advanced on Benghazi. Clashes erupted in Tripoli on Friday."
    assert place(libya, "erupted").country == "LBY"
    assert place("Protesters marched in Paris.", "marched").country == "FRA"


def test_sites_the_ner_misses() -> None:
    p = place("Missiles hit the Ain al-Asad air base.", "hit")
    assert (p.name, p.precision, p.country) == ("Ain al-Asad Air Base", "base", "IRQ")
    p = place("A rocket landed near Baghdad International Airport.", "landed")
    assert (p.precision, p.gazetteer_id) == ("airport", "iata:BGW")
    p = place("Iran seized a tanker in the Strait of Hormuz.", "seized")
    assert p.name == "Strait of Hormuz" and p.country is None


def test_country_only_mention_gets_country_precision_and_a_point() -> None:
    p = place("Fighting resumed in Yemen.", "resumed")
    assert (p.country, p.precision) == ("YEM", "country")
    assert p.lat is not None and 12 < p.lat < 19 and 42 < p.lon < 54


def test_x_based_names_the_actor_not_the_place() -> None:
    assert place("A Baghdad-based militia claimed the attack.", "claimed") is None
    p = place("A Baghdad-based militia attacked a convoy in Anbar.", "attacked")
    assert p is not None and p.name != "Baghdad"
