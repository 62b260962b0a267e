"""Stage 4 of actor resolution: assembling a CAMEO actor code from what the phrase said.

A noun phrase gives an origin (a country or organisation prefix, the KB match it came from, and how it was
found: "kb+noun", "demonym", "region", ...) and a sector ("GOV", "MIL", "REB"). ``assemble_code`` joins them
the way CAMEO writes codes: ``IRN`` + ``GOV`` -> ``IRNGOV``; no country -> ``---GOV``; a stateless NGO or IGO
is written as the prefix itself; a sector the prefix already carries is not repeated (``IGOUNOMIL`` + MIL);
an organisation's own spokesman is the organisation (``HAMAS`` + GOV -> ``HAMAS``), and so are an armed
group's forces and troops (``YEMREB`` + MIL -> ``YEMREB``); a region or city stands
for its country; a state that did not exist on the article's date becomes its former state. Pure functions:
no spaCy, no document.
"""

from __future__ import annotations

import datetime as dt

from brinkwatch.actors.kb import ActorKB, KBMatch

# how sure each resolution step is (an actor's ``confidence``)
CONFIDENCE = {"kb": 1.0, "kb+noun": 0.95, "metonym": 0.9, "demonym": 0.9, "title": 0.9, "sector": 0.7,
              "coref": 0.6, "domestic": 0.6, "new": 0.5}  # fmt: skip
NO_COUNTRY = "---"
NON_STATE = frozenset({"NGO", "IGO"})  # sectors that are also CAMEO prefixes: a stateless NGO is "NGO..."

# an armed non-state group has no army: its "forces", "troops" or "soldiers" (MIL nouns) are the group itself
# ("Houthi forces" YEMREB, not YEMREBMIL); its "fighters" and "militants" keep their sector ("SOMUAFREB")
ARMED_GROUP_SECTORS = frozenset({"REB", "UAF", "SEP", "INS"})

Origin = tuple[str, KBMatch | None, str]  # (code prefix, the KB match it came from, how it was found)


def assemble_code(kb: ActorKB, origin: Origin | None, sector: str | None,
                  when: dt.date | None) -> tuple[str, str | None, str | None]:
    """(code, sector, country) of an actor with ``origin`` and ``sector`` on date ``when``."""
    prefix = origin[0] if origin else NO_COUNTRY
    match = origin[1] if origin else None
    if match is not None and match.kind != "organization":
        prefix = match.country or prefix  # "Pentagon officials" -> USA + GOV, not USAMIL + GOV
    if match is not None and match.kind == "organization" and sector == "GOV":
        sector = None  # "a Hamas spokesman", "NATO officials": the organisation itself speaks
    prefix = kb.state_on(prefix, when)
    if match is not None and match.kind == "organization" and match.sector in ARMED_GROUP_SECTORS and sector == "MIL":
        # "Houthi forces shelled army positions": the group itself, not YEMREB + MIL (a state's army)
        return prefix, match.sector, country_of(prefix, match.country)
    has_sector = sector is None or sector in (prefix[i : i + 3] for i in range(3, len(prefix), 3))
    code = prefix if has_sector else prefix + sector
    if sector is None and prefix == NO_COUNTRY:
        code = NO_COUNTRY
    elif sector in NON_STATE and prefix == NO_COUNTRY:
        code = sector  # CAMEO writes a stateless NGO or IGO as the prefix itself
    return code, sector, country_of(code, match.country if match else None)


def country_of(code: str, fallback: str | None) -> str | None:
    """The country an actor code names: its first three letters, unless they are the unknown ``---``."""
    prefix = code[:3]
    if prefix == NO_COUNTRY:
        return None
    return prefix or fallback
