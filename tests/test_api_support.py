"""Fakes and database builders shared by the API tests (no tests here; imported as a module).

``FakeCoder`` codes by keyword with exact character offsets, so endpoint tests never load spaCy.
``build_db`` writes hand-built coded documents straight through ``Store.write``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

from brinkwatch.model import (
    Actor,
    Article,
    Cameo,
    CodedDocument,
    Event,
    Evidence,
    Mention,
    Place,
    Plover,
    Sentence,
)
from brinkwatch.store import Store

# keyword -> (source code, source word, target code, target word, CAMEO code, root name, quad class, goldstein)
KEYWORDS = {
    "attacked": ("IRQGOV", "Iraq", "USAGOV", "US", "190", "Fight", 4, -10.0),
    "met": ("IRNGOV", "Iran", "IRQGOV", "Iraq", "040", "Consult", 1, 1.0),
    "criticised": ("USAGOV", "Washington", "IRNGOV", "Tehran", "111", "Disapprove", 3, -2.0),
}
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def _actor(code: str, word: str, sentence: str, offset: int) -> Actor:
    at = sentence.find(word)
    start = offset + at if at >= 0 else None
    return Actor(code=code, country=code[:3], sector=code[3:6] or None, text=word, start=start,
                 end=start + len(word) if start is not None else None, name=word)


def _event(article: Article, index: int, sentence: str, offset: int, keyword: str) -> Event:
    src, src_word, tgt, tgt_word, code, name, quad, goldstein = KEYWORDS[keyword]
    trigger = offset + sentence.find(keyword)
    source = _actor(src, src_word, sentence, offset)
    target = _actor(tgt, tgt_word, sentence, offset)
    place = None
    if "Baghdad" in sentence:
        start = offset + sentence.find("Baghdad")
        place = Place(name="Baghdad", country="IRQ", precision="city", start=start, end=start + 7)
    return Event(
        event_id=Event.make_id(article.doc_id, index, trigger, src, tgt, code), doc_id=article.doc_id,
        sentence_index=index, source=source, target=target, cameo=Cameo(code=code, root=code[:2], name=name),
        goldstein=goldstein, quad_class=quad, plover=Plover(type="ASSAULT" if quad == 4 else "CONSULT"),
        modality="negated" if " not " in sentence else "asserted", date=article.pub_date,
        date_precision="publication" if article.pub_date else "unknown", place=place,
        evidence=Evidence(text=sentence, start=offset, end=offset + len(sentence), trigger_start=trigger,
                          trigger_end=trigger + len(keyword)),
        pattern=f"fake.{keyword}", confidence=0.9,
    )


def code_article(article: Article) -> CodedDocument:
    sentences: list[Sentence] = []
    events: list[Event] = []
    for match in _SENTENCE.finditer(article.text):
        raw = match.group()
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        if not text:
            continue
        offset = match.start() + lead
        sentences.append(Sentence(doc_id=article.doc_id, index=len(sentences), start=offset,
                                  end=offset + len(text), text=text))
        for keyword in KEYWORDS:
            if re.search(rf"\b{keyword}\b", text):
                events.append(_event(article, len(sentences) - 1, text, offset, keyword))
    mentions = tuple(Mention(doc_id=article.doc_id, sentence_index=e.sentence_index, actor=e.source)
                     for e in events if e.source is not None)
    return CodedDocument(article=article, sentences=tuple(sentences), events=tuple(events), mentions=mentions)


class FakeCoder:
    """Codes by keyword; counts how many articles it was asked to code."""

    def __init__(self) -> None:
        self.coded = 0

    def code_articles(self, articles: Iterable[Article]) -> Iterable[CodedDocument]:
        for article in articles:
            self.coded += 1
            yield code_article(article)


class CountingFactory:
    """A coder factory that remembers how often the app built its coder."""

    def __init__(self) -> None:
        self.calls = 0
        self.coder = FakeCoder()

    def __call__(self) -> FakeCoder:
        self.calls += 1
        return self.coder


DAY0 = dt.date(2024, 3, 1)
STORIES = (
    "Iraq attacked US forces in Baghdad.",
    "Iran met Iraq to discuss the border.",
    "Washington criticised Tehran over the talks.",
)


def corpus(n_articles: int = 24) -> list[Article]:
    """Articles on consecutive days, each with one event, cycling through the three stories."""
    articles = []
    for i in range(n_articles):
        story = STORIES[i % len(STORIES)]
        articles.append(Article(doc_id=f"doc-{i:02d}", text=f"{story} Report number {i}.", url=f"https://news.example/{i}",
                                title=f"Story {i}", publisher="Wire", pub_date=DAY0 + dt.timedelta(days=i)))
    return articles


def build_db(path: Path, n_articles: int = 24) -> Path:
    with Store(path) as store:
        store.write([code_article(a) for a in corpus(n_articles)])
    return path
