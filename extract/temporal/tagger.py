"""Find temporal expressions: run the rules that could match and keep the best non-overlapping matches.

The output is underspecified (values such as "UNDEF-year-07"); ``resolve.py`` anchors them.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from extract.temporal.rules import PREFIX_LEN, WORD_START, Rule, key_text, lexicons, rules

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


@functools.lru_cache(maxsize=1)
def _by_prefix() -> dict[str, tuple[int, ...]]:
    """For each prefix string, the (ordered) indices of the rules a match of which may start with it."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, rule in enumerate(rules()):
        for prefix in rule.prefixes or ():
            out[prefix].append(i)
    return {prefix: tuple(ids) for prefix, ids in out.items()}


@functools.lru_cache(maxsize=1 << 16)   # bounded by the PREFIX_LEN-character strings texts have
def _rules_at(key: str) -> tuple[int, ...]:
    """The rules that may match where the key text reads ``key`` (PREFIX_LEN characters, fewer at
    its end): those with a prefix that ``key`` starts with."""
    by_prefix = _by_prefix()
    return tuple(sorted({i for n in range(1, len(key) + 1) for i in by_prefix.get(key[:n], ())}))


@functools.lru_cache(maxsize=1)
def _ungated() -> tuple[int, ...]:
    """Rules whose matches may start with anything: they scan the whole text."""
    return tuple(i for i, rule in enumerate(rules()) if rule.prefixes is None)


def _matches(text: str) -> dict[int, list[re.Match]]:
    """For each rule (by index in ``rules()``), what its ``regex.finditer(text)`` gives.

    A rule is tried only at the word starts where the text begins with one of its prefixes: a scan
    of the whole text per rule, then a try at every word start whose first letter fits, were most
    of the tagger's time. Going through the word starts once, in text order, and keeping for each
    rule where its last match ended, gives each rule the same matches as its own finditer.
    """
    ruleset = rules()
    found: dict[int, list[re.Match]] = defaultdict(list)
    for i in _ungated():
        found[i] = list(ruleset[i].regex.finditer(text))
    keys = key_text(text)
    ends = [0] * len(ruleset)
    for start in _STARTS.finditer(text):
        pos = start.start()
        for i in _rules_at(keys[pos:pos + PREFIX_LEN]):
            if pos >= ends[i] and (m := ruleset[i].regex.match(text, pos)):
                ends[i] = m.end()
                found[i].append(m)
    return found


def apply_rule(rule: Rule, matches: list[re.Match]) -> list[Mention]:
    """The mentions a rule's ``matches`` give: those whose groups its templates can map."""
    lex = lexicons()
    out = []
    for m in matches:
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

    A rule is tried only where one of its prefixes starts (see ``_matches``).
    """
    ruleset = rules()
    candidates = []
    for order, matches in _matches(text).items():
        for mention in apply_rule(ruleset[order], matches):
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
