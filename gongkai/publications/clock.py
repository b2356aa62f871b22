"""The publication clock of 第二十六条: an item of 主动公开 is published within 20
working days of the day it was formed or changed (形成或者变更之日), counted on the
working-day calendar of the applications workflow (the start day not counted)."""

from __future__ import annotations

from datetime import date

from gongkai.applications.selectors import application_calendar
from gongkai.deadlines.calendar import BusinessCalendar, Deadline
from gongkai.deadlines.errors import DeadlineError
from gongkai.deadlines.rules import PeriodKind, period
from gongkai.orgs.models import Organisation

ARTICLE = "《政府信息公开条例》第二十六条"


def publish_deadline(*, formed_on: date, calendar: BusinessCalendar) -> Deadline:
    """The last day to publish (pure: the calendar is passed in)."""
    days = period(PeriodKind.PROACTIVE_DISCLOSURE, on=formed_on).working_days
    return calendar.deadline(formed_on, days)


def item_publish_due(
    *, organisation: Organisation, formed_on: date, today: date
) -> Deadline | None:
    """The organ's deadline for information formed or changed on ``formed_on``;
    None when no calendar covers the date (before 2004, or far ahead)."""
    calendar = application_calendar(
        organisation=organisation, today=max(today, formed_on)
    )
    try:
        return publish_deadline(formed_on=formed_on, calendar=calendar)
    except DeadlineError:
        return None
