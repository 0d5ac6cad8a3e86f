"""Data integrity of the temporal YAML resources, and every example they carry.

Like dateparser's test_dateparser_data_integrity: a broken or inconsistent entry fails here, not
as a silently missed date.
"""

from __future__ import annotations

import re

import pytest
import yaml

from extract.temporal import rules as R
from extract.types import TIMEX_MODS, TIMEX_TYPES

YAML_FILES = [R.LEXICON_FILE, R.MACRO_FILE, R.TENSE_FILE, *sorted(R.RULES_DIR.glob("*.yaml"))]
RULE_SPECS = [(path.name, spec) for path in sorted(R.RULES_DIR.glob("*.yaml")) for spec in R.load_yaml(path)]
EXAMPLES = [pytest.param(name, ex, id=f"{name}:{ex['text']}")
            for _, spec in RULE_SPECS for name, ex in [(spec["name"], e) for e in spec["examples"]]]


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.name)
def test_every_yaml_file_loads_without_duplicate_keys(path):
    assert R.load_yaml(path)


def test_the_loader_refuses_duplicate_keys(tmp_path):
    bad = tmp_path / "dup.yaml"
    bad.write_text("month:\n  entries:\n    may: '05'\n    may: '06'\n")
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'may'"):
        R.load_yaml(bad)


def test_lexicon_entries_are_normalised_and_described():
    for name, spec in R.load_yaml(R.LEXICON_FILE).items():
        assert re.fullmatch(r"[a-z_0-9]+", name)
        assert spec.get("description"), name
        assert set(spec) == {"description", "entries"}, name
        for key, value in spec["entries"].items():
            assert isinstance(key, str) and key == R.normalise_key(key), (name, key)
            assert str(value).strip() == str(value) and str(value), (name, key)


@pytest.mark.parametrize("lexicon", ["part_word", "approx"])
def test_mod_lexicons_give_timex3_mods(lexicon):
    assert set(R.lexicons()[lexicon].values()) <= set(TIMEX_MODS)


def test_every_lexicon_entry_is_matched_and_mapped():
    lex = R.lexicons()
    for name, entries in lex.items():
        regex = re.compile(R.lexicon_regex(entries, False), re.IGNORECASE)
        for key, value in entries.items():
            assert regex.fullmatch(key), (name, key)
            assert entries[R.normalise_key(key.upper())] == value


@pytest.mark.parametrize("file,spec", RULE_SPECS, ids=[s["name"] for _, s in RULE_SPECS])
def test_rule_is_well_formed(file, spec):
    assert REQUIRED <= set(spec) <= R.RULE_KEYS, set(spec) ^ R.RULE_KEYS
    assert spec["type"] in TIMEX_TYPES
    assert spec["examples"], "every rule carries examples"
    names = set(R.lexicons()) | set(R.macros())
    for ref in R.LEXICON_REF.findall(spec["pattern"]):
        assert ref in names or ref.lower() in R.lexicons(), f"%{ref} is neither a lexicon nor a macro"
    regex = R.compile_pattern(spec["pattern"], R.lexicons(), spec.get("case_sensitive", False), R.macros())
    mod = spec.get("mod")
    if mod and not R.TEMPLATE_REF.search(mod):
        assert mod in TIMEX_MODS
    for template in (spec["value"], mod):
        for group, norm in R.TEMPLATE_REF.findall(template or ""):
            assert group.isdigit() or group in regex.groupindex, f"no group {group}"
            assert not norm or norm in R.lexicons() or norm in R.BUILTINS, f"no normaliser {norm}"


REQUIRED = R.REQUIRED_RULE_KEYS


def test_rule_names_are_unique():
    names = [spec["name"] for _, spec in RULE_SPECS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("name,example", EXAMPLES)
def test_rule_example(name, example):
    rule = next(r for r in R.rules() if r.name == name)
    text = example["text"]
    if example.get("no_match"):  # a counter-example: the rule must find nothing in it
        assert not [m.group(0) for m in rule.regex.finditer(text)], f"{name} matches in {text!r}"
        return
    span = example.get("span", text)
    match = next((m for m in rule.regex.finditer(text) if m.group(0) == span), None)
    assert match is not None, f"{name} does not match {span!r} in {text!r}"
    assert rule.fill(rule.value, match, R.lexicons()) == example["value"]
    assert rule.fill(rule.mod, match, R.lexicons()) == example.get("mod")


@pytest.mark.parametrize("name,spec", list(R.load_yaml(R.MACRO_FILE).items()))
def test_macro_examples_match_in_full(name, spec):
    regex = re.compile(R.expand(spec["pattern"], R.lexicons(), False), re.IGNORECASE)
    for example in spec["examples"]:
        assert regex.fullmatch(example), (name, example)
        assert R.BUILTINS["number"](example, R.lexicons()).replace(".", "").isdigit()


def test_tense_markers_are_lower_case_and_unique():
    spec = R.tense_markers()
    words = spec["future"] + spec["future_weak"] + spec["past"] + spec["not_markers"] + spec["intended"]
    assert all(w == w.lower().strip() for w in words)
    assert len(words) == len(set(words))
    for cues in (spec["future_just_before"], spec["comparison"]):  # lists of their own
        assert cues and all(w == w.lower().strip() for w in cues) and len(cues) == len(set(cues))
    assert spec["fronted"] and set(spec["fronted"]) <= set(spec["future"])  # it only unsays a future marker
    # each names one of the weak future markers, which it reads differently after "was"
    assert spec["narrative_plans"] and set(spec["narrative_plans"]) <= set(spec["future_weak"])


def test_a_capitalised_lexicon_reference_matches_names_only():
    regex = R.compile_pattern("(?P<m>%Month_full)", R.lexicons(), False, R.macros())
    assert regex.fullmatch("March") and not regex.fullmatch("march")
