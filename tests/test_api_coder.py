"""The API with the real coder (one session-wide Coder): /v1/code on text and HTML, and ingest then read back."""

from __future__ import annotations

import warnings

import pytest

from brinkwatch.api import create_app
from brinkwatch.config import Settings
from test_api import HTTPX_WARNING

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=HTTPX_WARNING)
    from fastapi.testclient import TestClient

TEXT = ("Iranian forces attacked a US military base in Iraq on Monday, officials said. "
        "Iraqi Prime Minister Mohammed Shia al-Sudani met the US ambassador in Baghdad on Tuesday.")
HTML = ("<html><head><title>Base attacked</title></head><body><nav>Home | World | Sport</nav><article>"
        f"<p>{TEXT}</p></article><footer>Share this story</footer></body></html>")


@pytest.fixture(scope="module")
def client(coder, tmp_path_factory):
    app = create_app(tmp_path_factory.mktemp("coder") / "c.duckdb", settings=Settings(api_token="t"),
                     coder_factory=lambda: coder)
    return TestClient(app)


def check_offsets(body: dict) -> None:
    text = body["text"]
    for event in body["events"]:
        evidence = event["evidence"]
        assert text[evidence["start"]:evidence["end"]] == evidence["text"]
        assert evidence["start"] <= evidence["trigger_start"] < evidence["trigger_end"] <= evidence["end"]
        for side in ("source", "target"):
            actor = event[side]
            if actor and actor["start"] is not None:
                assert text[actor["start"]:actor["end"]] == actor["text"]


def test_code_text_with_the_real_coder(client):
    body = client.post("/v1/code", json={"text": TEXT, "date": "2024-01-08"}).json()
    assert body["sentences"] == 2
    roots = {(e["cameo"]["root"], e["source"]["country"]) for e in body["events"]}
    assert ("19", "IRN") in roots  # the attack by Iranian forces
    check_offsets(body)


def test_code_html_with_the_real_coder(client):
    body = client.post("/v1/code", json={"html": HTML, "date": "2024-01-08"}).json()
    assert "Home | World" not in body["text"] and "Share this story" not in body["text"]
    assert any(e["cameo"]["root"] == "19" for e in body["events"])
    check_offsets(body)


def test_ingest_then_read_back(client):
    posted = client.post("/v1/articles", headers={"Authorization": "Bearer t"},
                         json={"articles": [{"id": "base", "text": TEXT, "date": "2024-01-08"}]}).json()
    assert posted["added"] == 1 and posted["events_added"] >= 1
    events = client.get("/v1/events", params={"actor": "IRN"}).json()["events"]
    assert any(e["cameo"]["root"] == "19" for e in events)
    detail = client.get(f"/v1/events/{events[0]['event_id']}").json()
    assert detail["mentions"][0]["doc_id"] == "base"
    article = client.get("/v1/articles/base").json()
    assert len(article["spans"]) == posted["events_added"]
