"""Golden cases (black-style: adding a case = adding NAME.txt + NAME.expected.json) and the seed.

Each case is scored like the unseen evaluation (extract/evaluate_events.py). The aggregate over all
cases must meet the issue's targets; the per-case figures are printed (pytest -s) to see what failed.
"""

import json
from pathlib import Path

import pytest

from extract.evaluate_events import Score, score
from extract.types import EVENT_STATUSES, EVENT_TYPES

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
CASES = REPO / "tests" / "cases" / "events"

CASE_FILES = sorted(CASES.glob("*.expected.json"))


def _score(run, gold_path: Path) -> Score:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = gold_path.with_name(gold_path.name.replace(".expected.json", ".txt")).read_text(encoding="utf-8")
    return score(text, gold["gold"], run(text, gold["published"], doc=gold_path.stem))


@pytest.mark.parametrize("gold_path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_case_is_valid(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = gold_path.with_name(gold_path.name.replace(".expected.json", ".txt")).read_text(encoding="utf-8")
    for g in gold["gold"]:
        assert g["evidence"] in text and g["type"] in EVENT_TYPES and g["status"] in EVENT_STATUSES


def _total(run, paths: list[Path], label: str) -> Score:
    """The cases' scores summed (each case's printed: pytest -s shows what failed)."""
    total = None
    for path in paths:
        s = _score(run, path)
        print(path.stem, s.summary(), s.missed)
        total = s if total is None else total + s
    print(label, total.summary())
    return total


def test_cases_meet_the_targets(run):
    assert len(CASE_FILES) >= 8
    total = _total(run, CASE_FILES, "ALL")
    assert total.recall >= 0.85 and total.precision >= 0.7
    assert total.date_accuracy >= 0.9 and total.actor_f1 >= 0.85


def test_seed_article():
    seed = SHARED / "seed" / "pompeo-pyongyang-2018-10-07.gold.json"
    if not seed.exists():
        pytest.skip(f"shared data not found at {seed.parent}: the seed lives beside the repo in ../shared")
    from extract.evaluate_events import score_file

    s, _ = score_file(seed.with_name("pompeo-pyongyang-2018-10-07.txt"), seed)
    print("seed", s.summary())
    assert s.recall == 1.0 and s.precision >= 0.7 and s.date_accuracy >= 0.9 and s.actor_f1 >= 0.85


BLIND = REPO / "tests" / "cases" / "events_blind"
BLIND_FILES = sorted(BLIND.glob("*.expected.json"))


@pytest.mark.parametrize("gold_path", BLIND_FILES, ids=[p.stem for p in BLIND_FILES])
def test_blind_case_is_valid(gold_path):
    test_case_is_valid(gold_path)


def test_blind_cases_do_not_regress(run):
    """Cases written blind, by someone who had not seen the extractor, to estimate what unseen articles
    get (tests/cases/events_blind/README.md has each set's first score). They are below the issue's
    targets, so they are not held to them: this floor, just under what they score now, catches a
    regression."""
    total = _total(run, BLIND_FILES, "BLIND")
    assert total.recall >= 0.80 and total.precision >= 0.77
    assert total.date_accuracy >= 0.84 and total.actor_f1 >= 0.76
