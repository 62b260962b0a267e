"""Check that a speed change leaves the coder's output unchanged: every field of every coded document.

    python benchmarks/equivalence.py OUT.jsonl [--against BEFORE.jsonl] [--n-process 1]

Codes the brinkwatch cases (``tests/data/coder_cases.jsonl``), the own article sets (``tests/data/articles``,
its probe folders included), the dev gold's sentences (read at run time only, when ``/work/shared/gold/dev.jsonl``
is there), the bundled ``examples/`` and 60 generated news documents (``corpus.py``), and writes one line per
document: its id and the whole ``CodedDocument`` as JSON (events, sentences, mentions, structure). With
``--against`` it compares line by line with an earlier run's file and exits 1 on the first difference. It
never reads the blind sets. ``--n-process 2`` codes through the forked workers, to check that path too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import EXAMPLES, news_documents  # noqa: E402

from brinkwatch.config import Settings  # noqa: E402
from brinkwatch.extract.coder import Coder  # noqa: E402
from brinkwatch.ingest import read_paths  # noqa: E402
from brinkwatch.model import Article  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEV_GOLD = Path("/work/shared/gold/dev.jsonl")


def _sentences(path: Path, prefix: str) -> list[Article]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if line.strip():
            row = json.loads(line)
            date = dt.date.fromisoformat(row["date"]) if row.get("date") else None
            out.append(Article(doc_id=f"{prefix}:{row.get('id', n)}", text=row["text"], pub_date=date))
    return out


def documents() -> list[Article]:
    docs = _sentences(ROOT / "tests/data/coder_cases.jsonl", "cases")
    if DEV_GOLD.is_file():
        docs += _sentences(DEV_GOLD, "dev")
    folders = [ROOT / "tests/data/articles", *sorted(p for p in (ROOT / "tests/data/articles").iterdir() if p.is_dir()),
               EXAMPLES / "articles", EXAMPLES / "wire"]
    for folder in folders:
        for item in read_paths([p for p in sorted(folder.glob("*")) if p.suffix in (".txt", ".html", ".md")]):
            if isinstance(item, Article):
                docs.append(item)
    return docs + news_documents(60, 350)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--against", type=Path)
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args()
    docs = documents()
    coder = Coder(Settings())
    with args.out.open("w", encoding="utf-8") as fh:
        for coded in coder.code_articles(docs, n_process=args.n_process):
            fh.write(json.dumps({"doc": coded.article.doc_id, "coded": coded.model_dump(mode="json")},
                                sort_keys=True) + "\n")
    events = sum(len(json.loads(line)["coded"]["events"]) for line in args.out.open(encoding="utf-8"))
    print(f"{len(docs)} documents, {events} events -> {args.out}")
    if args.against is None:
        return
    before = args.against.read_text(encoding="utf-8").splitlines()
    after = args.out.read_text(encoding="utf-8").splitlines()
    if len(before) != len(after):
        raise SystemExit(f"{len(before)} documents before, {len(after)} after")
    for old, new in zip(before, after, strict=True):
        if old != new:
            raise SystemExit(f"differs: {json.loads(old)['doc']}")
    print(f"identical to {args.against}")


if __name__ == "__main__":
    main()
