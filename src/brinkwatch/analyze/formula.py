"""The tension formula as SQL expressions, shared by the live query and the daily cache.

``docs/tension.md`` explains each term; these strings are that text in SQL, over a relation with the columns
``goldstein``, ``quad_class``, ``confidence``, ``killed``, ``injured``.
"""

from __future__ import annotations

from collections.abc import Callable

# Magnitude: material conflict weighs more when people were killed or injured (1 when unknown).
MAGNITUDE_SQL = ("CASE WHEN quad_class = 4 THEN 1 + ln(1 + coalesce(killed, 0) + 0.5 * coalesce(injured, 0)) "
                 "ELSE 1 END")
# Signed contribution of one happening to the numerator of the tension index.
CONTRIBUTION_SQL = (f"CASE WHEN quad_class >= 3 THEN confidence * ({MAGNITUDE_SQL}) * abs(coalesce(goldstein, 0)) "
                    "ELSE -confidence * coalesce(goldstein, 0) END")
def exact_sum(expr: str, *, where: str | None = None, wide: bool = False) -> str:
    """SQL summing ``expr`` as a DOUBLE that does not depend on the order rows are added in.

    DuckDB adds a float sum in whatever order its threads finish, so two runs over one set of events differed in
    the last bit (the daily cache, built on 1 or 4 threads or from rows inserted in another order). Each term is
    rounded to 1e-9 and added as a fixed-point decimal, which is exact and so associative; ``wide`` takes
    38 digits for sums of sums (the cache's rows summed into a period) instead of 18 for one term; ``where`` is
    the aggregate's FILTER."""
    digits = 38 if wide else 18
    condition = f" FILTER (WHERE {where})" if where else ""
    return f"CAST(sum(CAST({expr} AS DECIMAL({digits}, 9))){condition} AS DOUBLE)"


def float_sum(expr: str, *, where: str | None = None) -> str:
    """SQL summing ``expr`` as DuckDB's parallel float sum (last bits in thread order)."""
    condition = f" FILTER (WHERE {where})" if where else ""
    return f"sum({expr}){condition}"


def _additive_aggregates(total: Callable[..., str]) -> str:
    return f"""
    count(*) AS n,
    count(*) FILTER (WHERE quad_class = 1) AS vc, count(*) FILTER (WHERE quad_class = 2) AS mc,
    count(*) FILTER (WHERE quad_class = 3) AS vf, count(*) FILTER (WHERE quad_class = 4) AS mf,
    coalesce({total("goldstein")}, 0) AS g_sum, count(goldstein) AS g_count,
    coalesce({total(f"confidence * ({MAGNITUDE_SQL})", where="quad_class = 4")}, 0) AS conflict_w,
    coalesce({total("confidence", where="quad_class <= 2")}, 0) AS coop_conf,
    coalesce({total("confidence", where="quad_class >= 3")}, 0) AS conflict_conf,
    coalesce({total(CONTRIBUTION_SQL)}, 0) AS numerator"""


# Additive per-group aggregates: summing them over days gives the same numbers as aggregating the events of a
# period directly, which is what lets a daily cache answer weekly and monthly series exactly. The cache sums
# exactly (it is stored: the same events give the same rows, bit for bit, on any run); a live series over raw
# mentions (before dedup, or the mentions not merged yet) sums plain floats, a fifth faster on a busy dyad.
ADDITIVE_AGGREGATES_SQL = _additive_aggregates(exact_sum)
LIVE_ADDITIVE_AGGREGATES_SQL = _additive_aggregates(float_sum)
ADDITIVE_COLUMNS: tuple[str, ...] = ("n", "vc", "mc", "vf", "mf", "g_sum", "g_count", "conflict_w", "coop_conf",
                                     "conflict_conf", "numerator")

# A refusal coded as 12x "reject", a threat coded as 13x "threaten", a demand coded as 10x "demand" (or an appeal
# as 02x): the modality restates the code, so the act itself happened and counts as asserted.
EFFECTIVE_MODALITY_SQL = ("CASE WHEN (modality = 'refused' AND cameo_root = '12') "
                          "OR (modality = 'threatened' AND cameo_root = '13') "
                          "OR (modality = 'requested' AND cameo_root IN ('02', '10')) "
                          "THEN 'asserted' ELSE modality END")
