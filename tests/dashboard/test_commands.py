"""`timeline serve` / `timeline export` argument handling, and one real export."""

from __future__ import annotations

import argparse

import pytest

from dashboard import commands


@pytest.fixture
def parser():
    p = argparse.ArgumentParser(prog="timeline")
    commands.register(p.add_subparsers(dest="command"))
    return p


def test_serve_and_export_parse(parser, tmp_path):
    args = parser.parse_args(["serve", "--events", "e.jsonl", "--port", "9000"])
    assert (args.func, args.port, args.host) == (commands.serve_command, 9000, "127.0.0.1")
    args = parser.parse_args(["export", "a.txt", "b", "--actor", "Kim Jong Un", "--actor", "Moon Jae-in",
                              "--format", "svg", "--out", str(tmp_path / "x.svg")])
    assert args.actor == ["Kim Jong Un", "Moon Jae-in"] and len(args.inputs) == 2


def test_inputs_and_events_are_exclusive(parser, tmp_path, capsys):
    args = parser.parse_args(["export", "a.txt", "--events", "e.jsonl", "--out", str(tmp_path / "x.png")])
    assert args.func(args) == 2
    assert "one of the two" in capsys.readouterr().err
    args = parser.parse_args(["export", "--out", str(tmp_path / "x.png")])
    assert args.func(args) == 2


def test_unknown_image_format_is_refused(parser, tmp_path, capsys):
    args = parser.parse_args(["export", "--events", "e.jsonl", "--out", str(tmp_path / "chart.gif")])
    assert args.func(args) == 2
    assert "--format png|svg|pdf" in capsys.readouterr().err


def test_export_draws_the_filtered_view(parser, tmp_path, events, capsys):
    from extract.output import write_jsonl

    jsonl = tmp_path / "events.jsonl"
    write_jsonl(events, jsonl)
    out = tmp_path / "moon.svg"
    args = parser.parse_args(["export", "--events", str(jsonl), "--actor", "Moon Jae-in",
                              "--query", "?lanes=country", "--out", str(out)])
    assert args.func(args) == 0
    svg = out.read_text()
    assert svg.startswith("<svg") or "<svg" in svg[:200]
    assert "1 of 9 events · actor: Moon Jae-in · lanes by country" in svg
    assert "South Korea" in svg and "Mike Pompeo" not in svg
    assert not list(tmp_path.glob("*.tmp"))       # written atomically, no temp file left
    assert "wrote" in capsys.readouterr().err


def test_upload_decoding_refuses_oversized_files_before_decoding():
    import base64

    from dashboard.callbacks import decode_upload

    small = "data:text/plain;base64," + base64.b64encode(b"hello").decode()
    assert decode_upload(small, 10) == b"hello"
    big = "data:text/plain;base64," + base64.b64encode(b"x" * 2000).decode()
    with pytest.raises(ValueError, match="larger than"):
        decode_upload(big, 1000)
    with pytest.raises(ValueError, match="damaged"):
        decode_upload("data:text/plain;base64,@@@", 1000)


def test_export_pdf(parser, tmp_path, events):
    from extract.output import write_jsonl

    jsonl = tmp_path / "events.jsonl"
    write_jsonl(events, jsonl)
    out = tmp_path / "chart.pdf"
    args = parser.parse_args(["export", "--events", str(jsonl), "--out", str(out)])
    assert args.func(args) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5_000


def test_export_with_no_readable_article_fails_and_writes_nothing(parser, tmp_path, capsys):
    out = tmp_path / "chart.png"
    args = parser.parse_args(["export", str(tmp_path / "missing.txt"), "--out", str(out)])
    assert args.func(args) == 2
    err = capsys.readouterr().err
    assert "missing.txt" in err and "no article could be read" in err
    assert not out.exists()
