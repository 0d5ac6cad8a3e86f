"""The resolver: tense, weekdays, years of bare months, anaphora, durations, no DCT."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.temporal import tag
from extract.temporal.resolve import direction, sentence_bounds, tidy_duration
from extract.temporal.rules import tense_markers

SUNDAY = dt.date(2018, 10, 7)


def values(text, dct=SUNDAY):
    return [(t.text, t.value.value) for t in tag(text, dct)]


@pytest.mark.parametrize("example", tense_markers()["examples"], ids=lambda e: e["sentence"])
def test_tense_examples(example):
    sentence, expression = example["sentence"], example["expression"]
    start = sentence.index(expression)
    assert direction(sentence, start, start + len(expression)) == example["direction"]


def test_a_past_month_is_this_years_and_a_future_month_next_years():
    assert values("The two leaders met in July.") == [("July", "2018-07")]
    assert values("Kim will visit Seoul in March.") == [("March", "2019-03")]
    assert values("Pompeo visited Pyongyang in March.") == [("March", "2018-03")]


def test_a_weekday_on_the_dct_weekday_is_the_dct():
    assert values("Pompeo said on Sunday he had a good trip.") == [("Sunday", "2018-10-07")]
    assert values("He will meet them Sunday.") == [("Sunday", "2018-10-07")]


def test_weekdays_point_the_way_the_tense_does():
    assert values("He met Kim on Friday.") == [("Friday", "2018-10-05")]
    assert values("He will meet Kim on Friday.") == [("Friday", "2018-10-12")]
    assert values("He met Kim last Tuesday.") == [("last Tuesday", "2018-10-02")]
    assert values("They meet next Tuesday.") == [("next Tuesday", "2018-10-09")]


def test_a_plan_told_in_the_narrative_past_takes_the_nearest_weekday():
    # DCT Sunday 7 October: Tuesday the 9th is two days ahead, Tuesday the 2nd five back; Friday the
    # 5th two back, Friday the 12th five ahead
    assert values("He was due to fly back to La Paz on Tuesday.") == [("Tuesday", "2018-10-09")]
    assert values("He was set to arrive in Seoul on Friday.") == [("Friday", "2018-10-05")]
    assert values("He had been due to arrive on Tuesday.") == [("Tuesday", "2018-10-02")]


def test_anaphora_counts_from_the_last_date_mentioned_not_the_dct():
    text = "The summit opened on June 12, 2018. Two days later, talks stalled. The next day they resumed."
    assert values(text) == [("June 12, 2018", "2018-06-12"), ("Two days later", "2018-06-14"),
                            ("The next day", "2018-06-15")]
    assert values("The deal was signed in 1994. That year, the reactor closed.") == [
        ("1994", "1994"), ("That year", "1994")]


def test_a_few_days_on_from_a_month_is_that_month():
    text = "Talks collapsed in November last year, and a deal was struck two days later."
    assert values(text, dt.date(2023, 2, 28)) == [("November last year", "2022-11"),
                                                  ("two days later", "2022-11")]
    # a day told after the month is the anchor again
    assert values("In March, on March 3, they met. Two days later they signed.")[-1] == ("Two days later",
                                                                                         "2018-03-05")


def test_anaphora_without_a_prior_date_falls_back_to_the_dct():
    assert values("The following day, he left.") == [("The following day", "2018-10-08")]


def test_without_a_dct_values_stay_unresolved_but_well_formed():
    assert values("He arrived in July, on Sunday, and left yesterday.", None) == [
        ("July", "XXXX-07"), ("Sunday", "XXXX-WXX-7"), ("yesterday", "XXXX-XX-XX")]
    assert values("It ended on June 12, 2018.", None) == [("June 12, 2018", "2018-06-12")]


def test_a_date_that_does_not_exist_is_not_tagged():
    assert values("It happened on Feb. 30, 2018.") == []


@pytest.mark.parametrize("raw,tidy", [("P2TH", "PT2H"), ("P2D", "P2D"), ("P3DE", "P30Y"),
                                      ("P1CE", "P100Y"), ("PXDE", "PXY"), ("P1.5TH", "PT1H30M"),
                                      ("P2.5Y", "P2Y6M"), ("P5.5TH", "PT5H30M"), ("P1.5D", "P1DT12H")])
def test_durations_are_tidied_into_timex3_form(raw, tidy):
    assert tidy_duration(raw) == tidy


def test_sentences_do_not_end_at_abbreviations():
    text = "The dividend is payable Jan. 2 to holders. Mr. Kim met the U.S. envoy.\nNew line."
    assert [text[a:b] for a, b in sentence_bounds(text)] == [
        "The dividend is payable Jan. 2 to holders.", "Mr. Kim met the U.S. envoy.", "New line."]


def test_an_adjectival_participle_is_no_past_tense():
    sentence = "The split would be paid on an unspecified date in January."
    start = sentence.index("January")
    assert direction(sentence, start, start + 7) == "future"


def test_a_year_earlier_compares_with_the_period_just_mentioned():
    text = "Profit rose in the third quarter from a year earlier. Sales rose 5% from a year ago."
    assert values(text, dt.date(1989, 10, 27)) == [
        ("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3"), ("a year ago", "1988-Q3")]
    far = "Pompeo visited in July. Talks went on. Sanctions stayed. A year ago, Kim fired missiles."
    assert values(far) == [("July", "2018-07"), ("A year ago", "2017")]


@pytest.mark.parametrize("text,dct,value", [
    ("The ministers met on the 28th.", dt.date(2018, 10, 3), "2018-09-28"),       # past: last month's
    ("The ministers will meet on the 5th.", dt.date(2018, 10, 20), "2018-11-05"),  # future: next month's
    ("The ministers will meet on the 2nd.", dt.date(2018, 12, 20), "2019-01-02"),  # across the year
    ("Officials want a deal by the 30th.", dt.date(2018, 10, 3), "2018-10-30"),    # a deadline is ahead
    ("The ministers met on the 31st.", dt.date(2018, 10, 3), "2018-08-31"),        # September has none
    ("Talks on the 16th.", dt.date(2018, 10, 7), "2018-10-16"),                    # no tense: DCT's month
    ("A vote on the 31st.", dt.date(2018, 11, 7), "2018-10-31"),                   # ... if it has the day
])
def test_a_day_of_the_month_is_on_the_side_of_the_dct_the_tense_points_to(text, dct, value):
    assert [v for _, v in values(text, dct)] == [value]


def test_a_day_of_the_month_takes_the_month_or_day_last_mentioned():
    assert values("In March, talks began. They ended on the 16th.") == [
        ("March", "2018-03"), ("the 16th", "2018-03-16")]
    assert values("The summit opened on June 28, 2018. Talks began on the 2nd.") == [
        ("June 28, 2018", "2018-06-28"), ("the 2nd", "2018-07-02")]
    # the tense still puts it after the DCT, however long ago the last date was
    assert values("The summit opened on June 12. Talks will resume on the 25th.") == [
        ("June 12", "2018-06-12"), ("the 25th", "2018-10-25")]
    assert values("In June the talks ended on the 31st.") == [("June", "2018-06")]  # no June 31st
    assert values("They met on the 16th.", None) == [("the 16th", "XXXX-XX-16")]


def test_a_day_of_last_or_next_year_is_that_years_whatever_the_tense():
    dct = dt.date(2024, 11, 19)
    assert values("Lula did not attend the inauguration on December 10 last year.", dct) == [
        ("December 10 last year", "2023-12-10")]
    assert values("They met on 5 May last year.", dct) == [("5 May last year", "2023-05-05")]
    assert values("The summit will open on Oct. 3 next year.", dct) == [("Oct. 3 next year", "2025-10-03")]
    # "this year" keeps the DCT's year even where the tense would move a bare date
    assert values("They will meet on March 21 this year.", dct) == [("March 21 this year", "2024-03-21")]


def test_the_first_end_of_a_range_and_a_day_after_its_year_take_that_year():
    dct = dt.date(2023, 12, 12)
    assert values("He visited China from October 30 to November 1 last year.", dct) == [
        ("October 30", "2022-10-30"), ("November 1 last year", "2022-11-01")]
    assert values("They talked from December 30 to January 2, 2019.", dct) == [
        ("December 30", "2018-12-30"), ("January 2, 2019", "2019-01-02")]
    assert values("The summit was in 2021. Later that year, on November 18, he flew in.", dct)[-1] == (
        "November 18", "2021-11-18")
    # not a range: each date keeps its own year
    assert values("He met Kim on October 30 and November 1 last year.", dct)[0] == ("October 30",
                                                                                    "2023-10-30")


def test_hours_later_after_a_month_is_that_month_not_the_dct():
    dct = dt.date(2021, 11, 25)
    assert values("In August, Tahnoun visited Ankara. Hours later, Putin called Erdogan.", dct) == [
        ("August", "2021-08"), ("Hours later", "2021-08")]
    # after a day it is that day, as before
    assert values("On August 18, Tahnoun visited Ankara. Hours later, Putin called Erdogan.", dct)[-1] == (
        "Hours later", "2021-08-18")


def test_a_month_of_that_year_is_in_the_year_last_mentioned():
    dct = dt.date(2023, 7, 18)
    assert values("Erdogan visited Riyadh in April 2022. The crown prince paid a return visit to Ankara in "
                  "June of that year.", dct)[-1] == ("June of that year", "2022-06")
    assert values("Talks opened in 2019 and resumed in October the same year.", dct)[-1] == (
        "October the same year", "2019-10")
    # with nothing mentioned before, the year is the DCT's
    assert values("He went in June of that year.", dct) == [("June of that year", "2023-06")]


def test_a_live_blog_timestamp_is_on_the_dct_day_whatever_was_said_before():
    dct = dt.date(2020, 2, 29)
    text = ("Talks between the Afghan sides are due to start on March 10.\n"
            "12:30 GMT - Pompeo met Taliban negotiators.")
    assert values(text, dct)[-1] == ("12:30 GMT", "2020-02-29T12:30")
    # a 24-hour time inside a sentence still counts from the last date mentioned
    assert values("Talks start on March 10 at 14:30 GMT.", dct)[-1] == ("14:30 GMT", "2020-03-10T14:30")


def test_a_day_of_that_month_is_in_the_month_last_mentioned():
    dct = dt.date(2023, 5, 11)
    assert values("Lasso went to Beijing in February 2022 and met Xi on the 5th of that month.", dct)[-1] == (
        "the 5th of that month", "2022-02-05")
