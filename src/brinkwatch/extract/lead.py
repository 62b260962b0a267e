"""A wire's lead and the paragraph that restates it.

A wire story opens with a one-sentence paragraph that tells the act in summary ("Gunmen killed at least 19
civilians in northern Burkina Faso, security sources said on Monday.") and goes on, in the next paragraph, with
the act told again where and when it happened: "The attack took place on Sunday night in the village of
Seytenga in Seno province", "The bus was attacked near El Wak", "On Saturday, June 13, a patrol was attacked
on the road between Suarez and Jamundi". The lead's own words give the region, a trip's ends or only the
day the act was told; the restatement gives the town (``restating_verb``; the date side is in
``extract.dates``, the toll side in ``extract.numbers``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from brinkwatch.extract.dates import DateCues, restates_the_act, story_lead
from brinkwatch.extract.numbers import NumberCues
from brinkwatch.extract.tolls_after import tolls_told
from brinkwatch.model import Place, Quantity

_COARSE = frozenset({"country", "admin1", "admin2", "unknown"})


_KEY = "brinkwatch.lead.sentences"  # per sentence, not per event: a long sentence has hundreds of events


def _once(sent: Span, what: str, compute):  # noqa: ANN001, ANN202 - a thunk and what it returns
    cache = sent.doc.user_data.setdefault(_KEY, {})
    key = (what, sent.start, sent.end)
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def restating_verb(sent: Span, cues: DateCues) -> Token | None:
    """The verb of the first sentence of the next paragraph, when ``sent`` is a one-sentence lead and that
    sentence restates its act ("The attack took place ...", "The bus was attacked ..."), else None."""
    return _once(sent, f"restating{id(cues)}", lambda: _restating_verb(sent, cues))


def _restating_verb(sent: Span, cues: DateCues) -> Token | None:
    doc = sent.doc
    if sent.end >= len(doc) or not story_lead(sent):
        return None
    last = next((t for t in reversed(sent) if not t.is_space), sent[-1])
    if not any("\n" in t.whitespace_ or (t.is_space and "\n" in t.text) for t in doc[last.i:sent.end + 1]):
        return None  # the lead's paragraph goes on: it is no one-sentence lead
    i = sent.end
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i >= len(doc):
        return None
    nxt = doc[i].sent
    root = nxt.root
    if root.lemma_.lower() in cues.reporting_verbs:  # "The bus was attacked near El Wak, a commander said"
        root = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")), root)
    return root if restates_the_act(root, cues) else None


def takes_restated_place(own: Place | None, restated: Place | None, route_end: bool) -> bool:
    """The restatement's place is the lead's: the lead's own is none, coarser (a country, a province) or a
    trip's end (``route_end``), and the restated one is a town or a point in the same country."""
    if restated is None or restated.precision in _COARSE or restated.lat is None:
        return False
    if own is None:
        return True
    if own.country is not None and restated.country != own.country:
        return False
    return own.precision in _COARSE or route_end






def _lead_before(sent: Span) -> Span | None:
    """The one-sentence lead paragraph just before ``sent``, when ``sent`` opens the paragraph after it."""
    doc = sent.doc
    i = sent.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0:
        return None
    before = doc[i].sent
    broke = any("\n" in t.whitespace_ or (t.is_space and "\n" in t.text) for t in doc[before.end - 1:sent.start])
    return before if broke and story_lead(before) else None


def toll_from_the_lead(sent: Span, trigger: Token, cues: NumberCues, own: Sequence[Quantity],
                       skip_spans: Sequence[tuple[int, int]] = (), in_sentence: Sequence[Quantity] = ()
                       ) -> tuple[Quantity, ...]:
    """The lead's toll for the violent act its next paragraph tells without one: "The death toll from Sunday's
    raids ... has risen to 38 ... // The attackers stormed the villages late on Sunday, shooting residents";
    "Gunmen killed at least 19 civilians ... // The attack took place ... when assailants opened fire on a
    market". Only kinds the act does not count itself, and not when the paragraph tells another act
    ("Separately, ...", "In another attack", "Last week, ...") or its sentence tells a toll itself ("The death
    toll from Sunday's strike on Beryslav rose to seven": a toll of its own act; ``in_sentence``: the quantities
    of the event's own sentence, ``own``: with those told after it)."""
    have = {q.kind for q in own}
    if trigger.lemma_.lower() not in set(cues.violent_acts) or _TOLLS <= have or \
            any(q.kind in _TOLLS for q in in_sentence):
        return tuple(own)
    lead = _once(sent, "lead_before", lambda: _lead_before(sent))
    if lead is None or _once(sent, "own_scene", lambda: _scene_of_its_own(sent, cues)):
        return tuple(own)
    told = [q for q in tolls_told(lead, cues, skip_spans) if q.kind in _TOLLS and q.kind not in have]
    return tuple(own) + tuple(sorted(told, key=lambda q: (q.start or 0, q.kind)))


def _scene_of_its_own(sent: Span, cues: NumberCues) -> bool:
    """A sentence that opens on a time, a place or an adverb sets a scene of its own ("In the northeast, artillery
    shelled villages ...", "On Friday, ...", "Meanwhile, ..."), as does one that says "separately", "another",
    "also"; the lead's own act is told again from its subject."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    return first is None or first.ent_type_ in ("DATE", "TIME") or first.pos_ in ("ADP", "SCONJ", "ADV") or \
        any(t.lower_ in cues.other_act_words for t in sent)


_TOLLS = frozenset({"killed", "injured"})

__all__ = ["restating_verb", "takes_restated_place", "toll_from_the_lead"]
