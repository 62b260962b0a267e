"""The target of a conditional threat: "X would strike if Y did Z" is a threat aimed at Y, the party whose
act is the condition, when the threat names no target of its own. Sentences are our own."""

from __future__ import annotations

import pytest

from helpers import code_sentence, triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Netanyahu warned that Israel would strike hard if Hezbollah violated the agreement.",
         {("ISR", "LBNREBHEZ", "138", "threatened")}),
        ("China warned that it would retaliate if Japan deployed missiles on the islands.",
         {("CHN", "JPN", "138", "threatened")}),
        ("North Korea said it would retaliate if South Korea went ahead with the drills.",
         {("PRK", "KOR", "138", "threatened")}),
        # the by-agent of a passive condition is the one who would act
        ("Iran warned that it would retaliate if it were attacked by Israel.", {("IRN", "ISR", "138", "threatened")}),
    ],
)
def test_the_condition_names_the_target(coder, text: str, expected: set) -> None:
    assert triples(code_sentence(coder, text, "2024-05-14")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the threat has its own target: the condition does not replace it
        ("Iran warned that it would strike US bases if Israel attacked its nuclear sites.",
         {("IRN", "USAMIL", "138", "threatened")}),
        # a passive condition names the victim, not a transgressor: no target
        ("Iran warned that it would retaliate if it were attacked.", {("IRN", None, "138", "threatened")}),
        # a condition with no actor in it: no target
        ("Egypt warned that it would retaliate if the dam talks failed.", {("EGY", None, "138", "threatened")}),
        ("Israel will retaliate if necessary, the minister said.", {("ISR", None, "138", "threatened")}),
    ],
)
def test_near_misses(coder, text: str, expected: set) -> None:
    assert triples(code_sentence(coder, text, "2024-05-14")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fresh wordings: other countries, tenses and verbs of warning (the target is what is tested here;
        # which 13x code "respond forcefully" gets is the patterns' business)
        ("Azerbaijan warned that it would respond forcefully if Armenia provoked clashes on the border.",
         {("AZE", "ARM", "13", "threatened")}),
        ("Seoul has said it will retaliate if Pyongyang fires another missile over its waters.",
         {("KOR", "PRK", "13", "threatened")}),
        ("Turkey warned on Monday that it would strike back if Syria shelled its border posts again.",
         {("TUR", "SYR", "13", "threatened")}),
    ],
)
def test_fresh_conditional_threats_take_the_condition_party(coder, text: str, expected: set) -> None:
    found = {(source, target, code[:2], modality)
             for source, target, code, modality in triples(code_sentence(coder, text, "2025-03-14"))}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # eighth attribute round: a condition told with an inverted auxiliary ("should X fire") instead of "if"
        ("Seoul warned that its forces would retaliate swiftly should North Korea fire another missile across the "
         "border.", {("KOR", "PRK", "13", "threatened")}),
        ("Pakistan warned that it would respond with full force should India attack its territory.",
         {("PAK", "IND", "13", "threatened")}),
        ("Greece warned that it would retaliate should Turkey send a survey ship into its waters.",
         {("GRC", "TUR", "13", "threatened")}),
        # and another wording of the form, checked in this round ("hit back hard if")
        ("India warned that it would hit back hard if Pakistan attacked again.", {("IND", "PAK", "13", "threatened")}),
    ],
)
def test_an_inverted_condition_names_the_target(coder, text: str, expected: set) -> None:
    found = {(source[:3] if source else None, target[:3] if target else None, code[:2], modality)
             for source, target, code, modality in triples(code_sentence(coder, text, "2025-03-14"))}
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        # near-misses: "should" as a modal of obligation opens no condition
        "Officials said the talks should resume next week.",
        "The minister said Kenya should send more troops.",
    ],
)
def test_should_as_a_modal_is_no_condition(coder, text: str) -> None:
    assert all(modality != "threatened" for _, _, _, modality in triples(code_sentence(coder, text, "2025-03-14")))
