"""Attribute forms of the fifth round of issue 12 (found on tests/data/attributes/wires_fifth), in our own
words: a name before any admin noun is a place ("in Intan Jaya regency", "in Arauca department"), a
town and its province that the tagger runs into one entity ("Trujillo, Colon department"), a province
spelt with a hyphen ("South-West region") that a shorter name inside it must not take, "citizens of X"
(whose, not where), a place in a relative clause that says near what ("who had crossed the border near
Kyzyl-Kiya"), "shot dead two constables and a shopkeeper", a toll after a semicolon, a date in a clause
that tells of a noun ("the truce agreed in May"), and gazetteer additions (Bambui, Bajaur, Papua's new
provinces). Each form has three or more sentences in other countries and tenses, and near-misses that must
not fire.
"""

from __future__ import annotations

import datetime as dt

import pytest

from brinkwatch.evaluate.attributes import km
from brinkwatch.extract.places import find_place_mentions
from test_attr_fixtures import shared_gazetteer, shared_nlp
from test_attr_fourth_forms import attributes, place, tolls

D = dt.date
PUB = D(2025, 10, 16)  # a Thursday


def near(found, lat: float, lon: float, within: float = 25.0) -> bool:
    return found is not None and found.lat is not None and km(found.lat, found.lon, lat, lon) <= within


# ------------------------------------------------------------------------------- admin nouns are place nouns
@pytest.mark.parametrize(
    ("text", "trigger", "country", "lat", "lon"),
    [
        ("Separatist rebels shot dead two construction workers in Intan Jaya regency on Tuesday.", "shot",
         "IDN", -3.41, 136.71),
        ("Rebels killed four gold miners in Yahukimo regency, Highland Papua, last week.", "killed",
         "IDN", -4.60, 139.58),
        ("Troops clashed with guerrillas in Arauca department on Friday.", "clashed", "COL", 6.5, -71.0),
        ("Police detained six men in Yahukimo regency on Monday.", "detained", "IDN", -4.60, 139.58),
    ],
)
def test_a_name_before_an_admin_noun_is_a_place(text, trigger, country, lat, lon) -> None:
    found = place(text, trigger, PUB)
    assert found is not None and found.country == country, found
    assert near(found, lat, lon, 150), found


def test_a_capital_naming_its_government_is_still_no_place() -> None:
    # near-miss: "the Moscow government" is an actor, not where the expulsion happened
    found = attributes("The Moscow government expelled two Estonian diplomats on Monday.", "expelled", PUB).place
    assert found is None or found.name != "Moscow", found


# ------------------------------------------------------------------ a town and its province in one entity
@pytest.mark.parametrize(
    ("text", "trigger", "country", "lat", "lon"),
    [
        ("TEGUCIGALPA, Sept 23 (CW) - Gunmen shot dead five members of a farming cooperative in Trujillo, "
         "Colon department, on Monday, police said.", "shot", "HND", 15.92, -85.95),
        ("Soldiers killed two guerrillas near Tame, Arauca department, on Friday.", "killed", "COL", 6.46, -71.74),
        ("Police arrested four men in Kulob (Khatlon) last week.", "arrested", "TJK", 37.91, 69.78),
        ("Gunmen attacked a bus in Trujillo, Colon department, late on Sunday.", "attacked", "HND", 15.92, -85.95),
    ],
)
def test_a_town_and_its_province_run_together(text, trigger, country, lat, lon) -> None:
    found = place(text, trigger, PUB)
    assert found is not None and found.country == country, found
    assert near(found, lat, lon), found


def test_a_firm_with_commas_in_its_name_is_no_place() -> None:
    found = attributes("Regulators fined Smith, Jones and Partners on Monday.", "fined", PUB).place
    assert found is None, found


# ---------------------------------------------------------- a hyphenated province holds the names inside it
@pytest.mark.parametrize(
    "text",
    [
        "On 9 December 2025, in Kumba, South-West region, separatists attacked a secondary school.",
        "Soldiers burned homes in Mamfe, South-West region, on Friday.",
        "A curfew was imposed in Buea, South-West region, after the attack.",
    ],
)
def test_a_hyphenated_province_is_not_its_first_word(text) -> None:
    doc = shared_nlp()(text)
    mentions = find_place_mentions(doc, shared_gazetteer())
    countries = {c.country for m in mentions for c in m.candidates}
    assert "CMR" in countries and "IND" not in countries, [(m.text, m.candidates[:2]) for m in mentions]
    assert any(m.text.startswith("South-West") for m in mentions), [m.text for m in mentions]


# ------------------------------------------------------------------------------ citizens of X: whose, not where
@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Kyrgyz border guards detained three citizens of Tajikistan near Kyzyl-Kiya on Wednesday.", "detained",
         "KGZ"),
        ("Turkish police arrested 12 nationals of Afghanistan in Van on Sunday.", "arrested", "TUR"),
        ("Police in Johannesburg detained 30 citizens of Zimbabwe on Tuesday.", "detained", "ZAF"),
    ],
)
def test_citizens_of_a_country_are_not_where_it_happened(text, trigger, country) -> None:
    found = place(text, trigger, PUB)
    assert found is not None and found.country == country, found


def test_residents_of_a_town_still_place_the_event() -> None:
    # near-miss: "residents of Gao" are where they live, and that is where they were killed
    found = place("Gunmen killed five residents of Gao on Monday.", "killed", PUB)
    assert found is not None and found.country == "MLI", found


# ------------------------------------------------------------ a relative clause that says near what it was
@pytest.mark.parametrize(
    ("text", "trigger", "country", "lat", "lon"),
    [
        ("Kyrgyz border guards detained three citizens of Tajikistan who had crossed the state border illegally "
         "near Kyzyl-Kiya (Batken region).", "detained", "KGZ", 40.26, 72.13),
        ("Border guards detained four smugglers who had crossed the river near Termez.", "detained", "UZB",
         37.22, 67.28),
        ("Soldiers captured two fighters who were hiding outside Kidal on Friday.", "captured", "MLI", 18.44, 1.41),
        # a gerund after the participle's preposition: "accused of collaborating ... on the outskirts of X"
        ("Army soldiers detained 25 men accused of collaborating with the paramilitary force on the outskirts of "
         "Omdurman.", "detained", "SDN", 15.64, 32.48),
        ("Police arrested four men suspected of smuggling weapons near Kassala on Monday.", "arrested", "SDN",
         15.45, 36.40),
    ],
)
def test_a_place_near_which_the_victims_were(text, trigger, country, lat, lon) -> None:
    found = place(text, trigger, PUB)
    assert found is not None and found.country == country, found
    assert near(found, lat, lon), found


@pytest.mark.parametrize(
    ("text", "trigger", "not_country"),
    [
        ("Police arrested a man who had fought in Syria.", "arrested", "SYR"),
        ("Prosecutors charged two women who had lived in Lagos for years.", "charged", "NGA"),
    ],
)
def test_a_relative_clause_in_the_past_does_not_place_the_act(text, trigger, not_country) -> None:
    found = attributes(text, trigger, PUB).place
    assert found is None or found.country != not_country, found


# ---------------------------------------------------------------- "shot dead two X and a Y": the lone party
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("On 6 May 2025, in Mingora town, Swat district, militants shot dead two police constables and a "
         "shopkeeper at a checkpoint.", "shot", {"killed": 3}),
        ("Gunmen shot dead three farmers and a herder outside Jos on Friday.", "shot", {"killed": 4}),
        ("Bandits shot dead four traders and a driver on the Kaduna highway.", "shot", {"killed": 5}),
        # near-miss: a modifier after the count is that party's own, not the act
        ("Soldiers arrested two wounded fighters and a driver.", "arrested", {"arrested": 3}),
    ],
)
def test_a_lone_party_listed_after_shot_dead(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# ------------------------------------------------------------------------------ a toll after a semicolon
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Government forces clashed with a rival militia overnight in Tripoli's southern suburbs; the health "
         "ministry said the death toll had risen to 11, with more than 40 people injured.", "clashed",
         {"killed": 11, "injured": 40}),
        ("Rebels stormed an army post near Goma on Sunday; the army said 14 soldiers were killed.", "stormed",
         {"killed": 14}),
        ("Insurgents ambushed a convoy near Tillaberi; officials said the death toll had risen to 17.", "ambushed",
         {"killed": 17}),
        # near-miss: the clause after the semicolon tells of an act of its own
        ("Troops shelled rebel positions near Kidal; separately, gunmen killed 5 herders in Gao.", "shelled", {}),
    ],
)
def test_a_toll_after_a_semicolon(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected


# ---------------------------------------------------------------- a date in a clause that tells of a noun
@pytest.mark.parametrize(
    ("text", "trigger", "date", "precision"),
    [
        ("The UN mission urged all sides to respect the truce agreed in May.", "urged", PUB, "publication"),
        ("Kenya's president praised the accord reached in March.", "praised", PUB, "publication"),
        ("The opposition rejected the peace deal signed in 2019.", "rejected", PUB, "publication"),
        # near-misses: a date of the act itself
        ("Rebels attacked the town in May.", "attacked", D(2025, 5, 1), "month"),
        ("Police arrested five men on Friday.", "arrested", D(2025, 10, 10), "day"),
    ],
)
def test_a_date_that_tells_of_a_noun_is_not_the_acts(text, trigger, date, precision) -> None:
    found = attributes(text, trigger, PUB)
    assert (found.date, found.date_precision) == (date, precision)


# ------------------------------------------------------------------------------------- gazetteer additions
@pytest.mark.parametrize(
    ("text", "trigger", "country", "lat", "lon"),
    [
        ("On 7 December 2025, in Bamenda (North-West region), separatist fighters killed two soldiers. Troops "
         "later shot dead three suspected separatists in Bambui, near the city.", "shot", "CMR", 6.01, 10.23),
        ("Separatists burned a school in Bambui, near Bamenda, on Friday.", "burned", "CMR", 6.01, 10.23),
        ("Security forces killed about a dozen militants in Bajaur district on Thursday.", "killed", "PAK",
         34.74, 71.52),
        ("Police arrested five men in Bajaur on Monday.", "arrested", "PAK", 34.74, 71.52),
    ],
)
def test_added_towns(text, trigger, country, lat, lon) -> None:
    found = place(text, trigger, PUB)
    assert found is not None and found.country == country, found
    assert near(found, lat, lon), found


@pytest.mark.parametrize("name", ["Central Papua", "Highland Papua", "South Papua", "Southwest Papua"])
def test_papua_provinces_by_their_english_names(name) -> None:
    found = shared_gazetteer().resolve(name)
    assert found is not None and found.country == "IDN", found


# ------------------------------------------------------------- "the government in X" says which, not where
@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        ("In Misrata, the city council said late on Wednesday that it was suspending all cooperation with the "
         "government in Tripoli.", "suspending", "Misratah"),  # the city (GeoNames spelling), not its province
        ("In Kandahar, tribal elders said they had cut all ties with the government in Kabul.", "cut", "Kandahār"),
        ("In Goma, the rebels announced that they were ending their truce with the authorities in Kinshasa.",
         "ending", "Goma"),
    ],
)
def test_the_government_in_a_capital_is_which_government(text, trigger, name) -> None:
    found = place(text, trigger, PUB)
    assert found is not None and found.name == name, found


@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        # near-misses: as the doer, or a site that belongs to the government, the town is where it happened
        ("The authorities in Tripoli arrested nine gunmen on Monday.", "arrested", "Tripoli"),
        ("Protesters stormed government offices in Basra on Monday.", "stormed", "Basrah"),  # the city, not its province
        ("Rebels attacked a government convoy in Tillaberi.", "attacked", "Tillabéri"),
    ],
)
def test_a_government_acting_or_its_site_is_still_placed(text, trigger, name) -> None:
    found = place(text, trigger, PUB)
    assert found is not None and found.name == name, found


# ----------------------------------------------- "X, Y province" where X is tied to the region Y lies in
@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        ("Jihadists killed 12 civilians outside Kaya, Sanmatenga province, on Saturday.", "killed", "Kaya"),
        ("Jihadists killed dozens of civilians digging trenches outside Barsalogho, Sanmatenga province, on "
         "Saturday.", "killed", "Barsalogho"),
        ("Gunmen killed 9 traders in Titao, Loroum province, on Monday.", "killed", "Titao"),
    ],
)
def test_a_town_in_a_province_of_its_region(text, trigger, name) -> None:
    found = place(text, trigger, PUB)
    assert found is not None and found.name == name, found


def test_a_town_is_not_put_in_a_province_of_another_region() -> None:
    # near-miss: Yagha is a province of the Sahel region, far from Kaya: the text's province stands
    found = place("Jihadists killed 12 civilians outside Kaya, Yagha province, on Saturday.", "killed", PUB)
    assert found is not None and found.name == "Yagha", found


@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        ("Fighting between soldiers and rebels near Kitchanga killed 2 soldiers and 7 militants.", "Fighting",
         "Kitchanga"),
        ("Rebels seized the mining town of Rubaya on Tuesday, residents said.", "seized", "Rubaya"),
        ("Militants attacked a police station in Mir Ali, North Waziristan, overnight.", "attacked", "Mir Ali"),
        ("Gunmen killed 42 people in Yelwata, Benue state, on Friday night, police said.", "killed", "Yelwata"),
    ],
)
def test_more_conflict_towns(text, trigger, name) -> None:
    found = place(text, trigger, PUB)
    assert found is not None and found.name == name, found


# ------------------------------------ a namesake in a country the sentence names elsewhere beats a bigger one
@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Troops killed four guerrillas in rural Cordoba, north of Medellin, on Monday.", "killed", "COL"),
        ("Police arrested 12 gang members in Trujillo and Valera on Monday.", "arrested", "VEN"),
        ("Rebels attacked Trujillo, south of Valera, on Monday, officials said.", "attacked", "VEN"),
        ("Rebels attacked a military post in Beni territory, North Kivu province, killing 3 soldiers.", "attacked",
         "COD"),
        # near-misses: with nothing else in the sentence, the bigger namesake stands
        ("Police arrested six men in Cordoba on Monday after a bank robbery.", "arrested", "ARG"),
        ("Gunmen killed five people in Trujillo on Monday.", "killed", "PER"),
    ],
)
def test_a_namesake_in_the_sentences_country(text, trigger, country) -> None:
    found = place(text, trigger, PUB)
    assert found is not None and found.country == country, found


# ------------------------------------------------- a province name the tagger reads as a verb ("Sagaing region")
@pytest.mark.parametrize(
    "text",
    [
        "Junta aircraft bombed a school in Tabayin township, Sagaing region, killing 20 students.",
        "Junta jets bombed a monastery in Yinmabin township, Sagaing region, on Sunday.",
        "Soldiers burned a village in Pale township, Sagaing region, on Friday.",
    ],
)
def test_a_town_the_gazetteer_lacks_is_put_in_its_region(text) -> None:
    found = place(text, text.split()[2], PUB)
    assert found is not None and found.country == "MMR", found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # near-misses: a plain word before a province noun names no province of its own
        ("Soldiers killed 4 rebels in the Northern region on Monday.", "killed"),
        ("Gunmen killed 3 farmers in the Central province on Monday.", "killed"),
    ],
)
def test_a_plain_word_before_a_province_noun_is_no_place(text, trigger) -> None:
    assert attributes(text, trigger, PUB).place is None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Security forces killed seven militants in an operation in the Tirah valley of Khyber district on Monday.",
         "killed"),
        ("Militants attacked a checkpoint in Tirah on Sunday.", "attacked"),
        ("Police arrested 9 men in Khyber district on Monday.", "arrested"),
    ],
)
def test_tirah_and_khyber_are_in_pakistan(text, trigger) -> None:
    found = place(text, trigger, PUB)
    assert found is not None and found.country == "PAK", found


@pytest.mark.parametrize(
    ("text", "trigger", "lat", "lon"),
    [
        ("Chinese coast guard ships fired water cannon at a Philippine vessel near Second Thomas Shoal on Monday.",
         "fired", 9.73, 115.87),
        ("A Chinese vessel rammed a Philippine coast guard ship at Sabina Shoal on Saturday, Manila said.", "rammed",
         9.75, 116.47),
        ("Chinese ships blocked a resupply mission near Ayungin Shoal on Tuesday.", "blocked", 9.73, 115.87),
    ],
)
def test_spratly_shoals_are_placed_at_sea(text, trigger, lat, lon) -> None:
    found = place(text, trigger, PUB)
    assert found is not None and found.country is None and near(found, lat, lon), found
