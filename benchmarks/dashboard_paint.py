"""Benchmark: how soon the dashboard shows something, in Debian's chromium driven by Playwright.

    python benchmarks/dashboard_paint.py [--runs 3]

Serves the browser tests' small database (``tests/browser/web_data.py``) with the real app on a loopback port,
opens the page ``--runs`` times with a cold browser cache (a new profile each time: plotly.js compiled from
scratch) and ``--runs`` times warm (one profile: V8's code cache holds plotly.js), and prints, in milliseconds
from navigation: first contentful paint, the stats line filled, the first events-table row, the tension chart
drawn, and the page ready (``body[data-ready]``). Issue 15's bar is a first paint without a blank wait: the text
of the page (stats, pickers, events table) must not wait for plotly.js. Not a test: it never fails on time.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from brinkwatch.api import create_app  # noqa: E402
from browser.web_data import build_database  # noqa: E402 - the tests' database, found through tests/

MARKS = ("first-contentful-paint", "stats", "table", "chart", "ready")
# Marks the moments the page changes, observed from inside it (a MutationObserver added before any script).
OBSERVE_JS = """
new MutationObserver(() => {
  const once = (name, ok) => { if (ok && !performance.getEntriesByName(name).length) performance.mark(name); };
  const stats = document.getElementById('stats');
  once('stats', stats && !stats.textContent.startsWith('Loading'));
  once('table', document.querySelector('#events-table tbody tr'));
  once('chart', document.querySelector('#tension-chart .main-svg'));
  once('ready', document.body && document.body.dataset.ready);
}).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""
READ_JS = """() => Object.fromEntries(performance.getEntries()
    .filter((e) => e.entryType === 'paint' || e.entryType === 'mark')
    .map((e) => [e.name, Math.round(e.startTime)]))"""


def _serve(db: Path) -> tuple[uvicorn.Server, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, read_only=True), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}/"


def _visit(context, url: str) -> dict[str, int]:
    page = context.new_page()
    page.add_init_script(OBSERVE_JS)
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("body[data-ready]", timeout=120_000)
    page.wait_for_timeout(200)  # the paint entry is written after the frame
    marks = page.evaluate(READ_JS)
    page.close()
    return marks


def _print(label: str, runs: list[dict[str, int]]) -> None:
    print(f"{label:<6}" + "".join(f"{statistics.median(r.get(m, -1) for r in runs):>24}" for m in MARKS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    executable = shutil.which("chromium")
    if executable is None:
        raise SystemExit("chromium not found: apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as tmp:
        server, url = _serve(build_database(Path(tmp) / "web.duckdb").path)
        launch = {"executable_path": executable, "args": ["--no-sandbox", "--disable-gpu"],
                  "viewport": {"width": 1280, "height": 1000}}
        with sync_playwright() as p:
            cold = []
            for run in range(args.runs):
                context = p.chromium.launch_persistent_context(Path(tmp) / f"cold-{run}", **launch)
                cold.append(_visit(context, url))
                context.close()
            context = p.chromium.launch_persistent_context(Path(tmp) / "warm", **launch)
            _visit(context, url)  # fills the cache
            warm = [_visit(context, url) for _ in range(args.runs)]
            context.close()
        server.should_exit = True
    print(f"median ms from navigation over {args.runs} runs")
    print(f"{'cache':<6}" + "".join(f"{m:>24}" for m in MARKS))
    _print("cold", cold)
    _print("warm", warm)


if __name__ == "__main__":
    main()
