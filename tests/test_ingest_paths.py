"""read_paths: directories, dispatch by extension and by sniffing, stdin, and every bad-input error code."""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from brinkwatch.ingest import read_paths
from brinkwatch.model import Article, DocumentError

DATA = Path(__file__).parent / "data" / "ingest"
SENTENCE = "Ethiopia and Eritrea reopened their border crossing on Tuesday after talks in Asmara."


def _warc(n_pages: int) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for number in range(n_pages):
        page = f"<html><body><p>{SENTENCE.replace('Tuesday', f'day {number}')}</p></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example/{number}", "response",
                                                      payload=io.BytesIO(page), http_headers=headers))
    return buffer.getvalue()


def _one(path: Path, **kwargs) -> Article | DocumentError:
    results = list(read_paths([path], **kwargs))
    assert len(results) == 1, results
    return results[0]


def _error_code(path: Path, **kwargs) -> str:
    result = _one(path, **kwargs)
    assert isinstance(result, DocumentError), result
    assert result.source == str(path)
    return result.code


def test_directory_is_walked_sorted_recursively_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(SENTENCE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("# Headline\n\n" + SENTENCE.replace("Tuesday", "**Monday**"))
    (tmp_path / ".hidden.txt").write_text(SENTENCE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text(SENTENCE)
    results = list(read_paths([tmp_path], default_date=dt.date(2024, 7, 1)))
    assert [r.doc_id for r in results] == ["b.txt", "sub/a.md"]
    assert results[0].pub_date == dt.date(2024, 7, 1)
    assert results[0].source_path == str(tmp_path / "b.txt")
    assert results[1].text == "Headline\n\n" + SENTENCE.replace("Tuesday", "Monday")


def test_single_file_doc_id_is_its_name_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "report-17.txt"
    path.write_text(SENTENCE)
    article = _one(path)
    assert isinstance(article, Article)
    assert (article.doc_id, article.text, article.source_format) == ("report-17", SENTENCE, "text")


def test_every_format_is_dispatched_by_extension(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes((DATA / "news_page.html").read_bytes())
    (tmp_path / "feed.rss").write_bytes((DATA / "world_news.rss").read_bytes())
    (tmp_path / "feed2.xml").write_bytes((DATA / "region.atom").read_bytes())
    (tmp_path / "docs.jsonl").write_text(json.dumps({"id": "j1", "text": SENTENCE}) + "\n")
    (tmp_path / "docs.json").write_text(json.dumps([{"id": "j2", "text": SENTENCE}]))
    formats = [r.source_format for r in read_paths([tmp_path])]
    assert formats == ["jsonl", "jsonl", "rss", "rss", "rss", "atom", "atom", "html"]


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "a.dat").write_bytes((DATA / "news_page.html").read_bytes())
    (tmp_path / "b.dat").write_bytes((DATA / "region.atom").read_bytes())
    (tmp_path / "c.dat").write_text(json.dumps({"id": "x", "text": SENTENCE}) + "\n")
    (tmp_path / "d").write_text(SENTENCE)
    (tmp_path / "e.bin").write_bytes(_warc(3))
    formats = [r.source_format for r in read_paths([tmp_path])]
    assert formats == ["html", "atom", "atom", "jsonl", "text", "warc", "warc", "warc"]


def test_stdin_is_read_with_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(SENTENCE.encode())))
    (article,) = list(read_paths(["-"]))
    assert (article.doc_id, article.text) == ("stdin", SENTENCE)


def test_empty_file_is_e101(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t ")
    (tmp_path / "empty.html").write_bytes(b"")
    assert [r.code for r in read_paths([tmp_path])] == ["E101", "E101", "E101"]


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02\x03 some text \x00", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", b"\x89PNG\r\n\x1a\n\x00\x00",
     b"\x01\x02\x03\x04\x05\x06\x07\x08 mostly control characters \x0e\x0f\x10\x11\x12\x13\x14\x15\x16"],
)
def test_binary_file_is_e102(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "file.txt"
    path.write_bytes(data)
    assert _error_code(path) == "E102"


def test_cp1252_text_is_decoded_and_undecodable_bytes_are_e103(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 owners in Paris protested against the government\u2019s new tax on Tuesday."
                      .encode("cp1252"))
    article = _one(latin)
    assert isinstance(article, Article)
    assert article.text == "Caf\u00e9 owners in Paris protested against the government\u2019s new tax on Tuesday."
    noise = tmp_path / "noise.txt"
    rng = random.Random(7)
    noise.write_bytes(bytes(rng.choice(range(0x80, 0x100)) for _ in range(400)))
    assert _error_code(noise) == "E103"


def test_file_over_max_bytes_is_e104_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text(SENTENCE * 100)

    def refuse(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", refuse)
    assert _error_code(path, max_bytes=1000) == "E104"


def test_stdin_over_max_bytes_is_e104(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(SENTENCE.encode() * 50)))
    (error,) = list(read_paths(["-"], max_bytes=100))
    assert (error.code, error.source) == ("E104", "<stdin>")


def test_non_english_file_is_e105(tmp_path: Path) -> None:
    path = tmp_path / "es.txt"
    path.write_text("El presidente del gobierno español se reunió ayer con los líderes de la oposición para "
                    "discutir la reforma de la ley electoral y las elecciones del próximo año.")
    assert _error_code(path) == "E105"


def test_malformed_jsonl_line_is_e106_with_line_number(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    good = json.dumps({"id": "a", "text": SENTENCE}), json.dumps({"id": "c", "text": SENTENCE})
    path.write_text(f'{good[0]}\n{{"id": "b", "text": \n{good[1]}\n')
    results = list(read_paths([path]))
    assert [getattr(r, "doc_id", None) for r in results] == ["a", None, "c"]
    assert (results[1].code, results[1].line, results[1].source) == ("E106", 2, str(path))


def test_malformed_feed_is_e106(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss version='2.0'><channel><title>Broken feed & no entries")
    assert _error_code(path) == "E106"


def test_truncated_warc_file_is_e106_after_earlier_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    data = _warc(3)
    path.write_bytes(data[: len(data) - 100])  # inside the last record
    results = list(read_paths([path]))
    assert isinstance(results[0], Article)
    assert isinstance(results[-1], DocumentError) and results[-1].code == "E106"


@pytest.mark.parametrize(("name", "data"), [("slides.pptx", b"PK\x03\x04..."), ("data.csv.unknown", b"[1, 2, 3]"),
                                            ("notes.dat", b"<svg xmlns='http://www.w3.org/2000/svg'/>")])
def test_unknown_format_is_e107(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert _error_code(path) == "E107"


def test_missing_path_is_reported_not_raised(tmp_path: Path) -> None:
    (error,) = list(read_paths([tmp_path / "nope.txt"]))
    assert isinstance(error, DocumentError)
    assert error.code == "E100"


def test_bad_documents_do_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_bytes(b"")
    (tmp_path / "2.txt").write_text(SENTENCE)
    (tmp_path / "3.txt").write_bytes(b"\x00\x00")
    (tmp_path / "4.txt").write_text(SENTENCE.replace("Tuesday", "Friday"))
    results = list(read_paths([tmp_path]))
    assert [type(r).__name__ for r in results] == ["DocumentError", "Article", "DocumentError", "Article"]


def test_gzipped_text_files_are_read_by_their_inner_name(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "docs.jsonl.gz").write_bytes(gzip.compress(json.dumps({"id": "z1", "text": SENTENCE}).encode()))
    (tmp_path / "note.txt.gz").write_bytes(gzip.compress(SENTENCE.encode()))
    results = list(read_paths([tmp_path]))
    assert [(r.doc_id, r.source_format, r.text) for r in results] == [("z1", "jsonl", SENTENCE),
                                                                      ("note.txt.gz", "text", SENTENCE)]
    assert _one(tmp_path / "note.txt.gz").doc_id == "note"


def test_gzip_bomb_is_e104_and_damaged_gzip_is_e102(tmp_path: Path) -> None:
    import gzip

    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 2_000_000))
    assert bomb.stat().st_size < 10_000
    assert _error_code(bomb, max_bytes=100_000) == "E104"
    damaged = tmp_path / "damaged.txt.gz"
    damaged.write_bytes(gzip.compress(SENTENCE.encode() * 20)[:-30])
    assert _error_code(damaged) == "E102"


def test_txt_file_holding_a_web_page_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_bytes((DATA / "wordpress_post.html").read_bytes())
    article = _one(path)
    assert isinstance(article, Article)
    assert article.source_format == "html"
    assert article.text.startswith("The Philippines summoned")
    assert "<p>" not in article.text


def test_a_parser_crash_on_one_file_is_recorded_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import brinkwatch.ingest.paths as paths_module

    def crash(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(paths_module, "article_from_html", crash)
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "b.txt").write_text(SENTENCE)
    first, second = read_paths([tmp_path])
    assert isinstance(first, DocumentError)
    assert first.code == "E100" and "RecursionError" in first.message
    assert isinstance(second, Article) and second.text == SENTENCE


def test_a_folder_s_readme_code_and_configuration_are_skipped_and_counted(tmp_path: Path) -> None:
    (tmp_path / "2024-07-02_story.txt").write_text(SENTENCE)
    (tmp_path / "README.md").write_text("# My news folder\n\nRun `python fetch.py` to attack the backlog.\n")
    (tmp_path / "LICENSE").write_text("Permission is hereby granted, free of charge, to any person.\n")
    (tmp_path / "fetch.py").write_text("import sys\nprint('Iran attacked the parser')\n")
    (tmp_path / "settings.yaml").write_text("feeds: [world]\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "CHANGELOG.txt").write_text("Fixed the strike on the cache.\n")
    (tmp_path / "sub" / "notes.md").write_text(SENTENCE.replace("Tuesday", "Friday"))
    skipped: list[Path] = []
    results = list(read_paths([tmp_path], default_date=dt.date(2024, 7, 1), on_skip=skipped.append))
    assert [r.doc_id for r in results] == ["2024-07-02_story.txt", "sub/notes.md"]
    assert sorted(p.name for p in skipped) == ["CHANGELOG.txt", "LICENSE", "README.md", "fetch.py", "settings.yaml"]
    # named on the command line, a file is read whatever it is called
    assert [r.doc_id for r in read_paths([tmp_path / "README.md"])] == ["README"]
