"""Property tests: the cursor parser never fails other than with ValueError, and paging never skips or repeats."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from brinkwatch.store import EventFilter, Store
from brinkwatch.store.queries import decode_cursor, encode_cursor
from test_store_helpers import document, event


@given(st.text())
def test_decode_cursor_rejects_garbage_with_value_error_only(text):
    try:
        day, key = decode_cursor(text)
    except ValueError:
        if not text:
            assert EventFilter(cursor=text).cursor is None  # an empty cursor means the first page
            return
        with pytest.raises(ValidationError):
            EventFilter(cursor=text)
    else:
        assert isinstance(day, dt.date) and isinstance(key, str)


@given(st.dates(), st.text())
def test_cursor_round_trip(day, key):
    assert decode_cursor(encode_cursor(day, key)) == (day, key)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    days=st.lists(st.one_of(st.none(), st.integers(0, 5)), min_size=1, max_size=12),
    limit=st.integers(1, 5),
    newest_first=st.booleans(),
)
def test_paging_visits_each_mention_once_in_order(days, limit, newest_first):
    with Store() as store:
        docs = []
        for i, offset in enumerate(days):
            date = None if offset is None else dt.date(2024, 3, 1) + dt.timedelta(days=offset)
            text = f"Report {i} on the clashes."
            docs.append(document(f"d{i}", text, [event(f"d{i}", text, date=date)]))
        store.write(docs)
        order = "-date" if newest_first else "date"
        seen, cursor = [], None
        while page := store.mentions(EventFilter(limit=limit, cursor=cursor, order=order)):
            seen += page
            cursor = page[-1]["cursor"]
        assert sorted(r["doc_id"] for r in seen) == sorted(f"d{i}" for i in range(len(days)))
        keys = [(r["date"] or "2024-01-02", r["mention_id"]) for r in seen]  # undated: by pub_date
        assert keys == sorted(keys, reverse=newest_first)
