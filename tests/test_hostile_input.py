"""Hostile input costs bounded time and fetches nothing: SSRF through page bodies, feeds read entry by entry,
truncated feeds and entity bombs reported, errors recorded once, symlink loops named."""

from __future__ import annotations

import threading
import time
import warnings
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from brinkwatch.api import create_app
from brinkwatch.config import Settings
from brinkwatch.errors import BrinkwatchError
from brinkwatch.ingest import article_from_html, articles_from_feed, read_paths
from brinkwatch.model import Article, DocumentError
from brinkwatch.pipeline.ingestion import ingest_paths
from brinkwatch.store import Store
from test_api import HTTPX_WARNING
from test_api_support import CountingFactory, FakeCoder

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=HTTPX_WARNING)
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.filterwarnings(f"ignore:{HTTPX_WARNING}")


class _Recorder(BaseHTTPRequestHandler):
    hits: list[str] = []

    def log_message(self, *args: object) -> None:
        return

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        type(self).hits.append(self.path)
        body = (b"<html><head><meta property='article:published_time' content='2001-02-03'></head>"
                b"<body><p>Secret internal page.</p></body></html>")
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def internal_url() -> Iterator[str]:
    """A server on loopback standing for an internal service that no input may make brinkwatch call."""
    _Recorder.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/x"
    finally:
        server.shutdown()
        server.server_close()


# --- server-side request forgery ------------------------------------------------------------------------
def test_a_page_body_that_is_a_url_is_not_fetched_by_the_html_reader(internal_url: str) -> None:
    try:
        article = article_from_html(internal_url, doc_id="d")
    except BrinkwatchError:
        article = None  # refusing the text is fine too; fetching it is not
    assert _Recorder.hits == []
    assert article is None or article.pub_date is None


def test_post_code_with_a_url_as_html_fetches_nothing(internal_url: str, tmp_path: Path) -> None:
    app = create_app(tmp_path / "api.duckdb", settings=Settings(api_token=None), coder_factory=CountingFactory())
    with TestClient(app) as client:
        response = client.post("/v1/code", json={"html": internal_url, "date": "2024-01-01"})
        assert response.status_code in (200, 422)
        page = "<html><body><p>Iraq attacked US forces in Baghdad on Monday, officials said.</p></body></html>"
        assert client.post("/v1/code", json={"html": page, "url": internal_url}).status_code == 200
    assert _Recorder.hits == []


def test_ingesting_a_file_that_holds_a_url_fetches_nothing(internal_url: str, tmp_path: Path) -> None:
    page = tmp_path / "link.html"
    page.write_text(internal_url)
    with Store() as store:
        ingest_paths(store, FakeCoder(), [page])
        dates = store.con.execute("SELECT pub_date FROM articles").fetchall()
    assert _Recorder.hits == []
    assert dates in ([], [(None,)])  # never the internal page's 2001-02-03


# --- feeds, entry by entry --------------------------------------------------------------------------------
def _rss(*items: str) -> bytes:
    return ("<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>" + "".join(items)
            + "</channel></rss>").encode("utf-8", "surrogatepass")


def _item(guid: str, text: str) -> str:
    return f"<item><title>Story {guid}</title><guid>{guid}</guid><description>{text}</description></item>"


GOOD_A = _item("a", "Iran's foreign minister met his Iraqi counterpart in Baghdad on Monday.")
GOOD_C = _item("c", "France and Germany signed a trade agreement in Paris on Wednesday.")


def _read(data: bytes) -> tuple[list[Article], list[DocumentError]]:
    items = list(articles_from_feed(data, source="feed.xml"))
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, DocumentError)])


@pytest.mark.parametrize("bad", [
    _item("b", "Turkey criticised \x1b Greece over the islands on Tuesday."),
    _item("b", "&lt;p&gt;Turkey criticised \x1b Greece over the islands.&lt;/p&gt;"),
    _item("b", "&lt;p&gt;Turkey &#xD800; criticised Greece over the islands.&lt;/p&gt;"),  # lone surrogate
    "<item><title>Story b &#55296;</title><guid>b</guid><description>Turkey criticised Greece.</description></item>",
])
def test_one_bad_entry_costs_that_entry_at_most(bad: str) -> None:
    articles, errors = _read(_rss(GOOD_A, bad, GOOD_C))
    ids = [a.doc_id for a in articles]
    assert ids[0] == "a" and ids[-1] == "c"
    assert len(ids) + len(errors) == 3
    assert all(e.line == 2 and e.code == "E106" for e in errors)


def test_a_truncated_feed_keeps_its_complete_entries_and_says_it_was_cut() -> None:
    whole = _rss(GOOD_A, _item("b", "Turkey criticised Greece over the islands on Tuesday."), GOOD_C)
    articles, errors = _read(whole[: whole.index(b"<guid>c") + 10])
    assert [a.doc_id for a in articles] == ["a", "b"]  # no title-only article for the cut entry
    assert [(e.code, e.line) for e in errors] == [("E110", 3)]
    articles, errors = _read(whole[: whole.index(b"</channel>")])
    assert [a.doc_id for a in articles] == ["a", "b", "c"]
    assert [e.code for e in errors] == ["E110"]


def test_an_entity_bomb_is_reported_and_not_expanded() -> None:
    levels = ['<!ENTITY a "' + "a" * 50 + '">'] + [
        f'<!ENTITY {name} "' + f"&{prev};" * 10 + '">' for prev, name in zip("abcde", "bcdef", strict=True)]
    data = ("<?xml version='1.0'?><!DOCTYPE rss [" + "".join(levels) + "]><rss version='2.0'><channel>"
            "<title>T</title><item><guid>x</guid><description>Iran attacked Iraq. &f;</description></item>"
            "</channel></rss>").encode()
    assert len(data) < 1000
    started = time.process_time()
    articles, errors = _read(data)
    assert time.process_time() - started < 5
    assert [e.code for e in errors] == ["E111"]
    assert all(len(a.text) < 1000 for a in articles)


def test_many_unclosed_entries_are_scanned_in_linear_time() -> None:
    data = b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>" + b"<item " * 50_000
    # CPU time, here and below: on a busy shared machine wall-clock time was 10x it (0.8 s CPU, 9.8 s wall)
    started = time.process_time()
    articles, errors = _read(data)
    assert time.process_time() - started < 10
    assert articles == [] and errors


# --- errors recorded once; symlink loops ------------------------------------------------------------------
def test_rerunning_an_ingest_does_not_record_the_same_errors_again(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "empty.txt").write_text("")
    (news / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (news / "good.txt").write_text("Iraq attacked US forces in Baghdad on Monday, officials said.")
    with Store(tmp_path / "db.duckdb") as store:
        first = ingest_paths(store, FakeCoder(), [news])
        second = ingest_paths(store, FakeCoder(), [news])
        rows = store.con.execute("SELECT source, code FROM ingest_errors ORDER BY source").fetchall()
    assert len(first.errors) == len(second.errors) == 2  # each run still reports them
    assert rows == [(str(news / "binary.txt"), "E102"), (str(news / "empty.txt"), "E101")]


def test_a_symlink_loop_given_directly_says_so(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    (error,) = list(read_paths([loop]))
    assert isinstance(error, DocumentError)
    assert "symbolic link" in error.message and "no such file" not in error.message


# --- mixed languages, long documents -------------------------------------------------------------------------
ENGLISH_1 = ("The defence ministers of Chile and Peru met in Lima on Thursday and agreed to hold joint naval "
             "exercises next spring, according to a statement released after the talks.")
SPANISH = ("El gobierno de Bolivia anunció el martes que no participará en las maniobras, y el ministro dijo que "
           "la decisión se tomó después de una larga reunión con los mandos del ejército en la capital.")
ENGLISH_2 = ("Officials in Santiago said the exercises would focus on search and rescue at sea and that a "
             "second round of talks is planned for the end of the year.")
PORTUGUESE = ("O presidente do Brasil disse que o seu país vai acompanhar os exercícios com interesse e que não "
              "tem planos de enviar navios para a região neste momento.")


def test_a_mixed_language_article_keeps_its_english_paragraphs_and_reports_the_others(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_text("\n\n".join([ENGLISH_1, SPANISH, ENGLISH_2, PORTUGUESE]))
    items = list(read_paths([path]))
    (article,) = [i for i in items if isinstance(i, Article)]
    (note,) = [i for i in items if isinstance(i, DocumentError)]
    assert article.text.split("\n") == [ENGLISH_1, ENGLISH_2]
    assert note.code == "E105" and "paragraphs 2, 4 of 4" in note.message and note.source == str(path)


def test_a_text_with_no_english_paragraph_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "foreign.txt"
    path.write_text("\n\n".join([SPANISH, PORTUGUESE]))
    (error,) = list(read_paths([path]))
    assert isinstance(error, DocumentError) and error.code == "E105"


def test_max_chars_raises_the_length_limit(monkeypatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    import brinkwatch.cli.storage as storage
    from brinkwatch.cli import app
    from fakes import MisbehavingCoder

    built: list[Settings] = []

    def make_coder(settings: Settings) -> MisbehavingCoder:
        built.append(settings)
        return MisbehavingCoder()

    monkeypatch.setattr(storage, "make_coder", make_coder)
    path = tmp_path / "long.txt"
    path.write_text((ENGLISH_1 + "\n") * 400)  # about 70,000 characters
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "bw.duckdb"), "--max-chars",
                                      "100000", "--doc-timeout", "0"])
    assert result.exit_code == 0, result.output
    assert built[0].max_chars == 100_000 and built[0].doc_timeout_s is None


def test_a_long_text_file_is_streamed_and_coded_in_parts_of_whole_paragraphs(monkeypatch, tmp_path: Path) -> None:
    import brinkwatch.ingest.paths as paths
    import brinkwatch.ingest.stream as stream

    monkeypatch.setattr(paths, "STREAM_BYTES", 1000)
    monkeypatch.setattr(stream, "PART_CHARS", 600)
    paragraphs = [f"Report {i}: {ENGLISH_1}" for i in range(40)]
    path = tmp_path / "long.txt"
    path.write_text("Title: A long file\nDate: 2024-02-03\n\n" + "\n\n".join(paragraphs) + "\n")
    items = list(read_paths([path]))
    assert all(isinstance(i, Article) for i in items)
    assert [a.doc_id for a in items] == [f"long#{n}" for n in range(1, len(items) + 1)] and len(items) > 10
    assert all(len(a.text) <= 600 and a.title == "A long file" for a in items)
    assert {a.pub_date.isoformat() for a in items} == {"2024-02-03"}
    # Cut at paragraph breaks only: every paragraph is in exactly one part, whole.
    found = [p for a in items for p in a.text.split("\n") if p.strip()]
    assert found == paragraphs


def test_a_long_run_without_any_break_is_cut_and_read_in_bounded_pieces(monkeypatch, tmp_path: Path) -> None:
    import brinkwatch.ingest.paths as paths
    import brinkwatch.ingest.stream as stream

    monkeypatch.setattr(paths, "STREAM_BYTES", 1000)
    monkeypatch.setattr(stream, "PART_CHARS", 5000)
    path = tmp_path / "flood.txt"
    path.write_text(ENGLISH_1 + " " + "!" * 200_000 + " " + ENGLISH_2)
    started = time.process_time()
    items = list(read_paths([path]))
    assert time.process_time() - started < 10
    assert len(items) >= 40
    assert all(len(i.text) <= 5000 for i in items if isinstance(i, Article))
    assert items[0].doc_id == "flood#1" and ENGLISH_1 in items[0].text


def test_a_terse_english_wire_lead_is_kept(tmp_path: Path) -> None:
    # one English function word in 19: still English, and the rest of the article is plainly English
    lead = ("BEIRUT, Oct 2 (Levant Wire) - Israeli warplanes struck Beirut's southern suburbs yesterday, injuring "
            "14 people, Lebanon's health ministry said.")
    path = tmp_path / "terse.txt"
    path.write_text("\n\n".join([lead, ENGLISH_1, ENGLISH_2]))
    items = list(read_paths([path]))
    (article,) = items
    assert isinstance(article, Article) and article.text.split("\n")[0] == lead
