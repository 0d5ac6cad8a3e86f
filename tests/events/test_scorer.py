"""The scorer itself: matching by sentence and type, and what each figure counts."""

import datetime as dt

from extract.evaluate_events import score
from extract.types import Event, Timex, TimeValue

TEXT = "Trump met Kim in Singapore on June 12. Pompeo said on Sunday that talks went well."
GOLD = [
    {"id": "summit", "evidence": "Trump met Kim in Singapore on June 12", "type": "summit", "type_alt": ["meeting"],
     "status": "actual", "date": "2018-06-12", "actors": ["Donald Trump", "Kim Jong Un"], "core": True},
    {"id": "said", "evidence": "Pompeo said on Sunday", "type": "statement", "status": "actual",
     "date": "2018-10-07", "actors": ["Mike Pompeo"], "core": True},
]


def event(type_, span, value, actors):
    day = dt.date.fromisoformat(value)
    time = Timex(0, 1, "x", TimeValue(value, start=day, end=day))
    return Event(id=type_, doc="d", type=type_, plover="", trigger="t", actors=tuple(actors), status="actual",
                 sentence=TEXT[span[0]:span[1]], span=span, time=time)


def test_perfect_output_scores_one():
    sys = [event("meeting", (0, 38), "2018-06-12", ["Donald Trump", "Kim Jong Un"]),
           event("statement", (39, 83), "2018-10-07", ["Mike Pompeo"])]
    s = score(TEXT, GOLD, sys)
    assert (s.recall, s.precision, s.date_accuracy, s.actor_f1) == (1.0, 1.0, 1.0, 1.0)


def test_wrong_type_wrong_date_and_extra_actor_each_cost_their_figure():
    sys = [event("meeting", (0, 38), "2018-06-13", ["Donald Trump", "Kim Jong Un", "Moon Jae-in"]),
           event("visit", (39, 83), "2018-10-07", ["Mike Pompeo"])]
    s = score(TEXT, GOLD, sys)
    assert s.recall == 0.5 and s.precision == 0.5 and s.date_accuracy == 0.0
    assert s.actor_f1 == 2 * 2 / (2 * 2 + 1)
    assert s.missed == ("said",)


def test_by_date_matches_on_sentence_and_date_whatever_the_type():
    sys = [event("meeting", (0, 38), "2018-06-13", ["Donald Trump", "Kim Jong Un"]),
           event("visit", (39, 83), "2018-10-07", ["Mike Pompeo"])]
    s = score(TEXT, GOLD, sys, by_date=True)
    # the summit row has the wrong day: a miss and a false row; the statement's type does not count
    assert (s.recall, s.precision, s.date_accuracy) == (0.5, 0.5, 1.0)
    assert s.missed == ("summit",)

