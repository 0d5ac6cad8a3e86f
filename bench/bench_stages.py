"""Where the time goes after the parse: milliseconds per article for each stage of the events pipeline.

The articles are the synthetic ~600-word ones of bench_pipeline.py; they are parsed first (not timed),
then each stage runs on every article, twice, and the second pass is reported. The NER windows are
part of the actors stage and are also shown on their own. One core, as the speed target says.

    .venv/bin/python bench/bench_stages.py [--n 150]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_pipeline import synthetic  # noqa: E402

from extract import actors, linking, merge, nlp, pipeline  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=150, help="number of synthetic articles")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    parsed = list(nlp.parse_many(pipeline._cleaned(synthetic(args.n, seed=3)), as_tuples=True))
    spent: dict[str, float] = defaultdict(float)

    def timed(name, fn, *a):
        start = time.perf_counter()
        result = fn(*a)
        spent[name] += time.perf_counter() - start
        return result

    people = nlp.people
    actors.nlp.people = lambda windows: timed("  of which NER windows", people, windows)
    for _ in range(2):   # the first pass warms caches (lexicons, compiled rules)
        spent.clear()
        for doc, (article, text) in parsed:
            layout = timed("sentences", pipeline.stage_sentences, doc, text, article.title)
            times = timed("times", pipeline.stage_times, text, article)
            found = timed("actors", pipeline.stage_actors, doc, article, times, layout)
            tmap = timed("time index", linking.timex_tokens, doc, times)
            cands = timed("events", pipeline.stage_events, doc, article, layout, found, tmap)
            linked = timed("link + dedupe", pipeline.stage_link, doc, article, layout, cands, tmap)
            timed("link + dedupe", merge.dedupe_document, linked)
    actors.nlp.people = people
    total = sum(v for k, v in spent.items() if not k.startswith(" "))
    for name, seconds in spent.items():
        print(f"{name:24s} {seconds / len(parsed) * 1000:6.2f} ms/article")
    print(f"{'all stages after the parse':24s} {total / len(parsed) * 1000:6.2f} ms/article "
          f"({len(parsed)} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
