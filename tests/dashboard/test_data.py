"""Events -> frame, and the CSV/JSON downloads."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd

from dashboard.data import CSV_COLUMNS, DatasetStore, csv_text, date_label, json_text


def test_frame_keeps_the_interval_of_each_time(dataset):
    row = dataset.frame.loc[dataset.index["ev-july-visit"]]
    assert (row["start"], row["end"]) == (pd.Timestamp("2018-07-01"), pd.Timestamp("2018-07-31"))
    assert row["granularity"] == "month" and row["value"] == "2018-07"
    undated = dataset.frame.loc[dataset.index["ev-second-summit"]]
    assert not undated["dated"] and pd.isna(undated["start"])


def test_two_actors_give_two_lane_memberships(dataset):
    lanes = dataset.lanes["actor"]
    rows = lanes[lanes["row"] == dataset.index["ev-singapore"]]
    assert set(rows["lane"]) == {"Donald Trump", "Kim Jong Un"}


def test_options_use_canonical_names_as_values(dataset):
    options = dataset.options
    values = [o["value"] for o in options["actor"]]
    assert values[0] == "Kim Jong Un"        # the busiest actor first
    assert set(values) == {"Kim Jong Un", "Mike Pompeo", "Donald Trump", "Moon Jae-in"}
    doc_labels = {o["value"]: o["label"] for o in options["doc"]}
    assert doc_labels["summit-cancelled-2018-05-24"] == "Trump calls off Singapore summit (2)"


def test_date_labels_never_make_up_a_day():
    ts = pd.Timestamp
    assert date_label("2018-10-07", ts("2018-10-07"), ts("2018-10-07"), "day") == "7 Oct 2018"
    assert date_label("2018-07", ts("2018-07-01"), ts("2018-07-31"), "month") == "July 2018"
    assert date_label("2018-W21", ts("2018-05-21"), ts("2018-05-27"), "week") == \
        "2018-W21 (21 May – 27 May 2018)"
    assert date_label("FUTURE_REF", pd.NaT, pd.NaT, "ref") == "undated (FUTURE_REF)"


def test_csv_has_one_row_per_event_with_its_fields(dataset):
    frame = dataset.frame.loc[[dataset.index["ev-singapore"], dataset.index["ev-markup"]]]
    rows = list(csv.DictReader(io.StringIO(csv_text(frame))))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert rows[0]["actors"] == "Donald Trump; Kim Jong Un"
    assert (rows[0]["date"], rows[0]["start"], rows[0]["end"]) == ("2018-06", "2018-06-01", "2018-06-30")
    assert rows[0]["source_docs"] == "singapore-summit-2018-06-12; pompeo-pyongyang-2018-10-07"
    assert rows[1]["sentence"] == dataset.records[dataset.index["ev-markup"]]["sentence"]


def test_csv_cells_that_a_spreadsheet_would_run_stay_text(dataset):
    row = dataset.index["ev-singapore"]
    frame = dataset.frame.loc[[row]].copy()
    frame["sentence"] = ['=HYPERLINK("http://x.invalid","click")']
    frame["trigger"] = ["@SUM(A1)"]
    out = next(csv.DictReader(io.StringIO(csv_text(frame))))
    assert out["sentence"] == '\'=HYPERLINK("http://x.invalid","click")'
    assert out["trigger"] == "'@SUM(A1)"
    assert out["actors"] == "Donald Trump; Kim Jong Un"      # ordinary text is untouched


def test_json_download_is_the_extract_contract(dataset, events):
    rows = [dataset.index["ev-cancel"], dataset.index["ev-second-summit"]]
    out = json.loads(json_text(dataset.records, rows))
    assert out == [json.loads(json.dumps(events[r].to_json())) for r in rows]


def test_store_versions_are_added_not_mutated(events):
    store = DatasetStore(events[:3])
    first = store.current
    second = store.add(events[3:])
    assert (first.version, second.version) == (0, 1)
    assert len(store.get(0).records) == 3 and len(store.get(1).records) == len(events)
    deduped = store.add(events[:3], merge=lambda evs: list({e.id: e for e in evs}.values()))
    assert len(deduped.records) == len(events)      # the merge step decides what is the same
    for _ in range(DatasetStore.KEEP):
        store.add([])
    assert store.get(0) is store.current     # dropped versions fall back to the newest
