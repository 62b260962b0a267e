"""The first pass: parse only the sentences that can hold an event (issue 16, step 1).

``FirstPass.pipe`` gives the same kind of ``Doc`` as ``nlp.pipe``, with the same text, tokens and character
offsets, but runs the parser only on the *candidate* sentences: those with a trigger word (a pattern or
governor lemma; ``CandidateTest(need_actor=True)`` also wants an actor word: a name, adjective, demonym, sector
noun or title of the knowledge base, which lost context the coder reads, see ``CandidateTest``). The
rest of the document gets what the coder reads from it as context: the tokenizer, the layout's sentence starts
(``structure``), a rule sentence splitter, the named entities (dates, places, organisations: the ``ner`` of
spaCy's small English pipelines has its own embedding layer, so it runs on the whole document unchanged), tags,
and the attribute ruler's parts of speech and the lemmas, run after the parse is copied back, as in the
pipeline (``extract.places`` reads parts of speech on every sentence, so the tagger cannot be skipped too).
Sentences naming a place are parsed as well (``CONTEXT_LABELS``). Candidate sentences that follow one
another are parsed together as one span (``Span.as_doc``, which keeps the embedding rows of the whole
document), so the parser still splits and joins inside the run as it would have; the annotations are copied back
onto the document's own tokens, so every offset is the original text's.

What the knowledge says is a trigger or an actor word comes in as plain callables: this module does not import
the knowledge modules (``nlp`` comes before ``extract`` and ``actors`` in the flow of data).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice

import numpy
from spacy.attrs import DEP, HEAD, IS_SPACE, SENT_START
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from brinkwatch.nlp import headcase

# Longest actor name looked for, in words ("Democratic Forces for the Liberation of Rwanda": the prefix set
# stops the scan long before on ordinary words).
_MAX_NAME_WORDS = 8
# Sentences naming a place are parsed too: a later sentence's event takes its place from a location phrase there
# ("Late that night in Mosul, ... . Police arrested ..."), and only the parse says "in Mosul" is where, not whom.
CONTEXT_LABELS = ("GPE", "LOC", "FAC")


class CandidateTest:
    """Whether a sentence's words hold a trigger word (and, with ``need_actor``, an actor word); single words
    are memoised (news uses the same few thousand words), names are looked for only while the words so far
    begin one."""

    def __init__(self, trigger_lemmas: Iterable[str], word_lemmas: Callable[[str], Iterable[str]],
                 actor_words: Callable[[tuple[str, ...]], bool], name_prefix: Callable[[tuple[str, ...]], bool],
                 split_words: Callable[[str], Sequence[str]], *, need_actor: bool = False) -> None:
        # An actor word is not required by default: "Eleven others were wounded." (a toll told over two
        # sentences, read by the numbers of the event before) and "Nearly 200 of them blocked the road" (a
        # pronoun's event) have none; requiring one lost a number of the sixth attribute set.
        self.need_actor = need_actor
        self._triggers = frozenset(trigger_lemmas)
        self._word_lemmas = word_lemmas
        self._actor_words = actor_words
        self._name_prefix = name_prefix
        self._split = split_words
        self._trigger_memo: dict[str, bool] = {}
        self._actor_memo: dict[str, bool] = {}

    def is_trigger(self, word: str) -> bool:
        found = self._trigger_memo.get(word)
        if found is None:
            found = self._trigger_memo[word] = word in self._triggers or any(
                lemma in self._triggers for lemma in self._word_lemmas(word))
        return found

    def _actor_at(self, words: Sequence[str], i: int) -> bool:
        word = words[i]
        single = self._actor_memo.get(word)
        if single is None:
            single = self._actor_memo[word] = self._actor_words((word,))
        if single:
            return True
        for j in range(i + 2, min(len(words), i + _MAX_NAME_WORDS) + 1):
            key = tuple(words[i:j - 1])
            if not self._name_prefix(key):
                return False
            if self._actor_words(tuple(words[i:j])):
                return True
        return False

    def __call__(self, text: str) -> bool:
        words = self._split(text)
        if not any(self.is_trigger(w) for w in words):
            return False
        return not self.need_actor or any(self._actor_at(words, i) for i in range(len(words)))


class FirstPass:
    """``nlp.pipe`` that runs the parser only on the candidate sentences (and those naming a place)."""

    def __init__(self, nlp, candidate: Callable[[str], bool], *,  # noqa: ANN001 - a spacy Language
                 context_labels: Iterable[str] = CONTEXT_LABELS) -> None:
        self.nlp = nlp
        self.candidate = candidate
        self.context_labels = frozenset(context_labels)
        # Before the parse: what comes before it, and the entity recogniser (its own embedding layer, it reads
        # nothing the others set), whose places make a sentence worth parsing. After it, on the whole document
        # and in the pipeline's order: the attribute ruler (11 of its patterns in en_core_web_sm read the
        # dependency label) and the lemmatizer (which reads the ruler's parts of speech), then the headline.
        names = nlp.pipe_names
        parser_at = names.index("parser")
        self._whole = [(n, p) for i, (n, p) in enumerate(nlp.pipeline) if i < parser_at or n == "ner"]
        self._runs = [(n, p) for n, p in nlp.pipeline if n == "parser"]
        self._after = [(n, p) for i, (n, p) in enumerate(nlp.pipeline)
                       if i > parser_at and n not in ("ner", headcase.COMPONENT)]
        self._last = [(n, p) for n, p in nlp.pipeline if n == headcase.COMPONENT]
        self._splitter = Sentencizer()
        self._copied = [HEAD, DEP]
        self.sentences = 0  # counters for the benchmark: sentences seen and parsed
        self.parsed = 0

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
        texts = iter(texts)
        while batch := list(islice(texts, batch_size)):
            yield from self._batch(batch, batch_size)

    def __call__(self, text: str) -> Doc:
        return next(self.pipe([text]))

    def _batch(self, texts: list[str], batch_size: int) -> list[Doc]:
        docs = [self.nlp.make_doc(text) for text in texts]
        for _, proc in self._whole:
            docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        layout = [doc.to_array([SENT_START]).astype(numpy.int64).reshape(-1) for doc in docs]
        docs = [_spaces_end_sentences(self._splitter(doc), starts) for doc, starts in zip(docs, layout, strict=True)]
        runs = [(k, start, end) for k, doc in enumerate(docs) for start, end in self._candidate_runs(doc)]
        subs = [self._sub_doc(docs[k], layout[k], start, end) for k, start, end in runs]
        for _, proc in self._runs:
            subs = list(proc.pipe(subs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(s) for s in subs]
        by_doc: dict[int, list[tuple[int, Doc]]] = {}
        for (k, start, _), sub in zip(runs, subs, strict=True):
            by_doc.setdefault(k, []).append((start, sub))
        docs = [self._merged(doc, by_doc.get(k, [])) for k, doc in enumerate(docs)]
        for _, proc in self._after:
            docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        for _, proc in self._last:
            docs = [proc(doc) for doc in docs]
        return docs

    def _candidate_runs(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges of consecutive candidate sentences."""
        runs: list[tuple[int, int]] = []
        context = [ent.start for ent in doc.ents if ent.label_ in self.context_labels]
        for sent in doc.sents:
            self.sentences += 1
            if not (self.candidate(sent.text) or any(sent.start <= i < sent.end for i in context)):
                continue
            self.parsed += 1
            if runs and runs[-1][1] == sent.start:
                runs[-1] = (runs[-1][0], sent.end)
            else:
                runs.append((sent.start, sent.end))
        return runs

    @staticmethod
    def _sub_doc(doc: Doc, layout: numpy.ndarray, start: int, end: int) -> Doc:
        """The run as a Doc of its own (with the whole document's embedding rows: the parser reads them, so
        its features are those of a full parse), with only the layout's sentence starts: the parser decides
        the others, as in a full parse."""
        sub = Span(doc, start, end).as_doc()
        starts = layout[start:end].copy()
        starts[0] = 1
        sub.from_array([SENT_START], starts.astype(numpy.uint64))
        return sub

    def _merged(self, doc: Doc, parsed: list[tuple[int, Doc]]) -> Doc:
        """``doc`` with each run's parse copied onto its tokens; the other sentences keep the splitter's starts."""
        if not parsed:
            return doc
        starts = doc.to_array([SENT_START]).astype(numpy.int64).reshape(-1)
        array = doc.to_array(self._copied)
        for start, sub in parsed:
            array[start:start + len(sub)] = sub.to_array(self._copied)
            starts[start:start + len(sub)] = sub.to_array([SENT_START]).astype(numpy.int64).reshape(-1)
        doc.from_array(self._copied, array)
        # setting the heads made every unparsed token a sentence of its own: the splitter's starts come back
        doc.from_array([SENT_START], starts.astype(numpy.uint64))
        return doc


def _spaces_end_sentences(doc: Doc, layout: numpy.ndarray) -> Doc:
    """The splitter starts a sentence at the blank line after a full stop; the parser leaves the blank line at
    the end of the sentence before, and so does this (unless the layout starts one there)."""
    starts = doc.to_array([SENT_START]).astype(numpy.int64).reshape(-1)
    spaces = doc.to_array([IS_SPACE]).astype(bool).reshape(-1)
    moved = False
    for i in numpy.flatnonzero((starts == 1) & spaces):
        if i == 0 or layout[i] == 1:
            continue
        starts[i] = -1
        nxt = i + 1
        while nxt < len(doc) and spaces[nxt]:
            nxt += 1
        if nxt < len(doc) and layout[nxt] != -1:
            starts[nxt] = 1
        moved = True
    return doc.from_array([SENT_START], starts.astype(numpy.uint64)) if moved else doc


def share_parsed(first_pass: FirstPass) -> float:
    return first_pass.parsed / first_pass.sentences if first_pass.sentences else 1.0


__all__ = ["CONTEXT_LABELS", "CandidateTest", "FirstPass", "share_parsed"]
