"""Load the temporal lexicons and rules (YAML data) and compile them once.

A rule is data: a regex ``pattern`` in which ``%name`` stands for a lexicon's alternation
(``%Name``: its entries capitalised, matched case-sensitively, as "March" but not "march"), a
``value`` template in which ``{group|norm}`` maps a matched group through a lexicon or a builtin
normaliser, a TIMEX3 ``type`` and an optional ``mod`` template. The value may be underspecified
("UNDEF-year-07"); only ``resolve.py`` turns it into a date, against the publication date.

Each compiled rule also carries a prefilter read off its parse tree (``prefixes``: the first few
characters a match can start with), so the tagger tries a rule only at the positions where it can
match, without changing what any rule finds.
"""

from __future__ import annotations

import functools
import re
import re._parser as sre_parse   # the parse tree of a compiled rule, for its cheap prefilters
from collections.abc import Callable
from re._constants import (ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CATEGORY_DIGIT, CATEGORY_SPACE, IN,
                           LITERAL, MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT, RANGE, SUBPATTERN)
from dataclasses import dataclass
from pathlib import Path

import yaml

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "temporal"
LEXICON_FILE = RESOURCES / "lexicons.yaml"
RULES_DIR = RESOURCES / "rules"
TENSE_FILE = RESOURCES / "tense.yaml"
MACRO_FILE = RESOURCES / "macros.yaml"

RULE_KEYS = {"name", "pattern", "value", "type", "mod", "examples", "case_sensitive", "comment"}
REQUIRED_RULE_KEYS = {"name", "pattern", "value", "type", "examples"}
LEXICON_REF = re.compile(r"%([A-Za-z_0-9]+)")
TEMPLATE_REF = re.compile(r"\{(\w+)\|?(\w+)?\}")
WORD_START = r"(?<![\w'-])"   # every rule's match starts here (see compile_pattern)


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses duplicate keys: PyYAML would silently keep the last one."""


def _construct_unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique_mapping)


def load_yaml(path: Path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=_UniqueKeyLoader)


def normalise_key(text: str) -> str:
    """The form a matched text takes before a lexicon lookup: lower case, single spaces, no dots."""
    return re.sub(r"[\s\-]+", " ", text.lower().replace(".", "")).strip()


# ---- builtin normalisers: the few mappings a finite lexicon cannot hold ----

def _number(text: str, lexicons: dict) -> str:
    """'24' -> '24', 'twenty-four' -> '24', 'two' -> '2', '1.5' -> '1.5', '2 1/2' -> '2.5'."""
    key = normalise_key(text)
    if re.fullmatch(r"\d+(\.\d+)?", text.replace(",", "")):
        return text.replace(",", "")
    if text.endswith("1/2"):                      # "2 1/2" -> "2.5"
        return f"{text.split()[0]}.5"
    words = lexicons["number_word"]
    if key in words:
        return words[key]
    tens, units = key.split()  # the %count macro allows only "twenty four" style compounds
    return str(int(words[tens]) + int(words[units]))


def _pad2(text: str, lexicons: dict) -> str:
    digits = re.sub(r"\D", "", text)
    return digits.zfill(2) if digits else lexicons["ordinal"][normalise_key(text)].zfill(2)


def _century(text: str, lexicons: dict) -> str:
    """'20th' -> '19' (the TIMEX3 century value is the two leading digits of its years)."""
    return str(int(lexicons["ordinal"][normalise_key(text)]) - 1).zfill(2)


def _clock(text: str, lexicons: dict) -> str:
    """'3 p.m.' -> '15:00', '10:30 am' -> '10:30', 'noon' -> '12:00', '14:05' -> '14:05'."""
    key = text.lower().replace(".", "").replace(" ", "")
    if key == "noon":
        return "12:00"
    if key == "midnight":
        return "24:00"
    m = re.fullmatch(r"(\d{1,2})(?::(\d\d))?(am|pm)?", key)
    hour, minute, half = int(m.group(1)), m.group(2) or "00", m.group(3)
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute}"


BUILTINS: dict[str, Callable[[str, dict], str]] = {
    "number": _number, "pad2": _pad2, "century": _century, "clock": _clock,
}


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern
    value: str
    type: str
    mod: str | None
    examples: tuple
    # Strings (of ``key_text``, at most PREFIX_LEN long) one of which every match starts with;
    # None: a match may start with anything (the rule is tried at every word start).
    prefixes: frozenset[str] | None = None

    def fill(self, template: str | None, match: re.Match, lexicons: dict) -> str | None:
        """Fill a template from a match; None if it names a group that did not take part."""
        if template is None:
            return None
        out, pos = [], 0
        for ref in TEMPLATE_REF.finditer(template):
            group, norm = ref.group(1), ref.group(2)
            text = match.group(int(group) if group.isdigit() else group)
            if text is None:
                return None
            out.append(template[pos:ref.start()])
            if norm is None:
                out.append(text)
            elif norm in lexicons:
                out.append(lexicons[norm][normalise_key(text)])
            else:
                out.append(BUILTINS[norm](text, lexicons))
            pos = ref.end()
        out.append(template[pos:])
        return "".join(out)


def lexicon_regex(entries: dict, case_sensitive: bool) -> str:
    """The alternation of a lexicon's keys, longest first so 'sept' wins over 'sep'.

    Words of a key match across any run of spaces or hyphens ("twenty-four", "mid - July"); a dot
    after an abbreviation is the rule pattern's business. A case-sensitive rule gets the keys
    capitalised, as names are in news text.
    """
    alts = []
    for key in sorted(entries, key=len, reverse=True):
        words = [re.escape(w.capitalize() if case_sensitive else w) for w in key.split(" ")]
        alts.append(r"[\s\-]+".join(words))
    return "(?:" + "|".join(alts) + ")"


def expand(pattern: str, lexicons: dict, case_sensitive: bool, macros: dict | None = None) -> str:
    """Replace each %name by its macro's pattern or its lexicon's alternation."""
    macros = {} if macros is None else macros

    def one(m: re.Match) -> str:
        name = m.group(1)
        if name in macros:
            return expand(macros[name], lexicons, case_sensitive)
        if name[0].isupper():  # %Month_full: capitalised names only, even in a case-blind rule
            return "(?-i:" + lexicon_regex(lexicons[name.lower()], True) + ")"
        return lexicon_regex(lexicons[name], case_sensitive)
    return LEXICON_REF.sub(one, pattern)


def compile_pattern(pattern: str, lexicons: dict, case_sensitive: bool, macros: dict) -> re.Pattern:
    body = expand(pattern, lexicons, case_sensitive, macros)
    # Expressions start and end at word edges; lookarounds instead of \b so "p.m." can end one.
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(WORD_START + "(?:" + body + r")(?![\w]|-\w)", flags)


# str.lower() misses the two letters re.IGNORECASE also equates with ASCII ones ("ı" ~ "i", "ſ" ~ "s").
_FOLD = str.maketrans({"\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """The text case-blind like re.IGNORECASE (see ``key_text``)."""
    lowered = text.lower()
    # str.translate is slow and these two letters are rare: most texts skip it.
    return lowered.translate(_FOLD) if "\u0131" in lowered or "\u017f" in lowered else lowered


# How many leading characters of a match ``Rule.prefixes`` pins down. Five tell "the week" from
# "the 16th" and "this" from "the" (a first letter alone sent ~9,600 regex calls per 600-word text
# to rules that fail, five ~500) while keeping the sets small enough to enumerate from a lexicon
# alternation; longer prefixes cost more in distinct keys than they save (measured: 3, 4, 6, 8).
PREFIX_LEN = 5
_MAX_PREFIXES = 2000   # beyond this a pattern is too open to gate: it runs at every word start
DIGIT = "0"            # every decimal digit folds to this one key: \d matches them all alike

SPACE = " "            # every whitespace character folds to this one key: \s matches them all alike
_DIGITS = re.compile(r"\d")    # str.isdecimal's characters (category Nd), as in the rules
_SPACES = re.compile(r"\s")


def key_text(text: str) -> str:
    """``text`` as ``Rule.prefixes`` are compared with it, offset for offset: case-folded like
    re.IGNORECASE (see ``fold``), each decimal digit as DIGIT, each whitespace as SPACE."""
    folded = fold(text)
    if len(folded) != len(text):   # "İ".lower() is two characters: fold one by one to keep offsets
        folded = "".join(fold(c)[:1] for c in text)
    return _SPACES.sub(SPACE, _DIGITS.sub(DIGIT, folded))


def _key_char(code: int) -> str:
    """The key of a character in a pattern: the same as of that character in a text."""
    return key_text(chr(code))


# A set of (string, open) pairs: every match of a pattern element starts with one of the strings;
# ``open`` says the match may be exactly that string, so what follows the element extends it.
_UNKNOWN = frozenset({("", False)})      # an element the analysis cannot enumerate (\w, ".", ...)
_EMPTY = frozenset({("", True)})         # zero width: lookarounds, anchors


def _concat(left: frozenset, right: frozenset) -> frozenset:
    out = {(s, False) for s, open_ in left if not open_}
    for s, open_ in left:
        if open_:
            for t, more in right:
                u = s + t
                out.add((u[:PREFIX_LEN], False) if len(u) >= PREFIX_LEN else (u, more))
    return frozenset(out)


def _prefixes_of(items) -> frozenset:
    """The (string, open) pairs of a parsed sequence (see above), strings cut at PREFIX_LEN."""
    acc = _EMPTY
    for op, arg in items:
        if not any(open_ for _, open_ in acc):
            break          # every string is complete: the rest of the sequence cannot change them
        acc = _concat(acc, _element(op, arg))
        if len(acc) > _MAX_PREFIXES:
            return _UNKNOWN
    return acc


def _element(op, arg) -> frozenset:
    """The (string, open) pairs of one parsed element; a repeat is unrolled until it adds nothing."""
    if op in (AT, ASSERT, ASSERT_NOT):
        return _EMPTY
    if op is LITERAL:
        return frozenset({(_key_char(arg), True)})
    if op is IN:
        chars = set()
        for kind, val in arg:
            if kind is LITERAL:
                chars.add(_key_char(val))
            elif kind is RANGE and val[1] - val[0] < 128:
                chars.update(_key_char(c) for c in range(val[0], val[1] + 1))
            elif kind is CATEGORY and val is CATEGORY_DIGIT:
                chars.add(DIGIT)
            elif kind is CATEGORY and val is CATEGORY_SPACE:
                chars.add(SPACE)
            else:                      # a negation or a broad class
                return _UNKNOWN
        return frozenset((c, True) for c in chars)
    if op is SUBPATTERN:
        return _prefixes_of(arg[-1])
    if op is BRANCH:
        return frozenset().union(*(_prefixes_of(alt) for alt in arg[1]))
    if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
        low, high, sub = arg[0], arg[1], _prefixes_of(arg[2])
        seen, copies, n = set(), _EMPTY, 0
        while n <= high:
            if n >= low:
                if n > low and copies <= seen:
                    break   # concatenation is monotone: more copies would add nothing new
                seen |= copies
            if len(seen) > _MAX_PREFIXES or len(copies) > _MAX_PREFIXES:
                return _UNKNOWN
            copies, n = _concat(copies, sub), n + 1
        return frozenset(seen)
    return _UNKNOWN


def start_prefixes(regex: re.Pattern) -> frozenset[str] | None:
    """What a match of a rule's regex can start with (see ``Rule.prefixes``); None if anything."""
    if not regex.pattern.startswith(WORD_START):
        return None
    found = frozenset(s for s, _ in _prefixes_of(sre_parse.parse(regex.pattern, regex.flags)))
    return None if "" in found else found


@functools.lru_cache(maxsize=1)
def lexicons() -> dict[str, dict[str, str]]:
    return {name: {str(k): str(v) for k, v in spec["entries"].items()}
            for name, spec in load_yaml(LEXICON_FILE).items()}


@functools.lru_cache(maxsize=1)
def macros() -> dict[str, str]:
    return {name: spec["pattern"] for name, spec in load_yaml(MACRO_FILE).items()}


@functools.lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    lex, mac = lexicons(), macros()
    out = []
    for path in sorted(RULES_DIR.glob("*.yaml")):
        for spec in load_yaml(path):
            case_sensitive = bool(spec.get("case_sensitive", False))
            regex = compile_pattern(spec["pattern"], lex, case_sensitive, mac)
            out.append(Rule(name=spec["name"], regex=regex,
                            value=spec["value"], type=spec["type"], mod=spec.get("mod"),
                            examples=tuple(spec["examples"]), prefixes=start_prefixes(regex)))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def tense_markers() -> dict:
    return load_yaml(TENSE_FILE)
