"""Error analysis: why each false positive and false negative (at the ``dyad_root`` level) went wrong.

Each unmatched gold event is compared with the nearest unmatched prediction of its sentence (and each
unmatched prediction with the nearest unmatched gold event) on three parts: source, target, code.
Causes:
- ``spurious``: a prediction in a no-event sentence, or one that shares neither the dyad nor the code with
  any unmatched gold event of its sentence;
- ``no_trigger``: a gold event for which no prediction of its sentence shares the dyad or the code; when the
  coder's draft trace (``brinkwatch.extract.trace``) is given, split by ``detail`` (counted as
  ``no_trigger/<detail>`` beside ``no_trigger``):
  ``no_draft`` — no pattern fired on any token of the gold trigger (for gold with no trigger, the sentence has no
  draft of the gold's root or PLOVER type); ``dropped:<stage>`` — a draft of the gold's root was built there and
  dropped at that stage of the coder (the furthest any such draft reached); ``other_code`` — only drafts of
  other codes fired on the trigger; ``coded`` — a draft of the gold's root gave an event that still matched
  nothing (given to another gold event, or a duplicate);
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
from typing import Protocol

from brinkwatch.evaluate.codes import UNKNOWN
from brinkwatch.evaluate.gold import GoldEvent, GoldSentence
from brinkwatch.evaluate.matching import Matcher, Prediction, SentenceMatch

CAUSES: tuple[str, ...] = (
    "no_trigger", "wrong_code", "wrong_source", "wrong_target", "actor_unknown", "actor_missing",
    "dropped_modality", "spurious",
)  # fmt: skip


class Fate(Protocol):
    """What the diagnosis reads of a traced draft (``brinkwatch.extract.trace.DraftFate``); ``start``/``end``
    are the trigger's characters in the gold sentence's text."""

    start: int
    end: int
    code: str
    stage: str


# how far a draft got, in the order the coder's stages come (``brinkwatch.extract.trace.STAGES``)
STAGE_ORDER: tuple[str, ...] = (
    "discarded_sentence", "not_political", "no_source_slot", "source_unresolved", "source_no_country", "sport_noun",
    "outcome_of_told_act", "no_unattributed_pair", "doer_without_country", "not_political_pair", "history",
    "background", "event",
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
    detail: str | None = None  # for no_trigger with a draft trace: no_draft, dropped:<stage>, other_code, coded

    @property
    def label(self) -> str:
        """The cause, with its detail when there is one: ``no_trigger/dropped:history``."""
        return f"{self.cause}/{self.detail}" if self.detail else self.cause

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


def no_trigger_detail(matcher: Matcher, gold: GoldEvent, text: str, fates: Sequence[Fate]) -> str:
    """Why the coder found nothing for ``gold`` in the sentence ``text``, from the sentence's traced drafts.

    With a gold ``trigger`` (article gold) the drafts on its characters are read; without (sentence gold), the
    drafts of the sentence whose code fits the gold's root or PLOVER type."""
    trigger = getattr(gold, "trigger", None)
    at = text.find(trigger) if trigger else -1
    if at >= 0:
        near = [f for f in fates if f.start < at + len(trigger) and f.end > at]
    else:
        near = [f for f in fates if matcher.code_fits(gold, f.code)]
    if not near:
        return "no_draft"
    fitting = [f for f in near if matcher.code_fits(gold, f.code)]
    if not fitting:
        return "other_code"
    furthest = max(fitting, key=lambda f: STAGE_ORDER.index(f.stage) if f.stage in STAGE_ORDER else -1)
    return "coded" if furthest.stage == "event" else f"dropped:{furthest.stage}"


def diagnose(
    matcher: Matcher,
    sentence: GoldSentence,
    preds: Sequence[Prediction],
    match: SentenceMatch,
    dropped: Sequence[Prediction] = (),
    fates: Sequence[Fate] | None = None,
) -> list[ErrorCase]:
    """Error cases of one sentence at the dyad_root level.

    ``preds`` are the counted predictions; ``dropped`` those left out for their modality; ``fates`` the
    sentence's traced drafts (None: no trace, ``no_trigger`` is not split).
    """
    scored = matcher.gold_events(sentence)
    golds = [scored[g] for g in match.unmatched_gold(len(scored))]
    wrong = [preds[p] for p in match.unmatched_predictions(len(preds))]
    cases: list[ErrorCase] = []

    def case(kind: str, cause: str, gold: GoldEvent | None, pred: Prediction | None,
             detail: str | None = None) -> None:
        cases.append(
            ErrorCase(
                corpus=sentence.corpus, sentence_id=sentence.id, text=sentence.text, kind=kind, cause=cause,
                gold=describe_gold(gold) if gold else None,
                predicted=describe_prediction(pred) if pred else None,
                pattern=pred.pattern if pred else None, confidence=pred.confidence if pred else None,
                detail=detail,
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
        detail = None
        if cause is None and fates is not None:
            detail = no_trigger_detail(matcher, gold, sentence.text, fates)
        case("false_negative", cause or "no_trigger", gold, near, detail)
    for pred in wrong:
        g, _, cause = _nearest(matcher, golds, [pred], sentence.symmetric)
        near = golds[g] if g is not None else None
        case("false_positive", cause or "spurious", near, pred)
    return cases
