"""Input side speed: read + language check + clean, per article, on one core.

Writes 1,000 articles (the shared TimeML news texts as .txt with sidecars, cycled; plus the same
as .html pages) to a temp folder, then times `read_inputs` and `clean` over them. Prints articles
per second and the peak RSS of the process. Figures are wall-clock on a shared machine: noisy.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import tempfile
import time
from html import escape
from pathlib import Path

from extract.clean import clean
from extract.readers import read_inputs, read_path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
N = 1000
REPEATS = 3


def _texts() -> list[str]:
    train = SHARED / "timeml" / "train"
    if not train.is_dir():
        sys.exit(f"shared TimeML data not found at {train}")
    return [read_path(p).text for p in sorted(train.glob("*.tml"))]


def _write(folder: Path, texts: list[str], html: bool) -> None:
    for i in range(N):
        text = texts[i % len(texts)]
        if html:
            paras = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n") if p.strip())
            page = (f"<html><head><meta property='article:published_time' content='1998-01-08'>"
                    f"</head><body><nav><p>Home World</p></nav><article>{paras}</article></body></html>")
            (folder / f"a{i:04d}.html").write_text(page, encoding="utf-8")
        else:
            (folder / f"a{i:04d}.txt").write_text(text, encoding="utf-8")
            (folder / f"a{i:04d}.json").write_text(json.dumps({"published": "1998-01-08"}))


def _time(folder: Path) -> tuple[float, int, int]:
    runs, words = [], 0
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        articles, failures = read_inputs([folder])
        for a in articles:
            clean(a.text)
        runs.append(time.perf_counter() - t0)
        words = sum(len(a.text.split()) for a in articles)
    assert not failures, failures[:3]
    return statistics.median(runs), len(articles), words


def main() -> None:
    texts = _texts()
    for html in (False, True):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            _write(folder, texts, html)
            seconds, n, words = _time(folder)
        kind = "html" if html else "txt+sidecar"
        print(f"{kind:12s} {n} articles ({words / n:.0f} words each): {seconds:.2f} s median of "
              f"{REPEATS}, {n / seconds:,.0f} articles/s (read + language check + clean)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
