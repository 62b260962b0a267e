"""End to end on the raw dedup corpora: coder -> store -> dedup -> series, with the real spaCy pipeline.

``articles.jsonl`` (three happenings) and ``reports.jsonl`` (six happenings told by three or four outlets each,
four distractors): here the codes come from the coder, which often codes two reports of one happening in
different root families (a water-cannon attack as 175, 111 and 052): no dedup rule can join those.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest

from brinkwatch.analyze import dyad_series, merge_new
from brinkwatch.model import Article

DATA = Path(__file__).parent / "data" / "dedup"


def _coded_store(coder, name: str):  # noqa: ANN001, ANN202 - Store is imported lazily with the coder
    from brinkwatch.store import Store

    raw = [json.loads(line) for line in (DATA / name).read_text().splitlines()]
    articles = [Article(doc_id=a["doc_id"], text=a["text"], publisher=a["publisher"],
                        pub_date=dt.date.fromisoformat(a["pub_date"])) for a in raw]
    store = Store(":memory:")
    store.write(list(coder.code_articles(articles)))
    merge_new(store.con)
    return store, {a["doc_id"]: a["happening"] for a in raw}


@pytest.fixture(scope="module")
def store(coder):  # noqa: ANN001, ANN201
    store, labels = _coded_store(coder, "articles.jsonl")
    yield store, labels
    store.close()


@pytest.fixture(scope="module")
def reports(coder):  # noqa: ANN001, ANN201
    store, labels = _coded_store(coder, "reports.jsonl")
    yield store, labels
    store.close()


def _article_pairs(st) -> set[tuple[str, str]]:  # noqa: ANN001
    together: set[tuple[str, str]] = set()
    for (docs,) in st.con.sql("SELECT list(DISTINCT doc_id) FROM event_mentions GROUP BY event_id").fetchall():
        together.update(itertools.combinations(sorted(docs), 2))
    return together


def test_cross_article_merges_join_only_reports_of_the_same_happening(store) -> None:  # noqa: ANN001
    st, labels = store
    members = st.con.sql("SELECT event_id, list(doc_id ORDER BY doc_id) FROM event_mentions "
                         "GROUP BY event_id").fetchall()
    correct = wrong = 0
    for _, docs in members:
        for x, y in itertools.combinations(sorted(set(docs)), 2):
            correct += labels[x] == labels[y]
            wrong += labels[x] != labels[y]
    precision = correct / max(1, correct + wrong)
    multi_outlet = {labels[docs[0]] for _, docs in members if len(set(docs)) >= 2}
    print(f"end-to-end cross-article merges: {correct} right, {wrong} wrong; merged happenings {multi_outlet}")
    assert precision >= 0.9
    assert len(multi_outlet) >= 2  # at least two of the three happenings were recognised across outlets


def test_distractors_stay_out_and_series_counts_happenings(store) -> None:  # noqa: ANN001
    st, labels = store
    distractor_docs = [d for d, label in labels.items() if label.startswith("D")]
    shared = st.con.execute(
        "SELECT count(*) FROM event_mentions m JOIN event_mentions o USING (event_id) "
        "WHERE list_contains($docs, m.doc_id) AND o.doc_id <> m.doc_id", {"docs": distractor_docs}).fetchall()
    assert shared == [(0,)]
    # a08 and a09 both report North Korea rejecting the offer of talks (coded 12x, modality "refused", which
    # restates the code and so counts): merged, the week shows one rejection, not two
    reports = st.con.sql("SELECT count(*) FROM event_mentions WHERE doc_id IN ('a08', 'a09') "
                         "AND cameo_root = '12'").fetchall()[0][0]
    series = dyad_series(st.con, "PRK", "KOR", freq="week", since="2024-05-20", until="2024-05-26")
    assert reports == 2 and series.deduplicated
    assert series.points[0].verbal_conflict == 1


def test_reports_of_one_happening_merge_across_outlets_and_within_articles(reports) -> None:  # noqa: ANN001
    st, labels = reports
    together = _article_pairs(st)
    right = {pair for pair in together if labels[pair[0]] == labels[pair[1]]}
    wrong = together - right
    print(f"end-to-end reports.jsonl: {len(right)} article pairs merged right, {len(wrong)} wrong: {sorted(wrong)}")
    # the three reports of the strikes on Bint Jbeil, the two of the sanctions, the two of the ministers' talks
    assert {("r19", "r20"), ("r19", "r21"), ("r20", "r21"), ("r16", "r17"), ("r13", "r14")} <= right
    # a headline and its lead (r16: "US imposes new sanctions..." and the Treasury sentence) are one event; so
    # are r01's headline on US bases (USAMIL), its lead on "two Iraqi air bases" (IRQMIL, the host country) and the
    # sentence naming the bases
    # the four reports of the missile attack on the bases in Iraq (headline-ese, "slammed into", the Guards'
    # claim, "Tehran's missile barrage") are one event holding all four articles
    assert st.con.execute("SELECT count(DISTINCT event_id), count(DISTINCT doc_id) FROM event_mentions "
                          "WHERE doc_id IN ('r01', 'r02', 'r03', 'r04') AND cameo_root = '19'").fetchall() == [(1, 4)]
    for doc, root in (("r16", "16"), ("r01", "19")):
        assert st.con.execute("SELECT count(DISTINCT event_id) FROM event_mentions WHERE doc_id = ? "
                              "AND cameo_root = ?", [doc, root]).fetchall() == [(1,)]
    # the drones in Syria two days later, the rockets on the embassy, the strike near Tyre stay apart, and so does
    # the second summoning "again on Thursday" (it was taken for Wednesday's until the same act of a dyad on
    # another exact day lost other_day_key_penalty)
    assert wrong == set()


def _report_corpus(coder, name: str):  # noqa: ANN001, ANN202
    """A report corpus of the tuning3.yaml format (raw reports, hand-grouped), coded, stored and merged."""
    import yaml

    from brinkwatch.store import Store

    raw = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["articles"]
    articles = [Article(doc_id=a["doc"], text=a["text"], publisher=a["by"], pub_date=a["pub"]) for a in raw]
    store = Store(":memory:")
    store.write(list(coder.code_articles(articles)))
    merge_new(store.con)
    return store, {a["doc"]: a["happening"] for a in raw}


def _article_scores(st, labels: dict[str, str]) -> tuple[float, float, int, int]:  # noqa: ANN001
    """(precision, recall) of article pairs, happenings whose articles all share one event, distractors apart
    (the scoring of benchmarks/dedup_tuning.py)."""
    together = _article_pairs(st)
    truth = {p for p in itertools.combinations(sorted(labels), 2) if labels[p[0]] == labels[p[1]]}
    precision = len(together & truth) / max(1, len(together))
    recall = len(together & truth) / len(truth)
    events = [set(docs) for (docs,) in st.con.sql("SELECT list(DISTINCT doc_id) FROM event_mentions "
                                                  "GROUP BY event_id").fetchall()]
    happenings = {h for h in labels.values() if not h.startswith("D")}
    whole = sum(any({d for d, x in labels.items() if x == h} <= docs for docs in events) for h in happenings)
    joined = {d for p in together if labels[p[0]] != labels[p[1]] for d in p}
    apart = sum(d not in joined for d, x in labels.items() if x.startswith("D"))
    return precision, recall, whole, apart


def _scored_corpus(coder, name: str, happenings: int, distractors: int) -> tuple[float, float, int, int]:  # noqa: ANN001
    """Code a raw-report corpus (``NAME.yaml``), dedup it, print and return its article-pair scores."""
    st, labels = _report_corpus(coder, f"{name}.yaml")
    precision, recall, whole, apart = _article_scores(st, labels)
    st.close()
    print(f"{name}: P={precision:.3f} R={recall:.3f} whole={whole}/{happenings} apart={apart}/{distractors}")
    return precision, recall, whole, apart


def test_report_tuning_set_three(coder) -> None:  # noqa: ANN001
    """tuning3.yaml: 12 happenings told by 3-5 raw reports each, 12 near-miss distractors, coded by the coder.
    Before the unknown-target, visit/host, located-points and province rules: 0.903 / 0.667 / 7 of 12 / 11 of 12
    (the Seville protest joined Madrid's through a report placed in "Spain"); after: 1.000 / 0.714 / 7 / 12. The
    rest are coding differences (a summons coded 020, an agreement coded 030 "planned", an expulsion coded 100,
    two reports with no event: see the dedup5 report). With the coder of the dedup6 round: 1.000 / 0.762 / 8 / 12;
    after its split-dateline rule (a visit filed from New Delhi, an expulsion reported from Moscow) and its intent
    bridge (Sudan and Egypt "agreed on Monday to coordinate" beside the deal they signed): 1.000 / 0.952 / 11 / 12.
    Left: an arrest told by a report with no place and no shared word ("took ... into custody")."""
    precision, recall, whole, apart = _scored_corpus(coder, "tuning3", 12, 12)
    assert precision == 1.0 and recall >= 0.93 and whole >= 11 and apart == 12


def test_report_holdout_set_three(coder) -> None:  # noqa: ANN001
    """holdout3.yaml (8 happenings, 8 distractors), written with tuning3 and scored once at the end of the round,
    never tuned on: 0.800 / 0.593 / 4 of 8 / 6 of 8 apart before the round's rules, 0.818 / 0.667 / 4 / 6 after.
    The wrong merges: the Mombasa protest's tear gas (175, force-coded, so far places only lower the score) joins
    Nairobi's through a report placed in "Kenya"; a report dating "sanctions announced on Wednesday" by its
    publication day joins the next day's sanctions. With the coder and rules of the dedup6 round (the split
    dateline, the intent bridge; not tuned on this set): 0.862 / 0.926 / 7 of 8 / 6 of 8."""
    precision, recall, whole, apart = _scored_corpus(coder, "holdout3", 8, 8)
    assert precision >= 0.86 and recall >= 0.92 and whole >= 7 and apart >= 6


def test_report_tuning_set_four(coder) -> None:  # noqa: ANN001
    """tuning4.yaml (12 happenings told by 3-5 raw reports, 12 near-miss distractors), written by the dedup6 round
    before brinkwatch ran on it: 0.947 / 0.706 / 6 of 12 / 11 of 12 before the round's rules, 0.953 / 0.804 / 8 / 11
    after (the split dateline, the intent bridge, "targeted ... with new sanctions" coded 163). Left, by cause: a
    protest's unplaced reports join the same day's protest in another city through an incidental shared word (the
    coder places neither "in the capital" nor "around Dhaka University"); a force act's dateline abroad ("BAKU -")
    taken as its place; places the coder misreads ("in solidarity with Gaza", "the Red Sea port of Eilat", "the Urals
    city" as Ralls, Texas); an arrest told with no shared word. After the places2 round (those places read right, "the
    capital" and "around Dhaka University" placed): 0.978 / 0.863 / 9 / 11. After the dedup7 round's rules (a force
    act filed from the attacker's own country under a split dateline, "BAKU -", is no place): 0.979 / 0.922 / 10 / 11.
    Left: Bangladesh's students placed only in "Bangladesh" share no word with the Dhaka reports (0.13, below the
    threshold) and one with Chittagong's garment workers; the arrest "took ... into custody" shares no word."""
    precision, recall, whole, apart = _scored_corpus(coder, "tuning4", 12, 12)
    assert precision >= 0.97 and recall >= 0.92 and whole >= 10 and apart >= 11


def test_report_holdout_set_four(coder) -> None:  # noqa: ANN001
    """holdout4.yaml (8 happenings, 8 distractors), written with tuning4 and scored once at the end of the dedup6
    round, never tuned on: 0.885 / 0.852 / 6 of 8 / 7 of 8. The wrong merge: the air strike in Tulkarm joins the
    raid on Jenin's camp through a report placed only in "the northern West Bank" (Jenin is coded as its governorate,
    not a town, so the two-towns-two-tolls rule does not see two towns). The split happenings: the students'
    protest in Belgrade (one report says "the capital", one only "Serbia"); a border clash a report files from
    Bangkok (a force act's dateline abroad taken as its place). After the places2 round (Jenin read as the town):
    1.000 / 0.852 / 6 / 8. With the dedup7 round's rules (not tuned on this set; the attacker's-own-country
    dateline rule reads the border clash's Bangkok dateline as no place): 1.000 / 0.889 / 7 / 8."""
    precision, recall, whole, apart = _scored_corpus(coder, "holdout4", 8, 8)
    assert precision >= 0.99 and recall >= 0.88 and whole >= 7 and apart >= 8


def test_report_tuning_set_five(coder) -> None:  # noqa: ANN001
    """tuning5.yaml (12 happenings told by 3-5 raw reports, 12 near-miss distractors), written by the dedup7 round
    before brinkwatch ran on it: 0.786 / 0.386 / 2 of 12 / 8 of 12 before the round's rules; after (a headline takes
    its body's one exact day; pairs taken by support; "bombed"/"bombs" one word; the attacker's-country dateline):
    0.903 / 0.491 / 4 / 10. Left, mostly coding differences between reports (see the dedup7 report): a tanker
    "seized" (171) beside "captured" (192); sanctions "adopted" coded 190 and "restrictive measures" 175; a coup
    attempt coded 171, 180 and 190; "the Democratic Republic of Congo" coded COG; a release, a deportation told
    in words the coder does not code ("let ... go", "sent back"); reports sharing no word, place or toll."""
    precision, recall, whole, apart = _scored_corpus(coder, "tuning5", 12, 12)
    assert precision >= 0.90 and recall >= 0.49 and whole >= 4 and apart >= 10


def test_report_holdout_set_five(coder) -> None:  # noqa: ANN001
    """holdout5.yaml (8 happenings, 8 distractors), written with tuning5 and scored once at the end of the dedup7
    round, never tuned on: 1.000 / 0.697 / 5 of 8 / 8 of 8."""
    precision, recall, whole, apart = _scored_corpus(coder, "holdout5", 8, 8)
    assert precision >= 0.99 and recall >= 0.69 and whole >= 5 and apart >= 8
