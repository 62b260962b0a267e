"""Exports read back by the readers their users use (pandas, polars, DuckDB, pyarrow, json), checked against the
columns and types of each format's specification and against small reference rows written from those specs.

Reference sources:
- GDELT 2.0 Event Codebook (V2.0, 2015) and its BigQuery schema gdelt-bq:gdeltv2.events: 61 tab-separated
  columns without a header; *Geo_CountryCode is FIPS 10-4 (Iraq IZ, United States US); *Geo_ADM1Code is the
  FIPS country code + the FIPS admin code (Baghdad IZ07), or the country code alone for a country-level match;
  Geo_Type 1 country, 2 US state, 3 US city, 4 world city, 5 world ADM1; FeatureID is the country code for a
  country and the ADM1 code for an ADM1.
- ICEWS coded event data (Boschee et al. 2015, Harvard Dataverse doi:10.7910/DVN/28075): 20 named columns,
  tab-separated; sectors as comma-separated ICEWS sector names ("Military,Government"); City/District/
  Province/Country by name.
- PLOVER manual 0.8 (openeventdata/PLOVER, PLOVER_MANUAL.tex, "JSON Data Fields"): id, date, source and
  recipient as lists of actor objects (code, sector, actor_text, identifier_id, identifier_text, actor_loc),
  event as a list of categories, event_loc, mode and context as lists, dead/injured from the size object.
"""

from __future__ import annotations

import csv
import datetime as dt
import json

import duckdb
import pandas as pd
import polars as pl
import pyarrow.dataset as pads
import pytest

from brinkwatch.errors import ExportError
from brinkwatch.export import CSV_DTYPES, FLAT_COLUMNS, export
from brinkwatch.export.core import selection_sql, text_columns
from brinkwatch.export.formats import ICEWS_COLUMNS, gdelt_layout, numeric_id, split_actor_code
from brinkwatch.export.places import actor_place, fips, gdelt_geo
from brinkwatch.model import Actor, Place
from brinkwatch.store import EventFilter, Store
from test_store_helpers import document, event

ATTACK = "Iraqi forces attacked US troops near Baghdad airport."
CONSULT = "US officials consulted NATO."
VISIT = "The Kenyan president visited Kampala."
UNDATED = "Rebels shelled a town in Darfur."

# Places as the gazetteer stores them (geo/): GeoNames admin1 code for a world city, subdivision name and
# IATA id for an airport, country centroid for a country.
AIRPORT = Place(name="Baghdad International Airport", country="IRQ", admin1="Baghdad", lat=33.2625,
                lon=44.2346, precision="airport", gazetteer_id="iata:BGW", start=38, end=53)
KAMPALA = Place(name="Kampala", country="UGA", admin1="C", lat=0.31628, lon=32.58219, precision="city",
                gazetteer_id="geonames:232422", start=30, end=37)
DARFUR = Place(name="Darfur", country="SDN", lat=13.5, lon=24.0, precision="admin1", gazetteer_id="brinkwatch:darfur")


def _actor(code: str, text: str, start: int, *, name: str | None = None, kb_id: str | None = None,
           resolution: str = "kb", country: str | None = None) -> Actor:
    return Actor(code=code, country=country if country is not None else code[:3], sector=code[3:6] or None,
                 text=text, start=start, end=start + len(text), name=name, kb_id=kb_id, resolution=resolution)


@pytest.fixture
def store():
    attack = event("a", ATTACK, place=AIRPORT, killed=3, source="IRQMIL", target="USAMIL").model_copy(update={
        # "Iraqi forces": a demonym, no knowledge-base entry of its own; "US troops": the US country entry.
        "source": _actor("IRQMIL", "Iraqi forces", 0, resolution="demonym"),
        "target": _actor("USAMIL", "US troops", 22, name="United States", kb_id="country:USA"),
    })
    consult = event("c", CONSULT, source="USAGOV", target="IGONAT", code="040", date=dt.date(2024, 2, 10))
    consult = consult.model_copy(update={"target": _actor("IGOWSTNAT", "NATO", 23, name="NATO", kb_id="nato",
                                                          country="IGO")})
    visit = event("v", VISIT, source="KENGOV", target="UGA", code="042", date=dt.date(2024, 3, 1))
    visit = visit.model_copy(update={
        "place": KAMPALA,
        "source": _actor("KENGOV", "The Kenyan president", 0, name="William Ruto", kb_id="william_ruto",
                         resolution="title"),
        "target": _actor("UGA", "Kampala", 30, name="Uganda", kb_id="capital:UGA", resolution="metonym"),
    })
    undated = event("u", UNDATED, source="SDNREB", target="SDN", code="190", date=None)
    undated = undated.model_copy(update={"place": DARFUR, "target": None,
                                         "source": _actor("SDNREB", "Rebels", 0, resolution="context")})
    with Store() as s:
        s.write([
            document("a", ATTACK, [attack], publisher="AP"),
            document("b", "Iraq struck American troops.", [event("b", "Iraq struck American troops.")],
                     publisher="Reuters"),
            document("c", CONSULT, [consult]),
            document("v", VISIT, [visit]),
            document("u", UNDATED, [undated]),
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


# ---- Parquet ------------------------------------------------------------------------------------------
def test_parquet_reads_in_pandas_polars_duckdb_and_pyarrow(store, tmp_path):
    out = tmp_path / "events"
    assert export(store, "parquet", out).rows == 4
    assert sorted(p.name for p in out.iterdir()) == [
        "event_day=2024-01-01", "event_day=2024-02-10", "event_day=2024-03-01", "event_day=undated"]
    frame = pd.read_parquet(out)  # the call that failed on __HIVE_DEFAULT_PARTITION__
    assert len(frame) == 4 and set(FLAT_COLUMNS) <= set(frame.columns)
    assert frame["cameo_code"].tolist().count("042") == 1
    assert frame.loc[frame["event_id"] == "EV1", "num_mentions"].item() == 2
    assert frame["event_date"].isna().sum() == 1
    polars_frame = pl.read_parquet(out)
    assert polars_frame.height == 4 and polars_frame.schema["event_date"] == pl.Date
    assert polars_frame.schema["cameo_code"] == pl.String and polars_frame.schema["goldstein"] == pl.Float64
    rows = duckdb.sql(f"SELECT event_id, event_date, cameo_code, killed FROM read_parquet('{out}/**/*.parquet', "
                      "hive_partitioning=true) ORDER BY event_date NULLS LAST").fetchall()
    assert rows[0] == ("EV1", dt.date(2024, 1, 1), "190", 3.0) and rows[-1][1] is None
    table = pads.dataset(out, partitioning="hive").to_table()
    assert table.num_rows == 4 and str(table.schema.field("event_date").type) == "date32[day]"


def test_parquet_month_partitions_and_overwrite(store, tmp_path):
    out = tmp_path / "events"
    export(store, "parquet", out, partition="month")
    assert (out / "event_month=2024-01").is_dir() and (out / "event_month=undated").is_dir()
    with pytest.raises(ExportError):
        export(store, "parquet", out)
    assert export(store, "parquet", out, overwrite=True).rows == 4
    assert not (out / "event_month=2024-01").exists()  # the old layout is replaced, not mixed in
    assert len(pd.read_parquet(out)) == 4


# ---- CSV ----------------------------------------------------------------------------------------------
def test_csv_keeps_codes_as_strings(store, tmp_path):
    out = tmp_path / "sub" / "events.csv"
    result = export(store, "csv", out)
    frame = pd.read_csv(out, dtype=CSV_DTYPES)
    assert result.rows == len(frame) == 4
    assert list(frame.columns) == list(FLAT_COLUMNS)
    assert sorted(frame["cameo_code"]) == ["040", "042", "190", "190"]  # not 40, 42
    polars_frame = pl.read_csv(out, schema_overrides={c: pl.String for c in CSV_DTYPES})
    assert "042" in polars_frame["cameo_code"].to_list()
    # DuckDB honours the quotes: codes stay VARCHAR without being told.
    rel = duckdb.read_csv(str(out))
    assert dict(zip(rel.columns, map(str, rel.types), strict=True))["cameo_code"] == "VARCHAR"
    with out.open(newline="") as handle:
        first = handle.readlines()[1]
    assert '"190"' in first or '"042"' in first or '"040"' in first


def test_csv_dtypes_cover_every_text_column(store):
    sql, params = selection_sql(EventFilter(), FLAT_COLUMNS)
    assert set(text_columns(store.con, sql, params)) == set(CSV_DTYPES)


def test_csv_with_filter(store, tmp_path):
    out = tmp_path / "events.csv"
    result = export(store, "csv", out, EventFilter(root="19", source="IRQ"))
    with out.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert result.rows == len(rows) == 1
    assert rows[0]["event_id"] == "EV1" and rows[0]["source_url"] == "https://news.example/a"


# ---- GDELT 2.0 ----------------------------------------------------------------------------------------
# Written from the GDELT 2.0 codebook for "Iraqi forces attacked US troops near Baghdad airport." on
# 2024-01-01 (brinkwatch codes it 190, QuadClass 4, Goldstein -10): the values GDELT itself would write.
GDELT_REFERENCE = {
    "SQLDATE": "20240101", "MonthYear": "202401", "Year": "2024", "FractionDate": "2024.0027",
    "Actor1Code": "IRQMIL", "Actor1Name": "IRAQ", "Actor1CountryCode": "IRQ", "Actor1Type1Code": "MIL",
    "Actor2Code": "USAMIL", "Actor2Name": "UNITED STATES", "Actor2CountryCode": "USA", "Actor2Type1Code": "MIL",
    "IsRootEvent": "1", "EventCode": "190", "EventBaseCode": "190", "EventRootCode": "19", "QuadClass": "4",
    "GoldsteinScale": "-10.0", "NumMentions": "2", "NumSources": "2", "NumArticles": "2",
    "Actor1Geo_Type": "1", "Actor1Geo_CountryCode": "IZ", "Actor1Geo_ADM1Code": "IZ", "Actor1Geo_FeatureID": "IZ",
    "Actor2Geo_Type": "1", "Actor2Geo_CountryCode": "US", "Actor2Geo_ADM1Code": "US", "Actor2Geo_FeatureID": "US",
    "ActionGeo_Type": "4", "ActionGeo_FullName": "Baghdad International Airport, Baghdad, Iraq",
    "ActionGeo_CountryCode": "IZ", "ActionGeo_ADM1Code": "IZ07", "ActionGeo_Lat": "33.2625",
    "ActionGeo_Long": "44.2346", "SOURCEURL": "https://news.example/a",
}


def _gdelt_frame(path) -> pd.DataFrame:
    # As GDELT users read the event files: tab-separated, no header, the codebook's names, codes as strings.
    names = [c.name for c in gdelt_layout().columns]
    return pd.read_csv(path, sep="\t", header=None, names=names, dtype=str, keep_default_na=False)


def test_gdelt_matches_the_codebook(store, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    export(store, "gdelt", out)
    frame = _gdelt_frame(out)
    assert len(frame.columns) == 61 and len(frame) == 4
    attack = frame[frame["GLOBALEVENTID"] == str(numeric_id("EV1"))].iloc[0]
    assert {k: attack[k] for k in GDELT_REFERENCE} == GDELT_REFERENCE
    assert len(attack["DATEADDED"]) == 14 and attack["AvgTone"] == ""
    # Types as the BigQuery schema has them.
    typed = pd.read_csv(out, sep="\t", header=None, names=list(frame.columns),
                        dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str})
    assert typed["GLOBALEVENTID"].dtype == "int64" and typed["GoldsteinScale"].dtype == "float64"
    assert typed["EventRootCode"].tolist().count("19") == 2


def test_gdelt_actor_names_places_and_feature_ids(store, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    export(store, "gdelt", out)
    frame = _gdelt_frame(out).set_index("EventCode")
    visit, consult, undated = frame.loc["042"], frame.loc["040"], frame[frame["SQLDATE"] == "20240102"].iloc[0]
    # A person from the knowledge base, not the words "The Kenyan president".
    assert visit["Actor1Name"] == "WILLIAM RUTO" and visit["Actor2Name"] == "UGANDA"
    # The capital used for its country is the target's own place: Kampala, a world city with a GeoNames id.
    assert (visit["Actor2Geo_Type"], visit["Actor2Geo_FullName"], visit["Actor2Geo_CountryCode"]) == (
        "4", "Kampala, Uganda", "UG")
    # GeoNames files Kampala under Uganda's region "C", which is not a FIPS admin code: the ADM1 code
    # falls back to the country's, as GDELT writes it when the ADM1 is unknown.
    assert (visit["ActionGeo_ADM1Code"], visit["ActionGeo_FeatureID"]) == ("UG", "232422")
    # IGONAT: no country, no place; IGO is a type code.
    assert (consult["Actor2CountryCode"], consult["Actor2Type1Code"], consult["Actor2Geo_Type"]) == ("", "IGO", "")
    assert consult["Actor2Name"] == "NATO"
    # An undated event falls back to its publication date; an ADM1 place is type 5 with its own code.
    assert (undated["ActionGeo_Type"], undated["ActionGeo_CountryCode"]) == ("5", "SU")
    assert undated["ActionGeo_FeatureID"] == undated["ActionGeo_ADM1Code"] and undated["Actor1Name"] == "SUDAN"


def test_fips_codes_and_geo_helpers():
    assert [fips(c) for c in ("IRQ", "USA", "RUS", "UKR", "CHN", "ISR", "DEU", "GBR")] == [
        "IZ", "US", "RS", "UP", "CH", "IS", "GM", "UK"]
    assert fips("PSE", "GZ") == "GZ" and fips("IGO") is None
    us_city = gdelt_geo({"name": "Austin", "country": "USA", "admin1": "Texas", "lat": 30.27, "lon": -97.74,
                         "precision": "city", "gazetteer_id": "geonames:4671654"})
    assert (us_city.type, us_city.adm1_code, us_city.full_name) == (3, "USTX", "Austin, Texas, United States")
    # A country-level actor stands at its country; an IGO nowhere.
    assert actor_place({"code": "IRN", "country": "IRN", "text": "Iran"}, None)["precision"] == "country"
    assert actor_place({"code": "IGOUNO", "country": "IGO", "text": "the UN"}, None) is None


def test_split_actor_code():
    types = gdelt_layout().actor_type_codes
    assert split_actor_code("USAGOVMIL", "USA", types) == {"country": "USA", "group": None, "types": ["GOV", "MIL"]}
    assert split_actor_code("IGOUNO", "IGO", types)["types"] == ["IGO", "UNO"]
    assert split_actor_code(None, None, types) == {"country": None, "group": None, "types": []}


# ---- PLOVER -------------------------------------------------------------------------------------------
def test_plover_records_follow_the_specification(store, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(store, "plover", out).rows == 4
    frame = pd.read_json(out, lines=True, dtype=False)
    for required in ("id", "date", "source", "event"):
        assert required in frame.columns
    assert not {"event_type", "actors", "killed", "location"} & set(frame.columns)
    records = {r["id"]: r for r in (json.loads(line) for line in out.read_text().splitlines())}
    attack = records["EV1"]
    assert attack["date"] == "2024-01-01" and attack["event"] == ["ASSAULT"]
    assert attack["mode"] == ["conventional"] and isinstance(attack["context"], list)
    assert attack["dead"] == 3.0 and attack["quad_code"] == 4 and attack["event_scale"] == -10.0
    source, recipient = attack["source"][0], attack["recipient"][0]
    assert (source["code"], source["sector"], source["actor_text"]) == ("IRQ", "MIL", "Iraqi forces")
    assert (recipient["code"], recipient["identifier_id"], recipient["identifier_text"]) == (
        "USA", "country:USA", "United States")
    loc = attack["event_loc"]
    assert (loc["name"], loc["country code"], loc["cc3"], loc["admin1 code"]) == (
        "Baghdad International Airport", "IQ", "IRQ", "07")
    assert (loc["feature class"], loc["feature code"]) == ("S", "AIRP")
    assert attack["event_text"] == [ATTACK[5:12]] and attack["story_ids"] == ["a", "b"]
    assert attack["cite_info"]["url"] == "https://news.example/a" and attack["text_info"]["sequence"] == 0
    assert records[next(k for k, r in records.items() if r["date"] is None)]["recipient"] == []


# ---- ICEWS --------------------------------------------------------------------------------------------
def test_icews_columns_sectors_and_city(store, tmp_path):
    out = tmp_path / "events.icews.tsv"
    export(store, "icews", out)
    frame = pd.read_csv(out, sep="\t", dtype={"CAMEO Code": str}, keep_default_na=False)
    assert list(frame.columns) == list(ICEWS_COLUMNS) and len(frame) == 4
    attack = frame[frame["Story ID"] == "a"].iloc[0]
    assert (attack["Source Name"], attack["Source Sectors"], attack["Source Country"]) == (
        "Military (Iraq)", "Military,Government", "Iraq")
    assert (attack["Target Name"], attack["Target Country"]) == ("Military (United States)", "United States")
    # The event happened at the airport; ICEWS' City is the city it serves, the Province its subdivision.
    assert (attack["City"], attack["Province"], attack["Country"]) == ("Baghdad", "Baghdad", "Iraq")
    assert (attack["CAMEO Code"], attack["Intensity"], attack["Sentence Number"]) == ("190", -10.0, 1)
    visit = frame[frame["Story ID"] == "v"].iloc[0]
    assert (visit["Source Name"], visit["Target Name"], visit["City"]) == ("William Ruto", "Uganda", "Kampala")
    consult = frame[frame["Story ID"] == "c"].iloc[0]
    assert (consult["Target Sectors"], consult["Target Country"]) == ("International Government Organization", "")


def test_unknown_format_and_explicit_limit(store, tmp_path):
    with pytest.raises(ExportError) as info:
        export(store, "xml", tmp_path / "x")
    assert info.value.code == "E600"
    assert export(store.con, "csv", tmp_path / "one.csv", EventFilter(limit=1)).rows == 1
    # The listing default of 100 does not cap an export.
    assert export(store, "csv", tmp_path / "all.csv", EventFilter()).rows == 4
