"""Pure composition of one view: dataset + view state -> filtered events, placement, figure.

Callbacks, exports and the `timeline export` command all go through ``compute`` and ``figure``,
so the image a user downloads is drawn by the same code as the chart on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import pandas as pd

from dashboard import figures, filters
from dashboard.data import Dataset
from dashboard.filters import ViewState

TITLE = "Diplomatic timeline"


@dataclass(frozen=True, eq=False)
class View:
    state: ViewState
    filtered: pd.DataFrame      # events the filters keep
    visible: pd.DataFrame       # ... and that overlap the zoom range: what the table lists
    placement: figures.Placement
    description: str
    # True when the marks depend on the zoom range (a dense view is placed per window); otherwise
    # every mark is already on the chart and a zoom or pan needs no redraw.
    windowed: bool


def compute(data: Dataset, state: ViewState) -> View:
    """The view for ``state``. The selected event does not change it, so it is left out of the
    cache key: selecting an event reuses the view of the filters."""
    return _compute(data, replace(state, event=None))


@lru_cache(maxsize=8)
def _compute(data: Dataset, state: ViewState) -> View:
    filtered = filters.apply(data, state)
    visible = filters.in_view(filtered, state.view)
    long = data.lanes[state.lanes]
    # Too many marks for the whole range: place (and cluster) only around the zoomed window.
    windowed = figures.mark_count(filtered, long) > figures.MAX_MARKS
    placement = figures.place(filtered, long, state.view if windowed else None)
    return View(state=state, filtered=filtered, visible=visible, placement=placement,
                description=filters.describe(state, len(visible), len(data.frame)),
                windowed=windowed)


def figure(data: Dataset, view: View, selected: str | None = None,
           webgl: bool | None = None) -> dict:
    return figures.timeline_figure(
        data.frame, view.placement, title=TITLE, subtitle=view.description,
        x_range=view.state.view, selected_row=data.index.get(selected) if selected else None,
        webgl=webgl)


def filename(state: ViewState) -> str:
    """A download name that says what is in it, e.g. 'timeline_kim-jong-un_meeting_2018-06-01'."""
    words = [*state.actors, *state.countries, *state.types, *state.statuses,
             state.start or "", state.end or ""]
    slug = "_".join(re.sub(r"[^a-z0-9]+", "-", w.lower()).strip("-") for w in words if w)
    return ("timeline_" + slug)[:120] if slug else "timeline"


def clear_cache() -> None:
    """Forget computed views, so a benchmark measures an update from scratch."""
    _compute.cache_clear()
