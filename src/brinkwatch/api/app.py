"""The application factory: one FastAPI app over one brinkwatch database (and the dashboard, if present).

``create_app`` opens the store, wires the routes, the error handlers, the request-size guard and
(optionally) CORS, and mounts ``brinkwatch.web`` when that package offers ``mount(app)``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from brinkwatch.api.docs import mount_docs
from brinkwatch.api.errors import (
    DEFAULT_BODY_TIMEOUT_S,
    DEFAULT_MAX_BODY_BYTES,
    BodyLimitMiddleware,
    ErrorResponse,
    install_handlers,
)
from brinkwatch.api.routes_admin import router as admin_router
from brinkwatch.api.routes_read import router as read_router
from brinkwatch.api.routes_write import router as write_router
from brinkwatch.api.state import ApiState, CoderFactory, default_coder_factory
from brinkwatch.config import Settings
from brinkwatch.store import Store

API_VERSION = "1"

# Documented on every operation, so clients (and schemathesis) know every error has this one shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": text}
    for status, text in (
        (400, "invalid request (E704 with the offending field)"),
        (401, "missing or wrong bearer token (E701)"),
        (403, "writes refused: read-only database or no token configured"),
        (404, "not found (E404), or no events for the request (E501)"),
        (405, "method not allowed (E705)"),
        (408, "request body not received in time (E706)"),
        (413, "request body over the size limit (E702)"),
        (422, "input that cannot be coded: empty, binary, not English, too long (E1xx)"),
        (500, "server error"),
        (503, "the NLP pipeline could not be loaded (E300)"),
    )
}


def create_app(
    db_path: str | Path,
    *,
    settings: Settings | None = None,
    coder_factory: CoderFactory | None = None,
    read_only: bool = False,
    allow_unauthenticated_writes: bool = False,
    cors_origin: str | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    body_timeout_s: float = DEFAULT_BODY_TIMEOUT_S,
) -> FastAPI:
    """Build the HTTP API over the database at ``db_path`` (created if missing, unless ``read_only``).

    ``coder_factory`` builds the one coder of the app on first use (tests inject a fake or a shared
    Coder); the default builds ``brinkwatch.extract.Coder(settings)``. ``allow_unauthenticated_writes``
    lets ``POST /v1/articles`` through without a token when none is configured (``serve --dev``).
    """
    settings = settings or Settings()
    store = Store(db_path, read_only=read_only)
    state = ApiState(store=store, settings=settings,
                     coder_factory=coder_factory or default_coder_factory(settings),
                     read_only=read_only, allow_unauthenticated_writes=allow_unauthenticated_writes)
    app = FastAPI(title="brinkwatch", version=API_VERSION, responses=ERROR_RESPONSES, lifespan=_lifespan,
                  description="Political events coded from news (CAMEO + PLOVER), with evidence; dyadic tension.",
                  docs_url=None, redoc_url=None)  # served from local files by api.docs, not from a CDN
    app.state.bw = state
    install_handlers(app)
    app.include_router(read_router)
    app.include_router(write_router)
    app.include_router(admin_router)
    mount_docs(app)
    if cors_origin:
        app.add_middleware(CORSMiddleware, allow_origins=[cors_origin], allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    # Added last so it is outermost: an oversized body is refused before anything else reads it.
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body_bytes, body_timeout_s=body_timeout_s)
    _mount_dashboard(app)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start the app's background work (``serve --watch``) with the server; on shutdown stop it, then the
    coder's worker process, so that SIGTERM ends even a request that is still coding."""
    state: ApiState = app.state.bw
    for task in state.background:
        task.start()
    try:
        yield
    finally:
        for task in state.background:
            task.stop()
        state.close()


def _mount_dashboard(app: FastAPI) -> None:
    import brinkwatch.web as web

    mount = getattr(web, "mount", None)
    if callable(mount):
        mount(app)
