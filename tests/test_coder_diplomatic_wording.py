"""Common wordings of one diplomatic act get one code (issue 11, for issue 13's dedup): sentences of our own in
other countries, tenses, voices and outlets' styles, and the near-misses each rule must leave alone.

- "called in" an envoy is a summons (114, as "summoned"), active or passive; calling in sick, the army, an air
  strike or auditors is not;
- ordering or telling envoys or embassy staff to leave the country, and declaring them persona non grata, expels
  them (161, as "expelled diplomats"); ordering troops, residents or a firm to leave is no expulsion;
- "to protest" as the purpose of a summons or a recall is that diplomatic act, not a demonstration (141);
  people gathering or marching to protest still demonstrate;
- leaving for a country for a visit or talks is a visit (042); leaving for home or the airport is not;
- putting signatures to a deal signs it (057), as reaching an agreement, a deal or an accord does; signatures
  for a petition and reaching a border do not;
- a person titled "opposition figure" or "opposition leader" is the country's opposition (OPP), also when the
  tagger takes the name for an organisation.
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


# --- 4. ordering envoys out, persona non grata: an expulsion -------------------------------------------------
EXPULSIONS = [
    ("Estonia ordered two Russian diplomats to leave the country within 48 hours.", "EST", "RUSGOV"),
    ("Moldova has ordered a Russian embassy employee to leave the country.", "MDA", "RUSGOV"),
    ("Ukraine told the Hungarian consul to leave the country within three days.", "UKR", "HUNGOV"),
    ("Algeria ordered twelve French embassy staff to leave its territory.", "DZA", "FRAGOV"),
    ("Moscow ordered two of the Estonian diplomats to leave the country.", "RUS", "ESTGOV"),
    ("Lithuania declared three Belarusian diplomats persona non grata.", "LTU", "BLRGOV"),
    ("Two Swedish diplomats were declared persona non grata by Tehran on Sunday.", "IRN", "SWEGOV"),
]


@pytest.mark.parametrize(("text", "source", "target"), EXPULSIONS)
def test_ordering_envoys_out_is_an_expulsion(coder, text: str, source: str, target: str) -> None:  # noqa: ANN001
    assert _dyads(coder, text) == {("161", source, target)}


def test_a_counted_of_phrase_names_the_expelled(coder) -> None:  # noqa: ANN001
    # "three of Russia's diplomats": the counted noun is the object the diplomats entry means (161, not 174)
    assert _dyads(coder, "Poland expelled three of Russia's diplomats.") == {("161", "POL", "RUSGOV")}


def test_ordered_to_leave_and_expelled_get_one_code(coder) -> None:  # noqa: ANN001
    expelled = _codes(coder, "Latvia expelled two Russian diplomats on Friday.")
    ordered = _codes(coder, "Latvia ordered two Russian diplomats to leave the country on Friday.")
    assert expelled == ordered == {"161"}


NOT_EXPULSIONS = [
    "The general ordered the troops to leave the barracks.",
    "Authorities ordered residents to leave their homes as the fire spread.",
    "The governor ordered tourists to leave the island before the storm.",
    "The court ordered the company to leave the market.",
    "The ministry ordered two diplomats to attend the hearing.",
]


@pytest.mark.parametrize("text", NOT_EXPULSIONS)
def test_ordering_others_to_leave_is_no_expulsion(coder, text: str) -> None:  # noqa: ANN001
    assert not any(code.startswith("16") for code in _codes(coder, text))


# --- 6. "to protest" as the purpose of a diplomatic act --------------------------------------------------------
DIPLOMATIC_PROTESTS = [
    ("Seoul called in the Japanese ambassador to protest against the textbook.", "114"),
    ("The Czech foreign ministry called in Russia's ambassador on Friday to protest the drone incursion.", "114"),
    ("Beijing summoned the Philippine ambassador to protest the collision.", "114"),
    ("Germany summoned Russia's ambassador to protest against the cyberattack.", "114"),
    ("India summoned a senior Bangladeshi diplomat to protest remarks by its interim leader.", "114"),
    ("Poland recalled its ambassador to protest the verdict.", "161"),
]


@pytest.mark.parametrize(("text", "code"), DIPLOMATIC_PROTESTS)
def test_protesting_through_a_diplomatic_act_is_no_demonstration(coder, text: str, code: str) -> None:  # noqa: ANN001
    assert _codes(coder, text) == {code}


STREET_PROTESTS = [
    "Thousands of Serbians gathered in Belgrade to protest the election result.",
    "Students marched to parliament to protest against the tuition rise.",
    "Kenyan teachers protested outside the education ministry.",
]


@pytest.mark.parametrize("text", STREET_PROTESTS)
def test_people_gathering_to_protest_still_demonstrate(coder, text: str) -> None:  # noqa: ANN001
    assert "141" in _codes(coder, text)


# --- 2. leaving for a visit; putting signatures to a deal ------------------------------------------------------
VISITS = [
    ("The Indian prime minister left for Brazil on Sunday for a three-day state visit.", "INDGOV", "BRA"),
    ("Mr Erdogan left for Moscow for talks with Putin.", "TURGOV", "RUS"),
    ("The Chinese foreign minister left for Pakistan on an official visit.", "CHNGOV", "PAK"),
]


@pytest.mark.parametrize(("text", "source", "target"), VISITS)
def test_leaving_for_a_visit_is_a_visit(coder, text: str, source: str, target: str) -> None:  # noqa: ANN001
    assert _dyads(coder, text) == {("042", source, target)}


LEAVING_OTHERWISE = [
    "After the match the Brazilian team left for home.",
    "The ambassador left for the airport after the ceremony.",
    "Thousands of Syrians left for Germany in 2015.",
]


@pytest.mark.parametrize("text", LEAVING_OTHERWISE)
def test_leaving_for_somewhere_is_no_visit(coder, text: str) -> None:  # noqa: ANN001
    assert "042" not in _codes(coder, text)


SIGNATURES = [
    ("Armenia and Azerbaijan put their signatures to a peace deal in Washington.", "ARM", "AZE"),
    ("Serbia and Kosovo put their signatures to the agreement on Friday.", "SRB", "XKX"),
    ("The leaders of Rwanda and Congo put their signatures on a ceasefire accord.", "RWAGOV", "COGGOV"),
]


@pytest.mark.parametrize(("text", "one", "other"), SIGNATURES)
def test_putting_signatures_to_a_deal_signs_it(coder, text: str, one: str, other: str) -> None:  # noqa: ANN001
    assert _dyads(coder, text) == {("057", one, other), ("057", other, one)}


SIGNATURES_OTHERWISE = [
    "Signatures were collected by activists in Bratislava for a referendum.",
    "The opposition gathered 200,000 signatures against the law.",
    "Students put their signatures to a petition against the fees.",
]


@pytest.mark.parametrize("text", SIGNATURES_OTHERWISE)
def test_signatures_for_a_petition_sign_no_agreement(coder, text: str) -> None:  # noqa: ANN001
    assert "057" not in _codes(coder, text)



# --- 3. reaching an agreement concludes it ---------------------------------------------------------------------
AGREEMENTS = [
    ("Greece and Turkey reached an agreement on Thursday on migration controls.", "GRC", "TUR"),
    ("Ethiopia and Somalia have reached a deal on sea access, Turkish officials said.", "ETH", "SOM"),
    ("Peru reached a fishing accord with Ecuador last week.", "PER", "ECU"),
]


@pytest.mark.parametrize(("text", "one", "other"), AGREEMENTS)
def test_reaching_an_agreement_is_signing_one(coder, text: str, one: str, other: str) -> None:  # noqa: ANN001
    assert ("057", one, other) in _dyads(coder, text)
    assert "030" not in _codes(coder, text)


@pytest.mark.parametrize("text", [
    "The convoy reached the border on Thursday.",
    "Polish troops reached the river crossing at dawn.",
    "Inflation reached a record high in Argentina.",
])
def test_reaching_a_place_or_a_level_is_no_agreement(coder, text: str) -> None:  # noqa: ANN001
    assert "057" not in _codes(coder, text)


# --- 5. a titled opposition figure is the opposition ---------------------------------------------------------
CUSTODY = [
    ("Belarusian police took opposition figure Pavel Seviarynets into custody on Tuesday.", "BLRCOP", "BLROPP"),
    ("Georgian authorities took opposition leader Nika Melia into custody.", "GEOGOV", "GEOOPP"),
    ("Georgian police detained opposition figure Nika Melia.", "GEOCOP", "GEOOPP"),
]


@pytest.mark.parametrize(("text", "source", "target"), CUSTODY)
def test_an_opposition_figure_is_the_opposition(coder, text: str, source: str, target: str) -> None:  # noqa: ANN001
    assert _dyads(coder, text) == {("173", source, target)}
