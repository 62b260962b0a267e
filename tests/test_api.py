"""HTTP API endpoints through FastAPI's TestClient, over a small database and a keyword-coding fake coder."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from brinkwatch.api import create_app
from brinkwatch.config import Settings
from test_api_support import DAY0, CountingFactory, build_db

# Starlette warns (a UserWarning subclass) that its TestClient will move from httpx to httpx2: not ours to fix.
HTTPX_WARNING = "Using `httpx` with `starlette.testclient` is deprecated"
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=HTTPX_WARNING)
    from fastapi.testclient import TestClient

N_ARTICLES = 24


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("api") / "bw.duckdb", N_ARTICLES)


@pytest.fixture(scope="module")
def client(db_path):
    # One app for the module: the actor KB and analysis imports load once (reads do not change the db).
    app = create_app(db_path, settings=Settings(api_token=None), coder_factory=CountingFactory(), read_only=True)
    with TestClient(app) as c:
        yield c


def assert_error(response, status: int, code: str, field: str | None = None) -> dict:
    """Every error has the one shape; return its body for further checks."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"code", "message", "field", "status"}
    assert (error["code"], error["status"]) == (code, status)
    assert isinstance(error["message"], str) and error["message"]
    if field is not None:
        assert error["field"] == field
    return error


# --- meta -------------------------------------------------------------------------------------------
def test_healthz_reports_db_and_event_count(client, db_path):
    body = client.get("/healthz").json()
    assert body == {"status": "ok", "db": str(db_path), "events": N_ARTICLES}


def test_stats_counts_tables(client):
    stats = client.get("/v1/stats").json()
    assert stats["tables"]["articles"] == N_ARTICLES
    assert stats["tables"]["event_mentions"] == N_ARTICLES
    assert stats["pub_dates"]["min"] == DAY0.isoformat()


def test_openapi_documents_every_endpoint_with_the_error_shape(client):
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) >= {
        "/v1/code", "/v1/articles", "/v1/events", "/v1/events/{event_id}", "/v1/dyads/{a}/{b}/tension",
        "/v1/articles/{doc_id}", "/v1/actors", "/v1/network", "/v1/stats", "/healthz",
    }
    for path, operations in schema["paths"].items():
        for method, op in operations.items():
            assert "200" in op["responses"], (method, path)
            assert op["responses"]["400"]["content"]["application/json"]["schema"]["$ref"].endswith(
                "/ErrorResponse"), (method, path)


# --- events -----------------------------------------------------------------------------------------
def test_cursor_walks_every_event_once_in_order(client):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 5} | ({"cursor": cursor} if cursor else {})
        body = client.get("/v1/events", params=params).json()
        seen += body["events"]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
        assert pages < 20, "pagination does not end"
    assert pages == 5  # 24 events by 5: four full pages and one of four
    ids = [e["event_id"] for e in seen]
    assert len(ids) == len(set(ids)) == N_ARTICLES
    keys = [(e["date"], e["event_id"]) for e in seen]
    assert keys == sorted(keys)


def test_last_full_page_has_no_next_cursor(client):
    body = client.get("/v1/events", params={"limit": N_ARTICLES}).json()
    assert len(body["events"]) == N_ARTICLES
    assert body["next_cursor"] is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"source": "IRQ"}, 8),
        ({"target": "irq"}, 8),  # case-insensitive, Iran->Iraq stories
        ({"actor": "IRQ"}, 16),
        ({"root": "19"}, 8),
        ({"cameo": "04"}, 8),
        ({"quad_class": 3}, 8),
        ({"place_country": "IRQ"}, 8),
        ({"q": "border"}, 8),
        ({"since": "2024-03-05", "until": "2024-03-07"}, 3),
        ({"modality": "negated"}, 0),
    ],
)
def test_event_filters(client, params, expected):
    events = client.get("/v1/events", params=params | {"limit": 500}).json()["events"]
    assert len(events) == expected


def test_event_records_are_event_records(client):
    event = client.get("/v1/events", params={"root": "19", "limit": 1}).json()["events"][0]
    assert event["cameo"] == {"code": "190", "root": "19", "name": "Fight"}
    assert event["source"]["code"] == "IRQGOV"
    assert event["evidence"]["text"].startswith("Iraq attacked US forces")
    assert event["num_mentions"] == 1


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 501}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"since": "yesterday"}, "since"),
        ({"until": "2024-02-30"}, "until"),
        ({"quad_class": 5}, "quad_class"),
        ({"modality": "probably"}, "modality"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"source": "../../etc/passwd"}, "source"),
        ({"since": "2024-03-09", "until": "2024-03-01"}, "until"),
        ({"include_opinion": "maybe"}, "include_opinion"),
    ],
)
def test_bad_event_parameters_are_400_with_the_field(client, params, field):
    assert_error(client.get("/v1/events", params=params), 400, "E704", field)


def test_event_detail_has_mentions_with_evidence_and_article(client):
    listed = client.get("/v1/events", params={"limit": 1}).json()["events"][0]
    detail = client.get(f"/v1/events/{listed['event_id']}").json()
    assert detail["event_id"] == listed["event_id"]
    assert len(detail["mentions"]) == 1
    mention = detail["mentions"][0]
    assert mention["evidence"] == listed["evidence"]
    assert mention["article"]["url"] == "https://news.example/0"


@pytest.mark.parametrize("event_id", ["0000000000000000", "..", "%2e%2e%2fetc%2fpasswd", "ñ😀"])
def test_unknown_event_is_404(client, event_id):
    assert_error(client.get(f"/v1/events/{event_id}"), 404, "E404")


# --- articles ---------------------------------------------------------------------------------------
def test_article_has_text_sentences_and_event_spans(client):
    article = client.get("/v1/articles/doc-00").json()
    text = article["text"]
    assert text.startswith("Iraq attacked US forces in Baghdad.")
    assert [s["index"] for s in article["sentences"]] == [0, 1]
    assert len(article["events"]) == 1
    span = article["spans"][0]
    assert text[span["trigger"]["start"]:span["trigger"]["end"]] == "attacked"
    assert text[span["source"]["start"]:span["source"]["end"]] == "Iraq"
    assert text[span["target"]["start"]:span["target"]["end"]] == "US"
    assert text[span["place"]["start"]:span["place"]["end"]] == "Baghdad"
    assert text[span["evidence"]["start"]:span["evidence"]["end"]] == "Iraq attacked US forces in Baghdad."


@pytest.mark.parametrize("doc_id", ["missing", "..%2F..%2Fetc%2Fpasswd", "a/b/c", "%00"])
def test_unknown_article_is_404(client, doc_id):
    assert_error(client.get(f"/v1/articles/{doc_id}"), 404, "E404")


# --- analysis ---------------------------------------------------------------------------------------
def test_dyad_tension_report(client):
    report = client.get("/v1/dyads/IRQ/USA/tension", params={"freq": "week"}).json()
    points = report["series"]["points"]
    assert sum(p["n_events"] for p in points) == 8
    assert report["verdict"]["direction"] in {"rising", "easing", "steady"}


def test_dyad_without_events_is_404_not_enough_data(client):
    assert_error(client.get("/v1/dyads/FRA/DEU/tension"), 404, "E501")


def test_dyad_bad_freq_and_code(client):
    assert_error(client.get("/v1/dyads/IRQ/USA/tension", params={"freq": "hour"}), 400, "E704", "freq")
    assert_error(client.get("/v1/dyads/IR%20Q/USA/tension"), 400, "E704", "a")


def test_network_edges(client):
    network = client.get("/v1/network").json()
    edges = {(e["source"], e["target"]): e["count"] for e in network["edges"]}
    assert edges == {("IRQ", "USA"): 8, ("IRN", "IRQ"): 8, ("USA", "IRN"): 8}
    since_only = client.get("/v1/network", params={"since": "2024-03-22"}).json()
    assert sum(e["count"] for e in since_only["edges"]) == 3


def test_actor_search(client):
    actors = client.get("/v1/actors", params={"q": "Iran"}).json()["actors"]
    assert actors[0]["code"] == "IRN" and actors[0]["kind"] == "country"
    assert all({"code", "name", "country", "sector", "kind"} <= set(a) for a in actors)
    assert client.get("/v1/actors", params={"q": "zzzqqq"}).json() == {"actors": []}
    assert_error(client.get("/v1/actors"), 400, "E704", "q")


# --- coding (nothing stored) ------------------------------------------------------------------------
def test_code_text_returns_events_and_builds_the_coder_once(db_path):
    factory = CountingFactory()
    client = TestClient(create_app(db_path, coder_factory=factory, read_only=True))
    assert client.get("/v1/events").status_code == 200
    assert factory.calls == 0  # reads never build the coder
    body = client.post("/v1/code", json={"text": "Iraq attacked US forces. Iran met Iraq.",
                                         "date": "2024-05-01"}).json()
    assert body["sentences"] == 2
    assert [e["cameo"]["code"] for e in body["events"]] == ["190", "040"]
    assert body["events"][0]["date"] == "2024-05-01"
    ev = body["events"][1]
    assert body["text"][ev["evidence"]["trigger_start"]:ev["evidence"]["trigger_end"]] == "met"
    client.post("/v1/code", json={"text": "Washington criticised Tehran."})
    assert factory.calls == 1
    assert client.get("/healthz").json()["events"] == N_ARTICLES  # nothing was stored


def test_code_html_extracts_the_article(client):
    html = ("<html><head><title>Border</title></head><body><nav>Home | World</nav><article>"
            "<p>Iraq attacked US forces in Baghdad on Monday, officials said.</p>"
            "<p>Iran met Iraq to discuss the border crossing later in the week.</p></article></body></html>")
    body = client.post("/v1/code", json={"html": html, "url": "https://news.example/x"}).json()
    assert "Home | World" not in body["text"]
    assert {e["cameo"]["code"] for e in body["events"]} == {"190", "040"}


@pytest.mark.parametrize(
    "payload",
    [{}, {"text": "a", "html": "<p>a</p>"}, {"text": None}, {"text": 5}, {"text": "x", "date": "13/13/2024"},
     {"text": "x", "extra": 1}, [], "text"],
)
def test_code_rejects_bad_bodies_with_400(client, payload):
    assert_error(client.post("/v1/code", json=payload), 400, "E704")


def test_code_garbage_json_is_400(client):
    response = client.post("/v1/code", content=b'{"text": "unterminated',
                           headers={"content-type": "application/json"})
    assert_error(response, 400, "E704")


def test_code_empty_text_is_422_with_ingest_code(client):
    assert_error(client.post("/v1/code", json={"text": "   "}), 422, "E101")


def test_code_takes_unicode(client):
    body = client.post("/v1/code", json={"text": "Iraq attacked US forces near Mosul — «ça va» 😀."}).json()
    assert [e["cameo"]["code"] for e in body["events"]] == ["190"]


# --- errors: 405, 500 -------------------------------------------------------------------------------
def test_wrong_method_is_405_in_the_error_shape(client):
    assert_error(client.delete("/v1/events"), 405, "E705")
    assert_error(client.get("/v1/code"), 405, "E705")


def test_unknown_route_is_404_in_the_error_shape(client):
    assert_error(client.get("/v2/events"), 404, "E404")


def test_unexpected_failure_is_500_in_the_error_shape(db_path):
    class Broken:
        def code_articles(self, articles):
            raise RuntimeError("boom")

    app = create_app(db_path, coder_factory=Broken, read_only=True)
    with TestClient(app, raise_server_exceptions=False) as c:
        error = assert_error(c.post("/v1/code", json={"text": "Iraq attacked US forces."}), 500, "E500")
    assert "boom" not in error["message"]  # internals stay in the server log


# --- CORS -------------------------------------------------------------------------------------------
def test_cors_is_off_by_default_and_allows_one_origin_when_asked(db_path):
    origin = {"Origin": "https://dash.example"}
    with TestClient(create_app(db_path, read_only=True)) as c:
        assert "access-control-allow-origin" not in c.get("/healthz", headers=origin).headers
    with TestClient(create_app(db_path, read_only=True, cors_origin="https://dash.example")) as c:
        assert c.get("/healthz", headers=origin).headers["access-control-allow-origin"] == "https://dash.example"
        other = c.get("/healthz", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_dashboard_is_mounted_when_web_offers_mount(db_path, monkeypatch):
    import brinkwatch.web as web

    mounted = []
    monkeypatch.setattr(web, "mount", lambda app: mounted.append(app), raising=False)
    app = create_app(db_path, read_only=True)
    assert mounted == [app]


def test_dates_are_parsed_as_dates(client):
    # A valid date far outside the data is not an error, just an empty page.
    body = client.get("/v1/events", params={"since": dt.date(2099, 1, 1).isoformat()}).json()
    assert body == {"events": [], "next_cursor": None}


def test_tension_range_is_bounded(client):
    # Change-point search slows down steeply with series length: a 5-year daily series is refused...
    long_range = {"freq": "day", "since": "2020-01-01", "until": "2024-12-31"}
    error = assert_error(client.get("/v1/dyads/IRQ/USA/tension", params=long_range), 400, "E704", "since")
    assert "260" in error["message"]
    # ... and without since, the latest 260 days up to until are analysed.
    report = client.get("/v1/dyads/IRQ/USA/tension", params={"freq": "day", "until": "2024-11-20"}).json()
    points = report["series"]["points"]
    assert len(points) == 260
    assert (points[0]["period"], points[-1]["period"]) == ("2024-03-06", "2024-11-20")
    # A range that fits is analysed whole, from the first event on.
    report = client.get("/v1/dyads/IRQ/USA/tension", params={"freq": "day", "until": "2024-10-01"}).json()
    assert report["series"]["points"][0]["period"] == DAY0.isoformat()


def test_coder_is_built_once_and_never_runs_concurrently(db_path):
    import threading
    import time

    from brinkwatch.model import Article
    from test_api_support import FakeCoder

    class SlowCoder(FakeCoder):
        active = 0
        most = 0

        def code_articles(self, articles):
            SlowCoder.active += 1
            SlowCoder.most = max(SlowCoder.most, SlowCoder.active)
            time.sleep(0.02)  # long enough for the other threads to arrive while this one codes
            out = list(super().code_articles(articles))
            SlowCoder.active -= 1
            return out

    builds = []
    # Unbudgeted, so the coder runs in this process where its counters can be read (under the budget it
    # runs in one worker process, which serves one batch at a time anyway).
    app = create_app(db_path, read_only=True, settings=Settings(doc_timeout_s=None),
                     coder_factory=lambda: builds.append(1) or SlowCoder())
    state = app.state.bw
    article = Article(doc_id="t", text="Iraq attacked US forces.")
    threads = [threading.Thread(target=state.code, args=([article],)) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert SlowCoder.most == 1
