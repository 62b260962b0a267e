"""Scoring a whole gold set: per-corpus micro precision/recall/F1, no-event accuracy, confidence bands, errors.

``evaluate(gold, coder)`` runs the coder on the gold sentences and calls ``score(gold, predictions)``, which
tests can also call directly with hand-built events. Matching rules: see the ``brinkwatch.evaluate`` docstring.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from brinkwatch.errors import UnknownCodeError
from brinkwatch.evaluate.codes import ActorCodes
from brinkwatch.evaluate.diagnosis import CAUSES, ErrorCase, Fate, diagnose
from brinkwatch.evaluate.gold import GoldSentence, document_ids
from brinkwatch.evaluate.matching import LEVELS, Matcher, Prediction, SentenceMatch
from brinkwatch.extract.trace import DraftTrace
from brinkwatch.model import Article, CodedDocument, Event, EventCoder

# Lower bounds of the confidence bands; each band runs to the next bound (the last one includes 1.0).
BAND_EDGES: tuple[float, ...] = (0.0, 0.5, 0.7, 0.85)


def _ratio(numerator: int, denominator: int) -> float:
    # An empty denominator scores 0.0 rather than None so that floors can compare numbers.
    return numerator / denominator if denominator else 0.0


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    excused: int = 0  # extra events of compound PLOVER records, neither right nor wrong

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "excused": self.excused,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }  # fmt: skip


@dataclass
class CorpusScores:
    corpus: str
    sentences: int = 0
    gold_events: int = 0
    predicted_events: int = 0  # counted predictions (occurred, comparable with the gold)
    levels: dict[str, Counts] = field(default_factory=lambda: {level: Counts() for level in LEVELS})
    # the same levels scored with no leniency (``Matcher(strict=True)``)
    strict: dict[str, Counts] = field(default_factory=lambda: {level: Counts() for level in LEVELS})
    no_event_sentences: int = 0
    no_event_correct: int = 0

    @property
    def no_event_accuracy(self) -> float | None:
        return self.no_event_correct / self.no_event_sentences if self.no_event_sentences else None

    def flat(self) -> dict[str, float]:
        """``dyad_root_f1``, ``full_precision``, ``no_event_accuracy``...: the names the floor file uses."""
        values: dict[str, float] = {}
        for prefix, levels in (("", self.levels), ("strict_", self.strict)):
            for level, counts in levels.items():
                for metric in ("precision", "recall", "f1"):
                    values[f"{prefix}{level}_{metric}"] = getattr(counts, metric)
        if self.no_event_accuracy is not None:
            values["no_event_accuracy"] = self.no_event_accuracy
        return values

    def to_json(self) -> dict[str, object]:
        return {
            "sentences": self.sentences, "gold_events": self.gold_events, "predicted_events": self.predicted_events,
            **{level: counts.to_json() for level, counts in self.levels.items()},
            "strict": {level: counts.to_json() for level, counts in self.strict.items()},
            "no_event": {"sentences": self.no_event_sentences, "correct": self.no_event_correct,
                         "accuracy": None if self.no_event_accuracy is None else round(self.no_event_accuracy, 4)},
        }  # fmt: skip


@dataclass
class ConfidenceBand:
    low: float
    high: float  # exclusive, except for the last band, which includes 1.0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def label(self) -> str:
        closing = "]" if self.high >= 1.0 else ")"
        return f"[{self.low:g}, {self.high:g}{closing}"

    def to_json(self) -> dict[str, object]:
        precision = None if self.precision is None else round(self.precision, 4)
        return {"band": self.label, "low": self.low, "high": self.high, "predicted": self.predicted,
                "correct": self.correct, "precision": precision}  # fmt: skip


def _new_bands() -> list[ConfidenceBand]:
    highs = (*BAND_EDGES[1:], 1.0)
    return [ConfidenceBand(low, high) for low, high in zip(BAND_EDGES, highs, strict=True)]


@dataclass
class EvalReport:
    per_corpus: dict[str, CorpusScores]
    confidence_bands: list[ConfidenceBand]
    errors: list[ErrorCase]

    def error_counts(self) -> dict[str, int]:
        """Every cause of ``CAUSES``, then ``no_trigger/<detail>`` for each detail a draft trace gave."""
        counts = Counter(case.cause for case in self.errors)
        details = Counter(case.label for case in self.errors if case.detail)
        return {**{cause: counts.get(cause, 0) for cause in CAUSES}, **dict(sorted(details.items()))}

    def to_json(self, include_errors: bool = False) -> dict[str, object]:
        result: dict[str, object] = {
            "per_corpus": {name: scores.to_json() for name, scores in self.per_corpus.items()},
            "confidence_bands": [band.to_json() for band in self.confidence_bands],
            "error_counts": self.error_counts(),
        }
        if include_errors:
            result["errors"] = [case.to_json() for case in self.errors]
        return result


def plover2016_lookup() -> Callable[[str], str | None]:
    """CAMEO code -> PLOVER-2016 type via the ontology; an unknown code falls back to its parent codes."""
    from brinkwatch.ontology import Ontology  # imported here: loading the table is the caller's cost

    ontology = Ontology.load()

    def lookup(code: str) -> str | None:
        for candidate in (code, code[:3], code[:2] + "0"):
            try:
                return ontology.plover2016(candidate)
            except UnknownCodeError:
                continue
        return None

    return lookup


def _score_sentence(
    matchers: tuple[Matcher, Matcher], sentence: GoldSentence, events: Sequence[Event], report: EvalReport,
    fates: Sequence[Fate] | None = None,
) -> None:
    """Score one sentence leniently (into ``levels``, bands and errors) and strictly (into ``strict``)."""
    lenient, strict = matchers
    scores = report.per_corpus.setdefault(sentence.corpus, CorpusScores(sentence.corpus))
    everything = [lenient.prediction(event) for event in events]
    preds = [pred for pred in everything if lenient.counts_in(sentence, pred)]
    dropped = [pred for pred in everything if not pred.occurred]
    scores.sentences += 1
    scores.gold_events += len(lenient.gold_events(sentence))
    scores.predicted_events += len(preds)
    if not sentence.events:
        scores.no_event_sentences += 1
        scores.no_event_correct += not preds
    for level in LEVELS:
        match = _count(lenient, level, sentence, preds, scores.levels[level])
        if level == "dyad_root":
            _add_to_bands(report.confidence_bands, preds, match)
            report.errors.extend(diagnose(lenient, sentence, preds, match, dropped, fates))
        _count(strict, level, sentence, everything, scores.strict[level])


def _count(matcher: Matcher, level: str, sentence: GoldSentence, preds: Sequence[Prediction],
           counts: Counts) -> SentenceMatch:
    match = matcher.match_sentence(level, sentence, preds)
    n_gold = len(matcher.gold_events(sentence))
    counts.tp += len(match.pairs)
    counts.fn += n_gold - len(match.pairs)
    counts.excused += len(match.excused)
    counts.fp += len(preds) - len(match.pairs) - len(match.excused)
    return match


def _add_to_bands(bands: list[ConfidenceBand], preds: Sequence[Prediction], match) -> None:
    correct = {p for _, p in match.pairs}
    for p, pred in enumerate(preds):
        if p in match.excused:
            continue
        band = next(b for b in reversed(bands) if pred.confidence >= b.low)
        band.predicted += 1
        band.correct += p in correct


def score(
    gold: Sequence[GoldSentence],
    predictions: Mapping[str, Sequence[Event]],
    *,
    codes: ActorCodes | None = None,
    plover2016: Callable[[str], str | None] | None = None,
    fates: Mapping[str, Sequence[Fate]] | None = None,
) -> EvalReport:
    """Score predicted events against the gold.

    ``predictions`` maps the ids of ``document_ids(gold)`` (the gold id; ``id#2``... for a repeated id) to
    the events coded for that sentence; a missing id means no events. ``fates`` maps the same ids to the
    sentence's traced drafts (offsets in the sentence's text) and splits ``no_trigger`` errors by detail.
    """
    codes = codes or ActorCodes.load()
    plover2016 = plover2016 or plover2016_lookup()
    matchers = (Matcher(codes, plover2016), Matcher(codes, plover2016, strict=True))
    report = EvalReport(per_corpus={}, confidence_bands=_new_bands(), errors=[])
    for doc_id, sentence in zip(document_ids(gold), gold, strict=True):
        _score_sentence(matchers, sentence, predictions.get(doc_id, ()), report,
                        None if fates is None else fates.get(doc_id, ()))
    return report


def evaluate(
    gold: Sequence[GoldSentence],
    coder: EventCoder,
    *,
    on_document: Callable[[CodedDocument], None] | None = None,
    codes: ActorCodes | None = None,
    plover2016: Callable[[str], str | None] | None = None,
    trace: DraftTrace | None = None,
) -> EvalReport:
    """Run ``coder.code_articles`` on the gold sentences (doc_id = gold id, pub_date = gold date) and score.

    ``trace``: the draft trace set on ``coder`` (``Coder.trace``), read to split ``no_trigger`` errors."""
    articles = [
        Article(doc_id=doc_id, text=s.text, pub_date=s.date, source_format="gold")
        for doc_id, s in zip(document_ids(gold), gold, strict=True)
    ]
    predictions: dict[str, list[Event]] = {}
    for document in coder.code_articles(articles):
        predictions.setdefault(document.article.doc_id, []).extend(document.events)
        if on_document is not None:
            on_document(document)
    fates = None if trace is None else {doc_id: trace.of(doc_id) for doc_id in predictions}
    return score(gold, predictions, codes=codes, plover2016=plover2016, fates=fates)
