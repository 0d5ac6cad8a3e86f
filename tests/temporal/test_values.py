"""TIMEX3 values: the validator and the interval each value covers."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.temporal.values import interval, is_valid_value

D = dt.date


@pytest.mark.parametrize("value,start,end,granularity", [
    ("2018-10-07", D(2018, 10, 7), D(2018, 10, 7), "day"),
    ("2018-07", D(2018, 7, 1), D(2018, 7, 31), "month"),
    ("2016-02", D(2016, 2, 1), D(2016, 2, 29), "month"),
    ("2018", D(2018, 1, 1), D(2018, 12, 31), "year"),
    ("2018-W35", D(2018, 8, 27), D(2018, 9, 2), "week"),
    ("2018-W35-WE", D(2018, 9, 1), D(2018, 9, 2), "week"),
    ("2018-FA", D(2018, 9, 1), D(2018, 11, 30), "season"),
    ("2018-WI", D(2018, 12, 1), D(2019, 2, 28), "season"),
    ("2018-Q3", D(2018, 7, 1), D(2018, 9, 30), "quarter"),
    ("2019-H1", D(2019, 1, 1), D(2019, 6, 30), "half"),
    ("199", D(1990, 1, 1), D(1999, 12, 31), "decade"),
    ("19", D(1900, 1, 1), D(1999, 12, 31), "century"),
    ("2018-10-07TAF", D(2018, 10, 7), D(2018, 10, 7), "part-of-day"),
    ("2018-10-07T14:30", D(2018, 10, 7), D(2018, 10, 7), "time"),
    ("FUTURE_REF", None, None, "ref"),
    ("XXXX-07", None, None, "month"),
])
def test_interval(value, start, end, granularity):
    tv = interval(value)
    assert (tv.start, tv.end, tv.granularity) == (start, end, granularity)


def test_durations_and_sets_cover_no_fixed_days():
    assert interval("PT2H", "DURATION").granularity == "duration"
    assert interval("P1W", "SET").start is None


@pytest.mark.parametrize("value,type_", [
    ("2018-10-07", "DATE"), ("XXXX-WXX-7", "DATE"), ("PT2H", "DURATION"), ("P2D", "DURATION"),
    ("PXY", "DURATION"), ("P1W", "SET"), ("PAST_REF", "DATE"), ("2018-10-07T15:00", "TIME"),
])
def test_valid_values(value, type_):
    assert is_valid_value(value, type_)


@pytest.mark.parametrize("value,type_", [
    ("2018-02-30", "DATE"), ("2018-13", "DATE"), ("2018-W54", "DATE"), ("P", "DURATION"),
    ("PT2H", "DATE"), ("UNDEF-year-07", "DATE"), ("2018-10-07T25:00", "TIME"), ("July", "DATE"),
])
def test_invalid_values(value, type_):
    assert not is_valid_value(value, type_)
