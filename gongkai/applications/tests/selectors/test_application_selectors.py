"""Staff lists, the dashboard and the report statistics."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.accounts.models import Role
from gongkai.applications import services as s
from gongkai.applications.models import Application
from gongkai.applications.outcomes import ApplicantType, Outcome
from gongkai.applications.selectors import (
    application_calendar,
    application_counts_for_report,
    application_dashboard,
    application_ids_for_cell,
    application_list_for_staff,
)
from gongkai.applications.status import Status
from gongkai.applications.tests.conftest import World
from gongkai.applications.tests.factories import ApplicationFactory, staff

pytestmark = pytest.mark.django_db


def test_staff_see_their_units_cases_and_the_office_all(world: World) -> None:
    a = world.register(date(2025, 1, 20))
    b = world.register(date(2025, 1, 20))
    s.application_route(
        application=a, unit=world.unit_a, actor=world.office, on=date(2025, 1, 20)
    )
    s.application_route(
        application=b, unit=world.unit_b, actor=world.office, on=date(2025, 1, 20)
    )
    assert list(application_list_for_staff(user=world.clerk_a)) == [a]
    assert list(application_list_for_staff(user=world.clerk_b)) == [b]
    assert set(application_list_for_staff(user=world.office)) == {a, b}
    outsider = staff(
        world.unit_a.__class__.objects.create(name="别县政府"), Role.OFFICE_ADMIN
    )
    assert not application_list_for_staff(user=outsider).exists()


def test_dashboard_due_today_soon_overdue(world: World) -> None:
    cal = application_calendar(organisation=world.county, today=date(2025, 3, 3))
    today = date(2025, 3, 3)
    due = {
        "today": today,
        "soon": cal.add_working_days(today, 3),
        "overdue": date(2025, 2, 28),
        "later": cal.add_working_days(today, 9),
    }
    cases = {
        k: ApplicationFactory.create(
            organisation=world.county,
            unit=world.unit_a,
            due_on=d,
            status=Status.IN_PROGRESS,
        )
        for k, d in due.items()
    }
    board = application_dashboard(user=world.clerk_a, today=today, calendar=cal)[
        world.unit_a.pk
    ]
    assert board.due_today == [cases["today"]]
    assert board.due_soon == [cases["soon"]]
    assert board.overdue == [cases["overdue"]]


def _make(world: World, n: int) -> None:
    types = list(ApplicantType.values)
    outcomes = list(Outcome.values)
    for i in range(n):
        received = date(2024 + i % 2, 1 + i % 12, 1 + i % 28)
        decided = None if i % 5 == 0 else date(2025, 1 + i % 12, 28)
        if decided is not None and decided < received:
            decided = received
        ApplicationFactory.create(
            organisation=world.county,
            applicant_type=types[i % len(types)],
            received_on=received,
            decided_on=decided,
            outcome="" if decided is None else outcomes[i % len(outcomes)],
            status=Status.IN_PROGRESS if decided is None else Status.DECIDED,
        )


def _independent(year: int) -> dict[tuple[str, str], int]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    out: dict[tuple[str, str], int] = {}

    def add(key: tuple[str, str]) -> None:
        out[key] = out.get(key, 0) + 1

    for a in Application.objects.all():
        if start <= a.received_on <= end:
            add(("new", a.applicant_type))
        if a.received_on < start and (a.decided_on is None or a.decided_on >= start):
            add(("carried_over", a.applicant_type))
        if a.received_on <= end and (a.decided_on is None or a.decided_on > end):
            add(("carried_forward", a.applicant_type))
        if a.decided_on is not None and start <= a.decided_on <= end:
            add((a.outcome, a.applicant_type))
    return out


def test_counts_equal_an_independent_count(world: World) -> None:
    _make(world, 120)
    for year in (2024, 2025):
        counts = application_counts_for_report(
            organisation_ids=[world.county.pk], year=year
        )
        assert counts == _independent(year)
        for (row, applicant), n in counts.items():
            ids = application_ids_for_cell(
                organisation_ids=[world.county.pk],
                year=year,
                row=row,
                applicant_type=applicant,
            )
            assert len(ids) == n


def test_counts_balance_per_column(world: World) -> None:
    """The table's corner note: 一 + 二 = 三(七) + 四, per column."""
    _make(world, 90)
    counts = application_counts_for_report(
        organisation_ids=[world.county.pk], year=2025
    )
    for t in ApplicantType.values:
        concluded = sum(counts.get((o, t), 0) for o in Outcome.values)
        assert counts.get(("new", t), 0) + counts.get(("carried_over", t), 0) == (
            concluded + counts.get(("carried_forward", t), 0)
        )


@pytest.mark.parametrize("n", [3, 60])
def test_counts_take_one_query_whatever_the_number_of_cases(
    world: World, django_assert_num_queries, n: int
) -> None:
    _make(world, n)
    with django_assert_num_queries(1):
        application_counts_for_report(organisation_ids=[world.county.pk], year=2025)
