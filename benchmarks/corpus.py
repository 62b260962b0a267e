"""News-length benchmark documents, made from the bundled examples and generated sentences.

    python benchmarks/corpus.py OUT_DIR [--docs 120] [--words 350] [--seed 7]

``news_documents(n, words)`` returns ``n`` distinct articles of about ``words`` words each: a dateline, then
paragraphs drawn (seeded) from the bundled ``examples/`` articles and wire items, mixed with sentences made
from a small grammar of actors, acts and places, so that no two documents are the same text (none is skipped
as already stored) and every one reads like a wire story with events, quotes, numbers and background. It
never reads ``tests/`` (the blind set must not shape anything) nor the gold sets. Run as a script it writes the
documents as ``.txt`` files (with the ``Title:``/``Date:`` header of ``examples/``) for whole-process runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from pathlib import Path

from brinkwatch.ingest import read_paths
from brinkwatch.model import Article

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

_CAPITALS = [("Ukraine", "Kyiv", "Ukrainian"), ("Russia", "Moscow", "Russian"), ("Iran", "Tehran", "Iranian"),
             ("Iraq", "Baghdad", "Iraqi"), ("Israel", "Jerusalem", "Israeli"), ("Lebanon", "Beirut", "Lebanese"),
             ("China", "Beijing", "Chinese"), ("the Philippines", "Manila", "Philippine"),
             ("India", "New Delhi", "Indian"), ("Pakistan", "Islamabad", "Pakistani"), ("Turkey", "Ankara", "Turkish"),
             ("Egypt", "Cairo", "Egyptian"), ("Japan", "Tokyo", "Japanese"), ("Poland", "Warsaw", "Polish"),
             ("Sudan", "Khartoum", "Sudanese"), ("Ethiopia", "Addis Ababa", "Ethiopian")]
_ACTS = ["accused {b} of violating the truce", "summoned {b_adj} ambassador over the incident",
         "agreed to resume talks with {b}", "sent 40 tonnes of humanitarian aid to {b}",
         "condemned the {b_adj} strikes on {b_city}", "threatened to impose sanctions on {b}",
         "expelled two {b_adj} diplomats", "signed a trade agreement with {b}",
         "shelled villages near the border with {b}, killing four civilians",
         "rejected {b_adj} calls for a ceasefire", "hosted {b_adj} foreign minister in {a_city}",
         "praised {b} for its role in the prisoner exchange", "deployed troops along the border with {b}",
         "urged {b} to release the detained journalists"]
_FRAMES = ["{a_adj} officials said on {day} that {a} {act}.", "{a} {act} on {day}, the foreign ministry said.",
           "The {a_adj} government {act}, according to a statement.",
           "On {day}, {a_adj} President {name} said his country {act}.",
           "Analysts in {a_city} said the move would weigh on markets, which fell 2 percent on {day}.",
           "The weather in {a_city} was mild, and traffic moved slowly through the centre of the city."]
_NAMES = ["Adrian Volk", "Samira Haddad", "Tomas Reyes", "Lena Morozova", "Kwame Mensah", "Arjun Rao"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _example_paragraphs() -> list[str]:
    """The body paragraphs of the bundled articles and wire items (headers and bylines left out)."""
    out: list[str] = []
    for item in read_paths([EXAMPLES / "articles", EXAMPLES / "wire"]):
        if not isinstance(item, Article) or "sports" in (item.source_path or ""):
            continue
        for para in re.split(r"\n\s*\n", item.text):
            para = " ".join(para.split())
            if len(para.split()) >= 8 and not para.startswith("By "):
                out.append(para)
    return out


def _generated(rng: random.Random) -> str:
    (a, a_city, a_adj), (b, b_city, b_adj) = rng.sample(_CAPITALS, 2)
    act = rng.choice(_ACTS).format(b=b, b_city=b_city, b_adj=b_adj, a_city=a_city)
    sentence = rng.choice(_FRAMES).format(a=a, a_adj=a_adj, a_city=a_city, act=act, day=rng.choice(_DAYS),
                                          name=rng.choice(_NAMES))
    return sentence[0].upper() + sentence[1:]


def news_documents(count: int, words: int = 350, seed: int = 7) -> list[Article]:
    """``count`` distinct news-like articles of about ``words`` words (see the module docstring)."""
    rng = random.Random(seed)
    paragraphs = _example_paragraphs()
    docs: list[Article] = []
    for i in range(count):
        a_city = rng.choice(_CAPITALS)[1]
        pub_date = dt.date(2026, 1, 1) + dt.timedelta(days=i % 90)
        body = [f"{a_city.upper()}, {pub_date:%b} {pub_date.day} (Benchmark Wire) - {_generated(rng)}"]
        total = len(body[0].split())
        while total < words - 25:  # stop near the target, not a whole paragraph past it
            para = rng.choice(paragraphs) if rng.random() < 0.7 else " ".join(_generated(rng) for _ in range(2))
            body.append(para)
            total += len(para.split())
        docs.append(Article(doc_id=f"bench-{i:04d}", text="\n\n".join(body), pub_date=pub_date,
                            title=f"Benchmark story {i}", publisher="Benchmark Wire"))
    return docs


def write_documents(docs: list[Article], out_dir: Path) -> list[Path]:
    """Write ``docs`` as ``.txt`` files with the ``examples/`` header convention; returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in docs:
        path = out_dir / f"{doc.doc_id}.txt"
        path.write_text(f"Title: {doc.title}\nDate: {doc.pub_date}\nPublisher: {doc.publisher}\n\n{doc.text}\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--words", type=int, default=350)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    docs = news_documents(args.docs, args.words, args.seed)
    write_documents(docs, args.out_dir)
    print(f"{len(docs)} documents, {sum(len(d.text.split()) for d in docs):,} words in {args.out_dir}")


if __name__ == "__main__":
    main()
