"""Pure figure building: filtered events -> plotly figure. No Dash here.

The figure is returned as a plain plotly figure dict (``{"data": [...], "layout": {...}}``),
the JSON Dash sends to the page and kaleido renders: wrapping it in ``go.Figure`` deep-copies
and validates every array, which cost ~150 ms per update at a few thousand marks.
``go.Figure(fig)`` still takes it as is, and a test does exactly that to validate it.

Two steps. ``place`` decides where every mark goes (lane, vertical offset, x, or a cluster when
there are too many marks to read); ``timeline_figure`` draws a placement. The split lets the
selection highlight reuse the placement without redrawing the chart.

Reading rules the drawing follows:
- an event dated to a day is a point; one dated to a week, month, season... is a bar across the
  whole interval with its marker at the middle, so "in July" never reads as 1 July;
- events without a date sit in a separate "future / undated" column, never on a fake date;
- an event with two actors has a mark in each actor's lane;
- marks that would overlap within a lane are stacked vertically instead of piled up; there are
  no text labels on the chart (hover and the detail panel carry the words).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.data import NO_ACTOR, NO_COUNTRY, date_label
from extract.types import EVENT_STATUSES, EVENT_TYPES

TYPE_COLOURS = dict(zip(EVENT_TYPES, (
    "#1f77b4", "#d62728", "#2ca02c", "#17becf", "#9467bd", "#8c564b", "#e6a700", "#111111",
    "#7f7f7f"), strict=True))
STATUS_SYMBOLS = {"actual": "circle", "planned": "diamond-open", "cancelled": "x",
                  "negated": "square-open"}
CLUSTER_COLOUR = "#4a6fa5"
UNDATED_BAND = "future / undated"
# Above this many marks the chart clusters them per lane, type and period; a person cannot read
# more, and the payload stays small. Zooming in brings the single events back.
MAX_MARKS = 4000
MAX_CLUSTERS = 1500
# WebGL pays off only for many thousands of marks: in headless Chromium without a GPU
# (software GL) it drew 1,600 marks in 1.5 s against 0.4 s for SVG. Marks are capped near
# MAX_MARKS, so WebGL is left for extreme cluster counts (hundreds of lanes over many years).
WEBGL_FROM = 5000
# Marks closer than this share of the visible width are stacked within their lane.
STACK_RESOLUTION = 1 / 120
_PERIODS = ((1, "D", "day"), (7, "W", "week"), (31, "M", "month"), (92, "Q", "quarter"),
            (366, "Y", "year"))


@dataclass(frozen=True, eq=False)
class Placement:
    lanes: tuple[str, ...]          # top to bottom
    # One row per mark: row (the event), lane, y, x, band_x (undated) and the event's columns;
    # when clustered, one row per lane and period with count and mix instead of row.
    marks: pd.DataFrame
    period: str | None = None       # when clustered: "day" | "week" | ... ; None for single events


def lane_order(names: pd.Index, counts: np.ndarray) -> list[int]:
    """Positions of the lanes to show, busiest on top; the catch-all lane for events without
    actor/country last; lanes without marks left out."""
    return sorted(np.nonzero(counts)[0],
                  key=lambda i: (names[i] in (NO_ACTOR, NO_COUNTRY), -counts[i], names[i]))


def _midpoint(start, end):
    """Middle of the days covered: an event's last day runs until the next midnight."""
    return start + (end + np.timedelta64(1, "D") - start) / 2


def _span(frame: pd.DataFrame, view: tuple[str, str] | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    if view:
        return pd.Timestamp(view[0]), pd.Timestamp(view[1])
    lo, hi = frame["start"].min(), frame["end"].max()   # NaT (undated) is skipped
    if pd.isna(lo):
        return pd.Timestamp("2000-01-01"), pd.Timestamp("2000-01-02")
    return lo, hi + pd.Timedelta(days=1)


def _codes(column: pd.Series, idx: np.ndarray) -> pd.Categorical:
    return pd.Categorical.from_codes(column.cat.codes.to_numpy()[idx], column.cat.categories)


def _members(frame: pd.DataFrame, long: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Which (row, lane) memberships belong to ``frame``'s events (a mask over ``long``), and
    each one's position in ``frame``."""
    all_rows = long["row"].to_numpy()
    size = max(int(all_rows.max()) + 1 if len(all_rows) else 0,
               int(frame.index.max()) + 1 if len(frame) else 0)
    position = np.full(size, -1)
    position[frame.index.to_numpy()] = np.arange(len(frame))
    keep = position[all_rows] >= 0
    return keep, position[all_rows[keep]]


def mark_count(frame: pd.DataFrame, long: pd.DataFrame) -> int:
    """How many marks ``frame``'s events make: one per event and lane."""
    return int(_members(frame, long)[0].sum())


def place(frame: pd.DataFrame, long: pd.DataFrame, view: tuple[str, str] | None = None,
          max_marks: int = MAX_MARKS) -> Placement:
    """Where each mark of ``frame``'s events goes, given the (row, lane) membership ``long``.

    Built from numpy takes rather than joins: at 100k events this runs on every update.
    """
    keep, idx = _members(frame, long)
    rows = long["row"].to_numpy()[keep]
    names = long["lane"].cat.categories
    lane_codes = long["lane"].cat.codes.to_numpy()[keep]
    order = lane_order(names, np.bincount(lane_codes, minlength=len(names)))
    lane_y = np.full(len(names), np.nan)
    lane_y[order] = np.arange(len(order))
    start = frame["start"].to_numpy()[idx]
    end = frame["end"].to_numpy()[idx]
    dated = ~np.isnat(start)
    interval = dated & (end > start)
    marks = pd.DataFrame({
        "row": rows, "lane": pd.Categorical.from_codes(lane_codes, names),
        "lane_y": lane_y[lane_codes], "type": _codes(frame["type"], idx),
        "status": _codes(frame["status"], idx), "dated": dated, "interval": interval,
        "start": start, "end": end, "x": np.where(interval, _midpoint(start, end), start)})
    lo, hi = _span(frame, view)
    if view:
        # Keep half a view-width either side so a short pan still shows marks before the redraw.
        width = (hi - lo) / 2
        near = ~dated | ((end >= (lo - width).to_datetime64())
                         & (start <= (hi + width).to_datetime64()))
        marks = marks[near].reset_index(drop=True)
    lanes = tuple(names[i] for i in order)
    if len(marks) > max_marks:
        return _clusters(marks, lanes, hi - lo)
    return Placement(lanes=lanes, marks=_stack(marks, (hi - lo) * STACK_RESOLUTION))


def _stack(marks: pd.DataFrame, resolution: pd.Timedelta) -> pd.DataFrame:
    """Offset marks that would overlap within a lane: same slot -> spread vertically, centred."""
    marks = marks.copy()
    step_ns = max(int(resolution.value), 1)
    x_ns = marks["x"].to_numpy(dtype="datetime64[ns]").astype("int64")
    slot = np.where(marks["dated"], x_ns // step_ns, -1)
    key = [marks["lane"].cat.codes, pd.Series(slot, index=marks.index)]
    rank = marks.groupby(key, sort=False).cumcount().to_numpy()
    size = marks.groupby(key, sort=False)["row"].transform("size").to_numpy()
    dated = marks["dated"].to_numpy()
    # At most 0.27 lane (~ one marker) apart, and within ±0.36 so no mark spills out of its lane.
    step = np.minimum(0.72 / np.maximum(size - 1, 1), 0.27)
    offset = (rank - (size - 1) / 2) * step
    # Undated marks spread along their band instead: x from 0 to 1 inside the band.
    marks["y"] = marks["lane_y"] + np.where(dated, offset, 0.0)
    marks["band_x"] = np.where(dated, np.nan, (rank + 1) / (size + 1))
    return marks


def _period_bounds(x: np.ndarray, freq: str) -> tuple[np.ndarray, np.ndarray]:
    """First and last day of the period (day/week/month/quarter/year) holding each instant."""
    day = x.astype("datetime64[D]")
    one = np.timedelta64(1, "D")
    if freq == "D":
        return day, day
    if freq == "W":   # ISO weeks start on Monday; 1970-01-01 was a Thursday
        monday = day - ((day.astype("int64") + 3) % 7).astype("timedelta64[D]")
        return monday, monday + 6 * one
    months = {"M": 1, "Q": 3, "Y": 12}[freq]
    month = x.astype("datetime64[M]").astype("int64")
    first = month - month % months
    return (first.astype("datetime64[M]").astype("datetime64[D]"),
            (first + months).astype("datetime64[M]").astype("datetime64[D]") - one)


def _clusters(marks: pd.DataFrame, lanes: tuple[str, ...], width: pd.Timedelta) -> Placement:
    """One mark per lane and period, sized by its number of events, for views too dense to
    read; its hover breaks the count down by type. The period is the finest that keeps the
    marks within MAX_CLUSTERS."""
    days = width / pd.Timedelta(days=1)
    dated = marks["dated"].to_numpy()
    lane = marks["lane"].cat.codes.to_numpy().astype("int64")
    types = marks["type"].cat.categories
    type_names = list(types)
    typ = marks["type"].cat.codes.to_numpy()
    # The finest period that is coarse enough for this zoom and keeps the marks within
    # MAX_CLUSTERS. The worst case (every lane filled in every period of the marks' extent)
    # picks a period without grouping; the next finer one often fits too, so try it first.
    x = marks["x"].to_numpy()[dated]
    extent = (x.max() - x.min()) / np.timedelta64(1, "D") + 1 if len(x) else 1
    lanes_used = len(np.unique(lane))
    allowed = [p for p in _PERIODS if days / 150 <= p[0]] or [_PERIODS[-1]]
    safe = next((i for i, (limit, _, _) in enumerate(allowed)
                 if lanes_used * (extent / limit + 1) <= MAX_CLUSTERS), len(allowed) - 1)
    for _, freq, period in allowed[max(safe - 1, 0):safe + 1]:  # noqa: B007 - kept after the loop
        first, last = _period_bounds(x, freq)
        # One integer key per (lane, period): the period's first day counted from the earliest
        # one, plus 1; undated marks get 0. One sort groups them all.
        day = first.astype("int64")
        origin = day.min() if len(day) else 0
        stride = (day.max() - origin + 2) if len(day) else 1
        period_key = np.zeros(len(marks), dtype="int64")
        period_key[dated] = day - origin + 1
        keys, cluster_of, counts = np.unique(lane * stride + period_key, return_inverse=True,
                                             return_counts=True)
        if len(keys) <= MAX_CLUSTERS:
            break
    by_type = np.zeros((len(keys), len(types)), dtype="int64")
    np.add.at(by_type, (cluster_of, typ), 1)
    p, lane_code = keys % stride, keys // stride
    is_dated = p > 0
    # Each cluster's period: its first day from the key, its last day from any of its marks.
    lasts = np.full(len(keys), np.datetime64("NaT"), dtype="datetime64[D]")
    lasts[cluster_of[dated]] = last
    names = marks["lane"].cat.categories
    lane_y = dict(zip(lanes, range(len(lanes)), strict=True))
    out = pd.DataFrame({
        "lane": pd.Categorical.from_codes(lane_code, names),
        "y": [float(lane_y[names[c]]) for c in lane_code], "count": counts, "dated": is_dated,
        "start": np.where(is_dated, (p - 1 + origin).astype("datetime64[D]"), np.datetime64("NaT")),
        "end": lasts,
        "mix": [", ".join(f"{row[i]} {type_names[i]}" for i in np.argsort(-row, kind="stable")
                          if row[i]) for row in by_type]})
    out["x"] = _midpoint(out["start"], out["end"])
    out["band_x"] = np.where(is_dated, np.nan, 0.5)
    return Placement(lanes=lanes, marks=out, period=period)


def _hover(marks: pd.DataFrame, frame: pd.DataFrame) -> list[str]:
    """Date, type, status, actors and a short summary; never the sentence (sent on click)."""
    ev = frame.loc[marks["row"]]
    out = []
    for start, end, value, gran, typ, status, actors, trig, loc, text in zip(
            ev["start"], ev["end"], ev["value"], ev["granularity"], ev["type"], ev["status"],
            ev["actors"], ev["trigger"], ev["location"], ev["time_text"], strict=True):
        when = date_label(value, start, end, gran)
        summary = f"“{trig}”" + (f" in {loc}" if loc else "") + (f" · “{text}”" if text else "")
        out.append(f"<b>{when}</b> · {gran or 'no date'}<br>{typ} · {status}<br>"
                   f"{', '.join(actors) or 'no actor'}<br>{summary}")
    return out


def _cluster_hover(marks: pd.DataFrame, period: str) -> list[str]:
    out = []
    for count, mix, lane, start, dated in zip(marks["count"], marks["mix"], marks["lane"],
                                              marks["start"], marks["dated"], strict=True):
        when = f"{period} of {start.day} {start:%b %Y}" if dated else "undated"
        out.append(f"<b>{count} events</b> · {lane}<br>{when}<br>{mix}<br>"
                   + ("click to zoom in on them" if dated else "filter to see them one by one"))
    return out


def selection_points(placement: Placement, row: int | None) -> dict[str, tuple[list, list]]:
    """Where the selected event's marks are, per band: {"dated": (xs, ys), "undated": (xs, ys)}."""
    marks = placement.marks
    if row is None or placement.period is not None or marks.empty:
        return {"dated": ([], []), "undated": ([], [])}
    mine = marks[marks["row"] == row]
    d, u = mine[mine["dated"]], mine[~mine["dated"]]
    return {"dated": (list(d["x"]), list(d["y"])), "undated": (list(u["band_x"]), list(u["y"]))}


def _event_traces(marks: pd.DataFrame, kind: str) -> list[dict]:
    """Per type: the interval bars, then the marks (dated on x, undated on x2)."""
    traces: list[dict] = []
    symbols = marks["status"].map(STATUS_SYMBOLS).astype(object).fillna("circle")
    for typ in EVENT_TYPES:
        mine = marks[marks["type"] == typ]
        if mine.empty:
            continue
        colour = TYPE_COLOURS[typ]
        dated, undated = mine[mine["dated"]], mine[~mine["dated"]]
        bars = dated[dated["interval"]]
        if len(bars):
            gap = np.full(len(bars), None)
            xs = np.column_stack([bars["start"].dt.strftime("%Y-%m-%d"),
                                  (bars["end"] + pd.Timedelta(days=1)).dt.strftime("%Y-%m-%d"),
                                  gap]).ravel()
            ys = np.column_stack([bars["y"], bars["y"], gap]).ravel()
            traces.append({"type": kind, "x": xs, "y": ys, "mode": "lines", "xaxis": "x",
                           "legendgroup": typ, "showlegend": False, "name": f"{typ} interval",
                           "line": {"color": colour, "width": 7}, "opacity": 0.4,
                           "hoverinfo": "skip"})
        for part, axis in ((dated, "x"), (undated, "x2")):
            if part.empty:
                continue
            xs = part["x"].dt.strftime("%Y-%m-%dT%H:%M") if axis == "x" else part["band_x"]
            traces.append({
                "type": kind, "x": xs.to_numpy(), "y": part["y"].to_numpy(), "mode": "markers",
                "xaxis": axis, "yaxis": "y", "name": typ, "legendgroup": typ, "showlegend": False,
                "marker": {"color": colour, "size": 11, "line": {"width": 1.5, "color": colour},
                           "symbol": symbols[part.index].tolist()},
                # A plain list: plotly.js leaves base64-packed customdata out of click events.
                "customdata": part["row"].tolist(),
                "hovertext": part["hover"].tolist(), "hovertemplate": "%{hovertext}<extra></extra>"})
    return traces


def _legend_entries(marks: pd.DataFrame) -> list[dict]:
    """Legend-only entries: a plain swatch per type (a mark's own symbol is its status) and a
    grey symbol per status. Clicking a type hides its whole group."""
    swatch = {"type": "scatter", "x": [None], "y": [None], "mode": "markers"}
    types, statuses = set(marks["type"]), set(marks["status"])
    return ([{**swatch, "name": t, "legendgroup": t,
              "marker": {"symbol": "circle", "color": TYPE_COLOURS[t], "size": 11}}
             for t in EVENT_TYPES if t in types]
            + [{**swatch, "name": s, "legendgroup": "status", "legendgrouptitle": {"text": "status"},
                "marker": {"symbol": STATUS_SYMBOLS[s], "color": "#555", "size": 11}}
               for s in EVENT_STATUSES if s in statuses])


def _cluster_traces(marks: pd.DataFrame, kind: str, period: str) -> list[dict]:
    """One neutral trace per band; marker area grows with the number of events."""
    traces = []
    biggest = max(int(marks["count"].max()), 1)
    for dated, axis in ((True, "x"), (False, "x2")):
        part = marks[marks["dated"] == dated]
        if part.empty:
            continue
        xs = part["x"].dt.strftime("%Y-%m-%dT%H:%M") if dated else part["band_x"]
        traces.append({
            "type": kind, "x": xs.to_numpy(), "y": part["y"].to_numpy(), "mode": "markers",
            "xaxis": axis, "yaxis": "y", "name": f"events per {period}", "legendgroup": "clusters",
            "showlegend": dated,
            "marker": {"color": CLUSTER_COLOUR, "opacity": 0.7, "line": {"width": 0},
                       "size": 5 + 25 * np.sqrt(part["count"].to_numpy() / biggest)},
            # A cluster's customdata is its period, so a click can zoom into it.
            "customdata": (part["start"].dt.strftime("%Y-%m-%d") + "~"
                           + (part["end"] + pd.Timedelta(days=1)).dt.strftime("%Y-%m-%d")).tolist()
            if dated else [""] * len(part),
            "hovertext": part["hover"].tolist(),
            "hovertemplate": "%{hovertext}<extra></extra>"})
    return traces


def timeline_figure(frame: pd.DataFrame, placement: Placement, *, title: str, subtitle: str = "",
                    x_range: tuple[str, str] | None = None, selected_row: int | None = None,
                    webgl: bool | None = None) -> dict:
    """The timeline chart: lanes on y, time on x, colour = type, symbol = status.

    Dated marks use axis x; the undated band is a narrow second x-axis (x2) sharing the lanes.
    """
    marks = placement.marks
    clustered = placement.period is not None
    if webgl is None:
        webgl = len(marks) >= WEBGL_FROM
    kind = "scattergl" if webgl else "scatter"
    hover = (_cluster_hover(marks, placement.period) if clustered else _hover(marks, frame)) \
        if len(marks) else []
    marks = marks.assign(hover=hover)
    traces = _cluster_traces(marks, kind, placement.period) if clustered else _event_traces(marks, kind)
    if not clustered:
        traces += _legend_entries(marks)
    sel = selection_points(placement, selected_row)
    for band, axis in (("dated", "x"), ("undated", "x2")):
        xs, ys = sel[band]
        traces.append({"type": "scatter", "x": xs, "y": ys, "mode": "markers", "xaxis": axis,
                       "name": "selected", "showlegend": False, "hoverinfo": "skip",
                       "marker": {"symbol": "circle-open", "size": 24, "color": "#ff1493",
                                  "line": {"width": 3}}})
    return {"data": traces, "layout": _layout(placement, title, subtitle,
                                              x_range or _padded_range(placement.marks))}


def _padded_range(marks: pd.DataFrame) -> tuple[str, str] | None:
    """The dated marks' extent plus a margin: plotly pads markers but not bars, so a bar starting
    on the first day would otherwise touch the axis."""
    dated = marks[marks["dated"]] if len(marks) else marks
    if dated.empty:
        return None
    lo, hi = dated["start"].min(), dated["end"].max() + pd.Timedelta(days=1)
    pad = max((hi - lo) * 0.03, pd.Timedelta(days=2))
    return ((lo - pad).isoformat(), (hi + pad).isoformat())


def _layout(placement: Placement, title: str, subtitle: str,
            x_range: tuple[str, str] | None) -> dict:
    n = len(placement.lanes)
    stripes = [{"type": "rect", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": i - 0.5,
                "y1": i + 0.5, "fillcolor": "rgba(0,0,0,0.04)", "line": {"width": 0},
                "layer": "below"} for i in range(1, n, 2)]
    band = {"type": "rect", "xref": "x2 domain", "yref": "paper", "x0": 0, "x1": 1, "y0": 0,
            "y1": 1, "fillcolor": "rgba(255, 193, 7, 0.08)", "line": {"width": 0}, "layer": "below"}
    notes = []
    if placement.period:
        notes.append({"text": f"Dense view: one mark per {placement.period} and lane, sized by "
                              "the number of events. Zoom in or filter to see single events.",
                      "xref": "paper", "yref": "paper", "x": 0, "y": 1, "yanchor": "bottom",
                      "xanchor": "left", "showarrow": False, "font": {"size": 11, "color": "#555"}})
    xaxis = {"type": "date", "domain": [0, 0.87], "anchor": "y", "showgrid": True,
             "gridcolor": "#e5e5e5", "linecolor": "#bbb", "showline": True, "title": {"text": "date"}}
    if x_range:
        xaxis["range"] = list(x_range)
    return {
        # A few colours instead of a whole plotly template: a template is ~10 KB per update.
        "paper_bgcolor": "white", "plot_bgcolor": "white",
        "font": {"family": "Arial, sans-serif", "size": 13, "color": "#2a3f5f"},
        "title": {"text": title, "subtitle": {"text": subtitle}, "x": 0.01, "xanchor": "left"},
        # At least tall enough for the legend (9 types + 4 statuses) without scrolling.
        "height": max(520, min(4000, 170 + 42 * n)),
        "margin": {"l": 10, "r": 10, "t": 90, "b": 50}, "uirevision": "timeline",
        "hovermode": "closest", "dragmode": "zoom", "shapes": [*stripes, band], "annotations": notes,
        "legend": {"title": {"text": "" if placement.period else "type"},
                   "groupclick": "togglegroup", "tracegroupgap": 2},
        "xaxis": xaxis,
        "xaxis2": {"domain": [0.885, 1], "anchor": "y", "range": [0, 1], "showticklabels": False,
                   "showgrid": False, "zeroline": False, "fixedrange": True,
                   "title": {"text": UNDATED_BAND}},
        # Lanes never zoom, so the x-range alone is the view that URLs and exports reproduce.
        "yaxis": {"tickvals": list(range(n)), "ticktext": list(placement.lanes),
                  "range": [n - 0.5, -0.5], "showgrid": False, "zeroline": False,
                  "fixedrange": True, "automargin": True},
    }
