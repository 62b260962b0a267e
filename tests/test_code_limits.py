"""``brinkwatch code`` takes the per-document limits ``brinkwatch ingest`` takes, with the same errors:
``--doc-timeout`` (a runaway document is skipped as E302, the others are printed) and ``--max-chars`` (a
longer document is refused as E104 naming its file, a larger limit codes it)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import brinkwatch.cli.storage as storage
from brinkwatch.cli import app
from brinkwatch.pipeline.budget import fork_available
from fakes import MisbehavingCoder

NEWS = ("The defence ministers of Chile and Peru met in Lima on Thursday and agreed to hold joint naval "
        "exercises next spring, according to a statement released after the talks.")
SHORT = "Iraq attacked US forces in Baghdad on Monday, officials said."


def _records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@pytest.mark.skipif(not fork_available(), reason="the budget's worker needs fork (Linux, macOS)")
def test_code_skips_a_document_over_the_time_budget_and_prints_the_rest(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(storage, "make_coder", lambda settings: MisbehavingCoder())
    (tmp_path / "flood.txt").write_text("HANG " + "!" * 2000)
    (tmp_path / "good.txt").write_text(SHORT)
    started = time.monotonic()
    result = CliRunner().invoke(app, ["code", str(tmp_path / "flood.txt"), str(tmp_path / "good.txt"),
                                      "--date", "2024-01-02", "--format", "jsonl", "--doc-timeout", "1"])
    assert time.monotonic() - started < 30
    assert result.exit_code == 2, result.output
    (record,) = _records(result.stdout)  # stdout carries only the good file's event
    assert record["doc_id"] == "good" and record["cameo"]["code"] == "190"
    assert "error[E302]" in result.stderr and "flood.txt" in result.stderr and "budget of 1 s" in result.stderr
    assert "Traceback" not in result.output


def test_code_doc_timeout_zero_means_no_budget(monkeypatch, tmp_path: Path) -> None:
    built = []

    def make_coder(settings):
        built.append(settings)
        return MisbehavingCoder()

    monkeypatch.setattr(storage, "make_coder", make_coder)
    (tmp_path / "good.txt").write_text(SHORT)
    result = CliRunner().invoke(app, ["code", str(tmp_path / "good.txt"), "--date", "2024-01-02",
                                      "--format", "jsonl", "--doc-timeout", "0", "--max-chars", "100000"])
    assert result.exit_code == 0, result.output
    assert len(_records(result.stdout)) == 1
    assert built[0].doc_timeout_s is None and built[0].max_chars == 100_000


@pytest.mark.parametrize("flag", [["--doc-timeout", "-1"], ["--max-chars", "0"]])
def test_code_refuses_a_limit_out_of_range(tmp_path: Path, flag: list[str]) -> None:
    (tmp_path / "good.txt").write_text(SHORT)
    result = CliRunner().invoke(app, ["code", str(tmp_path / "good.txt"), *flag])
    assert result.exit_code == 2 and flag[0] in result.output and "Traceback" not in result.output


def test_code_max_chars_refuses_a_longer_document_and_a_larger_limit_codes_it(coder, monkeypatch,
                                                                            tmp_path: Path) -> None:
    """The real coder: the limit is the coder's own (E104 before parsing), as in ``ingest``."""

    def make_coder(settings):
        monkeypatch.setattr(coder, "settings", coder.settings.model_copy(update={"max_chars": settings.max_chars}))
        return coder

    monkeypatch.setattr(storage, "make_coder", make_coder)
    long_text = " ".join([NEWS] * 8)  # about 1,400 characters
    (tmp_path / "long.txt").write_text(long_text)
    (tmp_path / "short.txt").write_text(SHORT)
    inputs = [str(tmp_path / "long.txt"), str(tmp_path / "short.txt")]
    common = ["--date", "2024-01-02", "--format", "jsonl", "--doc-timeout", "0"]

    refused = CliRunner().invoke(app, ["code", *inputs, *common, "--max-chars", "1000"])
    assert refused.exit_code == 2, refused.output
    assert {r["doc_id"] for r in _records(refused.stdout)} == {"short"}
    assert "error[E104]" in refused.stderr and "long.txt" in refused.stderr
    assert f"{len(long_text):,} characters is over the limit of 1,000" in refused.stderr

    allowed = CliRunner().invoke(app, ["code", *inputs, *common, "--max-chars", "5000"])
    assert allowed.exit_code == 0, allowed.output
    assert {r["doc_id"] for r in _records(allowed.stdout)} == {"long", "short"}
