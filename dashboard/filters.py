"""Pure filtering: (frame, view state) -> frame, and the view state <-> URL query string.

``ViewState`` is everything a shared link must reproduce: the filters, the lane mode, the zoomed
date range and the selected event. It round-trips through the query string exactly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

import pandas as pd

from dashboard.data import LANE_MODES, Dataset

# Query-string key of each multi-valued filter field.
_LIST_KEYS = {"actors": "actor", "countries": "country", "types": "type", "statuses": "status",
              "docs": "doc"}


@dataclass(frozen=True)
class ViewState:
    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    start: str | None = None          # ISO day, inclusive
    end: str | None = None            # ISO day, inclusive
    text: str = ""
    lanes: str = "actor"
    view: tuple[str, str] | None = None   # zoomed x-range of the chart (ISO datetimes)
    event: str | None = None              # selected event id

    def is_filtered(self) -> bool:
        return any((self.actors, self.countries, self.types, self.statuses, self.docs,
                    self.start, self.end, self.text.strip()))


def _iso_day(value: object) -> str | None:
    """A date from a control or a URL, as YYYY-MM-DD; anything else is dropped, not an error,
    because a hand-edited link should still open the app."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        return None


def _iso_instant(value: object) -> str | None:
    try:
        return pd.Timestamp(str(value)).isoformat()
    except (ValueError, TypeError):
        return None


def make_state(*, actors=None, countries=None, types=None, statuses=None, docs=None, start=None,
               end=None, text=None, lanes=None, view=None, event=None) -> ViewState:
    """A ViewState from loose control values (None for an empty dropdown, dates with times)."""
    x_range = None
    if view and len(view) == 2:
        lo, hi = _iso_instant(view[0]), _iso_instant(view[1])
        if lo and hi:
            x_range = (min(lo, hi), max(lo, hi))
    return ViewState(
        actors=tuple(actors or ()), countries=tuple(countries or ()), types=tuple(types or ()),
        statuses=tuple(statuses or ()), docs=tuple(docs or ()), start=_iso_day(start),
        end=_iso_day(end), text=(text or "").strip(),
        lanes=lanes if lanes in LANE_MODES else "actor", view=x_range, event=event or None)


def to_query(state: ViewState) -> str:
    """The query string of a shared link ('' when nothing is set)."""
    pairs: list[tuple[str, str]] = []
    for name, key in _LIST_KEYS.items():
        pairs += [(key, v) for v in getattr(state, name)]
    if state.start:
        pairs.append(("from", state.start))
    if state.end:
        pairs.append(("to", state.end))
    if state.text:
        pairs.append(("q", state.text))
    if state.lanes != "actor":
        pairs.append(("lanes", state.lanes))
    if state.view:
        pairs.append(("view", "~".join(state.view)))
    if state.event:
        pairs.append(("event", state.event))
    return "?" + urlencode(pairs) if pairs else ""


def from_query(search: str | None) -> ViewState:
    """Inverse of ``to_query``; unknown keys and malformed values are ignored."""
    q = parse_qs((search or "").lstrip("?"), keep_blank_values=False)

    def one(key: str) -> str | None:
        return q.get(key, [None])[-1]

    view = one("view")
    return make_state(**{name: q.get(key, []) for name, key in _LIST_KEYS.items()},
                      start=one("from"), end=one("to"), text=one("q"), lanes=one("lanes"),
                      view=view.split("~") if view else None, event=one("event"))


def merge_relayout(view: tuple[str, str] | list | None, relayout: Mapping | None):
    """The chart's x-range after a relayout event. Plotly reports only what changed, so the range
    is carried over from the previous state unless the event sets or resets it."""
    if not relayout:
        return view
    if relayout.get("xaxis.autorange"):
        return None
    if "xaxis.range[0]" in relayout and "xaxis.range[1]" in relayout:
        new = (relayout["xaxis.range[0]"], relayout["xaxis.range[1]"])
    elif "xaxis.range" in relayout:
        new = tuple(relayout["xaxis.range"])
    else:
        return view
    return make_state(view=new).view


def _rows_in(long: pd.DataFrame, values: tuple[str, ...]) -> pd.Index:
    return pd.Index(long["row"][long["lane"].isin(values)].unique())


def apply(data: Dataset, state: ViewState) -> pd.DataFrame:
    """The events the filters keep, in dataset order. The zoom range is not a filter (see in_view).

    A date range keeps every event whose interval overlaps it, so "July" survives a filter
    from 15 July; events without a date drop out once a date range is set.
    """
    frame = data.frame
    if not state.is_filtered():
        return frame
    mask = pd.Series(True, index=frame.index)
    if state.actors:
        mask &= frame.index.isin(_rows_in(data.lanes["actor"], state.actors))
    if state.countries:
        mask &= frame.index.isin(_rows_in(data.lanes["country"], state.countries))
    if state.docs:
        mask &= frame.index.isin(_rows_in(data.docs, state.docs))
    if state.types:
        mask &= frame["type"].isin(state.types)
    if state.statuses:
        mask &= frame["status"].isin(state.statuses)
    if state.start:
        mask &= frame["dated"] & (frame["end"] >= pd.Timestamp(state.start))
    if state.end:
        mask &= frame["dated"] & (frame["start"] <= pd.Timestamp(state.end))
    if state.text:
        mask &= frame["search"].str.contains(state.text.lower(), regex=False)
    return frame[mask]


def in_view(frame: pd.DataFrame, view: tuple[str, str] | None) -> pd.DataFrame:
    """Events visible in the zoomed x-range: dated ones overlapping it, and every undated one,
    since the undated band does not zoom."""
    if not view:
        return frame
    lo, hi = pd.Timestamp(view[0]), pd.Timestamp(view[1])
    # An event's last day runs until midnight, so compare against end + 1 day.
    overlap = (frame["start"] <= hi) & (frame["end"] + pd.Timedelta(days=1) >= lo)
    return frame[overlap | ~frame["dated"]]


def describe(state: ViewState, shown: int, total: int) -> str:
    """One line stating the filter, for the page, the chart title and every export."""
    parts = []
    labels = {"actors": "actor", "countries": "country", "types": "type", "statuses": "status",
              "docs": "source"}
    for name, label in labels.items():
        values = getattr(state, name)
        if values:
            parts.append(f"{label}: {', '.join(values)}")
    if state.start or state.end:
        parts.append(f"dates: {state.start or '…'} to {state.end or '…'}")
    if state.text:
        parts.append(f'text: "{state.text}"')
    if state.view:
        parts.append(f"zoom: {state.view[0][:10]} to {state.view[1][:10]}")
    what = f"{shown} of {total} events" if state.is_filtered() else f"all {total} events"
    lanes = "lanes by country" if state.lanes == "country" else "lanes by actor"
    return " · ".join([what, *parts, lanes])
