"""The behaviours the issue names, each on its own sentence."""

import datetime as dt

from extract.types import Event


def by_trigger(events: list[Event], trigger: str) -> Event:
    hits = [e for e in events if e.trigger == trigger]
    assert hits, [(e.trigger, e.type) for e in events]
    return hits[0]


def test_statement_takes_its_own_time_not_the_complements(run):
    events = run("Pompeo said on Sunday he had met Kim Jong Un in July.", "2018-10-07")
    said = by_trigger(events, "said")
    assert said.type == "statement" and said.time.value.value == "2018-10-07"


def test_when_clause_lends_its_month_and_negation_is_kept(run):
    events = run("When Pompeo was in North Korea in July, Kim Jong Un would not even meet with him.", "2018-10-07")
    met = by_trigger(events, "meet")
    assert met.status == "negated" and met.time.value.value == "2018-07"
    assert met.time.value.start == dt.date(2018, 7, 1) and met.time.value.end == dt.date(2018, 7, 31)
    assert set(met.actors) == {"Kim Jong Un", "Mike Pompeo"}


def test_cancelled_trip_is_an_actual_cancellation(run):
    e = by_trigger(run("Trump canceled Pompeo's planned trip to Pyongyang in August.", "2018-10-07"), "canceled")
    assert (e.type, e.status, e.plover, e.location) == ("cancellation", "actual", "REJECT", "Pyongyang")
    assert "United States" in e.countries


def test_no_events_from_headline_quotes_or_boilerplate(run):
    text = ("Trump seeks second summit with Kim\n\n"
            "Pompeo said on Sunday that the trip was good.\n"
            "\"We will meet again on Monday,\" an official said.\n"
            "Read more: Trump meets Kim in Singapore\n")
    events = run(text, "2018-10-07")
    assert [e.trigger for e in events] == ["said"]


def test_role_noun_resolves_by_publication_date(run):
    text = "The secretary of state met Kim Jong Un on Sunday."
    assert "Mike Pompeo" in by_trigger(run(text, "2018-10-07"), "met").actors
    assert "Antony Blinken" in by_trigger(run(text, "2022-10-09"), "met").actors


def test_surname_resolves_within_the_document(run):
    text = "Kim Yo Jong visited Seoul on Friday. Kim met Moon Jae-in on Saturday."
    met = by_trigger(run(text, "2018-02-12"), "met")
    assert set(met.actors) == {"Kim Yo Jong", "Moon Jae-in"}


def test_pronoun_never_invents_an_actor(run):
    events = run("He met her on Sunday.", "2018-10-07")
    assert all(e.actors for e in events) and not events


def test_discourse_inheritance_needs_a_cue(run):
    text = ("Moon Jae-in met Kim Jong Un in Pyongyang on Tuesday. "
            "Moon and Kim had lunch together afterwards. ")
    lunch = by_trigger(run(text, "2018-09-20"), "lunch")
    assert lunch.time is not None and lunch.time.value.value == "2018-09-18"
    no_cue = run("Moon Jae-in met Kim Jong Un in Pyongyang on Tuesday. Moon and Kim had lunch.", "2018-09-20")
    assert by_trigger(no_cue, "lunch").time is None


def test_unknown_person_gets_the_longest_name(run):
    events = run("Spokesman Kim Eui-kyeom said on Monday that Moon would travel. Kim Eui-kyeom met Trump on Tuesday.",
                 "2018-09-17")
    assert any("Kim Eui-kyeom" in e.actors for e in events)
