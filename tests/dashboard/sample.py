"""A small hand-made timeline for the dashboard tests: day, week and month events, an undated
planned summit, events with two actors, several sources, and a sentence full of markup.

Loaded by path from the dashboard and browser tests (import mode is importlib, no packages).
"""

from __future__ import annotations

import datetime as dt

from extract.types import Event, Source, TimeValue, Timex

COUNTRY = {"Mike Pompeo": "United States", "Donald Trump": "United States",
           "Kim Jong Un": "North Korea", "Moon Jae-in": "South Korea"}
POMPEO_DOC = "pompeo-pyongyang-2018-10-07"
SINGAPORE_DOC = "singapore-summit-2018-06-12"
CANCEL_DOC = "summit-cancelled-2018-05-24"
TITLES = {POMPEO_DOC: "Pompeo has 'good' meeting with Kim as Trump seeks second summit",
          SINGAPORE_DOC: "Trump and Kim meet in Singapore",
          CANCEL_DOC: "Trump calls off Singapore summit"}
PUBLISHED = {POMPEO_DOC: "2018-10-07", SINGAPORE_DOC: "2018-06-12", CANCEL_DOC: "2018-05-24"}


def _value(value: str, start: str | None, end: str | None, granularity: str) -> TimeValue:
    return TimeValue(value, start=dt.date.fromisoformat(start) if start else None,
                     end=dt.date.fromisoformat(end) if end else None, granularity=granularity)


def _event(eid, doc, typ, plover, status, sentence, trigger, actors, *, at=100, time=None,
           location=None, also=()):
    """``time`` is (expression text, TimeValue); offsets are found in the sentence, which starts
    at document offset ``at``, so spans index the document as the extractor's do."""
    timex = None
    if time:
        text, value = time
        s = at + sentence.index(text)
        timex = Timex(s, s + len(text), text, value)
    t = at + sentence.index(trigger)
    spans = []
    for actor in actors:   # the surname or first name as the sentence writes it, if it does
        name = next((n for n in (actor.split()[-1], actor.split()[0]) if n in sentence), None)
        if name:
            pos = sentence.index(name)
            spans.append((at + pos, at + pos + len(name)))
    docs = (doc, *also)
    return Event(id=eid, doc=doc, type=typ, plover=plover, trigger=trigger, actors=tuple(actors),
                 status=status, sentence=sentence, span=(at, at + len(sentence)), time=timex,
                 location=location, confidence=0.8,
                 sources=tuple(Source(d, (at, at + len(sentence)), TITLES[d], PUBLISHED[d])
                               for d in docs),
                 countries=tuple(dict.fromkeys(COUNTRY[a] for a in actors)),
                 trigger_span=(t, t + len(trigger)), actor_spans=tuple(sorted(spans)))


SNUB = "When Pompeo was in North Korea in July - his last visit there - Kim would not even met with him."


def sample_events() -> list[Event]:
    day = _value("2018-10-07", "2018-10-07", "2018-10-07", "day")
    july = _value("2018-07", "2018-07-01", "2018-07-31", "month")
    return [
        _event("ev-meeting", POMPEO_DOC, "meeting", "CONSULT", "actual",
               "He met with Kim for two hours before flying to South Korea Sunday afternoon.",
               "met", ["Mike Pompeo", "Kim Jong Un"], at=890, time=("Sunday afternoon", day),
               location="Pyongyang"),
        _event("ev-statement", POMPEO_DOC, "statement", "CONSULT", "actual",
               "Secretary of State Mike Pompeo said on Sunday he had a 'good trip' to North Korea.",
               "said", ["Mike Pompeo"], at=65, time=("on Sunday", day)),
        _event("ev-july-visit", POMPEO_DOC, "visit", "CONSULT", "actual", SNUB,
               "visit", ["Mike Pompeo"], at=1310, time=("in July", july), location="North Korea"),
        _event("ev-july-snub", POMPEO_DOC, "meeting", "CONSULT", "negated", SNUB,
               "met", ["Kim Jong Un", "Mike Pompeo"], at=1310, time=("in July", july)),
        _event("ev-singapore", SINGAPORE_DOC, "summit", "CONSULT", "actual",
               "The two leaders met for the first time in June in Singapore.",
               "met", ["Donald Trump", "Kim Jong Un"], at=40,
               time=("in June", _value("2018-06", "2018-06-01", "2018-06-30", "month")),
               location="Singapore", also=(POMPEO_DOC,)),
        _event("ev-second-summit", POMPEO_DOC, "summit", "CONSULT", "planned",
               "Trump said he was looking forward to a second sit down with Kim.",
               "sit down", ["Donald Trump", "Kim Jong Un"], at=220),
        _event("ev-cancel", CANCEL_DOC, "cancellation", "REJECT", "actual",
               "Trump called off the planned summit in Singapore on May 24.",
               "called off", ["Donald Trump"], at=0,
               time=("on May 24", _value("2018-05-24", "2018-05-24", "2018-05-24", "day"))),
        _event("ev-panmunjom", CANCEL_DOC, "meeting", "CONSULT", "actual",
               "Moon and Kim met at Panmunjom in the last week of May.",
               "met", ["Moon Jae-in", "Kim Jong Un"], at=300,
               time=("the last week of May", _value("2018-W21", "2018-05-21", "2018-05-27", "week")),
               location="Panmunjom"),
        _event("ev-markup", SINGAPORE_DOC, "statement", "CONSULT", "actual",
               "Kim wrote <b>denuclearization</b> & <script>alert(1)</script> on June 12.",
               "wrote", ["Kim Jong Un"], at=500,
               time=("on June 12", _value("2018-06-12", "2018-06-12", "2018-06-12", "day"))),
    ]
