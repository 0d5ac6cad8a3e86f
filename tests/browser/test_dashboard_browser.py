"""The dashboard in real headless Chromium: what an analyst does, step by step."""

from __future__ import annotations

import csv
import io
import json
import re
import struct
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from dashboard.app import create_app

pytestmark = pytest.mark.browser

UPLOAD_TEXT = ("Moon hosts Kim at the border\n\n"
               "South Korean President Moon Jae-in met North Korean leader Kim Jong Un on Friday "
               "at the border village of Panmunjom.\n")


@pytest.fixture(scope="module")
def base_url(sample, serve_app):
    # The real reader, pipeline and merge: an upload goes through the whole extractor.
    app = create_app(sample.sample_events())
    url, stop = serve_app(app)
    yield url
    stop()


def wait_drawn(page) -> None:
    page.wait_for_function(
        "() => { const g = document.querySelector('#timeline-graph .js-plotly-plot');"
        " return g && g._fullData && g._fullData.some(t => t.customdata && t.customdata.length); }")


def chart_rows(page) -> set[int]:
    """Dataset rows of every event mark on the chart (customdata holds the row)."""
    return set(page.evaluate(
        "() => document.querySelector('#timeline-graph .js-plotly-plot')._fullData"
        ".flatMap(t => Array.from(t.customdata || []))"))


def wait_rows(page, column: str, n: int) -> None:
    page.wait_for_function(
        f"() => document.querySelectorAll('#event-table td[data-dash-column={column}]').length == {n}")


def table_column(page, column: str) -> list[str]:
    return page.locator(f"#event-table td[data-dash-column={column}]").all_inner_texts()


def pick_actor(page, name: str) -> None:
    page.click("#actor-filter")
    page.locator(".dash-dropdown-option", has_text=name).first.click()
    page.keyboard.press("Escape")


def test_load_page(page, base_url, sample):
    page.goto(base_url)
    wait_drawn(page)
    assert len(chart_rows(page)) == len(sample.sample_events())
    assert len(table_column(page, "type")) == len(sample.sample_events())
    assert "all 9 events" in page.inner_text("#view-summary")
    lanes = page.locator("#timeline-graph .yaxislayer-above text").all_text_contents()
    assert {"Kim Jong Un", "Mike Pompeo", "Donald Trump", "Moon Jae-in"} <= set(lanes)


def test_pick_actor_changes_chart_and_table(page, base_url):
    page.goto(base_url)
    wait_drawn(page)
    before = chart_rows(page)
    pick_actor(page, "Moon Jae-in")
    wait_rows(page, "actors", 1)
    assert table_column(page, "actors") == ["Moon Jae-in, Kim Jong Un"]
    page.wait_for_function(
        "() => new Set(document.querySelector('#timeline-graph .js-plotly-plot')._fullData"
        ".flatMap(t => Array.from(t.customdata || []))).size == 1")
    assert len(chart_rows(page)) == 1 < len(before)
    assert parse_qs(urlparse(page.url).query)["actor"] == ["Moon Jae-in"]


def test_click_event_shows_sentence(page, base_url):
    page.goto(base_url + "?actor=Moon+Jae-in")
    wait_drawn(page)
    page.locator("#timeline-graph .scatterlayer .trace .points path").first.click(force=True)
    detail = page.locator("#event-detail")
    detail.get_by_text("Panmunjom in the").wait_for()
    assert "Moon and Kim met at Panmunjom in the last week of May." in detail.inner_text()
    assert page.locator("#event-detail .sentence mark.hl-trigger").inner_text() == "met"
    assert page.locator("#event-detail .sentence mark.hl-time").inner_text() == "the last week of May"
    assert "2018-W21 (week)" in detail.inner_text()


def test_table_row_selects_event_and_markup_stays_text(page, base_url):
    page.goto(base_url + "?q=denuclearization")
    wait_drawn(page)
    page.locator("#event-table td[data-dash-column=trigger]").first.click()
    sentence = page.locator("#event-detail .sentence")
    sentence.get_by_text("alert(1)").wait_for()
    # The article's markup is shown as characters, never parsed into elements.
    assert "<b>denuclearization</b> & <script>alert(1)</script>" in sentence.inner_text()
    assert page.locator("#event-detail .sentence b, #event-detail script").count() == 0
    page.wait_for_function(
        "() => document.querySelector('#timeline-graph .js-plotly-plot')._fullData"
        ".some(t => t.name == 'selected' && t.x.length > 0)")


def test_reload_from_url_gives_same_view(page, base_url):
    page.goto(base_url)
    wait_drawn(page)
    pick_actor(page, "Donald Trump")
    wait_rows(page, "actors", 3)
    page.locator("#event-table td[data-dash-column=trigger]", has_text="called off").click()
    page.locator("#event-detail").get_by_text("called off the planned summit").wait_for()
    page.wait_for_url(re.compile(r"event=ev-cancel"))
    rows, table, url = chart_rows(page), table_column(page, "actors"), page.url
    page.goto(url)
    wait_drawn(page)
    wait_rows(page, "actors", 3)
    assert chart_rows(page) == rows
    assert table_column(page, "actors") == table
    assert "Donald Trump" in page.inner_text("#actor-filter")
    assert "called off the planned summit" in page.inner_text("#event-detail")


def test_zoom_narrows_the_table_and_the_link(page, base_url):
    page.goto(base_url)
    wait_drawn(page)
    page.evaluate("() => Plotly.relayout(document.querySelector('#timeline-graph .js-plotly-plot'),"
                  " {'xaxis.range': ['2018-07-02', '2018-08-05']})")
    page.wait_for_url(re.compile(r"view=2018-07-02"))
    wait_rows(page, "type", 3)
    # The two July events and the undated summit (the undated band does not zoom).
    assert sorted(table_column(page, "type")) == ["meeting", "summit", "visit"]
    assert "zoom: 2018-07-02 to 2018-08-05" in page.inner_text("#view-summary")
    url = page.url
    page.goto(url)
    wait_drawn(page)
    wait_rows(page, "type", 3)
    x_range = page.evaluate(
        "() => document.querySelector('#timeline-graph .js-plotly-plot').layout.xaxis.range")
    assert [x[:10] for x in x_range] == ["2018-07-02", "2018-08-05"]


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_export_png(page, base_url, artifacts):
    page.goto(base_url + "?actor=Kim+Jong+Un")
    wait_drawn(page)
    with page.expect_download(timeout=60_000) as download:
        page.click("#export-button")
    path = artifacts / "export-kim.png"
    download.value.save_as(path)
    data = path.read_bytes()
    width, height = _png_size(data)
    assert download.value.suggested_filename == "timeline_kim-jong-un.png"
    assert width >= 1400 and height >= 400 and len(data) > 20_000
    page.screenshot(path=artifacts / "dashboard-kim.png", full_page=True)


def test_download_filtered_events_as_csv_and_json(page, base_url, tmp_path):
    page.goto(base_url + "?type=summit")
    wait_drawn(page)
    with page.expect_download() as csv_download:
        page.click("#csv-button")
    rows = list(csv.DictReader(io.StringIO(Path(csv_download.value.path()).read_text())))
    assert csv_download.value.suggested_filename == "timeline_summit.csv"
    assert sorted(r["id"] for r in rows) == ["ev-second-summit", "ev-singapore"]
    with page.expect_download() as json_download:
        page.click("#json-button")
    records = json.loads(Path(json_download.value.path()).read_text())
    assert {r["type"] for r in records} == {"summit"} and len(records) == 2


def test_upload_article_adds_its_events(page, base_url, tmp_path):
    page.goto(base_url)
    wait_drawn(page)
    rows = len(chart_rows(page))
    article = tmp_path / "moon-kim-border.txt"
    article.write_text(UPLOAD_TEXT, encoding="utf-8")
    page.fill("#upload-date", "2018-04-27")
    page.keyboard.press("Enter")
    page.set_input_files("#upload input[type=file]", str(article))
    page.locator("#upload-message").get_by_text("events found").wait_for(timeout=60_000)
    page.wait_for_function(
        "() => new Set(document.querySelector('#timeline-graph .js-plotly-plot')._fullData"
        f".flatMap(t => Array.from(t.customdata || []))).size > {rows}")
    # The new event is on the chart and in the table, dated by its publication day's Friday.
    page.locator("#event-table td[data-dash-column=date]", has_text="27 Apr 2018").wait_for()
    assert "moon-kim-border" in page.locator("#event-table").inner_text()
    # Uploading the same article again adds nothing twice.
    page.set_input_files("#upload input[type=file]", [])
    page.set_input_files("#upload input[type=file]", str(article))
    page.locator("#upload-message").get_by_text("already in the timeline").wait_for()


def test_bad_uploads_show_errors_and_keep_timeline(page, base_url, tmp_path):
    page.goto(base_url)
    wait_drawn(page)
    rows = chart_rows(page)
    table = table_column(page, "actors")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\x00\x00binary")
    undated = tmp_path / "undated-note.txt"
    undated.write_text(UPLOAD_TEXT, encoding="utf-8")
    page.set_input_files("#upload input[type=file]", [str(binary), str(undated)])
    errors = page.locator("#upload-message li.error")
    errors.nth(1).wait_for(timeout=60_000)
    texts = errors.all_inner_texts()
    assert "scan.txt" in texts[0] and "binary" in texts[0]
    assert "undated-note.txt" in texts[1] and "publication date" in texts[1]
    assert chart_rows(page) == rows
    assert table_column(page, "actors") == table
