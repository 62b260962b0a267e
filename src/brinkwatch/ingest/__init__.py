"""brinkwatch.ingest: sources (text, HTML, RSS/Atom, JSON Lines, WARC, stdin) to ``Article`` records.

Every reader strips boilerplate (comment sections, share buttons, cookie notices, bylines; markers in
``data/boilerplate.yaml``), records provenance (url, publisher, author, date, republication source) and
turns a bad document into a numbered ``DocumentError`` (E101-E107) instead of stopping the batch.
``fetch_url`` (in ``fetch``) does the conditional GET the feed watcher needs.
"""

from brinkwatch.ingest.clean import check_english, clean_text, split_syndication
from brinkwatch.ingest.feed import articles_from_feed
from brinkwatch.ingest.fetch import FetchResult, fetch_url
from brinkwatch.ingest.html import article_from_html, html_to_text
from brinkwatch.ingest.jsonl import articles_from_jsonl
from brinkwatch.ingest.paths import read_paths
from brinkwatch.ingest.text import article_from_text
from brinkwatch.ingest.warc import articles_from_warc

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
