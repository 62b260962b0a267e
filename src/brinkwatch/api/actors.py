"""Actor search for ``GET /v1/actors?q=``: exact knowledge-base names first, then names containing ``q``.

``ActorKB`` offers exact lookup only. When it grows a public ``search(q, limit)`` that is used; until then
the substring pass reads the KB's name table (read-only) through the same normalisation the resolver uses.
"""

from __future__ import annotations

from typing import Any

from brinkwatch.actors.kb import ActorKB, name_key


def _entry(match: Any) -> dict[str, Any]:
    return {"kb_id": match.kb_id, "code": match.code, "name": match.name, "country": match.country,
            "sector": match.sector, "kind": match.kind, "title": getattr(match, "title", None)}


def search_actors(kb: ActorKB, q: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Up to ``limit`` entries: exact (alias) matches, then names starting with ``q``, then containing it."""
    search = getattr(kb, "search", None)
    if callable(search):
        return [_entry(m) for m in search(q, limit=limit)]
    found: dict[str, dict[str, Any]] = {}
    for match in kb.lookup(q):
        found.setdefault(match.kb_id, _entry(match))
    wanted = " ".join(name_key(q))
    if not wanted:
        return list(found.values())[:limit]
    ranked: list[tuple[int, int, str, Any]] = []
    for key, records in kb._t.names.items():  # read-only use of the name table, see the module docstring
        joined = " ".join(key)
        # Whole-word starts only: "iran" finds "Iran" and "Iran's army", not "Tirana".
        where = f" {joined}".find(f" {wanted}")
        if where < 0:
            continue
        for record in records:
            # Rank: prefix before inner match, then shorter names (closer to what was typed).
            ranked.append((0 if where == 0 else 1, len(joined), record.entry.kb_id, record.entry))
    ranked.sort(key=lambda item: item[:3])
    for _, _, kb_id, entry in ranked:
        if len(found) >= limit:
            break
        if kb_id not in found:
            found[kb_id] = _entry(kb.match_of(entry, None))
    return list(found.values())[:limit]
