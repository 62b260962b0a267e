"""A small hand-coded news database for the dashboard tests (imported as ``browser.web_data``).

Ten weekly articles (two publishers) report two dyads: USA-IRN turns from talks and aid (weeks 0-5) to
threats and fighting (weeks 6-9), ISR-LBN stays in low-level verbal conflict. Events are written as
CodedDocuments with character offsets computed from the sentence text, so the article view can be
checked span by span; dedup then merges the one happening that two publishers reported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from brinkwatch.analyze.dedup import merge_new
from brinkwatch.model import (
    Actor,
    Article,
    Cameo,
    CodedDocument,
    Event,
    Evidence,
    Place,
    Plover,
    Quantity,
    Sentence,
)
from brinkwatch.store import Store

FIRST_MONDAY = dt.date(2025, 3, 3)
WEEKS = 10
TURN_WEEK = 6  # the first week of fighting between the United States and Iran

# (sentence template, source text, source code, target text, target code, trigger, CAMEO, name, Goldstein,
#  QuadClass, PLOVER type, place text or None, killed number text or None)
COOP = ("{src} held talks with {tgt} officials in Muscat on week {w}.", "Washington", "USAGOV", "Iranian",
        "IRNGOV", "held talks", "040", "Consult", 1.0, 1, "CONSULT", "Muscat", None)
AID = ("{src} sent medical aid to {tgt} after the floods, officials said in week {w}.", "The United States", "USA",
       "Iran", "IRN", "sent medical aid", "073", "Provide humanitarian aid", 7.4, 2, "AID", None, None)
FIGHT = ("{src} clashed with {tgt} near Basra, and {n} sailors were killed in week {w}.", "Iranian forces",
         "IRNMIL", "American troops", "USAMIL", "clashed", "190", "Use conventional military force", -10.0, 4,
         "ASSAULT", "Basra", "{n}")
THREAT = ("{src} threatened {tgt} with missile strikes in week {w}.", "Tehran", "IRNGOV", "Washington",
          "USAGOV", "threatened", "138", "Threaten with military force", -7.0, 3, "THREATEN", None, None)
BORDER = ("{src} accused {tgt} of shelling border villages in week {w}.", "Israel", "ISR", "Lebanon", "LBN",
          "accused", "112", "Accuse", -2.0, 3, "ACCUSE", None, None)
# No date in the sentence: stored undated, so it is listed by its article's publication date.
REJECT = ("{src} rejected the demands of {tgt}.", "Beirut", "LBNGOV", "Israel", "ISR", "rejected", "120",
          "Reject", -4.0, 3, "REJECT", None, None)
UNDATED_WEEK = 3

PLACES = {"Muscat": ("OMN", 23.588, 58.3829), "Basra": ("IRQ", 30.5085, 47.7804)}


@dataclass(frozen=True)
class WebData:
    """What the tests may rely on in the database built by :func:`build_database`."""

    path: Path
    dyad: tuple[str, str]
    turn_week: dt.date
    undated_published: dt.date  # publication day of the article whose event has no date
    shared_fight_week: dt.date  # the week whose fight two publishers reported (merged into one event)


def _actor(text: str, code: str, offset: int, sentence: str) -> Actor:
    start = offset + sentence.index(text)
    return Actor(code=code, country=code[:3], sector=code[3:6] or None, text=text, start=start,
                 end=start + len(text))


def _event(doc_id: str, index: int, offset: int, spec: tuple, week: int, day: dt.date,
           killed: int) -> tuple[Sentence, Event]:
    template, src, src_code, tgt, tgt_code, trigger, code, name, goldstein, quad, plover, place, num = spec
    text = template.format(src=src, tgt=tgt, w=week, n=killed)
    t_start = offset + text.index(trigger)
    place_record = None
    if place:
        country, lat, lon = PLACES[place]
        p_start = offset + text.index(place)
        place_record = Place(name=place, country=country, lat=lat, lon=lon, precision="city", start=p_start,
                             end=p_start + len(place), relation="near")
    numbers: tuple[Quantity, ...] = ()
    if num:
        value = num.format(n=killed)
        n_start = offset + text.index(f" {value} ") + 1
        numbers = (Quantity(kind="killed", value=float(killed), text=value, start=n_start, end=n_start + len(value)),)
    undated = spec is REJECT
    event = Event(
        event_id=Event.make_id(doc_id, index, t_start, src_code, tgt_code, code), doc_id=doc_id,
        sentence_index=index, source=_actor(src, src_code, offset, text), target=_actor(tgt, tgt_code, offset, text),
        cameo=Cameo(code=code, root=code[:2], name=name), goldstein=goldstein, quad_class=quad,
        plover=Plover(type=plover), date=None if undated else day,
        date_precision="unknown" if undated else "day", place=place_record, numbers=numbers,
        evidence=Evidence(text=text, start=offset, end=offset + len(text), trigger_start=t_start,
                          trigger_end=t_start + len(trigger)),
        pattern=f"test.{code}", confidence=0.9,
    )
    return Sentence(doc_id=doc_id, index=index, start=offset, end=offset + len(text), text=text), event


def _document(doc_id: str, publisher: str, week: int, specs: list[tuple], killed: int) -> CodedDocument:
    day = FIRST_MONDAY + dt.timedelta(weeks=week, days=1)
    sentences, events, offset = [], [], 0
    for index, spec in enumerate(specs):
        sentence, event = _event(doc_id, index, offset, spec, week, day, killed)
        sentences.append(sentence)
        events.append(event)
        offset = sentence.end + 2  # sentences are separated by a blank line (a new paragraph)
    text = "\n\n".join(s.text for s in sentences)
    article = Article(doc_id=doc_id, text=text, title=f"Gulf and Levant report, week {week}", publisher=publisher,
                      pub_date=day, url=f"http://news.example/{doc_id}", source_format="text")
    return CodedDocument(article=article, sentences=tuple(sentences), events=tuple(events))


def documents() -> list[CodedDocument]:
    docs = []
    for week in range(WEEKS):
        usa_irn = [COOP, AID] if week < TURN_WEEK else [FIGHT, THREAT]
        if week % 2 and week < TURN_WEEK:
            usa_irn = [COOP]  # some quieter weeks, so the cooperative level is not flat
        levant = [BORDER, REJECT] if week == UNDATED_WEEK else [BORDER]
        docs.append(_document(f"wire-{week:02d}", "Gulf Wire", week, [*usa_irn, *levant], killed=3 + week))
    # The last fight, reported again by a second publisher in the same words: dedup merges the two.
    docs.append(_document(f"herald-{WEEKS - 1:02d}", "Levant Herald", WEEKS - 1, [FIGHT], killed=3 + WEEKS - 1))
    return docs


def build_database(path: Path) -> WebData:
    """Write the documents to a new database at ``path`` and merge duplicate reports."""
    with Store(path) as store:
        store.write(documents())
        merge_new(store.con)
    return WebData(path=path, dyad=("IRN", "USA"), turn_week=FIRST_MONDAY + dt.timedelta(weeks=TURN_WEEK),
                   undated_published=FIRST_MONDAY + dt.timedelta(weeks=UNDATED_WEEK, days=1),
                   shared_fight_week=FIRST_MONDAY + dt.timedelta(weeks=WEEKS - 1))
