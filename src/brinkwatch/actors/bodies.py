"""Bodies named by what they are rather than by name: "agents of the public prosecutor's office", "officers of
the border police", "the regional bloc", "the world body", "the 15-nation bloc's commission president".

``Bodies`` is a mixin of ``resolver.DocActors`` and uses its tables (``_kb``, ``_text``, ``memory``) and its
phrase builders (``resolve_token``, ``_phrase_bounds``, ``_left_window``, ``_coref_actor``).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from brinkwatch.actors.codes import NO_COUNTRY, NON_STATE, Origin
from brinkwatch.actors.kb import pieces
from brinkwatch.actors.names import PLACE_KINDS
from brinkwatch.model import Actor

_BODY_REACH = 20  # sentences back: an international body is named once and referred to for the whole report
# "the 15-nation bloc", "the 27-member union", "the 10-country grouping": a size written into the epithet
_SIZE_WORDS = frozenset({"nation", "member", "country", "state", "strong"})
_SUBNATIONAL_SECTORS = frozenset({"GOV", "LEG", "COP", "JUD"})
_SIZE = re.compile(r"^\d+(-(nation|member|country|state|strong))?$")


class Bodies:
    """Mixin of ``DocActors``: staff nouns that are their body, and bodies named by an epithet."""

    def _member_of(self, head: Token) -> Actor | None:
        """ "Agents of the public prosecutor's office", "officers of the border police": staff act for the body
        their "of" phrase names, in its sector. A bare country ("agents of Iran") or nobody leaves the head its own."""
        if not any(self._kb.is_member_noun(key) for key in _noun_keys(head)):
            return None
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        body = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        actor = self.resolve_token(body) if body is not None else None
        if actor is None or actor.code == NO_COUNTRY or (actor.sector is None and actor.code[:3] not in NON_STATE):
            return None
        start = min(self._phrase_bounds(head, self._left_window(head))[0], actor.start)
        return actor.model_copy(update={"text": self._text[start:actor.end], "start": start})

    def _opponents_of(self, head: Token) -> Actor | None:
        """ "Opponents of the Eritrean government", "critics of President Saied": the opposition of that state."""
        if not any(self._kb.is_opponent_noun(key) for key in _noun_keys(head)):
            return None
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        ruler = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        actor = self.resolve_token(ruler) if ruler is not None else None
        if actor is None or actor.sector != "GOV" or not actor.country or len(actor.country) != 3 or (
                actor.code[:3] in NON_STATE):
            return None  # ("critics of Iran" abroad are no Iranian opposition; "opponents of the plan" nobody)
        window = self._left_window(head)
        return self._build(head, window, (actor.country, None, "kb+noun"), "OPP", "kb+noun", None)

    def _subnational_body_home(self, head: Token, window: int, sector: str) -> Origin | None:
        """ "The regional government", "the provincial assembly", "the state police": a body of a region inside
        a country is that country's (the dateline's, the sentence's one country, else the last place named)."""
        if sector not in _SUBNATIONAL_SECTORS or head.tag_ in ("NNS", "NNPS") and sector == "GOV":
            return None  # ("regional governments" are as often other states')
        if not any(self._doc[i].lower_ in self._kb.subnational_modifiers for i in range(window, head.i)):
            return None
        return self._subnational_home(head) or self._last_place_country(head)

    def _region_owner_home(self, owner: Token) -> Origin | None:
        """ "The region's prime minister", "the province's governor": the country of the region the report is
        about (the dateline's, the sentence's one country, else the last place named)."""
        if owner.lower_ not in self._kb.region_nouns or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in owner.children):
            return None
        return self._subnational_home(owner) or self._last_place_country(owner)

    def _last_place_country(self, head: Token) -> Origin | None:
        """The country of the last country, capital, region or city the report named before ``head``."""
        for index in range(head.i - 1, -1, -1):
            found = self._names.get(index)
            if found is None or found.end - 1 != index:
                continue
            country = found.match.country
            if found.match.kind in PLACE_KINDS and country and len(country) == 3 and country not in NON_STATE:
                return country, None, "domestic"
        return None

    def _described_body(self, head: Token) -> bool:
        """ "the regional bloc", "the world body", "the 15-nation bloc": "the", a body noun and only epithets that
        say what kind of body it is, no name (a bare "the bloc" is the group nouns' business; "the body" alone is
        as often a corpse, so it needs an epithet)."""
        if head.lower_ not in self._kb.body_nouns:
            return False
        lefts = list(head.lefts)
        if not lefts or lefts[0].dep_ != "det" or lefts[0].lower_ != "the":
            return False
        words = [t for c in lefts[1:] for t in c.subtree]
        return bool(words) and all(
            t.lower_ in self._kb.body_epithets or t.lower_ in _SIZE_WORDS or t.text == "-" or _SIZE.match(t.lower_)
            for t in words
        )

    def _body_antecedent(self, head: Token) -> Actor | None:
        """The international body the report named last, in the ``_BODY_REACH`` sentences before."""
        mention = self.memory.antecedent(head, lambda m: m.actor.code[:3] == "IGO", reach=_BODY_REACH)
        return self._coref_actor(head, mention) if mention is not None else None


def _noun_keys(head: Token) -> tuple[tuple[str, ...], ...]:
    """The lemma and, for a plural the tagger took for a name ("Agents of ..." opening a sentence after a
    dateline, lemma "Agents"), the word without its plural "s"."""
    lower = head.lower_
    return (pieces(head.lemma_), pieces(lower), pieces(lower[:-1]) if lower.endswith("s") else ())
