"""Actor resolution on spaCy parses: noun phrase -> CAMEO actor code (``IRNGOV``, ``IGOUNOMIL``, ``---REB``).

``ActorResolver(kb).for_doc(doc, when)`` finds every knowledge-base name in the document once (longest match
over normalised word pieces) and returns a ``DocActors``; the coder then asks it to resolve the heads of
subjects and objects (``resolve_token``). A noun phrase is resolved from, in order: a KB name covering its
head (country, capital, seat of power, organisation, dated person role); otherwise its head noun's sector
plus a country found in its modifiers (possessor, demonym adjective, country or organisation name,
"U.S.-led", "of/in/from <country>", an apposition); pronouns and bare definite nouns ("the group") go to an
earlier mention (recency with number/type agreement); unknown named organisations are kept as new actors.
Regions, cities and peoples ("Darfur rebels", "Kurdish fighters", "Bosnian Serbs") are the business of the
``peoples`` mixin; a state that did not exist yet on the article's date is coded as its former state.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from brinkwatch.actors import discard
from brinkwatch.actors.bodies import Bodies
from brinkwatch.actors.codes import CONFIDENCE, NO_COUNTRY, NON_STATE, Origin, assemble_code, country_of
from brinkwatch.actors.context import DocContext, home_country, read_context
from brinkwatch.actors.coref import (
    COUNTRY_NOUNS,
    FIRST_PLURAL,
    NONSTATE_ARMED,
    PARTY_NOUNS,
    PRONOUNS,
    Mention,
    MentionMemory,
)
from brinkwatch.actors.kb import ActorKB, KBMatch, Key, pieces
from brinkwatch.actors.names import NameSpan, TownCountries, glossed_name
from brinkwatch.actors.namesakes import Namesakes
from brinkwatch.actors.owners import Owners
from brinkwatch.actors.peoples import PLACE_KINDS, PlacesAndPeoples, name_key_of
from brinkwatch.model import Actor

__all__ = ["CONFIDENCE", "NO_COUNTRY", "ActorResolver", "DocActors"]

_PLACE_PREPS = frozenset({"of", "in", "from", "at"})
_RULING_WORDS = frozenset({"ruling", "governing"})  # "the ruling CPDM": the party in power (GOV)
_COUNTERPART_PREPS = frozenset({"to", "with", "against", "from", "toward", "towards", "by", "into", "for"})
_FOR_HEADS = frozenset({"spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador", "negotiator",
                        "representative", "commissioner", "adviser", "advisor", "minister", "secretary"})  # fmt: skip
_WINDOW_POS = frozenset({"ADJ", "PROPN", "NOUN", "DET", "PART", "NUM", "VERB", "PUNCT"})
_NON_ACTOR_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_IGO_REACH = 20  # sentences back
_NONSTATE_ADJECTIVE_SECTORS = frozenset({"REB", "SEP", "INS", "UAF"})
_MAX_NAME_PARTS = 4  # given and middle names between a title and the surname
_FORMER_WORDS = frozenset({"former", "ex", "ousted", "deposed", "toppled", "retired", "onetime", "erstwhile"})
_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "nmod", "poss", "agent", "attr"}
)


class ActorResolver:
    """Holds the KB; makes one ``DocActors`` per parsed document."""

    def __init__(self, kb: ActorKB, town_countries: TownCountries | None = None) -> None:
        self.kb = kb
        # countries with a town, district or province of a name (the gazetteer's, wired in by the coder):
        # "Bara", "Tripoli", "Palma" name towns in several countries, and the sentence says which
        self.town_countries = town_countries

    def for_doc(self, doc: Doc, when: dt.date | None, *, exclude: tuple[int, int] | None = None) -> DocActors:
        """``exclude``: a character range that names no actor (the dateline: "BAGHDAD, Jan 8 (Wire) -")."""
        context = read_context(self.kb, doc, when, exclude=exclude, town_countries=self.town_countries)
        return DocActors(self.kb, doc, when, exclude=exclude, context=context)


class DocActors(Owners, Bodies, PlacesAndPeoples, Namesakes):
    """Actor mentions of one document and resolution of its noun phrases.

    The stages: ``context.read_context`` (KB names, defined acronyms, sentence numbers), this class's phrase
    resolution, ``coref.MentionMemory`` (antecedents of pronouns and bare nouns) and ``codes.assemble_code``
    (CAMEO code from origin and sector)."""

    def __init__(self, kb: ActorKB, doc: Doc, when: dt.date | None, *,
                 exclude: tuple[int, int] | None = None, context: DocContext | None = None) -> None:
        self._kb = kb
        self.context = context or read_context(kb, doc, when, exclude=exclude)
        self._exclude = self.context.exclude
        self._doc = doc
        self._text = self.context.text
        self._when = when
        self._pieces: list[Key] = self.context.word_pieces
        self._sentence_of: list[int] = self.context.sentence_of
        self._names: dict[int, NameSpan] = self.context.names
        self._acronyms: dict[str, Token] = self.context.acronyms
        self._cache: dict[int, Actor | None] = {}
        self._window_of: dict[int, int] = {}  # ``_left_window`` by head index: the names it reads are settled
        self.memory = MentionMemory(doc, self._sentence_of, group_nouns=kb.group_nouns, island_nouns=kb.island_nouns)
        self._collect_mentions()

    @property
    def mentions(self) -> list[Actor]:
        return [mention.actor for mention in self.memory.mentions]

    def name_at(self, index: int) -> KBMatch | None:
        found = self._names.get(index)
        return found.match if found else None

    # ---------------------------------------------------------------- mentions
    def _collect_mentions(self) -> None:
        # a document whose sentences the first pass (nlp.prefilter) all left unparsed has no noun chunks
        chunks = list(self._doc.noun_chunks) if self._doc.has_annotation("DEP") else []
        heads = {chunk.root.i for chunk in chunks}
        # nouns a parse error left inside another chunk ("The Indian army and Pakistani militants")
        heads.update(t.i for t in self._doc if t.pos_ in ("NOUN", "PROPN") and t.dep_ in _ARGUMENT_DEPS)
        in_chunks = {index for chunk in chunks for index in range(chunk.start, chunk.end)}
        for found in set(self._names.values()):
            if not any(index in in_chunks for index in range(found.start, found.end)):
                heads.add(found.end - 1)  # a name the chunker missed ("Hamas" as a compound)
        for index in sorted(heads):
            self.resolve_token(self._doc[index])

    # ---------------------------------------------------------------- public resolution
    def resolve_span(self, span: Span) -> Actor | None:
        """Resolve a span: a KB name spanning it exactly, else the phrase headed by its root."""
        found = self._names.get(span.start)
        if found is not None and found.start == span.start and found.end == span.end:
            return self._from_name(span.root, found, span.start_char, span.end_char)
        root = span.root
        if root.pos_ not in ("NOUN", "PROPN", "PRON"):
            nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN") and not span.start <= t.head.i < span.end]
            root = nouns[-1] if nouns else root
        return self.resolve_token(root)

    def resolve_token(self, head: Token) -> Actor | None:
        """Resolve the noun phrase headed by ``head`` (an nsubj/dobj/pobj/poss head)."""
        if head.i in self._cache:
            return self._cache[head.i]
        self._cache[head.i] = None  # guards against cycles through appositions
        if self._exclude[0] <= head.idx < self._exclude[1]:
            return None
        actor, kind = self._resolve(head)
        self._cache[head.i] = actor
        if actor is not None:
            self.memory.remember(head, actor, kind, titled=self._kb.title_sector(pieces(head.lemma_)) is not None)
            self._remember_named_holder(head, actor)
        return actor

    def _remember_named_holder(self, head: Token, actor: Actor) -> None:
        """"Ghana's finance minister, Kwame Boateng, ..." or "Kwame Boateng, Ghana's finance minister, ...": a name
        the KB does not know, in apposition to a person's office, is the office holder, so that a later bare
        "Boateng" is too (``_surname_antecedent``); a name the KB knows keeps its own entry."""
        key = pieces(head.lemma_)
        if len(actor.code) <= 3 or not (self._kb.title_sector(key) is not None or self._kb.is_person_noun(key)):
            return
        names = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
        for name in names:
            if name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", "") or name.i in self._names:
                continue
            first = name.i
            while first > 0 and self._doc[first - 1].pos_ == "PROPN" and self._doc[first - 1].head.i == name.i \
                    and self._doc[first - 1].dep_ == "compound":
                first -= 1
            start, end = self._doc[first].idx, name.idx + len(name.text)
            self.memory.remember(name, actor.model_copy(update={
                "text": self._text[start:end], "start": start, "end": end, "resolution": "coref"}), "person")

    # ---------------------------------------------------------------- resolution steps
    def _resolve(self, head: Token) -> tuple[Actor | None, str]:
        lower = head.lower_
        pronoun = head.pos_ == "PRON" or lower in PRONOUNS
        if pronoun and not (lower in FIRST_PLURAL and head.text.isupper()):  # "US" is a country, not "us"
            return self._coref_pronoun(head), "coref"
        glossed = glossed_name(self._doc, head)
        if head.i not in self._names and glossed is not None:
            named = self.resolve_token(glossed)
            if named is not None:
                return named, "new"
        for word in (head, *(c for c in head.lefts if c.dep_ == "compound")):  # "SLF", "LNA forces"
            defined = self._acronyms.get(word.text)
            if defined is not None and word.i not in self._names and defined.i < word.i - 1:
                named = self.resolve_token(defined)  # an organisation the article spelled out before
                if named is not None:
                    start = min(word.idx, head.idx)
                    return named.model_copy(update={"text": self._text[start:head.idx + len(head.text)],
                                                    "start": start, "end": head.idx + len(head.text),
                                                    "resolution": "coref"}), "new"
        found = self._names.get(head.i)
        if found is not None and self._inside_foreign_name(found):
            found = None  # "Iraqi National Congress" is not the US Congress
        if found is not None:
            start, end = self._phrase_bounds(head, min(found.start, self._left_window(head)))
            actor = self._from_name(head, found, start, end)
            return actor, found.match.kind
        if head.pos_ == "PROPN" and (named := self._surname_antecedent(head)) is not None:
            return self._coref_actor(head, named), "coref"
        return self._from_phrase(head)

    def _surname_antecedent(self, head: Token) -> Mention | None:
        """ "President Jose Jeri ... Jeri called the vote a coup": a bare name that ends a person the article
        named before with a title (or the KB knows) is that person, whose code the first mention settled. A
        name two earlier people share stays unresolved."""
        # the tagger reads a lone surname as an organisation now and then ("Marwitz criticised Serbia")
        if not head.text[:1].isupper() or head.ent_type_ not in ("PERSON", "ORG", "") or self._title_before(head.i):
            return None
        lefts = [t for t in head.lefts if t.dep_ == "compound" and t.i == head.i - 1]
        if any(t.pos_ != "PROPN" for t in lefts):
            return None
        name = " ".join([*(t.text for t in lefts), head.text])
        found = {m.actor.code: m for m in self.memory.mentions
                 if m.person and m.kind in ("title", "person") and m.head < head.i and m.head != head.i
                 and self._doc[m.head].text == head.text and (m.actor.text or "").endswith(name)
                 and len(m.actor.code) > 3}  # "---GOV": the story's country comes later, as for the first
        return next(iter(found.values())) if len(found) == 1 else None

    def _inside_foreign_name(self, found: NameSpan) -> bool:
        """A seat or capital name inside a longer organisation name led by another country's adjective."""
        if found.match.kind not in ("seat", *PLACE_KINDS) or found.start == 0:
            return False
        head = self._doc[found.end - 1]
        if head.ent_type_ != "ORG":
            return False
        for index in range(found.start - 1, self._left_window(self._doc[found.start]) - 1, -1):
            country = self._kb.adjective_country(self._pieces[index])
            if country is not None:
                return country != found.match.country
        return False

    def _from_name(self, head: Token, found: NameSpan, start: int, end: int) -> Actor:
        match = found.match
        resolution = {"capital": "metonym", "seat": "metonym", "region": "metonym", "city": "metonym"}.get(
            match.kind, "kb"
        )
        code, sector = match.code, match.sector
        if match.kind == "person" and not match.title:
            code, sector, resolution = self._person_by_title(head, found, match)
        home = self._namesake_home(found, match) or self._namesake_by_given_names(found, match)
        if home is not None:  # "BOGOTA - Defence Minister Pedro Sanchez": not Spain's prime minister
            sector = self._title_before(found.start)
            code, resolution = home + (sector or ""), "title"
        if self._is_former(head, min(found.start, self._left_window(head))):  # "Ousted President X", "former X"
            code, sector = f"{match.country or NO_COUNTRY}ELI", "ELI"
        chapter = self._national_chapter(match, found.start)
        if chapter is not None:  # "the Turkish Red Crescent" is Turkey's society, not the movement
            code, sector = chapter + code, "NGO"
        owner = self._owning_state(match, found.start) or self._shared_seat_home(match, found.start)
        if owner is not None:  # "Russia's Security Council" is Russia's government, not the UN's
            sector = (match.sector or "GOV") if match.kind == "seat" else "GOV"  # "Peru's Congress": PERLEG
            code = owner + sector
        code = self._kb.state_on(code, self._when)
        return Actor(
            code=code, country=country_of(code, match.country), sector=sector, text=self._text[start:end],
            start=start, end=end, name=match.name, kb_id=match.kb_id, resolution=resolution,
            confidence=CONFIDENCE["metonym" if resolution == "metonym" else "kb"],
        )  # fmt: skip

    def _namesake_home(self, found: NameSpan, match: KBMatch) -> str | None:
        """The dateline's country, when a KB person's name is given a title that is not the KB's role for
        them in a story datelined in another country: a namesake, not the known office holder."""
        countries = self.context.dateline_countries
        if match.kind != "person" or not match.title or len(countries) != 1 or match.country in countries:
            return None
        said = self._title_key_before(found.start)
        known = set(pieces(match.title))
        if said is None or set(said) <= known or known <= set(said):
            return None
        return next(iter(countries))

    def _title_key_before(self, index: int) -> Key | None:
        """Word pieces of the longest title right before token ``index`` ("Defence Minister")."""
        best, key = None, ()
        for start in range(index - 1, max(-1, index - 1 - self._kb.max_title_len), -1):
            key = self._pieces[start] + key
            if self._kb.title_sector(key) is not None:
                best = key
        return best

    def _person_by_title(self, head: Token, found: NameSpan, match: KBMatch) -> tuple[str, str | None, str]:
        """A known person with no role on the date: a title in front ("President X") still gives a sector."""
        title = self._title_before(found.start)
        if title is not None and match.country:
            # "UN Secretary-General Kofi Annan", "NATO Secretary General Jens Stoltenberg": the
            # organisation named before the title is whom the person acts for, not their nationality
            org = self._country_from_window(self._left_window(head), found.start)
            if org is not None and org[1] is not None and org[1].kind == "organization":
                return org[0] + title, title, "title"
            return match.country + title, title, "title"
        office = None if match.dated else self._appositive_office(head)
        if office is not None:  # "X, the UN envoy for Libya, said": what the article says X is on its date
            return office.code, office.sector, "title"
        return match.code, match.sector, "kb"

    def _appositive_office(self, head: Token) -> Actor | None:
        """The office an apposition gives a person the KB knows no role of on the date."""
        for child in head.children:
            if child.dep_ != "appos" or self._is_former(child, self._left_window(child)):
                continue  # "X, the former NATO chief": no office held now; the KB's default (ELI) stands
            actor = self.resolve_token(child)
            if actor is not None and actor.code[:3] != NO_COUNTRY and (
                actor.sector is not None or actor.code[:3] in NON_STATE
            ):
                return actor
        return None

    def _from_phrase(self, head: Token) -> tuple[Actor | None, str]:
        if head.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "X"):
            return None, ""
        if (user := self._user_by_agent(head)) is not None:
            return user, "coref"
        if (body := self._member_of(head)) is not None:
            return body, "kb+noun"
        if (opposition := self._opponents_of(head)) is not None:
            return opposition, "kb+noun"
        if self._described_body(head) and (body := self._body_antecedent(head)) is not None:
            return body, "coref"  # "the regional bloc", "the world body": the international body named before
        if head.lower_ in self._kb.crowd_numbers:
            return self._counted(head)
        window = self._left_window(head)
        elided = self._elided_noun_sector(head)
        if elided is not None:  # "Tajik and Afghan border guards", parsed as "Tajik" and "Afghan border guards"
            return self._build(head, head.i, (elided[0], None, "demonym"), elided[1], "demonym", None), "demonym"
        if head.pos_ == "ADJ" or self._modifying_adjective(head):
            # "Israeli" in "Israeli air raids": the country behind the event noun; "Tajik" in "Tajik and
            # Kyrgyz border guards", which the tagger reads as a name
            if self._names_language(head):
                return None, ""  # "a ban on the Uzbek language": a language, not the state
            country = self._adjective_at(head.i) or self._group_state(head.i, head)
            if country is None:
                return self._nonstate_adjective(head), "sector"
            return self._build(head, head.i, (country, None, "demonym"), None, "demonym", None), "demonym"
        sector, noun_start = self._head_sector(head)
        demonym = self._kb.demonym_country(self._pieces[head.i]) or self._kb.demonym_country(
            pieces(head.lemma_)
        )
        if demonym is not None and sector is None:
            return self._demonym_phrase(head, window, demonym), "demonym"
        states = self._kb.people_countries(self._pieces[head.i]) or self._kb.people_countries(pieces(head.lemma_))
        if states is not None and sector is None:
            return self._people_phrase(head, window, states), "demonym"
        if sector == "GOV" and self._bare_igo_head(head, window, noun_start):
            return self._igo_head(head, window), "coref"
        if sector is None and head.pos_ == "NOUN" and self._names_organization(head, window):
            return self._new_actor(head, window)
        if head.pos_ == "PROPN" and self._is_bare_definite(head, window, head.i) and \
                head.lower_ in self._kb.name_type_words and (named := self._named_type_antecedent(head)):
            return named, "coref"
        if self._is_bare_definite(head, window, head.i) and (head.lower_ in COUNTRY_NOUNS or (
                head.lower_ in self._kb.group_nouns) or (head.lower_ in self._kb.island_nouns and head.dep_ == "poss")):
            return self.coref_noun(head), "coref"
        if self._is_bare_definite(head, window, head.i) and head.lower_ in PARTY_NOUNS and head.dep_ != "poss" and (
                party := self.coref_noun(head)) is not None:
            return party, "coref"  # (with no party before, "the party" goes on as a sector noun)
        if sector is None and self._unknown_acronym(head):
            return self._acronym_actor(head, window)
        if head.pos_ == "PROPN" and head.ent_type_ == "ORG" and head.i not in self._names and not (
                self._person_titled(noun_start)):
            return self._new_actor(head, window)  # (a person the tagger took for an organisation goes on below)
        if sector is None and head.pos_ == "PROPN" and head.ent_type_ in ("LOC", "FAC") and \
                self._title_before(noun_start) is None:
            return None, ""  # "The Nile supplies ...", "the Golan Heights": a place or a building is no actor
        if sector is None and head.pos_ == "PROPN":
            title = self._title_before(noun_start)
            if title is not None:
                origin = self._country_from_window(window, noun_start) or self._country_from_context(head)
                sector = "ELI" if self._is_former(head, window) else title
                kind = "title"
                if origin is None:  # "President Xolo vowed to arrest Malian opposition leaders"
                    origin, kind = self._sentence_country(head), "domestic"
                if origin is None and title == "GOV" and self._subnational_title(noun_start):
                    origin, kind = self._subnational_home(head), "domestic"
                return self._build(head, window, origin, sector, kind, None), "title"
            return self._new_actor(head, window)
        if sector is None and self._kb.is_person_noun(pieces(head.lemma_)):
            sector = self._modifier_sector(head, window)  # "opposition candidates", "Hamas members"
            if sector is None:
                return self._modifier_actor(head, window), "sector"
        if sector is None:
            return None, ""
        return self._sector_phrase(head, window, sector, noun_start)

    def _unknown_acronym(self, head: Token) -> bool:
        """ "The FLNKS appealed for calm", "opposition party PAIGC denied ...": an all-capital word the
        dictionaries do not know and the article does not spell out, standing as an argument (not modifying a
        noun), names an organisation (the tagger often reads such words as common nouns)."""
        text = head.text
        return (2 < len(text) <= 7 and text.isalpha() and text.isupper() and head.i not in self._names
                and head.ent_type_ in ("", "ORG", "NORP") and head.dep_ not in ("compound", "amod")
                and text not in self._acronyms)

    def _acronym_actor(self, head: Token, window: int) -> tuple[Actor | None, str]:
        """An unknown acronym's sector from the type noun before it ("opposition party PAIGC" OPP, "the rebel
        group ARSA" REB); its country from a country word or place in its phrase, else the dateline's one
        country; with neither a country nor a sector it stays unresolved (no guess)."""
        sector = None
        for left in head.lefts:
            if left.dep_ in ("compound", "amod", "nmod") and left.i >= window:
                sector = self._head_sector(left)[0] or self._kb.name_word_sector(self._pieces[left.i]) or sector
        if sector in (None, "OPP", "CVL") and self._ruling_modifier(
            [*(left for left in head.lefts if left.i >= window), head]
        ):
            sector = "GOV"  # "the ruling CPDM", "the ruling party PAIGC"
        origin = self._country_from_window(window, head.i) or self._place_after(head)
        home = self.context.dateline_countries
        if origin is None and sector not in NON_STATE and len(home) == 1:
            origin = (next(iter(home)), None, "new")
        if origin is None and sector is None:
            return self._new_actor(head, window) if head.ent_type_ == "ORG" else (None, "")
        return self._build(head, window, origin, sector, "new", None), "new"

    def _user_by_agent(self, head: Token) -> Actor | None:
        """ "Drones launched by the Rapid Support Forces struck ...": a noun whose participle names its user in a
        by-phrase is that user's (not a backer's: "militias backed by Iran" keeps its own reading)."""
        for clause in head.rights:
            if clause.dep_ != "acl" or clause.tag_ != "VBN" or clause.lower_ not in self._kb.user_participles:
                continue
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                for user in (c for c in agent.children if c.dep_ == "pobj"):
                    actor = self.resolve_token(user)
                    if actor is not None and actor.country:
                        return self._coref_actor(head, Mention(actor, user.i, False, False, "organization"))
        return None

    def _nonstate_adjective(self, head: Token) -> Actor | None:
        """ "rebel" in "bombed rebel camps", which the tagger reads as an adjective: the armed side it names,
        when it modifies a member, vehicle or site noun (a state sector adjective such as "military" names no
        side of its own)."""
        if head.dep_ != "amod" or not self._kb.is_person_noun(pieces(head.head.lemma_)):
            return None  # "a terrorist act" is an act, not its doer
        sector = self._kb.sector_noun(self._pieces[head.i])
        if sector not in _NONSTATE_ADJECTIVE_SECTORS:
            return None
        return self._build(head, head.i, None, sector, "sector", None)

    def _adjective_at(self, index: int) -> str | None:
        """The country of the adjective ending at token ``index``, the two-word one first ("South Sudanese",
        "North Korean" are not "Sudanese" or "Korean")."""
        if index > 0 and self._doc[index - 1].head.i in (index, self._doc[index].head.i):
            country = self._kb.adjective_country(self._pieces[index - 1] + self._pieces[index])
            if country is not None:
                return country
        return self._kb.adjective_country(self._pieces[index])

    def _names_language(self, head: Token) -> bool:
        """A nationality adjective on a language noun ("the Uzbek language", "Arabic-language papers")."""
        first = head
        while first.dep_ == "conj" and first.head.i != first.i:  # "the Armenian and Azeri languages"
            first = first.head
        return first.dep_ in ("amod", "compound", "nmod") and first.head.lemma_.lower() in self._kb.language_nouns

    def _modifying_adjective(self, head: Token) -> bool:
        """A country adjective the tagger took for a name or noun, modifying a noun or coordinated with a
        modifier: "Tajik" in "Tajik and Kyrgyz border guards"."""
        if head.dep_ not in ("amod", "nmod", "compound", "conj") or head.i in self._names:
            return False
        if head.dep_ == "conj" and head.head.dep_ not in ("amod", "nmod", "compound"):
            return False
        return self._kb.adjective_country(self._pieces[head.i]) is not None and \
            self._kb.demonym_country(self._pieces[head.i]) is None

    def _elided_noun_sector(self, head: Token) -> tuple[str, str] | None:
        """(country, sector) of a nationality adjective the parser made a noun of its own, coordinated with
        an adjective + sector noun whose noun it shares: "Tajik" in "Tajik and Afghan border guards"."""
        if head.pos_ not in ("PROPN", "NOUN") or head.i in self._names or head.dep_ in ("amod", "compound"):
            return None
        country = self._kb.adjective_country(self._pieces[head.i])
        if country is None or self._kb.demonym_country(self._pieces[head.i]) is not None:
            return None
        for conj in head.children:
            if conj.dep_ == "conj" and conj.pos_ == "NOUN" and any(
                    c.dep_ == "amod" and c.i < conj.i and self._kb.adjective_country(self._pieces[c.i])
                    for c in conj.children):
                sector = self._head_sector(conj)[0]
                if sector is not None:
                    return country, sector
        return None

    def _sentence_country(self, head: Token) -> Origin | None:
        """The one country named in the sentence, for a titled person of unknown nationality.

        News names a head of state's country nearby; countries that belong to another titled person
        ("the Kenyan president William Ruto") do not count, and two different countries mean no guess. Under a
        dateline of one country, a country named only after the person's verb is the other party's ("DHAKA - Home
        adviser X accused India's border force"): the person is the dateline's."""
        sentence = self._sentence_of[head.i]
        countries: set[str] = set()
        verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else None
        datelined = self.context.dateline_countries
        if verb is not None and len(datelined) == 1:
            before = {self._names[t.i].match.country for t in head.sent if t.i < verb.i and t.i in self._names
                      and self._names[t.i].match.kind in PLACE_KINDS}
            if not before - datelined:
                home = next(iter(datelined))
                return home, None, "domestic"
        for token in head.sent:
            if self._sentence_of[token.i] != sentence or token.i == head.i:
                continue
            found = self._names.get(token.i)
            country = None
            if found is not None and found.match.kind in PLACE_KINDS and found.end - 1 == token.i:
                country = found.match.country
            elif found is None:
                country = self._kb.adjective_country(self._pieces[token.i])
            if (
                country is not None
                and not self._modifies_titled_person(token)
                and not self._is_counterpart(token)
            ):
                countries.add(country)
        return (countries.pop(), None, "domestic") if len(countries) == 1 else None

    @staticmethod
    def _is_counterpart(token: Token) -> bool:
        """ "visited France", "an offer from Afghanistan", "talks with Iran": another party, not home."""
        if token.dep_ in ("dobj", "nsubjpass", "dative"):
            return True
        return token.dep_ == "pobj" and token.head.lower_ in _COUNTERPART_PREPS

    def _modifies_titled_person(self, token: Token) -> bool:
        """ "Kenyan" in "Kenyan President William Ruto": the country of somebody else."""
        following = token.i + 1
        while following < len(self._doc) and self._doc[following].pos_ in ("NOUN", "PROPN", "ADJ"):
            word = self._doc[following]
            if word.pos_ == "PROPN" and word.ent_type_ == "PERSON":
                return True
            following += 1
        return False

    def _modifier_actor(self, head: Token, window: int) -> Actor | None:
        """ "UN inspectors", "Iranian negotiators": a people noun with no sector is its modifier's actor."""
        origin = self._country_from_window(window, head.i) or self._group_in_window(window, head.i, head)
        if origin is None:
            return self._possessed_by(head)
        return self._build(
            head, window, origin, None, "demonym" if origin[2] == "demonym" else "kb+noun", None
        )

    def _modifier_sector(self, head: Token, window: int, stop: int | None = None) -> str | None:
        for index in range((head.i if stop is None else stop) - 1, window - 1, -1):
            # the longest sector noun or title ending here: "the attorney general's office" is the prosecution's,
            # not the army's ("general")
            for first in range(max(window, index - self._kb.max_noun_len + 1), index + 1):
                key = sum((self._pieces[at] for at in range(first, index + 1)), ())
                sector = self._kb.sector_noun(key) or (self._kb.title_sector(key) if first < index else None)
                if sector is not None:
                    return sector
            found = self._names.get(index)
            if found is not None and found.match.sector is not None:
                return found.match.sector
        return None

    def _sector_phrase(
        self, head: Token, window: int, sector: str, noun_start: int
    ) -> tuple[Actor | None, str]:
        origin = (
            self._residence(head, sector)
            or self._country_from_window(window, noun_start)
            or self._country_from_context(head)
            or self._group_in_window(window, noun_start, head)
            or self._possessor_origin(head, sector)
        )
        if origin is None and (home := home_country(self._kb, self.context, head, range(window, head.i))):
            origin = (home, None, "domestic")  # "government troops" in a story filed from the country
        if origin is None:
            origin = self._subnational_body_home(head, window, sector)  # "the regional government"
        if origin is not None and origin[2] == "coref-armed":  # "Hamas said its gunmen ...": the group
            return self._build(head, window, (origin[0], None, "coref"), None, "coref", None), "coref"
        if sector == "GOV" and self._kb.is_person_noun(pieces(head.lemma_)):
            sector = self._modifier_sector(head, window, noun_start) or sector  # "rebel leaders", "army officials"
        described = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)  # "the inspector general
        # of police" describes someone new, not the last office holder
        if origin is None and self._is_bare_definite(head, window, noun_start) and not described:
            antecedent = self._titled_antecedent(head, sector) if self._kb.title_sector(
                pieces(head.lemma_)) is not None else None
            antecedent = antecedent or self.memory.antecedent(
                head, lambda m: m.actor.sector == sector and m.actor.country is not None
            )
            if antecedent is None and sector in NONSTATE_ARMED:
                # "the Rapid Support Forces ... (paragraphs) ... the paramilitaries shelled El Fasher": the armed
                # group the story named, whichever of the armed sectors its noun gives
                antecedent = self.memory.antecedent(
                    head, lambda m: m.actor.sector in NONSTATE_ARMED and not m.person and bool(m.actor.country)
                    and len(m.actor.country) == 3, reach=8)
            if antecedent is not None:
                return self._coref_actor(head, antecedent), "coref"
        if self._is_former(head, window):
            sector = "ELI"
        kind = "kb+noun" if origin is not None else "sector"
        if origin is not None and origin[2] in ("demonym", "coref"):
            kind = origin[2]
        return self._build(head, window, origin, sector, kind, None), "sector"

    def _titled_antecedent(self, head: Token, sector: str) -> Mention | None:
        """ "President William Ruto ... (three paragraphs) ... demanded that the president apologise", "met junta
        chief Min Aung Hlaing ... He urged the general": a bare definite title is the latest person of a state
        named with that kind of office in the story (a general may rule: GOV and MIL answer each other)."""
        offices = {sector} | ({"GOV", "MIL"} if sector in ("GOV", "MIL") else set())
        here = self._sentence_of[head.i]  # "Colombia's foreign minister criticised the president": not herself
        return self.memory.antecedent(
            head, lambda m: m.person and m.actor.sector in offices and bool(m.actor.country)
            and len(m.actor.country) == 3 and m.actor.country not in ("IGO", "NGO", "IMG")
            and self._sentence_of[m.head] < here, reach=8)

    # ---------------------------------------------------------------- phrase pieces
    def _left_window(self, head: Token) -> int:
        """First token index of the contiguous modifiers before ``head`` (stops at verbs, commas, "and")."""
        start = self._window_of.get(head.i)
        if start is None:  # asked again and again of one head by the resolution steps
            start = self._window_of[head.i] = self._scan_left_window(head)
        return start

    def _scan_left_window(self, head: Token) -> int:
        start = head.i
        subtree = range(head.left_edge.i, head.i)
        while start > 0:
            previous = self._doc[start - 1]
            if self._doc[start].is_sent_start or self._exclude[0] <= previous.idx < self._exclude[1]:
                break  # a phrase does not reach back into another sentence or into the dateline
            if self._bracketed_gloss_ends(start - 1):
                start -= 3  # "Ruritania Farmers Union (RFU) officials", "the Baraka (Blessing) party"
                continue
            if previous.ent_type_ in _NON_ACTOR_ENTITIES:
                break
            if previous.i not in subtree and self._doc[start].pos_ == "DET" and previous.pos_ != "PUNCT":
                break  # a determiner opens the phrase: "shot dead a mayor" is not "dead a mayor"
            if previous.i not in subtree and previous.pos_ in ("NOUN", "PROPN") and not self._knows(previous):
                break
            if previous.lower_ == "of" and self._inside_proper_name(previous):
                start -= 1  # "Secretary of State Hillary Clinton"
                continue
            if previous.pos_ not in _WINDOW_POS or previous.dep_ in ("cc", "conj") and previous.pos_ != "ADJ":
                break
            if (
                previous.pos_ == "VERB"
                and previous.lower_ not in _FORMER_WORDS
                and not self._is_hyphen_compound(previous)
            ):
                break
            if previous.pos_ == "PUNCT" and previous.text not in ("-", "–"):
                break
            start -= 1
        return start

    def _knows(self, token: Token) -> bool:
        key = self._pieces[token.i]
        return (
            token.i in self._names
            or self._kb.adjective_country(key) is not None
            or self._kb.group_countries(key) is not None  # "a Karen guerrilla camp"
        )

    def _inside_proper_name(self, token: Token) -> bool:
        doc = self._doc
        return (
            0 < token.i < len(doc) - 1
            and doc[token.i - 1].text[:1].isupper()
            and doc[token.i + 1].text[:1].isupper()
            and not (doc[token.i - 1].is_sent_start and doc[token.i - 1].pos_ != "PROPN")  # "Thousands of Kenyans"
        )

    def _is_hyphen_compound(self, token: Token) -> bool:
        """ "backed" in "US-backed": a participle glued to a name by a hyphen."""
        return token.i >= 2 and self._doc[token.i - 1].text in ("-", "–")

    def _head_sector(self, head: Token) -> tuple[str | None, int]:
        """Sector of the longest sector noun ending at ``head`` ("foreign minister"), and where it starts."""
        best: tuple[str | None, int] = (None, head.i)
        key: Key = ()
        for start in range(head.i, max(-1, head.i - self._kb.max_noun_len - 1), -1):
            if start != head.i and (
                (self._doc[start].pos_ in ("DET", "PUNCT", "PART") and not self._word_hyphen(start))
                or start in self._names
            ):
                break
            key = self._pieces[start] + key
            sector = self._kb.sector_noun(key)
            if start == head.i:
                sector = sector or self._kb.sector_noun(pieces(head.lemma_))
            if sector is not None:
                best = (sector, start)
        return best

    def _bare_igo_head(self, head: Token, window: int, noun_start: int) -> bool:
        """ "The Secretary-General" with no organisation of its own: the head of an international body."""
        key = sum((self._pieces[index] for index in range(noun_start, head.i + 1)), ())
        return key in self._kb.igo_head_nouns and self._is_bare_definite(head, window, noun_start) and not (
            head.i + 1 < len(self._doc) and self._doc[head.i + 1].lower_ == "of")

    def _igo_head(self, head: Token, window: int) -> Actor:
        """The international body named before, else the UN, whose Secretary-General news means unqualified."""
        antecedent = self.memory.antecedent(  # the same title named before is the same office holder
            head, lambda m: m.actor.code[:3] == "IGO" and "secretary" in m.actor.text.lower(), reach=_IGO_REACH,
        ) or self.memory.antecedent(head, lambda m: m.actor.code[:3] == "IGO", reach=_IGO_REACH)
        if antecedent is not None:
            return self._coref_actor(head, antecedent)
        return self._build(head, window, ("IGOUNO", None, "title"), None, "title", None)

    def _word_hyphen(self, index: int) -> bool:
        """A hyphen inside one written word ("Secretary-General"), not a dash between phrases."""
        token = self._doc[index]
        return token.text == "-" and index > 0 and not self._doc[index - 1].whitespace_ and not token.whitespace_

    def _person_titled(self, index: int) -> bool:
        """"opposition figure Nika Melia": a person noun with a sector before the name (which the tagger may read
        as an organisation) names a person of that sector."""
        start = index
        while start > 0 and index - start < _MAX_NAME_PARTS and self._doc[start - 1].pos_ == "PROPN":
            start -= 1
        return (start < index and start > 0 and self._kb.is_person_noun(self._pieces[start - 1])
                and self._title_before(index) is not None)

    def _title_before(self, index: int) -> str | None:
        """Sector of a title before a name ("President", "Gen.", "Prime Minister Adel Abdul Mahdi")."""
        end = index
        while end > 0 and index - end <= _MAX_NAME_PARTS:
            best, key = None, ()
            for start in range(end - 1, max(-1, end - 1 - self._kb.max_title_len), -1):
                key = self._pieces[start] + key
                best = self._kb.title_sector(key) or best
            if best is None and end < index and self._doc[end - 1].pos_ == "NOUN":
                # "Cuban leader Fidel Castro"; the longest sector phrase first: "opposition leader X" is
                # the opposition's, not a government's leader
                best = next((sector for size in (3, 2, 1) if end - size >= 0 and (sector := self._kb.sector_noun(
                    tuple(p for i in range(end - size, end) for p in self._pieces[i])))), None)
            if best is not None:
                return best
            if self._doc[end - 1].pos_ != "PROPN" and self._doc[end - 1].text not in ("-", "–"):
                return None
            end -= 1  # skip a first or middle name
        return None

    def _country_from_window(self, window: int, stop: int) -> Origin | None:
        """(code prefix, KB match, how) from the modifiers between ``window`` and ``stop``, nearest first."""
        for index in range(stop - 1, window - 1, -1):
            if self._opposed_by_prefix(index):
                continue  # "pro-Russian separatists", "anti-American protesters" are not Russian or American
            found = self._names.get(index)
            if found is not None:
                if self._proxy_follows(found.end):
                    continue
                if self._leader_follows(found.end) and found.match.country:  # "the Hamas-run ministry" -> PSE
                    return found.match.country, None, "kb+noun"
                owner = self._owning_state(found.match, found.start)
                if owner is not None:  # "Russia's UN ambassador" is Russia's diplomat
                    return owner, None, "kb+noun"
                return found.match.code, found.match, found.match.kind
            token_pieces = self._pieces[index]
            country = None
            if index > window:  # "South Sudanese troops" are not Sudanese
                country = self._kb.adjective_country(self._pieces[index - 1] + token_pieces)
            country = country or self._kb.adjective_country(token_pieces) or self._hyphen_country(self._doc[index])
            if country is not None and self._proxy_follows(index + 1):
                continue  # "Iranian-backed militias", "Saudi-funded groups": a proxy is not its backer
            if country is not None:
                return country, None, "demonym"
        return None

    def _hyphen_country(self, token: Token) -> str | None:
        """ "U.S.-led" -> USA; "US-backed" -> None (a proxy is not the backer)."""
        head_text, hyphen, suffix = token.text.rpartition("-")
        if not hyphen or pieces(suffix)[:1] not in {(word,) for word in self._kb.leader_suffixes}:
            return None
        matches = self._kb.lookup(head_text, self._when)
        if matches:
            return matches[0].country or matches[0].code
        return self._kb.adjective_country(pieces(head_text))

    def _leader_follows(self, end: int) -> bool:
        doc = self._doc
        return end + 1 < len(doc) and doc[end].text in ("-", "–") and doc[end + 1].lower_ in self._kb.leader_suffixes

    def _proxy_follows(self, end: int) -> bool:
        doc = self._doc
        if end + 1 < len(doc) and doc[end].text in ("-", "–") and doc[end + 1].lower_ in self._kb.proxy_suffixes:
            return True
        return end < len(doc) and any(part in self._kb.proxy_suffixes for part in self._pieces[end][1:2])

    def _country_from_context(self, head: Token) -> Origin | None:
        """Country from "of/in/from X" after the head, or from the phrase this one is in apposition to."""
        for child in head.rights:
            by_for = (
                child.lower_ == "for" and head.lemma_.lower() in _FOR_HEADS
            )  # "a spokesman for the ministry"
            if child.dep_ == "prep" and (child.lower_ in _PLACE_PREPS or by_for):
                for pobj in child.children:
                    found = self._origin_in_object(pobj) if pobj.dep_ == "pobj" else None
                    if found is not None:
                        return found
        doc = self._doc
        after = head.i + 1
        if after + 1 < len(doc) and doc[after].lower_ in _PLACE_PREPS:
            target = after + 2 if doc[after + 1].lower_ == "the" else after + 1
            if target < len(doc) and target in self._names and self._names[target].start == target:
                match = self._names[target].match
                return match.code, match, match.kind
        if head.dep_ == "appos" and head.head.i != head.i:
            other = self.resolve_token(head.head)
            if other is not None and other.country:
                return other.country, None, "appos"
        return None

    def _origin_in_object(self, pobj: Token) -> Origin | None:
        """ "of France", "from the Georgian government", "of the West Bank town of Jenin"."""
        if pobj.i in self._names:
            match = self._names[pobj.i].match
            return match.code, match, match.kind
        state = self._group_state(pobj.i, pobj)  # "the chief minister of Punjab ... Pakistani officials"
        if state is not None:
            return state, None, "region"
        other = self.resolve_token(pobj)
        if other is not None and other.country is not None:
            return (other.code if other.sector is None else other.country), None, "kb+noun"
        held = self._held_nationality(pobj)
        if held is not None:
            return held, None, "demonym"
        for token in pobj.subtree:
            found = self._names.get(token.i)
            if found is not None and found.match.kind in PLACE_KINDS:
                return found.match.code, found.match, found.match.kind
        return None

    def _held_nationality(self, pobj: Token) -> str | None:
        """The nationality written on a held or harmed people noun: "Israeli" in "the families of the Israeli
        hostages" (a phrase after the noun, "hostages held by Israeli forces", names someone else)."""
        if pobj.pos_ not in ("NOUN", "PROPN") or not self._kb.is_held_person(pieces(pobj.lemma_)):
            return None
        for left in reversed(list(pobj.lefts)):
            if left.dep_ not in ("amod", "compound", "nmod") or self._opposed_by_prefix(left.i):
                continue
            country = self._adjective_at(left.i) or self._hyphen_country(left)
            if country is not None:
                return country
        return None

    # ---------------------------------------------------------------- building actors
    def _build(self, head: Token, window: int, origin: Origin | None, sector: str | None,
               kind: str, name: str | None) -> Actor:  # fmt: skip
        start, end = self._phrase_bounds(head, window)
        match = origin[1] if origin else None
        code, sector, country = assemble_code(self._kb, origin, sector, self._when)
        resolution = {"kb+noun": "kb", "sector": "kb", "domestic": "title"}.get(kind, kind)
        return Actor(
            code=code, country=country, sector=sector or (match.sector if match else None),
            text=self._text[start:end], start=start, end=end, name=name or (match.name if match else None),
            kb_id=match.kb_id if match else None, resolution=resolution, confidence=CONFIDENCE[kind],
        )  # fmt: skip

    def _phrase_bounds(self, head: Token, window: int) -> tuple[int, int]:
        start_token = window
        while start_token < head.i and self._doc[start_token].pos_ == "PUNCT":
            start_token += 1
        start = self._doc[start_token].idx
        end_token = head
        for child in head.rights:
            if any(c.dep_ in {"cc", "conj"} and head.i < c.i < child.i for c in head.children):
                break  # "the army and RSF fighters in Khartoum": the phrase is not to swallow the coordination
            by_for = child.lower_ == "for" and head.lemma_.lower() in _FOR_HEADS
            if (
                child.dep_ == "prep"
                and (child.lower_ in _PLACE_PREPS or by_for)
                and any(
                    grandchild.i in self._names or self._cache.get(grandchild.i) is not None
                    for grandchild in child.children
                )
            ):
                end_token = child.right_edge  # "the president of France", "a spokesman for the ministry"
        found = self._names.get(head.i)
        end_index = max(end_token.i, found.end - 1) if found else end_token.i
        while end_index > head.i and self._doc[end_index].is_space:
            end_index -= 1  # the line break after a headline hangs off its last word
        last = self._doc[end_index]
        return start, last.idx + len(last.text)

    def _new_actor(self, head: Token, window: int) -> tuple[Actor | None, str]:
        """An unknown named organisation ("the Nigerian Union of Teachers", "Acme Liberation Front")."""
        if head.ent_type_ not in ("ORG", "NORP", "") or head.ent_type_ == "" and head.dep_ == "compound":
            return None, ""
        name_tokens = list(self._entity_tokens(head))
        if head.ent_type_ == "" and not any(token.text[:1].isupper() for token in name_tokens):
            return None, ""
        origin = self._country_from_window(min(window, name_tokens[0].i), name_tokens[-1].i + 1) or \
            self._place_after(head)
        sector = self._sector_in_name(name_tokens)
        named_sector, noun_start = self._head_sector(head)
        if named_sector is not None and noun_start < head.i:  # "Police Forces of Kenya", "Unidentified Armed Group"
            sector = named_sector
        before = name_tokens[0].i - 1
        if sector is None and before >= 0 and self._doc[before].pos_ in ("NOUN", "ADJ") and \
                self._doc[before].text.islower():
            sector = self._head_sector(self._doc[before])[0]  # "the opposition Pakistan Tehreek-e-Insaf", "the
            # rebel Chad Renewal Front": a sector noun right before an unknown name is the organisation's sector
        if sector == "MIL" and (origin is None or origin[2] in ("region", "city")):
            sector = "REB"  # "the Tigray Defence Forces", "the Ambazonia Defence Forces": no state's army
        if sector in (None, "OPP", "CVL") and self._ruling_modifier(name_tokens):
            sector = "GOV"  # "the ruling CPDM", "Tanzania's ruling CCM party": the party in power is the
            # government side (Phoenix agents code "ruling party", "governing party" GOV), not the opposition
        if origin is None and sector is None and head.ent_type_ != "ORG":
            return None, ""
        if origin is None and sector not in (None, *NON_STATE) and (
            self._kb.name_word_sector(name_key_of(name_tokens)) in NON_STATE
        ):
            origin = (self._kb.name_word_sector(name_key_of(name_tokens)), None, "new")  # "Association of
            # African Jurists": an association of jurists with no country is an NGO of the judicial sector
        home = self.context.dateline_countries
        if origin is None and sector not in NON_STATE and len(home) == 1 and head.ent_type_ == "ORG":
            origin = (next(iter(home)), None, "new")  # "TEHRAN - The Supreme National Security Council": a body
            # the KB does not know, named without a country in a story from one country, is that country's
        actor = self._build(head, window, origin, sector, "new", None)
        first, last = name_tokens[0], name_tokens[-1]
        start = min(actor.start or first.idx, first.idx)
        end = max(actor.end or 0, last.idx + len(last.text))
        text = self._text[start:end]
        return actor.model_copy(
            update={"start": start, "end": end, "text": text, "kb_id": None, "name": None}
        ), "new"

    def _ruling_modifier(self, name_tokens: list[Token]) -> bool:
        """ "ruling" or "governing" modifying an unknown organisation's name ("the ruling CPDM")."""
        inside = {token.i for token in name_tokens}
        first = name_tokens[0].i
        around = [*name_tokens, *([self._doc[first - 1]] if first > 0 else [])]
        return any(
            token.lower_ in _RULING_WORDS and token.dep_ in ("amod", "compound", "nmod") and token.head.i in inside
            for token in around
        )

    def _entity_tokens(self, head: Token) -> list[Token]:
        """Tokens of the named entity around ``head`` (walking IOB tags, so cost does not grow with the doc)."""
        if head.ent_type_:
            doc = self._doc
            start = head.i
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            end = head.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            subtree = {token.i for token in head.subtree}
            tokens = [t for t in doc[start:end] if t.lower_ != "the" and (t.i <= head.i or t.i in subtree)]
            return tokens or [head]
        return [token for token in head.subtree if token.i <= head.i or token.dep_ in ("prep", "pobj")]

    def _sector_in_name(self, tokens: list[Token]) -> str | None:
        """Occupational nouns inside a name ("Union of Teachers" -> EDU) beat organisational words."""
        occupational = None
        for token in tokens:
            if token.pos_ not in ("NOUN", "PROPN"):
                continue  # "the conservative Baraka party" is a party, not RAD
            sector = self._kb.sector_noun(self._pieces[token.i]) or self._kb.sector_noun(pieces(token.lemma_))
            if sector is not None:
                occupational = sector
        key = name_key_of(tokens)
        if occupational is not None and self._kb.name_word_length(key) < 2:
            return occupational
        return self._kb.name_word_sector(key) or occupational  # "Kosovo Liberation Army" is REB, not MIL

    def _is_former(self, head: Token, window: int) -> bool:
        return any(self._doc[index].lower_ in _FORMER_WORDS for index in range(window, head.i))

    def _is_bare_definite(self, head: Token, window: int, noun_start: int) -> bool:
        """ "the ministry", "the militants": a definite article and nothing else before the noun."""
        return noun_start - window == 1 and self._doc[window].lower_ in (
            "the",
            "this",
            "that",
            "these",
            "those",
        )

    # ---------------------------------------------------------------- coreference
    def _coref_actor(self, head: Token, antecedent: Mention) -> Actor:
        start, end = self._phrase_bounds(head, self._left_window(head))
        return antecedent.actor.model_copy(
            update={
                "text": self._text[start:end],
                "start": start,
                "end": end,
                "resolution": "coref",
                "confidence": CONFIDENCE["coref"],
            }  # fmt: skip
        )

    def _coref_pronoun(self, head: Token) -> Actor | None:
        antecedent = self.memory.pronoun_antecedent(head)
        return self._coref_actor(head, antecedent) if antecedent else None

    def pronoun_pair(self, head: Token) -> list[Actor]:
        """ "They" meaning the two parties named as coordinated subjects before ("Egypt and Sudan")."""
        return [self._coref_actor(head, mention) for mention in self.memory.pair_antecedent(head)]

    def coref_noun(self, head: Token) -> Actor | None:
        """ "the country" / "the group": the latest country-level or group-like mention."""
        antecedent = self.memory.noun_antecedent(head)
        return self._coref_actor(head, antecedent) if antecedent else None

    # ---------------------------------------------------------------- discard
    def is_discarded(self, sentence: Span) -> bool:
        """Sports, entertainment or history rather than politics ("beat Germany 2-0", "World Cup")."""
        return discard.is_discarded(self._kb, self._pieces, sentence)

    def has_score(self, sentence: Span) -> bool:
        """A sports result ("beat Argentina 2-0"): on its own enough to discard a sentence."""
        return discard.has_score(self._kb, list(sentence))
