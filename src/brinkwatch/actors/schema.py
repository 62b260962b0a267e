"""Pydantic schemas for the actor knowledge files (countries, sectors, organisations, people, discard).

Every YAML file under ``actors/data/`` and every user actor file is validated by these models when it is
loaded, so a bad entry fails with a numbered, readable ``DataFileError`` naming the file and the entry.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

CODE_RE = re.compile(r"^(?:[A-Z]{3}|---)(?:[A-Z]{3})*(?:[a-z]{3})?$")
"""An actor code: a 3-letter prefix (or ``---``) then 3-letter sector/group codes (``PSEREBHMS``).

A trailing lower-case triple is accepted because the PLOVER gold set writes ethnic/religious sub-codes
that way (``CVLalb``)."""

COUNTRY_RE = re.compile(r"^[A-Z]{3}$")


class _Strict(BaseModel):
    # defer_build: the validators are built when a file is first validated, not at import; a run that reads
    # the knowledge from its cache (brinkwatch.cache) never validates and never builds them (~20 ms)
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


def _check_code(value: str) -> str:
    if not CODE_RE.match(value):
        raise ValueError(f"actor code {value!r} must be a 3-letter prefix followed by 3-letter codes")
    return value


def _clean_names(values: list[str]) -> list[str]:
    cleaned = [" ".join(value.split()) for value in values]
    if any(not value for value in cleaned):
        raise ValueError("names must not be empty")
    return cleaned


def _check_country(value: str) -> str:
    if not COUNTRY_RE.match(value):
        raise ValueError(f"country code {value!r} must be three capital letters")
    return value


ActorCode = Annotated[str, AfterValidator(_check_code)]
CountryCode = Annotated[str, AfterValidator(_check_country)]
Names = Annotated[list[str], AfterValidator(_clean_names)]


class Role(_Strict):
    """A dated code: the code applies on ``from_`` <= day < ``to`` (``to`` None = still holds)."""

    code: ActorCode
    title: str | None = None
    from_: dt.date | None = Field(default=None, alias="from")
    to: dt.date | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)

    @model_validator(mode="after")
    def _ordered(self) -> Role:
        if self.from_ and self.to and self.to < self.from_:
            raise ValueError(f"role {self.code} ends ({self.to}) before it starts ({self.from_})")
        return self

    def covers(self, when: dt.date) -> bool:
        return (self.from_ is None or self.from_ <= when) and (self.to is None or when < self.to)


class FormerState(_Strict):
    """The state a country was part of until ``to`` (South Sudan: SDN until 2011-07-09)."""

    code: CountryCode
    to: dt.date


class CountryEntry(_Strict):
    code: CountryCode
    name: str
    names: Names
    adjectives: Names = []
    people: Names = []
    capitals: Names = []
    cameo_codes: list[str] = []
    formerly: list[FormerState] = []
    # a short name another country owns by default ("Congo" is COG's): the second reading, which the
    # document's other names can select (Kinshasa, Goma, M23 -> COD)
    also_called: Names = []


class SeatEntry(_Strict):
    """A seat of power used as a metonym ("the Kremlin" -> RUSGOV). ``shared``: a name other states' bodies
    bear too ("Congress" is Peru's, Colombia's, the Philippines' ...): under a dateline of one other country the
    bare name is that country's body."""

    name: str
    code: ActorCode
    shared: bool = False


class CountriesFile(_Strict):
    version: int
    source: str
    countries: list[CountryEntry] = []
    seats: list[SeatEntry] = []


class SectorEntry(_Strict):
    code: str
    label: str
    nouns: list[str] = []
    titles: list[str] = []
    name_words: list[str] = []  # words inside organisation names ("Liberation Front" -> REB)

    @field_validator("code")
    @classmethod
    def _three(cls, value: str) -> str:
        if not COUNTRY_RE.match(value):
            raise ValueError(f"sector code {value!r} must be three capital letters")
        return value


class SectorsFile(_Strict):
    version: int
    source: str
    sectors: list[SectorEntry]
    person_nouns: list[
        str
    ] = []  # people-denoting heads that take their modifier's sector ("opposition candidates")
    held_people: list[str] = []  # people held or harmed, who lend their nationality to "the families of ..."
    member_nouns: list[str] = []  # staff nouns that are the body of their "of" phrase ("agents of the X office")
    opponent_nouns: list[str] = []  # "opponents of the government": the opposition of the state the "of" names
    follower_nouns: list[str] = []  # a person's own side: "his supporters" are the side of the man "his" names


class OrganizationEntry(_Strict):
    id: str
    names: Names
    code: ActorCode
    country: str | None = None
    sector: str | None = None
    roles: list[Role] = []


class OrganizationsFile(_Strict):
    version: int
    source: str
    organizations: list[OrganizationEntry]


class PersonEntry(_Strict):
    id: str
    names: Names
    country: str | None = None
    default_code: str | None = None
    roles: list[Role] = []

    @field_validator("default_code")
    @classmethod
    def _default(cls, value: str | None) -> str | None:
        return None if value is None else _check_code(value)


class PeopleFile(_Strict):
    version: int
    source: str
    people: list[PersonEntry]


class SimpleActor(_Strict):
    """A user's plain ``{names, code}`` entry (top-level key ``actors``)."""

    names: Names
    code: ActorCode
    id: str | None = None
    roles: list[Role] = []


class UserFile(_Strict):
    """A user YAML file: any of the four collections (at least one)."""

    version: int = 1
    source: str = "user file"
    countries: list[CountryEntry] = []
    seats: list[SeatEntry] = []
    organizations: list[OrganizationEntry] = []
    people: list[PersonEntry] = []
    actors: list[SimpleActor] = []

    @model_validator(mode="after")
    def _not_empty(self) -> UserFile:
        if not (self.countries or self.seats or self.organizations or self.people or self.actors):
            raise ValueError("no 'countries', 'organizations', 'people' or 'actors' entries found")
        return self


class DiscardFile(_Strict):
    version: int
    source: str
    phrases: list[str] = []
    score_verbs: list[str] = []
    teams: list[str] = []
    story_phrases: list[str] = []  # upstream story-level discards: kept for reference, not loaded


def _one_word_each(values: list[str]) -> list[str]:
    if any(not value or value != value.strip().lower() or " " in value for value in values):
        raise ValueError("words must be single lower-case words")
    return values


def _lower_phrases(values: list[str]) -> list[str]:
    cleaned = [" ".join(value.split()) for value in values]
    if any(not value or value != value.lower() for value in cleaned):
        raise ValueError("phrases must be non-empty and lower-case")
    return cleaned


Words = Annotated[list[str], AfterValidator(_one_word_each)]


class PhraseWordsFile(_Strict):
    """``phrase_words.yaml``: the nouns and hyphen suffixes that say whom a phrase refers to."""

    version: int
    source: str
    group_nouns: Words = Field(min_length=1)
    island_nouns: Words = Field(min_length=1)
    subnational_titles: Words = []
    name_type_words: Words = []
    leader_suffixes: Words = Field(min_length=1)
    proxy_suffixes: Words = Field(min_length=1)
    user_participles: Words = Field(default_factory=list)
    igo_head_nouns: Annotated[list[str], AfterValidator(_lower_phrases)] = Field(min_length=1)
    crowd_numbers: Words = Field(min_length=1)
    crowd_verbs: Annotated[list[str], AfterValidator(_lower_phrases)] = Field(min_length=1)
    home_modifiers: Words = Field(min_length=1)
    home_nouns: Words = Field(min_length=1)
    vessel_nouns: Words = Field(min_length=1)
    language_nouns: Words = []
    body_nouns: Words = []
    subnational_modifiers: Words = []
    region_nouns: Words = []
    body_epithets: Words = []


class AgentEntry(_Strict):
    """An agent noun of the Phoenix agents dictionary ("rioter" -> OPP) with its upstream code."""

    noun: str
    code: str
    sector: str

    @field_validator("sector")
    @classmethod
    def _three(cls, value: str) -> str:
        return _check_country(value)


class AgentsFile(_Strict):
    version: int
    source: str
    agents: list[AgentEntry]


class RegionEntry(_Strict):
    """A sub-national region or a people: its place names, adjectives and people nouns, and its state(s)."""

    name: str
    names: Names = []
    adjectives: Names = []
    people: Names = []
    countries: list[str]

    @field_validator("countries")
    @classmethod
    def _iso3_list(cls, value: list[str]) -> list[str]:
        bad = [code for code in value if not COUNTRY_RE.match(code)]
        if bad or not value:
            raise ValueError(f"countries must be one or more three-letter codes, not {value!r}")
        return value


class RegionsFile(_Strict):
    version: int
    source: str
    regions: list[RegionEntry] = []
    ethnic_peoples: Names = []  # demonyms that also name an ethnic group coded by its state of residence


class CitiesFile(_Strict):
    """Cities by country (ISO3 -> names): a city names its country when it is tagged as a place."""

    version: int
    source: str
    countries: dict[str, Names]

    @field_validator("countries")
    @classmethod
    def _iso3_keys(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        bad = [code for code in value if not COUNTRY_RE.match(code)]
        if bad:
            raise ValueError(f"city table keys must be three-letter country codes: {bad}")
        return value
