"""Possessives in noun phrases: whose "its soldiers", "their post" or "the kingdom's army" are.

``Owners`` is a mixin of ``resolver.DocActors`` and uses its tables (``_kb``, ``_text``, ``memory``) and its
phrase builders (``_build``, ``_head_sector``, ``_left_window``, ``_phrase_bounds``, ``resolve_token``); it is
kept apart so each module stays readable.
"""

from __future__ import annotations

from spacy.tokens import Token

from brinkwatch.actors.codes import CONFIDENCE, NO_COUNTRY, Origin
from brinkwatch.actors.context import NON_STATE_PREFIXES
from brinkwatch.actors.coref import COUNTRY_NOUNS, NONSTATE_ARMED
from brinkwatch.actors.kb import pieces
from brinkwatch.model import Actor

OWNER_PRONOUNS = frozenset({"its", "their"})
PERSON_OWNERS = frozenset({"his", "her"})  # only for a person's followers ("his supporters"), not "his lawyer"
ARMED = frozenset({"MIL", "REB", "UAF", "INS", "SEP"})  # sectors whose members bear arms for the body


class Owners:
    """Mixin of ``DocActors``: the owner a possessive refers back to, and what it owns."""

    def owned_by_another(self, head: Token, exclude: frozenset[str]) -> Actor | None:
        """The phrase headed by ``head`` ("its soldiers") with its possessive read as somebody not of the
        countries in ``exclude``: what an attacker hits is not its own ("Israel said Hamas had attacked its
        soldiers": Israel's). None when the phrase has no such possessive or no such antecedent."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS), None)
        mention = self.memory.pronoun_antecedent(owner, exclude) if owner is not None else None
        if mention is None or not (mention.actor.country or NONSTATE_ARMED & {mention.actor.sector}):
            return None  # ("A spokesman for the rebels said troops had bombed their positions": the rebels')
        if mention.actor.code.startswith(NO_COUNTRY):  # the rebels' own, placed later by the story
            return self._build(head, self._left_window(head), None, mention.actor.sector, "coref", None)
        actor = mention.actor
        state = actor.code[:3] not in NON_STATE_PREFIXES and len(actor.code) <= 6
        sector = self._head_sector(head)[0]
        origin = (actor.country if state else actor.code, None, "coref")
        if sector is None:  # "its positions", "their posts": the owner's own
            origin, sector = (actor.code, None, "coref"), None
        return self._build(head, self._left_window(head), origin, sector, "coref", None)

    def _possessed_by(self, head: Token) -> Actor | None:
        """ "their post", "its convoy": a post, vehicle or unit of no sector of its own is its owner's."""
        owner = next((c for c in head.children if c.dep_ == "poss" and (c.lower_ in OWNER_PRONOUNS or (
            c.lower_ in PERSON_OWNERS and self._kb.is_follower_noun(pieces(head.lemma_))))), None)
        actor = self.resolve_token(owner) if owner is not None else None
        if actor is None or actor.code == NO_COUNTRY:
            return None  # an owner of no country but a sector ("the military government") the story may place
        start, end = self._phrase_bounds(head, self._left_window(head))
        return actor.model_copy(update={"text": self._text[start:end], "start": start, "end": end,
                                        "resolution": "coref", "confidence": CONFIDENCE["coref"]})

    def _possessor_origin(self, head: Token, sector: str) -> Origin | None:
        """ "its forces", "their fighters", "the country's army": the owner a possessive refers back to.

        A state's pronoun gives its country ("Rwanda said its soldiers ..." -> RWAMIL); an armed group's
        armed members are the group itself ("Hamas said its gunmen ..."); another organisation is the prefix
        of its members ("the UN said its peacekeepers ..." -> IGOUNOPKO)."""
        owner = next((c for c in head.children if c.dep_ == "poss" and (
            c.lower_ in OWNER_PRONOUNS or c.lower_ in COUNTRY_NOUNS | self._kb.group_nouns | self._kb.island_nouns
            or c.lower_ == "whose" or (c.pos_ == "PROPN" and c.lower_ in self._kb.name_type_words)
            or self._described_body(c))),
            None)  # "the kingdom's", "the Front's", "the regional body's"
        region = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None and region is not None and (home := self._region_owner_home(region)) is not None:
            return home  # "the region's prime minister", "the province's governor"
        if owner is not None and owner.lower_ == "whose":
            # "the Sudanese general, whose troops shelled El Fasher": the relative clause's antecedent owns them
            clause = head.head
            owner = clause.head if clause.dep_ == "relcl" and head.dep_ in {"nsubj", "nsubjpass"} else None
        if owner is None:
            return None
        actor = self.resolve_token(owner)
        if actor is None or actor.code.startswith(NO_COUNTRY):
            return None
        subject = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        own_doer = subject is not None and (self.resolve_token(subject) or actor).code == actor.code
        if sector in ARMED and actor.sector in ARMED - {"MIL"} and actor.country not in NON_STATE_PREFIXES \
                and not own_doer:
            # "suspended talks with the ELN and accused its commanders": a rebel group's commanders are the group
            # (not "the ELN attacked its soldiers": no group attacks its own)
            return actor.code, None, "coref-armed"
        if sector == "GOV" and actor.sector in (ARMED - {"MIL"}) | {"OPP"} and actor.country not in NON_STATE_PREFIXES:
            # "the Front's leadership", "the movement's leaders": a group's leaders speak for the group, they are
            # no government
            return actor.code, None, "coref-armed"
        if actor.country and actor.code[:3] not in NON_STATE_PREFIXES and len(actor.code) <= 6:
            return actor.country, None, "coref"  # a state or one of its sectors
        if sector in ARMED and any(actor.code[i:i + 3] in ARMED for i in range(3, len(actor.code), 3)):
            return actor.code, None, "coref-armed"
        return actor.code, None, "coref"
