"""Scoring whole annotated articles (brinkwatch.evaluate.articles) and `brinkwatch evaluate FOLDER`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brinkwatch.errors import GoldFormatError
from brinkwatch.evaluate import evaluate_articles, is_article_set, load_articles

ARTICLE = """Date: 2024-04-02
Publisher: Test Wire

Ruritania's army shelled the village of Brenn on Monday, killing three farmers.

The Foreign Ministry of Borduria condemned the shelling and summoned Ruritania's ambassador.

It rained all afternoon.
"""


def _write(folder: Path, expected: list[dict]) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "2024-04-02_test.txt").write_text(ARTICLE)
    (folder / "2024-04-02_test.expected.jsonl").write_text("\n".join(json.dumps(e) for e in expected) + "\n")


@pytest.fixture
def article_set(tmp_path: Path) -> Path:
    folder = tmp_path / "set"
    _write(folder, [
        # Ruritania and Borduria are not countries: no coder can name them, so the happenings are missed
        {"trigger": "shelled the village", "source": "RURMIL", "target": "RURCVL", "cameo": "194",
         "core": True, "happening": "h1"},
        {"trigger": "summoned", "source": "BORGOV", "target": "RUR", "cameo": "114", "core": False},
        {"trigger": "words that are not there", "source": "BORGOV", "target": "RUR", "cameo": "111"},
    ])
    return folder


def test_loads_articles_with_their_expected_events(article_set: Path) -> None:
    assert is_article_set(article_set) and not is_article_set(article_set / "2024-04-02_test.txt")
    [gold] = load_articles(article_set)
    assert gold.name == "2024-04-02_test" and gold.article.pub_date.isoformat() == "2024-04-02"
    assert [e.core for e in gold.events] == [True, False, True]
    assert gold.article.text.startswith("Ruritania's army")  # the header lines are provenance, not text


def test_every_sentence_is_scored_and_unlocated_triggers_are_misses(article_set: Path, coder) -> None:
    result = evaluate_articles(load_articles(article_set), coder, corpus="set")
    scores = result.report.per_corpus["set"]
    assert result.unlocated == ["2024-04-02_test: words that are not there"]
    assert scores.gold_events == 3
    assert scores.levels["dyad_root"].tp == 0 and scores.levels["dyad_root"].fn == 3
    assert scores.no_event_sentences >= 1  # "It rained all afternoon." must give nothing
    assert (result.core.happenings, result.core.found) == (2, 0)  # h1 and the unlocated core event


def test_a_core_happening_is_found_anywhere_in_the_article(tmp_path: Path, coder) -> None:
    folder = tmp_path / "found"
    folder.mkdir()
    (folder / "a.txt").write_text("Date: 2024-04-02\n\nHeavy fighting continued overnight.\n\n"
                                  "Armenia's Foreign Ministry summoned the ambassador of Azerbaijan on Tuesday.\n")
    (folder / "a.expected.jsonl").write_text(json.dumps(
        {"trigger": "summoned", "source": "ARMGOV", "target": "AZEGOV", "cameo": "114", "happening": "h"}) + "\n")
    result = evaluate_articles(load_articles(folder), coder, corpus="found")
    assert (result.core.happenings, result.core.found) == (1, 1), result.report.to_json(include_errors=True)


def test_bad_expected_line_names_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.txt").write_text("Date: 2024-01-01\n\nSomething happened.\n")
    (folder / "a.expected.jsonl").write_text('{"trigger": "x", "cameo": "19x"}\n')
    with pytest.raises(GoldFormatError) as info:
        load_articles(folder)
    assert "a.expected.jsonl" in str(info.value.source) and info.value.line == 1


def test_cli_scores_an_article_folder(article_set: Path, coder, monkeypatch) -> None:
    import brinkwatch.cli.evaluation
    from brinkwatch.cli import app

    monkeypatch.setattr(brinkwatch.cli.evaluation, "make_coder", lambda settings: coder)
    result = CliRunner().invoke(app, ["evaluate", str(article_set), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout.strip().splitlines()[-1])
    assert payload["core_happenings"]["happenings"] == 2
    assert payload["per_corpus"]["set"]["strict"]["dyad_root"]["fn"] == 3


def _event(**update):
    import datetime as dt

    from brinkwatch.model import Actor, Attribution, Cameo, Event, Evidence, Place, Plover, Quantity

    base = Event(
        event_id="e", doc_id="d", sentence_index=0, source=Actor(code="NGAUAF", text="gunmen"),
        target=Actor(code="NGACVL", text="villagers"), cameo=Cameo(code="180", root="18", name="t"),
        goldstein=None, quad_class=4, plover=Plover(type=None),
        evidence=Evidence(text="x", start=0, end=1, trigger_start=0, trigger_end=1), pattern="p", confidence=0.8,
        date=dt.date(2024, 3, 4), place=Place(name="Maiduguri", country="NGA", lat=11.85, lon=13.16),
        numbers=(Quantity(kind="killed", value=5, text="five"), Quantity(kind="troops", value=30, text="30")),
        attribution=Attribution(speaker_text="the state police"),
    )
    return base.model_copy(update=update)


def test_attribute_scores_compare_each_attribute() -> None:
    from brinkwatch.evaluate.attributes import AttributeScores

    expected = {"date": "2024-03-04", "place": {"country": "NGA", "lat": 11.9, "lon": 13.1},
                "numbers": [["killed", 5, "at least"]], "modality": "asserted", "speaker": "State police"}
    right = AttributeScores()
    right.score(expected, _event())
    assert all(right.rate(name) == 1.0 for name in ("date", "place_country", "place_25km", "numbers",
                                                      "modality", "speaker")), right.to_json()
    wrong = AttributeScores()
    wrong.score(expected, _event(date=None, place=None, numbers=(), modality="claimed", attribution=None))
    assert all(wrong.rate(name) == 0.0 for name in ("date", "place_country", "place_25km", "numbers",
                                                      "modality", "speaker")), wrong.to_json()
    far = AttributeScores()
    far.score({"place": {"country": "NGA", "lat": 9.07, "lon": 7.40}}, _event())  # Abuja is 500 km away
    assert far.rate("place_country") == 1.0 and far.rate("place_25km") == 0.0


def test_a_toll_over_parties_is_scored_as_its_sum() -> None:
    from brinkwatch.evaluate.attributes import AttributeScores
    from brinkwatch.model import Quantity

    parties = (Quantity(kind="killed", value=2, text="two"), Quantity(kind="killed", value=1, text="a"))
    scores = AttributeScores()
    scores.score({"numbers": [["killed", 3, None]]}, _event(numbers=parties))  # "two police and a civilian"
    scores.score({"numbers": [["killed", 2, None], ["killed", 1, None]]}, _event(numbers=parties))
    scores.score({"numbers": [["killed", 1, None]]}, _event(numbers=parties))  # the last party alone is wrong
    assert (scores.right["numbers"], scores.total["numbers"]) == (2, 3)
