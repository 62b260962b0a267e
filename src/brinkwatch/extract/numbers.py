"""Numbers attached to an event: casualties, arrests, troops, crowds, projectiles, votes and money.

A number counts something when the parse ties it to a counted noun and a cue says what happened to it:
"at least 12 people were killed" -> killed 12 (qualifier "at least"); "passed 170 to 0" -> votes_for 170,
votes_against 0; "no one was hurt" -> injured 0; "$1.2 billion" -> money 1.2e9 USD. Only numbers in the
trigger's clause (or a clause tied to it) are returned, plus the toll a paragraph gives right after a
violent act ("... attacked a village. 4 fatalities."; ``extract.tolls_after``). Cue words live in
``attr_numbers.yaml``.

A toll over several parties is one quantity per party ("two soldiers and seven militants were killed" ->
killed 2, killed 7), each with its own hedge ("at least 60 civilians and 13 guards"); the event's toll
is the sum of its quantities of a kind. Years ("the 1994 genocide") and durations ("20 years") are not
counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Span, Token

from brinkwatch.model import Quantity

# Numbers inside these entities are not counts; DATE/TIME numbers are skipped only when the expression
# really parsed as a date (the small model tags bare numbers like "35" as DATE now and then).
_SKIP_ENTS = {"PERCENT", "ORDINAL", "MONEY", "QUANTITY"}
_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
           "b": 1_000_000_000, "k": 1_000, "tn": 1_000_000_000_000}
_NUMBER_TOKEN = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_WORD_NUM = set(_UNITS) | set(_TENS) | set(_SCALES) - {"m", "mn", "bn", "b", "k", "tn"}
_NUM_WORD_WORDS = {"a", "and"}
_TALLY = re.compile(r"\b(\d{1,4})\s*(?:votes?\s+)?(?:-|–|—|to)\s*(\d{1,4})\b(?:\s*,?\s*with\s+(\w+)\s+abstention)?")
_ABSTAIN = re.compile(r"\b(\w+)\s+(?:(\w+)\s+)?(?:abstained|abstentions?)\b", re.IGNORECASE)
_COUNT_WORD = r"(\d{1,4}|none|no|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_IN_FAVOUR = re.compile(rf"\b{_COUNT_WORD}\s+(?:\w+\s+)?(?:voting\s+)?in\s+favou?r\b", re.IGNORECASE)
_AGAINST = re.compile(rf"\b{_COUNT_WORD}\s+(?:\w+\s+)?(?:voting\s+)?(?:against|opposed)\b", re.IGNORECASE)


class NumberCues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    source: str
    event_cues: dict[str, list[str]]
    noun_kinds: dict[str, list[str]]
    people_nouns: list[str]
    thing_nouns: list[str]
    crowd_verbs: list[str]
    approximate: dict[str, float]
    hedges: list[str]
    currencies: dict[str, str]
    vote_cues: list[str]
    violent_acts: list[str]
    harming_verbs: frozenset[str]
    remains_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    revision_verbs: frozenset[str] = frozenset()
    captors: frozenset[str] = frozenset()
    captured_suspects: frozenset[str] = frozenset()
    status_words: frozenset[str] = frozenset()
    casualty_nouns: frozenset[str] = frozenset()
    zero_words: frozenset[str] = frozenset()
    more_words: frozenset[str] = frozenset()
    back_references: frozenset[str] = frozenset()
    new_happening_openers: frozenset[str] = frozenset()
    other_act_words: frozenset[str] = frozenset()
    arrest_purposes: frozenset[str] = frozenset()
    suspect_pickups: frozenset[str] = frozenset()
    goal_kinds: dict[str, str] = {}
    age_words: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    ordinal_words: frozenset[str] = frozenset()
    crackdown_acts: frozenset[str] = frozenset()
    aside_openers: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Count:
    first: int  # token indices, end exclusive
    last: int
    value: float
    qualifier: str | None
    noun_only: bool = False  # the count is the counted noun itself: "shot dead the town's deputy mayor"


def parse_number_words(text: str) -> float | None:
    """'2,500' -> 2500, '1.2 billion' -> 1.2e9, 'twenty-five' -> 25, 'three hundred' -> 300."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w not in _NUM_WORD_WORDS]
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if _NUMBER_TOKEN.match(word):
            current += float(word.replace(",", ""))
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _is_number_token(tok: Token) -> bool:
    low = tok.lower_
    return bool(_NUMBER_TOKEN.match(low)) or low in _WORD_NUM


def _hedge(sent: Span, first: int, cues: NumberCues) -> str | None:
    before = sent.doc[max(sent.start, first - 4):first].text.lower()
    before = re.sub(r"\s+an?$", "", before)  # "about a million"
    for hedge in sorted(cues.hedges, key=len, reverse=True):
        if before == hedge or before.endswith(" " + hedge):
            return hedge
    return None


def _counts(sent: Span, cues: NumberCues, skip: frozenset[int] = frozenset()) -> Iterator[_Count]:
    """Number phrases in the sentence (digits, number words, 'dozens', 'no one'), except tokens in
    ``skip`` (dates)."""
    doc, i = sent.doc, sent.start
    while i < sent.end:
        tok = doc[i]
        zero = _zero_count(tok)
        approx = _approximate(doc, i, sent.end, cues)
        if zero is not None:
            yield zero
            i = zero.last
            continue
        if _party_of_one(tok, cues):
            yield _Count(i, i + 1, 1, None)
            i += 1
            continue
        if approx is not None and i not in skip:
            yield _Count(i, approx[1], approx[0], _hedge(sent, i, cues) or approx[2])
            i = approx[1]
            continue
        if _lone_victim(tok, cues):
            yield _Count(i, i + 1, 1, None)
            i += 1
            continue
        if _named_victim(tok, cues):
            yield _Count(i, i + 1, 1, None, noun_only=True)
            i += 1
            continue
        if tok.ent_type_ in _SKIP_ENTS or i in skip or not _is_number_token(tok):
            i += 1
            continue
        j = i
        while j + 1 < sent.end and (_is_number_token(doc[j + 1]) or doc[j + 1].text == "-") and \
                doc[j + 1].ent_type_ not in _SKIP_ENTS and j + 1 not in skip:
            j += 1
        while doc[j].text == "-":
            j -= 1
        text = doc[i:j + 1].text
        value = parse_number_words(text)
        is_year = _is_year(tok, text, value, cues) or _is_age(sent, i, cues)
        upper = _range_end(sent, i, j + 1, skip)
        if value is not None and not is_year and upper is not None:
            # "between 12 and 15 attackers": one count, told as a range; its sure part is the lower bound
            yield _Count(i, upper, value, "between")
            i = upper
            continue
        if value is not None and not is_year:
            yield _Count(i, j + 1, value, _hedge(sent, i, cues))
        i = j + 1


def _is_age(sent: Span, first: int, cues: NumberCues) -> bool:
    """'three men, aged 19, 22 and 25', 'aged between 16 and 40': ages, not counts (the words that open an age
    list are the cue file's ``age_words``)."""
    doc, k = sent.doc, first - 1
    while k >= sent.start and (_is_number_token(doc[k]) or doc[k].lower_ in (",", "and", "or", "-", "to", "between")):
        k -= 1
    return k >= sent.start and doc[k].lower_ in cues.age_words


def _range_end(sent: Span, first: int, end: int, skip: frozenset[int]) -> int | None:
    """Where "between 12 and 15" ends (the token after "15"), when the count at ``first:end`` opens such a
    range; None otherwise ("between two and three o'clock" is a time the NER tags, so its tokens are skipped)."""
    doc = sent.doc
    if first == sent.start or doc[first - 1].lower_ != "between" or end + 1 >= sent.end or \
            doc[end].lower_ != "and" or not _is_number_token(doc[end + 1]) or end + 1 in skip:
        return None
    k = end + 1
    while k + 1 < sent.end and (_is_number_token(doc[k + 1]) or doc[k + 1].text == "-") and k + 1 not in skip:
        k += 1
    while doc[k].text == "-":
        k -= 1
    return k + 1 if parse_number_words(doc[end + 1:k + 1].text) is not None else None


def _is_year(tok: Token, text: str, value: float | None, cues: NumberCues) -> bool:
    """'in 1994', 'the 1994 genocide', 'the 2003 invasion': a year, not a count ('2000 troops' is a count)."""
    if not (text.isdigit() and len(text) == 4 and 1900 <= (value or 0) <= 2100):
        return False
    if tok.head.lower_ in ("in", "since", "of", "until", "by", "from", "before", "after"):
        return True
    counted = set(cues.people_nouns) | {w for words in cues.noun_kinds.values() for w in words}
    return tok.dep_ in ("nummod", "compound", "amod", "nmod") and tok.head.lemma_.lower() not in counted


def _approximate(doc, i: int, end: int, cues: NumberCues) -> tuple[float, int, str] | None:
    """'dozens', 'tens of thousands', 'a dozen' starting at token i: (value, end token, the words)."""
    if doc[i].lower_ not in _first_words(cues):
        return None  # most tokens start no such phrase: skip building the candidate spans
    for length in (3, 2, 1):
        if i + length > end:
            continue
        phrase = doc[i:i + length].text.lower()
        if phrase in cues.approximate:
            return cues.approximate[phrase], i + length, phrase
    return None


def _zero_count(tok: Token) -> _Count | None:
    """'no one', 'nobody', 'none', 'no casualties': a count of zero."""
    low = tok.lower_
    if low in ("nobody", "none"):
        return _Count(tok.i, tok.i + 1, 0, None)
    if low == "one" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "no":
        return _Count(tok.i - 1, tok.i + 1, 0, None)
    if low == "no" and tok.dep_ == "det" and tok.head.pos_ in ("NOUN", "PROPN"):
        return _Count(tok.i, tok.i + 1, 0, None)
    return None


def _subset(sent: Span, count: _Count, cues: NumberCues) -> bool:
    """"among them six journalists", "4 of them women", "including three children", "Among the dead were three
    police officers": a part of the count before it, not another party."""
    doc = sent.doc
    before = [t.lower_ for t in doc[max(sent.start, count.first - 2):count.first]]
    after = [t.lower_ for t in doc[count.last:min(sent.end, count.last + 2)]]
    noun = _counted_noun(sent, count)
    return before[-2:] in (["among", "them"], ["among", "whom"]) or (before[-1:] == ["including"]) or \
        after in (["of", "them"], ["of", "whom"]) or _included(noun) or _among_the_casualties(noun, cues)


def _among_the_casualties(noun: Token, cues: NumberCues) -> bool:
    """"Among the dead were three police officers", "Two journalists were among the wounded", "Among the victims
    were four children": who the toll was (a part of it), no toll. "Among the 40 passengers, 12 died" is one: the
    passengers are no casualties."""
    verb = _clause_verb(noun)
    if verb.lemma_.lower() != "be":
        return False
    casualty = _casualty_words(cues)[0] | {"victim", "casualty", "casualties", "injured"}
    return any(c.dep_ == "prep" and c.lower_ == "among" and any(
        p.dep_ == "pobj" and (p.lemma_.lower() in casualty or p.lower_ in casualty) for p in c.children)
        for c in verb.children)


def _included(noun: Token) -> bool:
    """"The dead included 11 children", "the wounded include two journalists": the object of "include" is a
    part of a toll, not the toll."""
    for _ in range(8):  # (bounded: a long list the parser chains conjunct to conjunct would cost its square)
        if noun.dep_ != "conj" or noun.head.i == noun.i:
            break
        noun = noun.head
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() == "include"


def _party_of_one(tok: Token, cues: NumberCues) -> bool:
    """"two officers and a civilian", "a soldier and three villagers", "a policeman and a girl": "a"
    counts one when its person is listed with counted people or with another person told with "a". Alone ("killing a 62-year-old man") it is told without a count and stays
    so, as the annotated sets have it."""
    if tok.lower_ not in ("a", "an") or tok.dep_ != "det":
        return False
    noun = tok.head
    if noun.lemma_.lower() not in cues.people_nouns and noun.lower_ not in cues.people_nouns:
        return False
    listed = [c for c in noun.children if c.dep_ == "conj"]
    if noun.dep_ == "conj":
        listed.append(noun.head)
        listed += [c for c in noun.head.children if c.dep_ == "conj" and c.i != noun.i]
    # "wounding a police officer and a teenage girl": people listed one by one are counted one by one
    return any(c.dep_ == "nummod" and _is_number_token(c) or c.dep_ == "det" and c.lower_ in ("a", "an") and
               (other.lemma_.lower() in cues.people_nouns or other.lower_ in cues.people_nouns)
               for other in listed for c in other.children)


def _lone_victim(tok: Token, cues: NumberCues) -> bool:
    """"A police officer was killed", "killing a child", "shot dead a 17-year-old boy", "a soldier died",
    "detained a man": one person told with "a" as the one a killing, wounding or arrest befell counts one
    (the wire sets' convention since the fourth round). Not the doer ("a gunman killed ..."), not a person
    the act did not befall ("a witness said ..."), not "a dozen"."""
    if tok.lower_ not in ("a", "an") or tok.dep_ != "det":
        return False
    noun = tok.head
    if noun.i < tok.i or (noun.lemma_.lower() not in cues.people_nouns and noun.lower_ not in cues.people_nouns
                          and not _one_more(noun, cues)):
        return False
    if any(_is_number_token(t) and t.dep_ == "nummod" for t in noun.children):
        return False
    doc = tok.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else tok
    age = after.i + 1 < len(doc) and doc[after.i + 1].text == "-"  # "a 45-year-old teacher" is one
    if after.lower_ in cues.approximate or _is_number_token(after) and not age:
        return False  # "a dozen shoppers", "a hundred people": the count is the word after
    verb = noun.head
    if verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    befalls = set(cues.harming_verbs) | {w for kind in ("killed", "injured", "arrested")
                                         for w in cues.event_cues.get(kind, ())}
    if noun.dep_ in ("nsubjpass", "dobj"):
        return lemma in befalls
    # "a soldier died", "a child succumbed": the dead as the subject of a verb of dying
    return noun.dep_ == "nsubj" and lemma in cues.event_cues.get("killed", ()) and lemma not in cues.harming_verbs \
        and not any(c.dep_ == "dobj" for c in verb.children)


def _one_more(noun: Token, cues: NumberCues) -> bool:
    """"killed three policemen and wounded a fourth", "arrested four protesters and detained a fifth": an ordinal
    told with "a" after a counted party of a joined act is one more of that party ("attacked for a third time",
    "in a second raid" are no one)."""
    if noun.lower_ not in cues.ordinal_words or noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = noun.head
    joined = [verb.head] if verb.dep_ == "conj" else []
    joined += [c for c in verb.children if c.dep_ == "conj"]
    return any(o.dep_ in ("dobj", "nsubjpass") and any(c.dep_ == "nummod" for c in o.children)
               for v in joined for o in v.children)


def _named_victim(tok: Token, cues: NumberCues) -> bool:
    """"Gunmen shot dead the town's deputy mayor", "Militants killed the district chief", "Police arrested the
    opposition leader", "The province's governor was wounded": one person told with "the" or a possessive as the
    one a killing, wounding or arrest befell counts one, like one told with "a" (``_lone_victim``). Only the object
    of a doer's act (a subject with "the" is most often a person told before: "The soldier died in hospital")
    or a subject with a possessive; only one person (not "the suspects", not a group: ``group_nouns``)."""
    if tok.tag_ != "NN" or tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    lemma = tok.lemma_.lower()
    if lemma not in cues.people_nouns and tok.lower_ not in cues.people_nouns or lemma in cues.group_nouns:
        return False
    told = [c for c in tok.children if c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the"]
    if not told or any(c.dep_ == "nummod" or c.lower_ in cues.more_words for c in tok.children):
        return False
    verb = tok.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _befalling(cues):
        return False
    if tok.dep_ == "nsubjpass":
        return any(c.dep_ == "poss" for c in told)
    # the doer named: the verb's own subject, or the one of the verb it is joined to ("... and killed the mayor")
    return any(c.dep_ == "nsubj" for c in verb.children) or \
        verb.dep_ == "conj" and any(c.dep_ == "nsubj" for c in verb.head.children)


def _befalling(cues: NumberCues) -> frozenset[str]:
    """Verbs whose object or passive subject is the one killed, wounded or arrested."""
    words = _BEFALLING.get(id(cues))
    if words is None:
        words = frozenset(cues.harming_verbs) | {w for kind in ("killed", "injured", "arrested")
                                                 for w in cues.event_cues.get(kind, ())}
        _BEFALLING[id(cues)] = words
    return words


# per (immutable, loaded-once) cue table: a pure function cache, like _FIRST_WORDS
_BEFALLING: dict[int, frozenset[str]] = {}


def _counted_noun(sent: Span, count: _Count) -> Token:
    last = sent.doc[count.last - 1]
    if count.noun_only:
        return last  # "killed the district chief of Faryab": the chief, not Faryab
    if last.lower_ == "no":
        return last.head
    if last.dep_ in ("nummod", "quantmod", "amod", "det") and last.head.pos_ in ("NOUN", "PROPN"):
        return last.head
    if last.dep_ in ("npadvmod", "nmod") and last.head.dep_ in ("amod", "compound") and \
            last.head.head.pos_ in ("NOUN", "PROPN"):
        return last.head.head  # "a dozen displaced people": the parse hangs the count on the adjective
    for child in last.children:  # "dozens of people"
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return last


def _clause_verb(token: Token, reach: int = 10) -> Token:
    """The verb of the token's clause, found within ``reach`` steps up the tree (a long list of counted parties
    hangs each on the one before: walking it to its end for every count made a sentence's work quadratic)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and reach > 0:
        node = node.head
        reach -= 1
    return node


def _context(noun: Token) -> list[Token]:
    """Tokens that can say what happened to the counted noun: its modifiers ("3 people killed"), the
    path up to its clause's verb, that verb's subject ("the death toll rose to 40") and, when the count
    is the subject, the verb's complements ("64 are said to have had injuries", "dozens remain missing")."""
    found = [noun, *noun.children]
    if noun.dep_ == "conj":
        # "shot dead two constables and a shopkeeper": the parse hangs "dead" on the first of the listed, before
        # its count (a modifier after the count is that party's own: "two wounded fighters and a driver")
        counts = [c.i for c in noun.head.children if c.dep_ == "nummod"]
        found += [c for c in noun.head.children if c.dep_ == "amod" and counts and c.i < min(counts)]
    node = noun
    while node.head.i != node.i and len(found) < 30:
        node = node.head
        found.append(node)
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod", "acl"):
            break
    verb = node
    # how the act was done: "shot dead", "beaten to death"
    # ("dead" the parser may also hang as an adverbial clause: "arrested 43 people and shot dead one protester")
    found += [c for c in verb.children if c.dep_ in ("acomp", "oprd", "advmod", "prt")
              or (c.dep_ == "advcl" and c.pos_ == "ADJ")]
    # where the act put them: "took 37 people into custody"
    found += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "into" for p in c.children
              if p.dep_ == "pobj"]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subj in subjects:
        found += [subj, *(c for c in subj.children if c.dep_ in ("compound", "amod"))]
        # "the number of dead rose to 17": what the subject is a number of
        found += [p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj"]
    if any(noun.i == s.i or noun.is_ancestor(s) or s.is_ancestor(noun) for s in subjects):
        stack = [verb]
        while stack and len(found) < 60:
            head = stack.pop()
            for child in head.children:
                if child.dep_ in ("dobj", "attr", "acomp", "xcomp", "oprd", "ccomp", "compound", "amod", "prep",
                                  "pobj"):
                    found.append(child)
                    stack.append(child)
    return found


def _kind(sent: Span, count: _Count, cues: NumberCues) -> str | None:
    """What the count counts (killed, injured, troops, money, ...), None if nothing; read once per count of
    the document, whatever the event (see ``_sentence_numbers``)."""
    cache = sent.doc.user_data.setdefault(_KIND_KEY, {})
    key = (sent.start, sent.end, count.first, count.last, id(cues))
    if key not in cache:
        cache[key] = _read_kind(sent, count, cues)
    return cache[key]


_KIND_KEY = "brinkwatch.numbers.kinds"


def _read_kind(sent: Span, count: _Count, cues: NumberCues) -> str | None:
    noun = _counted_noun(sent, count)
    noun_lemma = noun.lemma_.lower()
    if _group_counted_from(noun, count):
        return None
    if noun.lower_ in cues.currencies or noun_lemma in cues.currencies:
        return "money"
    if _among_the_doers(noun, cues):
        # "Three gunmen killed 5 people", "clashes between two armed groups killed 4": who did it, no toll
        return next((kind for kind, lemmas in cues.noun_kinds.items()
                     if kind not in _TOLL_KINDS and (noun_lemma in lemmas or noun.lower_ in lemmas)), None)
    context = _context(noun)
    hits: list[tuple[int, str, int]] = []  # (distance to the count, kind, token index)
    for tok in context:
        for kind, lemmas in cues.event_cues.items():
            if tok.lemma_.lower() in lemmas or tok.lower_ in lemmas:
                hits.append((abs(tok.i - count.first), kind, tok.i))
    hits = [h for h in hits if not _other_charge(sent.doc[h[2]], noun)]
    if any(i != noun.i and not _describes(sent.doc[i], noun, cues) for _, _, i in hits):
        # "wounding about a dozen displaced people": who they are yields to what happened to them
        hits = [h for h in hits if h[2] == noun.i or not _describes(sent.doc[h[2]], noun, cues)]
    partitive = noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i == count.last - 1
    if partitive and any(i != noun.i for _, _, i in hits):
        # "three of the injured later died": what the clause says happened to them, not what they were
        hits = [h for h in hits if h[2] != noun.i]
    is_thing = noun_lemma in cues.thing_nouns or any(
        noun_lemma in cues.noun_kinds.get(k, ()) for k in ("missiles", "rockets", "drones"))
    if hits and not is_thing:
        return _capture_as_arrest(min(hits), sent.doc, noun, cues)
    if not is_thing and (told := _told_by_the_verb(noun, cues)):
        return told
    for kind, lemmas in cues.noun_kinds.items():
        if noun_lemma in lemmas or noun.lower_ in lemmas:
            return kind
    if noun_lemma in ("people", "person") and any(t.lemma_.lower() in cues.crowd_verbs for t in context):
        return "crowd"
    return _shared_toll(sent, count, cues)


def _group_counted_from(noun: Token, count: _Count) -> bool:
    """"Among the 40 passengers, 12 died", "Of the 30 miners trapped, 11 were killed", "killed 12 of the 40
    passengers": the larger group the toll is counted from, not a toll ("dozens of people" is the count's own)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("among", "of") or prep.dep_ != "prep" or \
            count.first <= prep.head.i < count.last:
        return False
    part = prep.head
    if part.pos_ == "NUM" or part.like_num:
        return True  # "12 of the 40 passengers"
    return part.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") and (
        c.pos_ == "NUM" or c.like_num or any(g.dep_ == "nummod" for g in c.children)) for c in part.children)


def _told_by_the_verb(noun: Token, cues: NumberCues) -> str | None:
    """What a verb with no cue of its own says befell the people it took or moved: "three passengers were taken
    to hospital" (injured), "police picked up five suspected smugglers", "eight suspects were picked up"
    (arrested; "rescuers picked up 40 survivors" is none)."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB":
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into")):
        for goal in (p for p in prep.children if p.dep_ == "pobj"):
            if goal.lemma_.lower() in cues.goal_kinds:
                return cues.goal_kinds[goal.lemma_.lower()]
    if verb.lemma_.lower() not in cues.suspect_pickups:
        return None
    doers = [c for c in verb.children if c.dep_ == "nsubj"] + \
        [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    by_forces = any(d.lemma_.lower() in cues.captors or d.lower_ in cues.captors for d in doers)
    of_suspects = noun.lemma_.lower() in cues.captured_suspects or noun.lower_ in cues.captured_suspects
    return "arrested" if by_forces or of_suspects else None


def _capture_as_arrest(hit: tuple[int, str, int], doc, noun: Token, cues: NumberCues) -> str:  # noqa: ANN001 - a Doc
    """"soldiers killed seven attackers and captured two", "police seized 5 suspects": a capture by the forces of
    order, or of attackers, is an arrest; "rebels captured 12 soldiers" keeps its hostages."""
    kind, verb = hit[1], doc[hit[2]]
    if kind != "hostages" or verb.pos_ != "VERB" or not cues.captors:
        return kind
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(p.lemma_.lower() in cues.arrest_purposes
                                                                 or p.lower_ in cues.arrest_purposes for p in c.children)
           for c in verb.children):
        return "arrested"  # "held for questioning"
    captured = noun
    if noun.pos_ == "NUM" and verb.dep_ == "conj":  # "killed seven attackers and captured two": two attackers
        captured = next((c for c in verb.head.children if c.dep_ == "dobj"), noun)
    doers = [c for c in verb.children if c.dep_ == "nsubj"] or \
        ([c for c in verb.head.children if c.dep_ == "nsubj"] if verb.dep_ == "conj" else [])
    by_forces = any(d.lemma_.lower() in cues.captors or d.lower_ in cues.captors for d in doers)
    of_attackers = captured.lemma_.lower() in cues.captured_suspects or captured.lower_ in cues.captured_suspects
    return "arrested" if by_forces or of_attackers else kind


def _other_charge(tok: Token, noun: Token) -> bool:
    """"charged 14 people (with rioting)" is an arrest count; "faces 14 charges", "police charged at 300
    protesters" and "baton-charged the crowd" (a rush at them) are not."""
    if tok.lemma_.lower() != "charge":
        return False
    if tok.pos_ != "VERB" or tok.i == noun.i:
        return True
    rushed = any(c.dep_ == "prep" and c.lower_ in ("at", "into", "toward", "towards") for c in tok.children)
    return rushed or (tok.i > 0 and tok.doc[tok.i - 1].text in ("-", "–"))


def _among_the_doers(noun: Token, cues: NumberCues) -> bool:
    """The counted noun is (in) the subject of an active harming verb that has victims as its object, or
    in its "by" agent: the doers."""
    node = noun
    for _ in range(12):
        head = node.head
        if head.i == node.i:
            return False
        if head.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() not in cues.harming_verbs:
                return False
            # an active subject with victims as object ("more than 20 wounded" has none: it is a passive)
            acts = node.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in head.children) and \
                not any(c.dep_ == "auxpass" for c in head.children)
            return acts or node.dep_ == "agent"
        node = head
    return False


def _describes(tok: Token, noun: Token, cues: NumberCues) -> bool:
    """A participle that says who the counted people are ("displaced people"), not what befell them."""
    return tok.dep_ in ("amod", "compound") and tok.head.i == noun.i and tok.lower_ in cues.status_words


def _shared_toll(sent: Span, count: _Count, cues: NumberCues) -> str | None:
    """"resulting in 9 militia and 4 soldier fatalities": the toll noun at the end of a coordinated list
    of counts belongs to every count in it (read off the words; the parser often breaks such lists)."""
    doc = sent.doc
    toll = {"killed": cues.noun_kinds.get("killed", ()), "injured": cues.noun_kinds.get("injured", ())}
    seen_and = seen_number = False
    for tok in doc[count.last:min(sent.end, count.last + 10)]:
        if tok.lower_ in ("and", ","):
            seen_and = True
        elif _is_number_token(tok):
            seen_number = seen_and
        elif tok.is_punct or tok.pos_ in ("VERB", "ADP") and tok.lower_ != "of":
            return None
        else:
            lemma = tok.lemma_.lower()
            for kind, nouns in toll.items():
                if seen_number and (lemma in nouns or tok.lower_ in nouns or lemma in ("casualty",)):
                    return kind if lemma != "casualty" else "killed"
    return None


def _money_spans(sent: Span) -> Iterator[Span]:
    """MONEY entities of the sentence, read off the tokens (``Span.ents`` rebuilds every entity of
    the document on each call, which is slow on long articles)."""
    doc, i = sent.doc, sent.start
    while i < sent.end:
        if doc[i].ent_type_ == "MONEY" and doc[i].ent_iob_ == "B":
            j = i + 1
            while j < sent.end and doc[j].ent_iob_ == "I":
                j += 1
            yield doc[i:j]
            i = j
        else:
            i += 1


def _money(sent: Span, cues: NumberCues) -> Iterator[Quantity]:
    for ent in _money_spans(sent):
        text = ent.text
        low = text.lower()
        unit = next((code for sym, code in sorted(cues.currencies.items(), key=lambda kv: -len(kv[0]))
                     if (sym in low if not sym.isalpha() else re.search(rf"\b{re.escape(sym)}\b", low))), None)
        numeric = re.sub(r"[^\w.,\s-]", " ", low)
        numeric = re.sub(r"(\d)(m|bn|b|k|tn)\b", r"\1 \2", numeric)
        words = [w for w in numeric.split() if w not in cues.currencies and w not in ("us",)]
        value = parse_number_words(" ".join(words))
        if value is None:
            continue
        yield Quantity(kind="money", value=value, qualifier=_hedge(sent, ent.start, cues), unit=unit,
                       text=text, start=ent.start_char, end=ent.end_char)


def _votes(sent: Span, cues: NumberCues) -> list[Quantity]:
    if not any(t.lemma_.lower() in cues.vote_cues for t in sent):
        return []
    base, text = sent.start_char, sent.text
    found: list[Quantity] = []
    m = _TALLY.search(text)
    if m:
        found.append(Quantity(kind="votes_for", value=float(m.group(1)), text=m.group(0),
                              start=base + m.start(1), end=base + m.end(1)))
        found.append(Quantity(kind="votes_against", value=float(m.group(2)), text=m.group(0),
                              start=base + m.start(2), end=base + m.end(2)))
    else:
        for regex, kind in ((_IN_FAVOUR, "votes_for"), (_AGAINST, "votes_against")):
            hit = regex.search(text)
            value = _vote_count(hit.group(1)) if hit else None
            if hit and value is not None:
                found.append(Quantity(kind=kind, value=value, text=hit.group(0),
                                      start=base + hit.start(), end=base + hit.end()))
    for hit in _ABSTAIN.finditer(text):
        value = _vote_count(hit.group(2) or "") if hit.group(2) else None
        value = value if value is not None else _vote_count(hit.group(1))
        if value is not None:
            found.append(Quantity(kind="abstained", value=value, text=hit.group(0),
                                  start=base + hit.start(), end=base + hit.end()))
            break
    return found


def _vote_count(word: str) -> float | None:
    if word.lower() in ("none", "no", "zero"):
        return 0.0
    return parse_number_words(word)


_CLAUSE_DEPS = {"advcl", "conj", "ccomp", "xcomp", "acl", "relcl", "parataxis", "csubj"}


def _own_clause(tok: Token) -> bool:
    """A subordinate or coordinate clause with a subject of its own ("as the death toll rose", "and
    three students were rescued") tells of another happening; a participle ("killing 3") does not."""
    if tok.dep_ not in _CLAUSE_DEPS or tok.dep_ == "xcomp":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _linked_tokens(trigger: Token, cues: NumberCues) -> set[int]:
    """Token indices of the trigger's clause: its subtree without clauses of their own, widened to the
    governing clause when the trigger is a noun ("the attack killed 3") or sits in an adverbial clause
    ("three were killed when militants attacked")."""
    anchor = _clause_verb(trigger)
    if anchor.dep_ == "advcl" and anchor.head.i != anchor.i:
        anchor = anchor.head
    if anchor.i != trigger.i or anchor.dep_ == "advcl" or trigger.pos_ == "NOUN":
        # "31 people died and 50 were injured when a bomb exploded", "six were killed and 20 wounded in the
        # bombing": every toll of the coordinated casualty clauses is the act's
        while anchor.dep_ == "conj" and _casualty_clause(anchor, trigger, cues):
            anchor = anchor.head
    # Below a token that is not on the way to the trigger, the walk does not depend on the trigger (but
    # for whether it is a violent act): those parts are walked once per document and shared by every
    # event (walked for each, a long sentence of many events cost the square of its length).
    on_path = {trigger.i, *(a.i for a in trigger.ancestors)}
    violent = trigger.lemma_.lower() in _casualty_words(cues)[1]
    linked: set[int] = set()
    stack = [anchor]
    while stack:
        tok = stack.pop()
        if tok.i not in on_path:
            linked |= _linked_below(tok, violent, cues)
            continue
        linked.add(tok.i)
        for child in tok.children:
            if child.dep_ in ("acl", "relcl") and tok.i != trigger.i and child.i != trigger.i:
                continue  # "a resolution calling for ... 5,200 troops" describes another act
            if child.i != trigger.i and _separate_act(child, violent, cues):
                stack.extend(_acts_after(child, cues))
                continue
            if child.i == trigger.i or not _own_clause(child) or _casualty_clause(child, trigger, cues) or \
                    child.dep_ == "ccomp" and _casualty_clause(tok, trigger, cues):
                stack.append(child)
            elif violent and tok.i == trigger.i:
                stack.extend(_participles_hung_on(child, cues))
    return linked


def _participles_hung_on(clause: Token, cues: NumberCues) -> list[Token]:
    """"stormed the jail after an inmate died, injuring five guards": the parse hangs a closing participle of harm on
    the subordinate clause before it; when that clause tells no violence (a death, an arrest), the harm is the main
    act's. After a violent clause it stays that clause's ("withdrew after a bomb exploded, wounding two soldiers")."""
    if clause.dep_ != "advcl" or clause.lemma_.lower() in cues.violent_acts or \
            clause.lemma_.lower() in cues.harming_verbs:
        return []
    doc, harm = clause.doc, _casualty_words(cues)[0] | cues.harming_verbs
    return [c for c in clause.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > clause.i and
            doc[c.i - 1].text == "," and c.lemma_.lower() in harm and
            not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)]


def _separate_act(verb: Token, violent: bool, cues: NumberCues) -> bool:
    """A coordinated verb with an object of its own is another act of the same doer: in "fired tear gas in
    Blantyre, arrested 43 people in Mzuzu and shot dead one protester" the 43 are the arrest's and the one
    the shooting's. Only casualty and harming verbs after a violent act tell its toll ("attacked the
    base and killed 3 soldiers", "killed 4 and wounded 9")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or not objects:
        return False
    if any(t.lower_ in cues.more_words for o in objects for t in o.subtree) or \
            any(c.dep_ == "advmod" and c.lower_ in cues.more_words for c in verb.children):
        return False  # "killed 2 gunmen and detained 5 more": the same operation on the same group
    if all(o.pos_ == "NUM" and all(c.dep_ == "prep" for c in o.children) for o in objects):
        return False  # "killed seven attackers and captured two (near Gao)": two of the same group, the noun left out
    if all(_one_more(o, cues) for o in objects):
        return False  # "arrested four protesters and detained a fifth": one more of the same group
    lemma = verb.lemma_.lower()
    return not (violent and (lemma in _casualty_words(cues)[0] or lemma in cues.harming_verbs))


def _acts_after(verb: Token, cues: NumberCues) -> list[Token]:
    """The verbs coordinated after a separate act, which the parse hangs on it ("stormed the village, torched
    40 homes and killed 12": "killed" hangs on "torched"), still walked; not after an act that counts
    people of its own kind ("arrested 43 people in Mzuzu and shot dead one protester": both the police's,
    neither the tear gas's)."""
    lemma = verb.lemma_.lower()
    if any(lemma in words for kind, words in cues.event_cues.items() if kind not in _TOLL_KINDS):
        return []
    return [c for c in verb.children if c.dep_ == "conj"]


_LINKED_KEY = "brinkwatch.numbers.linked"


def _linked_below(top: Token, violent: bool, cues: NumberCues) -> frozenset[int]:
    """What ``_linked_tokens`` walks from ``top``, a token off the trigger's way up (``violent``: the trigger
    is a violent act or a casualty word), once per document."""
    cache = top.doc.user_data.setdefault(_LINKED_KEY, {})
    key = (top.i, violent, id(cues))
    if key not in cache:
        linked: set[int] = set()
        stack = [top]
        while stack:
            tok = stack.pop()
            linked.add(tok.i)
            for child in tok.children:
                if child.dep_ in ("acl", "relcl"):
                    continue
                if _separate_act(child, violent, cues):
                    stack.extend(_acts_after(child, cues))
                    continue
                if not _own_clause(child) or (violent and (_casualty_verb(child, cues) or (
                        child.dep_ == "ccomp" and _casualty_verb(tok, cues)))):
                    stack.append(child)
        cache[key] = frozenset(linked)
    return cache[key]


def _casualty_words(cues: NumberCues) -> tuple[frozenset[str], frozenset[str]]:
    """(casualty words, violent acts and casualty words) of the cue table, built once per table."""
    words = _CASUALTY_WORDS.get(id(cues))
    if words is None:
        casualty = frozenset(w for k, v in cues.event_cues.items() if k in ("killed", "injured", "missing") for w in v)
        words = casualty, frozenset(cues.violent_acts) | casualty
        _CASUALTY_WORDS[id(cues)] = words
    return words


# per (immutable, loaded-once) cue table: a pure function cache, like _FIRST_WORDS
_CASUALTY_WORDS: dict[int, tuple[frozenset[str], frozenset[str]]] = {}


def _casualty_clause(verb: Token, trigger: Token, cues: NumberCues) -> bool:
    """"..., and three soldiers were killed": a casualty clause reports the toll of the violent act it
    follows ("dozens remain missing" too)."""
    if trigger.lemma_.lower() not in _casualty_words(cues)[1]:
        return False
    return _casualty_verb(verb, cues)


def _casualty_verb(verb: Token, cues: NumberCues) -> bool:
    """``verb`` heads a coordinated clause of casualties with a counted subject ("and three were killed")."""
    if verb.dep_ != "conj":
        return False
    casualty = _casualty_words(cues)[0]
    reported = None
    if verb.lemma_.lower() in cues.reporting_verbs:
        # "..., and residents said 17 bodies were recovered", "..., and 64 in all are said to have had
        # injuries": the toll is reported, still the act's
        reported = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if reported is not None:
        subj = next((c for c in reported.children if c.dep_ in ("nsubj", "nsubjpass")), subj)
        verb = reported
    words = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd"))]
    if reported is not None:
        words += [c for c in verb.children if c.dep_ == "dobj"]  # "had injuries"
    if subj is not None and subj.lower_ in cues.remains_nouns:
        words.append(subj)  # "17 bodies were recovered", "the corpses of 9 men were found"
    # "..., and 15 people were rushed to hospital": where they were taken says they were hurt
    hurt = any(c.dep_ == "prep" and c.lower_ == "to" and any(
        cues.goal_kinds.get(p.lemma_.lower()) == "injured" for p in c.children) for c in verb.children)
    if not hurt and not any(w.lemma_.lower() in casualty or w.lower_ in casualty for w in words):
        return False
    # (a lone victim too: "..., and a woman died of her wounds"; and a count in a word: "and scores were injured")
    return subj is not None and any(_is_number_token(t) or t.lower_ in cues.zero_words or _lone_victim(t, cues)
                                    or t.lower_ in cues.approximate for t in subj.subtree)


def _governs(token: Token, trigger: Token) -> bool:
    """The number's clause verb dominates the trigger: '64 are said to have had injuries after the attack'.
    Not across a coordination: in "the 1994 genocide killed 800,000, and the country remembers" the
    killing is a clause of its own, not the remembering's toll."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    if node.pos_ not in ("VERB", "AUX"):
        return False
    objects = [c for c in node.children if c.dep_ == "dobj" and (c.i == token.i or c.is_ancestor(token))]
    doers = [c for c in node.children if c.dep_ == "nsubj"]
    if objects and doers and not any(d.i == trigger.i or d.is_ancestor(trigger) for d in doers):
        return False  # "...; gunmen wounded 6 police officers": the count is what another doer did
    step = trigger
    while step.head.i != step.i:
        if step.dep_ in ("conj", "parataxis"):
            return False
        step = step.head
        if step.i == node.i:
            return True
    return False


def _first_words(cues: NumberCues) -> frozenset[str]:
    words = _FIRST_WORDS.get(id(cues))
    if words is None:
        words = frozenset(phrase.split()[0] for phrase in cues.approximate)
        _FIRST_WORDS[id(cues)] = words
    return words


# first words of the approximate phrases, per (immutable, loaded-once) cue table: a pure function cache
_FIRST_WORDS: dict[int, frozenset[str]] = {}


def _has_quantity(sent: Span, cues: NumberCues) -> bool:
    """A cheap first look: no digit, number word, 'no one', 'dozens', 'the' or possessive means no quantity to
    find."""
    first = _first_words(cues)
    return any(t.like_num or t.pos_ == "NUM" or t.lower_ in cues.zero_words or t.lower_ in first
               or t.ent_type_ == "MONEY" or t.text[:1] in "$€£" or t.dep_ == "poss" or t.lower_ == "the"
               for t in sent)  # (the last two: one person told with "the" or a possessive, ``_named_victim``)


_SENTENCE_KEY = "brinkwatch.numbers.sentences"


@dataclass(frozen=True, slots=True)
class _SentenceNumbers:
    """The votes, sums of money and number phrases of one sentence, with what an event asks of them
    indexed: the token each money phrase hangs on, and each count by its first token and by the verb of
    its clause (where ``_governs`` meets the trigger's way up)."""

    votes: tuple[Quantity, ...]
    moneys: tuple[Quantity, ...]
    money_roots: tuple[int | None, ...]
    counts: tuple[_Count, ...]
    by_first: dict[int, list[int]]  # first token -> positions in ``counts``
    by_verb: dict[int, list[int]]  # the verb of the count's clause -> positions in ``counts``
    subset: dict[int, bool] = field(default_factory=dict)  # ``_subset`` of a count, once asked


def _index_counts(sent: Span, counts: tuple[_Count, ...]) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    by_first: dict[int, list[int]] = {}
    by_verb: dict[int, list[int]] = {}
    verb_of: dict[int, Token] = {}  # token -> the verb its way up stops at: each token walked once
    for at, count in enumerate(counts):
        by_first.setdefault(count.first, []).append(at)
        node, path = sent.doc[count.first:count.last].root, []
        while node.i not in verb_of and node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            path.append(node.i)
            node = node.head
        node = verb_of.get(node.i, node)
        verb_of.update(dict.fromkeys(path, node))
        if node.pos_ in ("VERB", "AUX"):
            by_verb.setdefault(node.i, []).append(at)
    return by_first, by_verb


def _read_sentence(sent: Span, cues: NumberCues, spans: tuple[tuple[int, int], ...]) -> _SentenceNumbers:
    skip = frozenset(t.i for t in sent if any(s <= t.idx < e for s, e in spans))
    moneys = tuple(_money(sent, cues))
    roots = []
    for money in moneys:
        span = sent.doc.char_span(money.start, money.end, alignment_mode="expand")
        roots.append(span.root.i if span is not None else None)
    counts = tuple(_counts(sent, cues, skip))
    return _SentenceNumbers(tuple(_votes(sent, cues)), moneys, tuple(roots), counts, *_index_counts(sent, counts))


def _sentence_numbers(sent: Span, cues: NumberCues, skip_spans: Sequence[tuple[int, int]]
                      ) -> _SentenceNumbers | None:
    """The votes, sums of money and number phrases of the sentence (None: it has no quantity), whatever the
    event: read once per sentence and kept on the Doc. Read again for every event, a sentence of many
    events (a phrase repeated a hundred times) cost the square of its length."""
    spans = tuple((s, e) for s, e in skip_spans if s < sent.end_char and e > sent.start_char)
    cache = sent.doc.user_data.setdefault(_SENTENCE_KEY, {})
    key = (sent.start, sent.end, spans, id(cues))
    if key not in cache:
        cache[key] = _read_sentence(sent, cues, spans) if _has_quantity(sent, cues) else None
    return cache[key]


def _governing_verbs(trigger: Token) -> set[int]:
    """The tokens above the trigger before its way up crosses a coordination: a count whose clause verb is
    one of them may be governed by the trigger's clause (``_governs`` decides)."""
    found: set[int] = set()
    step = trigger
    while step.head.i != step.i and step.dep_ not in ("conj", "parataxis"):
        step = step.head
        found.add(step.i)
    return found


def _candidate_counts(numbers: _SentenceNumbers, linked: set[int], trigger: Token) -> list[int]:
    """Positions of the counts that can be the event's: first token in its clause, or a clause verb over the
    trigger; the others fail both tests, so they are not looked at (one look per count per event was
    quadratic in a sentence of many events and many numbers)."""
    found = ({at for at, count in enumerate(numbers.counts) if count.first in linked}
             if len(linked) >= len(numbers.counts) else {at for i in linked for at in numbers.by_first.get(i, ())})
    for verb in _governing_verbs(trigger):
        found.update(numbers.by_verb.get(verb, ()))
    return sorted(found)


def numbers_for_event(sent: Span, trigger: Token, cues: NumberCues,
                      skip_spans: Sequence[tuple[int, int]] = ()) -> tuple[Quantity, ...]:
    """The quantities in the event's sentence that the parse ties to the event's clause; character
    spans in ``skip_spans`` (the date expressions) are not counts."""
    numbers = _sentence_numbers(sent, cues, skip_spans)
    if numbers is None:
        return ()
    linked = _linked_tokens(trigger, cues)
    taken = {(q.start or 0) for q in numbers.votes}
    found: list[Quantity] = list(numbers.votes)
    found += [money for money, root in zip(numbers.moneys, numbers.money_roots, strict=True)
              if root is not None and root in linked]
    # counts come in text order, each starting at or after those taken: one holds a count's start iff the
    fixed, counted_to = list(found), -1  # furthest end among them lies past it
    for at in _candidate_counts(numbers, linked, trigger):
        count = numbers.counts[at]
        span = sent.doc[count.first:count.last]
        if span.start_char in taken or not (count.first in linked or _governs(span.root, trigger)):
            continue
        if at not in numbers.subset:  # (read once per count, not once per event)
            numbers.subset[at] = _subset(sent, count, cues)
        if numbers.subset[at]:
            continue  # "40 people, among them six journalists": part of a count already taken
        if span.start_char < counted_to or any(q.start is not None and q.start <= span.start_char < (q.end or 0)
                                               for q in fixed):
            continue
        if count.value == 0 and _counted_noun(sent, count).lemma_.lower() in cues.casualty_nouns:
            # "no casualties": no one killed and no one wounded
            found += [Quantity(kind=k, value=0.0, text=span.text, start=span.start_char, end=span.end_char)
                      for k in ("killed", "injured")]
            counted_to = max(counted_to, span.end_char)
            continue
        kind = _kind(sent, count, cues)
        if kind is None:
            continue
        unit = None
        if kind == "money":  # "500 million euros" that the NER did not tag as MONEY
            noun = _counted_noun(sent, count)
            unit = cues.currencies.get(noun.lower_) or cues.currencies.get(noun.lemma_.lower())
        found.append(Quantity(kind=kind, value=float(count.value), qualifier=count.qualifier, unit=unit,
                              text=span.text, start=span.start_char, end=span.end_char))
        counted_to = max(counted_to, span.end_char)
    return tuple(sorted(found, key=lambda q: q.start or 0))


# Toll kinds a later sentence may add to a violent act's (the words that mark a count as added, "two more", are
# the cue file's ``more_words``) (also read by ``extract.tolls_after``, which follows a toll over the sentences after its act)
_TOLL_KINDS = frozenset({"killed", "injured", "missing"})
