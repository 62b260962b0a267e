"""Pattern gaps on the gold trigger (issue 11, `no_trigger/no_draft`): verbs and forms no pattern knew, filled from
the PETRARCH2 verb dictionary where it has them, on sentences written for brinkwatch, with near-misses.

- the converter dropped a block's phrase patterns written for a verb an earlier block had already listed
  (REOPEN, STREAM, SIGNAL, ABSTAIN): such a verb now takes the patterns whose comment names it;
- leaving or exiting a body of states or a pact (``leave.v.organization``, the dictionary's QUIT [160]);
- keeping a border closed or open (``keep.v.border.closed``/``.open``: KEEP keeps the code of what is kept; in the
  future the state goes on, planned, rather than an intent: governors ``continuation_verbs``);
- warships sailing into or through waters (``sail.v.warship``, 150);
- a petition lodged with a court (``petition.n.court``, 115) or handed to a government (``petition.n``, 020);
- patrol boats, aircraft, armoured vehicles handed over (``hand.v.over.military``, 072);
- driving fighters out (``drive.v.out``, 190) or a population out (``drive.v.out.people``, the dictionary's DRIVE (OUT OF) [201]).
Roots are asserted where the sentence is about finding the event; full codes where the entry's code is the point.
"""

from __future__ import annotations

import pytest

from helpers import code_sentence, triples

from brinkwatch.extract.patterns import BASE_LAYER_FILE, load_patterns


def _roots(coder, text: str) -> set[tuple]:
    return {(s and s[:3], t and t[:3], r, m) for s, t, r, m in triples(code_sentence(coder, text, "2025-03-14"),
                                                                          level="root")}


# --- the converter: a verb listed again in a later block takes the patterns written for it there -------------
def test_relisted_verbs_take_their_named_patterns() -> None:
    base = {pat.id: pat for pat in load_patterns(BASE_LAYER_FILE)}
    # REOPEN is listed first in RE_ESTABLISH, again in START, where "- * BORDER [050] # REOPEN" is written for it
    assert base["petr2.start.L3874"].lemmas == ("reopen",) and base["petr2.start.L3874"].object == ("border",)
    assert "reopen" in base["petr2.start.L3876"].lemmas and "open" in base["petr2.start.L3876"].lemmas
    assert base["petr2.stream.L4034"].code == "0233"
    assert base["petr2.abstain.L6694"].code == "087"
    # ... but no verb twice in one entry, and the upstream lines on the exclusion list stay out
    assert all(len(set(pat.lemmas)) == len(pat.lemmas) for pat in base.values())
    assert "petr2.signal.L5138" not in base and "petr2.respect.L5968" not in base


@pytest.mark.parametrize("text,expected", [
    ("North Korea signalled a desire for talks with Seoul.", {("PRK", "KOR", "013", "asserted")}),
    ("Iran signalled its desire to resume talks with the European Union.", {("IRN", "IGOEUREEC", "013", "asserted")}),
    # near-miss: "signalled its opposition" is excluded (the object would be read as the opposition party)
    ("Turkey signalled its opposition to the Swedish bid.", set()),
])
def test_signal_from_its_second_block(coder, text: str, expected: set) -> None:
    assert triples(code_sentence(coder, text, "2025-03-14")) == expected


# --- leaving a body of states or a pact -----------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("Venezuela left the Andean Community after a row with Colombia.", {("VEN", "IGO", "16", "asserted")}),
    ("Hungary will leave the regional defence pact next year.", {("HUN", None, "16", "planned")}),
    ("Ecuador exited the Pacific trade bloc on Friday.", {("ECU", None, "16", "asserted")}),
    ("Nicaragua has left the regional alliance.", {("NIC", None, "16", "asserted")}),
    # near-misses: leaving a place, a building named after a body, a meeting
    ("Striking miners left the union headquarters in La Paz.", set()),
    ("The Colombian minister left the community centre in Cali after the meeting.", set()),
    ("The Qatari delegation left the summit venue after the closing session.", set()),
    ("The Malian foreign minister left Brussels on Tuesday.", set()),
])
def test_leave_organization(coder, text: str, expected: set) -> None:
    assert _roots(coder, text) == expected


def test_leave_for_a_visit_is_still_a_visit(coder) -> None:
    got = _roots(coder, "The Kenyan president left the country for a visit to Uganda.")
    assert got == {("KEN", "UGA", "04", "asserted")}


# --- keeping a border closed or open ----------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("Kenya kept its border with Somalia closed for a third week.", {("KEN", "SOM", "191", "asserted")}),
    ("Armenia kept the Turkish border shut for another year.", {("ARM", "TUR", "191", "asserted")}),
    ("Uzbekistan kept its airspace closed to Afghan flights.", {("UZB", "AFG", "191", "asserted")}),
    ("Poland kept its border open to Ukrainian refugees throughout the winter.", {("POL", "UKRREF", "086", "asserted")}),
    # near-misses: doors, talks and guards are no border; a closure kept needs "closed"/"shut"/"open"
    ("The shops kept their doors closed during the strike.", set()),
    ("Egypt kept the talks open for another round.", set()),
    ("Kenya kept the border guards on alert.", set()),
])
def test_keep_border(coder, text: str, expected: set) -> None:
    assert triples(code_sentence(coder, text, "2025-03-14")) == expected


@pytest.mark.parametrize("text,expected", [
    ("Ghana would keep its border with Togo closed until further notice.", {("GHA", "TGO", "191", "planned")}),
    ("Poland will keep its border open to Ukrainian refugees.", {("POL", "UKRREF", "086", "planned")}),
    # near-miss: closing it in the future is still an intent (a threat to blockade)
    ("Ghana would close its border with Togo until further notice.", {("GHA", "TGO", "138", "threatened")}),
])
def test_keep_border_in_the_future_goes_on(coder, text: str, expected: set) -> None:
    """"would keep ... closed": the closure is in force and goes on (planned), not an intent to close (13x)."""
    assert triples(code_sentence(coder, text, "2025-03-14")) == expected


# --- warships sailing into or through waters --------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("Two Russian frigates sailed through the Fehmarn Belt on Thursday.", {("RUS", None, "15", "asserted")}),
    ("A Canadian destroyer sailed through the Taiwan Strait on Saturday.", {("CAN", "TWN", "15", "asserted")}),
    ("Three Chinese coast guard vessels sailed into Philippine waters near Scarborough Shoal.",
     {("CHN", "PHL", "15", "asserted")}),
    # near-misses: merchant ships, ferries and people sailing
    ("A Greek cargo ship sailed through the Suez Canal on Monday.", set()),
    ("The ferry sailed into Piraeus harbour at dawn.", set()),
    ("The Turkish president sailed to Cyprus aboard a yacht.", set()),
])
def test_sail_warship(coder, text: str, expected: set) -> None:
    assert _roots(coder, text) == expected


# --- a petition: with a court a legal action (115), to a government an appeal (020) ------------------------------
@pytest.mark.parametrize("text,expected", [
    ("The Zambian opposition filed petitions with the election tribunal against the results.",
     {("ZMBOPP", "ZMBJUD", "115", "asserted")}),
    ("Kenya's main opposition party lodged a petition with the Supreme Court on Monday.",
     {("KENOPP", "KENJUD", "115", "asserted")}),
    ("Uganda's opposition party filed a petition in the Constitutional Court against the election result.",
     {("UGAOPP", "UGAJUD", "115", "asserted")}),
    ("Malawian teachers presented a petition to parliament on Friday.", {("MWIEDU", "MWILEG", "020", "requested")}),
    # near-miss: a petition talked about is no act of its own
    ("The Bolivian senate debated the petition for two hours.", set()),
])
def test_petition(coder, text: str, expected: set) -> None:
    assert triples(code_sentence(coder, text, "2025-03-14")) == expected


# --- handing over military equipment: a state supplies a military (072); rebels handing over arms disarm (0873) ------
@pytest.mark.parametrize("text,expected", [
    ("Japan handed over two patrol vessels to the Philippine coast guard.", {("JPN", "PHLCOP", "072", "asserted")}),
    ("India handed over two Dornier aircraft to the Sri Lankan navy on Monday.", {("IND", "LKAMIL", "072", "asserted")}),
    ("Turkey handed over 20 armoured vehicles to the Somali army.", {("TUR", "SOMMIL", "072", "asserted")}),
    # near-misses: rebels' weapons are disarmament; a vessel or boat changing hands between private people is no act
    ("The rebels handed over their weapons to the UN mission.", {("---REB", "IGOUNO", "0873", "asserted")}),
    ("The captain handed over the vessel to its new owners.", set()),
    ("Fishermen handed the boat to the harbour master.", set()),
])
def test_hand_over_military_equipment(coder, text: str, expected: set) -> None:
    assert triples(code_sentence(coder, text, "2025-03-14")) == expected


# --- driving fighters out of a place is fighting (190); driving its people out a mass expulsion (201) ----------------
@pytest.mark.parametrize("text,expected", [
    ("Malian troops drove the jihadists out of the town after two days of fighting.", {("MLI", "MLI", "19", "asserted")}),
    ("Congolese soldiers drove the rebels out of the hills above Goma.", {("COD", "COD", "19", "asserted")}),
    ("Burkinabe soldiers drove out the jihadists from Djibo on Sunday.", {("BFA", "BFA", "19", "asserted")}),
    ("Nigerian troops drove them out after a day of fighting.", {("NGA", None, "19", "asserted")}),
    ("Militiamen drove hundreds of villagers out of their homes in Ituri.", {("COD", "COD", "20", "asserted")}),
    # near-misses: driving a car out of a place, cattle, markets and businesses
    ("The Kenyan president drove out of the stadium after the ceremony.", set()),
    ("The farmer drove his cattle out to the fields.", set()),
    ("Soaring prices drove foreign investors out of the Nigerian market.", set()),
    ("The new law drove them out of business.", set()),
])
def test_drive_out(coder, text: str, expected: set) -> None:
    assert _roots(coder, text) == expected
