"""Readings the strict score asks about, on sentences written for brinkwatch (none from the gold sets).

The strict score counts every event the coder emits, whatever its modality, so each reading below is a
question of what a news sentence reports, decided by CAMEO practice:

- acts chained under a refused or negated complement did not happen: "declined to let police enter the
  village and arrest the suspects" reports a refusal, not an arrest;
- an intent verb that is also a support verb ("undertake") with an event noun as its object carried the act
  out ("undertook a mediation mission" mediates, 045); with a to-infinitive it still only commits to it.
"""

from __future__ import annotations

import pytest

from helpers import code_sentence

pytestmark = pytest.mark.usefixtures("coder")


def _roots(events) -> list[str]:
    return sorted(ev.cameo.code[:2] for ev in events)


def _evidence_triggers(events) -> set[str]:
    out = set()
    for ev in events:
        ev_text, start = ev.evidence.text, ev.evidence.start
        out.add(ev_text[ev.evidence.trigger_start - start:ev.evidence.trigger_end - start].lower())
    return out


# --- a refusal takes the acts chained under its complement with it ------------------------------------
REFUSED_CHAINS = [
    # (sentence, date, the verb chained under the refused complement that must not be coded)
    ("Serbia declined to let Kosovo police officers enter the village and arrest the suspects.", "2023-06-02",
     "arrest"),
    ("Azerbaijan has refused to allow Red Cross convoys to deliver food to Karabakh.", "2023-08-10", "deliver"),
    ("The junta in Niger refused to let French aircraft land and evacuate the stranded diplomats.", "2023-08-20",
     "evacuate"),
    ("Last week Eritrea rejected a request to allow Ethiopian troops to cross its border and attack the rebels.",
     "2021-03-04", "attack"),
]


@pytest.mark.parametrize(("text", "date", "chained"), REFUSED_CHAINS)
def test_acts_under_a_refused_complement_are_not_coded(coder, text, date, chained):
    events = code_sentence(coder, text, date)
    assert any(ev.cameo.code.startswith("12") for ev in events), [e.cameo.code for e in events]
    assert chained not in _evidence_triggers(events), [(e.pattern, e.modality) for e in events]


REFUSAL_NEAR_MISSES = [
    # a separate main clause after the refusal is news of its own
    ("Serbia refused to negotiate, and its police arrested the suspects.", "2023-06-02", "arrested"),
    ("Myanmar's junta refused to let the envoy visit, and its troops shelled three villages.", "2024-02-01",
     "shelled"),
    # a permission that was given leaves the permitted act coded
    ("Ethiopia allowed UN trucks to deliver food to Tigray.", "2022-11-20", "deliver"),
]


@pytest.mark.parametrize(("text", "date", "kept"), REFUSAL_NEAR_MISSES)
def test_acts_outside_a_refusal_are_still_coded(coder, text, date, kept):
    events = code_sentence(coder, text, date)
    assert kept in _evidence_triggers(events), [(e.pattern, e.modality) for e in events]


# --- "undertook a mission" carries it out; "undertook to withdraw" commits to it -----------------------
UNDERTAKEN_ACTS = [
    ("The Norwegian foreign minister undertook a mediation mission between Colombia and the ELN rebels.",
     "2019-05-14", "NOR", "COL"),
    ("Kenya's former president has undertaken a peace mission to Ethiopia.", "2021-08-09", "KEN", "ETH"),
    ("A Qatari envoy undertook a mediation mission between Chad and the rebel coalition in Doha.", "2022-03-14",
     "QAT", "TCD"),
]


@pytest.mark.parametrize(("text", "date", "source", "target"), UNDERTAKEN_ACTS)
def test_an_undertaken_mission_is_the_act_itself(coder, text, date, source, target):
    events = code_sentence(coder, text, date)
    mediations = [ev for ev in events if ev.cameo.code == "045" and ev.modality == "asserted"]
    assert mediations, [(e.cameo.code, e.modality, e.pattern) for e in events]
    assert any(ev.source.country == source and ev.target is not None and ev.target.country == target
               for ev in mediations), [(e.source.code, e.target and e.target.code) for e in mediations]
    assert not any(ev.cameo.code.startswith("03") for ev in events)


UNDERTAKEN_PROMISES = [
    ("Turkey undertook to withdraw its troops from the buffer zone.", "2020-02-03"),
    ("Sudan's army undertook not to attack the aid convoy.", "2023-05-20"),
]


@pytest.mark.parametrize(("text", "date"), UNDERTAKEN_PROMISES)
def test_undertaking_to_act_is_still_a_commitment(coder, text, date):
    events = code_sentence(coder, text, date)
    assert events and all(ev.cameo.code.startswith("03") and ev.modality == "planned" for ev in events), \
        [(e.cameo.code, e.modality) for e in events]


# --- a failed joint act is a rejection; other failures stay negated ------------------------------------
FAILED_JOINT_ACTS = [
    # (sentence, date, the parties between which the rejection runs)
    ("Armenia and Azerbaijan failed to reach a peace deal after two days of talks in Brussels.", "2023-07-16",
     {("ARM", "AZE"), ("AZE", "ARM")}),
    ("Serbia failed to reach an agreement with Kosovo on license plates.", "2022-11-22", {("SRB", "XKX")}),
    ("Sudan's army failed to agree on a ceasefire with the RSF on Saturday.", "2023-06-10",
     {("SDN", "SDN")}),
]


@pytest.mark.parametrize(("text", "date", "dyads"), FAILED_JOINT_ACTS)
def test_a_failed_agreement_is_a_rejection(coder, text, date, dyads):
    events = code_sentence(coder, text, date)
    assert events and all(ev.cameo.code.startswith("12") and ev.modality == "refused" for ev in events), \
        [(e.cameo.code, e.modality) for e in events]
    assert {(ev.source.country, ev.target.country) for ev in events if ev.target is not None} == dyads


FAILURES_TO_ACT = [
    ("Kenya failed to deliver the promised aid to Somalia.", "2022-03-03", "07"),
    ("Hamas failed to attack the Israeli convoy.", "2023-02-02", "19"),
]


@pytest.mark.parametrize(("text", "date", "root"), FAILURES_TO_ACT)
def test_a_failure_to_act_otherwise_stays_negated(coder, text, date, root):
    events = code_sentence(coder, text, date)
    assert events and all(ev.modality == "negated" and not ev.cameo.code.startswith("12") for ev in events), \
        [(e.cameo.code, e.modality) for e in events]


def test_a_reached_deal_is_still_an_agreement(coder):
    events = code_sentence(coder, "Egypt and Ethiopia reached a deal on the dam on Friday.", "2024-01-12")
    assert {(ev.source.country, ev.target.country, ev.cameo.code[:2], ev.modality) for ev in events} == {
        ("EGY", "ETH", "05", "asserted"), ("ETH", "EGY", "05", "asserted")}


# --- a lasting conflict named in an adjunct is the setting, not news of the day ---------------------------
SETTINGS = [
    ("Russia threatened to launch a new offensive in its war with Ukraine unless Kyiv accepted its terms.",
     "2023-10-03", "13"),
    ("Myanmar's army bombed a school in Sagaing during its war against the resistance forces.", "2023-09-18", "19"),
    ("Turkish jets bombed PKK positions in northern Iraq during the long conflict with the militants.",
     "2022-11-21", "19"),
]


@pytest.mark.parametrize(("text", "date", "root"), SETTINGS)
def test_a_war_in_an_adjunct_is_not_coded_beside_the_news(coder, text, date, root):
    events = code_sentence(coder, text, date)
    triggers = _evidence_triggers(events)
    assert "war" not in triggers and "conflict" not in triggers, [(e.pattern, e.cameo.code) for e in events]
    assert any(ev.cameo.code.startswith(root) for ev in events), [(e.pattern, e.cameo.code) for e in events]


def test_a_war_that_is_the_news_is_still_coded(coder):
    events = code_sentence(coder, "Azerbaijan launched a war against Armenia in September.", "2020-10-01")
    assert {(ev.source.country, ev.target.country, ev.cameo.code[:2]) for ev in events} == {("AZE", "ARM", "19")}


# --- "a message to X that it must ..." is the sender's demand, not X's act told as hypothetical ------------
MESSAGE_DEMANDS = [
    ("Germany's chancellor sent a firm reminder to Serbia that it must respect Kosovo's borders.", "2023-05-31",
     "DEU", "SRB"),
    ("Beijing sent a letter to Manila that it must withdraw its ship from the shoal.", "2024-06-20", "CHN", "PHL"),
    ("Ankara delivered a note to Stockholm that it should extradite the suspects.", "2023-01-12", "TUR", "SWE"),
]


@pytest.mark.parametrize(("text", "date", "sender", "addressee"), MESSAGE_DEMANDS)
def test_a_must_clause_of_a_message_is_the_senders_demand(coder, text, date, sender, addressee):
    events = code_sentence(coder, text, date)
    assert not any(ev.modality == "hypothetical" for ev in events), [(e.cameo.code, e.modality) for e in events]
    assert any(ev.cameo.code.startswith("10") and ev.modality == "requested" and ev.source.country == sender
               and ev.target is not None and ev.target.country == addressee for ev in events), \
        [(e.source.code, e.target and e.target.code, e.cameo.code, e.modality) for e in events]


def test_a_message_that_reports_a_fact_demands_nothing(coder):
    events = code_sentence(coder, "Russia sent a note to Finland that its patrol had crossed the border.", "2023-04-04")
    assert not any(ev.cameo.code.startswith("10") for ev in events)


# --- whom an act is aimed at: not the forces that carry out an order, not what a without-phrase names -----
COMMANDED_FORCES = [
    ("Peru's president ordered the deployment of troops to the southern highlands.", "2023-01-10", "PER"),
    ("Nigeria's government ordered patrols by police and soldiers in Kano after the riots.", "2023-03-20", "NGA"),
    ("The Ecuadorian president ordered the deployment of soldiers to the prisons of Guayaquil.", "2024-01-09",
     "ECU"),
]


@pytest.mark.parametrize(("text", "date", "country"), COMMANDED_FORCES)
def test_the_forces_that_carry_out_an_order_are_not_its_target(coder, text, date, country):
    events = code_sentence(coder, text, date)
    assert events, "the order itself is still coded"
    assert not any(ev.target is not None and ev.target.sector in {"MIL", "COP"}
                   and ev.target.country in (None, country) for ev in events), \
        [(e.source.code, e.target and e.target.code) for e in events]


@pytest.mark.parametrize(("text", "date", "target"), [
    ("Putin ordered strikes on Ukrainian troops near Bakhmut.", "2023-02-01", "UKRMIL"),
    ("Israel's defence minister ordered strikes by the air force on Hezbollah positions.", "2024-09-20", "LBN"),
])
def test_an_ordered_strike_on_another_side_keeps_its_target(coder, text, date, target):
    events = code_sentence(coder, text, date)
    assert any(ev.target is not None and ev.target.code.startswith(target) for ev in events), \
        [(e.source.code, e.target and e.target.code) for e in events]


WITHOUT_PHRASES = [
    ("The Bolivian president agreed to resign without returning to La Paz.", "2019-11-12", "BOL"),
    ("Ousted Prime Minister Imran Khan agreed to step down without leaving Pakistan.", "2022-04-08", "PAK"),
    ("Haiti's prime minister agreed to resign without going back to Port-au-Prince.", "2024-03-12", "HTI"),
]


@pytest.mark.parametrize(("text", "date", "country"), WITHOUT_PHRASES)
def test_a_without_phrase_names_no_target(coder, text, date, country):
    events = code_sentence(coder, text, date)
    assert events and all(ev.target is None for ev in events), \
        [(e.source.code, e.target and e.target.code) for e in events]


def test_a_target_named_beside_a_without_phrase_is_kept(coder):
    events = code_sentence(coder, "Ghana's president agreed to visit Togo without delay.", "2023-05-05")
    assert {(ev.source.country, ev.target and ev.target.country) for ev in events} == {("GHA", "TGO")}


# --- peacekeepers arriving are peacekeeping provided (074), not a visit (042) -------------------------------
PEACEKEEPERS_ARRIVING = [
    ("A battalion of Kenyan peacekeepers arrived in Haiti on Tuesday.", "2024-06-26", "KEN", "HTI"),
    ("Nepalese blue helmets arrived in the Central African Republic last week.", "2022-05-02", "NPL", "CAF"),
    ("The first deployment of Indian peacekeepers has arrived in South Sudan.", "2012-01-20", "IND", "SSD"),
]


@pytest.mark.parametrize(("text", "date", "source", "target"), PEACEKEEPERS_ARRIVING)
def test_arriving_peacekeepers_provide_peacekeeping(coder, text, date, source, target):
    events = code_sentence(coder, text, date)
    assert {(ev.source.country, ev.target and ev.target.country, ev.cameo.code) for ev in events} == {
        (source, target, "074")}


@pytest.mark.parametrize("text", [
    "The Chinese foreign minister arrived in Tehran on Sunday.",
    "A delegation of Qatari officials arrived in Kabul for talks.",
])
def test_other_arrivals_are_still_visits(coder, text):
    events = code_sentence(coder, text, "2023-03-03")
    assert events and all(ev.cameo.code.startswith("04") for ev in events), [e.cameo.code for e in events]


# --- agreeing to another's proposal is an intent to cooperate (030) aimed at the proposer -------------------
ASSENTS = [
    ("Ukraine agreed to the Turkish proposal on grain exports.", "2022-07-01", "UKR", "TUR"),
    ("Ethiopia agreed to an African Union plan for talks with Tigray.", "2022-10-05", "ETH", "IGO"),
    ("Hamas agreed to the Egyptian proposal.", "2024-05-06", "PSE", "EGY"),
    ("The Security Council agreed to a one-year extension of the UN mission in Mali.", "2022-06-29", "IGO", "MLI"),
]


@pytest.mark.parametrize(("text", "date", "source", "target"), ASSENTS)
def test_agreeing_to_a_proposal_is_an_intent_to_cooperate(coder, text, date, source, target):
    events = code_sentence(coder, text, date)
    assert {(ev.source.country, ev.target and ev.target.country, ev.cameo.code[:2]) for ev in events} == {
        (source, target, "03")}


def test_not_agreeing_to_a_proposal_is_no_agreement(coder):
    events = code_sentence(coder, "Serbia did not agree to the EU plan.", "2023-03-19")
    assert not any(ev.cameo.code.startswith("03") and ev.modality != "negated" for ev in events)


def test_agreeing_to_act_is_still_coded_by_the_act(coder):
    events = code_sentence(coder, "Venezuela agreed to a prisoner swap with the United States.", "2023-12-20")
    assert any(ev.cameo.code == "0353" for ev in events), [e.cameo.code for e in events]


# --- what a without-phrase names was not done ----------------------------------------------------------------
@pytest.mark.parametrize(("text", "date", "undone"), [
    ("Russian jets bombed the town without warning.", "2022-03-09", "warning"),
    ("Turkey launched the operation without consulting Washington.", "2019-10-10", "consulting"),
    ("The Sudanese army shelled the market without warning, killing 20 people.", "2023-06-18", "warning"),
])
def test_an_act_named_in_a_without_phrase_is_not_coded(coder, text, date, undone):
    events = code_sentence(coder, text, date)
    assert undone not in _evidence_triggers(events), [(e.pattern, e.cameo.code) for e in events]


def test_a_warning_that_was_given_is_still_coded(coder):
    events = code_sentence(coder, "Iran warned Israel against any attack.", "2024-04-10")
    assert any(ev.cameo.code.startswith("13") for ev in events)


# --- halting a mediation is its opposite (165), not a mediation ------------------------------------------
@pytest.mark.parametrize(("text", "date", "code"), [
    ("Norway halted its mediation efforts in Sri Lanka.", "2009-03-02", "165"),
    ("Egypt ended its mediation among the Sudanese factions.", "2023-08-08", "165"),
    ("Qatar may halt its mediation between Israel and Hamas if the attacks continue.", "2024-04-17", "135"),
])
def test_halting_a_mediation_is_not_mediating(coder, text, date, code):
    events = code_sentence(coder, text, date)
    assert events and all(ev.cameo.code == code for ev in events), [(e.cameo.code, e.pattern) for e in events]


def test_continuing_a_mediation_is_still_mediating(coder):
    events = code_sentence(coder, "Qatar continued its mediation between Israel and Hamas.", "2024-04-17")
    assert events and all(ev.cameo.code == "045" for ev in events)


# --- a measure a verb undoes was not imposed ---------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Myanmar's junta loosened restrictions on travel in Yangon.",
    "Uzbekistan's parliament repealed the ban on opposition rallies.",
    "Georgia's parliament scrapped the curfew in Tbilisi.",
])
def test_an_undone_measure_is_not_an_imposition(coder, text):
    events = code_sentence(coder, text, "2023-03-10")
    assert not any(ev.cameo.code.startswith(("17", "16")) for ev in events), [(e.cameo.code, e.pattern) for e in events]


@pytest.mark.parametrize("text", [
    "Myanmar's junta imposed restrictions on travel in Yangon.",
    "Egypt banned protests in Cairo.",
])
def test_an_imposed_measure_is_still_coded(coder, text):
    events = code_sentence(coder, text, "2023-03-10")
    assert any(ev.cameo.code.startswith("17") for ev in events), [(e.cameo.code, e.pattern) for e in events]
