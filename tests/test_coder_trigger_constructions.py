"""Trigger constructions of unseen news, each rule with sentences in other words and a near-miss it must not
fire on: a partner in a "with" phrase, verbs sharing an object, an event noun after "in protest" / "took part
in" / "was led by", quantity nouns ("dozens of raids"), amounts ("$50 million in aid"), hosted talks between two
parties, capturing a person versus a town, military operations, the reason of a praise, "came under fire", "been
on strike", calls for a halt, acts someone was kept from, crowds that torch or loot, "the strikes carried out by X".
All sentences are written for brinkwatch."""

from __future__ import annotations

import pytest

from helpers import code_sentence, triples

CASES = [
    # (rule, sentence, expected {(source, target, cameo, modality)})
    # a verb's subject with a partner in a "with" phrase: the subject's act only
    ("with-partner-relations", "Jordan restored diplomatic ties with Syria.", {("JOR", "SYR", "050", "asserted")}),
    ("with-partner-clash", "Indian troops clashed with Chinese soldiers in Ladakh.",
     {("INDMIL", "CHNMIL", "190", "asserted")}),
    ("with-partner-sign", "Vietnam signed a trade agreement with Japan.", {("VNM", "JPN", "057", "asserted")}),
    # ... and both ways when both parties are the subject or the parties of "between"
    ("both-subjects", "Kenya and Somalia held talks in Nairobi.",
     {("KEN", "SOM", "046", "asserted"), ("SOM", "KEN", "046", "asserted")}),
    ("between-parties", "Talks between Chile and Bolivia resumed on Monday.",
     {("CHL", "BOL", "046", "asserted"), ("BOL", "CHL", "046", "asserted")}),
    # two coordinated verbs share the later one's object
    ("shared-object-arrest", "Ugandan police arrested and beat several journalists.",
     {("UGACOP", "UGAMED", "173", "asserted"), ("UGACOP", "UGAMED", "182", "asserted")}),
    ("shared-object-round-up", "Egyptian police rounded up and deported dozens of Sudanese refugees.",
     {("EGYCOP", "SDNREF", "173", "asserted")}),
    ("shared-object-attack", "Iraqi troops surrounded and attacked an Islamic State hideout.",  # troops surrounding: 150
     {("IRQMIL", "IMGMUSISI", "150", "asserted"), ("IRQMIL", "IMGMUSISI", "190", "asserted")}),
    # ... but not across a clause with its own subject
    ("own-subject-keeps-own-object", "Iraq condemned and Iran praised the Turkish decision.",
     {("IRQ", None, "111", "asserted"), ("IRN", "TUR", "051", "asserted")}),
    # "in protest": the clause's act is a protest by its subject
    ("in-protest-block", "Colombian truckers blocked highways in protest against fuel prices.",
     {("COLLAB", "COLGOV", "144", "asserted")}),
    ("in-protest-close", "Market traders in Accra closed their stalls in protest against the new levy.",
     {("GHABUS", "GHAGOV", "141", "asserted")}),
    ("in-the-protest-is-a-setting", "Two people died in the protest in Nairobi.", set()),
    # "took part in" an event noun: the participants do it
    ("took-part-protest", "Thousands of Chileans took part in protests against the government.",
     {("CHL", "CHLGOV", "141", "asserted")}),
    ("took-part-march", "Hundreds of Kenyan students took part in a march against fee increases.",
     {("KENEDU", "KENGOV", "141", "asserted")}),
    ("took-part-not-an-event", "Kenyan athletes took part in the marathon in Berlin.", set()),
    # "led" carries an event noun like "carried out"
    ("led-passive", "The offensive on the town was led by Ethiopian federal troops.",
     {("ETHMIL", None, "190", "asserted")}),
    ("led-active", "Sudanese army officers led a raid on a rebel base in Darfur.",
     {("SDNMIL", "SDNREB", "190", "asserted")}),
    # a quantity noun stands in the event noun's place
    ("dozens-of", "Russian jets carried out dozens of air strikes on Idlib.", {("RUSMIL", None, "195", "asserted")}),
    ("hundreds-of", "Israeli troops conducted hundreds of raids in the West Bank.",
     {("ISRMIL", "PSE", "190", "asserted")}),
    # hosting talks between two parties is mediation; hosting a guest is hosting
    ("hosted-talks-between", "Norway hosted negotiations between Colombia and the ELN rebels.",
     {("NOR", "COL", "045", "asserted"), ("NOR", "COLREB", "045", "asserted")}),
    ("hosted-talks-between-2", "Kazakhstan hosted peace talks between Azerbaijan and Armenia.",
     {("KAZ", "AZE", "045", "asserted"), ("KAZ", "ARM", "045", "asserted")}),
    ("hosted-talks-between-3", "Egypt hosted talks between Hamas and Fatah in Cairo.",
     {("EGY", "PSEREBHMS", "045", "asserted"), ("EGY", "PSEFTA", "045", "asserted")}),
    ("hosted-guest", "Qatar hosted the Afghan delegation.", {("QAT", "AFGGOV", "043", "asserted")}),
    # capturing a person is an arrest; capturing a town is taking territory
    ("capture-person", "Ecuadorian troops captured a gang leader in Guayaquil.",
     {("ECUMIL", "ECUCRM", "173", "asserted")}),
    ("capture-person-2", "Iraqi forces captured three Islamic State militants near Mosul.",
     {("IRQMIL", "IMGMUSISI", "173", "asserted")}),
    ("capture-person-3", "Peruvian police captured a drug kingpin in Lima.", {("PERCOP", "PERCRM", "173", "asserted")}),
    ("capture-town", "Ethiopian troops captured the border town of Humera from Eritrea.",
     {("ETHMIL", "ERI", "192", "asserted")}),
    # a military operation against someone is the use of force
    ("operation-ground", "Nigeria launched a ground operation against bandits in Zamfara.",
     {("NGA", "NGACRM", "190", "asserted")}),
    ("operation-military", "Pakistani troops conducted a military operation against militants in Bajaur.",
     {("PAKMIL", "PAKREB", "190", "asserted")}),
    ("operation-not-military", "The hospital resumed operations after the floods.", set()),
    # an amount object carries its event noun: "announced $50 million in aid"
    ("amount-in-aid", "Canada announced $50 million in humanitarian aid for Sudan.", {("CAN", "SDN", "070", "asserted")}),
    ("amount-of-aid", "The World Bank provided 2 billion dollars in loans to Egypt.",
     {("IGOWBK", "EGY", "070", "asserted")}),
    ("amount-under-governor", "Norway agreed to send 40,000 tonnes of wheat aid to Somalia.",
     {("NOR", "SOM", "033", "planned")}),  # the aid is the sending Norway agreed to, not a second act
    ("amount-not-an-event", "The company announced $5 million in profits.", set()),
    # what someone is praised or thanked for is the reason of the praise, not news of its own
    ("praised-for", "Azerbaijan's president praised Armenia for implementing the agreement.",
     {("AZEGOV", "ARM", "051", "asserted")}),
    ("thanked-for", "Japan thanked India for sending rescue teams to Turkey.", {("JPN", "IND", "051", "asserted")}),
    ("praise-and-act", "Egypt praised Jordan and sent aid to Gaza.",
     {("EGY", "JOR", "051", "asserted"), ("EGY", "PSE", "073", "asserted")}),
    # "came under fire / attack": the subject is the target; the doer from the noun or a "from" phrase, else
    # unidentified forces of the place; fire "from lawmakers" or "over" a decision is criticism
    ("came-under-attack", "Kyiv came under a massive Russian missile attack overnight.",
     {("RUS", "UKR", "195", "asserted")}),
    ("came-under-fire-from", "A Malian army convoy came under fire from jihadist militants near Gao.",
     {("MLIREB", "MLIMIL", "190", "asserted")}),
    ("came-under-fire-place", "A Nigerian army patrol came under fire near Maiduguri.",
     {("NGAUAF", "NGA", "190", "asserted")}),
    ("came-under-fire-from-place", "The Israeli town of Sderot came under rocket fire from Gaza.",
     {("PSE", "ISR", "190", "asserted")}),
    ("under-fire-from-critics", "Peru's president came under fire from lawmakers over the pardon.",
     {("PERLEG", "PERGOV", "111", "asserted")}),
    ("under-fire-over", "The Kenyan police chief came under fire from Amnesty International over the killings.",
     {("NGOAMN", "KENCOP", "111", "asserted")}),
    ("under-pressure-is-no-event", "The government came under pressure from the opposition.", set()),
    # "have been / remained on strike" like "went on strike"
    ("been-on-strike", "Zambian miners have been on strike since May.", {("ZMBLAB", "ZMBGOV", "143", "asserted")}),
    ("remained-on-strike", "French rail workers remained on strike for a third day.",
     {("FRALAB", "FRAGOV", "143", "asserted")}),
    # calls for a halt, a cessation or a pause are calls for de-escalation
    ("call-for-halt", "The UN Security Council called for an immediate halt to the fighting in Sudan.",
     {("IGOUNO", "SDN", "0256", "requested")}),
    ("call-for-cessation", "Pope Francis called for a cessation of hostilities in Ukraine.",
     {("VATREL", "UKR", "0256", "requested")}),
    ("call-for-pause", "Jordan called for a humanitarian pause in Gaza.", {("JOR", "PSE", "0256", "requested")}),
    # an act someone was kept from did not happen
    ("barred-from", "The Taliban barred women from attending universities.", {("AFGGOVTAL", "AFGCVL", "172", "asserted")}),
    ("banned-from", "Armenia banned Russian officials from visiting Yerevan.", {("ARM", "RUSGOV", "172", "asserted")}),
    ("prevented-from", "Israeli forces prevented Palestinian worshippers from entering the mosque.", set()),
    # torching, burning or looting by a crowd is violent protest; by armed men it is coercion
    ("crowd-set-fire", "Protesters set fire to the ruling party's headquarters in Dhaka.",
     {("BGDOPP", "BGDGOV", "145", "asserted")}),
    ("crowd-burned", "Students burned police cars in Santiago.", {("CHLEDU", "CHLCOP", "145", "asserted")}),
    ("crowd-looted", "Kenyan rioters looted shops in Nairobi.", {("KENOPP", "KEN", "145", "asserted")}),
    ("armed-torched", "Militants torched a church in Kenya's Lamu county.", {("KENREB", "KENREL", "1712", "asserted")}),
    ("armed-looted", "Russian soldiers looted Ukrainian museums in Kherson.", {("RUSMIL", "UKR", "171", "asserted")}),
    # "the strikes carried out by X against Y": a support participle lends the noun its doer and phrases
    ("carried-out-by", "Pakistan strongly condemns the strikes carried out by the United States and the United Kingdom "
     "against targets in Yemen.", {("PAK", "USA", "111", "asserted"), ("PAK", "GBR", "111", "asserted"),
                                   ("USA", "YEM", "195", "asserted"), ("GBR", "YEM", "195", "asserted")}),
    ("launched-by", "Egypt denounced the attack launched by Hamas on Israeli towns.",
     {("EGY", "PSEREBHMS", "111", "asserted"), ("PSEREBHMS", "ISR", "190", "asserted")}),
    ("imposed-by", "The sanctions imposed by the EU on Belarus took effect on Monday.",
     {("IGOEUREEC", "BLR", "163", "asserted")}),
]


@pytest.mark.parametrize("rule,text,expected", CASES, ids=[c[0] for c in CASES])
def test_trigger_construction(coder, rule, text, expected):
    assert triples(code_sentence(coder, text, "2025-03-14")) == expected
