"""Title-case headlines, parsed as the sentences they are.

"Pakistan Shells Indian Border Posts In Kashmir" is a sentence, but an English pipeline trained on running text
reads a run of capitalised words as one long name: it tags every word a proper noun, finds no verb, and the
headline's event is lost. Wire desks and web pages write headlines this way (and some in capitals), so the
component ``brinkwatch_headline_case`` (``load_pipeline`` puts it last) re-parses such a headline in sentence
case ("Pakistan shells Indian border posts in Kashmir") and copies the new tags, lemmas, tree and entities onto
the headline's tokens. The text, the tokens and every character offset stay the article's own; only the
annotations of the headline's tokens change.

Which words to lower-case is decided from what is known, never guessed from the headline alone:

- a word (or run of words) the actor knowledge base knows as a name, country adjective or people
  ("Pakistan", "Indian", "Hamas", "Xi") keeps its capital, so does a word the story's body writes with a
  capital inside a sentence (a name the knowledge base lacks);
- otherwise a closed-class word ("In", "At", "Over"), a word of the English lexicon the pipeline's own
  lemmatizer holds (WordNet's index: "Shells", "Border", "Posts"), or a word the body writes in lower case is
  lower-cased;
- any other word (an unknown name) keeps its capital.

The first word keeps its capital. A headline already in sentence case is left as the parser read it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Token

from brinkwatch.nlp.structure import find_layout

COMPONENT = "brinkwatch_headline_case"

_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
_MAX_NAME_WORDS = 4  # the longest run of headline words looked up as one name ("Democratic Republic of Congo")
_BODY_WORD = re.compile(r"(?<=[a-z,;:] )([A-Z][a-z'’]+)|\b([a-z][a-z'’-]+)\b")
NameTest = Callable[[str], bool]


def _stems(word: str) -> Iterable[str]:
    """The word and the forms its inflection may hide: "posts" -> "post", "shelled" -> "shell"."""
    yield word
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            yield word[: len(word) - len(suffix)] + repl


PLURAL_ONLY = {"police", "people", "cattle", "clergy"}


def _agrees(subject: Token, has_s: bool) -> bool:
    """A headline verb agrees with the noun before it: "Pakistan shells", "rebels attack", "police fire";
    "Kosovo police" is no subject of a verb "police"."""
    plural = subject.tag_ in ("NNS", "NNPS") or subject.lower_ in PLURAL_ONLY
    return has_s != plural


def _past(lemma: str) -> str:
    """The regular past tense, enough for the parser to see a verb: fire -> fired, shell -> shelled."""
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _pasts(lemma: str) -> list[str]:
    """The past tenses a regular verb may take: "expel" -> "expeled", "expelled" (the doubled consonant)."""
    forms = [_past(lemma)]
    if len(lemma) >= 3 and lemma[-1] in "bdglmnprt" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms.append(lemma + lemma[-1] + "ed")
    return forms


def _title(word: str) -> str:
    """"IRAN" -> "Iran"; a word in ordinary case is left alone."""
    return word[0] + word[1:].lower() if len(word) > 1 and word.isupper() else word


def is_title_case(words: list[str]) -> bool:
    """Most of the content words capitalised and none in lower case (or the whole line in capitals)."""
    alpha = [w for w in words if w[:1].isalpha()]
    if len(alpha) < 3:
        return False
    if all(w.isupper() for w in alpha if len(w) > 1):
        return True
    content = [w for w in alpha[1:] if len(w) >= 4]
    return len(content) >= 2 and all(w[:1].isupper() for w in content)


class HeadlineCase:
    """The pipeline component; ``known_name`` is set by the coder once its actor knowledge base is loaded."""

    def __init__(self, nlp: Language, name: str = COMPONENT) -> None:
        self.nlp = nlp
        self.name = name
        self.known_name: NameTest = lambda text: False
        self._lexicon: frozenset[str] | None = None
        self._verbs: frozenset[str] | None = None

    @property
    def lexicon(self) -> frozenset[str]:
        """Lower-case words of the English lexicon that the pipeline's lemmatizer lists (WordNet's index)."""
        if self._lexicon is None:
            words: set[str] = set()
            if "lemmatizer" in self.nlp.pipe_names:
                lookups = getattr(self.nlp.get_pipe("lemmatizer"), "lookups", None)
                if lookups is not None and lookups.has_table("lemma_index"):
                    table = lookups.get_table("lemma_index")
                    for pos in ("noun", "verb", "adj", "adv"):
                        words.update(table.get(pos, ()))
            self._lexicon = frozenset(words)
        return self._lexicon

    def __call__(self, doc: Doc) -> Doc:
        headline = find_layout(doc.text).headline or _lone_headline(doc.text)
        if headline is None:
            return doc
        tokens = [t for t in doc if headline.start <= t.idx < headline.end]
        if not tokens:
            return doc
        lo, hi = tokens[0].i, tokens[-1].i + 1
        while hi < len(doc) and doc[hi].is_space:
            hi += 1  # the blank line after the headline belongs to its sentence
        if is_title_case([t.text for t in tokens if not t.is_space]):
            words = self.sentence_case([t.text for t in doc[lo:hi]], doc.text[headline.end:])
            if words != [t.text for t in doc[lo:hi]]:
                doc = self._reparsed(doc, lo, hi, words)
        doc = self._verb_after_name(doc, lo, hi)
        # no verb at all, or no finite one ("Niger junta orders/NNS French ambassador to leave/VB")
        if not any(t.tag_ in {"VBZ", "VBP", "VBD", "MD"} for t in doc[lo:hi]):
            doc = self._verb_found(doc, lo, hi)
        return self._comma_as_and(doc, lo, hi)

    def _verb_after_name(self, doc: Doc, lo: int, hi: int) -> Doc:
        """"Pakistan expels Afghan diplomats over border clashes", "Mali expels French ambassador": a headline
        that opens with a known name and a present-tense verb the parser misread (expels/NNS with a later noun as
        the verb, or a verb left without a subject). The verb is tried in the past tense; the reading is kept
        when it makes that word the root verb with a subject (on the original words)."""
        words = [t.text for t in doc[lo:hi]]
        for k in range(1, min(_MAX_NAME_WORDS, hi - lo - 1) + 1):
            if not self.known_name(" ".join(words[:k])):
                continue
            token = doc[lo + k]
            if token.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in token.children):
                return doc
            lemma = next((stem for stem in _stems(token.lower_)
                          if token.lower_.endswith("s") and stem != token.lower_ and stem in self.verbs), None)
            if lemma is None:
                continue
            for past in _pasts(lemma):
                trial = self._parse(doc, lo, hi, words[:k] + [past] + words[k + 1:])
                verb = trial[k]
                if verb.pos_ == "VERB" and verb.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.children):
                    verb.tag_ = "VBZ"
                    return self._copied(doc, lo, hi, trial)
        return doc

    def _comma_as_and(self, doc: Doc, lo: int, hi: int) -> Doc:
        """"Colombia, ELN rebels agree to ceasefire", "Japan, South Korea leaders vow closer ties": a headline
        writes "and" between two parties as a comma. When the words before the comma are a name the knowledge
        base knows and the headline read with "and" there has a verb whose subject is coordinated, that reading
        is kept (on the original words)."""
        words = [t.text for t in doc[lo:hi]]
        comma = next((k for k, w in enumerate(words) if w == ","), None)
        if comma is None or comma == 0 or comma > _MAX_NAME_WORDS or "," in words[comma + 1:] or \
                not self.known_name(" ".join(words[:comma])):
            return doc
        trial = self._parse(doc, lo, hi, words[:comma] + ["and"] + words[comma + 1:])
        _verbs_of_headlines(trial)
        root = next((t for t in trial if t.dep_ == "ROOT"), None)
        if root is None or root.pos_ != "VERB" or not any(
                c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.subtree) for c in root.children):
            return doc
        return self._copied(doc, lo, hi, trial)

    def _verb_found(self, doc: Doc, lo: int, hi: int) -> Doc:
        """A headline the parser read without a verb: "Kosovo police fire tear gas at protesters" is one long
        noun phrase to it (fire/NN), because headlines drop the article and write the present. Each noun after
        the first word that is also an English verb is tried in the past tense ("police fired tear gas at
        ..."); the first reading that makes it the root verb with a subject is kept, on the original words."""
        words = [t.text for t in doc[lo:hi]]
        for k in range(1, hi - lo):
            token = doc[lo + k]
            before = doc[lo + k - 1]
            # "Pakistan expels ...": the parser may tag a country name before a verb it misread as an adjective
            if token.tag_ not in ("NN", "NNS") or (before.pos_ not in {"NOUN", "PROPN"}
                                                   and not self.known_name(before.text)):
                continue
            lemma = next((stem for stem in _stems(token.lower_) if stem in self.verbs), None)
            if lemma is None or not _agrees(doc[lo + k - 1], token.lower_ != lemma):
                continue
            trial = self._parse(doc, lo, hi, words[:k] + [_past(lemma)] + words[k + 1:])
            verb = trial[k]
            if verb.pos_ == "VERB" and verb.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.children):
                verb.tag_ = "VBZ" if token.tag_ == "NNS" else "VBP"
                return self._copied(doc, lo, hi, trial)
        return doc

    @property
    def verbs(self) -> frozenset[str]:
        """The verbs of the lemmatizer's lexicon (WordNet's index)."""
        if self._verbs is None:
            table = None
            if "lemmatizer" in self.nlp.pipe_names:
                lookups = getattr(self.nlp.get_pipe("lemmatizer"), "lookups", None)
                if lookups is not None and lookups.has_table("lemma_index"):
                    table = lookups.get_table("lemma_index")
            self._verbs = frozenset(table.get("verb", ())) if table is not None else frozenset()
        return self._verbs

    def sentence_case(self, words: list[str], body: str) -> list[str]:
        """The headline's words as a sentence would write them."""
        upper_in_body, lower_in_body = set(), set()
        for up, low in _BODY_WORD.findall(body):
            (upper_in_body.add(up) if up else lower_in_body.add(low))
        titled, upper = self._names(words)
        out: list[str] = []
        first = True
        for i, word in enumerate(words):
            if not word[:1].isalpha():
                out.append(word)
                continue
            title = _title(word)
            if i in upper:
                out.append(word)
            elif first or i in titled or title in upper_in_body:
                out.append(title)
            elif self._common(word.lower(), lower_in_body):
                out.append(word.lower())
            else:
                out.append(title)
            first = False
        return out

    def _names(self, words: list[str]) -> tuple[set[int], set[int]]:
        """Indices of words inside a run the knowledge base knows as a name: written as a title ("Iran",
        "Islamic State"), or kept in capitals when only the capitals are a name ("US", "NATO")."""
        titled: set[int] = set()
        upper: set[int] = set()
        idx = [i for i, w in enumerate(words) if w[:1].isalnum()]
        for a in range(len(idx)):
            if idx[a] in titled or idx[a] in upper or not words[idx[a]][:1].isupper():
                continue
            for b in range(min(len(idx), a + _MAX_NAME_WORDS), a, -1):
                run = [words[j] for j in idx[a:b]]
                if not run[-1][:1].isupper():
                    continue
                if self.known_name(" ".join(_title(w) for w in run)):
                    titled.update(idx[a:b])
                    break
                if all(w.isupper() for w in run) and self.known_name(" ".join(run)):
                    upper.update(idx[a:b])
                    break
        return titled, upper

    def _common(self, word: str, lower_in_body: set[str]) -> bool:
        if word in STOP_WORDS or word in lower_in_body:
            return True
        return any(stem in self.lexicon for stem in _stems(word))

    def _parse(self, doc: Doc, lo: int, hi: int, words: list[str]) -> Doc:
        spaces = [bool(t.whitespace_) for t in doc[lo:hi]]
        sub = Doc(doc.vocab, words=words, spaces=spaces)
        for name, proc in self.nlp.pipeline:
            if name != self.name:
                sub = proc(sub)
        return sub

    def _reparsed(self, doc: Doc, lo: int, hi: int, words: list[str]) -> Doc:
        sub = self._parse(doc, lo, hi, words)
        _verbs_of_headlines(sub)
        return self._copied(doc, lo, hi, sub)

    @staticmethod
    def _copied(doc: Doc, lo: int, hi: int, sub: Doc) -> Doc:
        """``doc`` with the annotations of ``sub`` on its tokens ``lo:hi`` (text and offsets unchanged)."""
        array = doc.to_array(_ATTRS)
        array[lo:hi] = sub.to_array(_ATTRS)
        out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        out.from_array(_ATTRS, array)
        out.user_data.update(doc.user_data)
        return out


@dataclass(frozen=True)
class _Line:
    start: int
    end: int


def _lone_headline(text: str) -> _Line | None:
    """A text that is one short line with no final full stop is a headline standing alone (a feed item, a
    headline pasted on its own): "Pakistan expels Afghan diplomats over border clashes"."""
    line = text.strip()
    if "\n" in line or not line[:1].isupper() or line[-1:] in '.!?"\'\u201d:;)' or len(line.split()) > 16:
        return None
    start = text.index(line)
    return _Line(start, start + len(line))


def _verbs_of_headlines(doc: Doc) -> None:
    """Headlines drop the article, so a present-tense verb looks like a noun ("Kenyan police arrest 40
    protesters": ``arrest/NN``) even where the parser gave it a subject and an object: a noun of the
    lexicon with both is the headline's verb."""
    for token in doc:
        deps = {child.dep_ for child in token.children}
        if token.tag_ in ("NN", "NNS") and token.dep_ == "ROOT" and "nsubj" in deps and "dobj" in deps:
            token.tag_ = "VBZ" if token.tag_ == "NNS" else "VBP"
            token.pos_ = "VERB"


@Language.factory(COMPONENT)
def make_headline_case(nlp: Language, name: str) -> HeadlineCase:
    return HeadlineCase(nlp, name)


def set_name_test(nlp: Language, known_name: NameTest) -> None:
    """Tell the pipeline's headline component which words are names (no-op for a pipeline without it)."""
    if COMPONENT in nlp.pipe_names:
        nlp.get_pipe(COMPONENT).known_name = known_name
