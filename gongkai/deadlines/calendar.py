"""The working-day calendar (工作日历) as pure code: dates in, dates out.

A date is a working day iff it is Monday–Friday and not an official rest day, or it is
a Saturday/Sunday officially designated a make-up working day (调休上班) (domain-spec
§2.1).  Each year's rest and make-up days come from one ``YearTable``, taken from the
first source that has the year:

1. ``Source.OFFICE``: the year as the office typed it in from the State Council's
   《国务院办公厅关于{year}年部分节假日安排的通知》 (stored in the database; see
   ``selectors.calendar_build``);
2. ``Source.CHINESECALENDAR``: the ``chinesecalendar`` package (2004–2026 in 1.11.0);
3. ``Source.PROVISIONAL``: computed from the statutory holidays (``provisional.py``);
   every date computed through such a year is marked provisional.

Counting convention (domain-spec §2.2, 民法典 art. 201): the start day is not counted;
day 1 is the first working day after it; ``add_working_days(start, n)`` is the n-th.

Speed: the calendar precomputes, over the years it covers, the sorted working-day
ordinals and, for every day, how many working days fall on or before it; each
computation is then two list look-ups (no loop over days).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from itertools import accumulate
from typing import NamedTuple

from gongkai.deadlines.errors import CalendarRangeError, HolidayTableError

#: Days before 1 January of a provisional year from which a span counts as touching
#: it: a State Council notice may make the last Saturday of December a working day
#: (e.g. 2018-12-29 for New Year 2019), so a deadline falling in those days may move.
PROVISIONAL_REACH_DAYS = 7


class Source(StrEnum):
    OFFICE = "office"
    CHINESECALENDAR = "chinesecalendar"
    PROVISIONAL = "provisional"


SOURCE_LABELS: Mapping[Source, str] = {
    Source.OFFICE: "本机关录入的国务院办公厅节假日安排",
    Source.CHINESECALENDAR: "chinesecalendar 软件包（国务院办公厅节假日安排）",
    Source.PROVISIONAL: "按《全国年节及纪念日放假办法》推算（临时，待国务院办公厅通知）",
}


@dataclass(frozen=True)
class YearTable:
    """One year's official arrangement: its rest days and make-up working days.

    ``rest_days`` may include weekend days inside a holiday period (harmless);
    ``working_days`` are weekend days worked (调休上班).  A notice for ``year`` may
    name days of the year before (a Saturday in late December worked for New Year).
    """

    year: int
    source: Source
    rest_days: frozenset[date] = field(default_factory=frozenset)
    working_days: frozenset[date] = field(default_factory=frozenset)
    note: str = ""

    def __post_init__(self) -> None:
        both = sorted(self.rest_days & self.working_days)
        if both:
            days = "、".join(d.isoformat() for d in both)
            raise HolidayTableError(
                f"{self.year}年节假日表中 {days} 既是休息日又是调休上班日：请只保留其一"
            )
        weekdays = sorted(d for d in self.working_days if d.weekday() < 5)
        if weekdays:
            days = "、".join(d.isoformat() for d in weekdays)
            raise HolidayTableError(
                f"{self.year}年节假日表中的调休上班日 {days} 不是周六或周日：调休上班日"
                "只能是周末，工作日本来就上班，请删除或改正日期"
            )

    @property
    def provisional(self) -> bool:
        return self.source == Source.PROVISIONAL


class Deadline(NamedTuple):
    """A computed date and the provisional years it was computed through."""

    date: date
    provisional_years: tuple[int, ...] = ()

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_years)


def _contiguous(tables: Iterable[YearTable]) -> dict[int, YearTable]:
    by_year = {t.year: t for t in tables}
    if not by_year:
        raise CalendarRangeError("工作日历至少需要一年的节假日表")
    missing = sorted(set(range(min(by_year), max(by_year) + 1)) - set(by_year))
    if missing:
        raise CalendarRangeError(
            f"工作日历的年份必须连续，缺少 {'、'.join(map(str, missing))} 年"
        )
    return by_year


class BusinessCalendar:
    """Working days over a contiguous range of years, one ``YearTable`` per year.

    ``extra_rest_days`` are regional additions (民族自治地方, art. 4 of
    《全国年节及纪念日放假办法》): rest days for the organ this calendar is built for.
    """

    def __init__(
        self, tables: Iterable[YearTable], *, extra_rest_days: Iterable[date] = ()
    ) -> None:
        self.tables: Mapping[int, YearTable] = _contiguous(tables)
        years = sorted(self.tables)
        self.first_year, self.last_year = years[0], years[-1]
        self._base = date(self.first_year, 1, 1).toordinal()
        self._end = date(self.last_year, 12, 31).toordinal()
        self._working = self._mark_days(extra_rest_days)
        #: ordinals of the working days, ascending, and the same as dates
        self._ordinals = [self._base + i for i, w in enumerate(self._working) if w]
        self._dates = [date.fromordinal(o) for o in self._ordinals]
        #: _through[i]: number of working days on or before day ``_base + i``
        self._through = list(accumulate(self._working))
        self._index_provisional(years)

    def _mark_days(self, extra_rest_days: Iterable[date]) -> bytes:
        days = range(self._base, self._end + 1)
        working = bytearray(date.fromordinal(o).weekday() < 5 for o in days)
        for year in sorted(self.tables):  # a later notice overrides an earlier one
            self._mark(working, self.tables[year].rest_days, 0)
            self._mark(working, self.tables[year].working_days, 1)
        self._mark(working, extra_rest_days, 0)
        return bytes(working)

    def _index_provisional(self, years: list[int]) -> None:
        """Provisional windows [1 January - reach, 31 December] of provisional years,
        ascending (by start and by end alike): a span (s, e] touches the windows
        numbered _ended[s] .. _started[e] - 1, two look-ups and a slice.  Deadlines
        ending before the first window are final and built once (``_settled``)."""
        windows = [
            (
                date(y, 1, 1).toordinal() - PROVISIONAL_REACH_DAYS,
                date(y, 12, 31).toordinal(),
                y,
            )
            for y in years
            if self.tables[y].provisional
        ]
        self._provisional_years = tuple(y for _, _, y in windows)
        self._provisional_from = min(
            (lo for lo, _, _ in windows), default=self._end + 1
        )
        days = range(self._base, self._end + 1)
        self._started = [sum(lo <= o for lo, _, _ in windows) for o in days]
        self._ended = [sum(hi <= o for _, hi, _ in windows) for o in days]
        self._settled_count = sum(o < self._provisional_from for o in self._ordinals)
        self._settled = [Deadline(d, ()) for d in self._dates[: self._settled_count]]

    def _mark(self, working: bytearray, days: Iterable[date], value: int) -> None:
        for day in days:
            i = day.toordinal() - self._base
            if 0 <= i < len(working):
                working[i] = value

    # -- queries ---------------------------------------------------------------

    def _index(self, day: date) -> int:
        i = day.toordinal() - self._base
        if i < 0 or i >= len(self._working):
            raise self._out_of_range(day)
        return i

    def _out_of_range(self, day: date) -> CalendarRangeError:
        return CalendarRangeError(
            f"日期 {day.isoformat()} 超出工作日历的范围（{self.first_year}–"
            f"{self.last_year}年）：请为相应年份建立日历"
        )

    def is_working_day(self, day: date) -> bool:
        return bool(self._working[self._index(day)])

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``start`` itself is not counted).

        ``n == 0`` gives ``start``; a negative ``n`` counts back: -1 is the last
        working day before ``start``."""
        if n == 0:
            return start
        i = start.toordinal() - self._base
        if i < 0 or i >= len(self._through):
            raise self._out_of_range(start)
        through = self._through[i]
        k = through + n - 1 if n > 0 else through - self._working[i] + n
        if k < 0 or k >= len(self._ordinals):
            raise self._out_of_range(start + timedelta(days=n))
        return self._dates[k]

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when
        ``end`` is before ``start``): ``add_working_days(start, k)`` is ``end`` for
        that ``k`` whenever ``end`` is a working day."""
        return self._through[self._index(end)] - self._through[self._index(start)]

    def deadline(self, start: date, n: int) -> Deadline:
        """``add_working_days(start, n)`` with the provisional years it went through.

        Inlined, with the range checks folded into the look-ups: this is the call
        made a million times a second."""
        i = start.toordinal() - self._base
        if n <= 0 or i < 0:
            due = self.add_working_days(start, n)
            return Deadline(due, self.provisional_years(start, due))
        try:
            k = self._through[i] + n - 1
            if k < self._settled_count:
                return self._settled[k]
            due = self._dates[k]
        except IndexError:
            raise self._out_of_range(start + timedelta(days=n)) from None
        years = self._provisional_years[
            self._ended[i] : self._started[due.toordinal() - self._base]
        ]
        return Deadline(due, years)

    def provisional_years(self, start: date, end: date) -> tuple[int, ...]:
        """Provisional years a count over (start, end] depends on."""
        if end < start:
            start, end = end, start
        if end.toordinal() < self._provisional_from:
            return ()
        return self._provisional_years[
            self._ended[self._index(start)] : self._started[self._index(end)]
        ]

    def source_of(self, year: int) -> Source:
        table = self.tables.get(year)
        if table is None:
            raise self._out_of_range(date(year, 1, 1))
        return table.source

    def covers(self, day: date) -> bool:
        return self._base <= day.toordinal() <= self._end


# -- the second source: chinesecalendar --------------------------------------


def chinesecalendar_table(year: int) -> YearTable | None:
    """The year from ``chinesecalendar``, or None when the package does not have it
    (it raises NotImplementedError for years without a State Council notice)."""
    import chinese_calendar

    try:
        chinese_calendar.is_workday(date(year, 7, 1))
    except NotImplementedError:
        return None
    rest = frozenset(d for d in chinese_calendar.holidays if d.year == year)
    work = frozenset(d for d in chinese_calendar.workdays if d.year == year)
    return YearTable(
        year=year,
        source=Source.CHINESECALENDAR,
        rest_days=rest,
        working_days=work,
        note=f"chinesecalendar {chinese_calendar_version()}",
    )


def chinese_calendar_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("chinesecalendar")
    except PackageNotFoundError:  # pragma: no cover - installed under its other name
        return version("chinese-calendar")


def calendar_from_sources(
    *,
    first_year: int,
    last_year: int,
    office: Mapping[int, YearTable] | None = None,
    extra_rest_days: Iterable[date] = (),
) -> BusinessCalendar:
    """A calendar over ``first_year``–``last_year``: each year from the office's
    table if it has the year, else ``chinesecalendar``, else provisional."""
    from gongkai.deadlines.provisional import provisional_table

    office = office or {}
    tables: list[YearTable] = []
    for year in range(first_year, last_year + 1):
        table = office.get(year) or chinesecalendar_table(year)
        tables.append(table if table is not None else provisional_table(year))
    return BusinessCalendar(tables, extra_rest_days=extra_rest_days)
