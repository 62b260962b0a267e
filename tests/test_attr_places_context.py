"""Event places read in their context: the province or country named beside a place, the noun that says
what kind of place it is, possessives and parts of a town, borders, and small towns abroad. Sentences are
our own."""

from __future__ import annotations

import datetime as dt

import pytest

from test_attr_fixtures import event_place


def place(text: str, trigger: str):
    return event_place(text, trigger, dt.date(2021, 5, 10))


def near(p, lat: float, lon: float, km: float = 25.0) -> bool:
    return p is not None and p.lat is not None and abs(p.lat - lat) * 111 < km and abs(p.lon - lon) * 90 < km


@pytest.mark.parametrize(
    ("text", "trigger", "country", "lat", "lon"),
    [
        # "X, Province": the town of that name inside the province
        ("On 6 May 2020, militants attacked a checkpoint in Mingajik city, Jowzjan.", "attacked", "AFG", 37.03, 66.13),
        ("On 12 June 2021, gunmen shot dead two farmers in Los Angeles, Biobio.", "shot", "CHL", -37.47, -72.35),
        ("Dockworkers blocked the port in San Antonio (Valparaiso) on Friday.", "blocked", "CHL", -33.59, -71.61),
        ("Police arrested 14 students in Puerto Montt, Los Lagos.", "arrested", "CHL", -41.47, -72.94),
        ("Gunmen raided a market in Gusau, the capital of Zamfara state.", "raided", "NGA", 12.16, 6.66),
        # "X, Country"
        ("Protesters marched in Tripoli, Lebanon, on Sunday.", "marched", "LBN", 34.44, 35.85),
        ("A car bomb exploded in Paris, Texas.", "exploded", "USA", 33.66, -95.56),
        # the town named with the country, not the country: "In Colombia, ... near Tibu"
        ("In Colombia, guerrillas ambushed a patrol near Tibu, the army said.", "ambushed", "COL", 8.64, -72.73),
        ("In Nigeria, gunmen raided a seminary in Gusau on Sunday.", "raided", "NGA", 12.16, 6.66),
    ],
)
def test_a_place_resolves_inside_the_area_named_beside_it(text, trigger, country, lat, lon) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country and near(p, lat, lon), p


@pytest.mark.parametrize(
    ("text", "trigger", "country", "precision"),
    [
        # no town of the name in the province: the province, never the namesake abroad
        ("Taliban fighters clashed with soldiers in Chora district, Urozgan.", "clashed", "AFG", "admin1"),
        ("Troops shelled villages in Kalo district, Uruzgan province.", "shelled", "AFG", "admin1"),
        # a province named alone is the province
        ("Farmers protested in Los Lagos on Friday.", "protested", "CHL", "admin1"),
        ("Bandits kidnapped 20 villagers in Zamfara on Sunday.", "kidnapped", "NGA", "admin1"),
        ("The government extended a curfew in the Araucania and Biobio regions.", "extended", "CHL", "admin1"),
    ],
)
def test_inside_the_area_or_the_area_itself(text, trigger, country, precision) -> None:
    p = place(text, trigger)
    assert p is not None and (p.country, p.precision) == (country, precision), p


@pytest.mark.parametrize(
    ("text", "trigger", "country", "precision"),
    [
        ("Insurgents attacked a police post in Nad Ali district of Helmand province.", "attacked", "AFG", "admin2"),
        ("Airstrikes hit Taliban positions in Helmand province.", "hit", "AFG", "admin1"),
        ("Gunmen stormed a school in Kaduna state.", "stormed", "NGA", "admin1"),
        ("Rebels seized a police station in Kunduz city.", "seized", "AFG", "city"),
    ],
)
def test_the_noun_after_the_name_says_what_kind_of_place(text, trigger, country, precision) -> None:
    p = place(text, trigger)
    assert p is not None and (p.country, p.precision) == (country, precision), p


@pytest.mark.parametrize(
    ("text", "trigger", "name", "country", "relation"),
    [
        ("Israeli jets struck Beirut's southern suburbs on Tuesday.", "struck", "Beirut", "LBN", "at"),
        ("Drones hit Kharkiv's northern districts overnight.", "hit", "Kharkiv", "UKR", "at"),
        ("Thousands rallied outside Georgia's parliament on Monday.", "rallied", "Tbilisi", "GEO", "outside"),
        ("Rebels shelled villages on the outskirts of Aleppo.", "shelled", "Aleppo", "SYR", "near"),
        ("Troops dug trenches on the outskirts of Khartoum.", "dug", "Khartoum", "SDN", "near"),
    ],
)
def test_possessives_and_parts_of_a_town(text, trigger, name, country, relation) -> None:
    p = place(text, trigger)
    assert p is not None and (p.name, p.country, p.relation) == (name, country, relation), p


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Syrian troops shelled Idlib. Fighting also erupted near the border with Turkey.", "erupted", "SYR"),
        ("Afghan forces raided a camp in Kunar. Clashes broke out near the border with Pakistan.", "broke", "AFG"),
        ("Police patrolled the streets of Yerevan. Shots were fired near the border with Azerbaijan.", "fired", "ARM"),
    ],
)
def test_near_the_border_with_a_country_is_on_this_side(text, trigger, country) -> None:
    p = place(text, trigger)
    assert p is not None and (p.country, p.relation) == (country, "near"), p


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # actors, not places
        ("Iraq's parliament voted to expel foreign troops.", "voted"),
        ("Lagos said it would send more police officers.", "send"),
        # a village namesake in a country the text never names is no place
        ("The minister met Mingajik elders on Tuesday.", "met"),
    ],
)
def test_near_misses(text: str, trigger: str) -> None:
    assert place(text, trigger) is None


@pytest.mark.parametrize(
    ("text", "trigger", "country", "lat", "lon"),
    [
        ("On 14 March 2023, militants attacked a post in Djibo, Soum province. The assailants also burned two "
         "vehicles.", "burned", "BFA", 14.10, -1.63),
        ("On 2 June 2022, soldiers raided a market near Gao. They detained 12 traders.", "detained", "MLI", 16.27,
         -0.04),
        ("On 5 July 2021, police dispersed a rally in Kano. Officers later arrested several organisers.", "arrested",
         "NGA", 12.00, 8.52),
    ],
)
def test_a_notes_later_sentences_happen_where_the_note_does(text, trigger, country, lat, lon) -> None:
    p = place(text, trigger)
    assert p is not None and p.country == country and near(p, lat, lon), p


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # no opening date: not a note, and a sentence that names no place has none
        ("Militants attacked a post in Djibo. The assailants also burned two vehicles.", "burned"),
        # a blog's dated entries name many places: the entry's first place is not every event's
        ("(May 9)\nTroops entered Mandalay.\nThey detained the mayor.", "detained"),
        # a new note is a new place
        ("On 2 June 2022, soldiers raided a market near Gao.\nOn 3 June 2022, they detained 12 traders.", "detained"),
    ],
)
def test_places_that_do_not_carry(text: str, trigger: str) -> None:
    assert place(text, trigger) is None
