"""Filters and the URL state: pure functions over the sample timeline."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dashboard import filters
from dashboard.filters import ViewState


def _ids(dataset, state: ViewState) -> set[str]:
    return set(filters.apply(dataset, state)["id"])


def test_no_filter_keeps_everything(dataset):
    assert len(filters.apply(dataset, ViewState())) == len(dataset.records)


def test_actor_filter_keeps_only_that_actors_events(dataset):
    kept = filters.apply(dataset, filters.make_state(actors=["Donald Trump"]))
    assert set(kept["id"]) == {"ev-singapore", "ev-second-summit", "ev-cancel"}
    assert all("Donald Trump" in actors for actors in kept["actors"])


def test_several_actors_are_alternatives(dataset):
    both = _ids(dataset, filters.make_state(actors=["Donald Trump", "Moon Jae-in"]))
    assert both == _ids(dataset, filters.make_state(actors=["Donald Trump"])) | {"ev-panmunjom"}


def test_country_type_status_and_source_filters(dataset):
    assert _ids(dataset, filters.make_state(countries=["South Korea"])) == {"ev-panmunjom"}
    assert _ids(dataset, filters.make_state(types=["summit"])) == {"ev-singapore", "ev-second-summit"}
    assert _ids(dataset, filters.make_state(statuses=["negated"])) == {"ev-july-snub"}
    # A source document also finds events it shares with another article.
    assert "ev-singapore" in _ids(dataset, filters.make_state(docs=["pompeo-pyongyang-2018-10-07"]))
    assert _ids(dataset, filters.make_state(docs=["summit-cancelled-2018-05-24"])) == {
        "ev-cancel", "ev-panmunjom"}


def test_filters_combine(dataset):
    state = filters.make_state(actors=["Kim Jong Un"], types=["meeting"], statuses=["actual"])
    assert _ids(dataset, state) == {"ev-meeting", "ev-panmunjom"}


def test_date_range_keeps_intervals_that_overlap_it(dataset):
    kept = _ids(dataset, filters.make_state(start="2018-07-15", end="2018-07-20"))
    assert kept == {"ev-july-visit", "ev-july-snub"}
    # Undated events have no place inside a date range.
    assert "ev-second-summit" not in _ids(dataset, filters.make_state(start="2018-01-01"))
    assert _ids(dataset, filters.make_state(end="2018-05-24")) == {"ev-cancel", "ev-panmunjom"}


def test_free_text_over_sentences_is_case_insensitive_and_literal(dataset):
    assert _ids(dataset, filters.make_state(text="PANMUNJOM")) == {"ev-panmunjom"}
    assert _ids(dataset, filters.make_state(text="<script>")) == {"ev-markup"}
    assert _ids(dataset, filters.make_state(text="(1)")) == {"ev-markup"}   # not a regex


def test_in_view_keeps_overlapping_and_undated(dataset):
    frame = filters.apply(dataset, ViewState())
    shown = set(filters.in_view(frame, ("2018-07-31T18:00", "2018-08-15"))["id"])
    assert shown == {"ev-july-visit", "ev-july-snub", "ev-second-summit"}


def test_url_round_trip_of_a_full_state():
    state = filters.make_state(actors=["Kim Jong Un", "Moon Jae-in"], countries=["North Korea"],
                               types=["summit"], statuses=["planned"], docs=["a & b"],
                               start="2018-06-01", end="2018-10-31", text="second summit",
                               lanes="country", view=("2018-06-01T00:00:00", "2018-07-01T00:00:00"),
                               event="ev-1")
    query = filters.to_query(state)
    assert query.startswith("?actor=Kim+Jong+Un&actor=Moon+Jae-in&")
    assert filters.from_query(query) == state


def test_default_state_has_an_empty_query():
    assert filters.to_query(ViewState()) == ""
    assert filters.from_query("") == ViewState()
    assert filters.from_query(None) == ViewState()


def test_malformed_query_values_are_dropped():
    state = filters.from_query("?from=yesterday&to=2018-13-45&lanes=planet&view=a~b&junk=1&actor=X")
    assert state == filters.make_state(actors=["X"])


text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20).filter(
    lambda s: s.strip() == s)
dates = st.dates().map(lambda d: d.isoformat())


@given(actors=st.lists(text, max_size=3), types=st.lists(text, max_size=2), q=text | st.just(""),
       start=st.none() | dates, end=st.none() | dates, lanes=st.sampled_from(["actor", "country"]),
       event=st.none() | text)
def test_url_round_trip_property(actors, types, q, start, end, lanes, event):
    state = filters.make_state(actors=actors, types=types, text=q, start=start, end=end,
                               lanes=lanes, event=event)
    assert filters.from_query(filters.to_query(state)) == state


def test_relayout_zoom_pan_and_reset():
    zoomed = filters.merge_relayout(None, {"xaxis.range[0]": "2018-06-01",
                                           "xaxis.range[1]": "2018-07-01 12:00"})
    assert zoomed == ("2018-06-01T00:00:00", "2018-07-01T12:00:00")
    # Events that do not touch the x-range keep the zoom.
    assert filters.merge_relayout(zoomed, {"autosize": True}) == zoomed
    assert filters.merge_relayout(zoomed, {"dragmode": "pan"}) == zoomed
    assert filters.merge_relayout(zoomed, {"xaxis.range": ["2018-01-01", "2018-02-01"]}) == (
        "2018-01-01T00:00:00", "2018-02-01T00:00:00")
    assert filters.merge_relayout(zoomed, {"xaxis.autorange": True}) is None


def test_description_states_the_filter():
    state = filters.make_state(actors=["Kim Jong Un"], types=["summit"], start="2018-06-01", text="talks")
    text = filters.describe(state, 3, 9)
    assert text.startswith("3 of 9 events")
    for part in ("actor: Kim Jong Un", "type: summit", "dates: 2018-06-01 to …", 'text: "talks"'):
        assert part in text
    assert filters.describe(ViewState(), 9, 9).startswith("all 9 events")
