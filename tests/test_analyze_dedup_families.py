"""Compatible root families in dedup (``analyze/data/dedup_families.yaml``), one rule at a time.

Each rule is shown on a case in words and countries of its own, beside the near-miss it must keep apart.
The mentions share no evidence words unless a test says so, so only the coded fields decide.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from brinkwatch.analyze.dedup import merge_new
from brinkwatch.analyze.families import DEFAULT_PATH, load_families
from brinkwatch.analyze.synthetic import insert_mentions
from brinkwatch.errors import DataFileError

DAY = "2025-03-04"
MOGADISHU = {"place_name": "Mogadishu", "place_country": "SOM", "place_precision": "city", "lat": 2.05, "lon": 45.32}
AFGOOYE = {"place_name": "Afgooye", "place_country": "SOM", "place_precision": "city", "lat": 2.14, "lon": 45.12}
BAIDOA = {"place_name": "Baidoa", "place_country": "SOM", "place_precision": "city", "lat": 3.11, "lon": 43.65}


def _m(mention_id: str, doc: str, **kw: object) -> dict:
    row = {"mention_id": mention_id, "doc_id": doc, "source_country": "SOM", "source_code": "SOMMIL",
           "target_country": "SOM", "target_code": "SOMREB", "cameo_code": "190", "quad_class": 4,
           "goldstein": -10.0, "event_date": DAY, "date_precision": "day", "pub_date": DAY,
           "evidence_text": f"{mention_id}xx"}  # one word of its own: no words in common
    row.update(kw)
    return row


def _events(con: duckdb.DuckDBPyConnection) -> list[list[str]]:
    return sorted(sorted(ms) for (ms,) in con.sql("SELECT list(mention_id) FROM event_mentions GROUP BY event_id")
                  .fetchall())


def test_the_bundled_table_loads_and_names_its_source() -> None:
    families = load_families()
    assert families.version >= 1 and "source:" in DEFAULT_PATH.read_text(encoding="utf-8")
    assert families.key("19") == families.key("20") == families.key("18") and families.key("17") == "17"
    assert ("17", families.key("19")) in {(code, key) for code, key, _ in families.bridges}
    assert families.related({families.key("19")}) == {families.key("19"), "17"}
    assert {"04", "057", "19"} <= set(families.symmetric)


@pytest.mark.parametrize(("text", "message"), [
    ("families: [{name: x, roots: ['19', '21'], why: w}]", "not CAMEO roots"),
    ("families: [{name: x, roots: ['18', '19'], why: w}, {name: y, roots: ['19', '20'], why: w}]", "two families"),
    ("families: []\nbridges: [{codes: ['17'], joins: nowhere, requires: [same_day, same_dyad], why: w}]",
     "neither a family"),
    ("families: []\nbridges: [{codes: ['17'], joins: '19', requires: [same_weather], why: w}]", "same_weather"),
    ("families: []\nbridges: [{codes: ['17'], joins: '19', requires: [same_place], why: w}]", "must require same_day"),
    ("families: []\nsymmetric: ['04', '0x7']", "not a CAMEO code"),
])
def test_a_bad_table_fails_with_a_numbered_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "families.yaml"
    path.write_text(f"version: 1\nsource: test\n{text}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        load_families(path)
    assert info.value.code == "E200"


def _together(con: duckdb.DuckDBPyConnection, first: dict, second: dict) -> bool:
    con.execute("DELETE FROM event_mentions")
    con.execute("DELETE FROM events")
    insert_mentions(con, [first, second])
    merge_new(con)
    return len(_events(con)) == 1


def test_a_raid_and_an_air_strike_with_the_same_toll_place_and_day_are_one_event(con) -> None:  # noqa: ANN001
    """"Troops stormed a militant compound in Mogadishu, killing seven" (175) and "an air strike in Mogadishu
    killed seven al-Shabaab fighters" (195): one happening told as coercion and as force. Each near miss (another
    day, another toll, no toll, another town) stays apart from the strike."""
    strike = _m("strike", "b", cameo_code="195", killed=7, **MOGADISHU,
                evidence_text="An air strike on a compound in the capital killed seven al-Shabaab fighters.")
    raid = dict(cameo_code="175", goldstein=-9.0,
                evidence_text="Troops stormed a militant hideout, killing seven, officials said.")
    assert _together(con, _m("raid", "a", killed=7, **raid, **MOGADISHU), strike)
    assert con.sql("SELECT num_articles, cameo_code FROM events").fetchall() == [(2, "195")]
    assert not _together(con, _m("next-day", "a", killed=7, **{**raid, "event_date": "2025-03-05"}, **MOGADISHU),
                         strike)
    assert not _together(con, _m("other-toll", "a", killed=2, **raid, **MOGADISHU), strike)
    assert not _together(con, _m("no-toll", "a", **raid, **MOGADISHU), strike)
    assert not _together(con, _m("other-town", "a", killed=7, **raid, **BAIDOA), strike)
    assert not _together(con, _m("other-pair", "a", killed=7, **raid, **MOGADISHU, target_country="KEN",
                                 target_code="KENMIL"), strike)


def test_a_seizure_without_dead_never_joins_an_attack(con) -> None:  # noqa: ANN001
    words = "coast guard boarded and seized the fishing boat near the island"
    insert_mentions(con, [
        _m("seized", "a", source_code="CHNCOP", source_country="CHN", target_code="VNM", target_country="VNM",
           cameo_code="171", evidence_text=words, place_name="Paracel Islands", place_country=None,
           place_precision="landmark", lat=16.5, lon=111.6),
        _m("fired", "b", source_code="CHNCOP", source_country="CHN", target_code="VNM", target_country="VNM",
           cameo_code="190", evidence_text=words, place_name="Paracel Islands", place_country=None,
           place_precision="landmark", lat=16.5, lon=111.6),
    ])
    merge_new(con)
    assert _events(con) == [["fired"], ["seized"]]


def test_an_agreement_signed_at_a_meeting_joins_the_meeting_the_same_day_only(con) -> None:  # noqa: ANN001
    """"Kenya and Ethiopia signed a power-trade deal at talks in Addis Ababa" (057) and "Ethiopia's leader held
    talks on power trade with his Kenyan guest" (046, the dyad either way round): one visit. The next week's talks,
    a same-day complaint and a deal with another country stay out."""
    addis = {"place_name": "Addis Ababa", "place_country": "ETH", "place_precision": "city", "lat": 9.03, "lon": 38.74}
    common = {"source_code": "KENGOV", "source_country": "KEN", "target_code": "ETHGOV", "target_country": "ETH",
              "quad_class": 1, "goldstein": 7.0, **addis}
    swapped = {**common, "source_code": "ETHGOV", "source_country": "ETH", "target_code": "KENGOV",
               "target_country": "KEN"}
    insert_mentions(con, [
        _m("signed", "a", cameo_code="057", **common,
           evidence_text="Kenya and Ethiopia signed a power trade deal at talks in Addis Ababa on Tuesday."),
        _m("talks", "b", cameo_code="046", **swapped,
           evidence_text="Ethiopia's prime minister held talks on power trade with his Kenyan guest on Tuesday."),
        _m("next-week", "c", cameo_code="046", **common, event_date="2025-03-11", pub_date="2025-03-11",
           evidence_text="Energy ministers held further talks on power trade in Addis Ababa."),
        _m("complaint", "d", cameo_code="112", **{**common, "quad_class": 3, "goldstein": -2.0},
           evidence_text="Kenya complained at the talks about power trade tariffs on Tuesday."),
        _m("other-pair", "e", cameo_code="057", **{**common, "target_code": "SOM", "target_country": "SOM"},
           evidence_text="Kenya also signed a power trade deal with Somalia on Tuesday."),
    ])
    merge_new(con)
    assert _events(con) == [["complaint"], ["next-week"], ["other-pair"], ["signed", "talks"]]


def test_a_lead_without_a_place_takes_its_headlines_host_country_as_a_soft_target(con) -> None:  # noqa: ANN001
    """Headline "Russia strikes NATO supply hub in Poland" (target NATO-ish: POL by the place) and the lead
    "Russian missiles hit a Polish logistics base" coded RUS -> POLMIL without a place: one event, and a report
    from another outlet that names the US troops stationed there joins it."""
    rzeszow = {"place_name": "Rzeszow", "place_country": "POL", "place_precision": "city", "lat": 50.04, "lon": 22.0}
    base = {"source_code": "RUS", "source_country": "RUS", "cameo_code": "195"}
    insert_mentions(con, [
        _m("headline", "a", **base, target_code="USAMIL", target_country="USA", date_precision="publication",
           **rzeszow, evidence_text="Russian missiles hit supply hub"),
        _m("lead", "a", **base, target_code="POLMIL", target_country="POL",
           evidence_text="Missiles struck the logistics base before dawn"),
        _m("other", "b", **base, target_code="USAMIL", target_country="USA", **rzeszow,
           evidence_text="Missiles struck the logistics base used by American troops before dawn"),
    ])
    merge_new(con)
    assert _events(con) == [["headline", "lead", "other"]]
    assert con.sql("SELECT target_code FROM events").fetchall() == [("USAMIL",)]


def test_protests_in_two_cities_the_same_day_are_two_happenings(con) -> None:  # noqa: ANN001
    """A protest happens where it happens: rallies against the same embassy in two cities of one country."""
    lagos = {"place_name": "Lagos", "place_country": "NGA", "place_precision": "city", "lat": 6.52, "lon": 3.38}
    kano = {"place_name": "Kano", "place_country": "NGA", "place_precision": "city", "lat": 12.0, "lon": 8.52}
    common = {"source_code": "NGACVL", "source_country": "NGA", "target_code": "FRA", "target_country": "FRA",
              "cameo_code": "141", "quad_class": 3, "goldstein": -6.5}
    insert_mentions(con, [
        _m("lagos1", "a", **common, **lagos,
           evidence_text="Thousands marched to the French consulate in Lagos demanding the ambassador leave."),
        _m("lagos2", "b", **common, **lagos,
           evidence_text="Protesters massed outside the French consulate, chanting that the ambassador must go."),
        _m("kano", "c", **common, **kano,
           evidence_text="In Kano, youths marched through the old city demanding the French ambassador leave."),
    ])
    merge_new(con)
    assert _events(con) == [["kano"], ["lagos1", "lagos2"]]


def test_two_towns_a_short_way_apart_with_other_tolls_stay_apart(con) -> None:  # noqa: ANN001
    """Shelling of Afgooye (5 dead) and of Mogadishu (1 dead) the same day, 25 km apart, in much the same words:
    other place, other victims. Two reports of the Mogadishu shelling (toll 1 and, later, 2) are one."""
    insert_mentions(con, [
        _m("mogadishu", "a", cameo_code="190", killed=1, **MOGADISHU,
           evidence_text="Mortar shells landed on a crowded market, killing one civilian, police said."),
        _m("afgooye", "b", cameo_code="190", killed=5, **AFGOOYE,
           evidence_text="Mortar shells landed on a crowded market, killing five civilians, elders said."),
        _m("mogadishu2", "c", cameo_code="195", killed=2, **MOGADISHU,
           evidence_text="The death toll from the mortar attack on the market rose to two, police said."),
    ])
    merge_new(con)
    assert _events(con) == [["afgooye"], ["mogadishu", "mogadishu2"]]


@pytest.mark.parametrize("incremental", [False, True])
def test_a_report_naming_no_town_does_not_chain_two_attacks(con, incremental: bool) -> None:  # noqa: ANN001
    """"Militants shelled the outskirts of the capital on Tuesday" pairs with the shelling of Mogadishu (1 dead)
    and with the shelling of Afgooye (5 dead): it joins one of them, and the two attacks stay two events, whether
    it arrives with them or after they were merged."""
    mogadishu = [_m("mog", "a", killed=1, **MOGADISHU,
                    evidence_text="Militants shelled a market on the outskirts of the capital, killing one trader."),
                 _m("mog2", "b", killed=1, cameo_code="195", **MOGADISHU,
                    evidence_text="One trader was killed when militants shelled a market on the capital's outskirts.")]
    afgooye = [_m("afg", "c", killed=5, **AFGOOYE,
                  evidence_text="Militants shelled the outskirts of Afgooye, killing five, elders said.")]
    vague = [_m("vague", "d", evidence_text="Militants shelled the outskirts of the capital and a nearby town.")]
    insert_mentions(con, mogadishu + afgooye)
    if incremental:
        merge_new(con)
    insert_mentions(con, vague)
    merge_new(con)
    groups = _events(con)
    assert not any({"mog", "afg"} <= set(group) for group in groups)
    assert any({"mog", "mog2"} <= set(group) for group in groups)
