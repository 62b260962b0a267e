"""Actor search for ``GET /v1/actors?q=``: exact knowledge-base names first, then names containing ``q``
(``ActorKB.search``), shaped for the API."""

from __future__ import annotations

from typing import Any

from brinkwatch.actors.kb import ActorKB


def _entry(match: Any) -> dict[str, Any]:
    return {"kb_id": match.kb_id, "code": match.code, "name": match.name, "country": match.country,
            "sector": match.sector, "kind": match.kind, "title": getattr(match, "title", None)}


def search_actors(kb: ActorKB, q: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Up to ``limit`` entries: exact (alias) matches, then names starting with ``q``, then containing it."""
    return [_entry(m) for m in kb.search(q, limit=limit)]
