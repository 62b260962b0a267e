"""HTML pages to ``Article``: trafilatura for the main text and metadata, htmldate for the date.

When trafilatura finds no main text (tiny pages, feed fragments), a simple paragraph extraction takes
over; it removes navigation, header, footer, aside, forms and every element whose class or id names a
comment, share, cookie, newsletter or related-links widget (tokens in ``data/boilerplate.yaml``) before
it reads paragraphs, so comment sections never leak into the text. A republication note is looked for
in the extracted text first and, because extractors often drop such notes, in the page's full text too.
"""

from __future__ import annotations

import datetime as dt
import re

import htmldate
import lxml.etree
import lxml.html
import trafilatura

from brinkwatch.errors import EmptyInputError, MalformedRecordError
from brinkwatch.ingest.clean import check_english, clean_text, find_syndication, split_syndication
from brinkwatch.ingest.markers import Markers, load_markers
from brinkwatch.model import Article

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
              "button", "select", "template", "figure")
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "div")
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
# Below this many characters trafilatura's text is checked line by line against our own extraction.
_TRUST_EXTRACTOR_CHARS = 500


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date (or the date part of an ISO timestamp), else None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _parse_tree(html: str | bytes) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(html)
    except ValueError:
        # lxml refuses a str that carries an XML encoding declaration; bytes are fine.
        if isinstance(html, str):
            return _parse_tree(html.encode("utf-8"))
        return None
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError):
        return None


def _is_noise(element: lxml.html.HtmlElement, markers: Markers) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('role') or ''}".lower()
    tokens = set(_TOKEN_SPLIT.split(names))
    return bool(tokens & markers.noise_html_tokens) or element.get("role") in ("navigation", "banner",
                                                                               "contentinfo", "complementary")


def html_to_text(html: str | bytes, *, markers: Markers | None = None) -> str:
    """Paragraph text of an HTML page or fragment, without navigation, footers or comment sections."""
    markers = markers or load_markers()
    tree = _parse_tree(html)
    if tree is None:
        return ""
    for element in list(tree.iter(lxml.etree.Element)):
        if element.getparent() is None:
            continue
        if element.tag in _DROP_TAGS or _is_noise(element, markers):
            element.drop_tree()
    # The outermost <main>/<article> holds the story; nested ones would repeat it.
    roots = tree.xpath("//article[not(ancestor::main or ancestor::article)]|//main[not(ancestor::main)]")
    roots = roots or [tree]
    paragraphs: list[str] = []
    for root in roots:
        blocks = [el for el in root.iter(*_BLOCK_TAGS) if not any(child.tag in _BLOCK_TAGS for child in el)]
        if not blocks:
            blocks = [root]
        for block in blocks:
            line = " ".join(block.text_content().split())
            if line:
                paragraphs.append(line)
    return "\n".join(paragraphs)


def _page_text(html: str | bytes) -> str:
    tree = _parse_tree(html)
    if tree is None:
        return ""
    for element in tree.iter("script", "style", "noscript"):
        element.text = ""
    # itertext keeps block boundaries only when we add them, so join paragraphs by newline.
    return "\n".join(" ".join(el.text_content().split()) for el in tree.iter("p", "div", "em", "i", "small"))


def _confirmed(extracted: str, paragraphs: str) -> str:
    """Keep the lines of trafilatura's text that also survive our own noise-element removal.

    On small pages trafilatura falls back to taking every text node, menus included; a line that is
    not in the paragraph text came from an element we know to be navigation, comments or widgets.
    When that would discard most of a long text (an unusual class name on the article itself), trust
    trafilatura instead.
    """
    known = " ".join(paragraphs.split())
    lines = extracted.split("\n")
    kept = [line for line in lines if " ".join(line.split()) in known]
    if len(extracted) >= _TRUST_EXTRACTOR_CHARS and sum(map(len, kept)) * 2 < len(extracted):
        return extracted
    return "\n".join(kept)


def _drop_title_line(text: str, title: str | None) -> str:
    """trafilatura repeats the headline as the first line; the headline lives in ``Article.title``."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    return rest if " ".join(first.split()) == " ".join(title.split()) else text


def _page_date(html: str | bytes, metadata_date: str | None, default_date: dt.date | None) -> dt.date | None:
    found = parse_date(metadata_date)
    if found is None:
        try:
            found = parse_date(htmldate.find_date(html, original_date=True))
        except (ValueError, TypeError):
            found = None
    return found or default_date


def article_from_html(html: str | bytes, *, doc_id: str | None = None, url: str | None = None,
                      default_date: dt.date | None = None) -> Article:
    """Main text and metadata of one HTML page.

    Raises ``EmptyInputError`` (E101) when no article text is found, ``MalformedRecordError`` (E106) when
    the markup cannot be parsed at all and ``NotEnglishError`` (E105) for pages not in English.
    """
    source = doc_id or url or "<html>"
    if not (html.strip() if isinstance(html, str) else html.strip()):
        raise EmptyInputError("HTML page is empty", source=source)
    if _parse_tree(html) is None:
        raise MalformedRecordError("cannot parse HTML", source=source)
    metadata = trafilatura.extract_metadata(html, default_url=url)
    title = metadata.title if metadata else None
    extracted = trafilatura.extract(html, url=url, include_comments=False, include_tables=False)
    paragraphs = html_to_text(html)
    body = _confirmed(extracted, paragraphs) if extracted else paragraphs
    body = _drop_title_line(body, title)
    body, syndicated_from = split_syndication(body)
    syndicated_from = syndicated_from or find_syndication(_page_text(html))
    body = clean_text(body)
    if not body:
        raise EmptyInputError("no article text found in the HTML page", source=source)
    check_english(body, source=source)
    page_url = url or (metadata.url if metadata else None)
    return Article(
        doc_id=doc_id or page_url or source,
        text=body,
        url=page_url,
        title=title,
        publisher=metadata.sitename if metadata else None,
        author=metadata.author if metadata else None,
        pub_date=_page_date(html, metadata.date if metadata else None, default_date),
        language="en",
        source_format="html",
        syndicated_from=syndicated_from,
    )
