"""Constructions real news reports use that the coder missed (issue 11, the constructions3 probe): headlines
standing alone, event nouns whose doer the parser hangs elsewhere, phrasal and light verbs with a sense of
their own, casualties of an act told with its doer, and ", whose forces ..." asides.

Sentences written for brinkwatch; each rule has three or more sentences of its construction and near-misses it
must not fire on. Events are compared as (source country, target country, CAMEO root, modality) unless a case
is about the leaf code; "---" stands for no country.
"""

from __future__ import annotations

import pytest

from helpers import code_sentence


def _countries(events) -> set[tuple]:
    def country(actor):
        return None if actor is None else (actor.code[:3] if actor.code else None)
    return {(country(e.source), country(e.target), e.cameo.root, e.modality) for e in events}


A = "asserted"
P = "planned"

EXACT_CASES = [
    # "the arrest of X by Y": the parser hangs the by-phrase on X; Y is the doer of the event noun
    ("by-on-object", "The detention of two Uzbek journalists by Kazakh police drew protests from Tashkent.",
     {("KAZ", "UZB", "17", A), ("UZB", "KAZ", "11", A)}),  # the protests Tashkent made are told too
    ("by-on-object-2", "The expulsion of three Czech diplomats by Russia angered Prague.", {("RUS", "CZE", "16", A)}),
    ("by-on-object-3", "The arrest of a French aid worker by Malian authorities was condemned in Paris.",
     {("MLI", "FRA", "17", A)}),
    ("by-on-object-near-miss", "The destruction of the bridge by floods cut the road to Goma.", set()),
    # a headline alone on its line, with a present-tense verb the parser misreads
    ("headline-name-verb", "Chad expels German envoy", {("TCD", "DEU", "16", A)}),
    ("headline-name-verb-2", "Mali expels French ambassador", {("MLI", "FRA", "16", A)}),
    # ordering an envoy out expels him (16), as "expels" does and as the body of a wire story codes it
    # (tests/test_structure.py, tests/test_coder_diplomatic_wording.py): headline and body then tell one act
    ("headline-no-finite-verb", "Guinea junta orders Malian envoy to leave", {("GIN", "MLI", "16", A)}),
    ("headline-near-miss-markets", "Markets rally as oil prices fall", set()),
    ("headline-near-miss-sport", "Arsenal beats Chelsea in London derby", set()),
    # a headline writes "and" between two parties as a comma
    ("headline-comma-and", "Egypt, Sudan sign border security pact", {("EGY", "SDN", "05", A), ("SDN", "EGY", "05", A)}),
    ("headline-comma-and-2", "Vietnam, Philippines leaders vow closer maritime cooperation",
     {("VNM", "PHL", "03", A), ("PHL", "VNM", "03", A)}),
    ("headline-comma-and-3", "Serbia, Kosovo agree on talks in Brussels", {("SRB", "XKX", "03", P), ("XKX", "SRB", "03", P)}),
    ("headline-comma-near-miss", "Oil, gold prices rise on Middle East fears", set()),
    # vowing closer ties: an intent to cooperate (03), each coordinated party's
    ("vow-ties", "Japanese and Indonesian leaders vowed closer security ties.",
     {("JPN", "IDN", "03", A), ("IDN", "JPN", "03", A)}),
    ("vow-ties-2", "India vowed stronger ties with the Maldives.", {("IND", "MDV", "03", A)}),
    ("vow-ties-3", "Kenya pledged closer cooperation with Ethiopia on border security.", {("KEN", "ETH", "03", A)}),
    ("vow-ties-near-miss", "The striker vowed closer ties with the fans.", set()),
    # a headline's "X to VERB" is what X plans
    ("headline-future", "EU to impose new sanctions on Belarus", {("IGO", "BLR", "16", P)}),
    ("headline-future-2", "Kenya to send troops to Haiti", {("KEN", "HTI", "15", P)}),
    ("headline-future-3", "Israel to let aid trucks into Gaza", {("ISR", "PSE", "08", P)}),
    ("headline-future-near-miss-prose", "Kenya sent troops to Haiti on Monday.", {("KEN", "HTI", "15", A)}),
    # leaving a bloc, court or treaty reduces relations (16); leaving a town is a retreat (08)
    ("leave-body", "Burundi pulled out of the International Criminal Court.", {("BDI", "IGO", "16", A)}),
    ("leave-body-2", "Nicaragua withdrew from the Organization of American States.", {("NIC", "IGO", "16", A)}),
    ("leave-body-3", "Venezuela quit the Andean Community in 2006.", None),
    ("leave-body-near-miss-town", "Russian troops pulled out of Kherson on Friday.", None),
    ("end-pact", "Niger put an end to its security pact with the European Union.", {("NER", "IGO", "16", A)}),
    ("end-pact-2", "Burkina Faso put an end to its military accord with France.", {("BFA", "FRA", "16", A)}),
    ("end-pact-3", "Chad put an end to its defence cooperation agreement with France.", {("TCD", "FRA", "16", A)}),
    ("end-near-miss-sport", "The referee put an end to the fight in the third round.", set()),
    # shutting down or closing an outlet, a party or a university: an administrative sanction (17)
    ("shut-outlet", "Nicaraguan authorities shut down two independent radio stations.", {("NIC", "NIC", "17", A)}),
    ("shut-outlet-2", "Algerian authorities shut down the offices of an independent newspaper in Algiers.",
     {("DZA", "DZA", "17", A)}),
    ("shut-outlet-3", "Tajik authorities closed an independent newspaper in Dushanbe.", {("TJK", "TJK", "17", A)}),
    ("shut-near-miss-factory", "The carmaker shut down its assembly line in Ohio for a week.", set()),
    # persons picked up are detained (17)
    ("pick-up", "Belarusian security agents picked up two opposition activists in Grodno.",
     {("BLR", "BLR", "17", A)}),
    ("pick-up-2", "Zimbabwean police picked up a journalist outside the court in Harare.", {("ZWE", "ZWE", "17", A)}),
    ("pick-up-3", "Iranian agents picked up a student activist at Tehran airport.", {("IRN", "IRN", "17", A)}),
    ("pick-up-near-miss", "Chinese buyers picked up more soybeans from Brazil.", set()),
    # laying siege to a place blockades it (19)
    ("siege", "Houthi rebels laid siege to the city of Marib.", {("YEM", "YEM", "19", A)}),
    ("siege-2", "Syrian troops laid siege to the town of Daraa.", {("SYR", "SYR", "19", A)}),
    ("siege-3", "Russian troops laid siege to Mariupol in March.", {("RUS", "UKR", "19", A)}),
    ("siege-near-miss-sport", "The Brazilian forwards laid siege to the goal in the second half.", set()),
    # a weapon that damages or destroys something is the attack itself (19)
    ("weapon-damages", "A Russian drone damaged a power substation in Sumy.", {("RUS", "UKR", "19", A)}),
    ("weapon-damages-2", "Israeli air strikes destroyed a mosque in Khan Younis.", {("ISR", "PSE", "19", A)}),
    ("weapon-damages-3", "A Ukrainian oil depot was destroyed by Russian drones in Odesa.", {("RUS", "UKR", "19", A)}),
    ("weapon-damages-near-miss", "A storm damaged hundreds of homes in Bangladesh.", set()),
    ("weapon-damages-near-miss-2", "Floods destroyed bridges across northern Pakistan.", set()),
    # the dead and hurt of an act told with its doer: no second act of unidentified forces
    ("casualties-of-act", "Three Syrian soldiers were killed in an Israeli air strike near Damascus.",
     {("ISR", "SYR", "19", A)}),
    ("casualties-of-act-2", "Four Ukrainian civilians were killed in a Russian missile strike on Odesa.",
     {("RUS", "UKR", "19", A)}),
    ("casualties-of-act-3", "Five nurses were injured when Nepali police charged them with batons in Kathmandu.",
     {("NPL", "NPL", "17", A)}),
    # near-misses: no doer told, so unidentified armed forces of the place
    ("casualties-no-doer", "Three soldiers were killed in an attack near Kidal.", {("MLI", "MLI", "19", A)}),
    ("casualties-weapon-clause", "Six people were wounded when a bomb exploded in a market in Kirkuk.",
     {("IRQ", "IRQ", "18", A)}),
    # "the withdrawal of French troops from Niger": whoever withdraws is the of-phrase
    ("withdrawal-of", "The withdrawal of Ugandan soldiers from Somalia will begin in June.", {("UGA", "SOM", "08", P)}),
    ("withdrawal-of-2", "The withdrawal of Rwandan troops from Mozambique began on Friday.", {("RWA", "MOZ", "08", A)}),
    ("withdrawal-of-3", "The pullout of Chadian soldiers from Mali was completed in March.", {("TCD", "MLI", "08", A)}),
    ("withdrawal-of-near-miss-demand", "Iraq demanded the withdrawal of US troops.", {("IRQ", "USA", "10", "requested")}),
    ("withdrawal-of-near-miss-money", "The withdrawal of funds from Lebanese banks was frozen.", set()),
    # migrants pushed back over a border are expelled (17), also when counted ("hundreds of")
    ("push-back", "Croatian police pushed back dozens of Afghan migrants into Bosnia.", {("HRV", "AFG", "17", A)}),
    ("push-back-2", "Libyan coast guards pushed back a boat carrying Eritrean migrants.", {("LBY", "ERI", "17", A)}),
    ("push-back-3", "Polish border guards pushed back a group of Iraqi migrants into Belarus.", {("POL", "IRQ", "17", A)}),
    ("push-back-near-miss-troops", "Ukrainian troops pushed back Russian forces near Kharkiv.", None),
    ("push-back-near-miss-date", "The central bank pushed back its rate decision.", set()),
    # supplying weapons is military aid (07), to the receiver named by "to" or as the object of "with"
    ("supply-weapons", "North Korea supplied artillery shells to Russia.", {("PRK", "RUS", "07", A)}),
    ("supply-weapons-2", "Iran supplied the Houthis with missiles.", {("IRN", "YEM", "07", A)}),
    ("supply-weapons-3", "Turkey has supplied armed drones to Ethiopia, officials said.", {("TUR", "ETH", "07", A)}),
    ("supply-near-miss-power", "Egypt supplied electricity to Gaza.", None),
    # a crowd storming a building or setting it on fire protests violently (14); armed men fight (19)
    ("crowd-storms", "Angry villagers stormed a police station in Kasai province.", {("COD", "COD", "14", A)}),
    ("crowd-storms-2", "Students stormed the parliament building in Dhaka.", {("BGD", "BGD", "14", A)}),
    ("crowd-storms-3", "Opposition supporters stormed the electoral commission's offices in Bamako.",
     {("MLI", "MLI", "14", A)}),
    ("crowd-storms-near-miss-armed", "Israeli commandos stormed a ship bound for Gaza.", {("ISR", "PSE", "19", A)}),
    # chess players and referees attack and expel in games, not in politics
    ("game-doer", "The Norwegian grandmaster launched a fierce offensive on the queen's flank.", set()),
    ("game-doer-2", "The Indian grandmaster attacked his Chinese opponent's king early in the game.", set()),
    ("game-doer-3", "The Argentine referee expelled two Brazilian players in the final.", set()),
    ("game-doer-near-miss", "Russian troops launched an offensive in the Donbas.", {("RUS", "UKR", "19", A)}),
    # ", whose forces struck X,": a finished act of the people just named, news of its own
    ("whose-aside", "The Malian junta leader, whose soldiers killed 20 villagers near Mopti last week, travelled "
     "to Moscow.", {("MLI", "RUS", "04", A), ("MLI", "MLI", "19", A)}),
    ("whose-aside-2", "Russia's defence minister, whose forces shelled Kharkiv overnight, visited troops in "
     "Belgorod.", None),
    ("whose-aside-near-miss-history", "The Turkish president, whose army shelled Kurdish positions in Syria in "
     "2019, visited Baghdad.", {("TUR", "IRQ", "04", A)}),
]


@pytest.mark.parametrize("case,text,expected", EXACT_CASES, ids=[c[0] for c in EXACT_CASES])
def test_report_constructions(coder, case: str, text: str, expected) -> None:
    got = _countries(code_sentence(coder, text, "2025-03-14"))
    if case == "leave-body-3":
        # a year long past: not coded as news of the report's day; without it, relations reduced (16)
        assert not got, got
        got = _countries(code_sentence(coder, "Venezuela quit the Andean Community.", "2025-03-14"))
        assert got == {("VEN", "IGO", "16", A)}, got
    elif case == "leave-body-near-miss-town":
        assert {(s, r) for s, _, r, _ in got} == {("RUS", "08")}, got  # a retreat, whatever the town's country
    elif case == "push-back-near-miss-troops":
        assert all(r != "17" for _, _, r, _ in got), got  # fighting troops off is no expulsion
    elif case == "supply-near-miss-power":
        codes = {e.cameo.code for e in code_sentence(coder, text, "2025-03-14")}
        assert "072" not in codes, codes  # electricity is no military aid
    elif case == "whose-aside-2":
        assert ("RUS", "UKR", "19", A) in got, got
    else:
        assert got == expected, got


LEAF_CASES = [
    # tear-gassing a crowd is repression (175), not gassing with chemical weapons (2041)
    ("Riot police tear-gassed and beat protesters in Kinshasa.", "175"),
    ("Security forces tear-gassed and detained dozens of opposition supporters in Conakry.", "175"),
    ("Ugandan police tear-gassed the opposition leader's convoy in Kampala.", "175"),
    ("The Syrian regime gassed its own people in Ghouta.", "2041"),
    # charging a crowd with batons is repression (175); charging a minister with a crime is legal action (173)
    ("Riot police charged the marchers with batons in Lahore.", "175"),
    ("Indian police charged farmers with batons near Delhi.", "175"),
    ("Kenyan police charged the crowd with batons outside parliament in Nairobi.", "175"),
    ("Pakistani prosecutors charged the former minister with corruption.", "173"),
]
CONFUSED = {"175": {"2041", "173"}, "2041": {"175"}, "173": {"175"}}


@pytest.mark.parametrize("text,code", LEAF_CASES, ids=[c[0][:40] for c in LEAF_CASES])
def test_repression_senses(coder, text: str, code: str) -> None:
    codes = {e.cameo.code for e in code_sentence(coder, text, "2025-03-14")}
    assert code in codes and not codes & CONFUSED[code], codes
