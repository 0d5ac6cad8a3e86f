"""Hypothesis properties: arbitrary text and DCTs never raise, and every output is well-formed."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.temporal import tag
from extract.temporal.values import is_valid_value

# Text made of date-like words as well as arbitrary characters, so the rules actually fire.
WORDS = ["on", "Sunday", "July", "in", "last", "next", "week", "2018", "12/06/2018", "Oct.", "6",
         "two", "days", "later", "ago", "the", "following", "day", "mid-2019", "early", "late",
         "quarter", "third", "every", "month", "yesterday", "today", "soon", "now", "at", "3",
         "p.m.", "afternoon", "1990s", "-", ",", ".", "\n", "will", "said", "Feb.", "30", "29",
         "hours", "a", "year", "earlier", "that", "fiscal", "1999", "0", "31", "99", "twenty-four"]
texts = st.one_of(st.text(max_size=300),
                  st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=60)
                  .map(" ".join))
dcts = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(texts, dcts)
def test_tag_never_raises_and_emits_well_formed_timexes(text, dct):
    timexes = tag(text, dct)
    previous_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= previous_end, "sorted and non-overlapping"
        previous_end = t.end
        v = t.value
        assert is_valid_value(v.value, v.type), v
        if v.start is not None or v.end is not None:
            assert v.start is not None and v.end is not None and v.start <= v.end


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(2, 1, 1), max_value=dt.date(9998, 12, 31)))
def test_every_relative_expression_resolves_near_its_dct(dct):
    text = "He met her on Sunday, in July, last week, yesterday and two days later."
    for t in tag(text, dct):
        assert t.value.start is not None
        assert abs((t.value.start - dct).days) <= 400
