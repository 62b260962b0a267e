"""The SQL of dedup: mention features, candidate pairs with their score, and the merged ``events`` rows.

``dedup.py`` explains the rules and runs these statements; they are kept apart so each rule reads as one
predicate or one term of the score. Placeholders: ``{...}`` are filled from ``DedupRules`` and the module's
tables when the statement is built, ``$name`` are query parameters.
"""

from __future__ import annotations

# A soft target (see dedup.py): missing; or, for an act of force, the country it happened in, or the source's
# own country while it happened abroad. Over event_mentions columns; FEATURES_SQL computes the same as ``sk``.
SOFT_TARGET_SQL = """(coalesce(target_country, target_code) IS NULL
    OR (quad_class = 4 AND (target_country = place_country
        OR (target_country = source_country AND place_country <> source_country))))"""



def dateline_sql(alias: str = "") -> str:
    """True when the mention's place is the article's dateline ("TOKYO - ...", "BAKU, Jan 5 -"): where the
    reporter was, not where it happened (the coder takes it as the place of the first sentence's events)."""
    return f"coalesce(starts_with({alias}evidence_text, upper({alias}place_name)), false)"


# One row per mention considered (pending ones, and merged ones of the same families), with what pairs need.
# A mention of a symmetric root ("A and B clashed", "A met B") gets one row per orientation of its dyad.
FEATURES_SQL = """
CREATE OR REPLACE TEMP TABLE _dd_f AS
WITH base AS (
    SELECT mention_id, event_id, event_id IS NULL AS pending, doc_id, cameo_root AS root, cameo_code AS code,
        {family} AS fam, quad_class AS quad,
        coalesce(source_country, source_code, '') AS sc, coalesce(target_country, target_code, '') AS tc,
        coalesce(event_date, pub_date) AS eff_date,
        CASE WHEN coalesce(event_date, pub_date) IS NULL THEN 'undated' WHEN event_date IS NULL THEN 'unknown'
             ELSE coalesce(date_precision, 'unknown') END AS prec,
        CASE modality {mod_cases} END AS mod_class,
        -- a dateline ("TOKYO - ...") is where the reporter was, not where it happened: no place
        {dateline} AS dateline, place_country, place_precision AS pprec, lat AS raw_lat, lon AS raw_lon,
        killed, evidence_text,
        regexp_split_to_array(lower(concat_ws(' ', source_text, target_text)), '[^a-z0-9]+') AS actor_words
    FROM event_mentions
    WHERE {where}
), placed AS (
    SELECT * EXCLUDE (place_country, raw_lat, raw_lon),
        CASE WHEN NOT dateline THEN place_country END AS raw_pc,
        CASE WHEN NOT dateline THEN raw_lat END AS lat, CASE WHEN NOT dateline THEN raw_lon END AS lon
    FROM base
), soft AS (
    SELECT *,
        -- a point: a town, base or landmark with coordinates (a country's or province's centroid is not one)
        lat IS NOT NULL AND lon IS NOT NULL AND coalesce(pprec, '') NOT IN ('country', 'admin1') AS pt,
        -- a country-wide place that is one of the two actors ("Iran fires...": place Iran) says nothing
        CASE WHEN pprec = 'country' AND raw_pc IN (sc, tc) THEN NULL ELSE raw_pc END AS pc,
        -- soft target: reports disagree on whom an act of force hit, so where it happened stands in for it
        CASE WHEN tc = '' THEN '*'
             WHEN quad = 4 AND tc = raw_pc THEN tc
             WHEN quad = 4 AND tc = sc AND raw_pc IS NOT NULL AND raw_pc <> sc THEN raw_pc
        END AS sk,
        CASE WHEN root IN {symmetric} THEN least(sc, tc) || '|' || greatest(sc, tc) ELSE sc || '>' || tc END
            AS hard_dyad
    FROM placed
), oriented AS (
    SELECT * EXCLUDE (k), k[1] AS k1, k[2] AS k2
    FROM (SELECT *, unnest(CASE WHEN root IN {symmetric} AND tc <> '' AND tc <> sc THEN [[sc, tc], [tc, sc]]
                               ELSE [[sc, tc]] END) AS k FROM soft)
), article AS (
    -- within one article, a mention without a place or an exact date (a headline, a later mention) takes
    -- them from the other mentions of the same source and family when those agree on one
    SELECT * EXCLUDE (pc, pt, lat, lon, eff_date, prec),
        CASE WHEN pc IS NULL AND min(pc) OVER w = max(pc) OVER w THEN max(pc) OVER w ELSE pc END AS pc,
        CASE WHEN NOT pt AND min(lat) FILTER (WHERE pt) OVER w = max(lat) FILTER (WHERE pt) OVER w
                  AND min(lon) FILTER (WHERE pt) OVER w = max(lon) FILTER (WHERE pt) OVER w
             THEN true ELSE pt END AS pt,
        CASE WHEN NOT pt AND min(lat) FILTER (WHERE pt) OVER w = max(lat) FILTER (WHERE pt) OVER w
             THEN max(lat) FILTER (WHERE pt) OVER w ELSE lat END AS lat,
        CASE WHEN NOT pt AND min(lon) FILTER (WHERE pt) OVER w = max(lon) FILTER (WHERE pt) OVER w
             THEN max(lon) FILTER (WHERE pt) OVER w ELSE lon END AS lon,
        CASE WHEN prec <> 'day' AND eff_date IS NOT NULL AND min(eff_date) FILTER (WHERE prec = 'day') OVER w
                  = max(eff_date) FILTER (WHERE prec = 'day') OVER w
             THEN max(eff_date) FILTER (WHERE prec = 'day') OVER w ELSE eff_date END AS eff_date,
        CASE WHEN prec <> 'day' AND eff_date IS NOT NULL AND min(eff_date) FILTER (WHERE prec = 'day') OVER w
                  = max(eff_date) FILTER (WHERE prec = 'day') OVER w THEN 'day' ELSE prec END AS prec
    FROM oriented
    WINDOW w AS (PARTITION BY doc_id, fam, k1)
)
SELECT mention_id, event_id, pending, doc_id, code, fam, quad, sc, tc, eff_date, prec, mod_class, raw_pc, pc, pt,
    lat, lon, killed, sk, hard_dyad, k1, k2,
    CASE prec WHEN 'day' THEN 1 WHEN 'week' THEN 4 ELSE 2 END AS tol,
    prec IN ('month', 'year') AS coarse,
    date_diff('day', DATE '1970-01-05', eff_date) // 7 AS bucket,
    year(eff_date) AS yr, month(eff_date) AS mon,
    list_distinct(list_transform(
        list_filter(regexp_split_to_array(lower(evidence_text), '[^a-z0-9]+'),
                    lambda x: length(x) >= 3 AND NOT list_contains($stop, x)
                              AND NOT list_contains(actor_words, x)),
        -- plural "s" off, then the first {stem} letters: "missiles"/"missile", "bases"/"base"
        lambda x: left(CASE WHEN length(x) > 3 THEN rtrim(x, 's') ELSE x END, {stem}))) AS toks
FROM article
"""

# Great-circle distance between the two places, only defined when both are points.
_KM = """CASE WHEN p.pt AND c.pt THEN 2 * 6371.0 * asin(sqrt(pow(sin(radians(c.lat - p.lat) / 2), 2)
        + cos(radians(p.lat)) * cos(radians(c.lat)) * pow(sin(radians(c.lon - p.lon) / 2), 2))) END"""

# What every pair must satisfy (p = pending side, c = candidate side). Dates: a window that respects
# precision; month/year-precision dates only have to share the month/year; an undated mention pairs only
# inside its own article; inside one article, two day-precision dates must be the same day.
_HARD = """
    p.mod_class = c.mod_class AND p.fam = c.fam
    AND CASE
        WHEN p.eff_date IS NULL OR c.eff_date IS NULL THEN p.doc_id = c.doc_id
        WHEN p.prec = 'year' OR c.prec = 'year' THEN p.yr = c.yr
        WHEN p.coarse OR c.coarse THEN p.yr = c.yr AND p.mon = c.mon
        WHEN p.doc_id = c.doc_id AND p.prec = 'day' AND c.prec = 'day' THEN p.eff_date = c.eff_date
        ELSE abs(date_diff('day', p.eff_date, c.eff_date)) <= greatest(p.tol, c.tol) END
    -- an act of force in two different countries is two acts (verbal acts carry a dateline, not a place)
    AND NOT (p.quad IN (2, 4) AND p.pc IS NOT NULL AND c.pc IS NOT NULL AND p.pc <> c.pc)
    -- two distant places named in one article are two acts
    AND NOT (p.doc_id = c.doc_id AND coalesce(KM > $max_km, false))
"""

# The evidence that two reports tell one happening: shared content words, plus what their coded fields agree
# (or clearly disagree) on. Weights are DedupRules fields (tuned on tests/data/dedup/tuning.yaml).
_SCORE = """
    len(list_intersect(p.toks, c.toks)) / greatest(1, len(list_distinct(list_concat(p.toks, c.toks))))
    - CASE WHEN KM > $max_km AND p.quad IN (2, 4) THEN $far_penalty ELSE 0 END
    + CASE WHEN p.prec <> 'day' OR c.prec <> 'day' THEN 0
           WHEN p.eff_date = c.eff_date THEN $same_day_bonus ELSE -$other_day_penalty END
    + CASE WHEN p.code = c.code THEN $same_code_bonus ELSE 0 END
    - CASE WHEN greatest(p.killed, c.killed) >= 3 * least(p.killed, c.killed) + 2 THEN $killed_penalty ELSE 0 END
"""

# A target one side's place (or missing target) explains: see "soft target" in FEATURES_SQL.
_SOFT_MATCH = """((p.sk IS NOT NULL AND (p.sk = '*' OR p.sk = c.raw_pc))
         OR (c.sk IS NOT NULL AND (c.sk = '*' OR c.sk = p.raw_pc)))"""


def _branch(source: str, *, soft: str) -> str:
    """One way of meeting: ``source`` is the FROM/JOIN/WHERE text giving p and c; hard rules and score added."""
    hard, score = _HARD.replace("KM", f"({_KM})"), _SCORE.replace("KM", f"({_KM})")
    return f"""
    SELECT p.mention_id AS a, c.mention_id AS b, p.doc_id = c.doc_id AS same_doc, {soft} AS soft,
        {score} AS score
    {source} AND {hard}"""


_PENDING_EXACT = "(SELECT *, unnest([bucket - 1, bucket, bucket + 1]) AS jb FROM _dd_f WHERE pending AND NOT coarse)"

# Candidate pairs, one SELECT per way of meeting: each is an equi-join, so a million mentions never become a
# million squared pairs. A pair is accepted inside one article on the hard rules alone; across articles its
# score must reach the threshold (higher when the dyads differ and only a soft target joins them).
_BRANCHES = [
    _branch(f"""FROM {_PENDING_EXACT} p
    JOIN (SELECT * FROM _dd_f WHERE NOT coarse) c
      ON c.k1 = p.k1 AND c.k2 = p.k2 AND c.fam = p.fam AND c.bucket = p.jb
    WHERE (NOT c.pending OR c.mention_id > p.mention_id)""", soft="false"),
    _branch("""FROM (SELECT * FROM _dd_f WHERE pending AND coarse) p
    JOIN _dd_f c ON c.k1 = p.k1 AND c.k2 = p.k2 AND c.fam = p.fam AND c.yr = p.yr
    WHERE c.mention_id <> p.mention_id""", soft="false"),
    _branch("""FROM (SELECT * FROM _dd_f WHERE pending AND NOT coarse) p
    JOIN (SELECT * FROM _dd_f WHERE coarse) c ON c.k1 = p.k1 AND c.k2 = p.k2 AND c.fam = p.fam AND c.yr = p.yr
    WHERE true""", soft="false"),
    # soft target on the pending side: a missing target meets any target, a place-derived one the targets
    # of reports placed in that country
    _branch(f"""FROM (SELECT * FROM {_PENDING_EXACT} WHERE sk IS NOT NULL) p
    JOIN (SELECT * FROM _dd_f WHERE NOT coarse) c ON c.k1 = p.k1 AND c.fam = p.fam AND c.bucket = p.jb
      AND (p.sk = '*' OR c.raw_pc = p.sk)
    WHERE c.k2 <> p.k2 AND (NOT c.pending OR c.mention_id > p.mention_id OR c.sk IS NULL)""", soft="true"),
    # ... and on the candidate side
    _branch(f"""FROM {_PENDING_EXACT} p
    JOIN (SELECT * FROM _dd_f WHERE NOT coarse AND sk IS NOT NULL) c
      ON c.k1 = p.k1 AND c.fam = p.fam AND c.bucket = p.jb AND (c.sk = '*' OR p.raw_pc = c.sk)
    WHERE c.k2 <> p.k2 AND (NOT c.pending OR p.sk IS NULL)""", soft="true"),
    _branch(f"""FROM (SELECT * FROM _dd_f WHERE pending) p
    JOIN _dd_f c ON c.doc_id = p.doc_id AND c.fam = p.fam AND c.k1 = p.k1 AND c.mention_id <> p.mention_id
    WHERE (c.k2 = p.k2 OR {_SOFT_MATCH})""", soft="c.k2 <> p.k2"),
]
PAIRS_SQL = f"""
CREATE OR REPLACE TEMP TABLE _dd_pairs AS
SELECT a, b, max(score) AS score FROM ({" UNION ALL ".join(_BRANCHES)})
WHERE same_doc OR score >= CASE WHEN soft THEN $min_sim + $soft_margin ELSE $min_sim END
GROUP BY a, b
"""
