"""``POST /v1/snapshot``: a consistent copy of the database for read commands on this machine.

While ``brinkwatch serve`` holds the DuckDB file no other process can open it; ``brinkwatch events``,
``export`` and ``tension`` then ask for a snapshot here (``brinkwatch.store.access``). Only loopback
clients are answered, with the bearer token too when one is configured; the path is the server's own
choice (``<db>.snapshot.duckdb``), never the client's. Not part of the public schema.
"""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Any

from fastapi import APIRouter, Request

from brinkwatch.api.errors import ApiRefusal
from brinkwatch.errors import AuthError
from brinkwatch.store.access import take_snapshot

router = APIRouter()


def _loopback(host: str | None) -> bool:
    return bool(host) and (host == "::1" or host == "localhost" or host.startswith("127."))


@router.post("/v1/snapshot", include_in_schema=False)
def snapshot(request: Request) -> dict[str, Any]:
    state = request.app.state.bw
    if not _loopback(request.client.host if request.client else None):
        raise ApiRefusal("snapshots are only taken for clients on this machine")
    token = state.settings.api_token
    if token:
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode("utf-8", "surrogatepass"), token.encode("utf-8")):
            raise AuthError("a snapshot needs the server's bearer token (BRINKWATCH_API_TOKEN)")
    path = take_snapshot(state.store)
    return {"path": str(path.resolve()), "taken_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
