"""Score TIMEX3 annotation against gold the way TempEval-3 does.

strict span F1 (same extent), relaxed span F1 (extents overlap, matched one to one), and value and
type F1: relaxed F1 times the accuracy of the attribute over the relaxed matches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import InputError
from extract.temporal.timeml import GoldTimex, read


@dataclass(frozen=True)
class Error:
    doc: str
    kind: str          # missed | spurious | value | type | extent
    gold: str = ""
    system: str = ""

    def __str__(self) -> str:
        return f"{self.kind:8s} {self.doc}: gold {self.gold or '-'} | system {self.system or '-'}"


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    errors: list = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def f1(self, matched: int) -> float:
        p = matched / self.system if self.system else 0.0
        r = matched / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def scores(self) -> dict[str, float]:
        """Percentages: strict/relaxed P, R, F1 and value/type F1."""
        def pct(x: float) -> float:
            return round(100 * x, 2)
        out = {}
        for name in ("strict", "relaxed"):
            matched = getattr(self, name)
            out[f"{name}_precision"] = pct(matched / self.system if self.system else 0.0)
            out[f"{name}_recall"] = pct(matched / self.gold if self.gold else 0.0)
            out[f"{name}_f1"] = pct(self.f1(matched))
        out["value_f1"] = pct(self.f1(self.value))   # = relaxed F1 * value accuracy on relaxed matches
        out["type_f1"] = pct(self.f1(self.type))
        return out


def _show(t: GoldTimex) -> str:
    return f"{t.text!r} {t.type} {t.value}"


def score_document(doc: str, gold: list[GoldTimex], system: list[GoldTimex]) -> Counts:
    c = Counts(gold=len(gold), system=len(system))
    free = list(system)
    pairs = []
    # Exact extents first, so an overlap never steals the system timex of a strict match.
    for g in gold:
        hit = next((s for s in free if (s.start, s.end) == (g.start, g.end)), None)
        if hit is not None:
            free.remove(hit)
            pairs.append((g, hit))
    matched_gold = {id(g) for g, _ in pairs}
    for g in gold:
        if id(g) in matched_gold:
            continue
        hit = next((s for s in free if s.start < g.end and g.start < s.end), None)
        if hit is None:
            c.errors.append(Error(doc, "missed", gold=_show(g)))
            continue
        free.remove(hit)
        pairs.append((g, hit))
        c.errors.append(Error(doc, "extent", _show(g), _show(hit)))
    c.errors.extend(Error(doc, "spurious", system=_show(s)) for s in free)
    for g, s in pairs:
        c.relaxed += 1
        c.strict += (g.start, g.end) == (s.start, s.end)
        c.value += g.value == s.value
        c.type += g.type == s.type
        if g.value != s.value:
            c.errors.append(Error(doc, "value", _show(g), _show(s)))
        elif g.type != s.type:
            c.errors.append(Error(doc, "type", _show(g), _show(s)))
    return c


def evaluate(gold_dir: Path, system_dir: Path) -> tuple[Counts, list[InputError]]:
    """Score every gold .tml file against the system file of the same name.

    A system file that is missing, unreadable or has other text than its gold file is reported as
    a failure and its gold timexes count as missed.
    """
    total, failures = Counts(), []
    for gold_path in sorted(Path(gold_dir).glob("*.tml")):
        gold = read(gold_path, require_dct=False)
        system_path = Path(system_dir) / gold_path.name
        try:
            system = read(system_path, require_dct=False)
            if system.text != gold.text:
                raise InputError(system_path, "its text differs from the gold file's text; "
                                 "tag the gold file's <TEXT> without changing its characters.")
            found = list(system.timexes)
        except InputError as exc:
            failures.append(exc)
            found = []
        total.add(score_document(gold_path.stem, list(gold.timexes), found))
    return total, failures
