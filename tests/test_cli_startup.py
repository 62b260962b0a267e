"""Commands that code nothing start without NLP: no spaCy, no coder, no HTML/feed readers, and ``tension``
without scipy or ruptures (their import was ~2 s; ``analyze/stats.py`` does their work in numpy). Times are
measured in ``benchmarks/startup.py``; here only which modules a fresh process loads."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from brinkwatch.store import Store
from test_store_helpers import document, event

SRC = str(Path(__file__).resolve().parents[1] / "src")
HEAVY = ("spacy", "brinkwatch.extract", "brinkwatch.nlp", "brinkwatch.actors.resolver", "trafilatura",
         "feedparser", "dask", "plotly", "scipy", "ruptures")
PROBE = (
    "import sys\n"
    "from brinkwatch.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "except SystemExit:\n"
    "    pass\n"
    f"print('LOADED ' + ' '.join(m for m in {(*HEAVY, 'duckdb')!r} if m in sys.modules), file=sys.stderr)\n"
)


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("startup") / "bw.duckdb"
    # Twelve weeks, talks then fighting: enough periods for change points and the verdict's test to run.
    docs = []
    for week in range(12):
        day = dt.date(2024, 1, 1) + dt.timedelta(weeks=week)
        text = f"Iraqi forces {'attacked' if week >= 6 else 'met'} US troops, report {week}."
        docs.append(document(str(week), text, [event(str(week), text, code="190" if week >= 6 else "042",
                                                     date=day)], pub_date=day))
    with Store(path) as store:
        store.write(docs)
    return path


def _loaded(*argv: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], env=env, capture_output=True, text=True,
                          timeout=120)
    line = next(line for line in done.stderr.splitlines() if line.startswith("LOADED"))
    return set(line.split()[1:])


@pytest.mark.parametrize("argv", [
    ("events", "--limit", "3"),
    ("export", "--format", "gdelt", "-o", "{tmp}/e.tsv"),
    ("tension", "Iraq", "United States", "--format", "json"),
    ("--help",),
])
def test_commands_that_code_nothing_load_no_nlp(small_db, tmp_path, argv):
    args = [a.format(tmp=tmp_path) for a in argv]
    if args[0] == "--help":
        assert _loaded(*args) == set()  # not even the store: the help needs only the commands' signatures
        return
    assert _loaded(*args + ["--db", str(small_db)]) == {"duckdb"}  # the store, nothing heavy (the probe works)


def test_code_loads_the_coder_but_not_the_store(tmp_path):
    """``brinkwatch code`` stores nothing: DuckDB (~0.05 s of CPU to import) is left to the commands that do."""
    article = tmp_path / "one.txt"
    article.write_text("Iran attacked two US bases in Iraq on Tuesday.\n", encoding="utf-8")
    loaded = _loaded("code", str(article), "--date", "2026-01-05", "--format", "jsonl")
    assert {"spacy", "brinkwatch.extract"} <= loaded  # the probe sees what coding loads
    assert not loaded & {"duckdb", "dask", "plotly", "scipy", "ruptures", "trafilatura", "feedparser"}
