"""The words extract/places.py reads (``extract/data/attr_places.yaml``, validated when loaded): which
prepositions introduce a place, which nouns name a place or a part of one, which verbs take a place as their
object, compass bearings and distance units. The sets are built here once, as places.py uses them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from brinkwatch.extract.dates import load_cue_file
from brinkwatch.geo.sources import ADMIN_NOUNS


class PlaceWords(BaseModel):
    """The words of ``extract/data/attr_places.yaml`` (see its comments for what each list is)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    source: str
    location_preps: list[str]
    relation_words: dict[str, str]
    where_preps: list[str]
    weak_preps: list[str]
    place_nouns: list[str]
    terrain: list[str]
    admin_nouns_not_places: list[str]
    more_admin_nouns: list[str]
    place_parts: list[str]
    compass: list[str]
    near_parts: list[str]
    site_nouns: list[str]
    motion_verbs: list[str]
    strike_verbs: list[str]
    site_suffixes: list[str]
    name_particles: list[str]
    not_province_words: list[str]
    district_words: list[str]
    town_words: list[str]
    people_adjectives: list[str]
    governments: list[str]
    residents: list[str]
    nationality_nouns: list[str]
    near_preps: list[str]
    seats_of_state: list[str]
    acts_on_a_country: list[str]
    aimed_preps: list[str]
    bearings: dict[str, float]
    distance_units_km: dict[str, float] = Field(min_length=1)
    road_nouns: list[str] = Field(default_factory=list)
    travel_words: list[str] = Field(default_factory=list)
    settlement_nouns: list[str]
    other_capitals: list[str]
    capital_preps: list[str]
    whither_preps: list[str]
    travel_nouns: list[str]
    naming_verbs: list[str]
    under_way_preps: list[str]
    journey_nouns: list[str]
    cause_nouns: list[str]
    plural_areas: list[str]
    landmark_words: list[str]
    of_a_place: list[str]


_WORDS = load_cue_file("attr_places.yaml", PlaceWords)
_LOCATION_PREPS = set(_WORDS.location_preps)
_RELATION_WORDS = dict(_WORDS.relation_words)
# prepositions that say where something happened (not whence or whither)
_WHERE_PREPS = frozenset(_WORDS.where_preps)
# "in Iraq" says where; "from Iraq" or "to Iraq" says where from/to, a weaker claim on the event's place.
_WEAK_PREPS = set(_WORDS.weak_preps)
# Nouns whose "of X" names a place: "the city of Najaf", "the central square of Kharkiv".
_PLACE_NOUNS = set(_WORDS.place_nouns)
# The land around a town: "the hills of Marawi", "the forests outside Beni" put the event near the town.
_TERRAIN = set(_WORDS.terrain)
_PLACE_NOUNS |= _TERRAIN
# Every admin noun is a place noun: "in Colon department", "in Intan Jaya regency" put the name in a
# place, never in an actor's compound ("Tehran government").
_PLACE_NOUNS |= set(ADMIN_NOUNS) - set(_WORDS.admin_nouns_not_places) | set(_WORDS.more_admin_nouns)
# Parts of a town named by its possessive: "Beirut's southern suburbs", "Gaza's northern edge".
_PLACE_PARTS = set(_WORDS.place_parts)
_COMPASS = frozenset(_WORDS.compass)
# Parts that put the event near the place rather than in it: "on the outskirts of Aleppo".
_NEAR_PARTS = set(_WORDS.near_parts) | _TERRAIN
# Nouns for sites named after their place: "its Natanz plant", "the Punggye-ri test site".
_SITE_NOUNS = set(_WORDS.site_nouns)
# Verbs whose direct object is a place even when it is a country: "fled Ukraine", "leave Iraq".
_MOTION_VERBS = set(_WORDS.motion_verbs)
# Verbs whose object is often a town the tagger leaves untagged: "shelled Huliaipole", "retook Pokrovsk".
# (Only for finding the name: whether a country as their object is a place or a target is _is_actor's call.)
_STRIKE_VERBS = set(_WORDS.strike_verbs)
_SUFFIXES = tuple(_WORDS.site_suffixes)
# lower-case words inside place names: "Los Lagos", "Bandar-e Abbas", "Dera Ismail Khan", "Ras al Ain"
_NAME_PARTICLES = frozenset(_WORDS.name_particles)
# What a word after a name says it is: "Helmand province", "Chora district", "Mingajik city".
# ("territory" is a district: Congo's "Beni territory" is the town's, not Bolivia's Beni department)
_PROVINCE_WORDS = frozenset(ADMIN_NOUNS) - set(_WORDS.not_province_words)
_DISTRICT_WORDS = frozenset(_WORDS.district_words)
_TOWN_WORDS = frozenset(_WORDS.town_words)
# Adjectives before a town noun that name its people or faith, not the town ("an Arab village"); only those
# the gazetteer also holds as a place name matter.
_PEOPLE_ADJECTIVES = frozenset(_WORDS.people_adjectives)
# Governing bodies whose "in X" says which one they are ("the government in Tripoli"); as the doer they are
# where they act ("the authorities in Tripoli arrested ...").
_GOVERNMENTS = frozenset(_WORDS.governments)
# People whose "of X" says where they live, and so where what befell them at home happened.
_RESIDENTS = frozenset(_WORDS.residents)
# Nouns whose "of X" says whose people they are, not where they were.
_NATIONALITY_NOUNS = frozenset(_WORDS.nationality_nouns)
_NEAR_PREPS = frozenset(_WORDS.near_preps)
_BEARINGS = dict(_WORDS.bearings)
_UNITS_KM = dict(_WORDS.distance_units_km)
# Institutions a country's possessive puts in its capital: "Georgia's parliament", "Sudan's presidential palace".
_SEATS_OF_STATE = frozenset(_WORDS.seats_of_state)
# Acts that happen in the country they are aimed at: "struck Iran", "fired rockets at Israel", "invaded Ukraine".
_ACTS_ON_A_COUNTRY = set(_WORDS.acts_on_a_country)
_AIMED_PREPS = set(_WORDS.aimed_preps)
_ROAD_NOUNS = frozenset(_WORDS.road_nouns)
_TRAVEL_WORDS = frozenset(_WORDS.travel_words)
