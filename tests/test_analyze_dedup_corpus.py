"""Dedup on the hand-written corpora (dev and holdout sets), and the rules one at a time on small cases.

The dev sets (tuning.yaml, measured.yaml, families.yaml) are the ones the rules and weights were built on;
holdout.yaml was written before the compatible-family rules and never tuned on. Their scores are pinned here as
regression floors, just under what the rules reached (see each test for the numbers).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from brinkwatch.analyze import dyad_series
from brinkwatch.analyze.dedup import merge_new, rebuild
from brinkwatch.analyze.synthetic import create_schema, dedup_scores, insert_mentions, load_dedup_corpus

DATA = Path(__file__).parent / "data" / "dedup"


def test_measured_set(con: duckdb.DuckDBPyConnection) -> None:
    rows = load_dedup_corpus(DATA / "measured.yaml")
    insert_mentions(con, rows)
    merge_new(con)
    precision, recall, whole, apart = dedup_scores(con, rows)
    print(f"measured set: pairwise precision={precision:.3f} recall={recall:.3f}, {whole}/14 happenings whole, "
          f"{apart}/15 distractors apart")
    # first measurement: 0.932 / 0.569 / 7 / 14 (dedup before issue 13: 0.947 / 0.250 / 2); with the
    # compatible families and the place, toll and dyad terms (measured.yaml became a dev set): 1.000 / 0.639 / 8 / 15;
    # with the key of non-frequent acts (summons, accusations, talks) and 057 symmetric: 1.000 / 0.736 / 10 / 15;
    # with a dateline standing in for a self-target's place and a report naming the other's town: 1.000 / 0.861 / 11
    assert precision >= 0.95 and recall >= 0.85 and whole >= 11 and apart == 15


def test_tuning_set(con: duckdb.DuckDBPyConnection) -> None:
    rows = load_dedup_corpus(DATA / "tuning.yaml")
    insert_mentions(con, rows)
    merge_new(con)
    precision, recall, whole, apart = dedup_scores(con, rows)
    # 1.000 / 0.677 / 4 of 8 whole before the key of non-frequent acts, 1.000 / 0.871 / 6 with it, 1.000 / 0.935 / 7
    # with the alike codes (a summons coded 114 beside the protest coded 112)
    assert precision == 1.0 and recall >= 0.93 and whole >= 7 and apart == 9


def test_families_dev_set(con: duckdb.DuckDBPyConnection) -> None:
    """Happenings told in two root families (175 beside 195, 057 beside 046, 1831 beside 190)."""
    rows = load_dedup_corpus(DATA / "families.yaml")
    insert_mentions(con, rows)
    merge_new(con)
    precision, recall, whole, apart = dedup_scores(con, rows)
    print(f"families set: pairwise precision={precision:.3f} recall={recall:.3f}, {whole}/6 whole, {apart}/7 apart")
    # before the families table: 1.000 / 0.185 / 0 / 7; with it: 1.000 / 0.444 / 1 / 7; with the key of
    # non-frequent acts (the meeting in Manila coded 043, 046 and 057): 1.000 / 0.630 / 2 / 7; with a bridge's same
    # place met by a datelined report naming the town (the killing in Kanbalu told from Yangon): 1.000 / 0.704 / 3 / 7
    assert precision == 1.0 and recall >= 0.70 and whole >= 3 and apart == 7


def test_holdout_set(con: duckdb.DuckDBPyConnection) -> None:
    rows = load_dedup_corpus(DATA / "holdout.yaml")
    insert_mentions(con, rows)
    merge_new(con)
    precision, recall, whole, apart = dedup_scores(con, rows)
    print(f"holdout set: pairwise precision={precision:.3f} recall={recall:.3f}, {whole}/13 happenings whole, "
          f"{apart}/17 distractors apart")
    # dedup before this change: 0.812 / 0.228 / 0 / 16. First measurement of the families rules: 0.875 / 0.491 /
    # 4 / 16 (a report naming no town chained the Barmal strike to Khost's); after keeping the two-towns-two-tolls
    # rule for whole components (no longer a blind measurement): 1.000 / 0.491 / 4 / 17. With the key of non-frequent
    # acts, 057 symmetric and talks located (tuned on the dev sets, holdout scored once at the end): 1.000 / 0.649 /
    # 5 / 17. With the town-naming, dateline self-target, alike-code and dateline-bridge rules (dev sets only,
    # holdout scored once at the end): unchanged, 1.000 / 0.649 / 5 / 17
    assert precision >= 0.95 and recall >= 0.63 and whole >= 5 and apart >= 16


def test_the_attack_reported_with_four_targets_is_one_event(con: duckdb.DuckDBPyConnection) -> None:
    """Measured M01: USA in a headline, USAMIL, IRQ "by the place", no target, a self-target under a Baghdad
    dateline, and a report placed in Erbil (300 km from Ain al-Asad, which the lead names beside "a base near
    Erbil"): one event of all five articles, its dyad a firm one; the attack in Syria a day later and the denial
    stay apart (before issue 13's place-naming and dateline rules: four mentions of three articles)."""
    rows = load_dedup_corpus(DATA / "measured.yaml")
    insert_mentions(con, [r for r in rows if r["doc_id"].startswith("m01")])
    merge_new(con)
    event = con.sql("SELECT source_code, target_code, cameo_code, date_precision, place_name, num_articles, "
                    "event_id FROM events WHERE representative_mention = 'm01a.1'").fetchall()
    assert event and event[0][:6] == ("IRN", "USAMIL", "195", "day", "Ain al-Asad", 5)
    members = {m for (m,) in con.execute("SELECT mention_id FROM event_mentions WHERE event_id = ?",
                                         [event[0][6]]).fetchall()}
    assert members == {"m01a.0", "m01a.1", "m01b.2", "m01c.3", "m01d.4", "m01e.5"}


def _m(mention_id: str, doc: str, **kw: object) -> dict:
    row = {"mention_id": mention_id, "doc_id": doc, "source_country": "RUS", "source_code": "RUS",
           "target_country": "UKR", "target_code": "UKR", "cameo_code": "195", "quad_class": 4, "goldstein": -10.0,
           "event_date": "2024-07-08", "date_precision": "day", "pub_date": "2024-07-08",
           "evidence_text": f"{mention_id}xx"}  # one word of its own: no words in common
    row.update(kw)
    return row


ODESA = {"place_name": "Odesa", "place_country": "UKR", "place_precision": "city", "lat": 46.48, "lon": 30.72}
KHARKIV = {"place_name": "Kharkiv", "place_country": "UKR", "place_precision": "city", "lat": 49.99, "lon": 36.23}


def _events(con: duckdb.DuckDBPyConnection) -> list[list[str]]:
    return sorted(sorted(ms) for (ms,) in con.sql("SELECT list(mention_id) FROM event_mentions GROUP BY event_id")
                  .fetchall())


def test_one_article_repeating_an_act_is_one_event_with_the_most_specific_fields(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        _m("h", "a", cameo_code="19", event_date="2024-07-09", date_precision="publication",
           pub_date="2024-07-09", evidence_text="Russia pounds Odesa port"),  # the headline
        _m("l", "a", cameo_code="195", source_code="RUSMIL", event_date="2024-07-08", **ODESA,
           evidence_text="Russian missiles struck the port of Odesa on Monday, killing four."),  # the lead
        _m("r", "a", cameo_code="190", target_code="UKRMIL", date_precision="unknown", event_date=None,
           pub_date="2024-07-09", evidence_text="The attack was the heaviest this month."),  # a later mention
    ])
    merge_new(con)
    assert _events(con) == [["h", "l", "r"]]
    assert con.sql("SELECT cameo_code, event_date::VARCHAR, date_precision, place_name, num_mentions, num_articles "
                   "FROM events").fetchall() == [("195", "2024-07-08", "day", "Odesa", 3, 1)]


def test_one_article_naming_two_places_or_two_days_holds_two_acts(con: duckdb.DuckDBPyConnection) -> None:
    insert_mentions(con, [
        _m("o", "a", **ODESA), _m("k", "a", **KHARKIV),  # "Russia struck Odesa and Kharkiv on Monday"
        _m("mon", "b"), _m("tue", "b", event_date="2024-07-09"),  # "...on Monday, and again on Tuesday"
    ])
    merge_new(con)
    assert _events(con) == [["k"], ["mon"], ["o"], ["tue"]]


def test_a_headline_does_not_bridge_its_article_to_another_attack(con: duckdb.DuckDBPyConnection) -> None:
    """The headline takes its article's place and day (Odesa, Monday), so a word it shares with a report from
    Kharkiv ("hit") no longer ties the two attacks together (as a headline with no place and the publication
    date, it would: same code, words in common, no place to tell them apart)."""
    insert_mentions(con, [
        _m("h", "a", date_precision="publication", evidence_text="Russian missiles hit Odesa port",
           source_text="Russian"),
        _m("l", "a", **ODESA, evidence_text="Cruise missiles struck the harbour on Monday, killing four."),
        _m("k", "b", **KHARKIV, evidence_text="Russian glide bombs hit a residential block in Kharkiv on Monday.",
           source_text="Russian"),
    ])
    merge_new(con)
    assert _events(con) == [["h", "l"], ["k"]]


def test_root_family_and_code_variants_merge_across_articles(con: duckdb.DuckDBPyConnection) -> None:
    words = "Russian missiles struck the Odesa grain terminal on Monday"
    insert_mentions(con, [
        _m("a195", "a", evidence_text=words, **ODESA), _m("b190", "b", cameo_code="190", evidence_text=words),
        _m("c183", "c", cameo_code="183", evidence_text=words),
        _m("d173", "d", cameo_code="173", quad_class=4, evidence_text=words),  # 17: another family
    ])
    merge_new(con)
    assert _events(con) == [["a195", "b190", "c183"], ["d173"]]


def test_soft_targets_join_but_two_firm_dyads_never_do(con: duckdb.DuckDBPyConnection) -> None:
    iraq = {"place_name": "Iraq", "place_country": "IRQ", "place_precision": "country", "lat": 33.0, "lon": 44.0}
    erbil = {"place_name": "Erbil", "place_country": "IRQ", "place_precision": "city", "lat": 36.19, "lon": 44.01}
    words = "ballistic missiles struck the air base near Erbil overnight"
    base = {"source_country": "IRN", "source_code": "IRN"}
    insert_mentions(con, [
        _m("usa", "a", **base, target_country="USA", target_code="USAMIL", evidence_text=words, **erbil),
        _m("irq", "b", **base, target_country="IRQ", target_code="IRQ", evidence_text=words, **iraq),
        _m("none", "c", **base, target_country=None, target_code=None, evidence_text=words),
        _m("gbr", "d", **base, target_country="GBR", target_code="GBR", evidence_text=words),
    ])
    merge_new(con)
    groups = _events(con)
    assert ["gbr"] in groups or not any({"usa", "gbr"} <= set(g) for g in groups)
    assert any({"usa", "irq"} <= set(g) for g in groups)
    (dyad,) = con.sql("SELECT source_code, target_code FROM events WHERE num_mentions > 1 "
                      "AND target_code = 'USAMIL'").fetchall()
    assert dyad == ("IRN", "USAMIL")  # the event's dyad comes from a firm target, not the place


def test_a_dateline_is_not_where_it_happened(con: duckdb.DuckDBPyConnection) -> None:
    tokyo = {"place_name": "Tokyo", "place_country": "JPN", "place_precision": "city", "lat": 35.68, "lon": 139.69}
    sea = {"place_name": "Sea of Japan", "place_country": "KOR", "place_precision": "city", "lat": 37.5, "lon": 130.9}
    common = {"source_country": "PRK", "source_code": "PRK", "target_country": "JPN", "target_code": "JPN",
              "cameo_code": "150"}
    insert_mentions(con, [
        _m("dateline", "a", **common, **tokyo,
           evidence_text="TOKYO - North Korea fired two ballistic missiles into the sea on Monday."),
        _m("sea", "b", **common, **sea, evidence_text="North Korea fired two ballistic missiles into the sea."),
        _m("intokyo", "c", **common, **tokyo, evidence_text="North Korea fired two ballistic missiles, near Tokyo."),
    ])
    merge_new(con)
    assert _events(con) == [["dateline", "sea"], ["intokyo"]]


def test_undated_mentions_get_events_merge_in_their_article_and_never_enter_a_series(con) -> None:  # noqa: ANN001
    undated = {"event_date": None, "pub_date": None, "date_precision": "unknown"}
    insert_mentions(con, [_m("u1", "readme", **undated), _m("u2", "readme", **undated, cameo_code="190"),
                          _m("u3", "other", **undated), _m("dated", "news")])
    result = merge_new(con)
    assert result.mentions_merged == 4 and merge_new(con).mentions_merged == 0  # nothing left pending
    assert _events(con) == [["dated"], ["u1", "u2"], ["u3"]]
    assert sum(p.n_events for p in dyad_series(con, "RUS", "UKR").points) == 1
    rebuild(con)
    assert _events(con) == [["dated"], ["u1", "u2"], ["u3"]]


def test_pairs_scored_in_shares_give_the_same_events(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under a tight memory bound the pairs are scored one share of the mentions at a time (issue 14): the events
    must be those of a single pass."""
    import brinkwatch.analyze.dedup as dedup

    rows = load_dedup_corpus(DATA / "measured.yaml")
    assigned = []
    for shares in (None, 8):
        con = duckdb.connect()
        create_schema(con)
        insert_mentions(con, rows)
        if shares:  # the bytes a row is taken to cost, so that the corpus makes at least ``shares`` shares
            monkeypatch.setattr(dedup, "SHARE_BYTES_PER_ROW", dedup._memory_limit_bytes(con) * shares / len(rows))
        merge_new(con)
        assigned.append(con.sql("SELECT mention_id, event_id FROM event_mentions ORDER BY mention_id").fetchall())
        assert con.sql("SELECT max(num_mentions) FROM events").fetchall()[0][0] > 1
    assert assigned[0] == assigned[1]
