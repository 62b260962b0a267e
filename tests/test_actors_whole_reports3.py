"""How whole reports name actors, third round (issue 11, probe10_actors): staff nouns that act for the body their
"of" phrase names ("agents of the public prosecutor's office"), an office named by its holder ("the attorney
general's office"), an international body named by an epithet ("the regional bloc", "the world body", "the
15-nation bloc's president"), "the alliance" as an object is not its own clause's subject, "opponents of the
government" are the opposition, a report where political violence happens at a festival is still politics, the
Alliance of Sahel States, and seats of power the KB did not know. Each construction on sentences written for this
test (other countries and wordings than the probe's), with near misses the rule must not fire on. None comes
from a gold set.
"""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2025, 6, 20)


def _events(coder, text: str, day: dt.date = DAY):
    return coder.code_text(text, pub_date=day).events


def _pairs(coder, text: str, day: dt.date = DAY) -> set[tuple[str | None, str | None]]:
    return {(e.source.code, e.target.code if e.target else None) for e in _events(coder, text, day)}


def _sources(coder, text: str, day: dt.date = DAY) -> set[str]:
    return {e.source.code for e in _events(coder, text, day)}


def _resolved(coder, text: str, word: str, day: dt.date = DAY) -> str | None:
    """The actor code the resolver gives the noun phrase headed by the last token ``word`` in ``text``."""
    doc = coder.nlp(text)
    actors = coder.resolver.for_doc(doc, day)
    head = [t for t in doc if t.text == word][-1]
    actor = actors.resolve_token(head)
    return actor.code if actor is not None else None


def _targets(coder, text: str, day: dt.date = DAY) -> set[str | None]:
    return {e.target.code if e.target else None for e in _events(coder, text, day)}


# ---------------------------------------------------------------- staff of a body act for the body
@pytest.mark.parametrize(("text", "source"), [
    ("LIMA, March 3 - Agents of the attorney general's office arrested a former minister on Monday.", "PERJUD"),
    ("QUITO, Feb 9 - Officers of the border police detained 30 Venezuelan migrants near Tulcan.", "ECUCOP"),
    ("TEGUCIGALPA, May 2 - Members of the electoral tribunal accused the ruling party of fraud.", "HNDJUD"),
    ("BOGOTA, July 7 - Investigators of the prosecutor's office arrested a retired colonel on Tuesday.", "COLJUD"),
])
def test_staff_of_a_body_act_for_the_body(coder, text, source) -> None:
    assert source in _sources(coder, text)


def test_agents_of_a_bare_country_stay_agents(coder) -> None:
    # "agents of Iran" are Iran's intelligence agents, not the Iranian state at large
    text = "STOCKHOLM, Jan 12 - Agents of Iran tried to kill an exiled journalist in the capital, police said."
    assert "IRNSPY" in _sources(coder, text)


# ---------------------------------------------------------------- an office named by its holder
@pytest.mark.parametrize(("text", "source"), [
    ("MEXICO CITY, Oct 3 - The attorney general's office detained two police officers over the killing.",
     "MEXJUD"),
    ("MANILA, April 4 - The ombudsman's office accused a senator of taking bribes from a mining firm.", "PHLGOV"),
    ("LAGOS, Sept 9 - The governor's office accused the federal police of detaining protesters illegally.",
     "NGAGOV"),
])
def test_an_office_is_its_holders(coder, text, source) -> None:
    assert source in _sources(coder, text)


def test_an_office_is_no_doer_when_it_is_a_place(coder) -> None:
    # "outside the office of the ruling party": a place; the protesters are the doers
    text = "NAIROBI, June 25 - Protesters rallied outside the office of the ruling party on Tuesday."
    assert _sources(coder, text) == {"KENOPP"}


# ---------------------------------------------------------------- an international body named by an epithet
@pytest.mark.parametrize(("text", "code"), [
    ("The African Union suspended Gabon after the coup. The continental body urged the soldiers to return to "
     "barracks.", "IGOAFRAFU"),
    ("ASEAN leaders met in Jakarta on Monday. The regional bloc urged Myanmar's generals to end air strikes.",
     "IGOSEAASN"),
    ("The United Nations opened a fact-finding inquiry. The world body accused both armies of shelling hospitals.",
     "IGOUNO"),
    ("The European Union summoned Belarus's envoy. The 27-nation bloc's foreign-policy chief accused Minsk of "
     "pushing migrants across the border.", "IGOEUREEC"),
])
def test_a_body_named_by_an_epithet_is_the_body_named_before(coder, text, code) -> None:
    assert code in _sources(coder, text)


@pytest.mark.parametrize("text", [
    "The United Nations sent observers. Police found the body of a missing journalist near the border.",
    "The African Union sent a mission. Soldiers dumped the body in a river.",
])
def test_the_body_alone_is_no_organisation(coder, text) -> None:
    # a corpse is no international body, even with one named before
    assert not (_resolved(coder, text, "body") or "").startswith("IGO")


def test_a_named_body_is_not_an_epithet(coder) -> None:
    # "the Gulf Cooperation Council" is its own name, not "the regional bloc" of the one named before
    text = "The Arab League held a summit. The Gulf Cooperation Council criticised Iran on Monday."
    assert ("IGOMEAARL", "IRN") not in _pairs(coder, text)


# ---------------------------------------------------------------- an object is not its own clause's subject
@pytest.mark.parametrize(("text", "target"), [
    ("Houthi fighters fired a missile at a ship. The EU's naval mission commander urged the movement to stop.",
     "YEMREB"),
    ("Al-Shabaab fighters attacked a base. The African Union mission's commander urged the group to lay down its "
     "arms.", "SOMUAFREB"),
    ("The Taliban closed girls' schools. The UN mission's chief urged the movement to reopen them.", "AFGGOVTAL"),
])
def test_a_group_object_is_not_its_own_subjects_body(coder, text, target) -> None:
    assert target in _targets(coder, text)


def test_a_group_subject_still_refers_back(coder) -> None:
    # the subject "the group" has no clause subject to avoid: it is the group named before
    text = "Hamas fighters fired rockets at Israel. Qatar's chief mediator said the group had accepted the truce."
    assert "PSEREBHMS" in _sources(coder, text)


def test_the_commission_president_of_a_regional_body_speaks_for_it(coder) -> None:
    # a person the KB knows from an earlier office ("Omar Touray", once a Gambian minister) is the body's now
    text = ("ECOWAS met in Abuja. The regional body's commission president, Omar Touray, urged the alliance of "
            "Sahel juntas to keep talking.")
    sources = _sources(coder, text)
    assert sources and all(source.startswith("IGO") for source in sources)


# ---------------------------------------------------------------- opponents of a government are the opposition
@pytest.mark.parametrize(("text", "source"), [
    ("ADDIS ABABA, May 5 - Opponents of the Ethiopian government attacked a police station in Gondar.", "ETHOPP"),
    ("TUNIS, April 9 - Critics of President Kais Saied accused the judiciary of doing his bidding.", "TUNOPP"),
    ("BAMAKO, Jan 14 - Opponents of the junta called on West African leaders to isolate Bamako.", "MLIOPP"),
])
def test_opponents_of_a_government_are_its_opposition(coder, text, source) -> None:
    assert source in _sources(coder, text)


@pytest.mark.parametrize(("text", "word"), [
    ("Opponents of the pipeline accused the oil company of grabbing land.", "Opponents"),
    ("Opponents of the dam project rallied outside the ministry on Monday.", "Opponents"),
])
def test_opponents_of_no_government_are_no_state_opposition(coder, text, word) -> None:
    # "opponents of the pipeline" or of a dam name no state's opposition
    code = _resolved(coder, text, word) or ""
    assert not (code.endswith("OPP") and len(code) == 6)


# ---------------------------------------------------------------- violence at a festival is politics
def test_a_report_of_an_attack_at_a_festival_is_coded(coder) -> None:
    text = (
        "Gunmen attack cultural festival in northern Burkina Faso\n"
        "OUAGADOUGOU, March 2 - Gunmen opened fire on a crowd at a cultural festival near Djibo on Saturday.\n\n"
        "The festival had drawn thousands of visitors. Police arrested four suspects after the festival was "
        "cancelled.\n\n"
        "The government condemned the attack on the festival."
    )
    sources = _sources(coder, text, dt.date(2025, 3, 2))
    assert "BFAUAF" in sources
    assert "BFACOP" in sources


def test_a_film_festival_story_is_still_no_politics(coder) -> None:
    text = (
        "Iranian director wins top prize at film festival\n"
        "CANNES, May 24 - An Iranian director won the top prize at the Cannes film festival on Saturday.\n\n"
        "The film festival jury praised the film. Critics attacked the film festival's choice of opening film."
    )
    assert not _events(coder, text, dt.date(2025, 5, 24))


# ---------------------------------------------------------------- the Alliance of Sahel States
@pytest.mark.parametrize("text", [
    "NIAMEY, Jan 29 - The Alliance of Sahel States accused ECOWAS of serving foreign interests.",
    "BAMAKO, Dec 15 - The Confederation of Sahel States condemned the sanctions imposed by ECOWAS.",
    "OUAGADOUGOU, March 3 - The AES accused France of arming jihadists in the region.",
])
def test_the_alliance_of_sahel_states_is_a_west_african_body(coder, text) -> None:
    assert "IGOWAF" in _sources(coder, text)


def test_the_united_states_stays_the_united_states(coder) -> None:
    # "States" inside "Alliance of Sahel States" made the US an actor; the US itself must still be read
    text = "WASHINGTON, Jan 29 - The United States accused Niger of expelling its troops."
    assert "USA" in _sources(coder, text)


# ---------------------------------------------------------------- seats of power
@pytest.mark.parametrize(("text", "source"), [
    ("PARIS, Oct 1 - Matignon accused the opposition of blocking the budget.", "FRAGOV"),
    ("BEIRUT, March 3 - Baabda called on Washington to press Israel to withdraw.", "LBNGOV"),
    ("ABUJA, June 2 - Aso Rock accused the Labour Party of inciting violence.", "NGAGOV"),
    ("SANTIAGO, May 2 - La Moneda rejected Bolivia's demand for access to the sea.", "CHLGOV"),
    ("BRASILIA, Aug 5 - Itamaraty summoned the Israeli ambassador.", "BRAGOV"),
])
def test_a_seat_of_power_is_its_government(coder, text, source) -> None:
    assert source in _sources(coder, text)


# ---------------------------------------------------------------- state-owned companies
@pytest.mark.parametrize(("text", "source"), [
    ("MOSCOW, Jan 1 - Gazprom cut gas supplies to Moldova.", "RUSGOVBUS"),
    ("ALGIERS, Feb 2 - Sonatrach signed a gas deal with Italy's Eni.", "DZAGOVBUS"),
    ("BAGHDAD, May 3 - SOMO halted oil exports to Jordan.", "IRQGOVBUS"),
    ("LONDON, June 3 - Saudi Aramco signed a supply deal with India's refiners.", "SAUGOVBUS"),
])
def test_a_state_owned_company_is_its_states(coder, text, source) -> None:
    assert source in _sources(coder, text)


def test_a_listed_company_keeps_its_phoenix_code(coder) -> None:
    # Petrobras is in the Phoenix international dictionary as a multinational
    assert "MNCBRA" in _sources(coder, "RIO DE JANEIRO, May 3 - Petrobras signed a deal with Shell.")


# ---------------------------------------------------------------- bodies of a region inside a country
@pytest.mark.parametrize(("text", "word", "code"), [
    ("Gunmen kidnapped 20 students in Nigeria's Katsina state. The state government said it would not pay "
     "ransom.", "government", "NGAGOV"),
    ("Floods hit Pakistan's Sindh province. The provincial assembly accused the federal government of neglect.",
     "assembly", "PAKLEG"),
    ("Protesters blocked roads in Bolivia's Santa Cruz region. The regional government called a general strike.",
     "government", "BOLGOV"),
    ("Militants attacked a police post in Khyber Pakhtunkhwa, Pakistan. The province's chief minister "
     "condemned the attack.", "minister", "PAKGOV"),
])
def test_a_body_of_a_region_is_its_countrys(coder, text, word, code) -> None:
    assert _resolved(coder, text, word) == code


@pytest.mark.parametrize(("text", "word"), [
    # regional leaders at a summit are other states' leaders, and regional governments as often
    ("African heads of state met in Addis Ababa. Regional leaders urged the junta to hand over power.", "leaders"),
    ("Ministers met in Brussels. Regional governments across Europe asked for more money.", "governments"),
])
def test_regional_leaders_are_not_the_last_places(coder, text, word) -> None:
    assert (_resolved(coder, text, word) or "---")[:3] == "---"
