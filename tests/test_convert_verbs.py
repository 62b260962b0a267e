"""The PETRARCH2 verb dictionary as brinkwatch's base layer: the converter, the converted file, the layering.

Reader and shape tests run on a small dictionary written here in the upstream format (our own words).
The converted file is checked by schema (its entries have no example sentences of ours) and, when
``../shared/petrarch2`` is present, by re-running the converter on the upstream file. The construction
tests code sentences written for these tests (not from any gold set): three or more per kind of
converted entry, in other countries and tenses, and near-misses the entry must not fire on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brinkwatch.convert.verbs import (
    DEFAULT_OUTPUT,
    LICENCE_NAME,
    SKIP_BARE_PREP,
    SKIP_NULL,
    SKIP_OWN_NOUN,
    SKIP_PREP_ONLY,
    SKIP_SEQUENCE,
    SKIP_SUBJECT,
    SKIP_TARGET_ONLY,
    SKIP_TWO_PREPS,
    SKIP_UNKNOWN_CODE,
    Lemmatizer,
    PatternReader,
    Unconvertible,
    convert_verbs,
    load_exclusions,
    parse_code,
    read_verb_dictionary,
    verb_sense,
    write_patterns,
)
from brinkwatch.extract.patterns import PatternBook, load_patterns
from brinkwatch.ontology import Ontology
from helpers import code_sentence

UPSTREAM = Path(__file__).resolve().parents[2] / "shared" / "petrarch2" / "CAMEO.2.0.txt"

SMALL = """\
# a small dictionary in the CAMEO.2.0 format, written for these tests
####### SYNONYM SETS #######

&ARMOUR
+TANK
+ARMORED_VEHICLE
+HOWITZER

####### VERB PATTERNS #######

---  SCOLD   [111]  ---
SCOLD
UPBRAID  # a coder's note
+DRESS_DOWN {+DRESSED_DOWN +DRESSES_DOWN +DRESSING_DOWN}
- * (FOR {HUMAN RIGHTS})                            [112]         # SCOLD
- &ARMOUR * +                                         [190]         # UPBRAID

---  SHIP   [---]  ---
SHIP {SHIPS SHIPPED SHIPPING}
FERRY {FERRIES FERRIED FERRYING}
- * &ARMOUR (TO)                                      [072]         # SHIP
- * (TO +)                                            [042:043]     # FERRY
- * GRAIN                                             [---]         # SHIP
~ a (b . SHIP) SAY = a b 072
"""


@pytest.fixture(scope="module")
def lemmatizer(coder) -> Lemmatizer:
    return Lemmatizer(coder.nlp)


@pytest.fixture(scope="module")
def reader(lemmatizer) -> PatternReader:
    return PatternReader(read_verb_dictionary(SMALL).synsets, lemmatizer)


# --- reading the upstream format ---------------------------------------------------------------------
def test_blocks_verbs_forms_and_patterns_are_read():
    dictionary = read_verb_dictionary(SMALL)
    assert dictionary.synsets["&ARMOUR"] == ("TANK", "ARMORED_VEHICLE", "HOWITZER")
    assert [(b.name, b.code) for b in dictionary.blocks] == [("SCOLD", "111"), ("SHIP", "---")]
    scold, ship = dictionary.blocks
    assert [v.word for v in scold.verbs] == ["SCOLD", "UPBRAID", "+DRESS_DOWN"]
    assert scold.verbs[2].forms == ("+DRESSED_DOWN", "+DRESSES_DOWN", "+DRESSING_DOWN")
    assert ship.verbs[0].forms == ("SHIPS", "SHIPPED", "SHIPPING")
    assert [(p.code, p.origin) for p in ship.patterns] == [("072", ("ship",)), ("042:043", ("ferry",)),
                                                           ("---", ("ship",))]
    assert dictionary.transformations == 1


def test_multi_word_verbs(lemmatizer):
    assert verb_sense("+TELL_OFF", lemmatizer).particle == "off"
    ask_for = verb_sense("+ASK_FOR", lemmatizer)
    assert (ask_for.lemma, ask_for.prep) == ("ask", "for")
    assert verb_sense("RE_+ARREST", lemmatizer).lemma == "rearrest"
    with pytest.raises(Unconvertible):
        verb_sense("WIRE_+TAP", lemmatizer)  # a word before the verb the schema cannot hold


def test_irregular_forms_map_back_to_their_verb(lemmatizer):
    assert lemmatizer.form_maps_to("fled", "flee")
    assert lemmatizer.form_maps_to("withdrew", "withdraw")
    assert not lemmatizer.form_maps_to("chosing", "choose")  # an upstream typo is reported, not guessed


def test_pattern_shapes(reader):
    human_rights = reader.read("* (FOR {HUMAN RIGHTS})")
    assert (human_rights.prep, human_rights.prep_nouns) == ("for", ("human right", "human rights"))
    assert "analysis" in reader.read("* ANALYSIS").objects  # a word in -s that is not a plural
    armour = reader.read("* &ARMOUR (TO)")
    assert {"tank", "armored vehicle", "howitzer"} <= set(armour.objects) and armour.prep == "to"
    ferry = reader.read("* {PASSENGER CARS} (TO +)")
    assert ferry.target == "prep:to" and "passenger car" in ferry.objects
    off = reader.read("* OFF SHIPMENT")
    assert (off.particle, off.objects) == ("off", ("shipment",))
    armour_acts = reader.read("&ARMOUR * +")  # a noun before the verb constrains the subject
    assert {"tank", "armored vehicle", "howitzer"} <= set(armour_acts.subjects) and armour_acts.target == "object"


@pytest.mark.parametrize(("text", "kind"), [
    ("$ TROOP * (TO +)", SKIP_SUBJECT),  # a source marker with a noun
    ("ABRUPTLY * TALKS", SKIP_SUBJECT),  # an adverb
    ("* (TO BORDER) (WITH +)", SKIP_TWO_PREPS),
    ("* TROOP TOWARD +", SKIP_BARE_PREP),
    ("* CLOSER RELATIONS", SKIP_SEQUENCE),
    ("* (TO)", SKIP_PREP_ONLY),
])
def test_constructs_that_do_not_convert(reader, text, kind):
    with pytest.raises(Unconvertible) as info:
        reader.read(text)
    assert info.value.kind == kind


def test_codes():
    known = set(Ontology.load().codes())
    assert parse_code("042:043", known) == ("042", "043")
    assert parse_code("1122", known) == ("1122", None)
    for raw, kind in [(":173", SKIP_TARGET_ONLY), ("---", SKIP_NULL), ("999", SKIP_UNKNOWN_CODE)]:
        with pytest.raises(Unconvertible) as info:
            parse_code(raw, known)
        assert info.value.kind == kind


def test_small_dictionary_converts(coder, tmp_path):
    source = tmp_path / "CAMEO.small.txt"
    source.write_text(SMALL)
    (tmp_path / "LICENSE").write_text("The MIT License (MIT)\n\nCopyright (c) 2014 Open Event Data\n")
    conversion = convert_verbs(source, nlp=coder.nlp)
    by_id = {e["id"]: e for e in conversion.entries}
    assert by_id["petr2.scold"]["code"] == "111" and by_id["petr2.upbraid"]["code"] == "111"
    assert by_id["petr2.dress.down"]["particle"] == "down"
    rights = next(e for e in conversion.entries if e.get("prep_noun"))
    assert rights["prep_noun"][0] == "human right" and rights["code"] == "112"
    assert rights["lemma"] == "scold" and "synonyms" not in rights  # its comment names SCOLD alone
    assert "petr2.ship" not in by_id  # a null block code gives the isolated verb no event
    assert conversion.skipped[SKIP_SUBJECT] == 0 and conversion.skipped[SKIP_NULL] == 1
    armour = next(e for e in conversion.entries if e.get("subject"))
    assert (armour["lemma"], armour["code"], armour["target"][0]) == ("upbraid", "190", "object")
    assert "tank" in armour["subject"]
    output = write_patterns(conversion, source, tmp_path / "verbs.yaml")
    loaded = load_patterns(output)
    assert {p.layer for p in loaded} == {"base"} and len(loaded) == len(conversion.entries)
    assert (tmp_path / LICENCE_NAME).read_text().startswith("The MIT License")


OWN_NOUNS = """\
# verbs of two kinds with nouns brinkwatch's own noun patterns code (meeting, agreement), written for this test
####### VERB PATTERNS #######

---  SCRAP   [160]  ---
SCRAP
HOLD
- * MEETING                                           [160]         # SCRAP
- * MEETING                                           [040]         # HOLD
- * AGREEMENT                                         [161]
"""


def test_own_event_nouns_stay_with_verbs_that_are_not_support_verbs(coder, tmp_path):
    """"held a meeting": the support verb lends its subject to the own noun pattern, so no base entry; "scrapped
    the meeting", "scrapped the agreement": another event, which the base entry codes."""
    source = tmp_path / "CAMEO.own.txt"
    source.write_text(OWN_NOUNS)
    conversion = convert_verbs(source, nlp=coder.nlp)
    with_nouns = [e for e in conversion.entries if e.get("object")]
    assert {(e["lemma"], tuple(e.get("synonyms", ())), e["object"][0], e["code"]) for e in with_nouns} == {
        ("scrap", (), "meeting", "160"), ("scrap", (), "agreement", "161")}
    assert conversion.skipped[SKIP_OWN_NOUN] == 1  # HOLD MEETING; the AGREEMENT line converts for SCRAP alone
    assert conversion.counts["own_noun_patterns_kept_for_other_verbs"] == 2


# --- the converted file -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def book() -> PatternBook:
    return PatternBook.load(known_codes=set(Ontology.load().codes()))


def test_base_layer_loads_with_schema_and_known_codes(book):
    base = [p for p in book.patterns if p.layer == "base"]
    assert len(base) > 1500
    assert all(p.id.startswith("petr2.") for p in base)
    assert all(not p.example for p in base)


def test_base_file_names_source_commit_and_licence():
    head = DEFAULT_OUTPUT.read_text(encoding="utf-8")[:4000]
    assert "openeventdata/petrarch2, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf" in head
    assert "Copyright (c) 2014 Open Event Data" in head and "Permission is hereby granted" in head
    assert (DEFAULT_OUTPUT.parent / LICENCE_NAME).read_text().startswith("The MIT License")


def test_excluded_entries_stay_out(book):
    exclusions = load_exclusions()
    base = [p for p in book.patterns if p.layer == "base"]
    lemmas = {lemma for p in base for lemma in p.lemmas}
    assert not {"say", "will", "would", "tell", "threaten", "ask", "urge"} & lemmas
    isolated = [p for p in base if not (p.particle or p.object or p.prep or p.subject)]
    assert not [p.id for p in isolated if p.code in exclusions.bare_codes]
    assert not [p.id for p in isolated if p.lemma in exclusions.bare_verbs]


@pytest.mark.skipif(not UPSTREAM.exists(), reason="the upstream dictionary (../shared/petrarch2) is not beside the repo")
def test_converter_reproduces_the_committed_file(coder, tmp_path):
    conversion = convert_verbs(UPSTREAM, nlp=coder.nlp)
    output = write_patterns(conversion, UPSTREAM, tmp_path / DEFAULT_OUTPUT.name)
    assert output.read_text(encoding="utf-8") == DEFAULT_OUTPUT.read_text(encoding="utf-8"), (
        "the committed base layer is stale: run `brinkwatch convert verbs ../shared/petrarch2/CAMEO.2.0.txt`")
    counts = conversion.summary()["counts"]
    assert counts["pattern_lines"] == 4668 and counts["blocks"] == 397


# --- layering -----------------------------------------------------------------------------------------
def _layer(tmp_path: Path, name: str, layer: str, entries: list[dict]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"version": 1, "layer": layer, "patterns": entries}))
    return path


def test_own_entry_wins_over_a_more_specific_base_entry(coder, tmp_path):
    from brinkwatch.config import Settings
    from brinkwatch.extract import Coder

    base = _layer(tmp_path, "base.yaml", "base", [
        {"id": "b.shun.v", "lemma": "shun", "code": "111"},
        {"id": "b.shun.v.envoy", "lemma": "shun", "code": "161", "object": ["envoy"]},
        {"id": "b.snub.v.plan", "lemma": "snub", "code": "125", "object": ["plan"]},
    ])
    own = _layer(tmp_path, "own.yaml", "own", [{"id": "o.snub.v", "lemma": "snub", "code": "111",
                                               "example": "France snubbed Italy."}])
    mine = Coder(Settings(pattern_files=(base, own)), nlp=coder.nlp)
    # an own entry that fits wins, even over a base entry naming the object
    assert [e.pattern for e in code_sentence(mine, "Austria snubbed the Czech plan.")] == ["o.snub.v"]
    # where the own layer has nothing that fits, the base layer decides, most specific first
    assert [e.pattern for e in code_sentence(mine, "Greece shunned the Turkish envoy.")] == ["b.shun.v.envoy"]


# --- constructions: converted entries code sentences written for these tests --------------------------
CONSTRUCTIONS = {
    "isolated verb": [
        ("The Kenyan parliament pilloried the Ugandan government over the border closure.", "petr2.pillory", "111"),
        ("Polish commentators pilloried Hungary for its veto on Monday.", "petr2.pillory", "111"),
        ("Rebels butchered dozens of Congolese civilians.", "petr2.butcher", "202"),
        ("Bolivia's president complimented Chile on the election.", "petr2.compliment", "051"),
    ],
    "verb + particle": [
        ("Thai soldiers hunted down three gunmen near the Cambodian border.", "petr2.search.L3406", "173"),
        ("Police in Manila hunted down two suspects.", "petr2.search.L3406", "173"),
        ("Mexican marines will hunt down the cartel leaders.", "petr2.search.L3406", None),
    ],
    "verb + object": [
        ("Brazil expressed disappointment with Argentina's new tariffs.", "petr2.explain_verbal.L4599", "110"),
        ("The Indonesian foreign ministry expressed deep disappointment at Malaysia's decision.",
         "petr2.explain_verbal.L4599", "110"),
        ("Vietnam has expressed resentment toward China over the fishing ban.", "petr2.explain_verbal.L4610", "110"),
        ("Nepal's prime minister voiced dismay over India's new map.", "petr2.sound.L3739", "111"),
    ],
    "verb + object from a synonym set": [
        ("Serbia exported weapons to Ukraine last year.", "petr2.despatch.L1525", "072"),
        ("North Korea has exported missiles to Iran.", "petr2.despatch.L1525", "072"),
        ("France will export rifles to Chad.", "petr2.despatch.L1525", None),
    ],
    "verb + preposition + noun": [
        ("Thousands of Sudanese protesters poured into the streets of Khartoum.", "petr2.pour.L2668", "141"),
        ("Armenian demonstrators poured into the streets of Yerevan on Sunday.", "petr2.pour.L2668", "141"),
        ("Serbia reneged on its promise to Kosovo.", "petr2.revoke_.L3219", "160"),
        ("Ethiopia has reneged on a promise to Somalia.", "petr2.revoke_.L3219", "160"),
    ],
    "verb + object + preposition + noun": [
        ("Moldova rushed police to the border with Ukraine.", "petr2.accelerate.L724", "153"),
        ("Georgia rushed police to the border after the clashes.", "petr2.accelerate.L724", "153"),
        ("Ghana rushed police to its northern border.", "petr2.accelerate.L724", "153"),
    ],
    "subject + verb": [  # a noun before the verb upstream ("- TANK * [192] # ENTER") constrains the subject
        ("Syrian tanks entered the rebel-held town of Daraa.", "petr2.enter.L1777", "192"),
        ("Russian tanks entered the Ukrainian city of Kherson.", "petr2.enter.L1777", "192"),
        ("Israeli tanks entered the town of Rafah.", "petr2.enter.L1777", "192"),
        ("Ukrainian troops advanced towards Bakhmut.", "petr2.continue.L1422", "190"),
    ],
    "subject + verb + preposition": [  # "- &MILITARY * (INTO) [190] # CROSS": the subject makes it convertible
        ("Turkish troops crossed into northern Iraq.", "petr2.cross.L1484", "190"),
        ("Chadian soldiers crossed into Sudan on Monday.", "petr2.cross.L1484", "190"),
        ("Eritrean troops crossed into northern Ethiopia.", "petr2.cross.L1484", "190"),
    ],
}


@pytest.mark.parametrize(("text", "pattern", "code"),
                         [case for cases in CONSTRUCTIONS.values() for case in cases])
def test_converted_entries_code_our_sentences(coder, text, pattern, code):
    events = code_sentence(coder, text)
    fired = [e for e in events if e.pattern == pattern or e.pattern.endswith(">" + pattern)]
    assert fired, [(e.pattern, e.cameo.code) for e in events]
    if code is not None:  # a future act goes through the intent governor and takes its code
        assert fired[0].cameo.code == code and fired[0].source is not None


NEAR_MISSES = [
    ("The chef butchered a chicken.", "petr2.butcher"),  # no political actor
    ("The hunters hunted ducks near the lake in Canada.", "petr2.search.L3406"),  # no particle
    ("Brazil expressed hope for a quick deal with Argentina.", "petr2.explain_verbal.L4599"),  # another object
    ("Chile exported copper to China.", "petr2.despatch.L1525"),  # not a weapon
    ("Water poured into the streets of Dhaka after the storm.", "petr2.pour.L2668"),  # no actor
    ("Ghana rushed police to the stadium.", "petr2.accelerate.L724"),  # not the border
    ("Turkish rescuers rushed to the scene.", "petr2.accelerate"),  # '* (TO)' alone is not converted
    ("Israeli diplomats entered the building.", "petr2.enter.L1777"),  # not tanks
    ("Ukrainian athletes advanced to the final.", "petr2.continue.L1422"),  # not troops
    ("Thousands of migrants crossed into Poland from Belarus.", "petr2.cross.L1484"),  # not troops
    ("The Polish army took part in NATO exercises in Lithuania.", "petr2.apprehend.L8221"),  # excluded: too wide
]


@pytest.mark.parametrize(("text", "pattern"), NEAR_MISSES)
def test_near_misses_do_not_fire(coder, text, pattern):
    events = code_sentence(coder, text)
    assert not [e for e in events if pattern in e.pattern], [(e.pattern, e.cameo.code) for e in events]
