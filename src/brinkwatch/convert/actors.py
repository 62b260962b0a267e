"""Convert the Phoenix actor dictionaries (PETRARCH2, MIT) into brinkwatch's own actor data files.

Reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``, ``Phoenix.MilNonState.actors.txt``,
``Phoenix.agents.txt`` and ``Phoenix.discards.txt`` from a folder holding the upstream files unchanged and writes
``phoenix_*.yaml`` (validated by ``brinkwatch.actors.schema``) plus ``PHOENIX_LICENSE.txt`` into another folder.
What upstream gets wrong is fixed by the correction table ``convert/data/phoenix_actors.yaml`` (data, not
code); everything that does not convert is counted, with its reason, in the report this module prints and in
the header of each file. Output is deterministic: the same input gives byte-identical files.

    python -m brinkwatch.convert.actors SRC_DIR OUT_DIR
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from brinkwatch.actors.schema import CODE_RE, OrganizationEntry, PersonEntry, Role
from brinkwatch.actors.tabari import parse_code_spec
from brinkwatch.errors import DataFileError

UPSTREAM_REPO = "openeventdata/petrarch2"
UPSTREAM_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
UPSTREAM_FOLDER = "petrarch2/data/dictionaries"
COPYRIGHT = "Copyright (c) 2014 Open Event Data"
CORRECTIONS = Path(__file__).parent / "data" / "phoenix_actors.yaml"
FILES = {
    "countries": "Phoenix.Countries.actors.txt",
    "international": "Phoenix.International.actors.txt",
    "armed_groups": "Phoenix.MilNonState.actors.txt",
    "agents": "Phoenix.agents.txt",
    "discards": "Phoenix.discards.txt",
}
_REPLACEMENT = "\ufffd"  # what a mis-encoded byte became upstream
_GLOSS = re.compile(r"\(([^()]*)\)")
_AGENT_LINE = re.compile(r"^(?P<noun>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]")
_SUBSTITUTION = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
_DATED = re.compile(r"^\[\s*\S+\s+[<>]?\s*\d")  # "[USAGOV 20090120-20170120]", "[AFGGOV >011222]"
_MAX_NAME_WORDS = 9  # longer upstream names never occur verbatim in news and only slow the name matcher


class Corrections(BaseModel):
    """The correction table: upstream defects and the filters applied while converting."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    source: str
    horizon: dt.date
    specs: dict[str, str | None] = {}
    codes: dict[str, str | None] = {}
    names: dict[str, str | None] = {}
    stop_names: list[str] = []
    stop_agents: list[str] = []
    agent_sectors: list[str] = []
    territories: dict[str, str] = {}
    stop_discards: list[str] = []
    generic_words: list[str] = []


@dataclass
class RawEntry:
    """One upstream entry: its names and code specifications as written, and the line it starts on."""

    names: list[str]
    specs: list[str]
    line: int


@dataclass
class Report:
    """What converted and what did not, by reason."""

    counts: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    corrected: Counter[str] = field(default_factory=Counter)

    def lines(self, topics: Sequence[str] = ()) -> list[str]:
        """Every count, or only those whose reason mentions one of ``topics``."""
        out = [f"{key}: {value}" for key, value in sorted(self.counts.items())]
        out += [f"corrected {key}: {value}" for key, value in sorted(self.corrected.items())]
        out += [f"not converted, {key}: {value}" for key, value in sorted(self.dropped.items())]
        return [line for line in out if not topics or any(topic in line for topic in topics)]


# --------------------------------------------------------------------------- reading
def read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", errors="replace").replace("\x00", "")
    except OSError as exc:
        raise DataFileError(f"cannot read upstream dictionary: {exc}", source=str(path)) from exc


def read_entries(text: str) -> list[RawEntry]:
    """TABARI entries, leniently: consecutive name lines share the codes that follow them."""
    out: list[RawEntry] = []
    entry: RawEntry | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("+") and entry is not None:
            entry.names.extend(part for part in line[1:].split("+") if part.strip())
            continue
        if line.startswith("[") and entry is not None:
            entry.specs.append(line)
            continue
        head, bracket, rest = line.partition("[")
        if entry is not None and entry.specs:
            out.append(entry)
            entry = None
        if entry is None:
            entry = RawEntry([head], [], number)
        else:
            entry.names.append(head)
        if bracket:
            entry.specs.append("[" + rest.split("]", 1)[0] + "]")
    if entry is not None and entry.specs:
        out.append(entry)
    return out


# --------------------------------------------------------------------------- names
def display_name(raw: str) -> str:
    """``AL-QAEDA_IN_IRAQ_`` -> ``Al-Qaeda In Iraq``; a one-word name of up to three letters stays in capitals,
    so it matches only in capitals (``UN``, ``ANC``), as the TABARI reader treats short acronyms."""
    words = [word for word in re.split(r"[_\s]+", raw) if word]
    if len(words) == 1 and words[0].isalpha() and len(words[0]) <= 3:
        return words[0].upper()
    return " ".join(_title_word(word) for word in words)


def _title_word(word: str) -> str:
    out, start = [], True
    for char in word.lower():
        out.append(char.upper() if start and char.isalpha() else char)
        start = not char.isalnum() and char != "'"
    return "".join(out)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


class NameFilter:
    """Corrects upstream names and drops the ones that must not become actor names."""

    def __init__(self, corrections: Corrections, report: Report) -> None:
        self._fixes = corrections.names
        self._stop = {_fold(name) for name in corrections.stop_names}
        self._generic = {_fold(word) for word in corrections.generic_words}
        self._report = report

    def specific(self, names: list[str]) -> list[str]:
        """Organisation names that name one group: "Islamic Group", "National Resistance" or "National Security
        Council" name a kind of group in many countries, whatever single group upstream gave them to."""
        out = [name for name in names if not set(re.findall(r"[^\W_]+", _fold(name))) <= self._generic]
        self._report.dropped["organisation names made only of generic words"] += len(names) - len(out)
        return out

    def names(self, raws: Iterable[str]) -> list[str]:
        out: list[str] = []
        for raw in raws:
            for name in self._split_gloss(raw.strip()):
                if name and name not in out:
                    out.append(name)
        return out

    def _split_gloss(self, raw: str) -> list[str]:
        if raw in self._fixes:
            self._report.corrected["names"] += 1
            fixed = self._fixes[raw]
            if fixed is None:
                self._report.dropped["names dropped by the correction table"] += 1
                return []
            raw = fixed
        if _REPLACEMENT in raw:
            self._report.dropped["names with a mis-encoded character"] += 1
            return []
        glosses = [g for g in _GLOSS.findall(raw) if g.strip("_").isalpha()]
        base = _GLOSS.sub("", raw)
        out = []
        for candidate in [base, *glosses]:  # "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)" is the name and its acronym
            name = display_name(candidate)
            if not any(ch.isalpha() for ch in name):
                continue
            if len(name.replace(".", "")) <= 2:  # "AN", "CA", "LT": abbreviations far more often than actors
                self._report.dropped["names of one or two letters"] += 1
                continue
            if len(name.split()) > _MAX_NAME_WORDS:
                self._report.dropped[f"names over {_MAX_NAME_WORDS} words"] += 1
                continue
            if _fold(name) in self._stop:
                self._report.dropped["names on the stoplist (common words, first names)"] += 1
                continue
            out.append(name)
        return out


# --------------------------------------------------------------------------- codes and roles
class CodeReader:
    """Turns upstream code specifications into roles, applying the correction table."""

    def __init__(self, corrections: Corrections, report: Report) -> None:
        self._c = corrections
        self._report = report

    def code(self, code: str) -> str | None:
        code = code.strip().upper()
        if code in self._c.codes:
            self._report.corrected["codes"] += 1
            code = self._c.codes[code] or ""
        if not code or code == "---" or not CODE_RE.match(code):
            return None
        if code in self._c.agent_sectors and code not in ("IGO", "NGO"):
            return "---" + code  # "[ELI]": an elite of no stated country, not a country called ELI
        return code

    def role(self, spec: str, source: str, line: int) -> Role | None:
        if spec in self._c.specs:
            self._report.corrected["code specifications"] += 1
            fixed = self._c.specs[spec]
            if fixed is None:
                self._report.dropped["roles with an unreadable date (correction table)"] += 1
                return None
            spec = fixed
        try:
            role = parse_code_spec(spec, source, line)
        except DataFileError as exc:
            reason = "ending before they start" if "before it starts" in exc.message else "unreadable"
            self._report.dropped[f"roles with an {reason} code specification" if reason == "unreadable"
                                 else f"roles {reason}"] += 1
            return None
        code = self.code(role.code)
        if code is None:
            self._report.dropped["roles with a malformed or null code"] += 1
            return None
        if role.from_ is not None and role.to is None and role.from_ < self._c.horizon:
            # an open role upstream: the dictionary cannot know whether it held after its horizon
            return Role(code=code, **{"from": role.from_, "to": self._c.horizon})
        if role.from_ is not None and role.from_ >= self._c.horizon:
            self._report.dropped["roles starting after the horizon"] += 1
            return None
        return role.model_copy(update={"code": code})


# --------------------------------------------------------------------------- actors
@dataclass
class Converted:
    places: dict[str, list[str]] = field(default_factory=dict)  # country -> place names
    people: list[dict[str, Any]] = field(default_factory=list)
    organizations: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # file key -> entries


class ActorConverter:
    """Sorts upstream entries into places, people and organisations."""

    def __init__(self, corrections: Corrections, report: Report) -> None:
        self._c = corrections
        self._report = report
        self._names = NameFilter(corrections, report)
        self._codes = CodeReader(corrections, report)
        self._ids: set[str] = set()
        self._seen: set[tuple[tuple[str, ...], str]] = set()
        self.out = Converted()

    def convert(self, key: str, entries: Sequence[RawEntry], source: str) -> None:
        orgs = self.out.organizations.setdefault("institutions" if key == "countries" else key, [])
        for entry in entries:
            names = self._names.names(entry.names)
            if not names:
                self._report.dropped[f"{key}: entries with no usable name"] += 1
                continue
            dated = [s for s in entry.specs if _DATED.match(s)]
            undated = [s for s in entry.specs if not _DATED.match(s)]
            if dated:
                self._person(key, entry, names, undated, dated, source)
                continue
            codes = [c for c in (self._codes.code(s.strip("[] \t")) for s in undated) if c]
            if not codes:
                self._report.dropped[f"{key}: entries coded --- or with a malformed code"] += 1
                continue
            code = codes[-1]
            place = self._place_country(code)
            if place is not None:
                listed = self.out.places.setdefault(place, [])
                added = [name for name in names if name not in listed]
                listed.extend(added)
                self._report.counts["place names (countries' synonyms, cities, regions, territories)"] += len(added)
                continue
            names = self._names.specific(names)
            if not names:
                continue
            if (tuple(names), code) in self._seen:  # the international file repeats whole sections
                self._report.dropped[f"{key}: repeated entries"] += 1
                continue
            self._seen.add((tuple(names), code))
            orgs.append(self._organization(names, code))
            self._report.counts[f"{key}: organisations"] += 1
            self._report.counts[f"{key}: organisation names"] += len(names)

    def _place_country(self, code: str) -> str | None:
        if len(code) == 3 and code not in ("IGO", "NGO", "IMG", "MNC"):
            return code
        if len(code) == 6 and code[3:] in self._c.territories:  # "GBRIMY" the Isle of Man -> GBR
            return code[:3]
        return None

    def _new_id(self, names: list[str]) -> str:
        base = "phx_" + re.sub(r"[^a-z0-9]+", "_", _fold(names[0])).strip("_")
        ident, number = base, 2
        while ident in self._ids:
            ident, number = f"{base}_{number}", number + 1
        self._ids.add(ident)
        return ident

    def _organization(self, names: list[str], code: str) -> dict[str, Any]:
        sector = next((code[i : i + 3] for i in range(3, len(code) - 2, 3) if code[i : i + 3] in self._c.agent_sectors), None)
        country = None if code.startswith("---") else code[:3]
        entry = {"id": self._new_id(names), "names": names, "code": code, "country": country, "sector": sector}
        OrganizationEntry.model_validate(entry)
        return entry

    def _person(self, key: str, entry: RawEntry, names: list[str], undated: list[str], dated: list[str],
                source: str) -> None:  # fmt: skip
        full = [name for name in names if len(name.split()) > 1]
        if len(full) < len(names):  # a surname alone ("Khan", "Ali", "Nation") of 18,000 people of every era
            self._report.dropped["people: one-word names (surnames alone)"] += len(names) - len(full)
        names = full
        if not names:
            return
        roles = [r for r in (self._codes.role(s, source, entry.line) for s in dated) if r is not None]
        defaults = [c for c in (self._codes.code(s.strip("[] \t")) for s in undated) if c]
        if not roles and not defaults:
            self._report.dropped[f"{key}: people with no usable role"] += 1
            return
        default = defaults[-1] if defaults else None
        country = next((c[:3] for c in [default or "", *(r.code for r in roles)] if c[:3] not in ("", "---")), None)
        person: dict[str, Any] = {"id": self._new_id(names), "names": names, "country": country}
        if default is not None:
            person["default_code"] = default
        person["roles"] = [_role_dict(role) for role in roles]
        PersonEntry.model_validate(person)
        self.out.people.append(person)
        self._report.counts["people"] += 1
        self._report.counts["people: dated roles"] += len(roles)
        self._report.counts["people: names"] += len(names)


def _drop_ambiguous_places(out: Converted, report: Report) -> None:
    """A place name listed under two countries ("Santa Cruz", "San Jose") names neither."""
    countries: dict[str, set[str]] = {}
    for code, names in out.places.items():
        for name in names:
            countries.setdefault(_fold(name), set()).add(code)
    for code, names in out.places.items():
        kept = [name for name in names if len(countries[_fold(name)]) == 1]
        report.dropped["place names listed under two or more countries"] += len(names) - len(kept)
        report.counts["place names (countries' synonyms, cities, regions, territories)"] -= len(names) - len(kept)
        out.places[code] = kept


def _role_dict(role: Role) -> dict[str, Any]:
    out: dict[str, Any] = {"code": role.code}
    if role.from_ is not None:
        out["from"] = role.from_.isoformat()
    if role.to is not None:
        out["to"] = role.to.isoformat()
    return out


# --------------------------------------------------------------------------- agents
def _plural(noun: str) -> str:
    words = noun.split(" ")
    last = words[-1]
    if last.endswith("man") and not last.endswith(("human", "german", "roman", "shaman")):
        plural = last[:-3] + "men"
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    else:
        plural = last + "s"
    return " ".join([*words[:-1], plural])


def convert_agents(text: str, corrections: Corrections, report: Report) -> list[dict[str, Any]]:
    """Agent nouns with their regular plurals (PETRARCH builds those at run time) and their codes."""
    substitutions: dict[str, list[str]] = {}
    stop = {_fold(noun) for noun in corrections.stop_agents}
    by_noun: dict[str, dict[str, Any]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        sub = _SUBSTITUTION.match(line)
        if sub:
            substitutions[sub.group(1)] = [w.strip() for w in sub.group(2).split(",") if w.strip()]
            continue
        match = _AGENT_LINE.match(line)
        if not match:
            report.dropped["agents: unreadable lines"] += 1
            continue
        code = match.group("code").replace("~", "").strip().upper()
        code = corrections.codes.get(code, code) or ""
        sector = next((code[i : i + 3] for i in range(0, len(code) - 2, 3) if code[i : i + 3] in corrections.agent_sectors), None)
        if sector is None:
            report.dropped["agents: code with no brinkwatch sector (religions, DEV, PTY ...)"] += 1
            continue
        for singular in _expand(match.group("noun"), substitutions):
            noun = _fold(singular.replace("_", " "))
            if not noun or _REPLACEMENT in noun or noun in stop:
                report.dropped["agents: nouns on the stoplist or mis-encoded"] += 1
                continue
            plural = match.group("plural")
            forms = [noun] if plural is not None and not plural.strip() else [noun, _plural(noun)]
            if plural and plural.strip():
                forms = [noun, _fold(plural.replace("_", " "))]
            for form in forms:
                by_noun.setdefault(form, {"noun": form, "code": code, "sector": sector})
            report.counts["agents: upstream nouns"] += 1
    report.counts["agents: noun forms (with plurals)"] = len(by_noun)
    return [by_noun[noun] for noun in sorted(by_noun)]


def _expand(noun: str, substitutions: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!(\w+)!", noun)
    if not match or match.group(1) not in substitutions:
        return [noun.strip().strip("_")]
    out = []
    for word in substitutions[match.group(1)]:
        out += _expand(noun[: match.start()] + word + noun[match.end() :], substitutions)
    return out


# --------------------------------------------------------------------------- discards
def convert_discards(text: str, corrections: Corrections, report: Report) -> dict[str, list[str]]:
    """Sentence-level discard phrases (upstream ``+`` marks a story-level one: kept apart)."""
    stop = {_fold(phrase) for phrase in corrections.stop_discards}
    sentence: set[str] = set()
    story: set[str] = set()
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        whole_story = line.startswith("+")
        phrase = _fold(line.lstrip("+").replace("_", " "))
        if not phrase or phrase in stop or phrase.isdigit():
            report.dropped["discards: years, and phrases on the stoplist (time, history, disasters, word pairs)"] += 1
            continue
        (story if whole_story else sentence).add(phrase)
    report.counts["discards: sentence phrases"] = len(sentence)
    report.counts["discards: story phrases"] = len(story)
    return {"phrases": sorted(sentence), "story_phrases": sorted(story)}


# --------------------------------------------------------------------------- writing
def _header(title: str, upstream: str, fields: str, report_lines: Sequence[str]) -> str:
    lines = [
        f"brinkwatch {title}, version 1 -- GENERATED by `python -m brinkwatch.convert.actors`; do not edit by hand",
        "(fix upstream defects in src/brinkwatch/convert/data/phoenix_actors.yaml and rerun the converter).",
        f"Source: {upstream} from {UPSTREAM_REPO} commit {UPSTREAM_COMMIT}, folder {UPSTREAM_FOLDER}.",
        f"Licence: MIT, {COPYRIGHT}; the licence text is in PHOENIX_LICENSE.txt beside this file.",
        "Funding of the upstream dictionaries: NSF grants named in their headers (SES-1004414, SES-1259190).",
        "Loaded as the base layer of the actor KB: brinkwatch's own files win wherever a name is in both.",
        f"Fields: {fields}",
        "Conversion counts:",
        *(f"  {line}" for line in report_lines),
    ]
    return "".join(f"# {line}\n" if line else "#\n" for line in lines)


def _source(upstream: str) -> str:
    return f"{UPSTREAM_REPO}@{UPSTREAM_COMMIT[:12]} {upstream} (MIT, {COPYRIGHT})"


def _json_list(key: str, items: Sequence[Any]) -> str:
    body = ",\n".join(f"  {json.dumps(item, ensure_ascii=False)}" for item in items)
    return f' "{key}": [\n{body}\n ]'


def _write(path: Path, header: str, upstream: str, fields: Sequence[str]) -> None:
    """A header of comments, then one JSON object (a YAML flow mapping) with one entry per line: YAML that the
    KB reads with the JSON parser, ten times faster than a YAML constructor on 20,000 entries."""
    head = f'{{"version": 1, "source": {json.dumps(_source(upstream))},\n'
    text = header + head + ",\n".join(fields) + "}\n"
    json.loads(text[len(header) :])  # fail before writing
    yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader
    path.write_text(text, encoding="utf-8")


def load_corrections(path: Path = CORRECTIONS) -> Corrections:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Corrections.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise DataFileError(f"cannot read the Phoenix correction table: {exc}", source=str(path)) from exc


def convert(src_dir: Path, out_dir: Path, corrections: Corrections | None = None) -> Report:
    """Convert the upstream folder ``src_dir`` into ``out_dir``; return what converted and what did not."""
    corrections = corrections or load_corrections()
    missing = [name for name in [*FILES.values(), "LICENSE"] if not (src_dir / name).exists()]
    if missing:
        raise DataFileError(f"upstream files missing: {', '.join(missing)}", source=str(src_dir))
    out_dir.mkdir(parents=True, exist_ok=True)
    report = Report()
    converter = ActorConverter(corrections, report)
    for key in ("countries", "international", "armed_groups"):
        path = src_dir / FILES[key]
        converter.convert(key, read_entries(read_text(path)), str(path))
    _drop_ambiguous_places(converter.out, report)
    agents = convert_agents(read_text(src_dir / FILES["agents"]), corrections, report)
    discards = convert_discards(read_text(src_dir / FILES["discards"]), corrections, report)
    _write_all(out_dir, converter.out, agents, discards, report)
    shutil.copyfile(src_dir / "LICENSE", out_dir / "PHOENIX_LICENSE.txt")
    return report


def _write_all(out_dir: Path, out: Converted, agents: list[dict[str, Any]], discards: dict[str, list[str]],
               report: Report) -> None:  # fmt: skip
    common = ("names", "codes", "code specifications")
    places = ",\n".join(
        f"  {json.dumps(code)}: {json.dumps(sorted(set(names), key=_fold), ensure_ascii=False)}"
        for code, names in sorted(out.places.items())
    )
    _write(out_dir / "phoenix_places.yaml",
           _header("places from the Phoenix country dictionary", FILES["countries"],
                   "countries maps a CAMEO country code to the synonyms of its country entry (names, misspellings, "
                   "cities, provinces, territories); loaded like cities.yaml: a name that is no country, capital, "
                   "adjective or organisation in brinkwatch's own files names its country when the parser tags it "
                   "as a place.", report.lines(["place", "countries:", *common])),
           FILES["countries"], [f' "countries": {{\n{places}\n }}'])
    _write(out_dir / "phoenix_people.yaml",
           _header("people with dated roles from the Phoenix dictionaries", f"{FILES['countries']} and "
                   f"{FILES['international']}", "as people.yaml; open-ended upstream roles end at the horizon "
                   "of the correction table (the dictionaries cannot know who held office after it).",
                   report.lines(["people", "roles", *common])),
           FILES["countries"], [_json_list("people", out.people)])
    titles = {"institutions": "state institutions from the Phoenix country dictionary",
              "international": "international organisations (IGOs, NGOs) from the Phoenix dictionaries",
              "armed_groups": "armed non-state groups from the Phoenix dictionaries"}
    for key, title in titles.items():
        upstream = FILES["countries" if key == "institutions" else key]
        _write(out_dir / f"phoenix_{key}.yaml", _header(title, upstream, "as organizations.yaml.",
                                                             report.lines([key, "countries:" if key == "institutions" else key, *common])),
               upstream, [_json_list("organizations", out.organizations.get(key, []))])
    _write(out_dir / "phoenix_agents.yaml",
           _header("agent nouns from the Phoenix agents dictionary", FILES["agents"],
                   "noun (lower-case, singular and plural forms), code (upstream agent code without ~), sector "
                   "(its first brinkwatch sector); brinkwatch's sectors.yaml wins for a noun in both.",
                   report.lines(["agents"])),
           FILES["agents"], [_json_list("agents", agents)])
    _write(out_dir / "phoenix_discards.yaml",
           _header("discard phrases from the Phoenix discards dictionary", FILES["discards"],
                   "phrases discard a sentence; story_phrases (upstream '+') are kept for reference and not "
                   "loaded; years and time phrases ('years ago') are not converted (correction table).",
                   report.lines(["discards"])),
           FILES["discards"], [f' "{key}": {json.dumps(discards[key], ensure_ascii=False)}' for key in ("phrases", "story_phrases")])


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: python -m brinkwatch.convert.actors SRC_DIR OUT_DIR", file=sys.stderr)
        return 2
    try:
        report = convert(Path(args[0]), Path(args[1]))
    except DataFileError as exc:
        print(str(exc), file=sys.stderr)
        return 1  # as the CLI: a library error exits 1, a usage error 2
    print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
