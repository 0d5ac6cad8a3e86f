"""Merging across documents: properties over generated events, and one end-to-end case."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.merge import dedupe_document, event_id, merge_events
from extract.types import Article, Event, Source, Timex, TimeValue

ACTORS = ["Donald Trump", "Kim Jong Un", "Moon Jae-in", "Mike Pompeo"]
TIMES = [None,
         TimeValue("2018-06", start=dt.date(2018, 6, 1), end=dt.date(2018, 6, 30), granularity="month"),
         TimeValue("2018-06-12", start=dt.date(2018, 6, 12), end=dt.date(2018, 6, 12)),
         TimeValue("2018-06-13", start=dt.date(2018, 6, 13), end=dt.date(2018, 6, 13)),
         TimeValue("FUTURE_REF", granularity="ref")]


def _unique_spans(evs):
    """Each generated report gets its own sentence span, so a source names exactly one report."""
    out = []
    for i, e in enumerate(evs):
        span = (i * 100, i * 100 + 40)
        out.append(Event(**{**e.__dict__, "span": span, "sources": (Source(e.doc, span),)}))
    return out


@st.composite
def events(draw):
    doc = draw(st.sampled_from(["a", "b", "c", "d"]))
    start = draw(st.integers(0, 500))
    actors = tuple(draw(st.lists(st.sampled_from(ACTORS), min_size=1, max_size=2, unique=True)))
    value = draw(st.sampled_from(TIMES))
    time = None if value is None else Timex(start, start + 5, "text", value)
    type_ = draw(st.sampled_from(["meeting", "summit"]))
    status = draw(st.sampled_from(["actual", "planned"]))
    location = draw(st.sampled_from([None, "Singapore", "Hanoi"]))
    span = (start, start + 40)
    return Event(id=event_id(type_, actors, time, location), doc=doc, type=type_, plover="CONSULT",
                 trigger="met", actors=actors, status=status, sentence="s", span=span, time=time,
                 location=location, confidence=0.5, sources=(Source(doc, span),))


@settings(max_examples=60, deadline=None)
@given(st.lists(events(), max_size=25).map(_unique_spans))
def test_merge_keeps_every_source_once_and_never_joins_a_document_with_itself(evs):
    merged = merge_events(evs)
    assert sorted(s for e in merged for s in e.sources) == sorted(s for e in evs for s in e.sources)
    for e in merged:
        docs = [s.doc for s in e.sources]
        assert len(docs) == len(set(docs))
    assert len({e.id for e in merged}) == len(merged)


@settings(max_examples=60, deadline=None)
@given(st.lists(events(), max_size=25).map(_unique_spans), st.randoms())
def test_merge_does_not_depend_on_input_order(evs, rnd):
    shuffled = list(evs)
    rnd.shuffle(shuffled)
    key = lambda es: sorted((e.id, tuple(sorted(e.sources))) for e in es)  # noqa: E731
    assert key(merge_events(evs)) == key(merge_events(shuffled))


@settings(max_examples=60, deadline=None)
@given(st.lists(events(), max_size=25).map(_unique_spans))
def test_merged_rows_take_the_most_precise_date(evs):
    for row in merge_events(evs):
        members = [e for e in evs if set(e.sources) & set(row.sources)]
        widths = [(e.time.value.end - e.time.value.start).days for e in members
                  if e.time and e.time.value.start]
        if widths and row.time and row.time.value.start:
            assert (row.time.value.end - row.time.value.start).days == min(widths)




def test_the_singapore_meeting_from_two_articles_is_one_row(run):  # noqa: ARG001 (loads the model once)
    from extract.pipeline import extract_articles

    one = Article("one", "Trump and Kim Jong Un met in Singapore on June 12.", dt.date(2018, 6, 14))
    two = Article("two", "Donald Trump met Kim Jong Un in Singapore in June.", dt.date(2018, 10, 7))
    rows = extract_articles([one, two])
    assert len(rows) == 1
    row = rows[0]
    assert {s.doc for s in row.sources} == {"one", "two"}
    assert row.time.value.value == "2018-06-12" and row.type == "meeting"


def test_dedupe_joins_a_repeated_planned_event_within_a_document():
    base = Event(id="x", doc="a", type="summit", plover="CONSULT", trigger="summit",
                 actors=("Donald Trump", "Kim Jong Un"), status="planned", sentence="s", span=(0, 10),
                 sources=(Source("a", (0, 10)),))
    again = Event(**{**base.__dict__, "id": "y", "span": (20, 30), "sources": (Source("a", (20, 30)),)})
    (row,) = dedupe_document([base, again])
    assert len(row.sources) == 2


def _planned(span, actors, time=None, status="planned", type_="summit"):
    return Event(id=f"e{span[0]}", doc="a", type=type_, plover="AGREE", trigger="summit",
                 actors=actors, status=status, sentence="s", span=span, time=time,
                 sources=(Source("a", span),))


def test_dedupe_joins_planned_mentions_whose_actors_nest_and_keeps_the_core_actors():
    talks = _planned((0, 10), ("Donald Trump", "Kim Jong Un"))
    groundwork = _planned((20, 30), ("Kim Jong Un", "Donald Trump", "Mike Pompeo"),
                          Timex(22, 26, "soon", TIMES[4]))
    (row,) = dedupe_document([talks, groundwork])
    assert set(row.actors) == {"Donald Trump", "Kim Jong Un"}
    assert [s.span for s in row.sources] == [(0, 10), (20, 30)]


def test_dedupe_keeps_apart_planned_mentions_that_differ_in_actors_status_or_date():
    trump_kim = _planned((0, 10), ("Donald Trump", "Kim Jong Un"))
    moon_kim = _planned((20, 30), ("Moon Jae-in", "Kim Jong Un"))
    cancelled = _planned((40, 50), ("Donald Trump", "Kim Jong Un"), status="cancelled")
    june = _planned((60, 70), ("Donald Trump", "Kim Jong Un"), Timex(62, 66, "June", TIMES[1]))
    june13 = _planned((80, 90), ("Donald Trump", "Kim Jong Un"), Timex(82, 86, "the 13th", TIMES[3]))
    rows = dedupe_document([june, june13, moon_kim, cancelled])
    assert len(rows) == 3                                  # June 13 falls inside June: one row
    assert len(dedupe_document([trump_kim, moon_kim, cancelled])) == 3


def test_dedupe_keeps_two_statements_of_one_speaker_on_one_day_apart_but_joins_an_actual_repeat():
    day = Timex(0, 6, "Sunday", TIMES[2])

    def actual(span, type_):
        e = Event(id="", doc="a", type=type_, plover="", trigger="said", actors=("Mike Pompeo",),
                  status="actual", sentence="s", span=span, time=day, sources=(Source("a", span),))
        return Event(**{**e.__dict__, "id": event_id(type_, e.actors, day, None)})

    assert len(dedupe_document([actual((0, 10), "statement"), actual((20, 30), "statement")])) == 2
    (row,) = dedupe_document([actual((0, 10), "meeting"), actual((20, 30), "meeting")])
    assert len(row.sources) == 2
