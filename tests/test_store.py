"""Store: batch writes (idempotent, all-or-nothing) and the filtered, paged queries."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pydantic import ValidationError

from brinkwatch.errors import NotFoundError, StoreError
from brinkwatch.model import DocumentError
from brinkwatch.store import EventFilter, Store, WriteResult
from test_store_helpers import BAGHDAD, document, event


@pytest.fixture
def store():
    with Store() as s:
        yield s


def count(store: Store, table: str) -> int:
    return store.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def test_schema_creation_is_idempotent(tmp_path):
    path = tmp_path / "bw.duckdb"
    with Store(path) as first:
        first.write([document("d1", "Iraq attacked US forces.")])
    with Store(path) as second:
        assert count(second, "articles") == 1
        assert second.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [("1",)]
    with Store(path, read_only=True) as reader:
        assert len(reader.mentions(EventFilter())) == 1


def test_write_flattens_event_columns(store):
    ev = event("d1", "Iraq attacked US forces.", killed=4, place=BAGHDAD, speaker="USAGOV")
    result = store.write([document("d1", "Iraq attacked US forces.", [ev])])
    assert result == WriteResult(articles_added=1, articles_skipped=0, mentions_added=1)
    row = store.con.execute(
        "SELECT source_code, target_country, cameo_root, killed, injured, place_country, speaker_code, "
        "publisher, pub_date, record->>'$.pattern' FROM event_mentions"
    ).fetchall()[0]
    assert row == ("IRQGOV", "USA", "19", 4.0, None, "IRQ", "USAGOV", "Wire", dt.date(2024, 1, 2), "test.pattern")
    assert count(store, "sentences") == 1
    assert count(store, "actor_mentions") == 1
    record, numbers, attribution = store.con.execute(
        "SELECT record, numbers, attribution FROM event_mentions").fetchall()[0]
    assert json.loads(record) == ev.to_record()
    assert json.loads(numbers) == ev.to_record()["numbers"]
    assert json.loads(attribution)["speaker"]["code"] == "USAGOV"


def test_reingesting_same_text_adds_nothing(store):
    doc = document("d1", "Iraq attacked US forces.")
    store.write([doc])
    # Same text under another id and with whitespace changes hashes the same: still a duplicate.
    again = document("d1-copy", "Iraq  attacked US\nforces.")
    result = store.write([doc, again])
    assert result == WriteResult(articles_added=0, articles_skipped=2, mentions_added=0)
    assert count(store, "articles") == 1
    assert count(store, "event_mentions") == 1


def test_duplicate_text_within_one_batch_is_written_once(store):
    result = store.write([document("a", "Same words."), document("b", "Same words.")])
    assert (result.articles_added, result.articles_skipped) == (1, 1)
    assert store.known_hashes([document("z", "Same words.").article.hash, "nope"]) == {
        document("z", "Same words.").article.hash
    }


def test_failing_batch_is_rolled_back_whole(store):
    store.write([document("d1", "First article text.")])
    # d1 again with other text breaks the articles primary key in the middle of the batch.
    bad_batch = [document("d2", "Second article text."), document("d1", "Different text, same id.")]
    with pytest.raises(StoreError) as info:
        store.write(bad_batch)
    assert info.value.code == "E400"
    assert "already names another text" in info.value.message
    assert [r[0] for r in store.con.execute("SELECT doc_id FROM articles").fetchall()] == ["d1"]
    assert count(store, "event_mentions") == 1
    assert count(store, "sentences") == 1
    # The store is still usable after the rollback.
    assert store.write([document("d2", "Second article text.")]).articles_added == 1


def test_record_errors(store):
    store.record_errors([DocumentError(source="a.txt", line=3, code="E101", message="empty")])
    assert store.con.execute('SELECT source, line, code, message FROM ingest_errors').fetchall() == [
        ("a.txt", 3, "E101", "empty")
    ]


@pytest.fixture
def filled(store):
    docs = [
        document("d1", "Iraq attacked US forces.", [event("d1", "Iraq attacked US forces.", date=dt.date(2024, 1, 3))]),
        document("d2", "US consulted Iraq.", [
            event("d2", "US consulted Iraq.", source="USAGOV", target="IRQGOV", code="040", date=dt.date(2024, 1, 1)),
            event("d2", "US consulted Iraq.", index=1, source="USAMIL", target="IRNGOV", code="111",
                  date=dt.date(2024, 1, 2), modality="denied", is_opinion=True),
        ]),
        document("d3", "Iran consulted Syria 50% of days.", [
            event("d3", "Iran consulted Syria 50% of days.", source="IRNGOV", target="SYRGOV", code="042",
                  date=None, place=BAGHDAD),
        ]),
    ]
    store.write(docs)
    return store


def codes(records):
    return [r["cameo"]["code"] for r in records]


def test_filters(filled):
    assert codes(filled.mentions(EventFilter(source="USA"))) == ["040", "111"]
    assert codes(filled.mentions(EventFilter(source="usamil"))) == ["111"]
    assert codes(filled.mentions(EventFilter(target="IRQ"))) == ["040"]
    assert codes(filled.mentions(EventFilter(actor="IRQ"))) == ["040", "190"]
    assert codes(filled.mentions(EventFilter(source="IRQ", target="USA", dyad_undirected=True))) == ["040", "190"]
    assert codes(filled.mentions(EventFilter(source="IRQ", target="USA"))) == ["190"]
    # The undated 042 sorts by its article's publication date (2024-01-02), after 040 (2024-01-01).
    assert codes(filled.mentions(EventFilter(cameo="04"))) == ["040", "042"]
    assert codes(filled.mentions(EventFilter(root="4"))) == ["040", "042"]
    assert codes(filled.mentions(EventFilter(quad_class=4))) == ["190"]
    assert codes(filled.mentions(EventFilter(modality="denied"))) == ["111"]
    assert codes(filled.mentions(EventFilter(since=dt.date(2024, 1, 2)))) == ["111", "190"]
    assert codes(filled.mentions(EventFilter(until=dt.date(2024, 1, 1)))) == ["040"]
    assert codes(filled.mentions(EventFilter(doc_id="d2"))) == ["040", "111"]
    assert codes(filled.mentions(EventFilter(place_country="irq"))) == ["042"]
    assert sorted(codes(filled.mentions(EventFilter(text="CONSULTED")))) == ["040", "042", "111"]
    assert codes(filled.mentions(EventFilter(text="50%"))) == ["042"]
    assert codes(filled.mentions(EventFilter(text="0%"))) == ["042"]
    assert codes(filled.mentions(EventFilter(text="_"))) == []  # wildcards are literal
    assert codes(filled.mentions(EventFilter(include_opinion=False, source="USA"))) == ["040"]
    newest_first = codes(filled.mentions(EventFilter(order="-date")))
    assert newest_first[0] == "190" and newest_first[-1] == "040"
    assert sorted(newest_first[1:3]) == ["042", "111"]  # same sort date: ordered by id


def test_filter_values_are_bound_not_spliced(filled):
    assert filled.mentions(EventFilter(source="X' OR 1=1 --")) == []
    assert filled.mentions(EventFilter(text="' OR '1'='1")) == []
    assert count(filled, "event_mentions") == 4


def test_cursor_pagination_visits_every_row_once(store):
    docs = [
        document(f"doc{i}", f"Article number {i}.", [
            event(f"doc{i}", f"Article number {i}.", index=j, code="190", date=dt.date(2024, 1, 1 + i % 3))
            for j in range(3)
        ])
        for i in range(7)
    ]
    store.write(docs)
    for order in ("date", "-date"):
        everything = store.mentions(EventFilter(limit=1000, order=order))
        assert len(everything) == 21
        seen, cursor = [], None
        while True:
            page = store.mentions(EventFilter(limit=4, cursor=cursor, order=order))
            if not page:
                break
            assert len(page) <= 4
            seen += [r["mention_id"] for r in page]
            cursor = page[-1]["cursor"]
        assert seen == [r["mention_id"] for r in everything]
        dates = [r["date"] for r in everything]
        assert dates == sorted(dates, reverse=(order == "-date"))


def test_bad_cursor_is_rejected():
    with pytest.raises(ValidationError):
        EventFilter(cursor="not-a-cursor")


def merge(store: Store, event_id: str, mention_ids: list[str], representative: str) -> None:
    """Stand-in for dedup: one merged event over the given mentions."""
    store.con.execute(
        "INSERT INTO events (event_id, source_code, target_code, cameo_code, cameo_root, quad_class, modality, "
        "event_date, num_mentions, num_sources, num_articles, first_seen, last_seen, representative_mention) "
        "SELECT ?, source_code, target_code, cameo_code, cameo_root, quad_class, modality, event_date, ?, ?, ?, "
        "TIMESTAMP '2024-01-02 00:00:00', TIMESTAMP '2024-01-05 00:00:00', mention_id "
        "FROM event_mentions WHERE mention_id = ?",
        [event_id, len(mention_ids), 2, len(mention_ids), representative],
    )
    store.con.execute(
        "UPDATE event_mentions SET event_id = ? WHERE mention_id IN (SELECT unnest(?::VARCHAR[]))",
        [event_id, mention_ids],
    )


def test_events_merge_counts_and_unmerged_mentions(store):
    text_a, text_b = "Iraq attacked US forces.", "Iraqi forces attacked American troops."
    store.write([
        document("a", text_a, [event("a", text_a)], publisher="AP"),
        document("b", text_b, [event("b", text_b)], publisher="Reuters"),
        document("c", "US consulted Iraq.", [event("c", "US consulted Iraq.", code="040", source="USAGOV",
                                                    target="IRQGOV", date=dt.date(2024, 1, 5))]),
    ])
    ids = {r["doc_id"]: r["mention_id"] for r in store.mentions()}
    assert len(store.events()) == 3  # before dedup every mention is its own event
    merge(store, "EV1", [ids["a"], ids["b"]], ids["b"])
    events = store.events()
    assert [(e["event_id"], e["num_mentions"], e["num_sources"], e["doc_id"]) for e in events] == [
        ("EV1", 2, 2, "b"),
        (ids["c"], 1, 1, "c"),
    ]
    assert events[0]["first_seen"] == "2024-01-02T00:00:00"
    # An article filter finds the merged event through any of its mentions.
    assert [e["event_id"] for e in store.events(EventFilter(doc_id="a"))] == ["EV1"]
    detail = store.event("EV1")
    assert sorted(m["doc_id"] for m in detail["mentions"]) == ["a", "b"]
    assert {m["article"]["publisher"] for m in detail["mentions"]} == {"AP", "Reuters"}
    assert store.event(ids["a"])["event_id"] == "EV1"  # a mention id leads to its merged event
    assert store.event(ids["c"])["num_mentions"] == 1


def test_not_found(store):
    with pytest.raises(NotFoundError) as info:
        store.event("missing")
    assert info.value.code == "E404"
    with pytest.raises(NotFoundError):
        store.article("missing")


def test_article_and_stats(filled):
    article = filled.article("d2")
    assert article["text"] == "US consulted Iraq."
    assert article["pub_date"] == "2024-01-02"
    assert [s["text"] for s in article["sentences"]] == ["US consulted Iraq."]
    assert [e["cameo"]["code"] for e in article["events"]] == ["040", "111"]
    assert article["events"][0]["evidence"]["trigger_start"] == 5
    assert [a["code"] for a in article["actors"]] == ["USAGOV", "USAMIL"]
    stats = filled.stats()
    assert stats["tables"]["articles"] == 3
    assert stats["tables"]["event_mentions"] == 4
    assert stats["event_dates"] == {"min": "2024-01-01", "max": "2024-01-03", "distinct": 3}
    assert stats["merged"] is False


def test_same_doc_id_twice_in_a_batch_is_refused(store):
    with pytest.raises(StoreError):
        store.write([document("x", "One text."), document("x", "Another text.")])
    assert count(store, "articles") == 0


def test_cursor_store_sees_the_same_database(store):
    store.write([document("d1", "Iraq attacked US forces.")])
    twin = store.cursor()
    assert len(twin.mentions()) == 1
    twin.close()
    assert len(store.mentions()) == 1


def test_merged_event_without_representative_shows_one_of_its_mentions(store):
    store.write([document("a", "Iraq attacked US forces."), document("b", "Iraqi troops attacked US forces.")])
    ids = [r["mention_id"] for r in store.mentions()]
    merge(store, "EV1", ids, ids[0])
    store.con.execute("UPDATE events SET representative_mention = NULL")
    [merged] = store.events()
    assert merged["event_id"] == "EV1" and merged["num_mentions"] == 2
    assert merged["mention_id"] in ids
    assert [e["event_id"] for e in store.events(EventFilter(source="IRQ", root="19"))] == ["EV1"]


def test_merged_events_are_filtered_on_the_merged_row(store):
    store.write([document("a", "Iraq attacked US forces.")])
    [mention] = store.mentions()
    merge(store, "EV1", [mention["mention_id"]], mention["mention_id"])
    # Dedup may settle on other values than the representative's; filters follow the merged row.
    store.con.execute("UPDATE events SET cameo_code = '193', event_date = DATE '2024-05-05'")
    assert [e["event_id"] for e in store.events(EventFilter(cameo="193"))] == ["EV1"]
    assert store.events(EventFilter(cameo="190")) == []
    assert [e["event_id"] for e in store.events(EventFilter(since=dt.date(2024, 5, 1)))] == ["EV1"]


def _memory_limit_bytes(store: Store) -> float:
    (text,), = store.con.execute("SELECT current_setting('memory_limit')").fetchall()
    number, unit = text.split()
    return float(number) * {"KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40}[unit]


def test_a_database_file_bounds_duckdbs_memory(tmp_path):
    # DuckDB's default (80% of RAM) lets a long ingest grow with the database; a file gets the store's bound
    with Store(tmp_path / "bounded.duckdb") as bounded:
        assert _memory_limit_bytes(bounded) == pytest.approx(384 * 10**6, rel=0.01)
    with Store(tmp_path / "bounded.duckdb", memory_limit="1GB") as wider:
        assert _memory_limit_bytes(wider) == pytest.approx(10**9, rel=0.01)
    with Store(tmp_path / "bounded.duckdb", memory_limit=None) as default, Store() as in_memory:
        # no bound asked, and memory (whose data has nowhere else to go): DuckDB's own default, far above
        assert _memory_limit_bytes(default) == _memory_limit_bytes(in_memory) > 384 * 10**6


def test_dedup_keeps_the_stores_memory_bound(tmp_path):
    from brinkwatch.analyze.dedup import merge_new

    with Store(tmp_path / "bounded.duckdb") as bounded:
        bounded.write([document("d1", "Iraqi forces attacked US troops in Baghdad.", [event("d1", "Iraqi forces attacked US troops in Baghdad.")])])
        before = _memory_limit_bytes(bounded)
        merge_new(bounded.con)
        assert _memory_limit_bytes(bounded) == pytest.approx(before, rel=0.01)
        assert count(bounded, "events") == 1


def _long_articles(n_docs: int, per_doc: int) -> list[dict]:
    """Undated mentions of long articles (no date in the text, as in a long file cut into parts): the same-article
    pairs, each with its article's words, are what the dedup statements hold in memory."""
    import random

    rng = random.Random(14)
    vocabulary = [f"w{i:04d}x" for i in range(3000)]
    countries = ("AAA", "BBB", "CCC", "DDD", "EEE", "FFF")
    return [{"mention_id": f"m{d:05d}_{k:03d}", "doc_id": f"d{d:05d}", "source_country": countries[k % 3],
             "target_country": countries[3 + k % 3], "cameo_code": "042", "quad_class": 1,
             "evidence_text": " ".join(rng.choice(vocabulary) for _ in range(40))}
            for d in range(n_docs) for k in range(per_doc)]


@pytest.mark.slow
def test_dedup_fits_a_merge_that_outgrew_the_bound_in_it(tmp_path):
    # Issue 14: this merge ran out of DuckDB memory at 64MB in the pairs statement (E500) before pairs were
    # scored in shares within the bound, which is why dedup lifted the bound; now it fits and the bound stays.
    from brinkwatch.analyze.dedup import merge_new
    from brinkwatch.analyze.synthetic import insert_mentions

    path = tmp_path / "long.duckdb"
    with Store(path, memory_limit=None) as unbounded:
        insert_mentions(unbounded.con, _long_articles(300, 40))
    with Store(path, memory_limit="64MB") as bounded:
        result = merge_new(bounded.con)
        assert _memory_limit_bytes(bounded) == pytest.approx(64 * 10**6, rel=0.01)
        # each article's mentions of one dyad are one event: 300 articles x 3 dyads
        assert result.events_created == count(bounded, "events") == 900
        assert bounded.con.execute("SELECT count(*) FROM event_mentions WHERE event_id IS NULL").fetchall() == [(0,)]
