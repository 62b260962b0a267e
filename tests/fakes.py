"""A fake coder for tests that run brinkwatch in a subprocess (no spaCy), and the launcher that uses it.

``MisbehavingCoder`` codes each article as one event (IRQGOV -> USAGOV, 190) in microseconds, except:
an article containing HANG sleeps for an hour, HOG allocates 4 GB, CRASH kills its own process.
``python tests/fakes.py ARGS`` runs ``brinkwatch ARGS`` with it in place of the spaCy coder;
``ingest_into``, ``dedup_into`` and ``watch_into`` are targets for child processes that tests kill.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from brinkwatch.model import Article, CodedDocument, Sentence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_store_helpers import event  # noqa: E402 - tests/ is on the path only from here on


class MisbehavingCoder:
    """One event per article; HANG, HOG and CRASH make it misbehave (see the module docstring)."""

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedDocument]:
        for article in articles:
            if "HANG" in article.text:
                time.sleep(3600)
            if "HOG" in article.text:
                hog = bytearray(4 * 1024**3)
                hog[-1] = 1
            if "CRASH" in article.text:
                os.kill(os.getpid(), signal.SIGKILL)
            yield CodedDocument(
                article=article,
                sentences=(Sentence(doc_id=article.doc_id, index=0, start=0, end=len(article.text),
                                    text=article.text),),
                events=(event(article.doc_id, article.text[:200]),),
            )


def main() -> None:
    import brinkwatch.api.app as api_app
    import brinkwatch.cli.storage as storage
    from brinkwatch.cli import main as cli_main

    api_app.default_coder_factory = lambda settings: MisbehavingCoder
    storage.make_coder = lambda settings: MisbehavingCoder()
    sys.argv = ["brinkwatch", *sys.argv[1:]]
    cli_main()


if __name__ == "__main__":
    main()


def ingest_into(db: str, corpus: str, batch_size: int, bulk_rows: int | None = None, dedup: bool = True) -> None:
    """``brinkwatch ingest corpus --db db`` with the fake coder (a target for killed child processes).

    ``bulk_rows`` lowers dedup's bulk-update threshold so a small corpus takes the path that drops and
    rebuilds the event index.
    """
    import brinkwatch.analyze.dedup as dedup_module
    from brinkwatch.pipeline.ingestion import ingest_paths
    from brinkwatch.store import Store

    if bulk_rows is not None:
        dedup_module.BULK_UPDATE_ROWS = bulk_rows
    with Store(db) as store:
        ingest_paths(store, MisbehavingCoder(), [corpus], batch_size=batch_size, dedup=dedup)


def dedup_into(db: str, bulk_rows: int) -> None:
    """Only the merge step of an ingest, on its bulk path (see ``ingest_into``)."""
    import brinkwatch.analyze.dedup as dedup_module
    from brinkwatch.store import Store

    dedup_module.BULK_UPDATE_ROWS = bulk_rows
    with Store(db) as store:
        dedup_module.merge_new(store.con)


def watch_into(db: str, feed_url: str) -> None:
    """One ``brinkwatch watch --once`` cycle with the fake coder (feeds on loopback allowed)."""
    from brinkwatch.pipeline.watch import watch_feeds

    watch_feeds(db, MisbehavingCoder(), [feed_url], every_s=60, once=True, allow_private=True, batch_size=4)
