"""The CLI's conventions (after sqlite-utils, datasette and gh): one error style, nothing printed before an
error, no file left by a failed command, --version, --format on every listing, TSV in a pipe, tables that fit
80 columns, countries by name, a warning for undated stdin, help without Python types.

Commands run through ``brinkwatch.cli.main`` (what the ``brinkwatch`` script runs) so that click's own usage
errors are covered too; the spaCy coder is replaced by the fake one of the storage tests.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from rich.console import Console

import brinkwatch.cli.storage as storage
from brinkwatch.cli import app, main
from brinkwatch.cli.output import EVENT_COLUMNS, fit_table
from test_pipeline_ingestion import FakeCoder

ERROR_LINE = re.compile(r"^error\[E\d{3}\]: \S.*?( \(try: \S.*\))?$")
LONG_EVIDENCE = ("Iraqi forces attacked the United States embassy in Baghdad on Monday with rockets and drones, "
                 "officials said, in the heaviest assault on the compound since the start of the year.")


@pytest.fixture
def cli(monkeypatch, capsys):
    monkeypatch.setattr(storage, "make_coder", lambda settings: FakeCoder())

    def run(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
        with pytest.raises(SystemExit) as exited:
            main(list(argv))
        captured = capsys.readouterr()
        return exited.value.code, captured.out, captured.err

    return run


@pytest.fixture
def db(cli, tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "one.txt").write_text(LONG_EVIDENCE, encoding="utf-8")
    (news / "two.txt").write_text("Officials from the United States met Iraqi envoys in Geneva.", encoding="utf-8")
    path = tmp_path / "bw.duckdb"
    status, _, _ = cli("ingest", str(news), "--db", str(path), "--date", "2024-01-02")
    assert status == 0
    return path


def _assert_one_error(status: int, stdout: str, stderr: str, code: str) -> None:
    assert status != 0
    assert stdout == ""  # nothing printed before (or instead of) the error
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and ERROR_LINE.match(lines[0]), stderr
    assert lines[0].startswith(f"error[{code}]: ")


def test_every_kind_of_error_prints_one_line_in_one_style(cli, db, tmp_path):
    _assert_one_error(*cli("events", "--db", str(tmp_path / "none.duckdb")), "E404")
    _assert_one_error(*cli("events", "--db", str(db), "--format", "xml"), "E002")
    _assert_one_error(*cli("events", "--db", str(db), "--since", "last week"), "E002")
    _assert_one_error(*cli("events", "--db", str(db), "--bogus"), "E002")  # click's own usage error
    _assert_one_error(*cli("tension", "Narnia", "Iraq", "--db", str(db)), "E002")
    _assert_one_error(*cli("tension", "Iraq", "Japan", "--db", str(db)), "E501")
    out = tmp_path / "events.csv"
    assert cli("export", "--db", str(db), "--format", "csv", "-o", str(out))[0] == 0
    status, stdout, stderr = cli("export", "--db", str(db), "--format", "csv", "-o", str(out))
    _assert_one_error(status, stdout, stderr, "E600")
    assert stderr.rstrip().endswith("(try: --overwrite)") and "overwrite=True" not in stderr


def test_code_of_a_missing_file_prints_no_table_before_its_error(cli, tmp_path):
    _assert_one_error(*cli("code", str(tmp_path / "missing.txt")), "E100")


def test_failed_commands_leave_no_files(cli, db, tmp_path):
    new_db = tmp_path / "new.duckdb"
    _assert_one_error(*cli("ingest", str(tmp_path / "missing_dir"), "--db", str(new_db)), "E100")
    assert not new_db.exists()
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    status, _, stderr = cli("ingest", str(empty), "--db", str(new_db))
    assert status == 2 and "error[E101]" in stderr
    assert not new_db.exists()  # nothing was stored, so no empty database is left behind
    assert not list(tmp_path.glob("new.duckdb*"))


def test_version(cli):
    status, stdout, _ = cli("--version")
    assert status == 0 and re.match(r"^brinkwatch \d+\.\d+", stdout)


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "jsonl"])
def test_events_and_code_take_every_listing_format(cli, db, tmp_path, fmt):
    status, stdout, _ = cli("events", "--db", str(db), "--format", fmt)
    assert status == 0 and stdout
    article = tmp_path / "one.txt"
    article.write_text(LONG_EVIDENCE, encoding="utf-8")
    coded_status, coded, _ = cli("code", str(article), "--date", "2024-01-02", "--format", fmt)
    assert coded_status == 0
    for text in (stdout, coded):
        if fmt == "json":
            assert isinstance(json.loads(text), list)
        elif fmt == "jsonl":
            assert all(json.loads(line)["cameo"]["code"] == "190" for line in text.splitlines())
        elif fmt in ("csv", "tsv"):
            rows = list(csv.DictReader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
            assert rows and rows[0]["code"] == "190" and "evidence" in rows[0]
        else:
            assert "evidence" in text


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "json"])
def test_tension_takes_listing_formats_and_country_names(cli, db, fmt):
    status, stdout, _ = cli("tension", "Iraq", "the United States", "--db", str(db), "--format", fmt)
    assert status == 0, stdout
    if fmt == "json":
        assert json.loads(stdout)["series"]["a"] in ("IRQ", "USA")
    elif fmt == "jsonl":
        assert "tension" in json.loads(stdout.splitlines()[0])
    else:
        header = stdout.splitlines()[0].split("," if fmt == "csv" else "\t")
        assert header[0] == "period" and "tension" in header


def test_plain_tsv_when_stdout_is_not_a_terminal(cli, db):
    status, stdout, _ = cli("events", "--db", str(db))  # pytest's captured stdout is not a terminal
    assert status == 0
    lines = stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["event_id", "date", "source"]
    assert len(lines) >= 2 and all(len(line.split("\t")) == len(lines[0].split("\t")) for line in lines)
    assert "─" not in stdout and "│" not in stdout


def test_countries_by_name_or_code(cli, db):
    by_code = cli("events", "--db", str(db), "--source", "IRQ", "--format", "jsonl")[1]
    for name in ("Iraq", "iraq", "irq"):
        assert cli("events", "--db", str(db), "--source", name, "--format", "jsonl")[1] == by_code
    assert cli("events", "--db", str(db), "--target", "United States", "--format", "jsonl")[1] == by_code


def test_table_fits_80_columns_and_cuts_evidence_with_an_ellipsis():
    record = {"date": "2024-01-02", "source": {"code": "IRQGOVMIL"}, "target": {"code": "USAMIL"},
              "cameo": {"code": "1951", "name": "Employ aerial weapons"}, "goldstein": -10.0,
              "modality": "threatened", "evidence": {"text": LONG_EVIDENCE}, "num_mentions": 12}
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(fit_table([record] * 3, EVENT_COLUMNS, width=80, title="3 events"))
    lines = console.export_text().splitlines()
    assert max(len(line) for line in lines) <= 80
    row = next(line for line in lines if "2024-01-02" in line)
    assert row.rstrip().endswith("…") and "Iraqi forces attacked" in row  # one line, cut, not wrapped
    assert sum("2024-01-02" in line for line in lines) == 3 and len(lines) <= 8


def test_stdin_without_a_date_warns(cli, tmp_path):
    status, _, stderr = cli("ingest", "-", "--db", str(tmp_path / "s.duckdb"),
                            stdin="Iraqi forces attacked the United States embassy.")
    assert status == 0
    assert re.search(r"^warning: text from stdin has no publication date", stderr, re.M)
    status, _, stderr = cli("ingest", "-", "--db", str(tmp_path / "t.duckdb"), "--date", "2024-01-02",
                            stdin="Iraqi forces attacked the United States embassy.")
    assert status == 0 and "warning" not in stderr


def test_help_shows_no_python_types(cli):
    commands = sorted(app.registered_commands, key=lambda c: c.name or "")
    assert len(commands) >= 10
    for command in commands:
        name = command.name or command.callback.__name__
        status, stdout, _ = cli(name, "--help")
        assert status == 0
        assert not re.search(r"<(?:str|int|bool|float|path|list|int range)", stdout, re.I), (name, stdout)
    status, stdout, _ = cli("--help")
    assert status == 0 and "--version" in stdout
