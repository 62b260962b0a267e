"""Every matching rule of brinkwatch.evaluate, on hand-built gold sentences and predicted events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import pytest

from brinkwatch.evaluate import (
    ActorCodes,
    GoldEvent,
    GoldSentence,
    evaluate,
    plover2016_lookup,
    score,
)
from brinkwatch.model import Actor, Article, Cameo, CodedDocument, Event, Evidence, Plover


@pytest.fixture(scope="session")
def lookup():
    return plover2016_lookup()


@pytest.fixture(scope="session")
def codes() -> ActorCodes:
    return ActorCodes.load()


def ev(
    source: str | None,
    target: str | None,
    code: str,
    *,
    confidence: float = 0.9,
    modality: str = "asserted",
    pattern: str = "pat.test",
) -> Event:
    def actor(c: str | None) -> Actor | None:
        return None if c is None else Actor(code=c, text=c)

    return Event(
        event_id=f"{source}-{target}-{code}", doc_id="d", sentence_index=0,
        source=actor(source), target=actor(target),
        cameo=Cameo(code=code, root=code[:2], name="test"), goldstein=None, quad_class=1,
        plover=Plover(type=None), modality=modality,
        evidence=Evidence(text="x", start=0, end=1, trigger_start=0, trigger_end=1),
        pattern=pattern, confidence=confidence,
    )  # fmt: skip


def petr(sid: str, *events: tuple[str | None, str | None, str], corpus: str = "petr2_gsr") -> GoldSentence:
    return GoldSentence(
        id=sid, corpus=corpus, text=f"text of {sid}",
        events=tuple(GoldEvent(source=s, target=t, cameo=c) for s, t, c in events),
    )  # fmt: skip


def plover(sid: str, *events: dict, markup: str | None = None) -> GoldSentence:
    return GoldSentence(
        id=sid, corpus="plover_gsr", text=f"text of {sid}", markup=markup,
        events=tuple(GoldEvent(**event) for event in events),
    )  # fmt: skip


def run(gold, predictions, codes, lookup):
    return score(gold, predictions, codes=codes, plover2016=lookup)


def counts(report, corpus="petr2_gsr", level="dyad_root"):
    c = report.per_corpus[corpus].levels[level]
    return c.tp, c.fp, c.fn, c.excused


# --- actors -------------------------------------------------------------------------------------
def test_legacy_country_codes_are_mapped(codes):
    assert codes.country("JAP") == "JPN"
    assert codes.country("ROMGOV") == "ROU"
    assert codes.country("GZS") == "PSE"
    assert codes.country("---REB") == "---"
    assert codes.country(None) == "---"


def test_gold_legacy_code_matches_iso_prediction(codes, lookup):
    gold = [petr("s1", ("IGO", "JAP", "030"))]
    report = run(gold, {"s1": [ev("IGOAPE", "JPN", "031")]}, codes, lookup)
    assert counts(report) == (1, 0, 0, 0)


def test_dyad_root_compares_country_and_root_only(codes, lookup):
    gold = [petr("s1", ("IRQGOVMIL", "SYRGOV", "040"))]
    report = run(gold, {"s1": [ev("IRQ", "SYRREB", "046")]}, codes, lookup)
    assert counts(report, level="dyad_root") == (1, 0, 0, 0)
    assert counts(report, level="full") == (0, 1, 1, 0)


def test_full_level_uses_country_plus_first_code_and_full_cameo(codes, lookup):
    gold = [petr("s1", ("IRQGOVMIL", "PSEREBHMSGOV", "0211"))]
    right = run(gold, {"s1": [ev("IRQGOV", "PSEREB", "0211")]}, codes, lookup)
    assert counts(right, level="full") == (1, 0, 0, 0)
    wrong_sector = run(gold, {"s1": [ev("IRQMIL", "PSEREB", "0211")]}, codes, lookup)
    assert counts(wrong_sector, level="full") == (0, 1, 1, 0)
    wrong_leaf = run(gold, {"s1": [ev("IRQGOV", "PSEREB", "021")]}, codes, lookup)
    assert counts(wrong_leaf, level="full") == (0, 1, 1, 0)
    assert counts(wrong_leaf, level="dyad_root") == (1, 0, 0, 0)


def test_unknown_gold_actor_matches_unknown_or_missing_prediction_only(codes, lookup):
    gold = [petr("s1", ("IGOCOPITP", "---", "036"))]
    assert counts(run(gold, {"s1": [ev("IGOCOP", "---", "036")]}, codes, lookup)) == (1, 0, 0, 0)
    assert counts(run(gold, {"s1": [ev("IGOCOP", None, "036")]}, codes, lookup)) == (1, 0, 0, 0)
    assert counts(run(gold, {"s1": [ev("IGOCOP", "UKR", "036")]}, codes, lookup)) == (0, 1, 1, 0)


def test_unknown_country_with_sector_at_full_level(codes, lookup):
    gold = [petr("s1", ("---REB", "MYSBUS", "194"))]
    assert counts(run(gold, {"s1": [ev("---REB", "MYSBUS", "194")]}, codes, lookup), level="full") == (
        1,
        0,
        0,
        0,
    )
    # A missing actor is the bare unknown actor: right country (unknown), but no REB sector.
    assert counts(run(gold, {"s1": [ev(None, "MYSBUS", "194")]}, codes, lookup), level="full") == (0, 1, 1, 0)


# --- PLOVER gold --------------------------------------------------------------------------------
def test_plover_gold_compares_plover2016_type_of_predicted_code(codes, lookup):
    gold = [plover("p1", {"source": "USA", "target": "IRQ", "plover": "FIGHT"})]
    assert counts(run(gold, {"p1": [ev("USA", "IRQ", "193")]}, codes, lookup), "plover_gsr") == (1, 0, 0, 0)
    # 191 (blockade) is COERCE in PLOVER-2016, although it sits under CAMEO root 19.
    assert counts(run(gold, {"p1": [ev("USA", "IRQ", "191")]}, codes, lookup), "plover_gsr") == (0, 1, 1, 0)


def test_null_gold_target_is_a_wildcard(codes, lookup):
    gold = [plover("p1", {"source": "KGZ", "source_sector": "ELI", "target": None, "plover": "AGREE"})]
    for target in (None, "KGZ", "RUSGOV"):
        report = run(gold, {"p1": [ev("KGZELI", target, "030")]}, codes, lookup)
        assert counts(report, "plover_gsr") == (1, 0, 0, 0), target
        assert counts(report, "plover_gsr", "full") == (1, 0, 0, 0), target


def test_plover_full_level_compares_country_and_role_sector(codes, lookup):
    gold = [
        plover("a", {"source": "IGO", "source_sector": "MIL", "target": "BIH", "plover": "AID"}),
        plover("b", {"source": "MIL", "target": "ALB", "target_sector": "CVLalb", "plover": "COERCE"}),
        plover("c", {"source": "IGO", "target": "IRQ", "target_sector": "***", "plover": "DEMAND"}),
        plover("d", {"source": "NGO", "source_sector": "JUD", "target": "LBY", "target_sector": "CIV",
                     "plover": "INVESTIGATE"}),
    ]  # fmt: skip
    preds = {
        "a": [ev("IGONATMIL", "BIH", "074")],  # known group NAT skipped, MIL is the first role code
        "b": [ev("MIL", "ALBCVL", "173")],
        "c": [ev("IGOUNO", "IRQ", "100")],  # UNO is not a role: IGO with no sector, like the gold
        "d": [ev("NGOJUD", "LBYCVL", "090")],  # CIV in the gold is CAMEO's CVL
    }
    assert counts(run(gold, preds, codes, lookup), "plover_gsr", "full") == (4, 0, 0, 0)
    wrong = {"a": [ev("IGONAT", "BIH", "074")]}
    assert counts(run(gold[:1], wrong, codes, lookup), "plover_gsr", "full") == (0, 1, 1, 0)


def test_symmetric_markup_accepts_either_direction_and_excuses_the_mirror(codes, lookup):
    gold = [
        plover(
            "p1", {"source": "JOR", "target": None, "plover": "AGREE"},
            markup="(SRC/TAR: Jordan) and (SRC/TAR: Britain) have (EVT: agreed) to undertake exercises.",
        )
    ]  # fmt: skip
    assert counts(run(gold, {"p1": [ev("GBR", "JOR", "030")]}, codes, lookup), "plover_gsr") == (1, 0, 0, 0)
    both = {"p1": [ev("JOR", "GBR", "030"), ev("GBR", "JOR", "030")]}
    assert counts(run(gold, both, codes, lookup), "plover_gsr") == (1, 0, 0, 1)
    unrelated = {"p1": [ev("FRA", "DEU", "030")]}
    assert counts(run(gold, unrelated, codes, lookup), "plover_gsr") == (0, 1, 1, 0)


def test_direction_matters_without_symmetric_markup(codes, lookup):
    gold = [
        plover("p1", {"source": "LBY", "target": "GBR", "plover": "AGREE"}, markup="(SRC: Libya) (TAR: UK)")
    ]
    assert counts(run(gold, {"p1": [ev("GBR", "LBY", "030")]}, codes, lookup), "plover_gsr") == (0, 1, 1, 0)


def test_compound_target_extra_event_is_excused(codes, lookup):
    gold = [
        plover(
            "p1", {"source": "IGO", "target": "ROM", "plover": "AGREE"},
            markup="(SRC: European Community) (EVT: agreed) aid for (TAR: Romania) and (TAR: Poland).",
        )
    ]  # fmt: skip
    preds = {"p1": [ev("IGOEEC", "ROU", "033"), ev("IGOEEC", "POL", "033"), ev("IGOEEC", "POL", "111")]}
    # POL/AGREE shares the named source: excused. POL/DISAPPROVE has the wrong type: a false positive.
    assert counts(run(gold, preds, codes, lookup), "plover_gsr") == (1, 1, 0, 1)


def test_statement_codes_do_not_count_against_plover_gold_but_do_against_cameo_gold(codes, lookup):
    plover_gold = [plover("p1", {"source": "ISR", "target": "PSE", "plover": "COERCE"})]
    preds = {"p1": [ev("ISR", "PSE", "173"), ev("ISR", None, "010")]}
    report = run(plover_gold, preds, codes, lookup)
    assert counts(report, "plover_gsr") == (1, 0, 0, 0)
    assert report.per_corpus["plover_gsr"].predicted_events == 1
    cameo_gold = [petr("s1", ("ISR", "PSE", "173"))]
    assert counts(run(cameo_gold, {"s1": preds["p1"]}, codes, lookup)) == (1, 1, 0, 0)


# --- predictions --------------------------------------------------------------------------------
def test_negated_and_hypothetical_events_are_not_predictions(codes, lookup):
    gold = [petr("s1", ("USA", "RUS", "190")), petr("s2")]
    preds = {
        "s1": [ev("USA", "RUS", "190", modality="negated")],
        "s2": [ev("USA", "RUS", "190", modality="hypothetical")],
    }
    report = run(gold, preds, codes, lookup)
    assert counts(report) == (0, 0, 1, 0)
    assert report.per_corpus["petr2_gsr"].no_event_accuracy == 1.0


def test_threatened_and_claimed_events_count(codes, lookup):
    gold = [petr("s1", ("USA", "CHE", "138"))]
    for modality in ("threatened", "claimed", "planned"):
        report = run(gold, {"s1": [ev("USAGOV", "CHE", "138", modality=modality)]}, codes, lookup)
        assert counts(report) == (1, 0, 0, 0), modality


def test_matching_is_one_to_one(codes, lookup):
    gold = [petr("s1", ("USA", "RUS", "040"), ("USA", "RUS", "040"))]
    assert counts(run(gold, {"s1": [ev("USA", "RUS", "040")]}, codes, lookup)) == (1, 0, 1, 0)
    two = {"s1": [ev("USA", "RUS", "040")] * 3}
    assert counts(run(gold, two, codes, lookup)) == (2, 1, 0, 0)


def test_matching_finds_the_best_assignment_with_wildcards(codes, lookup):
    # Gold A (target wildcard) could take either prediction; a greedy pass giving it USA->RUS would leave
    # gold B unmatched. The maximum matching pairs A with USA->CHN and B with USA->RUS.
    gold = [
        plover("p1", {"source": "USA", "target": None, "plover": "CONSULT"},
               {"source": "USA", "target": "RUS", "plover": "CONSULT"})
    ]  # fmt: skip
    preds = {"p1": [ev("USA", "RUS", "040"), ev("USA", "CHN", "040")]}
    assert counts(run(gold, preds, codes, lookup), "plover_gsr") == (2, 0, 0, 0)


def test_no_event_accuracy_and_missing_documents(codes, lookup):
    gold = [petr("s1"), petr("s2"), petr("s3", ("USA", "IRQ", "015"))]
    report = run(gold, {"s2": [ev("USA", "IRQ", "015")]}, codes, lookup)
    scores = report.per_corpus["petr2_gsr"]
    assert (scores.no_event_sentences, scores.no_event_correct) == (2, 1)
    assert scores.no_event_accuracy == 0.5
    assert counts(report) == (0, 1, 1, 0)


def test_scores_are_micro_averaged_per_corpus(codes, lookup):
    gold = [
        petr("s1", ("USA", "IRQ", "015"), ("USA", "IRN", "015")),
        petr("s2", ("RUS", "UKR", "190")),
        petr("x1", ("FRA", "DEU", "040"), corpus="other"),
    ]
    preds = {"s1": [ev("USA", "IRQ", "015"), ev("USA", "SYR", "015")], "s2": [ev("RUS", "UKR", "190")]}
    report = run(gold, preds, codes, lookup)
    c = report.per_corpus["petr2_gsr"].levels["dyad_root"]
    assert (c.tp, c.fp, c.fn) == (2, 1, 1)
    assert (
        c.precision == pytest.approx(2 / 3)
        and c.recall == pytest.approx(2 / 3)
        and c.f1 == pytest.approx(2 / 3)
    )
    assert report.per_corpus["other"].levels["dyad_root"].fn == 1
    flat = report.per_corpus["petr2_gsr"].flat()
    assert flat["dyad_root_f1"] == pytest.approx(2 / 3)
    assert "no_event_accuracy" not in flat and "full_f1" in flat


# --- confidence bands -----------------------------------------------------------------------------
def test_confidence_bands_split_predictions_at_their_lower_bounds(codes, lookup):
    gold = [petr("s1", ("USA", "IRQ", "015"), ("USA", "IRN", "015"), ("USA", "SYR", "015"))]
    preds = {
        "s1": [
            ev("USA", "IRQ", "015", confidence=1.0),
            ev("USA", "IRN", "015", confidence=0.85),
            ev("USA", "SYR", "015", confidence=0.5),
            ev("USA", "CHN", "015", confidence=0.49),
            ev("USA", "PAK", "015", confidence=0.7),
        ]
    }
    bands = run(gold, preds, codes, lookup).confidence_bands
    assert [(b.label, b.predicted, b.correct) for b in bands] == [
        ("[0, 0.5)", 1, 0), ("[0.5, 0.7)", 1, 1), ("[0.7, 0.85)", 1, 0), ("[0.85, 1]", 2, 2),
    ]  # fmt: skip
    assert bands[3].precision == 1.0 and bands[0].precision == 0.0


# --- error causes ---------------------------------------------------------------------------------
def causes(report):
    return sorted((case.kind, case.cause) for case in report.errors)


def test_error_causes(codes, lookup):
    def one(gold_event, predicted):
        return causes(run([petr("s1", gold_event)], {"s1": predicted}, codes, lookup))

    assert one(("USA", "IRQ", "190"), []) == [("false_negative", "no_trigger")]
    assert one(("USA", "IRQ", "190"), [ev("USA", "IRQ", "111")]) == [
        ("false_negative", "wrong_code"), ("false_positive", "wrong_code")]  # fmt: skip
    assert one(("USA", "IRQ", "190"), [ev("GBR", "IRQ", "193")]) == [
        ("false_negative", "wrong_source"), ("false_positive", "wrong_source")]  # fmt: skip
    assert one(("USA", "IRQ", "190"), [ev("USA", "SYR", "193")]) == [
        ("false_negative", "wrong_target"), ("false_positive", "wrong_target")]  # fmt: skip
    assert one(("USA", "IRQ", "190"), [ev("---MIL", "IRQ", "193")]) == [
        ("false_negative", "actor_unknown"), ("false_positive", "actor_unknown")]  # fmt: skip
    assert one(("USA", "IRQ", "190"), [ev("USA", None, "193")]) == [
        ("false_negative", "actor_missing"), ("false_positive", "actor_missing")]  # fmt: skip
    # Nothing shared but the sentence: the gold event was not found, the prediction is spurious.
    assert one(("USA", "IRQ", "190"), [ev("FRA", "DEU", "040")]) == [
        ("false_negative", "no_trigger"), ("false_positive", "spurious")]  # fmt: skip
    assert one(("USA", "IRQ", "190"), [ev("USA", "IRQ", "193", modality="negated")]) == [
        ("false_negative", "dropped_modality")
    ]
    no_event = run([petr("s2")], {"s2": [ev("FRA", "DEU", "040")]}, codes, lookup)
    assert causes(no_event) == [("false_positive", "spurious")]


def test_error_case_carries_sentence_tuples_and_pattern(codes, lookup):
    report = run([petr("s1", ("USA", "IRQ", "190"))], {"s1": [ev("USA", "IRQ", "111", pattern="verb.x")]},
                 codes, lookup)  # fmt: skip
    fp = next(case for case in report.errors if case.kind == "false_positive")
    assert fp.text == "text of s1" and fp.sentence_id == "s1" and fp.corpus == "petr2_gsr"
    assert fp.gold == "USA -> IRQ 190"
    assert fp.predicted.startswith("USA -> IRQ 111") and fp.pattern == "verb.x"
    missing = run([petr("s2", ("USA", "IRQ", "190"))], {"s2": [ev("USA", None, "190")]}, codes, lookup)
    assert missing.errors[0].predicted.startswith("USA -> (none) 190")
    assert report.error_counts()["wrong_code"] == 2
    payload = report.to_json(include_errors=True)
    assert payload["errors"][0]["sentence_id"] == "s1"
    assert "errors" not in report.to_json()


# --- running a coder ----------------------------------------------------------------------------
class FakeCoder:
    """Codes every article as USA->IRQ 190 and remembers what it was given."""

    def __init__(self) -> None:
        self.seen: list[Article] = []

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedDocument]:
        for article in articles:
            self.seen.append(article)
            yield CodedDocument(article=article, events=(ev("USA", "IRQ", "190"),))


def test_evaluate_runs_the_coder_on_gold_sentences(codes, lookup):
    gold = [
        GoldSentence(id="a", corpus="petr2_gsr", text="The US attacked Iraq.", date=dt.date(2015, 6, 9),
                     events=(GoldEvent(source="USA", target="IRQ", cameo="190"),)),
        GoldSentence(id="a", corpus="petr2_gsr", text="Nothing happened.", date=None, events=()),
    ]  # fmt: skip
    coder, done = FakeCoder(), []
    report = evaluate(gold, coder, on_document=done.append, codes=codes, plover2016=lookup)
    assert [a.doc_id for a in coder.seen] == ["a", "a#2"]  # repeated gold ids get distinct documents
    assert coder.seen[0].pub_date == dt.date(2015, 6, 9) and coder.seen[0].text == "The US attacked Iraq."
    assert len(done) == 2
    assert counts(report) == (1, 1, 0, 0)
    assert report.per_corpus["petr2_gsr"].no_event_accuracy == 0.0


# --- strict scoring -----------------------------------------------------------------------------
def strict_counts(report, corpus="petr2_gsr", level="dyad_root"):
    c = report.per_corpus[corpus].strict[level]
    return c.tp, c.fp, c.fn, c.excused


def test_strict_null_target_is_no_wildcard(codes, lookup):
    gold = [plover("p1", {"source": "KGZ", "target": None, "plover": "AGREE"})]
    named = run(gold, {"p1": [ev("KGZELI", "RUSGOV", "030")]}, codes, lookup)
    assert counts(named, "plover_gsr") == (1, 0, 0, 0)
    assert strict_counts(named, "plover_gsr") == (0, 1, 1, 0)
    missing = run(gold, {"p1": [ev("KGZELI", None, "030")]}, codes, lookup)
    assert strict_counts(missing, "plover_gsr") == (1, 0, 0, 0)


def test_strict_excuses_no_extra_event(codes, lookup):
    gold = [plover("p1", {"source": "IGO", "target": "ROM", "plover": "AGREE"},
                   markup="(SRC: European Community) (EVT: agreed) aid for (TAR: Romania) and (TAR: Poland).")]
    report = run(gold, {"p1": [ev("IGOEEC", "ROU", "033"), ev("IGOEEC", "POL", "033")]}, codes, lookup)
    assert counts(report, "plover_gsr") == (1, 0, 0, 1)
    assert strict_counts(report, "plover_gsr") == (1, 1, 0, 0)


def test_strict_counts_negated_predictions_and_needs_modality_agreement(codes, lookup):
    said_no = [petr("s1")]
    negated = {"s1": [ev("USA", "RUS", "190", modality="negated")]}
    assert counts(run(said_no, negated, codes, lookup)) == (0, 0, 0, 0)
    assert strict_counts(run(said_no, negated, codes, lookup)) == (0, 1, 0, 0)
    not_held = [GoldSentence(id="s2", corpus="petr2_gsr", text="No talks were held.",
                             events=(GoldEvent(source="GRC", target="TUR", cameo="046", modality="negated"),))]
    # leniently a negated gold event is no event; strictly it must be coded, and coded as negated
    assert counts(run(not_held, {"s2": []}, codes, lookup)) == (0, 0, 0, 0)
    assert strict_counts(run(not_held, {"s2": [ev("GRC", "TUR", "046", modality="negated")]},
                         codes, lookup)) == (1, 0, 0, 0)
    assert strict_counts(run(not_held, {"s2": [ev("GRC", "TUR", "046")]}, codes, lookup)) == (0, 1, 1, 0)


def test_strict_counts_statements_against_plover_gold(codes, lookup):
    gold = [plover("p1", {"source": "ISR", "target": "PSE", "plover": "COERCE"})]
    report = run(gold, {"p1": [ev("ISR", "PSE", "173"), ev("ISR", None, "010")]}, codes, lookup)
    assert strict_counts(report, "plover_gsr") == (1, 1, 0, 0)
    assert report.per_corpus["plover_gsr"].flat()["strict_dyad_root_precision"] == 0.5
