"""Checks on the hand-annotated data sets themselves (not on the coder).

`tests/data/coder_cases.jsonl` (one sentence per line with its exact expected events),
`tests/data/articles/` (whole articles with all their expected events) and the bundled demo input in
`examples/` are written by hand; these tests catch annotation slips (a CAMEO code that does not exist,
a malformed actor code, a trigger that is not in the sentence, a frame modality on the wrong root) and
hold the sets to the coverage promised in `tests/data/README.md`. Running the coder on them is another
test's job.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from brinkwatch.model import MODALITIES
from conftest import need_shared

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
CASES_PATH = DATA / "coder_cases.jsonl"
ARTICLES_DIR = DATA / "articles"
DATA_README = DATA / "README.md"
EXAMPLES = REPO / "examples"

CONSTRUCTIONS = (
    "active", "passive", "coordinated", "nominal", "request", "refusal", "threat", "demand",
    "reported_speech", "apposition", "negation", "modal", "no_event",
)
# A frame modality says which kind of speech act the CAMEO code itself names (tests/data/README.md).
FRAME_MODALITY_BY_ROOT = {"02": "requested", "10": "requested", "12": "refused", "13": "threatened"}
EVENT_KEYS = {"source", "target", "cameo", "plover", "modality", "trigger"}
CASE_KEYS = {"id", "corpus", "date", "text", "construction", "events"}
ARTICLE_EVENT_KEYS = {"trigger", "source", "target", "cameo", "modality"}
HEADER_LINE = re.compile(r"^(Title|Date|Publisher|URL|Author):\s*(.+)$", re.IGNORECASE)


def _reference_rows(reference_dir: Path, name: str) -> list[dict[str, str]]:
    path = need_shared(reference_dir / name, "reference table")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@pytest.fixture(scope="module")
def cameo_codes(reference_dir: Path) -> set[str]:
    return {row["code"] for row in _reference_rows(reference_dir, "cameo_event_codes.tsv")}


@pytest.fixture(scope="module")
def plover_by_cameo(reference_dir: Path) -> dict[str, str]:
    return {row["cameo_code"]: row["plover_event"] for row in _reference_rows(reference_dir, "cameo_to_plover.tsv")}


@pytest.fixture(scope="module")
def country_codes(reference_dir: Path) -> set[str]:
    return {row["code"] for row in _reference_rows(reference_dir, "cameo_country_codes.tsv") if row["kind"] != "region"}


@pytest.fixture(scope="module")
def sector_codes(reference_dir: Path) -> set[str]:
    return {row["code"] for row in _reference_rows(reference_dir, "cameo_type_codes.tsv")}


@pytest.fixture(scope="module")
def documented_group_codes() -> set[str]:
    """Non-state codes (IGOs, armed groups) listed in the table of tests/data/README.md."""
    text = DATA_README.read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([A-Z-]{6,})` \|", text, flags=re.MULTILINE))


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    records = []
    for number, line in enumerate(CASES_PATH.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            pytest.fail(f"{CASES_PATH.name} line {number} is not JSON: {exc}")
    return records


def _articles() -> list[tuple[Path, Path]]:
    return [(text, text.with_name(text.stem + ".expected.jsonl")) for text in sorted(ARTICLES_DIR.glob("*.txt"))]


def _article_body(path: Path) -> str:
    """The article text after its `Key: value` header lines (see examples/README.md)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines) and HEADER_LINE.match(lines[index]):
        index += 1
    return "\n".join(lines[index:])


def _article_events(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _actor_is_well_formed(code: str, countries: set[str], sectors: set[str], groups: set[str]) -> bool:
    if code in groups:
        return True
    if len(code) < 3 or len(code) % 3:
        return False
    head, tail = code[:3], [code[i:i + 3] for i in range(3, len(code), 3)]
    if head == "---":
        return bool(tail) and all(part in sectors for part in tail)
    return head in countries and all(part in sectors for part in tail)


# ---------------------------------------------------------------- coder_cases.jsonl


def test_cases_have_the_record_shape(cases: list[dict]) -> None:
    for case in cases:
        assert set(case) == CASE_KEYS, case.get("id")
        assert case["corpus"] == "brinkwatch_cases", case["id"]
        assert case["construction"] in CONSTRUCTIONS, case["id"]
        assert 2015 <= dt.date.fromisoformat(case["date"]).year <= 2026, case["id"]
        assert case["text"] == case["text"].strip() and case["text"], case["id"]
        for event in case["events"]:
            assert set(event) == EVENT_KEYS, case["id"]


def test_case_ids_and_texts_are_unique(cases: list[dict]) -> None:
    ids = Counter(case["id"] for case in cases)
    texts = Counter(case["text"] for case in cases)
    assert [key for key, count in ids.items() if count > 1] == []
    assert [key for key, count in texts.items() if count > 1] == []


def test_case_set_size(cases: list[dict]) -> None:
    assert len(cases) >= 150
    assert sum(1 for case in cases if not case["events"]) >= 15


def test_no_event_sentences_are_exactly_the_ones_without_events(cases: list[dict]) -> None:
    for case in cases:
        assert (case["construction"] == "no_event") == (case["events"] == []), case["id"]


def test_every_construction_has_at_least_five_sentences(cases: list[dict]) -> None:
    counts = Counter(case["construction"] for case in cases)
    assert {name: counts[name] for name in CONSTRUCTIONS if counts[name] < 5} == {}


def test_case_cameo_codes_exist(cases: list[dict], cameo_codes: set[str]) -> None:
    unknown = [(case["id"], event["cameo"]) for case in cases for event in case["events"]
               if event["cameo"] not in cameo_codes]
    assert unknown == []


def test_every_cameo_root_is_covered_by_several_sentences(cases: list[dict]) -> None:
    sentences_by_root: Counter[str] = Counter()
    for case in cases:
        for root in {event["cameo"][:2] for event in case["events"]}:
            sentences_by_root[root] += 1
    thin = {f"{root:02d}": sentences_by_root[f"{root:02d}"] for root in range(1, 21)
            if sentences_by_root[f"{root:02d}"] < 3}
    assert thin == {}


def test_case_plover_agrees_with_the_reference_mapping(cases: list[dict], plover_by_cameo: dict[str, str]) -> None:
    wrong = [(case["id"], event["cameo"], event["plover"]) for case in cases for event in case["events"]
             if event["plover"] != (plover_by_cameo.get(event["cameo"]) or None)]
    assert wrong == []


def test_case_actor_codes_are_well_formed(cases: list[dict], country_codes: set[str], sector_codes: set[str],
                                          documented_group_codes: set[str]) -> None:
    bad = []
    for case in cases:
        for event in case["events"]:
            if event["source"] is None:
                bad.append((case["id"], "source missing"))
            for code in (event["source"], event["target"]):
                if code is not None and not _actor_is_well_formed(code, country_codes, sector_codes,
                                                                  documented_group_codes):
                    bad.append((case["id"], code))
    assert bad == []


def test_case_modalities_follow_the_frame_convention(cases: list[dict]) -> None:
    wrong = []
    for case in cases:
        for event in case["events"]:
            assert event["modality"] in MODALITIES, case["id"]
            frame = FRAME_MODALITY_BY_ROOT.get(event["cameo"][:2])
            is_frame_modality = event["modality"] in FRAME_MODALITY_BY_ROOT.values()
            if frame is not None and event["modality"] == "asserted":
                wrong.append((case["id"], event["cameo"], "asserted instead of " + frame))
            if is_frame_modality and event["modality"] != frame:
                wrong.append((case["id"], event["cameo"], event["modality"]))
    assert wrong == []


def test_case_triggers_are_in_the_sentence(cases: list[dict]) -> None:
    missing = [(case["id"], event["trigger"]) for case in cases for event in case["events"]
               if not event["trigger"] or event["trigger"] not in case["text"]]
    assert missing == []


def test_negation_and_modal_sentences_carry_their_modality(cases: list[dict]) -> None:
    for case in cases:
        modalities = {event["modality"] for event in case["events"]}
        if case["construction"] == "negation":
            assert "negated" in modalities, case["id"]
        if case["construction"] == "modal":
            assert modalities & {"planned", "conditional", "hypothetical", "claimed", "denied"}, case["id"]


def test_cases_do_not_copy_gold_sentences(cases: list[dict], gold_dev_path: Path) -> None:
    """The gold set measures generalisation; a case sentence must not be one of its sentences."""
    def words(text: str) -> set[str]:
        return set(re.findall(r"[a-z]+", text.lower()))

    gold = [words(json.loads(line)["text"]) for line in gold_dev_path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    too_close = []
    for case in cases:
        mine = words(case["text"])
        for theirs in gold:
            overlap = len(mine & theirs) / max(1, len(mine | theirs))
            if overlap > 0.6:
                too_close.append(case["id"])
    assert too_close == []


# ---------------------------------------------------------------- articles/


def test_there_are_at_least_five_annotated_articles() -> None:
    pairs = _articles()
    assert len(pairs) >= 5
    for text, expected in pairs:
        assert expected.exists(), f"{text.name} has no {expected.name}"
    orphans = {p.name for p in ARTICLES_DIR.glob("*.expected.jsonl")} - {e.name for _, e in pairs}
    assert orphans == set()


def test_article_headers_carry_an_iso_date() -> None:
    for text, _ in _articles():
        headers = dict(HEADER_LINE.match(line).groups() for line in text.read_text(encoding="utf-8").splitlines()
                       if HEADER_LINE.match(line))
        assert "Title" in headers and "Date" in headers, text.name
        assert text.name.startswith(dt.date.fromisoformat(headers["Date"]).isoformat()), text.name


def test_article_events_are_well_formed(cameo_codes: set[str], country_codes: set[str], sector_codes: set[str],
                                        documented_group_codes: set[str]) -> None:
    for text, expected in _articles():
        body = _article_body(text)
        events = _article_events(expected)
        assert len(events) >= 5, expected.name
        for event in events:
            where = f"{expected.name}: {event.get('trigger')}"
            assert set(event) == ARTICLE_EVENT_KEYS, where
            assert body.count(event["trigger"]) == 1, f"{where} must occur exactly once in the article"
            assert event["cameo"] in cameo_codes, where
            assert event["modality"] in MODALITIES, where
            frame = FRAME_MODALITY_BY_ROOT.get(event["cameo"][:2])
            assert frame is None or event["modality"] != "asserted", where
            for code in (event["source"], event["target"]):
                assert code is None or _actor_is_well_formed(code, country_codes, sector_codes,
                                                            documented_group_codes), f"{where}: {code}"
            assert event["source"] is not None, where


def test_articles_contain_sentences_without_events() -> None:
    """Every article keeps at least one paragraph that must produce nothing (weather, background, ...)."""
    for text, expected in _articles():
        paragraphs = [p for p in _article_body(text).split("\n\n") if p.strip()]
        triggers = [event["trigger"] for event in _article_events(expected)]
        quiet = [p for p in paragraphs if not any(trigger in p for trigger in triggers)]
        assert quiet, text.name


# ---------------------------------------------------------------- examples/


def test_examples_cover_the_promised_formats() -> None:
    articles = sorted((EXAMPLES / "articles").iterdir())
    assert len(articles) >= 6
    assert any(p.suffix == ".html" for p in articles)
    blog = [p for p in articles if p.suffix == ".html" and "previously published in" in p.read_text(encoding="utf-8")]
    assert blog, "the syndicated opinion blog post is missing"
    page = blog[0].read_text(encoding="utf-8")
    for marker in ("12 comments:", "Post a Comment", "Newer Post", "Older Post", "Home", "passed 170 to 0",
                   "At least 11", "no one was killed"):
        assert marker in page, marker


def test_example_text_articles_have_headers() -> None:
    for path in sorted((EXAMPLES / "articles").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        headers = {}
        for line in lines:
            if not line.strip():
                break
            match = HEADER_LINE.match(line)
            assert match, f"{path.name}: header block line {line!r} is not `Key: value`"
            headers[match.group(1).title()] = match.group(2)
        assert {"Title", "Date", "Publisher"} <= set(headers), path.name
        assert 2019 <= dt.date.fromisoformat(headers["Date"]).year <= 2026, path.name


def test_example_wire_items() -> None:
    items = [json.loads(line) for path in sorted((EXAMPLES / "wire").glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert 5 <= len(items) <= 10
    assert len({item["id"] for item in items}) == len(items)
    for item in items:
        assert set(item) == {"id", "text", "date", "publisher", "url"}, item["id"]
        assert 2019 <= dt.date.fromisoformat(item["date"]).year <= 2026, item["id"]


def test_example_dates_span_several_weeks() -> None:
    dates = []
    for path in sorted((EXAMPLES / "articles").glob("*.txt")):
        dates.append(dt.date.fromisoformat(path.name[:10]))
    assert (max(dates) - min(dates)).days >= 28
