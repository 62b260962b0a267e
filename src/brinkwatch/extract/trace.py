"""Draft trace: what became of each draft the coder built, for error analysis.

The coder builds drafts (a code and argument slots at a trigger: ``extract.drafts.Draft``) and then drops many
on the way to an event: no actor for the doer, a doer of no country, a sense that is not political, an act told
as history, a sentence not to code. When a ``DraftTrace`` is set on the coder (``Coder.trace``) every draft of
every sentence is recorded with the stage that dropped it, or ``event`` when it gave an event the article
keeps; with no trace set the coder records nothing (one ``is None`` test per dropped draft).
``brinkwatch.evaluate.diagnosis`` reads the trace to split ``no_trigger`` misses into ``no_draft`` (no pattern
fired on the trigger) and ``dropped:<stage>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The stages, in the order the coder reaches them; each names why a draft gave no event.
STAGES: dict[str, str] = {
    "discarded_sentence": "the sentence is not coded (sports score, sports or entertainment story, structure only)",
    "not_political": "a sense or story reading drops the draft (senses.political_drafts)",
    "no_source_slot": "no actor pair: the draft has no source slot at all",
    "source_unresolved": "no actor pair: its source slots name no actor",
    "source_no_country": "no actor pair: its source is an actor of no country, with no target and no dateline home",
    "sport_noun": "violence told as a noun in a sport sentence",
    "outcome_of_told_act": "the dead or hurt of an act the sentence tells with a doer of its own",
    "no_unattributed_pair": "violence with no doer and no place or story country to give it one",
    "doer_without_country": "a doer of no country whose act hit no named actor",
    "not_political_pair": "the pair is not political (a firm buying jets, a club signing a player)",
    "history": "the act is dated years back",
    "background": "events made, then left out as context of the sentence's main news",
    "event": "the draft gave an event the article keeps",
}


@dataclass(frozen=True)
class DraftFate:
    """One draft and the stage it reached. ``start``/``end``: the trigger's characters in the document."""

    doc_id: str
    sentence_index: int
    start: int
    end: int
    trigger: str
    code: str
    pattern: str
    stage: str
    sources: str = ""  # the words of the draft's source slots, "|" between slots ("", no slot)
    targets: str = ""


@dataclass
class DraftTrace:
    """The fates of the drafts of every document coded while it is set on a coder, by document id."""

    fates: dict[str, list[DraftFate]] = field(default_factory=dict)

    def record(self, doc_id: str, sentence_index: int, draft, stage: str) -> None:
        """Record ``draft`` (an ``extract.drafts.Draft``) and the stage it reached."""
        trigger = draft.trigger
        self.fates.setdefault(doc_id, []).append(DraftFate(
            doc_id=doc_id, sentence_index=sentence_index, start=trigger.idx, end=trigger.idx + len(trigger.text),
            trigger=trigger.text, code=draft.code, pattern=draft.pattern, stage=stage,
            sources=_slots(draft.source_groups), targets=_slots(draft.target_groups)))

    def of(self, doc_id: str) -> list[DraftFate]:
        return list(self.fates.get(doc_id, ()))

    def clear(self) -> None:
        self.fates.clear()


def _slots(groups) -> str:
    return "|".join(" ".join(t.text for t in group) for group in groups)
