"""TIMEX3 values: validate them and give each the interval of days it covers.

Pure functions of the value string, so the timeline can draw "2018-07" as July 1..31 and never
as a fake point on July 1.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from extract.types import TimeValue

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
PART_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")
FUZZY = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")

_Y = r"(?:\d{4}|X{4})"
_DATE = re.compile(
    rf"^(?:{_Y}(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?)?"          # 2018, 2018-07, 2018-07-06, XXXX-07
    rf"|{_Y}-W(?:\d\d|XX)(?:-(?:[1-7]|WE))?"                # 2018-W35, 2018-W35-WE, XXXX-WXX-7
    rf"|{_Y}-(?:SP|SU|FA|WI|Q[1-4X]|H[12X])"                 # seasons, quarters, halves
    rf"|\d{{3}}|\d\d|X{{3}}|XX)"                             # decade 199, century 19
    rf"(?:T(?:MO|MI|AF|EV|NI|DT|\d\d(?::\d\d(?::\d\d)?)?))?$")
_DURATION = re.compile(r"^P(?:(?:\d+(?:\.\d+)?|X)(?:DE|CE|Y|M|W|D|Q))*"
                       r"(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?$")


def is_valid_value(value: str, type_: str = "DATE") -> bool:
    """True if ``value`` is a well-formed TIMEX3 value for a TIMEX3 of type ``type_``."""
    if value in FUZZY:
        return type_ in ("DATE", "TIME")
    if value.startswith("P"):
        return type_ in ("DURATION", "SET") and value != "P" and value != "PT" \
            and bool(_DURATION.match(value))
    if not _DATE.match(value):
        return False
    try:
        interval(value, type_)
    except ValueError:
        return False
    return True


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def interval(value: str, type_: str = "DATE", mod: str | None = None) -> TimeValue:
    """The TimeValue of a TIMEX3 value: first and last day covered and the granularity.

    Raises ValueError for a value that names no real day ("2018-02-30").
    """
    if value in FUZZY:
        return TimeValue(value, type_, None, None, "ref", mod)
    if type_ == "DURATION" or (value.startswith("P") and type_ != "SET"):
        return TimeValue(value, "DURATION", None, None, "duration", mod)
    if type_ == "SET":
        return TimeValue(value, "SET", None, None, "set", mod)
    date_part, _, time_part = value.partition("T")
    start, end, gran = _date_interval(date_part)
    if time_part:
        gran = "part-of-day" if time_part in PART_OF_DAY else "time"
        if time_part[:2].isdigit() and (int(time_part[:2]) > 24 or int(time_part[3:5] or 0) > 59):
            raise ValueError(f"bad time of day in {value!r}")
    return TimeValue(value, type_, start, end, gran, mod)


def _date_interval(v: str) -> tuple[dt.date | None, dt.date | None, str]:
    if "X" in v:
        return None, None, _granularity_of_unresolved(v)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
        d = dt.date.fromisoformat(v)
        return d, d, "day"
    if re.fullmatch(r"\d{4}-\d\d", v):
        y, m = int(v[:4]), int(v[5:])
        return dt.date(y, m, 1), _last_day(y, m), "month"
    if re.fullmatch(r"\d{4}", v):
        y = int(v)
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    if re.fullmatch(r"\d{4}-W\d\d(-WE)?", v):
        y, w = int(v[:4]), int(v[6:8])
        monday = dt.date.fromisocalendar(y, w, 1)
        if v.endswith("-WE"):
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week"
        return monday, monday + dt.timedelta(days=6), "week"
    if re.fullmatch(r"\d{4}-W\d\d-[1-7]", v):
        d = dt.date.fromisocalendar(int(v[:4]), int(v[6:8]), int(v[9]))
        return d, d, "day"
    if re.fullmatch(r"\d{4}-Q[1-4]", v):
        y, q = int(v[:4]), int(v[6])
        return dt.date(y, 3 * q - 2, 1), _last_day(y, 3 * q), "quarter"
    if re.fullmatch(r"\d{4}-H[12]", v):
        y, h = int(v[:4]), int(v[6])
        return dt.date(y, 6 * h - 5, 1), _last_day(y, 6 * h), "half"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", v):
        y, (first, last) = int(v[:4]), SEASON_MONTHS[v[5:]]
        # Winter 2018 runs from December 2018 into February 2019.
        return dt.date(y, first, 1), _last_day(y + (last < first), last), "season"
    if re.fullmatch(r"\d{3}", v):
        y = int(v) * 10
        return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31), "decade"
    if re.fullmatch(r"\d\d", v):
        y = int(v) * 100
        return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31), "century"
    raise ValueError(f"not a TIMEX3 date value: {v!r}")


def _granularity_of_unresolved(v: str) -> str:
    if "-W" in v:
        return "day" if re.search(r"-W..-\d$", v) else "week"
    if re.search(r"-(SP|SU|FA|WI)$", v):
        return "season"
    if "-Q" in v:
        return "quarter"
    if "-H" in v:
        return "half"
    return {1: "year", 2: "month", 3: "day"}.get(v.count("-") + 1, "year") if len(v) >= 4 else \
        {3: "decade", 2: "century"}.get(len(v), "year")
