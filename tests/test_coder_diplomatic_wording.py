"""Common wordings of one diplomatic act get one code (issue 11, for issue 13's dedup): sentences of our own in
other countries, tenses, voices and outlets' styles, and the near-misses each rule must leave alone.

- "called in" an envoy is a summons (114, as "summoned"), active or passive; calling in sick, the army, an air
  strike or auditors is not;
- ordering or telling envoys or embassy staff to leave the country, and declaring them persona non grata, expels
  them (161, as "expelled diplomats"); ordering troops, residents or a firm to leave is no expulsion;
- "to protest" as the purpose of a summons or a recall is that diplomatic act, not a demonstration (141);
  people gathering or marching to protest still demonstrate.
"""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2025, 9, 8)


def _events(coder, text: str) -> list:  # noqa: ANN001
    return list(coder.code_text(text, pub_date=DAY).events)


def _dyads(coder, text: str) -> set[tuple[str, str | None, str | None]]:  # noqa: ANN001
    return {(e.cameo.code, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in _events(coder, text)}


def _codes(coder, text: str) -> set[str]:  # noqa: ANN001
    return {e.cameo.code for e in _events(coder, text)}


# --- 1. "called in" an envoy is a summons -----------------------------------------------------------------
SUMMONS = [
    ("Lithuania's foreign ministry called in Russia's charge d'affaires on Tuesday.", "LTUGOV", "RUSGOV"),
    ("The Dutch government called in the Iranian ambassador over the plot.", "NLDGOV", "IRNGOV"),
    ("Poland called in the Belarusian envoy after the drone crash.", "POL", "BLRGOV"),
    ("Norway called in the Chinese ambassador over the cyberattack.", "NOR", "CHNGOV"),
    ("Italy's ambassador was called in by the French foreign ministry on Friday.", "FRAGOV", "ITAGOV"),
    ("Seoul has called in Japan's ambassador to lodge a complaint.", "KOR", "JPNGOV"),
]


@pytest.mark.parametrize(("text", "source", "target"), SUMMONS)
def test_calling_in_an_envoy_is_a_summons(coder, text: str, source: str, target: str) -> None:  # noqa: ANN001
    assert ("114", source, target) in _dyads(coder, text)
    assert "020" not in _codes(coder, text)


def test_called_in_and_summoned_get_one_code(coder) -> None:  # noqa: ANN001
    summoned = _dyads(coder, "Finland summoned the Russian ambassador on Monday.")
    called_in = _dyads(coder, "Finland called in the Russian ambassador on Monday.")
    assert summoned == called_in == {("114", "FIN", "RUSGOV")}


CALLED_IN_OTHERWISE = [
    "Half the staff of the ministry called in sick on Monday.",
    "The Israeli army called in an air strike on the building.",
    "The president called in the army to restore order in the capital.",
    "The central bank called in outside auditors to examine the accounts.",
    "Police called in reinforcements from neighbouring districts.",
]


@pytest.mark.parametrize("text", CALLED_IN_OTHERWISE)
def test_calling_in_anyone_else_is_no_summons(coder, text: str) -> None:  # noqa: ANN001
    codes = _codes(coder, text)
    assert "114" not in codes
    assert "020" not in codes
