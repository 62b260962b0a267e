"""Property test of the coder itself on arbitrary text (the readers have their own in test_ingest_properties):
it never raises, every offset it reports lies inside the text and slices out what it claims, and every code
it emits is in the ontology.

Texts are drawn from arbitrary unicode and from news-like fragments (actors, verbs, numbers, dates) mixed
with punctuation runs, emoji, control characters and odd spacing, so that events are actually coded.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brinkwatch.model import Article

FRAGMENTS = (
    "Iran", "Iraq's", "the United States", "US", "Russian forces", "Ukraine", "NATO", "the UN", "Hamas",
    "President Putin", "Israeli troops", "China", "Taiwan", "the Kurdish rebels", "lawmakers in Baghdad",
    "attacked", "threatened to impose sanctions on", "met", "accused", "did not attack", "urged", "condemned",
    "signed an agreement with", "killed 12 people in", "was attacked by", "refused to negotiate with",
    "on Tuesday", "last week", "in 2020", "near Kharkiv", "said", "\"", "'", ",", ".", "!", "?", ";", "(", ")",
    "!!!!!!!!!!!!!!!!", "...", "—", "\u200b", "\u202e", "😀😀", "\x00", "\x1b", "\t", "\n", "\n\n", "  ",
    "Mr.", "U.S.", "3,000", "½", "İ", "ﬁ", "Ω", "日本",
)
news_like = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join)
anything = st.text(max_size=300)


def _check(coder, text: str) -> None:
    article = Article(doc_id="fuzz", text=text, pub_date=dt.date(2024, 5, 1))
    errors: list = []
    docs = list(coder.code_articles([article], on_error=errors.append))
    assert len(docs) + len(errors) == 1
    for doc in docs:
        for sentence in doc.sentences:
            assert 0 <= sentence.start <= sentence.end <= len(text)
        for event in doc.events:
            evidence = event.evidence
            assert 0 <= evidence.start <= evidence.end <= len(text)
            assert text[evidence.start:evidence.end] == evidence.text
            if evidence.trigger_start is not None:
                assert evidence.start <= evidence.trigger_start < evidence.trigger_end <= evidence.end
            for actor in (event.source, event.target):
                if actor is not None and actor.start is not None:
                    assert 0 <= actor.start < actor.end <= len(text)
            assert event.cameo.code in coder.ontology, event.cameo.code
            assert event.cameo.root == event.cameo.code[:2]
            assert -10 <= (event.goldstein or 0) <= 10 and event.quad_class in (1, 2, 3, 4)


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=st.one_of(news_like, anything, st.tuples(news_like, anything).map("".join)))
def test_the_coder_takes_any_text(coder, text: str) -> None:
    _check(coder, text)
