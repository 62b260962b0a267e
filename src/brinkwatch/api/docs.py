"""The API's interactive documentation, served from local files: Swagger UI at ``/docs``.

FastAPI's own page loads Swagger UI from a CDN, which leaves it blank offline. The assets come from the
installed ``fastapi-offline`` package (MIT; its Swagger UI 5, Apache-2.0, reads FastAPI's OpenAPI 3.1),
mounted under ``/static-docs``; nothing is fetched from elsewhere. There is no ``/redoc``: the bundled
ReDoc still loads its logo from redocly's CDN.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_STATIC = "/static-docs"


def assets_dir() -> Path:
    return Path(str(importlib.resources.files("fastapi_offline") / "static"))


def mount_docs(app: FastAPI, *, docs_url: str = "/docs") -> None:
    """Serve Swagger UI for ``app`` (built with ``docs_url=None, redoc_url=None``) from local files."""
    app.mount(DOCS_STATIC, StaticFiles(directory=assets_dir()), name="static-docs")
    redirect = app.swagger_ui_oauth2_redirect_url or "/docs/oauth2-redirect"

    @app.get(docs_url, include_in_schema=False)
    def swagger(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}", title=f"{app.title} - Swagger UI",
            oauth2_redirect_url=redirect, swagger_js_url=f"{root}{DOCS_STATIC}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{DOCS_STATIC}/swagger-ui.css", swagger_favicon_url=f"{root}{DOCS_STATIC}/favicon.png")

    @app.get(redirect, include_in_schema=False)
    def swagger_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()


__all__ = ["DOCS_STATIC", "assets_dir", "mount_docs"]
