"""Temporal expressions: find TIMEX3 expressions and resolve them against the publication date.

``tag`` is the one entry point the rest of the extractor uses. Two stages: ``tagger.find`` runs the
YAML rules and gives underspecified values; ``resolve.resolve`` anchors them to the DCT, the tense
and the dates mentioned before. No spaCy here: the rules are regexes compiled once.
"""

from __future__ import annotations

import datetime as dt

from extract.temporal.resolve import resolve
from extract.temporal.tagger import find
from extract.types import Timex


def tag(text: str, dct: dt.date | None) -> list[Timex]:
    """Find and resolve the temporal expressions of ``text`` (offsets index ``text``).

    Sorted by offset and non-overlapping. Without a DCT, what cannot be anchored stays unresolved
    but well-formed ("XXXX-07").
    """
    return resolve(find(text), text, dct)
