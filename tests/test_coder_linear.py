"""Coding is linear in a document's length: the work per KB of a 32 KB document is about that of a 4 KB one.

Work is counted as function calls (cProfile), which a busy machine does not change, not as seconds. Before
the fix, per-event lookups rebuilt the whole document (``Doc.text``, ``Doc.ents``) and setting sentence
starts checked the whole document each time: the calls per KB of 32 KB were 1.68x those of 4 KB (1.00x
since). ``benchmarks/doc_length.py`` measures the time per KB at 5, 50 and 200 KB.
"""

from __future__ import annotations

import cProfile
import pstats
from pathlib import Path

import pytest

from brinkwatch.ingest import read_paths
from brinkwatch.model import Article

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]


def _news(chars: int) -> str:
    articles = [a for a in read_paths([REPO / "examples" / "articles"]) if isinstance(a, Article)]
    body = "\n\n".join(a.text for a in articles)
    return (body * (chars // len(body) + 1))[:chars]


def _calls_per_kb(coder, text: str) -> float:  # noqa: ANN001 - the session Coder
    profile = cProfile.Profile()
    profile.enable()
    doc = next(coder.code_articles([Article(doc_id="long", text=text)]))
    profile.disable()
    assert doc.events  # real news, really coded
    return pstats.Stats(profile).total_calls / (len(text) / 1024)


def test_the_work_per_kb_does_not_grow_with_the_length_of_the_document(coder) -> None:  # noqa: ANN001
    short, long = _news(4_000), _news(32_000)
    next(coder.code_articles([Article(doc_id="warm", text=short)]))  # lazy caches filled before counting
    short_calls, long_calls = _calls_per_kb(coder, short), _calls_per_kb(coder, long)
    assert long_calls < 1.3 * short_calls, f"{long_calls:,.0f} calls per KB at 32 KB, {short_calls:,.0f} at 4 KB"
