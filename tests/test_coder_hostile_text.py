"""Hostile text costs what ordinary text costs: a run of punctuation is not slower to code than news (issue 14).

Times are compared as ratios measured in the same run, never against a fixed number of seconds."""

from __future__ import annotations

import time

from brinkwatch.actors import ActorKB
from brinkwatch.actors.kb import pieces

# Our own invented wire copy (no real event), repeated to 10 KB.
NEWS = (
    "Security forces in the northern province detained eleven people after a grenade was thrown at a market "
    "stall on Saturday, a regional police spokesman said. The interior ministry blamed a local armed group for "
    "the blast, which wounded three traders. Farmers in two neighbouring districts blocked a highway on Sunday "
    "to demand compensation for crops destroyed by floods, and the agriculture minister promised to visit the "
    "area within a week. In the capital, hundreds of nurses marched to parliament to protest against unpaid "
    "overtime; their union warned of a national strike if wages were not paid by the end of the month.\n\n"
    "The foreign minister met his counterpart from a neighbouring country to discuss border trade and the "
    "return of refugees. Both sides agreed to reopen a crossing that has been closed since the spring. "
    "Opposition lawmakers accused the government of delaying local elections and called for international "
    "observers. A court sentenced a former mayor to six years in prison for embezzlement. Villagers said "
    "soldiers had burned several houses during a search operation, an accusation the army denied.\n\n"
)
SIZE = 10_000


def _news() -> str:
    return (NEWS * (SIZE // len(NEWS) + 1))[:SIZE]


def _best_time(function, repeats: int = 2) -> float:  # noqa: ANN001 - a callable
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def test_a_punctuation_run_codes_no_slower_than_news(coder) -> None:  # noqa: ANN001 - the session Coder
    news = _news()
    runs = {
        "bang": "Talks resume on Monday" + "!" * (SIZE - 22),
        "mixed": ("?!" * (SIZE // 2))[:SIZE],
        "emoji": "Rebels attacked a town. " + "\U0001f525" * (SIZE // 4),
    }
    coder.code_text("Warm-up: the ministry said talks would resume.")
    news_time = _best_time(lambda: coder.code_text(news))
    for name, text in runs.items():
        run_time = _best_time(lambda text=text: coder.code_text(text))
        assert run_time < 2 * news_time, f"{name}: {run_time:.2f}s for 10 KB vs {news_time:.2f}s for 10 KB of news"


def test_punctuation_runs_keep_offsets_inside_the_text(coder) -> None:  # noqa: ANN001
    text = "Rebels attacked the town!!!!!!!! Police arrested two men----and a woman."
    coded = coder.code_text(text)
    for event in coded.events:
        assert 0 <= event.evidence.start < event.evidence.end <= len(text)


def test_name_words_are_found_in_linear_time() -> None:
    kb = ActorKB.load()
    short, long = pieces("!" * 60 + " liberation front"), pieces("!" * 600 + " liberation front")
    assert kb.name_word_sector(long) == "REB"
    short_time = _best_time(lambda: kb.name_word_sector(short), repeats=3)
    long_time = _best_time(lambda: kb.name_word_sector(long), repeats=3)
    assert long_time < 40 * short_time  # 10x the length: ~10x the time (it was 1,000x)
