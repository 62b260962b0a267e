"""The actor network: who acts on whom, how often, how cooperatively, as nodes and directed edges.

Edges are one SQL aggregate over happenings (merged events plus mentions not merged yet), at country
level (ISO3) or actor level (full CAMEO actor code). Exports: GraphML (written with xml.etree, so no
graph library is needed) and JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Literal

import duckdb

from brinkwatch.analyze.formula import EFFECTIVE_MODALITY_SQL
from brinkwatch.analyze.records import Network, NetworkEdge, NetworkNode
from brinkwatch.analyze.series import DEFAULT_MODALITIES, as_date, happenings_sql
from brinkwatch.errors import AnalysisError, ExportError

_LEVEL_COLUMNS = {
    "country": ("source_country", "target_country"),
    "actor": ("coalesce(source_code, source_country)", "coalesce(target_code, target_country)"),
}

_EDGES_SQL = """
SELECT {src} AS s, {tgt} AS t, count(*) AS n,
    coalesce(sum(confidence) FILTER (WHERE quad_class <= 2), 0) AS coop_w,
    coalesce(sum(confidence) FILTER (WHERE quad_class >= 3), 0) AS conflict_w,
    avg(goldstein) AS g_mean
FROM ({happenings})
WHERE day IS NOT NULL AND {src} IS NOT NULL AND {tgt} IS NOT NULL AND {src} <> {tgt}
    AND day >= coalesce($since, day) AND day <= coalesce($until, day)
GROUP BY 1, 2 ORDER BY n DESC, s, t
"""


def actor_network(con: duckdb.DuckDBPyConnection, *, since: dt.date | str | None = None,
                  until: dt.date | str | None = None, level: Literal["country", "actor"] = "country",
                  min_count: int = 1) -> Network:
    """Directed edges between actors with event counts, cooperation/conflict weights and mean Goldstein."""
    if level not in _LEVEL_COLUMNS:
        raise AnalysisError(f"level must be 'country' or 'actor', not {level!r}")
    src, tgt = _LEVEL_COLUMNS[level]
    sql = _EDGES_SQL.format(src=src, tgt=tgt,
                            happenings=happenings_sql(f"list_contains($modalities, {EFFECTIVE_MODALITY_SQL}) "
                                                      "AND NOT is_opinion"))
    params = {"since": as_date(since), "until": as_date(until), "modalities": list(DEFAULT_MODALITIES)}
    try:
        rows = con.execute(sql, params).fetchall()
    except duckdb.Error as exc:
        raise AnalysisError(f"network query failed: {exc}") from exc
    edges = tuple(NetworkEdge(source=s, target=t, count=n, coop_weight=float(cw), conflict_weight=float(fw),
                              goldstein_mean=g) for s, t, n, cw, fw, g in rows if n >= min_count)
    out_counts: dict[str, int] = {}
    in_counts: dict[str, int] = {}
    for edge in edges:
        out_counts[edge.source] = out_counts.get(edge.source, 0) + edge.count
        in_counts[edge.target] = in_counts.get(edge.target, 0) + edge.count
    nodes = tuple(NetworkNode(id=node, events_out=out_counts.get(node, 0), events_in=in_counts.get(node, 0))
                  for node in sorted(out_counts.keys() | in_counts.keys()))
    return Network(level=level, nodes=nodes, edges=edges)


def to_json(network: Network) -> str:
    """The network as one JSON object: {"level", "nodes": [...], "edges": [...]}."""
    return json.dumps(network.model_dump(mode="json"), ensure_ascii=False)


_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_NODE_KEYS = (("events_out", "int"), ("events_in", "int"))
_EDGE_KEYS = (("count", "int"), ("coop_weight", "double"), ("conflict_weight", "double"),
              ("goldstein_mean", "double"))


def _graphml_tree(network: Network) -> ET.ElementTree:
    root = ET.Element("graphml", xmlns=_GRAPHML_NS)
    for domain, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, "key", {"id": name, "for": domain, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", id=f"brinkwatch-{network.level}", edgedefault="directed")
    for node in network.nodes:
        element = ET.SubElement(graph, "node", id=node.id)
        for name, _ in _NODE_KEYS:
            ET.SubElement(element, "data", key=name).text = str(getattr(node, name))
    for i, edge in enumerate(network.edges):
        element = ET.SubElement(graph, "edge", id=f"e{i}", source=edge.source, target=edge.target)
        for name, _ in _EDGE_KEYS:
            value = getattr(edge, name)
            if value is not None:  # GraphML has no null: an absent <data> means unknown
                ET.SubElement(element, "data", key=name).text = repr(float(value)) if name != "count" \
                    else str(value)
    return ET.ElementTree(root)


def to_graphml(network: Network, path: str | Path) -> Path:
    """Write the network as GraphML (readable by Gephi, networkx, igraph); returns the path."""
    target = Path(path)
    tree = _graphml_tree(network)
    ET.indent(tree)
    try:
        tree.write(target, encoding="utf-8", xml_declaration=True)
    except OSError as exc:
        raise ExportError(f"cannot write GraphML: {exc}", source=str(target)) from exc
    return target
