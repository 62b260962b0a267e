"""End to end on the raw dedup corpus: coder -> store -> dedup -> series, with the real spaCy pipeline."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest

from brinkwatch.analyze import dyad_series, merge_new
from brinkwatch.model import Article

DATA = Path(__file__).parent / "data" / "dedup"


@pytest.fixture(scope="module")
def store():  # noqa: ANN201 - Store is imported lazily with the coder
    from brinkwatch.extract import Coder
    from brinkwatch.store import Store

    raw = [json.loads(line) for line in (DATA / "articles.jsonl").read_text().splitlines()]
    articles = [Article(doc_id=a["doc_id"], text=a["text"], publisher=a["publisher"],
                        pub_date=dt.date.fromisoformat(a["pub_date"])) for a in raw]
    store = Store(":memory:")
    store.write(list(Coder().code_articles(articles)))
    merge_new(store.con)
    yield store, {a["doc_id"]: a["happening"] for a in raw}
    store.close()


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
