"""The `timeline` command: `extract` lives here; the other subcommands are registered by their owners.

Each subcommand sets ``func(args) -> int`` (the exit status). Heavy libraries (spaCy, Dash, kaleido)
are imported inside those handlers, never at import time, so `timeline --help` answers at once.
Exit status: 0 when at least one article was processed, 1 when every input failed, 2 on bad
arguments (with a one-line message).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from dashboard import commands as dashboard_commands
from extract import __version__
from extract.readers import published_date, read_inputs
from extract.types import DocumentFailure
from extract.temporal import commands as temporal_commands

PROG = "timeline"


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error: what is wrong, and where the help is."""

    def error(self, message: str) -> None:   # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def extract_inputs(inputs: Sequence[Path], published: dt.date | None, command: str = "extract"):
    """Read and extract INPUTs for any subcommand: each document that cannot be read or extracted
    is reported on stderr as `SKIPPED path: reason` and the rest go on. Returns (events, articles
    extracted, documents skipped), or None when no article got through."""
    from extract.pipeline import extract_articles

    articles, unread = read_inputs(inputs, published)
    failed: list[DocumentFailure] = []
    events = extract_articles(articles, failed) if articles else []
    for failure in (*unread, *failed):
        print(f"SKIPPED {failure.path}: {failure.reason}", file=sys.stderr)
    if len(articles) == len(failed):
        print(f"{PROG} {command}: no article could be read; nothing was written.", file=sys.stderr)
        return None
    return events, len(articles) - len(failed), len(unread) + len(failed)


def _extract(args: argparse.Namespace) -> int:
    from extract.output import event_lines, write_jsonl

    extracted = extract_inputs(args.inputs, args.published)
    if extracted is None:
        return 1
    events, done, skipped = extracted
    if args.out is None:
        try:
            sys.stdout.writelines(event_lines(events))
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader (`| head`) has what it wanted; point stdout at devnull so the interpreter's
            # final flush does not fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    else:
        try:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            write_jsonl(events, args.out)
        except OSError as e:
            print(f"{PROG} extract: cannot write {args.out}: {e.strerror or e}. Check that you may "
                  f"write there, or give another --out.", file=sys.stderr)
            return 1
    where = args.out if args.out is not None else "stdout"
    print(f"{PROG} extract: {done} article(s) read, {skipped} skipped, "
          f"{len(events)} event(s) written to {where}", file=sys.stderr)
    return 0


def _register_extract(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract", help="turn articles into events (JSONL)",
        description="Read articles and write their events, one JSON object per line. INPUT is a "
                    ".txt file (with an optional sidecar NAME.json holding published/title/source), "
                    "a .json article {\"text\", \"published\", \"title\"?, \"source\"?}, an .html "
                    "page, a TimeML .tml file, or a folder of these. A document that cannot be read "
                    "is reported on stderr as `SKIPPED path: reason` and the rest go on. Exit "
                    "status: 0 if at least one article was processed, 1 if all failed, 2 on bad "
                    "arguments.")
    p.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                   help="article file or folder of articles")
    p.add_argument("--published", type=published_date, metavar="YYYY-MM-DD",
                   help="publication date of every input; overrides sidecars and dates in the files")
    p.add_argument("--out", type=Path, metavar="FILE.jsonl",
                   help="write the events here (atomically) instead of to stdout")
    p.set_defaults(func=_extract)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Turn news articles about diplomacy into a dated, actor-tagged timeline and "
                    "explore it in the browser.",
        epilog=f"Run `{PROG} COMMAND --help` for the options of a command.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _register_extract(sub)
    temporal_commands.register(sub)
    dashboard_commands.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:   # --help, --version and usage errors: argparse has printed them
        return e.code if isinstance(e.code, int) else 2
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
