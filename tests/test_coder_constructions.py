"""Exact expected events for each construction the coder must handle, on sentences written for brinkwatch."""

from __future__ import annotations

import pytest

from helpers import code_sentence, triples

CASES = [
    # (construction, sentence, publication date, expected {(source, target, cameo, modality)})
    ("active", "Iran attacked Iraq on Tuesday.", "2020-01-10", {("IRN", "IRQ", "190", "asserted")}),
    ("passive", "Iraq was attacked by Iran on Tuesday.", "2020-01-10", {("IRN", "IRQ", "190", "asserted")}),
    ("passive-sector", "Israeli soldiers were attacked by Hamas militants.", "2020-01-10",
     None),  # checked separately below for the country pair
    ("coordinated-subjects", "Iran and Syria condemned Israel.", "2020-01-10",
     {("IRN", "ISR", "111", "asserted"), ("SYR", "ISR", "111", "asserted")}),
    ("coordinated-objects", "Germany criticized Russia and Belarus.", "2020-01-10",
     {("DEU", "RUS", "111", "asserted"), ("DEU", "BLR", "111", "asserted")}),
    ("symmetric", "France and Germany held talks.", "2020-01-10",
     {("FRA", "DEU", "046", "asserted"), ("DEU", "FRA", "046", "asserted")}),
    ("nominal-possessive", "Iran's missile attack on Israel drew condemnation.", "2020-01-10",
     {("IRN", "ISR", "195", "asserted")}),
    ("nominal-modifier", "The Russian invasion of Ukraine began in February.", "2022-03-01",
     {("RUS", "UKR", "192", "asserted")}),
    ("support-verb", "Turkey launched an offensive against Syria.", "2020-01-10",
     {("TUR", "SYR", "190", "asserted")}),
    ("request-object-control", "Iraq asked Turkey to withdraw its troops.", "2020-01-10",
     {("IRQ", "TUR", "0256", "requested")}),
    ("request-that-clause", "Egypt asked that Israel discuss the border.", "2020-01-10",
     {("EGY", "ISR", "026", "requested")}),
    ("refusal", "Iran refused to negotiate with the United States.", "2020-01-10",
     {("IRN", "USA", "125", "refused")}),
    ("threat-sanctions", "The European Union threatened Russia with sanctions.", "2020-01-10",
     {("IGOEUREEC", "RUS", "1312", "threatened")}),
    ("threat-complement", "China threatened to attack Taiwan.", "2020-01-10",
     {("CHN", "TWN", "138", "threatened")}),
    ("demand", "Iraq demanded the withdrawal of Turkish troops.", "2020-01-10", None),
    ("negation", "Iraq did not expel the Iranian ambassador.", "2020-01-10", None),
    # context is not news: a consequence participle, a relative clause, a purpose clause, an adverbial clause
    ("consequence-participle", "Sudanese army artillery shelled the town of Kassala on Monday, killing 12 civilians.",
     "2020-01-10", {("SDNMIL", "SDN", "194", "asserted")}),
    ("relative-clause-context", "The militia that overran Kassala last year attacked Eritrea on Monday.", "2020-01-10",
     {("SDNUAF", "ERI", "180", "asserted")}),
    ("purpose-clause", "Turkish police fired tear gas to disperse Kurdish protesters in Ankara.", "2020-01-10",
     {("TURCOP", "TUROPP", "175", "asserted")}),
    ("purpose-lends-target", "Kenyan farmers blocked the highway to press their claims on the government.",
     "2020-01-10", {("KENAGR", "KENGOV", "144", "asserted")}),
    ("charge-is-the-accusation", "The Ethiopian government accused Tigrayan rebels of ambushing a bus.", "2020-01-10",
     {("ETHGOV", "ETHREB", "112", "asserted")}),
    ("topic-of-complaint", "Jordan complained to the Arab League over Syrian border shelling.", "2020-01-10",
     {("JOR", "SYR", "114", "asserted")}),
    # modals and commitments
    ("conditional-threat", "The European Union will cut aid to Niger if the junta does not free the president.",
     "2020-01-10", {("IGOEUREEC", "NER", "1311", "threatened")}),
    ("demand-modal-on-copula", "Egypt said Israel must be ready to negotiate with the Palestinians.", "2020-01-10",
     {("EGY", "ISR", "106", "requested")}),
    ("commitment-unmatched", "Ethiopia and Somalia agreed to set up a joint border commission.", "2020-01-10",
     {("ETH", None, "030", "planned"), ("SOM", None, "030", "planned")}),
    # unattributed violence and weapons that name their owner
    ("weapon-as-subject", "A roadside bomb killed three Afghan soldiers in Kandahar on Monday.", "2020-01-10",
     {("AFGUAF", "AFGMIL", "1833", "asserted")}),  # the bomb says the kind of attack: a roadside bombing
    ("weapon-owner", "Two Ukrainian soldiers were killed by Russian shelling near Kharkiv.", "2020-01-10",
     {("RUS", "UKRMIL", "190", "asserted")}),
    # targets CAMEO practice supplies
    ("own-country-curfew", "The Thai government imposed a curfew on Sunday.", "2020-01-10",
     {("THAGOV", "THA", "1723", "asserted")}),
    ("strike-aimed-at-government", "Thousands of Kenyan teachers went on strike on Monday.", "2020-01-10",
     {("KENEDU", "KENGOV", "143", "asserted")}),
    ("unknown-name-yields-to-place", "Russian troops laid siege to Mariupol.", "2022-04-01",
     {("RUSMIL", "UKR", "191", "asserted")}),
    ("host-one-event", "Qatar hosted the Afghan delegation.", "2020-01-10", {("QAT", "AFGGOV", "043", "asserted")}),
    ("command-is-the-act", "President Putin ordered air strikes on rebel positions in Idlib.", "2020-01-10",
     {("RUSGOV", "SYRREB", "195", "asserted")}),
    ("announced-decision", "Britain announced it would halt all funding to the rebels in Yemen.",
     "2020-01-10", {("GBR", "YEMREB", "162", "planned")}),
    ("adjective-place-as-target", "Russian drones struck a Ukrainian port overnight.", "2023-05-01",
     {("RUSMIL", "UKR", "1952", "asserted")}),  # drones as the doer: remotely piloted munitions
    ("sibling-nationality-modifiers", "Thai and Cambodian military commanders met at the border.", "2020-01-10",
     {("THAMIL", "KHMMIL", "040", "asserted"), ("KHMMIL", "THAMIL", "040", "asserted")}),
    ("commitment-to-restraint", "India and Pakistan agreed not to attack each other's nuclear facilities.",
     "2020-01-10", {("IND", "PAK", "0356", "planned"), ("PAK", "IND", "0356", "planned")}),
    ("reciprocal", "Armenia and Azerbaijan accused each other of violating the ceasefire.", "2020-01-10",
     {("ARM", "AZE", "112", "asserted"), ("AZE", "ARM", "112", "asserted")}),
    # hosting talks between two parties is mediation (045), so offering to is an intent to mediate (039)
    ("infinitive-tagged-noun", "Egypt offered to host talks between the warring Sudanese factions.", "2020-01-10",
     {("EGY", "SDN", "039", "planned")}),
    ("amount-carries-event-noun", "West Germany promised $2 billion in economic aid to Poland.", "1989-09-01",
     {("DEU", "POL", "0331", "asserted")}),  # money promised is economic aid; a commitment is asserted
    ("unknown-town-takes-event-place", "Ethiopian troops crossed into Eritrea and captured the border town of Badme.",
     "1999-03-01", {("ETHMIL", "ERI", "192", "asserted")}),
    ("organisation-before-title", "Arab League Secretary General Chedli Klibi met Syrian officials in Damascus.",
     "2000-01-01", {("IGOMEAARLGOV", "SYRGOV", "040", "asserted")}),
    ("instrument-is-not-target", "Russia moved tanks to the border with Ukraine.", "2022-02-01",
     {("RUS", "UKR", "154", "asserted")}),
    ("no-event-weather", "Heavy rain fell across the north of the country on Sunday.", "2020-01-10", set()),
    ("no-event-markets", "Oil prices rose two percent on Monday.", "2020-01-10", set()),
    # an event noun whose verb only says that it happened: the verb's phrases are the noun's
    ("occurrence-broke-out", "Fighting broke out between Armenian and Azerbaijani troops on Tuesday.", "2024-05-14",
     {("ARMMIL", "AZEMIL", "190", "asserted"), ("AZEMIL", "ARMMIL", "190", "asserted")}),
    ("occurrence-raged", "Fierce fighting raged between Russian and Ukrainian forces around Bakhmut.", "2023-03-02",
     {("RUSMIL", "UKRMIL", "190", "asserted"), ("UKRMIL", "RUSMIL", "190", "asserted")}),
    ("occurrence-ensued", "A gunfight ensued between Mexican soldiers and cartel gunmen in Sinaloa.", "2024-05-14",
     {("MEXMIL", "MEXUAF", "193", "asserted"), ("MEXUAF", "MEXMIL", "193", "asserted")}),
    ("occurrence-erupted", "Clashes erupted between Israeli troops and Palestinian gunmen in Jenin.", "2023-07-03",
     {("ISRMIL", "PSEUAF", "190", "asserted"), ("PSEUAF", "ISRMIL", "190", "asserted")}),
    ("occurrence-without-parties", "Talks took place in Doha on Sunday.", "2024-05-14", set()),
    ("occurrence-take-not-place", "A fight took two hours to end.", "2024-05-14", set()),
    # violence told in the passive with no doer: unidentified forces of the place, against the victims
    ("passive-no-doer-shot", "Seven people were shot dead in a house in Culiacan, Mexico.", "2024-05-14",
     {("MEXUAF", "MEXCVL", "180", "asserted")}),
    ("passive-no-doer-killed", "Two police officers were killed in an ambush near Diffa, Niger.", "2024-05-14",
     {("NERUAF", "NERCOP", "190", "asserted")}),
    ("passive-no-doer-wounded", "Four civilians were wounded when shells landed in Kherson, Ukraine.", "2024-05-14",
     {("UKRUAF", "UKRCVL", "182", "asserted")}),
    # a state does not act on itself: the minister's warning goes to the other country only
    ("no-self-target", "Pakistan's army chief warned India that any aggression would be met with a swift response.",
     "2024-05-14", {("PAKMIL", "IND", "130", "threatened")}),
    ("no-self-target-2", "Defence Minister Rajnath Singh warned Pakistan that India would respond firmly to any attack.",
     "2024-05-14", {("INDGOV", "PAK", "130", "threatened")}),
    # the target of an attack on a base is the force the base holds; the host country is the place
    ("attack-on-bases", "Iranian missiles struck two US bases in Iraq on Wednesday.", "2024-05-14",
     {("IRN", "USAMIL", "190", "asserted")}),
    ("attack-on-base-2", "Israeli jets struck a Syrian air base near Homs.", "2024-05-14",
     {("ISRMIL", "SYRMIL", "195", "asserted")}),
    ("attack-on-base-3", "Rockets hit a Turkish military base in northern Iraq.", "2024-05-14",
     {("IRQUAF", "TURMIL", "190", "asserted")}),
]


@pytest.mark.parametrize("construction,text,date,expected", [c for c in CASES if c[3] is not None],
                         ids=[c[0] for c in CASES if c[3] is not None])
def test_construction_exact(coder, construction, text, date, expected):
    assert triples(code_sentence(coder, text, date)) == expected


def _countries(events):
    return {(e.source.country if e.source else None, e.target.country if e.target else None, e.cameo.root)
            for e in events}


def test_passive_with_sector_nouns(coder):
    events = code_sentence(coder, "Israeli soldiers were attacked by Hamas militants.")
    assert ("PSE", "ISR", "19") in _countries(events)  # an armed group attacking soldiers fights (CAMEO 19)
    assert all(e.source.country != "ISR" for e in events)  # voice undone: the soldiers did not attack


def test_demand_codes_withdrawal_demand(coder):
    events = code_sentence(coder, "Iraq demanded the withdrawal of Turkish troops.")
    assert [(e.source.code, e.cameo.code, e.modality) for e in events] == [("IRQ", "1056", "asserted")] or \
        [(e.source.code, e.cameo.root) for e in events] == [("IRQ", "10")]
    assert events[0].target is not None and events[0].target.country == "TUR"


def test_negated_event_is_marked_not_dropped(coder):
    events = code_sentence(coder, "Iraq did not expel the Iranian ambassador.")
    assert events, "a negated event is kept, with its modality"
    assert {e.modality for e in events} == {"negated"}
    assert {(e.source.country, e.target.country) for e in events} == {("IRQ", "IRN")}


def test_reported_speech_codes_the_report_and_keeps_the_speaker(coder):
    events = code_sentence(coder, "Iraqi officials said Iran attacked two US bases.")
    attack = [e for e in events if e.cameo.root == "19"]
    assert [(e.source.country, e.target.country) for e in attack] == [("IRN", "USA")]
    assert attack[0].attribution is not None
    assert attack[0].attribution.speaker is not None and attack[0].attribution.speaker.code == "IRQGOV"


def test_apposition_and_title(coder):
    events = code_sentence(coder, "Iraqi Prime Minister Adel Abdul Mahdi condemned the American strike.",
                           "2020-01-06")
    assert ("IRQGOV", "USA", "111", "asserted") in triples(events)


def test_condemned_act_with_its_own_doer_is_told_too(coder):
    events = code_sentence(coder, "Iran condemned the US assassination of Qassem Soleimani.", "2020-01-04")
    codes = {(e.source.country, e.target.country if e.target else None, e.cameo.code) for e in events}
    assert ("IRN", "USA", "111") in codes
    # the condemned act names its own doer, so it is told too (factive; tests/data/README.md annotation
    # rules); the reports of one happening are merged by dedup, within and across articles
    assert ("USA", "IRN", "186") in codes


def test_object_event_is_coded_when_nothing_else_is(coder):
    events = code_sentence(coder, "The group said nothing about the US assassination of Qassem Soleimani.", "2020-01-04")
    assert any(e.source.country == "USA" and e.cameo.code == "186" for e in events)


def test_dated_role_trump(coder):
    in_office = code_sentence(coder, "Trump threatened Iran.", "2020-01-10")
    before = code_sentence(coder, "Trump threatened Iran.", "2012-06-01")
    assert [e.source.code for e in in_office] == ["USAGOV"]
    assert all(e.source.code != "USAGOV" for e in before)


def test_evidence_offsets_point_into_the_text(coder):
    text = "Markets were calm. Russia invaded Ukraine on Thursday."
    events = code_sentence(coder, text, "2022-02-26")
    assert len(events) == 1
    ev = events[0]
    assert text[ev.evidence.start:ev.evidence.end] == "Russia invaded Ukraine on Thursday."
    assert text[ev.evidence.trigger_start:ev.evidence.trigger_end] == "invaded"
    assert ev.sentence_index == 1
    assert text[ev.source.start:ev.source.end] == "Russia"


def test_sports_sentence_produces_nothing(coder):
    assert code_sentence(coder, "Brazil beat Argentina 2-0 in the World Cup qualifier.") == []


def test_the_two_leaders_are_the_last_two_states_named(coder):
    text = ("The Greek prime minister telephoned the Turkish president on Wednesday. "
            "The two leaders agreed to hold a meeting in Ankara in the autumn.")
    got = triples(code_sentence(coder, text))
    assert ("GRCGOV", "TURGOV", "036", "planned") in got and ("TURGOV", "GRCGOV", "036", "planned") in got


def test_the_two_leaders_need_two_states_before_them(coder):
    events = code_sentence(coder, "The two leaders agreed to hold a meeting in the autumn.")
    assert not any(e.cameo.code == "036" for e in events)


def _coded(coder, text: str, date: str = "2024-05-14") -> set[tuple[str, str | None, str]]:
    import datetime as dt

    doc = coder.code_text(text, pub_date=dt.date.fromisoformat(date))
    return {(e.source.code, e.target.code if e.target else None, e.cameo.code) for e in doc.events}


@pytest.mark.parametrize("text,expected", [
    ("TBILISI, May 16 - Opposition parties called a rally for Saturday. "
     "Police detained 14 protesters, the interior ministry said.", ("GEOCOP", "GEOOPP", "173")),
    ("Riot police in Lagos dispersed a crowd on Monday. Later, police arrested three students.",
     ("NGACOP", "NGAEDU", "173")),
    ("Peru's congress debated the budget in Lima. Police detained two journalists outside the building.",
     ("PERCOP", "PERMED", "173")),
    # a lead naming two countries: the one left once the other party's is taken out
    ("Chinese aircraft entered Japan's airspace on Monday. Later, the foreign ministry lodged a protest with the "
     "Chinese government.", ("JPNGOV", "CHNGOV", "114")),
])
def test_sector_only_actors_take_the_story_country(coder, text, expected):
    assert expected in _coded(coder, text)


def test_a_two_country_story_lends_no_country(coder):
    coded = _coded(coder, "Armenia and Azerbaijan traded accusations on Monday. Police detained 14 protesters.")
    assert {("ARM", "AZE", "112"), ("AZE", "ARM", "112")} <= coded  # trading accusations is no trade
    assert ("---COP", "---OPP", "173") in coded


@pytest.mark.parametrize("text,expected", [
    ("Georgia lodged a protest with Russia over the detention of its citizens.", ("GEO", "RUS", "114")),
    ("Peru filed a protest with Chile over the fishing boats.", ("PER", "CHL", "114")),
    ("Seoul will lodge a protest with Tokyo over the textbook.", ("KOR", "JPN", "114")),
])
def test_lodged_protest_is_a_diplomatic_complaint(coder, text, expected):
    assert expected in _coded(coder, text)


def test_a_held_protest_is_still_a_demonstration(coder):
    assert ("POLAGR", "UKR", "141") in _coded(coder, "Farmers held a protest against Ukrainian grain imports in Warsaw.")


def test_an_organisation_name_inside_a_longer_one_is_not_that_organisation(coder):
    longer = _coded(coder, "Iran's Supreme National Security Council rejected the proposal.")
    assert longer and all(source.startswith("IRN") for source, _, _ in longer)
    assert ("IGOUNO", None, "111") in _coded(coder, "The UN Security Council condemned the attack.")


@pytest.mark.parametrize("text,expected", [
    # a KB organisation's acronym used as a modifier later
    ("The Libyan National Army (LNA) shelled Tripoli airport. LNA forces later captured the town of Gharyan.",
     ("LBYMIL", None, "192")),
    # an organisation the KB does not know, spelled out once, then named by its acronym alone
    ("The Sahel Liberation Front (SLF) ambushed a Malian army patrol near Gao. The SLF later attacked a police post.",
     ("MLIREB", "MLICOP", "190")),
])
def test_an_acronym_the_article_defines_stands_for_its_name(coder, text, expected):
    assert expected in _coded(coder, text)


def test_an_undefined_acronym_borrows_nothing(coder):
    coded = _coded(coder, "The Sahel Liberation Front ambushed a patrol near Gao. The SLF later attacked a police post.")
    assert not any(source == "MLIREB" and target == "MLICOP" for source, target, _ in coded)  # no police post attack by it


@pytest.mark.parametrize("text,expected", [
    ("France condemned the Russian shelling of Kharkiv.", {("FRA", "RUS", "111"), ("RUS", "UKR", "194")}),
    ("Egypt denounced Israel's air strike on Rafah.", {("EGY", "ISR", "111"), ("ISR", "PSE", "195")}),
    ("Kenya welcomed the Ethiopian withdrawal from the border town.", {("KEN", "ETH", "051")}),
])
def test_a_reaction_to_an_act_with_its_own_doer_tells_the_act_too(coder, text, expected):
    assert expected <= _coded(coder, text)


@pytest.mark.parametrize("text", [
    "France condemned the shelling of Kharkiv.",  # no doer named: only the condemnation
    "Germany accused Russia of shelling Kharkiv.",  # a charge is the accuser's claim
])
def test_a_reaction_without_a_named_doer_is_only_the_reaction(coder, text):
    assert {code[:2] for _, _, code in _coded(coder, text)} == {"11"}


def test_violence_with_no_doer_and_no_place_takes_the_story_country(coder):
    text = ("On 13 June 2023, troops raided a camp near Gusau, Zamfara state. "
            "Two soldiers were killed.")
    assert ("NGAUAF", "NGAMIL", "190") in _coded(coder, text, "2023-06-20")


@pytest.mark.parametrize("text,expected", [
    ("Militants killed nine soldiers in an attack near Tera, Niger.", ("NERREB", "NERMIL", "190")),
    ("Gunmen killed two soldiers at a checkpoint in Zamfara, Nigeria.", ("NGAUAF", "NGAMIL", "190")),
    ("Al-Shabaab fighters ambushed a convoy and killed four soldiers near Baidoa, Somalia.", ("SOM", "SOMMIL", "190")),
])
def test_victims_of_armed_nonstate_actors_are_of_the_place(coder, text, expected):
    got = {(s[:3] if expected[0] == "SOM" else s, t, c) for s, t, c in _coded(coder, text)}
    assert expected in got


@pytest.mark.parametrize("text,expected", [
    ("NIAMEY, May 19 - Troops repelled an assault on a base and killed about 20 attackers, the army said.",
     ("NERMIL", "NERUAF", "190")),
    ("BOGOTA, March 2 - Soldiers killed four rebels in a firefight in the south, the army said.",
     ("COLMIL", "COLREB", "190")),
])
def test_armed_nonstate_actors_are_of_the_story_country(coder, text, expected):
    assert expected in _coded(coder, text)


def test_a_statements_we_is_the_government_speaking(coder):
    text = ("The Government of Guyana rejects the latest claims by Venezuela to the Essequibo region. "
            "We call on the Government of Venezuela to respect the ruling of the court. "
            "We thank CARICOM for its steadfast support.")
    coded = _coded(coder, text, "2023-08-02")
    assert ("GUYGOV", "VENGOV", "022") in coded
    assert any(s.startswith("GUY") and code == "051" for s, _, code in coded)
    assert not any(s.startswith("VEN") and code == "022" for s, _, code in coded)


def test_we_in_a_sentence_with_no_speaking_body_before_is_nobody(coder):
    coded = _coded(coder, "We will not forget the victims of the flood.", "2023-08-02")
    assert coded == set()


@pytest.mark.parametrize("text,expected", [
    ("Rockets struck a base near Baghdad airport that hosts Italian troops.", ("IRQUAF", "ITAMIL", "195")),
    ("Militants attacked a camp used by French soldiers in northern Mali.", ("FRAMIL", "190")),
])
def test_a_base_is_the_force_that_holds_it(coder, text, expected):
    coded = _coded(coder, text)
    assert expected in coded or any((t, c) == expected for _, t, c in coded)


def test_in_retaliation_for_is_no_second_event(coder):
    coded = _coded(coder, "Tehran fired missiles at US military targets in Iraq in retaliation for the killing.")
    assert len(coded) == 1


def test_the_host_of_a_base_is_not_its_occupant_when_no_force_is_named(coder):
    coded = _coded(coder, "Drones hit a base in Syria that houses no foreign forces.")
    assert all(target is None or target.startswith("SYR") for _, target, _ in coded)
