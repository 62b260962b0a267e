"""Weapons in news: a weapon the story has already named belongs to whoever fired it ("Russia fired cruise missiles at Kyiv.
The missiles hit a power station." is Russia's act twice, not Russia's and then unknown forces'. A weapon told
as new ("A roadside bomb ...") keeps an unknown doer, and so does one with no attacker just before it; a weapon
that slams into something attacks it, where a person who slams something rebukes it.
All sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2025, 4, 2)


def _violent(coder, text: str) -> list[tuple[int, str, str | None]]:
    doc = coder.code_text(text, pub_date=DAY)
    return [(e.sentence_index, e.source.code if e.source else "", e.target.code if e.target else None)
            for e in doc.events if e.cameo.code[:2] in {"18", "19", "20"}]


@pytest.mark.parametrize(("text", "source"), [
    ("Russia fired cruise missiles at Kyiv overnight. The missiles hit a power station and two apartment blocks.",
     "RUS"),
    ("North Korean artillery shelled a South Korean island on Tuesday. The shells killed two marines.",
     "PRK"),
    ("Azerbaijani forces fired rockets at Armenian positions near Jermuk. These rockets struck a supply depot.",
     "AZE"),
])
def test_the_weapon_of_the_sentence_before_is_its_attackers(coder, text: str, source: str) -> None:
    later = [s for i, s, _ in _violent(coder, text) if i == 1]
    assert later and all(s[:3] == source for s in later), _violent(coder, text)


@pytest.mark.parametrize("text", [
    # a new weapon: its doer is not said
    "Russia fired cruise missiles at Kyiv overnight. A roadside bomb killed two police officers in Donetsk.",
    # no act of force before the weapon
    "Turkey held talks with Iraq on Monday. The bomb exploded near a market in Mosul, killing three people.",
    # the attack is too far back
    "Israeli jets struck a camp in Gaza on Sunday. Talks resumed in Cairo. Aid trucks waited at Rafah. "
    "Officials met in Doha. The missiles hit a school in Khan Younis.",
])
def test_an_unnamed_or_unanchored_weapon_keeps_an_unknown_doer(coder, text: str) -> None:
    events = _violent(coder, text)
    first_named = {s[:3] for i, s, _ in events if i == 0}
    later = [s for i, s, _ in events if i > 0 and s]
    assert not any(s[:3] in first_named and not s.endswith("UAF") for s in later), events


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Russian missiles slammed into an apartment block in Dnipro on Sunday.", "RUS", "UKR"),
    ("Two rockets slammed into a military base near Kandahar overnight.", "AFG", "AFG"),
    ("Pakistani shells crashed into a village in Kupwara on Monday.", "PAK", "IND"),
])
def test_a_weapon_slamming_into_something_is_an_attack(coder, text: str, source: str, target: str) -> None:
    events = [(e.cameo.code[:2], e.source.code[:3], (e.target.code if e.target else "")[:3])
              for e in coder.code_text(text, pub_date=DAY).events]
    assert ("19", source, target) in events, events


@pytest.mark.parametrize(("text", "root"), [
    ("The opposition slammed the government's budget.", "11"),  # a rebuke stays a rebuke
    ("A truck slammed into a bus in Lagos, killing four.", None),  # a road accident is no event
])
def test_slamming_without_a_weapon_is_no_attack(coder, text: str, root: str | None) -> None:
    roots = {e.cameo.code[:2] for e in coder.code_text(text, pub_date=DAY).events}
    assert "19" not in roots and (root is None or root in roots), roots


@pytest.mark.parametrize(("text", "code", "source", "target"), [
    ("Hezbollah's rocket barrage on northern Israel wounded three people.", "195", "LBN", "ISR"),
    ("An Ethiopian artillery barrage against Eritrean positions lasted through the night.", "194", "ETH", "ERI"),
    ("Tehran's drone barrage against Kurdish camps in Iraq drew protests.", "195", "IRN", "IRQ"),
])
def test_a_barrage_told_as_the_news_is_an_attack(coder, text: str, code: str, source: str, target: str) -> None:
    events = [(e.cameo.code, e.source.code[:3], (e.target.code if e.target else "")[:3])
              for e in coder.code_text(text, pub_date=DAY).events]
    assert (code, source, target) in events, events


@pytest.mark.parametrize("text", [
    "The minister faced a barrage of questions from reporters.",
    "A barrage of criticism met Brazil's new law.",
])
def test_a_barrage_of_words_is_no_attack(coder, text: str) -> None:
    assert not [e for e in coder.code_text(text, pub_date=DAY).events if e.cameo.code[:2] in {"18", "19", "20"}]
