"""Load the temporal lexicons and rules (YAML data) and compile them once.

A rule is data: a regex ``pattern`` in which ``%name`` stands for a lexicon's alternation
(``%Name``: its entries capitalised, matched case-sensitively, as "March" but not "march"), a
``value`` template in which ``{group|norm}`` maps a matched group through a lexicon or a builtin
normaliser, a TIMEX3 ``type`` and an optional ``mod`` template. The value may be underspecified
("UNDEF-year-07"); only ``resolve.py`` turns it into a date, against the publication date.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
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
    return re.compile(r"(?<![\w'-])(?:" + body + r")(?![\w]|-\w)", flags)


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
            out.append(Rule(name=spec["name"],
                            regex=compile_pattern(spec["pattern"], lex, case_sensitive, mac),
                            value=spec["value"], type=spec["type"], mod=spec.get("mod"),
                            examples=tuple(spec["examples"])))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def tense_markers() -> dict:
    return load_yaml(TENSE_FILE)
