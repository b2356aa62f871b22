"""Reads of the holiday table, and the calendar built from it."""

from __future__ import annotations

from datetime import date

from gongkai.deadlines.calendar import (
    BusinessCalendar,
    Source,
    YearTable,
    calendar_from_sources,
)
from gongkai.deadlines.models import FIRST_YEAR, DayKind, HolidayYear, RegionalHoliday
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import organisation_ancestors

#: Years after today's a calendar covers by default: a case received in December
#: with an extension and a consultation still ends within the next year.
YEARS_AHEAD = 2


def holiday_tables() -> dict[int, YearTable]:
    """Every year the office has entered, as the calendar's tables."""
    tables: dict[int, YearTable] = {}
    for entry in HolidayYear.objects.prefetch_related("days"):
        days = list(entry.days.all())
        tables[entry.year] = YearTable(
            year=entry.year,
            source=Source.OFFICE,
            rest_days=frozenset(d.date for d in days if d.kind == DayKind.REST),
            working_days=frozenset(d.date for d in days if d.kind == DayKind.WORK),
            note=" ".join(filter(None, (entry.notice_number, entry.notice_title))),
        )
    return tables


def regional_rest_days(*, organisation: Organisation) -> list[date]:
    """Regional rest days of the organ and of every organ above it."""
    above = organisation_ancestors(organisation=organisation)
    scope = [organisation.pk, *(o.pk for o in above)]
    return list(
        RegionalHoliday.objects.filter(organisation_id__in=scope)
        .values_list("date", flat=True)
        .distinct()
    )


def calendar_build(
    *,
    today: date,
    organisation: Organisation | None = None,
    first_year: int = FIRST_YEAR,
    last_year: int | None = None,
) -> BusinessCalendar:
    """The working-day calendar: each year from the office's table, else
    ``chinesecalendar``, else provisional; with the organ's regional rest days."""
    extra = regional_rest_days(organisation=organisation) if organisation else []
    return calendar_from_sources(
        first_year=first_year,
        last_year=last_year if last_year is not None else today.year + YEARS_AHEAD,
        office=holiday_tables(),
        extra_rest_days=extra,
    )
