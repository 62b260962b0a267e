"""Constructions of whole reports that the coder missed in the probe10 articles (issue 11, "code the news it has
never seen"): a decision named with its decider, borders closed at their checkpoints, pairs named by their
ministries, delegations, envoys or navies, reminders of a duty, vehicles that strike a mine, lockdowns, a known
person's name that is another's given name, a person's supporters named by "his" or "her", visitors welcomed
with a ceremony, and matters raised with a government.

Each construction has sentences written for brinkwatch in other words, countries and tenses than the probe's
articles, with near-misses beside them. Countries, roots and modalities are asserted: the cases are about finding
the event and its dyad.
"""

from __future__ import annotations

import pytest

from helpers import code_sentence


def _dyads(events) -> set[tuple]:
    """(source country, target country, root, modality) of every event."""
    def side(actor):
        return None if actor is None else actor.code[:3]
    return {(side(ev.source), side(ev.target), ev.cameo.root, ev.modality) for ev in events}


CASES = [
    # a decision named with its decider (possessor, of- or by-phrase) tells the decided act, with the decider as
    # its doer, beside the reaction to it (governors.yaml decider_nouns)
    ("decision-possessor", "Niger condemned Mali's decision to expel the French ambassador.",
     {("NER", "MLI", "11", "asserted"), ("MLI", "FRA", "16", "asserted")}),
    ("decision-of", "A press freedom group in Harare protested the decision of the Zimbabwean authorities to deport "
     "two British reporters.", {("ZWE", "ZWE", "14", "asserted"), ("ZWE", "GBR", "17", "asserted")}),
    ("decision-welcomed", "Lebanon welcomed the decision of Qatar to send fuel to the Lebanese army.",
     {("LBN", "QAT", "05", "asserted"), ("QAT", "LBN", "07", "asserted")}),
    ("decision-by", "Spain criticised a decision by Morocco to close its border with Algeria.",
     {("ESP", "MAR", "11", "asserted"), ("MAR", "DZA", "19", "asserted")}),
    ("decision-attacked", "Britain's foreign secretary attacked Moscow's decision to expel the diplomats.",
     {("GBR", "RUS", "11", "asserted"), ("RUS", "GBR", "16", "asserted")}),
    # near-misses: a plan is not taken, and a decision that names no decider gives the act no doer
    ("plan-not-decision", "Egypt criticised Ethiopia's plan to fill the dam.", {("EGY", "ETH", "11", "asserted")}),
    ("decision-no-decider", "Chile criticised the decision to expel the Venezuelan ambassador.",
     {("CHL", "VEN", "11", "asserted")}),

    # a border closed at its checkpoints, or shut, is closed (close.v.border, seal.v.border, shut.v.border)
    ("closed-checkpoints", "Tajikistan closed all checkpoints on its border with Kyrgyzstan on Monday.",
     {("TJK", "KGZ", "19", "asserted")}),
    ("sealed-checkpoints", "Uzbekistan sealed the checkpoints on the Afghan border after the fighting.",
     {("UZB", "AFG", "19", "asserted")}),
    ("shut-border", "Niger shut its border with Benin on Tuesday.", {("NER", "BEN", "19", "asserted")}),
    ("shut-border-2", "Armenia has shut its border with Turkey.", {("ARM", "TUR", "19", "asserted")}),
    # near-misses: a checkpoint in a city, checkpoints set up, newspapers shut down
    ("closed-city-checkpoint", "Police closed a checkpoint in the city centre to repair the road.", set()),
    ("set-up-checkpoints", "The army set up new checkpoints on the road to Gao.", set()),

    # reminding a state of its duty, obligations or commitments is a demand (remind.v.duty, as reminder.n.demand)
    ("reminded-obligations", "Germany reminded Iran of its obligations under the Non-Proliferation Treaty.",
     {("DEU", "IRN", "10", "requested")}),
    ("reminds-duty", "The UN envoy reminds Baghdad of its duty under the Vienna Convention to protect foreign "
     "missions.", {("IGO", "IRQ", "10", "requested")}),
    ("reminded-commitment", "Brazil's foreign minister has reminded Venezuela of its commitment to hold free "
     "elections.", {("BRA", "VEN", "10", "requested")}),
    ("reminded-responsibilities", "Egypt reminded Israel of its responsibilities as the occupying power.",
     {("EGY", "ISR", "10", "requested")}),
    # near-misses: a reminder of a fact is speech, a coach's no politics
    ("reminded-that", "The minister reminded reporters that the talks had been planned for months.", set()),
    ("reminded-players", "The coach reminded his players of their duty to the fans.", set()),

    # a vehicle, patrol or soldier that strikes, hits, runs over or steps on a mine was hit by it: no attack by it
    # (senses.yaml contact_verbs, explosive_objects)
    ("truck-struck-landmine", "An army truck struck a landmine near Gao on Monday, killing four soldiers.", set()),
    ("vehicle-hit-roadside-bomb", "A Malian army vehicle hit a roadside bomb near Boni.", set()),
    ("patrol-ran-over-ied", "A police patrol ran over an improvised explosive device in Lower Dir district.", set()),
    ("soldier-stepped-on-mine", "A Syrian soldier stepped on a mine near Deraa.", set()),
    # near-misses: missiles and drones that strike a plant or a coal mine, a bomb planted against a convoy
    ("missiles-struck-plant", "Russian missiles struck a power plant near Kharkiv.",
     {("RUS", "UKR", "19", "asserted")}),
    ("drones-hit-coal-mine", "Russian drones hit a coal mine near Pavlohrad on Sunday.",
     {("RUS", "UKR", "19", "asserted")}),
    ("bomb-planted", "Militants planted a roadside bomb that struck an army convoy in Waziristan.",
     {("PAK", "PAK", "18", "asserted")}),

    # a lockdown imposed, announced or ordered is an administrative restriction on the people locked down (lockdown.n)
    ("lockdown-imposed", "Kenya imposed a lockdown on Mandera county after the attacks.",
     {("KEN", "KEN", "17", "asserted")}),
    ("lockdown-announced", "Papua New Guinea's prime minister announced a 14-day lockdown of Wabag district on "
     "Monday.", {("PNG", "---", "17", "asserted")}),
    ("lockdown-ordered", "The Ecuadorian government ordered a lockdown in three prisons in Guayaquil.",
     {("ECU", "ECU", "17", "asserted")}),
    # near-misses: a lockdown as the doer of its economic effect, and one that ended with no one ending it
    ("lockdown-effect", "The lockdown in Shanghai cut factory output by 20 percent in April.", set()),
    ("lockdown-ended", "Factories reopened after the lockdown ended.", set()),

    # a visitor welcomed, greeted or received with a salute, guard of honour or ceremony is hosted (welcome.v.ceremony)
    ("greeted-red-carpet", "Xi greeted Lula with a red carpet ceremony at the Great Hall of the People.",
     {("CHN", "BRA", "04", "asserted")}),
    ("greeted-guard", "Macron was greeted with a guard of honour by the Nigerian president in Abuja.",
     {("NGA", "FRA", "04", "asserted")}),
    ("greeted-guard-active", "Ghana's President Mahama greeted Kagame with a guard of honour at Kotoka airport.",
     {("GHA", "RWA", "04", "asserted")}),
    # near-misses: an agreement welcomed with relief or optimism is a statement
    ("welcomed-relief", "The ceasefire was welcomed with relief in Beirut.", set()),
    ("welcomed-optimism", "Egypt welcomed the ceasefire with cautious optimism.", {("EGY", None, "05", "asserted")}),

    # raising a matter, a case or concerns with another government consults it (raise.v.matter, PETRARCH2's 040)
    ("raised-matter", "Germany raised the matter with the Vietnamese foreign ministry.",
     {("DEU", "VNM", "04", "asserted")}),
    ("raised-concerns-with", "India has raised its concerns with China over the new dam.",
     {("IND", "CHN", "04", "asserted")}),
    ("raised-matter-officials", "Kenya raised the matter with Ugandan officials at the summit in Arusha.",
     {("KEN", "UGA", "04", "asserted")}),
    # near-miss: interest rates raised are no consultation
    ("raised-rates", "The central bank raised interest rates by half a point.", set()),

    # a known person's one-word name that opens a longer unknown person's name is a given name, not that person
    # (actors/names.py _given_name_of_another): the title's country stands
    ("given-name-hadi", "In a statement, Iraq's Prime Minister Hadi al-Rubaie apologised to Denmark.",
     {("IRQ", "DNK", "05", "asserted")}),
    ("given-name-maduro", "Chile's Defence Minister Maduro Rojas met Argentine officers in Mendoza.",
     {("CHL", "ARG", "04", "asserted")}),
    ("given-name-ruto", "In a speech, Ghana's Interior Minister Ruto Mensah warned Togo against arming the rebels.",
     {("GHA", "TGO", "13", "threatened")}),
    ("given-name-erdogan", "Peru's new interior minister Erdogan Quispe met Bolivian police chiefs in La Paz.",
     {("PER", "BOL", "04", "asserted")}),
    # near-misses: the known person named alone, by title and surname, or by full name
    ("known-hadi", "Yemen's President Hadi met the Saudi ambassador in Aden.", {("YEM", "SAU", "04", "asserted")}),
    ("known-abbas", "Mahmoud Abbas met Egypt's president in Cairo.", {("PSE", "EGY", "04", "asserted")}),
    ("known-ruto", "Ruto met Ugandan officials in Kampala on Monday.", {("KEN", "UGA", "04", "asserted")}),
]


# a person's followers named by "his" or "her" are the person's side (sectors.yaml follower_nouns): the opposition
# leader's supporters are the opposition
FOLLOWERS = [
    ("his-supporters", "Police in Bangladesh arrested opposition leader Rafiqul Chowdhury at his home in Dhaka on "
     "Monday. Thousands of his supporters clashed with police near the party's headquarters later in the day.",
     {("BGDCOP", "BGDOPP", "173"), ("BGDOPP", "BGDCOP", "145")}),
    ("her-supporters", "Zambian police detained opposition leader Grace Mwale in Lusaka on Friday. Her supporters "
     "protested outside the police station.", {("ZMBCOP", "ZMBOPP", "173"), ("ZMBOPP", "ZMBCOP", "141")}),
    ("his-supporters-former", "Former Peruvian president Pedro Castillo was arrested in Lima on Wednesday. His "
     "supporters clashed with police outside the prosecutor's office.",
     {("PER", "PERELI", "173"), ("PERELI", "PERCOP", "145")}),
    # near-miss: his lawyer is no follower of his side (a lawyer keeps the sector of lawyers)
    ("his-lawyer", "Police in Bangladesh arrested opposition leader Rafiqul Chowdhury in Dhaka on Monday. His lawyer "
     "accused the police of beating him.", {("BGDCOP", "BGDOPP", "173"), ("BGDJUD", "BGDCOP", "112")}),
]


@pytest.mark.parametrize(("name", "text", "expected"), FOLLOWERS, ids=[c[0] for c in FOLLOWERS])
def test_followers_of_a_person(coder, name, text, expected):
    events = code_sentence(coder, text, "2027-05-01")
    assert {(ev.source.code, ev.target.code, ev.cameo.code) for ev in events} == expected


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_report_construction(coder, name, text, expected):
    assert _dyads(code_sentence(coder, text, "2027-05-01")) == expected


# "the two ministries", "both delegations", "the two navies", "the two envoys": the last two states the story
# named, with the sector the noun gives (governors.yaml pair_nouns)
PAIRS = [
    ("ministries", "South Korea's president arrived in Hanoi on Monday for talks with Vietnam's leaders. The two "
     "defence ministries signed a memorandum on search and rescue.",
     {("KOR", "VNM", "05", "asserted"), ("VNM", "KOR", "05", "asserted")}),
    ("delegations", "Ghana and Togo held talks in Lome on the border dispute. Both delegations agreed to meet again "
     "in March.", {("GHA", "TGO", "03", "planned"), ("TGO", "GHA", "03", "planned")}),
    ("navies", "Greece and Egypt signed a maritime deal on Tuesday. The two navies held a joint drill off Crete "
     "the next day.", {("GRC", "EGY", "06", "asserted"), ("EGY", "GRC", "06", "asserted")}),
    ("envoys", "Armenia and Azerbaijan held a new round of talks in Geneva last week. The two envoys met again for "
     "three hours on Friday.", {("ARM", "AZE", "04", "asserted"), ("AZE", "ARM", "04", "asserted")}),
    ("envoys-planned", "Serbia and Kosovo resumed talks in Brussels on Monday. The two envoys agreed to meet again "
     "in May.", {("SRB", "XKX", "03", "planned"), ("XKX", "SRB", "03", "planned")}),
]


@pytest.mark.parametrize(("name", "text", "expected"), PAIRS, ids=[c[0] for c in PAIRS])
def test_pair_nouns(coder, name, text, expected):
    assert expected <= _dyads(code_sentence(coder, text, "2027-05-01"))


def test_pair_noun_needs_two_or_both(coder):
    """"The ministries announced new rules": no pair is meant without "two" or "both"."""
    text = "Kenya and Uganda signed a trade deal on Monday. The ministries announced new rules for importers."
    dyads = _dyads(code_sentence(coder, text, "2027-05-01"))
    assert dyads == {("KEN", "UGA", "05", "asserted"), ("UGA", "KEN", "05", "asserted")}
