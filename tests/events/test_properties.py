"""The pipeline on open-ended text: it never raises and every event it emits keeps the contract."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.types import EVENT_STATUSES, EVENT_TYPES

WORDS = ["Trump", "Kim", "Pompeo", "Moon Jae-in", "he", "his counterpart", "the two leaders", "met",
         "will meet", "did not meet", "canceled", "the summit", "talks", "held", "said", "on Sunday", "in July",
         "next week", "in Pyongyang", "Seoul", "visited", "'", '"', "\n", "\n\n", ",", ".", "and", "with",
         "before", "when", "the secretary of state", "North Korea", "Read more: x", "—", "SEOUL (AP) —"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)))
def test_any_text_gives_well_formed_events(run, words, published):
    text = " ".join(words)
    for e in run(text, published):
        assert e.type in EVENT_TYPES and e.status in EVENT_STATUSES
        assert e.actors or e.time is not None   # an event naming no one is kept only with its own date
        assert e.actors or e.type not in ("travel", "statement")
        assert text[e.span[0]:e.span[1]] == e.sentence
        assert e.span[0] <= e.trigger_span[0] < e.trigger_span[1] <= e.span[1]
        assert text[e.trigger_span[0]:e.trigger_span[1]] == e.trigger
        if e.time is not None:
            assert e.time.value.start is None or e.time.value.start <= e.time.value.end
