"""Reads of disclosure applications: staff lists, the public look-up, the
dashboard, the calendar a case is counted in, and the report's statistics.

The report statistics (``application_counts_for_report``) are plain dicts keyed by
plain codes (``outcomes``): ``annual_reports`` maps them to cells.  They are counted
by the database (GROUP BY), two queries whatever the number of cases.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Max, Q, QuerySet

from gongkai.accounts.scope import AnyUser
from gongkai.applications.models import Application
from gongkai.applications.outcomes import (
    ROW_CARRIED_FORWARD,
    ROW_CARRIED_OVER,
    ROW_NEW,
    ApplicantType,
    Outcome,
)
from gongkai.applications.permissions import visible_applications
from gongkai.applications.status import OPEN
from gongkai.deadlines.calendar import BusinessCalendar
from gongkai.deadlines.models import HolidayYear, RegionalHoliday
from gongkai.deadlines.selectors import calendar_build
from gongkai.orgs.models import Organisation

# -- the calendar -------------------------------------------------------------
_CALENDARS: dict[tuple[Any, ...], BusinessCalendar] = {}


def _holiday_stamp() -> tuple[Any, ...]:
    """What changes whenever the holiday table does (one query)."""
    row = HolidayYear.objects.aggregate(
        n_years=Count("pk", distinct=True),
        changed_at=Max("updated_at"),
        n_days=Count("days", distinct=True),
        last_day=Max("days__pk"),
    )
    regional = RegionalHoliday.objects.aggregate(n=Count("pk"), at=Max("updated_at"))
    return (*row.values(), *regional.values())


def application_calendar(
    *, organisation: Organisation, today: date
) -> BusinessCalendar:
    """The organ's working-day calendar, built once per process and rebuilt when the
    holiday table changes (``deadlines.selectors.calendar_build`` rebuilds on every
    call)."""
    key = (organisation.pk, today.year, _holiday_stamp())
    calendar = _CALENDARS.get(key)
    if calendar is None:
        if len(_CALENDARS) > 256:
            _CALENDARS.clear()
        calendar = calendar_build(today=today, organisation=organisation)
        _CALENDARS[key] = calendar
    return calendar


def calendar_cache_clear() -> None:
    _CALENDARS.clear()


# -- staff and public ----------------------------------------------------------
def application_list_for_staff(
    *, user: AnyUser, status: Collection[str] | None = None
) -> QuerySet[Application]:
    """The cases the user may see (a unit's staff: their unit's; the office: its
    whole jurisdiction), newest first."""
    qs = visible_applications(user).select_related("organisation", "unit")
    if status is not None:
        qs = qs.filter(status__in=list(status))
    return qs.order_by("-received_on", "-pk")


def query_code_hash(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


def application_get_by_query(
    *, tracking_number: str, query_code: str
) -> Application | None:
    """The case with this 受理编号, if the 查询码 matches (compared in constant
    time); None otherwise (the caller answers 404 either way)."""
    application = (
        Application.objects.select_related("organisation")
        .filter(tracking_number=tracking_number.strip())
        .first()
    )
    if application is None:
        hmac.compare_digest(query_code_hash(query_code), "0" * 64)
        return None
    if not hmac.compare_digest(
        query_code_hash(query_code), application.query_code_hash
    ):
        return None
    return application


@dataclass(frozen=True)
class UnitDashboard:
    unit_id: int | None
    due_today: list[Application]
    due_soon: list[Application]  # within 5 working days, not today
    overdue: list[Application]


def application_dashboard(
    *,
    user: AnyUser,
    today: date,
    calendar: BusinessCalendar,
    soon_working_days: int = 5,
) -> dict[int | None, UnitDashboard]:
    """Open cases the user may see, per unit: due today, due within
    ``soon_working_days`` working days, overdue (one query)."""
    horizon = calendar.add_working_days(today, soon_working_days)
    cases = (
        visible_applications(user)
        .filter(status__in=[s.value for s in OPEN], due_on__lte=horizon)
        .select_related("unit")
        .order_by("due_on", "pk")
    )
    out: dict[int | None, UnitDashboard] = {}
    for case in cases:
        board = out.setdefault(case.unit_id, UnitDashboard(case.unit_id, [], [], []))
        if case.due_on is None:  # excluded by the filter
            continue
        if case.due_on < today:
            board.overdue.append(case)
        elif case.due_on == today:
            board.due_today.append(case)
        else:
            board.due_soon.append(case)
    return out


# -- the annual report ---------------------------------------------------------
def _year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _received(start: date) -> Q:
    return Q(received_on__lt=start) & (
        Q(decided_on__isnull=True) | Q(decided_on__gte=start)
    )


def application_counts_for_report(
    *, organisation_ids: Collection[int], year: int
) -> dict[tuple[str, str], int]:
    """Section 三 of ``year`` for the cases addressed to ``organisation_ids``, keyed
    by (row code, applicant type code):

    - ``new``: received in the year (一、本年新收);
    - ``carried_over``: received before the year, not concluded before it
      (二、上年结转);
    - ``carried_forward``: received by 31 December, not concluded by then
      (四、结转下年度继续办理);
    - each outcome code: concluded (``decided_on``) in the year.

    One query, one pass over the cases that count in the year.  Every applicant
    type and outcome the constraints allow is named, so that with the organ they are
    equality look-ups of an index on (organisation, applicant_type, outcome,
    received_on, decided_on) read in its order: the GROUP BY needs no sort (SQLite
    sorts otherwise), and the counts (of ``received_on``, never null) need no
    column outside that index.  The
    per-organ groups are summed here.  A missing key counts zero."""
    start, end = _year_bounds(year)
    rows = (
        Application.objects.filter(
            organisation_id__in=list(organisation_ids),
            applicant_type__in=ApplicantType.values,
            outcome__in=["", *Outcome.values],
            received_on__lte=end,
        )
        .filter(Q(decided_on__isnull=True) | Q(decided_on__gte=start))
        .values_list("organisation_id", "applicant_type", "outcome")
        .annotate(
            new=Count("received_on", filter=Q(received_on__gte=start)),
            carried_over=Count("received_on", filter=Q(received_on__lt=start)),
            carried_forward=Count(
                "received_on",
                filter=Q(decided_on__isnull=True) | Q(decided_on__gt=end),
            ),
            decided=Count("received_on", filter=Q(decided_on__lte=end)),
        )
        .order_by()
    )
    out: dict[tuple[str, str], int] = {}
    for _, applicant, outcome, new, over, forward, decided in rows:
        for key, n in (
            ((ROW_NEW, applicant), new),
            ((ROW_CARRIED_OVER, applicant), over),
            ((ROW_CARRIED_FORWARD, applicant), forward),
            ((outcome, applicant), decided),
        ):
            if n:
                out[key] = out.get(key, 0) + n
    return out


def application_ids_for_cell(
    *, organisation_ids: Collection[int], year: int, row: str, applicant_type: str
) -> list[int]:
    """The ids of the cases one cell of section 三 counts (the same conditions as
    :func:`application_counts_for_report`)."""
    start, end = _year_bounds(year)
    qs = Application.objects.filter(
        organisation_id__in=list(organisation_ids), applicant_type=applicant_type
    )
    if row == ROW_NEW:
        qs = qs.filter(received_on__gte=start, received_on__lte=end)
    elif row == ROW_CARRIED_OVER:
        qs = qs.filter(_received(start))
    elif row == ROW_CARRIED_FORWARD:
        qs = qs.filter(received_on__lte=end).filter(
            Q(decided_on__isnull=True) | Q(decided_on__gt=end)
        )
    elif row in Outcome.values:
        qs = qs.filter(outcome=row, decided_on__gte=start, decided_on__lte=end)
    else:
        raise KeyError(row)
    return list(qs.order_by("pk").values_list("pk", flat=True))
