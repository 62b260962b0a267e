"""Targeting, hitting or slapping someone *with* sanctions, tariffs or bans is that measure (163), not force:
"The Treasury targeted Venezuelan officials with new sanctions" was coded 190 (target.v) beside the other reports'
"imposed sanctions on" (163), and dedup could not join them (tuning4.yaml, U06). Force stays force."""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2026, 3, 2)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Treasury targeted Venezuelan officials with new sanctions.", None, "VENGOV"),
    ("Britain on Monday targeted three Iranian banks with sanctions over the drone programme.", "GBR", "IRNBUS"),
    ("Washington hit Chinese chip makers with new tariffs on Friday.", "USA", "CHN"),
    ("The European Union slapped Belarus with fresh sanctions after the election.", "IGOEUREEC", "BLR"),
    ("Canada has targeted Russian oligarchs with travel bans.", "CAN", "RUSELI"),
])
def test_a_measure_aimed_with_a_verb_of_force_is_the_measure(coder, text, source, target) -> None:  # noqa: ANN001
    events = coder.code_text(text, pub_date=DAY).events
    assert [(e.cameo.code, e.target.code if e.target else None) for e in events] == [("163", target)]
    if source is not None:
        assert events[0].source is not None and events[0].source.code == source


@pytest.mark.parametrize(("text", "root"), [
    ("Israeli jets targeted Hezbollah positions with missiles.", "19"),
    ("Russian forces hit Kharkiv with glide bombs on Sunday.", "19"),
    ("The army targeted rebel camps with artillery fire.", "19"),
])
def test_force_aimed_with_weapons_stays_force(coder, text, root) -> None:  # noqa: ANN001
    events = coder.code_text(text, pub_date=DAY).events
    assert [e.cameo.root for e in events] == [root]
