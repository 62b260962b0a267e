"""Stored tolls: an event's killed and injured columns are the sums over its parties, as extract.numbers
gives them ("2 soldiers and 7 militants were killed": killed 2, killed 7) and the attribute scorer counts
them, so a query on the columns agrees with the event's own numbers."""

from __future__ import annotations

import pytest

from brinkwatch.model import Quantity
from brinkwatch.store import Store
from test_store_helpers import document, event


def stored_tolls(*numbers: tuple[str, float]) -> tuple[float | None, float | None]:
    text = "Troops and rebels clashed in the north."
    ev = event("d1", text)
    ev = ev.model_copy(update={"numbers": tuple(Quantity(kind=k, value=v, text=str(v)) for k, v in numbers)})
    with Store() as store:
        store.write([document("d1", text, [ev])])
        return store.con.execute("SELECT killed, injured FROM event_mentions").fetchall()[0]


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        ((("killed", 2), ("killed", 7)), (9.0, None)),  # two soldiers and seven militants
        ((("killed", 1), ("killed", 3), ("injured", 12), ("injured", 4)), (4.0, 16.0)),
        ((("injured", 5),), (None, 5.0)),
        ((("arrested", 30), ("troops", 400)), (None, None)),  # other kinds are no toll
        ((), (None, None)),
    ],
)
def test_tolls_are_summed_over_parties(numbers, expected) -> None:
    assert stored_tolls(*numbers) == expected
