"""The whole-article probes (tests/data/articles/probe*/): their shape, and floors under the scores measured.

``probe5/`` (10 articles), ``probe5_actors/`` (6), ``probe6/`` (7), ``probe7_actors/`` (16), ``probe8/`` (16),
``probe8_actors/`` (16), ``probe9/`` (16) and ``probe9_actors/`` (16) were used to find and fix how events and actors
are lost in whole articles; ``probe5_holdout/`` (5), ``probe6_holdout/`` (3), ``probe7_actors_holdout/`` (8),
``probe8_holdout/`` (8), ``probe8_actors_holdout/`` (8), ``probe9_holdout/`` (8) and ``probe9_actors_holdout/`` (8)
were scored once when that work was finished. All were hand-coded before the coder
was run on them. The floors sit a little under the
scores measured at the end of the fifth session (README, tests/data/README.md); raise them as the coder
improves, never lower them to make a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from brinkwatch.evaluate import evaluate_articles, load_articles

ARTICLES = Path(__file__).parent / "data" / "articles"
# measured: probe5 0.510 / core 30/37; probe5_holdout 0.424 / 10/16; probe5_actors 0.865 / 29/32;
# probe6 0.685 / 29/37; probe6_holdout 0.556 / 13/17. Sixth session's end: probe5_actors 0.892 / 30/32,
# probe6 0.704 / 29/37, probe6_holdout 0.630 / 14/17 (the others unchanged). Seventh session (issue 11, actors that
# depend on the whole article): probe7_actors 0.683 -> 0.798 / 65/76, probe7_actors_holdout 0.810 / 35/40 (scored once
# at the end; 0.810 before the work too). Eighth session (issue 11, how whole reports name actors): probe8_actors
# 0.496 / 70/119 -> 0.625 / 88/119, probe8_actors_holdout 0.598 / 38/56 -> 0.639 / 41/56 (scored once at the end);
# whole reports, events the coder never triggered on: probe8 0.426 -> 0.480 / core 31 -> 32 of 50, probe8_holdout 0.361 -> 0.385 / 16 of 25 (scored once at the end)
# Ninth session (issue 11, actors in whole reports): probe9_actors 0.408 / 85 of 156 -> 0.467 / 92 of 156,
# probe9_actors_holdout 0.376 / 34 of 72 (the coder the work started from) -> 0.400 / 36 of 72 (scored once at the end)
# Ninth session (issue 11, the next whole-report probe): probe9 0.287 / 24 of 50 -> 0.307 / 27 of 50, probe9_holdout
# 0.303 / 17 of 29 with the coder the work started from -> 0.301 / 17 of 29 (scored once at the end)
# Tenth session (issue 11, actors named in the text that resolve to nothing): dyad_root probe9 0.337 -> 0.358,
# probe9_actors 0.467 -> 0.474 (core 93 -> 97 of 156), probe8 0.481 -> 0.488 (core 32 -> 33 of 50), probe8_actors
# 0.644 -> 0.637; holdouts (scored once at the end) probe9_holdout 0.313 -> 0.335, probe8_actors_holdout 0.667 -> 0.689,
# probe9_actors_holdout 0.400 and probe8_holdout 0.382 unchanged
FLOORS = {
    "probe5": {"dyad_root": 0.48, "core": 0.78},
    "probe5_holdout": {"dyad_root": 0.40, "core": 0.60},
    "probe5_actors": {"dyad_root": 0.86, "core": 0.90},
    "probe6": {"dyad_root": 0.68, "core": 0.75},
    "probe6_holdout": {"dyad_root": 0.60, "core": 0.80},
    "probe7_actors": {"dyad_root": 0.78, "core": 0.83},
    "probe7_actors_holdout": {"dyad_root": 0.79, "core": 0.85},
    "probe8_actors": {"dyad_root": 0.61, "core": 0.72},
    "probe8_actors_holdout": {"dyad_root": 0.66, "core": 0.70},
    "probe8": {"dyad_root": 0.47, "core": 0.64},
    "probe8_holdout": {"dyad_root": 0.37, "core": 0.60},
    "probe9_actors": {"dyad_root": 0.46, "core": 0.60},
    "probe9_actors_holdout": {"dyad_root": 0.38, "core": 0.48},
    "probe9": {"dyad_root": 0.34, "core": 0.52},
    "probe9_holdout": {"dyad_root": 0.32, "core": 0.56},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_probe_articles_are_well_formed(name: str) -> None:
    golds = load_articles(ARTICLES / name)
    assert len(golds) >= 3
    for gold in golds:
        assert gold.article.pub_date is not None, gold.name
        assert len(gold.events) >= 5, gold.name
        for event in gold.events:
            assert gold.article.text.count(event.trigger) == 1, f"{gold.name}: {event.trigger}"
            assert event.source is not None, f"{gold.name}: {event.trigger}"
        quiet = [p for p in gold.article.text.split("\n\n")
                 if p.strip() and not any(e.trigger in p for e in gold.events)]
        assert quiet, f"{gold.name} has no paragraph without events"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_probe_articles_stay_above_floor(coder, name: str) -> None:
    result = evaluate_articles(load_articles(ARTICLES / name), coder, corpus=name)
    report = result.report.per_corpus[name]
    assert not result.unlocated
    assert report.levels["dyad_root"].f1 >= FLOORS[name]["dyad_root"], report.flat()
    assert result.core.recall >= FLOORS[name]["core"], result.core.to_json()
