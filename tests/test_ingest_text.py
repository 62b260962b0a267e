"""Plain-text ingest: boilerplate removal, republication notes, the English check, JSON Lines."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from brinkwatch.errors import EmptyInputError, NotEnglishError
from brinkwatch.ingest import article_from_text, articles_from_jsonl, clean_text, split_syndication
from brinkwatch.model import Article, DocumentError

BLOG_POST = """Posted by Marta Ruiz at 10:32 AM
By Marta Ruiz
Share this:
Tweet
Share on Facebook
We use cookies to give you the best experience on our website.
Venezuela recalled its ambassador from Colombia on Monday after a border incident near Cucuta.

The Colombian defence ministry said two soldiers were wounded in the clash.
Sign up for our newsletter to get the latest news in your inbox.
Read more: Colombia reinforces the border
Related articles
Venezuela closes border crossings
Colombia asks OAS to mediate
Officials in Caracas denied that Venezuelan troops had crossed into Colombian territory.
Labels: Venezuela, Colombia
4 comments:
Xylophone Platypus said...
Totally unbelievable garbage, zebra!
Newer Post Older Post Home
Subscribe to: Post Comments (Atom)
"""


def test_clean_text_removes_widgets_bylines_and_the_comment_section() -> None:
    cleaned = clean_text(BLOG_POST)
    assert cleaned.splitlines() == [
        "Venezuela recalled its ambassador from Colombia on Monday after a border incident near Cucuta.",
        "",
        "The Colombian defence ministry said two soldiers were wounded in the clash.",
        "Officials in Caracas denied that Venezuelan troops had crossed into Colombian territory.",
    ]
    for word in ("Xylophone", "zebra", "Newer Post", "Subscribe", "cookies", "Tweet", "Marta"):
        assert word not in cleaned


def test_clean_text_keeps_prose_that_mentions_widget_words() -> None:
    text = (
        "By contrast, the minister said the comments made by the ambassador were unacceptable.\n"
        "The president shared a tweet in which he threatened to impose sanctions on Iran.\n"
        "Lawmakers voted to ban tracking cookies, the agency said."
    )
    assert clean_text(text) == text


def test_clean_text_leaves_every_gold_sentence_alone(gold_dev_path) -> None:
    rows = [json.loads(line) for line in gold_dev_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    # a wire dateline opening the text ("LYON: ...") may go too (the text is kept whole since the coder reads
    # datelines as structure)
    changed = [row["id"] for row in rows
               if clean_text(row["text"]) not in (row["text"].strip(), row["text"].strip().split(": ", 1)[-1])]
    assert len(rows) > 100
    assert changed == []


@pytest.mark.parametrize(
    ("note", "publisher", "left"),
    [
        ("Previously published in The Guardian.", "The Guardian", ""),
        ("Originally appeared in Foreign Policy on March 3, 2024.", "Foreign Policy", ""),
        ("This article first appeared on Al-Monitor.", "Al-Monitor", ""),
        ("Republished from The Conversation under a Creative Commons license.", "The Conversation", ""),
        ("This article is republished from The Conversation under a Creative Commons license. Read the "
         "original article.", "The Conversation", "Read the original article."),
        ("This story was originally published by ProPublica.", "ProPublica", ""),
        ("*This article was originally published in Haaretz*", "Haaretz", ""),
    ],
)
def test_republication_note_sets_syndicated_from_and_is_removed(note: str, publisher: str, left: str) -> None:
    body = "Israel and Egypt agreed on Sunday to reopen the Rafah crossing for aid convoys."
    text, found = split_syndication(f"{body}\n{note}\nThe crossing had been closed since May.")
    assert found == publisher
    assert text.split("\n") == [body, left, "The crossing had been closed since May."]
    article = article_from_text(f"{body}\n\n{note}", doc_id="syn")
    assert article.syndicated_from == publisher
    # "Read the original article." is itself boilerplate, so only the body is left.
    assert article.text == body


def test_article_from_text_keeps_provenance() -> None:
    article = article_from_text(
        "Russia and Ukraine exchanged prisoners on Friday, the Turkish foreign ministry said.",
        doc_id="d1", pub_date=dt.date(2024, 5, 3), url="https://example.org/a", publisher="Example",
    )
    assert article.doc_id == "d1"
    assert article.pub_date == dt.date(2024, 5, 3)
    assert article.url == "https://example.org/a"
    assert article.publisher == "Example"
    assert article.language == "en"
    assert article.source_format == "text"
    assert len(article.hash) == 64


def test_article_from_text_rejects_boilerplate_only_and_foreign_text() -> None:
    with pytest.raises(EmptyInputError) as empty:
        article_from_text("Share this:\nTweet\nNo comments:", doc_id="e")
    assert empty.value.code == "E101"
    with pytest.raises(NotEnglishError) as foreign:
        article_from_text(
            "Der Bundeskanzler hat am Mittwoch in Berlin mit dem französischen Präsidenten über die Lage "
            "in der Ukraine und die Zukunft der Europäischen Union gesprochen.",
            doc_id="de",
        )
    assert foreign.value.code == "E105"


@pytest.mark.parametrize(
    "text",
    [
        "El presidente del gobierno español se reunió ayer con los líderes de la oposición para discutir "
        "la reforma de la ley electoral y las elecciones del próximo año.",
        "Le président de la République a annoncé mardi un nouveau plan pour la défense nationale et une "
        "augmentation du budget militaire pour les prochaines années.",
        "Президент России провёл переговоры с премьер-министром Индии в Москве во вторник.",
    ],
)
def test_non_english_is_e105(text: str) -> None:
    with pytest.raises(NotEnglishError):
        article_from_text(text, doc_id="x")


def test_gold_records_read_as_gold_articles(gold_dev_path) -> None:
    lines = gold_dev_path.read_text(encoding="utf-8").splitlines()
    results = list(articles_from_jsonl(lines, source=str(gold_dev_path)))
    assert all(isinstance(r, Article) for r in results)
    assert len(results) == sum(1 for line in lines if line.strip())
    first = json.loads(lines[0])
    assert results[0].doc_id == first["id"]
    assert results[0].text == first["text"]
    assert results[0].source_format == "gold"
    assert results[0].pub_date == dt.date.fromisoformat(first["date"])


def test_jsonl_bad_lines_become_e106_and_reading_goes_on() -> None:
    lines = [
        '{"id": "a", "text": "Iran rejected the offer of talks.", "date": "2020-01-02", "title": "T"}',
        "this is not json",
        '{"id": "b"}',
        '{"id": "c", "text": "Iraq and Syria signed a water agreement.", "date": "yesterday"}',
        "[1, 2]",
        "",
        '{"id": 7, "text": "Chile and Peru held border talks.", "url": "https://example.org/7"}',
    ]
    results = list(articles_from_jsonl(lines, source="f.jsonl", default_date=dt.date(2021, 6, 1)))
    kinds = [(type(r).__name__, getattr(r, "line", None)) for r in results]
    assert kinds == [("Article", None), ("DocumentError", 2), ("DocumentError", 3), ("DocumentError", 4),
                     ("DocumentError", 5), ("Article", None)]
    assert all(r.code == "E106" and r.source == "f.jsonl" for r in results if isinstance(r, DocumentError))
    assert results[0].title == "T" and results[0].pub_date == dt.date(2020, 1, 2)
    assert results[-1].doc_id == "7" and results[-1].pub_date == dt.date(2021, 6, 1)


def test_wordpress_feed_footer_is_boilerplate_not_syndication() -> None:
    article = article_from_text(
        "Kenya deployed police officers to Haiti on Tuesday under a UN-backed mission.\n"
        "The post Kenya deploys police to Haiti appeared first on Nairobi Ledger.",
        doc_id="wp-feed",
    )
    assert article.text == "Kenya deployed police officers to Haiti on Tuesday under a UN-backed mission."
    assert article.syndicated_from is None


def test_boilerplate_file_is_validated_on_load(tmp_path) -> None:
    import yaml

    from brinkwatch.errors import DataFileError
    from brinkwatch.ingest.markers import DEFAULT_PATH, load_markers

    spec = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    assert spec["version"] >= 1 and spec["source"]
    bad_regex = tmp_path / "bad_regex.yaml"
    bad_regex.write_text(yaml.safe_dump({**spec, "line_patterns": ["share (this"]}))
    with pytest.raises(DataFileError, match="bad regular expression") as error:
        load_markers(bad_regex)
    assert error.value.code == "E200"
    no_group = tmp_path / "no_group.yaml"
    no_group.write_text(yaml.safe_dump({**spec, "syndication_patterns": ["originally published in (.+)"]}))
    with pytest.raises(DataFileError, match="publisher"):
        load_markers(no_group)
    unknown_key = tmp_path / "unknown_key.yaml"
    unknown_key.write_text(yaml.safe_dump({**spec, "tail_marker": []}))
    with pytest.raises(DataFileError):
        load_markers(unknown_key)


def test_byline_pattern_spares_title_case_lines_that_start_with_a_date() -> None:
    text = "By Tuesday, Iran Had Agreed To Resume Talks\nBy March The Border Was Closed\nBy JANE DOE, REUTERS"
    assert clean_text(text).splitlines() == ["By Tuesday, Iran Had Agreed To Resume Talks",
                                             "By March The Border Was Closed"]


def test_agency_trailers_copyright_and_credits_are_dropped_but_sentences_kept() -> None:
    text = (
        "Iran said on Monday it would resume talks with the IAEA.\n"
        "(Reporting by Parisa Hafezi; Editing by Jane Doe)\n"
        "Additional reporting by John Smith in Dubai\n"
        "© 2024 Reuters. All rights reserved.\n"
        "Copyright 2024 The Associated Press. All rights reserved.\n"
        "Photo: Reuters\n"
        "(AP Photo/Vahid Salemi)\n"
        "Follow us on Twitter\n"
        "Click here to subscribe.\n"
        "Copyright infringement lawsuits rose sharply last year, the EU said.\n"
        "Reporting by state media suggested the talks had failed."
    )
    assert clean_text(text).splitlines() == [
        "Iran said on Monday it would resume talks with the IAEA.",
        "Copyright infringement lawsuits rose sharply last year, the EU said.",
        "Reporting by state media suggested the talks had failed.",
    ]


def test_republication_note_inside_a_paragraph_is_cut_out_of_it() -> None:
    text, publisher = split_syndication(
        "Israel and Egypt agreed to reopen the crossing. This article first appeared on Al-Monitor. "
        "It has been updated.\n(This story was originally published by ProPublica.)"
    )
    assert publisher == "Al-Monitor"
    assert text.splitlines()[0] == "Israel and Egypt agreed to reopen the crossing. It has been updated."
    untouched = "The minister said the figures were originally published in error."
    assert split_syndication(untouched) == (untouched, None)


def test_jsonl_record_without_id_is_named_by_url_or_file_and_line() -> None:
    lines = [
        '{"text": "Chile and Peru held border talks.", "url": "https://example.org/cp"}',
        '{"text": "Bolivia recalled its ambassador from Israel."}',
        '{"id": ["not", "an", "id"], "text": "Iran rejected the offer."}',
    ]
    first, second, third = articles_from_jsonl(lines, source="/data/batch-07.jsonl")
    assert first.doc_id == "https://example.org/cp"
    assert second.doc_id == "batch-07.jsonl:2"
    assert isinstance(third, DocumentError) and (third.code, third.line) == ("E106", 3)


def test_plain_text_header_lines_give_provenance(tmp_path):
    from brinkwatch.ingest import read_paths

    path = tmp_path / "story.txt"
    path.write_text(
        "Title: Drone strike near Baghdad\nDate: 2026-01-05\nPublisher: Meridian Wire\n"
        "URL: https://meridian.example/a\n\nBAGHDAD - A US drone strike near the airport killed a commander.\n"
    )
    [article] = list(read_paths([path]))
    assert article.pub_date.isoformat() == "2026-01-05"
    assert article.title == "Drone strike near Baghdad" and article.publisher == "Meridian Wire"
    assert article.url == "https://meridian.example/a"
    # the dateline stays in the text: the coder reads it as structure (nlp.structure), never as a sentence
    assert "Title:" not in article.text and article.text.startswith("BAGHDAD - A US drone strike")


def test_key_value_prose_is_not_a_header(tmp_path):
    from brinkwatch.ingest import read_paths

    path = tmp_path / "note.txt"
    path.write_text("Source: officials in Kabul said the talks would resume on Monday after a pause.\n"
                    "The Taliban confirmed the date.\n")
    [article] = list(read_paths([path]))
    assert article.text.startswith("Source:") and article.publisher is None
