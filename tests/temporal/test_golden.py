"""Golden cases: tests/cases/timex/*.yaml, one file per case (see the README there)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from extract.temporal import tag

CASES = sorted((Path(__file__).resolve().parents[1] / "cases" / "timex").glob("*.yaml"))


def _iso(value):
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_golden_case(path):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = case["text"]
    got = tag(text, case["dct"])
    expected = case["expected"] or []
    assert [t.text for t in got] == [e["text"] for e in expected]
    for timex, want in zip(got, expected, strict=True):
        have = {"text": timex.text, "value": timex.value.value, "type": timex.value.type,
                "mod": timex.value.mod, "granularity": timex.value.granularity,
                "start": _iso(timex.value.start), "end": _iso(timex.value.end)}
        assert {k: have[k] for k in want} == {k: str(_iso(v)) for k, v in want.items()}
        assert text[timex.start:timex.end] == timex.text


def test_there_are_golden_cases():
    assert len(CASES) >= 10
