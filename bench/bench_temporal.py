"""Speed of the temporal tagger: startup (import + first call) and documents per second.

Workload: 20 news documents of about 500 words, cut from the TimeML training texts read from
../shared at run time (never copied into the repo), tagged with their own creation times. Run on one
core: `taskset -c 0 .venv/bin/python bench/bench_temporal.py`. Figures are wall-clock and noisy on
a shared machine; the best of several rounds is printed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "timeml" / "train"
N_DOCS, WORDS, ROUNDS = 20, 500, 5


def workload():
    from extract.temporal.timeml import read

    docs, words, dct = [], [], None
    for path in sorted(SHARED.glob("*.tml")):
        doc = read(path)
        words += doc.text.split(" ")
        dct = dct or doc.dct
        while len(words) >= WORDS and len(docs) < N_DOCS:
            docs.append((" ".join(words[:WORDS]), doc.dct))
            words = words[WORDS:]
        if len(docs) == N_DOCS:
            return docs
    sys.exit(f"need {N_DOCS} docs of {WORDS} words from {SHARED}")


def main() -> None:
    if not SHARED.is_dir():
        sys.exit(f"skipped: {SHARED} is absent (the TimeML training set lives in ../shared)")
    t0 = time.perf_counter()
    from extract.temporal import tag  # startup = import + compile rules + first call
    first_text, first_dct = "Talks resumed on Sunday, two days after the June 12, 2018 summit.", None
    tag(first_text, first_dct)
    startup = time.perf_counter() - t0

    docs = workload()
    best = min(_round(tag, docs) for _ in range(ROUNDS))
    n_timex = sum(len(tag(text, dct)) for text, dct in docs)
    print(f"workload: {len(docs)} docs x {WORDS} words ({sum(len(t) for t, _ in docs)} chars), "
          f"{n_timex} timexes")
    print(f"startup (import + first call): {startup:.3f} s")
    print(f"tagging 20 docs: {best:.3f} s (best of {ROUNDS}) = {len(docs) / best:.1f} docs/s")
    print(f"total for 20 docs including startup: {startup + best:.3f} s (target < 2 s)")


def _round(tag, docs) -> float:
    t = time.perf_counter()
    for text, dct in docs:
        tag(text, dct)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
