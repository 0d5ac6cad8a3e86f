"""The chart's reading rules, checked on the figure itself (no browser)."""

from __future__ import annotations

import base64
import importlib.util
import json
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboard import figures, filters, view
from dashboard.data import Dataset


def _unpack(value):
    """plotly sends numpy arrays base64-packed ({"dtype", "bdata"}); unpack them to lists."""
    if isinstance(value, dict):
        if set(value) >= {"dtype", "bdata"}:
            return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
        return {k: _unpack(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unpack(v) for v in value]
    return value


def _plain(fig: dict) -> dict:
    """The figure as the browser receives it, as plain lists."""
    return _unpack(json.loads(pio.to_json(fig, validate=False, engine="json")))


def _figure(data, **state) -> tuple[view.View, dict]:
    current = view.compute(data, filters.make_state(**state))
    return current, _plain(view.figure(data, current))


def _marks(fig: dict, row: int) -> list[tuple[str, object, float]]:
    """(axis, x, y) of every mark of dataset row ``row``."""
    out = []
    for t in fig["data"]:
        for i, r in enumerate(t.get("customdata") or []):
            if r == row:
                out.append((t.get("xaxis", "x"), t["x"][i], t["y"][i]))
    return out


def _lane_names(fig: dict) -> list[str]:
    return list(fig["layout"]["yaxis"]["ticktext"])


def test_figure_is_valid_plotly(dataset):
    """The figure is built as a dict without plotly's validation, so validate it in full here."""
    for lanes in ("actor", "country"):
        _, fig = _figure(dataset, lanes=lanes, actors=["Kim Jong Un"])
        go.Figure(fig)   # raises on any invalid property


def test_month_event_is_a_bar_across_the_whole_month(dataset):
    _, fig = _figure(dataset, actors=["Mike Pompeo"])
    bars = [t for t in fig["data"] if t.get("mode") == "lines" and t["name"] == "visit interval"]
    assert len(bars) == 1
    xs = [x for x in bars[0]["x"] if x is not None]
    assert xs == ["2018-07-01", "2018-08-01"]        # 1 July to the end of 31 July
    assert pd.Timestamp(xs[1]) - pd.Timestamp(xs[0]) == pd.Timedelta(days=31)
    # Its mark sits mid-month, not on 1 July.
    row = dataset.index["ev-july-visit"]
    [(axis, x, _)] = _marks(fig, row)
    assert axis == "x" and pd.Timestamp(x) == pd.Timestamp("2018-07-16T12:00")


def test_week_event_spans_seven_days(dataset):
    _, fig = _figure(dataset, actors=["Moon Jae-in"])
    xs = [x for t in fig["data"] if t.get("mode") == "lines" for x in t["x"] if x is not None]
    assert sorted(set(xs)) == ["2018-05-21", "2018-05-28"]


def test_day_event_is_a_point_without_bar(dataset):
    _, fig = _figure(dataset, types=["cancellation"])
    assert not [t for t in fig["data"] if t.get("mode") == "lines"]
    [(axis, x, _)] = _marks(fig, dataset.index["ev-cancel"])
    assert axis == "x" and x == "2018-05-24T00:00"


def test_undated_planned_event_sits_in_the_undated_band(dataset):
    _, fig = _figure(dataset)
    marks = _marks(fig, dataset.index["ev-second-summit"])
    assert {axis for axis, _, _ in marks} == {"x2"}
    assert all(0 < x < 1 for _, x, _ in marks)
    assert fig["layout"]["xaxis2"]["title"]["text"] == figures.UNDATED_BAND


def test_event_with_two_actors_is_in_both_lanes(dataset):
    _, fig = _figure(dataset)
    lanes = _lane_names(fig)
    ys = sorted(round(y) for _, _, y in _marks(fig, dataset.index["ev-singapore"]))
    assert [lanes[y] for y in ys] == sorted(["Donald Trump", "Kim Jong Un"], key=lanes.index)


def test_country_lanes(dataset):
    _, fig = _figure(dataset, lanes="country")
    assert set(_lane_names(fig)) == {"United States", "North Korea", "South Korea"}


def test_overlapping_marks_in_a_lane_are_stacked(dataset):
    """Two events on 7 Oct 2018 in Pompeo's lane get different heights within the lane."""
    _, fig = _figure(dataset, actors=["Mike Pompeo"])
    lane = _lane_names(fig).index("Mike Pompeo")
    ys = [y for row in (dataset.index["ev-meeting"], dataset.index["ev-statement"])
          for _, _, y in _marks(fig, row) if round(y) == lane]
    assert len(ys) == 2 and ys[0] != ys[1] and all(abs(y - lane) < 0.5 for y in ys)


def test_hover_has_date_type_actors_but_never_the_sentence(dataset):
    _, fig = _figure(dataset)
    texts = [h for t in fig["data"] for h in t.get("hovertext") or []]
    assert texts
    sentences = {r["sentence"] for r in dataset.records}
    assert not any(s in h for h in texts for s in sentences)
    july = [h for h in texts if "July 2018" in h]
    assert july and all("Mike Pompeo" in h for h in july) and any("visit" in h for h in july)


def test_selected_event_gets_a_ring_in_each_lane(dataset):
    current = view.compute(dataset, filters.ViewState())
    fig = _plain(view.figure(dataset, current, "ev-singapore"))
    dated_ring = fig["data"][-2]
    assert dated_ring["name"] == "selected" and len(dated_ring["x"]) == 2


def _make_events(n: int, seed: int):
    """The benchmark's synthetic events (bench/make_events.py, loaded by path)."""
    spec = importlib.util.spec_from_file_location(
        "make_events", Path(__file__).resolve().parents[2] / "bench" / "make_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_events(n, seed)


def test_dense_view_is_clustered_and_counts_every_mark():
    data = Dataset.build(0, _make_events(3000, seed=1))
    frame = filters.apply(data, filters.ViewState())
    long = data.lanes["actor"]
    placement = figures.place(frame, long, max_marks=1000)
    assert placement.period is not None
    marks = placement.marks
    assert marks["count"].sum() == len(long)          # every (event, lane) mark is counted
    assert len(marks) <= figures.MAX_CLUSTERS
    assert placement.period == "quarter"              # 36 lanes x 17 quarters fit, months do not
    # One mark per lane and period; its hover breakdown adds up to its count.
    assert not marks.duplicated(["lane", "start"]).any()
    for count, mix in zip(marks["count"], marks["mix"], strict=True):
        assert sum(int(part.split()[0]) for part in mix.split(", ")) == count
    # Zoomed into two weeks, the same data is few enough to show event by event.
    window = ("2018-03-01", "2018-03-15")
    zoomed = figures.place(frame, long, window, max_marks=1000)
    assert zoomed.period is None
    shown = set(zoomed.marks["row"])
    assert set(filters.in_view(frame, window).index) <= shown
    dated = zoomed.marks[zoomed.marks["dated"]]
    # Marks within half a view-width either side are kept for panning; nothing further away.
    assert (dated["end"] >= pd.Timestamp("2018-02-22")).all()
    assert (dated["start"] <= pd.Timestamp("2018-03-22")).all()


def test_payload_stays_small_for_many_events():
    """Far more events than marks: the JSON sent to the page is bounded by MAX_CLUSTERS."""
    data = Dataset.build(0, _make_events(20000, seed=2))
    current = view.compute(data, filters.ViewState())
    size = len(pio.to_json(view.figure(data, current), validate=False))
    assert current.placement.period is not None and size < 1_000_000


def test_a_filter_that_matches_nothing_still_draws_a_valid_chart(dataset):
    current, fig = _figure(dataset, text="no sentence says this")
    assert current.description.startswith("0 of 9 events")
    assert fig["layout"]["yaxis"]["ticktext"] == []
    go.Figure(fig)


def test_no_events_at_all():
    data = Dataset.build(0, [])
    current, fig = _figure(data)
    assert current.placement.lanes == () and len(current.visible) == 0
    go.Figure(fig)


def test_a_cluster_carries_its_period_so_a_click_can_zoom_into_it():
    data = Dataset.build(0, _make_events(3000, seed=3))
    frame = filters.apply(data, filters.ViewState())
    placement = figures.place(frame, data.lanes["actor"], max_marks=1000)
    fig = figures.timeline_figure(data.frame, placement, title="t")
    [dated] = [t for t in fig["data"] if t.get("name", "").startswith("events per") and t["xaxis"] == "x"]
    periods = {tuple(c.split("~")) for c in dated["customdata"]}
    assert placement.period == "quarter"
    # Quarters: the zoom runs from the first day of the quarter to the first day of the next.
    assert ("2018-04-01", "2018-07-01") in periods
    assert all(pd.Timestamp(a).month in (1, 4, 7, 10) and pd.Timestamp(a).day == 1 for a, _ in periods)
