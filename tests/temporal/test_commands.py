"""The `timex` and `eval-timex` subcommands, driven through their own argparse registration."""

from __future__ import annotations

import argparse

import pytest

from extract.temporal import commands

DOC = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2018-10-07" '
       'functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>He met Kim on '
       '<TIMEX3 tid="t1" type="DATE" value="2018-10-07">Sunday</TIMEX3> for two hours.</TEXT></TimeML>')


def parser():
    p = argparse.ArgumentParser(prog="timeline")
    commands.register(p.add_subparsers(dest="command", required=True))
    return p


def run(*argv):
    args = parser().parse_args(argv)
    return args.func(args)


def test_timex_then_eval_timex(tmp_path, capsys):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.tml").write_text(DOC, encoding="utf-8")
    assert run("timex", str(gold / "a.tml"), "--out-dir", str(tmp_path / "sys")) == 0
    written = (tmp_path / "sys" / "a.tml").read_text(encoding="utf-8")
    assert '<TIMEX3 tid="t2" type="DURATION" value="PT2H">two hours</TIMEX3>' in written
    assert run("eval-timex", str(gold), str(tmp_path / "sys"), "--errors", "5") == 0
    out = capsys.readouterr().out
    assert "strict   P  50.00  R 100.00  F1  66.67" in out
    assert "spurious" in out and "'two hours'" in out


def test_timex_reports_a_bad_file_and_still_writes_the_rest(tmp_path, capsys):
    (tmp_path / "a.tml").write_text(DOC, encoding="utf-8")
    (tmp_path / "b.tml").write_text("<TimeML><TEXT>x", encoding="utf-8")
    assert run("timex", str(tmp_path), "--out-dir", str(tmp_path / "out")) == 1
    assert (tmp_path / "out" / "a.tml").exists()
    assert "b.tml" in capsys.readouterr().err


def test_eval_timex_without_a_folder_exits_2(tmp_path, capsys):
    assert run("eval-timex", str(tmp_path / "nope"), str(tmp_path)) == 2
    assert "no such folder" in capsys.readouterr().err


def test_bad_arguments_exit_2():
    with pytest.raises(SystemExit) as info:
        parser().parse_args(["timex", "a.tml"])          # --out-dir is required
    assert info.value.code == 2
