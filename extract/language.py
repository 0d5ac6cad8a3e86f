"""Is an article English? A function-word check, with its word lists as data (resources/stopwords.yaml).

The extractor's rules and its spaCy model are English-only, so a French or Korean article would give
no events or wrong ones; the reader rejects it with a clear message instead. Function words and a
language's own letters identify it from a sentence, need no model, and cost one pass over the first
few thousand characters. The check only rejects what it is sure of: a text too short to tell, or
with no clear winner, counts as English.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

ENGLISH = "en"
RESOURCE = Path(__file__).parent / "resources" / "stopwords.yaml"
# Only the head of a long article is read (~800 words): a language does not change halfway through
# a news story.
SAMPLE_CHARS = 5_000
# Fewer words than this and a headline-like text cannot be told apart reliably; let it through.
MIN_WORDS = 5
# A foreign language needs this many words of evidence, this share of all words, and more than
# ENGLISH_WEIGHT times the English list words: foreign names and particles in an English sentence
# ("Ursula von der Leyen met Charles de Gaulle") never outweigh its own function words.
MIN_FOREIGN_HITS = 3
MIN_FOREIGN_RATIO = 0.1
ENGLISH_WEIGHT = 2

_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class _Script:
    code: str
    name: str
    min_share: float
    chars: re.Pattern   # one character of the script

    def count(self, text: str) -> int:
        return len(self.chars.findall(text))


def _char_class(ranges: list[list[int]]) -> re.Pattern:
    spans = "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in ranges)
    return re.compile(f"[{spans}]")


@dataclass(frozen=True)
class _Language:
    code: str
    words: frozenset[str]
    letters: frozenset[str]


@dataclass(frozen=True)
class _Data:
    english: frozenset[str]
    foreign: tuple[_Language, ...]
    names: dict[str, str]
    scripts: tuple[_Script, ...]


@lru_cache(maxsize=1)
def _data() -> _Data:
    raw = yaml.safe_load(RESOURCE.read_text(encoding="utf-8"))
    languages = {code: _Language(code, frozenset(w.lower() for w in entry["words"]),
                                 frozenset(entry["letters"]))
                 for code, entry in raw["languages"].items()}
    english = languages.pop(ENGLISH).words
    scripts = tuple(_Script(code, entry["name"], float(entry["min_share"]),
                            _char_class(entry["ranges"]))
                    for code, entry in raw["scripts"].items())
    names = {code: entry["name"] for section in ("languages", "scripts")
             for code, entry in raw[section].items()}
    return _Data(english, tuple(languages.values()), names, scripts)


def _evidence(words: list[str], data: _Data) -> tuple[int, dict[str, int]]:
    """English list words, and for each foreign language the words that speak for it.

    A foreign list word counts unless it is an English list word too ("a", "in"), and unless it
    starts a capitalised run: "Los Angeles", "La Paz" and "De Niro" are names, while "La réunion"
    is French. A lowercase word spelled with a language's own letters counts for it too;
    capitalised ones may be names ("Pérez").
    """
    english = 0
    listed: Counter[str] = Counter()
    spelled: list[str] = []
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in data.english:
            english += 1
        elif word[0].islower():
            listed[lower] += 1
            if not word.isascii():
                spelled.append(lower)
        elif i + 1 < len(words) and words[i + 1][0].islower():
            listed[lower] += 1
    foreign = {lang.code: sum(n for w, n in listed.items() if w in lang.words)
               + sum(1 for w in spelled if w not in lang.words and not lang.letters.isdisjoint(w))
               for lang in data.foreign}
    return english, foreign


def detect(text: str) -> str:
    """The language code of ``text`` ("en", "fr", "ko", ...); "en" when it cannot tell."""
    data = _data()
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if letters == 0:
        return ENGLISH
    for script in data.scripts:
        if script.count(sample) >= script.min_share * letters:
            return script.code
    words = _WORD.findall(sample)
    if len(words) < MIN_WORDS:
        return ENGLISH
    english, foreign = _evidence(words, data)
    best = max(foreign, key=foreign.get)
    needed = max(MIN_FOREIGN_HITS, MIN_FOREIGN_RATIO * len(words))
    if foreign[best] > ENGLISH_WEIGHT * english and foreign[best] >= needed:
        return best
    return ENGLISH


def language_name(code: str) -> str:
    """The English name of a language code known to the detector ("fr" -> "French")."""
    return _data().names.get(code, code)
