"""Entities by rule, for a pipeline run without spaCy's statistical NER (``Settings(ner=False)``).

spaCy's ``ner`` of the small English model is about half of the pipeline's CPU (docs/scale.md). The coder reads
entities in dates, times, numbers, money, places and names; ``brinkwatch_rule_entities`` (put where ``ner`` was by
``load_pipeline(..., ner=False)``) sets ``doc.ents`` from:

- a spaCy ``Matcher`` compiled once from ``data/entity_rules.yaml``: DATE, TIME, MONEY, PERCENT, QUANTITY,
  ORDINAL, CARDINAL (where matches overlap the longest wins, then the label listed first);
- runs of proper nouns (title case or capitals, "of"/"the" inside a run that goes on) labelled by the actor
  knowledge base when one is set (``set_entity_kb``): a country, capital, seat or city is GPE, a person PERSON,
  an organisation or other actor ORG; a capitalised country adjective or people word ("Iranian", "Kurds") NORP;
  else by the words around it: a title before it ("President", "Minister") makes PERSON, a place preposition
  before it GPE, capitals or an organisation word ORG, and two or more words PERSON.

It is cheaper than the statistical NER by far and knows fewer names; what it changes is measured in docs/scale.md.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from brinkwatch.actors.kb import ActorKB

COMPONENT = "brinkwatch_rule_entities"
DATA = Path(__file__).parent / "data" / "entity_rules.yaml"

# Knowledge-base kinds (``KBMatch.kind``) and the entity label they give a name.
_KIND_LABELS = {"country": "GPE", "capital": "GPE", "seat": "GPE", "city": "GPE", "region": "GPE",
                "person": "PERSON", "organization": "ORG", "actor": "ORG"}
_PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "from", "into", "outside", "across", "towards", "toward",
                                 "around", "inside", "through", "of"})


def _load_rules(path: Path = DATA) -> tuple[list[tuple[str, list[list[dict[str, Any]]]]], dict[str, str]]:
    """The Matcher patterns by label, and the name words with the label each gives a run of proper nouns."""
    from brinkwatch.cache import safe_load_yaml

    data = safe_load_yaml(path.read_text(encoding="utf-8"))
    name_words = {str(w).lower(): label for label, items in data["name_words"].items() for w in items}
    words = {name: [str(w).lower() for w in items] for name, items in data["words"].items()}

    def expand(token: dict[str, Any]) -> dict[str, Any]:
        token = dict(token)
        name = token.pop("WORDS", None)
        if name is not None:
            token["LOWER"] = {"IN": words[name]}
        return token

    return [(label, [[expand(t) for t in pattern] for pattern in patterns])
            for label, patterns in data["patterns"].items()], name_words


class RuleEntities:
    """The pipeline component: ``doc.ents`` from the rules' matches and the proper-noun runs."""

    def __init__(self, nlp: Language, name: str = COMPONENT) -> None:
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        self.rank: dict[str, int] = {}
        rules, self.name_words = _load_rules()
        for rank, (label, patterns) in enumerate(rules):
            self.matcher.add(label, patterns)
            self.rank[label] = rank
        self.kb: ActorKB | None = None
        self._kind_of: dict[str, str | None] = {}

    def __call__(self, doc: Doc) -> Doc:
        vocab = doc.vocab
        found = [(start, end, vocab.strings[key]) for key, start, end in self.matcher(doc)]
        found.sort(key=lambda m: (-(m[1] - m[0]), self.rank[m[2]], m[0]))
        taken = bytearray(len(doc))
        spans: list[Span] = []
        for start, end, label in found:
            if label in ("ORDINAL", "CARDINAL") and _inside_name(doc, start, end):
                continue  # "Third World Forum", "Route 7 Brigade": part of a name
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                spans.append(Span(doc, start, end, label=label))
        spans.extend(self._names(doc, taken))
        doc.set_ents(sorted(spans, key=lambda s: s.start), default="outside")
        return doc

    def pipe(self, docs, batch_size: int = 32):  # noqa: ANN001, ANN201 - spaCy's component protocol
        for doc in docs:
            yield self(doc)

    def _names(self, doc: Doc, taken: bytearray) -> list[Span]:
        spans = []
        surnames: set[str] = set()  # the words of the persons named so far
        i, n = 0, len(doc)
        while i < n:
            token = doc[i]
            if taken[i] or not _is_name_word(token):
                if not taken[i] and token.text[:1].isupper() and token.pos_ in ("ADJ", "NOUN") and \
                        self._kind(token.text) == "NORP":
                    spans.append(Span(doc, i, i + 1, label="NORP"))
                i += 1
                continue
            if self.kb is not None and i + 1 < n and _is_name_word(doc[i + 1]) and \
                    self.kb.title_sector((token.lower_,)) is not None:
                i += 1  # "President Vidal": the title is not part of the name
                continue
            end = self._run_end(doc, i, taken)
            label = self._label(doc, i, end)
            if not label and end - i == 1 and token.text in surnames:
                label = "PERSON"  # "President Lee Jae-myung ... Lee, who is accompanied by": a person named before
            if label:
                spans.append(Span(doc, i, end, label=label))
                if label == "PERSON":
                    surnames.update(t.text for t in doc[i:end] if t.text[:1].isupper())
            i = end
        return spans

    def _run_end(self, doc: Doc, i: int, taken: bytearray) -> int:
        """The end of the run of proper nouns that starts at ``i``."""
        n, end = len(doc), i + 1
        while end < n and not taken[end]:
            token = doc[end]
            nxt = doc[end + 1] if end + 1 < n and not taken[end + 1] else None
            if _is_name_word(token):
                end += 1
            elif token.text == "-" and nxt is not None and not doc[end - 1].whitespace_ and not token.whitespace_ \
                    and (nxt.text[:1].isupper() or nxt.lower_ in _PARTICLES):
                end += 2  # "Tehrik-i-Taliban", "Ain al-Asad"
            elif token.lower_ in _PARTICLES and nxt is not None and (nxt.text == "-" or _is_name_word(nxt)):
                end += 1  # "Lula da Silva"
            elif token.lower_ == "of" and any(t.lower_ in self.name_words for t in doc[i:end]):
                # "Ministry of Defence", "Bank of the North": "of" (and "the") inside a run that goes on
                j = end + 2 if end + 2 < n and doc[end + 1].lower_ == "the" else end + 1
                if j >= n or any(taken[end:j + 1]) or not _is_name_word(doc[j]):
                    break
                end = j + 1
            else:
                break
        while end > i + 1 and not _is_name_word(doc[end - 1]) and not doc[end - 1].is_alpha:
            end -= 1
        return end

    def _kind(self, text: str) -> str | None:
        if self.kb is None:
            return None
        if text not in self._kind_of:
            from brinkwatch.actors.kb import name_key

            kind = None
            matches = self.kb.lookup(text)
            if matches:
                kind = _KIND_LABELS.get(matches[0].kind, "ORG")
            else:
                key = name_key(text)
                if self.kb.adjective_country(key) or self.kb.demonym_country(key) or \
                        self.kb.group_countries(key) or self.kb.people_countries(key):
                    kind = "NORP"
            if len(self._kind_of) > 200_000:
                self._kind_of.clear()
            self._kind_of[text] = kind
        return self._kind_of[text]

    def _label(self, doc: Doc, start: int, end: int) -> str:
        """The label of the name run ``doc[start:end]``, or "" for none."""
        span = doc[start:end]
        kind = self._kind(span.text)
        if kind is not None:
            return kind
        before = doc[start - 1] if start > 0 else None
        if before is not None and self.kb is not None and before.text[:1].isupper() and \
                self.kb.title_sector((before.lower_,)) is not None:
            return "PERSON"
        labels = [self.name_words[t.lower_] for t in span if t.lower_ in self.name_words]
        if labels and len(labels) == end - start:
            return ""  # "the Office", "Police": a capitalised common noun, no name
        if labels:
            return labels[-1]
        if end - start == 1 and span.text.isupper() and len(span.text) > 1:
            return "ORG"
        if before is not None and before.lower_ in _PLACE_PREPOSITIONS:
            return "GPE"
        if end - start > 1:
            return self._label_by_parts(doc, start, end)
        # one unknown word with no cue stays unlabelled: the place finder's proper-noun scan reads its syntax
        return ""

    def _label_by_parts(self, doc: Doc, start: int, end: int) -> str:
        """An unknown name of several words: a known place last is a place ("Eastern Ukraine"), a known name
        first gives its kind ("Malaysia Airlines" a company, "United Nations Emergency Relief Coordinator" an
        organisation's), else a person's name."""
        if self._kind(doc[end - 1].text) == "GPE":
            return "GPE"
        for stop in range(end - 1, start, -1):
            kind = self._kind(doc[start:stop].text)
            if kind in ("GPE", "ORG"):
                return "ORG"
            if kind is not None:
                return kind if kind != "NORP" else "ORG"
        return "PERSON"


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the tokens are proper nouns written as a name beside another such word."""
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[start:end]):
        return False
    return (start > 0 and _is_name_word(doc[start - 1])) or (end < len(doc) and _is_name_word(doc[end]))


# Lower-case particles inside personal, Arabic and French place names ("da Silva", "bin Salman", "al-Asad",
# "Port-au-Prince", "Aix-en-Provence", "Boulogne-sur-Mer").
_PARTICLES = frozenset({"al", "el", "i", "e", "ul", "bin", "ibn", "de", "da", "du", "dos", "das", "del", "van",
                        "von", "der", "la", "le", "au", "aux", "en", "sur", "les"})


def _is_name_word(token) -> bool:  # noqa: ANN001 - a spaCy Token
    return token.pos_ == "PROPN" and (token.text[:1].isupper() or token.text[:1].isdigit())


@Language.factory(COMPONENT)
def make_rule_entities(nlp: Language, name: str) -> RuleEntities:
    return RuleEntities(nlp, name)


def set_entity_kb(nlp: Language, kb: ActorKB) -> None:
    """Give the rule entities the actor knowledge base that labels names (no-op for a pipeline with spaCy's NER)."""
    if COMPONENT in nlp.pipe_names:
        component: Callable = nlp.get_pipe(COMPONENT)
        component.kb = kb
        component._kind_of.clear()
