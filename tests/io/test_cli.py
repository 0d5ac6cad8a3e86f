import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

import extract.pipeline
from extract.cli import build_parser, main
from extract.types import DocumentFailure, Event

TEXT = "Pompeo met Kim Jong Un in Pyongyang on Sunday and said the talks went well.\n"


def _one_event_per_article(articles, failures=None):
    return [Event(id=a.doc, doc=a.doc, type="meeting", plover="CONSULT", trigger="met",
                  actors=("Mike Pompeo",), status="actual", sentence=a.text.strip(),
                  span=(0, len(a.text.strip()))) for a in articles]


@pytest.fixture
def fake_pipeline(monkeypatch):
    """The CLI's job is reading and writing; the pipeline is stubbed to one event per article."""
    monkeypatch.setattr(extract.pipeline, "extract_articles", _one_event_per_article)


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "a.txt").write_text(TEXT, encoding="utf-8")
    (d / "a.json").write_text('{"published": "2018-10-07"}', encoding="utf-8")
    (d / "b.txt").write_bytes(b"\x00\x00")
    (d / "c.json").write_text(json.dumps({"text": TEXT, "published": "2018-10-08"}), encoding="utf-8")
    return d


def test_extract_writes_jsonl_and_reports_skipped_documents(fake_pipeline, folder, tmp_path, capsys):
    out = tmp_path / "out" / "events.jsonl"
    assert main(["extract", str(folder), "--out", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc"] for r in rows] == ["a", "c"]
    err = capsys.readouterr().err
    assert f"SKIPPED {folder / 'b.txt'}: the file looks binary" in err
    assert "2 article(s) read, 1 skipped, 2 event(s)" in err


def test_an_article_the_extractor_fails_on_is_skipped_and_the_rest_written(monkeypatch, folder, tmp_path,
                                                                            capsys):
    def fails_on_a(articles, failures=None):
        ok = [a for a in articles if a.doc != "a"]
        failures.extend(DocumentFailure(a.path, "the extractor failed on this article")
                        for a in articles if a.doc == "a")
        return _one_event_per_article(ok)

    monkeypatch.setattr(extract.pipeline, "extract_articles", fails_on_a)
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(folder), "--out", str(out)]) == 0
    assert [json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines()] == ["c"]
    err = capsys.readouterr().err
    assert f"SKIPPED {folder / 'a.txt'}: the extractor failed" in err
    assert "1 article(s) read, 2 skipped, 1 event(s)" in err
    assert main(["extract", str(folder / "a.txt"), "--out", str(out)]) == 1   # every article failed
    assert "nothing was written" in capsys.readouterr().err
    assert [json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines()] == ["c"]


def test_extract_writes_to_stdout_without_out(fake_pipeline, folder, capsys):
    assert main(["extract", str(folder / "c.json")]) == 0
    out = capsys.readouterr().out
    assert [json.loads(line)["doc"] for line in out.splitlines()] == ["c"]


def test_published_overrides_and_dates_undated_text(fake_pipeline, tmp_path, capsys):
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(tmp_path / "x.txt")]) == 1
    assert "--published YYYY-MM-DD, or put a sidecar x.json" in capsys.readouterr().err
    assert main(["extract", str(tmp_path / "x.txt"), "--published", "2018-10-07"]) == 0


def test_all_inputs_failing_exits_1_and_keeps_the_old_output(fake_pipeline, tmp_path, capsys):
    out = tmp_path / "events.jsonl"
    out.write_text("old\n")
    (tmp_path / "bad.txt").write_bytes(b"")
    assert main(["extract", str(tmp_path / "bad.txt"), str(tmp_path / "missing.txt"), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "SKIPPED" in err and "missing.txt: no such file" in err and "nothing was written" in err
    assert out.read_text() == "old\n"


@pytest.mark.parametrize("argv, fragment", [
    (["extract", "a.txt", "--published", "07/10/2018"], "bad publication date '07/10/2018'"),
    (["extract", "a.txt", "--published", "2018-02-30"], "bad publication date '2018-02-30'"),
    (["extract"], "the following arguments are required: INPUT"),
    (["extract", "a.txt", "--bogus"], "unrecognized arguments: --bogus"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    ([], "the following arguments are required: COMMAND"),
])
def test_bad_arguments_exit_2_with_one_line(argv, fragment, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert fragment in err
    assert err.count("\n") == 1 and err.startswith("timeline")


def test_help_explains_every_subcommand(capsys):
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert "extract" in sub.choices
    assert main(["--help"]) == 0
    top = capsys.readouterr().out
    for command in sub.choices:
        assert command in top
        assert main([command, "--help"]) == 0
        text = capsys.readouterr().out
        assert text.startswith(f"usage: timeline {command}") and len(text.splitlines()) > 3


def test_installed_script_runs_end_to_end(tmp_path):
    script = Path(sys.executable).parent / "timeline"
    if not script.exists():
        pytest.skip(f"the console script is not installed beside {sys.executable}")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><nav><p>Home</p></nav></body></html>", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    done = subprocess.run([str(script), "extract", str(tmp_path), "--published", "2018-10-07",
                           "--out", str(out)], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert f"SKIPPED {tmp_path / 'b.html'}: the page holds no article text" in done.stderr
    assert out.exists()
    bad = subprocess.run([str(script), "extract", str(tmp_path), "--published", "soon"],
                         capture_output=True, text=True, timeout=60, check=False)
    assert bad.returncode == 2 and "bad publication date 'soon'" in bad.stderr


_MANY_EVENTS = """
import sys
import extract.pipeline
from extract.types import Event
extract.pipeline.extract_articles = lambda articles, failures=None: [
    Event(id=str(i), doc="a", type="meeting", plover="CONSULT", trigger="met", actors=(),
          status="actual", sentence="x" * 200, span=(0, 1)) for i in range(20000)]
from extract.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_output_piped_into_a_reader_that_stops_early_ends_quietly(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", _MANY_EVENTS, "extract", str(tmp_path / "a.txt"),
                             "--published", "2018-10-07"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert json.loads(proc.stdout.readline())["id"] == "0"
    proc.stdout.close()   # like `| head -1`
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
