"""Dedup rules found on the fifth round (tests/data/dedup/tuning4.yaml's and tuning5.yaml's misses), each on cases of
its own in other countries and words, beside the near-misses it must keep apart.

- An act of force on a foreign (or unnamed) party filed from the attacker's own country under a dateline the
  article makes a sentence of its own ("BAKU -" above "Azerbaijan's defence ministry said its troops returned
  fire ..."): the coder places the act there, but the dateline is where the ministry spoke. Unless the sentence
  names the town, it is no place (as for acts not of force). The victim's town ("KHARKIV -" above "Russian glide
  bombs hit ..."), a domestic act, or a town the sentence names keep the dateline as the place.
"""

from __future__ import annotations

from brinkwatch.analyze.dedup import merge_new
from brinkwatch.analyze.synthetic import insert_mentions
from helpers import merged_events
from test_analyze_dedup_reports4 import _m


def test_an_attack_filed_from_the_attackers_capital_joins_the_report_from_where_it_hit(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        # a border clash: the victim side's report names the village, the attacker's is filed from Asmara
        _m("e1", "ERIMIL", "ETHMIL", "Eritrean artillery shelled Ethiopian border positions near Zalambessa on "
           "Monday, killing two soldiers.", code="190", quad=4, killed=2.0,
           place=("Zalambessa", "ETH", 14.52, 39.38, "city", "Zalambessa")),
        _m("e2", "ERIMIL", "ETHMIL", "Eritrea's army said its units fired on Ethiopian border positions on Monday "
           "after an incursion.", code="190", quad=4, place=("Asmara", "ERI", 15.34, 38.93, "city", "ASMARA")),
        # air strikes abroad told from the attacker's capital ("ANKARA -") and from the province they hit
        _m("t1", "TURMIL", "IRQ", "Turkish warplanes struck militant shelters in the mountains on Monday, the "
           "defence ministry said.", code="195", quad=4, place=("Ankara", "TUR", 39.93, 32.86, "city", "ANKARA")),
        _m("t2", "TURMIL", "IRQ", "Turkish jets bombed shelters in the mountains near Zakho on Monday, local "
           "officials said.", code="195", quad=4, place=("Zakho", "IRQ", 37.14, 42.68, "city", "Zakho")),
        # shelling across a ceasefire line, announced in New Delhi and reported from the town it hit
        _m("i1", "INDMIL", "PAK", "Indian troops shelled Pakistani posts across the ceasefire line on Monday, an "
           "army spokesman said.", code="194", quad=4, place=("New Delhi", "IND", 28.61, 77.21, "city", "NEW DELHI")),
        _m("i2", "INDMIL", "PAK", "Indian shelling hit posts and a village near Kotli across the ceasefire line "
           "on Monday.", code="194", quad=4, place=("Kotli", "PAK", 33.52, 73.90, "city", "Kotli")),
    ])
    merge_new(con)
    assert merged_events(con) == [["e1", "e2"], ["i1", "i2"], ["t1", "t2"]]


def test_the_victims_town_a_domestic_act_and_a_named_town_keep_the_dateline_as_the_place(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        # the victim's capital ("KYIV -" above the sentence) is most often where it hit: not the Odesa strike,
        # which killed more (two towns, two tolls)
        _m("k1", "RUSMIL", "UKR", "Russian drones hit a power station overnight into Monday, killing two "
           "workers.", code="195", quad=4, killed=2.0, place=("Kyiv", "UKR", 50.45, 30.52, "city", "KYIV")),
        _m("k2", "RUSMIL", "UKR", "Russian drones hit a power station in Odesa overnight into Monday, killing nine "
           "workers.", code="195", quad=4, killed=9.0, place=("Odesa", "UKR", 46.48, 30.72, "city", "Odesa")),
        # police firing on a crowd, filed from the capital (domestic): not the same day's shooting in Gondar
        _m("p1", "ETHCOP", "ETHOPP", "Police fired live rounds at opposition marchers on Monday, killing one.",
           code="180", quad=4, killed=1.0, place=("Addis Ababa", "ETH", 9.03, 38.74, "city", "ADDIS ABABA")),
        _m("p2", "ETHCOP", "ETHOPP", "Police fired live rounds at opposition marchers in Gondar on Monday, killing "
           "four.", code="180", quad=4, killed=4.0, place=("Gondar", "ETH", 12.60, 37.47, "city", "Gondar")),
        # the attacker's capital named in the sentence: it happened there, not at the border town
        _m("b1", "AZEMIL", "ARM", "Azerbaijani air defences shot down an Armenian drone over Baku on Monday.",
           code="190", quad=4, place=("Baku", "AZE", 40.41, 49.87, "city", "BAKU")),
        _m("b2", "AZEMIL", "ARM", "Azerbaijani troops shot down an Armenian drone near the border village of "
           "Sotk on Monday.", code="190", quad=4, place=("Sotk", "ARM", 40.22, 45.90, "city", "Sotk")),
    ])
    merge_new(con)
    assert merged_events(con) == [["b1"], ["b2"], ["k1"], ["k2"], ["p1"], ["p2"]]


# --- a headline dated by its publication tells of the day its body gives -------------------------------------------

def _head(mention_id: str, doc: str, src: str, tgt: str | None, text: str, *, code: str, quad: int, pub: str,
          **kw: object) -> dict:
    """A headline: no date in its words (dated by the publication), coded apart from the body sentence."""
    return _m(mention_id, src, tgt, text, code=code, quad=quad, day=pub, date_precision="publication",
              pub_date=pub, doc_id=doc, sentence_index=0, **kw)


def _body(mention_id: str, doc: str, src: str, tgt: str | None, text: str, *, code: str, quad: int, day: str,
          pub: str) -> dict:
    return _m(mention_id, src, tgt, text, code=code, quad=quad, day=day, pub_date=pub, doc_id=doc)


def test_a_headline_takes_its_bodys_day_and_leaves_the_next_days_act_alone(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        # "India downs drone from Pakistan" above "Indian forces destroyed a drone ... on Monday" (coded 1712): the
        # headline is Monday's downing, not Wednesday's drone downed the other way round
        _head("a1h", "a1", "IND", "PAK", "India downs drone from Pakistan", code="190", quad=4, pub="2026-04-07"),
        _body("a1b", "a1", "INDMIL", "PAK", "Indian forces destroyed a Pakistani drone over the border on Monday.",
              code="1712", quad=4, day="2026-04-06", pub="2026-04-07"),
        _m("a2", "INDMIL", "PAK", "Indian troops downed a drone from Pakistan near the border on Monday.",
           code="190", quad=4),
        _m("a3", "PAKMIL", "IND", "Pakistan downs drone from India near the border on Wednesday.", code="190",
           quad=4, day="2026-04-08"),
        # "Greek navy fires on Turkish boat" above "... seized the boat's cargo on Monday" (1711)
        _head("g1h", "g1", "GRC", "TUR", "Greek coast guard fires on Turkish fishing boat", code="190", quad=4,
              pub="2026-04-07"),
        _body("g1b", "g1", "GRCCOP", "TUR", "The Greek coast guard seized the catch of a Turkish fishing boat off "
              "Lesbos on Monday.", code="1711", quad=4, day="2026-04-06", pub="2026-04-07"),
        _m("g2", "GRCCOP", "TUR", "A Greek coast guard vessel fired warning shots at a Turkish fishing boat on "
           "Monday.", code="190", quad=4),
        _m("g3", "TURCOP", "GRC", "Turkish coast guard fires on Greek fishing boat near Chios on Wednesday.",
           code="190", quad=4, day="2026-04-08"),
        # "Thai troops shell Cambodian post" above "... accused Cambodia on Monday of moving troops" (112)
        _head("t1h", "t1", "THA", "KHM", "Thai troops shell Cambodian border post", code="194", quad=4,
              pub="2026-04-07"),
        _body("t1b", "t1", "THAGOV", "KHM", "Thailand accused Cambodia on Monday of moving troops to the border "
              "post.", code="112", quad=3, day="2026-04-06", pub="2026-04-07"),
        _m("t2", "THAMIL", "KHM", "Thai artillery shelled a Cambodian border post on Monday.", code="194", quad=4),
        _m("t3", "KHMMIL", "THA", "Cambodian troops shell Thai border post on Wednesday.", code="194", quad=4,
           day="2026-04-08"),
    ])
    merge_new(con)
    assert merged_events(con) == [["a1b"], ["a1h", "a2"], ["a3"], ["g1b"], ["g1h", "g2"], ["g3"], ["t1b"],
                                  ["t1h", "t2"], ["t3"]]


def test_a_headline_over_a_body_of_two_days_keeps_its_publication_date(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        # the body tells of Monday's and Tuesday's acts: the headline could be either, and keeps its window
        _head("b1h", "b1", "IND", "PAK", "India downs drones from Pakistan", code="190", quad=4, pub="2026-04-08"),
        _body("b1b", "b1", "INDMIL", "PAK", "Indian forces destroyed a Pakistani drone on Monday.", code="1712",
              quad=4, day="2026-04-06", pub="2026-04-08"),
        _body("b1c", "b1", "INDGOV", "PAK", "India accused Pakistan on Tuesday of sending more drones.",
              code="112", quad=3, day="2026-04-07", pub="2026-04-08"),
        # ... so it still meets Wednesday's report of drones downed (in its publication window)
        _m("b2", "INDMIL", "PAK", "India downs drones from Pakistan near the border on Wednesday.", code="190",
           quad=4, day="2026-04-08"),
    ])
    merge_new(con)
    assert merged_events(con) == [["b1b"], ["b1c"], ["b1h", "b2"]]


# --- a report that fits two happenings the pair rules keep apart joins the one more reports agree with ----------

def _placed(mention_id: str, src: str, tgt: str, text: str, town: tuple[str, str, float, float] | None, *,
            code: str = "141", quad: int = 3, **kw: object) -> dict:
    place = (town[0], town[1], town[2], town[3], "city", town[0]) if town else None
    return _m(mention_id, src, tgt, text, code=code, quad=quad, place=place, **kw)


LIMA, CUSCO = ("Lima", "PER", -12.05, -77.04), ("Cusco", "PER", -13.53, -71.97)
LAGOS, KANO = ("Lagos", "NGA", 6.45, 3.39), ("Kano", "NGA", 12.00, 8.52)
KHARKIV, SUMY = ("Kharkiv", "UKR", 49.99, 36.23), ("Sumy", "UKR", 50.91, 34.80)


def test_an_unplaced_report_joins_the_happening_more_reports_agree_with(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        # "in the capital" (no place): one more word in common with the farmers in Cusco than with any one report
        # of the rally in Lima, but it agrees with three of them
        _placed("pu", "PERCVL", "PERGOV", "Peruvians marched in the capital on Monday against the pension reform, "
                "blocking avenues.", None),
        _placed("pl1", "PERCVL", "PERGOV", "Thousands protested in Lima on Monday against the pension reform.", LIMA),
        _placed("pl2", "PERCVL", "PERGOV", "In Lima a crowd rallied against the pension bill on Monday.", LIMA),
        _placed("pl3", "PERCVL", "PERGOV", "Protesters filled Lima's main square on Monday over the pension reform.",
                LIMA),
        _placed("pc", "PERAGR", "PERGOV", "Farmers marched in Cusco on Monday, blocking avenues against water fees.",
                CUSCO),
        # the same in Nigeria: the fuel-price protest in Lagos, and traders in Kano
        _placed("nu", "NGACVL", "NGAGOV", "Nigerians marched on Monday against the fuel price rise, shutting "
                "markets and roads.", None),
        _placed("nl1", "NGACVL", "NGAGOV", "Crowds protested in Lagos on Monday against the fuel price rise.", LAGOS),
        _placed("nl2", "NGACVL", "NGAGOV", "Lagos residents rallied against the fuel price increase on Monday.",
                LAGOS),
        _placed("nl3", "NGACVL", "NGAGOV", "Demonstrators blocked Lagos roads on Monday over the fuel price rise.",
                LAGOS),
        _placed("nk", "NGABUS", "NGAGOV", "Traders marched in Kano on Monday, shutting markets and roads over "
                "taxes.", KANO),
        # strikes in two towns with two tolls: a report naming neither town nor toll
        _placed("su", "RUSMIL", "UKR", "Russian missiles hit apartment blocks and a school on Monday, "
                "rescuers said.", None, code="195", quad=4),
        _placed("sk1", "RUSMIL", "UKR", "Russian missiles hit Kharkiv on Monday, killing four people.", KHARKIV,
                code="195", quad=4, killed=4.0),
        _placed("sk2", "RUSMIL", "UKR", "A Russian missile strike on Kharkiv killed four people on Monday.",
                KHARKIV, code="195", quad=4, killed=4.0),
        _placed("sk3", "RUSMIL", "UKR", "Four people died when Russian missiles struck Kharkiv on Monday, "
                "rescuers said.", KHARKIV, code="195", quad=4, killed=4.0),
        _placed("ss", "RUSMIL", "UKR", "A Russian drone hit apartment blocks and a school in Sumy on Monday, "
                "killing one.", SUMY, code="195", quad=4, killed=1.0),
    ])
    merge_new(con)
    assert merged_events(con) == [["nk"], ["nl1", "nl2", "nl3", "nu"], ["pc"], ["pl1", "pl2", "pl3", "pu"],
                                  ["sk1", "sk2", "sk3", "su"], ["ss"]]


def test_a_report_agreeing_only_with_the_lone_happening_still_joins_it(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        # the farmers' march told again with no place: it agrees with Cusco's report and none of Lima's
        _placed("qu", "PERAGR", "PERGOV", "Farmers marched on Monday, blocking avenues against water fees.", None),
        _placed("ql1", "PERCVL", "PERGOV", "Thousands protested in Lima on Monday against the pension reform.", LIMA),
        _placed("ql2", "PERCVL", "PERGOV", "Protesters filled Lima's main square on Monday over the pension reform.",
                LIMA),
        _placed("qc", "PERAGR", "PERGOV", "Farmers marched in Cusco on Monday, blocking avenues against water fees.",
                CUSCO),
    ])
    merge_new(con)
    assert merged_events(con) == [["qc", "qu"], ["ql1", "ql2"]]


# --- one word in its inflections: "bombed", "bombs" and "bombing" -------------------------------------------------

def test_reports_sharing_a_verb_in_other_tenses_are_one_happening(con) -> None:  # noqa: ANN001
    zakho = ("Zakho", "IRQ", 37.14, 42.68)
    insert_mentions(con, [
        # air strikes: the past tense of a wire, the present of a headline (cut to five letters, "bombe" and "bomb")
        _placed("b1", "TURMIL", "IRQ", "Turkish jets bombed hideouts near Zakho on Monday, officials said.", zakho,
                code="195", quad=4),
        _placed("b2", "TUR", "IRQ", "Turkey bombs northern Iraq on Monday", None, code="195", quad=4),
        # a raid: "raided" and "raids"
        _placed("r1", "ISRMIL", "PSE", "Israeli troops raided a refugee camp on Monday.", None, code="190", quad=4),
        _placed("r2", "ISR", "PSE", "Israel raids West Bank camp on Monday", None, code="190", quad=4),
        # an arrest: "jailing" and "jailed" (the same dyad arrests often, so words must carry it)
        _placed("j1", "IRNGOV", "GBR", "Iran jailed a British aid worker on Monday on spying charges.", None,
                code="173", quad=4),
        _placed("j2", "IRN", "GBRCVL", "Britain condemns Iran's jailing of aid worker on Monday", None,
                code="173", quad=4),
    ])
    merge_new(con)
    assert merged_events(con) == [["b1", "b2"], ["j1", "j2"], ["r1", "r2"]]


def test_a_shared_verb_does_not_join_two_towns_with_two_tolls_nor_two_days(con) -> None:  # noqa: ANN001
    insert_mentions(con, [
        _placed("s1", "RUSMIL", "UKR", "Russian artillery shelled Kherson on Monday, killing two people.", ("Kherson",
                "UKR", 46.64, 32.61), code="194", quad=4, killed=2.0),
        _placed("s2", "RUSMIL", "UKR", "Russia shells Nikopol on Monday, killing seven.", ("Nikopol", "UKR", 47.57,
                34.39), code="194", quad=4, killed=7.0),
        # the same words on two days: the day window holds
        _placed("s3", "RUSMIL", "UKR", "Russia shells Kherson again on Thursday", None, code="194", quad=4,
                day="2026-04-09"),
    ])
    merge_new(con)
    assert merged_events(con) == [["s1"], ["s2"], ["s3"]]
