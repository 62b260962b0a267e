"""One writer, many readers: ``serve --watch`` fills the database while CLI reads work through snapshots,
a second writer fails fast naming the holder, slow clients are cut off, and SIGTERM stops the server
while a request is still coding. The server runs as a real process with the fake coder (tests/fakes.py).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from brinkwatch.cli import app
from brinkwatch.errors import DatabaseLockedError
from brinkwatch.store import Store
from brinkwatch.store.access import open_reader, server_file
from helpers import serve_feed

TESTS = Path(__file__).resolve().parent
pytestmark = pytest.mark.slow  # real server processes: about a minute
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id>
<updated>2026-01-06T10:00:00Z</updated>
<entry><title>Parliament votes</title><id>urn:wire-1</id><updated>2026-01-06T10:00:00Z</updated>
<content type="html">&lt;p&gt;The Iraqi parliament voted on Monday to ask foreign troops to leave the country,
lawmakers said after a long session in Baghdad.&lt;/p&gt;</content></entry></feed>"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    db: Path


@pytest.fixture
def feed_url() -> Iterator[str]:
    with serve_feed(ATOM) as url:
        yield url


def _start(tmp_path: Path, *extra: str) -> Server:
    port = _free_port()
    db = tmp_path / "live.duckdb"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS.parent / "src"), str(TESTS)])}
    env.pop("BRINKWATCH_API_TOKEN", None)
    process = subprocess.Popen(
        [sys.executable, str(TESTS / "fakes.py"), "serve", "--db", str(db), "--port", str(port), "--dev", *extra],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read().decode(errors="replace")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return Server(process, url, db)
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    pytest.fail("the server did not come up within 60 s")


def _stop(server: Server) -> None:
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.process.kill()
    server.process.wait()


def _wait_for_articles(server: Server, n: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if httpx.get(f"{server.url}/v1/stats", timeout=5).json()["tables"]["articles"] >= n:
            return
        time.sleep(0.3)
    pytest.fail(f"the watcher stored fewer than {n} articles in {seconds} s")


def test_serve_watch_is_the_one_writer_and_reads_work_meanwhile(tmp_path: Path, feed_url: str) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{feed_url}\n")
    server = _start(tmp_path, "--watch", str(feeds), "--every", "1s", "--allow-private-addresses")
    try:
        assert json.loads(server_file(server.db).read_text())["url"] == server.url
        _wait_for_articles(server, 1)
        runner = CliRunner()
        listed = runner.invoke(app, ["events", "--db", str(server.db), "--format", "jsonl"])
        assert listed.exit_code == 0, listed.output
        assert [json.loads(line)["doc_id"] for line in listed.stdout.splitlines()] == ["urn:wire-1"]
        assert "snapshot" in listed.stderr
        exported = runner.invoke(app, ["export", "--db", str(server.db), "--format", "csv",
                                       "--output", str(tmp_path / "out.csv")])
        assert exported.exit_code == 0, exported.output
        # A second writer fails at once and says who holds the file and what to do instead.
        (tmp_path / "news.txt").write_text("Iraq attacked US forces in Baghdad on Monday, officials said.")
        started = time.monotonic()
        ingest = runner.invoke(app, ["ingest", str(tmp_path / "news.txt"), "--db", str(server.db)])
        assert time.monotonic() - started < 10
        assert ingest.exit_code == 1
        assert "E401" in ingest.stderr and f"process {server.process.pid}" in ingest.stderr
        assert "serve" in ingest.stderr and "POST /v1/articles" in ingest.stderr
    finally:
        _stop(server)
    # uvicorn re-raises SIGTERM after its graceful shutdown, which removed the announcement.
    assert server.process.returncode in (0, -signal.SIGTERM) and not server_file(server.db).exists()


def test_a_file_held_by_something_else_fails_fast_naming_it(tmp_path: Path) -> None:
    db = tmp_path / "held.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); "
                               "print('held', flush=True); time.sleep(60)"], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"held"
        with pytest.raises(DatabaseLockedError) as error:
            open_reader(db)
        assert f"process {holder.pid}" in error.value.message and "wait for it" in error.value.message
        with pytest.raises(DatabaseLockedError):
            Store(db)
    finally:
        holder.kill()
        holder.wait()


def test_sigterm_stops_a_server_that_is_coding_within_10_s(tmp_path: Path) -> None:
    server = _start(tmp_path)
    outcome: dict[str, object] = {}

    def hung_request() -> None:
        try:
            outcome["status"] = httpx.post(f"{server.url}/v1/code", json={"text": "HANG Iraq attacked US forces."},
                                           timeout=30).status_code
        except httpx.HTTPError as exc:
            outcome["error"] = type(exc).__name__

    client = threading.Thread(target=hung_request)
    client.start()
    try:
        time.sleep(2)  # the request is now inside the coder's worker, sleeping
        started = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(timeout=15)
        assert time.monotonic() - started < 10
    finally:
        _stop(server)
        client.join(timeout=30)
    # The coding request was ended by the shutdown (its worker stopped): an error answer or a closed
    # connection, not a hang until the hour-long sleep or the 60 s budget ran out.
    assert outcome.get("status", 500) >= 400 or "error" in outcome, outcome


def test_slow_clients_are_cut_off_while_the_api_keeps_answering(tmp_path: Path) -> None:
    server = _start(tmp_path, "--header-timeout", "1")
    host, port = server.url.removeprefix("http://").split(":")
    sockets: list[socket.socket] = []
    try:
        for _ in range(200):
            sock = socket.create_connection((host, int(port)), timeout=5)
            sock.sendall(b"GET /v1/stats HTTP/1.1\r\nHost: x\r\n")  # headers never finished
            sockets.append(sock)
        slow_body = socket.create_connection((host, int(port)), timeout=5)
        slow_body.sendall(b"POST /v1/code HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          b"Content-Length: 100\r\n\r\n{\"text\": ")
        sockets.append(slow_body)
        assert httpx.get(f"{server.url}/healthz", timeout=5).status_code == 200
        time.sleep(2.5)
        closed = 0
        for sock in sockets[:-1]:
            sock.settimeout(2)
            try:
                closed += sock.recv(1024) == b""
            except (ConnectionResetError, TimeoutError):
                closed += 0
        assert closed == 200
        answer = slow_body.recv(4096)
        assert b" 408 " in answer.split(b"\r\n")[0] and b"E706" in answer
        assert httpx.get(f"{server.url}/healthz", timeout=5).status_code == 200
    finally:
        for sock in sockets:
            sock.close()
        _stop(server)
