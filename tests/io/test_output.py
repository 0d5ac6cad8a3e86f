import datetime as dt
import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract import output
from extract.errors import InputError
from extract.output import event_from_json, read_events_jsonl, write_jsonl
from extract.types import (
    EVENT_STATUSES,
    EVENT_TYPES,
    GRANULARITIES,
    TIMEX_MODS,
    Event,
    Source,
    TimeValue,
    Timex,
)

# Event.to_json leaves out the TIMEX3 type and tid; generated events use the type their
# granularity implies, which is what event_from_json restores.
_TYPE = {"duration": "DURATION", "set": "SET", "time": "TIME", "part-of-day": "TIME"}

texts = st.text(max_size=20)
offsets = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)).map(lambda t: tuple(sorted(t)))
days = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))


@st.composite
def time_values(draw):
    granularity = draw(st.sampled_from(GRANULARITIES))
    start = draw(st.none() | days)
    end = None if start is None else draw(st.none() | days.filter(lambda d: d >= start))
    return TimeValue(draw(texts), _TYPE.get(granularity, "DATE"), start, end, granularity,
                     draw(st.none() | st.sampled_from(TIMEX_MODS)))


timexes = st.builds(lambda span, text, value: Timex(span[0], span[1], text, value),
                    offsets, texts, time_values())
sources = st.builds(Source, texts, offsets, st.none() | texts, st.none() | days.map(str))
events = st.builds(
    Event, id=texts, doc=texts, type=st.sampled_from(EVENT_TYPES), plover=texts, trigger=texts,
    actors=st.lists(texts, max_size=3).map(tuple), status=st.sampled_from(EVENT_STATUSES),
    sentence=texts, span=offsets, time=st.none() | timexes, location=st.none() | texts,
    confidence=st.integers(0, 1000).map(lambda n: n / 1000),
    sources=st.lists(sources, max_size=3).map(tuple), countries=st.lists(texts, max_size=2).map(tuple),
    trigger_span=st.none() | offsets, actor_spans=st.lists(offsets, max_size=3).map(tuple))


@given(events)
def test_event_from_json_inverts_to_json(event):
    d = json.loads(json.dumps(event.to_json()))
    assert event_from_json(d) == event
    assert event_from_json(d).to_json() == event.to_json()


def _event(i: int = 0) -> Event:
    return Event(id=f"e{i}", doc="doc", type="meeting", plover="CONSULT", trigger="met",
                 actors=("Mike Pompeo", "Kim Jong Un"), status="actual", sentence="Pompeo met Kim.",
                 span=(0, 15), time=Timex(16, 25, "on Sunday", TimeValue(
                     "2018-10-07", start=dt.date(2018, 10, 7), end=dt.date(2018, 10, 7))),
                 location="Pyongyang", sources=(Source("doc", (0, 15), "T", "2018-10-07"),))


def test_write_then_read_gives_the_events_back(tmp_path):
    path = tmp_path / "events.jsonl"
    write_jsonl([_event(0), _event(1)], path)
    assert read_events_jsonl(path) == [_event(0), _event(1)]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["e0", "e1"]


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path):
    path = tmp_path / "events.jsonl"
    write_jsonl([_event(0)], path)
    before = path.read_bytes()

    def broken():
        yield _event(1)
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        write_jsonl(broken(), path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["events.jsonl"]


def test_failed_rename_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "events.jsonl"
    path.write_text("old\n")

    def fail(src, dst):
        raise OSError("rename failed")

    monkeypatch.setattr(output.os, "replace", fail)
    with pytest.raises(OSError, match="rename failed"):
        write_jsonl([_event(0)], path)
    assert path.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["events.jsonl"]


def test_new_file_is_readable_by_others_and_old_mode_is_kept(tmp_path):
    path = tmp_path / "events.jsonl"
    write_jsonl([], path)
    assert path.stat().st_mode & 0o777 == output.NEW_FILE_MODE
    os.chmod(path, 0o600)
    write_jsonl([_event(0)], path)
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("content, fragment", [
    ('{"id": "x"\n', "line 2 is not an event"),
    ("[1, 2]\n", "line 2 is not an event"),
    ('{"id": "x"}\n', "line 2 is not an event: missing key"),
])
def test_bad_line_names_the_file_and_the_line(tmp_path, content, fragment):
    path = tmp_path / "events.jsonl"
    good = json.dumps(_event(0).to_json())
    path.write_text(f"{good}\n{content}", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_events_jsonl(path)
    assert err.value.path == str(path)
    assert fragment in err.value.message


def test_unknown_event_type_is_refused():
    d = _event(0).to_json() | {"type": "party"}
    with pytest.raises(ValueError, match="type 'party'"):
        event_from_json(d)


def test_missing_events_file_is_named(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_events_jsonl(tmp_path / "nope.jsonl")


def test_blank_lines_are_skipped(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text("\n" + json.dumps(_event(0).to_json()) + "\n\n", encoding="utf-8")
    assert read_events_jsonl(path) == [_event(0)]


def test_atomic_write_takes_text_and_bytes(tmp_path):
    path = tmp_path / "chart.bin"
    output.atomic_write(path, ["héllo ", b"\x89PNG"])
    assert path.read_bytes() == "héllo ".encode() + b"\x89PNG"
