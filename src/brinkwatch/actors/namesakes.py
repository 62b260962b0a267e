"""Names a report uses for actors the KB knows under another reading: a seat name other states' bodies share
("Congress" under a Lima dateline), a known surname ending a namesake's longer name ("Police chief Listyo Sigit
Prabowo"), a governor or mayor the KB does not know, and a bare "the Front" / "the Alliance" for the organisation
named before.

``Namesakes`` is a mixin of ``resolver.DocActors`` and uses its tables (``_kb``, ``_doc``, ``_names``, ``_pieces``,
``context``, ``memory``) and helpers (``_title_before``, ``_coref_actor``); it is kept apart so each module stays
readable.
"""

from __future__ import annotations

from spacy.tokens import Token

from brinkwatch.actors.codes import NON_STATE, Origin
from brinkwatch.actors.kb import KBMatch, pieces
from brinkwatch.actors.names import NameSpan
from brinkwatch.model import Actor


class Namesakes:
    """Mixin of ``DocActors``: names shared with, or shortened from, the KB's."""

    def _shared_seat_home(self, match: KBMatch, start: int) -> str | None:
        """The dateline's country for a bare seat name other states' bodies bear too: "LIMA - protesters
        marched on Congress" is Peru's Congress, "MANILA - Congress passed the bill" the Philippines'."""
        countries = self.context.dateline_countries
        if match.kind != "seat" or not self._kb.is_shared_seat(match.kb_id) or len(countries) != 1 \
                or match.country in countries:
            return None
        before = self._doc[start - 1] if start > 0 else None
        if before is not None and self._kb.adjective_country(self._pieces[before.i]) is not None:
            return None  # "the US Congress", "American Congress": named
        return next(iter(countries))

    def _namesake_by_given_names(self, found: NameSpan, match: KBMatch) -> str | None:
        """The person's country, when a KB person's surname ends a longer name whose other names are not the KB
        person's and whose title gives another sector than the KB role: "Police chief Listyo Sigit Prabowo" is
        a police chief, not President Prabowo Subianto."""
        if match.kind != "person" or not match.country or len(match.country) != 3:
            return None
        given = []
        index = found.start - 1
        # the other names of the same name (the tagger may call it an ORG: "Listyo Sigit Prabowo")
        while index >= 0 and self._doc[index].pos_ == "PROPN" and index not in self._names and (
                self._doc[index + 1].ent_iob_ == "I" or self._doc[index].dep_ == "compound") and \
                self._kb.title_sector(self._pieces[index]) is None and \
                self._kb.sector_noun(self._pieces[index]) is None:  # "Secretary General X": a title, no name
            given.append(index)
            index -= 1
        known = {piece for name in (match.name,) for piece in pieces(name)}
        if not given or any(set(self._pieces[i]) <= known for i in given):
            return None
        sector = self._title_before(found.start)
        if sector is None or sector == match.sector:
            return None
        countries = self.context.dateline_countries
        return next(iter(countries)) if len(countries) == 1 else match.country

    def _subnational_title(self, noun_start: int) -> bool:
        """ "Governor Hyacinth Alia", "Mayor Lener Gustave": a regional or town official's title."""
        return any(self._doc[i].lower_ in self._kb.subnational_titles
                   for i in range(max(0, noun_start - 3), noun_start))

    def _subnational_home(self, head: Token) -> Origin | None:
        """The country of a governor or mayor the KB does not know: the dateline's, else the one country the
        sentence names, a titled person's included ("President Tinubu called on Governor X": Nigeria's): no
        state has another state's governors."""
        datelined = self.context.dateline_countries
        if len(datelined) == 1:
            return next(iter(datelined)), None, "domestic"
        countries = {found.match.country for token in head.sent if (found := self._names.get(token.i)) is not None
                     and found.end - 1 == token.i and found.match.country and len(found.match.country) == 3
                     and found.match.country not in NON_STATE}
        return (countries.pop(), None, "domestic") if len(countries) == 1 else None

    def _named_type_antecedent(self, head: Token) -> Actor | None:
        """ "the Front", "the Alliance", "the Council": the last organisation named before whose name ends in
        that word ("the Tigray People's Liberation Front ... The Front's leadership denied ...")."""
        for mention in reversed(self.memory.mentions):
            actor = mention.actor
            if mention.head >= head.i or not actor.text or mention.kind not in ("organization", "new", "seat"):
                continue
            if actor.text.rstrip(" .,'’s").split()[-1].lower() == head.lower_:
                return self._coref_actor(head, mention)
        return None
