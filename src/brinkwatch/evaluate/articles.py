"""Scoring whole annotated articles: every sentence of every article, and the articles' core happenings.

An article set is a folder of ``NAME.txt`` articles (plain-text header convention) each with a
``NAME.expected.jsonl`` listing **every** event the article should produce (format:
``tests/data/blind/README.md``). Each expected event names a ``trigger`` that occurs once in the article body;
the sentence holding it is where the event is expected, whatever the sentence splitter does. Every sentence
the coder finds becomes a gold sentence (with no events when none is expected there), so extra events
anywhere in the article are false positives, and ``score`` applies the sentence-level rules of
``brinkwatch.evaluate``, lenient and strict.

On top, **core happenings**: gold events marked ``core`` (the news the article is about) grouped by their
``happening`` id. A happening is *found* when some event the coder produced anywhere in the article matches
one of its gold events at the lenient ``dyad_root`` level. This is the "at least one event on the
article's core happenings" measure.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import ConfigDict, ValidationError

from brinkwatch.errors import GoldFormatError
from brinkwatch.evaluate.attributes import AttributeScores
from brinkwatch.evaluate.codes import ActorCodes
from brinkwatch.evaluate.gold import GoldEvent, GoldSentence
from brinkwatch.evaluate.matching import Matcher
from brinkwatch.evaluate.report import EvalReport, EventCoder, plover2016_lookup, score
from brinkwatch.extract.trace import DraftFate, DraftTrace
from brinkwatch.model import Article, CodedDocument, DocumentError, Event

EXPECTED_SUFFIX = ".expected.jsonl"


class ExpectedEvent(GoldEvent):
    """One expected event of an article: a gold event located by its trigger, with its happening; its other
    keys (date, place, numbers, speaker...) are kept in ``model_extra`` for attribute scoring."""

    model_config = ConfigDict(frozen=True, extra="allow")

    trigger: str
    core: bool = True
    happening: str | None = None
    headline: bool = False


@dataclass(frozen=True)
class ArticleGold:
    name: str
    article: Article
    events: tuple[ExpectedEvent, ...]


@dataclass
class CoreCounts:
    happenings: int = 0
    found: int = 0
    missed: list[str] = field(default_factory=list)  # "article: trigger" of each missed happening

    @property
    def recall(self) -> float:
        return self.found / self.happenings if self.happenings else 0.0

    def to_json(self) -> dict[str, object]:
        return {"happenings": self.happenings, "found": self.found, "recall": round(self.recall, 4),
                "missed": self.missed}


@dataclass
class ArticleReport:
    """The sentence-level report of the articles, plus core-happening recall and located-trigger misses."""

    report: EvalReport
    core: CoreCounts
    articles: int
    unlocated: list[str]  # "article: trigger" of expected events whose trigger the text does not hold
    attributes: AttributeScores = field(default_factory=AttributeScores)

    def to_json(self, include_errors: bool = False) -> dict[str, object]:
        return {**self.report.to_json(include_errors), "articles": self.articles,
                "core_happenings": self.core.to_json(), "unlocated_triggers": self.unlocated,
                "attributes": self.attributes.to_json()}


def _read_expected(path: Path) -> tuple[ExpectedEvent, ...]:
    events = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            events.append(ExpectedEvent.model_validate(json.loads(raw)))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise GoldFormatError(f"bad expected event: {exc}", source=str(path), line=number) from exc
    return tuple(events)


def is_article_set(path: Path) -> bool:
    return Path(path).is_dir() and any(Path(path).glob(f"*{EXPECTED_SUFFIX}"))


def load_articles(folder: Path) -> list[ArticleGold]:
    """Every ``NAME.txt`` of ``folder`` that has a ``NAME.expected.jsonl``, read like ``brinkwatch ingest`` would."""
    from brinkwatch.ingest import read_paths  # the same reader users' files go through

    golds = []
    for expected in sorted(Path(folder).glob(f"*{EXPECTED_SUFFIX}")):
        name = expected.name[: -len(EXPECTED_SUFFIX)]
        text_path = expected.with_name(name + ".txt")
        if not text_path.exists():
            raise GoldFormatError("expected events without their article", source=str(expected))
        [item] = list(read_paths([text_path]))
        if isinstance(item, DocumentError):
            raise GoldFormatError(f"cannot read the article: {item.message}", source=str(text_path))
        date = item.pub_date or _date_from_name(name)
        golds.append(ArticleGold(name, item.model_copy(update={"doc_id": name, "pub_date": date}),
                                 _read_expected(expected)))
    return golds


def _date_from_name(name: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(name[:10])
    except ValueError:
        return None


def sentence_gold(gold: ArticleGold, coded: CodedDocument, corpus: str
                  ) -> tuple[list[GoldSentence], dict[str, list[Event]], list[str]]:
    """Gold sentences and predictions for one coded article; also the triggers that could not be located
    (their events count as misses)."""
    text = gold.article.text
    by_sentence: dict[int, list[GoldEvent]] = {s.index: [] for s in coded.sentences}
    unlocated = []
    for item in gold.events:
        offset = text.find(item.trigger)
        sentence = next((s for s in coded.sentences if s.start <= offset < s.end), None) if offset >= 0 else None
        if sentence is None:
            unlocated.append(item)
            continue
        by_sentence[sentence.index].append(item)
    sentences, predictions = [], {}
    if unlocated:  # still expected: scored as misses in a sentence of their own
        sentences.append(GoldSentence(id=f"{gold.name}#unlocated", corpus=corpus, text="",
                                      date=gold.article.pub_date, events=tuple(unlocated)))
    for sentence in coded.sentences:
        doc_id = f"{gold.name}#{sentence.index}"
        sentences.append(GoldSentence(id=doc_id, corpus=corpus, text=sentence.text, date=gold.article.pub_date,
                                      events=tuple(by_sentence[sentence.index])))
        predictions[doc_id] = [e for e in coded.events if e.sentence_index == sentence.index]
    return sentences, predictions, [f"{gold.name}: {item.trigger}" for item in unlocated]


def _sentence_fates(name: str, coded: CodedDocument, trace: DraftTrace) -> dict[str, list[DraftFate]]:
    """The article's traced drafts by gold sentence id, their offsets moved into their sentence's text."""
    out: dict[str, list[DraftFate]] = {f"{name}#{s.index}": [] for s in coded.sentences}
    starts = {s.index: s.start for s in coded.sentences}
    for fate in trace.of(coded.article.doc_id):
        if fate.sentence_index in starts:
            shift = starts[fate.sentence_index]
            out[f"{name}#{fate.sentence_index}"].append(
                replace(fate, start=fate.start - shift, end=fate.end - shift))
    return out


def _core_happenings(matcher: Matcher, gold: ArticleGold, events: Sequence[Event], counts: CoreCounts) -> None:
    groups: dict[str, list[ExpectedEvent]] = {}
    for item in gold.events:
        if item.core and item.occurred:
            groups.setdefault(item.happening or item.trigger, []).append(item)
    preds = [matcher.prediction(e) for e in events]
    preds = [p for p in preds if p.occurred]
    for items in groups.values():
        counts.happenings += 1
        if any(matcher.matches("dyad_root", item, p, symmetric=False) for item in items for p in preds):
            counts.found += 1
        else:
            counts.missed.append(f"{gold.name}: {items[0].trigger}")


def _score_attributes(matcher: Matcher, sentence: GoldSentence, events: Sequence[Event],
                      scores: AttributeScores) -> None:
    """Pair the sentence's expected events with its counted predictions (lenient dyad_root) and compare."""
    counted = [e for e in events if matcher.counts_in(sentence, matcher.prediction(e))]
    match = matcher.match_sentence("dyad_root", sentence, [matcher.prediction(e) for e in counted])
    expected = matcher.gold_events(sentence)
    for g, p in match.pairs:
        scores.score(dict(expected[g].model_extra or {}, modality=expected[g].modality), counted[p])


def evaluate_articles(
    golds: Sequence[ArticleGold],
    coder: EventCoder,
    *,
    corpus: str = "articles",
    on_document: Callable[[CodedDocument], None] | None = None,
    codes: ActorCodes | None = None,
    trace: DraftTrace | None = None,
) -> ArticleReport:
    """Code the articles and score every sentence (lenient and strict) and every core happening.

    ``trace``: the draft trace set on ``coder`` (``Coder.trace``), read to split ``no_trigger`` errors."""
    codes = codes or ActorCodes.load()
    plover2016 = plover2016_lookup()
    by_name = {g.name: g for g in golds}
    sentences: list[GoldSentence] = []
    predictions: dict[str, list[Event]] = {}
    fates: dict[str, list[DraftFate]] | None = None if trace is None else {}
    unlocated: list[str] = []
    core = CoreCounts()
    attributes = AttributeScores()
    matcher = Matcher(codes, plover2016)
    coded_docs: Iterable[CodedDocument] = coder.code_articles([g.article for g in golds])
    for coded in coded_docs:
        gold = by_name[coded.article.doc_id]
        more, preds, missing = sentence_gold(gold, coded, corpus)
        sentences.extend(more)
        predictions.update(preds)
        unlocated.extend(missing)
        if fates is not None:
            fates.update(_sentence_fates(gold.name, coded, trace))
        _core_happenings(matcher, gold, coded.events, core)
        for sentence in more:
            _score_attributes(matcher, sentence, preds.get(sentence.id, []), attributes)
        if on_document is not None:
            on_document(coded)
    report = score(sentences, predictions, codes=codes, plover2016=plover2016, fates=fates)
    return ArticleReport(report=report, core=core, articles=len(golds), unlocated=unlocated, attributes=attributes)
