"""Number forms of the tenth round's attribute probe (tests/data/attributes/wires_ninth, issue 12), in our own
words, other countries and tenses, with near-misses that must not fire.

A lone victim told with "a" counts one ("A police officer was killed", "killing a child", "a soldier died",
"detained a man"), whatever age the person is given; the doer told with "a" ("a gunman killed ...") and a person the
act did not befall ("a witness said") do not.
"""

from __future__ import annotations

import datetime as dt

import pytest

from test_attr_fourth_forms import attributes

PUB = dt.date(2026, 9, 16)  # a Wednesday


def tolls(text: str, trigger: str, pub: dt.date = PUB) -> dict[str, float]:
    out: dict[str, float] = {}
    for q in attributes(text, trigger, pub).numbers:
        out[q.kind] = out.get(q.kind, 0) + q.value
    return {k: v for k, v in out.items() if k in ("killed", "injured", "arrested")}


# ------------------------------------------------------------------------------------------------ lone victims
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Insurgents attacked a border post near Kandahar on Monday. A policeman was killed in the attack.",
         "attacked", {"killed": 1}),
        ("A drone struck a car outside Marib on Sunday, killing a tribal elder.", "struck", {"killed": 1}),
        ("Security forces in Caracas detained a student leader on Tuesday.", "detained", {"arrested": 1}),
        ("Troops shot dead a 15-year-old boy at a checkpoint near Nablus.", "shot", {"killed": 1}),
        ("Rebels shelled the market in Goma, and a woman died of her wounds.", "shelled", {"killed": 1}),
        ("A sniper fired on the convoy in Aleppo, wounding an aid worker.", "fired", {"injured": 1}),
        # near-misses: the doer told with "a", a person the act did not befall, "a dozen"
        ("A gunman killed four worshippers at a church in Ondo.", "killed", {"killed": 4}),
        ("Police broke up the rally in Dakar, a witness said.", "broke", {}),
        ("A soldier attacked his commander at a base in Niamey.", "attacked", {}),
        ("Bandits raided a village in Katsina, killing a dozen farmers.", "raided", {"killed": 12}),
    ],
)
def test_a_lone_victim_counts_one(text, trigger, expected) -> None:
    assert tolls(text, trigger) == expected
