"""Checking a year's arrangement as the office types it in (pure: no Django).

The admin form takes one line per day or per period, as the notice lists them::

    2027-02-05 至 2027-02-11 春节
    2027-04-05 清明节

``parse_days`` reads such text; ``year_table_check`` checks the days of one year
against each other and returns the ``YearTable`` the calendar uses.  Every error says
what is wrong, where (the line), and how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from gongkai.deadlines.calendar import Source, YearTable
from gongkai.deadlines.errors import HolidayTableError

_DATE = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
_LINE = re.compile(rf"^{_DATE}(?:\s*(?:至|到|~|～|—|--)\s*{_DATE})?\s*(.*)$")
MAX_PERIOD_DAYS = 31


def _date(parts: Sequence[str], where: str) -> date:
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise HolidayTableError(
            f"{where}：{parts[0]}-{parts[1]}-{parts[2]} 不是有效日期，请改正"
        ) from None


def parse_days(text: str, *, label: str) -> list[tuple[date, str]]:
    """Lines of ``YYYY-MM-DD [至 YYYY-MM-DD] [名称]`` → (date, name) for every day,
    in the order typed.  ``label`` names the field in messages (放假 / 调休上班)."""
    out: list[tuple[date, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        where = f"{label}第 {number} 行「{line}」"
        match = _LINE.match(line)
        if match is None:
            raise HolidayTableError(
                f"{where}：无法识别，请写成「2027-02-05 春节」或"
                "「2027-02-05 至 2027-02-11 春节」"
            )
        groups = match.groups()
        first = _date(groups[0:3], where)
        last = first if groups[3] is None else _date(groups[3:6], where)
        if last < first:
            raise HolidayTableError(f"{where}：结束日期早于开始日期，请对调两个日期")
        if (last - first).days >= MAX_PERIOD_DAYS:
            raise HolidayTableError(
                f"{where}：一段假期超过 {MAX_PERIOD_DAYS} 天，请核对日期"
            )
        name = groups[6].strip()
        out.extend(
            (first + timedelta(days=k), name) for k in range((last - first).days + 1)
        )
    return out


def year_table_check(
    *,
    year: int,
    rest_days: Sequence[tuple[date, str]],
    working_days: Sequence[tuple[date, str]],
    source: Source = Source.OFFICE,
    note: str = "",
) -> YearTable:
    """The year's table, or a ``HolidayTableError`` saying what to fix: a day given
    twice, a day outside the year (a notice may also name days of the December
    before), a make-up working day that is not a weekend, a day both rest and work."""
    for label, days in (("放假日期", rest_days), ("调休上班日期", working_days)):
        seen: set[date] = set()
        for day, _name in days:
            if day in seen:
                raise HolidayTableError(
                    f"{year}年{label} {day.isoformat()} 重复出现：每天只需录入一次，"
                    "请删除重复的一行或改正日期"
                )
            seen.add(day)
            if not (day.year == year or (day.year == year - 1 and day.month == 12)):
                raise HolidayTableError(
                    f"{year}年{label} {day.isoformat()} 不在{year}年内（通知只可能涉及"
                    f"{year - 1}年12月）：请核对年份"
                )
    return YearTable(
        year=year,
        source=source,
        rest_days=frozenset(d for d, _ in rest_days),
        working_days=frozenset(d for d, _ in working_days),
        note=note,
    )
