"""Dedup rules found on the fourth round (tests/data/dedup/tuning3.yaml's misses; tuning4.yaml), each on cases of its
own in other countries and words, beside the near-misses it must keep apart.

- A dateline the article's structure makes a sentence of its own ("NEW DELHI -" above "Modi left for Japan ..."):
  the coder places the next sentence's events there, but it is where the reporter was, not where it happened. The
  evidence no longer starts with it, so dedup reads the place as written (``place_text``): in capitals and outside
  the evidence, for an act not of force with a foreign party, it is the dateline (no place), as it was when the
  dateline opened the evidence. A domestic act or an act of force filed from a town keeps it as its place (taking
  all split datelines for no place joined the next day's strike, the attack in the same city and the protest in
  another city to tuning3's happenings).
"""

from __future__ import annotations

from brinkwatch.analyze.dedup import merge_new
from brinkwatch.analyze.synthetic import insert_mentions
from helpers import merged_events

DAY = "2026-04-06"


def _m(mention_id: str, src: str, tgt: str | None, text: str, *, code: str, quad: int, day: str = DAY,
       place: tuple[str, str, float | None, float | None, str, str] | None = None, **kw: object) -> dict:
    """A mention; ``place`` is (name, country, lat, lon, precision, text as written)."""
    row = {"mention_id": mention_id, "doc_id": mention_id, "source_country": src[:3], "source_code": src,
           "target_country": None if tgt is None or tgt.startswith("---") else tgt[:3], "target_code": tgt,
           "cameo_code": code, "quad_class": quad, "goldstein": -5.0 if quad >= 3 else 4.0, "event_date": day,
           "date_precision": "day", "pub_date": day, "evidence_text": text, "sentence_index": 1}
    if place:
        name, country, lat, lon, precision, written = place
        row.update(place_name=name, place_country=country, lat=lat, lon=lon, place_precision=precision,
                   place_text=written)
    row.update(kw)
    return row


def test_a_visit_filed_from_home_joins_the_report_from_the_host_country(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        # "SEOUL -" above the sentence: the reporter was in Seoul, the visit happened in Canberra
        _m("v1", "KORGOV", "AUS", "President Lee left for Australia on Monday for a three-day state visit.",
           code="042", quad=1, place=("Seoul", "KOR", 37.57, 126.98, "city", "SEOUL")),
        _m("v2", "KORGOV", "AUS", "South Korea's president arrived in Canberra on Monday for talks on critical "
           "minerals.", code="042", quad=1, place=("Canberra", "AUS", -35.28, 149.13, "city", "Canberra")),
    ])
    merge_new(con)
    assert merged_events(con) == [["v1", "v2"]]


def test_an_expulsion_reported_from_the_other_capital_is_the_same_expulsion(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        _m("e1", "HUN", "UKRGOV", "Hungary expelled two Ukrainian diplomats on Monday, accusing them of spying.",
           code="161", quad=4),
        _m("e2", "HUN", "UKR", "Hungary ordered two employees of the Ukrainian embassy in Budapest to leave the "
           "country on Monday.", code="161", quad=4, place=("Budapest", "HUN", 47.50, 19.04, "city", "Budapest")),
        # "KYIV -" above it: Kyiv is where the reaction was filed, not where the expulsion happened
        _m("e3", "HUN", None, "Ukraine vowed to respond after Hungary declared two of its diplomats persona non "
           "grata on Monday.", code="161", quad=4, place=("Kyiv", "UKR", 50.45, 30.52, "city", "KYIV")),
    ])
    merge_new(con)
    assert merged_events(con) == [["e1", "e2", "e3"]]


def test_a_place_named_in_the_body_before_the_sentence_still_places_it(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        # "In Porto, dockworkers rallied on Friday. They protested against ...": Porto, written in the body
        _m("p1", "PRTLAB", "PRT", "They protested on Friday against plans to automate the port.", code="141",
           quad=3, place=("Porto", "PRT", 41.15, -8.61, "city", "Porto")),
        _m("p2", "PRTAGR", "PRT", "Farmers protested on Friday outside parliament against the trade deal.",
           code="141", quad=3, place=("Lisbon", "PRT", 38.72, -9.14, "city", "Lisbon")),
        # a domestic protest filed from the city it happened in ("LISBON -"): the dateline stays its place
        _m("p3", "PRTAGR", "PRT", "Farmers drove their tractors to parliament on Friday against the trade deal.",
           code="141", quad=3, place=("Lisbon", "PRT", 38.72, -9.14, "city", "LISBON")),
        # an attack filed from the town it hit ("KHARKIV -"), beside another attack the same day in a town 400 km
        # away that the body names: the dateline places it
        _m("k1", "RUSMIL", "UKR", "Russian glide bombs hit an industrial district on Friday, killing three "
           "workers.", code="195", quad=4, killed=3.0, place=("Kharkiv", "UKR", 49.99, 36.23, "city", "KHARKIV"),
           source_text="Russian glide bombs"),
        _m("k2", "RUSMIL", "UKR", "Russian missiles struck a port warehouse in Odesa on Friday, killing eleven "
           "workers.", code="195", quad=4, killed=11.0, place=("Odesa", "UKR", 46.48, 30.72, "city", "Odesa"),
           source_text="Russian missiles"),
    ])
    merge_new(con)
    assert merged_events(con) == [["k1"], ["k2"], ["p1"], ["p2", "p3"]]


# --- what two parties agreed to do, the day they signed the deal -------------------------------------------------

def _deal(mention_id: str, src: str, tgt: str, text: str, *, code: str, modality: str = "asserted",
          day: str = DAY) -> dict:
    return _m(mention_id, src, tgt, text, code=code, quad=1, day=day, modality=modality)


def test_an_intent_told_the_day_a_deal_was_signed_is_the_deal(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        _deal("a1", "COL", "ECU", "Colombia and Ecuador signed a border security pact in Quito on Monday.",
              code="057"),
        _deal("a2", "COL", "ECU", "Colombia agreed on Monday to share intelligence with Ecuador under a pact the two "
              "interior ministers signed.", code="031", modality="planned"),
        _deal("b1", "KEN", "UGA", "Kenya and Uganda inked an oil pipeline accord on Monday.", code="057"),
        _deal("b2", "KEN", "UGAGOV", "Kenya agreed to build the pipeline jointly with Uganda's government, officials "
              "said on Monday.", code="030", modality="planned"),
        _deal("c1", "VNM", "PHL", "Vietnam and the Philippines concluded a coast guard agreement on Monday.",
              code="057"),
        _deal("c2", "VNM", "PHL", "Hanoi pledged on Monday to hold joint patrols with Manila under the new accord.",
              code="036", modality="planned"),
    ])
    merge_new(con)
    assert merged_events(con) == [["a1", "a2"], ["b1", "b2"], ["c1", "c2"]]


def test_an_intent_another_day_or_of_another_pair_or_a_threat_stays_apart(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        _deal("d1", "COL", "ECU", "Colombia and Ecuador signed a border security pact in Quito on Monday.",
              code="057"),
        # agreed the day before to sign it: another act (the bridge requires one day)
        _deal("d2", "COL", "ECU", "Colombia agreed on Sunday to sign a border pact with Ecuador.", code="030",
              modality="planned", day="2026-04-05"),
        # another pair the same day
        _deal("d3", "COL", "PER", "Colombia agreed on Monday to share intelligence with Peru.", code="031",
              modality="planned"),
        # an intent told as done (asserted 03x) is not what the bridge joins, nor is a threat
        _deal("d4", "COL", "ECU", "Colombia expressed its readiness on Monday to cooperate with Ecuador.",
              code="030"),
        _m("d5", "COL", "ECU", "Colombia threatened on Monday to close the border with Ecuador.", code="1312",
           quad=3, modality="threatened"),
    ])
    merge_new(con)
    assert merged_events(con) == [["d1"], ["d2"], ["d3"], ["d4"], ["d5"]]
