"""Request and response models of the HTTP API (they are what /openapi.json publishes).

Event records are ``Event.to_record()`` objects; the store adds listing fields (``mention_id``,
``cursor``, mention/source/article counts), so the response models extend ``Event`` and allow extra
keys rather than re-declaring the record.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from brinkwatch.model import DocumentError, Event

MAX_ARTICLES_PER_REQUEST = 100
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: Any) -> Any:
    # Pydantic's lax mode reads "0" or 1700000000 as a Unix time; a date here is YYYY-MM-DD or nothing.
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return dt.date.fromisoformat(value)
    raise ValueError("expected a date as YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]

# C0 controls other than tab/newline/return, DEL, and lone surrogates (JSON can carry them): HTML forbids
# the first two and lxml refuses them, and no encoder can store the third. They carry no words.
_UNCODABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def scrub(value: str) -> str:
    return _UNCODABLE.sub("", value)


def _clean_id(value: str) -> str:
    if _UNCODABLE.search(value):
        raise ValueError("an id may not contain control characters or lone surrogates")
    return value


Body = Annotated[str, AfterValidator(scrub)]
DocId = Annotated[str, Field(min_length=1, max_length=512), AfterValidator(_clean_id)]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _exactly_one_body(text: str | None, html: str | None) -> None:
    if (text is None) == (html is None):
        raise ValueError("give exactly one of 'text' and 'html'")


class CodeRequest(_Request):
    text: Body | None = None
    html: Body | None = None
    url: Annotated[Body, Field(max_length=2048)] | None = None
    date: IsoDate | None = None

    @model_validator(mode="after")
    def _one_of(self) -> CodeRequest:
        _exactly_one_body(self.text, self.html)
        return self


class ArticleIn(_Request):
    id: DocId
    text: Body | None = None
    html: Body | None = None
    date: IsoDate | None = None
    url: Annotated[Body, Field(max_length=2048)] | None = None
    title: Annotated[Body, Field(max_length=2048)] | None = None
    publisher: Annotated[Body, Field(max_length=512)] | None = None

    @model_validator(mode="after")
    def _one_of(self) -> ArticleIn:
        _exactly_one_body(self.text, self.html)
        return self


class ArticlesRequest(_Request):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES_PER_REQUEST)


class EventRecord(Event):
    """An ``Event.to_record()`` object, plus the listing fields the store adds."""

    model_config = ConfigDict(frozen=True, extra="allow")

    event_id: str | None  # None for a mention that dedup has not merged into an event yet
    mention_id: str | None = None
    cursor: str | None = None
    num_mentions: int | None = None
    num_sources: int | None = None
    num_articles: int | None = None
    first_seen: str | None = None
    last_seen: str | None = None


class ArticleRef(BaseModel):
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    pub_date: str | None = None


class MentionRecord(EventRecord):
    article: ArticleRef | None = None


class EventDetail(EventRecord):
    mentions: list[MentionRecord]


class CodeResponse(BaseModel):
    events: list[EventRecord]
    sentences: int
    text: str = Field(description="the coded text (after boilerplate removal): event offsets point into it")


class IngestResponse(BaseModel):
    added: int
    skipped: int
    events_added: int
    errors: list[DocumentError]


class EventsPage(BaseModel):
    events: list[EventRecord]
    next_cursor: str | None


class SentenceOut(BaseModel):
    index: int
    start: int
    end: int
    text: str


class ActorMentionOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    sentence_index: int
    code: str
    country: str | None = None
    sector: str | None = None
    text: str | None = None
    start_char: int | None = None
    end_char: int | None = None
    kb_id: str | None = None
    resolution: str | None = None


class Span(BaseModel):
    start: int
    end: int


class EventSpans(BaseModel):
    """Where one coded event sits in the article text (character offsets, end exclusive)."""

    event_id: str | None
    mention_id: str | None
    cameo: str
    sentence_index: int
    evidence: Span
    trigger: Span
    source: Span | None
    target: Span | None
    place: Span | None


class ArticleOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    doc_id: str
    text: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    pub_date: str | None = None
    language: str | None = None
    source_format: str | None = None
    syndicated_from: str | None = None
    ingested_at: str | None = None
    hash: str
    sentences: list[SentenceOut]
    actors: list[ActorMentionOut]
    events: list[EventRecord]
    spans: list[EventSpans]


class ActorEntry(BaseModel):
    kb_id: str
    code: str
    name: str
    country: str | None
    sector: str | None
    kind: str
    title: str | None = None


class ActorsResponse(BaseModel):
    actors: list[ActorEntry]


class StatsResponse(BaseModel):
    model_config = ConfigDict(extra="allow")

    tables: dict[str, int]
    event_dates: dict[str, Any]
    pub_dates: dict[str, Any]
    merged: bool
    schema_version: int
    generated_at: str


class Health(BaseModel):
    status: Literal["ok"]
    db: str
    events: int
