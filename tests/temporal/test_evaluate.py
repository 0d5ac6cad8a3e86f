"""TempEval-3 scoring on small hand-made gold and system files."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.temporal.evaluate import evaluate

HEAD = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2018-10-07" '
        'functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>')


def timex(text, value, type_="DATE"):
    return f'<TIMEX3 tid="t" type="{type_}" value="{value}">{text}</TIMEX3>'


def write(folder: Path, name: str, body: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(HEAD + body + "</TEXT></TimeML>", encoding="utf-8")


@pytest.fixture
def dirs(tmp_path):
    gold, system = tmp_path / "gold", tmp_path / "system"
    # gold: 4 timexes. system: one exact (right value), one overlapping (wrong value),
    # one exact with the wrong type, one missed, one spurious.
    write(gold, "a.tml", f"Met {timex('on Sunday', '2018-10-07')} and {timex('July', '2018-07')}, "
                         f"for {timex('two hours', 'PT2H', 'DURATION')} {timex('today', '2018-10-07')}. Soon.")
    write(system, "a.tml", f"Met on {timex('Sunday', '2018-10-07')} and {timex('July', '2018-07')}, "
                           f"for {timex('two hours', 'PT2H', 'DATE')} today. {timex('Soon', 'FUTURE_REF')}.")
    return gold, system


def test_scores(dirs):
    counts, failures = evaluate(*dirs)
    assert not failures
    assert (counts.gold, counts.system, counts.strict, counts.relaxed, counts.value, counts.type) == (
        4, 4, 2, 3, 3, 2)
    s = counts.scores()
    assert s["strict_f1"] == 50.0 and s["relaxed_f1"] == 75.0
    assert s["value_f1"] == 75.0 and s["type_f1"] == 50.0
    kinds = sorted(e.kind for e in counts.errors)
    assert kinds == ["extent", "missed", "spurious", "type"]


def test_a_missing_or_different_system_file_is_a_failure_and_its_gold_counts_as_missed(tmp_path, dirs):
    gold, system = dirs
    write(gold, "b.tml", f"On {timex('Monday', '2018-10-08')}.")
    write(system, "c.tml", "unrelated")
    counts, failures = evaluate(gold, system)
    assert [Path(f.path).name for f in failures] == ["b.tml"]
    assert counts.gold == 5 and counts.relaxed == 3
    write(system, "b.tml", "Changed text.")
    _, failures = evaluate(gold, system)
    assert "text differs" in str(failures[0])
