"""HTML ingest: main text without navigation, cookie banner, share buttons or comments; metadata; fallback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brinkwatch.errors import EmptyInputError, NotEnglishError
from brinkwatch.ingest import article_from_html, html_to_text

DATA = Path(__file__).parent / "data" / "ingest"
COMMENT_WORDS = ("Zanzibar", "marmalade", "Quixotic", "flamingo", "Leave a comment")
CHROME_WORDS = ("cookies", "Accept all", "Home", "Business", "Sport", "Share on Facebook", "Tweet",
                "newsletter", "Copyright", "By Priya Raman")


@pytest.fixture(scope="module")
def news_page() -> str:
    return (DATA / "news_page.html").read_text(encoding="utf-8")


def test_html_page_gives_article_text_and_metadata(news_page: str) -> None:
    article = article_from_html(news_page, doc_id="page-1")
    assert article.doc_id == "page-1"
    assert article.text.startswith("Talks between India and Pakistan on the disputed Kashmir border collapsed")
    assert article.text.endswith("before the end of the month.")
    assert len(article.text.splitlines()) == 4
    assert article.title == "Border talks collapse as troops mass near Kargil"
    assert article.publisher == "The Daily Ledger"
    assert article.author == "Priya Raman"
    assert article.pub_date == dt.date(2024, 3, 14)
    assert article.url == "https://dailyledger.example/world/border-talks-collapse"
    assert article.source_format == "html"
    for word in COMMENT_WORDS + CHROME_WORDS:
        assert word not in article.text


def test_fallback_extraction_drops_nav_footer_and_comments(news_page: str) -> None:
    text = html_to_text(news_page)
    assert "Talks between India and Pakistan" in text
    for word in COMMENT_WORDS + ("Accept all", "Business", "Copyright", "Share on Facebook", "newsletter"):
        assert word not in text


def test_tiny_page_without_article_markup_still_yields_text() -> None:
    html = (
        "<html><body><div class='menu'><a href='/'>Home</a></div>"
        "<p>Turkish troops shelled Kurdish positions in northern Syria on Sunday, a monitoring group said.</p>"
        "<div class='comments'><p>Wombat lovers disagree strongly.</p></div></body></html>"
    )
    article = article_from_html(html, doc_id="tiny", default_date=dt.date(2023, 1, 2))
    assert article.text == ("Turkish troops shelled Kurdish positions in northern Syria on Sunday, "
                            "a monitoring group said.")
    assert article.pub_date == dt.date(2023, 1, 2)


def test_syndicated_page_names_the_original_publisher() -> None:
    html = (
        "<html><head><title>Sanctions widen</title></head><body><article>"
        "<p>The European Union imposed new sanctions on Belarus on Thursday over the forced landing of a "
        "passenger jet, freezing the assets of several officials.</p>"
        "<p>Minsk called the measures economic warfare and threatened to retaliate.</p>"
        "<p><em>This article was originally published by EUobserver.</em></p>"
        "</article></body></html>"
    )
    article = article_from_html(html, doc_id="syn")
    assert article.syndicated_from == "EUobserver"
    assert "originally published" not in article.text
    assert "Minsk called the measures" in article.text


def test_empty_and_non_english_pages_raise_numbered_errors() -> None:
    with pytest.raises(EmptyInputError):
        article_from_html("<html><body><nav><a href='/'>Home</a></nav></body></html>", doc_id="e")
    with pytest.raises(NotEnglishError):
        article_from_html(
            "<html><body><article><p>El presidente del gobierno español se reunió ayer con los líderes de la "
            "oposición para discutir la reforma de la ley electoral y las elecciones del próximo año.</p>"
            "</article></body></html>",
            doc_id="es",
        )


def test_bytes_with_xml_declaration_are_read() -> None:
    html = (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
        "<p>Japan lodged a protest with China over a coast guard incursion near the Senkaku islands.</p>"
        "</body></html>"
    )
    assert "Japan lodged a protest" in article_from_html(html, doc_id="x").text
    assert "Japan lodged a protest" in article_from_html(html.encode("utf-8"), doc_id="x").text


def test_blogger_post_keeps_the_post_and_drops_widgets_and_comments() -> None:
    html = (DATA / "blogger_post.html").read_text(encoding="utf-8")
    article = article_from_html(html, doc_id="blogger")
    assert article.text.splitlines() == [
        "Mali's transitional government ordered the French ambassador to leave the country within 72 hours on "
        "Monday, after the French foreign minister called the junta illegitimate.",
        "The French foreign ministry said it had taken note of the decision and recalled its ambassador to Paris.",
        "Relations between Bamako and Paris have deteriorated since the military seized power and invited "
        "Russian military contractors into the country.",
    ]
    assert article.title == "Mali expels French ambassador"
    assert article.publisher == "Sahel Watch"
    assert article.syndicated_from == "Sahel Weekly"
    assert article.pub_date == dt.date(2022, 1, 31)
    fallback = html_to_text(html)
    for word in ("Aardvark", "walrus", "porcupine", "Post a Comment", "Share to Twitter", "Labels", "Navbar"):
        assert word not in article.text
        assert word not in fallback


def test_wordpress_post_drops_sharing_likes_related_posts_and_replies() -> None:
    html = (DATA / "wordpress_post.html").read_text(encoding="utf-8")
    for text in (article_from_html(html, doc_id="wp").text, html_to_text(html)):
        assert text.startswith("The Philippines summoned China\u2019s ambassador in Manila on Monday")
        assert text.endswith("public vessels in the South China Sea.")
        assert len(text.splitlines()) == 3
        for word in ("kumquat", "Leave a Reply", "Share this", "Like Loading", "Spratly", "Recent Posts",
                     "WordPress", "Carla Reyes", "Analysis"):
            assert word not in text


PROSE = ("<p>Nigeria closed its border with Niger on Thursday after the coup in Niamey, the Nigerian customs "
         "service said in a statement.</p><p>ECOWAS threatened military action if the ousted president was not "
         "restored within a week.</p>")


def test_syndication_declared_in_markup_gives_the_original_host() -> None:
    meta = (f"<html><head><meta name='syndication-source' content='https://www.premiumtimesng.example/story/1'>"
            f"</head><body><article>{PROSE}</article></body></html>")
    assert article_from_html(meta, doc_id="m").syndicated_from == "premiumtimesng.example"
    canonical = (f"<html><head><link rel='canonical' href='https://www.reuters.example/world/africa/1'></head>"
                 f"<body><article>{PROSE}</article></body></html>")
    assert article_from_html(canonical, url="https://news.portal.example/a/1").syndicated_from == "reuters.example"
    same_site = canonical.replace("www.reuters.example", "news.portal.example")
    assert article_from_html(same_site, url="https://news.portal.example/a/1").syndicated_from is None


@pytest.mark.parametrize("name", ["news_page.html", "blogger_post.html", "wordpress_post.html"])
def test_pages_read_the_same_without_trafilatura(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import brinkwatch.ingest.html as html_module

    page = (DATA / name).read_text(encoding="utf-8")
    with_extractor = article_from_html(page, doc_id=name)
    monkeypatch.setattr(html_module, "trafilatura", None)
    without = article_from_html(page, doc_id=name)
    assert without.text == with_extractor.text
    assert (without.title, without.publisher, without.pub_date, without.syndicated_from) == (
        with_extractor.title, with_extractor.publisher, with_extractor.pub_date, with_extractor.syndicated_from)


def test_control_characters_give_a_numbered_error_not_a_crash():
    from brinkwatch.errors import BrinkwatchError
    from brinkwatch.ingest import article_from_html

    with pytest.raises(BrinkwatchError):
        article_from_html("\x1b", doc_id="x")
