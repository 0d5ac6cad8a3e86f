"""The core records of the extractor: frozen dataclasses, no I/O.

Every stage of the pipeline takes and returns these. They are frozen so a stage can never
change what an earlier stage produced; a stage that refines a record builds a new one with
``dataclasses.replace``. pandas never appears here: DataFrames live only at the dashboard's edge.

Character offsets (``start``/``end``/``span``) always index ``Article.text``, the document text
exactly as read (UTF-8 decoded, spaces untouched), so a consumer can slice the file's text and
find the evidence again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Closed vocabularies. They are part of the JSONL contract, so they are spelled out here once.
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
TIMEX_MODS = ("START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
              "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE")
GRANULARITIES = ("time", "part-of-day", "day", "week", "month", "season", "quarter", "half",
                 "year", "decade", "century", "ref", "duration", "set")
EVENT_TYPES = ("meeting", "summit", "visit", "travel", "statement", "announcement", "agreement",
               "cancellation", "other")
EVENT_STATUSES = ("actual", "planned", "cancelled", "negated")
ACTOR_KINDS = ("person", "state", "organisation", "group")


@dataclass(frozen=True, order=True)
class TimeValue:
    """A normalised TIMEX3 value and the interval of days it covers.

    ``start``/``end`` are the first and last day covered ("in July" 2018 -> 2018-07-01..2018-07-31),
    so a timeline can draw a span instead of a fake point. They are None where a value covers no
    fixed days: durations, sets and the fuzzy references PAST_REF/PRESENT_REF/FUTURE_REF.
    """

    value: str                      # TIMEX3: 2018-10-07, 2018-07, 2018-W35, 2018-10-07TAF, PT2H, FUTURE_REF
    type: str = "DATE"              # one of TIMEX_TYPES
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: str = "day"        # one of GRANULARITIES
    mod: str | None = None       # one of TIMEX_MODS

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"TimeValue {self.value!r}: start {self.start} is after end {self.end}")

    def to_json(self) -> dict:
        out = {"value": self.value,
               "start": self.start.isoformat() if self.start else None,
               "end": self.end.isoformat() if self.end else None,
               "granularity": self.granularity}
        if self.mod:
            out["mod"] = self.mod
        return out


@dataclass(frozen=True, order=True)
class Timex:
    """A temporal expression found in a document, with its resolved value."""

    start: int                      # offsets into Article.text
    end: int
    text: str
    value: TimeValue
    tid: str = ""                   # t1, t2, ... in document order (TimeML output)


@dataclass(frozen=True)
class Article:
    """One input document, as read from a file."""

    doc: str                        # input file stem: the id used in events' "doc" and "sources"
    text: str                       # the document text exactly as read; every offset indexes this
    published: dt.date | None    # the document creation time (DCT)
    title: str | None = None
    source: str | None = None    # outlet name or URL
    path: str | None = None      # where it was read from, for error messages
    language: str = "en"


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, order=True)
class Actor:
    """A canonical actor: a person, a state or an organisation."""

    id: str                         # canonical name, e.g. "Kim Jong Un", "United States"
    kind: str = "person"            # one of ACTOR_KINDS
    country: str | None = None   # canonical name of the state the actor belongs to (itself for a state)

    @property
    def name(self) -> str:
        return self.id


@dataclass(frozen=True, order=True)
class ActorMention:
    start: int
    end: int
    text: str
    actor: Actor
    sentence: int                   # Sentence.index
    how: str = "gazetteer"          # gazetteer | ner | coref | role: how the mention was resolved


@dataclass(frozen=True, order=True)
class Source:
    doc: str
    span: tuple[int, int]
    title: str | None = None
    published: str | None = None  # ISO date of the source article

    def to_json(self) -> dict:
        return {"doc": self.doc, "span": list(self.span), "title": self.title,
                "published": self.published}


@dataclass(frozen=True)
class Event:
    """One event of the timeline; ``to_json`` gives the JSONL contract of `timeline extract`."""

    id: str
    doc: str
    type: str                       # one of EVENT_TYPES
    plover: str                     # PLOVER category, e.g. CONSULT, AGREE, REJECT
    trigger: str
    actors: tuple[str, ...]         # canonical actor names
    status: str                     # one of EVENT_STATUSES
    sentence: str
    span: tuple[int, int]           # the sentence's offsets in Article.text
    time: Timex | None = None
    location: str | None = None
    confidence: float = 0.5
    sources: tuple[Source, ...] = ()
    countries: tuple[str, ...] = ()  # the actors' states, for a filter by country
    # Offsets in Article.text of the evidence inside the sentence, so a viewer can highlight it.
    trigger_span: tuple[int, int] | None = None
    actor_spans: tuple[tuple[int, int], ...] = ()

    def to_json(self) -> dict:
        time = None
        if self.time is not None:
            time = {"text": self.time.text, "type": self.time.value.type,
                    **self.time.value.to_json(), "span": [self.time.start, self.time.end]}
        return {
            "id": self.id, "doc": self.doc, "type": self.type, "plover": self.plover,
            "trigger": self.trigger, "actors": list(self.actors), "location": self.location,
            "status": self.status, "time": time, "sentence": self.sentence,
            "span": list(self.span), "confidence": round(self.confidence, 3),
            "sources": [s.to_json() for s in self.sources],
            "countries": list(self.countries),
            "trigger_span": list(self.trigger_span) if self.trigger_span else None,
            "actor_spans": [list(s) for s in self.actor_spans],
        }


@dataclass(frozen=True)
class DocumentFailure:
    """A document a batch could not process; the batch reports it and goes on."""

    path: str
    reason: str

