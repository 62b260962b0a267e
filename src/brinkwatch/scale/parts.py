"""The run directory of a scale-out run: Parquet parts, the manifest of finished partitions, the one merge.

Layout (``<db>.parts/`` beside the database unless told otherwise)::

    manifest.jsonl              line 1: the run's header (format, coder settings); then one line per
                                finished partition: {"key", "articles", "events", "errors": [...]}
    part-<key>/articles.parquet, sentences.parquet, event_mentions.parquet, actor_mentions.parquet

A part directory is written under a temporary name and renamed when complete, then its manifest line is
appended (and flushed to disk): a partition is finished exactly when its line is there, so a run that is
killed resumes by re-coding only the partitions without one. The manifest's header records the coder
settings; a run with other settings (other knowledge files) does not reuse the parts of an older one.

``merge_into`` inserts every finished part into DuckDB in one transaction, with the rules of
``Store.write``: a text stored before is skipped, the first copy of a text wins, a new text under a
``doc_id`` that is taken is refused (E400) and reported; then the run directory is removed.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brinkwatch.errors import ScaleError, StoreError
from brinkwatch.model import DocumentError
from brinkwatch.scale.tasks import PartResult

if TYPE_CHECKING:
    from brinkwatch.store.db import Store

MANIFEST = "manifest.jsonl"
FORMAT = 1
TABLES = ("articles", "sentences", "event_mentions", "actor_mentions")


@dataclass(frozen=True)
class FinishedPart:
    key: str
    articles: int
    events: int
    errors: tuple[DocumentError, ...]


@dataclass(frozen=True)
class MergeResult:
    articles_added: int
    articles_skipped: int  # already stored, or a second copy of a text in the run
    mentions_added: int
    errors: tuple[DocumentError, ...]  # doc_id clashes


class RunDir:
    """A run directory: the finished partitions so far, and where new parts go."""

    def __init__(self, path: Path, fingerprint: str) -> None:
        self.path = Path(path)
        self.fingerprint = fingerprint
        self.finished: dict[str, FinishedPart] = {}
        self._open()

    def _open(self) -> None:
        header = {"format": FORMAT, "settings": self.fingerprint}
        manifest = self.path / MANIFEST
        try:
            lines = manifest.read_text(encoding="utf-8").splitlines() if manifest.exists() else []
        except OSError as exc:
            raise ScaleError(f"cannot read the run manifest: {exc}", source=str(manifest)) from exc
        records = [json.loads(line) for line in lines if line.strip()] if lines else []
        if records and records[0] == header:
            for record in records[1:]:
                errors = tuple(DocumentError(**e) for e in record.get("errors", ()))
                self.finished[record["key"]] = FinishedPart(record["key"], record["articles"], record["events"], errors)
            return
        # no run here, or one coded with other settings: its parts say nothing about this one
        if self.path.is_dir() and not manifest.exists() and any(self.path.iterdir()):
            raise ScaleError("the run directory holds files that are not a brinkwatch run; give an empty "
                             "or new directory", source=str(self.path))
        self.remove()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._append(header)
        except OSError as exc:
            raise ScaleError(f"cannot create the run directory: {exc}", source=str(self.path)) from exc

    def _append(self, record: dict[str, Any]) -> None:
        with (self.path / MANIFEST).open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def part_dir(self, key: str) -> Path:
        return self.path / f"part-{key}"

    def add(self, result: PartResult) -> FinishedPart:
        """Write a coded partition's tables as Parquet, then record it as finished."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        final = self.part_dir(result.key)
        tmp = self.path / f".tmp-{result.key}-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        try:
            tmp.mkdir(parents=True)
            for name in TABLES:
                table = result.tables[name]
                # the part's key and each row's place in it: the merge keeps the first copy of a text
                table = table.append_column("_part", pa.array([result.key] * table.num_rows, pa.string()))
                table = table.append_column("_row", pa.array(range(table.num_rows), pa.int32()))
                pq.write_table(table, tmp / f"{name}.parquet", compression="zstd")
            shutil.rmtree(final, ignore_errors=True)  # a complete part of a killed run that had no line yet
            tmp.rename(final)
            finished = FinishedPart(result.key, result.articles, result.events, result.errors)
            self._append({"key": result.key, "articles": result.articles, "events": result.events,
                          "errors": [e.model_dump() for e in result.errors]})
        except OSError as exc:
            raise ScaleError(f"cannot write a part: {exc}", source=str(final)) from exc
        self.finished[result.key] = finished
        return finished

    def remove(self) -> None:
        """Delete the run's own files (manifest, parts), then the directory if nothing else is in it."""
        if not self.path.is_dir():
            return
        for child in self.path.iterdir():
            if child.name.startswith(("part-", ".tmp-")) and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
        (self.path / MANIFEST).unlink(missing_ok=True)
        try:
            self.path.rmdir()
        except OSError:
            pass  # something of the user's is in it: leave it

    def merge_into(self, store: Store) -> MergeResult:
        """Insert every finished part into ``store`` in one transaction (see the module docstring)."""
        if not self.finished:
            return MergeResult(0, 0, 0, ())
        con = store.con
        files = {name: [str(self.part_dir(key) / f"{name}.parquet") for key in self.finished] for name in TABLES}
        order = list(enumerate(self.finished))
        con.execute("BEGIN TRANSACTION")
        try:
            result = _merge(con, files, order)
            con.execute("COMMIT")
        except Exception as exc:  # noqa: BLE001 - any failure must roll back; duckdb raises its own types
            con.execute("ROLLBACK")
            raise StoreError(f"merging the run's parts failed, nothing kept: {exc}", source=str(self.path)) from exc
        finally:
            for table in ("_scale_order", "_scale_keep", *(f"_scale_{n}" for n in TABLES)):
                con.execute(f"DROP TABLE IF EXISTS {table}")
        return result


def _parquet_list(paths: list[str]) -> str:
    return "[" + ", ".join("'" + p.replace("'", "''") + "'" for p in paths) + "]"


def _merge(con: Any, files: dict[str, list[str]], order: list[tuple[int, str]]) -> MergeResult:
    from brinkwatch.store import rows

    columns = {"articles": rows.ARTICLE_COLUMNS, "sentences": rows.SENTENCE_COLUMNS,
               "event_mentions": rows.MENTION_COLUMNS, "actor_mentions": rows.ACTOR_MENTION_COLUMNS}
    for name in TABLES:
        con.execute(f"CREATE TEMP TABLE _scale_{name} AS SELECT * FROM read_parquet({_parquet_list(files[name])})")
    con.execute("CREATE TEMP TABLE _scale_order (part VARCHAR, ord INTEGER)")
    con.executemany("INSERT INTO _scale_order VALUES (?, ?)", [(key, i) for i, key in order])
    incoming = con.execute("SELECT count(*) FROM _scale_articles").fetchall()[0][0]
    # the first copy of each text not stored yet
    con.execute("""
        CREATE TEMP TABLE _scale_keep AS
        SELECT a._part, a._row, a.doc_id, a.hash, a.source_path, o.ord
        FROM _scale_articles a JOIN _scale_order o ON a._part = o.part
        WHERE a.hash NOT IN (SELECT hash FROM articles)
        QUALIFY row_number() OVER (PARTITION BY a.hash ORDER BY o.ord, a._row) = 1""")
    # a new text under a doc_id that is taken (stored, or an earlier text of this run) is refused
    clashes = con.execute("""
        SELECT _part, _row, doc_id, source_path FROM _scale_keep
        QUALIFY doc_id IN (SELECT doc_id FROM articles)
             OR row_number() OVER (PARTITION BY doc_id ORDER BY ord, _row) > 1""").fetchall()
    if clashes:
        con.executemany("DELETE FROM _scale_keep WHERE _part = ? AND _row = ?", [(p, r) for p, r, _, _ in clashes])
    kept = con.execute("SELECT count(*) FROM _scale_keep").fetchall()[0][0]
    names = ", ".join(name for name, _ in columns["articles"])
    con.execute(f"INSERT INTO articles ({names}) SELECT {names} FROM _scale_articles a "
                "SEMI JOIN _scale_keep k ON a._part = k._part AND a._row = k._row")
    mentions = 0
    for name in TABLES[1:]:
        names = ", ".join(column for column, _ in columns[name])
        inserted = con.execute(
            f"INSERT INTO {name} ({names}) SELECT {names} FROM _scale_{name} t "
            "SEMI JOIN _scale_keep k ON t._part = k._part AND t.doc_id = k.doc_id").fetchall()
        if name == "event_mentions":
            mentions = inserted[0][0] if inserted else 0
    errors = tuple(DocumentError(source=source or doc_id, code=StoreError.code,
                                 message=f"doc_id {doc_id!r} already names another text; not written")
                   for _, _, doc_id, source in clashes)
    return MergeResult(articles_added=kept, articles_skipped=incoming - kept - len(clashes),
                       mentions_added=mentions, errors=errors)
