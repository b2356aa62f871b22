"""The provisional year: 《全国年节及纪念日放假办法》 (2024 revision) art. 2 and art. 6,
lunar dates and the 清明 solar term computed."""

from __future__ import annotations

from datetime import date

import chinese_calendar
import pytest

from gongkai.deadlines.calendar import Source, calendar_from_sources
from gongkai.deadlines.errors import CalendarRangeError
from gongkai.deadlines.provisional import (
    lunar_to_solar,
    provisional_rest_days,
    provisional_table,
    qingming,
    statutory_holidays,
)

D = date.fromisoformat


@pytest.mark.parametrize(
    ("year", "spring"),
    # 正月初一 from published calendars
    [
        (2021, "2021-02-12"),
        (2025, "2025-01-29"),
        (2026, "2026-02-17"),
        (2027, "2027-02-06"),
        (2028, "2028-01-26"),
        (2030, "2030-02-03"),
    ],
)
def test_第二条_spring_festival_is_computed(year, spring):
    assert lunar_to_solar(year, 1, 1) == D(spring)


@pytest.mark.parametrize(
    ("year", "day"),
    [
        (2024, "2024-04-04"),
        (2025, "2025-04-04"),
        (2026, "2026-04-05"),
        (2027, "2027-04-05"),
        (2028, "2028-04-04"),
    ],
)
def test_第二条_qingming_solar_term(year, day):
    assert qingming(year) == D(day)


def test_第二条_thirteen_days_in_2027():
    days = statutory_holidays(2027)
    assert len(days) == 13
    assert days[D("2027-02-05")] == "春节"  # 除夕
    assert [d for d, n in days.items() if n == "春节"] == [
        D("2027-02-05"),
        D("2027-02-06"),
        D("2027-02-07"),
        D("2027-02-08"),
    ]
    assert days[D("2027-06-09")] == "端午节"
    assert days[D("2027-09-15")] == "中秋节"


def test_第六条_weekend_holidays_get_a_substitute_weekday():
    rest = provisional_rest_days(2027)
    # 春节 2027: 2-6 (Sat) and 2-7 (Sun) → the next two free weekdays, 2-9 and 2-10
    assert rest[D("2027-02-09")] == "春节补假"
    assert rest[D("2027-02-10")] == "春节补假"
    # 国庆 2027: 10-2 (Sat), 10-3 (Sun) → 10-4, 10-5
    assert {rest[D("2027-10-04")], rest[D("2027-10-05")]} == {"国庆节补假"}
    # 元旦 2028 on a Saturday → Monday 1-3
    assert provisional_rest_days(2028)[D("2028-01-03")] == "元旦补假"


def test_第六条_two_holidays_on_one_day_give_one_day():
    days = statutory_holidays(2028)  # 中秋 2028 is 10-3, a day of 国庆
    assert days[D("2028-10-03")] == "中秋节、国庆节"
    assert len(days) == 12


@pytest.mark.parametrize("year", [2025, 2026])
def test_provisional_rest_days_are_official_rest_days(year):
    """Where the State Council has published, every provisional weekday rest day
    (statutory days and their substitutes) is a rest day in its arrangement."""
    weekdays = [d for d in provisional_rest_days(year) if d.weekday() < 5]
    assert weekdays
    assert [d for d in weekdays if chinese_calendar.is_workday(d)] == []


def test_provisional_table_has_no_make_up_days():
    table = provisional_table(2027)
    assert table.source == Source.PROVISIONAL
    assert table.provisional
    assert table.working_days == frozenset()


def test_years_before_the_2024_revision_are_not_computed():
    with pytest.raises(CalendarRangeError, match="录入2003年"):
        provisional_rest_days(2003)
    with pytest.raises(CalendarRangeError):
        calendar_from_sources(first_year=2003, last_year=2004)


def test_2027_deadline_across_spring_festival_is_provisional():
    cal = calendar_from_sources(first_year=2026, last_year=2027)
    due = cal.deadline(D("2027-01-25"), 20)
    # 1-26..1-29 (4), 2-1..2-4 (8), 2-5 除夕 and 2-8/9/10 off, 2-11..2-12 (10),
    # 2-15..2-19 (15), 2-22..2-26 (20)
    assert due.date == D("2027-02-26")
    assert due.provisional_years == (2027,)
