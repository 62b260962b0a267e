"""POST /v1/articles (bearer token, idempotence, per-article errors) and the request-size guard (413)."""

from __future__ import annotations

import warnings

import pytest

from brinkwatch.api import create_app
from brinkwatch.config import Settings
from test_api import HTTPX_WARNING, assert_error
from test_api_support import CountingFactory

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=HTTPX_WARNING)
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token"
ARTICLES = {"articles": [
    {"id": "a1", "text": "Iraq attacked US forces in Baghdad.", "date": "2024-04-01", "title": "Attack",
     "publisher": "Wire", "url": "https://news.example/a1"},
    {"id": "a2", "html": "<html><body><article><p>Iran met Iraq to discuss the border.</p></article></body></html>",
     "date": "2024-04-02"},
]}


def make_client(tmp_path, *, token: str | None = TOKEN, dev: bool = False, read_only: bool = False,
                factory: CountingFactory | None = None, **kwargs) -> TestClient:
    path = tmp_path / "w.duckdb"
    if read_only:
        create_app(path).state.bw.store.close()  # the file must exist to be opened read-only
    app = create_app(path, settings=Settings(api_token=token), coder_factory=factory or CountingFactory(),
                     read_only=read_only, allow_unauthenticated_writes=dev, **kwargs)
    return TestClient(app)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_write_with_the_right_token_stores_and_is_idempotent(tmp_path):
    client = make_client(tmp_path)
    first = client.post("/v1/articles", json=ARTICLES, headers=bearer(TOKEN)).json()
    assert first == {"added": 2, "skipped": 0, "events_added": 2, "errors": []}
    again = client.post("/v1/articles", json=ARTICLES, headers=bearer(TOKEN)).json()
    assert again == {"added": 0, "skipped": 2, "events_added": 0, "errors": []}
    article = client.get("/v1/articles/a1").json()
    assert (article["title"], article["publisher"], article["pub_date"]) == ("Attack", "Wire", "2024-04-01")
    assert client.get("/v1/articles/a2").json()["pub_date"] == "2024-04-02"
    assert len(client.get("/v1/events").json()["events"]) == 2


@pytest.mark.parametrize(
    "headers",
    [{}, bearer("wrong"), {"Authorization": TOKEN}, {"Authorization": f"Basic {TOKEN}"}, bearer(TOKEN + "x"),
     {"Authorization": "Bearer ünïcode".encode()}],
)
def test_missing_or_wrong_token_is_401_and_writes_nothing(tmp_path, headers):
    factory = CountingFactory()
    client = make_client(tmp_path, factory=factory)
    response = client.post("/v1/articles", json=ARTICLES, headers=headers)
    assert_error(response, 401, "E701")
    assert response.headers["www-authenticate"] == "Bearer"
    assert factory.calls == 0
    assert client.get("/healthz").json()["events"] == 0


def test_without_a_configured_token_writes_are_refused(tmp_path):
    client = make_client(tmp_path, token=None)
    error = assert_error(client.post("/v1/articles", json=ARTICLES, headers=bearer("anything")), 403, "E703")
    assert "BRINKWATCH_API_TOKEN" in error["message"]


def test_dev_mode_allows_unauthenticated_writes_when_no_token_is_set(tmp_path):
    client = make_client(tmp_path, token=None, dev=True)
    assert client.post("/v1/articles", json=ARTICLES).json()["added"] == 2


def test_dev_mode_does_not_bypass_a_configured_token(tmp_path):
    client = make_client(tmp_path, dev=True)
    assert_error(client.post("/v1/articles", json=ARTICLES), 401, "E701")


def test_read_only_database_refuses_writes(tmp_path):
    client = make_client(tmp_path, read_only=True)
    assert_error(client.post("/v1/articles", json=ARTICLES, headers=bearer(TOKEN)), 403, "E703")


def test_code_needs_no_token(tmp_path):
    client = make_client(tmp_path)
    assert client.post("/v1/code", json={"text": "Iraq attacked US forces."}).status_code == 200


def test_bad_articles_are_reported_per_document_and_the_rest_is_stored(tmp_path):
    client = make_client(tmp_path)
    payload = {"articles": [{"id": "ok", "text": "Iraq attacked US forces."},
                            {"id": "empty", "text": "   "},
                            {"id": "nohtml", "html": "<html><body></body></html>"}]}
    body = client.post("/v1/articles", json=payload, headers=bearer(TOKEN)).json()
    assert body["added"] == 1
    assert {(e["source"], e["code"]) for e in body["errors"]} == {("empty", "E101"), ("nohtml", "E101")}


def test_same_id_with_other_text_is_an_error_not_an_overwrite(tmp_path):
    client = make_client(tmp_path)
    client.post("/v1/articles", json={"articles": [{"id": "x", "text": "Iran met Iraq."}]}, headers=bearer(TOKEN))
    body = client.post("/v1/articles", json={"articles": [{"id": "x", "text": "Iraq attacked US forces."}]},
                       headers=bearer(TOKEN)).json()
    assert body["added"] == 0
    assert [e["source"] for e in body["errors"]] == ["x"]
    assert client.get("/v1/articles/x").json()["text"] == "Iran met Iraq."


@pytest.mark.parametrize(
    ("payload", "field"),
    [({"articles": []}, "articles"),
     ({"articles": [{"id": f"d{i}", "text": "x"} for i in range(101)]}, "articles"),
     ({"articles": [{"id": "", "text": "x"}]}, "articles.0.id"),
     ({"articles": [{"id": "a", "text": "x", "html": "<p>x</p>"}]}, "articles.0"),
     ({"articles": [{"id": "a", "text": "x", "date": "2024-13-01"}]}, "articles.0.date")],
)
def test_invalid_article_batches_are_400(tmp_path, payload, field):
    client = make_client(tmp_path)
    assert_error(client.post("/v1/articles", json=payload, headers=bearer(TOKEN)), 400, "E704", field)


# --- size limit -------------------------------------------------------------------------------------
LIMIT = 1000


def test_declared_oversized_body_is_413_before_reading(tmp_path):
    factory = CountingFactory()
    client = make_client(tmp_path, factory=factory, max_body_bytes=LIMIT)
    response = client.post("/v1/code", content=b'{"text": "' + b"a" * LIMIT + b'"}',
                           headers={"content-type": "application/json"})
    assert_error(response, 413, "E702")
    assert factory.calls == 0


def test_streamed_body_without_length_is_cut_off_at_the_limit(tmp_path):
    factory = CountingFactory()
    client = make_client(tmp_path, factory=factory, max_body_bytes=LIMIT)
    sent = []

    def chunks():
        yield b'{"text": "'
        for _ in range(50):  # 50 x 100 bytes: far over the limit, sent without Content-Length
            sent.append(1)
            yield b"Iraq attacked US forces. " * 4
        yield b'"}'

    response = client.post("/v1/code", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in response.request.headers
    assert_error(response, 413, "E702")
    assert factory.calls == 0


def test_body_under_the_limit_passes(tmp_path):
    client = make_client(tmp_path, max_body_bytes=LIMIT)
    assert client.post("/v1/code", json={"text": "Iraq attacked US forces."}).status_code == 200


def test_default_limit_is_two_megabytes(tmp_path):
    client = make_client(tmp_path)
    text = "Iraq attacked US forces. " * (2 * 1024 * 1024 // 25 + 10)
    assert_error(client.post("/v1/code", json={"text": text}), 413, "E702")


def test_malformed_content_length_is_400(tmp_path):
    client = make_client(tmp_path)
    response = client.post("/v1/code", content=b'{"text": "x"}',
                           headers={"content-type": "application/json", "content-length": "12abc"})
    assert_error(response, 400, "E704")
