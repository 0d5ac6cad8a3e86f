import datetime as dt

import pytest

from extract.types import TimeValue


def test_time_value_rejects_an_interval_that_ends_before_it_starts():
    with pytest.raises(ValueError, match="after end"):
        TimeValue("2018-07", start=dt.date(2018, 7, 31), end=dt.date(2018, 7, 1), granularity="month")


def test_time_value_json_gives_iso_days():
    v = TimeValue("2018-07", start=dt.date(2018, 7, 1), end=dt.date(2018, 7, 31), granularity="month")
    assert v.to_json() == {"value": "2018-07", "start": "2018-07-01", "end": "2018-07-31",
                           "granularity": "month"}
