"""Stage 3 of actor resolution: the actors a document has mentioned so far, and what a pronoun or a bare
"the country" / "the group" refers back to.

``MentionMemory`` keeps every resolved mention in text order (``remember``) and answers antecedent questions
by recency with number and type agreement: "he" wants a person, "it" a singular non-person, "they" a
plural or an organisation, a statement's "we" the government or body speaking; "the country" the latest
country, "the group" the latest organisation or armed group. It knows nothing of how a phrase is resolved.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from brinkwatch.model import Actor

# Closed-class words of English grammar (not domain knowledge, so they live here rather than in data files).
SINGULAR_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
# a statement's or a spokesman's "we": the government, organisation or country speaking
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
PRONOUNS = SINGULAR_PRONOUNS | PLURAL_PRONOUNS | PERSON_PRONOUNS | FIRST_PLURAL
COUNTRY_NOUNS = frozenset({"country", "nation", "kingdom", "republic"})
PARTY_NOUNS = frozenset({"party"})  # "the party would appeal": the party (or party man) named just before
NONSTATE_ARMED = frozenset({"REB", "UAF", "INS", "SEP"})


@dataclass(frozen=True)
class Mention:
    """A resolved noun phrase: its actor, head token index, and what agreement needs to know of it."""

    actor: Actor
    head: int
    plural: bool
    person: bool
    kind: str  # the KB match kind or resolution step ("country", "organization", "new", "sector", ...)


Accept = Callable[[Mention], bool]


def sentence_numbers(doc: Doc) -> list[int]:
    """Sentence number of every token (0 for all if the pipeline has no sentence boundaries)."""
    numbers = [0] * len(doc)
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return numbers
    for number, sentence in enumerate(doc.sents):
        numbers[sentence.start : sentence.end] = [number] * (sentence.end - sentence.start)
    return numbers


class MentionMemory:
    """The mentions of one document in text order, each head and span remembered once."""

    def __init__(self, doc: Doc, sentence_of: list[int], *, group_nouns: frozenset[str],
                 island_nouns: frozenset[str]) -> None:
        """``group_nouns`` ("the group") and ``island_nouns`` ("the island's") come from the KB's
        phrase_words.yaml."""
        self._doc = doc
        self._group_nouns = group_nouns
        self._island_nouns = island_nouns
        self._sentence_of = sentence_of
        self.mentions: list[Mention] = []
        self._heads: set[int] = set()
        self._spans: set[tuple[int | None, int | None]] = set()

    def remember(self, head: Token, actor: Actor, kind: str, titled: bool = False) -> None:
        """``titled``: the head is a word used as a title ("the ambassador"), so a person, whatever ``kind``."""
        span = (actor.start, actor.end)
        if head.i in self._heads or span in self._spans:
            return
        self._heads.add(head.i)
        self._spans.add(span)
        # a name the KB knows as a place or body is no person, whatever the tagger says ("Azerbaijan" tagged
        # PERSON), and a country is an "it" even when its name is plural ("the Philippines said its boats")
        named_thing = kind in ("country", "capital", "region", "city", "seat", "organization")
        plural = head.tag_ in ("NNS", "NNPS") and kind not in ("country", "capital") or kind == "demonym"
        person = kind in ("person", "title") or (head.ent_type_ == "PERSON" and not named_thing) or (
            titled and not plural)
        mention = Mention(actor, head.i, plural, person, kind)
        bisect.insort(self.mentions, mention, key=lambda m: m.actor.start or 0)  # text order, in O(log n)

    def antecedent(self, head: Token, accept: Accept, reach: int = 1) -> Mention | None:
        """Latest earlier mention accepted by ``accept`` within ``reach`` sentences back (0 = same sentence)."""
        sentence = self._sentence_of[head.i]
        for mention in reversed(self.mentions):
            if sentence - self._sentence_of[mention.head] > reach:
                continue
            if mention.head < head.i and (mention.actor.end or 0) <= head.idx and accept(mention):
                return mention
        return None

    def salient_antecedent(self, head: Token, accept: Accept, reach: int, topic: bool = False) -> Mention | None:
        """A subject pronoun opening a clause with no candidate earlier in its own sentence continues the
        subject of the sentences before ("Iran summoned the British envoy. It accused London ...": Iran, not
        the envoy); other pronouns, and subjects with no earlier subject to continue, take the latest.
        ``topic``: the word names the story's topic wherever it stands ("the country's minister")."""
        # "... warns that its budget runs out. Its head appealed to donors": a possessive opening the sentence's
        # subject continues the subject before, as the subject pronoun itself would
        opening_owner = head.dep_ == "poss" and head.head.dep_ in ("nsubj", "nsubjpass") and head.i == head.sent.start
        subject_position = topic or head.dep_ in ("nsubj", "nsubjpass") or opening_owner
        if not subject_position or self.antecedent(head, accept, reach=0) is not None:
            return self.antecedent(head, accept, reach)
        # (the possessive looks one sentence back only: a subject further back has been talked past)
        subject = self.antecedent(head, lambda m: accept(m) and _is_subject(self._doc[m.head]),
                                  1 if opening_owner and not topic else reach)
        return subject or self.antecedent(head, accept, reach)

    def pronoun_antecedent(self, head: Token, exclude: frozenset[str] = frozenset()) -> Mention | None:
        """What a personal pronoun refers to (None for a word that is no pronoun of these classes), skipping
        mentions of the countries in ``exclude``."""
        lower = head.lower_
        reflexive = lower.endswith(("self", "selves"))

        verb = head.head
        if head.dep_ == "pobj" and verb.lower_ == "of" and verb.head.dep_ == "dobj":
            verb = verb.head.head  # "police arrested 13 of them": the partitive's clause
        # "police fired tear gas to disperse them": an infinitive with no subject of its own has its governor's
        controller = verb.head if verb.dep_ in ("xcomp", "advcl") and verb.head.i != verb.i and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) else verb

        def local(m: Mention) -> bool:
            """A plain object pronoun never means its own clause's subject ("the Duma approved it", "police detained
            13 of them"), nor the subject an infinitive clause of purpose shares ("police fired tear gas to push them
            back")."""
            other = self._doc[m.head]
            if m.actor.code in exclude or m.actor.country in exclude and m.actor.sector not in NONSTATE_ARMED:
                return True  # (a country's rebels are not its army: "troops bombed their positions")
            return not reflexive and head.dep_ != "poss" and other.dep_ == "nsubj" and other.head.i in (
                verb.i, controller.i)

        if lower in PERSON_PRONOUNS:
            return self.salient_antecedent(head, lambda m: m.person and not local(m), reach=2)
        if lower in SINGULAR_PRONOUNS:
            accept: Accept = lambda m: not m.person and not m.plural and not local(m)  # noqa: E731
            return self._reporter(head, accept) or self.salient_antecedent(head, accept, reach=2)
        if lower in PLURAL_PRONOUNS:
            accept = lambda m: (m.plural or m.kind == "organization") and not local(m)  # noqa: E731
            return self._reporter(head, accept) or self.salient_antecedent(head, accept, reach=2)
        if lower in FIRST_PLURAL:  # "We call on the Government of Venezuela ...": the body speaking
            return self.antecedent(head, lambda m: _speaking_body(m, self._doc) and not local(m), reach=3)
        return None

    def _reporter(self, head: Token, accept: Accept) -> Mention | None:
        """ "Burundi, which has troops in South Kivu, said its soldiers killed ...": a possessive opening the
        subject of a reported clause, or that subject itself ("... said it would keep its offer open"), is the
        reporting clause's subject, whatever is named in between."""
        owner = head.head
        verb = owner.head
        if head.dep_ in ("nsubj", "nsubjpass") and owner.dep_ == "ccomp":
            verb = owner  # "Seoul's ministry, which handles ties with the North, said it would ...": the ministry
        elif head.dep_ != "poss" or owner.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp":
            return None
        subjects = {t.i for t in verb.head.children if t.dep_ == "nsubj"}
        return next((m for m in reversed(self.mentions) if m.head in subjects and m.head < head.i and accept(m)),
                    None)

    def pair_antecedent(self, head: Token) -> list[Mention]:
        """ "Egypt and Sudan held talks. They agreed ...": a subject "they" with no plural antecedent of its
        own is the two coordinated subjects of the sentence before, when both are countries or bodies of two
        different states; [] otherwise."""
        if head.lower_ != "they" or head.dep_ not in ("nsubj", "nsubjpass"):
            return []
        if self.pronoun_antecedent(head) is not None:
            return []
        sentence = self._sentence_of[head.i]
        by_head = {m.head: m for m in self.mentions if self._sentence_of[m.head] == sentence - 1}
        for mention in reversed(by_head.values()):
            token = self._doc[mention.head]
            first = by_head.get(token.head.i)
            if token.dep_ != "conj" or first is None or not _is_subject(self._doc[first.head]):
                continue
            pair = [first, mention]
            countries = {m.actor.country for m in pair}
            if len(countries) == 2 and all(not m.person and m.actor.country and len(m.actor.country) == 3
                                           for m in pair):
                return pair
        return []

    def noun_antecedent(self, head: Token) -> Mention | None:
        """ "the country" / "the group": the latest country-level or group-like mention."""
        if head.lower_ in COUNTRY_NOUNS or (head.lower_ in self._island_nouns and head.dep_ == "poss"):
            # "The kingdom's foreign minister", "the island's coast guard": the country the story is about
            return self.salient_antecedent(
                head, lambda m: m.kind in ("country", "capital") and m.actor.sector is None, reach=1, topic=True)
        if head.lower_ in PARTY_NOUNS:
            def party(m: Mention) -> bool:
                return m.actor.sector == "OPP" or (
                    m.kind in ("organization", "new") and "party" in (m.actor.text or "").lower())

            return self.antecedent(head, party, reach=2)
        if head.lower_ in self._group_nouns:
            # "The regional body's president urged the alliance to ...": an object is not its own clause's subject
            own_subjects = _clause_subjects(head)

            def group(m: Mention) -> bool:
                return m.head not in own_subjects and (
                    m.kind in ("organization", "new") or m.actor.sector in ("REB", "UAF", "SEP", "OPP")
                    or m.actor.code[:3] in ("IGO", "NGO", "IMG"))  # "ASEAN leaders met ... The bloc"

            def named(m: Mention) -> bool:
                # "Boko Haram militants abducted ... troops killed 12 fighters. ... the group's camps": a bare
                # "fighters" with no country of its own is no group; a name (even one the KB lacks) is
                return group(m) and (m.kind in ("organization", "new") or not m.actor.code.startswith("---"))

            return self.antecedent(head, named, reach=3) or self.antecedent(head, group)
        return None


def _clause_subjects(head: Token) -> frozenset[int]:
    """The tokens of the subjects (and their conjuncts) of the verb whose object or prepositional object
    ``head`` is."""
    word = head
    while word.dep_ in ("dobj", "pobj", "prep", "dative", "attr") and word.head.i != word.i:
        word = word.head
    if word is head or word.pos_ not in ("VERB", "AUX"):
        return frozenset()
    subjects = [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")]
    # the whole subject phrase: "the EU's naval commander urged the movement" is not about the EU either
    return frozenset(t.i for s in subjects for c in (s, *s.conjuncts) for t in c.subtree)


def _is_subject(token: Token) -> bool:
    """A clause's subject, or one of coordinated subjects ("The US and Iran met": both)."""
    subjects = ("nsubj", "nsubjpass")
    return token.dep_ in subjects or token.dep_ == "conj" and token.head.dep_ in subjects


def _speaking_body(m: Mention, doc: Doc) -> bool:
    """A government, organisation or country in subject position: who a statement's "we" can be."""
    return (not m.person and m.kind not in ("city", "region") and m.actor.sector in (None, "GOV")
            and bool(m.actor.country) and len(m.actor.country) == 3 and m.actor.country not in ("IGO", "NGO")
            and doc[m.head].dep_ in ("nsubj", "nsubjpass"))
