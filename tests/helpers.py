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
