"""``brinkwatch serve``: run the HTTP API (and the dashboard, when installed) with uvicorn.

A thin face over ``brinkwatch.api.create_app``. Writes (``POST /v1/articles``) need the bearer token from
``BRINKWATCH_API_TOKEN``; without one they are refused unless ``--dev`` is given, which allows
unauthenticated writes and is meant for a laptop only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from brinkwatch.cli.app import app, err, handle_errors
from brinkwatch.config import Settings

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


@app.command()
def serve(
    db: Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: $BRINKWATCH_DB or brinkwatch.duckdb).")] = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    dev: Annotated[bool, typer.Option("--dev", help="Allow writes without a token when BRINKWATCH_API_TOKEN is unset (local use only).")] = False,
    cors_origin: Annotated[str | None, typer.Option("--cors-origin", help="Allow browser calls from this one origin (CORS is off by default).")] = None,
    read_only: Annotated[bool, typer.Option("--read-only", help="Open the database read-only; writes are refused.")] = False,
    max_body_mb: Annotated[float, typer.Option("--max-body-mb", min=0.001, help="Largest request body accepted, in MB.")] = 2.0,
) -> None:
    """Serve the HTTP API (/v1, OpenAPI at /openapi.json, docs at /docs) over a brinkwatch database."""
    import uvicorn

    from brinkwatch.api import create_app

    settings = Settings(db_path=db) if db else Settings()
    if dev and host not in LOCAL_HOSTS:
        err.print(f"[yellow]warning[/yellow] --dev on {host}: anyone who can reach it may write to the database")
    with handle_errors():
        api = create_app(settings.db_path, settings=settings, read_only=read_only,
                         allow_unauthenticated_writes=dev, cors_origin=cors_origin,
                         max_body_bytes=int(max_body_mb * 1024 * 1024))
    err.print(f"brinkwatch API on http://{host}:{port} (database {settings.db_path})")
    uvicorn.run(api, host=host, port=port, log_level="info")
