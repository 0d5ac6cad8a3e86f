"""The tagger's shortcut (a rule is tried only where the text starts with one of its prefixes) never
changes what a rule finds: for every rule, gated matching gives exactly ``regex.finditer``."""

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
         "ſunday", "ın", "٣", "Christmas", "noon", "half", "hours", "a", "year", "earlier",
         "\t", "\u00a0", "İn", "THE", "the\nweek", "this\u2009week", "an", "every"]
texts = st.one_of(st.text(max_size=200),
                  st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), max_size=50)
                  .map(lambda ws: " ".join(ws)),
                  st.lists(st.sampled_from(WORDS), max_size=50).map("".join))


def gated(text: str) -> list[list[tuple[int, int]]]:
    found = tagger._matches(text)
    return [[m.span() for m in found.get(i, [])] for i in range(len(R.rules()))]


def plain(text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in rule.regex.finditer(text)] for rule in R.rules()]


EXAMPLE_TEXTS = sorted({ex["text"] for rule in R.rules() for ex in rule.examples})


def test_gating_finds_every_example_match():
    for text in EXAMPLE_TEXTS:
        for framed in (text, f"On {text}, they met.", f"({text.upper()})"):
            assert gated(framed) == plain(framed), framed


@settings(max_examples=150, deadline=None)
@given(texts)
def test_gating_never_changes_a_rules_matches(text):
    assert gated(text) == plain(text)


def test_most_rules_are_gated():
    """The speed-up rests on this analysis succeeding for the rules as written."""
    ruleset = R.rules()
    assert sum(r.prefixes is not None for r in ruleset) > 0.9 * len(ruleset)


@pytest.mark.parametrize("pattern, text, prefixes", [
    (r"(?:jan|feb)\.? \d+", "Feb. 3", {"jan. ", "jan 0", "feb. ", "feb 0"}),
    (r"(?:last|next)?\s*week", "next week",
     {"last ", "lastw", "next ", "nextw", "     ", "    w", "   we", "  wee", " week", "week"}),
    (r"\w+day", "Sunday", None),                                     # may start with anything
    (r"\d{4}-\d\d", "2018-07", {"0000-"}),                          # every digit is one key
    (r"(?-i:May)\s+\d+", "May 3", {"may 0", "may  "}),            # every space is one key
    (r"the\s+(?:week|month)", "the week", {"the w", "the m", "the  "}),  # cut at PREFIX_LEN
    (r"an?\w+\s+year", "any year", {"a", "an"}),                    # \w: cut where it starts
    (r"(?:the\s+)?(?:1[0-2]|[1-9])th", "the 11th", {"the 0", "the  ", "00th", "0th"}),
])
def test_prefixes(pattern, text, prefixes):
    regex = R.compile_pattern(pattern, R.lexicons(), False, {})
    found = R.start_prefixes(regex)
    assert (found if prefixes is None else set(found)) == prefixes
    assert regex.search(text)
    if found is not None:
        assert any(R.key_text(text).startswith(p) for p in found)


def test_rules_at_a_key_are_those_with_a_prefix_it_starts_with():
    for key in ("the w", "the 0", "00th ", "septe", "a", "zzzzz"):
        expected = [i for i, rule in enumerate(R.rules())
                    if rule.prefixes is None or any(key.startswith(p) for p in rule.prefixes)]
        assert sorted(set(tagger._rules_at(key)) | set(tagger._ungated())) == expected, key


def test_key_text_keeps_offsets():
    """A key text indexes its text even where lower() would lengthen it ("İ" -> "i̇")."""
    for text in ("İstanbul, 3\u00a0May", "ſunday\t٣", "THE WEEK"):
        keys = R.key_text(text)
        assert len(keys) == len(text)
    assert R.key_text("İn 2018,\u00a0THE\tweek") == "in 0000, the week"


def test_case_folding_agrees_with_ignorecase():
    """re.IGNORECASE equates "ſ" with "s" and "ı" with "i": the prefilter must too."""
    for text, key in (("ſunday", "sunday"), ("SUNDAY", "sunday"), ("ınstant", "instant")):
        assert re.search(key, text, re.I)
        assert R.key_text(text) == key
