"""The dashboard's server side: what ``brinkwatch.web.mount`` serves, and that the page needs nothing remote.

These run without a browser (FastAPI's TestClient); ``test_web_browser.py`` drives the page itself.
"""

from __future__ import annotations

import importlib.resources
import re
import warnings
from pathlib import Path

import pytest
from fastapi import FastAPI

from brinkwatch.model import MODALITIES
from brinkwatch.web import DASHBOARD_PATH, STATIC_DIR, mount, plotly_js_path

with warnings.catch_warnings():
    # FastAPI's TestClient warns that starlette's httpx client is deprecated; that is not ours to fix.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

STATIC_FILES = sorted(p for p in STATIC_DIR.iterdir() if p.suffix in {".html", ".js", ".css"})
# Module imports ("./api.js") and the page's own links ("/static/app.js").
LOCAL_REFERENCE = re.compile(r"""(?:from\s+|import\(\s*|src=|href=)["'](\.?/[^"']+)["']""")


@pytest.fixture(scope="module")
def client() -> TestClient:
    app = FastAPI()
    mount(app)
    return TestClient(app)


def test_root_redirects_to_the_dashboard_page(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code in (302, 307)
    assert response.headers["location"] == DASHBOARD_PATH
    page = client.get(DASHBOARD_PATH)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert 'id="tension-chart"' in page.text
    # plotly.js is loaded by the page's own module after the first data shows, never by a blocking <script>
    assert "plotly.min.js" not in page.text and 'const BUNDLE = "/static/plotly.min.js"' in (
        STATIC_DIR / "plotly.js").read_text(encoding="utf-8")
    # The browser itself refuses anything not from this server (the browser tests see no violation).
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self';" in csp and "connect-src 'self'" in csp


def test_plotly_js_is_the_bundle_of_the_installed_plotly_package(client: TestClient) -> None:
    response = client.get("/static/plotly.min.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.content == plotly_js_path().read_bytes()
    assert len(response.content) > 1_000_000
    # The bundle is served from the package, never copied into ours.
    assert not (STATIC_DIR / "plotly.min.js").exists()


def test_every_local_reference_is_served_and_every_file_is_used(client: TestClient) -> None:
    referenced = set()
    for path in STATIC_FILES:
        for ref in LOCAL_REFERENCE.findall(path.read_text(encoding="utf-8")):
            url = "/static/" + ref.removeprefix("./") if ref.startswith("./") else ref
            assert client.get(url).status_code == 200, f"{path.name} refers to {ref}, which is not served"
            referenced.add(url.rsplit("/", 1)[-1])
    unused = {p.name for p in STATIC_FILES} - referenced - {"index.html"}
    assert not unused, f"static files nothing loads: {sorted(unused)}"


@pytest.mark.parametrize("path", STATIC_FILES, ids=lambda p: p.name)
def test_static_files_name_no_remote_resource(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"https?://|//cdn|@import\s+url", text), f"{path.name} points outside the server"


def test_vocabulary_lists_the_cameo_roots_and_the_model_modalities(client: TestClient) -> None:
    vocab = client.get(DASHBOARD_PATH + "vocab.json").json()
    assert vocab["modalities"] == list(MODALITIES)
    codes = [code for code, _ in vocab["cameo_roots"]]
    assert codes == [f"{i:02d}" for i in range(1, 21)]
    assert dict(vocab["cameo_roots"])["19"] == "Fight"
    # Country pickers say "Iran (IRN)": names of countries, and of the groups that stand where a country would.
    names = vocab["actor_names"]
    assert (names["countries"]["IRN"], names["countries"]["USA"]) == ("Iran", "United States")
    assert names["groups"]["IGO"] == "Inter-governmental organisation" and "IGO" not in names["countries"]


def test_api_app_mounts_the_dashboard(tmp_path: Path) -> None:
    from brinkwatch.api import create_app

    client = TestClient(create_app(tmp_path / "empty.duckdb"))
    assert client.get(DASHBOARD_PATH).status_code == 200
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    # The dashboard's routes stay out of the published API schema.
    paths = client.get("/openapi.json").json()["paths"]
    assert not any(p.startswith(("/static", "/dashboard")) or p == "/" for p in paths)


def test_unknown_static_file_is_404(client: TestClient) -> None:
    assert client.get("/static/nope.js").status_code == 404


def test_missing_plotly_bundle_costs_the_charts_not_the_api(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from brinkwatch.api import create_app

    client = TestClient(create_app(tmp_path / "empty.duckdb"))
    with monkeypatch.context() as patch:
        # A plotly installed without its package_data: the bundle's lookup finds no file.
        patch.setattr(importlib.resources, "files", lambda package: tmp_path / "no-plotly")
        response = client.get("/static/plotly.min.js")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "E404"
    assert "plotly.min.js not found" in response.json()["error"]["message"]
    assert client.get("/v1/stats").status_code == 200
    assert client.get(DASHBOARD_PATH).status_code == 200
