"""`timeline serve` and `timeline export`: the dashboard's subcommands.

dash, pandas and kaleido are imported inside the handlers so `timeline --help` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.export import FORMATS  # stdlib only: `timeline --help` stays fast
from extract.readers import published_date


def register(subparsers) -> None:
    serve = subparsers.add_parser(
        "serve", help="explore a timeline in the browser",
        description="Serve the dashboard on the events of a JSONL file or of articles.")
    _add_inputs(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default %(default)s)")
    serve.add_argument("--port", type=int, default=8050, help="port (default %(default)s)")
    serve.set_defaults(func=serve_command)

    export = subparsers.add_parser(
        "export", help="draw the timeline chart as PNG, SVG or PDF",
        description="Draw the same chart as the dashboard, filtered, to an image file.")
    _add_inputs(export)
    export.add_argument("--actor", action="append", default=[], metavar="NAME",
                        help="keep events with this actor (canonical name); repeat for several")
    export.add_argument("--query", default="", metavar="QUERY",
                        help="a view copied from the dashboard's URL, e.g. '?actor=Kim+Jong+Un&type=summit'")
    export.add_argument("--format", choices=tuple(FORMATS), default=None,
                        help="image format (default: from --out's suffix)")
    export.add_argument("--out", type=Path, required=True, help="image file to write")
    export.set_defaults(func=export_command)


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="*", type=Path, metavar="INPUT",
                        help="article files or folders, extracted on start")
    parser.add_argument("--events", type=Path, metavar="FILE.jsonl",
                        help="events written by `timeline extract`")
    parser.add_argument("--published", type=published_date, metavar="YYYY-MM-DD",
                        help="publication date for .txt inputs without a sidecar")


def _load(args) -> list | None:
    """The events named on the command line, or None after printing why there are none."""
    if bool(args.inputs) == bool(args.events):
        print("error: give article files/folders or --events FILE.jsonl (one of the two)",
              file=sys.stderr)
        return None
    if args.events:
        from dashboard.data import read_events
        from extract.errors import InputError

        try:
            return read_events(args.events)
        except (OSError, InputError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return None
    from extract.cli import extract_inputs   # here, not at the top: extract.cli imports this module

    extracted = extract_inputs(args.inputs, args.published, command=args.command)
    return None if extracted is None else extracted[0]


def serve_command(args) -> int:
    events = _load(args)
    if events is None:
        return 2
    from dashboard.app import create_app

    app = create_app(events)
    print(f"{len(events)} events. Dashboard at http://{args.host}:{args.port}/", file=sys.stderr)
    app.run(host=args.host, port=args.port, debug=False)
    return 0


def export_command(args) -> int:
    fmt = args.format or args.out.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        print(f"error: cannot tell the image format of {args.out}; give --format png|svg|pdf",
              file=sys.stderr)
        return 2
    events = _load(args)
    if events is None:
        return 2
    from dataclasses import replace

    from dashboard import view
    from dashboard.data import Dataset
    from dashboard.export import render  # kaleido itself is imported on first use
    from dashboard.filters import from_query
    from extract.output import atomic_write

    data = Dataset.build(0, events)
    state = from_query(args.query)
    if args.actor:
        state = replace(state, actors=tuple(args.actor))
    unknown = set(state.actors) - set(data.lanes["actor"]["lane"].astype(str))
    if unknown:
        print(f"warning: no events with actor(s) {', '.join(sorted(unknown))}; actor names are "
              "canonical, e.g. 'Kim Jong Un'", file=sys.stderr)
    current = view.compute(data, state)
    image = render(view.figure(data, current, state.event, webgl=False), fmt)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(args.out, [image])
    print(f"wrote {args.out} ({current.description})", file=sys.stderr)
    return 0
