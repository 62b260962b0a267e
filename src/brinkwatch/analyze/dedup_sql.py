"""The SQL of dedup: mention features, candidate pairs with their score, and the merged ``events`` rows.

``dedup.py`` explains the rules and runs these statements; they are kept apart so each rule reads as one
predicate or one term of the score. Placeholders: ``{...}`` are filled from ``DedupRules`` and the module's
tables when the statement is built, ``$name`` are query parameters.
"""

from __future__ import annotations

# Exact-date mentions meet in buckets of this many days and their neighbours: at least the widest date window
# (a week-precision date, +-4 days), so the two dates of any pair in a window are at most one bucket apart;
# no wider, since every pair the buckets bring together is checked and a 7-day bucket brought 60% more.
DAYS_PER_BUCKET = 4

# A soft target (see dedup.py): missing (or of no known country: "---"); or, for an act of force, the country it happened in, or the source's
# own country while it happened abroad. Over event_mentions columns; FEATURES_SQL computes the same as ``sk``.
SOFT_TARGET_SQL = """((target_country IS NULL AND starts_with(coalesce(target_code, '---'), '---'))
    OR (quad_class = 4 AND (target_country = place_country
        OR (target_country = source_country AND place_country <> source_country))))"""



# Roots of force: an act of force filed from a town ("KHARKIV - Russian glide bombs hit ...") most often happened there.
_FORCE_ROOTS = "('15', '17', '18', '19', '20')"


def dateline_sql(alias: str = "") -> str:
    """True when the mention's place is the article's dateline ("TOKYO - ...", "BAKU, Jan 5 -"): where the
    reporter was, not where it happened (the coder takes it as the place of the first sentence's events).
    The evidence starts with it when the dateline opens the sentence. When the article's structure makes the
    dateline a sentence of its own ("NEW DELHI -" above "Modi left for Japan ..."), the place is written in
    capitals outside the evidence (a town named in the body is not in capitals; a headline in capitals holds its
    own place in its evidence); such a dateline is taken for where the reporter was only for an act that is not
    one of force and has a foreign party (a visit filed from home, an expulsion reported from the other capital):
    a domestic protest or arrest, or an attack, filed from a town most often happened there. The exception is an
    act of force on a foreign (or unnamed) party filed from the attacker's own country, the town not named in the
    sentence ("BAKU -" above "Azerbaijan's defence ministry said its troops returned fire"): the ministry spoke
    there; the shots fell elsewhere."""
    a = alias
    written = (f"{a}place_text = upper({a}place_text) AND {a}place_text <> lower({a}place_text) "
               f"AND NOT contains({a}evidence_text, {a}place_text)")
    split = (f"{a}cameo_root NOT IN {_FORCE_ROOTS} AND ({a}target_country IS DISTINCT FROM {a}source_country "
             f"OR {a}place_country IS DISTINCT FROM {a}source_country)")
    # an act of force on a foreign (or unnamed) party filed from the attacker's own country ("BAKU - Azerbaijan's
    # troops returned fire ...", "ANKARA - Turkish jets struck PKK shelters ..."): the dateline is where its
    # ministry spoke, not where the shots fell (the town is not named in the sentence, in any case)
    attacker = (f"{a}cameo_root IN {_FORCE_ROOTS} AND {a}place_country = {a}source_country "
                f"AND {a}target_country IS DISTINCT FROM {a}source_country "
                f"AND NOT contains(lower({a}evidence_text), lower({a}place_text))")
    return (f"coalesce(starts_with({a}evidence_text, upper({a}place_name)) "
            f"OR ({written} AND (({split}) OR ({attacker}))), false)")


# A word's ending off before it is cut to its first letters (FEATURES_SQL): "bombed", "bombing" and "bombs" are
# one word, as "missiles" and "missile" were; cut to five letters, "bombed" was "bombe" and "bombs" "bomb".
_STEM_CASE = ("CASE WHEN length(x) >= 6 AND suffix(x, 'ing') THEN left(x, length(x) - 3) "
              "WHEN length(x) >= 5 AND suffix(x, 'ed') THEN left(x, length(x) - 2) "
              "WHEN suffix(x, 's') THEN left(x, length(x) - 1) ELSE x END")


# One row per mention considered (pending ones, and merged ones of the same families), with what pairs need.
# A mention of a symmetric code ("A and B clashed", "A met B") gets one row per orientation of its dyad, and a
# bridged code one more row per family it bridges into. Every step reads the one before it once, so DuckDB
# streams the rows through instead of materialising wide intermediate tables; the cheap per-mention columns are
# computed twice (``located`` feeds both the per-article aggregate and the rows), which costs less than
# materialising them with the words.
FEATURES_SQL = """
CREATE OR REPLACE TEMP TABLE _dd_f AS
WITH base AS NOT MATERIALIZED (
    SELECT mention_id, event_id, {pending} AS pending, doc_id, cameo_root AS root, cameo_code AS code,
        {family} AS fam, quad_class AS quad,
        coalesce(source_country, source_code, '') AS sc,
        -- a target of no known country ("---", "---GOV": a name no actor base knows) is as good as none
        CASE WHEN target_country IS NULL AND starts_with(coalesce(target_code, '---'), '---') THEN ''
             ELSE coalesce(target_country, target_code) END AS tc,
        coalesce(event_date, pub_date) AS eff_date,
        CASE WHEN coalesce(event_date, pub_date) IS NULL THEN 'undated' WHEN event_date IS NULL THEN 'unknown'
             ELSE coalesce(date_precision, 'unknown') END AS prec,
        CASE modality {mod_cases} END AS mod_class,
        -- a dateline ("TOKYO - ...") is where the reporter was, not where it happened: no place
        place_name IS NOT NULL AND {dateline} AS dateline, place_country, place_precision AS pprec, place_name,
        place_admin1,
        -- where it happened tells happenings apart for material acts and for the roots the families file lists
        quad_class IN (2, 4) OR cameo_root IN {located} AS loc, cameo_root IN {located} AS listed,
        -- acts a dyad does several times a day (attacks, arrests): their day, dyad and code make no key
        {frequent} AS often,
        -- the code the key of a non-frequent act compares: codes of one ``alike`` group tell one act
        {alike} AS kcode,
        lat AS raw_lat, lon AS raw_lon, killed, evidence_text, source_text, target_text
    FROM event_mentions
    WHERE {where}
), located AS NOT MATERIALIZED (
    SELECT * EXCLUDE (place_country, raw_lat, raw_lon, place_name, place_admin1),
        -- the province it happened in: a province's own name, or the province a town lies in ("Sinjar" lies in
        -- "Nineveh": a report naming the town and one naming only the province tell of one place)
        CASE WHEN NOT dateline THEN CASE WHEN pprec = 'admin1' THEN place_name ELSE place_admin1 END END AS adm,
        NOT dateline AND pprec = 'admin1' AS area,
        CASE WHEN NOT dateline THEN place_country END AS raw_pc, CASE WHEN NOT dateline THEN place_name END AS pname,
        CASE WHEN dateline THEN place_country END AS dl_pc,
        CASE WHEN NOT dateline THEN raw_lat END AS lat, CASE WHEN NOT dateline THEN raw_lon END AS lon,
        -- a point: a town, base or landmark with coordinates (a country's or province's centroid is not one)
        NOT dateline AND raw_lat IS NOT NULL AND raw_lon IS NOT NULL
            AND coalesce(pprec, '') NOT IN ('country', 'admin1') AS pt,
        -- a country-wide place that is one of the two actors ("Iran fires...": place Iran) says nothing
        CASE WHEN dateline OR (pprec = 'country' AND place_country IN (sc, tc)) THEN NULL ELSE place_country END
            AS pc
    FROM base
), several AS (
    -- (found on the keys alone first: most mentions are alone in theirs)
    SELECT doc_id, fam, sc FROM base GROUP BY ALL HAVING count(*) > 1
), shared AS (
    -- within one article, a mention without a place or an exact date (a headline, a later mention) takes
    -- them from the other mentions of the same source and family when those agree on one
    SELECT doc_id, fam, sc,
        CASE WHEN min(pc) = max(pc) THEN max(pc) END AS i_pc,
        CASE WHEN min(lat) FILTER (WHERE pt) = max(lat) FILTER (WHERE pt)
              AND min(lon) FILTER (WHERE pt) = max(lon) FILTER (WHERE pt) THEN max(lat) FILTER (WHERE pt) END AS i_lat,
        max(lon) FILTER (WHERE pt) AS i_lon,
        CASE WHEN min(eff_date) FILTER (WHERE prec = 'day') = max(eff_date) FILTER (WHERE prec = 'day')
             THEN max(eff_date) FILTER (WHERE prec = 'day') END AS i_day
    FROM located SEMI JOIN several USING (doc_id, fam, sc) GROUP BY ALL
), doc_day AS (
    -- a mention dated only by its publication (a headline: "India downs drone from Pakistan") tells of the day its
    -- article's exact-dated mentions give, when they give one, whatever root the coder gave each: a headline
    -- restates its body (without it, a headline dated "publication +-2 days" chains the next day's reverse act)
    -- (one pass over the mentions' keys)
    SELECT doc_id, min(eff_date) FILTER (WHERE prec = 'day') AS d_day FROM base
    GROUP BY doc_id HAVING bool_or(prec IN ('publication', 'unknown'))
        AND min(eff_date) FILTER (WHERE prec = 'day') = max(eff_date) FILTER (WHERE prec = 'day')
), article AS NOT MATERIALIZED (
    SELECT l.* EXCLUDE (pc, pt, lat, lon, eff_date, prec, evidence_text, source_text, target_text, dl_pc),
        coalesce(pc, i_pc) AS pc, pt OR i_lat IS NOT NULL AS pt,
        CASE WHEN pt THEN lat ELSE coalesce(i_lat, lat) END AS lat,
        CASE WHEN pt THEN lon WHEN i_lat IS NOT NULL THEN i_lon ELSE lon END AS lon,
        CASE WHEN prec <> 'day' AND eff_date IS NOT NULL AND i_day IS NOT NULL THEN i_day
             WHEN prec IN ('publication', 'unknown') AND d_day IS NOT NULL AND abs(date_diff('day', d_day, eff_date)) <= 2 THEN d_day ELSE eff_date END AS eff_date,
        CASE WHEN prec <> 'day' AND eff_date IS NOT NULL AND i_day IS NOT NULL THEN 'day'
             WHEN prec IN ('publication', 'unknown') AND d_day IS NOT NULL AND abs(date_diff('day', d_day, eff_date)) <= 2 THEN 'day' ELSE prec END AS prec,
        -- soft target: reports disagree on whom an act of force hit, so where it happened stands in for it
        -- (a lead without a place takes its article's: "Iran fired missiles at two Iraqi bases" under a
        -- headline placed in Iraq has the host country as target); a self-target of a report with no place but a
        -- dateline abroad ("BAGHDAD - Tehran's barrage against the Guards' enemies": IRN -> IRN) is a misparse,
        -- and the dateline's country stands in for it (SOFT_TARGET_SQL reads the dateline as the place too)
        CASE WHEN tc = '' THEN '*'
             WHEN quad = 4 AND tc = coalesce(raw_pc, i_pc) THEN tc
             WHEN quad = 4 AND tc = sc AND coalesce(raw_pc, i_pc, dl_pc) <> sc THEN coalesce(raw_pc, i_pc, dl_pc)
        END AS sk,
        -- the pair of countries (either order: orientation is the pair rules' business) an event holds one of
        least(sc, tc) || '|' || greatest(sc, tc) AS hard_dyad,
        regexp_split_to_array(lower(evidence_text), '[^a-z0-9]+') AS words,
        regexp_split_to_array(lower(concat_ws(' ', source_text, target_text)), '[^a-z0-9]+') AS actor_words
    FROM located l LEFT JOIN shared USING (doc_id, fam, sc) LEFT JOIN doc_day USING (doc_id)
), worded AS NOT MATERIALIZED (
    -- content words of the evidence: no stop words, no words naming the two actors (the block fixes them);
    -- plural "s", past "ed" and "ing" off (leaving three letters or more), then the first {stem} letters:
    -- "missiles"/"missile", "bases"/"base", "bombed"/"bombs"/"bombing", "killed"/"kills". (The actor words are
    -- split once per mention above: inside the lambda they would be split again for every word.)
    SELECT * EXCLUDE (words, actor_words),
        list_distinct(list_transform(
            list_filter(words, lambda x: length(x) >= 3 AND NOT list_contains($stop, x)
                                         AND NOT list_contains(actor_words, x)),
            lambda x: left(STEM_CASE, {stem}))) AS toks,
        -- the words of its town, cut as the evidence's are (a report naming the other report's town: NAMED)
        CASE WHEN pt AND pname IS NOT NULL THEN list_distinct(list_transform(
            list_filter(regexp_split_to_array(lower(pname), '[^a-z0-9]+'),
                        lambda x: length(x) >= 3 AND NOT list_contains($stop, x)),
            lambda x: left(STEM_CASE, {stem}))) END AS ptoks,
        -- a symmetric code ("A and B clashed", "A met B", "A and B signed a deal") is compared either way round
        {symmetric} AND tc <> '' AND tc <> sc AS two_ways
    FROM article
), expanded AS (
    -- one row per (family, orientation) the mention is compared in: its own family as told; then, for the few
    -- mentions that have more (``worded`` is read again for those only, their words computed again rather than
    -- every mention's kept), the other orientation and each family a bridge of the families file lets its code
    -- describe, with what a pair across the bridge must agree on
    SELECT * EXCLUDE (two_ways), CAST(NULL AS VARCHAR) AS need, false AS flip FROM worded
    UNION ALL BY NAME
    SELECT * EXCLUDE (fam, two_ways, alt), alt.fam AS fam, alt.need AS need, alt.flip AS flip
    FROM (SELECT *, unnest({alternatives}) AS alt FROM worded WHERE two_ways OR root IN {bridge_roots})
)
SELECT mention_id, event_id, pending, doc_id, code, fam, quad, sc, tc, eff_date, prec, mod_class, raw_pc,
    pc, pt, lat, lon, killed, sk, hard_dyad, adm, area,
    CASE WHEN flip THEN tc ELSE sc END AS k1, CASE WHEN flip THEN sc ELSE tc END AS k2, flip,
    -- every way of meeting joins on the family and the first key: pairs are scored one share of these at a time
    hash(fam, CASE WHEN flip THEN tc ELSE sc END) AS blk,
    loc, listed, often, kcode, pname, need,
    CASE prec WHEN 'day' THEN 1 WHEN 'week' THEN 4 ELSE 2 END AS tol,
    prec IN ('month', 'year') AS coarse,
    -- the date as a day number: pairs compare integers, and exact-date pairs meet in buckets of DAYS_PER_BUCKET
    -- days (at least the widest window, so a pair's buckets are at most one apart)
    CAST(date_diff('day', DATE '1970-01-05', eff_date) AS INTEGER) AS dn,
    CAST(date_diff('day', DATE '1970-01-05', eff_date) // {bucket_days} AS INTEGER) AS bucket,
    year(eff_date) AS yr, month(eff_date) AS mon, toks, ptoks
FROM expanded
""".replace("STEM_CASE", _STEM_CASE)


def _alternative(family: str, need: str | None, flip: bool) -> str:
    need_sql = f"'{need}'" if need else "CAST(NULL AS VARCHAR)"
    return f"{{'fam': {family}, 'need': {need_sql}, 'flip': {str(flip).lower()}}}"


def alternatives_sql(bridges: tuple[tuple[str, str, frozenset[str]], ...]) -> str:
    """The list of the other (family, requirements, flip) a row of FEATURES_SQL's ``worded`` is compared in
    besides its own family as told: the other orientation when ``two_ways``, and each bridge whose own side its
    code meets, both ways round when ``two_ways`` (a code never bridges into its own family; the loader refuses
    two bridges of one code into one family)."""

    def flipped(family: str, need: str | None) -> str:
        return f"CASE WHEN two_ways THEN [{_alternative(family, need, True)}] ELSE [] END"

    parts = [flipped("fam", None)]
    for code, key, requires in bridges:
        # only a mention that meets its own side of the requirements gets a row: a pair needs both sides to
        own_side = " AND ".join(_OWN_SIDE[need] for need in sorted(requires))
        condition = f"root = '{code[:2]}' AND starts_with(code, '{code}') AND fam <> '{key}' AND {own_side}"
        need = ",".join(sorted(requires))
        parts.append(f"CASE WHEN {condition} THEN list_concat([{_alternative(repr(key), need, False)}], "
                     f"{flipped(repr(key), need)}) ELSE [] END")
    return parts[0] if len(parts) == 1 else f"flatten([{', '.join(parts)}])"


def bridge_roots(bridges: tuple[tuple[str, str, frozenset[str]], ...]) -> str:
    """The roots of bridged codes, as an SQL list (FEATURES_SQL looks for more rows only in those and symmetric ones)."""
    return "(" + ", ".join(sorted({f"'{code[:2]}'" for code, _, _ in bridges})) + ")" if bridges else "(NULL)"


# What one mention must have for each requirement of a bridge (the pair rules check the rest).
# (a report under a dateline may name the town in its words: "YANGON - ... the killing of villagers in Kanbalu")
_OWN_SIDE = {"same_day": "prec = 'day'", "same_place": "(pc IS NOT NULL OR dateline)", "same_toll": "killed IS NOT NULL",
             "same_dyad": "tc <> ''", "intent": "mod_class = 'potential'"}


# Great-circle distance between the two places (RAWKM where both are known to be points; KM is NULL otherwise).
_RAW_KM = """2 * 6371.0 * asin(sqrt(pow(sin(radians(c.lat - p.lat) / 2), 2)
        + cos(radians(p.lat)) * cos(radians(c.lat)) * pow(sin(radians(c.lon - p.lon) / 2), 2)))"""
_KM = f"CASE WHEN p.pt AND c.pt THEN {_RAW_KM} END"

# What every pair must satisfy (p = pending side, c = candidate side). Dates: a window that respects
# precision; month/year-precision dates only have to share the month/year; an undated mention pairs only
# inside its own article; inside one article, two day-precision dates must be the same day.
_HARD = """
    -- one modality class; across an ``intent`` bridge the bridged side is intended and the other done
    (p.mod_class = c.mod_class OR coalesce(contains(coalesce(p.need, c.need), 'intent') AND (p.need IS NULL) <> (c.need IS NULL)
        AND CASE WHEN p.need IS NULL THEN p.mod_class ELSE c.mod_class END = 'occurred', false))
    AND p.fam = c.fam
    AND CASE
        WHEN p.dn IS NULL OR c.dn IS NULL THEN p.doc_id = c.doc_id
        WHEN p.prec = 'year' OR c.prec = 'year' THEN p.yr = c.yr
        WHEN p.coarse OR c.coarse THEN p.yr = c.yr AND p.mon = c.mon
        WHEN p.doc_id = c.doc_id AND p.prec = 'day' AND c.prec = 'day' THEN p.dn = c.dn
        ELSE abs(p.dn - c.dn) <= greatest(p.tol, c.tol) END
    -- an act of force in two different countries is two acts (verbal acts carry a dateline, not a place)
    AND NOT ((p.loc OR c.loc) AND p.pc IS NOT NULL AND c.pc IS NOT NULL AND p.pc <> c.pc)
    -- every bridge requires one day: pairs across a bridge that are not of one day go no further (cheap here,
    -- while the other requirements are checked on the candidates)
    AND (p.need IS NULL AND c.need IS NULL OR p.dn = c.dn)
"""

# Hard rules checked on the candidate pairs only, not inside the joins (there they cost a third of the join
# time on the 1M benchmark): distances between two points, and what a pair across a bridge must agree on.
_PAIR_RULES = """
    CASE WHEN p.pt AND c.pt THEN
        -- two distant places named in one article are two acts
        NOT (p.doc_id = c.doc_id AND RAWKM > $max_km)
        -- two named towns and two death tolls: other place, other victims (a toll may grow, a town does not move)
        AND NOT coalesce((p.loc OR c.loc) AND RAWKM > $near_km AND p.pname <> c.pname AND NOT TOLL_AGREES, false)
        -- a protest (a root the families file lists as located) in two named places far apart is two protests;
        -- acts of force far apart only lose score (a wave of strikes hits several towns; coders misplace reports)
        AND NOT coalesce((p.listed OR c.listed) AND RAWKM > $max_km AND p.pname <> c.pname, false)
        ELSE true END
    -- across a bridge (two families, see the families file) only what both reports agree on joins them
    AND CASE WHEN p.need IS NOT NULL OR c.need IS NOT NULL THEN (p.need IS NULL OR c.need IS NULL)
        AND (NOT contains(coalesce(p.need, c.need), 'same_dyad') OR SAME_DYAD)
        AND (NOT contains(coalesce(p.need, c.need), 'same_day')
             OR (p.prec = 'day' AND c.prec = 'day' AND p.dn = c.dn))
        AND (NOT contains(coalesce(p.need, c.need), 'same_place')
             OR (p.pc IS NOT NULL AND p.pc = c.pc AND coalesce(KM <= $max_km, true))
             -- or one report names the other's town (a report under a dateline names where it happened)
             OR (NAMED AND coalesce(p.pc = c.pc, true)))
        AND (NOT contains(coalesce(p.need, c.need), 'same_toll') OR coalesce(TOLL_AGREES, false))
        ELSE true END
"""

# The evidence that two reports tell one happening: shared content words, plus what their coded fields agree
# (or clearly disagree) on. Weights are DedupRules fields (tuned on tests/data/dedup/tuning.yaml).
_SCORE = """
    len(list_intersect(p.toks, c.toks)) / greatest(1, len(list_distinct(list_concat(p.toks, c.toks))))
    -- (one report naming the other's town, "struck Ain al-Asad and a base near Erbil" beside "attacked American
    -- forces in Erbil", tells of both places: neither far nor another town)
    + CASE WHEN KM > $near_km AND (p.loc OR c.loc) AND NAMED THEN 0
           WHEN KM > $max_km AND (p.loc OR c.loc) THEN -$far_penalty
           WHEN KM <= $near_km THEN $same_place_bonus
           -- a province and a town inside it (or the province twice): the same place, told less precisely
           WHEN (p.area OR c.area) AND p.adm = c.adm THEN $same_place_bonus
           -- two towns a short way apart ("Tyre", "Bint Jbeil"): two acts unless the words say otherwise
           WHEN KM > $near_km AND (p.loc OR c.loc) AND p.pname <> c.pname THEN -$other_town_penalty ELSE 0 END
    + CASE WHEN p.prec <> 'day' OR c.prec <> 'day' THEN 0
           WHEN p.dn = c.dn THEN $same_day_bonus ELSE -$other_day_penalty END
    + CASE WHEN CODE_AGREES THEN $same_code_bonus ELSE 0 END
    -- an act a dyad seldom does twice a day (a summons, an accusation, talks, drills: not an attack or an arrest,
    -- the families file's ``frequent`` roots), told by both with the same exact day and the same two countries,
    -- and the same code or the same place, in no two places apart: the key GDELT counts one event by (an attack
    -- happens several times a day and needs words, a place or a toll besides)
    -- (and the same act of that dyad on another exact day is another happening: "summoned again on Thursday")
    + CASE WHEN p.often OR c.often OR p.prec <> 'day' OR c.prec <> 'day' OR NOT SAME_DYAD THEN 0
           WHEN p.dn = c.dn AND coalesce(KM <= $near_km, KEY_CODE_AGREES) THEN $same_key_bonus
           WHEN p.dn <> c.dn AND CODE_AGREES THEN -$other_day_key_penalty ELSE 0 END
    -- two reports that someone died, with the same toll (two "no one was killed" say little: most acts kill no one)
    + CASE WHEN p.killed IS NULL OR c.killed IS NULL THEN 0
           WHEN TOLL_AGREES THEN CASE WHEN greatest(p.killed, c.killed) > 0 THEN $same_toll_bonus ELSE 0 END
           WHEN greatest(p.killed, c.killed) >= 3 * least(p.killed, c.killed) + 2 THEN -$killed_penalty
           ELSE -$other_toll_penalty END
    -- the same two countries in the same roles, both named by the reports
    + CASE WHEN SAME_DYAD THEN $same_dyad_bonus ELSE 0 END
    - CASE WHEN p.need IS NOT NULL OR c.need IS NOT NULL THEN $bridge_penalty ELSE 0 END
"""

# Two death tolls that tell the same story: equal, within one, or within a fifth of the larger.
_TOLL_AGREES = "(abs(p.killed - c.killed) <= greatest(1, 0.2 * greatest(p.killed, c.killed)))"


# The same two countries, both named (a missing target is not "the same"; a target that is the country it
# happened in is, when both reports name it), in the same roles or, for a symmetric root, swapped.
_SAME_DYAD = "(p.k1 = c.k1 AND p.k2 = c.k2 AND p.k2 <> '')"


# The same code, or one refining the other below the root ("171" seize and "1711" confiscate property; a bare
# root "19" of a headline says too little to agree with "195").
_CODE_AGREES = """(p.code = c.code OR (least(length(p.code), length(c.code)) >= 3
    AND (starts_with(p.code, c.code) OR starts_with(c.code, p.code))))"""


# For the key of a non-frequent act, a code "not specified below" (three digits ending in 0: "150", "040") also
# agrees with the codes of its root ("152" drills, "043" a visit): one outlet tells the act less precisely; and
# codes of one ``alike`` group of the families file agree ("112" accuse and "114" complain officially: one protest);
# and so do the two codes of a pair across a bridge, which says they may tell one act (a deal signed, 057, and what
# the parties agreed to do, 03x; the talks it was signed at, 04).
_KEY_CODE_AGREES = """(CODE_AGREES OR p.kcode = c.kcode OR p.need IS NOT NULL OR c.need IS NOT NULL
    OR (length(c.code) = 3 AND suffix(c.code, '0') AND starts_with(p.code, left(c.code, 2)))
    OR (length(p.code) = 3 AND suffix(p.code, '0') AND starts_with(c.code, left(p.code, 2))))"""


# One report's words name the other's town (every word of the town's name, cut as the words are).
_NAMED = """(coalesce(len(c.ptoks) > 0 AND list_has_all(p.toks, c.ptoks), false)
    OR coalesce(len(p.ptoks) > 0 AND list_has_all(c.toks, p.ptoks), false))"""


def _fill(sql: str) -> str:
    return (sql.replace("NAMED", _NAMED).replace("TOLL_AGREES", _TOLL_AGREES).replace("SAME_DYAD", _SAME_DYAD)
            .replace("KEY_CODE_AGREES", _KEY_CODE_AGREES).replace("CODE_AGREES", _CODE_AGREES)
            .replace("RAWKM", f"({_RAW_KM})").replace("KM", f"({_KM})"))

# A target one side's place (or missing target) explains: see "soft target" in FEATURES_SQL.
_SOFT_MATCH = """((p.sk IS NOT NULL AND (p.sk = '*' OR p.sk = c.raw_pc))
         OR (c.sk IS NOT NULL AND (c.sk = '*' OR c.sk = p.raw_pc)))"""


def _branch(source: str, *, soft: str) -> str:
    """One way of meeting: ``source`` is the FROM/JOIN/WHERE text giving p and c; the hard rules are added.
    A pair keeps the row ids of both rows (each a mention in one orientation and family), so the score finds
    them again by one integer each."""
    return f"""
    SELECT p.rid AS pr, c.rid AS cr, {soft} AS soft
    {source} AND {_fill(_HARD)}"""


# The share of _dd_f's rows one pass of CANDIDATES_SQL and PAIRS_SQL reads: those whose (family, first key) hash
# to ``$part`` of ``$parts``. Every way of meeting joins on both, so the pairs of one share are all among its rows.
_SHARE = "blk % $parts = $part"


def _rows(where: str = "true") -> str:
    """The rows of _dd_f in this pass's share meeting ``where``, with their row id."""
    return f"(SELECT rowid AS rid, * FROM _dd_f WHERE {_SHARE} AND {where})"


_PENDING_EXACT = ("(SELECT rowid AS rid, *, unnest([bucket - 1, bucket, bucket + 1]) AS jb FROM _dd_f "
                  f"WHERE {_SHARE} AND pending AND NOT coarse)")

# Candidate pairs, one SELECT per way of meeting: each is an equi-join, so a million mentions never become a
# million squared pairs. A pair is accepted inside one article on the hard rules alone; across articles its
# score must reach the threshold (higher when the dyads differ and only a soft target joins them).
_BRANCHES = [
    _branch(f"""FROM {_PENDING_EXACT} p
    JOIN {_rows("NOT coarse")} c
      ON c.k1 = p.k1 AND c.k2 = p.k2 AND c.fam = p.fam AND c.bucket = p.jb
    WHERE (NOT c.pending OR c.mention_id > p.mention_id)""", soft="false"),
    _branch(f"""FROM {_rows("pending AND coarse")} p
    JOIN {_rows()} c ON c.k1 = p.k1 AND c.k2 = p.k2 AND c.fam = p.fam AND c.yr = p.yr
    WHERE c.mention_id <> p.mention_id""", soft="false"),
    _branch(f"""FROM {_rows("pending AND NOT coarse")} p
    JOIN {_rows("coarse")} c ON c.k1 = p.k1 AND c.k2 = p.k2 AND c.fam = p.fam AND c.yr = p.yr
    WHERE true""", soft="false"),
    # soft target on the pending side: a missing target meets any target, a place-derived one the targets
    # of reports placed in that country
    _branch(f"""FROM (SELECT * FROM {_PENDING_EXACT} WHERE sk IS NOT NULL) p
    JOIN {_rows("NOT coarse")} c ON c.k1 = p.k1 AND c.fam = p.fam AND c.bucket = p.jb
      AND (p.sk = '*' OR c.raw_pc = p.sk)
    -- (both ways round when both are soft: each side's soft target is matched against the other's place)
    WHERE c.k2 <> p.k2""", soft="true"),
    # ... and on the candidate side
    _branch(f"""FROM {_PENDING_EXACT} p
    JOIN {_rows("NOT coarse AND sk IS NOT NULL")} c
      ON c.k1 = p.k1 AND c.fam = p.fam AND c.bucket = p.jb AND (c.sk = '*' OR p.raw_pc = c.sk)
    WHERE c.k2 <> p.k2 AND (NOT c.pending OR p.sk IS NULL)""", soft="true"),
    _branch(f"""FROM {_rows("pending")} p
    JOIN {_rows()} c ON c.doc_id = p.doc_id AND c.fam = p.fam AND c.k1 = p.k1 AND c.mention_id <> p.mention_id
    WHERE (c.k2 = p.k2 OR {_SOFT_MATCH})""", soft="c.k2 <> p.k2"),
]
CANDIDATES_SQL = f"""
CREATE OR REPLACE TEMP TABLE _dd_cand AS {" UNION ALL ".join(_BRANCHES)}
"""

# The score is computed only for pairs that passed the hard rules (list operations are the costly part, and a
# filter on the score would otherwise be pushed down to every pair the joins produce). One share's pairs: a
# mention has a row per orientation and family, so one pair of mentions may be found in several shares, and
# PAIRS_OF_SHARES keeps its best score when there were several.
PAIRS_SQL = f"""
SELECT a, b, max(score) AS score FROM (
    SELECT p.mention_id AS a, c.mention_id AS b, p.doc_id = c.doc_id AS same_doc, x.soft, {_fill(_SCORE)} AS score
    FROM _dd_cand x
    JOIN {_rows()} p ON p.rid = x.pr
    JOIN {_rows()} c ON c.rid = x.cr
    WHERE {_fill(_PAIR_RULES)}
)
WHERE same_doc OR score >= CASE WHEN soft THEN $min_sim + $soft_margin ELSE $min_sim END
GROUP BY a, b
"""
PAIRS_OF_SHARES = """
CREATE OR REPLACE TEMP TABLE _dd_pairs AS SELECT a, b, max(score) AS score FROM _dd_share_pairs GROUP BY a, b
"""
