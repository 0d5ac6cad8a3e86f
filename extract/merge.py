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

import hashlib
import json
from dataclasses import replace
from typing import Iterable, Optional, Sequence

from extract.types import Event, Timex


def event_id(type_: str, actors: Sequence[str], time: Optional[Timex], location: Optional[str],
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


def _cluster(events: list[Event], allow_same_doc: bool) -> list[Event]:
    ordered = sorted(events, key=lambda e: (_width(e), e.doc, e.span, e.type, e.actors))
    groups: list[list[Event]] = []
    by_actor: dict[tuple[str, str, str], list[int]] = {}
    for e in ordered:
        target = None
        seen: set[int] = set()
        for a in e.actors:
            for gi in by_actor.get((e.type, e.status, a), ()):
                if gi in seen:
                    continue
                seen.add(gi)
                g = groups[gi]
                docs = {s.doc for x in g for s in x.sources}
                if not allow_same_doc and docs & {s.doc for s in e.sources}:
                    continue
                if same_event(g[0], e):
                    target = gi
                    break
            if target is not None:
                break
        if target is None:
            groups.append([e])
            target = len(groups) - 1
        else:
            groups[target].append(e)
        for a in e.actors:
            by_actor.setdefault((e.type, e.status, a), []).append(target)
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
    """Within one document: the same event mentioned twice is one event; the more confident mention is
    kept and both spans become its sources. An actual event is the same when its id is (type, actors,
    time, place, trigger family: a lunch and a meeting on one day stay two); a planned, cancelled or
    negated one when type, status, actors and time agree ("a second summit" said three ways)."""
    best: dict[object, Event] = {}
    for e in events:
        key = e.id if e.status == "actual" else (e.type, e.status, frozenset(e.actors),
                                                  e.time.value.value if e.time else None)
        old = best.get(key)
        if old is None:
            best[key] = e
            continue
        keep = max((old, e), key=lambda x: (x.confidence, -x.span[0]))
        best[key] = replace(keep, sources=tuple(sorted(set(old.sources) | set(e.sources),
                                                        key=lambda s: s.span)))
    return sorted(best.values(), key=lambda e: e.span)
