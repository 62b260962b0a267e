"""Dedup of acts that are not acts of force (summons, accusations, talks, agreements), told in other words.

A summons, an accusation or a meeting is told by each outlet in its own words ("summoned the envoy", "called in
the high commissioner") from its own dateline, so the reports often share no content word. What they share is
the key GDELT counts one event by: the day, the two countries and the code (or, for a meeting, the place). Each
case below is in countries and words of its own, beside the near-misses the rule must keep apart: the same dyad
a day later, the other way round, another code the same day, and an act of force with the same key (a dyad
strikes several times a day: force needs words, a place or a toll besides).
"""

from __future__ import annotations

import duckdb

from brinkwatch.analyze.dedup import merge_new
from brinkwatch.analyze.synthetic import create_schema, insert_mentions

DAY = "2025-05-14"


def _m(mention_id: str, doc: str, text: str, **kw: object) -> dict:
    row = {"mention_id": mention_id, "doc_id": doc, "cameo_code": "114", "quad_class": 3, "goldstein": -2.0,
           "event_date": DAY, "date_precision": "day", "pub_date": DAY, "evidence_text": text}
    row.update(kw)
    return row


# The words the coder took the two actors from (left out of the compared words, as the coder's are).
ACTOR_WORDS = {"NGA": "Nigeria Nigerian Abuja Lagos", "GHA": "Ghana Ghanaian Accra", "EGY": "Egypt Egyptian Cairo",
               "ETH": "Ethiopia Ethiopian Addis Ababa", "CHL": "Chile Chilean", "ARG": "Argentina Argentine",
               "KAZ": "Kazakhstan Kazakh", "UZB": "Uzbekistan Uzbek", "KGZ": "Kyrgyzstan", "SDN": "Sudanese Khartoum",
               "SSD": "South Sudan", "TUR": "Turkey Turkish Ankara", "GRC": "Greece Greek Athens",
               "USA": "United States US Washington", "IRN": "Iran Iranian Tehran", "VEN": "Venezuela Venezuelan Caracas",
               "GUY": "Guyana Guyanese Georgetown"}


def _dyad(source: str, target: str, source_sector: str = "", target_sector: str = "") -> dict:
    return {"source_country": source, "source_code": source + source_sector, "target_country": target,
            "target_code": target + target_sector, "source_text": ACTOR_WORDS[source],
            "target_text": ACTOR_WORDS[target]}


def _dateline(name: str, country: str, lat: float, lon: float) -> dict:
    return {"place_name": name, "place_country": country, "place_precision": "city", "lat": lat, "lon": lon}


def _events(con: duckdb.DuckDBPyConnection) -> list[list[str]]:
    return sorted(sorted(ms) for (ms,) in con.sql("SELECT list(mention_id) FROM event_mentions GROUP BY event_id")
                  .fetchall())


def test_a_summons_told_in_other_words_is_one_event_and_the_next_days_stays_apart(con) -> None:  # noqa: ANN001
    abuja = _dateline("Abuja", "NGA", 9.08, 7.40)
    accra = _dateline("Accra", "GHA", 5.60, -0.19)
    insert_mentions(con, [
        _m("a", "a", "ABUJA - Nigeria's foreign ministry summoned Ghana's high commissioner over the border row.",
           **_dyad("NGA", "GHA", "GOV", "GOV"), **abuja),
        _m("b", "b", "ACCRA - The Ghanaian envoy was called in by officials in Abuja, a diplomat here confirmed.",
           **_dyad("NGA", "GHA"), **accra),
        _m("c", "c", "Lagos has hauled in Accra's top diplomat to protest against the detention of traders.",
           **_dyad("NGA", "GHA", "", "GOV")),
        # near-misses: the next day's summons (in much the same words), the tit-for-tat summons the other way
        # round, a same-day threat
        _m("next", "d", "Nigeria summoned Ghana's high commissioner again on Thursday over the border row.",
           **_dyad("NGA", "GHA"), event_date="2025-05-15", pub_date="2025-05-15"),
        _m("back", "e", "Ghana retaliated by summoning Nigeria's acting high commissioner in Accra.",
           **_dyad("GHA", "NGA")),
        _m("threat", "f", "Nigerian lawmakers warned that traders' permits could be revoked.",
           **_dyad("NGA", "GHA"), cameo_code="138", goldstein=-7.0),
    ])
    merge_new(con)
    assert _events(con) == [["a", "b", "c"], ["back"], ["next"], ["threat"]]


def test_an_accusation_in_other_words_is_one_event_and_its_denial_stays_apart(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        _m("cairo", "a", "Egypt accused Ethiopia of filling the reservoir without any agreement on Tuesday.",
           **_dyad("EGY", "ETH"), cameo_code="112"),
        _m("wire", "b", "The Egyptian government charged Addis Ababa with acting unilaterally on the Nile dam.",
           **_dyad("EGY", "ETH", "GOV"), cameo_code="112"),
        # a refinement of the same code ("1121", accuse of a crime) agrees with it
        _m("paper", "c", "Cairo blames its upstream neighbour for a breach of international water law.",
           **_dyad("EGY", "ETH"), cameo_code="1121"),
        _m("denial", "d", "Ethiopia denied that it had been accused of anything unlawful.",
           **_dyad("EGY", "ETH"), cameo_code="112", modality="denied"),
        _m("praise", "e", "Egypt praised Ethiopia's offer of new technical talks.",
           **_dyad("EGY", "ETH"), cameo_code="051", quad_class=1, goldstein=3.4),
    ])
    merge_new(con)
    assert _events(con) == [["cairo", "paper", "wire"], ["denial"], ["praise"]]


def test_talks_at_one_place_coded_apart_are_one_meeting_and_a_meeting_elsewhere_is_not(con) -> None:  # noqa: ANN001
    santiago = _dateline("Santiago", "CHL", -33.45, -70.67)
    lima = _dateline("Lima", "PER", -12.05, -77.04)
    meet = {"quad_class": 1, "goldstein": 1.0}
    insert_mentions(con, [
        _m("host", "a", "Chile's president received his Argentine counterpart at La Moneda palace.",
           **_dyad("CHL", "ARG", "GOV", "GOV"), cameo_code="043", **meet, **santiago),
        _m("talks", "b", "Argentina's leader held talks on lithium and fisheries during his visit.",
           **_dyad("ARG", "CHL", "GOV", "GOV"), cameo_code="046", **meet, **santiago),
        _m("visit", "c", "The Argentine head of state arrived for a one-day state visit.",
           **_dyad("ARG", "CHL"), cameo_code="042", **meet, **santiago),
        # the foreign ministers met in Lima the same day: another meeting of the same two countries
        _m("lima", "d", "Foreign ministers of both countries conferred in Lima on border crossings.",
           **_dyad("ARG", "CHL"), cameo_code="046", **meet, **lima),
    ])
    merge_new(con)
    assert _events(con) == [["host", "talks", "visit"], ["lima"]]


def test_an_act_of_force_needs_more_than_the_key(con) -> None:  # noqa: ANN001
    """Two strikes by one country on another the same day, same code, told in different words and without a
    place: as many happenings as reports, since a dyad at war strikes several times a day."""
    force = {"cameo_code": "195", "quad_class": 4, "goldstein": -10.0, **_dyad("SDN", "SSD", "MIL", "")}
    insert_mentions(con, [
        _m("x", "a", "Sudanese jets bombed a market near the border on Wednesday.", **force),
        _m("y", "b", "An air raid blamed on Khartoum hit an oil pumping station.", **force),
    ])
    merge_new(con)
    assert _events(con) == [["x"], ["y"]]


def test_an_agreement_coded_both_ways_round_is_one_event(con) -> None:  # noqa: ANN001
    """"Kazakhstan and Uzbekistan signed a water-sharing deal": the coder codes it both ways round, and another
    outlet only one way; a same-day deal with a third country and a praise reversed stay apart."""
    deal = {"cameo_code": "057", "quad_class": 1, "goldstein": 8.0}
    tashkent = _dateline("Tashkent", "UZB", 41.30, 69.24)
    insert_mentions(con, [
        _m("kz", "a", "Kazakhstan and Uzbekistan signed a water-sharing deal in Tashkent on Wednesday.",
           **_dyad("KAZ", "UZB"), **deal, **tashkent),
        _m("uz", "a", "Kazakhstan and Uzbekistan signed a water-sharing deal in Tashkent on Wednesday.",
           **_dyad("UZB", "KAZ"), **deal, **tashkent),
        _m("other", "b", "Uzbek and Kazakh officials inked a pact on sharing the Syr Darya.",
           **_dyad("UZB", "KAZ", "GOV", "GOV"), **deal),
        _m("third", "c", "Uzbekistan also signed a transit accord with Kyrgyzstan.", **_dyad("UZB", "KGZ"), **deal),
        _m("praise", "d", "Kazakhstan praised Uzbekistan for the accord.", **_dyad("KAZ", "UZB"),
           cameo_code="051", quad_class=1, goldstein=3.4),
        _m("praised", "e", "Uzbekistan praised Kazakhstan for the accord.", **_dyad("UZB", "KAZ"),
           cameo_code="051", quad_class=1, goldstein=3.4),
    ])
    merge_new(con)
    assert _events(con) == [["kz", "other", "uz"], ["praise"], ["praised"], ["third"]]


def test_drills_and_sanctions_told_in_other_words_are_one_event_and_arrests_are_not(con) -> None:  # noqa: ANN001
    """Drills (152) and sanctions (163) are not done twice a day by one dyad: the key joins their reports. Arrests
    (173, a ``frequent`` root of the families file) are: two reports of arrests the same day stay two."""
    drills = {"cameo_code": "152", "quad_class": 4, "goldstein": -7.2, **_dyad("TUR", "GRC", "MIL", "")}
    sanctions = {"cameo_code": "163", "quad_class": 4, "goldstein": -8.0, **_dyad("USA", "IRN", "GOV", "")}
    arrests = {"cameo_code": "173", "quad_class": 4, "goldstein": -5.0, **_dyad("TUR", "GRC", "COP", "CVL")}
    aegean = {"place_name": "Aegean Sea", "place_country": None, "place_precision": "landmark", "lat": 38.5,
              "lon": 25.5}
    insert_mentions(con, [
        _m("d1", "a", "Turkish warships began live-fire exercises off the island of Lesbos on Wednesday.",
           **drills, **aegean),
        _m("d2", "b", "Ankara's navy is holding manoeuvres in contested waters, Greek officials complained.",
           **drills),
        _m("d3", "c", "Turkey's navy will drill near Lesbos again on Thursday.", **drills,
           event_date="2025-05-15", pub_date="2025-05-15"),
        # a code "not specified below" (150) from a dateline tells the same show of force less precisely
        _m("d4", "h", "ATHENS - Turkey flexed its naval muscle in the Aegean, the defence ministry said.",
           **{**drills, "cameo_code": "150"}, place_name="Athens", place_country="GRC", place_precision="city",
           lat=37.98, lon=23.73),
        _m("s1", "d", "The Treasury blacklisted six shipping firms accused of moving Iranian crude.", **sanctions),
        _m("s2", "e", "Washington imposed new penalties on tankers carrying oil for Tehran.", **sanctions),
        _m("a1", "f", "Turkish police detained three Greek fishermen near Ayvalik.", **arrests),
        _m("a2", "g", "Border guards in Edirne held two Greek hikers for crossing illegally.", **arrests),
    ])
    merge_new(con)
    assert _events(con) == [["a1"], ["a2"], ["d1", "d2", "d4"], ["d3"], ["s1", "s2"]]


def test_a_seizure_in_other_words_is_one_event_and_demolitions_are_not(con) -> None:  # noqa: ANN001
    """Seizing another country's ship (171, 1711 "confiscate") is not done twice a day: the key joins its reports,
    the codes refining one another. Destroying property (1712, a ``frequent`` code) is: two same-day reports of
    demolitions with no word in common stay two."""
    seize = {"quad_class": 4, "goldstein": -9.2, **_dyad("VEN", "GUY", "NAV", "")}
    insert_mentions(con, [
        _m("boat1", "a", "Venezuela's navy seized a fishing boat and its crew in disputed waters off the Essequibo.",
           cameo_code="171", **seize),
        _m("boat2", "b", "GEORGETOWN - A trawler registered here was impounded by Caracas, the government said.",
           cameo_code="1711", **seize, place_name="Georgetown", place_country="GUY", place_precision="city",
           lat=6.80, lon=-58.16),
        _m("huts", "c", "Venezuelan soldiers demolished two farm huts on the Guyanese bank.", cameo_code="1712",
           **seize),
        _m("sheds", "d", "Bulldozers razed storage sheds used by Guyanese miners.", cameo_code="1712", **seize),
    ])
    merge_new(con)
    assert _events(con) == [["boat1", "boat2"], ["huts"], ["sheds"]]


def test_a_week_dated_report_joins_one_of_two_summonses_not_both(con) -> None:  # noqa: ANN001
    """Kazakhstan summons Uzbekistan's ambassador on Tuesday and again on Wednesday; a weekly digest tells "the
    summons" dated only by its week, in words close to both. It pairs with each of them, but one event never
    holds the same act on two exact days, so it joins one and the two summonses stay two events, in whatever
    order the reports arrive."""
    words = "Kazakhstan summoned the Uzbek ambassador over the water quotas on the Syr Darya"
    rows = [
        _m("tue", "t", f"ASTANA - {words}, the foreign ministry said.", **_dyad("KAZ", "UZB", "GOV", "GOV"),
           event_date="2025-05-13", pub_date="2025-05-13"),
        _m("wed", "w", f"{words} for a second day, officials said.", **_dyad("KAZ", "UZB"),
           event_date="2025-05-14", pub_date="2025-05-14"),
        _m("week", "k", f"This week {words}, a row our correspondent followed.", **_dyad("KAZ", "UZB"),
           event_date="2025-05-12", date_precision="week", pub_date="2025-05-16"),
    ]
    groups = []
    for order in ((0, 1, 2), (2, 0, 1), (1, 2, 0)):
        db = duckdb.connect()
        create_schema(db)
        for i in order:
            insert_mentions(db, [rows[i]])
            merge_new(db)
        groups.append(_events(db))
    assert groups[0] == groups[1] == groups[2]
    assert len(groups[0]) == 2
    assert not any({"tue", "wed"} <= set(event) for event in groups[0])
    assert any("week" in event and len(event) == 2 for event in groups[0])  # the digest did join one of them
