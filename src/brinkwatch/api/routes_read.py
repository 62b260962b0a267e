"""Read-only endpoints: events, one event, one article, dyad tension, the actor network, actors, stats.

Each handler is a thin face over a library call (``Store.events``/``event``/``article``/``stats``,
``analyze.tension_report``/``actor_network``, ``ActorKB``) on a per-request cursor.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import ValidationError

from brinkwatch.analyze import Network, TensionReport, tension_report
from brinkwatch.analyze.network import actor_network
from brinkwatch.api.actors import search_actors
from brinkwatch.api.errors import BadRequestError
from brinkwatch.api.schemas import (
    ActorsResponse,
    ArticleOut,
    EventDetail,
    EventsPage,
    EventSpans,
    Health,
    IsoDate,
    Span,
    StatsResponse,
)
from brinkwatch.api.state import ApiState
from brinkwatch.errors import RangeTooLongError
from brinkwatch.model import Modality
from brinkwatch.store import EventFilter

router = APIRouter()

MAX_PAGE = 500
# Actor codes are letters and digits ("USA", "IRNMIL", "IGOUNO"); anything else cannot match.
ACTOR_PATTERN = r"^[A-Za-z0-9]{1,32}$"
ActorParam = Annotated[str | None, Query(pattern=ACTOR_PATTERN)]


def state_of(request: Request) -> ApiState:
    return request.app.state.bw


@router.get("/healthz", response_model=Health, tags=["meta"])
def healthz(request: Request) -> dict[str, Any]:
    state = state_of(request)
    with state.cursor() as store:
        # Happenings, as /v1/events lists them: merged events plus mentions dedup has not merged yet.
        n = store.con.execute(
            "SELECT (SELECT count(*) FROM events) + "
            "(SELECT count(*) FROM event_mentions WHERE event_id IS NULL)"
        ).fetchall()[0][0]
    return {"status": "ok", "db": store.path, "events": n}


@router.get("/v1/stats", response_model=StatsResponse, tags=["meta"])
def stats(request: Request) -> dict[str, Any]:
    with state_of(request).cursor() as store:
        return store.stats()


def _filter(**values: Any) -> EventFilter:
    try:
        return EventFilter(**values)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first.get("loc", ())) or None
        raise BadRequestError(f"{field}: {first.get('msg')}", field=field) from exc


def _check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise BadRequestError(f"since ({since}) is after until ({until})", field="until")


@router.get("/v1/events", response_model=EventsPage, tags=["events"])
def list_events(
    request: Request,
    source: ActorParam = None,
    target: ActorParam = None,
    actor: ActorParam = None,
    cameo: Annotated[str | None, Query(pattern=r"^[0-9]{1,4}$")] = None,
    root: Annotated[str | None, Query(pattern=r"^[0-9]{1,2}$")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    modality: Modality | None = None,
    since: IsoDate | None = None,
    until: IsoDate | None = None,
    place_country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}$")] = None,
    q: Annotated[str | None, Query(max_length=200, description="text search in the evidence sentence")] = None,
    include_opinion: bool = True,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    cursor: Annotated[str | None, Query(max_length=1024)] = None,
    order: Annotated[Literal["date", "-date"], Query(description="date: oldest first; -date: newest first")] = "date",
) -> dict[str, Any]:
    """Merged events in date order (``order=-date``: newest first), one page at a time (pass ``next_cursor``
    back as ``cursor``)."""
    _check_range(since, until)
    # One row more than asked tells whether another page exists without a count query.
    flt = _filter(source=source, target=target, actor=actor, cameo=cameo, root=root, quad_class=quad_class,
                  modality=modality, since=since, until=until, place_country=place_country, text=q,
                  include_opinion=include_opinion, limit=limit + 1, cursor=cursor, order=order)
    with state_of(request).cursor() as store:
        found = store.events(flt)
    page = found[:limit]
    next_cursor = page[-1]["cursor"] if len(found) > limit else None
    return {"events": page, "next_cursor": next_cursor}


@router.get("/v1/events/{event_id}", response_model=EventDetail, tags=["events"])
def get_event(request: Request, event_id: Annotated[str, Path(max_length=128)]) -> dict[str, Any]:
    """One merged event with all its mentions, their evidence and their articles."""
    with state_of(request).cursor() as store:
        return store.event(event_id)


def _span(record: dict[str, Any] | None) -> Span | None:
    if not record or record.get("start") is None or record.get("end") is None:
        return None
    return Span(start=record["start"], end=record["end"])


def event_spans(record: dict[str, Any]) -> EventSpans:
    evidence = record["evidence"]
    return EventSpans(
        event_id=record.get("event_id"), mention_id=record.get("mention_id"), cameo=record["cameo"]["code"],
        sentence_index=record["sentence_index"],
        evidence=Span(start=evidence["start"], end=evidence["end"]),
        trigger=Span(start=evidence["trigger_start"], end=evidence["trigger_end"]),
        source=_span(record.get("source")), target=_span(record.get("target")), place=_span(record.get("place")),
    )


@router.get("/v1/articles/{doc_id:path}", response_model=ArticleOut, tags=["articles"])
def get_article(request: Request, doc_id: Annotated[str, Path(max_length=2048)]) -> dict[str, Any]:
    """Article text and metadata, its sentences, actor mentions, events and their character spans."""
    with state_of(request).cursor() as store:
        article = store.article(doc_id)
    article["spans"] = [event_spans(r) for r in article["events"]]
    return article


@router.get("/v1/dyads/{a}/{b}/tension", response_model=TensionReport, tags=["analysis"])
def dyad_tension(
    request: Request,
    a: Annotated[str, Path(pattern=ACTOR_PATTERN)],
    b: Annotated[str, Path(pattern=ACTOR_PATTERN)],
    freq: Literal["day", "week", "month"] = "week",
    since: IsoDate | None = None,
    until: IsoDate | None = None,
) -> TensionReport:
    """Tension series of the dyad a-b, its change points, the verdict and the events that drove it.

    The same report as ``brinkwatch tension A B`` (one function answers both): over the range asked, else the
    pair's own first to last dated event; at most 260 periods (5 years of weeks), without ``since`` the latest
    260 up to ``until`` (or the pair's last event). Periods without reports are unknown, not calm."""
    _check_range(since, until)
    with state_of(request).cursor() as store:
        try:
            return tension_report(store.con, a, b, freq=freq, since=since, until=until)
        except RangeTooLongError as exc:
            raise BadRequestError(exc.message, field="since") from exc


@router.get("/v1/network", response_model=Network, tags=["analysis"])
def network(
    request: Request,
    since: IsoDate | None = None,
    until: IsoDate | None = None,
    level: Literal["country", "actor"] = "country",
    min_count: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Network:
    """Who acts on whom: nodes and directed edges with counts and cooperation/conflict weights."""
    _check_range(since, until)
    with state_of(request).cursor() as store:
        return actor_network(store.con, since=since, until=until, level=level, min_count=min_count)


@router.get("/v1/actors", response_model=ActorsResponse, tags=["actors"])
def actors(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Knowledge-base entries whose name or alias matches ``q`` (exact names first)."""
    return {"actors": search_actors(state_of(request).actor_kb(), q, limit=limit)}

