"""TempEval-3 figures of the temporal tagger on a fixed development / held-out split of the training set.

The split is by sorted file name: even positions are the development half (the only one whose errors
we read when tuning rules), odd positions the held-out half (to check that a change generalises).
Tagging and scoring run in process with the same scorer as `timeline eval-timex`. The training set is
read from ../shared at run time, never copied into the repo.

    .venv/bin/python bench/eval_temporal_split.py [--errors N] [--kind value]

prints strict/relaxed/value/type F1 for the whole set and each half; --errors lists the first N errors
of the development half (of one kind if --kind is given).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.temporal import tag
from extract.temporal.evaluate import Counts, score_document
from extract.temporal.timeml import GoldTimex, read

TRAIN = Path(__file__).resolve().parents[1] / ".." / "shared" / "timeml" / "train"


def split(paths: list[Path]) -> dict[str, list[Path]]:
    ordered = sorted(paths, key=lambda p: p.name)
    return {"dev": ordered[0::2], "held-out": ordered[1::2]}


def score(paths: list[Path]) -> Counts:
    total = Counts()
    for path in paths:
        doc = read(path)
        system = [GoldTimex(t.start, t.end, t.text, t.value.type, t.value.value, t.value.mod)
                  for t in tag(doc.text, doc.dct)]
        total.add(score_document(path.stem, list(doc.timexes), system))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--kind", default=None, help="missed | spurious | value | type | extent")
    args = parser.parse_args()
    if not TRAIN.is_dir():
        sys.exit(f"skipped: {TRAIN} is absent (the TimeML training set lives in ../shared)")
    halves = split(list(TRAIN.glob("*.tml")))
    results = {name: score(paths) for name, paths in halves.items()}
    whole = Counts()
    for counts in results.values():
        whole.add(counts)
    results["all"] = whole
    print(f"{'set':9s} {'docs':>4s} {'gold':>5s} {'strict':>7s} {'relaxed':>7s} {'value':>7s} {'type':>7s}")
    for name in ("all", "dev", "held-out"):
        c, s = results[name], results[name].scores()
        docs = sum(len(p) for p in halves.values()) if name == "all" else len(halves[name])
        print(f"{name:9s} {docs:4d} {c.gold:5d} {s['strict_f1']:7.2f} {s['relaxed_f1']:7.2f} "
              f"{s['value_f1']:7.2f} {s['type_f1']:7.2f}")
    errors = [e for e in results["dev"].errors if args.kind is None or e.kind == args.kind]
    for error in errors[:args.errors]:
        print(error)


if __name__ == "__main__":
    main()
