"""The page, the detail panel and the table, tested as component trees (no browser).

The asserts follow vizro's tests_utils/asserts.py: components are compared as the JSON Dash
sends to the browser.
"""

from __future__ import annotations

import json

import plotly
import pytest
from dash import html

from dashboard import ids, layout


def to_dict(component) -> dict:
    return json.loads(json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder))


def walk(node):
    """Every component dict in a serialised tree."""
    if isinstance(node, dict):
        if "props" in node and "type" in node:
            yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def find(tree: dict, component_id: str) -> dict:
    [hit] = [c for c in walk(tree) if c["props"].get("id") == component_id]
    return hit


@pytest.fixture(scope="module")
def page(dataset):
    return to_dict(layout.build_layout(dataset.options, dataset.version, max_upload_mb=5,
                                       date_bounds=dataset.date_bounds))


def test_contract_ids_have_the_right_components(page):
    expected = {ids.ACTOR_FILTER: "Dropdown", ids.TIMELINE_GRAPH: "Graph",
                ids.EVENT_TABLE: "DataTable", ids.EVENT_DETAIL: "Aside",
                ids.EXPORT_FORMAT: "Dropdown", ids.EXPORT_BUTTON: "Button", ids.UPLOAD: "Upload"}
    for component_id, kind in expected.items():
        assert find(page, component_id)["type"] == kind


def test_actor_filter_is_a_multi_select_of_canonical_names(page, dataset):
    props = find(page, ids.ACTOR_FILTER)["props"]
    assert props["multi"] is True
    assert [o["value"] for o in props["options"]] == [o["value"] for o in dataset.options["actor"]]


def test_export_offers_the_three_formats(page):
    options = find(page, ids.EXPORT_FORMAT)["props"]["options"]
    assert [o["value"] for o in options] == ["png", "svg", "pdf"]


def test_upload_accepts_articles_and_has_a_date_beside_it(page):
    props = find(page, ids.UPLOAD)["props"]
    assert props["accept"] == ".txt,.json,.html,.htm"
    assert find(page, ids.UPLOAD_DATE)["type"] == "DatePickerSingle"


def test_modebar_download_has_a_file_name(page):
    config = find(page, ids.TIMELINE_GRAPH)["props"]["config"]
    assert config["toImageButtonOptions"]["filename"] == "diplomatic-timeline"


def test_page_never_injects_raw_html(page):
    assert "dangerouslySetInnerHTML" not in json.dumps(page)


def test_highlight_builds_marks_from_offsets():
    sentence = "He met with Kim on Sunday."
    pieces = layout.highlight(sentence, 100, {"trigger": [(103, 106)], "time": [(116, 125)],
                                              "actor": [(112, 115)]})
    assert to_dict(pieces) == to_dict([
        "He ", html.Mark("met", className="hl hl-trigger", title="trigger"), " with ",
        html.Mark("Kim", className="hl hl-actor", title="actor"), " ",
        html.Mark("on Sunday", className="hl hl-time", title="time"), "."])


def test_highlight_clips_and_drops_overlaps():
    pieces = layout.highlight("Kim met Moon.", 10, {"trigger": [(14, 17)], "time": [(15, 40)],
                                                     "actor": [(0, 13), (18, 22)]})
    marks = [(p.children, p.title) for p in pieces if isinstance(p, html.Mark)]
    # The actor span starting before the sentence is clipped to "Kim"; the time span that
    # overlaps the trigger loses to it.
    assert marks == [("Kim", "actor"), ("met", "trigger"), ("Moon", "actor")]
    assert "".join(p if isinstance(p, str) else p.children for p in pieces) == "Kim met Moon."


def test_detail_panel_shows_sentence_date_and_sources(dataset):
    record = dataset.records[dataset.index["ev-singapore"]]
    panel = to_dict(html.Div(layout.detail_panel(record)))
    text = json.dumps(panel)
    assert "June 2018" in text and "2018-06 (month)" in text
    [quote] = [c for c in walk(panel) if c["type"] == "Blockquote"]
    words = "".join(c if isinstance(c, str) else c["props"]["children"]
                    for c in quote["props"]["children"])
    assert words == record["sentence"]
    sources = [c for c in walk(panel) if c["type"] == "Li"]
    assert len(sources) == 2
    assert "Trump and Kim meet in Singapore" in json.dumps(sources[0])
    assert "published 2018-06-12" in json.dumps(sources[0])


def test_detail_panel_keeps_markup_as_text(dataset):
    record = dataset.records[dataset.index["ev-markup"]]
    panel = to_dict(html.Div(layout.detail_panel(record)))
    kinds = {c["type"] for c in walk(panel)}
    assert not kinds & {"B", "Script", "Iframe"}
    assert "<script>alert(1)</script>" in json.dumps(panel)


def test_undated_event_says_it_has_no_date(dataset):
    record = dataset.records[dataset.index["ev-second-summit"]]
    assert "no date in the text" in json.dumps(to_dict(html.Div(layout.detail_panel(record))))


def test_table_rows_and_sorting(dataset):
    frame = dataset.frame

    def ids_in(sort_by):
        return list(frame.iloc[layout.sort_order(frame, sort_by)]["id"])

    rows = layout.table_rows(frame.iloc[layout.sort_order(frame, None)])
    assert [r["id"] for r in rows[:2]] == ["ev-panmunjom", "ev-cancel"]   # by first day
    assert rows[1]["date"] == "24 May 2018"
    assert rows[-1]["id"] == "ev-second-summit"      # undated last
    newest = ids_in([{"column_id": "date", "direction": "desc"}])
    assert set(newest[:2]) == {"ev-meeting", "ev-statement"}     # both on 7 Oct
    assert newest[-1] == "ev-second-summit"
    by_type = frame.iloc[layout.sort_order(frame, [{"column_id": "type", "direction": "desc"}])]
    assert list(by_type["type"])[:2] == ["visit", "summit"]
    by_actor = frame.iloc[layout.sort_order(frame, [{"column_id": "actors", "direction": "asc"}])]
    assert by_actor["actors"].iloc[0] == ("Donald Trump",)
