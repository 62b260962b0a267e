"""Dedup: merge event mentions that report the same real-world happening into ``events``.

One happening, one event, whether it is told twice in one article (a headline and its lead, a later
mention) or by several outlets. Reports agree on some things and disagree on others, so the rules *block*
on what they agree on and *tolerate* what they disagree on (``docs/tension.md``, "Dedup", has the same in prose):

Hard rules (every pair):
- the same source country and target country (the sector is ignored: ``IRNMIL`` and ``IRN`` agree); for
  the symmetric codes of the families file (04 consult, 057 sign an agreement, 19 fight) either way round;
- the same root *family* (``data/dedup_families.yaml``): a root, except that 18-20 (assault, fight, mass
  violence) are one family, because reports of one attack are coded 190, 195 or 183 alike; within a root any code
  goes (0871 with 087 or 08). A *bridge* lets a code describe a happening of another family when a pair agrees on
  what the bridge requires: a 17x coercive act with dead joins an attack on the same day, in the same place (or
  one report naming the other's town, as one under a dateline does), with the same toll and dyad (a raid coded 175 beside strikes coded 195); an agreement (05) joins the meeting (04)
  it was signed at on the same day and dyad;
- the same modality class (an asserted mention never merges with a denied, threatened or requested one), except
  across the families file's ``intent`` bridge: what two parties agreed to do (03x, planned) the day a report says
  they signed a deal (057) is that deal;
- dates in a window that respects their precision (day +-1, week +-4, no date in the text +-2; month or year
  precision: the same month or year); an undated mention merges only inside its own article;
- an act of force (QuadClass 2 or 4, or a root the families file lists as ``located``: protests, talks) is not
  merged across two different countries, nor across two named towns more than ``near_km`` apart when the two
  reports give different death tolls (other place, other victims; kept for whole events); a located root (a
  protest) is not merged across two named places more than ``max_km`` apart (kept for whole events too: a report
  placed only in "Spain" does not chain the protest in Madrid to the one in Seville); a country-wide place that is
  one of the two actors ("Iran fires missiles": place Iran) counts as no place. A dateline ("TOKYO - ...") is where the reporter was,
  not a place; when the article's structure makes it a sentence of its own, only for an act not of force with a
  foreign party (a visit filed from home), since a domestic act or an attack filed from a town most often happened
  there, unless the attacker's own country filed it ("BAKU -" above "its troops returned fire") and the sentence
  does not name the town (``dedup_sql.dateline_sql``).

Soft targets: reports of one act of force disagree on whom it hit (US bases in Iraq: ``USAMIL``, ``USA``,
``IRQ`` "by the place", ``IRNMIL`` by a misparse, or no target). A mention whose target is missing (or of no
known country: ``---``, a name no actor base knows), is the
country it happened in (for a lead without a place: its article's place), or is the source's own country while
it happened abroad (for a report with no place, a dateline abroad says so) has a *soft* target: it may
merge with a report of the same source whose target differs, when the place explains it (or the target is
missing), on a higher score. An event never holds two different non-soft dyads, and its dyad is taken
from a mention with a firm target (among soft ones, not a self-target).

Within one article the hard rules suffice (plus: the same day when both dates are exact, and no two places
more than ``max_km`` apart): an article repeats its act, it does not report two identical ones.
Across articles a pair also needs a *score* >= ``min_similarity``: the token-set Jaccard of the evidence
sentences (content words cut to 5 letters; the words naming the two actors left out), plus or minus what the
coded fields say, as GDELT keys its events on actors, code, day and place: the same place (points within
``near_km``: +; a province and a town inside it, by the town's ``place_admin1``: +), acts of force more than
``max_km`` apart (-) or in two towns a short way apart (-) unless one
report's words name the other's town ("struck Ain al-Asad and a base near Erbil": both places), the same
exact day (+) or the next one (-), the same full code (+), the same death toll when someone died (+) or
another toll (-, more when far apart), the same two countries named by both reports (+), a bridged pair (-),
and for acts a dyad seldom does twice a day (a summons, an accusation, talks, drills: not the families file's
``frequent`` roots, attacks and arrests) the same day, dyad and code (codes of one ``alike`` group agree: 112
accuse, 114 complain) or place in no two places apart (+: GDELT's event key), and the same dyad and
code on another exact day (-, as good as a hard rule: "summoned the envoy again on Thursday" is another act).
For attacks and arrests, day, code and dyad alone stay below the threshold: reports sharing no words must also agree
on a place or a toll (a dyad at war strikes several times a day).
``DedupRules`` holds the weights, tuned on the dev sets (``tests/data/dedup/tuning.yaml``, ``measured.yaml``,
``families.yaml``) and measured on ``holdout.yaml``, which they were not built on.

Pairs come from equi-joins in SQL (block + 4-day bucket), never all pairs; only the union-find over accepted
pairs runs in Python, on int nodes. Dedup keeps the connection's memory bound (a store's ``memory_limit``): when
the mentions it compares would not fit, their pairs are found and scored one share of the blocks at a time.
Merging is incremental (only mentions with ``event_id`` NULL are compared, against each other and against
the merged articles in the window of dates they can pair with), deterministic (an event's id is a hash of its
smallest mention id) and idempotent, and it does not depend on the order reports arrive in: a merged event that a new report pairs
with is *reopened* (its mentions are compared again, with the new ones), and so is every event those pair
with, until no pair reaches an event outside the reopened ones; the union-find then sees exactly the pairs
and the order a rebuild would, so an incremental history and a rebuild give the same events and ids. (The
component rules make the grouping depend on the pairs taken first: joining a new report to an event that is
kept as it was would let the report take an older one's place, or stretch an event past its span.)
Dedup decides what the rows hold; it writes them (event ids, ``events``, the daily cache) through the store's
functions (``brinkwatch.store.derived``), on the tables ``store/schema.py`` declares.
The event row takes its code and dyad from a firm target in the root most of its mentions share,
with the most specific code, then the strongest act, then confidence; its date from the most precise date and
its place from the most precise place.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from dataclasses import asdict, dataclass, replace
from typing import Any

import duckdb
import pyarrow as pa

from brinkwatch.analyze import daily
from brinkwatch.analyze.dedup_sql import (
    CANDIDATES_SQL,
    DAYS_PER_BUCKET,
    FEATURES_SQL,
    PAIRS_OF_SHARES,
    PAIRS_SQL,
    SOFT_TARGET_SQL,
    alternatives_sql,
    bridge_roots,
    dateline_sql,
)
from brinkwatch.analyze.families import Families, load_families
from brinkwatch.analyze.records import MergeResult
from brinkwatch.errors import AnalysisError
from brinkwatch.store import derived

# Modalities that describe the same state of the world merge; across classes they never do.
MODALITY_CLASSES: dict[str, str] = {
    "asserted": "occurred",
    "claimed": "occurred",
    "negated": "negated",
    "denied": "negated",
    "threatened": "threatened",
    "requested": "requested",
    "refused": "refused",
    "planned": "potential",
    "conditional": "potential",
    "hypothetical": "potential",
}
# Function words carry no information about which happening is described.
STOP_WORDS: tuple[str, ...] = (
    "the", "and", "for", "that", "with", "from", "this", "was", "were", "has", "have", "had", "its",
    "their", "his", "her", "are", "but", "not", "been", "after", "into", "over", "than", "said", "says",
    "saying", "told", "according", "also", "which", "who", "whom", "will", "would", "could", "on", "of",
    "in", "at", "by", "to", "a", "an", "is", "it", "as", "be", "or", "on", "they", "them", "there",
    "while", "when", "where", "about", "against", "per", "some", "more", "most", "other", "such",
    "any", "all", "out", "off", "under", "upon", "yesterday", "today", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "reported", "reportedly", "officials",
)
STEM_CHARS = 5  # prefix stemming: "missiles"/"missile", "voted"/"votes"; cheap and language-agnostic


@dataclass(frozen=True)
class DedupRules:
    """Thresholds and weights of the cross-article score (see the module docstring).

    Tuned on the dev sets ``tests/data/dedup/{tuning,measured,families}.yaml`` (``benchmarks/dedup_tuning.py``
    prints the sweep); the scores on them and on ``holdout.yaml`` are pinned by
    ``tests/test_analyze_dedup_corpus.py``."""

    min_similarity: float = 0.14  # score a pair of reports from two articles must reach
    soft_margin: float = 0.0  # extra score when only a soft target joins two different dyads (0 tuned best)
    max_km: float = 50.0  # acts of force farther apart lose far_penalty; in one article they are two acts
    far_penalty: float = 0.15
    near_km: float = 5.0  # two points this close are one place
    same_place_bonus: float = 0.05
    other_town_penalty: float = 0.10  # two named towns of acts of force, near_km to max_km apart
    same_day_bonus: float = 0.05  # both dates exact and equal
    other_day_penalty: float = 0.10  # both dates exact, a day apart
    same_code_bonus: float = 0.05  # the same code, or one refining the other ("171", "1711")
    same_key_bonus: float = 0.08  # not an act of force: same day, dyad, and code or place (GDELT's event key)
    other_day_key_penalty: float = 1.0  # ... the same dyad and code on another exact day: another act (as hard)
    same_toll_bonus: float = 0.08  # both give a death toll and they agree
    other_toll_penalty: float = 0.05  # both give a death toll and they differ (3 vs 1)
    killed_penalty: float = 0.15  # death tolls far apart (3 vs 12): two attacks
    same_dyad_bonus: float = 0.03  # the same two countries in the same roles, both named
    bridge_penalty: float = 0.0  # a pair across a bridge of the families file

    def params(self) -> dict[str, float]:
        return asdict(self)


DEFAULT_RULES = DedupRules()
DEFAULT_MIN_SIMILARITY = DEFAULT_RULES.min_similarity
DEFAULT_MAX_KM = DEFAULT_RULES.max_km
BULK_UPDATE_ROWS = 20_000  # above this many new ids, rebuilding the event_id index is cheaper
# Memory the pair statements take per row of _dd_f they read (its words and the joins' hash tables), as a share of
# the connection's memory_limit: above the bound, rows are scored in shares (measured on benchmarks/large_text.py
# --replay, see docs/scale.md).
SHARE_BYTES_PER_ROW = 4096

# The representative mentions of an event (the ORDER BY keys of arg_min): the code and dyad come from a firm
# target in the root most of its mentions have (an attack two reports call 195 and one a raid, 175, is a 19x;
# among soft targets, not a self-target: that is a misparse),
# with the most specific code, then the strongest act (|Goldstein|: a strike over a raid, a deal over talks),
# the date from the most precise date, the place from the most precise place.
_CODE_RANK = ("(t.soft_target, coalesce(t.target_country = t.source_country, false), -t.root_votes, "
              "-length(t.cameo_code), -abs(coalesce(t.goldstein, 0)), -t.confidence, t.mention_id)")
_DATE_RANK = ("(CASE t.date_precision WHEN 'day' THEN 0 WHEN 'week' THEN 1 WHEN 'publication' THEN 2 "
              "WHEN 'month' THEN 3 WHEN 'year' THEN 4 ELSE 5 END, -t.confidence, t.mention_id)")
_PLACE_RANK = (f"(CASE WHEN t.place_name IS NULL THEN 9 WHEN {dateline_sql('t.')} THEN 8 "
               "ELSE CASE t.place_precision WHEN 'landmark' THEN 0 "
               "WHEN 'base' THEN 0 WHEN 'airport' THEN 0 WHEN 'city' THEN 1 WHEN 'admin1' THEN 2 "
               "WHEN 'country' THEN 3 ELSE 1 END END, -t.confidence, t.mention_id)")

# The columns an event takes from each of its representative mentions (narrow structs: a mention row also
# holds its whole JSON record, which arg_min would otherwise copy for every event).
_REPRESENTATIVE = {
    "r": ("source_code", "source_country", "source_sector", "target_code", "target_country", "target_sector",
          "cameo_code", "cameo_root", "cameo_name", "goldstein", "quad_class", "plover_type", "plover_mode",
          "modality", "is_opinion", "mention_id", "evidence_text"),
    "d": ("event_date", "pub_date", "date_precision"),
    "pl": ("place_name", "place_country", "lat", "lon"),
}
_RANKS = {"r": _CODE_RANK, "d": _DATE_RANK, "pl": _PLACE_RANK}


def _struct(kind: str) -> str:
    return "struct_pack(" + ", ".join(f"{c} := t.{c}" for c in _REPRESENTATIVE[kind]) + ")"


# The rows of the touched events (in store.derived.EVENT_COLUMNS' order; the store writes them)
_AGGREGATE_SQL = f"""
WITH sizes AS (
    -- counted on the event ids alone: a window over the mentions would partition their whole rows
    SELECT event_id, count(*) AS size FROM event_mentions
    WHERE event_id IN (SELECT event_id FROM _dd_touched) GROUP BY event_id
), agg AS (
    -- most events have one mention: they need no aggregation (median and count-distinct per group are
    -- the expensive part of this query), so only events with several mentions are grouped
    SELECT event_id, {_struct("r")} AS r, {_struct("d")} AS d, {_struct("pl")} AS pl, 1 AS n, 1 AS ns, 1 AS na,
        pub_date AS fs, pub_date AS ls, least(confidence, 0.999) AS conf, killed, injured
    FROM event_mentions t WHERE event_id IN (SELECT event_id FROM sizes WHERE size = 1)
    UNION ALL
    SELECT event_id, {", ".join(f"arg_min({_struct(k)}, {_RANKS[k]})" for k in _REPRESENTATIVE)},
        count(*), count(DISTINCT coalesce(publisher, doc_id)), count(DISTINCT doc_id), min(pub_date), max(pub_date),
        -- noisy-OR over articles (the best mention of each): independent reports make the event surer, an
        -- article repeating itself does not. Summed in mention order: a parallel float sum adds in whatever
        -- order the threads finish, and two runs of one ingest gave events differing in the last bit
        1 - exp(list_sum(list(ln(1 - least(confidence, 0.999)) ORDER BY mention_id) FILTER (WHERE best_in_doc))),
        median(killed), median(injured)
    FROM (SELECT * EXCLUDE (record, numbers, attribution), {SOFT_TARGET_SQL} AS soft_target,
              count(*) OVER (PARTITION BY event_id, cameo_root) AS root_votes,
              row_number() OVER (PARTITION BY event_id, doc_id ORDER BY confidence DESC, mention_id) = 1 AS best_in_doc
          FROM event_mentions WHERE event_id IN (SELECT event_id FROM sizes WHERE size > 1)) t
    GROUP BY event_id
)
SELECT event_id, r.source_code, r.source_country, r.source_sector, r.target_code, r.target_country,
    r.target_sector, r.cameo_code, r.cameo_root, r.cameo_name, r.goldstein, r.quad_class, r.plover_type,
    r.plover_mode, r.modality, r.is_opinion, coalesce(d.event_date, d.pub_date),
    CASE WHEN d.event_date IS NOT NULL THEN d.date_precision WHEN d.pub_date IS NOT NULL THEN 'publication'
         ELSE 'unknown' END,
    pl.place_name, pl.place_country, pl.lat, pl.lon, killed, injured,
    n, ns, na, CAST(fs AS TIMESTAMP), CAST(ls AS TIMESTAMP), conf, r.mention_id, r.evidence_text
FROM agg
"""

_ID_HEX = 14


def _event_id_sql(mention_id: str) -> str:
    """SQL for the deterministic id of the event whose smallest mention id is ``mention_id``: rebuilding from
    scratch yields the same ids."""
    return f"'ev' || left(sha1({mention_id}), {_ID_HEX})"


# An event spans at most this many days between its earliest and latest exact-dated report. Each accepted
# pair only compares two reports, so without a bound a dyad with near-daily, similar reports would chain
# weeks of separate happenings into one event (seen on the 10M synthetic benchmark).
MAX_EVENT_SPAN_DAYS = 4


# A named town with coordinates and the death toll a report gives there: (name, lat, lon, killed).
Site = tuple[str, float, float, float]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _other_site(x: Site, y: Site, near_km: float) -> bool:
    """Two named towns more than ``near_km`` apart with tolls that disagree (dedup_sql's pair rule, in Python)."""
    if x[0] == y[0] or abs(x[3] - y[3]) <= max(1.0, 0.2 * max(x[3], y[3])):
        return False
    return _km(x[1], x[2], y[1], y[2]) > near_km


# A named place with coordinates of a located act of the families file (a protest, talks): (name, lat, lon).
Point = tuple[str, float, float]


def _far_points(x: Point, y: Point, max_km: float) -> bool:
    """Two named places more than ``max_km`` apart: two protests (dedup_sql's pair rule on ``listed``, in Python)."""
    return x[0] != y[0] and _km(x[1], x[2], y[1], y[2]) > max_km


# An act a dyad seldom does twice a day (not one of the families file's ``frequent`` codes), told with an
# exact day and a firm dyad: (code, day). Two of one component must not be the same act on two days.
Act = tuple[str, dt.date]


def _codes_agree(x: str, y: str) -> bool:
    """The same code, or one refining the other below the root (dedup_sql's CODE_AGREES, in Python)."""
    return x == y or (min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x)))


def _other_day(x: Act, y: Act) -> bool:
    return x[1] != y[1] and _codes_agree(x[0], y[0])


class _UnionFind:
    """Union-find whose components may not stretch over more than ``max_span`` days of exact dates, nor hold
    two different firm dyads (soft targets join a component without fixing its dyad), nor place an act of
    force in two countries, nor in two named towns with two death tolls, nor hold one act a dyad seldom repeats
    (a summons, talks: see ``Act``) on two exact days: the pair rules, kept for the whole component so no report
    chains two happenings (a report naming no town or toll, paired with the attack on one town and with another
    attack nearby, joins one of them; a week-dated report of "the summons" joins Wednesday's or Thursday's).
    Two points far apart only lower a pair's score: coders misplace reports ("an attack on Erbil" placed in
    Baghdad)."""

    def __init__(self, dates: dict[str, dt.date] | None = None, max_span: int | None = None,
                 dyads: dict[str, str] | None = None, places: dict[str, str] | None = None,
                 sites: dict[str, list[Site]] | None = None, near_km: float = 0.0,
                 acts: dict[str, list[Act]] | None = None, points: dict[str, list[Point]] | None = None,
                 max_km: float = math.inf) -> None:
        self.parent: dict[str, str] = {}
        self.dates = dates or {}
        self.max_span = max_span
        self.span: dict[str, tuple[dt.date, dt.date]] = {}
        self.keys: dict[str, dict[str, str]] = {}
        for kind, values in (("dyad", dyads or {}), ("place", places or {})):
            for node, value in values.items():
                self.keys.setdefault(node, {})[kind] = value
        self.sites: dict[str, list[Site]] = dict(sites or {})
        self.acts: dict[str, list[Act]] = dict(acts or {})
        self.points: dict[str, list[Point]] = dict(points or {})
        self.near_km = near_km
        self.max_km = max_km

    def _span(self, root: str) -> tuple[dt.date, dt.date] | None:
        if root in self.span:
            return self.span[root]
        day = self.dates.get(root)
        return (day, day) if day is not None else None

    def find(self, x: str) -> str:
        parent = self.parent
        root = parent.setdefault(x, x)
        while root != parent[root]:
            root = parent[root]
        while parent[x] != root:  # path compression keeps chains short on big blocks
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ka, kb = self.keys.get(ra, {}), self.keys.get(rb, {})
        if any(kind in kb and kb[kind] != value for kind, value in ka.items()):
            return False  # two firm dyads, or two countries: two happenings, whatever a report in between says
        if any(_other_site(x, y, self.near_km) for x in self.sites.get(ra, ()) for y in self.sites.get(rb, ())):
            return False  # other town, other victims
        if any(_other_day(x, y) for x in self.acts.get(ra, ()) for y in self.acts.get(rb, ())):
            return False  # "summoned again on Thursday": the same act on another day
        if any(_far_points(x, y, self.max_km) for x in self.points.get(ra, ()) for y in self.points.get(rb, ())):
            return False  # a protest in Madrid and one in Seville, joined through a report placed in "Spain"
        sa, sb = self._span(ra), self._span(rb)
        joined = sa or sb
        if sa and sb:
            joined = (min(sa[0], sb[0]), max(sa[1], sb[1]))
            if self.max_span is not None and (joined[1] - joined[0]).days > self.max_span:
                return False  # joining would chain two happenings days apart
        keep, drop = min(ra, rb), max(ra, rb)
        self.parent[drop] = keep
        if joined is not None:
            self.span[keep] = joined
        if ka or kb:
            self.keys[keep] = {**ka, **kb}
        for lists in (self.sites, self.acts, self.points):
            if drop in lists:
                lists[keep] = lists.get(keep, []) + lists.pop(drop)
        return True


def family_sql(column: str = "cameo_root", families: Families | None = None) -> str:
    """SQL giving a root's family key (the first root of its family, else the root itself)."""
    families = families or load_families()
    groups: dict[str, list[str]] = {}
    for root, key in sorted(families.family_of.items()):
        groups.setdefault(key, []).append(root)
    cases = " ".join(f"WHEN {column} IN ({', '.join(repr(r) for r in roots)}) THEN '{key}'"
                     for key, roots in groups.items())
    return f"CASE {cases} ELSE {column} END" if cases else column


def _sql_list(values: tuple[str, ...] | list[str]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")" if values else "(NULL)"


def _code_prefixes_sql(codes: tuple[str, ...], column: str = "code") -> str:
    """SQL that is true when ``column`` starts with one of ``codes`` (false when there are none)."""
    return "(" + " OR ".join(f"starts_with({column}, '{c}')" for c in codes) + ")" if codes else "false"


def _alike_sql(groups: tuple[tuple[str, ...], ...], column: str = "cameo_code") -> str:
    """SQL giving the code an act's key compares: the first code of its ``alike`` group, else the code."""
    cases = " ".join(f"WHEN {_code_prefixes_sql(group, column)} THEN '{group[0]}'" for group in groups)
    return f"CASE {cases} ELSE {column} END" if cases else column


# A mention still to be merged: one with no event yet, or one of an event reopened by this merge.
_PENDING = "event_id IS NULL"
_REOPENED = "(event_id IS NULL OR event_id IN (SELECT event_id FROM _dd_reopened))"

# Merged mentions a pending one may pair with lie in a window of dates around the pending ones: an exact date
# pairs within 4 days (the widest window, a week-precision date; WINDOW_DAYS keeps a margin), a month- or year-
# dated mention with any mention of its year, an undated one only inside its own article. An incremental merge
# reads the features of the merged articles with a mention in that window only (whole articles, so what an
# article's mentions share is what a rebuild computes), not of the whole history: a day's news merged into years
# of it reads a fortnight. (SQL over event_mentions columns, filled with the pending predicate.)
WINDOW_DAYS = 8
_DATES_SQL = """SELECT coalesce(event_date, pub_date) AS d,
    event_date IS NOT NULL AND coalesce(date_precision, '') IN ('month', 'year') AS coarse, doc_id
    FROM event_mentions WHERE {pending}"""
_WINDOW_SQL = f"""CREATE OR REPLACE TEMP TABLE _dd_window AS
    SELECT min(d) FILTER (WHERE NOT coarse) - {WINDOW_DAYS} AS lo, max(d) FILTER (WHERE NOT coarse) + {WINDOW_DAYS} AS hi,
        coalesce(list(DISTINCT year(d)) FILTER (WHERE d IS NOT NULL), []) AS years,
        coalesce(list(DISTINCT year(d)) FILTER (WHERE coarse), []) AS coarse_years
    FROM ({_DATES_SQL})"""
_WINDOW_DOCS_SQL = f"""CREATE OR REPLACE TEMP TABLE _dd_window_docs AS
    SELECT DISTINCT doc_id FROM ({_DATES_SQL.format(pending="event_id IS NOT NULL")}) m, _dd_window w
    WHERE m.d BETWEEN w.lo AND w.hi OR list_contains(w.coarse_years, year(m.d))
        OR (m.coarse AND list_contains(w.years, year(m.d)))
    UNION SELECT DISTINCT doc_id FROM event_mentions WHERE {{pending}}"""
# The reopened mentions lie inside the window the features were read for (else they are read again).
_INSIDE_WINDOW_SQL = f"""SELECT coalesce(bool_and(CASE WHEN m.d IS NULL THEN true
        WHEN m.coarse THEN list_contains(w.coarse_years, year(m.d))
        ELSE m.d BETWEEN w.lo + {WINDOW_DAYS} AND w.hi - {WINDOW_DAYS} AND list_contains(w.years, year(m.d)) END), true)
    FROM ({_DATES_SQL.format(pending="event_id IN (SELECT event_id FROM _dd_reopened)")}) m, _dd_window w"""


def _build_features(con: duckdb.DuckDBPyConnection, families: Families, reopened: bool = False) -> set[str]:
    """Features (``_dd_f``) of pending mentions and of merged mentions in their families; returns the family
    keys whose mentions it holds."""
    mod_cases = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in MODALITY_CLASSES.items())
    family = family_sql(families=families)
    pending_sql = _REOPENED if reopened else _PENDING  # (the plain test is cheaper on a fresh ingest)
    # merged mentions matter only in families where something is pending, or across a bridge from one
    pending = {k for (k,) in con.sql(f"SELECT DISTINCT {family} FROM event_mentions WHERE {pending_sql}")
               .fetchall() if k is not None}
    included = families.related(pending)
    con.execute(_WINDOW_SQL.format(pending=pending_sql))
    (merged,) = con.execute(f"SELECT count(*) FROM (SELECT 1 FROM event_mentions WHERE NOT {pending_sql} LIMIT 1)"
                            ).fetchall()[0]
    if merged:
        con.execute(_WINDOW_DOCS_SQL.format(pending=pending_sql))
        where = (f"{pending_sql} OR ({family} IN {_sql_list(sorted(included))} "
                 "AND doc_id IN (SELECT doc_id FROM _dd_window_docs))")
    else:  # a fresh ingest: every mention is pending
        where = pending_sql
    con.execute(FEATURES_SQL.format(mod_cases=mod_cases, symmetric=_code_prefixes_sql(families.symmetric),
                                    where=where, pending=pending_sql, stem=STEM_CHARS, family=family,
                                    dateline=dateline_sql(),
                                    bucket_days=DAYS_PER_BUCKET, located=_sql_list(families.located),
                                    frequent=_code_prefixes_sql(families.frequent, "cameo_code"),
                                    alike=_alike_sql(families.alike),
                                    alternatives=alternatives_sql(families.bridges),
                                    bridge_roots=bridge_roots(families.bridges)), {"stop": list(STOP_WORDS)})
    return included


def _score_pairs(con: duckdb.DuckDBPyConnection, rules: DedupRules) -> None:
    """Candidate pairs of the pending rows of ``_dd_f`` (``_dd_cand``), then the accepted ones (``_dd_pairs``)."""
    params = rules.params()
    params["min_sim"] = params.pop("min_similarity")
    # Candidates and scored pairs are found one share of the rows at a time (see dedup_sql._SHARE), as many shares
    # as keep one pass's joins within the connection's memory bound; one share when they fit
    (rows,) = con.execute("SELECT count(*) FROM _dd_f").fetchall()[0]
    parts = max(1, math.ceil(rows * SHARE_BYTES_PER_ROW / _memory_limit_bytes(con)))
    target = "_dd_pairs" if parts == 1 else "_dd_share_pairs"
    con.execute(f"CREATE OR REPLACE TEMP TABLE {target} (a VARCHAR, b VARCHAR, score DOUBLE)")
    insert = "INSERT INTO _dd_pairs " if parts == 1 else "INSERT INTO _dd_share_pairs "  # (temp tables, named)
    for part in range(parts):
        con.execute(CANDIDATES_SQL, {"parts": parts, "part": part})
        con.execute(insert + PAIRS_SQL, {**params, "parts": parts, "part": part})
    if parts > 1:
        con.execute(PAIRS_OF_SHARES)


def _memory_limit_bytes(con: duckdb.DuckDBPyConnection) -> float:
    """The connection's DuckDB memory bound in bytes (``current_setting`` gives e.g. '366.2 MiB')."""
    (text,) = con.execute("SELECT current_setting('memory_limit')").fetchall()[0]
    number, _, unit = text.partition(" ")
    scale = {"bytes": 1, "KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40, "KB": 10**3, "MB": 10**6,
             "GB": 10**9, "TB": 10**12}
    return float(number) * scale.get(unit, 1)


def _holds_reopened(con: duckdb.DuckDBPyConnection, families: Families, included: set[str]) -> bool:
    """Whether ``_dd_f`` holds every mention the reopened ones may pair with (their families' related ones, in the
    window of dates around them: their own dates must lie inside the window it was read for)."""
    (inside,) = con.execute(_INSIDE_WINDOW_SQL).fetchall()[0]
    if not inside:
        return False
    keys = {k for (k,) in con.sql(f"""SELECT DISTINCT {family_sql(families=families)} FROM event_mentions
             WHERE event_id IN (SELECT event_id FROM _dd_reopened)""").fetchall() if k is not None}
    return families.related(keys) <= included


def _pairs_to_closure(con: duckdb.DuckDBPyConnection, rules: DedupRules, families: Families) -> int:
    """Accepted pairs of the pending mentions, with every merged event they reach reopened (its mentions pending
    again), until no pair reaches a merged event: the pairs are then those a rebuild sees among these mentions.
    Returns the number of reopened events (their ids are in ``_dd_reopened``)."""
    con.execute("CREATE OR REPLACE TEMP TABLE _dd_reopened (event_id VARCHAR)")
    included = _build_features(con, families)
    reopened = 0
    while True:
        _score_pairs(con, rules)
        (found,) = con.execute("""INSERT INTO _dd_reopened SELECT DISTINCT event_id FROM _dd_f
            WHERE NOT pending AND mention_id IN (SELECT a FROM _dd_pairs UNION SELECT b FROM _dd_pairs)""").fetchall()[0]
        if not found:
            return reopened
        reopened += found
        if _holds_reopened(con, families, included):
            # _dd_f already holds every mention the reopened ones may pair with: flag them, do not read again
            con.execute("UPDATE _dd_f SET pending = true WHERE event_id IN (SELECT event_id FROM _dd_reopened)")
        else:
            included = _build_features(con, families, reopened=True)


# A located act at a named town with a toll: the component rule on sites (see _UnionFind) applies to it.
_SITE = "loc AND pt AND pname IS NOT NULL AND killed IS NOT NULL"
# An act a dyad seldom repeats, with an exact day and a firm dyad: the component rule on acts applies to it.
_ACT = "NOT often AND prec = 'day' AND sk IS NULL AND hard_dyad IS NOT NULL AND tc <> ''"
# A located act of the families file (a protest, talks) at a named point: the component rule on points applies.
_POINT = "listed AND pt AND pname IS NOT NULL"


# The union-find's nodes are ints, not mention ids (a long ingest pairs hundreds of thousands of mentions, and
# their ids as Python strings cost several times their ints): paired mentions are numbered in the order of their
# ids (_dd_nodes), so the smallest node is the smallest id and pairs sort as they would by id.
_NODES_SQL = f"""CREATE OR REPLACE TEMP TABLE _dd_nodes AS
    SELECT CAST(row_number() OVER (ORDER BY mention_id) - 1 AS INTEGER) AS node, * FROM (
        SELECT mention_id, any_value(eff_date) FILTER (WHERE NOT coarse) AS day,
            any_value(hard_dyad) FILTER (WHERE sk IS NULL) AS dyad, any_value(pc) FILTER (WHERE loc) AS place,
            any_value((pname, lat, lon, killed)) FILTER (WHERE {_SITE}) AS site,
            any_value((code, eff_date)) FILTER (WHERE {_ACT}) AS act,
            any_value((pname, lat, lon)) FILTER (WHERE {_POINT}) AS point
        FROM _dd_f WHERE mention_id IN (SELECT a FROM _dd_pairs UNION SELECT b FROM _dd_pairs)
        GROUP BY mention_id)"""
# Closest dates first, so a component grows around its core rather than along a chain; then best *support*: the
# pair's score plus, for each mention both are paired with, the weaker of those two pairs (a report that fits two
# components the pair rules keep apart joins the one more of its reports agree with, not the one a single shared
# word favours: "Georgians protested in the capital" pairs with the Batumi dockers' protest at 0.20 and with three
# reports of the Tbilisi rally at 0.19 each); then ids. (Sorted and streamed by DuckDB: a Python list of every pair
# would hold them all at once.)
_SORTED_PAIRS_SQL = """WITH ends AS (
        SELECT a AS m, b AS o, score FROM _dd_pairs UNION ALL SELECT b, a, score FROM _dd_pairs
    ), shared AS (
        -- driven by the pairs (each pair reads its first mention's pairs), not by every two pairs of a mention
        SELECT p.a, p.b, sum(least(x.score, y.score)) AS extra
        FROM _dd_pairs p JOIN ends x ON x.m = p.a JOIN ends y ON y.m = p.b AND y.o = x.o GROUP BY ALL
    )
    SELECT x.node, y.node FROM _dd_pairs p
    JOIN _dd_nodes x ON x.mention_id = p.a JOIN _dd_nodes y ON y.mention_id = p.b
    LEFT JOIN shared s ON s.a = p.a AND s.b = p.b
    ORDER BY coalesce(abs(x.day - y.day), 2147483647), p.score + coalesce(s.extra, 0) DESC, x.node, y.node"""
_FETCH_ROWS = 100_000


def _union_find(con: duckdb.DuckDBPyConnection, near_km: float, max_km: float) -> _UnionFind:
    """Union-find over the accepted pairs only (most mentions have none: SQL handles those), on the nodes of
    ``_dd_nodes``. Every paired mention is pending (``_pairs_to_closure`` reopened the events they reach)."""
    con.execute(_NODES_SQL)
    dates: dict[int, dt.date] = {}
    dyads: dict[int, str] = {}
    places: dict[int, str] = {}
    sites: dict[int, list[Site]] = {}
    acts: dict[int, list[Act]] = {}
    points: dict[int, list[Point]] = {}
    nodes = 0
    rows = con.execute("SELECT node, day, dyad, place, site, act, point FROM _dd_nodes ORDER BY node")
    while batch := rows.fetchmany(_FETCH_ROWS):
        for m, d, h, c, site, act, point in batch:
            if d is not None:
                dates[m] = d
            if h is not None:
                dyads[m] = sys.intern(h)  # a few dyads and countries, shared by many nodes
            if c is not None:
                places[m] = sys.intern(c)
            if site is not None:
                sites[m] = [tuple(site)]
            if act is not None:
                acts[m] = [tuple(act)]
            if point is not None:
                points[m] = [tuple(point)]
            nodes += 1
    uf = _UnionFind(dates, MAX_EVENT_SPAN_DAYS, dyads, places, sites, near_km, acts, points, max_km)
    for node in range(nodes):
        uf.find(node)
    pairs = con.execute(_SORTED_PAIRS_SQL)
    while batch := pairs.fetchmany(_FETCH_ROWS):
        for a, b in batch:
            uf.union(a, b)
    return uf


def _assign(con: duckdb.DuckDBPyConnection, near_km: float, max_km: float) -> tuple[int, int]:
    """Fill _dd_updates (mention -> event) and _dd_touched (the events written: new ones and reopened ones);
    returns (updates, touched)."""
    uf = _union_find(con, near_km, max_km)
    # a component's id comes from its smallest mention id, the mention of its smallest node (see _NODES_SQL)
    roots = pa.array([uf.find(node) for node in range(len(uf.parent))], pa.int32())
    _register_temp(con, "_dd_node_roots", pa.table({"node": pa.array(range(len(roots)), pa.int32()), "root": roots}))
    con.execute(f"""CREATE OR REPLACE TEMP TABLE _dd_updates AS
        SELECT n.mention_id, {_event_id_sql('first.mention_id')} AS event_id
        FROM _dd_node_roots r JOIN _dd_nodes n USING (node)
        JOIN (SELECT root, min(node) AS first_node FROM _dd_node_roots GROUP BY root) f USING (root)
        JOIN _dd_nodes first ON first.node = f.first_node""")
    (paired,) = con.execute("SELECT count(*) FROM _dd_updates").fetchall()[0]
    # a pending mention with no accepted pair is an event of its own (the same id rule)
    # (kept in SQL: on a long ingest they are most mentions, and a Python list of them would cost memory)
    con.execute(f"""CREATE OR REPLACE TEMP TABLE _dd_singles AS
        SELECT DISTINCT mention_id, {_event_id_sql('mention_id')} AS event_id FROM _dd_f
        WHERE pending AND mention_id NOT IN (SELECT mention_id FROM _dd_updates)""")
    singles = con.execute("INSERT INTO _dd_updates SELECT mention_id, event_id FROM _dd_singles").fetchall()[0][0]
    # reopened events are written again (a reopened id that no group takes any more is deleted)
    con.execute("""CREATE OR REPLACE TEMP TABLE _dd_touched AS
        SELECT DISTINCT event_id FROM _dd_updates UNION SELECT event_id FROM _dd_reopened""")
    (touched,) = con.execute("SELECT count(*) FROM _dd_touched").fetchall()[0]
    return paired + singles, touched


def _write(con: duckdb.DuckDBPyConnection, n_touched: int) -> None:
    """Write new event ids, refresh the touched events and the daily cache, all or nothing (through the store)."""
    consistent = daily.cache_state(con).usable
    with derived.write_transaction(con):
        daily.snapshot_keys(con, "_dd_touched")
        derived.set_event_ids(con, "_dd_updates")
        derived.replace_events(con, "_dd_touched", _AGGREGATE_SQL)
        daily.refresh_daily(con, "_dd_touched", n_touched, consistent_before=consistent)


def _register_temp(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    con.register(f"{name}_view", table)
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {name}_view")
    finally:
        con.unregister(f"{name}_view")


def merge_new(con: duckdb.DuckDBPyConnection, *, rules: DedupRules = DEFAULT_RULES,
              min_similarity: float | None = None, max_km: float | None = None,
              families: Families | None = None) -> MergeResult:
    """Give every mention with a NULL ``event_id`` an event, and refresh the touched ``events`` rows.

    ``min_similarity`` and ``max_km`` override those fields of ``rules``; ``families`` replaces the bundled
    families file (``load_families(path)`` reads a user's own)."""
    overrides = {k: v for k, v in (("min_similarity", min_similarity), ("max_km", max_km)) if v is not None}
    rules = replace(rules, **overrides) if overrides else rules
    (pending,) = con.execute("SELECT count(*) FROM event_mentions WHERE event_id IS NULL").fetchall()[0]
    if not pending:
        return MergeResult(mentions_merged=0, events_created=0, events_updated=0)
    index_sql: str | None = None
    # No statement of dedup relies on the order rows were inserted in (every order it uses is explicit), and
    # keeping that order makes DuckDB buffer whole results of its parallel CREATE TABLE AS: under a memory bound
    # (Store.memory_limit) the final merge of a long ingest ran out of memory there.
    (insertion_order,) = con.execute("SELECT current_setting('preserve_insertion_order')").fetchall()[0]
    con.execute("SET preserve_insertion_order = false")
    try:
        reopened = _pairs_to_closure(con, rules, families or load_families())
        n_updates, n_touched = _assign(con, rules.near_km, rules.max_km)
        (created,) = con.execute("SELECT count(DISTINCT event_id) FROM _dd_updates "
                                 "WHERE event_id NOT IN (SELECT event_id FROM _dd_reopened)").fetchall()[0]
        if n_updates >= BULK_UPDATE_ROWS:
            # DuckDB rewrites an indexed column as delete + insert (~100x slower on disk than in place), and
            # DDL inside the transaction does not avoid it: drop the index before, build it again after.
            index_sql = derived.drop_event_index(con)
        _write(con, n_touched)
    except duckdb.Error as exc:
        raise AnalysisError(f"dedup failed: {exc}") from exc
    finally:
        derived.restore_index(con, index_sql)
        for name in ("_dd_f", "_dd_window", "_dd_window_docs", "_dd_cand", "_dd_share_pairs", "_dd_pairs", "_dd_nodes", "_dd_node_roots",
                     "_dd_updates", "_dd_singles", "_dd_reopened", "_dd_touched", "_daily_keys"):
            con.execute(f"DROP TABLE IF EXISTS {name}")
        con.execute(f"SET preserve_insertion_order = {'true' if insertion_order else 'false'}")
    # reopened events count as updated, also when their mentions now belong to another event
    return MergeResult(mentions_merged=pending, events_created=created, events_updated=reopened)


def rebuild(con: duckdb.DuckDBPyConnection, **kwargs: Any) -> MergeResult:
    """Forget every merge and dedup all mentions from scratch (same ids as an incremental history)."""
    index_sql = derived.drop_event_index(con)  # see merge_new: bulk updates of an indexed column are slow
    try:
        with derived.write_transaction(con):
            derived.forget_merges(con)
            daily.rebuild_daily(con)
        return merge_new(con, **kwargs)
    finally:
        derived.restore_index(con, index_sql)
