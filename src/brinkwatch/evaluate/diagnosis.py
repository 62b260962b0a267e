"""Error analysis: why each false positive and false negative (at the ``dyad_root`` level) went wrong.

Each unmatched gold event is compared with the nearest unmatched prediction of its sentence (and each
unmatched prediction with the nearest unmatched gold event) on three parts: source, target, code.
Causes:
- ``spurious``: a prediction in a no-event sentence, or one that shares neither the dyad nor the code with
  any unmatched gold event of its sentence;
- ``no_trigger``: a gold event for which no prediction of its sentence shares the dyad or the code;
- ``wrong_code``: dyad right, root (or PLOVER type) wrong;
- ``actor_missing``: code right, and a wrong side has no actor at all in the prediction;
- ``actor_unknown``: code right, and a wrong side is an unresolved actor (``---...``) in the prediction;
- ``wrong_source`` / ``wrong_target``: code right, source (else target) wrong;
- ``dropped_modality``: a gold event that a prediction marked ``negated`` or ``hypothetical`` matches
  (checked first: the coder found the event but judged that it did not happen).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from brinkwatch.evaluate.codes import UNKNOWN
from brinkwatch.evaluate.gold import GoldEvent, GoldSentence
from brinkwatch.evaluate.matching import Matcher, Prediction, SentenceMatch

CAUSES: tuple[str, ...] = (
    "no_trigger", "wrong_code", "wrong_source", "wrong_target", "actor_unknown", "actor_missing",
    "dropped_modality", "spurious",
)  # fmt: skip


@dataclass(frozen=True)
class ErrorCase:
    """One false positive or false negative with what is needed to see why."""

    corpus: str
    sentence_id: str
    text: str
    kind: str  # "false_positive" | "false_negative"
    cause: str
    gold: str | None  # "SRC -> TGT code", the gold event concerned (or the nearest one)
    predicted: str | None  # the prediction concerned (or the nearest one)
    pattern: str | None  # id of the pattern that fired for that prediction
    confidence: float | None

    def to_json(self) -> dict[str, object]:
        return dict(self.__dict__)


def describe_gold(gold: GoldEvent) -> str:
    def side(code: str | None, sector: str | None) -> str:
        if code is None:
            return "*"
        return f"{code}{'/' + sector if sector else ''}"

    label = gold.cameo if gold.cameo is not None else gold.plover
    return f"{side(gold.source, gold.source_sector)} -> {side(gold.target, gold.target_sector)} {label}"


def describe_prediction(pred: Prediction) -> str:
    source = "(none)" if pred.source_missing else pred.source
    target = "(none)" if pred.target_missing else pred.target
    return f"{source} -> {target} {pred.cameo} ({pred.plover2016 or '-'}, {pred.modality})"


def _cause(matcher: Matcher, gold: GoldEvent, pred: Prediction, symmetric: bool) -> str | None:
    """Cause for a near miss, or None when the pair shares neither the dyad nor the code."""
    source_ok, target_ok = matcher.sides("dyad_root", gold, pred, symmetric)
    if source_ok and target_ok:
        return "wrong_code"
    if not matcher.type_ok("dyad_root", gold, pred):
        return None
    wrong_sides = [(pred.source, pred.source_missing)] if not source_ok else []
    wrong_sides += [(pred.target, pred.target_missing)] if not target_ok else []
    if any(missing for _, missing in wrong_sides):
        return "actor_missing"
    if any(matcher.codes.country(code) == UNKNOWN for code, _ in wrong_sides):
        return "actor_unknown"
    return "wrong_source" if not source_ok else "wrong_target"


def _nearest(
    matcher: Matcher, golds: Sequence[GoldEvent], preds: Sequence[Prediction], symmetric: bool
) -> tuple[int | None, int | None, str | None]:
    """The (gold, prediction) pair with a diagnosable near miss; CAUSES order breaks ties."""
    best: tuple[int | None, int | None, str | None] = (None, None, None)
    for g, gold in enumerate(golds):
        for p, pred in enumerate(preds):
            cause = _cause(matcher, gold, pred, symmetric)
            if cause is not None and (best[2] is None or CAUSES.index(cause) < CAUSES.index(best[2])):
                best = (g, p, cause)
    return best


def diagnose(
    matcher: Matcher,
    sentence: GoldSentence,
    preds: Sequence[Prediction],
    match: SentenceMatch,
    dropped: Sequence[Prediction] = (),
) -> list[ErrorCase]:
    """Error cases of one sentence at the dyad_root level.

    ``preds`` are the counted predictions; ``dropped`` those left out for their modality.
    """
    scored = matcher.gold_events(sentence)
    golds = [scored[g] for g in match.unmatched_gold(len(scored))]
    wrong = [preds[p] for p in match.unmatched_predictions(len(preds))]
    cases: list[ErrorCase] = []

    def case(kind: str, cause: str, gold: GoldEvent | None, pred: Prediction | None) -> None:
        cases.append(
            ErrorCase(
                corpus=sentence.corpus, sentence_id=sentence.id, text=sentence.text, kind=kind, cause=cause,
                gold=describe_gold(gold) if gold else None,
                predicted=describe_prediction(pred) if pred else None,
                pattern=pred.pattern if pred else None, confidence=pred.confidence if pred else None,
            )
        )  # fmt: skip

    for gold in golds:
        withheld = next(
            (d for d in dropped if matcher.matches("dyad_root", gold, d, sentence.symmetric)), None
        )
        if withheld is not None:
            case("false_negative", "dropped_modality", gold, withheld)
            continue
        _, p, cause = _nearest(matcher, [gold], wrong, sentence.symmetric)
        near = wrong[p] if p is not None else None
        case("false_negative", cause or "no_trigger", gold, near)
    for pred in wrong:
        g, _, cause = _nearest(matcher, golds, [pred], sentence.symmetric)
        near = golds[g] if g is not None else None
        case("false_positive", cause or "spurious", near, pred)
    return cases
