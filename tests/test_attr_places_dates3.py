"""Places and dates round 3 of issue 12: the rules the places-and-dates probe
(tests/data/attributes/places_dates_probe/) led to, each on sentences of its own in other words, countries and
tenses, with near-misses where it must not fire. The probe's tuning part holds its floor here; its holdout
(places_dates_holdout/) was scored once, at the end, and is only reported (README of tests/data/attributes).

The place checked is the one the coder gives the event: its own, else the one around it (``place_around``:
the paragraph's or the dateline's), as ``extract.coder`` does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brinkwatch.evaluate.attributes import km
from brinkwatch.model import Article
from test_attr_fixtures import shared_extractor, shared_nlp
from test_attributes_gold import load_cases_from, score_articles

PROBE = Path(__file__).parent / "data" / "attributes" / "places_dates_probe"
TUESDAY = dt.date(2026, 3, 10)


def attributes(text: str, trigger: str, pub: dt.date = TUESDAY):  # noqa: ANN201 - EventAttributes
    nlp, extractor = shared_nlp(), shared_extractor()
    doc = nlp(text)
    ctx = extractor.prepare(doc, Article(doc_id="p3", text=text, pub_date=pub))
    offset = text.index(trigger)
    tok = doc.char_span(offset, offset + 1, alignment_mode="expand")[0]
    return extractor.for_event(ctx, tok.sent, tok)


def place(text: str, trigger: str):  # noqa: ANN201 - Place or None
    attrs = attributes(text, trigger)
    return attrs.place or attrs.place_around


def near(p, lat: float, lon: float, limit: float = 25.0) -> bool:  # noqa: ANN001
    return p is not None and p.lat is not None and km(p.lat, p.lon, lat, lon) <= limit


# ---------------------------------------------------------------- "the X border crossing" as an object


@pytest.mark.parametrize(("text", "trigger", "country", "lat", "lon"), [
    ("HARARE, March 10 - Truck drivers blocked the Beitbridge border crossing on Monday, police said.", "blocked",
     "ZWE", -22.22, 30.0),
    ("The Garissa refugee camp was flooded after heavy rains on Sunday, aid workers said.", "flooded", "KEN",
     -0.45, 39.65),
    ("Striking guards shut the Kigoma ferry port for two days, the transport ministry said.", "shut", "TZA",
     -4.88, 29.63),
])
def test_a_town_named_before_a_site_noun_is_the_place(text, trigger, country, lat, lon) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country and near(p, lat, lon), p


def test_a_company_before_a_site_noun_is_no_town_abroad() -> None:
    # near-miss: "Wagner" is a town in Brazil and the USA; here it names whose camp it is
    p = place("BAMAKO, March 10 - Soldiers guarded the Wagner training camp near Kati on Monday.", "guarded")
    assert p is not None and p.country == "MLI", p


# ---------------------------------------------------------------- "X in Y" when X lies in Y


@pytest.mark.parametrize(("text", "trigger", "country", "lat", "lon"), [
    ("Cholera spread through the Kakuma camp in Turkana county last month, health officials said.", "spread",
     "KEN", 3.71, 34.86),
    ("Floods swept through Dadaab in Garissa county overnight, destroying hundreds of shelters.", "swept", "KEN",
     0.05, 40.31),
    ("Gunmen abducted six aid workers from Dadaab camp in Garissa county.", "abducted", "KEN", 0.05, 40.31),
    ("Rebels fired rockets into Bagram Air Base in Parwan province on Tuesday.", "fired", "AFG", 34.95, 69.27),
])
def test_a_site_in_its_area_is_the_site(text, trigger, country, lat, lon) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country and near(p, lat, lon), p


@pytest.mark.parametrize(("text", "trigger", "country"), [
    ("Activists held a vigil for Gaza in London on Sunday.", "held", "GBR"),
    ("A rally for Rafah in Paris drew thousands on Saturday.", "drew", "FRA"),
])
def test_a_name_not_inside_the_next_is_not_located_by_it(text, trigger, country) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country, p


def test_a_camp_not_inside_the_town_after_it_stays_apart() -> None:
    # near-miss: Kakuma does not lie in Nairobi: the fundraiser is in Nairobi, not at the camp
    p = place("Students held a fundraiser for the Kakuma camp in Nairobi on Friday.", "held")
    assert p is not None and near(p, -1.29, 36.82) and not near(p, 3.71, 34.86), p


# ---------------------------------------------------------------- the sentence before, by its "port of X"


@pytest.mark.parametrize(("text", "trigger", "lat", "lon"), [
    ("KYIV, March 10 - Shelling hit the Black Sea port of Ochakiv on Monday. A strike on the same port last month "
     "killed two fishermen.", "killed", 46.61, 31.55),
    ("BAGHDAD, March 10 - Troops entered the northern town of Tal Afar at dawn, the army said. They arrested 12 "
     "men.", "arrested", 36.38, 42.45),
    ("KABUL, March 10 - Fighting raged on the outskirts of Herat on Sunday. Two civilians died.", "died", 34.35,
     62.2),
])
def test_the_next_sentence_goes_on_in_the_town_of_the_place_noun(text, trigger, lat, lon) -> None:
    assert near(place(text, trigger), lat, lon), place(text, trigger)


def test_a_town_of_an_office_holder_is_not_where_the_next_sentence_is() -> None:
    # near-miss: "the mayor of the city of Lviv" says whose mayor, not where; the dateline's Kyiv stays
    p = place("KYIV, March 10 - The mayor of the city of Lviv spoke at a forum on Monday. Police detained 12 "
              "protesters.", "detained")
    assert p is not None and p.country == "UKR" and not near(p, 49.84, 24.02), p


# ---------------------------------------------------------------- a deadline's date is not the event's


@pytest.mark.parametrize(("text", "trigger"), [
    ("The government gave the militias a deadline of June 1 to hand in their weapons.", "gave"),
    ("Rebels set a Friday deadline for the release of the hostages.", "set"),
    ("The junta issued an ultimatum for March 20 to the striking miners.", "issued"),
])
def test_a_deadline_date_is_no_event_date(text, trigger) -> None:
    attrs = attributes(text, trigger)
    assert attrs.date == TUESDAY and attrs.date_precision == "publication", (attrs.date, attrs.date_precision)


@pytest.mark.parametrize(("text", "trigger", "day"), [
    ("The militias handed in their weapons on March 2, ahead of the deadline.", "handed", dt.date(2026, 3, 2)),
    ("The deadline expired on Monday without a deal.", "expired", dt.date(2026, 3, 9)),
])
def test_a_date_beside_a_deadline_still_dates_the_act(text, trigger, day) -> None:
    assert attributes(text, trigger).date == day


# ---------------------------------------------------------------- "on the eve of Sunday's election"


@pytest.mark.parametrize(("text", "trigger", "day"), [
    ("Police fired tear gas at opposition supporters on the eve of Sunday's election.", "fired", dt.date(2026, 3, 7)),
    ("Troops deployed across the capital the day after Friday's vote.", "deployed", dt.date(2026, 3, 7)),
    ("Gunmen attacked a polling station on the eve of the March 5 referendum.", "attacked", dt.date(2026, 3, 4)),
])
def test_a_day_counted_from_the_day_named(text, trigger, day) -> None:
    assert attributes(text, trigger).date == day


def test_the_eve_after_the_day_does_not_shift_it() -> None:
    # near-miss: "on Sunday, the eve of the holiday" is the Sunday
    assert attributes("Voters queued for hours on Sunday, the eve of the holiday.", "queued").date == \
        dt.date(2026, 3, 8)


# ---------------------------------------------------------------- the probe's tuning part


def test_places_dates_probe_floor() -> None:
    scores = score_articles(load_cases_from(PROBE), "the places and dates probe")
    assert scores.total["date"] >= 20 and scores.total["place_country"] >= 19
    assert scores.rate("date") >= 0.9  # "Violence flared in X on Monday. Gunmen killed five ...": no carry
    assert scores.rate("place_country") >= 0.85  # the extractor's own place (the coder adds the paragraph's)
