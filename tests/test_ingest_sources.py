"""RSS/Atom feeds and WARC archives: one article per entry/record, provenance, truncated input."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from brinkwatch.ingest import articles_from_feed, articles_from_warc
from brinkwatch.model import Article, DocumentError

DATA = Path(__file__).parent / "data" / "ingest"

PAGES = {
    "https://news.example/1": "Sudan and South Sudan signed an oil transit agreement in Addis Ababa on Monday.",
    "https://news.example/2": "Armenia accused Azerbaijan of shelling villages near the border on Tuesday night.",
    "https://news.example/3": "North Korea fired two ballistic missiles into the sea east of the peninsula.",
}


def _html(sentence: str) -> bytes:
    return (f"<html><head><title>t</title></head><body><nav><a href='/'>Home</a></nav><article><p>{sentence}</p>"
            f"</article><div id='comments'><p>Capybara fans say hi.</p></div></body></html>").encode()


def make_warc(*, gzip: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "brinkwatch tests"}))
    for uri, sentence in PAGES.items():
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(_html(sentence)),
                                           http_headers=headers,
                                           warc_headers_dict={"WARC-Date": "2024-02-03T04:05:06Z"})
        writer.write_record(record)
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example/logo.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG...."), http_headers=image))
    return buffer.getvalue()


def test_rss_entries_become_articles_with_provenance() -> None:
    results = list(articles_from_feed((DATA / "world_news.rss").read_bytes(), source="world_news.rss"))
    assert all(isinstance(r, Article) for r in results)
    first, second, third = results
    assert first.doc_id == "hg-2024-0412-001"
    assert first.text.startswith("Greece lodged a formal protest with Turkey on Friday")
    assert "Pelican" not in first.text and "Share this" not in first.text and "Tweet" not in first.text
    assert first.url == "https://harbourgazette.example/world/greece-protests-survey-ship"
    assert first.publisher == "Harbour Gazette World"
    assert first.author == "Nikos Papadakis"
    assert first.pub_date == dt.date(2024, 4, 12)
    assert first.source_format == "rss"
    assert second.syndicated_from == "Balkan Insight"
    assert second.text == "Serbia and Kosovo resumed talks in Brussels on Saturday under European Union mediation."
    # No body at all: the headline is the text.
    assert third.text == "Chad closes border with Sudan"
    assert third.doc_id == "https://harbourgazette.example/world/chad-closes-border"


def test_atom_entries_become_articles() -> None:
    results = list(articles_from_feed((DATA / "region.atom").read_bytes(), source="region.atom"))
    assert [r.doc_id for r in results] == ["urn:andes:2024:0601:peru-mexico", "urn:andes:2024:0602:bolivia-chile"]
    peru, bolivia = results
    assert peru.source_format == "atom"
    assert peru.publisher == "Andes Monitor"
    assert peru.author == "Lucia Fernandez"
    assert peru.pub_date == dt.date(2024, 6, 1)  # published, not updated
    assert peru.text.endswith("Mexico said it regretted the decision.")
    assert bolivia.pub_date == dt.date(2024, 6, 2)
    assert bolivia.text == "Bolivia and Chile agreed on Sunday to open talks on the shared Silala water basin."


@pytest.mark.parametrize("data", [b"this is not a feed at all < >", b"<?xml version='1.0'?><note>hi</note>",
                                  b"<rss><channel><title>Broken"])
def test_malformed_feed_is_one_e106(data: bytes) -> None:
    results = list(articles_from_feed(data, source="bad.rss"))
    assert len(results) == 1
    assert isinstance(results[0], DocumentError)
    assert (results[0].code, results[0].source) == ("E106", "bad.rss")


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_html_responses_become_articles(gzip: bool) -> None:
    results = list(articles_from_warc(io.BytesIO(make_warc(gzip=gzip)), source="crawl.warc"))
    assert [r.doc_id for r in results] == list(PAGES)
    for article in results:
        assert isinstance(article, Article)
        assert article.text == PAGES[article.doc_id]
        assert article.url == article.doc_id
        assert article.source_format == "warc"
        assert article.source_path == "crawl.warc"
        assert article.fetched_at == dt.datetime(2024, 2, 3, 4, 5, 6, tzinfo=dt.UTC)
        assert article.pub_date == dt.date(2024, 2, 3)


@pytest.mark.parametrize("gzip", [False, True])
@pytest.mark.parametrize("cut", [40, 200])
def test_truncated_warc_keeps_earlier_records_and_reports_e106(gzip: bool, cut: int) -> None:
    data = make_warc(gzip=gzip)
    # Drop the image record, then cut the last HTML record short.
    full = list(articles_from_warc(io.BytesIO(data), source="crawl.warc"))
    assert len(full) == 3
    end_of_third = _record_end(data, gzip=gzip, index=3)
    truncated = data[: end_of_third - cut]
    results = list(articles_from_warc(io.BytesIO(truncated), source="crawl.warc"))
    assert [r.doc_id for r in results if isinstance(r, Article)] == list(PAGES)[:2]
    errors = [r for r in results if isinstance(r, DocumentError)]
    assert len(errors) == 1
    assert (errors[0].code, errors[0].source, errors[0].line) == ("E106", "crawl.warc", 4)


def _record_end(data: bytes, *, gzip: bool, index: int) -> int:
    from warcio.archiveiterator import ArchiveIterator

    iterator = ArchiveIterator(io.BytesIO(data))
    for number, _record in enumerate(iterator):
        if number == index:
            return iterator.get_record_offset() + iterator.get_record_length()
    raise AssertionError("record not found")


def _single_page_warc(body: bytes, content_type: str) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example/cp", "response",
                                                  payload=io.BytesIO(body), http_headers=headers))
    return buffer.getvalue()


def test_warc_page_is_decoded_with_the_charset_the_server_declared() -> None:
    sentence = "Côte d\u2019Ivoire\u2019s president met Ghana\u2019s president in Abidjan on Friday to discuss border security."
    body = f"<html><body><article><p>{sentence}</p></article></body></html>".encode("cp1252")
    (article,) = articles_from_warc(io.BytesIO(_single_page_warc(body, "text/html; charset=windows-1252")),
                                    source="cp.warc")
    assert article.text == sentence


def test_warc_file_is_streamed_and_the_size_limit_applies_per_record(tmp_path: Path) -> None:
    from brinkwatch.ingest import read_paths

    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(make_warc(gzip=True))
    # The whole file is over the limit, each page is under it: all pages are read.
    assert path.stat().st_size > 600
    assert [r.doc_id for r in read_paths([path], max_bytes=600)] == list(PAGES)
    # A limit under the size of one page turns each page record into an E104 and goes on.
    results = list(read_paths([path], max_bytes=100))
    assert [(r.code, r.line) for r in results] == [("E104", 2), ("E104", 3), ("E104", 4)]
