"""A country named before a site owns it; the place is where the text says the site is: "a US outpost in eastern
Syria" is in Syria, "a Turkish base in northern Iraq" in Iraq. A town before a site is still the place ("the
Natanz plant"). A weapon's maker is not who fired it ("Iranian-made drones"). All sentences are our own."""

from __future__ import annotations

import pytest


def _events(coder, text: str) -> list[tuple[str, str, str, str]]:
    return [(e.cameo.code[:2], e.source.code if e.source else "", e.target.code if e.target else "",
             e.place.country if e.place else "") for e in coder.code_text(text).events]


@pytest.mark.parametrize(("text", "country"), [
    ("Drones struck a US outpost in eastern Syria on Saturday.", "SYR"),
    ("Rockets hit a Turkish base in northern Iraq on Monday.", "IRQ"),
    ("Gunmen attacked the Iran embassy compound in Kabul.", "AFG"),
])
def test_the_site_is_where_the_text_puts_it_not_in_its_owners_country(coder, text: str, country: str) -> None:
    assert {place for *_, place in _events(coder, text)} == {country}, _events(coder, text)


def test_a_town_before_a_site_is_still_the_place(coder) -> None:
    assert {place for *_, place in _events(coder, "Israeli jets struck the Natanz plant.")} == {"IRN"}


@pytest.mark.parametrize(("text", "maker"), [
    ("Iranian-made drones struck a US outpost in eastern Syria on Saturday.", "IRN"),
    ("Turkish-made drones hit rebel positions in Tigray last week.", "TUR"),
    ("Russian-built jets bombed a market in Idlib.", "RUS"),
])
def test_a_weapons_maker_is_not_its_user(coder, text: str, maker: str) -> None:
    events = _events(coder, text)
    assert events and not any(source.startswith(maker) for _, source, _, _ in events), events
