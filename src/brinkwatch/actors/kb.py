"""The actor knowledge base: countries, seats of power, regions, cities, organisations, people and sectors.

``ActorKB.load`` reads the shipped YAML files under ``actors/data/`` plus any user files (YAML in the same
schemas, or PETRARCH/TABARI ``.txt`` dictionaries), validates them, and builds every lookup table once:
dicts keyed by tuples of normalised word pieces, so the resolver never scans with regular expressions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from brinkwatch import cache
from brinkwatch.actors.schema import (
    AgentsFile,
    CitiesFile,
    CountriesFile,
    DiscardFile,
    OrganizationsFile,
    PeopleFile,
    PhraseWordsFile,
    RegionsFile,
    Role,
    SectorsFile,
    UserFile,
)
from brinkwatch.actors.tabari import read_tabari
from brinkwatch.errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"

_PIECE = re.compile(r"\w+|[^\w\s]")
_DROPPED_PIECES = frozenset({"."})  # "U.S." and "U.S" are the same name
_ACRONYM_MAX = 5  # all-capital aliases up to this length match case-sensitively ("IS", "WHO", "US")

Key = tuple[str, ...]
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader reads the shipped files ~10x faster


def fold(text: str) -> str:
    """Lower-case and strip accents ("Élysée" -> "elysee")."""
    if text.isascii():  # nothing to decompose or strip: most words of English news
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().replace("’", "'")


@lru_cache(maxsize=1 << 16)
def pieces(text: str) -> Key:
    """Normalised word pieces of a text; both KB names and spaCy tokens go through this (every token of
    every document: the same few thousand words, hence the cache)."""
    return tuple(piece for piece in _PIECE.findall(fold(text)) if piece not in _DROPPED_PIECES)


def name_key(text: str) -> Key:
    """Key of a proper name: its pieces without a leading "the"."""
    key = pieces(text)
    return key[1:] if key[:1] == ("the",) and len(key) > 1 else key


def surface(text: str) -> str:
    """The case-preserving form compared for acronyms: dots and spaces removed."""
    return text.replace(".", "").replace(" ", "")


def _is_acronym(name: str) -> bool:
    bare = surface(name)
    return bare.isupper() and bare.isalpha() and len(bare) <= _ACRONYM_MAX


class KBMatch(BaseModel):
    """One knowledge-base entry matching a name, with its code on the requested date."""

    model_config = ConfigDict(frozen=True)

    kb_id: str
    kind: str  # country, capital, seat, organization, person, actor
    name: str
    code: str
    country: str | None
    sector: str | None
    title: str | None = None
    dated: bool = False  # a dated role covers the requested date (else the code is the entry's default)


@dataclass(frozen=True)
class KBEntry:
    """An entry as stored in the KB: a default code plus dated roles."""

    kb_id: str
    kind: str
    name: str
    code: str
    country: str | None
    sector: str | None = None
    roles: tuple[Role, ...] = ()

    def role_on(self, when: dt.date | None) -> Role | None:
        """The role covering ``when``; with no date, the role still held (the latest open one)."""
        if when is None:
            current = [role for role in self.roles if role.to is None and role.from_ is not None]
            return max(current, key=lambda role: role.from_) if current else None
        covering = [role for role in self.roles if role.covers(when)]
        return covering[-1] if covering else None


@dataclass(frozen=True)
class NameRecord:
    entry: KBEntry
    exact: str | None  # the required case-sensitive surface for acronyms, else None


@dataclass
class _Tables:
    """Lookup tables under construction (mutable only inside ``ActorKB.load``)."""

    names: dict[Key, list[NameRecord]] = field(default_factory=dict)
    adjectives: dict[Key, str] = field(default_factory=dict)
    demonyms: dict[Key, str] = field(default_factory=dict)
    sector_nouns: dict[Key, str] = field(default_factory=dict)
    titles: dict[Key, str] = field(default_factory=dict)
    name_words: dict[Key, str] = field(default_factory=dict)
    person_nouns: set[Key] = field(default_factory=set)
    held_people: set[Key] = field(default_factory=set)
    member_nouns: set[Key] = field(default_factory=set)
    opponent_nouns: set[Key] = field(default_factory=set)
    follower_nouns: set[Key] = field(default_factory=set)
    sector_labels: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    country_aliases: dict[str, str] = field(default_factory=dict)
    discard_phrases: set[Key] = field(default_factory=set)
    score_verbs: set[str] = field(default_factory=set)
    group_words: dict[Key, tuple[str, ...]] = field(default_factory=dict)  # "Kurdish", "Kashmir" -> states
    group_people: dict[Key, tuple[str, ...]] = field(default_factory=dict)  # "Kurds", "Chechens" -> states
    ethnic_peoples: set[Key] = field(default_factory=set)
    former_states: dict[str, list[tuple[str, dt.date]]] = field(default_factory=dict)  # SSD -> [(SDN, 2011-07-09)]
    # phrase_words.yaml: "the group", "the island's", "US-led", "Iranian-backed", "the Secretary-General"
    group_nouns: frozenset[str] = frozenset()
    island_nouns: frozenset[str] = frozenset()
    subnational_titles: frozenset[str] = frozenset()  # "Governor", "Mayor": a state's own officials
    name_type_words: frozenset[str] = frozenset()  # "the Front": an organisation named before
    leader_suffixes: frozenset[str] = frozenset()
    proxy_suffixes: frozenset[str] = frozenset()
    user_participles: frozenset[str] = frozenset()
    igo_head_nouns: frozenset[Key] = frozenset()
    crowd_numbers: frozenset[str] = frozenset()
    crowd_verbs: frozenset[tuple[str, ...]] = frozenset()  # ("march",), ("take", "to", "street")
    home_modifiers: frozenset[str] = frozenset()  # "government troops", "federal forces"
    home_nouns: frozenset[str] = frozenset()  # "the junta"
    body_nouns: frozenset[str] = frozenset()  # "the regional bloc", "the world body"
    body_epithets: frozenset[str] = frozenset()
    subnational_modifiers: frozenset[str] = frozenset()  # "the regional government", "the state assembly"
    region_nouns: frozenset[str] = frozenset()  # "the region's prime minister"
    shared_seats: set[str] = field(default_factory=set)  # seat ids other states' bodies share ("Congress")
    vessel_nouns: frozenset[str] = frozenset()  # "the tanker Norway Pearl"
    language_nouns: frozenset[str] = frozenset()  # "the Uzbek language"


M = TypeVar("M", bound=BaseModel)


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
        body = _json_body(text)
        if body is not None:  # a generated file whose body is one JSON object (YAML's flow style)
            try:
                return json.loads(body)
            except json.JSONDecodeError:
                pass  # not JSON after all: YAML reads it, and reports where it is wrong
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read actor file: {exc}", source=str(path)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(f"invalid YAML: {exc}", source=str(path), line=line) from exc


def _json_body(text: str) -> str | None:
    """The text after the leading comment lines when it opens a flow mapping ("{"), else None."""
    start = 0
    while text.startswith("#", start) or text.startswith("\n", start):
        end = text.find("\n", start)
        if end < 0:
            return None
        start = end + 1
    return text[start:] if text.startswith("{", start) else None


def _validate(model: type[M], data: Any, path: Path) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors()[:5]:
            where = _describe_location(data, err["loc"])
            problems.append(f"{where}: {err['msg']}")
        raise DataFileError("; ".join(problems), source=str(path)) from exc


def _describe_location(data: Any, loc: tuple[Any, ...]) -> str:
    """Turn a pydantic location into "organizations[3] (id=hamas).code" so users find the entry."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int) and isinstance(node, list) and step < len(node):
            node = node[step]
            label = ""
            if isinstance(node, dict):
                names = node.get("names")
                ident = node.get("id") or (
                    names[0] if isinstance(names, list) and names else node.get("code")
                )
                label = f" ({ident})" if ident else ""
            parts.append(f"[{step}]{label}")
        else:
            node = node.get(step) if isinstance(node, dict) else None
            parts.append(f".{step}" if parts else str(step))
    return "".join(parts) or "file"


def sector_of(code: str, known: Iterable[str]) -> str | None:
    """First 3-letter chunk after the prefix that is a known sector code ("PSEREBHMS" -> "REB")."""
    known_set = set(known)
    for start in range(3, len(code) - 2, 3):
        chunk = code[start : start + 3]
        if chunk in known_set:
            return chunk
    return None


class ActorKB:
    """Read-only lookup tables for actor resolution; build with ``ActorKB.load``."""

    def __init__(self, packed: _Packed) -> None:
        self._t = packed.tables  # every table but the names, which are ``_names`` and ``_entries``
        self._names = packed.names
        self._entries = packed.entries
        self._built: dict[int, KBEntry] = {}  # entries made from their tuples on first lookup
        self.max_name_len = packed.max_name_len
        self._name_prefixes = packed.name_prefixes
        self.max_noun_len = max((len(key) for key in packed.tables.sector_nouns), default=1)
        self.max_title_len = max((len(key) for key in packed.tables.titles), default=1)
        self.max_name_word_len = max((len(key) for key in packed.tables.name_words), default=1)

    # ---------------------------------------------------------------- loading
    @classmethod
    def load(cls, extra_files: Sequence[Path] = (), *, data_dir: Path = DATA_DIR, base_layer: bool = True) -> ActorKB:
        """Read the shipped files, then user files; user entries win over shipped ones for the same name.

        ``base_layer`` adds the converted Phoenix dictionaries under brinkwatch's own files. The built tables
        are kept in the cache folder keyed by the content of every input, so only the first load in a
        machine's life pays for reading ~30,000 dictionary entries."""
        inputs = [*sorted(data_dir.glob("*.yaml")), *map(Path, extra_files)]
        cache = _cache_path(inputs, base_layer)
        packed = _read_cache(cache)
        if packed is None:
            packed = _pack(cls._build(extra_files, data_dir, base_layer))
            _write_cache(cache, packed)
        return cls(packed)

    @staticmethod
    def _build(extra_files: Sequence[Path], data_dir: Path, base_layer: bool) -> _Tables:
        tables = _Tables()
        for path in map(Path, extra_files):
            entries, user_countries = _load_user_file(path)
            for entry, names, tabari in entries:
                _add_names(tables, entry, names, tabari=tabari)
            if user_countries is not None:  # before the shipped ones, so a user's adjective wins
                _load_countries(tables, user_countries)
        _load_sectors(
            tables, _validate(SectorsFile, _read_yaml(data_dir / "sectors.yaml"), data_dir / "sectors.yaml")
        )
        countries = _validate(
            CountriesFile, _read_yaml(data_dir / "countries.yaml"), data_dir / "countries.yaml"
        )
        orgs = _validate(
            OrganizationsFile, _read_yaml(data_dir / "organizations.yaml"), data_dir / "organizations.yaml"
        )
        for entry, names in _organization_entries(orgs.organizations, tables):
            _add_names(tables, entry, names)
        _load_countries(tables, countries)
        people_path = data_dir / "people.yaml"
        if people_path.exists():
            people = _validate(PeopleFile, _read_yaml(people_path), people_path)
            for entry, names in _people_entries(people.people, tables):
                _add_names(tables, entry, names)
        regions_path = data_dir / "regions.yaml"
        if regions_path.exists():
            _load_regions(tables, _validate(RegionsFile, _read_yaml(regions_path), regions_path))
        cities_path = data_dir / "cities.yaml"
        if cities_path.exists():
            _load_cities(tables, _validate(CitiesFile, _read_yaml(cities_path), cities_path))
        discard_path = data_dir / "discard.yaml"
        _load_discard(tables, _validate(DiscardFile, _read_yaml(discard_path), discard_path))
        words_path = data_dir / "phrase_words.yaml"
        _load_phrase_words(tables, _validate(PhraseWordsFile, _read_yaml(words_path), words_path))
        if base_layer:
            _load_phoenix(tables, data_dir)
        return tables

    # ---------------------------------------------------------------- queries
    def lookup(self, name: str, when: dt.date | None = None) -> list[KBMatch]:
        """Exact name/alias lookup; all-capital acronyms ("IS", "US") only match in capitals."""
        return self.lookup_key(name_key(name), surface(name), when)

    def lookup_key(self, key: Key, text_surface: str, when: dt.date | None = None) -> list[KBMatch]:
        found = self._names.get(key, ())
        matches = []
        for at in range(0, len(found), 2):
            exact = found[at + 1]
            if exact is not None and exact != text_surface:
                continue
            matches.append(self.match_of(self._entry(found[at]), when))
        return matches

    def _entry(self, index: int) -> KBEntry:
        entry = self._built.get(index)
        if entry is None:
            entry = self._built[index] = _unpack_entry(self._entries[index])
        return entry

    def search(self, query: str, *, limit: int = 20, when: dt.date | None = None) -> list[KBMatch]:
        """Entries for a search box: exact aliases first, then names starting with ``query`` at a word
        boundary, then names containing it; shorter names first within each group; one match per entry."""
        found: dict[str, KBMatch] = {match.kb_id: match for match in self.lookup(query, when)}
        wanted = " ".join(name_key(query))
        if not wanted:
            return list(found.values())[:limit]
        ranked: list[tuple[int, int, str, int]] = []
        for key, found_at in self._names.items():
            joined = " ".join(key)
            where = f" {joined}".find(f" {wanted}")
            if where >= 0:
                ranked.extend((0 if where == 0 else 1, len(joined), self._entries[index][0], index)
                              for index in found_at[::2])
        for _, _, kb_id, index in sorted(ranked, key=lambda item: item[:3]):
            if len(found) >= limit:
                break
            if kb_id not in found:
                found[kb_id] = self.match_of(self._entry(index), when)
        return list(found.values())[:limit]

    def match_of(self, entry: KBEntry, when: dt.date | None) -> KBMatch:
        role = entry.role_on(when)
        code = role.code if role else _after_office(entry, when) or entry.code
        sector = sector_of(code, self._t.sector_labels) or (entry.sector if code == entry.code else None)
        return KBMatch(
            kb_id=entry.kb_id,
            kind=entry.kind,
            name=entry.name,
            code=code,
            country=code[:3] if code[:3] != "---" else entry.country,
            sector=sector,
            title=role.title if role else None,
            dated=role is not None,
        )

    def is_name_like(self, text: str) -> bool:
        """Whether ``text`` is written as a name: a known actor, a country's adjective, a people or a group
        word ("Iran", "Indian", "Kurds", "Kashmir"; "NATO" only in capitals)."""
        key = name_key(text)
        return bool(self.lookup(text) or self.adjective_country(key) or self.demonym_country(key)
                    or self.group_countries(key) or self.people_countries(key))

    def has_name(self, key: Key) -> bool:
        return key in self._names

    def is_name_prefix(self, key: Key) -> bool:
        """Whether some longer name starts with ``key``: a scan for names stops where this and
        ``has_name`` are both false."""
        return key in self._name_prefixes

    def adjective_country(self, key: Key) -> str | None:
        return self._t.adjectives.get(key)

    def demonym_country(self, key: Key) -> str | None:
        return self._t.demonyms.get(key)

    def group_countries(self, key: Key) -> tuple[str, ...] | None:
        """States of a people's adjective or a several-state region name ("Kurdish", "Tamil", "Kashmir")."""
        return self._t.group_words.get(key)

    def people_countries(self, key: Key) -> tuple[str, ...] | None:
        """States of a people noun that is no country's demonym ("Kurds", "Chechens", "Hutus")."""
        return self._t.group_people.get(key)

    def is_ethnic_people(self, key: Key) -> bool:
        """A people coded by the state it lives in when one is named ("Bosnian Serbs", "Iraqi Kurds")."""
        return key in self._t.ethnic_peoples or key in self._t.group_people

    def sector_noun(self, key: Key) -> str | None:
        return self._t.sector_nouns.get(key)

    def is_person_noun(self, key: Key) -> bool:
        return key in self._t.person_nouns

    def is_member_noun(self, key: Key) -> bool:
        """ "agents", "officers", "staff": people who act for the body their "of" phrase names."""
        return key in self._t.member_nouns

    def is_opponent_noun(self, key: Key) -> bool:
        """ "opponents", "critics": the opposition of the government their "of" phrase names."""
        return key in self._t.opponent_nouns

    def is_follower_noun(self, key: Key) -> bool:
        return key in self._t.follower_nouns

    def is_held_person(self, key: Key) -> bool:
        """ "hostages", "captives", "victims": people held or harmed, named by what befell them."""
        return key in self._t.held_people

    def name_word_sector(self, name: Key) -> str | None:
        """Sector of the longest organisational word inside a name ("acme liberation front" -> REB)."""
        best = self._name_word(name)
        return best[1] if best else None

    def name_word_length(self, name: Key) -> int:
        """Word pieces in the longest organisational word inside a name (0 when there is none)."""
        best = self._name_word(name)
        return best[0] if best else 0

    def _name_word(self, name: Key) -> tuple[int, str] | None:
        """Longest organisational word inside ``name``: windows no longer than the longest such word, so the
        cost grows linearly with the name (a 2,000-piece run of "!" is not 2,000 cubed look-ups)."""
        best: tuple[int, str] | None = None
        for start in range(len(name)):
            for end in range(min(len(name), start + self.max_name_word_len), start, -1):
                sector = self._t.name_words.get(name[start:end])
                if sector is not None:
                    if best is None or end - start > best[0]:
                        best = (end - start, sector)
                    break  # the longest word starting here is found
        return best

    def title_sector(self, key: Key) -> str | None:
        return self._t.titles.get(key)

    def is_sector(self, code: str) -> bool:
        return code in self._t.sector_labels

    def country_name(self, code: str) -> str | None:
        return self._t.country_names.get(self._t.country_aliases.get(code, code))

    def state_on(self, code: str, when: dt.date | None) -> str:
        """The code with its country as it stood on ``when``: "SSD..." before 2011-07-09 is "SDN..."."""
        if when is None:
            return code
        for former, until in sorted(self._t.former_states.get(code[:3], []), key=lambda pair: pair[1]):
            if when < until:
                return former + code[3:]
        return code

    def canonical_country(self, code: str) -> str:
        """ISO3 for a legacy CAMEO code ("ROM" -> "ROU"); other codes unchanged."""
        return self._t.country_aliases.get(code, code)

    def is_discard_phrase(self, key: Key) -> bool:
        return key in self._t.discard_phrases

    @cached_property
    def discard_max_len(self) -> int:
        return max((len(key) for key in self._t.discard_phrases), default=1)

    @cached_property
    def discard_prefixes(self) -> frozenset[Key]:
        """Every prefix of every discard phrase (the empty one and the whole phrase included)."""
        return frozenset(key[:n] for key in self._t.discard_phrases for n in range(len(key) + 1))

    def is_score_verb(self, word: str) -> bool:
        return word in self._t.score_verbs

    # phrase words (phrase_words.yaml): lower-case words, "the Secretary-General" as word pieces
    @property
    def group_nouns(self) -> frozenset[str]:
        return self._t.group_nouns

    @property
    def island_nouns(self) -> frozenset[str]:
        return self._t.island_nouns

    @property
    def body_nouns(self) -> frozenset[str]:
        return self._t.body_nouns

    @property
    def body_epithets(self) -> frozenset[str]:
        return self._t.body_epithets

    @property
    def subnational_modifiers(self) -> frozenset[str]:
        return self._t.subnational_modifiers

    @property
    def region_nouns(self) -> frozenset[str]:
        return self._t.region_nouns

    @property
    def subnational_titles(self) -> frozenset[str]:
        return self._t.subnational_titles

    @property
    def name_type_words(self) -> frozenset[str]:
        return self._t.name_type_words

    @property
    def leader_suffixes(self) -> frozenset[str]:
        return self._t.leader_suffixes

    @property
    def proxy_suffixes(self) -> frozenset[str]:
        return self._t.proxy_suffixes

    @property
    def user_participles(self) -> frozenset[str]:
        return self._t.user_participles

    @property
    def igo_head_nouns(self) -> frozenset[Key]:
        return self._t.igo_head_nouns

    @property
    def crowd_numbers(self) -> frozenset[str]:
        return self._t.crowd_numbers

    @property
    def home_modifiers(self) -> frozenset[str]:
        return self._t.home_modifiers

    @property
    def home_nouns(self) -> frozenset[str]:
        return self._t.home_nouns

    def is_shared_seat(self, kb_id: str) -> bool:
        """A seat name other states' bodies bear too ("Congress")."""
        return kb_id in self._t.shared_seats

    @property
    def vessel_nouns(self) -> frozenset[str]:
        return self._t.vessel_nouns

    @property
    def language_nouns(self) -> frozenset[str]:
        return self._t.language_nouns

    @property
    def crowd_verbs(self) -> frozenset[tuple[str, ...]]:
        return self._t.crowd_verbs


# -------------------------------------------------------------------- builders
_PUBLIC_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})
_POLITICAL_SECTORS = _PUBLIC_SECTORS | {"ELI", "OPP", "PTY", "REB", "UAF", "INS", "SEP", "RAD"}


def _after_office(entry: KBEntry, when: dt.date | None) -> str | None:
    """A person out of office whose default is a private calling ("USABUS") is a former official (ELI) once
    a public post of theirs has ended: a president between or after terms is no businessman again. A default
    that is already political (ELI, OPP) stands."""
    if when is None or entry.kind != "person" or not entry.roles or len(entry.code) != 6:
        return None
    if entry.code[3:] in _POLITICAL_SECTORS:
        return None
    ended = [role for role in entry.roles if role.to is not None and role.to <= when
             and role.code[3:6] in _PUBLIC_SECTORS and role.code[:3] == entry.code[:3]]
    return entry.code[:3] + "ELI" if ended else None


def _add_names(tables: _Tables, entry: KBEntry, names: Iterable[str], *, tabari: bool = False) -> None:
    for name in names:
        key = name_key(name)
        if not key:
            continue
        acronym = _is_acronym(name) and (not tabari or len(surface(name)) <= 3)
        record = NameRecord(entry, surface(name) if acronym else None)
        bucket = tables.names.setdefault(key, [])
        if all(existing.entry.kb_id != entry.kb_id or existing.exact != record.exact for existing in bucket):
            bucket.append(record)


def _load_sectors(tables: _Tables, sectors: SectorsFile) -> None:
    tables.person_nouns.update(pieces(noun) for noun in sectors.person_nouns)
    tables.held_people.update(pieces(noun) for noun in sectors.held_people)
    tables.member_nouns.update(pieces(noun) for noun in sectors.member_nouns)
    tables.opponent_nouns.update(pieces(noun) for noun in sectors.opponent_nouns)
    tables.follower_nouns.update(pieces(noun) for noun in sectors.follower_nouns)
    for sector in sectors.sectors:
        tables.sector_labels[sector.code] = sector.label
        for noun in sector.nouns:
            tables.sector_nouns.setdefault(pieces(noun), sector.code)
        for title in sector.titles:
            tables.titles.setdefault(pieces(title), sector.code)
        for word in sector.name_words:
            tables.name_words.setdefault(pieces(word), sector.code)


def _load_countries(tables: _Tables, countries: CountriesFile) -> None:
    for seat in countries.seats:
        entry = KBEntry(f"seat:{name_key(seat.name)}", "seat", seat.name, seat.code, seat.code[:3])
        _add_names(tables, entry, [seat.name])
        if seat.shared:
            tables.shared_seats.add(entry.kb_id)
    for country in countries.countries:
        tables.country_names[country.code] = country.name
        for alias in country.cameo_codes:
            tables.country_aliases[alias] = country.code
        for former in country.formerly:
            tables.former_states.setdefault(country.code, []).append((former.code, former.to))
        entry = KBEntry(f"country:{country.code}", "country", country.name, country.code, country.code)
        _add_names(tables, entry, country.names)
        capital = KBEntry(f"capital:{country.code}", "capital", country.name, country.code, country.code)
        _add_names(tables, capital, country.capitals)
        for adjective in country.adjectives:
            tables.adjectives.setdefault(pieces(adjective), country.code)
        for person_noun in country.people:
            tables.demonyms.setdefault(pieces(person_noun), country.code)
    for country in countries.countries:  # after every owner, so the owner's reading stays the first
        _add_names(tables, KBEntry(f"country:{country.code}", "country", country.name, country.code,
                                   country.code), country.also_called)


def _load_regions(tables: _Tables, regions: RegionsFile) -> None:
    """One-state regions are names like capitals (kind "region"); several-state ones only say which states."""
    for region in regions.regions:
        states = tuple(region.countries)
        if len(states) == 1:
            entry = KBEntry(f"region:{' '.join(name_key(region.name))}", "region", region.name, states[0], states[0])
            _add_names(tables, entry, region.names)
        else:
            for name in region.names:
                tables.group_words.setdefault(name_key(name), states)
        for adjective in region.adjectives:
            tables.group_words.setdefault(pieces(adjective), states)
        for person_noun in region.people:
            tables.group_people.setdefault(pieces(person_noun), states)
    tables.ethnic_peoples.update(pieces(noun) for noun in regions.ethnic_peoples)


def _load_cities(tables: _Tables, cities: CitiesFile) -> None:
    """Cities come last, so a country, capital, organisation or person of the same name wins."""
    for code, names in cities.countries.items():
        for name in names:
            if name_key(name) in tables.names:
                continue
            _add_names(tables, KBEntry(f"city:{code}:{' '.join(name_key(name))}", "city", name, code, code), [name])


def _organization_entries(orgs: Iterable[Any], tables: _Tables) -> Iterable[tuple[KBEntry, list[str]]]:
    for org in orgs:
        country = org.country or org.code[:3]
        entry = KBEntry(org.id, "organization", org.names[0], org.code, country, org.sector, tuple(org.roles))
        yield entry, org.names


def _people_entries(people: Iterable[Any], tables: _Tables) -> Iterable[tuple[KBEntry, list[str]]]:
    for person in people:
        default = person.default_code or person.country or "---"
        entry = KBEntry(
            person.id, "person", person.names[0], default, person.country, None, tuple(person.roles)
        )
        yield entry, person.names


def _load_discard(tables: _Tables, discard: DiscardFile) -> None:
    tables.discard_phrases.update(pieces(phrase) for phrase in discard.phrases + discard.teams)
    tables.score_verbs.update(fold(verb) for verb in discard.score_verbs)


def _load_phrase_words(tables: _Tables, words: PhraseWordsFile) -> None:
    tables.group_nouns = frozenset(words.group_nouns)
    tables.island_nouns = frozenset(words.island_nouns)
    tables.subnational_titles = frozenset(w.lower() for w in words.subnational_titles)
    tables.name_type_words = frozenset(w.lower() for w in words.name_type_words)
    tables.leader_suffixes = frozenset(words.leader_suffixes)
    tables.proxy_suffixes = frozenset(words.proxy_suffixes)
    tables.user_participles = frozenset(words.user_participles)
    tables.igo_head_nouns = frozenset(pieces(title) for title in words.igo_head_nouns)
    tables.crowd_numbers = frozenset(words.crowd_numbers)
    tables.crowd_verbs = frozenset(tuple(verb.split()) for verb in words.crowd_verbs)
    tables.home_modifiers = frozenset(words.home_modifiers)
    tables.home_nouns = frozenset(words.home_nouns)
    tables.vessel_nouns = frozenset(words.vessel_nouns)
    tables.language_nouns = frozenset(words.language_nouns)
    tables.body_nouns = frozenset(words.body_nouns)
    tables.body_epithets = frozenset(words.body_epithets)
    tables.subnational_modifiers = frozenset(words.subnational_modifiers)
    tables.region_nouns = frozenset(words.region_nouns)


# -------------------------------------------------------------------- the compiled-table cache
_CACHE_FORMAT = "actors-7"


def _cache_path(inputs: Sequence[Path], base_layer: bool) -> Path | None:
    """Where the built tables are kept: keyed by the bytes of every input file and of the code that builds
    them, so an edited data file or loader builds anew. ``BRINKWATCH_CACHE_DIR=off`` disables it."""
    root = os.environ.get("BRINKWATCH_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "brinkwatch")
    if root == "off":
        return None
    digest = hashlib.sha256(f"{_CACHE_FORMAT}|{base_layer}|{sys.version_info[:2]}".encode())
    try:
        code = [Path(__file__).with_name(name) for name in ("kb.py", "schema.py", "tabari.py")]
        for path in [*code, *inputs]:
            digest.update(str(path.name).encode("utf-8") + b"\x00" + path.read_bytes() + b"\x00")
    except OSError:
        return None  # a missing user file is reported by the loader itself
    return Path(root) / f"actors-{digest.hexdigest()[:20]}.pickle"


@dataclass(frozen=True)
class _Packed:
    """The built tables as the cache keeps them and ``ActorKB`` reads them: the name table as plain tuples.

    Read back as ~35,000 ``KBEntry`` dataclasses holding ~27,000 pydantic roles, the pickle took ~1 s, most
    of a cold start's knowledge loading; as tuples and ints it takes ~0.07 s. A process looks up a few hundred
    entries, so each is made into a ``KBEntry`` on its first lookup (``ActorKB._entry``)."""

    tables: _Tables  # every table but ``names``, which is left empty
    entries: tuple[tuple, ...]  # (kb_id, kind, name, code, country, sector, roles); a role (code, title, from, to)
    names: dict[Key, tuple]  # key -> (entry index, exact surface or None, entry index, exact surface, ...)
    max_name_len: int  # pieces in the longest name (a pass over 40,000 keys is worth keeping)
    name_prefixes: frozenset[Key]  # every shorter start of a name (~0.1 s to build, ~0.01 s to read back)


def _pack(tables: _Tables) -> _Packed:
    index: dict[int, int] = {}  # id(KBEntry) -> position: one entry is shared by all its names
    entries: list[tuple] = []
    names: dict[Key, tuple] = {}
    for key, records in tables.names.items():
        flat: list[Any] = []
        for record in records:
            at = index.get(id(record.entry))
            if at is None:
                at = index[id(record.entry)] = len(entries)
                entries.append(_pack_entry(record.entry))
            flat += (at, record.exact)
        names[key] = tuple(flat)
    rest = _Tables(**{name: getattr(tables, name) for name in tables.__dataclass_fields__ if name != "names"})
    prefixes = frozenset(key[:end] for key in names for end in range(1, len(key)))
    return _Packed(rest, tuple(entries), names, max((len(key) for key in names), default=1), prefixes)


def _ordinal(day: dt.date | None) -> int | None:
    return day.toordinal() if day is not None else None


def _day(ordinal: int | None) -> dt.date | None:
    return dt.date.fromordinal(ordinal) if ordinal is not None else None


def _pack_entry(entry: KBEntry) -> tuple:
    roles = tuple((r.code, r.title, _ordinal(r.from_), _ordinal(r.to)) for r in entry.roles)
    return (entry.kb_id, entry.kind, entry.name, entry.code, entry.country, entry.sector, roles)


def _unpack_entry(packed: tuple) -> KBEntry:
    kb_id, kind, name, code, country, sector, roles = packed
    # validated when the tables were built: constructed again without validating
    return KBEntry(kb_id, kind, name, code, country, sector, tuple(
        Role.model_construct(code=role, title=title, from_=_day(start), to=_day(end))
        for role, title, start, end in roles))


def _read_cache(path: Path | None) -> _Packed | None:
    packed = cache.read(path)  # a torn or stale file reads as None and is rebuilt
    return packed if isinstance(packed, _Packed) else None


def _write_cache(path: Path | None, packed: _Packed) -> None:
    cache.write(path, packed)  # a read-only home is no reason to fail: the tables are rebuilt next time


# -------------------------------------------------------------------- the Phoenix base layer
PHOENIX_ORGANIZATIONS = ("phoenix_institutions.yaml", "phoenix_international.yaml", "phoenix_armed_groups.yaml")


def _load_phoenix(tables: _Tables, data_dir: Path) -> None:
    """The converted Phoenix dictionaries (``convert/actors.py``), loaded last, so they only add."""
    layer = _BaseLayer(tables)
    for name in PHOENIX_ORGANIZATIONS:
        path = data_dir / name
        if path.exists():
            orgs = _validate(OrganizationsFile, _read_yaml(path), path)
            for entry, names in _organization_entries(orgs.organizations, tables):
                _add_names(tables, entry, [n for n in names if not layer.taken(name_key(n))])
    path = data_dir / "phoenix_people.yaml"
    if path.exists():
        for entry, names in _people_entries(_validate(PeopleFile, _read_yaml(path), path).people, tables):
            keys = [name_key(n) for n in names]
            if not any(layer.is_own_person(key) for key in keys):  # else people.yaml has them, dated past 2018
                _add_names(tables, entry, [n for n, key in zip(names, keys, strict=True) if not layer.taken(key)])
    path = data_dir / "phoenix_places.yaml"
    if path.exists():
        for code, names in _validate(CitiesFile, _read_yaml(path), path).countries.items():
            country = tables.country_aliases.get(code, code)
            if country in tables.country_names:
                _add_places(tables, country, [n for n in names if not layer.taken(name_key(n))])
    path = data_dir / "phoenix_agents.yaml"
    if path.exists():
        own_nouns = dict(tables.sector_nouns)
        for agent in _validate(AgentsFile, _read_yaml(path), path).agents:
            key = pieces(agent.noun)
            if agent.sector not in tables.sector_labels or layer.taken(key, as_noun=True):
                continue
            if any(own_nouns.get(other, agent.sector) != agent.sector for other in _other_numbers(key)):
                continue  # "fighters" are REB in sectors.yaml: upstream's "fighter" UAF would split the word
            tables.sector_nouns.setdefault(key, agent.sector)
    path = data_dir / "phoenix_discards.yaml"
    if path.exists():
        tables.discard_phrases.update(pieces(p) for p in _validate(DiscardFile, _read_yaml(path), path).phrases)


def _other_numbers(key: Key) -> list[Key]:
    """The key with its last word in the other grammatical number, as far as regular English goes."""
    last, head = key[-1], key[:-1]
    forms = [last + "s", last + "es", last[:-1] + "ies", last[:-3] + "men" if last.endswith("man") else ""]
    if last.endswith("s"):
        forms += [last[:-1], last[:-2], last[:-3] + "y" if last.endswith("ies") else ""]
    if last.endswith("men"):
        forms.append(last[:-3] + "man")
    return [(*head, form) for form in forms if form and form != last]


class _BaseLayer:
    """Decides what the base layer may add: a key that brinkwatch's own files give a meaning to (a name, an
    adjective, a title, a noun) keeps that meaning, and no added name may contain the name of one of
    brinkwatch's people ("President Hosni Mubarak", "Ayatollah Ruhollah Khomeini"): as the longer match it
    would hide that person's curated, dated roles from the resolver."""

    def __init__(self, tables: _Tables) -> None:
        self._t = tables
        self._own_people = frozenset(
            key for key, records in tables.names.items() if any(r.entry.kind == "person" for r in records)
        )
        self._longest = max((len(key) for key in self._own_people), default=0)

    def is_own_person(self, key: Key) -> bool:
        return key in self._own_people

    def contains_own_person(self, key: Key) -> bool:
        """A person's name of two or more pieces anywhere in ``key``, or a surname alone at its end."""
        if key[-1:] in self._own_people:
            return True
        return any(key[start : start + size] in self._own_people
                   for size in range(2, min(len(key), self._longest) + 1)
                   for start in range(len(key) - size + 1))  # fmt: skip

    def taken(self, key: Key, *, as_noun: bool = False) -> bool:
        t = self._t
        if not key or key in t.names or key in t.adjectives or key in t.demonyms or key in t.titles:
            return True
        if key in t.group_words or key in t.group_people or key in t.person_nouns or key in t.name_words:
            return True
        return not as_noun and (key in t.sector_nouns or self.contains_own_person(key))


def _add_places(tables: _Tables, country: str, names: Iterable[str]) -> None:
    """Places are "city" entries: they name their country only where the parser tags them as a place."""
    for name in names:
        key = name_key(name)
        _add_names(tables, KBEntry(f"city:{country}:{' '.join(key)}", "city", name, country, country), [name])


def _load_user_file(path: Path) -> tuple[list[tuple[KBEntry, list[str], bool]], CountriesFile | None]:
    """Entries of one user file: ``.txt`` is a TABARI dictionary, anything else YAML."""
    if path.suffix.lower() == ".txt":
        out = []
        for index, actor in enumerate(read_tabari(path)):
            entry = KBEntry(
                f"{path.stem}:{index}",
                "actor",
                actor.names[0],
                actor.code,
                actor.code[:3],
                None,
                tuple(actor.roles),
            )
            out.append((entry, actor.names, True))
        return out, None
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(
            "actor file must be a YAML mapping with 'countries', 'organizations', 'people' or 'actors'",
            source=str(path),
        )
    user = _validate(UserFile, data, path)
    tables = _Tables()
    out = [(entry, names, False) for entry, names in _organization_entries(user.organizations, tables)]
    out += [(entry, names, False) for entry, names in _people_entries(user.people, tables)]
    for index, actor in enumerate(user.actors):
        kb_id = actor.id or f"{path.stem}:{index}"
        entry = KBEntry(kb_id, "actor", actor.names[0], actor.code, actor.code[:3], None, tuple(actor.roles))
        out.append((entry, actor.names, False))
    countries = None
    if user.countries or user.seats:
        countries = CountriesFile(
            version=user.version, source=user.source, countries=user.countries, seats=user.seats
        )
    return out, countries
