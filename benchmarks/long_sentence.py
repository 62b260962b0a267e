"""Benchmark: is coding linear in the length of one sentence that holds many events? CPU time per KB.

    python benchmarks/long_sentence.py [--sizes 25 50 100 200 400] [--shapes chain report] [--profile]

A hostile or garbled text (a span repeated sixty times, a list pasted without full stops) can make one
sentence of thousands of words with hundreds of events; each event used to scan the whole sentence (or all
the others) for its modality, speaker, date, place and numbers, so such a sentence cost the square of its
length. Each shape below is one invented sentence of ``n`` clauses or items (no real event). For each size the
sentence is parsed, then coded by the real coder in this process; printed are the CPU seconds of the coding
(``time.process_time``: a busy machine does not inflate it; the parse is not counted, spaCy's parser is
linear) per KB, the function calls counted by cProfile (which the machine does not change at all) per KB, and
both as ratios to the shortest sentence, measured in the same run. A ratio that grows with the length means
something per event walks the sentence. ``--profile`` prints each size's most expensive functions. Never fails.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from collections.abc import Callable

_COUNTRIES = ("Iraq", "Iran", "Syria", "Turkey", "Jordan", "Egypt", "Israel", "Lebanon", "Russia", "Ukraine",
              "Georgia", "Armenia", "Azerbaijan", "Sudan", "Chad", "Libya", "Mali", "Niger", "Kenya", "Somalia")
_VERBS = ("attacked", "shelled", "accused", "threatened", "criticized", "bombed", "condemned", "blockaded")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _pair(i: int) -> tuple[str, str]:
    source, target = _COUNTRIES[i % len(_COUNTRIES)], _COUNTRIES[(i * 7 + 3) % len(_COUNTRIES)]
    return source, target if target != source else _COUNTRIES[(i + 1) % len(_COUNTRIES)]


def _clause(i: int) -> str:
    source, target = _pair(i)
    return f"{source} {_VERBS[i % len(_VERBS)]} {target}"


def chain(n: int) -> str:
    """'Iraq attacked Lebanon, Iran shelled Kenya, ... and Chad bombed Mali.'"""
    return ", ".join(_clause(i) for i in range(n - 1)) + f" and {_clause(n - 1)}."


def report(n: int) -> str:
    """One clause with a toll, a town, two dates and a reporting verb, repeated without a full stop."""
    unit = ("rebels attacked the town of Kidal and killed 12 soldiers on Monday, police said, while Mali "
            "accused Niger of shelling its border posts in May, ")
    return "On Monday " + unit * n + "the ministry said."


def reported(n: int) -> str:
    """'Iraq attacked Lebanon, Georgia said, Iran shelled Kenya, Azerbaijan said, ...'"""
    return ", ".join(f"{_clause(i)}, {_pair(i + 5)[0]} said" for i in range(n)) + "."


def quoted(n: int) -> str:
    """One direct quote that holds every event."""
    return 'The minister said: "' + ", ".join(_clause(i) for i in range(n)) + '," in a statement.'


def dated(n: int) -> str:
    """Every clause with a date of its own."""
    return ", ".join(f"{_clause(i)} on {_DAYS[i % 7]}" if i % 2 else f"{_clause(i)} on {i % 28 + 1} May 2024"
                     for i in range(n)) + "."


def counted(n: int) -> str:
    """One attack with a long list of casualties."""
    tolls = ", ".join(f"{i + 2} soldiers" if i % 2 else f"{i + 3} civilians" for i in range(n))
    return f"Militants attacked Iraq on Monday, killing {tolls} and 4 police officers."


_ACTS = ("halt shelling", "reopen the crossings", "exchange prisoners", "withdraw troops", "release detainees",
         "resume talks", "lift the blockade", "share intelligence")


def committed(n: int) -> str:
    """One promise of many acts: every act is a complement of the same governor, whose phrase is the sentence."""
    return "Sudan and Chad agreed to " + ", ".join(_ACTS[i % len(_ACTS)] for i in range(n - 1)) + \
        f" and {_ACTS[(n - 1) % len(_ACTS)]} on Monday."


def repeated(n: int) -> str:
    """One promise whose complement is a word repeated ``n`` times (a garbled paste): one commitment to read."""
    return "Indian and Pakistani commanders agreed " + "halted " * n + "by hotline on Monday to stop firing."


def listed(n: int) -> str:
    """A long coordinated list of actors."""
    names = ", ".join(_COUNTRIES[i % len(_COUNTRIES)] + (" forces" if i >= len(_COUNTRIES) else "") for i in range(n))
    return f"{names} and Chad attacked Israel."


SHAPES: dict[str, Callable[[int], str]] = {"chain": chain, "report": report, "reported": reported,
                                           "quoted": quoted, "dated": dated, "counted": counted, "listed": listed,
                                           "committed": committed, "repeated": repeated}


def coding_cost(coder, text: str, profile: cProfile.Profile | None = None) -> tuple[float, int, int]:  # noqa: ANN001
    """(CPU seconds, function calls, events) of coding ``text`` as one article, its parse not counted."""
    from brinkwatch.model import Article

    doc = coder.nlp(text)
    counter = profile or cProfile.Profile()
    started = time.process_time()
    counter.enable()
    coded = coder.code_doc(doc, Article(doc_id="long-sentence", text=text))
    counter.disable()
    seconds = time.process_time() - started
    return seconds, pstats.Stats(counter).total_calls, len(coded.events)


def main() -> None:
    from brinkwatch.extract import Coder

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100, 200, 400])
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=list(SHAPES))
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    coder = Coder()
    coder.warm_up()
    coder.code_text("Warm-up: Iraq attacked Iran on Monday, killing 3 soldiers, police said.")
    for shape in args.shapes:
        first: tuple[float, float] | None = None
        for size in args.sizes:
            text = SHAPES[shape](size)
            profile = cProfile.Profile()
            seconds, calls, events = coding_cost(coder, text, profile)
            kb = len(text) / 1024
            per_kb = (seconds / kb, calls / kb)
            first = first or per_kb
            print(f"{shape:>9} n={size:<4} {len(text):>7,} chars {events:>4} events: {per_kb[0] * 1000:6.0f} ms CPU "
                  f"per KB ({per_kb[0] / first[0]:.2f}x the shortest), {per_kb[1]:>9,.0f} calls per KB "
                  f"({per_kb[1] / first[1]:.2f}x)")
            if args.profile:
                out = io.StringIO()
                pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(8)
                print(out.getvalue())


if __name__ == "__main__":
    main()
