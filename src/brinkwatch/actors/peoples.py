"""Places and peoples inside noun phrases: the part of actor resolution that finds a state for a region, a
city, a people or an ethnic group, and for an organisation known only by its own name; and a crowd given by
its size ("Thousands rallied in Belgrade", "thousands of Russian troops").

CAMEO codes an actor by the state it belongs to: "Darfur rebels" SDN, "the Mayor of Istanbul" TUR, "Chechen
fighters" RUS. A people of several states ("Kurdish", "Kashmiri") takes the one the sentence names; a people
is coded where it lives ("Bosnian Serbs" BIH, "ethnic Turks in Bulgaria" BGR). ``PlacesAndPeoples`` is a mixin
of ``resolver.DocActors`` and uses its tables (``_kb``, ``_doc``, ``_names``, ``_pieces``, ``_when``) and
its phrase builders; it is kept apart so each module stays readable.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from brinkwatch.actors.codes import Origin
from brinkwatch.actors.kb import ActorKB, KBMatch, Key, pieces
from brinkwatch.actors.names import PLACE_KINDS, NameSpan
from brinkwatch.model import Actor

_RESIDENT_HEADS = frozenset({"minority", "minorities", "community", "communities", "population", "populations"})


def name_key_of(tokens: list[Token]) -> Key:
    """Word pieces of a run of tokens (a name)."""
    return tuple(piece for token in tokens for piece in pieces(token.text))


def origin_country(origin: Origin) -> str:
    """The country of a window/context origin (a KB match's country, else the code's first three letters)."""
    match = origin[1]
    return (match.country if match is not None and match.country else origin[0])[:3]


class PlacesAndPeoples:
    """Mixin of ``DocActors``: regions, cities, peoples, bracketed glosses and self-named organisations."""

    _kb: ActorKB
    _doc: Doc
    _names: dict[int, NameSpan]
    _pieces: list[Key]
    _when: dt.date | None
    _text: str

    def _demonym_phrase(self, head: Token, window: int, demonym: str) -> Actor:
        """ "Iraqis" -> IRQ; a people where they live: "ethnic Albanians in Serbia" -> SRB + CVL (as CAMEO codes
        minorities by their country of residence)."""
        place = self._country_from_context(head)
        ethnic = any(self._doc[index].lower_ in ("ethnic", "minority") for index in range(window, head.i))
        if place is not None and place[2] in PLACE_KINDS:
            minority = ethnic or self._kb.is_ethnic_people(self._pieces[head.i]) and origin_country(place) != demonym
            return self._build(head, window, place, "CVL" if minority else None, "demonym", None)
        if self._kb.is_ethnic_people(self._pieces[head.i]):  # "Bosnian Serbs", "Kosovo Albanians"
            home = self._country_from_window(window, head.i)
            if home is not None and home[2] in (*PLACE_KINDS, "demonym") and origin_country(home) != demonym:
                return self._build(head, window, home, "CVL", "demonym", None)
        if ethnic:  # "troops detained two ethnic Uzbeks near Osh, Kyrgyzstan": a minority lives
            others = self._sentence_states(head) - {demonym}  # in the one other state the sentence names
            if len(others) == 1:
                return self._build(head, window, (others.pop(), None, "demonym"), "CVL", "demonym", None)
        return self._build(
            head, window, (demonym, None, "demonym"), "CVL" if ethnic else None, "demonym", None
        )

    def _counted(self, head: Token) -> tuple[Actor | None, str]:
        """A number noun ("thousands", "dozens") is what its "of" complement counts ("thousands of Russian
        troops" are RUSMIL, "hundreds of students" EDU); alone, as the subject of a crowd verb ("Hundreds
        marched through Nairobi", "Tens of thousands took to the streets"), a crowd of no country yet, which
        the sentence's or story's place gives; anywhere else ("killed dozens") no actor."""
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                counted = next((self.resolve_token(p) for p in prep.children if p.dep_ == "pobj"), None)
                if counted is None or counted.start is None:
                    return None, ""
                return counted.model_copy(update={"text": self._text[head.idx:counted.end],
                                                  "start": head.idx}), "sector"
        # "Thousands rally in Belgrade.": a headline the parser read as the noun "rally" counted by "Thousands"
        headline = head.dep_ == "nummod" and head.head.dep_ == "ROOT" and head.head.pos_ == "NOUN"
        if not (head.dep_ == "nsubj" or headline) or not self._is_crowd_verb(head.head):
            return None, ""
        return self._build(head, self._left_window(head), None, "CVL", "sector", None), "sector"

    def _is_crowd_verb(self, verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        for entry in self._kb.crowd_verbs:
            if entry[0] != lemma:
                continue
            if len(entry) == 1 or any(prep.dep_ == "prep" and prep.lower_ == entry[1] and any(
                    p.dep_ == "pobj" and p.lemma_.lower() == entry[2] for p in prep.children)
                    for prep in verb.children):
                return True
        return False

    def _national_chapter(self, match: KBMatch, start: int) -> str | None:
        """The country of a national society of an international NGO: a country adjective or name right
        before the name ("the Palestinian Red Crescent", "the American Red Cross")."""
        if match.kind != "organization" or not match.code.startswith("NGO") or start == 0:
            return None
        before = self._names.get(start - 1)
        if before is not None:
            return before.match.country if before.match.kind == "country" else None
        return self._kb.adjective_country(self._pieces[start - 1])

    def _owning_state(self, match: KBMatch, start: int) -> str | None:
        """The state whose own body an international organisation's name stands for when that state owns it:
        "Russia's Security Council", "the Russian Security Council" (a state's council, not the UN's). An IGO
        belongs to no state, so a country's possessive or adjective right before its name says otherwise. So
        with another state's seat of power: "Peru's Congress", "the Colombian Congress" are not the US's."""
        igo = match.kind == "organization" and match.code.startswith("IGO")
        if not (igo or match.kind == "seat") or start == 0:
            return None
        owner = None
        if start >= 2 and self._doc[start - 1].text in ("'s", "’s", "'"):
            found = self._names.get(start - 2)
            owner = found.match.country if found is not None and found.match.kind == "country" else None
        elif self._names.get(start - 1) is None:
            owner = self._kb.adjective_country(self._pieces[start - 1])
        return owner if owner != match.country else None

    def _people_phrase(self, head: Token, window: int, states: tuple[str, ...]) -> Actor:
        """A people is its state's civilians (as the PLOVER gold codes "Iraqi Kurds" IRQ CVL): "Chechens" ->
        RUSCVL; "Kurds in Iraq", "Iraqi Kurds" -> IRQCVL (where it lives); "Kurds" alone -> the one of their
        states the sentence names, else ---CVL."""
        place = self._country_from_context(head)
        if place is None or place[2] not in PLACE_KINDS:
            place = self._country_from_window(window, head.i)
        if place is None:
            place = self._group_in_window(window, head.i, head)  # "Crimean Tatars" live in Ukraine
        if place is not None and place[2] in (*PLACE_KINDS, "demonym"):
            return self._build(head, window, place, "CVL", "demonym", None)
        state = self._choose_state(states, head)
        return self._build(head, window, (state, None, "demonym") if state else None, "CVL", "demonym", None)

    def _residence(self, head: Token, sector: str) -> Origin | None:
        """ "the Turkish minority in Bulgaria", "the Albanian community of Macedonia": a minority is coded by
        the place it lives in, which beats the people's adjective."""
        if sector != "CVL" or head.lower_ not in _RESIDENT_HEADS:
            return None
        place = self._country_from_context(head)
        return place if place is not None and place[2] in PLACE_KINDS else None

    def _group_in_window(self, window: int, stop: int, head: Token) -> Origin | None:
        """A people's adjective or a several-state region among the modifiers ("Kurdish rebels", "Karen
        guerrillas"): only a fallback, after a country word before or a place after the head."""
        for index in range(stop - 1, window - 1, -1):
            state = self._group_state(index, head)
            if state is not None:
                return state, None, "demonym"
        return None

    def _group_state(self, index: int, head: Token) -> str | None:
        states = self._kb.group_countries(self._pieces[index])
        return self._choose_state(states, head) if states else None

    def _choose_state(self, states: tuple[str, ...], head: Token) -> str | None:
        """One state, or the only one of several that the sentence names ("Kurdish rebels ... Turkey")."""
        if len(states) == 1:
            return states[0]
        chosen = self._sentence_states(head) & set(states)
        return chosen.pop() if len(chosen) == 1 else None

    def _sentence_states(self, head: Token) -> set[str]:
        """States the sentence of ``head`` names: place names and country adjectives."""
        named: set[str] = set()
        for token in head.sent:
            found = self._names.get(token.i)
            country = None
            if found is not None and found.match.kind in PLACE_KINDS:
                country = found.match.country
            elif found is None:
                country = self._kb.adjective_country(self._pieces[token.i])
            if country is not None:
                named.add(country)
        return named

    def _names_organization(self, head: Token, window: int) -> bool:
        """ "the Baraka (Blessing) party", "the Second Global Soil Forum": a proper name before an organisation
        noun of sectors.yaml's name words is an organisation's name."""
        if self._kb.name_word_sector(self._pieces[head.i]) is None and self._kb.name_word_sector(
            pieces(head.lemma_)
        ) is None:
            return False
        before = [t for t in self._doc[window : head.i] if t.pos_ == "PROPN" and t.text[:1].isupper()]
        return bool(before) and not any(t.i in self._names for t in before)

    def _bracketed_gloss_ends(self, index: int) -> bool:
        """ ")" closing one capitalised word in brackets right after a capitalised name: an acronym or a
        translation of the name, part of the same noun phrase."""
        doc = self._doc
        return (
            index >= 3
            and doc[index].text == ")"
            and doc[index - 2].text == "("
            and doc[index - 1].text[:1].isupper()
            and doc[index - 3].text[:1].isupper()
        )

    def _opposed_by_prefix(self, index: int) -> bool:
        """ "pro-Russian", "anti-US": the token follows "pro-"/"anti-" (one token or split at the hyphen)."""
        doc = self._doc
        if self._pieces[index][:2] in (("pro", "-"), ("anti", "-")):
            return True
        return index >= 2 and doc[index - 1].text in ("-", "–") and doc[index - 2].lower_ in ("pro", "anti")

    def _place_after(self, head: Token) -> Origin | None:
        """ "Acme Nuclear Research Centre in northern Iran": a place after an organisation's name."""
        place = self._country_from_context(head)
        return place if place is not None and place[2] in PLACE_KINDS else None
