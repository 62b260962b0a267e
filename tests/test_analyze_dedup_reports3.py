"""Dedup rules found on the third report corpus (tests/data/dedup/tuning3.yaml, raw reports coded by the coder),
each on cases of its own in other countries and words, beside the near-misses it must keep apart.

- A target of no known country (``---``, ``---GOV``: a name no actor base knows, "opposition figure X") is as good
  as no target: a soft target, not a third country that keeps the report from the others.
- A visit is told as "A visited B" (042) by one outlet and "B welcomed A" (043) by the next: the two codes are one
  ``alike`` group of the families file (04 is compared both ways round).
- A protest placed in one city never joins one placed in a city far away, also through a third report placed only
  in the country (the rule held for pairs; now for the whole event).
- A report placed in a province and one placed in a town inside it tell of one place (``place_admin1``).
"""

from __future__ import annotations

import pytest

from brinkwatch.analyze.dedup import merge_new
from brinkwatch.analyze.synthetic import insert_mentions
from helpers import merged_events

DAY = "2026-03-10"


def _m(mention_id: str, src: str, tgt: str | None, text: str, *, code: str, quad: int, day: str = DAY,
       place: tuple[str, str, float | None, float | None, str, str | None] | None = None, **kw: object) -> dict:
    """A mention; ``place`` is (name, country, lat, lon, precision, admin1)."""
    row = {"mention_id": mention_id, "doc_id": mention_id, "source_country": src[:3], "source_code": src,
           "target_country": None if tgt is None or tgt.startswith("---") else tgt[:3], "target_code": tgt,
           "cameo_code": code, "quad_class": quad, "goldstein": -5.0 if quad >= 3 else 4.0, "event_date": day,
           "date_precision": "day", "pub_date": day, "evidence_text": text}
    if place:
        name, country, lat, lon, precision, admin1 = place
        row.update(place_name=name, place_country=country, lat=lat, lon=lon, place_precision=precision,
                   place_admin1=admin1)
    row.update(kw)
    return row


# --- a target of no known country ---------------------------------------------------------------------------------

NAIROBI = ("Nairobi", "KEN", -1.29, 36.82, "city", "Nairobi")
LIMA = ("Lima", "PER", -12.05, -77.04, "city", "Lima")
DHAKA = ("Dhaka", "BGD", 23.81, 90.41, "city", "Dhaka")


@pytest.mark.parametrize(("firm", "unknown"), [
    (_m("a1", "KENCOP", "KENOPP", "Police detained the blogger Wanjiru Kamau at her Nairobi flat over posts about "
        "the finance bill.", code="173", quad=4, place=NAIROBI, target_text="opposition supporter"),
     _m("a2", "KENGOV", "---", "Kenyan authorities took blogger Wanjiru Kamau into custody over her posts on the "
        "finance bill, her lawyer said.", code="173", quad=4, target_text="a woman")),
    (_m("b1", "PERCOP", "PERLEG", "Peruvian officers arrested the former congressman Julio Paredes at Lima airport "
        "as he tried to board a flight.", code="173", quad=4, place=LIMA, target_text="lawmaker"),
     _m("b2", "PERGOV", "---GOV", "Prosecutors had Julio Paredes held at the airport before his flight, a court "
        "official said.", code="173", quad=4, target_text="an official")),
    (_m("c1", "BGDCOP", "BGDMED", "Bangladeshi police have arrested the editor Rafiq Hossain in Dhaka over a report "
        "on army contracts.", code="173", quad=4, place=DHAKA, target_text="newspaper"),
     _m("c2", "BGD", "---", "The editor Rafiq Hossain was detained over his report on army contracts, colleagues "
        "said.", code="173", quad=4, target_text="a man")),
])
def test_a_target_of_no_known_country_is_a_missing_one(con, firm: dict, unknown: dict) -> None:  # noqa: ANN001
    insert_mentions(con, [firm, unknown])
    merge_new(con)
    assert merged_events(con) == [sorted([firm["mention_id"], unknown["mention_id"]])]


def test_an_unknown_target_another_day_or_another_source_country_stays_apart(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        _m("d1", "KENCOP", "KENOPP", "Police detained the blogger Wanjiru Kamau at her Nairobi flat over posts about "
           "the finance bill.", code="173", quad=4, place=NAIROBI),
        # the same words two days later: another arrest (out of the day window)
        _m("d2", "KENGOV", "---", "Kenyan authorities took blogger Wanjiru Kamau into custody over her posts on the "
           "finance bill.", code="173", quad=4, day="2026-03-12"),
        # another source country: the block is the source's country
        _m("d3", "UGAGOV", "---", "Ugandan authorities took blogger Wanjiru Kamau into custody over her posts on the "
           "finance bill.", code="173", quad=4),
    ])
    merge_new(con)
    assert merged_events(con) == [["d1"], ["d2"], ["d3"]]


# --- a visit told by the guest's and by the host's side --------------------------------------------------------------


@pytest.mark.parametrize(("visit", "host"), [
    (_m("e1", "BRAGOV", "CHN", "BEIJING - Brazil's president landed in Beijing on Tuesday for a state visit centred "
        "on soya exports.", code="042", quad=1, source_text="Brazil's president", target_text="Beijing"),
     _m("e2", "CHNGOV", "BRA", "China's leader received his Brazilian counterpart with a military band in the Great "
        "Hall.", code="043", quad=1, source_text="China's leader", target_text="his Brazilian counterpart")),
    (_m("f1", "KENGOV", "ETH", "Kenya's president flew to Addis Ababa on Tuesday for two days of meetings.",
        code="042", quad=1, source_text="Kenya's president", target_text="Addis Ababa"),
     _m("f2", "ETHGOV", "KEN", "Ethiopia's prime minister welcomed the Kenyan leader at the palace.", code="043",
        quad=1, source_text="Ethiopia's prime minister", target_text="the Kenyan leader")),
    (_m("g1", "VNM", "KORGOV", "Vietnam's party chief began a visit to Seoul on Tuesday.", code="042", quad=1,
        source_text="Vietnam's party chief", target_text="Seoul"),
     _m("g2", "KOR", "VNMGOV", "South Korea's president hosted the Vietnamese leader for dinner.", code="043",
        quad=1, source_text="South Korea's president", target_text="the Vietnamese leader")),
])
def test_a_visit_and_its_hosting_are_one_event(con, visit: dict, host: dict) -> None:  # noqa: ANN001
    insert_mentions(con, [visit, host])
    merge_new(con)
    assert merged_events(con) == [sorted([visit["mention_id"], host["mention_id"]])]


def test_a_hosting_on_another_day_or_of_another_guest_stays_apart(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        _m("h1", "BRAGOV", "CHN", "BEIJING - Brazil's president landed in Beijing on Tuesday for a state visit.",
           code="042", quad=1),
        # the host received another guest that day
        _m("h2", "CHNGOV", "ARG", "China's leader received his Argentine counterpart with a military band.",
           code="043", quad=1),
        # the same pair a week later: another visit
        _m("h3", "CHNGOV", "BRA", "China's leader received his Brazilian counterpart with a military band.",
           code="043", quad=1, day="2026-03-17"),
    ])
    merge_new(con)
    assert merged_events(con) == [["h1"], ["h2"], ["h3"]]


# --- a protest in two far cities, through a report placed in the country -----------------------------------------

SANTIAGO = ("Santiago", "CHL", -33.45, -70.67, "city", "Santiago Metropolitan")
CONCEPCION = ("Concepcion", "CHL", -36.83, -73.05, "city", "Biobio")
CHILE = ("Chile", "CHL", -35.7, -71.5, "country", None)
MUMBAI = ("Mumbai", "IND", 19.08, 72.88, "city", "Maharashtra")
PUNE = ("Pune", "IND", 18.52, 73.86, "city", "Maharashtra")
INDIA = ("India", "IND", 22.0, 79.0, "country", None)
BERLIN = ("Berlin", "DEU", 52.52, 13.40, "city", "Berlin")
HAMBURG = ("Hamburg", "DEU", 53.55, 9.99, "city", "Hamburg")
GERMANY = ("Germany", "DEU", 51.0, 10.0, "country", None)


@pytest.mark.parametrize(("one", "country", "other"), [
    (_m("i1", "CHLEDU", "CHLGOV", "Students marched through Santiago on Tuesday against tuition fees.", code="141",
        quad=4, place=SANTIAGO),
     _m("i2", "CHLEDU", "CHL", "Students marched in Chile on Tuesday against tuition fees.", code="141", quad=4,
        place=CHILE),
     _m("i3", "CHLLAB", "CHL", "Port workers marched in Concepcion on Tuesday against tuition fees for their "
        "children.", code="141", quad=4, place=CONCEPCION)),
    (_m("j1", "INDAGR", "INDGOV", "Farmers blocked roads in Mumbai on Tuesday demanding crop price guarantees.",
        code="141", quad=4, place=MUMBAI),
     _m("j2", "INDAGR", "IND", "Farmers blocked roads in India on Tuesday demanding crop price guarantees.",
        code="141", quad=4, place=INDIA),
     _m("j3", "INDLAB", "IND", "Taxi drivers blocked roads in Pune on Tuesday demanding fuel price guarantees.",
        code="141", quad=4, place=PUNE)),
    (_m("k1", "DEULAB", "DEUGOV", "Rail workers rallied in Berlin on Tuesday for higher wages.", code="141", quad=4,
        place=BERLIN),
     _m("k2", "DEULAB", "DEU", "Rail workers rallied in Germany on Tuesday for higher wages.", code="141", quad=4,
        place=GERMANY),
     _m("k3", "DEULAB", "DEU", "Dock workers rallied in Hamburg on Tuesday for higher wages.", code="141", quad=4,
        place=HAMBURG)),
])
def test_a_country_wide_report_does_not_chain_two_far_protests(con, one: dict, country: dict,  # noqa: ANN001
                                                                 other: dict) -> None:
    insert_mentions(con, [one, country, other])
    merge_new(con)
    events = merged_events(con)
    assert not any(one["mention_id"] in e and other["mention_id"] in e for e in events)
    # the country-wide report still joins the protest it tells (the words and the day agree)
    assert sorted([one["mention_id"], country["mention_id"]]) in events


# --- a province and a town inside it ------------------------------------------------------------------------------

KANDAHAR = ("Kandahar", "AFG", 31.0, 65.7, "admin1", "Kandahar")
SPIN_BOLDAK = ("Spin Boldak", "AFG", 31.01, 66.40, "city", "Kandahar")
CHAMAN = ("Chaman", "PAK", 30.92, 66.45, "city", "Balochistan")
BORNO = ("Borno", "NGA", 11.5, 13.0, "admin1", "Borno")
MAIDUGURI = ("Maiduguri", "NGA", 11.85, 13.16, "city", "Borno")
YOLA = ("Yola", "NGA", 9.20, 12.48, "city", "Adamawa")
DONETSK = ("Donetsk Oblast", "UKR", 48.0, 37.8, "admin1", "Donetsk Oblast")
KRAMATORSK = ("Kramatorsk", "UKR", 48.72, 37.56, "city", "Donetsk Oblast")
KHARKIV = ("Kharkiv", "UKR", 49.99, 36.23, "city", "Kharkiv Oblast")


@pytest.mark.parametrize(("province", "town"), [
    (_m("l1", "PAKMIL", "AFG", "Pakistani jets bombed houses in Kandahar province overnight.", code="195", quad=4,
        place=KANDAHAR),
     _m("l2", "PAK", "AFGREB", "Residents said warplanes from across the border struck Spin Boldak.", code="195",
        quad=4, place=SPIN_BOLDAK)),
    (_m("m1", "NGAREB", "NGAMIL", "Insurgents stormed an army outpost in Borno state on Tuesday.", code="190", quad=4,
        place=BORNO),
     _m("m2", "NGAREB", "NGA", "Gunfire rang out for hours as jihadists overran soldiers at Maiduguri's edge.",
        code="190", quad=4, place=MAIDUGURI)),
    (_m("n1", "RUSMIL", "UKR", "Russian glide bombs hit Donetsk region on Tuesday, the governor said.", code="195",
        quad=4, place=DONETSK),
     _m("n2", "RUS", "UKRMIL", "An apartment block in Kramatorsk collapsed after an air raid.", code="195", quad=4,
        place=KRAMATORSK)),
])
def test_a_province_and_a_town_inside_it_are_one_place(con, province: dict, town: dict) -> None:  # noqa: ANN001
    insert_mentions(con, [province, town])
    merge_new(con)
    assert merged_events(con) == [sorted([province["mention_id"], town["mention_id"]])]


def test_a_town_in_another_province_or_the_province_next_day_stays_apart(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        _m("o1", "NGAREB", "NGAMIL", "Insurgents stormed an army outpost in Borno state on Tuesday.", code="190",
           quad=4, place=BORNO),
        # a town of another state the same day: another attack
        _m("o2", "NGAREB", "NGA", "Militants raided a barracks at Yola and took weapons.", code="190", quad=4,
           place=YOLA),
        # a town of that state the next day: another attack
        _m("o3", "NGAREB", "NGA", "Gunfire rang out for hours as jihadists overran soldiers at Maiduguri's edge.",
           code="190", quad=4, place=MAIDUGURI, day="2026-03-11"),
    ])
    merge_new(con)
    assert merged_events(con) == [["o1"], ["o2"], ["o3"]]
