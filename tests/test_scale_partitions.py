"""The driver's cut of a Dask run into partitions (``scale.runner.partitions``): whole partitions while the
input runs on, the last ones in smaller pieces so that two workers finish together; every fresh article once, in
order, under the same keys when the run is resumed."""

from __future__ import annotations

from brinkwatch.model import Article
from brinkwatch.scale.runner import _Tally, partitions
from brinkwatch.store import Store


def _articles(count: int) -> list[Article]:
    return [Article(doc_id=f"doc-{i}", text=f"Text number {i}.") for i in range(count)]


def test_the_last_partitions_are_cut_in_quarters() -> None:
    articles = _articles(400)
    with Store() as store:
        parts = list(partitions(store, articles, 32, _Tally()))
        again = list(partitions(store, articles, 32, _Tally()))
    sizes = [len(p.articles) for p in parts]
    # 12 partitions of 32 and 16 left over: the last two (32 + 16 articles) go out in pieces of 8
    assert sizes == [32] * 11 + [8] * 6
    assert [a.doc_id for p in parts for a in p.articles] == [a.doc_id for a in articles]
    assert [p.key for p in parts] == [p.key for p in again]
    assert len({p.key for p in parts}) == len(parts)


def test_small_partitions_are_left_as_they_are() -> None:
    """A partition size of 8 or less is not cut further (the tests' runs of 2 and 3 keep their partitions)."""
    with Store() as store:
        sizes = [len(p.articles) for p in partitions(store, _articles(9), 2, _Tally())]
        eights = [len(p.articles) for p in partitions(store, _articles(30), 8, _Tally())]
    assert sizes == [2, 2, 2, 2, 1]
    assert eights == [8, 8, 8, 6]


def test_a_short_input_is_all_tail() -> None:
    with Store() as store:
        sizes = [len(p.articles) for p in partitions(store, _articles(20), 32, _Tally())]
    assert sizes == [8, 8, 4]
