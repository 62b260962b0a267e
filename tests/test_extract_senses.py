"""Uses of event words that report no political event (``extract/senses.py``, ``extract/data/senses.yaml``),
each rule with sentences in other words, countries and tenses, and near-misses it must not silence.
All sentences are written for brinkwatch."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brinkwatch.errors import DataFileError
from brinkwatch.extract.senses import is_history, load_senses
from helpers import code_sentence, triples

NO_EVENT = [
    # sports people and sports sides are no political actors, whatever their country
    ("sport-doer", "Bangladesh's bowlers attacked the English top order on the second morning."),
    ("sport-doer", "Kenya's sprinters stormed past the Jamaicans in the last hundred metres."),
    ("sport-doer", "The Pakistani batsmen will target the short boundary on Sunday."),
    ("sport-side", "Brazil's volleyball team crushed Italy in Rotterdam."),
    ("sport-side", "The Ghanaian national side stormed to victory over Egypt."),
    ("sport-phrase", "Japan's Naomi Osaka knocked out the Czech number one in straight sets."),
    ("sport-phrase", "Uruguay edged past Peru on penalties to reach the last four."),
    ("market-doer", "Foreign investors have attacked Indonesian bonds since the budget was published."),
    # markets, prices and the weather as doers
    ("market-subject", "Japanese stocks hit a record high on Friday."),
    ("market-subject", "Argentina's peso plunged against the dollar after the vote."),
    ("market-subject", "Oil prices hit a three-month low on Wednesday."),
    ("weather-subject", "Heavy rain pounded Kerala for a third day."),
    # objects that make a verb of force, capture or defence figurative
    ("figurative-object", "Kenya's athletes captured six gold medals in Budapest."),
    ("figurative-object", "The Mexican singer conquered the charts across South America."),
    ("figurative-object", "Ethiopia's women will defend their title in Tokyo next year."),
    ("figurative-object", "The minister's remarks set social media on fire."),
    ("figurative-object", "The Ugandan government launched a campaign against measles."),
    ("figurative-object", "Chile's president fought back tears at the funeral."),
    ("figurative-object", "Spanish police seized three tonnes of hashish near Algeciras."),
    # what has long been the case
    ("habitual", "Egypt has long rejected Ethiopia's plan for the dam."),
    ("habitual", "India and China have clashed over the border for decades."),
    ("habitual", "Turkey has always opposed arms sales to Cyprus."),
    # an act of a civilian or business actor that reaches no one
    ("nonpolitical-pair", "Korean Air signed a deal to buy 20 Boeing jets."),
    # history told as background
    ("history", "In 1979, Soviet troops invaded Afghanistan."),
    ("history", "Serbian police arrested a Kosovo official in May 2011."),
    ("history", "The 1995 accord between Ecuador and Peru, signed in Brasilia, ended the border war."),
    ("history-period", "Soviet troops deported the Chechens during World War Two."),
    ("history-period", "The KGB arrested dissidents in Soviet times."),
    ("history-period", "In the Cold War, the US spied on Cuba."),
    ("history-span", "Ethiopia and Eritrea fought a border war from 1998 to 2000."),
    ("history-when", "The conflict began in 2011 when Assad's forces cracked down on protesters."),
    ("history-doer", "Azerbaijan's 2020 offensive recaptured most of the territory."),
    # someone's forecast of another's act, a judgement on an act not done, an open question
    ("forecast", "Analysts expect Turkey to launch a new offensive in northern Syria after the elections."),
    ("forecast", "Many diplomats believe Russia will eventually attack Moldova."),
    ("forecast", "Officials fear Mali's junta will expel more foreign journalists."),
    ("forecast", "Iran expects the IAEA to visit Fordow next month."),
    ("observer", "Experts warn that China could blockade Taiwan within five years."),
    ("observer", "Some analysts say Ethiopia is preparing to seize an Eritrean port."),
    ("judgement", "Venezuela would be foolish to invade Guyana."),
    ("open-question", "The question is whether Pakistan will retaliate against India."),
    ("open-question", "It remains unclear whether Israel will strike Iran's nuclear sites."),
    # an act that only marks a starting point, an event noun behind an abstract change
    ("starting-point", "Since Hamas attacked Israel in October 2023, the region has been on edge."),
    ("backdrop", "Russia's invasion of Ukraine has reshaped European security."),
    # a market story names events as causes; a firm's "attack" is competition; figurative objects of capture
    ("market-story", "Brent crude jumped 4 percent after Houthi attacks in the Red Sea."),
    ("firm-force", "Netflix attacked the Indian market with cheaper plans."),
    ("figurative-object", "A Turkish TV drama captured audiences across the Arab world."),
    ("figurative-object", "The mayor of Lima attacked the heat with free water fountains."),
    # a decade long past, a span of years whose last year is long past (also on the act's object: "a war")
    ("history-decade", "French forces bombed Algerian villages in the 1950s."),
    ("history-decade", "Vietnamese troops invaded Cambodia in the late 1970s."),
    ("history-between", "Iraq and Iran fought a war between 1980 and 1988."),
    ("history-between", "Indonesian troops occupied East Timor between 1975 and 1999."),
    # a running tally: a perfect with a counted object and a since-span
    ("tally", "Pirates have hijacked more than 30 vessels off Somalia since January."),
    ("tally", "Security forces have detained at least 1,200 protesters since the unrest began."),
    ("tally", "Russian drones have struck 14 Ukrainian power stations since October."),
    # a warning about conditions: no one warned, no act in the that-clause
    ("conditions-warning", "The UN warned that the famine would spread across Darfur."),
    ("conditions-warning", "Medics in Khartoum warned that the last clinics would close within days."),
    ("conditions-warning", "The World Bank cautioned that Pakistan's economy could shrink this year."),
    ("conditions-warning", "Iraq's oil ministry warned that exports would fall sharply."),
    # an event noun is forecast with the verb it is the object of
    ("forecast-noun", "Diplomats predict Hungary will drop its veto of the aid package."),
    ("forecast-noun", "Commentators think Seoul will announce new sanctions against Pyongyang."),
    # a figurative for-phrase on a verb with no object
    ("figurative-for", "Two Spanish clubs battled for the trophy in Seville."),
    # road and petty offenders are no political target
    ("offenders", "Dubai police targeted speeding motorists on the coastal road."),
    ("offenders", "Officers in Lagos targeted drunk drivers over the holidays."),
    ("offenders", "Police in Santiago cracked down on drunk drivers."),
    ("offenders", "Indian tax officials targeted tax evaders in a nationwide sweep."),
]

STILL_EVENTS = [
    # a team that is not a sports side, a real market, a perfect with no "long", a dated act of this year
    ("UN team", "A UN inspection team visited the plant in Zaporizhzhia.", ("IGOUNO", "UKR", "042")),
    ("politics at a match", "Nigeria's foreign minister met his Ghanaian counterpart at the African Cup final.",
     ("NGAGOV", "GHA", "040")),
    ("market hit", "Russian missiles hit a crowded market in Kherson.", ("RUS", "UKR", "190")),
    ("capture town", "Rebels captured the provincial capital of Ituri.", ("CODREB", "COD", "192")),
    ("perfect", "Egypt has rejected Ethiopia's latest plan for the dam.", ("EGY", "ETH", "127")),
    ("recent date", "In January, Russian troops attacked the town of Vuhledar.", ("RUSMIL", "UKR", "190")),
    ("since", "Russia has occupied Crimea since 2014.", ("RUS", "UKR", "192")),
    ("this war", "During the war, Russian troops shelled Mariupol.", ("RUSMIL", "UKR", "194")),
    ("recent when", "Kenya received aid from Japan in 2024 when floods hit the coast.", ("JPN", "KEN", "070")),
    # a side's own word about its plans is its intent; a belief about a past act is not a forecast
    ("own threat", "Israel warned that it would strike Beirut if Hezbollah fired again.", ("ISR", "LBN", "138")),
    ("belief in a past act", "Iran believes Israel attacked its consulate in Damascus.", ("ISR", "*", "190")),
    ("consequence", "Russia's missile attack on Kyiv killed twelve people.", ("RUS", "UKR", "195")),
    ("since-phrase", "Since Monday, Russian troops have shelled Kharkiv.", ("RUSMIL", "UKR", "194")),
    ("market cause with a doer", "Oil prices rose after Israel struck Iranian oil facilities.", ("ISR", "IRN", "195")),
    ("real campaign", "Russian troops launched an offensive against Ukrainian positions.", ("RUSMIL", "UKR", "190")),
    ("drug cartels are actors", "The US imposed sanctions on Mexican drug cartels.", ("USA", "MEXCRM", "163")),
    ("dated complement", "Libya offered to hand over two men suspected of a bombing in 1988.", ("LBY", "*", "031")),
    # a span of months, a span reaching this year; a count with no since-span, a count of the day
    ("months span", "Sudan and South Sudan fought along the border between March and May.", ("SDN", "SSD", "190")),
    ("span to this year", "Russian forces shelled Kherson between 2023 and 2025.", ("RUSMIL", "UKR", "194")),
    ("count, no span", "Russia has expelled two Estonian diplomats.", ("RUS", "ESTGOV", "161")),
    ("count of the day", "Security forces detained 40 protesters in Tehran on Sunday.", ("IRNCOP", "IRNOPP", "173")),
    # a warning to someone, a warning of one's own act; an announced (not forecast) act; a for-phrase with an object
    ("warned someone", "Russia warned NATO that it would respond to the deployment.", ("RUS", "IGOWSTNAT", "130")),
    ("warned of an act", "Iran warned that it would retaliate against any attack.", ("IRN", None, "138")),
    ("announced, not forecast", "Seoul announced new sanctions against Pyongyang.", ("KOR", "PRK", "163")),
    ("drivers attacked", "Gunmen attacked truck drivers on the highway near Kaduna.", ("NGAUAF", "NGALAB", "180")),
    ("police target a party", "Police in Nairobi targeted opposition supporters with tear gas.",
     ("KENCOP", "KENOPP", "190")),
    ("for with an object", "The Hungarian prime minister attacked the central bank for high inflation.",
     ("HUNGOV", "*", "111")),
]


@pytest.mark.parametrize(("rule", "text"), NO_EVENT, ids=[f"{r}-{i}" for i, (r, _) in enumerate(NO_EVENT)])
def test_non_political_senses_give_no_event(coder, rule: str, text: str) -> None:
    assert triples(code_sentence(coder, text, "2025-06-01")) == set(), rule


@pytest.mark.parametrize(("rule", "text", "expected"), STILL_EVENTS, ids=[r for r, _, _ in STILL_EVENTS])
def test_near_misses_stay_events(coder, rule: str, text: str, expected: tuple) -> None:
    found = {(s, t, c) for s, t, c, _ in triples(code_sentence(coder, text, "2025-06-01"))}
    if expected[1] == "*":  # the rule is about the act, not whom it reaches
        found = {(s, "*", c) for s, _, c in found}
    assert expected in found, (rule, found)


def test_a_subordinate_act_under_a_habitual_one_is_no_news_either(coder) -> None:
    text = "Armenia has long accused Azerbaijan of arming separatists."
    assert triples(code_sentence(coder, text, "2025-06-01")) == set()


def test_history_needs_a_year_on_the_acts_own_clause(coder) -> None:
    doc = coder.nlp("Libya offered to hand over two men suspected of a bombing in 1988.")
    offer = next(t for t in doc if t.lemma_ == "offer")
    assert not is_history(offer, dt.date(2025, 6, 1), coder.senses)
    doc = coder.nlp("In 1988, Libya handed over two men.")
    hand = next(t for t in doc if t.lemma_ == "hand")
    assert is_history(hand, dt.date(2025, 6, 1), coder.senses)
    assert not is_history(hand, dt.date(1989, 6, 1), coder.senses)  # a report of the next year: news


def test_a_bad_senses_file_fails_with_its_name(tmp_path: Path) -> None:
    bad = tmp_path / "senses.yaml"
    bad.write_text("version: 1\nsource: x\nnonpolitical_doers: [bowler]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="senses"):
        load_senses(bad)


# ---------------------------------------------------------------- sense restrictions in the pattern data
SENSE_PATTERNS = [
    # a speaker's attack, or an attack on a text or decision, is criticism; troops' attack stays force
    ("speaker-attack", "Chile's interior minister attacked the truckers' union over the blockades.",
     ("CHLGOV", "CHLLAB", "111")),
    # (a plan: a decision taken would also tell the expulsion, tests/test_coder_whole_reports3.py)
    ("speaker-attack", "Britain's foreign secretary attacked Moscow's plan to expel the diplomats.",
     ("GBRGOV", "RUS", "111")),
    ("text-attack", "Ghana's opposition attacked the government's budget.", ("GHAOPP", "GHAGOV", "111")),
    ("record-attack", "Amnesty attacked Ethiopia's human rights record.", ("NGOAMN", "ETH", "111")),
    ("troops-attack", "Government troops attacked the rebels near Kidal.", ("MLIMIL", "MLIREB", "190")),
    ("speaker-fire-back", "Peru's defence minister fired back at critics of the emergency decree.",
     ("PERGOV", "PEROPP", "111")),
    ("soldiers-fire-back", "Colombian soldiers fired back at the guerrillas from a ridge.",
     ("COLMIL", "COLREB", "190")),
    # a labour strike is staged, held, called; an air strike is staged too but names the air
    ("labour-strike", "Bolivian miners staged a strike against the new mining law.", ("BOLLAB", "BOLGOV", "143")),
    ("labour-strike", "Nurses in Malawi staged a strike over unpaid allowances.", ("MWIHLH", "MWIGOV", "143")),
    ("labour-strike", "Bus drivers in Lisbon began a 24-hour strike.", ("PRTLAB", "PRTGOV", "143")),
    ("air-strike", "Jordan staged air strikes on drug smugglers' hideouts in southern Syria.", ("JOR", "SYRCRM", "195")),
    # the weapon that hits says the code; opening fire is small arms
    ("open-fire", "Bolivian police opened fire on the marchers.", ("BOLCOP", "BOLOPP", "193")),
    ("aircraft", "Nigerian jets struck a Boko Haram camp near Lake Chad.", ("NGAMIL", "NGAREB", "195")),
    # (an armed group attacking a village as a whole fights, 190: governors.yaml armed_target_nouns)
    ("fighters-are-people", "Wagner fighters attacked a village in central Mali.", ("RUSUAFREB", "MLI", "190")),
    ("drone", "Ukrainian drones hit an oil depot in Bryansk.", ("UKRMIL", "RUS", "1952")),
    ("bomb", "A roadside bomb went off near an army convoy in Balochistan.", ("PAKUAF", "PAKMIL", "183")),
    ("car-bomb", "A car bomb exploded near a police checkpoint in Kirkuk, killing three officers.",
     ("IRQUAF", "IRQCOP", "1832")),
    ("suicide-bomber-kills", "A suicide bomber killed nine police recruits in Quetta.", ("PAKUAF", "PAKCOP", "1831")),
    ("car-bomb-wounds", "A car bomb wounded 20 people outside a ministry in Baghdad.", ("IRQUAF", "IRQCVL", "1832")),
    ("roadside-bomb-kills", "A roadside bomb killed four Nigerien soldiers near Tillaberi.", ("NERUAF", "NERMIL", "1833")),
    # blame for an attack is an accusation of aggression
    ("blame-aggression", "Niger blamed Mali for an attack on its border post.", ("NER", "MLI", "1123")),
    # what is pledged says the aid
    ("pledge-money", "Kuwait pledged $500 million to rebuild schools in Sudan.", ("KWT", "*", "0331")),
    ("pledge-arms", "Norway pledged artillery ammunition to Ukraine.", ("NOR", "UKR", "0332")),
    ("pledge-relief", "Japan promised humanitarian aid to earthquake survivors in Myanmar.", ("JPN", "MMR", "0333")),
    ("pledge-aid", "Japan pledged aid to Nepal.", ("JPN", "NPL", "033")),
    # received arms or aid are the giver's act; a received visitor is hosted
    ("receive-arms", "Serbia received six fighter jets from Russia.", ("RUS", "SRB", "072")),
    ("receive-aid", "Armenia received a $200 million loan from the Asian Development Bank.", ("IGOADB", "ARM", "070")),
    ("receive-visitor", "Egypt received the Sudanese foreign minister in Cairo on Sunday.", ("EGY", "SDNGOV", "043")),
    # what is banned says the restriction: a party 1722, gatherings 1721, another country's goods 163
    ("ban-party", "Cambodia banned the main opposition party before the vote.", ("KHM", "KHMOPP", "1722")),
    ("ban-gathering", "Police in Kampala banned all opposition rallies.", ("UGACOP", "UGAOPP", "1721")),
    ("ban-goods", "China imposed a ban on Australian coal.", ("CHN", "AUS", "163")),
    ("ban-other", "Kenya imposed a ban on logging in state forests.", ("KEN", "KEN", "172")),
    ("lift-ban-party", "Tunisia lifted the ban on the opposition party.", ("TUN", "TUNOPP", "0812")),
    ("lift-ban-gathering", "Sri Lanka lifted the ban on public gatherings.", ("LKA", "LKA", "0811")),
    # calling a counterpart is a phone call
    ("call-counterpart", "Kenya's foreign minister called her Ugandan counterpart on Sunday.", ("KENGOV", "UGA", "041")),
]


@pytest.mark.parametrize(("rule", "text", "expected"), SENSE_PATTERNS, ids=[f"{r}-{i}" for i, (r, _, _) in
                                                                          enumerate(SENSE_PATTERNS)])
def test_a_verbs_sense_follows_its_doer_and_object(coder, rule: str, text: str, expected: tuple) -> None:
    found = {(s, t, c) for s, t, c, _ in triples(code_sentence(coder, text, "2025-06-01"))}
    if expected[1] == "*":
        found = {(s, "*", c) for s, _, c in found}
    assert found == {expected}, rule


@pytest.mark.parametrize("text", [
    "The gas cylinder exploded in a restaurant in Lagos.",
    "A transformer exploded at a substation in Karachi.",
    "A passenger plane hit a flock of birds over Mumbai.",
])
def test_accidents_are_no_bombing_or_air_strike(coder, text: str) -> None:
    assert not {c for _, _, c, _ in triples(code_sentence(coder, text, "2025-06-01"))} & {"183", "1832", "195"}


@pytest.mark.parametrize(("text", "expected"), [
    # an announced visit or hosting keeps its own code (042/043 planned); other governors treat it as a meeting
    ("The Saudi crown prince will visit Washington next month.", ("SAUGOV", "USA", "042", "planned")),
    ("Japan's prime minister will travel to Canberra next week for security talks.", ("JPNGOV", "AUS", "042", "planned")),
    ("Vietnam will host the Lao president next month.", ("VNM", "LAOGOV", "043", "planned")),
    ("Kenya refused to host the Sudanese delegation.", ("KEN", "SDNGOV", "125", "refused")),
    ("Egypt urged Israel to visit Cairo.", ("EGY", "ISR", "026", "requested")),
    ("Tehran will meet Washington's envoys next week.", ("IRN", "USAGOV", "036", "planned")),
])
def test_an_announced_visit_is_a_planned_visit(coder, text: str, expected: tuple) -> None:
    assert triples(code_sentence(coder, text, "2025-06-01")) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    # two states meeting in a third country meet at a third location (044); in one side's country they meet
    ("The presidents of Rwanda and Congo met in Luanda on Saturday.",
     {("RWAGOV", "COGGOV", "044", "asserted"), ("COGGOV", "RWAGOV", "044", "asserted")}),
    ("The foreign ministers of Serbia and Kosovo will meet in Brussels next week.",
     {("SRBGOV", "XKXGOV", "044", "planned"), ("XKXGOV", "SRBGOV", "044", "planned")}),
    ("India's prime minister met the Chinese president in Beijing.", {("INDGOV", "CHNGOV", "040", "asserted")}),
    ("Kenya's president met opposition leaders in Nairobi.", {("KENGOV", "KENOPP", "040", "asserted")}),
    # readiness to meet is an intent to meet, wherever
    ("Peru's foreign minister said Lima was ready to meet Chilean envoys in Quito.", {("PER", "CHLGOV", "036", "planned")}),
])
def test_a_meeting_in_a_third_country_is_044(coder, text: str, expected: set) -> None:
    assert triples(code_sentence(coder, text, "2025-06-01")) == expected
