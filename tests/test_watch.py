"""Feed watcher against a local http.server: conditional GETs, page fetches, backoff, new items, bad XML."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from brinkwatch.ingest import FetchResult
from brinkwatch.model import Article, CodedDocument, Sentence
from brinkwatch.pipeline.watch import (
    FeedOutcome,
    backoff_seconds,
    guarded_fetch,
    parse_every,
    read_feed_list,
    watch_feeds,
)
from brinkwatch.store import Store
from brinkwatch.store.feeds import feed_states
from test_store_helpers import event

LOCAL = {"allow_private": True}  # the test site listens on loopback, which the watcher refuses by default

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body}</p>
<p>Officials in the capital said the talks would continue next week, and diplomats from both
countries described the meeting as frank and useful for the region.</p>
</article></body></html>"""


def rss(items: list[tuple[str, str]]) -> bytes:
    """An RSS feed whose items carry only a one-line summary and a link to the full page."""
    body = "".join(f"<item><title>{title}</title><link>{{base}}/page/{slug}</link><guid>urn:{slug}</guid>"
                   f"<description>Summary of {title}.</description><pubDate>Mon, 05 Jan 2026 10:00:00 GMT"
                   f"</pubDate></item>" for slug, title in items)
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>{body}</channel></rss>".encode()


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Post</title><id>urn:atom</id>
<updated>2026-01-06T10:00:00Z</updated>
<entry><title>Parliament votes</title><id>urn:atom-1</id><updated>2026-01-06T10:00:00Z</updated>
<link href="https://atom.example/1"/>
<content type="html">&lt;p&gt;The Iraqi parliament voted on Monday to ask foreign troops to leave the country,
lawmakers said after a long session in Baghdad.&lt;/p&gt;</content></entry></feed>"""


@dataclass
class Site:
    """What the local server serves; tests change it between cycles."""

    feeds: dict[str, tuple[int, bytes]] = field(default_factory=dict)  # path -> (status, body)
    pages: dict[str, str] = field(default_factory=dict)  # slug -> body sentence
    requests: Counter = field(default_factory=Counter)
    conditional: list[tuple[str, str | None]] = field(default_factory=list)  # (path, If-None-Match)
    base: str = ""


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            site.requests[self.path] += 1
            if self.path in site.feeds:
                status, body = site.feeds[self.path]
                body = body.replace(b"{base}", site.base.encode())
                etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
                site.conditional.append((self.path, self.headers.get("If-None-Match")))
                if status == 200 and self.headers.get("If-None-Match") == etag:
                    self._send(304, b"", {"ETag": etag})
                else:
                    self._send(status, body if status == 200 else b"oops", {"ETag": etag} if status == 200 else {})
            elif self.path.startswith("/page/") and self.path[6:] in site.pages:
                slug = self.path[6:]
                html = PAGE.format(title=f"Story {slug}", body=site.pages[slug])
                self._send(200, html.encode(), {"Content-Type": "text/html"})
            else:
                self._send(404, b"missing", {})

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


class FakeCoder:
    """One assault event IRQGOV -> USAGOV per article, with the article's first 80 characters as evidence."""

    def __init__(self) -> None:
        self.coded: list[str] = []

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedDocument]:
        for article in articles:
            self.coded.append(article.doc_id)
            yield CodedDocument(
                article=article,
                sentences=(Sentence(doc_id=article.doc_id, index=0, start=0, end=len(article.text),
                                    text=article.text),),
                events=(event(article.doc_id, article.text[:80]),),
            )


class FakeClock:
    """Naive-UTC clock that only moves when the watcher sleeps."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 1, 5, 12, 0, 0)
        self.slept: list[float] = []

    def __call__(self) -> dt.datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += dt.timedelta(seconds=seconds)


STRIKE = "A drone strike hit a convoy near Baghdad airport on Friday, killing an Iranian general and four others."
VOTE = "Lawmakers in Baghdad voted to demand that American troops leave Iraq, a move Washington condemned."


def test_first_cycle_stores_pages_and_second_cycle_is_not_modified(site: Site) -> None:
    site.feeds["/rss"] = (200, rss([("strike", "Drone strike"), ("vote", "Parliament vote")]))
    site.feeds["/atom"] = (200, ATOM)
    site.pages.update(strike=STRIKE, vote=VOTE)
    feeds = [f"{site.base}/rss", f"{site.base}/atom"]
    coder, clock = FakeCoder(), FakeClock()
    with Store() as store:
        first = watch_feeds(store, coder, feeds, every_s=60, once=True, clock=clock, sleep=clock.sleep, **LOCAL)
        assert (first.cycles, first.fetched, first.articles_added, first.errors) == (1, 2, 3, 0)
        texts = dict(store.con.execute("SELECT doc_id, text FROM articles").fetchall())
        # Summary-only RSS items were replaced by their linked pages; the Atom entry kept its content.
        assert STRIKE in texts["urn:strike"] and VOTE in texts["urn:vote"]
        assert "Summary of" not in texts["urn:strike"]
        assert texts["urn:atom-1"].startswith("The Iraqi parliament voted")
        assert site.requests["/page/strike"] == 1 and site.requests["/page/vote"] == 1

        second = watch_feeds(store, coder, feeds, every_s=60, max_cycles=1, clock=clock, sleep=clock.sleep, **LOCAL)
        assert (second.not_modified, second.fetched, second.articles_added) == (2, 0, 0)
        assert [h for p, h in site.conditional if p == "/rss"][1] is not None  # If-None-Match was sent
        assert site.requests["/page/strike"] == 1
        assert store.con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 3
        assert len(coder.coded) == 3
        states = {s.url: s for s in feed_states(store)}
        assert states[feeds[0]].etag and states[feeds[0]].consecutive_failures == 0


def test_failing_feed_is_backed_off_while_the_other_proceeds(site: Site) -> None:
    site.feeds["/down"] = (500, b"")
    site.feeds["/atom"] = (200, ATOM)
    feeds = [f"{site.base}/down", f"{site.base}/atom"]
    clock = FakeClock()
    seen: list[tuple[int, FeedOutcome]] = []
    with Store() as store:
        report = watch_feeds(store, FakeCoder(), feeds, every_s=60, max_cycles=4, clock=clock, sleep=clock.sleep, **LOCAL,
                             on_feed=lambda cycle, outcome: seen.append((cycle, outcome)))
        statuses = [(cycle, o.url.rsplit("/", 1)[1], o.status) for cycle, o in seen]
        # 1 fail -> wait 2 intervals; cycle 3 fails again -> wait 4 intervals, so cycle 4 is deferred too.
        assert [s for s in statuses if s[1] == "down"] == [
            (1, "down", "failed"), (2, "down", "deferred"), (3, "down", "failed"), (4, "down", "deferred")]
        assert [s[2] for s in statuses if s[1] == "atom"] == ["fetched", "not_modified", "not_modified",
                                                              "not_modified"]
        assert site.requests["/down"] == 2
        assert (report.cycles, report.failed, report.deferred, report.articles_added) == (4, 2, 2, 1)
        assert clock.slept == [60, 60, 60]
        down = {s.url: s for s in feed_states(store)}[feeds[0]]
        assert down.consecutive_failures == 2 and down.last_error.startswith("E108")
        assert down.next_attempt == dt.datetime(2026, 1, 5, 12, 2) + dt.timedelta(seconds=240)
        logged = store.con.execute("SELECT source, code FROM ingest_errors").fetchall()
        assert logged == [(feeds[0], "E108")]  # the same failure is kept once; feed_state counts attempts

        # A restart remembers the backoff: a --once run before next_attempt leaves the feed alone.
        clock.now = dt.datetime(2026, 1, 5, 12, 4)
        again = watch_feeds(store, FakeCoder(), feeds[:1], every_s=60, once=True, clock=clock, **LOCAL)
        assert again.deferred == 1 and site.requests["/down"] == 2
        # Back up: fetched, and the failure count is reset.
        site.feeds["/down"] = (200, ATOM.replace(b"urn:atom-1", b"urn:atom-2"))
        clock.now = dt.datetime(2026, 1, 5, 12, 6)
        watch_feeds(store, FakeCoder(), feeds[:1], every_s=60, once=True, clock=clock, **LOCAL)
        assert {s.url: s for s in feed_states(store)}[feeds[0]].consecutive_failures == 0


def test_new_item_is_picked_up_next_cycle_and_merged(site: Site) -> None:
    site.feeds["/rss"] = (200, rss([("strike", "Drone strike")]))
    site.pages.update(strike=STRIKE, again="Reports from Baghdad confirmed the drone strike near the airport, "
                                           "which killed an Iranian general, officials said.")
    feeds = [f"{site.base}/rss"]
    coder, clock = FakeCoder(), FakeClock()
    with Store() as store:
        watch_feeds(store, coder, feeds, every_s=60, once=True, clock=clock, **LOCAL)
        site.feeds["/rss"] = (200, rss([("again", "Strike confirmed"), ("strike", "Drone strike")]))
        report = watch_feeds(store, coder, feeds, every_s=60, once=True, clock=clock, **LOCAL)
        assert (report.fetched, report.articles_added) == (1, 1)
        assert coder.coded == ["urn:strike", "urn:again"]  # the old entry is not fetched or coded again
        assert site.requests["/page/strike"] == 1
        rows = store.con.execute("SELECT num_mentions, num_articles FROM events").fetchall()
        assert rows == [(2, 2)]  # the new article's mention joined the known event


def test_malformed_xml_is_an_error_and_the_cycle_goes_on(site: Site) -> None:
    site.feeds["/broken"] = (200, b"<?xml version='1.0'?><rss><channel><item><title>Unclosed")
    site.feeds["/atom"] = (200, ATOM)
    feeds = [f"{site.base}/broken", f"{site.base}/atom"]
    with Store() as store:
        report = watch_feeds(store, FakeCoder(), feeds, every_s=900, once=True, **LOCAL)
        assert [o.status for o in report.last_cycle] == ["failed", "fetched"]
        assert report.last_cycle[0].errors[0].code == "E106"
        assert report.articles_added == 1
        broken = {s.url: s for s in feed_states(store)}[feeds[0]]
        assert broken.last_error.startswith("E106") and broken.etag is None


def test_unreachable_feed_is_a_fetch_error() -> None:
    with Store() as store:
        report = watch_feeds(store, FakeCoder(), ["http://127.0.0.1:9/feed"], every_s=30, once=True, **LOCAL)
        assert report.failed == 1 and report.last_cycle[0].errors[0].code == "E108"


def test_intervals_feed_lists_and_backoff(tmp_path) -> None:
    assert [parse_every(t) for t in ("30s", "15m", "1h", "2d", "45")] == [30, 900, 3600, 172800, 45]
    for bad in ("", "15x", "-1m", "0s", "m"):
        with pytest.raises(ValueError):
            parse_every(bad)
    path = tmp_path / "feeds.txt"
    path.write_text("# my feeds\nhttps://a.example/rss\n\n  https://b.example/feed#main \n# https://c.example\n"
                    "https://a.example/rss\n")
    assert read_feed_list(path) == ["https://a.example/rss", "https://b.example/feed#main"]
    assert [backoff_seconds(900, n) for n in (1, 2, 3)] == [1800, 3600, 7200]
    assert backoff_seconds(900, 40) == 24 * 3600


def test_watch_command_runs_once_and_reports(site: Site, tmp_path, monkeypatch) -> None:
    from typer.testing import CliRunner

    import brinkwatch.cli.storage as storage_cli
    from brinkwatch.cli import app

    monkeypatch.setattr(storage_cli, "make_coder", lambda settings: FakeCoder())
    site.feeds["/atom"] = (200, ATOM)
    site.feeds["/down"] = (503, b"")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# test feeds\n{site.base}/atom\n\n{site.base}/down\n")
    db = tmp_path / "watch.duckdb"
    runner = CliRunner()
    first = runner.invoke(app, ["watch", str(feeds), "--db", str(db), "--once", "--every", "30s",
                                "--allow-private-addresses"])
    assert first.exit_code == 2  # a feed failed
    assert "fetched 1, not modified 0, failed 1" in first.stdout and "added 1 articles" in first.stdout
    assert "down" in first.stderr and "E108" in first.stderr
    # A second --once run (a restart) is answered 304 for one feed and leaves the backed-off one alone.
    second = runner.invoke(app, ["watch", str(feeds), "--db", str(db), "--once", "--allow-private-addresses"])
    assert "not modified 1, failed 0, backed off 1" in second.stdout, second.stdout
    assert site.requests["/down"] == 1
    bad = runner.invoke(app, ["watch", str(feeds), "--db", str(db), "--every", "soon"])
    assert bad.exit_code == 1 and "--every" in bad.stderr


def test_a_database_given_by_path_is_closed_between_cycles(site: Site, tmp_path) -> None:
    site.feeds["/atom"] = (200, ATOM)
    db = tmp_path / "watch.duckdb"
    clock = FakeClock()
    between: list[int] = []

    def read_while_sleeping(seconds: float) -> None:
        # Another process (here: another connection of a different mode) can open the file now.
        with Store(db, read_only=True) as reader:
            between.append(reader.con.execute("SELECT count(*) FROM articles").fetchall()[0][0])
        clock.sleep(seconds)

    report = watch_feeds(db, FakeCoder(), [f"{site.base}/atom"], every_s=60, max_cycles=2, clock=clock,
                         sleep=read_while_sleeping, **LOCAL)
    assert between == [1] and (report.fetched, report.not_modified) == (1, 1)


def test_feeds_and_linked_pages_on_private_addresses_are_not_fetched_by_default(site: Site) -> None:
    """A feed is untrusted: an entry linking to this machine must not make the watcher fetch it (E109)."""
    site.feeds["/atom"] = (200, ATOM)
    site.pages["strike"] = STRIKE
    public_feed = "https://wire.example/rss"
    body = rss([("strike", "Drone strike")]).replace(b"{base}", site.base.encode())
    guarded = guarded_fetch()

    def fetch(url: str, **kwargs: object) -> FetchResult:
        # The feed itself comes from a (pretend) public host; its entry links to the loopback test site.
        return FetchResult(200, body, None, None, url) if url == public_feed else guarded(url, **kwargs)

    with Store() as store:
        report = watch_feeds(store, FakeCoder(), [public_feed], every_s=60, once=True, fetch=fetch)
        assert site.requests["/page/strike"] == 0
        assert [e.code for e in report.last_cycle[0].errors] == ["E109"]
        texts = [row[0] for row in store.con.execute("SELECT text FROM articles").fetchall()]
        assert texts == ["Summary of Drone strike."]  # the entry's own summary is kept

        direct = watch_feeds(store, FakeCoder(), [f"{site.base}/atom"], every_s=60, once=True)
        assert direct.failed == 1 and direct.last_cycle[0].errors[0].code == "E109"
        assert site.requests["/atom"] == 0


def test_an_entry_whose_coding_worker_died_is_retried_next_cycle(site: Site) -> None:
    """A server stopping mid-feed kills the coding worker (E301): the feed's validators are not advanced,
    so the next cycle gets the feed in full instead of a 304 and codes the entry that was not stored."""
    from brinkwatch.pipeline.budget import Budget, BudgetedCoder, fork_available
    from fakes import MisbehavingCoder

    if not fork_available():
        pytest.skip("the budget's worker needs fork")
    crash = ATOM.replace(b"</feed>", b"<entry><title>Boom</title><id>urn:atom-9</id><updated>2026-01-06T10:00:00Z"
                                     b"</updated><content type='text'>CRASH Iraq attacked US forces.</content>"
                                     b"</entry></feed>")
    site.feeds["/atom"] = (200, crash)
    coder = BudgetedCoder(MisbehavingCoder(), Budget(seconds=5))
    try:
        with Store() as store:
            first = watch_feeds(store, coder, [f"{site.base}/atom"], every_s=60, once=True, **LOCAL)
            assert [e.code for e in first.last_cycle[0].errors] == ["E301"]
            assert feed_states(store)[0].etag is None
            second = watch_feeds(store, coder, [f"{site.base}/atom"], every_s=60, once=True, **LOCAL)
            assert second.fetched == 1 and second.not_modified == 0
            assert store.con.execute("SELECT doc_id FROM articles").fetchall() == [("urn:atom-1",)]
    finally:
        coder.close()
