"""Article structure: headlines, datelines, paragraphs and line breaks (``nlp.structure``), and what the coder
does with them (headline events flagged, the dateline never coded and never an actor, its country given to
actors named only by sector). All wire copy here is written for these tests.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from brinkwatch.model import Article
from brinkwatch.nlp.structure import COMPONENT, dateline_date, find_layout, read_structure

D = dt.date


def _starts(text: str) -> list[str]:
    """The first words of every line that must begin a sentence."""
    return [text[s:].split()[0] for s in find_layout(text).starts]


# ----------------------------------------------------------------------------------------------- datelines
@pytest.mark.parametrize(
    ("text", "places", "date", "region"),
    [
        ("TBILISI, May 16 (Reuters) - Riot police cleared the square.", ["TBILISI"], "May 16", None),
        ("GAZA CITY, Palestinian Territories: An air strike hit a clinic.", ["GAZA CITY"], None,
         "Palestinian Territories"),
        ("ISLAMABAD/NEW DELHI, Oct 14 (Reuters) - The two armies traded fire.", ["ISLAMABAD", "NEW DELHI"],
         "Oct 14", None),
        ("KYIV (AP) — A drone struck an apartment block.", ["KYIV"], None, None),
        ("BEIRUT — Jets flew low over the southern suburbs.", ["BEIRUT"], None, None),
        ("Nairobi, 3 March 2025 — Students marched on parliament.", ["Nairobi"], "3 March 2025", None),
        ("KANO, Nigeria (Wire) - Gunmen raided a market.", ["KANO"], None, "Nigeria"),
        ("LA PAZ, Bolivia, June 2 (Wire) - Miners blocked the highway.", ["LA PAZ"], "June 2", "Bolivia"),
        ("PORT SUDAN - The army shelled the outskirts.", ["PORT SUDAN"], None, None),
        # a press release puts its date in parentheses where a wire puts its agency
        ("GENEVA (17 March 2025) - The UN rights chief condemned the raid.", ["GENEVA"], "17 March 2025", None),
        ("NEW YORK (Monday, 17 March 2025) — The Council met.", ["NEW YORK"], "17 March 2025", None),
        ("ADDIS ABABA (June 3, 2024) – The African Union called for talks.", ["ADDIS ABABA"], "June 3, 2024", None),
        # country names with small words in them
        ("GOMA, Democratic Republic of Congo, March 3 (Lakes Wire) - Rebels shelled a camp.", ["GOMA"], "March 3",
         "Democratic Republic of Congo"),
        ("SARAJEVO, Bosnia and Herzegovina, May 2 (BW) - Police detained two men.", ["SARAJEVO"], "May 2",
         "Bosnia and Herzegovina"),
        ("POINTE-NOIRE, Republic of the Congo, Jan 9 (CW) - Dockers struck.", ["POINTE-NOIRE"], "Jan 9",
         "Republic of the Congo"),
    ],
)
def test_dateline_styles(text, places, date, region):
    dateline = find_layout(text).dateline
    assert dateline is not None
    assert [p.text for p in dateline.places] == places
    assert (dateline.date.text if dateline.date else None) == date
    assert (dateline.region.text if dateline.region else None) == region
    assert text[dateline.end:].split()[0][0].isupper()  # the dateline ends where the story's first word begins


@pytest.mark.parametrize(
    "text",
    [
        "On 6 May 2025, armed men attacked a village in Zamfara State, killing nine people.",
        "NATO: the alliance will meet next week.",  # a lower-case word after the colon: no dateline
        "BREAKING: Troops cross the border",  # a kicker, not a place
        "US-backed forces took the town on Monday.",
        "Officials, May 3 - nothing here is a place in capitals",
        "Monday, 17 March 2025 - Rebels attacked a patrol.",  # a weekday is no place
    ],
)
def test_no_dateline(text):
    assert find_layout(text).dateline is None


def test_dateline_date_against_publication_date():
    assert dateline_date("Jan 8", D(2026, 1, 9)) == D(2026, 1, 8)
    assert dateline_date("Dec 31", D(2026, 1, 2)) == D(2025, 12, 31)  # filed on New Year's Eve
    assert dateline_date("3 March 2025", None) == D(2025, 3, 3)  # a year given needs no publication date
    assert dateline_date("May 16", None) is None  # no year to give it
    assert dateline_date("Feb 30", D(2025, 3, 1)) is None


# ----------------------------------------------------------------------------------------------- headlines
def test_headline_then_dateline_then_story():
    text = ("Iran fires missiles at US bases in Iraq\n\n"
            "BAGHDAD, Jan 8 (Meridian Wire) - Iran fired a dozen missiles at two air bases housing US troops.")
    layout = find_layout(text)
    assert text[layout.headline.start:layout.headline.end] == "Iran fires missiles at US bases in Iraq"
    assert _starts(text) == ["BAGHDAD,", "Iran"]  # the dateline is its own unit, then the story


def test_headline_on_the_line_before_the_dateline():
    text = "Gunmen kill five in Nigerian market\nKANO, Nigeria (Wire) - Gunmen on motorbikes opened fire."
    layout = find_layout(text)
    assert layout.headline is not None and layout.headline.text.startswith("Gunmen kill")
    assert layout.dateline is not None and _starts(text) == ["KANO,", "Gunmen"]


def test_monitor_note_has_no_headline_and_no_dateline():
    text = ("On 6 May 2025, armed men attacked a village in Zamfara State, Nigeria, killing nine people.\n"
            "Police arrested two suspects two days later.")
    layout = find_layout(text)
    assert layout.headline is None and layout.dateline is None
    assert _starts(text) == ["Police"]


def test_title_header_is_kept_as_the_title():
    structure = read_structure("Villagers fled after the raid.", title="Raid on border village")
    assert structure.headline is None and structure.title == "Raid on border village"


# ----------------------------------------------------------------------------------------------- line breaks
def test_line_without_full_stop_ends_a_sentence():
    text = "Tensions still high\nIran in retaliation for the killing attacked two US bases on Wednesday."
    assert _starts(text) == ["Iran"]


def test_list_of_headline_lines_is_split_at_every_line():
    text = ("Latest\n"
            "Sudan army retakes key town from RSF\n"
            "Colombia and ELN agree to extend truce\n"
            "- Mali junta expels French envoy")
    assert _starts(text) == ["Sudan", "Colombia", "-"]


def test_hard_wrapped_paragraph_is_not_split_at_each_line():
    text = ("Security forces in the capital fired tear gas at thousands of\n"
            "protesters who had gathered outside the parliament building\n"
            "in Tbilisi on Friday, and Georgian police later detained\n"
            "President Kavelashvili's critics in the city centre overnight.\n"
            "\n"
            "The European Union condemned the crackdown and urged the\n"
            "government to release the detained opposition figures.")
    layout = find_layout(text)
    assert _starts(text) == ["The"]  # only the paragraph break
    assert len(layout.joins) == 3  # "of/protesters", "building/in", "the/government" continue their sentence
    assert layout.headline is None and len(layout.paragraphs) == 2


def test_full_stop_at_line_end_ends_a_sentence_but_not_an_abbreviation():
    text = ("Troops withdrew from the ridge.\nVillagers returned on Sunday to find their homes looted by\n"
            "Gen.\nOkafor's men.")
    assert _starts(text) == ["Villagers"]


# ----------------------------------------------------------------------------------------------- the coder
WIRE_BAGHDAD = ("Iran fires missiles at US bases in Iraq\n\n"
                "BAGHDAD, Jan 8 (Meridian Wire) - Iran fired more than a dozen ballistic missiles at two air bases "
                "housing American troops early on Wednesday, the Pentagon said.\n\n"
                "No casualties were reported.")


def test_pipeline_marks_structure_before_the_parser(coder):
    names = coder.nlp.pipe_names
    assert names.index(COMPONENT) < names.index("parser")


def test_headline_dateline_and_story_are_separate_sentences(coder):
    coded = coder.code_text(WIRE_BAGHDAD, pub_date=D(2026, 1, 8))
    texts = [s.text.strip() for s in coded.sentences]
    assert texts[:2] == ["Iran fires missiles at US bases in Iraq", "BAGHDAD, Jan 8 (Meridian Wire) -"]
    assert texts[2].startswith("Iran fired more than a dozen")


def test_headline_events_are_flagged(coder):
    coded = coder.code_text(WIRE_BAGHDAD, pub_date=D(2026, 1, 8))
    headline = [e for e in coded.events if e.headline]
    body = [e for e in coded.events if not e.headline]
    assert [(e.source.code, e.target.code, e.cameo.root) for e in headline] == [("IRN", "USAMIL", "19")]
    assert all(e.sentence_index == 0 for e in headline)
    assert body and all(e.sentence_index == 2 for e in body)
    assert all(e.source.code == "IRN" and e.cameo.root == "19" for e in body)


def test_dateline_gives_place_date_and_context_country(coder):
    coded = coder.code_text(WIRE_BAGHDAD, pub_date=D(2026, 1, 9))
    structure = coded.structure
    assert structure.dateline.text.startswith("BAGHDAD, Jan 8")
    assert [(p.name, p.country) for p in structure.places] == [("BAGHDAD", "IRQ")]
    assert structure.date == D(2026, 1, 8)
    assert (structure.context_country, structure.context_source) == ("IRQ", "dateline")


def test_dateline_is_never_an_actor(coder):
    coded = coder.code_text(WIRE_BAGHDAD, pub_date=D(2026, 1, 8))
    lo, hi = coded.structure.dateline.start, coded.structure.dateline.end
    assert not [m for m in coded.mentions if lo <= (m.actor.start or -1) < hi]
    for event in coded.events:
        for actor in (event.source, event.target):
            assert actor is None or actor.start is None or not lo <= actor.start < hi
        assert not lo <= event.evidence.trigger_start < hi


def test_a_long_country_name_in_the_dateline_is_no_actor(coder):
    # the dateline of a long country name was read as the lead's subject ("BUNIA, Democratic Republic of Congo")
    text = ("UVIRA, Democratic Republic of Congo, Feb 2 (Lakes Wire) - Armed men attacked a convoy of traders "
            "outside the town overnight, killing four people, a local official said.")
    coded = coder.code_text(text, pub_date=D(2026, 2, 2))
    assert coded.structure.dateline is not None and coded.structure.context_country == "COD"
    assert coded.events and not [e for e in coded.events if e.source.code in ("COD", "COG")]


def test_dateline_country_goes_to_sector_only_actors(coder):
    text = ("Protest in Georgian capital turns violent\n\n"
            "TBILISI, May 16 (Reuters) - Riot police detained 14 protesters outside parliament overnight, "
            "the interior ministry said on Friday.")
    coded = coder.code_text(text, pub_date=D(2025, 5, 16))
    assert coded.structure.context_country == "GEO"
    assert ("GEOCOP", "GEOOPP", "173") in {(e.source.code, e.target.code, e.cameo.code) for e in coded.events}


def test_sector_actor_keeps_the_other_party_foreign(coder):
    # a Kyiv dateline does not make "the government" Ukrainian when it is Ukraine that is thanked
    text = "KYIV (AP) — The government thanked Ukraine for returning the sailors on Tuesday."
    coded = coder.code_text(text, pub_date=D(2025, 2, 4))
    assert coded.structure.context_country == "UKR"
    assert not any(e.source.code == "UKRGOV" and e.target and e.target.code == "UKR" for e in coded.events)


def test_a_line_without_a_full_stop_does_not_swallow_the_event(coder):
    text = "Tensions still high\nIran in retaliation for the killing attacked two US bases on Wednesday."
    coded = coder.code_text(text, pub_date=D(2026, 1, 8))
    assert [s.text.strip() for s in coded.sentences][0] == "Tensions still high"
    attacks = [e for e in coded.events if e.cameo.root == "19"]
    assert [(e.source.code, e.target.code, e.sentence_index) for e in attacks] == [("IRN", "USAMIL", 1)]
    assert not attacks[0].headline  # "Tensions still high" is the headline; the attack is the story


def test_hard_wrapped_story_is_coded_as_whole_sentences(coder):
    text = ("Security forces in the capital fired tear gas at thousands of\n"
            "protesters who had gathered outside the parliament building\n"
            "in Tbilisi on Friday, and Georgian police later detained\n"
            "several opposition leaders in the city centre overnight.\n\n"
            "The European Union condemned the crackdown and urged the\n"
            "government to release the detained opposition figures.")
    coded = coder.code_text(text, pub_date=D(2025, 5, 16))
    assert len(coded.sentences) == 2
    codes = {(e.source.code, e.target.code if e.target else None, e.cameo.root) for e in coded.events}
    assert ("GEOCOP", "GEOOPP", "17") in codes
    assert ("IGOEUREEC", "GEOGOV", "02") in codes  # "the government" is Georgia's: the story's country


@pytest.mark.parametrize(
    ("text", "pub", "place", "country", "event"),
    [
        ("GAZA CITY, Palestinian Territories: Israeli aircraft struck a school sheltering displaced families on "
         "Sunday, killing at least nine people, the civil defence agency said.", D(2024, 6, 2), "GAZA CITY", "PSE",
         ("ISR", "19")),
        ("BEIRUT — Israeli jets struck villages in southern Lebanon on Thursday after Hezbollah fired rockets at "
         "northern Israel.", D(2024, 9, 5), "BEIRUT", "LBN", ("ISRMIL", "19")),
        ("ISLAMABAD/NEW DELHI, Oct 14 (Reuters) - Pakistani and Indian troops exchanged fire across the Line of "
         "Control on Tuesday, and Pakistan summoned India's deputy high commissioner to protest.", D(2025, 10, 15),
         "ISLAMABAD", "IND", ("PAKMIL", "19")),
        ("Mali's junta expels French ambassador\nBAMAKO, Jan 31 (Wire) - Mali's military government ordered the "
         "French ambassador to leave the country within 72 hours.", D(2022, 1, 31), "BAMAKO", "MLI",
         ("MLIGOV", "16")),  # ordering the envoy out expels him, as the headline says
    ],
)
def test_wire_stories_in_several_regions(coder, text, pub, place, country, event):
    coded = coder.code_text(text, pub_date=pub)
    structure = coded.structure
    assert structure.places[0].name == place and structure.context_country == country
    assert event in {(e.source.code, e.cameo.root) for e in coded.events}
    dateline_sentences = [s for s in coded.sentences if s.text.strip() == structure.dateline.text.strip()]
    assert len(dateline_sentences) == 1
    assert not [e for e in coded.events if e.sentence_index == dateline_sentences[0].index]


def test_islamabad_is_read_in_the_lead_s_countries(coder):
    text = ("ISLAMABAD, Oct 14 (Reuters) - Pakistan's army said Afghan Taliban forces attacked border posts "
            "in Kurram overnight.")
    coded = coder.code_text(text, pub_date=D(2025, 10, 15))
    assert [(p.name, p.country) for p in coded.structure.places] == [("ISLAMABAD", "PAK")]


def test_dateline_year_stands_in_for_a_missing_publication_date(coder):
    text = ("Nairobi, 3 March 2025 — Police fired tear gas at hundreds of students marching towards parliament "
            "on Monday.")
    coded = coder.code_text(text)
    assert coded.article.pub_date == D(2025, 3, 3) and coded.structure.date == D(2025, 3, 3)
    assert coded.structure.context_country == "KEN"
    assert ("KENCOP", "17") in {(e.source.code, e.cameo.root) for e in coded.events}


def test_monitor_note_takes_the_first_paragraph_s_country(coder):
    text = ("On 6 May 2025, armed men attacked a village in Zamfara State, Nigeria, killing nine people. "
            "Police arrested two suspects on 8 May 2025.")
    coded = coder.code_text(text, pub_date=D(2025, 5, 10))
    assert coded.structure.headline is None and coded.structure.dateline is None
    assert (coded.structure.context_country, coded.structure.context_source) == ("NGA", "first_paragraph")


def test_ingested_text_keeps_its_dateline_for_the_coder(coder, tmp_path):
    from brinkwatch.ingest import read_paths

    path = tmp_path / "story.txt"
    path.write_text("Title: Police break up Yerevan sit-in\nDate: 2025-06-02\n\n"
                    "YEREVAN - Police detained 30 protesters who blocked a central avenue on Sunday.\n")
    [article] = list(read_paths([path]))
    coded = next(coder.code_articles([article]))
    assert coded.structure.title == "Police break up Yerevan sit-in"
    assert coded.structure.context_country == "ARM"
    assert ("ARMCOP", "17") in {(e.source.code, e.cameo.root) for e in coded.events}


def test_headline_flag_is_stored_and_exported(coder):
    from brinkwatch.store import Store

    coded = coder.code_text(WIRE_BAGHDAD, pub_date=D(2026, 1, 8))
    article = Article(doc_id="-", text=WIRE_BAGHDAD, pub_date=D(2026, 1, 8))
    with Store() as store:
        store.write([coded.model_copy(update={"article": article})])
        rows = store.con.sql("SELECT headline, sentence_index FROM event_mentions ORDER BY sentence_index").fetchall()
        records = store.mentions()
    assert rows[0] == (True, 0) and all(flag is False for flag, _ in rows[1:])
    assert sorted(r["headline"] for r in records) == sorted(flag for flag, _ in rows)


def test_an_older_store_gains_the_headline_column(tmp_path):
    import duckdb

    from brinkwatch.store import Store
    from brinkwatch.store.schema import TABLES

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    # the table as written before the column existed (and before the later place_text column, which follows it)
    old_ddl = re.sub(r",\s*headline BOOLEAN[^\n]*\n(\s*place_text VARCHAR[^\n]*\n)?", "\n", TABLES["event_mentions"])
    assert "headline" not in old_ddl and "place_text" not in old_ddl
    con.execute(old_ddl)
    con.close()
    with Store(path) as store:
        columns = {row[0] for row in store.con.sql("DESCRIBE event_mentions").fetchall()}
    assert "headline" in columns


def test_live_blog_time_stamps_are_labels_not_text(coder):
    text = ("14:05 GMT - Ecuador's army said it had arrested 11 gang members in Guayaquil.\n\n"
            "(13:40) Colombia closed its border crossings with Venezuela.\n\n"
            "Update 12.15pm: The Peruvian government declared a state of emergency in Lima.\n\n"
            "10.50 percent of voters backed the measure.")
    layout = find_layout(text)
    assert [text[a:b].strip() for a, b in layout.labels] == ["14:05 GMT -", "(13:40)", "Update 12.15pm:"]
    coded = coder.code_text(text, pub_date=D(2025, 3, 3))
    labels = [s.text.strip() for s in coded.sentences if s.text.strip() in ("14:05 GMT -", "(13:40)")]
    assert labels == ["14:05 GMT -", "(13:40)"]
    assert {(e.source.code[:3], e.cameo.root) for e in coded.events} >= {("ECU", "17")}
    assert all(e.evidence.trigger_start > 8 for e in coded.events)  # nothing coded from a time stamp
