"""Drafts that read the same make one event, and cost one reading (issue 14: a word pasted hundreds of times
after a governor made hundreds of identical drafts, each walking the governor's whole phrase)."""

from __future__ import annotations

from dataclasses import replace

from brinkwatch.extract.drafts import Draft, distinct


def _events(coder, text: str) -> list[tuple]:  # noqa: ANN001
    return sorted((e.source.code, e.target.code if e.target else None, e.cameo.code, e.modality)
                  for e in coder.code_text(text).events)


def test_drafts_differing_only_in_their_complement_collapse_and_others_stay(coder) -> None:  # noqa: ANN001
    doc = coder.nlp("Ghana agreed to free the sailors and Togo agreed to free the fishermen.")
    agreed = [t for t in doc if t.lower_ == "agreed"]
    free = [t for t in doc if t.lower_ == "free"]
    nouns = [t for t in doc if t.lower_ in {"sailors", "fishermen"}]
    base = Draft(code="0353", pattern="commit>free.v", trigger=agreed[0], source_groups=[[doc[0]]],
                 target_groups=[[nouns[0]]], embedded=free[0])
    same_reading = replace(base, embedded=free[1])  # another complement, nothing else differs
    other_target = replace(base, target_groups=[[nouns[1]]])
    other_trigger = replace(base, trigger=agreed[1])
    other_modality = replace(base, modality="negated")
    kept = distinct([base, same_reading, other_target, other_trigger, other_modality])
    assert kept == [base, other_target, other_trigger, other_modality]


def test_a_word_pasted_after_a_promise_codes_as_pasted_a_few_times(coder) -> None:  # noqa: ANN001
    for verb, target in (("halted", "firing"), ("stopped", "shelling"), ("froze", "the raids")):
        text = "Commanders from India and Pakistan agreed {}by hotline on Monday to stop " + target + "."
        few, many = _events(coder, text.format((verb + " ") * 6)), _events(coder, text.format((verb + " ") * 60))
        assert few and many == few, (verb, few, many)
