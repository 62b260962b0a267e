"""brinkwatch.ingest: sources (text, HTML, RSS/Atom, JSON Lines, WARC, stdin) to ``Article`` records.

Every reader strips boilerplate (comment sections, share buttons, cookie notices, bylines; markers in
``data/boilerplate.yaml``), records provenance (url, publisher, author, date, republication source) and
turns a bad document into a numbered ``DocumentError`` (E101-E107) instead of stopping the batch.
``fetch_url`` (in ``fetch``) does the conditional GET the feed watcher needs.
"""

from __future__ import annotations

import importlib
from typing import Any

# Each name is imported from its module on first use (PEP 562): ``from brinkwatch.ingest import read_paths``
# for a folder of text files then loads no HTML, feed, WARC or HTTP library.
_HOMES = {
    "FetchResult": "fetch", "fetch_url": "fetch",
    "article_from_html": "html", "html_to_text": "html",
    "article_from_text": "text",
    "articles_from_feed": "feed",
    "articles_from_jsonl": "jsonl",
    "articles_from_warc": "warc",
    "check_english": "clean", "clean_text": "clean", "split_syndication": "clean",
    "read_paths": "paths",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])


__all__ = [
    "FetchResult",
    "article_from_html",
    "article_from_text",
    "articles_from_feed",
    "articles_from_jsonl",
    "articles_from_warc",
    "check_english",
    "clean_text",
    "fetch_url",
    "html_to_text",
    "read_paths",
    "split_syndication",
]
