"""Temporal expressions: found with strict patterns, resolved against the
publication date (P) as DATA_MODEL.md says. Each row: text, P, expected date and
precision (ahead=True when the sentence puts it after publication)."""
import datetime as dt

import pytest

from pipeline import timex

MON = dt.date(2025, 9, 29)     # a Monday
WED = dt.date(2025, 10, 8)     # a Wednesday
SUN = dt.date(2025, 9, 28)     # a Sunday

CASES = [
    ("on 31 August 2025", MON, False, "2025-08-31", "day"),
    ("31st of August 2025", MON, False, "2025-08-31", "day"),
    ("August 31, 2025", MON, False, "2025-08-31", "day"),
    ("on August 31", MON, False, "2025-08-31", "day"),
    ("on 6 October", WED, False, "2025-10-06", "day"),
    ("on 6 October", MON, False, "2024-10-06", "day"),
    ("on Monday, 6 October", MON, False, "2025-10-06", "day"),       # the weekday settles the year
    ("on Monday 6 October", WED, False, "2025-10-06", "day"),
    ("Friday, March 14, 2025", MON, False, "2025-03-14", "day"),
    ("until at least October 1", MON, True, "2025-10-01", "day"),
    ("from 4 March", dt.date(2026, 2, 20), True, "2026-03-04", "day"),
    ("on 4 March", dt.date(2026, 2, 20), False, "2025-03-04", "day"),
    ("since 2 March", dt.date(2025, 3, 11), False, "2025-03-02", "day"),
    ("on Sept. 3", MON, False, "2025-09-03", "day"),
    ("in June 2026", MON, False, "2026-06-01", "month"),
    ("in September", MON, False, "2025-09-01", "month"),
    ("in November", MON, False, "2024-11-01", "month"),
    ("in November", MON, True, "2025-11-01", "month"),
    ("at the end of August", MON, False, "2025-08-01", "month"),
    ("at the start of March 2024", MON, False, "2024-03-01", "month"),
    ("in 2024", MON, False, "2024-01-01", "year"),
    ("today", MON, False, "2025-09-29", "day"),
    ("yesterday", MON, False, "2025-09-28", "day"),
    ("tomorrow", MON, False, "2025-09-30", "day"),
    ("last night", WED, False, "2025-10-07", "day"),
    ("this morning", WED, False, "2025-10-08", "day"),
    ("on Tuesday", MON, False, "2025-09-23", "day"),
    ("on Monday", MON, False, "2025-09-29", "day"),
    ("on Sunday", WED, False, "2025-10-05", "day"),
    ("on Friday", WED, True, "2025-10-10", "day"),
    ("next Monday", WED, False, "2025-10-13", "day"),
    ("last Monday", MON, False, "2025-09-22", "day"),
    ("on Tuesday afternoon", WED, False, "2025-10-07", "day"),
    ("this week", WED, False, "2025-10-06", "week"),
    ("last week", MON, False, "2025-09-22", "week"),
    ("next week", WED, False, "2025-10-13", "week"),
    ("in the coming days", WED, False, "2025-10-06", "week"),
    ("over the coming weeks", WED, False, "2025-10-06", "week"),
    ("over the weekend", MON, False, "2025-09-27", "week"),
    ("at the weekend", SUN, False, "2025-09-27", "week"),
    ("last weekend", SUN, False, "2025-09-20", "week"),
    ("last month", WED, False, "2025-09-01", "month"),
    ("earlier this month", WED, False, "2025-10-01", "month"),
    ("this month", MON, False, "2025-09-01", "month"),
    ("next month", MON, False, "2025-10-01", "month"),
    ("since the start of the month", MON, False, "2025-09-01", "month"),
    ("at the end of last month", WED, False, "2025-09-01", "month"),
    ("last year", MON, False, "2024-01-01", "year"),
    ("earlier this year", MON, False, "2025-01-01", "year"),
    ("three weeks ago", WED, False, "2025-09-15", "week"),
    ("two days ago", WED, False, "2025-10-06", "day"),
    ("a month ago", WED, False, "2025-09-01", "month"),
    ("last week", None, False, None, "unknown"),
    ("on Tuesday", None, False, None, "unknown"),
    ("over the weekend", None, False, None, "unknown"),
    ("on 31 August 2025", None, False, "2025-08-31", "day"),
    ("in March 2025", None, False, "2025-03-01", "month"),
    ("from 4 March", dt.date(2025, 3, 1), True, "2025-03-04", "day"),
    ("since Monday, 10 March", dt.date(2025, 3, 13), False, "2025-03-10", "day"),
    ("until at least 20 May", dt.date(2025, 5, 16), True, "2025-05-20", "day"),
    ("by Wednesday", dt.date(2025, 10, 6), True, "2025-10-08", "day"),
    ("on Thursday, 15 May", dt.date(2025, 5, 19), False, "2025-05-15", "day"),
    ("later this month", MON, True, "2025-09-01", "month"),
    ("at the start of next month", MON, True, "2025-10-01", "month"),
    ("since 9 May", dt.date(2025, 5, 16), False, "2025-05-09", "day"),
    ("in the early hours of Sunday", WED, False, "2025-10-05", "day"),
]


@pytest.mark.parametrize("text, published, ahead, date, precision", CASES)
def test_resolution(text, published, ahead, date, precision):
    found = timex.find(text)
    assert len(found) == 1 and found[0].text == text, [t.text for t in found]
    assert timex.resolve(found[0], published, [], ahead=ahead) == (date, precision)


@pytest.mark.parametrize("text, published, date", [
    ("16 March", dt.date(2026, 3, 9), "2026-03-16"),      # a week ahead, not a year back
    ("2 March", dt.date(2026, 3, 9), "2026-03-02"),       # a week back
    ("28 December", dt.date(2026, 1, 5), "2025-12-28"),
    ("3 January", dt.date(2025, 12, 20), "2026-01-03"),
    ("29 February", dt.date(2026, 3, 9), None),   # no such day in 2026: undated, as without the rule
    ("in May", dt.date(2026, 2, 10), "2026-05-01"),
])
def test_a_date_that_may_be_ahead_is_the_nearer_occurrence(text, published, date):
    t = timex.find(text)[0]
    assert timex.resolve(t, published, [], maybe_ahead=True)[0] == date
    # "ahead" (a future marker) still wins; without either, the most recent occurrence
    assert timex.resolve(t, published, [], ahead=True, maybe_ahead=True) == timex.resolve(t, published, [], ahead=True)


def test_the_following_day_counts_from_the_date_before():
    text = "Orders came back on 7 May and depots reopened the following day."
    first, second = timex.find(text)
    assert second.text == "the following day"
    before = timex.resolve(first, dt.date(2025, 5, 20), [])
    assert timex.resolve(second, dt.date(2025, 5, 20), [], before=before) == ("2025-05-08", "day")
    assert timex.resolve(second, dt.date(2025, 5, 20), []) == (None, "unknown")


def test_a_span_is_dated_by_its_start():
    found = timex.find("Lanes will close for three weeks from 4 March.")
    assert [t.text for t in found] == ["from 4 March"]
    assert timex.resolve(found[0], dt.date(2025, 3, 1), [], ahead=True) == ("2025-03-04", "day")


def test_no_publication_date_takes_the_latest_stated_year():
    text = "The system was restored on 14 March 2025. Flights resumed on March 20."
    t = timex.find(text)[1]
    assert timex.resolve(t, None, timex.stated_years(text)) == ("2025-03-20", "day")
    assert timex.resolve(t, None, []) == (None, "unknown")


@pytest.mark.parametrize("text", [
    "The May 2025 figures", "she may 12 times", "a 2,025-strong crowd",
    "the company said", "version 2.1", "on the road",
])
def test_no_false_dates(text):
    assert all(t.kind not in ("dmy", "mdy") for t in timex.find(text)), timex.find(text)
    assert not [t for t in timex.find(text) if t.kind in ("weekday", "dayword")]


def test_the_early_hours_of_a_weekday_and_date_is_one_phrase():
    import datetime as dt
    found = timex.find("It began in the early hours of Saturday 7 March, the bank said.")
    assert [(t.text, timex.resolve(t, dt.date(2026, 3, 14), [])) for t in found] == [
        ("in the early hours of Saturday 7 March", ("2026-03-07", "day"))]


@pytest.mark.parametrize("text, found", [
    ("Trading resumed at 14:15 CET.", ["at 14:15 CET"]),
    ("The fire started shortly after 11pm.", ["shortly after 11pm"]),
    ("Crews arrived at about 2.15am.", ["at about 2.15am"]),
    ("Trading resumed at 14.45.", ["at 14.45"]),
    ("The council meets at 7 p.m.", ["at 7 p.m."]),
    # beside a day it is part of that day's phrase
    ("The plant restarted at 6pm on Monday.", ["on Monday"]),
    ("Monday at 6pm it restarted.", ["Monday"]),
    # not a time: opening hours, prices, amounts, a bare decimal
    ("Helplines are open from 9am to 6pm and 8am–10pm at weekends.", []),
    ("Shares closed at 10.50 euros.", []),
    ("It has about 1.25 million users.", []),
    ("Turnout was 14.45 in the ward.", []),
    # "that" opening what was said is no day
    ("He said that morning trains would run.", []),
    ("That evening, the firm said it had restored email.", ["That evening"]),
    ("It was restored later that day.", ["later that day"]),
    ("The ransom is worth $26m at today's prices.", []),
    ("Today's outage was the worst.", ["Today"]),
])
def test_times_of_day_and_days_told_before(text, found):
    assert [t.text for t in timex.find(text)] == found


def test_the_same_day_and_a_time_of_day_take_the_day_told_before():
    P = dt.date(2025, 5, 20)
    same, clock, nxt = timex.find("the same day")[0], timex.find("at 14:15")[0], timex.find("the next morning")[0]
    told = ("2025-05-12", "day")
    assert timex.resolve(same, P, [], before=told) == ("2025-05-12", "day")
    assert timex.resolve(clock, P, [], before=told) == ("2025-05-12", "day")
    assert timex.resolve(nxt, P, [], before=told) == ("2025-05-13", "day")
    # with no day told, a time of day is on the day of writing; "the same day" is on none
    assert timex.resolve(clock, P, []) == ("2025-05-20", "day")
    # a day told long before (a founding, a birth) is no day for a bare time of day
    assert timex.resolve(clock, P, [], before=("1970-05-03", "day")) == ("2025-05-20", "day")
    assert timex.resolve(same, P, [], before=("1970-05-03", "day")) == ("1970-05-03", "day")
    assert timex.resolve(same, P, []) == (None, "unknown")
    assert timex.resolve(clock, None, []) == (None, "unknown")
