"""The seed article (../shared/seed, DCT 2018-10-07, a Sunday): every temporal expression resolved right.

The tagger has no knowledge of this article; this only checks its general rules on it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from extract.temporal import tag

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "pompeo-pyongyang-2018-10-07.txt"

EXPECTED = Counter({
    ("Sunday", "2018-10-07"): 2,
    ("Sunday afternoon", "2018-10-07TAF"): 1,
    ("Sunday morning", "2018-10-07TMO"): 1,
    ("today", "2018-10-07"): 1,
    ("July", "2018-07"): 2,
    ("June", "2018-06"): 1,
    ("August", "2018-08"): 1,
    ("soon", "FUTURE_REF"): 1,
    ("as soon as possible", "FUTURE_REF"): 1,
    ("the near future", "FUTURE_REF"): 1,
    ("two hours", "PT2H"): 1,
    ("two-day", "P2D"): 1,
    ("the last time", "PAST_REF"): 1,
})


@pytest.fixture(scope="module")
def seed_timexes():
    if not SEED.exists():
        pytest.skip(f"the seed article is absent: {SEED}")
    text = SEED.read_text(encoding="utf-8")
    return text, tag(text, dt.date(2018, 10, 7))


def test_every_seed_expression_is_found_and_resolved(seed_timexes):
    _, timexes = seed_timexes
    assert Counter((t.text, t.value.value) for t in timexes) == EXPECTED


def test_seed_intervals(seed_timexes):
    text, timexes = seed_timexes
    july = next(t for t in timexes if t.text == "July")
    assert (july.value.start, july.value.end, july.value.granularity) == (
        dt.date(2018, 7, 1), dt.date(2018, 7, 31), "month")
    afternoon = next(t for t in timexes if t.text == "Sunday afternoon")
    assert (afternoon.value.start, afternoon.value.end, afternoon.value.granularity) == (
        dt.date(2018, 10, 7), dt.date(2018, 10, 7), "part-of-day")
    assert all(text[t.start:t.end] == t.text for t in timexes)
    assert next(t for t in timexes if t.text == "two hours").value.type == "DURATION"
