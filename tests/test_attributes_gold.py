"""Score AttributeExtractor on the hand-annotated articles in tests/data/attributes/ and hold the bars:
date exact >= 85%, place country >= 95% and within 25 km >= 90% (where a place is named), numbers exact
>= 90%, modality >= 90%, quote speaker >= 90%. ``pytest -s`` prints the measured numbers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml
from spacy.tokens import Token

from brinkwatch.evaluate.attributes import _speaker as norm_speaker
from brinkwatch.evaluate.attributes import km
from brinkwatch.model import Actor, Article
from test_attr_fixtures import shared_extractor, shared_nlp

CASES_DIR = Path(__file__).parent / "data" / "attributes"
MIN_CASES = 30
BARS = {"date": 0.85, "place_country": 0.95, "place_25km": 0.90, "numbers": 0.90, "modality": 0.90,
        "speaker": 0.90}

# The fake actor resolver: a few speakers the tests know, matched on the words of the speaker's phrase.
KNOWN_SPEAKERS: list[tuple[tuple[str, ...], str]] = [
    (("Revolutionary", "Guards"), "IRNMIL"),
    (("Russia", "Defense", "Ministry"), "RUSMIL"),
    (("Pentagon",), "USAMIL"),
    (("Esper",), "USAMIL"),
    (("Zarif",), "IRNGOV"),
    (("White", "House"), "USAGOV"),
    (("Pompeo",), "USAGOV"),
    (("Zelensky",), "UKRGOV"),
    (("Nebenzia",), "RUSGOV"),
    (("Abdul", "Mahdi"), "IRQGOV"),
]


def fake_resolver(token: Token) -> Actor | None:
    words = {t.text.removesuffix("'s") for t in token.subtree} | {token.text}
    for keys, code in KNOWN_SPEAKERS:
        if all(k in words for k in keys):
            return Actor(code=code, country=code[:3], sector=code[3:], text=token.text)
    return None


def speaker_matches(expected: str, got: str | None) -> bool:
    exp, out = norm_speaker(expected), norm_speaker(got)
    return bool(out) and exp == out


class Scores:
    def __init__(self) -> None:
        self.right: Counter[str] = Counter()
        self.total: Counter[str] = Counter()
        self.misses: dict[str, list[str]] = defaultdict(list)

    def add(self, name: str, ok: bool, note: str) -> None:
        self.total[name] += 1
        self.right[name] += int(ok)
        if not ok:
            self.misses[name].append(note)

    def rate(self, name: str) -> float:
        return self.right[name] / self.total[name] if self.total[name] else 0.0


def score_event(scores: Scores, art_id: str, ev: dict, attrs) -> None:  # noqa: C901 - one check per attribute
    tag = f"{art_id}@{ev['at']!r}"
    if "date" in ev:
        expected = dt.date.fromisoformat(str(ev["date"])) if ev["date"] else None
        scores.add("date", attrs.date == expected, f"{tag}: {attrs.date} != {expected}")
    if "precision" in ev:
        scores.add("precision", attrs.date_precision == ev["precision"],
                   f"{tag}: {attrs.date_precision} != {ev['precision']}")
    if "place" in ev and ev["place"] is None:
        scores.add("place_none", attrs.place is None, f"{tag}: got {attrs.place and attrs.place.name}")
    elif "place" in ev:
        exp, got = ev["place"], attrs.place
        scores.add("place_country", got is not None and got.country == exp["country"],
                   f"{tag}: {got and (got.name, got.country)} != {exp['country']}")
        if "lat" in exp:
            ok = got is not None and got.lat is not None and km(exp["lat"], exp["lon"], got.lat, got.lon) <= 25
            scores.add("place_25km", ok, f"{tag}: {got and (got.name, got.lat, got.lon)}")
    if "numbers" in ev:
        expected = sorted((k, float(v), q) for k, v, q in ev["numbers"])
        got = sorted((q.kind, q.value, q.qualifier) for q in attrs.numbers)
        scores.add("numbers", got == expected, f"{tag}: {got} != {expected}")
    if "modality" in ev:
        scores.add("modality", attrs.modality == ev["modality"], f"{tag}: {attrs.modality} != {ev['modality']}")
    if "speaker" in ev:
        att = attrs.attribution
        got_text = att.speaker_text if att else None
        ok = got_text is None if ev["speaker"] is None else speaker_matches(ev["speaker"], got_text)
        scores.add("speaker", ok, f"{tag}: {got_text!r} != {ev['speaker']!r}")
    if "speaker_code" in ev:
        code = attrs.attribution.speaker.code if attrs.attribution and attrs.attribution.speaker else None
        scores.add("speaker_code", code == ev["speaker_code"], f"{tag}: {code} != {ev['speaker_code']}")
    if "anonymous" in ev:
        anon = bool(attrs.attribution and attrs.attribution.anonymous)
        scores.add("anonymous", anon == ev["anonymous"], f"{tag}: {anon}")
    if "opinion" in ev:
        scores.add("opinion", attrs.is_opinion == ev["opinion"], f"{tag}: {attrs.is_opinion}")


def load_cases_from(directory: Path) -> list[dict]:
    articles = []
    for path in sorted(directory.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["version"] and data["source"], path
        articles.extend(data["articles"])
    return articles


def score_articles(articles: list[dict], title: str) -> Scores:
    """Run the extractor over annotated articles and print the scores with every miss."""
    nlp, extractor = shared_nlp(), shared_extractor()
    result = Scores()
    for art in articles:
        text = art["text"]
        article = Article(doc_id=art["id"], text=text, title=art.get("title"), url=art.get("url"),
                          pub_date=dt.date.fromisoformat(str(art["pub_date"])))
        doc = nlp(text)
        ctx = extractor.prepare(doc, article, resolve_actor=fake_resolver)
        for ev in art["events"]:
            assert text.count(ev["at"]) == 1, f"{art['id']}: 'at' must occur once: {ev['at']!r}"
            offset = text.index(ev["at"])
            trigger = doc.char_span(offset, offset + 1, alignment_mode="expand")[0]
            attrs = extractor.for_event(ctx, trigger.sent, trigger)
            score_event(result, art["id"], ev, attrs)
    print(f"\nattribute scores on {title} (right/total):")
    for name in sorted(result.total):
        print(f"  {name:14s} {result.right[name]:3d}/{result.total[name]:3d} = {result.rate(name):.1%}")
        for miss in result.misses[name]:
            print(f"      miss {miss}")
    return result


@pytest.fixture(scope="module")
def scores() -> Scores:
    return score_articles(load_cases_from(CASES_DIR), "tests/data/attributes")


@pytest.mark.parametrize("name", sorted(BARS))
def test_attribute_bar(scores: Scores, name: str) -> None:
    assert scores.total[name] >= MIN_CASES, f"only {scores.total[name]} {name} cases"
    assert scores.rate(name) >= BARS[name], f"{name}: {scores.rate(name):.1%} < {BARS[name]:.0%}"


def test_resolved_speaker_codes_and_anonymity(scores: Scores) -> None:
    assert scores.rate("speaker_code") >= 0.9
    assert scores.rate("anonymous") >= 0.85
    assert scores.rate("opinion") >= 0.8


# ``wires_sixth`` (eight whole articles, tuned on in the sixth round: a humanitarian situation report, a police
# and court report, an election-violence roundup with several towns in one sentence, maritime and border
# incidents, a toll revised during the story, a toll told over several sentences, counts in words), scored by
# the full coder as ``brinkwatch evaluate`` scores articles. First run 14/16, 14/15, 6/14, 10/15; after the
# work 15/16, 15/15, 11/14, 12/15 (README of tests/data/attributes). ``heldout_sixth`` is scored only there.
SIXTH_FLOORS = {"date": 0.9, "place_country": 0.93, "place_25km": 0.75, "numbers": 0.75}


# ``wires_seventh`` (ten whole articles, tuned on in the eighth round: wire follow-ups that update tolls, tolls over
# sentences and parties, counts in words, arrests in police and court reports ("charged 14 people"), numbers that
# are no casualties, and dates against a dateline, live-blog day headings, "since X, when ...", "on the eve of the
# riot", a telling's date and the act's restated day), scored as ``brinkwatch evaluate`` scores articles. First run
# 22/28, 26/26, 19/20, 16/25; after the work 28/28, 26/26, 19/20, 21/25 (README of tests/data/attributes).
# ``heldout_seventh`` is scored only there.
SEVENTH_FLOORS = {"date": 0.95, "place_country": 0.95, "place_25km": 0.9, "numbers": 0.85}  # (22/25 since the ninth)


# ``wires_eighth`` (ten whole articles, tuned on in the ninth round: a lead's toll for the act told in the next
# paragraph and the next paragraph's toll for the lead, several incidents with their own tolls and places, ranges and
# words, "the toll rose to", arrests in the passive and in court, "the village of X in Y district", "X, some 30 km
# east of Y", roads between two towns, trips' ends, datelines away from the event, "overnight", "Hours later", "on
# the 12th", "earlier this month", a live blog's days). First run 18/20, 22/22, 14/19, 12/20; after the work 20/20,
# 22/22, 19/19, 18/20. ``heldout_eighth`` (five articles written with it, every third) was scored once at the end:
# 7/11, 13/13, 9/11, 11/13 (main: 7/11, 13/13, 8/11, 10/13); 9/11 dates after "on the 12th" was made a day (a
# form the brief listed, which only the holdout's found events exposed).
EIGHTH_FLOORS = {"date": 0.95, "place_country": 0.95, "place_25km": 0.95, "numbers": 0.85}
HELDOUT_EIGHTH_FLOORS = {"date": 0.8, "place_country": 0.95, "place_25km": 0.8, "numbers": 0.8}


# ``wires_ninth`` (15 short wires and monitor notes, tuned on in the tenth round: injuries told without "injured",
# lone victims, "killing two and wounding five", tolls over sides and revised, "Among the 40 passengers, 12 died",
# arrests as "rounded up", "taken into custody", "held for questioning", "picked up", and numbers that are no
# tolls). First run 9/9, 14/14, 12/12, 10/14; after the work 9/9, 14/14, 12/12, 13/14. ``heldout_ninth`` is scored
# only in the README of tests/data/attributes.
NINTH_FLOORS = {"date": 0.95, "place_country": 0.95, "place_25km": 0.95, "numbers": 0.9}


WHOLE_WIRE_FLOORS = {"wires_sixth": SIXTH_FLOORS, "wires_seventh": SEVENTH_FLOORS, "wires_eighth": EIGHTH_FLOORS,
                     "heldout_eighth": HELDOUT_EIGHTH_FLOORS, "wires_ninth": NINTH_FLOORS}
SMALL_SETS = {"heldout_eighth": 10, "wires_ninth": 9}  # fewer scored events than the tuned sets' 12


@pytest.fixture(scope="module")
def whole_wire_scores(coder):
    """The attribute scores of a folder of whole articles, each folder scored once per module."""
    from brinkwatch.evaluate import evaluate_articles, load_articles

    scores = {}

    def score(folder: str):
        if folder not in scores:
            scores[folder] = evaluate_articles(load_articles(CASES_DIR / folder), coder, corpus="wires").attributes
        return scores[folder]

    return score


@pytest.mark.parametrize(("folder", "name"), [(folder, name) for folder, floors in WHOLE_WIRE_FLOORS.items()
                                              for name in sorted(floors)])
def test_attribute_floor_on_whole_wires(whole_wire_scores, folder: str, name: str) -> None:
    scores = whole_wire_scores(folder)
    assert scores.total[name] >= SMALL_SETS.get(folder, 12), (folder, name, scores.total[name])
    assert scores.rate(name) >= WHOLE_WIRE_FLOORS[folder][name], (folder, name, scores.right[name], scores.total[name])
