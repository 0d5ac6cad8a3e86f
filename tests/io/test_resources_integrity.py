"""Data integrity of the input side's YAML (like dateparser's test_dateparser_data_integrity.py)."""

import re

import pytest
import yaml

from extract import clean, language

BOILERPLATE = yaml.safe_load(clean.RESOURCE.read_text(encoding="utf-8"))
STOPWORDS = yaml.safe_load(language.RESOURCE.read_text(encoding="utf-8"))


def test_boilerplate_file_has_only_patterns():
    assert set(BOILERPLATE) == {"patterns"}


@pytest.mark.parametrize("entry", BOILERPLATE["patterns"], ids=lambda e: e.get("name", "?"))
def test_boilerplate_entry_is_complete(entry):
    assert set(entry) == {"name", "why", "pattern", "examples", "unchanged"}
    assert re.fullmatch(r"[a-z_]+", entry["name"])
    assert isinstance(entry["why"], str) and entry["why"].strip()
    re.compile(entry["pattern"], clean.FLAGS)
    assert entry["examples"] and entry["unchanged"]
    for example in entry["examples"]:
        assert set(example) <= {"text", "keep"} and isinstance(example["text"], str)
    assert all(isinstance(text, str) and text for text in entry["unchanged"])


def test_boilerplate_names_are_unique():
    names = [e["name"] for e in BOILERPLATE["patterns"]]
    assert len(names) == len(set(names))


def test_stopword_file_sections():
    assert set(STOPWORDS) == {"languages", "scripts"}
    assert language.ENGLISH in STOPWORDS["languages"]


@pytest.mark.parametrize("code", list(STOPWORDS["languages"]))
def test_stopword_list_is_clean(code):
    entry = STOPWORDS["languages"][code]
    assert set(entry) == {"name", "words", "letters", "examples"}
    assert re.fullmatch(r"[a-z]{2}", code)
    words = entry["words"]
    assert all(isinstance(w, str) for w in words), "YAML read a word as a non-string: quote it"
    assert len(words) == len(set(words)), "duplicate words"
    assert 30 <= len(words) <= 150
    for word in words:
        assert word == word.lower() and re.fullmatch(r"[^\W\d_]+", word), word
    letters = entry["letters"]
    assert isinstance(letters, str) and len(letters) == len(set(letters))
    assert all(ch.islower() and not ch.isascii() for ch in letters), letters
    assert entry["examples"]


def test_english_has_no_letters_of_its_own():
    assert STOPWORDS["languages"]["en"]["letters"] == ""


@pytest.mark.parametrize("code", list(STOPWORDS["scripts"]))
def test_script_entry_is_clean(code):
    entry = STOPWORDS["scripts"][code]
    assert set(entry) == {"name", "min_share", "ranges", "examples"}
    assert code not in STOPWORDS["languages"]
    assert 0 < entry["min_share"] <= 1
    for lo, hi in entry["ranges"]:
        assert 0 <= lo <= hi <= 0x10FFFF
    assert entry["examples"]
