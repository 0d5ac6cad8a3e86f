"""The tagger's shortcuts (a rule's required keys, the characters its matches start with) never
change what a rule finds: for every rule, gated matching gives exactly ``regex.finditer``."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.temporal import rules as R
from extract.temporal import tagger

# Words the rules start or end with, in both cases, with digits and the punctuation they cross.
WORDS = ["on", "Sunday", "sunday", "July", "MAY", "may", "in", "last", "next", "week", "2018",
         "12/06/2018", "Oct.", "6", "two", "days", "later", "ago", "the", "following", "mid-2019",
         "early", "quarter", "third", "every", "month", "yesterday", "p.m.", "3:30", "1990s", "-",
         ",", ".", "\n", "'", "’s", "Feb.", "30", "fiscal", "twenty-four", "FY2019", "Q3",
         "ſunday", "ın", "٣", "Christmas", "noon", "half", "hours", "a", "year", "earlier"]
texts = st.one_of(st.text(max_size=200),
                  st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), max_size=50)
                  .map(lambda ws: " ".join(ws)),
                  st.lists(st.sampled_from(WORDS), max_size=50).map("".join))


def gated(rule: R.Rule, text: str) -> list[tuple[int, int]]:
    if not rule.could_match(R.fold(text)):
        return []
    return [m.span() for m in tagger._matches(rule, text, tagger.WordStarts(text))]


def plain(rule: R.Rule, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rule.regex.finditer(text)]


EXAMPLE_TEXTS = sorted({ex["text"] for rule in R.rules() for ex in rule.examples})


@pytest.mark.parametrize("rule", R.rules(), ids=lambda r: r.name)
def test_gating_finds_every_example_match(rule):
    for text in EXAMPLE_TEXTS:
        for framed in (text, f"On {text}, they met.", f"({text.upper()})"):
            assert gated(rule, framed) == plain(rule, framed), framed


@settings(max_examples=150, deadline=None)
@given(texts)
def test_gating_never_changes_a_rules_matches(text):
    for rule in R.rules():
        assert gated(rule, text) == plain(rule, text), rule.name


def test_most_rules_are_gated():
    """The speed-up rests on these analyses succeeding for the rules as written."""
    ruleset = R.rules()
    assert sum(r.keys is not None for r in ruleset) > 0.9 * len(ruleset)
    assert sum(r.first is not None for r in ruleset) > 0.8 * len(ruleset)


@pytest.mark.parametrize("pattern, text, keys, first", [
    (r"(?:jan|feb)\.? \d+", "Feb. 3", {"jan", "feb"}, {"j", "f"}),
    (r"(?:last|next)?\s*week", "next week", {"week"}, None),          # \s first: not gated
    (r"\d{4}-\d\d", "2018-07", {"-"}, {R.DIGIT}),
    (r"(?-i:May)\s+\d+", "May 3", {"may"}, {"m"}),
])
def test_keys_and_first_characters(pattern, text, keys, first):
    regex = R.compile_pattern(pattern, R.lexicons(), False, {})
    assert set(R.required_strings(regex)) == keys
    assert (R.first_keys(regex) if first is None else set(R.first_keys(regex))) == first
    assert regex.search(text)


def test_case_folding_agrees_with_ignorecase():
    """re.IGNORECASE equates "ſ" with "s" and "ı" with "i": the prefilter must too."""
    for text, key in (("ſunday", "sunday"), ("SUNDAY", "sunday"), ("ınstant", "instant")):
        assert re.search(key, text, re.I)
        assert key in R.fold(text)
