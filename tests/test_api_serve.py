"""``brinkwatch serve``: flags reach the app factory and uvicorn (uvicorn.run is replaced, nothing listens)."""

from __future__ import annotations

import warnings

import pytest
from typer.testing import CliRunner

from brinkwatch.cli import app
from test_api import HTTPX_WARNING, assert_error

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=HTTPX_WARNING)
    from fastapi.testclient import TestClient


@pytest.fixture
def served(monkeypatch):
    """Capture what ``serve`` hands to uvicorn.run instead of listening."""
    import uvicorn

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda api, **kwargs: calls.append({"app": api, **kwargs}))
    monkeypatch.delenv("BRINKWATCH_API_TOKEN", raising=False)
    return calls


def test_serve_defaults_to_loopback_and_refuses_writes(served, tmp_path):
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(app, ["serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    (call,) = served
    assert (call["host"], call["port"]) == ("127.0.0.1", 8000)
    client = TestClient(call["app"])
    assert client.get("/healthz").json()["db"] == str(db)
    assert_error(client.post("/v1/articles", json={"articles": [{"id": "a", "text": "x"}]}), 403, "E703")
    assert "access-control-allow-origin" not in client.get("/healthz", headers={"Origin": "http://x.example"}).headers


def test_serve_flags(served, tmp_path):
    args = ["serve", "--db", str(tmp_path / "s.duckdb"), "--host", "127.0.0.1", "--port", "8123", "--dev",
            "--cors-origin", "http://dash.example", "--max-body-mb", "0.001"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    (call,) = served
    assert call["port"] == 8123
    client = TestClient(call["app"])
    assert call["app"].state.bw.allow_unauthenticated_writes
    headers = {"Origin": "http://dash.example"}
    assert client.get("/healthz", headers=headers).headers["access-control-allow-origin"] == "http://dash.example"
    assert_error(client.post("/v1/code", json={"text": "x" * 2000}), 413, "E702")


def test_serve_warns_when_dev_mode_listens_beyond_loopback(served, tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "s.duckdb"), "--host", "0.0.0.0", "--dev"])
    assert result.exit_code == 0
    assert "anyone who can reach it may write" in result.output


def test_serve_read_only_on_a_missing_database_fails_cleanly(served, tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "absent.duckdb"), "--read-only"])
    assert result.exit_code == 1
    assert "E400" in result.output
    assert served == []


def test_serve_bounds_slow_clients_and_shutdown(served, tmp_path):
    from brinkwatch.api.server import GuardedH11Protocol
    from brinkwatch.store.access import ServerAnnouncement

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "s.duckdb"), "--header-timeout", "3"])
    assert result.exit_code == 0, result.output
    (call,) = served
    assert issubclass(call["http"], GuardedH11Protocol) and call["http"].header_timeout_s == 3
    assert call["timeout_graceful_shutdown"] <= 5 and call["limit_concurrency"]
    assert [type(task) for task in call["app"].state.bw.background] == [ServerAnnouncement]


def test_serve_watch_runs_the_watcher_in_the_server(served, tmp_path):
    from brinkwatch.api.server import FeedWatcher

    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://news.example/rss\n")
    db = str(tmp_path / "s.duckdb")
    result = CliRunner().invoke(app, ["serve", "--db", db, "--watch", str(feeds), "--every", "10m"])
    assert result.exit_code == 0, result.output
    (watcher,) = [t for t in served[0]["app"].state.bw.background if isinstance(t, FeedWatcher)]
    assert (watcher.feeds, watcher.every_s, watcher.allow_private) == (["https://news.example/rss"], 600, False)
    refused = CliRunner().invoke(app, ["serve", "--db", db, "--watch", str(feeds), "--read-only"])
    assert refused.exit_code == 1 and "--read-only" in refused.output
