"""Direct quotes, reported speech and who said them.

Direct quotes are found on the raw text (straight and curly marks, quotes running over several
sentences, and the news convention of a quote that runs on into the next paragraph without a closing
mark). Each quote's speaker is the subject of the reporting verb next to it (", X said." / "X said: ..."),
else the speaker of the quote just before it. Reported speech is read from the parse: an event under a
reporting verb ("X said (that) ...", "..., X said", "X told reporters") or "according to X". Pronoun
speakers take the nearest preceding named person. Cue lists are in ``attr_quotes.yaml``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span, Token

from brinkwatch.model import Actor, Attribution

SpeakerResolver = Callable[[Token], Actor | None]
_OPENERS = {'"': '"', "“": "”", "„": "“", "‘": "’"}
# Single curly quotes (British style) count only at word edges: "don’t" has an apostrophe, not a quote.
_QUOTE_CHARS = re.compile(r'["“”„]|(?<!\w)‘|’(?!\w)')
# Parts of a subject phrase that are not the speaker's name: clauses and appositions after it.
_DROP_DEPS = {"relcl", "appos", "acl", "advcl", "punct", "parataxis"}
_PRONOUN_PERSON = {"he", "she", "him", "her", "i", "me"}


class QuoteCues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    source: str
    speech_verbs: list[str]
    anonymity_cues: list[str]
    anonymous_heads: list[str]
    pronouns: list[str]
    min_quote_words: int


@dataclass(frozen=True, slots=True)
class Speaker:
    head: int  # token index of the phrase's head (what the actor resolver receives)
    text: str
    anonymous: bool
    verb: str | None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote: ``start``/``end`` are the quoted words' offsets, without the marks."""

    start: int
    end: int
    text: str
    speaker: Speaker | None


def _raw_quotes(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of quoted text per paragraph; an unclosed quote runs to the end of its
    paragraph (news style: a quote that goes on in the next paragraph is not closed)."""
    spans: list[tuple[int, int, bool]] = []
    for para in re.finditer(r"[^\n]+", text):
        marks = list(_QUOTE_CHARS.finditer(para.group(0)))
        i = 0
        while i < len(marks):
            opener = marks[i].group(0)
            if opener in ("”", "’"):  # a stray closer (or a plural possessive): skip it
                i += 1
                continue
            closer = _OPENERS.get(opener, '"')
            later = [k for k in range(i + 1, len(marks)) if marks[k].group(0) in (closer, '"')]
            if opener == "‘":
                # "the soldiers’ deaths": a plural possessive looks like a closer; a real one usually
                # follows punctuation ("..., ’ said X")
                punctuated = [k for k in later if para.group(0)[marks[k].start() - 1] in ",.!?;:"]
                later = punctuated or later
            j = later[0] if later else None
            start = para.start() + marks[i].end()
            end = para.start() + (marks[j].start() if j is not None else len(para.group(0)))
            spans.append((start, end, j is not None))
            i = (j + 1) if j is not None else len(marks)
    return spans


def _keep(child: Token) -> bool:
    if child.dep_ != "appos":
        return child.dep_ not in _DROP_DEPS
    # "the monitoring group OVD-Info" keeps its name; "Mark Esper, the defense secretary," does not.
    between = child.doc[min(child.i, child.head.i):max(child.i, child.head.i)]
    return not any(t.is_punct for t in between)


def _phrase(head: Token) -> tuple[str, Span]:
    """The speaker's name phrase: the subject's subtree without relative clauses and appositions."""
    keep = [head]
    stack = [c for c in head.children if _keep(c)]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in tok.children if _keep(c))
    lo, hi = min(t.i for t in keep), max(t.i for t in keep)
    # stop at the first comma to the right of the head ("Mark Esper, the defense secretary")
    for t in head.doc[head.i:hi + 1]:
        if t.text in (",", "(", "—", "–"):
            hi = t.i - 1
            break
    while hi > lo and head.doc[hi].is_punct:
        hi -= 1
    span = head.doc[lo:hi + 1]
    return span.text, span


def _is_anonymous(head: Token, verb: Token | None, cues: QuoteCues) -> bool:
    context = " ".join(t.text for t in head.subtree).lower()
    if verb is not None:
        # "said on condition of anonymity", "told reporters, speaking on background" - but not a
        # second source the sentence cites ("..., according to two security sources")
        for child in verb.children:
            if child.dep_ in ("prep", "advcl", "advmod", "npadvmod", "conj") and child.lower_ != "according":
                context += " " + " ".join(t.text for t in child.subtree).lower()
    if head.lemma_.lower() in cues.anonymous_heads:
        return True
    return any(re.search(rf"\b{re.escape(c)}\b", context) for c in cues.anonymity_cues)


_PEOPLE_KEY = "brinkwatch.quotes.people"


def _people(doc: Doc) -> list[tuple[int, int]]:
    """(end character, root token) of the document's PERSON entities, found once per document:
    ``Doc.ents`` builds every entity on each call, and one call per pronoun made long articles quadratic."""
    if _PEOPLE_KEY not in doc.user_data:
        doc.user_data[_PEOPLE_KEY] = [(e.end_char, e.root.i) for e in doc.ents if e.label_ == "PERSON"]
    return doc.user_data[_PEOPLE_KEY]


def _end_of(person: tuple[int, int]) -> int:
    return person[0]


def _antecedent(pronoun: Token, speakers: Sequence[Speaker]) -> Token | None:
    """What a pronoun subject refers to: for he/she the nearest named person (or earlier speaker)
    before it; for it/they/we the nearest non-pronoun subject before it in the last two sentences."""
    doc, before = pronoun.doc, pronoun.idx
    if pronoun.lower_ in _PRONOUN_PERSON:
        people = _people(doc)  # (end, root) of each PERSON entity, in text order
        at = bisect.bisect_right(people, before, key=_end_of)
        best = doc[people[at - 1][1]] if at else None
        if speakers:
            last = doc[speakers[-1].head]
            if best is None or best.idx < last.idx < before:
                return last
        return best
    sent_start = pronoun.sent.start
    window_start = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
    for tok in reversed(list(doc[window_start:pronoun.i])):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN") and \
                tok.lower_ not in ("that", "which", "who", "what"):
            return tok
    return None


_VERB_KEY = "brinkwatch.quotes.verb_speakers"


def _speaker_of_verb_once(verb: Token, cues: QuoteCues, earlier: Sequence[Speaker]) -> Speaker | None:
    """``_speaker_of_verb`` for an event, once per reporting verb (and last earlier speaker, all that a
    pronoun's antecedent reads of them): the many events one verb reports share its speaker."""
    cache = verb.doc.user_data.setdefault(_VERB_KEY, {})
    last = earlier[-1] if earlier else None
    key = (verb.i, id(cues), last)
    if key not in cache:
        cache[key] = _speaker_of_verb(verb, cues, earlier)
    return cache[key]


def _speaker_of_verb(verb: Token, cues: QuoteCues, earlier: Sequence[Speaker]) -> Speaker | None:
    subj = next((c for c in reversed(list(verb.children)) if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i),
                next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None))
    if subj is None and verb.dep_ == "conj":
        # "denied X and claimed Y", "called it terrorism and said ...": the second verb shares the
        # first one's subject - when that subject acts ("the blasts were caused ... and denied" is a
        # misparse, not the blasts speaking)
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.dep_ == "nsubjpass":
        # "25,000 fighters are said to have joined": a passive reporting verb's subject is what is
        # reported on; the speaker, if any, is the agent ("by X")
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None:
        # "..., said Mark Esper": the parser may call the name a dobj or attr of the verb
        subj = next((c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i
                     and c.pos_ in ("PROPN", "NOUN")), None)
    if subj is None or subj.lower_ in ("that", "which", "who", "what"):
        return None  # "a video that it said showed": the speaker is further up
    if subj.lower_ in cues.pronouns:
        ante = _antecedent(subj, earlier)
        if ante is None:
            return Speaker(subj.i, subj.text, False, verb.lemma_)
        subj = ante
    text, span = _phrase(subj)
    others = [c for c in verb.children if c.dep_ == "nsubj" and c.i < span.start]
    if others and span.start - max(t.i for t in others[-1].subtree) <= 1:
        # "the monitoring group OVD-Info reported": the parser splits one subject in two
        text = verb.doc[min(t.i for t in others[-1].subtree):span.end].text
    return Speaker(subj.i, text, _is_anonymous(subj, verb, cues), verb.lemma_)


def _speech_verb_near(doc: Doc, start: int, end: int, cues: QuoteCues) -> Token | None:
    """The reporting verb of a quote: right after it in the same sentence, else just before it."""
    close = doc.char_span(end, min(end + 1, doc[-1].idx + len(doc[-1].text)), alignment_mode="expand")
    if close is not None:
        after = doc[close.end:min(len(doc), close.end + 12)]
        for tok in after:
            if tok.text in ('"', "“", "”") or tok.text == "\n" or (tok.is_sent_start and tok.i > close.end + 1):
                break
            if tok.lemma_.lower() in cues.speech_verbs and tok.pos_ in ("VERB", "AUX"):
                return tok
    open_ = doc.char_span(max(start - 1, 0), start, alignment_mode="expand")
    if open_ is not None:
        window = doc[max(0, open_.start - 15):open_.start]
        for tok in reversed(list(window)):
            if "\n" in tok.text or tok.text in ('"', "“", "”"):
                break
            if tok.lemma_.lower() in cues.speech_verbs and tok.pos_ in ("VERB", "AUX"):
                return tok
    return None


def find_quotes(doc: Doc, cues: QuoteCues) -> list[Quote]:
    """All direct quotes of the document, each with its speaker when one can be found."""
    quotes: list[Quote] = []
    speakers: list[Speaker] = []
    text = doc.text
    open_ended: set[int] = set()
    for start, end, closed in _raw_quotes(text):
        quoted = text[start:end]
        if len(quoted.split()) < cues.min_quote_words:
            continue  # scare quotes and titles, not speech
        verb = _speech_verb_near(doc, start, end, cues)
        speaker = _speaker_of_verb(verb, cues, speakers) if verb is not None else None
        if speaker is None and quotes and quotes[-1].speaker is not None and start - quotes[-1].end < 400:
            speaker = quotes[-1].speaker  # a quote that continues the previous speaker's
        if speaker is not None:
            speakers.append(speaker)
        if not closed:
            open_ended.add(len(quotes))
        quotes.append(Quote(start, end, quoted, speaker))
    # A quote left open at a paragraph's end goes on in the next paragraph, whose speaker it shares
    # ("...the region.\n\"We will not stop,\" she said.").
    for k in sorted(open_ended, reverse=True):
        nxt = quotes[k + 1] if k + 1 < len(quotes) else None
        if quotes[k].speaker is None and nxt is not None and nxt.speaker is not None and \
                not text[quotes[k].end:nxt.start].strip(' \n"“„‘'):
            quotes[k] = Quote(quotes[k].start, quotes[k].end, quotes[k].text, nxt.speaker)
    return quotes


def _speaker_up_the_tree(trigger: Token, cues: QuoteCues, earlier: Sequence[Speaker]) -> Speaker | None:
    """The subject of a reporting verb that governs the trigger: "X said (that) ...", "X told reporters"."""
    node = trigger
    for _ in range(8):
        if node.head.i == node.i:
            break
        child, node = node, node.head
        if node.lemma_.lower() in cues.speech_verbs and node.pos_ in ("VERB", "AUX") and child.dep_ in (
                "ccomp", "parataxis", "xcomp", "advcl", "dobj", "conj", "pcomp", "prep"):
            if child.dep_ == "dobj" and child.i != trigger.i:
                continue
            speaker = _speaker_of_verb_once(node, cues, earlier)
            if speaker is not None:
                return speaker
    return None


def _according_to(tokens: Iterable[Token], cues: QuoteCues) -> Speaker | None:
    for tok in tokens:
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is not None:
                text, _ = _phrase(pobj)
                return Speaker(pobj.i, text, _is_anonymous(pobj, None, cues), "according to")
    return None


def _speaker_at_top(trigger: Token, cues: QuoteCues, earlier: Sequence[Speaker]) -> Speaker | None:
    """", police said": when the parse of a long sentence goes astray (datelines, appositions), a
    reporting verb aside or at the top of the sentence still reports everything outside its subject."""
    clause = trigger
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    root = trigger.sent.root
    asides = [c for v in (clause, *clause.ancestors) for c in v.children if c.dep_ == "parataxis"]
    above = {trigger.i, *(a.i for a in trigger.ancestors)}  # a subject holds the trigger iff it is one of these
    for verb in (*asides, root, *(c for c in root.children if c.dep_ == "conj")):
        if verb.i == trigger.i or verb.lemma_.lower() not in cues.speech_verbs or verb.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue  # "has not confirmed" reports nothing
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i not in above and (
                verb.dep_ == "parataxis" or not trigger.is_ancestor(verb)):
            speaker = _speaker_of_verb_once(verb, cues, earlier)
            if speaker is not None:
                return speaker
    return None


def _clause_tokens(clause: Token, trigger: Token) -> list[Token]:
    """The clause's tokens without the clauses embedded in it (unless they hold the trigger)."""
    out: list[Token] = []
    stack = [clause]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            embedded = child.dep_ in ("relcl", "ccomp", "acl", "advcl", "parataxis")
            if not embedded or child.i == trigger.i or child.is_ancestor(trigger):
                stack.append(child)
    return out


def _reported_speaker(trigger: Token, cues: QuoteCues, quotes: Sequence[Quote]) -> Speaker | None:
    """Reported speech, most specific first: a reporting verb above the trigger, "according to" in the
    trigger's own clause, a reporting verb at the top of the sentence, "according to" anywhere in it."""
    earlier = _last_speaker_before(quotes, trigger.idx, trigger.doc)
    clause = trigger
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    sent = trigger.sent
    return (_speaker_up_the_tree(trigger, cues, earlier)
            or (_according_to(_clause_tokens(clause, trigger), cues) if _says_according(sent) else None)
            or _speaker_at_top(trigger, cues, earlier)
            or _according_to_once(sent, cues))


_SENTENCE_KEY = "brinkwatch.quotes.sentences"
_LAST_SPEAKERS_KEY = "brinkwatch.quotes.last_speakers"


def _says_according(sent: Span) -> bool:
    """The sentence has an "according" at all (most have none: no clause of theirs is walked for it)."""
    cache = sent.doc.user_data.setdefault(_SENTENCE_KEY, {})
    key = ("according", sent.start, sent.end)
    if key not in cache:
        cache[key] = any(tok.lower_ == "according" for tok in sent)
    return cache[key]


def _according_to_once(sent: Span, cues: QuoteCues) -> Speaker | None:
    """``_according_to`` over the whole sentence, read once per sentence rather than once per event."""
    cache = sent.doc.user_data.setdefault(_SENTENCE_KEY, {})
    key = ("source", sent.start, sent.end, id(cues))
    if key not in cache:
        cache[key] = _according_to(sent, cues) if _says_according(sent) else None
    return cache[key]


def _last_speaker_before(quotes: Sequence[Quote], position: int, doc: Doc) -> list[Speaker]:
    """The speaker of the last quote with a speaker that ends by ``position`` (as a list of at most one:
    that last one is all a pronoun's antecedent reads of the earlier speakers). Quotes are in text order
    and do not overlap (as ``find_quotes`` gives them), so their ends are in order too: bisect, with the
    last speakers counted once per quote list (a scan of every quote per event was quadratic in a long
    article). The list is kept with its answer, so another list under a reused id is not taken for it."""
    if not quotes:
        return []
    cache = doc.user_data.setdefault(_LAST_SPEAKERS_KEY, {})
    kept = cache.get(id(quotes))
    if kept is None or kept[0] is not quotes:
        last: list[Speaker | None] = []
        for quote in quotes:
            last.append(quote.speaker if quote.speaker is not None else (last[-1] if last else None))
        kept = cache[id(quotes)] = (quotes, last)
    ended = bisect.bisect_right(quotes, position, key=_end_of_quote)
    speaker = kept[1][ended - 1] if ended else None
    return [speaker] if speaker is not None else []


def _end_of_quote(quote: Quote) -> int:
    return quote.end


def _start_of_quote(quote: Quote) -> int:
    return quote.start


def attribution_for_event(trigger: Token, quotes: Sequence[Quote], cues: QuoteCues,
                          resolve: SpeakerResolver | None) -> Attribution | None:
    """Who says the event happened: the speaker of the direct quote holding the trigger, else the
    subject of the reporting verb governing it, else the source named by "according to"."""
    doc = trigger.doc
    # quotes are in text order and do not overlap: the one holding the trigger, if any, is the last that
    # starts at or before it (bisect; a scan per event was quadratic in a long article)
    at = bisect.bisect_right(quotes, trigger.idx, key=_start_of_quote)
    quote = quotes[at - 1] if at and trigger.idx < quotes[at - 1].end else None
    if quote is not None:
        return _attribution(doc, quote.speaker, resolve, direct=True, quote=quote)
    speaker = _reported_speaker(trigger, cues, quotes)
    if speaker is None:
        return None
    return _attribution(doc, speaker, resolve, direct=False, quote=None)


def _attribution(doc: Doc, speaker: Speaker | None, resolve: SpeakerResolver | None, direct: bool,
                 quote: Quote | None) -> Attribution:
    actor = resolve(doc[speaker.head]) if (resolve is not None and speaker is not None) else None
    return Attribution(
        speaker=actor,
        speaker_text=speaker.text if speaker else None,
        anonymous=speaker.anonymous if speaker else False,
        direct=direct,
        quote=quote.text if quote else None,
        quote_start=quote.start if quote else None,
        quote_end=quote.end if quote else None,
        verb=speaker.verb if speaker else None,
    )
