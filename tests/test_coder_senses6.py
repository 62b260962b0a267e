"""Senses of violence and law-enforcement verbs whose CAMEO root turns on the object or the doer (issue 11, the
senses2 round; patterns_senses6.yaml): each rule with sentences of our own it was not written on, and the
near-misses that must keep their old code.

- police, prosecutors or investigators raiding an office or a home seize property (171); troops raiding a camp or a
  village use force (190);
- destroying a military post or weapon is combat (190); destroying homes stays 1712;
- seizing a post, station or base occupies ground (192); seizing goods or ships stays 171;
- expelling troops, inspectors or an organisation's staff withdraws a presence (166x); expelling migrants stays 174;
- a coast guard intercepting migrant or fishing boats detains those on board (173); intercepting drones stays 190;
- a crowd attacking a building or an embassy protests violently (145); gunmen attacking one stay 18x;
- suspending, pausing or waiving sanctions or tariffs on someone eases them (085); suspending cooperation stays 16x;
- ordering foreign troops, peacekeepers, inspectors or aid agencies to leave expels them (166x); asking them to
  leave, or ordering one's own troops to withdraw, does not.
"""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2025, 9, 8)


def _codes(coder, text: str) -> set[tuple[str | None, str]]:  # noqa: ANN001
    """(the doer's country, the code): the actors' sectors are other tests' business."""
    return {(e.source.code[:3] if e.source else None, e.cameo.code) for e in coder.code_text(text, pub_date=DAY).events}


EXPECTED = [
    # law enforcement raiding premises
    ("Prosecutors in Bucharest raided the headquarters of the ruling party.", ("ROU", "171")),
    ("Ecuadorian police raided the home of a former vice president.", ("ECU", "171")),
    ("Albanian police raided the offices of an opposition television channel in Tirana.", ("ALB", "171")),
    # ... near-misses: troops raiding a camp or a village
    ("Israeli troops raided the refugee camp in Tulkarm.", ("ISR", "190")),
    # destroying military posts or weapons
    ("Armenian troops destroyed two Azerbaijani positions near the border.", ("ARM", "190")),
    ("Ukrainian forces destroyed a Russian ammunition depot in Kherson.", ("UKR", "190")),
    ("Indian artillery destroyed three Pakistani bunkers along the Line of Control.", ("IND", "190")),
    # ... near-miss: homes
    ("Israeli bulldozers destroyed Palestinian homes near Hebron.", ("ISR", "1712")),
    # seizing a post, station or base
    ("Rebels in Chad seized an army outpost near the Sudanese border.", ("TCD", "192")),
    ("Jihadists overran a police station in northern Benin.", ("BEN", "192")),
    ("Kachin insurgents seized a Myanmar army base near the Chinese border.", ("MMR", "192")),
    # ... near-misses: goods and ships
    ("Iran's navy seized a Greek oil tanker in the Gulf.", ("IRN", "171")),
    # expelling a presence
    ("Burkina Faso's expulsion of French special forces was completed in February.", ("BFA", "166")),
    ("Eritrea's expulsion of two UN officials was condemned in New York.", ("ERI", "166")),
    ("Tehran's expulsion of nuclear inspectors alarmed Vienna.", ("IRN", "1662")),
    ("Somalia expelled two UN staff members from Mogadishu.", ("SOM", "166")),
    # ... near-miss: people
    ("Germany's expulsion of Afghan migrants was criticised.", ("DEU", "174")),
    # intercepting boats at sea
    ("The Tunisian coast guard intercepted four boats carrying 150 migrants off Sfax.", ("TUN", "173")),
    ("The Libyan coast guard intercepted about 200 migrants off Tripoli.", ("LBY", "173")),
    ("Sri Lankan navy ships intercepted an Indian fishing trawler near Jaffna.", ("LKA", "173")),
    # ... near-miss: drones
    ("Saudi air defences intercepted three Houthi drones over Jizan.", ("SAU", "190")),
    # a crowd attacking protests violently
    ("Angry demonstrators in Dhaka attacked the Indian visa centre.", ("BGD", "145")),
    ("Rioters in Tripoli attacked the Turkish embassy on Friday.", ("LBY", "145")),
    ("Hundreds of Serbian protesters attacked the US embassy in Belgrade.", ("SRB", "145")),
    # ... near-miss: armed men
    ("Gunmen attacked the Turkish embassy in Kabul.", ("AFG", "180")),
    ("Rioters in Lagos attacked two police officers outside the station.", ("NGA", "190")),  # people: attack.v
    # suspending or waiving sanctions eases them
    ("The European Union suspended sanctions on Syria's energy sector.", ("IGO", "085")),
    ("The United States paused its tariffs on Mexican steel for ninety days.", ("USA", "085")),
    ("Britain waived sanctions on Belarus's potash exports for three months.", ("GBR", "085")),
    # ... near-miss: suspending cooperation
    ("Iraq suspended military cooperation with the United States.", ("IRQ", "160")),
    # ordering a foreign presence to leave expels it
    ("Niger's junta ordered French troops to leave the country within a month.", ("NER", "166")),
    ("Burundi ordered the AU mission to leave by March.", ("BDI", "1661")),
    ("North Korea ordered the IAEA inspectors to leave the country.", ("PRK", "1662")),
    ("Eritrea ordered foreign aid agencies to leave the country.", ("ERI", "1663")),
]


@pytest.mark.parametrize("text", [
    "Bamako asked the Swedish troops to leave before the rainy season.",  # a request, not an expulsion
    "Pakistan's army chief ordered his troops to withdraw from the border town.",  # a commander's own troops
])
def test_asking_or_withdrawing_own_troops_expels_no_one(coder, text: str) -> None:  # noqa: ANN001
    assert not any(code.startswith("166") for _, code in _codes(coder, text))


@pytest.mark.parametrize(("text", "event"), EXPECTED)
def test_code_by_object_and_doer(coder, text: str, event: tuple[str | None, str]) -> None:  # noqa: ANN001
    assert event in _codes(coder, text)
