"""Matching predicted events to gold events within one sentence, at the ``dyad_root`` and ``full`` levels.

The rules are documented in ``brinkwatch.evaluate`` (package docstring). This module holds the comparison of
one gold event with one prediction, the one-to-one assignment (maximum bipartite matching, which equals the
multiset intersection when every gold event is fully specified), and the excusal of the extra events of
compound PLOVER records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from brinkwatch.evaluate.codes import UNKNOWN, ActorCodes, ActorKey
from brinkwatch.evaluate.gold import GoldEvent, GoldSentence
from brinkwatch.model import Event

LEVELS: tuple[str, ...] = ("dyad_root", "full")
NON_OCCURRING: frozenset[str] = frozenset({"negated", "hypothetical"})


@dataclass(frozen=True)
class Prediction:
    """The parts of a predicted ``Event`` the scorer compares, already normalised."""

    source: str  # actor code, "---" when missing
    target: str
    cameo: str
    root: str
    plover2016: str | None
    confidence: float
    pattern: str
    modality: str = "asserted"
    source_missing: bool = False  # the coder named no actor at all (distinct from an unresolved "---")
    target_missing: bool = False

    @property
    def occurred(self) -> bool:
        return self.modality not in NON_OCCURRING


@dataclass
class SentenceMatch:
    """Result of matching one sentence at one level; indices point into the gold and counted predictions."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    excused: set[int] = field(default_factory=set)

    def unmatched_gold(self, n_gold: int) -> list[int]:
        matched = {g for g, _ in self.pairs}
        return [g for g in range(n_gold) if g not in matched]

    def unmatched_predictions(self, n_predicted: int) -> list[int]:
        matched = {p for _, p in self.pairs}
        return [p for p in range(n_predicted) if p not in matched and p not in self.excused]


class Matcher:
    """Compares gold events and predictions; one instance per evaluation and mode (holds the code tables).

    ``strict`` turns off every leniency of the package docstring: every prediction counts (negated and
    hypothetical ones too, and root-01 statements against PLOVER gold), a prediction matches a gold event only
    when both agree on whether the event happened, a gold ``null`` target matches only a missing or unknown
    predicted target, and no extra event of a compound record is excused.
    """

    def __init__(self, codes: ActorCodes, plover2016: Callable[[str], str | None], *, strict: bool = False) -> None:
        self.codes = codes
        self._plover2016 = plover2016
        self.strict = strict

    def prediction(self, event: Event) -> Prediction:
        return Prediction(
            source=self.codes.predicted_code(event.source),
            target=self.codes.predicted_code(event.target),
            cameo=event.cameo.code,
            root=event.cameo.root or event.cameo.code[:2],
            plover2016=self._plover2016(event.cameo.code),
            confidence=event.confidence,
            pattern=event.pattern,
            modality=event.modality,
            source_missing=event.source is None,
            target_missing=event.target is None,
        )

    # --- one side, one type --------------------------------------------------------------------
    def side_ok(self, level: str, gold: GoldEvent, side: str, predicted_code: str) -> bool:
        """A gold side of None is a wildcard; otherwise compare countries (dyad_root) or country + agent."""
        gold_code = gold.source if side == "source" else gold.target
        if gold_code is None:
            return not self.strict or self.codes.country(predicted_code) == UNKNOWN
        if level == "dyad_root":
            return self.codes.country(gold_code) == self.codes.country(predicted_code)
        if gold.plover_style:
            sector = gold.source_sector if side == "source" else gold.target_sector
            wanted = ActorKey(self.codes.country(gold_code), self.codes.role(sector))
            return wanted == self.codes.role_key(predicted_code)
        return self.codes.code_key(gold_code) == self.codes.code_key(predicted_code)

    def type_ok(self, level: str, gold: GoldEvent, prediction: Prediction) -> bool:
        if gold.cameo is None:
            return prediction.plover2016 is not None and prediction.plover2016 == gold.plover
        if level == "dyad_root":
            return prediction.root == gold.cameo[:2]
        return prediction.cameo == gold.cameo

    def code_fits(self, gold: GoldEvent, code: str) -> bool:
        """A CAMEO code of the gold event's root (or PLOVER-2016 type): what a draft of that code could match."""
        if gold.cameo is None:
            return gold.plover is not None and self._plover2016(code) == gold.plover
        return code[:2] == gold.cameo[:2]

    def sides(
        self, level: str, gold: GoldEvent, prediction: Prediction, symmetric: bool
    ) -> tuple[bool, bool]:
        """(source ok, target ok) in the better of the two orientations when the gold is symmetric."""
        direct = (
            self.side_ok(level, gold, "source", prediction.source),
            self.side_ok(level, gold, "target", prediction.target),
        )
        if not symmetric or all(direct):
            return direct
        swapped = (
            self.side_ok(level, gold, "source", prediction.target),
            self.side_ok(level, gold, "target", prediction.source),
        )
        return swapped if sum(swapped) > sum(direct) else direct

    def matches(self, level: str, gold: GoldEvent, prediction: Prediction, symmetric: bool) -> bool:
        if self.strict and gold.occurred != prediction.occurred:
            return False
        return self.type_ok(level, gold, prediction) and all(self.sides(level, gold, prediction, symmetric))

    def gold_events(self, sentence: GoldSentence) -> tuple[GoldEvent, ...]:
        """The gold events scored: all of them when strict, else those the text says happened."""
        return sentence.events if self.strict else tuple(e for e in sentence.events if e.occurred)

    # --- one sentence --------------------------------------------------------------------------
    def counts_in(self, sentence: GoldSentence, prediction: Prediction) -> bool:
        """Whether a prediction is scored in this sentence at all.

        Non-occurring modalities never count. Against PLOVER gold, a code with no PLOVER-2016 type (CAMEO 01
        statements) cannot be compared with anything the gold could hold, so it is left out.
        """
        if self.strict:
            return True
        if not prediction.occurred:
            return False
        plover_sentence = bool(sentence.events) and all(e.plover_style for e in sentence.events)
        return not (plover_sentence and prediction.plover2016 is None)

    def match_sentence(
        self, level: str, sentence: GoldSentence, predictions: Sequence[Prediction]
    ) -> SentenceMatch:
        symmetric = sentence.symmetric
        edges = [
            [p for p, pred in enumerate(predictions) if self.matches(level, gold, pred, symmetric)]
            for gold in self.gold_events(sentence)
        ]
        result = SentenceMatch(pairs=_max_matching(edges, len(predictions)))
        if sentence.compound and not self.strict:
            result.excused = self._compound_extras(level, sentence, predictions, result)
        return result

    def _compound_extras(
        self, level: str, sentence: GoldSentence, predictions: Sequence[Prediction], result: SentenceMatch
    ) -> set[int]:
        """Unmatched predictions of the right type that share a named actor with a gold event.

        PLOVER gold records keep only the first of several sources/targets ("to Romania and Poland"), so
        an event for the second one is neither right nor wrong as far as the gold can tell.
        """
        excused: set[int] = set()
        for p in result.unmatched_predictions(len(predictions)):
            pred = predictions[p]
            for gold in self.gold_events(sentence):
                if self.type_ok(level, gold, pred) and self._shares_named_actor(level, gold, pred):
                    excused.add(p)
                    break
        return excused

    def _shares_named_actor(self, level: str, gold: GoldEvent, pred: Prediction) -> bool:
        for side, code in (("source", gold.source), ("target", gold.target)):
            if code is None or self.codes.country(code) == UNKNOWN:
                continue
            if self.side_ok(level, gold, side, pred.source) or self.side_ok(level, gold, side, pred.target):
                return True
        return False


def _max_matching(edges: list[list[int]], n_right: int) -> list[tuple[int, int]]:
    """Maximum bipartite matching (Kuhn's augmenting paths): gold index -> prediction index, one-to-one."""
    owner: list[int | None] = [None] * n_right

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges[left]:
            if right in seen:
                continue
            seen.add(right)
            current = owner[right]
            if current is None or augment(current, seen):
                owner[right] = left
                return True
        return False

    for left in range(len(edges)):
        augment(left, set())
    return sorted((left, right) for right, left in enumerate(owner) if left is not None)
