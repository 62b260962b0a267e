"""Issue 11: a group noun whose "of" complement names people held or harmed ("hostages", "captives", "victims",
"detainees") takes the nationality written on that complement: "the families of the Israeli hostages" are
Israeli civilians (ISRCVL), as "the families of the Indonesian sailors" already were. Every sentence is our own
(other countries, nouns, verbs and tenses), with near misses where the nationality belongs to another phrase.
"""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2024, 6, 12)


def _pairs(coder, text: str) -> set[tuple[str | None, str | None]]:
    doc = coder.code_text(text, pub_date=DAY)
    return {(e.source.code if e.source else None, e.target.code if e.target else None) for e in doc.events}


def _mentions(coder, text: str) -> dict[str, str]:
    doc = coder.nlp(text)
    return {actor.text: actor.code for actor in coder.resolver.for_doc(doc, DAY).mentions}


@pytest.mark.parametrize(("text", "group", "code"), [
    ("The Prime Minister expressed sympathy with the families of the Israeli hostages.", "the families", "ISRCVL"),
    ("The foreign minister met relatives of the French captives on Monday.", "relatives", "FRACVL"),
    ("The envoy visited the families of the Filipino victims.", "the families", "PHLCVL"),
    ("The ambassador will meet the families of the Nepali victims next week.", "the families", "NPLCVL"),
    ("Relatives of the South Korean detainees appealed to Pyongyang for their release.", "Relatives", "KORCVL"),
    ("The families of the Thai hostages thanked Qatar on Sunday.", "The families", "THACVL"),
])
def test_the_group_takes_the_nationality_of_its_held_people(coder, text: str, group: str, code: str) -> None:
    assert _mentions(coder, text)[group] == code


@pytest.mark.parametrize(("text", "pair"), [
    ("The families of the Israeli hostages criticised the government.", ("ISRCVL", "ISRGOV")),
    ("Relatives of the South Korean detainees appealed to Pyongyang for their release.", ("KORCVL", "PRK")),
    ("The families of the Thai hostages thanked Qatar on Sunday.", ("THACVL", "QAT")),
])
def test_the_coded_event_carries_that_nationality(coder, text: str, pair: tuple[str, str]) -> None:
    assert pair in _pairs(coder, text)


@pytest.mark.parametrize(("text", "group"), [
    # the nationality belongs to the captors or the attackers, not to the people held or harmed
    ("The minister met the families of hostages held by Israeli forces.", "the families"),
    ("The families of victims of Russian shelling protested in Kyiv.", "The families"),
    # "pro-Russian" says whom they side with, not where they are from
    ("The families of the pro-Russian detainees criticised Kyiv.", "The families"),
    # no nationality at all
    ("The families of the hostages condemned Hamas.", "The families"),
])
def test_a_nationality_elsewhere_is_not_the_groups(coder, text: str, group: str) -> None:
    assert _mentions(coder, text)[group] == "---CVL"


# ---------------------------------------------------------------- 2. a ruling party the KB does not know
# "ruling"/"governing" on an unknown party's name makes it the government side (the Phoenix agents code "ruling
# party" and "governing party" GOV); without it, a name ending in "party" is read as an opposition party, and
# "the ruling CCM party accused the opposition" came out as OPP against OPP of one country and was dropped.
@pytest.mark.parametrize(("text", "pair"), [
    ("Tanzania's ruling CCM party accused the opposition of plotting unrest.", ("TZAGOV", "TZAOPP")),
    ("Togo's ruling UNIR party will accuse the opposition of sabotage.", ("TGOGOV", "TGOOPP")),
    ("The ruling Cameroon People's Democratic Movement accused the opposition of stoking violence.",
     ("CMRGOV", "CMROPP")),
    # an unknown acronym, with or without the type noun
    ("The ruling party PAIGC accused the opposition of plotting a coup in Bissau.", ("GNBGOV", "GNBOPP")),
    ("Guinea-Bissau's governing PAIGC rejected the opposition's demands.", ("GNBGOV", "GNBOPP")),
])
def test_an_unknown_ruling_party_is_the_government_side(coder, text: str, pair: tuple[str, str]) -> None:
    assert pair in _pairs(coder, text)


@pytest.mark.parametrize(("text", "party"), [
    ("The governing Progress Party in Ruritania rejected the opposition's demands.", "Progress Party"),
    ("The ruling Chama Cha Mapinduzi accused the opposition of plotting unrest.", "Chama Cha Mapinduzi"),
])
def test_the_ruling_party_mention_is_gov(coder, text: str, party: str) -> None:
    assert _mentions(coder, text)[party].endswith("GOV")


@pytest.mark.parametrize(("text", "party"), [
    # "ruling" on another phrase, or a noun of its own
    ("The CCM party accused the ruling coalition of fraud.", "The CCM party"),
    ("A court ruling barred the CCM party from the election.", "the CCM party"),
    ("The opposition CCM party accused the government of fraud.", "CCM party"),
    ("The opposition party PAIGC accused the ruling coalition of fraud.", "The opposition party PAIGC"),
])
def test_a_party_not_called_ruling_stays_opposition(coder, text: str, party: str) -> None:
    assert _mentions(coder, text)[party] == "---OPP"
