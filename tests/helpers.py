"""Helpers shared by the coder tests (imported as `helpers`: pytest puts tests/ on sys.path)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def code_sentence(coder, text: str, date: str = "2020-01-10"):
    """Code one sentence as an article of its own and return its events."""
    import datetime as dt

    from brinkwatch.model import Article

    article = Article(doc_id="t", text=text, pub_date=dt.date.fromisoformat(date))
    return list(next(coder.code_articles([article])).events)


def triples(events, *, level: str = "code") -> set[tuple]:
    """(source code, target code or None, CAMEO code) of events that are asserted as happening or not."""
    out = set()
    for ev in events:
        code = ev.cameo.code if level == "code" else ev.cameo.root
        out.add((ev.source.code if ev.source else None, ev.target.code if ev.target else None, code, ev.modality))
    return out


def merged_events(con) -> list[list[str]]:  # noqa: ANN001 - a duckdb connection
    """Each stored event as the sorted list of its mention ids, the lists sorted (what a dedup test compares)."""
    return sorted(sorted(ms) for (ms,) in con.sql("SELECT list(mention_id) FROM event_mentions GROUP BY event_id")
                  .fetchall())


@contextmanager
def serve_feed(body: bytes, etag: str | None = None) -> Iterator[str]:
    """A feed served on loopback for the life of the block; yields its URL."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            if etag is not None:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/atom"
    finally:
        server.shutdown()
        server.server_close()


def assert_blind_floor(folder, coder, corpus: str, floor: dict[str, float]) -> None:
    """A blind set's dyad_root F1, core-happening recall and place-country rate of found events are at least
    ``floor``'s (the floor a little under the score measured when a round's changes were finished)."""
    from brinkwatch.evaluate import evaluate_articles, load_articles

    result = evaluate_articles(load_articles(folder), coder, corpus=corpus)
    scores = result.report.per_corpus[corpus]
    assert scores.levels["dyad_root"].f1 >= floor["dyad_root_f1"], scores.flat()
    assert result.core.recall >= floor["core_recall"], result.core.to_json()
    place = result.attributes.to_json()["place_country"]
    assert place["rate"] >= floor["place_country"], place


# --- blind sets (tests/data/blind2, blind3, ...): the checks each set's frozen test makes -------------------
BLIND_REGIONS = {"africa", "latam", "sasia", "europe", "mideast", "eastasia"}
BLIND_GENRES = {"wire", "monitor", "release", "opinion", "liveblog", "statement", "feature"}
HOUSE_MODALITIES = {"asserted", "negated", "planned", "conditional", "hypothetical", "claimed", "denied",
                    "threatened", "requested", "refused"}
FRAME_ROOTS = {"requested": ("02", "10"), "refused": ("12",), "threatened": ("13",)}


def blind_digest(folder) -> str:
    """SHA-256 over every article and label file of a blind set, names included (what freezes the set)."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".jsonl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def assert_blind_coverage(folder, articles: int, per_region: int, min_per_genre: int) -> None:
    """``articles`` NN_region_genre_slug articles, each with its labels, every region ``per_region`` times and
    every genre at least ``min_per_genre`` times."""
    from collections import Counter

    names = sorted(p.name[: -len(".txt")] for p in folder.glob("*.txt"))
    assert len(names) == articles
    assert {p.name[: -len(".expected.jsonl")] for p in folder.glob("*.expected.jsonl")} == set(names)
    parts = [name.split("_") for name in names]
    assert {p[1] for p in parts} == BLIND_REGIONS
    assert {p[2] for p in parts} == BLIND_GENRES
    assert set(Counter(p[1] for p in parts).values()) == {per_region}
    assert min(Counter(p[2] for p in parts).values()) >= min_per_genre


def assert_blind_labels_locatable(folder, articles: int, min_events: int) -> None:
    """Every label's trigger stands exactly once in its article and its code is in the code book."""
    from brinkwatch.evaluate import load_articles
    from brinkwatch.ontology import Ontology

    codes = set(Ontology.load().codes())
    golds = load_articles(folder)
    assert len(golds) == articles
    assert sum(len(g.events) for g in golds) >= min_events
    for gold in golds:
        assert gold.article.pub_date is not None, gold.name
        for event in gold.events:
            assert gold.article.text.count(event.trigger) == 1, (gold.name, event.trigger)
            assert event.cameo in codes, (gold.name, event.cameo)


def assert_blind_house_lines(folder, keys: set[str] = frozenset(), flags: tuple[str, ...] = ("core",)) -> None:
    """Every label line has ``keys``, boolean ``flags``, a house modality, and the modality its root frames
    (02/10 requested, 12 refused, 13 threatened); every article has a core line (news of its own)."""
    import json

    for path in sorted(folder.glob("*.expected.jsonl")):
        name = path.name[: -len(".expected.jsonl")]
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert lines, name
        assert any(line["core"] for line in lines), name
        for line in lines:
            assert keys <= set(line), (name, line["trigger"])
            for flag in flags:
                assert isinstance(line.get(flag), bool), (name, line["trigger"], flag)
            assert line["modality"] in HOUSE_MODALITIES, (name, line["trigger"])
            frame = next((m for m, roots in FRAME_ROOTS.items() if line["cameo"][:2] in roots), None)
            if line["modality"] in FRAME_ROOTS or frame:
                assert line["modality"] == frame, (name, line["trigger"], line["cameo"], line["modality"])
