"""Find temporal expressions: run every rule over the text and keep the best non-overlapping matches.

The output is underspecified (values such as "UNDEF-year-07"); ``resolve.py`` anchors them.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.temporal.rules import Rule, lexicons, rules


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    value: str            # underspecified TIMEX3 value
    type: str
    mod: str | None
    rule: str


def apply_rule(rule: Rule, text: str) -> list[Mention]:
    lex = lexicons()
    out = []
    for m in rule.regex.finditer(text):
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
    """All rules' matches, longest first (earlier rule on a tie), without overlaps, in text order."""
    candidates = []
    for order, rule in enumerate(rules()):
        for mention in apply_rule(rule, text):
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
