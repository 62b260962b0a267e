"""Browser tests of the dashboard: Debian's chromium (driven by Playwright) against the real API app.

The app is ``brinkwatch.api.create_app`` over a small hand-coded database (``browser/web_data.py``),
served by uvicorn on a free loopback port in a background thread. The tests click through
dyad -> period -> event -> article and check what the page shows; screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest
import uvicorn
from playwright.sync_api import expect

from brinkwatch.api import create_app
from browser.web_data import WebData, build_database, documents

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
REQUIRE_BROWSER = "BRINKWATCH_REQUIRE_BROWSER"
TIMEOUT_MS = 20_000  # generous: the test machine is shared, and plotly.js takes a while to parse


def _no_coder():
    raise AssertionError("the dashboard must not need the NLP pipeline")


@pytest.fixture(scope="session")
def web_data(tmp_path_factory: pytest.TempPathFactory) -> WebData:
    return build_database(tmp_path_factory.mktemp("web") / "web.duckdb")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def _serving(db_path: Path) -> Iterator[str]:
    """The real API app (with the dashboard) over ``db_path``, on a free loopback port, in a thread."""
    app = create_app(db_path, read_only=True, coder_factory=_no_coder)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start the dashboard app within 10 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def base_url(web_data: WebData) -> Iterator[str]:
    with _serving(web_data.path) as url:
        yield url


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory):
    """Debian's chromium driven by Playwright.

    A missing browser skips these tests with the install hint on a user's machine; CI installs chromium
    and sets ``BRINKWATCH_REQUIRE_BROWSER=1``, which makes a missing browser a failure there.

    A persistent profile (in a temporary directory) gives chromium a disk cache, and with it V8's code
    cache: from the third page load on, the 4.6 MB plotly.js is not compiled again (~1 s instead of ~5 s
    per load on a busy machine).
    """
    executable = shutil.which("chromium")
    if executable is None:
        reason = ("chromium not found on PATH: install Debian's package (apt-get install -y chromium); "
                  "never run `playwright install`")
        if os.environ.get(REQUIRE_BROWSER) == "1":
            pytest.fail(f"{reason} ({REQUIRE_BROWSER}=1)")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            tmp_path_factory.mktemp("chromium-profile"), executable_path=executable, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 1000})
        yield context
        context.close()


@pytest.fixture()
def page(chromium, base_url: str):
    """A fresh page that records every request URL, failed response and console error."""
    page = chromium.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)
    page.requests = []  # type: ignore[attr-defined]
    page.console_errors = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    page.on("response", lambda r: r.status >= 400 and page.console_errors.append(f"{r.status} {r.url}"))
    yield page
    page.close()


def _open_dashboard(page, base_url: str) -> None:
    page.goto(base_url + "/", wait_until="domcontentloaded")
    page.wait_for_selector("body[data-ready]")
    assert page.get_attribute("body", "data-ready") == "1", page.inner_text("#error")


def _foreign_requests(urls: list[str]) -> list[str]:
    return [u for u in urls if urlparse(u).scheme not in ("data", "blob") and urlparse(u).hostname not in LOCAL_HOSTS]


# The label texts of the network view (plotly annotations; the edges' arrows are annotations without text)
# with their boxes on screen: [text, [left, top, right, bottom]].
_LABEL_BOXES_JS = """(selector) => [...document.querySelectorAll(selector + ' .annotation-text')]
    .filter((t) => t.textContent.trim())
    .map((t) => { const r = t.getBoundingClientRect(); return [t.textContent, [r.left, r.top, r.right, r.bottom]]; })"""


def _network_labels(page, selector: str = "#network-chart") -> list[tuple[str, list[float]]]:
    return [(text, box) for text, box in page.evaluate(_LABEL_BOXES_JS, selector)]


def _overlapping(labels: list[tuple[str, list[float]]]) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes intersect."""
    pairs = []
    for i, (text_a, (l1, t1, r1, b1)) in enumerate(labels):
        for text_b, (l2, t2, r2, b2) in labels[i + 1:]:
            if l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1:
                pairs.append((text_a, text_b))
    return pairs


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_dyad_to_period_to_event_to_article(page, base_url: str, web_data: WebData) -> None:
    _open_dashboard(page, base_url)
    # The busiest pair is preselected and its verdict shown: tensions rose at the turn to fighting.
    assert sorted([page.input_value("#dyad-a"), page.input_value("#dyad-b")]) == list(web_data.dyad)
    assert page.inner_text("[data-testid=verdict-direction]") == "rising"
    assert re.fullmatch(r"\d{1,3}%", page.inner_text("[data-testid=verdict-confidence]"))
    summary = page.inner_text("[data-testid=verdict-summary]")
    assert "risen" in summary and web_data.turn_week.isoformat() in summary
    assert web_data.turn_week.isoformat() in page.inner_text("[data-testid=change-points]")
    # The Plotly chart drew one bar per week and one dashed line per change point.
    # (the range slider under the chart draws a small copy of the bars: count the main plot's only)
    assert page.locator("#tension-chart .cartesianlayer .bars .point").count() == 10
    assert page.evaluate("document.getElementById('tension-chart').layout.shapes.length") == 1
    _shot(page, "dashboard-dyad")

    week = web_data.shared_fight_week.isoformat()
    page.select_option("#period-select", week)
    page.wait_for_selector(f"#period-view[data-period='{week}']")
    # The chosen week's bar (the last of ten) is outlined on the chart.
    assert page.evaluate("document.getElementById('tension-chart').data[0].marker.line.width") == [0] * 9 + [3]
    rows = page.locator("#period-events [data-testid=event-row]")
    assert rows.count() == 2  # the merged fight (two articles) and the threat, both directions of the dyad
    texts = rows.all_inner_texts()
    assert any("190" in t and "IRNMIL" in t and "USAMIL" in t for t in texts)
    assert any("138" in t for t in texts)
    _shot(page, "dashboard-week")

    rows.filter(has_text="clashed").first.click()
    page.wait_for_selector("#article-view:not([hidden]) [data-testid=hl-trigger]")
    assert page.locator("[data-testid=mention-button]").count() == 2  # reported by two publishers
    assert page.inner_text("[data-testid=hl-trigger]") == "clashed"
    assert page.inner_text("[data-testid=hl-source]") == "Iranian forces"
    assert page.inner_text("[data-testid=hl-target]") == "American troops"
    assert page.inner_text("[data-testid=hl-place]") == "Basra"
    assert page.inner_text("[data-testid=hl-number]") == "12"
    assert "week 9" in page.inner_text("[data-testid=article-title]")
    # The article's other events are marked at their triggers, and open on click.
    assert page.locator("[data-testid=hl-other]").all_inner_texts() == ["threatened", "accused"]
    _shot(page, "dashboard-article")
    page.click("[data-testid=hl-other]:has-text('threatened')")
    expect(page.locator("[data-testid=hl-trigger]")).to_have_text("threatened")
    assert page.inner_text("[data-testid=hl-source]") == "Tehran"
    assert page.locator("[data-testid=mention-button]").count() == 1
    rows.filter(has_text="clashed").first.click()
    expect(page.locator("[data-testid=mention-button]")).to_have_count(2)

    # The other publisher's article of the same event opens with the same spans.
    page.locator("[data-testid=mention-button]", has_text="Levant Herald").click()
    page.wait_for_selector("[data-testid=mention-button][aria-pressed=true]:has-text('Levant Herald')")
    assert "Levant Herald" in page.inner_text("[data-testid=article-meta]")
    assert page.inner_text("[data-testid=hl-trigger]") == "clashed"

    assert _foreign_requests(page.requests) == []
    assert any(u.endswith("/static/plotly.min.js") for u in page.requests)
    assert page.console_errors == []

    # The URL remembers the view: opened elsewhere, it shows the same dyad, week and article.
    bookmark = page.url
    assert f"period={week}" in bookmark and "a=IRN" in bookmark and "b=USA" in bookmark
    other = page.context.new_page()
    other.goto(bookmark, wait_until="domcontentloaded")
    other.wait_for_selector("body[data-ready='1']")
    assert other.get_attribute("#period-view", "data-period") == week
    assert other.locator("#period-events [data-testid=event-row]").count() == 2
    assert other.inner_text("[data-testid=mention-button][aria-pressed=true]") == "Levant Herald"
    assert other.inner_text("[data-testid=hl-trigger]") == "clashed"
    other.close()

    # The verdict's drivers open their events too: the strongest is the fight two publishers reported.
    page.click("#drivers-box summary")
    page.locator("[data-testid=driver] button").first.click()
    expect(page.locator("[data-testid=mention-button]")).to_have_count(2)
    assert page.inner_text("[data-testid=hl-trigger]") == "clashed"


# Each page load parses the 4.6 MB plotly.js, so each test below checks several things on one page.
def test_chart_bar_lists_its_week_and_api_errors_are_shown(page, base_url: str, web_data: WebData) -> None:
    _open_dashboard(page, base_url)
    week = web_data.turn_week.isoformat()
    # Plotly's drag layer lies over the bars, so click where a user would: on the bar's pixels.
    box = page.locator("#tension-chart .cartesianlayer .bars .point path").nth(6).bounding_box()  # week 6
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector(f"#period-view[data-period='{week}']")
    assert page.locator("#period-events [data-testid=event-row]").count() == 2
    assert page.input_value("#period-select") == week  # the select follows the chart
    assert page.console_errors == []

    # Country B offers only the partners of country A, by name, with their event counts.
    page.select_option("#dyad-a", "ISR")
    assert page.locator("#dyad-b option").all_inner_texts() == ["Lebanon (LBN) · 11 events"]
    # A pair with no events (say, a page left open while the data changed): the API's E501 is shown.
    page.evaluate("document.getElementById('dyad-b').append(new Option('USA', 'USA'))")
    page.select_option("#dyad-b", "USA")
    page.click("[data-testid=dyad-show]")
    page.wait_for_selector("[data-testid=error]:not([hidden])")
    assert "E501" in page.inner_text("[data-testid=error]")


def test_events_table_filters_and_network(page, base_url: str, web_data: WebData) -> None:
    _open_dashboard(page, base_url)
    rows = page.locator("#events-table [data-testid=event-row]")
    mentions = sum(len(doc.events) for doc in documents())
    assert rows.count() == mentions - 1  # two mentions of the last fight are one merged happening
    page.fill("#f-actor", "ISR")
    page.click("[data-testid=events-apply]")
    expect(rows).to_have_count(11)
    assert all("ISR" in t for t in rows.all_inner_texts())
    # The undated event is listed by its publication day, marked as such.
    assert page.locator("#events-table td.undated").all_inner_texts() == [web_data.undated_published.isoformat()]

    page.fill("#f-actor", "")
    page.select_option("#f-root", "19")
    page.fill("#f-q", "sailors")
    page.click("[data-testid=events-apply]")
    expect(rows).to_have_count(4)
    assert all("190" in t and "sailors" in t for t in rows.all_inner_texts())

    page.select_option("#f-root", "")
    page.fill("#f-q", "")
    page.select_option("#f-modality", "negated")
    page.click("[data-testid=events-apply]")
    page.wait_for_selector("#events-table [data-testid=no-events]")

    page.select_option("#f-modality", "")
    page.fill("#f-actor", "USA")
    page.press("#f-actor", "Enter")  # the form submits from the keyboard too
    expect(rows.first).to_be_visible()
    talks = rows.filter(has_text="held talks").first  # newest first: the talks are not the top row
    talks.focus()
    page.keyboard.press("Enter")  # rows open from the keyboard, not only by mouse
    page.wait_for_selector("#article-view:not([hidden]) [data-testid=hl-trigger]")
    assert page.inner_text("[data-testid=hl-trigger]") == "held talks"
    # Every form control has a label a screen reader can announce.
    unlabelled = page.evaluate("[...document.querySelectorAll('input, select')].filter((e) => !e.labels.length)"
                               ".map((e) => e.id)")
    assert unlabelled == []
    _shot(page, "dashboard-events")

    # The network draws every country; clicking a node filters the events table by that actor.
    assert sorted(text for text, _ in _network_labels(page)) == ["IRN", "ISR", "LBN", "USA"]
    # Dyad pickers list the countries of the network by name, with their codes.
    assert page.locator("#dyad-a option").all_inner_texts() == [
        "Iran (IRN)", "Israel (ISR)", "Lebanon (LBN)", "United States (USA)"]
    page.evaluate("""() => {
        const chart = document.getElementById('network-chart');
        chart.emit('plotly_click', {points: [{customdata: 'LBN'}]});
    }""")
    expect(page.locator("#f-actor")).to_have_value("LBN")
    expect(rows).to_have_count(11)
    _shot(page, "dashboard-network")
    # At actor level the nodes are full actor codes (country + sector).
    page.select_option("#net-level", "actor")
    expect(page.locator("#network-chart .annotation-text", has_text="IRNMIL")).to_have_count(1)
    labels = _network_labels(page)
    assert {"USAGOV", "IRNGOV", "USAMIL", "IRNMIL", "ISR", "LBN", "LBNGOV", "USA", "IRN"} == {t for t, _ in labels}
    assert _overlapping(labels) == []
    assert page.console_errors == []



def test_page_modules_highlight_offsets_and_period_ends(page, base_url: str) -> None:
    # The modules alone (no plotly.js): any same-origin page can import them.
    page.goto(base_url + "/healthz")
    result = page.evaluate("""async () => {
        const h = await import('/static/highlight.js');
        const t = await import('/static/timeline.js');
        const n = await import('/static/network.js');
        const text = 'Rebels <b>shelled</b> Aden.\\n\\nNo one was hurt.';
        const record = {
            evidence: {start: 0, end: 27, trigger_start: 10, trigger_end: 17},
            cameo: {code: '190'}, source: {code: 'YEMREB', start: 0, end: 6},
            target: null, place: {name: 'Aden', start: 22, end: 26},
            numbers: [{kind: 'killed', value: 0, start: 60, end: 70}],  // beyond the text: dropped
        };
        const spans = h.eventSpans(record);
        const pieces = h.segments(text, spans);
        const box = document.createElement('div');
        h.renderHighlighted(box, text, spans);
        const pos = n.forceLayout(['A', 'B', 'C', 'D'], [{source: 'A', target: 'B'}, {source: 'C', target: 'D'}]);
        return {
            kinds: spans.map((s) => s.kind),
            rejoined: pieces.map((p) => p.text).join(''),
            marks: [...box.querySelectorAll('mark')].map((m) => [m.dataset.kinds, m.textContent]),
            paragraphs: [...box.querySelectorAll('p')].map((p) => p.textContent),
            elements: box.querySelectorAll('b, script').length,
            weekEnd: t.periodEnd('2024-12-30', 'week'),
            monthEnd: t.periodEnd('2024-02-01', 'month'),
            dayEnd: t.periodEnd('2024-02-01', 'day'),
            finite: pos.flat().every(Number.isFinite),
            again: JSON.stringify(n.forceLayout(['A', 'B', 'C', 'D'], [{source: 'A', target: 'B'},
                {source: 'C', target: 'D'}])) === JSON.stringify(pos),
        };
    }""")
    assert result["kinds"] == ["evidence", "trigger", "source", "place", "number"]
    assert result["rejoined"] == "Rebels <b>shelled</b> Aden.\n\nNo one was hurt."
    # Innermost span decides the colour; offsets count the markup-looking characters as text.
    assert result["marks"] == [["source evidence", "Rebels"], ["evidence", " <b>"], ["trigger evidence", "shelled"],
                               ["evidence", "</b> "], ["place evidence", "Aden"], ["evidence", "."]]
    assert result["paragraphs"] == ["Rebels <b>shelled</b> Aden.", "No one was hurt."]
    assert result["elements"] == 0  # article text never becomes markup
    assert (result["weekEnd"], result["monthEnd"], result["dayEnd"]) == ("2025-01-05", "2024-02-29", "2024-02-01")
    assert result["finite"] and result["again"]


def test_empty_database_says_what_to_do(chromium, tmp_path: Path) -> None:
    from brinkwatch.store import Store

    Store(tmp_path / "empty.duckdb").close()  # the schema, no rows
    with _serving(tmp_path / "empty.duckdb") as url:
        page = chromium.new_page()
        page.goto(url + "/", wait_until="domcontentloaded")
        page.wait_for_selector("body[data-ready]")
        assert page.get_attribute("body", "data-ready") == "1"
        assert "brinkwatch ingest" in page.inner_text("[data-testid=empty]")
        assert page.is_disabled("[data-testid=dyad-show]")
        assert page.is_visible("#events-table [data-testid=no-events]")
        assert page.is_hidden("[data-testid=error]")
        page.close()


def test_map_brush_download_and_newest_first(page, base_url: str, web_data: WebData, tmp_path: Path) -> None:
    _open_dashboard(page, base_url)
    rows = page.locator("#events-table [data-testid=event-row]")
    dates = [row.split("\t")[0] for row in rows.all_inner_texts()]
    assert dates == sorted(dates, reverse=True)  # newest first
    # Place, deaths and confidence columns: the Basra fight killed 12.
    fight = rows.filter(has_text="Basra").first
    assert "12" in fight.inner_text() and re.search(r"0\.\d\d", fight.inner_text())

    # The map: country outlines from the bundled topojson, one marker per shown event with a place.
    placed = page.evaluate("document.getElementById('events-map').dataset.points")
    assert int(placed) >= 2
    expect(page.locator("#events-map .scattergeo .point")).to_have_count(int(placed))
    assert page.locator("#events-map path.countries, #events-map .countries path").count() >= 1
    assert any(u.endswith("/static/topojson/world_110m.json") for u in page.requests)
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#map-view").screenshot(path=str(ARTIFACTS / "dashboard-map.png"))
    # Clicking a marker opens its event's article, as a table row does.
    page.locator("#events-map").scroll_into_view_if_needed()
    box = page.locator("#events-map .scattergeo .point").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#article-view:not([hidden]) [data-testid=hl-place]")
    assert page.inner_text("[data-testid=hl-place]") in ("Basra", "Muscat")

    # The chart's range slider is a date brush: the table and the map follow it.
    start, end = web_data.turn_week, web_data.shared_fight_week
    page.evaluate(f"Plotly.relayout('tension-chart', {{'xaxis.range': ['{start}', '{end}']}})")
    expect(page.locator("#f-since")).to_have_value(start.isoformat())
    expect(page.locator("#f-until")).to_have_value(end.isoformat())
    # the table reloads after the brush: wait for its rows rather than for any count (that raced the reload)
    page.wait_for_function(
        "([lo, hi]) => { const rows = [...document.querySelectorAll('#events-table [data-testid=event-row]')];"
        " return rows.length > 0 && rows.every(r => { const d = r.innerText.split('\\t')[0].trim();"
        " return lo <= d && d <= hi; }); }",
        arg=[start.isoformat(), end.isoformat()])
    brushed = [row.split("\t")[0] for row in rows.all_inner_texts()]
    assert brushed and all(start.isoformat() <= d <= end.isoformat() for d in brushed)
    assert len(brushed) < len(dates)
    in_range = page.evaluate("document.getElementById('events-map').dataset.points")
    assert int(in_range) <= int(placed)
    _shot(page, "dashboard-brushed")

    # Download CSV: exactly the rows shown, with the columns shown.
    with page.expect_download() as info:
        page.click("[data-testid=events-csv]")
    path = tmp_path / "shown.csv"
    info.value.save_as(path)
    import csv

    with path.open(newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == len(brushed)
    assert {"date", "place", "deaths", "confidence", "evidence"} <= set(table[0])
    assert [r["date"] for r in table] == brushed
    assert _foreign_requests(page.requests) == []
    assert page.console_errors == []


def test_narrow_screen_layout(chromium, base_url: str) -> None:
    page = chromium.new_page()
    page.set_viewport_size({"width": 420, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    try:
        _open_dashboard(page, base_url)
        # Nothing wider than the screen: tables scroll inside their box, forms stack.
        assert page.evaluate("document.documentElement.scrollWidth") <= 420
        for selector in ("#dyad-view", "#events-view", "#map-view", "#network-view"):
            box = page.locator(selector).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 420, selector
        select = page.locator("#dyad-a").bounding_box()
        assert select["width"] > 300  # a full-width control, not a squeezed one
        _shot(page, "dashboard-420px")
    finally:
        page.close()


def test_docs_render_with_the_network_off(chromium, base_url: str) -> None:
    page = chromium.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    blocked: list[str] = []

    def only_local(route) -> None:  # noqa: ANN001 - Playwright's Route
        if urlparse(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    try:
        page.goto(base_url + "/docs", wait_until="domcontentloaded")
        expect(page.locator(".swagger-ui .info .title")).to_contain_text("brinkwatch")
        expect(page.locator(".swagger-ui .opblock-summary-path", has_text="/v1/events").first).to_be_visible()
        _shot(page, "docs-offline")
        assert blocked == []
    finally:
        page.close()


def test_first_paint_shows_the_data_before_plotly_js_arrives(chromium, base_url: str) -> None:
    """plotly.js (4.6 MB) is held back by the test: the page must paint and show its text (stats, pickers with
    country names, the events table) without it, with placeholders where the charts go; then draw them."""
    page = chromium.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    held: list = []
    page.route("**/static/plotly.min.js", lambda route: held.append(route))
    try:
        page.goto(base_url + "/", wait_until="domcontentloaded")
        rows = page.locator("#events-table [data-testid=event-row]")
        expect(rows.first).to_be_visible()
        expect(page.locator("#stats")).to_contain_text("merged events")
        assert page.locator("#dyad-a option").first.inner_text().endswith(")")  # "Iran (IRN)"
        assert page.evaluate("performance.getEntriesByName('first-contentful-paint').length") == 1
        assert page.evaluate("typeof window.Plotly") == "undefined"  # all of the above came without plotly.js
        expect(page.locator("#tension-chart .chart-placeholder")).to_have_text("Loading chart…")
        assert page.get_attribute("body", "data-ready") is None
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while not held and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        assert len(held) == 1, "the page asked for plotly.js once, after its text was shown"
        held[0].continue_()
        page.wait_for_selector("body[data-ready]")
        assert page.get_attribute("body", "data-ready") == "1", page.inner_text("#error")
        assert page.locator("#tension-chart .chart-placeholder").count() == 0
        assert page.locator("#tension-chart .main-svg").count() >= 1
    finally:
        page.close()


_DENSE_NETWORK_JS = """async ([width, count]) => {
    const n = await import('/static/network.js');
    const div = document.createElement('div');
    div.id = 'dense-network';
    div.style.width = width + 'px';
    document.body.prepend(div);
    // A hub with spokes and a ring: long actor codes, the clustered kind of picture where labels collide.
    const ids = Array.from({length: count}, (_, i) => 'C' + String(i).padStart(2, '0') + (i % 3 ? 'GOVMIL' : 'REB'));
    const edge = (s, t, c) => ({source: s, target: t, count: c, coop_weight: 1, conflict_weight: c,
                                goldstein_mean: -2});
    const edges = ids.slice(1).map((id, i) => edge(ids[0], id, 1 + (i % 4)))
        .concat(ids.slice(1).map((id, i) => edge(id, ids[1 + ((i + 1) % (count - 1))], 1)));
    const nodes = ids.map((id) => ({id, events_in: 2, events_out: id === ids[0] ? count : 1}));
    await n.renderNetwork(div, {nodes, edges}, () => {});
    return Number(div.dataset.labelsHidden);
}"""


def test_network_draws_the_latest_level_when_answers_arrive_out_of_order(chromium, base_url: str) -> None:
    """Choosing countries, then actors before the countries' answer is in: the late answer must not be drawn
    over the actors (it was, now and then, and the labels of one level sat over the data of the other)."""
    page = chromium.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    held = []
    try:
        _open_dashboard(page, base_url)
        page.select_option("#net-level", "actor")
        page.wait_for_function("(node) => document.getElementById('network-chart').data[1].customdata"
                               ".includes(node)", arg="IRNMIL")
        page.route("**/v1/network?*level=country*", lambda route: held.append(route))  # hold the countries' answer
        page.select_option("#net-level", "country")
        page.wait_for_timeout(300)  # let the request reach the route
        assert held, "the countries' request was not made"
        page.select_option("#net-level", "actor")
        page.wait_for_timeout(500)  # the actors' answer is drawn (again)
        held[0].continue_()  # now the earlier, countries' answer arrives last
        page.wait_for_timeout(1000)
        data = page.evaluate("document.getElementById('network-chart').data[1].customdata")
        assert "IRNMIL" in data, data
        labels = _network_labels(page)
        assert len(labels) == page.evaluate("document.getElementById('network-chart').data[1].x.length")
    finally:
        page.close()


@pytest.mark.parametrize("viewport", [1280, 420])
def test_network_labels_do_not_overlap(chromium, base_url: str, viewport: int) -> None:
    page = chromium.new_page()
    page.set_viewport_size({"width": viewport, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    try:
        _open_dashboard(page, base_url)
        for level, node in (("country", "IRN"), ("actor", "IRNMIL")):
            page.select_option("#net-level", level)
            page.wait_for_function("(node) => document.getElementById('network-chart').data[1].customdata"
                                   ".includes(node)", arg=node)
            labels = _network_labels(page)
            assert len(labels) == page.evaluate("document.getElementById('network-chart').data[1].x.length")
            assert _overlapping(labels) == [], level
        if viewport > 420:  # a window made narrow lays the labels out again for the new width
            page.set_viewport_size({"width": 420, "height": 900})
            page.wait_for_function("() => document.querySelector('#network-chart .main-svg')"
                                   ".getBoundingClientRect().width <= 420")
            labels = _network_labels(page)
            assert labels and _overlapping(labels) == []
            assert all(right <= 420 for _, (_, _, right, _) in labels)
            page.set_viewport_size({"width": viewport, "height": 900})
        # A dense network (30 nodes with long codes around a hub): every label drawn, none overlapping.
        width = min(900, viewport - 40)
        hidden = page.evaluate(_DENSE_NETWORK_JS, [width, 30])
        labels = _network_labels(page, "#dense-network")
        assert _overlapping(labels) == []
        assert hidden == 0 and len(labels) == 30
        page.locator("#dense-network").screenshot(path=str(ARTIFACTS / f"network-labels-{viewport}px.png"))
    finally:
        page.close()
