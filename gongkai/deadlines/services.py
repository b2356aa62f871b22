"""Writes to the holiday table.  ``holiday_year_enter`` is the only writer of a year:
it checks the days, replaces the year's rows, records one ``HolidayYearEvent`` and,
on commit, runs the hooks that recompute open cases."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from django.db import transaction

from gongkai.accounts.models import Role, User
from gongkai.core.errors import PermissionDenied
from gongkai.deadlines.errors import HolidayTableError
from gongkai.deadlines.models import (
    FIRST_YEAR,
    LAST_YEAR,
    DayKind,
    HolidayDay,
    HolidayYear,
    HolidayYearEvent,
)
from gongkai.deadlines.tables import year_table_check

#: Called with the year once a year is entered or replaced (after commit), by
#: ``holiday_year_enter``.  This is where "recompute the due dates of every open case
#: when the year is entered" hooks in: no cases exist yet, and the applications app
#: appends its recompute function here in its ``AppConfig.ready()``, e.g.
#: ``HOLIDAY_YEAR_ENTERED_HOOKS.append(applications_recompute_deadlines)``.
HOLIDAY_YEAR_ENTERED_HOOKS: list[Callable[[int], object]] = []


def can_enter_holidays(user: User) -> bool:
    """The national arrangement is entered by a superuser or a 公开办管理员."""
    return user.is_authenticated and (
        user.is_superuser or user.memberships.filter(role=Role.OFFICE_ADMIN).exists()
    )


def _days_payload(days: Sequence[tuple[date, str]]) -> list[list[str]]:
    return [[d.isoformat(), name] for d, name in sorted(days)]


def _holiday_year_entered(year: int) -> None:
    for hook in HOLIDAY_YEAR_ENTERED_HOOKS:
        hook(year)


@transaction.atomic
def holiday_year_enter(
    *,
    year: int,
    notice_title: str,
    notice_date: date,
    rest_days: Sequence[tuple[date, str]],
    working_days: Sequence[tuple[date, str]],
    actor: User,
    notice_number: str = "",
) -> HolidayYear:
    """Enter (or replace) the State Council's arrangement for ``year``."""
    if not can_enter_holidays(actor):
        raise PermissionDenied("只有公开办管理员可以录入节假日安排")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise HolidayTableError(
            f"年份 {year} 超出范围：请填写 {FIRST_YEAR} 至 {LAST_YEAR} 之间的年份"
        )
    if not notice_title.strip():
        raise HolidayTableError(
            f"请填写通知标题，例如「国务院办公厅关于{year}年部分节假日安排的通知」"
        )
    year_table_check(year=year, rest_days=rest_days, working_days=working_days)
    entry = HolidayYear.objects.select_for_update().filter(year=year).first()
    before = None
    if entry is not None:
        before = {
            "rest": _days_payload(
                [(d.date, d.name) for d in entry.days.filter(kind=DayKind.REST)]
            ),
            "work": _days_payload(
                [(d.date, d.name) for d in entry.days.filter(kind=DayKind.WORK)]
            ),
        }
        entry.days.all().delete()
    else:
        entry = HolidayYear(year=year)
    entry.notice_title = notice_title.strip()
    entry.notice_number = notice_number.strip()
    entry.notice_date = notice_date
    entry.save()
    HolidayDay.objects.bulk_create(
        [
            *(
                HolidayDay(holiday_year=entry, date=d, kind=DayKind.REST, name=n)
                for d, n in rest_days
            ),
            *(
                HolidayDay(holiday_year=entry, date=d, kind=DayKind.WORK, name=n)
                for d, n in working_days
            ),
        ]
    )
    HolidayYearEvent.objects.create(
        holiday_year=entry,
        actor=actor,
        action="deadlines.holiday_year_replaced"
        if before
        else "deadlines.holiday_year_entered",
        payload={
            "year": year,
            "notice": entry.notice_number or entry.notice_title,
            "before": before,
            "after": {
                "rest": _days_payload(rest_days),
                "work": _days_payload(working_days),
            },
        },
    )
    transaction.on_commit(lambda: _holiday_year_entered(year))
    return entry
