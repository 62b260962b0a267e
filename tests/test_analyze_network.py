"""Actor network: edge aggregates in SQL, GraphML and JSON exports."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pytest

from brinkwatch.analyze.network import actor_network, to_graphml, to_json
from brinkwatch.analyze.synthetic import create_schema, insert_mentions
from brinkwatch.errors import AnalysisError

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


@pytest.fixture()
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    create_schema(con)
    rows = [
        ("n1", "USAGOV", "USA", "IRQGOV", "IRQ", "042", 1, 1.9, 1.0, "2024-01-01"),
        ("n2", "USAMIL", "USA", "IRQ", "IRQ", "190", 4, -10.0, 0.5, "2024-01-02"),
        ("n3", "USAGOV", "USA", "IRQGOV", "IRQ", "111", 3, -2.0, 1.0, "2024-03-01"),
        ("n4", "IRN", "IRN", "IRQ", "IRQ", "036", 1, 4.0, 1.0, "2024-01-05"),
        ("n5", "IRN", "IRN", "IRN", "IRN", "036", 1, 4.0, 1.0, "2024-01-05"),  # self-loop: dropped
    ]
    insert_mentions(con, [
        {"mention_id": m, "doc_id": m, "source_code": sc, "source_country": scn, "target_code": tc,
         "target_country": tcn, "cameo_code": code, "quad_class": q, "goldstein": g, "confidence": c,
         "event_date": d, "date_precision": "day", "evidence_text": m}
        for m, sc, scn, tc, tcn, code, q, g, c, d in rows])
    return con


def test_country_edges_aggregate_counts_and_weights(con: duckdb.DuckDBPyConnection) -> None:
    network = actor_network(con)
    edges = {(e.source, e.target): e for e in network.edges}
    assert set(edges) == {("USA", "IRQ"), ("IRN", "IRQ")}
    usa = edges["USA", "IRQ"]
    assert (usa.count, usa.coop_weight, usa.conflict_weight) == (3, 1.0, 1.5)
    assert usa.goldstein_mean == pytest.approx((1.9 - 10 - 2) / 3)
    nodes = {n.id: n for n in network.nodes}
    assert (nodes["IRQ"].events_in, nodes["IRQ"].events_out, nodes["USA"].events_out) == (4, 0, 3)


def test_actor_level_and_date_range(con: duckdb.DuckDBPyConnection) -> None:
    network = actor_network(con, level="actor", until="2024-01-31")
    assert {(e.source, e.target, e.count) for e in network.edges} == {
        ("USAGOV", "IRQGOV", 1), ("USAMIL", "IRQ", 1), ("IRN", "IRQ", 1)}
    with pytest.raises(AnalysisError):
        actor_network(con, level="region")  # type: ignore[arg-type]


def test_graphml_and_json_round_trip(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    network = actor_network(con)
    path = to_graphml(network, tmp_path / "net.graphml")
    root = ET.parse(path).getroot()
    graph = root.find("g:graph", NS)
    assert graph is not None and graph.get("edgedefault") == "directed"
    assert sorted(n.get("id") for n in graph.findall("g:node", NS)) == ["IRN", "IRQ", "USA"]
    edge = next(e for e in graph.findall("g:edge", NS) if e.get("source") == "USA")
    assert {d.get("key"): d.text for d in edge.findall("g:data", NS)}["count"] == "3"
    data = json.loads(to_json(network))
    assert data["level"] == "country" and len(data["edges"]) == 2
