"""Baseline: plain dateparser.search.search_dates through the same TempEval-3 scoring as our tagger.

Each found string is located in the text (left to right), given the day dateparser resolved it to
(relative to the document's creation time) as a DATE value, written as TimeML with the same writer
our `timeline timex` uses, and scored with the same evaluation. Prints the scores and the time taken.

    .venv/bin/python bench/baseline_dateparser.py [GOLD_DIR]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from extract.output import atomic_write
from extract.temporal.evaluate import evaluate
from extract.temporal.timeml import read, render
from extract.temporal.values import interval
from extract.types import Timex

GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "timeml" / "train"


def dateparser_timexes(text: str, dct: dt.date | None) -> list[Timex]:
    from dateparser.search import search_dates

    base = dt.datetime.combine(dct, dt.time(12)) if dct else dt.datetime.now()
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    out, cursor = [], 0
    for string, when in found:
        start = text.find(string, cursor)
        if start < 0:
            continue
        cursor = start + len(string)
        out.append(Timex(start, cursor, string, interval(when.date().isoformat())))
    return out


def main() -> None:
    gold = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    if not gold.is_dir():
        sys.exit(f"skipped: {gold} is absent")
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        for path in sorted(gold.glob("*.tml")):
            doc = read(path)
            atomic_write(Path(out) / path.name, [render(doc, dateparser_timexes(doc.text, doc.dct))])
        elapsed = time.perf_counter() - t0
        counts, _ = evaluate(gold, Path(out))
    s = counts.scores()
    print(f"dateparser.search.search_dates on {gold.name}: gold {counts.gold}, system {counts.system}")
    print(f"strict F1 {s['strict_f1']:.2f}  relaxed F1 {s['relaxed_f1']:.2f}  "
          f"value F1 {s['value_f1']:.2f}  type F1 {s['type_f1']:.2f}")
    print(f"time: {elapsed:.1f} s for {len(list(gold.glob('*.tml')))} documents")


if __name__ == "__main__":
    main()
