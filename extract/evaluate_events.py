"""Score extracted events against a gold file (the schema of ../shared/seed/*.gold.json).

Matching: a system event matches a gold event when its sentence span overlaps the gold evidence and
its type is the gold type or one of ``type_alt``; among several candidates the one with the gold date
wins, then the earliest. One-to-one, greedy in gold order.
- recall: matched core gold events / core gold events;
- precision: system events matched to any gold event (core or optional) / system events;
- date exact: matched events whose value equals the gold date at the same granularity (a part-of-day
  value such as 2018-10-07TAF counts as its day) / matched events;
- actor F1: micro-averaged over matched pairs, on canonical names.

With ``by_date`` (``--by-date``), matching is by sentence and date instead, as the issue says the owners
score unseen articles: the event's date must equal the gold date and its type does not count. An event
with a wrong date is then both a miss and a false row, so recall and precision fall with the date errors.

Run: ``python -m extract.evaluate_events [--by-date] ARTICLE.txt GOLD.json`` prints the figures.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Sequence

from extract.types import Article, Event


@dataclass(frozen=True)
class Score:
    gold_core: int
    matched_core: int
    system: int
    matched_system: int
    date_exact: int
    matched: int
    actor_tp: int
    actor_fp: int
    actor_fn: int
    missed: tuple[str, ...] = ()

    @property
    def recall(self) -> float:
        return self.matched_core / self.gold_core if self.gold_core else 1.0

    @property
    def precision(self) -> float:
        return self.matched_system / self.system if self.system else 1.0

    @property
    def date_accuracy(self) -> float:
        return self.date_exact / self.matched if self.matched else 1.0

    @property
    def actor_f1(self) -> float:
        denom = 2 * self.actor_tp + self.actor_fp + self.actor_fn
        return 2 * self.actor_tp / denom if denom else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(*(getattr(self, f) + getattr(other, f) for f in
                       ("gold_core", "matched_core", "system", "matched_system", "date_exact", "matched",
                        "actor_tp", "actor_fp", "actor_fn", "missed")))

    def summary(self) -> str:
        return (f"core recall {self.recall:.2f} ({self.matched_core}/{self.gold_core})  "
                f"precision {self.precision:.2f} ({self.matched_system}/{self.system})  "
                f"date exact {self.date_accuracy:.2f} ({self.date_exact}/{self.matched})  "
                f"actor F1 {self.actor_f1:.2f}")


def event_date(e: Event) -> str | None:
    if e.time is None:
        return None
    value = e.time.value.value
    return value.split("T")[0] if e.time.value.granularity in ("part-of-day", "time") else value


def gold_spans(text: str, gold: Sequence[dict]) -> list[tuple[int, int]]:
    out = []
    for g in gold:
        start = g.get("evidence_char_start")
        if start is None or text[start:start + len(g["evidence"])] != g["evidence"]:
            start = text.find(g["evidence"])
        if start < 0:
            raise ValueError(f"gold evidence not found in the article: {g['evidence']!r}")
        out.append((start, start + len(g["evidence"])))
    return out


def score(text: str, gold: Sequence[dict], events: Sequence[Event], by_date: bool = False) -> Score:
    spans = gold_spans(text, gold)
    used: set[int] = set()
    matched_core = date_exact = matched = tp = fp = fn = 0
    missed = []
    for g, (gs, ge) in zip(gold, spans, strict=True):
        types = {g["type"], *g.get("type_alt", ())}
        cands = [i for i, e in enumerate(events)
                 if i not in used and e.span[0] < ge and gs < e.span[1]
                 and (event_date(e) == g.get("date") if by_date else e.type in types)]
        if not cands:
            if g.get("core"):
                missed.append(g.get("id", g["evidence"][:40]))
            continue
        best = min(cands, key=lambda i: (event_date(events[i]) != g.get("date"), events[i].span[0]))
        used.add(best)
        e = events[best]
        matched += 1
        matched_core += bool(g.get("core"))
        date_exact += event_date(e) == g.get("date")
        sys_a, gold_a = set(e.actors), set(g.get("actors", ()))
        tp += len(sys_a & gold_a)
        fp += len(sys_a - gold_a)
        fn += len(gold_a - sys_a)
    return Score(sum(bool(g.get("core")) for g in gold), matched_core, len(events), len(used),
                 date_exact, matched, tp, fp, fn, tuple(missed))


def score_file(article_path: Path, gold_path: Path, by_date: bool = False) -> tuple[Score, list[Event]]:
    from extract.pipeline import process

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = article_path.read_text(encoding="utf-8")
    article = Article(doc=article_path.stem, text=text, published=dt.date.fromisoformat(gold["published"]))
    events = process(article)
    return score(text, gold["gold"], events, by_date), events


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    by_date = "--by-date" in args
    args = [a for a in args if a != "--by-date"]
    if len(args) != 2:
        print("usage: python -m extract.evaluate_events [--by-date] ARTICLE.txt GOLD.json", file=sys.stderr)
        return 2
    result, _ = score_file(Path(args[0]), Path(args[1]), by_date)
    print(result.summary())
    if result.missed:
        print("missed core:", ", ".join(result.missed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
