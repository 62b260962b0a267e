"""Evaluation against gold sets: loading, scoring, confidence bands and error analysis.

Usage: ``report = evaluate(load_gold(path), coder)``; ``report.to_json()``; CLI ``brinkwatch evaluate``.

Matching rules (per corpus, micro-averaged over all sentences of that corpus):

- **Predictions that count.** Events with modality ``negated`` or ``hypothetical`` are not claims that the
  event happened and are dropped before scoring (other modalities, e.g. ``threatened``, count: the CAMEO
  code already says "threaten"). Against PLOVER-coded gold, events whose CAMEO code has no PLOVER-2016
  type (root 01 statements) are left out too: the gold could never contain them.
- **Actors.** Country = first three characters of the actor code, upper-cased, legacy CAMEO codes mapped
  to ISO (JAP->JPN, ROM->ROU, MTN->MNE, WSB/GZS->PSE, ...; ``data/actor_codes.yaml``). A missing
  predicted actor counts as the unknown actor ``---``. A gold ``---`` therefore matches a predicted
  ``---`` or a missing actor, and nothing else: the gold says "someone without a country", and guessing
  a country is wrong. A gold side of ``null`` (PLOVER records with no target) is a wildcard matching any
  predicted side: the gold makes no claim there, and CAMEO coders must always name a target.
- **Symmetric records.** PLOVER markup ``SRC/TAR`` ("Jordan and Britain agreed") accepts either direction.
- **Compound records.** PLOVER gold keeps only the first of several sources/targets ("aid for Romania and
  Poland" -> ROU). In such sentences (markup with ``SRC/TAR`` or several ``SRC:``/``TAR:`` spans), an
  unmatched prediction of the right type that shares a named actor with a gold event is *excused*:
  neither a true nor a false positive.
- **Levels.** ``dyad_root``: (source country, target country, CAMEO root), or for gold without CAMEO the
  PLOVER-2016 type of the predicted code (via ``Ontology.plover2016``). ``full``: Phoenix/CAMEO gold
  compares country + the first code after it (``IRQGOVMIL`` -> IRQ+GOV, ``IGOUNOMIL`` -> IGO+UNO) and the
  full CAMEO code; PLOVER gold compares country + sector (``CVLalb`` -> CVL, ``***`` -> none) with the
  predicted country + first CAMEO role code in its code (``IGONATMIL`` -> IGO+MIL, ``IGOUNO`` -> IGO+none)
  and the PLOVER-2016 type.
- **One-to-one.** Within a sentence, each gold event matches at most one prediction and vice versa
  (maximum bipartite matching; equal to the multiset intersection when no wildcard is involved).
- **no_event_accuracy**: share of gold sentences with ``events: []`` for which no prediction counts.
- Precision, recall or F1 with an empty denominator is reported as 0.0.
- **Confidence bands** [0,0.5) [0.5,0.7) [0.7,0.85) [0.85,1]: dyad_root precision of the counted,
  non-excused predictions whose confidence falls in the band, all corpora pooled.
- **Gold events that did not happen** ("no talks were held", modality negated/hypothetical in the gold) are
  left out of the lenient scores, as such predictions are.
- **Strict** scores (``CorpusScores.strict``, ``strict_*`` in ``flat()``) drop every leniency above: all
  predictions count whatever their modality or code, gold and prediction must agree on whether the event
  happened, a gold ``null`` side matches only a missing or unknown predicted side, and nothing is excused.
- **Whole articles**: ``brinkwatch.evaluate.articles`` (every sentence of annotated articles, core happenings).
- **Errors** (dyad_root level): see ``brinkwatch.evaluate.diagnosis``.
"""

from brinkwatch.evaluate.articles import (
    ArticleGold,
    ArticleReport,
    ExpectedEvent,
    evaluate_articles,
    is_article_set,
    load_articles,
)
from brinkwatch.evaluate.codes import ActorCodes, ActorKey
from brinkwatch.evaluate.diagnosis import CAUSES, ErrorCase
from brinkwatch.evaluate.gold import GoldEvent, GoldSentence, document_ids, gold_digest, load_gold
from brinkwatch.evaluate.matching import LEVELS, NON_OCCURRING, Matcher, Prediction
from brinkwatch.evaluate.report import (
    BAND_EDGES,
    ConfidenceBand,
    CorpusScores,
    Counts,
    EvalReport,
    EventCoder,
    evaluate,
    plover2016_lookup,
    score,
)

__all__ = [
    "ArticleGold", "ArticleReport", "ExpectedEvent", "evaluate_articles", "is_article_set", "load_articles",
    "ActorCodes", "ActorKey", "BAND_EDGES", "CAUSES", "ConfidenceBand", "CorpusScores", "Counts", "ErrorCase",
    "EvalReport", "EventCoder", "GoldEvent", "GoldSentence", "LEVELS", "Matcher", "NON_OCCURRING", "Prediction",
    "document_ids", "evaluate", "gold_digest", "load_gold", "plover2016_lookup", "score",
]  # fmt: skip
