"""Sentences that are not politics: sports, entertainment or history ("beat Germany 2-0", "World Cup").

The phrases come from the KB's discard list (``actors/data``); a sports score next to a score verb is enough
on its own. Used by the coder to skip a sentence before any event is read from it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from brinkwatch.actors.kb import ActorKB, Key

_SCORE = re.compile(r"^(\d{1,2})[-–](\d{1,2})$")
_MAX_SCORE = 30


def is_discarded(kb: ActorKB, word_pieces: list[Key], sentence: Span) -> bool:
    """A discard phrase anywhere in ``sentence`` (``word_pieces`` indexed by token), or a sports score."""
    longest = kb.discard_max_len
    starts = kb.discard_prefixes  # every phrase's every prefix: a window that is none can grow into no phrase
    for index in range(sentence.start, sentence.end):
        key: Key = ()
        for at in range(index, min(index + longest, sentence.end)):
            key = key + word_pieces[at]
            if kb.is_discard_phrase(key):
                return True
            if key not in starts:
                break
    return has_score(kb, list(sentence))


def has_score(kb: ActorKB, tokens: list[Token]) -> bool:
    """A sports result ("beat Argentina 2-0"): a score verb and a score of two small numbers."""
    verbs = any(kb.is_score_verb(token.lower_) or kb.is_score_verb(token.lemma_) for token in tokens)
    if not verbs:
        return False
    texts = [token.text for token in tokens]
    joined = [*texts, *(a + b + c for a, b, c in zip(texts, texts[1:], texts[2:], strict=False))]
    for text in joined:
        score = _SCORE.match(text)
        if score and max(int(score.group(1)), int(score.group(2))) <= _MAX_SCORE:
            return True
    return False
