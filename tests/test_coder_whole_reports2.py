"""Constructions of whole reports that the coder never triggered on (issue 11, the probe9 article probe).

Each construction has sentences written for brinkwatch in other words, countries and tenses than the probe's
articles, and near-misses beside them. Countries and roots are asserted: the cases are about finding the event and
its dyad.
"""

from __future__ import annotations

import pytest

from helpers import code_sentence


def _dyads(events) -> set[tuple]:
    """(source country, target country, root, modality) of every event."""
    def side(actor):
        return None if actor is None else actor.code[:3]
    return {(side(ev.source), side(ev.target), ev.cameo.root, ev.modality) for ev in events}


def _roots(events) -> set[tuple]:
    return {(ev.source.code[:3] if ev.source else None, ev.cameo.root) for ev in events}


CASES = [
    # a second verb the parser hangs on the reported clause ("said the drills were defensive and accused ...") is
    # the speaker's act when the clause's subject names no actor
    ("said-and-accused", "Belarus said the manoeuvres were purely defensive and accused Poland of militarising the "
     "border.", {("BLR", "POL", "11", "asserted")}),
    ("said-and-called", "Venezuela's foreign minister said the sanctions were illegal and called on Washington to "
     "lift them.", {("VEN", "USA", "02", "requested")}),
    ("said-and-warned", "The Kremlin said the drills were routine and warned Finland against joining them.",
     {("RUS", "FIN", "13", "threatened")}),
    # near-miss: a clause subject that is an actor keeps the act ("police said protesters attacked ...")
    ("said-and-attacked", "Police in Nairobi said the protesters were armed and attacked officers near the "
     "parliament.", {("KEN", "KEN", "19", "asserted")}),

    # a warning whose clause reports no act against anyone is a threat when it promises a response, a reaction, a
    # measure against someone, or patience that has limits; the clause's "meet" is no meeting
    ("warned-response", "Iran warned that any attack on its territory would meet a crushing response.",
     {("IRN", None, "13", "threatened")}),
    ("warned-countermeasures", "The Chinese commerce ministry warned that any new tariffs would draw countermeasures.",
     {("CHN", None, "13", "threatened")}),
    ("warned-act-against", "Uzbekistan's president warned that the authorities would act decisively against anyone "
     "who tried to block the roads.", {("UZB", None, "13", "threatened")}),
    ("warned-patience", "Ethiopia's prime minister warned that patience had limits.",
     {("ETH", None, "13", "threatened")}),
    # near-misses: conditions with no one warned, and a reported act that is itself the news
    ("warned-conditions", "Aid agencies in Sudan warned that the camps would run out of water within days.", set()),
    ("warned-conditions-2", "Doctors in Gaza warned that hospitals would not cope with the number of wounded.", set()),
    ("warned-act", "Israel warned that it would strike Hezbollah targets across Lebanon.",
     {("ISR", "LBN", "13", "threatened")}),

    # holding someone responsible is an accusation, however the parser hangs "responsible"
    ("held-responsible", "Iraq held Turkey responsible for the deaths of four civilians.",
     {("IRQ", "TUR", "11", "asserted")}),
    ("held-accountable", "Pakistan will hold the Taliban government responsible for any further attacks.",
     {("PAK", "AFG", "11", "planned")}),
    ("held-responsible-reported", "Venezuela's foreign minister said Caracas held Washington responsible for the "
     "blackout.", {("VEN", "USA", "11", "asserted")}),
    # near-miss: held in custody is no accusation (and names no doer here)
    ("held-custody", "The two men were held at a police station in Lahore overnight.", set()),

    # relief flown in, money lent
    ("flew-in", "Turkey flew in 40 tonnes of tents and blankets for the flood victims in Libya.",
     {("TUR", "LBY", "07", "asserted")}),
    ("flew-in-2", "Japan flew in a team of rescuers to Kathmandu after the earthquake.",
     {("JPN", "NPL", "07", "asserted")}),
    ("airdropped", "Jordan airdropped food to families in northern Gaza on Tuesday.",
     {("JOR", "PSE", "07", "asserted")}),
    ("lent", "The World Bank lent Kenya $750 million for road repairs.", {("IGO", "KEN", "07", "asserted")}),
    ("lent-2", "China lent Pakistan $2 billion last month to shore up its reserves.",
     {("CHN", "PAK", "07", "asserted")}),
    # near-misses: flying in oneself, support lent (the base layer's 060, not money)
    ("flew-in-self", "The Malian president flew in from Paris on Monday.", set()),

    # an act told in a relative clause of a noun whose own clause is dated years back is background
    ("history-relative", "In January 2022 a rise in fuel prices triggered unrest in Kazakhstan in which more than "
     "230 people were killed.", set()),
    ("history-relative-2", "Honduras' 2017 election was followed by weeks of protests in which more than 20 people "
     "were killed.", set()),
    ("history-relative-3", "In 2019 the army crushed a revolt in Guinea in which soldiers had seized the radio "
     "station.", set()),
    # near-miss: the governing clause is today's news
    ("history-relative-today", "Rebels on Tuesday attacked a convoy in Mali in which three soldiers were killed.",
     {("MLI", "MLI", "19", "asserted")}),

    # freed or returned "from Russian captivity": the captor the adjective names released them
    ("freed-from-captivity", "Forty Ukrainian soldiers were freed from Russian captivity on Friday.",
     {("RUS", "UKR", "08", "asserted")}),
    ("returned-from-captivity", "Moscow said 100 Russian servicemen had been returned from Ukrainian captivity.",
     {("UKR", "RUS", "08", "asserted")}),
    ("released-from-prison", "Eight Thai fishermen were released from Myanmar prisons on Tuesday.",
     {("MMR", "THA", "08", "asserted")}),
    # near-misses: coming back from a place or a visit is no release
    ("returned-from-place", "The Filipino sailors returned from Manila on Monday.", set()),
    ("returned-from-visit", "Ghana's foreign minister returned from Moscow on Sunday.", set()),

    # blocking an app or a platform outright is censorship (1721); blocking access to a road stays a blockade
    ("blocked-apps", "Pakistan blocked TikTok and WhatsApp ahead of the opposition rally.",
     {("PAK", "PAK", "17", "asserted")}),
    ("blocked-sites", "Guinea's junta blocked several news sites critical of the transition.",
     {("GIN", "GIN", "17", "asserted")}),
    ("blocked-platform", "Venezuela's telecoms regulator blocked the X platform for ten days.",
     {("VEN", "VEN", "17", "asserted")}),
    ("blocked-road-access", "Farmers in Punjab, India, blocked access to the highway on Monday.",
     {("IND", "IND", "14", "asserted")}),

    # a ship named by its flag is a vessel
    ("boarded-flagged", "Indian navy commandos boarded the Liberian-flagged MV Lila Norfolk in the Arabian Sea.",
     {("IND", "LBR", "17", "asserted")}),
    ("boarded-flagged-2", "Israeli commandos boarded the British-flagged Madleen off the coast of Gaza on Monday.",
     {("ISR", "GBR", "17", "asserted")}),
    ("boarded-flagged-3", "Greek coast guard officers boarded a Togo-flagged freighter near Crete on Sunday.",
     {("GRC", "TGO", "17", "asserted")}),
    # near-miss: passengers boarding a ship seize nothing
    ("boarded-passengers", "Hundreds of passengers boarded the Panama-flagged ferry in Piraeus.", set()),
]


@pytest.mark.parametrize("construction,text,expected", CASES, ids=[c[0] for c in CASES])
def test_whole_report_constructions(coder, construction: str, text: str, expected: set) -> None:
    got = _dyads(code_sentence(coder, text, "2027-04-01"))
    assert got == expected, (construction, got)


# characterising an act as a crime, a coup or unjust is criticism, with "as" or without
CALLED = [
    ("The US trade representative described the ban as coercive and unjustified.", "USA"),
    ("Peru's president called the vote a parliamentary coup.", "PER"),
    ("Malaysia's opposition described the verdict as a political execution.", "MYS"),
    ("Moscow described the sanctions as illegal.", "RUS"),
    ("The European Union condemned the vote in Minsk.", "IGO"),
]


@pytest.mark.parametrize("text,source", CALLED, ids=[f"called-{i}" for i in range(len(CALLED))])
def test_characterising_an_act_is_criticism(coder, text: str, source: str) -> None:
    roots = _roots(code_sentence(coder, text, "2027-04-01"))
    assert roots == {(source, "11")}, roots


@pytest.mark.parametrize("text", [
    "Kenya's foreign minister described the talks as constructive.",
    "Ghana's president described the new bridge as a symbol of unity.",
    "The opposition won the vote in the capital.",
])
def test_characterising_without_blame_is_no_criticism(coder, text: str) -> None:
    """Near-misses: a word of praise or a neutral one in the same frame, and a vote won."""
    roots = {ev.cameo.root for ev in code_sentence(coder, text, "2027-04-01")}
    assert "11" not in roots, roots


# a stoppage or shutdown (hartal) called or staged is a strike (its target, the government, is often unnamed)
STRIKES = [
    ("Belgian dock workers staged a 48-hour stoppage in Antwerp over pension cuts.", "BEL"),
    ("Bangladesh's opposition BNP called a nationwide shutdown for Sunday.", "BGD"),
    ("Kenyan nurses began a nationwide stoppage over unpaid allowances.", "KEN"),
]


@pytest.mark.parametrize("text,source", STRIKES, ids=[f"strike-{i}" for i in range(len(STRIKES))])
def test_a_stoppage_called_is_a_strike(coder, text: str, source: str) -> None:
    roots = _roots(code_sentence(coder, text, "2027-04-01"))
    assert roots == {(source, "14")}, roots


@pytest.mark.parametrize("text", [
    "The shutdown of the Zaporizhzhia plant's last reactor was completed on Friday.",
    "Engineers in Kenya announced the shutdown of the old power station.",
])
def test_a_shutdown_of_a_plant_is_no_strike(coder, text: str) -> None:
    """Near-misses: a shutdown no one strikes with."""
    roots = {ev.cameo.root for ev in code_sentence(coder, text, "2027-04-01")}
    assert "14" not in roots, roots


# "on Monday" is a date, not the party called on: a strike called on a weekday is a strike, not an appeal
CALLED_ON_A_DAY = [
    ("Nigeria's labour congress called a general strike on Wednesday.", "NGA"),
    ("Ecuador's indigenous federation called a national strike on Monday against fuel price rises.", "ECU"),
    ("Bangladesh's opposition BNP called a nationwide shutdown on 12 March.", "BGD"),
]


@pytest.mark.parametrize("text,source", CALLED_ON_A_DAY, ids=[f"day-{i}" for i in range(len(CALLED_ON_A_DAY))])
def test_a_strike_called_on_a_day_is_no_appeal(coder, text: str, source: str) -> None:
    roots = _roots(code_sentence(coder, text, "2027-04-01"))
    assert roots == {(source, "14")}, roots


def test_calling_on_a_party_on_a_day_is_an_appeal(coder) -> None:
    """Near-miss: the party called on is still the target when a date follows."""
    events = code_sentence(coder, "Kenya's president called on the opposition to end the protests on Friday.",
                           "2027-04-01")
    assert {(ev.source.code[:3], ev.target.code[:3] if ev.target else None, ev.cameo.root) for ev in events} == {
        ("KEN", "KEN", "02")}


# a charge on "the sanctions" or "the ban" told before is aimed at whoever imposed them, whether the wording coded
# the restriction 16 or 17
TOLD_RESTRICTIONS = [
    ("The European Union imposed sanctions on Belarus on Monday. Minsk condemned the sanctions as illegal.",
     ("BLR", "IGO", "11")),
    ("India banned exports of rice to Bangladesh last week. Dhaka criticised the ban.", ("BGD", "IND", "11")),
    ("Washington imposed tariffs on Brazilian steel on Friday. Brazil's president condemned the tariffs.",
     ("BRA", "USA", "11")),
]


@pytest.mark.parametrize("text,expected", TOLD_RESTRICTIONS, ids=[f"restriction-{i}" for i in
                                                                  range(len(TOLD_RESTRICTIONS))])
def test_a_charge_on_a_told_restriction_is_aimed_at_its_doer(coder, text: str, expected: tuple) -> None:
    got = {(ev.source.code[:3], ev.target.code[:3] if ev.target else None, ev.cameo.root)
           for ev in code_sentence(coder, text, "2027-04-01") if ev.cameo.root == "11"}
    assert got == {expected}, got


def test_a_charge_on_a_restriction_with_its_own_doer_keeps_it(coder) -> None:
    """Near-miss: "condemned Japan's ban" names its own doer, not the one told before."""
    text = "India banned exports of rice to Bangladesh last week. Dhaka condemned Japan's ban on fish imports."
    got = {(ev.source.code[:3], ev.target.code[:3] if ev.target else None)
           for ev in code_sentence(coder, text, "2027-04-01") if ev.cameo.root == "11"}
    assert got == {("BGD", "JPN")}, got
