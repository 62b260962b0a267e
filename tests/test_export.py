"""Exports, each read back with a standard reader (DuckDB, pyarrow, csv, json) and checked for values."""

from __future__ import annotations

import csv
import datetime as dt
import json

import duckdb
import pyarrow.parquet as pq
import pytest

from brinkwatch.errors import ExportError
from brinkwatch.export import FLAT_COLUMNS, export
from brinkwatch.export.formats import ICEWS_COLUMNS, gdelt_layout, numeric_id, split_actor_code
from brinkwatch.store import EventFilter, Store
from test_store_helpers import BAGHDAD, document, event

ATTACK = "Iraqi forces attacked US troops in Baghdad."
CONSULT = "US officials consulted NATO."


@pytest.fixture
def store():
    with Store() as s:
        s.write([
            document("a", ATTACK, [event("a", ATTACK, place=BAGHDAD, killed=3)], publisher="AP"),
            document("b", "Iraq struck American troops.", [event("b", "Iraq struck American troops.")],
                     publisher="Reuters"),
            document("c", CONSULT, [event("c", CONSULT, source="USAGOV", target="IGONAT", code="040",
                                          date=dt.date(2024, 2, 10))]),
        ])
        ids = {r["doc_id"]: r["mention_id"] for r in s.mentions()}
        # Stand-in for dedup: a and b are one happening, represented by a.
        s.con.execute(
            "INSERT INTO events (event_id, source_code, source_country, target_code, target_country, cameo_code, "
            "cameo_root, quad_class, modality, event_date, num_mentions, num_sources, num_articles, "
            "representative_mention) SELECT 'EV1', source_code, source_country, target_code, target_country, "
            "cameo_code, cameo_root, quad_class, modality, event_date, 2, 2, 2, mention_id "
            "FROM event_mentions WHERE mention_id = ?",
            [ids["a"]],
        )
        s.con.execute("UPDATE event_mentions SET event_id = 'EV1' WHERE doc_id IN ('a', 'b')")
        yield s


def test_parquet_is_date_partitioned_and_reads_back(store, tmp_path):
    out = tmp_path / "events"
    result = export(store, "parquet", out)
    assert result.rows == 2
    assert sorted(p.name for p in out.iterdir()) == ["event_date=2024-01-01", "event_date=2024-02-10"]
    rows = duckdb.sql(
        f"SELECT event_id, event_date, cameo_code, num_mentions, killed, place_name "
        f"FROM read_parquet('{out}/**/*.parquet', hive_partitioning=true) ORDER BY event_date"
    ).fetchall()
    assert rows[0] == ("EV1", dt.date(2024, 1, 1), "190", 2, 3.0, "Baghdad")
    assert rows[1][1:4] == (dt.date(2024, 2, 10), "040", 1)
    table = pq.read_table(next((out / "event_date=2024-01-01").glob("*.parquet")))
    assert set(table.column_names) == set(FLAT_COLUMNS) - {"event_date"}


def test_parquet_month_partitions_and_overwrite(store, tmp_path):
    out = tmp_path / "events"
    export(store, "parquet", out, partition="month")
    assert (out / "year=2024" / "month=1").is_dir()
    with pytest.raises(ExportError):
        export(store, "parquet", out)
    assert export(store, "parquet", out, overwrite=True).rows == 2
    assert not (out / "year=2024").exists()  # the old layout is replaced, not mixed in


def test_csv_with_filter(store, tmp_path):
    out = tmp_path / "sub" / "events.csv"
    result = export(store, "csv", out, EventFilter(root="19"))
    with out.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert result.rows == len(rows) == 1
    assert list(rows[0]) == list(FLAT_COLUMNS)
    assert rows[0]["event_id"] == "EV1"
    assert rows[0]["cameo_code"] == "190"
    assert rows[0]["source_url"] == "https://news.example/a"
    rel = duckdb.read_csv(str(out), all_varchar=True)
    assert rel.columns == list(FLAT_COLUMNS)


def test_gdelt_columns_and_values(store, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    export(store, "gdelt", out)
    names = [c.name for c in gdelt_layout().columns]
    with out.open(newline="") as handle:
        rows = [dict(zip(names, line, strict=True)) for line in csv.reader(handle, delimiter="\t")]
    assert len(rows) == 2 and len(names) == 61
    attack, consult = rows
    assert attack["GLOBALEVENTID"] == str(numeric_id("EV1"))
    assert (attack["SQLDATE"], attack["MonthYear"], attack["Year"]) == ("20240101", "202401", "2024")
    assert (attack["Actor1Code"], attack["Actor1CountryCode"], attack["Actor1Type1Code"]) == ("IRQGOV", "IRQ", "GOV")
    assert (attack["EventCode"], attack["EventBaseCode"], attack["EventRootCode"]) == ("190", "190", "19")
    assert (attack["QuadClass"], attack["GoldsteinScale"]) == ("4", "-10.0")
    assert (attack["NumMentions"], attack["NumSources"], attack["NumArticles"]) == ("2", "2", "2")
    assert attack["AvgTone"] == ""
    assert (attack["ActionGeo_Type"], attack["ActionGeo_FullName"], attack["ActionGeo_Lat"]) == ("4", "Baghdad", "33.34")
    assert attack["SOURCEURL"] == "https://news.example/a"
    assert len(attack["DATEADDED"]) == 14
    # IGONAT: no country; IGO is a type code; NAT is the known group.
    assert (consult["Actor2CountryCode"], consult["Actor2KnownGroupCode"], consult["Actor2Type1Code"]) == (
        "", "NAT", "IGO")
    # DuckDB reads it as GDELT files are read: tab-separated, no header, codes kept as strings.
    rel = duckdb.read_csv(str(out), delimiter="\t", header=False, all_varchar=True)
    assert len(rel.columns) == 61


def test_split_actor_code():
    types = gdelt_layout().actor_type_codes
    assert split_actor_code("USAGOVMIL", "USA", types) == {"country": "USA", "group": None, "types": ["GOV", "MIL"]}
    assert split_actor_code("IGOUNO", "IGO", types)["types"] == ["IGO", "UNO"]
    assert split_actor_code(None, None, types) == {"country": None, "group": None, "types": []}


def test_plover_jsonl(store, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(store, "plover", out).rows == 2
    records = [json.loads(line) for line in out.read_text().splitlines()]
    attack = records[0]
    assert attack["id"] == "EV1"
    assert (attack["event_type"], attack["mode"], attack["date"]) == ("ASSAULT", "conventional", "2024-01-01")
    assert attack["story_ids"] == ["a", "b"]
    assert attack["actors"]["source"]["code"] == "IRQGOV"
    assert attack["location"]["name"] == "Baghdad"
    assert attack["text"] == ATTACK
    assert records[1]["story_ids"] == ["c"]


def test_icews_tsv(store, tmp_path):
    out = tmp_path / "events.icews.tsv"
    export(store, "icews", out, EventFilter(source="IRQ"))
    with out.open(newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert list(rows[0]) == list(ICEWS_COLUMNS)
    row = rows[0]
    assert (row["Event Date"], row["Source Country"], row["Target Country"]) == ("2024-01-01", "Iraq", "United States")
    assert (row["CAMEO Code"], row["Intensity"], row["Story ID"], row["Sentence Number"]) == ("190", "-10.0", "a", "1")
    assert (row["City"], row["Province"], row["Country"], row["Publisher"]) == ("Baghdad", "Baghdad", "Iraq", "AP")


def test_unknown_format_and_explicit_limit(store, tmp_path):
    with pytest.raises(ExportError) as info:
        export(store, "xml", tmp_path / "x")
    assert info.value.code == "E600"
    assert export(store.con, "csv", tmp_path / "one.csv", EventFilter(limit=1)).rows == 1
    # The listing default of 100 does not cap an export.
    assert export(store, "csv", tmp_path / "all.csv", EventFilter()).rows == 2
