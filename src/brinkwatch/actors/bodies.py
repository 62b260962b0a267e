"""Bodies named by what they are rather than by name: "agents of the public prosecutor's office", "officers of
the border police", "the regional bloc", "the world body", "the 15-nation bloc's commission president".

``Bodies`` is a mixin of ``resolver.DocActors`` and uses its tables (``_kb``, ``_text``, ``memory``) and its
phrase builders (``resolve_token``, ``_phrase_bounds``, ``_left_window``, ``_coref_actor``).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from brinkwatch.actors.codes import NO_COUNTRY, NON_STATE
from brinkwatch.actors.kb import pieces
from brinkwatch.model import Actor

_BODY_REACH = 20  # sentences back: an international body is named once and referred to for the whole report
# "the 15-nation bloc", "the 27-member union", "the 10-country grouping": a size written into the epithet
_SIZE_WORDS = frozenset({"nation", "member", "country", "state", "strong"})
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
