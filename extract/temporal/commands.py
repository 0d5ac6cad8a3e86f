"""The `timex` and `eval-timex` subcommands, registered into the `timeline` CLI by its owner."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "timex", help="tag TimeML files with TIMEX3 expressions",
        description="Read each file's <TEXT> and creation time, and write the same file with our "
                    "TIMEX3 tags (gold TIMEX3/EVENT/SIGNAL tags in <TEXT> are removed first).")
    p.add_argument("inputs", nargs="+", type=Path, metavar="INPUT.tml")
    p.add_argument("--out-dir", required=True, type=Path, metavar="DIR")
    p.set_defaults(func=run_timex)

    p = subparsers.add_parser(
        "eval-timex", help="score tagged TimeML against gold (TempEval-3 style)",
        description="Strict and relaxed span F1, value F1 and type F1 of SYSTEM_DIR against GOLD_DIR.")
    p.add_argument("gold_dir", type=Path, metavar="GOLD_DIR")
    p.add_argument("system_dir", type=Path, metavar="SYSTEM_DIR")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="list the first N errors")
    p.set_defaults(func=run_eval)


def _expand(paths: list[Path]) -> list[Path]:
    out = []
    for path in paths:
        out.extend(sorted(path.glob("*.tml")) if path.is_dir() else [path])
    return out


def run_timex(args: argparse.Namespace) -> int:
    from extract.temporal import tag
    from extract.temporal.timeml import tag_files

    written, failures = tag_files(_expand(args.inputs), args.out_dir, tag)
    for exc in failures:
        print(f"error: {exc}", file=sys.stderr)
    print(f"tagged {len(written)} file(s) into {args.out_dir}; {len(failures)} failed")
    return 1 if failures else 0


def run_eval(args: argparse.Namespace) -> int:
    from extract.temporal.evaluate import evaluate

    for d in (args.gold_dir, args.system_dir):
        if not d.is_dir():
            print(f"error: {d}: no such folder. Give a folder of .tml files.", file=sys.stderr)
            return 2
    counts, failures = evaluate(args.gold_dir, args.system_dir)
    for exc in failures:
        print(f"error: {exc}", file=sys.stderr)
    s = counts.scores()
    print(f"gold {counts.gold}  system {counts.system}")
    print(f"strict   P {s['strict_precision']:6.2f}  R {s['strict_recall']:6.2f}  F1 {s['strict_f1']:6.2f}")
    print(f"relaxed  P {s['relaxed_precision']:6.2f}  R {s['relaxed_recall']:6.2f}  F1 {s['relaxed_f1']:6.2f}")
    print(f"value F1 {s['value_f1']:6.2f}   type F1 {s['type_f1']:6.2f}")
    for error in counts.errors[:args.errors]:
        print(error)
    return 1 if failures else 0
