"""Load the temporal lexicons and rules (YAML data) and compile them once.

A rule is data: a regex ``pattern`` in which ``%name`` stands for a lexicon's alternation
(``%Name``: its entries capitalised, matched case-sensitively, as "March" but not "march"), a
``value`` template in which ``{group|norm}`` maps a matched group through a lexicon or a builtin
normaliser, a TIMEX3 ``type`` and an optional ``mod`` template. The value may be underspecified
("UNDEF-year-07"); only ``resolve.py`` turns it into a date, against the publication date.

Each compiled rule also carries two prefilters read off its parse tree (``keys``: strings one of
which any match contains; ``first``: the characters a match can start with), so the tagger skips
rules and positions that cannot match without changing what any rule finds.
"""

from __future__ import annotations

import functools
import re
import re._parser as sre_parse   # the parse tree of a compiled rule, for its cheap prefilters
from collections.abc import Callable
from re._constants import (ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CATEGORY_DIGIT, IN, LITERAL,
                           MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT, RANGE, SUBPATTERN)
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
    # Lower-case strings at least one of which every match contains (see ``required_strings``);
    # None when the pattern has none: the rule then always runs.
    keys: tuple[str, ...] | None = None
    # ``start_key``s of the characters a match can start with; None: any (the rule scans everywhere).
    first: frozenset[str] | None = None

    def could_match(self, folded: str) -> bool:
        """False when the rule surely has no match in the text whose ``fold`` is ``folded``."""
        return self.keys is None or any(k in folded for k in self.keys)

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
    """The text as the rules' ``keys`` are compared with it: case-blind like re.IGNORECASE."""
    return text.lower().translate(_FOLD)


def _required(items) -> frozenset[str] | None:
    """Strings one of which any match of the parsed sequence ``items`` contains, or None.

    Of the sequence's mandatory elements (runs of literals, alternations of such, repeats with a
    minimum of one), the one with the longest shortest string wins: checking it is cheapest to pass
    on the fewest texts. Lookarounds and optional parts give nothing.
    """
    best, run = None, ""
    options = []
    for op, arg in list(items) + [(None, None)]:
        if op is LITERAL:
            run += chr(arg).lower()
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        if op is SUBPATTERN:
            options.append(_required(arg[-1]))
        elif op is BRANCH:
            alts = [_required(alt) for alt in arg[1]]
            options.append(None if any(a is None for a in alts) else frozenset().union(*alts))
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT) and arg[0] >= 1:
            options.append(_required(arg[2]))
        elif op is IN and all(kind is LITERAL for kind, _ in arg):
            options.append(frozenset(chr(c).lower() for _, c in arg))
    for opt in options:
        if opt and (best is None or (min(map(len, opt)), -len(opt)) > (min(map(len, best)), -len(best))):
            best = opt
    return best


DIGIT = "\\d"


def start_key(char: str) -> str:
    """The bucket of a character a match may start with: any decimal digit is one bucket (\\d),
    a letter is its folded lower case (re.IGNORECASE's "M" ~ "m")."""
    return DIGIT if char.isdecimal() else fold(char)[:1]


def _first(items) -> tuple[frozenset[str] | None, bool]:
    """The ``start_key``s a match of the parsed sequence can begin with, and whether it can be empty.

    None where the analysis would have to enumerate a broad class (\\w, \\s, negations, "."): the
    caller then gives up on gating that rule, which is always correct.
    """
    acc: set[str] = set()
    for op, arg in items:
        if op in (AT, ASSERT, ASSERT_NOT):
            continue                                   # zero width: the next element starts the match
        if op is LITERAL:
            return frozenset(acc | {start_key(chr(arg))}), False
        if op is IN:
            for kind, val in arg:
                if kind is LITERAL:
                    acc.add(start_key(chr(val)))
                elif kind is RANGE and val[1] - val[0] < 128:
                    acc.update(start_key(chr(c)) for c in range(val[0], val[1] + 1))
                elif kind is CATEGORY and val is CATEGORY_DIGIT:
                    acc.add(DIGIT)
                else:
                    return None, False
            return frozenset(acc), False
        if op is SUBPATTERN:
            sub, empty = _first(arg[-1])
        elif op is BRANCH:
            alts = [_first(alt) for alt in arg[1]]
            if any(f is None for f, _ in alts):
                return None, False
            sub, empty = frozenset().union(*(f for f, _ in alts)), any(e for _, e in alts)
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            sub, empty = _first(arg[2])
            empty = empty or arg[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        acc |= sub
        if not empty:
            return frozenset(acc), False
    return frozenset(acc), True


def first_keys(regex: re.Pattern) -> frozenset[str] | None:
    """What a match of a rule's regex can start with (see ``Rule.first``); None if anything."""
    if not regex.pattern.startswith(WORD_START):
        return None
    found, empty = _first(sre_parse.parse(regex.pattern, regex.flags))
    return None if empty else found


def required_strings(regex: re.Pattern) -> tuple[str, ...] | None:
    """A cheap necessary condition for ``regex`` to match: see ``Rule.keys``."""
    found = _required(sre_parse.parse(regex.pattern, regex.flags))
    return tuple(sorted(found, key=lambda k: (-len(k), k))) if found else None


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
                            examples=tuple(spec["examples"]), keys=required_strings(regex),
                            first=first_keys(regex)))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def tense_markers() -> dict:
    return load_yaml(TENSE_FILE)
