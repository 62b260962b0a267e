"""Records that cross module boundaries: articles, sentences, actors, events, mentions.

Every record is a frozen pydantic model so that it validates on construction, serialises to the
JSON shape promised by `brinkwatch code` (``Event.to_record()``), and can be handed to FastAPI as is.
Offsets (``start``/``end``) are character offsets into ``Article.text``; ``end`` is exclusive.
This module imports no other brinkwatch module.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

Modality = Literal[
    "asserted",  # reported as having happened
    "negated",  # "did not attack", "no talks were held"
    "threatened",  # the coded act is a threat of the underlying action
    "requested",  # appeal / demand for the underlying action
    "refused",  # the underlying action was refused / rejected
    "planned",  # future or intended ("will visit", "plans to")
    "conditional",  # "should it try to force the US out"
    "hypothetical",  # "could", "would", "might"
    "claimed",  # hedged reporting: "are said to", "reportedly", "claimed"
    "denied",  # the actor denies having done it
]
MODALITIES: tuple[str, ...] = Modality.__args__  # type: ignore[attr-defined]

DatePrecision = Literal["day", "week", "month", "year", "publication", "unknown"]


class Record(BaseModel):
    """Base for all records: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def content_hash(text: str) -> str:
    """Stable hash of an article's text, the key that makes ingestion idempotent."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class Article(Record):
    """One news document, already stripped of boilerplate, with its provenance."""

    doc_id: str
    text: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    pub_date: dt.date | None = None
    language: str | None = None
    source_path: str | None = None
    source_format: str | None = None  # text, html, rss, atom, jsonl, warc, gold
    syndicated_from: str | None = None  # original publisher of a syndicated piece
    fetched_at: dt.datetime | None = None
    hash: str = ""

    def model_post_init(self, __context: Any) -> None:  # noqa: D401 - pydantic hook
        if not self.hash:
            object.__setattr__(self, "hash", content_hash(self.text))


class Sentence(Record):
    doc_id: str
    index: int
    start: int
    end: int
    text: str


class Actor(Record):
    """A resolved actor: CAMEO code = country/IGO prefix + sector codes (``USAGOV``, ``IGOUNO``)."""

    code: str
    country: str | None = None  # ISO3 (or CAMEO region/IGO code prefix for non-state actors)
    sector: str | None = None  # first sector/agent code (GOV, MIL, LEG, REB, ...)
    text: str
    start: int | None = None
    end: int | None = None
    name: str | None = None  # canonical name from the knowledge base
    kb_id: str | None = None  # id of the knowledge-base entry that resolved it; None for new actors
    resolution: str = "kb"  # kb, metonym, demonym, coref, title, new
    confidence: float = 1.0


class Cameo(Record):
    code: str
    root: str
    name: str


class Plover(Record):
    type: str | None
    mode: str | None = None
    context: str | None = None


class Evidence(Record):
    text: str
    start: int
    end: int
    trigger_start: int
    trigger_end: int


class Place(Record):
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "unknown"  # landmark, airport, base, city, admin1, country, unknown
    start: int | None = None
    end: int | None = None
    gazetteer_id: str | None = None
    relation: str | None = None  # how the text ties the event to it: in, at, near, outside, ...


class Quantity(Record):
    """A number attached to an event: killed, injured, votes_for, troops, money, ..."""

    kind: str
    value: float
    qualifier: str | None = None  # at least, about, up to, more than, ...
    unit: str | None = None  # for money: currency code
    text: str
    start: int | None = None
    end: int | None = None


class Attribution(Record):
    """Who said it: the speaker of the quote or report that carries the event."""

    speaker: Actor | None = None
    speaker_text: str | None = None
    anonymous: bool = False
    direct: bool = False  # a direct quote ("...") rather than reported speech
    quote: str | None = None
    quote_start: int | None = None
    quote_end: int | None = None
    verb: str | None = None  # said, claimed, told, ...


class Event(Record):
    """One coded event mention in one article, with everything that justifies it."""

    event_id: str
    doc_id: str
    sentence_index: int
    source: Actor | None
    target: Actor | None
    cameo: Cameo
    goldstein: float | None
    quad_class: int
    plover: Plover
    modality: Modality = "asserted"
    is_opinion: bool = False
    date: dt.date | None = None
    date_precision: DatePrecision = "unknown"
    place: Place | None = None
    numbers: tuple[Quantity, ...] = ()
    attribution: Attribution | None = None
    evidence: Evidence
    pattern: str
    confidence: float = Field(ge=0.0, le=1.0)
    headline: bool = False  # coded from the article's headline (headline-ese, often restated in the body)

    def to_record(self) -> dict[str, Any]:
        """The JSON object printed by ``brinkwatch code --format jsonl``."""
        return self.model_dump(mode="json")

    @staticmethod
    def make_id(doc_id: str, sentence_index: int, trigger_start: int, source: str, target: str, code: str) -> str:
        key = f"{doc_id}|{sentence_index}|{trigger_start}|{source}|{target}|{code}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class TextSpan(Record):
    """A stretch of ``Article.text``."""

    start: int
    end: int
    text: str


class Structure(Record):
    """How an article is laid out: headline, dateline and paragraphs, and what the dateline says.

    The dateline ("TBILISI, May 16 (Reuters) -") names where and when the story was filed; it is never coded
    and never an actor. ``context_country`` is the country the article is set in (the dateline's, else the one
    its first paragraph names most): the country of actors the text names only by sector ("police").
    """

    headline: TextSpan | None = None  # the headline line inside the text
    title: str | None = None  # the headline given beside the text (``Article.title``)
    dateline: TextSpan | None = None
    places: tuple[Place, ...] = ()  # the dateline's places
    date: dt.date | None = None  # the dateline's date, resolved against the publication date
    context_country: str | None = None
    context_source: Literal["dateline", "first_paragraph"] | None = None
    paragraphs: tuple[TextSpan, ...] = ()


class Mention(Record):
    """An actor mention found in an article (whether or not it took part in an event)."""

    doc_id: str
    sentence_index: int
    actor: Actor


class DocumentError(Record):
    """A per-document failure: the batch records it and goes on."""

    source: str  # file path, URL or doc id
    line: int | None = None
    code: str  # numbered error code, e.g. E101
    message: str


class CodedDocument(Record):
    """The result of coding one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    events: tuple[Event, ...] = ()
    mentions: tuple[Mention, ...] = ()
    structure: Structure | None = None


class EventCoder(Protocol):
    """What codes articles into events: ``brinkwatch.extract.Coder``, the Dask runner's remote coder, the
    API's lazy coder and the test doubles. The ingestion pipeline, the evaluator, the API and the Dask tasks
    all take this, so any of them runs any coder."""

    def code_articles(self, articles: Iterable[Article]) -> Iterable[CodedDocument]: ...
