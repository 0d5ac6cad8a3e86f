"""Find temporal expressions: run the rules that could match and keep the best non-overlapping matches.

The output is underspecified (values such as "UNDEF-year-07"); ``resolve.py`` anchors them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import chain
from collections.abc import Iterator

from extract.temporal.rules import WORD_START, Rule, fold, lexicons, rules, start_key

_STARTS = re.compile(WORD_START + "(?s:.)")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    value: str            # underspecified TIMEX3 value
    type: str
    mod: str | None
    rule: str


class WordStarts:
    """Where a match may start (after no word character), bucketed by ``start_key`` of the character;
    the sorted positions for a rule's set of first characters are built once per text (many rules
    share one: all those that begin with "the")."""

    def __init__(self, text: str) -> None:
        by_char: dict[str, list[int]] = defaultdict(list)
        for m in _STARTS.finditer(text):
            by_char[m.group()].append(m.start())
        self.buckets: dict[str, list[int]] = defaultdict(list)   # unsorted: ``at`` sorts
        for char, positions in by_char.items():
            self.buckets[start_key(char)].extend(positions)
        self._merged: dict[frozenset[str], list[int]] = {}

    def at(self, keys: frozenset[str]) -> list[int]:
        if keys not in self._merged:
            self._merged[keys] = sorted(chain.from_iterable(self.buckets.get(k, ()) for k in keys))
        return self._merged[keys]


def _matches(rule: Rule, text: str, starts: WordStarts | None) -> Iterator[re.Match]:
    """What ``rule.regex.finditer(text)`` gives, trying only the positions a match can start at:
    scanning every position of the text once per rule was most of the tagger's time."""
    if rule.first is None or starts is None:
        yield from rule.regex.finditer(text)
        return
    end, match = 0, rule.regex.match
    for pos in starts.at(rule.first):
        if pos >= end and (m := match(text, pos)):
            end = m.end()
            yield m


def apply_rule(rule: Rule, text: str, starts: WordStarts | None = None) -> list[Mention]:
    lex = lexicons()
    out = []
    for m in _matches(rule, text, starts):
        try:
            value = rule.fill(rule.value, m, lex)
            mod = rule.fill(rule.mod, m, lex)
        except (KeyError, ValueError, AttributeError):
            continue  # a group the lexicon cannot map ("Sept. 45"): not a date after all
        if value is None:
            continue
        out.append(Mention(m.start(), m.end(), m.group(0), value, rule.type, mod, rule.name))
    return out


def find(text: str) -> list[Mention]:
    """All rules' matches, longest first (earlier rule on a tie), without overlaps, in text order.

    A rule whose keys (words any match must contain) are all absent is not run, and a rule is tried
    only where its first character can start a match: a regex scan of the whole text per rule
    dominated the time.
    """
    candidates = []
    folded, starts = fold(text), WordStarts(text)
    for order, rule in enumerate(rules()):
        if not rule.could_match(folded):
            continue
        for mention in apply_rule(rule, text, starts):
            candidates.append((-(mention.end - mention.start), order, mention))
    candidates.sort(key=lambda c: (c[0], c[1], c[2].start))
    taken: list[Mention] = []
    occupied = bytearray(len(text))
    for _, _, mention in candidates:
        if any(occupied[mention.start:mention.end]):
            continue
        occupied[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
        taken.append(mention)
    return sorted(taken, key=lambda m: m.start)
