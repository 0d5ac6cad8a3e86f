"""Turn underspecified values into TIMEX3 values: the one place the publication date and tense are used.

The underspecified language (written by the rules in resources/temporal/rules/*.yaml):

    UNDEF-year-07 | UNDEF-year-07-06 | UNDEF-year-Q3 | UNDEF-year-SU   year chosen by the tense
    UNDEF-nth-11-4-4                              the 4th Thursday of November (L = the last one)
    UNDEF-century-18-10-07                        a two-digit year, put in the century nearest the DCT
    UNDEF-day-7 | UNDEF-day-7-past                a weekday (ISO number), direction from the tense
                                                  or, if given, from the rule
    UNDEF-mday-16                                 "the 16th": that day of the month last mentioned,
                                                  else of the month around the last date mentioned
                                                  (or the DCT) that the tense points to
    UNDEF-{before,after}-day-5                    the Friday before/after the last date mentioned
    UNDEF-{this,next,last}-{unit}                 the period of the DCT, the next or the previous one
    UNDEF-{this,next,last}-day-7 | -month-07 | -season-SU   "last Tuesday", "next July", "this summer"
    UNDEF-{this,next,last}-year-07[-06]           "July last year", "December 10 last year"
    UNDEF-REF-year-06                             "June of that year": in the year last mentioned
    UNDEF-{this,REF}-{unit}-{PLUS,MINUS}-N         N units from the DCT (this) or the last date
                                                  mentioned in the text (REF, for "two days later")
    UNDEF-COMP-year-MINUS-1[-quarter]             "the year-earlier quarter": the period last
                                                  mentioned (however far back) a year before, at
                                                  its precision or the one named
    ...T15:00 | ...TAF                            a time or a part of the day appended to a day

Anything not starting with UNDEF is already a TIMEX3 value (durations are tidied: P2TH -> PT2H).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import replace

from extract.temporal.rules import tense_markers
from extract.temporal.tagger import Mention
from extract.temporal.values import interval, is_valid_value
from extract.types import TimeValue, Timex

# How fine each granularity is, to pick the last mentioned date a REF expression can count from.
FINENESS = {"time": 0, "part-of-day": 0, "day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3,
            "half": 4, "year": 5, "decade": 6, "century": 7}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_TIME_SUFFIX = re.compile(r"^(.*?)(T(?:MO|MI|AF|EV|NI|DT|\d\d:\d\d)|-WE)?$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z\"'‘“])")

PAST, FUTURE, NONE = "past", "future", "none"
# "was due to leave on Friday": a plan told in the narrative past, which may lie on either side of the
# DCT; a weekday is then the nearest one, anything else is read as with no tense
NEAR = "near"


# ---- tense: which way an expression points ----

def _alternation(words: list[str], end: str = r"(?![\w])") -> re.Pattern:
    """Any of ``words`` as whole words (longest first), followed by ``end``."""
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                      + r")" + end, re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _marker_regexes() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    spec = tense_markers()
    return (_alternation(spec["future"]), _alternation(spec["future_weak"]), _alternation(spec["past"]),
            _alternation(spec["not_markers"]), _alternation(spec["intended"]))


@functools.lru_cache(maxsize=1)
def _deadline_regex() -> re.Pattern:
    """A word right before an expression that makes it a deadline ahead ("by February")."""
    return _alternation(tense_markers()["future_just_before"], end=r"\s+$")


@functools.lru_cache(maxsize=1)
def _fronted_regex() -> re.Pattern:
    """A future marker opening the sentence as a mere preposition ("Until Thursday, they had...")."""
    words = _alternation(tense_markers()["fronted"]).pattern
    return re.compile(r"^[\s\"'‘“`(]*(" + words + ")", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _comparison_regex() -> re.Pattern:
    return _alternation(tense_markers()["comparison"])


# A past tense or participle by its -ed ending; "-eed" words (need, proceed) are not past.
_ED_WORD = re.compile(r"\b(?:[A-Za-z]+[^eE\W]ed|agreed|freed)\b")


_BE_BEFORE = re.compile(r"\bbe\s+$", re.IGNORECASE)
_BY_AFTER = re.compile(r"\s+by\b", re.IGNORECASE)
_HAD_BEFORE = re.compile(r"\bhad\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# An -ed word after a determiner or with an un- prefix is an adjective ("the planned trip",
# "an unspecified date"), not a past tense.
_ADJECTIVAL = re.compile(r"(?:\b(?:a|an|the|this|that|its|his|her|their|our|still)\s+\w+|\bun\w+)$",
                         re.IGNORECASE)


# A period after these ends no sentence ("payable Jan. 2", "Mr. Kim", "the U.S. envoy").
_ABBREVIATION = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|"
    r"sat|sun|mr|mrs|ms|dr|st|sen|rep|gov|gen|col|lt|sgt|capt|adm|prof|inc|corp|co|ltd|no|vs|jr|sr)"
    r"|\b(?:[a-z]\.)+[a-z]|\b[A-Z])\.$", re.IGNORECASE)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[m.start() - 1:m.start()] == "." and "\n" not in m.group(0) \
                and _ABBREVIATION.search(text, max(0, m.start() - 12), m.start()):
            continue
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def direction(sentence: str, start: int, end: int, markers: tuple | None = None) -> str:
    """past/future/none for an expression at sentence[start:end].

    The nearest tense marker before the expression decides, since the verb that governs a date
    mostly comes before it; only if there is none, the nearest one after it ("..., officials said").
    ``markers`` is ``sentence_markers(sentence)`` if the caller has it.
    """
    if _deadline_regex().search(sentence, 0, start):
        return FUTURE
    before = after = None
    for a, b, tense in sentence_markers(sentence) if markers is None else markers:
        if a < end and b > start:
            continue                       # the expression's own words ("next month")
        if b <= start:
            if before is None or b > before[1]:          # the first of the nearest, as max() picks
                before = (a, b, FUTURE if tense is None else tense)
        elif after is None or a < after[0]:
            after = (a, b, PAST if tense is None else tense)
    if before is not None:
        return before[2]
    return after[2] if after is not None else NONE


def sentence_markers(sentence: str) -> tuple[tuple[int, int, str | None], ...]:
    """The tense markers of a sentence, (start, end, tense), in the order ``direction`` weighs ties.

    A sentence holds several expressions and the marker scans were most of the resolver's time:
    they do not depend on the expression, so ``resolve`` makes them once per sentence. Tense None marks
    "planned to", whose planned act lies ahead of a date after it, while a date before it times
    the planning: FUTURE when it comes before the expression, PAST after.
    """
    future_re, weak_re, past_re, ignore_re, intended_re = _marker_regexes()
    ignored = [(m.start(), m.end()) for m in ignore_re.finditer(sentence)]
    fronted = _fronted_regex().match(sentence)
    if fronted:
        ignored.append(fronted.span(1))
    markers = [(m.start(), m.end(), FUTURE) for m in future_re.finditer(sentence)]
    pasts = [(m.start(), m.end(), PAST) for m in past_re.finditer(sentence)]
    plans = tense_markers()["narrative_plans"]
    for m in weak_re.finditer(sentence):
        before = sentence[max(0, m.start() - 30):m.start()].split()[-1:]
        # "had been due to": a plan seen from the past; "was due to leave on Friday": the narrative
        # past of a plan that may still be ahead
        narrative = m.group(0).lower() in plans and any(word.lower() in ("was", "were") for word in before)
        seen_from_past = any(past_re.fullmatch(word) for word in before)
        markers.append((m.start(), m.end(), NEAR if narrative else PAST if seen_from_past else FUTURE))
    # "had (originally) planned to travel in February": a plan seen from the past, its act past too.
    markers += [(m.start(), m.end(), PAST if _HAD_BEFORE.search(sentence, 0, m.start()) else None)
                for m in intended_re.finditer(sentence)]
    explicit = [(a, b) for a, b, _ in markers + pasts]
    pasts += [(m.start(), m.end(), PAST) for m in _ED_WORD.finditer(sentence)
              if not any(a <= m.start() < b for a, b in explicit)
              and not _ADJECTIVAL.search(sentence, 0, m.end())
              and not _BY_AFTER.match(sentence, m.end())]   # "a summit hosted by ...": passive, no tense
    # A participle after "be" ("could be held", "to be signed") is passive, not past tense.
    markers += [p for p in pasts if not _BE_BEFORE.search(sentence, 0, p[0])]
    return tuple(m for m in markers if not any(a <= m[0] < b for a, b in ignored))


# ---- calendar arithmetic ----

def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120,
              "century": 1200}[unit] * n
    y, m = divmod(d.month - 1 + months, 12)
    year = d.year + y
    if not 1 <= year <= 9999:
        raise ValueError("out of range")
    day = min(d.day, [31, 29 if _leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m])
    return dt.date(year, m + 1, day)


def _leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _season_of(d: dt.date) -> tuple[int, str]:
    if d.month in (1, 2):
        return d.year - 1, "WI"
    return d.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA",
                    11: "FA", 12: "WI"}[d.month]


def format_at(d: dt.date, unit: str) -> str:
    """The TIMEX3 value of the ``unit``-long period that holds day ``d``."""
    if unit == "day":
        return d.isoformat()
    if unit == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "half":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if unit == "season":
        y, s = _season_of(d)
        return f"{y:04d}-{s}"
    if unit == "year":
        return f"{d.year:04d}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    return f"{d.year // 100:02d}"


UNRESOLVED = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
              "half": "XXXX-HX", "season": "XXXX-XX", "year": "XXXX", "decade": "XXX", "century": "XX"}


# How many sentences back "a year earlier" may look for the period it compares with; beyond
# that it counts from the DCT ("Pompeo visited in July. ... A year ago, Kim ..." is not July),
# unless its sentence compares figures ("up from $3 million a year earlier").
COMPARISON_REACH = 1
# Periods a year-on-year comparison keeps the precision of (a year compared is just the year before).
COMPARED_GRANULARITIES = ("day", "month", "quarter", "half", "season")
AGAINST_TENSE = 6  # how much farther a date may be in the tense's direction before the other wins


def _pick_year(dct: dt.date, tense: str, period) -> int:
    """The year of a period given without one: the nearest such period to the DCT, where one on the
    side the tense points to may be AGAINST_TENSE times farther. ``period(year)`` gives its first
    day, or a TimeValue with start and end."""
    def cost(year: int) -> float:
        p = period(year)
        first, last = (p, p) if isinstance(p, dt.date) else (p.start, p.end)
        if last < dct:
            distance, side = (dct - last).days, PAST
        elif first > dct:
            distance, side = (first - dct).days, FUTURE
        else:
            return 0
        return distance * (AGAINST_TENSE if tense not in (NONE, NEAR, side) else 1)
    return min((dct.year - 1, dct.year, dct.year + 1), key=cost)


def _day_in_month(month: dt.date, day: int) -> dt.date | None:
    """Day ``day`` of the month that holds ``month``; None if that month is too short."""
    try:
        return month.replace(day=day)
    except ValueError:
        return None


def _days_around(ref: dt.date, day: int) -> list[dt.date]:
    """Day ``day`` of each month from two before ``ref``'s to two after, in order: wide enough that
    a 31st has a month on either side."""
    first = ref.replace(day=1)
    return [d for n in range(-2, 3) if (d := _day_in_month(_shift(first, "month", n), day)) is not None]


def _nth_weekday(year: int, month: int, weekday: int, nth: str) -> dt.date:
    """The nth (or L: last) ISO ``weekday`` of a month: Thanksgiving is (11, 4, "4")."""
    if nth == "L":
        last = _shift(dt.date(year, month, 1), "month", 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (int(nth) - 1))


def _weekday(dct: dt.date, weekday: int, how: str) -> dt.date:
    """The day with ISO ``weekday`` nearest the DCT: on or before (past/none), after (future/next),
    before (last), or within the DCT's week (this). The DCT's own weekday is the DCT itself unless
    "next" or "last" says otherwise."""
    delta = weekday - dct.isoweekday()
    if how in ("this", PAST, FUTURE, NONE, NEAR) and delta == 0:
        return dct  # "Sunday" in a Sunday paper is that day, whatever the tense
    if how == NEAR:
        ahead, back = delta % 7, (-delta) % 7
        return dct + dt.timedelta(days=ahead) if ahead <= back else dct - dt.timedelta(days=back)
    if how == "this":
        return dct + dt.timedelta(days=delta)
    if how in (FUTURE, "next"):
        return dct + dt.timedelta(days=delta % 7 or 7)
    if how == "last":
        return dct - dt.timedelta(days=(-delta) % 7 or 7)
    return dct - dt.timedelta(days=(-delta) % 7)


class Resolver:
    """Resolves one document's mentions in text order, remembering the dates it has mentioned."""

    def __init__(self, dct: dt.date | None):
        self.dct = dct
        self.mentioned: list[TimeValue] = []
        self.sentence_of: list[int] = []   # the sentence each mentioned date was in
        self.sentence = 0                  # the sentence of the mention being resolved
        self.comparing = False             # whether that sentence compares figures over time
        # Set when the last value compared a period with the same one a year before; such a
        # value is no anchor for what follows ("a year earlier" twice is not two years).
        self.comparison = False

    def last_mentioned(self, unit: str) -> TimeValue | None:
        """The last mentioned date at least as fine as ``unit``."""
        for tv in reversed(self.mentioned):
            if tv.start is not None and FINENESS.get(tv.granularity, 9) <= FINENESS[unit]:
                return tv
        return None

    def anchor(self, unit: str) -> dt.date | None:
        """The last mentioned date at least as fine as ``unit``; the DCT if there is none."""
        last = self.last_mentioned(unit)
        return self.dct if last is None else last.start

    def value(self, underspecified: str, tense: str) -> str:
        self.comparison = False
        if not underspecified.startswith("UNDEF-"):
            return tidy_duration(underspecified) if underspecified.startswith("P") else underspecified
        base, time = _TIME_SUFFIX.match(underspecified).groups()
        value = self._date(base[len("UNDEF-"):], tense) + (time or "")
        if time == "-WE" and base == "UNDEF-REF-week-PLUS-0" and self.dct is not None \
                and tense in (PAST, FUTURE):
            # "the weekend" is that of the week talked about, but never on the wrong side of the DCT for
            # the tense: "talked over the weekend" in a Thursday paper is the weekend gone.
            span = interval(value)
            if tense == PAST and span.start > self.dct:
                return self._counted("week", -1, self.dct, "week") + time
            if tense == FUTURE and span.end < self.dct:
                return self._counted("week", 0 if self.dct.isoweekday() < 6 else 1, self.dct, "week") + time
        return value

    def _date(self, spec: str, tense: str) -> str:
        dct = self.dct
        parts = spec.split("-")
        head = parts[0]
        if head == "year":                                     # year-07, year-07-06, year-Q3, year-SU
            rest = "-".join(parts[1:])
            if dct is None:
                return "XXXX-" + rest
            return f"{_pick_year(dct, tense, lambda y: interval(f'{y:04d}-{rest}')):04d}-{rest}"
        if head == "nth":                                      # nth-11-4-4: the 4th Thursday of November
            if dct is None:
                return f"XXXX-{parts[1]}-XX"
            month, weekday, nth = int(parts[1]), int(parts[2]), parts[3]
            year = _pick_year(dct, tense, lambda y: _nth_weekday(y, month, weekday, nth))
            return _nth_weekday(year, month, weekday, nth).isoformat()
        if head == "century":                                  # century-18-10-07: "10/07/18"
            yy = int(parts[1])
            if dct is None:  # no anchor: the usual pivot of two-digit years
                year = (2000 if yy < 50 else 1900) + yy
            else:
                century = dct.year // 100
                year = min((c * 100 + yy for c in (century - 1, century, century + 1)),
                           key=lambda y: abs(y - dct.year))
            return f"{year:04d}-" + "-".join(parts[2:])
        if head == "day":                                      # day-7, or day-7-past: a weekday
            if dct is None:
                return f"XXXX-WXX-{parts[1]}"
            return _weekday(dct, int(parts[1]), parts[2] if len(parts) > 2 else tense).isoformat()
        if head == "mday":                                     # mday-16: "on the 16th"
            return self._day_of_month(int(parts[1]), tense)
        if head in ("before", "after"):                        # before-day-5: "the previous Friday"
            anchor = self.anchor("day")
            if anchor is None:
                return f"XXXX-WXX-{parts[2]}"
            return _weekday(anchor, int(parts[2]), "last" if head == "before" else "next").isoformat()
        if head == "COMP":                                     # COMP-year-MINUS-1[-quarter]
            self.comparison = True
            last = self.mentioned[-1] if self.mentioned else None
            if last is not None and last.granularity in COMPARED_GRANULARITIES:
                return self._counted("year", -1, last.start, parts[4] if len(parts) > 4 else last.granularity)
            return self._counted("year", -1, dct, parts[4] if len(parts) > 4 else "year")
        if head in ("this", "REF") and len(parts) == 4 and parts[2] in ("PLUS", "MINUS"):   # REF-day-PLUS-1
            unit, sign, n = parts[1], parts[2], int(parts[3])
            n = n if sign == "PLUS" else -n
            if unit == "year" and abs(n) == 1:
                # A year before or after is a comparison, no new point of reference for what follows
                # ("a year earlier" twice is not two years).
                self.comparison = True
                if self.mentioned and (self.comparing
                                       or self.sentence - self.sentence_of[-1] <= COMPARISON_REACH):
                    # "Profit rose in the third quarter from a year ago/earlier": one year before the
                    # period just mentioned, at its precision (a quarter, not a year).
                    last = self.mentioned[-1]
                    if last.granularity in COMPARED_GRANULARITIES:
                        return self._counted(unit, n, last.start, last.granularity)
            if head == "REF" and unit in ("day", "week") and self.mentioned:
                # "talks collapsed in November, and a deal was struck two days later": a few days on from
                # a month of the same sentence is still, as far as the text tells, that month, not days on
                # from some older day or the DCT (a month told in a sentence before may be a background
                # aside: "met on Thursday, after the summit in February. The following day ...")
                last = self.mentioned[-1]
                # (with no gap, the sentence before too: "In August, Tahnoun visited Ankara. Hours later")
                reach = 1 if n == 0 else 0
                if last.start is not None and self.sentence - self.sentence_of[-1] <= reach \
                        and last.granularity == "month" \
                        and abs(n) * (7 if unit == "week" else 1) <= 7:
                    return last.value
            anchor = dct if head == "this" else self.anchor(unit)
            return self._counted(unit, n, anchor, unit)
        if head == "REF" and parts[1] == "year" and len(parts) >= 3:   # REF-year-06: "June of that year"
            anchor = self.anchor("year")
            if anchor is None:
                return "XXXX-" + "-".join(parts[2:])
            return f"{anchor.year:04d}-" + "-".join(parts[2:])
        if head in ("this", "next", "last") and len(parts) == 3:   # last-day-2, next-month-07, this-season-SU
            return self._named(head, parts[1], parts[2], tense)
        if head in ("this", "next", "last") and len(parts) == 4 and parts[1] == "year":   # last-year-12-10
            return self._named(head, "year", "-".join(parts[2:]), tense)
        if head in ("this", "next", "last"):                   # this-week, next-year
            unit = parts[1]
            return self._counted(unit, {"this": 0, "next": 1, "last": -1}[head], dct, unit)
        raise ValueError(f"unknown underspecified value {spec!r}")

    def _day_of_month(self, day: int, tense: str) -> str:
        """"the 16th": after "In March", March 16. After a day ("June 10 ... on the 12th"), the 16th
        nearest that day on the side of the DCT the tense points to. Otherwise the 16th nearest the
        DCT on the tense's side (a past "met on the 28th" in a paper of the 3rd is last month's; a
        month repeats too soon for a date against the tense to be likelier), or with no tense the
        16th of the DCT's month."""
        last = self.last_mentioned("month")
        if last is not None and last.granularity == "month":
            return last.start.replace(day=day).isoformat()  # ValueError for June 31st: no date
        dct = self.dct
        if last is not None:
            agree = [d for d in _days_around(last.start, day)
                     if dct is None or tense in (NONE, NEAR) or (d <= dct if tense == PAST else d >= dct)]
            if agree:
                return min(agree, key=lambda d: abs((d - last.start).days)).isoformat()
        if dct is None:
            return f"XXXX-XX-{day:02d}"
        days = _days_around(dct, day)
        if tense == PAST:
            return max(d for d in days if d <= dct).isoformat()
        if tense == FUTURE:
            return min(d for d in days if d >= dct).isoformat()
        same_month = _day_in_month(dct, day)
        return (same_month or min(days, key=lambda d: abs((d - dct).days))).isoformat()

    def _counted(self, unit: str, n: int, anchor: dt.date | None, granularity: str) -> str:
        if anchor is None:
            return UNRESOLVED[unit]
        return format_at(_shift(anchor, unit, n), granularity)

    def _named(self, how: str, unit: str, name: str, tense: str) -> str:
        dct = self.dct
        if unit == "day":
            return f"XXXX-WXX-{name}" if dct is None else _weekday(dct, int(name), how).isoformat()
        if dct is None:
            return f"XXXX-{name}"
        if unit == "year":                                     # "May last year", "next year's first quarter"
            return f"{dct.year + {'this': 0, 'next': 1, 'last': -1}[how]:04d}-{name}"
        if unit == "month":
            month = int(name)
            shift = {"this": 0, "next": int(month <= dct.month), "last": -int(month >= dct.month)}
            year = dct.year + shift[how]
            return f"{year:04d}-{name}"
        # season: this summer is the DCT year's (last winter/next spring count from the DCT's season)
        here = SEASON_START[_season_of(dct)[1]]
        there = SEASON_START[name]
        year = _season_of(dct)[0] + {"this": 0, "next": int(there <= here),
                                     "last": -int(there >= here)}[how]
        return f"{year:04d}-{name}"


def tidy_duration(value: str) -> str:
    """Put a duration in TIMEX3 form: P2TH -> PT2H, P2DE -> P20Y, P1CE -> P100Y (TimeBank keeps P2Q)."""
    m = re.fullmatch(r"P([\dX.]+)(T?)([A-Z]+)", value)
    if not m:
        return value
    n, t, unit = m.groups()
    scale = {"DE": ("Y", 10), "CE": ("Y", 100)}
    if unit in scale and n != "X":
        letter, k = scale[unit]
        number = float(n) * k
        n, unit = (str(int(number)) if number.is_integer() else str(number)), letter
    elif unit in scale:
        unit = scale[unit][0]
    if n.endswith(".5") and unit in HALF_UNIT:        # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M
        return f"{'PT' if t else 'P'}{n[:-2]}{unit}{HALF_UNIT[unit]}"
    return f"PT{n}{unit}" if t else f"P{n}{unit}"


# Half of a unit in the next smaller one, for "2 1/2 years" and the like.
HALF_UNIT = {"Y": "6M", "M": "15D", "D": "T12H", "H": "30M"}


def resolve(mentions: list[Mention], text: str, dct: dt.date | None) -> list[Timex]:
    """Resolve a document's mentions (in text order) into Timex records with their intervals."""
    sentences = sentence_bounds(text)
    resolver = Resolver(dct)
    out, si = [], 0
    # Per sentence, as a sentence holds several expressions; an expression running past its
    # sentence's end makes a longer one (hence the end in the key).
    markers: dict[tuple[int, int], tuple] = {}
    comparing: dict[int, bool] = {}
    spec: list[str] = []   # each resolved expression's underspecified value
    for m in mentions:
        while si < len(sentences) - 1 and sentences[si][1] <= m.start:
            si += 1
        s_start, s_end = sentences[si]
        span = (s_start, max(s_end, m.end))
        sentence = text[span[0]:span[1]]
        if span not in markers:
            markers[span] = sentence_markers(sentence)
        tense = direction(sentence, m.start - s_start, m.end - s_start, markers[span])
        resolver.sentence = si
        if si not in comparing:
            comparing[si] = bool(_comparison_regex().search(text, s_start, s_end))
        resolver.comparing = comparing[si]
        try:
            value = resolver.value(m.value, tense)
        except (ValueError, KeyError, IndexError, OverflowError):
            continue  # e.g. a date with no such day ("Feb. 30"): not a real date, so not a timex
        if not is_valid_value(value, m.type):
            continue
        tv = interval(value, m.type, m.mod)
        if tv.granularity in ("time", "part-of-day") and tv.type == "DATE":
            tv = replace(tv, type="TIME")  # "Sunday afternoon" is a TIME in TimeML
        if tv.start is not None and not resolver.comparison:
            resolver.mentioned.append(tv)
            resolver.sentence_of.append(si)
        out.append(Timex(m.start, m.end, m.text, tv))
        spec.append(m.value)
    return _years_from_neighbours(out, spec, text)


_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:to|until|till|through|and|-|–)\s*$", re.IGNORECASE)
_IN_THAT_YEAR = re.compile(r"^\s*,?\s*(?:on|in)?\s*$", re.IGNORECASE)


def _years_from_neighbours(out: list[Timex], spec: list[str], text: str) -> list[Timex]:
    """A day or month given without a year (``spec`` "UNDEF-year-...") that a neighbour gives one:
    - the first end of a range, "from October 30 to November 1 last year", "between March 3 and April 2,
      2019", is in the year of the second (the one before, if it would fall after it);
    - a day told right after a year, "Later that year, on November 18", is in that year."""
    for k in range(len(out) - 1):
        first, second = out[k], out[k + 1]
        if not (spec[k].startswith("UNDEF-year-") and first.value.granularity == "day"
                and second.value.granularity == "day" and second.value.start is not None
                and _RANGE_JOIN.match(text[first.end:second.start])
                and _RANGE_OPEN.search(text, max(0, first.start - 12), first.start)):
            continue
        try:
            moved = first.value.start.replace(year=second.value.start.year)
            if moved > second.value.start:   # "from December 30 to January 2, 2019"
                moved = moved.replace(year=moved.year - 1)
        except ValueError:
            continue   # February 29 in a year without one
        out[k] = replace(first, value=interval(moved.isoformat(), first.value.type, first.value.mod))
    for k in range(1, len(out)):
        year, day = out[k - 1], out[k]
        if spec[k].startswith("UNDEF-year-") and year.value.granularity == "year" \
                and year.value.start is not None and day.value.start is not None \
                and _IN_THAT_YEAR.match(text[year.end:day.start]):
            try:
                moved = day.value.start.replace(year=year.value.start.year)
            except ValueError:
                continue
            if day.value.granularity in ("day", "month"):
                value = moved.isoformat()[:10 if day.value.granularity == "day" else 7]
                out[k] = replace(day, value=interval(value, day.value.type, day.value.mod))
    return out
