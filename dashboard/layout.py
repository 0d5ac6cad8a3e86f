"""Pure component trees: the page, the detail panel and the table rows. No callbacks here.

Article text only ever enters the page as the children of html components, which React renders as
text, so markup inside an article is shown literally and never interpreted.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from dash import dash_table, dcc, html

from dashboard import ids
from dashboard.data import date_label

TABLE_COLUMNS = (("date", "Date"), ("type", "Type"), ("status", "Status"), ("actors", "Actors"),
                 ("location", "Location"), ("trigger", "Trigger"), ("doc", "Document"))
TABLE_PAGE_SIZE = 15
# Highlight kinds, in the order they win when spans overlap.
HIGHLIGHTS = ("trigger", "time", "actor")


def graph_config(filename: str) -> dict:
    return {"displaylogo": False, "scrollZoom": True,
            "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2}}


def _dropdown(id_: str, placeholder: str, options: list[dict], value: tuple) -> html.Div:
    return html.Div(className="control", children=[
        html.Label(placeholder, htmlFor=id_),
        dcc.Dropdown(id=id_, options=options, value=list(value), multi=True,
                     placeholder=f"All {placeholder.lower()}")])


def build_layout(options: Mapping[str, list[dict]], version: int, *, max_upload_mb: int,
                 date_bounds: tuple = (None, None), title: str = "Diplomatic timeline") -> html.Div:
    """The whole page. Controls start empty: the URL callback fills them from the query string."""
    lo, hi = date_bounds
    return html.Div(className="page", children=[
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.VIEW_STORE, data=None),
        dcc.Store(id=ids.SELECTED_STORE, data=None),
        dcc.Store(id=ids.DATASET_VERSION, data=version),
        html.Header(className="header", children=[
            html.H1(title),
            html.P(id=ids.SUMMARY, className="summary", children="Loading…")]),
        html.Section(className="controls", children=[
            _dropdown(ids.ACTOR_FILTER, "Actors", options["actor"], ()),
            _dropdown(ids.COUNTRY_FILTER, "Countries", options["country"], ()),
            _dropdown(ids.TYPE_FILTER, "Types", options["type"], ()),
            _dropdown(ids.STATUS_FILTER, "Statuses", options["status"], ()),
            _dropdown(ids.DOC_FILTER, "Sources", options["doc"], ()),
            html.Div(className="control control-wide", children=[
                html.Label("Dates", htmlFor=ids.DATE_RANGE),
                dcc.DatePickerRange(id=ids.DATE_RANGE, min_date_allowed=lo, max_date_allowed=hi,
                                    initial_visible_month=lo, display_format="YYYY-MM-DD",
                                    clearable=True)]),
            html.Div(className="control", children=[
                html.Label("Text in sentence", htmlFor=ids.TEXT_FILTER),
                dcc.Input(id=ids.TEXT_FILTER, type="search", debounce=True, value="",
                          placeholder="e.g. summit")]),
            html.Div(className="control", children=[
                html.Label("Lanes", htmlFor=ids.LANE_MODE),
                dcc.RadioItems(id=ids.LANE_MODE, value="actor", inline=True,
                               options=[{"label": "by actor", "value": "actor"},
                                        {"label": "by country", "value": "country"}])]),
        ]),
        dcc.Loading(type="dot", delay_show=400, children=dcc.Graph(
            id=ids.TIMELINE_GRAPH, config=graph_config("diplomatic-timeline"),
            className="timeline")),
        html.Section(className="toolbar", children=[
            html.Span("Export chart:"),
            dcc.Dropdown(id=ids.EXPORT_FORMAT, value="png", clearable=False, searchable=False,
                         options=[{"label": f.upper(), "value": f} for f in ("png", "svg", "pdf")],
                         className="export-format"),
            html.Button("Export chart", id=ids.EXPORT_BUTTON, n_clicks=0),
            html.Button("Events as CSV", id=ids.CSV_BUTTON, n_clicks=0),
            html.Button("Events as JSON", id=ids.JSON_BUTTON, n_clicks=0),
            html.Span(id=ids.EXPORT_MESSAGE, className="message", role="status"),
            dcc.Download(id=ids.EXPORT_DOWNLOAD), dcc.Download(id=ids.CSV_DOWNLOAD),
            dcc.Download(id=ids.JSON_DOWNLOAD),
        ]),
        html.Div(className="panes", children=[
            html.Section(className="table-pane", children=[dash_table.DataTable(
                id=ids.EVENT_TABLE, columns=[{"id": c, "name": n} for c, n in TABLE_COLUMNS],
                data=[], page_current=0, page_size=TABLE_PAGE_SIZE, page_action="custom",
                sort_action="custom", sort_mode="single", sort_by=[],
                style_cell={"textAlign": "left", "whiteSpace": "normal", "height": "auto",
                            "fontSize": "13px", "maxWidth": "260px"},
                style_header={"fontWeight": "bold"})]),
            html.Aside(id=ids.EVENT_DETAIL, className="detail", children=detail_placeholder()),
        ]),
        html.Section(className="upload-bar", children=[
            # The browser drops files over max_size without telling anyone, so it only stops
            # absurd ones; the server checks the real limit and says so in the page.
            dcc.Upload(id=ids.UPLOAD, multiple=True, max_size=4 * max_upload_mb * 1024 * 1024,
                       accept=".txt,.json,.html,.htm", className="upload", children=html.Div([
                           "Add articles: drop or ", html.A("choose"),
                           f" .txt, .json or .html files (at most {max_upload_mb} MB each)"])),
            html.Div(className="control", children=[
                html.Label("Published (for .txt)", htmlFor=ids.UPLOAD_DATE),
                dcc.DatePickerSingle(id=ids.UPLOAD_DATE, display_format="YYYY-MM-DD",
                                     placeholder="YYYY-MM-DD", clearable=True)]),
            html.Div(id=ids.UPLOAD_MESSAGE, className="message", role="status"),
        ]),
    ])


def detail_placeholder() -> list:
    return [html.P("Click an event in the chart or the table to read its evidence.",
                   className="hint")]


def highlight(sentence: str, offset: int, spans: Mapping[str, list[tuple[int, int]]]) -> list:
    """The sentence as text pieces and html.Mark elements for the given document spans.

    ``offset`` is where the sentence starts in the document; spans outside the sentence are
    clipped, and where two overlap the earlier kind in HIGHLIGHTS wins.
    """
    marked: list[tuple[int, int, str]] = []
    for kind in HIGHLIGHTS:
        for start, end in spans.get(kind, ()):
            s, e = max(start - offset, 0), min(end - offset, len(sentence))
            if s < e and all(e <= a or s >= b for a, b, _ in marked):
                marked.append((s, e, kind))
    pieces: list = []
    pos = 0
    for s, e, kind in sorted(marked):
        if pos < s:
            pieces.append(sentence[pos:s])
        pieces.append(html.Mark(sentence[s:e], className=f"hl hl-{kind}", title=kind))
        pos = e
    if pos < len(sentence):
        pieces.append(sentence[pos:])
    return pieces


def _record_spans(record: Mapping) -> dict[str, list[tuple[int, int]]]:
    time = record.get("time") or {}
    return {"trigger": [tuple(record["trigger_span"])] if record.get("trigger_span") else [],
            "time": [tuple(time["span"])] if time.get("span") else [],
            "actor": [tuple(s) for s in record.get("actor_spans") or ()]}


def detail_panel(record: Mapping) -> list:
    """The evidence for one event: highlighted sentence, normalised date, actors and sources."""
    time = record.get("time")
    if time:
        start = pd.Timestamp(time["start"]) if time.get("start") else pd.NaT
        end = pd.Timestamp(time["end"]) if time.get("end") else start
        when = date_label(time["value"], start, end, time.get("granularity") or "")
        date_rows = [("Date", when), ("Normalised", f"{time['value']} ({time.get('granularity')})"
                                      + (f", {time['mod'].lower()}" if time.get("mod") else "")),
                     ("Time expression", f"“{time['text']}”" if time.get("text")
                      else "none: the day the article was published")]
    else:
        date_rows = [("Date", "no date in the text")]
    facts = [("Type", f"{record['type']} ({record.get('plover') or '-'})"), ("Status", record["status"]),
             *date_rows, ("Actors", ", ".join(record.get("actors") or ()) or "none found"),
             ("Countries", ", ".join(record.get("countries") or ()) or "-"),
             ("Location", record.get("location") or "-"),
             ("Confidence", f"{record.get('confidence', 0):.2f}")]
    sources = record.get("sources") or [{"doc": record["doc"]}]
    return [
        html.H2(f"{record['type'].capitalize()} · {record['status']}"),
        html.Blockquote(className="sentence",
                        children=highlight(record.get("sentence") or "", record["span"][0],
                                           _record_spans(record))),
        html.P(className="legend-hl", children=[
            html.Mark("trigger", className="hl hl-trigger"), " ",
            html.Mark("time", className="hl hl-time"), " ",
            html.Mark("actor", className="hl hl-actor")]),
        html.Dl([part for label, value in facts for part in (html.Dt(label), html.Dd(value))]),
        html.H3(f"Sources ({len(sources)})"),
        html.Ul(className="sources", children=[
            html.Li([html.Strong(s.get("title") or s["doc"]),
                     f" · published {s['published']}" if s.get("published") else "",
                     html.Span(f" · {s['doc']}", className="doc-id")]) for s in sources]),
    ]


def table_rows(frame: pd.DataFrame) -> list[dict]:
    """Rows of the events table; ``id`` is the event id, which DataTable reports as row_id."""
    return [{"id": i, "date": date_label(v, s, e, g), "type": t, "status": st,
             "actors": ", ".join(a), "location": loc, "trigger": trig, "doc": doc}
            for i, v, s, e, g, t, st, a, loc, trig, doc in zip(
                frame["id"], frame["value"], frame["start"], frame["end"], frame["granularity"],
                frame["type"], frame["status"], frame["actors"], frame["location"],
                frame["trigger"], frame["doc"], strict=True)]


def sort_order(frame: pd.DataFrame, sort_by: list[dict] | None) -> np.ndarray:
    """Positions of ``frame``'s rows in table order: by first day unless the user sorts a column.
    Undated events come last either way. Only positions are sorted, so a page of a 100k-event
    table never reorders the whole frame."""
    column, ascending = ("date", True) if not sort_by else (
        sort_by[0]["column_id"], sort_by[0]["direction"] == "asc")
    if column == "date":
        start = frame["start"].to_numpy()
        undated = np.isnat(start)
        dated = np.nonzero(~undated)[0]
        order = dated[np.argsort(start[dated], kind="stable")]
        return np.concatenate([order if ascending else order[::-1], np.nonzero(undated)[0]])
    values = frame[column].map(", ".join) if column == "actors" else frame[column].astype(str)
    order = np.argsort(values.str.lower().to_numpy(dtype=object), kind="stable")
    return order if ascending else order[::-1]
