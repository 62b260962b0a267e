"""The DuckDB store: writes coded documents in all-or-nothing batches and answers the queries.

One ``Store`` owns one DuckDB connection. ``write`` inserts a batch inside one transaction, so a
failure leaves nothing of that batch behind; articles whose content hash is stored already are
skipped with their events, which makes re-ingesting the same text a no-op.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from brinkwatch.errors import DatabaseLockedError, NotFoundError, StoreError
from brinkwatch.model import CodedDocument, DocumentError
from brinkwatch.store import queries
from brinkwatch.store.queries import EventFilter, jsonable
from brinkwatch.store.schema import INDEXES, MIGRATIONS, SCHEMA_VERSION, SUPPORT_TABLES, TABLES

if TYPE_CHECKING:
    import pyarrow as pa


def first_row(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> tuple | None:
    """The first row of a query, or None.

    DuckDB 2 keeps a result open after ``fetchone()`` and then refuses relation work on the
    connection, so results are always drained with ``fetchall()``.
    """
    rows = con.execute(sql, params or []).fetchall()
    return rows[0] if rows else None


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")


@dataclass(frozen=True)
class LockHolder:
    """The process that holds a DuckDB file: its PID and, when /proc tells, its command line."""

    pid: int
    command: str

    @property
    def is_server(self) -> bool:
        return " serve" in f" {self.command} "


def lock_holder(duckdb_message: str) -> LockHolder | None:
    """The holder named in DuckDB's lock-conflict message, or None when the error is something else."""
    match = _LOCK_HOLDER.search(duckdb_message)
    if match is None:
        return None
    pid = int(match["pid"])
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            command = " ".join(part.decode("utf-8", "replace") for part in handle.read().split(b"\0") if part)
    except OSError:
        command = match["program"]
    return LockHolder(pid=pid, command=command or match["program"])


def locked_message(holder: LockHolder, *, read_only: bool) -> str:
    """What to do about a database another process holds (DuckDB allows one writing process per file)."""
    who = f"process {holder.pid} ({holder.command})"
    if holder.is_server:
        advice = ("send articles to that server (POST /v1/articles) or let it watch your feeds "
                  "(brinkwatch serve --watch feeds.txt); read commands work meanwhile through its snapshot")
    elif read_only:
        advice = "wait for it to finish, or read from a copy of the file"
    else:
        advice = "wait for it to finish, or stop it: one process at a time may write a brinkwatch database"
    return f"the database is in use by {who}; {advice}"


@dataclass(frozen=True)
class WriteResult:
    """What one ``Store.write`` call did."""

    articles_added: int
    articles_skipped: int
    mentions_added: int


# DuckDB keeps the blocks it reads and writes cached up to its memory_limit, by default 80% of the machine's
# RAM, so a long ingest would grow with the database it fills (and dedup's joins with it). A database file gets
# this bound instead; past it, DuckDB evicts cached blocks and spills intermediate results to its temporary
# directory beside the file (``<file>.tmp``). An in-memory database keeps DuckDB's default: its data has
# nowhere else to live.
MEMORY_LIMIT = "384MB"


class Store:
    """A brinkwatch database (a DuckDB file, or memory). Creates the schema when it is missing.

    ``memory_limit`` bounds DuckDB's memory for a database file (DuckDB's size syntax, e.g. ``"1GB"``; None
    leaves DuckDB's default)."""

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False,
                 memory_limit: str | None = MEMORY_LIMIT) -> None:
        self.path = str(path)
        self.snapshot_of: str | None = None  # the server a snapshot came from (brinkwatch.store.access)
        try:
            self.con: duckdb.DuckDBPyConnection = duckdb.connect(self.path, read_only=read_only)
            if memory_limit and self.path != ":memory:":
                quoted = memory_limit.replace("'", "''")
                self.con.execute(f"SET memory_limit = '{quoted}'")
        except duckdb.Error as exc:
            holder = lock_holder(str(exc))
            if holder is not None:
                raise DatabaseLockedError(locked_message(holder, read_only=read_only), source=self.path) from exc
            raise StoreError(f"cannot open database: {exc}", source=self.path) from exc
        if not read_only:
            self._create_schema()

    def _create_schema(self) -> None:
        try:
            self.con.execute("BEGIN TRANSACTION")
            for ddl in (*TABLES.values(), *SUPPORT_TABLES.values(), *MIGRATIONS):
                self.con.execute(ddl)
            for ddl in INDEXES:
                self.con.execute(ddl)
            self.con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [str(SCHEMA_VERSION)]
            )
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"cannot create schema: {exc}", source=self.path) from exc

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- write side ----------------------------------------------------------------------------
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The subset of ``hashes`` whose article is stored already (callers skip coding those)."""
        wanted = sorted(set(hashes))
        if not wanted:
            return set()
        found = self.con.execute(
            "SELECT hash FROM articles WHERE hash IN (SELECT unnest(?::VARCHAR[]))", [wanted]
        ).fetchall()
        return {row[0] for row in found}

    def known_doc_ids(self, doc_ids: Iterable[str]) -> set[str]:
        """The subset of ``doc_ids`` stored already (the feed watcher skips entries it has seen)."""
        wanted = sorted(set(doc_ids))
        if not wanted:
            return set()
        found = self.con.execute(
            "SELECT doc_id FROM articles WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [wanted]
        ).fetchall()
        return {row[0] for row in found}

    def write(self, docs: Iterable[CodedDocument]) -> WriteResult:
        """Insert one batch of coded documents in one transaction; raise StoreError and keep nothing on failure."""
        batch = list(docs)
        known = self.known_hashes(doc.article.hash for doc in batch)
        fresh: list[CodedDocument] = []
        seen = set(known)
        for doc in batch:
            # The same text twice in one batch is a duplicate too, not only text stored earlier.
            if doc.article.hash not in seen:
                seen.add(doc.article.hash)
                fresh.append(doc)
        self._check_doc_ids(fresh)
        from brinkwatch.store import rows  # pyarrow: only writers pay for it, not `brinkwatch events`

        tables = rows.document_tables(fresh)
        self._insert_all(tables)
        return WriteResult(
            articles_added=len(fresh),
            articles_skipped=len(batch) - len(fresh),
            mentions_added=tables["event_mentions"].num_rows,
        )

    def _check_doc_ids(self, fresh: list[CodedDocument]) -> None:
        """Refuse (before writing anything) a new text under a doc_id that is taken, with a clear message."""
        ids = Counter(doc.article.doc_id for doc in fresh)
        if not ids:
            return
        clashes = sorted(doc_id for doc_id, n in ids.items() if n > 1)
        taken = self.con.execute(
            "SELECT doc_id FROM articles WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY doc_id", [list(ids)]
        ).fetchall()
        clashes += [row[0] for row in taken]
        if clashes:
            raise StoreError(
                f"doc_id {clashes[0]!r} already names another text; batch not written", source=clashes[0]
            )

    def cursor(self) -> Store:
        """A Store over a new cursor of the same database, for use from another thread."""
        twin = object.__new__(Store)
        twin.path = self.path
        twin.snapshot_of = self.snapshot_of
        twin.con = self.con.cursor()
        return twin

    def _insert_all(self, tables: dict[str, pa.Table]) -> None:
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for name, table in tables.items():
                if table.num_rows == 0:
                    continue
                view = f"_incoming_{name}"
                con.register(view, table)
                try:
                    columns = ", ".join(table.column_names)
                    con.execute(f"INSERT INTO {name} ({columns}) SELECT {columns} FROM {view}")
                finally:
                    con.unregister(view)
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"batch not written, nothing kept: {exc}", source=self.path) from exc
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def record_errors(self, errors: Iterable[DocumentError]) -> None:
        """Keep per-document failures of a batch in ``ingest_errors``, each distinct failure once.

        Re-running an ingest meets the same bad files again: their rows only get a new ``at`` (when last
        seen), so the table lists what is wrong rather than how often it was retried.
        """
        values = sorted({(e.source, e.line, e.code, e.message) for e in errors}, key=repr)
        if not values:
            return
        import pyarrow as pa  # imported when writing only: read-only commands start faster without it

        schema = pa.schema([("source", pa.string()), ("line", pa.int32()), ("code", pa.string()),
                            ("message", pa.string())])
        incoming = pa.table({name: [v[i] for v in values] for i, name in enumerate(("source", "line", "code",
                                                                                     "message"))},
                            schema=schema)
        same = ("e.source IS NOT DISTINCT FROM i.source AND e.line IS NOT DISTINCT FROM i.line "
                "AND e.code IS NOT DISTINCT FROM i.code AND e.message IS NOT DISTINCT FROM i.message")
        con = self.con
        con.register("_incoming_errors", incoming)
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute(f'UPDATE ingest_errors e SET "at" = current_timestamp FROM _incoming_errors i WHERE {same}')
            con.execute("INSERT INTO ingest_errors (source, line, code, message) SELECT i.source, i.line, i.code, "
                        f"i.message FROM _incoming_errors i WHERE NOT EXISTS (SELECT 1 FROM ingest_errors e "
                        f"WHERE {same})")
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"cannot record errors: {exc}", source=self.path) from exc
        finally:
            con.unregister("_incoming_errors")

    # --- read side -----------------------------------------------------------------------------
    def _records(self, sql: str, params: list[Any], kind: queries.Kind) -> list[dict[str, Any]]:
        """Run a key selection (key_id, rep_id, sort_date), then fetch full rows for those keys only."""
        try:
            keys = self.con.execute(sql, params).fetchall()
            reps = sorted({key[1] for key in keys})
            details = self.con.execute(queries.detail_by_ids_sql(len(reps)), reps).fetchall() if reps else []
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", source=self.path) from exc
        by_id = {row[0]: row for row in details}
        # A key whose representative mention is gone (a dangling pointer) has nothing to show.
        return [queries.page_record(key, by_id[key[1]], kind) for key in keys if key[1] in by_id]

    def _list(self, flt: EventFilter, kind: queries.Kind) -> list[dict[str, Any]]:
        sql, params = queries.selection_sql(flt, kind)
        return self._records(sql, params, kind)

    def mentions(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        """Event mentions as ``Event.to_record()`` dicts plus ``mention_id``, ``event_id`` and ``cursor``."""
        return self._list(flt or EventFilter(), "mentions")

    def events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        """Merged events (unmerged mentions stand for themselves), with mention/source/article counts."""
        return self._list(flt or EventFilter(), "events")

    def event(self, event_id: str) -> dict[str, Any]:
        """One event with all its mentions and their evidence; a mention id finds its merged event."""
        merged = first_row(
            self.con, "SELECT COALESCE(m.event_id, m.mention_id) FROM event_mentions m WHERE m.mention_id = ?",
            [event_id],
        )
        key = event_id
        if merged is not None:
            key = merged[0]
        one = f"SELECT key_id, rep_id, sort_date FROM ({queries.NARROW_EVENTS}) b WHERE key_id = ?"
        found = self._records(one, [key], "events")
        if not found:
            raise NotFoundError(f"no event {event_id!r}")
        result = found[0]
        members = (
            f"SELECT key_id, rep_id, sort_date FROM ({queries.NARROW_MENTIONS}) b WHERE key_id IN "
            "(SELECT mention_id FROM event_mentions WHERE COALESCE(event_id, mention_id) = ?) "
            "ORDER BY sort_date, key_id"
        )
        result["mentions"] = [self._with_article(r) for r in self._records(members, [key], "mentions")]
        return result

    def _with_article(self, record: dict[str, Any]) -> dict[str, Any]:
        row = first_row(
            self.con, "SELECT url, title, publisher, pub_date FROM articles WHERE doc_id = ?", [record["doc_id"]]
        )
        if row is not None:
            record["article"] = dict(zip(("url", "title", "publisher", "pub_date"), map(jsonable, row), strict=True))
        return record

    def article(self, doc_id: str) -> dict[str, Any]:
        """An article row with its sentences, actor mentions and the records (spans) of its events."""
        rel = self.con.execute("SELECT * FROM articles WHERE doc_id = ?", [doc_id])
        found = rel.fetchall()
        if not found:
            raise NotFoundError(f"no article {doc_id!r}")
        row = found[0]
        names = [d[0] for d in rel.description]
        result = {name: jsonable(value) for name, value in zip(names, row, strict=True)}
        sentences = self.con.execute(
            "SELECT sentence_index, start_char, end_char, text FROM sentences WHERE doc_id = ? "
            "ORDER BY sentence_index",
            [doc_id],
        ).fetchall()
        result["sentences"] = [dict(zip(("index", "start", "end", "text"), s, strict=True)) for s in sentences]
        actor_rel = self.con.execute(
            "SELECT sentence_index, code, country, sector, text, start_char, end_char, kb_id, resolution "
            "FROM actor_mentions WHERE doc_id = ? ORDER BY sentence_index, start_char",
            [doc_id],
        )
        actor_names = [d[0] for d in actor_rel.description]
        result["actors"] = [dict(zip(actor_names, a, strict=True)) for a in actor_rel.fetchall()]
        result["events"] = self.mentions(EventFilter(doc_id=doc_id, limit=100_000))
        return result

    def stats(self) -> dict[str, Any]:
        """Row counts per table and the range of event and publication dates."""
        counts = {name: first_row(self.con, f"SELECT count(*) FROM {name}")[0] for name in TABLES}
        dates = first_row(
            self.con, "SELECT min(event_date), max(event_date), count(DISTINCT event_date) FROM event_mentions"
        )
        pub = first_row(self.con, "SELECT min(pub_date), max(pub_date) FROM articles")
        return {
            "tables": counts,
            "event_dates": {"min": jsonable(dates[0]), "max": jsonable(dates[1]), "distinct": dates[2]},
            "pub_dates": {"min": jsonable(pub[0]), "max": jsonable(pub[1])},
            "merged": counts["events"] > 0,
            "schema_version": SCHEMA_VERSION,
            "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }


def dumps(record: dict[str, Any]) -> str:
    """One JSON line for a record returned by the store."""
    return json.dumps(record, default=jsonable, ensure_ascii=False)
