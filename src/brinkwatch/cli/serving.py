"""``brinkwatch serve``: run the HTTP API (and the dashboard, when installed) with uvicorn.

A thin face over ``brinkwatch.api.create_app``. Writes (``POST /v1/articles``) need the bearer token from
``BRINKWATCH_API_TOKEN``; without one they are refused unless ``--dev`` is given, which allows
unauthenticated writes and is meant for a laptop only. ``--watch feeds.txt`` runs the feed watcher inside
the server, which is then the database's one writer; read commands on this machine reach the data
through the server's snapshots meanwhile (``brinkwatch.store.access``; see docs/deploy.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from brinkwatch.cli.app import app, err, fail, handle_errors
from brinkwatch.config import Settings

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def _local_url(host: str, port: int) -> str:
    """Where a process on this machine reaches the server."""
    if host in ("0.0.0.0", "", "::"):
        host = "127.0.0.1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


@app.command()
def serve(
    db: Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: $BRINKWATCH_DB or brinkwatch.duckdb).")] = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    dev: Annotated[bool, typer.Option("--dev", help="Allow writes without a token when BRINKWATCH_API_TOKEN is unset (local use only).")] = False,
    cors_origin: Annotated[str | None, typer.Option("--cors-origin", help="Allow browser calls from this one origin (CORS is off by default).")] = None,
    read_only: Annotated[bool, typer.Option("--read-only", help="Open the database read-only; writes are refused.")] = False,
    max_body_mb: Annotated[float, typer.Option("--max-body-mb", min=0.001, help="Largest request body accepted, in MB.")] = 2.0,
    watch: Annotated[Path | None, typer.Option("--watch", exists=True, dir_okay=False,
                                               help="Also poll the feeds listed in this file (one URL a line) and store their news.")] = None,
    every: Annotated[str, typer.Option("--every", help="With --watch: time between cycles (30s, 15m, 1h).")] = "15m",
    allow_private: Annotated[bool, typer.Option("--allow-private-addresses",
                                                help="With --watch: also fetch feeds on loopback/private addresses.")] = False,
    header_timeout: Annotated[float, typer.Option("--header-timeout", min=0.1,
                                                  help="Seconds a client has to send its request headers (and each piece of a body).")] = 10.0,
) -> None:
    """Serve the HTTP API (/v1, OpenAPI at /openapi.json, docs at /docs) over a brinkwatch database."""
    import uvicorn

    from brinkwatch.api import create_app
    from brinkwatch.api.server import FeedWatcher, uvicorn_options
    from brinkwatch.pipeline.watch import parse_every, read_feed_list
    from brinkwatch.store.access import ServerAnnouncement

    settings = Settings(db_path=db) if db else Settings()
    if dev and host not in LOCAL_HOSTS:
        err.print(f"[yellow]warning[/yellow] --dev on {host}: anyone who can reach it may write to the database")
    feeds: list[str] = []
    every_s = 0.0
    if watch is not None:
        if read_only:
            fail("--watch writes what it reads: it cannot run with --read-only")
        try:
            every_s = parse_every(every)
        except ValueError as exc:
            fail(f"--every: {exc}")
        feeds = read_feed_list(watch)
        if not feeds:
            fail(f"no feed URLs in {watch}")
    with handle_errors():
        api = create_app(settings.db_path, settings=settings, read_only=read_only,
                         allow_unauthenticated_writes=dev, cors_origin=cors_origin,
                         max_body_bytes=int(max_body_mb * 1024 * 1024), body_timeout_s=header_timeout)
    if feeds:
        api.state.bw.background.append(FeedWatcher(api.state.bw, feeds, every_s=every_s,
                                                   allow_private=allow_private))
        err.print(f"watching {len(feeds)} feeds every {every}")
    if not read_only:
        # Read commands on this machine find the server here when it holds the file.
        api.state.bw.background.append(ServerAnnouncement(settings.db_path, _local_url(host, port)))
    err.print(f"brinkwatch API on http://{host}:{port} (database {settings.db_path})")
    uvicorn.run(api, host=host, port=port, log_level="info", **uvicorn_options(header_timeout_s=header_timeout))
