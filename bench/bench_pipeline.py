"""Benchmark the whole events pipeline (clean -> parse -> times -> actors -> events -> link -> merge).

Prints articles per second and peak memory (ru_maxrss) on one core for
1. the bundled articles (data/articles), and
2. 1,000 articles of about 600 words made from the golden test cases (tests/cases/events): each
   synthetic article strings together case paragraphs in a shuffled order with the weekdays and
   months varied, so no two articles are the same text.
The model load is timed separately. Figures on a shared machine are noisy: run it twice.

    .venv/bin/python bench/bench_pipeline.py [--n 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extract import nlp  # noqa: E402
from extract.pipeline import extract_articles  # noqa: E402
from extract.types import Article  # noqa: E402

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def bundled() -> list[Article]:
    out = []
    for path in sorted((REPO / "data" / "articles").glob("*.txt")):
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        out.append(Article(path.stem, path.read_text(encoding="utf-8"),
                           dt.date.fromisoformat(meta["published"]), meta.get("title"), meta.get("source")))
    return out


def synthetic(n: int, words: int = 600, seed: int = 7) -> list[Article]:
    rnd = random.Random(seed)
    paragraphs = []
    for path in sorted((REPO / "tests" / "cases" / "events").glob("*.txt")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        paragraphs += lines[1:]   # drop the case's headline
    out = []
    for i in range(n):
        body, count = ["Diplomats meet again as talks resume", ""], 0
        while count < words:
            para = rnd.choice(paragraphs)
            para = re.sub("|".join(DAYS), lambda _m: rnd.choice(DAYS), para)
            para = re.sub("|".join(MONTHS), lambda _m: rnd.choice(MONTHS), para)
            body.append(para)
            count += len(para.split())
        published = dt.date(2018, 1, 1) + dt.timedelta(days=rnd.randrange(700))
        out.append(Article(f"synthetic-{i:04d}", "\n".join(body) + "\n", published))
    return out


def run(label: str, articles: list[Article]) -> None:
    words = sum(len(a.text.split()) for a in articles)
    start = time.perf_counter()
    events = extract_articles(articles)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label}: {len(articles)} articles, {words / len(articles):.0f} words each on average, "
          f"{len(events)} merged events; {elapsed:.2f} s = {len(articles) / elapsed:.1f} articles/s; "
          f"peak RSS so far {peak_mb:.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of synthetic articles")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})   # one core, as the target says
    start = time.perf_counter()
    nlp.parse("Warm up the model.")
    print(f"model load: {time.perf_counter() - start:.2f} s")
    run("bundled data/articles", bundled())
    articles = synthetic(args.n)
    start = time.perf_counter()
    for _ in nlp.parse_many([a.text for a in articles]):
        pass
    elapsed = time.perf_counter() - start
    print(f"(for scale) the spaCy parse alone on the synthetic set: {len(articles) / elapsed:.1f} articles/s")
    run("synthetic ~600-word articles", articles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
