"""Reports of one happening that dedup used to keep apart (issue 13), each rule on cases of its own, in other
countries and words than the corpora it was found on, beside the near-misses it must keep apart.

- A report naming the other report's town ("struck the port of Odesa and a depot near Izmail" beside a report
  placed in Izmail) tells of both places: the two points are not "far apart" nor "another town" for the score.
- A self-targeted act of force (a misparse: "Tehran's barrage against the Guards' enemies" coded IRN -> IRN) in a
  report with no place but a dateline abroad has a soft target, the dateline's country, like a report placed there.
- Codes of one ``alike`` group of the families file (111 denounce, 112 accuse, 114 complain officially) agree for
  the key of acts a dyad seldom repeats: one diplomatic protest is told with any of the three verbs.
"""

from __future__ import annotations

import duckdb
import pytest

from brinkwatch.analyze.dedup import merge_new
from brinkwatch.analyze.synthetic import insert_mentions

DAY = "2025-03-04"


def _m(mention_id: str, src: str, tgt: str, text: str, *, code: str = "195", day: str = DAY,
       place: tuple[str, str, float, float] | None = None, **kw: object) -> dict:
    quad, goldstein = (4, -10.0) if code.startswith(("18", "19", "20")) else (3, -2.0)
    row = {"mention_id": mention_id, "doc_id": mention_id, "source_country": src[:3], "source_code": src,
           "target_country": tgt[:3], "target_code": tgt, "cameo_code": code, "quad_class": quad,
           "goldstein": goldstein, "event_date": day, "date_precision": "day", "pub_date": day,
           "evidence_text": text}
    if place:
        name, country, lat, lon = place
        row.update(place_name=name, place_country=country, place_precision="city", lat=lat, lon=lon)
    row.update(kw)
    return row


def _events(con: duckdb.DuckDBPyConnection) -> list[list[str]]:
    return sorted(sorted(ms) for (ms,) in con.sql("SELECT list(mention_id) FROM event_mentions GROUP BY event_id")
                  .fetchall())


ODESA = ("Odesa", "UKR", 46.48, 30.72)
IZMAIL = ("Izmail", "UKR", 45.35, 28.84)
HODEIDAH = ("Hodeidah", "YEM", 14.80, 42.95)
SANAA = ("Sanaa", "YEM", 15.37, 44.19)
KIDAL = ("Kidal", "MLI", 18.44, 1.41)
GAO = ("Gao", "MLI", 16.27, -0.04)


# --- a report naming the other's town ------------------------------------------------------------------------


@pytest.mark.parametrize(("first", "second"), [
    (_m("a1", "RUSMIL", "UKR", "Russian drones struck the port of Odesa and a depot near Izmail overnight.",
        place=ODESA),
     _m("a2", "RUS", "UKR", "A grain terminal in Izmail burned for hours after the raid.",
        place=IZMAIL)),
    (_m("b1", "USAMIL", "YEM", "American warplanes hit radar sites in Sanaa and around Hodeidah on Tuesday.",
        place=SANAA),
     _m("b2", "USA", "YEMREB", "Residents of Hodeidah described loud blasts near the coast before dawn.",
        place=HODEIDAH)),
    (_m("c1", "FRAMIL", "MLIREB", "French jets have bombed insurgent depots at Kidal and an arms cache outside Gao.",
        place=KIDAL),
     _m("c2", "FRA", "MLI", "Gao residents reported heavy explosions, the ministry in Paris announced.",
        place=GAO)),
])
def test_a_report_naming_the_other_reports_town_joins_it(con, first: dict, second: dict) -> None:  # noqa: ANN001
    insert_mentions(con, [first, second])
    merge_new(con)
    assert _events(con) == [sorted([first["mention_id"], second["mention_id"]])]


def test_two_far_towns_when_a_report_names_a_third_town_stay_apart(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        _m("n1", "RUSMIL", "UKR", "Russian drones struck the port of Odesa and a depot near Reni that burned.",
           place=ODESA),
        _m("n2", "RUS", "UKR", "A grain terminal in Izmail burned for hours after the raid.", place=IZMAIL),
    ])
    merge_new(con)
    assert _events(con) == [["n1"], ["n2"]]


def test_a_named_town_with_another_toll_stays_another_attack(con) -> None:  # noqa: ANN001
    # naming the town does not undo the hard rule: two towns, two death tolls far apart, are two attacks
    insert_mentions(con, [
        _m("t1", "RUSMIL", "UKR", "Drones struck the port of Odesa overnight, a day after the raid near Izmail.",
           place=ODESA, killed=2),
        _m("t2", "RUS", "UKR", "Nine people died when drones hit a grain depot near Izmail.", place=IZMAIL, killed=9),
    ])
    merge_new(con)
    assert _events(con) == [["t1"], ["t2"]]


# --- a self-target with a dateline abroad ------------------------------------------------------------------------


@pytest.mark.parametrize(("misparse", "placed"), [
    (_m("d1", "TUR", "TURMIL", "ERBIL - Ankara's air strikes on the militants' mountain hideouts killed no civilians.",
        place=("Erbil", "IRQ", 36.19, 44.01)),
     _m("d2", "TURMIL", "IRQ", "Turkish air strikes hit mountain hideouts of militants near Duhok.",
        place=("Duhok", "IRQ", 36.87, 42.99))),
    (_m("e1", "ISR", "ISRMIL", "BEIRUT - Israel's shelling of its enemies' border posts went on through the night.",
        place=("Beirut", "LBN", 33.89, 35.50)),
     _m("e2", "ISRMIL", "LBN", "Israeli artillery shelled border posts near Tyre through the night.",
        place=("Tyre", "LBN", 33.27, 35.20))),
    (_m("f1", "SAU", "SAUMIL", "ADEN - Riyadh's coalition jets pounded rebel supply lines on the highway.",
        place=("Aden", "YEM", 12.79, 45.03)),
     _m("f2", "SAUMIL", "YEMREB", "Coalition jets pounded supply lines on the highway north of Sanaa.",
        place=SANAA)),
])
def test_a_self_target_under_a_dateline_abroad_joins_reports_placed_there(con, misparse: dict,  # noqa: ANN001
                                                                          placed: dict) -> None:
    insert_mentions(con, [misparse, placed])
    merge_new(con)
    assert _events(con) == [sorted([misparse["mention_id"], placed["mention_id"]])]
    # the event keeps the firm dyad of the report placed in the country
    (target,) = con.sql("SELECT target_country FROM events").fetchall()[0]
    assert target == placed["target_country"]


def test_a_self_target_under_a_home_dateline_or_another_country_stays_firm(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        # a home dateline: a domestic act (or a misparse with nothing to say where it happened)
        _m("g1", "TUR", "TURMIL", "ANKARA - Ankara's air strikes on the militants' mountain hideouts killed no one.",
           place=("Ankara", "TUR", 39.93, 32.86)),
        # a dateline in a third country: the report placed in Iraq is not explained by it
        _m("g2", "TUR", "TURMIL", "DAMASCUS - Ankara's air strikes on the militants' mountain hideouts went on.",
           place=("Damascus", "SYR", 33.51, 36.29)),
        _m("g3", "TURMIL", "IRQ", "Turkish air strikes hit mountain hideouts of militants near Duhok.",
           place=("Duhok", "IRQ", 36.87, 42.99)),
    ])
    merge_new(con)
    assert ["g3"] in _events(con)


# --- codes of one alike group --------------------------------------------------------------------------------


@pytest.mark.parametrize(("first", "second"), [
    (_m("h1", "GHA", "NGA", "ACCRA - The foreign ministry called in the envoy over the closure of the border.",
        code="114", source_text="Ghana", target_text="Nigeria"),
     _m("h2", "GHAGOV", "NGAGOV", "Officials blamed their neighbour for stranding traders at the frontier.",
        code="112", source_text="Ghana", target_text="Nigeria")),
    (_m("i1", "EGY", "ETH", "Cairo denounced the filling of the dam as a reckless act.", code="111",
        source_text="Cairo", target_text="Addis Ababa"),
     _m("i2", "EGY", "ETH", "A formal note of protest went to the ambassador on Tuesday.", code="114",
        source_text="Egypt", target_text="Ethiopia")),
    (_m("j1", "CHL", "ARG", "Santiago accused its neighbour of violating the fishing accord.", code="112",
        source_text="Santiago", target_text="Argentina"),
     _m("j2", "CHLGOV", "ARG", "The Chilean government condemned the trawler incursion.", code="111",
        source_text="The Chilean government", target_text="Argentine")),
])
def test_one_protest_told_with_alike_codes_is_one_event(con, first: dict, second: dict) -> None:  # noqa: ANN001
    insert_mentions(con, [first, second])
    merge_new(con)
    assert _events(con) == [sorted([first["mention_id"], second["mention_id"]])]


def test_alike_codes_on_another_day_or_outside_the_group_stay_apart(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        _m("k1", "GHA", "NGA", "ACCRA - The foreign ministry called in the envoy over the closure of the border.",
           code="114"),
        # the same dyad a day later: another protest
        _m("k2", "GHA", "NGA", "Officials blamed their neighbour for stranding traders at the frontier.",
           code="112", day="2025-03-05"),
        # 113 (rally opposition) is not in the group
        _m("k3", "GHA", "NGA", "Lawmakers urged regional partners to press for reopening the frontier.", code="113"),
    ])
    merge_new(con)
    assert _events(con) == [["k1"], ["k2"], ["k3"]]


# --- a bridge's same place, named under a dateline ---------------------------------------------------------------

KISUMU = ("Kisumu", "KEN", -0.09, 34.77)
NAIROBI = ("Nairobi", "KEN", -1.29, 36.82)


@pytest.mark.parametrize(("datelined", "placed"), [
    (_m("p1", "KENPOL", "KENCVL", "NAIROBI - Witnesses said police shot dead four protesters in Kisumu on Tuesday.",
        code="175", killed=4, place=NAIROBI),
     _m("p2", "KENPOL", "KENCVL", "Officers opened fire on a march, and four demonstrators died.", code="190",
        killed=4, place=KISUMU)),
    (_m("q1", "INDMIL", "BGDCVL", "DHAKA - Border guards killed three villagers near Sylhet, monitors said on Friday.",
        code="175", killed=3, place=("Dhaka", "BGD", 23.81, 90.41)),
     _m("q2", "INDMIL", "BGDCVL", "Three men crossing with cattle were shot dead at the frontier, police said.",
        code="190", killed=3, place=("Sylhet", "BGD", 24.90, 91.87))),
    (_m("r1", "PERMIL", "PERCVL", "LIMA - Troops killed two miners in a raid on an illegal camp in Madre de Dios.",
        code="175", killed=2, place=("Lima", "PER", -12.05, -77.04)),
     _m("r2", "PERMIL", "PERCVL", "Soldiers fired on gold diggers at a jungle camp, leaving two dead.", code="195",
        killed=2, place=("Madre de Dios", "PER", -12.59, -69.19))),
])
def test_a_raid_under_a_dateline_naming_the_town_joins_the_attack_there(con, datelined: dict,  # noqa: ANN001
                                                                        placed: dict) -> None:
    insert_mentions(con, [datelined, placed])
    merge_new(con)
    assert _events(con) == [sorted([datelined["mention_id"], placed["mention_id"]])]


@pytest.mark.parametrize("near_miss", [
    # another town named
    _m("s1", "KENPOL", "KENCVL", "NAIROBI - Witnesses said police shot dead four protesters in Kakamega.",
       code="175", killed=4, place=NAIROBI),
    # the town, another toll
    _m("s2", "KENPOL", "KENCVL", "NAIROBI - Witnesses said police shot dead twelve protesters in Kisumu.",
       code="175", killed=12, place=NAIROBI),
    # the town, the day after
    _m("s3", "KENPOL", "KENCVL", "NAIROBI - Witnesses said police shot dead four protesters in Kisumu.",
       code="175", killed=4, place=NAIROBI, event_date="2025-03-05", pub_date="2025-03-05"),
])
def test_a_raid_under_a_dateline_naming_another_town_or_toll_or_day_stays_apart(con, near_miss: dict) -> None:  # noqa: ANN001
    insert_mentions(con, [
        _m("s0", "KENPOL", "KENCVL", "Officers opened fire on a march, and four demonstrators died.", code="190",
           killed=4, place=KISUMU),
        near_miss,
    ])
    merge_new(con)
    assert _events(con) == [["s0"], [near_miss["mention_id"]]]
