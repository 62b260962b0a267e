"""Issue 11: crowds given by a number as the subject, and a bare state noun beside a named body of the same
country. Every sentence is our own (other countries, tenses and styles than the issue's examples), with the
near misses each rule must not fire on.

1. A number noun ("thousands", "dozens") is what its "of" complement counts ("thousands of Russian troops"
   are RUSMIL); standing alone as the subject of a crowd verb it is a crowd of the place's country (CVL).
2. Within a story about one country, a bare "the army" beside that country's named government (or a bare "the
   government" beside its named army) is that country's; a story about another country keeps it out.
"""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2024, 6, 12)


def _pairs(coder, text: str) -> set[tuple[str | None, str | None]]:
    doc = coder.code_text(text, pub_date=DAY)
    return {(e.source.code if e.source else None, e.target.code if e.target else None) for e in doc.events}


def _sources(coder, text: str) -> set[str | None]:
    return {source for source, _ in _pairs(coder, text)}


def _mentions(coder, text: str) -> dict[str, str]:
    doc = coder.nlp(text)
    return {actor.text: actor.code for actor in coder.resolver.for_doc(doc, DAY).mentions}


# ---------------------------------------------------------------- 1. a bare number with a crowd verb
@pytest.mark.parametrize(("text", "pair"), [
    ("Hundreds marched through Nairobi on Tuesday.", ("KENCVL", "KEN")),
    ("Tens of thousands took to the streets of Tbilisi on Sunday.", ("GEOCVL", "GEO")),
    ("Thousands demonstrated in Caracas against President Nicolas Maduro.", ("VENCVL", "VENGOV")),
    ("Thousands gathered in Yerevan on Saturday to protest against the government.", ("ARMCVL", "ARMGOV")),
    ("Hundreds rioted in Dakar after the opposition leader was jailed.", ("SENCVL", "SEN")),
    # headlines, in the present tense and with no full stop
    ("Thousands rally in Belgrade against the government", ("SRBCVL", "SRBGOV")),
    ("Hundreds march in Nairobi over tax hikes", ("KENCVL", "KEN")),
    # a headline with a full stop, which the parser reads as the noun "rally" counted by "Thousands"
    ("Thousands rally in Belgrade against the government.", ("SRBCVL", "SRBGOV")),
    ("Thousands protest in Bishkek against the election result.", ("KGZCVL", "KGZ")),
])
def test_a_number_alone_with_a_crowd_verb_is_the_places_crowd(coder, text: str, pair: tuple[str, str]) -> None:
    assert pair in _pairs(coder, text)


@pytest.mark.parametrize("text", [
    "Dozens have protested in Colombo since Monday.",
    "Thousands will rally in Warsaw on Saturday, organisers said.",
])
def test_the_crowd_takes_the_places_country_in_other_tenses(coder, text: str) -> None:
    mentions = _mentions(coder, text)
    crowd = next(code for words, code in mentions.items() if words.lower() in {"dozens", "thousands"})
    assert crowd == "---CVL"  # the resolver leaves the country to the place; the coder gives it
    assert any(source and source.endswith("CVL") and source[:3] in {"LKA", "POL"} for source in _sources(coder, text))


# ---------------------------------------------------------------- 1. the "of" complement wins
@pytest.mark.parametrize(("text", "code"), [
    ("Thousands of Russian troops massed near the border.", "RUSMIL"),
    ("Thousands of Israeli troops massed near Gaza.", "ISRMIL"),
    ("Dozens of police officers stormed the building in Lagos.", "NGACOP"),
    ("Tens of thousands of protesters marched through Santiago on Thursday.", "CHLOPP"),
])
def test_a_number_with_an_of_complement_is_what_it_counts(coder, text: str, code: str) -> None:
    sources = _sources(coder, text)
    assert code in sources
    assert not any(source and source.endswith("CVL") for source in sources)


@pytest.mark.parametrize(("text", "words", "code"), [
    ("Hundreds of refugees crossed into Chad on Monday.", "Hundreds of refugees", "---REF"),
    ("Thousands of soldiers were deployed to the border.", "Thousands of soldiers", "---MIL"),
    ("Hundreds of students protested in Dhaka.", "Hundreds of students", "---EDU"),
])
def test_the_counted_phrase_keeps_its_own_sector(coder, text: str, words: str, code: str) -> None:
    assert _mentions(coder, text).get(words) == code


# ---------------------------------------------------------------- 1. near misses: no crowd
@pytest.mark.parametrize("text", [
    "The attack killed dozens in Mogadishu.",
    "Thousands fled the fighting in Khartoum.",
    "Police arrested dozens in Karachi.",
    "Hundreds were injured when the bridge collapsed in Kinshasa.",
    "Two rallies were held in Belgrade.",
])
def test_a_number_that_does_not_lead_a_crowd_verb_is_no_actor(coder, text: str) -> None:
    assert not any(code.endswith("CVL") for code in _mentions(coder, text).values())
    assert not any(source and source.endswith("CVL") for source in _sources(coder, text))


# ---------------------------------------------------------------- 2. a bare state noun beside its named kin
@pytest.mark.parametrize(("text", "pair"), [
    ("Gabon's president praised the army.", ("GABGOV", "GABMIL")),
    ("Myanmar's junta leader thanked the army for its loyalty.", ("MMRGOV", "MMRMIL")),
    ("Sudan's army chief accused the government of betraying the revolution.", ("SDNMIL", "SDNGOV")),
    ("The Ugandan president warned the army against looting.", ("UGAGOV", "UGAMIL")),
    ("Burkina Faso's military ruler thanked the army on Monday.", ("BFAGOV", "BFAMIL")),
    ("Thailand's army commander criticised the government over the budget.", ("THAMIL", "THAGOV")),
    ("Pakistan's army chief met the prime minister on Tuesday.", ("PAKMIL", "PAKGOV")),
    # "in <capital>": the place gives both bare nouns their country
    ("In Ouagadougou, the junta leader praised the army on Monday.", ("BFAGOV", "BFAMIL")),
])
def test_a_bare_state_noun_is_of_its_named_kins_country(coder, text: str, pair: tuple[str, str]) -> None:
    assert pair in _pairs(coder, text)


def test_a_story_about_another_country_keeps_the_named_partys_country_out(coder) -> None:
    # the story is about Niger: the army the US president condemns is Niger's, not the US's
    pairs = _pairs(coder, "The US president condemned the army after the coup in Niger.")
    assert ("USAGOV", "NERMIL") in pairs
    assert ("USAGOV", "USAMIL") not in pairs


@pytest.mark.parametrize("text", [
    "Israel's prime minister met the president in Washington.",  # same sector: another state's president
    "Kenya's foreign minister criticised the government in Addis Ababa.",
])
def test_the_same_sector_beside_its_kin_is_not_made_the_same_state(coder, text: str) -> None:
    for source, target in _pairs(coder, text):
        assert not (source and target and source[:3] == target[:3] and source[3:] == target[3:] == "GOV")


@pytest.mark.parametrize("text", [
    "The president of the football federation criticized the government.",
    "A former president condemned the army.",
])
def test_titles_with_no_country_stay_unknown(coder, text: str) -> None:
    for source, target in _pairs(coder, text):
        assert source is None or source.startswith("---")
        assert target is None or target.startswith("---")
