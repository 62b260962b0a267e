"""Commands that code nothing start without NLP: no spaCy, no coder, no HTML/feed readers (measured in
``benchmarks/startup.py``; here only which modules a fresh process loads)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from brinkwatch.store import Store
from test_store_helpers import document

SRC = str(Path(__file__).resolve().parents[1] / "src")
HEAVY = ("spacy", "brinkwatch.extract", "brinkwatch.nlp", "brinkwatch.actors.resolver", "trafilatura",
         "feedparser", "dask", "plotly")
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
    with Store(path) as store:
        store.write([document(str(i), f"Iraqi forces attacked US troops, report {i}.") for i in range(5)])
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
    if args[0] != "--help":
        args += ["--db", str(small_db)]
    assert _loaded(*args) == {"duckdb"}  # the store, and nothing heavy (duckdb shows the probe works)
