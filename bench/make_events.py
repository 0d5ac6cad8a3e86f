"""Synthetic events for the dashboard benchmark: N events shaped like the extractor's output.

    .venv/bin/python bench/make_events.py 10000 --out bench/out/events-10k.jsonl

The mix mirrors real timelines: mostly day-dated events, some month/week/season intervals, a few
undated planned ones, one to three actors each, several sources. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

from extract.output import write_jsonl
from extract.types import EVENT_STATUSES, EVENT_TYPES, Event, Source, TimeValue, Timex

ACTORS = [(f"Leader {c}{i}", f"Country {c}") for c in "ABCDEFGHIJKL" for i in range(3)]
PLACES = ["Singapore", "Hanoi", "Pyongyang", "Seoul", "Washington", "Beijing", "Panmunjom"]
PLOVER = {"meeting": "CONSULT", "summit": "CONSULT", "visit": "CONSULT", "travel": "CONSULT",
          "statement": "CONSULT", "announcement": "CONSULT", "agreement": "AGREE",
          "cancellation": "REJECT", "other": "OTHER"}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)}


def _time(rng: random.Random, day0: dt.date) -> TimeValue | None:
    day = day0 + dt.timedelta(days=rng.randrange(4 * 365))
    roll = rng.random()
    if roll < 0.70:
        return TimeValue(day.isoformat(), start=day, end=day, granularity="day")
    if roll < 0.85:
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return TimeValue(f"{day:%Y-%m}", start=first, end=last, granularity="month")
    if roll < 0.90:
        monday = day - dt.timedelta(days=day.weekday())
        year, week, _ = monday.isocalendar()
        return TimeValue(f"{year}-W{week:02d}", start=monday, end=monday + dt.timedelta(days=6),
                         granularity="week")
    if roll < 0.93:
        name, (m0, m1) = rng.choice(list(SEASONS.items()))
        start = dt.date(day.year, m0, 1)
        end = (dt.date(day.year, m1, 28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return TimeValue(f"{day.year}-{name[:2].upper()}", start=start, end=end, granularity="season")
    return None


def make_events(n: int, seed: int = 0) -> list[Event]:
    rng = random.Random(seed)
    day0 = dt.date(2017, 1, 1)
    events = []
    for i in range(n):
        people = rng.sample(ACTORS, rng.choice((1, 2, 2, 3)))
        names = [p for p, _ in people]
        typ = rng.choice(EVENT_TYPES)
        value = _time(rng, day0)
        status = "planned" if value is None and rng.random() < 0.8 else rng.choice(EVENT_STATUSES)
        place = rng.choice(PLACES)
        when = f"on {value.value}" if value else "soon"
        head = f"{' and '.join(names)} "
        trigger = {"meeting": "met", "summit": "held a summit", "visit": "visited"}.get(typ, typ)
        sentence = f"{head}{trigger} in {place} {when}, officials said (item {i})."
        doc = f"synthetic-{i % max(1, n // 20):04d}"
        t_start = sentence.index(when)
        timex = Timex(t_start, t_start + len(when), when, value) if value else None
        spans, pos = [], 0
        for name in names:
            pos = sentence.index(name, pos)
            spans.append((pos, pos + len(name)))
        sources = tuple(Source(f"synthetic-{(i + k) % 997:04d}", (0, len(sentence)),
                               title=f"Synthetic report {(i + k) % 997}", published="2021-01-01")
                        for k in range(rng.choice((1, 1, 2, 3))))
        events.append(Event(
            id=f"ev{i:07d}", doc=doc, type=typ, plover=PLOVER[typ], trigger=trigger,
            actors=tuple(names), status=status, sentence=sentence, span=(0, len(sentence)),
            time=timex, location=place, confidence=round(rng.random(), 3), sources=sources,
            countries=tuple(dict.fromkeys(c for _, c in people)),
            trigger_span=(len(head), len(head) + len(trigger)), actor_spans=tuple(spans)))
    return events


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_jsonl(make_events(args.n, args.seed), args.out)
    print(f"wrote {args.n} events to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
