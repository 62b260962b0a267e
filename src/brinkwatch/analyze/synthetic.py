"""Synthetic and hand-made event mentions for tests and benchmarks, inserted with SQL.

``insert_mentions`` fills the columns a coder would fill from a few given ones, so tests can state only
what matters to them; ``load_dedup_corpus`` expands a hand-written dedup corpus (``tests/data/dedup/*.yaml``)
into such rows and ``dedup_scores`` says how well dedup grouped them; ``synthetic_mentions`` draws millions of realistic-looking mentions (skewed over ~200
countries, five years of dates) as Arrow tables for ``benchmarks/store.py``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from brinkwatch.store import derived
from brinkwatch.store.schema import INDEXES, TABLES

_MENTION_DEFAULTS: dict[str, Any] = {
    "event_id": None, "sentence_index": 0, "source_code": None, "source_country": None,
    "source_sector": None, "target_code": None, "target_country": None, "target_sector": None,
    "cameo_name": None, "goldstein": None, "plover_type": None, "plover_mode": None,
    "modality": "asserted", "is_opinion": False, "event_date": None, "date_precision": "unknown",
    "place_name": None, "place_country": None, "place_admin1": None, "place_precision": None, "lat": None, "lon": None, "killed": None,
    "injured": None, "pattern_id": "test", "confidence": 1.0, "publisher": None, "pub_date": None,
    "source_text": None, "target_text": None, "place_text": None,
}
_COLUMNS = (
    "mention_id", "event_id", "doc_id", "sentence_index", "source_code", "source_country", "source_sector",
    "target_code", "target_country", "target_sector", "cameo_code", "cameo_root", "cameo_name", "goldstein",
    "quad_class", "plover_type", "plover_mode", "modality", "is_opinion", "event_date", "date_precision",
    "place_name", "place_country", "place_admin1", "place_precision", "lat", "lon", "killed", "injured",
    "evidence_text",
    "pattern_id", "confidence", "publisher", "pub_date", "source_text", "target_text", "place_text",
)


def create_schema(con: duckdb.DuckDBPyConnection, *, indexes: bool = True) -> None:
    """Create the store tables (the shared contract in ``store/schema.py``) on a connection."""
    for ddl in TABLES.values():
        con.execute(ddl)
    if indexes:
        for ddl in INDEXES:
            con.execute(ddl)


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def insert_mentions(con: duckdb.DuckDBPyConnection, rows: Iterable[Mapping[str, Any]]) -> int:
    """Insert mention rows given as dicts (unknown keys are ignored); returns the number inserted."""
    filled = []
    for row in rows:
        full = {**_MENTION_DEFAULTS, **{k: v for k, v in row.items() if k in _COLUMNS}}
        full.setdefault("cameo_root", str(full["cameo_code"])[:2])
        full["event_date"] = _as_date(full["event_date"])
        full["pub_date"] = _as_date(full["pub_date"])
        filled.append(full)
    if not filled:
        return 0
    derived.append_mentions(con, pa.table({c: [r[c] for r in filled] for c in _COLUMNS}))
    return len(filled)


def _country_of(code: str | None) -> str | None:
    """The country part of a CAMEO actor code ("IRNMIL" -> "IRN"); None for "---COP" or no actor."""
    if not code or code.startswith("---"):
        return None
    return code[:3]


def load_dedup_corpus(path: Path) -> list[dict[str, Any]]:
    """Mention rows (for ``insert_mentions``) of a hand-written dedup corpus, each with its ``happening`` label.

    The format is described in the corpus files' headers (``tests/data/dedup/tuning.yaml``): a table of places
    and, per happening, its mentions with short keys. QuadClass and Goldstein come from the CAMEO ontology."""
    import yaml

    from brinkwatch.ontology import Ontology

    ontology = Ontology.load()
    corpus = yaml.safe_load(path.read_text(encoding="utf-8"))
    places = corpus["places"]
    rows: list[dict[str, Any]] = []
    for happening in corpus["happenings"]:
        for number, m in enumerate(happening["mentions"]):
            place = places[m["place"]] if m.get("place") else {}
            code = str(m["code"])
            rows.append({
                "mention_id": f"{m['doc']}.{number}", "doc_id": m["doc"], "happening": m.get("label", happening["id"]),
                "publisher": m["by"], "pub_date": _as_date(m["pub"]),
                "source_code": m["src"], "source_country": _country_of(m["src"]),
                "source_sector": m["src"][3:] or None, "source_text": m.get("st"),
                "target_code": m.get("tgt"), "target_country": _country_of(m.get("tgt")),
                "target_sector": (m.get("tgt") or "")[3:] or None, "target_text": m.get("tt"),
                "cameo_code": code, "quad_class": ontology.quad_class(code), "goldstein": ontology.goldstein(code),
                "modality": m.get("mod", "asserted"), "event_date": _as_date(m.get("date", m["pub"])),
                "date_precision": m.get("prec", "day"), "place_name": m.get("place"),
                "place_country": place.get("country"), "place_precision": place.get("precision"),
                "place_admin1": place.get("admin1"),
                "lat": place.get("lat"), "lon": place.get("lon"), "killed": m.get("killed"),
                "confidence": m.get("conf", 0.7), "evidence_text": m["text"],
            })
    return rows


_ROOT_QUAD = {  # CAMEO root -> (QuadClass, typical Goldstein)
    "01": (1, 0.0), "02": (1, 3.0), "03": (1, 4.0), "04": (1, 1.0), "05": (1, 3.5), "06": (2, 6.0),
    "07": (2, 7.0), "08": (2, 5.0), "09": (1, -2.0), "10": (3, -5.0), "11": (3, -2.0), "12": (3, -4.0),
    "13": (3, -6.0), "14": (3, -6.5), "15": (4, -7.2), "16": (4, -4.0), "17": (4, -7.0), "18": (4, -9.0),
    "19": (4, -10.0), "20": (4, -10.0),
}
_WORDS = np.array("missile strike talks vote border troops sanctions aid envoy summit protest embassy "
                  "attack ceasefire deal accused warned agreed met rejected".split())


def synthetic_mentions(n: int, *, seed: int = 0, n_countries: int = 200, days: int = 5 * 365,
                       start: dt.date = dt.date(2020, 1, 1), offset: int = 0) -> pa.Table:
    """``n`` mention rows with Zipf-skewed countries, uniform dates, and a few words of evidence."""
    import pyarrow.compute as pc

    rng = np.random.default_rng(seed)
    countries = pa.array([f"C{i:03d}" for i in range(n_countries)])
    weights = 1.0 / np.arange(1, n_countries + 1) ** 1.1  # a few countries dominate the news
    weights /= weights.sum()
    src = rng.choice(n_countries, size=n, p=weights)
    tgt = rng.choice(n_countries, size=n, p=weights)
    tgt = np.where(tgt == src, (tgt + 1) % n_countries, tgt)  # no self-loops
    roots = sorted(_ROOT_QUAD)
    root_index = rng.integers(0, len(roots), size=n)
    quad = np.array([_ROOT_QUAD[r][0] for r in roots], dtype=np.int8)[root_index]
    gold = np.array([_ROOT_QUAD[r][1] for r in roots])[root_index]
    root = pa.array(roots).take(pa.array(root_index))
    dates = pa.array((np.datetime64(start) + rng.integers(0, days, size=n)).astype("datetime64[D]"))
    words = pa.array(list(_WORDS))
    evidence = pc.binary_join_element_wise(*(words.take(pa.array(rng.integers(0, len(words), n)))
                                            for _ in range(3)), " ")
    numbers = pa.array(np.arange(n) + offset)
    source, target = countries.take(pa.array(src)), countries.take(pa.array(tgt))
    return pa.table({
        "mention_id": pc.binary_join_element_wise("s", pc.cast(numbers, pa.string()), ""),
        "doc_id": pc.binary_join_element_wise("d", pc.cast(pc.divide(numbers, 3), pa.string()), ""),
        "sentence_index": pa.array(np.zeros(n, dtype=np.int32)),
        "source_code": source, "source_country": source, "target_code": target, "target_country": target,
        "cameo_code": pc.binary_join_element_wise(root, "0", ""), "cameo_root": root, "goldstein": gold,
        "quad_class": quad, "modality": pa.repeat("asserted", n),
        "event_date": dates, "date_precision": pa.repeat("day", n),
        "killed": np.where(quad == 4, rng.poisson(0.5, size=n), 0).astype(float), "evidence_text": evidence,
        "pattern_id": pa.repeat("synthetic", n), "confidence": rng.uniform(0.5, 1.0, size=n),
        "publisher": pc.binary_join_element_wise("pub", pc.cast(pa.array(rng.integers(0, 300, n)), pa.string()),
                                                 ""),
        "pub_date": dates,
    })


def load_synthetic(con: duckdb.DuckDBPyConnection, table: pa.Table) -> None:
    """Append a table from ``synthetic_mentions`` to ``event_mentions`` (through the store)."""
    derived.append_mentions(con, table)


def dedup_scores(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> tuple[float, float, int, int]:
    """How dedup grouped a corpus's mentions (each row names its ``happening``; ids starting with "D" are
    distractors): (pairwise precision, pairwise recall, happenings kept whole, distractors kept apart)."""
    assigned = dict(con.sql("SELECT mention_id, event_id FROM event_mentions").fetchall())
    truth = {r["mention_id"]: r["happening"] for r in rows}
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(truth), 2):
        same_truth, same_pred = truth[a] == truth[b], assigned[a] == assigned[b]
        tp += same_truth and same_pred
        fp += same_pred and not same_truth
        fn += same_truth and not same_pred
    events_of = {h: {assigned[m] for m in truth if truth[m] == h} for h in set(truth.values())}
    whole = sum(len(events) == 1 for h, events in events_of.items() if not h.startswith("D"))
    apart = sum(all(assigned[m] != assigned[o] for m in truth if truth[m] == h for o in truth if truth[o] != h)
                for h in events_of if h.startswith("D"))
    return tp / max(1, tp + fp), tp / max(1, tp + fn), whole, apart
