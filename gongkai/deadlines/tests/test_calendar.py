"""The working-day calendar: counting convention (domain-spec §2.2), the spec's test
vectors (§2.3), holidays and make-up working days of 2021–2026, and a property test
against ``chinesecalendar`` over every year it covers."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.deadlines.calendar import (
    BusinessCalendar,
    Deadline,
    Source,
    YearTable,
    calendar_from_sources,
)
from gongkai.deadlines.errors import CalendarRangeError, HolidayTableError

D = date.fromisoformat

# domain-spec §2.3: "Test vectors (both packages agree)"
SPEC_VECTORS = [
    ("2025-01-20", 20, "2025-02-21"),  # across Spring Festival 2025
    ("2025-09-25", 20, "2025-10-29"),  # across National Day 2025
    ("2025-09-25", 40, "2025-11-26"),  # with a 20-day extension
    ("2026-02-10", 7, "2026-02-26"),  # 补正 notice across Spring Festival 2026
    ("2025-12-31", 20, "2026-01-29"),  # across the year end
    ("2024-09-27", 20, "2024-10-30"),  # across National Day 2024
]


@pytest.mark.parametrize(("received", "n", "due"), SPEC_VECTORS)
def test_spec_vectors_第三十三条_第三十条(national, received, n, due):
    assert national.add_working_days(D(received), n) == D(due)


# Spring Festival and National Day 2021–2026, from the State Council notices:
# (start, n, expected, what the notice says about it)
HOLIDAY_VECTORS = [
    ("2021-02-10", 1, "2021-02-18", "春节 2021: 2-11 至 2-17 放假"),
    ("2021-02-05", 1, "2021-02-07", "春节 2021: 2-7（周日）上班"),
    ("2021-09-30", 2, "2021-10-09", "国庆 2021: 10-1 至 10-7 放假, 10-9（周六）上班"),
    ("2022-01-28", 1, "2022-01-29", "春节 2022: 1-29（周六）上班"),
    ("2022-01-28", 3, "2022-02-07", "春节 2022: 1-31 至 2-6 放假"),
    ("2022-09-30", 1, "2022-10-08", "国庆 2022: 10-8（周六）上班"),
    ("2023-01-20", 1, "2023-01-28", "春节 2023: 1-21 至 1-27 放假, 1-28 上班"),
    ("2023-09-28", 1, "2023-10-07", "中秋国庆 2023: 9-29 至 10-6 放假, 10-7 上班"),
    ("2024-02-08", 2, "2024-02-18", "春节 2024: 2-10 至 2-17 放假, 2-18（周日）上班"),
    ("2024-09-30", 1, "2024-10-08", "国庆 2024: 10-1 至 10-7 放假"),
    ("2025-01-24", 1, "2025-01-26", "春节 2025: 1-26（周日）上班"),
    ("2025-01-27", 1, "2025-02-05", "春节 2025: 1-28 至 2-4 放假"),
    ("2025-09-27", 1, "2025-09-28", "国庆 2025: 9-28（周日）上班"),
    ("2025-09-30", 1, "2025-10-09", "国庆中秋 2025: 10-1 至 10-8 放假"),
    ("2026-02-13", 1, "2026-02-14", "春节 2026: 2-14（周六）上班"),
    ("2026-02-13", 2, "2026-02-24", "春节 2026: 2-15 至 2-23 放假"),
    ("2026-09-19", 1, "2026-09-20", "国庆 2026: 9-20（周日）上班"),
    ("2026-09-30", 1, "2026-10-08", "国庆 2026: 10-1 至 10-7 放假"),
]


@pytest.mark.parametrize(("start", "n", "expected", "why"), HOLIDAY_VECTORS)
def test_holidays_and_make_up_days_2021_2026(national, start, n, expected, why):
    assert national.add_working_days(D(start), n) == D(expected), why


def test_start_day_not_counted_民法典第二百零一条(no_holiday_calendar):
    monday = date(2025, 3, 3)
    assert no_holiday_calendar.add_working_days(monday, 1) == date(2025, 3, 4)
    friday = date(2025, 3, 7)
    assert no_holiday_calendar.add_working_days(friday, 1) == date(2025, 3, 10)
    saturday = date(2025, 3, 8)  # received on a rest day: day 1 is Monday
    assert no_holiday_calendar.add_working_days(saturday, 1) == date(2025, 3, 10)
    assert no_holiday_calendar.add_working_days(monday, 20) == date(2025, 3, 31)


def test_zero_and_negative_counts(no_holiday_calendar):
    cal = no_holiday_calendar
    assert cal.add_working_days(date(2025, 3, 8), 0) == date(2025, 3, 8)
    assert cal.add_working_days(date(2025, 3, 10), -1) == date(2025, 3, 7)
    assert cal.add_working_days(date(2025, 3, 9), -1) == date(2025, 3, 7)
    assert cal.add_working_days(date(2025, 3, 12), -3) == date(2025, 3, 7)


def test_working_days_between_is_the_inverse(national):
    start = date(2025, 9, 25)
    for n in range(0, 60):
        end = national.add_working_days(start, n)
        assert national.working_days_between(start, end) == n
    assert national.working_days_between(date(2025, 10, 1), date(2025, 10, 8)) == 0
    assert national.working_days_between(date(2025, 10, 9), date(2025, 10, 1)) == -1


def test_is_working_day_spec_section5_checked_dates(national):
    for worked in (
        "2025-01-26",
        "2025-02-08",
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-09-20",
        "2026-10-10",
    ):
        assert national.is_working_day(D(worked)), worked
    assert not national.is_working_day(D("2025-02-03"))


def test_out_of_range_is_refused_with_a_chinese_message(national):
    with pytest.raises(CalendarRangeError, match="超出工作日历的范围"):
        national.add_working_days(date(2003, 12, 31), 1)
    with pytest.raises(CalendarRangeError, match="2004–2030"):
        national.add_working_days(date(2030, 12, 20), 20)


def test_years_must_be_contiguous():
    with pytest.raises(CalendarRangeError, match="缺少 2025"):
        BusinessCalendar(
            [
                YearTable(year=2024, source=Source.OFFICE),
                YearTable(year=2026, source=Source.OFFICE),
            ]
        )


def test_year_table_refuses_weekday_make_up_day_and_a_day_both_ways():
    with pytest.raises(HolidayTableError, match="不是周六或周日"):
        YearTable(
            year=2027, source=Source.OFFICE, working_days=frozenset({date(2027, 2, 3)})
        )
    with pytest.raises(HolidayTableError, match="既是休息日又是调休上班日"):
        YearTable(
            year=2027,
            source=Source.OFFICE,
            rest_days=frozenset({date(2027, 2, 6)}),
            working_days=frozenset({date(2027, 2, 6)}),
        )


def test_regional_rest_days_全国年节及纪念日放假办法第四条():
    plain = calendar_from_sources(first_year=2025, last_year=2025)
    local = calendar_from_sources(
        first_year=2025, last_year=2025, extra_rest_days=[date(2025, 3, 4)]
    )
    assert plain.add_working_days(date(2025, 3, 3), 1) == date(2025, 3, 4)
    assert local.add_working_days(date(2025, 3, 3), 1) == date(2025, 3, 5)


def test_office_table_takes_precedence_and_a_later_notice_can_make_december_a_working_day():
    # the office's 2027 notice makes Saturday 2026-12-26 a working day
    office = {
        2027: YearTable(
            year=2027,
            source=Source.OFFICE,
            rest_days=frozenset({date(2027, 1, 1)}),
            working_days=frozenset({date(2026, 12, 26)}),
        )
    }
    cal = calendar_from_sources(first_year=2026, last_year=2027, office=office)
    assert cal.source_of(2027) == Source.OFFICE
    assert cal.source_of(2026) == Source.CHINESECALENDAR
    assert cal.is_working_day(date(2026, 12, 26))
    assert cal.deadline(date(2026, 12, 10), 20).provisional_years == ()


def test_provisional_years_are_reported(national):
    assert national.deadline(date(2026, 11, 1), 20) == Deadline(date(2026, 11, 27), ())
    late = national.deadline(date(2026, 12, 10), 20)
    assert late.provisional
    assert late.provisional_years == (2027,)
    # ends in the last days of December before a provisional year: may still move
    assert national.deadline(date(2026, 12, 1), 20).provisional_years == (2027,)
    assert national.provisional_years(date(2026, 12, 1), date(2028, 1, 1)) == (
        2027,
        2028,
    )
    assert national.provisional_years(date(2025, 1, 1), date(2026, 6, 1)) == ()


def _by_chinese_calendar(start: date, n: int) -> date:
    """``n`` working days after ``start`` (start not counted) with chinesecalendar's
    own helper: find_workday(k, d) is the k-th working day after the first working
    day on or after d."""
    found: date = chinese_calendar.find_workday(n - 1, start + timedelta(days=1))
    return found


@given(
    start=st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 9, 30)),
    n=st.integers(min_value=1, max_value=60),
)
def test_property_agrees_with_chinesecalendar_2004_2026(national, start, n):
    assert national.add_working_days(start, n) == _by_chinese_calendar(start, n)


@given(day=st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 12, 31)))
def test_property_is_working_day_agrees_with_chinesecalendar(national, day):
    assert national.is_working_day(day) == chinese_calendar.is_workday(day)
