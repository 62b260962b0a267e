"""HTML pages to ``Article``: trafilatura for the main text and metadata, htmldate for the date.

Our own paragraph extraction (``html_to_text``) runs beside trafilatura: it removes navigation, header,
footer, aside, forms and every element whose class or id names a comment, share, cookie, newsletter or
related-links widget (tokens in ``data/boilerplate.yaml``) and reads the rest block by block. It is the
fallback when trafilatura finds nothing, and on short pages it vetoes trafilatura lines that came from
such elements (trafilatura's own fallback takes every text node, menus included), so comment sections
never leak into the text. A republication note is looked for in the extracted text first and, because
extractors often drop such notes, in the page's full text too.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple
from urllib.parse import urlsplit

import htmldate
import lxml.etree
import lxml.html

try:
    import trafilatura
except ImportError:  # trafilatura 2.x needs lxml_html_clean; without it we still read pages, less well
    trafilatura = None

from brinkwatch.errors import EmptyInputError, MalformedRecordError
from brinkwatch.ingest.clean import clean_text, find_syndication, keep_english, split_syndication
from brinkwatch.ingest.markers import Markers, load_markers
from brinkwatch.model import Article


class PageMetadata(NamedTuple):
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    date: str | None = None
    url: str | None = None

_DROP_TAGS = frozenset({"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
                        "svg", "button", "select", "template", "figure", "head", "title", "meta", "link"})
# Elements that start a new line of text; everything else is inline.
_BLOCK_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                         "blockquote", "pre", "table", "tr", "td", "th", "section", "article", "main", "br",
                         "hr", "figcaption", "address", "body", "html"})
_NOISE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
_SPACES = re.compile(r"\s+")
_HEADLINE_CLASSES = frozenset({"entry-title", "post-title", "article-title", "headline", "story-title"})
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


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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
    if element.tag in _DROP_TAGS or element.get("role") in _NOISE_ROLES:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return bool(set(_TOKEN_SPLIT.split(names)) & markers.noise_html_tokens)


def _drop_noise(tree: lxml.html.HtmlElement, markers: Markers) -> None:
    for element in list(tree.iter()):
        parent = element.getparent()
        if parent is None:
            continue
        if not isinstance(element.tag, str) or _is_noise(element, markers):
            # Keep the text that follows the element (its tail) in place.
            element.drop_tree()


def _block_lines(root: lxml.html.HtmlElement) -> list[str]:
    """Text of ``root`` split at block elements and <br>, whitespace collapsed inside each line."""
    parts: list[str] = []
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        block = element.tag in _BLOCK_TAGS
        if event == "start":
            if block:
                parts.append("\n")
            if element.text:
                parts.append(_SPACES.sub(" ", element.text))
        else:
            if block:
                parts.append("\n")
            if element.tail and element is not root:
                parts.append(_SPACES.sub(" ", element.tail))
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _story_roots(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    # The outermost <main>/<article> holds the story; nested ones would repeat it.
    roots = tree.xpath("//article[not(ancestor::main or ancestor::article)]|//main[not(ancestor::main)]")
    return roots or [tree]


def html_to_text(html: str | bytes, *, markers: Markers | None = None) -> str:
    """Paragraph text of an HTML page or fragment, without navigation, footers or comment sections."""
    tree = _parse_tree(html)
    return "" if tree is None else _tree_text(tree, markers or load_markers())


def _tree_text(tree: lxml.html.HtmlElement, markers: Markers) -> str:
    """``html_to_text`` on a parsed tree (which it changes: pass a copy)."""
    _drop_noise(tree, markers)
    return "\n".join(line for root in _story_roots(tree) for line in _block_lines(root))


def _host(url: str | None) -> str | None:
    host = urlsplit(url or "").hostname if url else None
    return host.removeprefix("www.") if host else None


def _syndication_in_markup(tree: lxml.html.HtmlElement, url: str | None) -> str | None:
    """A republication declared in markup: Google News' syndication-source / original-source meta tags,
    or a canonical link to another site than the one the page was fetched from (host names, since the
    markup gives no publisher name)."""
    declared = tree.xpath("//meta[@name='syndication-source' or @name='original-source']/@content")
    here = _host(url)
    for value in declared:
        host = _host(value.strip())
        if host and host != here:
            return host
    if here:
        for value in tree.xpath("//link[@rel='canonical']/@href"):
            host = _host(value.strip())
            if host and host != here:
                return host
    return None


def _collapse_whitespace(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """A copy whose text nodes have no line breaks, so source-code newlines do not split sentences."""
    tree = copy.deepcopy(tree)
    for element in tree.iter():
        if element.tag == "pre":
            continue
        if element.text:
            element.text = re.sub(r"\s+", " ", element.text)
        if element.tail:
            element.tail = re.sub(r"\s+", " ", element.tail)
    return tree


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


def _headline(tree: lxml.html.HtmlElement, metadata_title: str | None) -> str | None:
    """The story's headline: og:title, a heading marked as the entry title, the first <h1>, else metadata.

    Blog templates put the blog's name first in <title> ("Sahel Watch: Mali expels ..."), which is why
    the page's own headline markup is preferred over the <title> that trafilatura reads.
    """
    for value in tree.xpath("//meta[@property='og:title']/@content"):
        if value.strip():
            return " ".join(value.split())
    for element in tree.iter("h1", "h2", "h3"):
        if set((element.get("class") or "").lower().split()) & _HEADLINE_CLASSES:
            return " ".join(element.text_content().split()) or metadata_title
    for element in tree.iter("h1"):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return metadata_title


def _drop_title_line(text: str, title: str | None) -> str:
    """Extractors repeat the headline inside the text (first or last); it lives in ``Article.title``."""
    if not title:
        return text
    return "\n".join(line for line in text.split("\n") if " ".join(line.split()) != title)


def _page_date(tree: lxml.html.HtmlElement, metadata_date: str | None,
               default_date: dt.date | None) -> dt.date | None:
    found = parse_date(metadata_date)
    if found is None:
        try:
            # The parsed tree, never the string: htmldate downloads a string that looks like a URL
            # ("http://127.0.0.1:8765/x" as a page body would make brinkwatch fetch it).
            found = parse_date(htmldate.find_date(tree, original_date=True))
        except (ValueError, TypeError):
            found = None
    return found or default_date


def _main_text(tree: lxml.html.HtmlElement, paragraphs: str, url: str | None) -> str:
    if trafilatura is None:
        return paragraphs
    extracted = trafilatura.extract(_collapse_whitespace(tree), url=url, include_comments=False,
                                    include_tables=False)
    return _confirmed(extracted, paragraphs) if extracted else paragraphs


def _meta(tree: lxml.html.HtmlElement, *selectors: str) -> str | None:
    for selector in selectors:
        for value in tree.xpath(selector):
            if isinstance(value, str) and value.strip():
                return " ".join(value.split())
    return None


def _page_metadata(tree: lxml.html.HtmlElement, url: str | None) -> PageMetadata:
    """trafilatura's metadata, or (without trafilatura) the common meta tags read directly."""
    if trafilatura is not None:
        found = trafilatura.extract_metadata(copy.deepcopy(tree), default_url=url)
        if found is None:
            return PageMetadata()
        return PageMetadata(found.title, found.author, found.sitename, found.date, found.url)
    return PageMetadata(
        title=_meta(tree, "//meta[@property='og:title']/@content", "//title/text()"),
        author=_meta(tree, "//meta[@name='author']/@content", "//meta[@property='article:author']/@content"),
        sitename=_meta(tree, "//meta[@property='og:site_name']/@content"),
        date=_meta(tree, "//meta[@property='article:published_time']/@content"),
        url=_meta(tree, "//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"),
    )


def article_from_html(html: str | bytes, *, doc_id: str | None = None, url: str | None = None,
                      default_date: dt.date | None = None, on_partial: Callable[[str], None] | None = None
                      ) -> Article:
    """Main text and metadata of one HTML page.

    Raises ``EmptyInputError`` (E101) when no article text is found, ``MalformedRecordError`` (E106) when
    the markup cannot be parsed at all and ``NotEnglishError`` (E105) for pages not in English.
    """
    source = doc_id or url or "<html>"
    # lxml refuses control characters ("All strings must be XML compatible"): they carry no text anyway
    html = _CONTROL.sub("", html) if isinstance(html, str) else _CONTROL_BYTES.sub(b"", html)
    if not html.strip():
        raise EmptyInputError("HTML page is empty", source=source)
    tree = _parse_tree(html)
    if tree is None:
        raise MalformedRecordError("cannot parse HTML", source=source)
    metadata = _page_metadata(tree, url)
    title = _headline(tree, metadata.title)
    paragraphs = _tree_text(copy.deepcopy(tree), load_markers())
    body = _drop_title_line(_main_text(tree, paragraphs, url), title)
    body, syndicated_from = split_syndication(body)
    # Extractors often drop the italic republication note, so look for it in our paragraph text too
    # (noise removed, so a note under a related-story teaser is not taken for this page's).
    syndicated_from = syndicated_from or find_syndication(paragraphs) or _syndication_in_markup(tree, url)
    body = clean_text(body)
    if not body:
        raise EmptyInputError("no article text found in the HTML page", source=source)
    body, partial = keep_english(body, source=source)  # a partly foreign page keeps its English paragraphs
    if partial and on_partial is not None:
        on_partial(partial)
    page_url = url or metadata.url
    return Article(
        doc_id=doc_id or page_url or source,
        text=body,
        url=page_url,
        title=title,
        publisher=metadata.sitename,
        author=metadata.author,
        pub_date=_page_date(tree, metadata.date, default_date),
        language="en",
        source_format="html",
        syndicated_from=syndicated_from,
    )
