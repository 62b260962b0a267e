"""More readings the strict score asks about, on sentences written for brinkwatch (none from the gold sets).

- a nationality adjective on a language noun names a language, not a state: "a ban on the Uzbek language in
  newspapers" has no Uzbek party (the adjective used to be read as Russia, the target);
- where the strict score and CAMEO practice part, brinkwatch keeps CAMEO practice, pinned here so that no
  one bends the coder to a gold convention: a joint act of two named parties ("A and B agreed to ...") is
  coded in both directions, and an act on coordinated targets ("condemned A and B") once per target. PLOVER
  records that keep only the first party (``SRC/TAR`` markup read as source A with no target) cannot match
  either event under the strict rule that a gold null side matches only a missing one.
"""

from __future__ import annotations

import pytest

from helpers import code_sentence

pytestmark = pytest.mark.usefixtures("coder")


def _countries(events) -> set[str]:
    out = set()
    for ev in events:
        for actor in (ev.source, ev.target):
            if actor is not None and actor.country:
                out.add(actor.country)
    return out


def _dyads(events) -> set[tuple[str | None, str | None, str]]:
    return {(ev.source.country if ev.source else None, ev.target.country if ev.target else None, ev.cameo.code[:2])
            for ev in events}


# --- a language is no party --------------------------------------------------------------------------
LANGUAGE_CASES = [
    # (sentence, date, the actor's country, the language's country that must not be a party)
    ("Tajikistan's parliament lifted a ban on the Uzbek language in local newspapers.", "2024-03-05", "TJK", "UZB"),
    ("Slovakia's government lifted restrictions on the Hungarian language in town halls.", "2023-10-11", "SVK",
     "HUN"),
    ("The Georgian court overturned curbs on teaching in the Armenian and Azerbaijani languages.", "2022-05-17",
     "GEO", "AZE"),
    ("The Kazakh government lifted a ban on Russian language lessons in courts.", "2021-09-02", "KAZ", "RUS"),
]


@pytest.mark.parametrize(("text", "date", "actor", "language"), LANGUAGE_CASES)
def test_a_language_adjective_names_no_state(coder, text, date, actor, language):
    events = code_sentence(coder, text, date)
    assert events, "the measure itself is still coded"
    assert any(ev.source is not None and ev.source.country == actor for ev in events)
    assert language not in _countries(events), [(e.source, e.target) for e in events]


LANGUAGE_NEAR_MISSES = [
    # the same adjective on goods or people names the state or its people
    ("The Moldovan government lifted restrictions on Romanian imports.", "2024-03-05", "ROU"),
    ("Latvia's court lifted restrictions on Russian diplomats.", "2024-03-05", "RUS"),
    ("Hungary's government lifted a ban on Slovak trucks.", "2024-03-05", "SVK"),
]


@pytest.mark.parametrize(("text", "date", "target"), LANGUAGE_NEAR_MISSES)
def test_the_adjective_on_goods_or_people_still_names_the_state(coder, text, date, target):
    events = code_sentence(coder, text, date)
    assert any(ev.target is not None and ev.target.country == target for ev in events), \
        [(e.source, e.target) for e in events]


# --- joint acts are coded both ways; coordinated targets once each (CAMEO practice) ---------------------
JOINT_ACTS = [
    ("Peru and Chile agreed on Monday to hold joint naval drills next month.", "2024-04-02", "PER", "CHL", "03"),
    ("Mongolia and Kazakhstan restored full diplomatic relations after a six-year rupture.", "2023-01-20", "MNG",
     "KAZ", "05"),
    ("Ghana and Togo resumed talks on Wednesday on their maritime boundary.", "2022-07-13", "GHA", "TGO", "04"),
    ("Senegal and Gambia failed to reach a deal on fishing rights after two days of talks.", "2021-11-30", "SEN",
     "GMB", "12"),
]


@pytest.mark.parametrize(("text", "date", "first", "second", "root"), JOINT_ACTS)
def test_a_joint_act_is_coded_in_both_directions(coder, text, date, first, second, root):
    dyads = _dyads(code_sentence(coder, text, date))
    assert (first, second, root) in dyads and (second, first, root) in dyads, dyads


def test_a_one_sided_act_on_a_counterpart_is_coded_one_way(coder):
    dyads = _dyads(code_sentence(
        coder, "The Thai foreign minister telephoned his Cambodian counterpart to discuss the border dispute.",
        "2024-04-02"))
    assert ("THA", "KHM", "04") in dyads and ("KHM", "THA", "04") not in dyads, dyads


COORDINATED_TARGETS = [
    ("Nigeria's president condemned Niger and Chad for closing their borders.", "2024-02-08", "NGA",
     {"NER", "TCD"}, "11"),
    ("The Kenyan government sent food aid to Somalia and Ethiopia.", "2022-08-19", "KEN", {"SOM", "ETH"}, "07"),
]


@pytest.mark.parametrize(("text", "date", "source", "targets", "root"), COORDINATED_TARGETS)
def test_an_act_on_coordinated_targets_is_coded_once_per_target(coder, text, date, source, targets, root):
    dyads = _dyads(code_sentence(coder, text, date))
    assert {(source, t, root) for t in targets} <= dyads, dyads
