"""Blank out page boilerplate ("Read more: ...", "No comments found", captions) before extraction.

The patterns are data (resources/boilerplate.yaml), each with examples that a test checks. Matches
are overwritten with spaces rather than cut out, and line breaks are kept, so the cleaned text has
the same length as the text read from the file: every offset a later stage finds still indexes the
original, which is what the JSONL ``span`` contract promises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

RESOURCE = Path(__file__).parent / "resources" / "boilerplate.yaml"
FLAGS = re.IGNORECASE | re.MULTILINE
_LINE_BREAKS = re.compile(r"[^\r\n]")


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern


@lru_cache(maxsize=1)
def patterns() -> tuple[Pattern, ...]:
    """The boilerplate patterns of resources/boilerplate.yaml, compiled, in file order."""
    raw = yaml.safe_load(RESOURCE.read_text(encoding="utf-8"))
    return tuple(Pattern(p["name"], re.compile(p["pattern"], FLAGS)) for p in raw["patterns"])


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, possibly overlapping ``(start, end)`` offsets of the boilerplate in ``text``."""
    return sorted((m.start(), m.end()) for p in patterns() for m in p.regex.finditer(text)
                  if m.end() > m.start())


def clean(text: str) -> str:
    """Return ``text`` with boilerplate replaced by spaces: same length, so offsets still hold."""
    spans = boilerplate_spans(text)
    if not spans:
        return text
    parts, pos = [], 0
    for start, end in spans:
        if end <= pos:
            continue
        start = max(start, pos)
        parts.append(text[pos:start])
        parts.append(_LINE_BREAKS.sub(" ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
