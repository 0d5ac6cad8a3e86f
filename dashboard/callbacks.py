"""Thin callbacks: read the inputs, call the pure functions, hand back components.

The events stay on the server (``DatasetStore``); the page only holds the dataset version, the
selected event id and the zoom range.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from dash import Dash, Input, Output, Patch, State, ctx, dcc, html, no_update

from dashboard import figures, filters, ids, layout, view
from dashboard.data import DatasetStore, csv_text, json_text
from dashboard.export import FORMATS, render
from extract.errors import InputError

log = logging.getLogger(__name__)

# The filter controls, in ViewState field order (see controls_to_state).
CONTROLS = [(ids.ACTOR_FILTER, "value"), (ids.COUNTRY_FILTER, "value"), (ids.TYPE_FILTER, "value"),
            (ids.STATUS_FILTER, "value"), (ids.DOC_FILTER, "value"), (ids.DATE_RANGE, "start_date"),
            (ids.DATE_RANGE, "end_date"), (ids.TEXT_FILTER, "value"), (ids.LANE_MODE, "value")]
OPTION_FILTERS = [(ids.ACTOR_FILTER, "actor"), (ids.COUNTRY_FILTER, "country"),
                  (ids.TYPE_FILTER, "type"), (ids.STATUS_FILTER, "status"), (ids.DOC_FILTER, "doc")]


@dataclass(frozen=True)
class Services:
    """What an upload needs from the extractor; injectable so tests can use small fakes."""

    read_upload: Callable       # (filename, content: bytes, published) -> Article
    extract: Callable           # (list[Article]) -> list[Event]
    merge: Callable             # (list[Event]) -> list[Event]
    max_upload_bytes: int


def controls_to_state(values, view_range=None, event=None) -> filters.ViewState:
    actors, countries, types, statuses, docs, start, end, text, lanes = values
    return filters.make_state(actors=actors, countries=countries, types=types, statuses=statuses,
                              docs=docs, start=start, end=end, text=text, lanes=lanes,
                              view=view_range, event=event)


def state_to_controls(state: filters.ViewState) -> list:
    return [list(state.actors), list(state.countries), list(state.types), list(state.statuses),
            list(state.docs), state.start, state.end, state.text, state.lanes]


def decode_upload(contents: str, limit: int) -> bytes:
    """The bytes of a dcc.Upload data URL; refuses files over ``limit`` before decoding them."""
    _, _, b64 = contents.partition(",")
    if len(b64) * 3 // 4 > limit + 2:
        raise ValueError(f"the file is larger than the {limit / 1e6:.0f} MB upload limit. "
                         "Upload one article at a time, or only the article's text.")
    try:
        return base64.b64decode(b64, validate=True)
    except binascii.Error as exc:
        raise ValueError(f"the upload arrived damaged ({exc}); try again.") from exc


def register(app: Dash, store: DatasetStore, services: Services) -> None:
    control_inputs = [Input(i, p) for i, p in CONTROLS]
    control_states = [State(i, p) for i, p in CONTROLS]

    @app.callback(Output(ids.VIEW_STORE, "data", allow_duplicate=True),
                  Input(ids.TIMELINE_GRAPH, "relayoutData"), State(ids.VIEW_STORE, "data"),
                  prevent_initial_call=True)
    def zoom(relayout, current):
        new = filters.merge_relayout(current, relayout)
        new = list(new) if new else None
        return no_update if new == current else new

    @app.callback(Output(ids.SELECTED_STORE, "data", allow_duplicate=True),
                  Output(ids.VIEW_STORE, "data", allow_duplicate=True),
                  Input(ids.TIMELINE_GRAPH, "clickData"), Input(ids.EVENT_TABLE, "active_cell"),
                  State(ids.DATASET_VERSION, "data"), prevent_initial_call=True)
    def select(click, cell, version):
        """A click on an event or a table row selects it; a click on a cluster zooms into it."""
        if ctx.triggered_id == ids.EVENT_TABLE:
            return (cell["row_id"] if cell and cell.get("row_id") else no_update), no_update
        points = (click or {}).get("points") or []
        target = points[0].get("customdata") if points else None
        if isinstance(target, str):     # a cluster: its customdata is its period "start~end"
            return no_update, (target.split("~") if target else no_update)
        if target is None:
            return no_update, no_update
        return store.get(version).records[target]["id"], no_update

    @app.callback([Output(i, p) for i, p in CONTROLS]
                  + [Output(ids.VIEW_STORE, "data"), Output(ids.SELECTED_STORE, "data"),
                     Output(ids.URL, "search"), Output(ids.TIMELINE_GRAPH, "figure"),
                     Output(ids.TIMELINE_GRAPH, "config"), Output(ids.EVENT_TABLE, "data"),
                     Output(ids.EVENT_TABLE, "page_count"), Output(ids.EVENT_TABLE, "page_current"),
                     Output(ids.SUMMARY, "children")],
                  Input(ids.URL, "search"), *control_inputs, Input(ids.VIEW_STORE, "data"),
                  Input(ids.SELECTED_STORE, "data"), Input(ids.DATASET_VERSION, "data"),
                  Input(ids.EVENT_TABLE, "sort_by"), Input(ids.EVENT_TABLE, "page_current"))
    def update(search, *args):
        """Every view of the filtered events, updated together, and the URL kept in step.

        A link (page load, back/forward) sets the controls; a change of the controls, zoom or
        selection rewrites the link. One callback does both, so a page load costs one round
        trip instead of two.
        """
        values, (view_range, selected, version, sort_by, page) = args[:len(CONTROLS)], args[len(CONTROLS):]
        # On page load the stores count as changed too, so look for the URL among the triggers.
        if ctx.triggered_id is None or f"{ids.URL}.search" in ctx.triggered_prop_ids:
            state = filters.from_query(search)
            selected = state.event
            echo = [*state_to_controls(state), list(state.view) if state.view else None,
                    state.event, no_update]
            triggers = {ids.URL}
        else:
            state = controls_to_state(values, view_range, selected)
            query = filters.to_query(state)
            echo = [no_update] * (len(CONTROLS) + 2) + [query if query != (search or "") else no_update]
            triggers = {t["prop_id"].split(".")[0] for t in ctx.triggered}
        data = store.get(version)
        current = view.compute(data, state)
        if triggers == {ids.SELECTED_STORE}:
            # A selection only moves the ring; the table keeps its page.
            patch = _selection_patch(current, data.index.get(selected) if selected else None)
            return [*echo, patch, *[no_update] * 5]
        table_only = triggers <= {ids.EVENT_TABLE}
        redraw = not table_only and not (triggers == {ids.VIEW_STORE} and not current.windowed)
        fig = view.figure(data, current, selected) if redraw else no_update
        page = page if table_only else 0
        order = layout.sort_order(current.visible, sort_by)
        size = layout.TABLE_PAGE_SIZE
        return [*echo, fig, layout.graph_config(view.filename(state)),
                layout.table_rows(current.visible.iloc[order[page * size:(page + 1) * size]]),
                max(1, -(-len(order) // size)), page, current.description]

    @app.callback(Output(ids.EVENT_DETAIL, "children"), Input(ids.SELECTED_STORE, "data"),
                  Input(ids.DATASET_VERSION, "data"))
    def detail(selected, version):
        data = store.get(version)
        row = data.index.get(selected) if selected else None
        return layout.detail_panel(data.records[row]) if row is not None else layout.detail_placeholder()

    @app.callback(Output(ids.EXPORT_DOWNLOAD, "data"), Output(ids.EXPORT_MESSAGE, "children"),
                  Input(ids.EXPORT_BUTTON, "n_clicks"), State(ids.EXPORT_FORMAT, "value"),
                  *control_states, State(ids.VIEW_STORE, "data"), State(ids.SELECTED_STORE, "data"),
                  State(ids.DATASET_VERSION, "data"), prevent_initial_call=True)
    def export_chart(_, fmt, *args):
        values, view_range, selected, version = args[:len(CONTROLS)], *args[len(CONTROLS):]
        data = store.get(version)
        state = controls_to_state(values, view_range)
        current = view.compute(data, state)
        name = f"{view.filename(state)}.{fmt}"
        try:
            # SVG marks rather than WebGL, so SVG and PDF stay vector images.
            image = render(view.figure(data, current, selected, webgl=False), fmt)
        except Exception as exc:
            log.exception("export of %s failed", name)
            return no_update, f"Export failed: {exc}. Is Chromium installed (make chromium)?"
        return dcc.send_bytes(image, name, type=FORMATS[fmt]), f"Exported {name}"

    def _events_download(kind):
        def download(_, *args):
            values, view_range, version = args[:len(CONTROLS)], *args[len(CONTROLS):]
            data = store.get(version)
            state = controls_to_state(values, view_range)
            rows = view.compute(data, state).visible
            name = f"{view.filename(state)}.{kind}"
            text = csv_text(rows) if kind == "csv" else json_text(data.records, rows.index)
            return dcc.send_string(text, name)
        return download

    for kind, button, target in (("csv", ids.CSV_BUTTON, ids.CSV_DOWNLOAD),
                                 ("json", ids.JSON_BUTTON, ids.JSON_DOWNLOAD)):
        app.callback(Output(target, "data"), Input(button, "n_clicks"), *control_states,
                     State(ids.VIEW_STORE, "data"), State(ids.DATASET_VERSION, "data"),
                     prevent_initial_call=True)(_events_download(kind))

    @app.callback(Output(ids.DATASET_VERSION, "data"), Output(ids.UPLOAD_MESSAGE, "children"),
                  *[Output(i, "options") for i, _ in OPTION_FILTERS],
                  Output(ids.DATE_RANGE, "min_date_allowed"),
                  Output(ids.DATE_RANGE, "max_date_allowed"), Output(ids.UPLOAD, "contents"),
                  Input(ids.UPLOAD, "contents"), State(ids.UPLOAD, "filename"),
                  State(ids.UPLOAD_DATE, "date"), prevent_initial_call=True)
    def upload(contents, names, published):
        if not contents:
            return (no_update,) * (5 + len(OPTION_FILTERS))
        published = dt.date.fromisoformat(published[:10]) if published else None
        new_events, notes = [], []
        loaded = set(store.current.docs["lane"].astype(str))
        # The browser hands files over as each finishes reading: in name order, the messages and the
        # merge come out the same every time.
        for name, content in sorted(zip(names, contents, strict=True), key=lambda nc: nc[0]):
            try:
                article = services.read_upload(name, decode_upload(content, services.max_upload_bytes),
                                               published)
                if article.doc in loaded:
                    notes.append(html.Li(f"{name}: already in the timeline; nothing added.",
                                         className="warning"))
                    continue
                found = services.extract([article])
                loaded.add(article.doc)
            except (InputError, ValueError) as exc:
                message = exc.message if isinstance(exc, InputError) else str(exc)
                notes.append(html.Li(f"{name}: not loaded. {message}", className="error"))
                continue
            except Exception as exc:
                log.exception("extracting upload %s failed", name)
                notes.append(html.Li(f"{name}: not loaded. The extractor failed on it ({exc!r}); "
                                     "the rest of the timeline is unchanged.", className="error"))
                continue
            new_events += found
            notes.append(html.Li(f"{name}: {len(found)} events found." if found else
                                 f"{name}: read, but no events were found in it.",
                                 className="ok" if found else "warning"))
        if not new_events:
            return (no_update, html.Ul(notes), *[no_update] * (len(OPTION_FILTERS) + 2), None)
        data = store.add(new_events, services.merge)
        opts = data.options
        notes.append(html.Li(f"The timeline now holds {len(data.events)} events.", className="ok"))
        # Clearing contents lets the same file be uploaded again later.
        return (data.version, html.Ul(notes), *[opts[k] for _, k in OPTION_FILTERS],
                *data.date_bounds, None)


def _selection_patch(current: view.View, row: int | None) -> Patch:
    """Move the selection ring without resending the chart: the last two traces are the ring."""
    points = figures.selection_points(current.placement, row)
    patch = Patch()
    for index, band in ((-2, "dated"), (-1, "undated")):
        xs, ys = points[band]
        patch["data"][index]["x"] = [str(x) for x in xs] if band == "dated" else xs
        patch["data"][index]["y"] = ys
    return patch
