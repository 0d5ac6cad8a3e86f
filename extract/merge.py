"""The same event reported several times becomes one row with several sources.

Two events are the same when they have the same type and status, share at least one actor, have
compatible times (both undated, or one's interval contains the other's: "in June" and "June 12") and
compatible locations (equal, or one unknown), and come from different documents (within one document
`dedupe_document` has already joined repeated mentions). The merged row keeps the most precise date
any source gives, the union of actors and sources, and the highest confidence.

Ids are stable: the first 16 hex digits of SHA-1 over type, sorted actors, time value, location and
the trigger family (``Event.trigger`` is not used, so "met" and "meeting" reports get the same id).
Equal hashes of different events get "-2", "-3"... in a deterministic order.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
from dataclasses import replace
from collections.abc import Iterable, Sequence

from extract.types import Event, Timex


def event_id(type_: str, actors: Sequence[str], time: Timex | None, location: str | None,
             family: str = "") -> str:
    key = json.dumps([type_, sorted(actors), time.value.value if time else None, location, family])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _interval(e: Event):
    if e.time is None or e.time.value.start is None:
        return None
    return e.time.value.start, e.time.value.end


def _width(e: Event) -> int:
    iv = _interval(e)
    if iv is None:
        return 10**9 if e.time is None else 10**8
    return (iv[1] - iv[0]).days


def times_compatible(a: Event, b: Event) -> bool:
    if a.time is None or b.time is None:
        return a.time is None and b.time is None
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return a.time.value.value == b.time.value.value
    return (ia[0] <= ib[0] and ib[1] <= ia[1]) or (ib[0] <= ia[0] and ia[1] <= ib[1])


def same_event(a: Event, b: Event) -> bool:
    return (a.type == b.type and a.status == b.status
            and bool(set(a.actors) & set(b.actors))
            and (a.location is None or b.location is None or a.location == b.location)
            and times_compatible(a, b))


def _combine(group: list[Event]) -> Event:
    best = min(group, key=lambda e: (_width(e), -e.confidence, e.doc, e.span))
    actors = list(best.actors)
    for e in group:
        actors += [a for a in e.actors if a not in actors]
    countries = sorted({c for e in group for c in e.countries})
    sources = tuple(sorted({s for e in group for s in e.sources}, key=lambda s: (s.doc, s.span)))
    location = best.location or next((e.location for e in group if e.location), None)
    return replace(best, actors=tuple(actors), countries=tuple(countries), sources=sources,
                   location=location, confidence=max(e.confidence for e in group))


def _time_class(e: Event):
    """The part of an event's time that must be equal for ``times_compatible`` to hold."""
    if e.time is None:
        return None
    return "dated" if _interval(e) is not None else e.time.value.value


class _Index:
    """The groups formed so far, found by (type, status, actor) and then by time, so each event is
    compared only with groups it could join (a sweep over all groups sharing an actor was
    quadratic: 1,000 articles give tens of thousands of events about the same few leaders).

    Groups are visited in the order they were first filed under the key, as the plain scan would.
    Events arrive narrowest time first, so a group's first event (the one ``same_event`` compares)
    is no wider than the newcomer and compatible dates can only be ones inside its interval.
    """

    def __init__(self) -> None:
        self.rank: dict[tuple, dict[int, int]] = {}
        self.by_time: dict[tuple, list[tuple]] = {}

    def add(self, key: tuple, first: Event, gi: int) -> None:
        rank = self.rank.setdefault(key, {})
        if gi in rank:
            return
        rank[gi] = len(rank)
        iv = _interval(first)
        bisect.insort(self.by_time.setdefault((key, _time_class(first)), []),
                      (iv[0] if iv else dt.date.min, rank[gi], gi))

    def candidates(self, key: tuple, e: Event) -> list[int]:
        entries = self.by_time.get((key, _time_class(e)), ())
        iv = _interval(e)
        if iv is not None:
            lo = bisect.bisect_left(entries, iv[0], key=lambda x: x[0])
            hi = bisect.bisect_right(entries, iv[1], key=lambda x: x[0])
            entries = entries[lo:hi]
        return [gi for _, _, gi in sorted(entries, key=lambda x: x[1])]


def _cluster(events: list[Event], allow_same_doc: bool) -> list[Event]:
    ordered = sorted(events, key=lambda e: (_width(e), e.doc, e.span, e.type, e.actors))
    groups: list[list[Event]] = []
    group_docs: list[set[str]] = []
    index = _Index()
    for e in ordered:
        target = None
        docs = {s.doc for s in e.sources}
        for a in e.actors:
            for gi in index.candidates((e.type, e.status, a), e):
                if not allow_same_doc and group_docs[gi] & docs:
                    continue
                if same_event(groups[gi][0], e):
                    target = gi
                    break
            if target is not None:
                break
        if target is None:
            groups.append([e])
            group_docs.append(set())
            target = len(groups) - 1
        else:
            groups[target].append(e)
        group_docs[target] |= docs
        for a in e.actors:
            index.add((e.type, e.status, a), groups[target][0], target)
    return [_combine(g) for g in groups]


def _with_ids(events: list[Event]) -> list[Event]:
    out, used = [], {}
    for e in sorted(events, key=lambda e: (e.id, e.doc, e.span)):
        n = used.get(e.id, 0) + 1
        used[e.id] = n
        out.append(e if n == 1 else replace(e, id=f"{e.id}-{n}"))
    return sorted(out, key=_timeline_order)


def _timeline_order(e: Event):
    start = e.time.value.start.isoformat() if e.time and e.time.value.start else "9999"
    return (start, e.doc, e.span, e.type)


def merge_events(events: Iterable[Event]) -> list[Event]:
    """One row per real-world event across documents (see module doc); input order does not matter."""
    base = [replace(e, id=e.id.split("-")[0]) for e in events]
    return _with_ids(_cluster(base, allow_same_doc=False))


def dedupe_document(events: Iterable[Event]) -> list[Event]:
    """Within one document: the same event mentioned twice is one event, with both spans as sources.

    An actual event is the same when its id is (type, actors, time, place, trigger family: a lunch
    and a meeting on one day stay two); the more confident mention is kept. Statements are the
    exception: two sentences of one speaker on one day say two things ("Putin said at the start of
    the talks ...", "Speaking to reporters after the talks, Putin said ..."), so only one sentence's
    mentions join. A planned, cancelled or negated one is the same when type and status agree, one
    actor set holds the other, and the times do not conflict: "another possible summit between Trump
    and Kim" and "lay the groundwork for a second summit between Kim and Trump" are one future summit,
    however often a text names it. There the mention naming fewer actors is kept, since extra actors are
    often bystanders ("Pompeo was expected to lay the groundwork ...")."""
    actual: dict[str | tuple[str, tuple[int, int]], Event] = {}   # id, or id and sentence for statements
    other: list[Event] = []
    for e in events:
        if e.status == "actual":
            key = (e.id, e.span) if e.type == "statement" else e.id
            old = actual.get(key)
            actual[key] = e if old is None else _absorb(
                max((old, e), key=lambda x: (x.confidence, -x.span[0])), old, e)
            continue
        for i, old in enumerate(other):
            if _same_unrealised(old, e):
                keep = min((old, e), key=lambda x: (len(x.actors), -x.confidence, x.span[0]))
                other[i] = _absorb(keep, old, e)
                break
        else:
            other.append(e)
    return sorted(_fold_unattributed([*actual.values(), *other]), key=lambda e: e.span)


def _fold_unattributed(events: list[Event]) -> list[Event]:
    """"During Wednesday's talks, the two sides reviewed ties": an event naming no one with the type and
    the time of one that names its people is that event told again; its sentence joins that one's
    sources."""
    out = {i: e for i, e in enumerate(events)}
    named = {(e.type, e.time.value.value): i for i, e in out.items() if e.actors and e.time is not None}
    for i, e in enumerate(events):
        j = None if e.actors or e.time is None else named.get((e.type, e.time.value.value))
        if j is not None:
            out[j] = _absorb(out[j], out[j], e)
            del out[i]
    return list(out.values())


def _same_unrealised(a: Event, b: Event) -> bool:
    actors_a, actors_b = set(a.actors), set(b.actors)
    return (a.type == b.type and a.status == b.status
            and (actors_a <= actors_b or actors_b <= actors_a)
            and (a.time is None or b.time is None or times_compatible(a, b)))


def _absorb(keep: Event, a: Event, b: Event) -> Event:
    return replace(keep, sources=tuple(sorted(set(a.sources) | set(b.sources), key=lambda s: s.span)))
