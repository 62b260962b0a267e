"""One writer, many readers: how readers reach a database that a running server holds.

DuckDB lets one process open a database file for writing, and while it does, no other process may open
the file at all, not even read-only. The deployment therefore has one writer -- ``brinkwatch serve``
(with ``--watch`` for feeds) -- and readers reach its data through a *snapshot*:

- ``serve`` announces itself in ``<db>.serve.json`` (its URL and PID) for as long as it runs
  (``ServerAnnouncement``);
- a read command (``events``, ``export``, ``tension``...) that finds the file locked asks that server,
  over loopback, for a snapshot (``POST /v1/snapshot``); the server copies the database in one
  transaction (``COPY FROM DATABASE``, a consistent state) to ``<db>.snapshot.duckdb`` and answers with
  its path; the reader opens the copy read-only. A snapshot younger than ``SNAPSHOT_REUSE_S`` is reused.

A file held by anything else (another ``ingest``) fails fast with ``DatabaseLockedError`` (E401), which
names the holding process and what to do.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from brinkwatch.errors import DatabaseLockedError, StoreError
from brinkwatch.store.db import Store

SNAPSHOT_REUSE_S = 2.0
SNAPSHOT_TIMEOUT_S = 120.0
_snapshot_lock = threading.Lock()


def server_file(db_path: str | Path) -> Path:
    return Path(f"{db_path}.serve.json")


def snapshot_file(db_path: str | Path) -> Path:
    return Path(f"{db_path}.snapshot.duckdb")


class ServerAnnouncement:
    """``<db>.serve.json`` while the server runs: written on ``start()``, removed on ``stop()``.

    Started and stopped by the app's lifespan, which runs on a graceful shutdown (SIGTERM included;
    uvicorn re-raises the signal only after it). A file left by a killed server names a dead address:
    readers then find the database unlocked anyway, or fail with the holder's name.
    """

    def __init__(self, db_path: str | Path, url: str) -> None:
        self.path = server_file(db_path)
        self.body = {"url": url, "pid": os.getpid(), "db": str(db_path)}

    def start(self) -> None:
        self.path.write_text(json.dumps(self.body), encoding="utf-8")

    def stop(self) -> None:
        try:
            if json.loads(self.path.read_text(encoding="utf-8")).get("pid") == os.getpid():
                self.path.unlink()
        except (OSError, ValueError):
            pass


def take_snapshot(store: Store) -> Path:
    """Copy the database ``store`` holds to ``<db>.snapshot.duckdb`` in one transaction; return the path.

    Runs in the writing process (the server). A snapshot younger than ``SNAPSHOT_REUSE_S`` is reused,
    so a burst of read commands costs one copy.
    """
    if store.path == ":memory:":
        raise StoreError("an in-memory database has no file to snapshot")
    target = snapshot_file(store.path)
    with _snapshot_lock:
        if target.exists() and time.time() - target.stat().st_mtime < SNAPSHOT_REUSE_S:
            return target
        partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
        partial.unlink(missing_ok=True)
        cursor = store.cursor()
        try:
            (database,) = cursor.con.execute("SELECT current_database()").fetchall()[0]
            cursor.con.execute(f"ATTACH '{_quote(partial)}' AS bw_snapshot")
            try:
                cursor.con.execute(f'COPY FROM DATABASE "{database}" TO bw_snapshot')
            finally:
                cursor.con.execute("DETACH bw_snapshot")
        except Exception as exc:  # noqa: BLE001 - duckdb.Error and OS errors alike: nothing half-made stays
            partial.unlink(missing_ok=True)
            raise StoreError(f"cannot take a snapshot: {exc}", source=store.path) from exc
        finally:
            cursor.con.close()
        os.replace(partial, target)
        return target


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


Requester = Callable[[str], str]  # server URL -> path of a fresh snapshot


def request_snapshot(url: str) -> str:
    """Ask the server at ``url`` for a snapshot; the path it wrote (raises StoreError when it cannot)."""
    import httpx

    headers = {}
    token = os.environ.get("BRINKWATCH_API_TOKEN")
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        response = httpx.post(f"{url.rstrip('/')}/v1/snapshot", headers=headers, timeout=SNAPSHOT_TIMEOUT_S,
                              trust_env=False)
    except httpx.HTTPError as exc:
        raise StoreError(f"the server at {url} did not answer: {exc}") from exc
    if response.status_code != 200:
        raise StoreError(f"the server at {url} refused a snapshot: HTTP {response.status_code} {response.text[:200]}")
    return response.json()["path"]


def open_reader(db_path: str | Path, *, request: Requester = request_snapshot) -> Store:
    """The database opened read-only -- or, when a running ``brinkwatch serve`` holds it, a fresh snapshot.

    ``Store.snapshot_of`` names the server a snapshot came from (None when the file itself was opened).
    """
    try:
        return Store(db_path, read_only=True)
    except DatabaseLockedError as locked:
        announced = _announced_server(db_path)
        if announced is None:
            raise
        try:
            path = request(announced)
        except StoreError as exc:
            raise DatabaseLockedError(f"{locked.message} ({exc.message})", source=str(db_path)) from exc
        store = Store(path, read_only=True)
        store.snapshot_of = announced
        return store


def _announced_server(db_path: str | Path) -> str | None:
    try:
        announced = json.loads(server_file(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = announced.get("url") if isinstance(announced, dict) else None
    return url if isinstance(url, str) and url.startswith("http") else None
