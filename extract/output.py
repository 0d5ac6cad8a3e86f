"""Events to and from JSONL files: the contract `timeline extract` writes and the dashboard reads.

Files are written atomically: to a temporary file in the target's folder, flushed to disk, then
renamed over the target with ``os.replace``. An interrupted or failing run leaves the previous file
whole and no temporary file behind, so a reader never sees half a timeline.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from extract.errors import Errors, InputError
from extract.types import EVENT_STATUSES, EVENT_TYPES, Event, Source, TimeValue, Timex

# Mode of a newly created output file; mkstemp's private 0600 would hide it from other users.
NEW_FILE_MODE = 0o644


def atomic_write(path: str | Path, chunks: Iterable[str | bytes]) -> None:
    """Write ``chunks`` (text as UTF-8, or bytes) to ``path`` all at once or not at all."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in chunks:
                f.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            f.flush()
            os.fsync(f.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else NEW_FILE_MODE
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def event_lines(events: Iterable[Event]) -> Iterable[str]:
    """One JSON line per event, as `timeline extract` prints and writes them."""
    for event in events:
        yield json.dumps(event.to_json(), ensure_ascii=False) + "\n"


def write_jsonl(events: Iterable[Event], path: str | Path) -> None:
    """Write one JSON object per event to ``path``, atomically."""
    atomic_write(path, event_lines(events))


# Files written before the time object carried its TIMEX3 type: it follows from the granularity.
_TIMEX_TYPE_BY_GRANULARITY = {"duration": "DURATION", "set": "SET", "time": "TIME",
                              "part-of-day": "TIME"}


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value is not None else None


def _span(value: list) -> tuple[int, int]:
    start, end = value
    return int(start), int(end)


def _time_from_json(d: dict | None) -> Timex | None:
    if d is None:
        return None
    timex_type = d.get("type") or _TIMEX_TYPE_BY_GRANULARITY.get(d["granularity"], "DATE")
    value = TimeValue(d["value"], timex_type,
                      _date(d["start"]), _date(d["end"]), d["granularity"], d.get("mod"))
    start, end = _span(d["span"])
    return Timex(start, end, d["text"], value)


def event_from_json(d: dict) -> Event:
    """The Event that ``Event.to_json`` turned into ``d``; raises KeyError/TypeError/ValueError."""
    if d["type"] not in EVENT_TYPES:
        raise ValueError(f"type {d['type']!r} is not one of {', '.join(EVENT_TYPES)}")
    if d["status"] not in EVENT_STATUSES:
        raise ValueError(f"status {d['status']!r} is not one of {', '.join(EVENT_STATUSES)}")
    return Event(
        id=d["id"], doc=d["doc"], type=d["type"], plover=d["plover"], trigger=d["trigger"],
        actors=tuple(d["actors"]), status=d["status"], sentence=d["sentence"], span=_span(d["span"]),
        time=_time_from_json(d["time"]), location=d["location"], confidence=float(d["confidence"]),
        sources=tuple(Source(s["doc"], _span(s["span"]), s.get("title"), s.get("published"))
                      for s in d["sources"]),
        countries=tuple(d.get("countries", ())),
        trigger_span=_span(d["trigger_span"]) if d.get("trigger_span") else None,
        actor_spans=tuple(_span(s) for s in d.get("actor_spans", ())),
    )


def read_events_jsonl(path: str | Path) -> list[Event]:
    """The events of a JSONL file; a bad line raises an InputError naming the file and the line."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, Errors.E011)
    events = []
    with path.open("rb") as f:
        for number, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            try:
                events.append(event_from_json(json.loads(raw.decode("utf-8"))))
            except UnicodeDecodeError:
                raise InputError(path, Errors.E019.format(line=number, detail="it is not UTF-8")) from None
            except json.JSONDecodeError as e:
                raise InputError(path, Errors.E019.format(line=number, detail=e.msg)) from None
            except (KeyError, TypeError, ValueError, AttributeError) as e:
                detail = f"missing key {e}" if isinstance(e, KeyError) else str(e)
                raise InputError(path, Errors.E019.format(line=number, detail=detail)) from None
    return events
