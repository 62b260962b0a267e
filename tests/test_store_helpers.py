"""Hand-built coded documents shared by the store, export and CLI-storage tests (no coder needed)."""

from __future__ import annotations

import datetime as dt

from brinkwatch.model import (
    Actor,
    Article,
    Attribution,
    Cameo,
    CodedDocument,
    Event,
    Evidence,
    Mention,
    Place,
    Plover,
    Quantity,
    Sentence,
)

ROOT_NAMES = {"19": "Fight", "04": "Consult", "11": "Disapprove", "03": "Express intent to cooperate"}
QUAD = {"19": 4, "04": 1, "11": 3, "03": 1}


def actor(code: str, text: str, start: int = 0) -> Actor:
    return Actor(code=code, country=code[:3], sector=code[3:6] or None, text=text, start=start,
                 end=start + len(text), name=text.upper())


def event(
    doc_id: str,
    text: str,
    *,
    index: int = 0,
    source: str = "IRQGOV",
    target: str = "USAGOV",
    code: str = "190",
    date: dt.date | None = dt.date(2024, 1, 1),
    killed: float | None = None,
    place: Place | None = None,
    modality: str = "asserted",
    is_opinion: bool = False,
    speaker: str | None = None,
) -> Event:
    root = code[:2]
    numbers = (Quantity(kind="killed", value=killed, text=str(killed)),) if killed is not None else ()
    attribution = Attribution(speaker=actor(speaker, speaker), verb="said") if speaker else None
    return Event(
        event_id=Event.make_id(doc_id, index, 5, source, target, code),
        doc_id=doc_id,
        sentence_index=index,
        source=actor(source, source[:3]),
        target=actor(target, target[:3], start=10),
        cameo=Cameo(code=code, root=root, name=ROOT_NAMES.get(root, "x")),
        goldstein=-10.0 if root == "19" else 1.0,
        quad_class=QUAD.get(root, 1),
        plover=Plover(type="ASSAULT" if root == "19" else "CONSULT", mode="conventional"),
        modality=modality,
        is_opinion=is_opinion,
        date=date,
        date_precision="day" if date else "unknown",
        place=place,
        numbers=numbers,
        attribution=attribution,
        evidence=Evidence(text=text, start=0, end=len(text), trigger_start=5, trigger_end=12),
        pattern="test.pattern",
        confidence=0.8,
    )


def document(doc_id: str, text: str, events: list[Event] | None = None, *,
             pub_date: dt.date = dt.date(2024, 1, 2), publisher: str = "Wire",
             url: str | None = None) -> CodedDocument:
    article = Article(doc_id=doc_id, text=text, publisher=publisher, pub_date=pub_date,
                      url=url or f"https://news.example/{doc_id}", title=f"Title {doc_id}")
    evs = tuple(events) if events is not None else (event(doc_id, text),)
    mentions = tuple(Mention(doc_id=doc_id, sentence_index=e.sentence_index, actor=e.source)
                     for e in evs if e.source is not None)
    return CodedDocument(
        article=article,
        sentences=(Sentence(doc_id=doc_id, index=0, start=0, end=len(text), text=text),),
        events=evs,
        mentions=mentions,
    )


BAGHDAD = Place(name="Baghdad", country="IRQ", admin1="Baghdad", lat=33.34, lon=44.4, precision="city",
                gazetteer_id="98182")
