"""Events -> DataFrame: the one place where pandas meets the events.

The dashboard keeps every event, its JSON record (the `timeline extract` contract) and a frame
with one row per event, so a filter is a vectorised mask, the detail panel or a JSON download
hands back the record untouched, and an upload merges with the Events themselves. Row labels are
positions in ``events``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from extract.types import Event

NO_ACTOR = "(no actor)"
NO_COUNTRY = "(no country)"
LANE_MODES = ("actor", "country")

# Columns of the CSV download, in order; list-valued ones are joined with "; ".
CSV_COLUMNS = ("id", "date", "start", "end", "granularity", "time_text", "type", "plover", "status",
               "actors", "countries", "location", "trigger", "doc", "source_docs", "confidence",
               "sentence")


def read_events(path: str | Path) -> list[Event]:
    """Events of a JSONL file written by `timeline extract` (one ``Event.to_json()`` per line)."""
    from extract.output import read_events_jsonl

    return read_events_jsonl(path)


def _day(value: str | None) -> pd.Timestamp:
    return pd.Timestamp(value) if value else pd.NaT


def _source_docs(record: Mapping) -> tuple[str, ...]:
    docs = [record["doc"]] + [s["doc"] for s in record.get("sources") or ()]
    return tuple(dict.fromkeys(docs))


def events_frame(records: Iterable[Mapping]) -> pd.DataFrame:
    """One row per event. ``start``/``end`` are the first and last day the time covers (NaT when
    the event has no fixed date), so a month event keeps its whole month."""
    rows = []
    for r in records:
        t = r.get("time") or {}
        rows.append({
            "id": r["id"], "doc": r["doc"], "type": r["type"], "plover": r.get("plover") or "",
            "status": r["status"], "trigger": r.get("trigger") or "",
            "location": r.get("location") or "", "sentence": r.get("sentence") or "",
            "actors": tuple(r.get("actors") or ()), "countries": tuple(r.get("countries") or ()),
            "docs": _source_docs(r), "confidence": float(r.get("confidence") or 0.0),
            "time_text": t.get("text") or "", "value": t.get("value") or "",
            "granularity": t.get("granularity") or "",
            "start": _day(t.get("start")), "end": _day(t.get("end")),
        })
    frame = pd.DataFrame(rows, columns=[
        "id", "doc", "type", "plover", "status", "trigger", "location", "sentence", "actors",
        "countries", "docs", "confidence", "time_text", "value", "granularity", "start", "end"])
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    # A start without an end (open interval) is drawn as its first day.
    frame["end"] = frame["end"].fillna(frame["start"])
    frame["dated"] = frame["start"].notna()
    for column in ("type", "status"):
        frame[column] = frame[column].astype("category")
    frame["search"] = frame["sentence"].str.lower()
    return frame


def membership(frame: pd.DataFrame, column: str, empty: str) -> pd.DataFrame:
    """Long frame (row, lane): an event with two actors is in both lanes; one with none in ``empty``."""
    values = frame[column].map(lambda v: v if v else (empty,))
    long = values.explode()
    # Categorical lanes make the per-update groupby and isin work on integer codes.
    return pd.DataFrame({"row": long.index.to_numpy(),
                         "lane": pd.Categorical(long.to_numpy(dtype=object))})


def date_label(value: str, start: pd.Timestamp, end: pd.Timestamp, granularity: str) -> str:
    """How a person reads the event's date: '7 Oct 2018', 'July 2018', '2018-W35 (27 Aug – 2 Sep 2018)'."""
    if pd.isna(start):
        return f"undated ({value})" if value else "undated"
    if start == end:
        return f"{start.day} {start:%b %Y}"
    if granularity == "month":
        return f"{start:%B %Y}"
    if granularity == "year":
        return f"{start:%Y}"
    return f"{value} ({start.day} {start:%b} – {end.day} {end:%b %Y})"


def csv_text(frame: pd.DataFrame) -> str:
    """The events of ``frame`` as CSV, one row per event."""
    out = pd.DataFrame({
        "id": frame["id"], "date": frame["value"],
        "start": frame["start"].dt.strftime("%Y-%m-%d"), "end": frame["end"].dt.strftime("%Y-%m-%d"),
        "granularity": frame["granularity"], "time_text": frame["time_text"], "type": frame["type"],
        "plover": frame["plover"], "status": frame["status"],
        "actors": frame["actors"].map("; ".join), "countries": frame["countries"].map("; ".join),
        "location": frame["location"], "trigger": frame["trigger"], "doc": frame["doc"],
        "source_docs": frame["docs"].map("; ".join), "confidence": frame["confidence"],
        "sentence": frame["sentence"]}, columns=list(CSV_COLUMNS))
    text_columns = out.select_dtypes(include=["object", "string"]).columns
    out[text_columns] = out[text_columns].apply(lambda col: col.map(_inert_cell))
    buf = io.StringIO()
    out.to_csv(buf, index=False)
    return buf.getvalue()


# A spreadsheet runs a cell that starts with one of these as a formula; article text is untrusted.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert_cell(value: object) -> object:
    """The cell as text a spreadsheet shows rather than evaluates (OWASP's CSV-injection advice)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def json_text(records: list[dict], rows: Iterable[int]) -> str:
    """The chosen events as a JSON array of their records (the JSONL contract, one per element)."""
    return json.dumps([records[i] for i in rows], ensure_ascii=False, indent=1)


@dataclass(frozen=True, eq=False)
class Dataset:
    """One immutable version of the data the app shows."""

    version: int
    events: tuple[Event, ...]                               # kept for merging uploads
    records: tuple[dict, ...]                               # their JSON, row i = events[i]
    frame: pd.DataFrame = field(repr=False)
    lanes: Mapping[str, pd.DataFrame] = field(repr=False)   # lane mode -> (row, lane)
    docs: pd.DataFrame = field(repr=False)                  # (row, lane=source doc)
    index: Mapping[str, int] = field(repr=False)            # event id -> row

    @classmethod
    def build(cls, version: int, events: Iterable[Event]) -> Dataset:
        events = tuple(events)
        recs = tuple(e.to_json() for e in events)
        frame = events_frame(recs)
        return cls(version=version, events=events, records=recs, frame=frame,
                   lanes={"actor": membership(frame, "actors", NO_ACTOR),
                          "country": membership(frame, "countries", NO_COUNTRY)},
                   docs=membership(frame, "docs", ""),
                   index={r["id"]: i for i, r in enumerate(recs)})

    @cached_property
    def options(self) -> dict[str, list[dict]]:
        """Dropdown options, most frequent first; values are the canonical names the filters use.
        Cached: every page load asks for them."""
        def ranked(long: pd.DataFrame, skip: str) -> list[dict]:
            counts = long["lane"].value_counts()
            return [{"label": f"{name} ({n})", "value": name} for name, n in counts.items()
                    if n and name != skip]

        titles = {}
        for r in self.records:
            for s in r.get("sources") or ():
                titles.setdefault(s["doc"], s.get("title"))
        doc_counts = self.docs["lane"].value_counts()
        return {
            "actor": ranked(self.lanes["actor"], NO_ACTOR),
            "country": ranked(self.lanes["country"], NO_COUNTRY),
            "type": [{"label": t, "value": t} for t in sorted(self.frame["type"].unique())],
            "status": [{"label": s, "value": s} for s in sorted(self.frame["status"].unique())],
            "doc": [{"label": f"{titles.get(d) or d} ({n})", "value": d} for d, n in doc_counts.items()],
        }

    @cached_property
    def date_bounds(self) -> tuple[dt.date | None, dt.date | None]:
        lo, hi = self.frame["start"].min(), self.frame["end"].max()   # NaT is skipped
        return (None, None) if pd.isna(lo) else (lo.date(), hi.date())


class DatasetStore:
    """The server-side data, keyed by version: pages hold only the version number, never the events.

    An upload builds a new version instead of changing one in place, so a callback that is still
    working on the old version never sees half an update. Only the last few versions are kept.
    """

    KEEP = 4

    def __init__(self, events: Iterable[Event]) -> None:
        self._lock = threading.Lock()
        first = Dataset.build(0, events)
        self._versions: dict[int, Dataset] = {0: first}
        self._current = first

    @property
    def current(self) -> Dataset:
        return self._current

    def get(self, version: int | None) -> Dataset:
        """The dataset a page shows; a version already dropped falls back to the newest."""
        return self._versions.get(version, self._current) if version is not None else self._current

    def add(self, events: Iterable[Event], merge=list) -> Dataset:
        """A new version holding the current events and ``events``, combined by ``merge``
        (e.g. ``merge_events``); under the lock, so two uploads at once both land."""
        with self._lock:
            new = Dataset.build(self._current.version + 1, merge([*self._current.events, *events]))
            self._versions[new.version] = new
            for old in sorted(self._versions)[:-self.KEEP]:
                del self._versions[old]
            self._current = new
            return new
