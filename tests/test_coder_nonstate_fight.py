"""An armed group's violence: fighting (CAMEO 19) against armed forces, unconventional violence (18) otherwise.

CAMEO 1.1b3 puts under 18 the violence of non-state actors "only when they are not the types of violent acts
covered in the Fight (19) category", and under 19 "all uses of conventional force and acts of war typically by
organized armed groups". So rebels storming an army post fight; gunmen killing villagers do not. Sentences of
our own, with the near-misses that must stay 18x and the state's own acts that stay 19x.
"""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2025, 4, 2)

FIGHTING = [
    "Rebels attacked an army base outside Beni on Tuesday.",
    "Militants killed four police officers at a checkpoint in Borno state on Monday.",
    "Gunmen shot two soldiers guarding a bridge near Mopti.",
    "Al-Shabaab fighters wounded three Kenyan soldiers in an ambush near Mandera.",
    "Insurgents attacked a Pakistani paramilitary convoy in North Waziristan overnight.",
]
UNCONVENTIONAL = [
    "Gunmen killed eleven villagers in a night raid near Bunia.",
    "Rebels shot dead two farmers near Kidal on Sunday.",
    "Militants attacked worshippers leaving a church in northern Burkina Faso.",
    "Suspected insurgents wounded six civilians in a market town in Cabo Delgado.",
]
STATE = [
    "Nigerian soldiers killed seven militants in Borno state.",
    "Colombian troops attacked an ELN camp near the Venezuelan border.",
]


def _roots(coder, text: str) -> set[str]:  # noqa: ANN001
    doc = coder.code_text(text, pub_date=DAY)
    return {event.cameo.code[:2] for event in doc.events if event.modality == "asserted"}


@pytest.mark.parametrize("text", FIGHTING)
def test_an_armed_group_attacking_armed_forces_fights(coder, text: str) -> None:  # noqa: ANN001
    assert _roots(coder, text) == {"19"}, text


@pytest.mark.parametrize("text", UNCONVENTIONAL)
def test_an_armed_group_attacking_civilians_is_unconventional_violence(coder, text: str) -> None:  # noqa: ANN001
    assert _roots(coder, text) == {"18"}, text


@pytest.mark.parametrize("text", STATE)
def test_the_states_forces_fight(coder, text: str) -> None:  # noqa: ANN001
    assert _roots(coder, text) == {"19"}, text
