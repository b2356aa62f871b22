"""A provisional year table, computed from the statutory holidays.

For a year that neither the office's table nor ``chinesecalendar`` covers (a State
Council notice not yet published or not yet typed in), the rest days are computed
from 《全国年节及纪念日放假办法》 (2024 revision, in force 2025-01-01), art. 2:

- 元旦 1 January; 春节 农历除夕 and 正月初一–初三; 清明 the day of the 清明 solar term;
  劳动节 1–2 May; 端午 农历五月初五; 中秋 农历八月十五; 国庆 1–3 October (13 days);
- art. 6: a holiday for all citizens that falls on a Saturday or Sunday gets a
  substitute day off on a working day: here the first weekday after it that is
  neither a holiday nor already a substitute.  Two holidays on the same day (中秋 on
  1–3 October) give one day off, not two;
- no make-up working days (调休, art. 7): those exist only once the notice says so.

Lunar dates and the solar term are computed (``lunar_python``), never typed in.
Every date computed through such a year is marked provisional by the calendar.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from gongkai.deadlines.calendar import Source, YearTable
from gongkai.deadlines.errors import CalendarRangeError

#: The 2024 revision of 《全国年节及纪念日放假办法》 (国务院令第795号) is in force
#: from this date; earlier years had other holidays and are not computed.
HOLIDAY_MEASURES_2024 = date(2025, 1, 1)


def _solar(value: Any) -> date:
    """A ``lunar_python.Solar`` as a date."""
    return date(int(value.getYear()), int(value.getMonth()), int(value.getDay()))


def lunar_to_solar(year: int, month: int, day: int) -> date:
    """The Gregorian date of day ``day`` of (non-leap) lunar month ``month`` of the
    lunar year that begins in Gregorian ``year``."""
    from lunar_python import Lunar

    return _solar(Lunar.fromYmd(year, month, day).getSolar())


def qingming(year: int) -> date:
    """The day of the 清明 solar term (Beijing time) in ``year``."""
    from lunar_python import Solar

    table = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()
    return _solar(table["清明"])


def statutory_holidays(year: int) -> dict[date, str]:
    """The 13 statutory rest days of ``year`` (art. 2), by date; days where two
    holidays coincide are named after both."""
    spring = lunar_to_solar(year, 1, 1)
    days: list[tuple[date, str]] = [
        (date(year, 1, 1), "元旦"),
        *((spring + timedelta(days=k), "春节") for k in range(-1, 3)),
        (qingming(year), "清明节"),
        (date(year, 5, 1), "劳动节"),
        (date(year, 5, 2), "劳动节"),
        (lunar_to_solar(year, 5, 5), "端午节"),
        (lunar_to_solar(year, 8, 15), "中秋节"),
        *((date(year, 10, d), "国庆节") for d in (1, 2, 3)),
    ]
    out: dict[date, str] = {}
    for day, name in days:
        out[day] = f"{out[day]}、{name}" if day in out else name
    return out


def substitute_days(holidays: dict[date, str]) -> dict[date, str]:
    """Art. 6: each holiday on a weekend → the first later weekday that is neither a
    holiday nor already a substitute."""
    out: dict[date, str] = {}
    for day in sorted(holidays):
        if day.weekday() < 5:
            continue
        sub = day + timedelta(days=1)
        while sub.weekday() >= 5 or sub in holidays or sub in out:
            sub += timedelta(days=1)
        out[sub] = f"{holidays[day]}补假"
    return out


def provisional_rest_days(year: int) -> dict[date, str]:
    """Statutory holidays and their substitutes, by date, with their names."""
    if date(year, 1, 1) < HOLIDAY_MEASURES_2024:
        raise CalendarRangeError(
            f"{year}年既不在本机关的节假日表中，也不在 chinesecalendar 中，且早于"
            "《全国年节及纪念日放假办法》2024年修订的施行日期，无法推算：请在节假日表中"
            f"录入{year}年国务院办公厅的节假日安排"
        )
    holidays = statutory_holidays(year)
    return {**holidays, **substitute_days(holidays)}


def provisional_table(year: int) -> YearTable:
    rest = provisional_rest_days(year)
    return YearTable(
        year=year,
        source=Source.PROVISIONAL,
        rest_days=frozenset(rest),
        note="按《全国年节及纪念日放假办法》（2024年修订）推算，未含调休",
    )
