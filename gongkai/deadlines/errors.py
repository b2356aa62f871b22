"""Errors of the calendar and the deadline engine (pure: no Django imports).

They are ``DomainError``s, so an interface shows their Chinese message as it is.
"""

from __future__ import annotations

from gongkai.core.errors import DomainError


class DeadlineError(DomainError):
    """Input the engine cannot compute a deadline from (say what and how to fix)."""

    code = "deadline_invalid"


class CalendarRangeError(DeadlineError):
    """A date outside the years the calendar was built for, or a year no source
    covers (before 2004, the first year ``chinesecalendar`` has)."""

    code = "calendar_out_of_range"


class HolidayTableError(DeadlineError):
    """A holiday table that contradicts itself (checked before it is stored)."""

    code = "holiday_table_invalid"
