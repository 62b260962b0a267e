"""Helpers shared by the coder tests (imported as `helpers`: pytest puts tests/ on sys.path)."""

from __future__ import annotations


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
