"""The merge's index (by type, status, actor and then date) joins exactly the groups a plain
comparison with every earlier group would: the first compatible group in the order groups were
filed under the actor. The plain scan below is the reference (it was quadratic on 1,000 articles)."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from extract import merge
from extract.types import Event, Source, Timex, TimeValue

ACTORS = ["Donald Trump", "Kim Jong Un", "Moon Jae-in"]
DAY = dt.date(2018, 6, 1)


def reference_cluster(events: list[Event]) -> list[Event]:
    ordered = sorted(events, key=lambda e: (merge._width(e), e.doc, e.span, e.type, e.actors))
    groups: list[list[Event]] = []
    for e in ordered:
        docs = {s.doc for s in e.sources}
        target = None
        for a in e.actors:
            filed = [gi for gi, g in enumerate(groups)
                     if any(x.type == e.type and x.status == e.status and a in x.actors for x in g)]
            filed.sort(key=lambda gi: min(i for i, x in enumerate(ordered) if x in groups[gi]
                                          and a in x.actors))
            for gi in filed:
                if not {s.doc for x in groups[gi] for s in x.sources} & docs \
                        and merge.same_event(groups[gi][0], e):
                    target = gi
                    break
            if target is not None:
                break
        if target is None:
            groups.append([e])
        else:
            groups[target].append(e)
    return merge._with_ids([merge._combine(g) for g in groups])


@st.composite
def times(draw):
    kind = draw(st.sampled_from(["none", "ref", "day", "span"]))
    if kind == "none":
        return None
    if kind == "ref":
        return TimeValue(draw(st.sampled_from(["FUTURE_REF", "PAST_REF"])), granularity="ref")
    start = DAY + dt.timedelta(days=draw(st.integers(0, 40)))
    end = start + dt.timedelta(days=0 if kind == "day" else draw(st.integers(1, 35)))
    return TimeValue(f"v{start}{end}", start=start, end=end)


@st.composite
def reports(draw, i):
    doc = draw(st.sampled_from("abcde"))
    actors = tuple(draw(st.lists(st.sampled_from(ACTORS), min_size=1, max_size=3, unique=True)))
    value = draw(times())
    span = (i * 100, i * 100 + 40)
    return Event(id="x", doc=doc, type=draw(st.sampled_from(["meeting", "summit"])), plover="CONSULT",
                 trigger="met", actors=actors, status=draw(st.sampled_from(["actual", "planned"])),
                 sentence="s", span=span, time=None if value is None else Timex(i, i + 5, "t", value),
                 location=draw(st.sampled_from([None, "Hanoi", "Seoul"])), confidence=0.5,
                 sources=(Source(doc, span),))


@settings(max_examples=120, deadline=None)
@given(st.integers(0, 40).flatmap(lambda n: st.tuples(*[reports(i) for i in range(n)])))
def test_indexed_merge_equals_the_plain_scan(evs):
    assert merge.merge_events(evs) == reference_cluster(list(evs))
