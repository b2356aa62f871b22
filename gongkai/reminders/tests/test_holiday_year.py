"""Entering next year's holiday arrangement recomputes every open case (issue 7, the
clock: "recomputed on every open case when the year is entered"), as a task."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import override_settings

from gongkai.accounts.models import Role
from gongkai.accounts.tests.factories import StaffUserFactory
from gongkai.applications.services import (
    application_recompute_open_dues,
    application_withdraw,
)
from gongkai.applications.tests.conftest import World
from gongkai.deadlines.services import HOLIDAY_YEAR_ENTERED_HOOKS
from gongkai.reminders.tasks import enqueue_recompute_open_dues

pytestmark = pytest.mark.django_db

ADD = "/admin/deadlines/holidayyear/add/"


def _form(rest_days: str) -> dict[str, str]:
    return {
        "year": "2027",
        "notice_title": "国务院办公厅关于2027年部分节假日安排的通知",
        "notice_number": "国办发明电〔2026〕9号",
        "notice_date": "2026-12-22",
        "rest_days_text": rest_days,
        "working_days_text": "",
        "days-TOTAL_FORMS": "0",
        "days-INITIAL_FORMS": "0",
        "events-TOTAL_FORMS": "0",
        "events-INITIAL_FORMS": "0",
    }


def test_the_hook_enqueues_the_task_instead_of_running_in_the_request() -> None:
    assert enqueue_recompute_open_dues in HOLIDAY_YEAR_ENTERED_HOOKS
    assert application_recompute_open_dues not in HOLIDAY_YEAR_ENTERED_HOOKS


def test_entering_2027_makes_a_provisional_due_date_final_and_moves_it(
    world: World, client, django_capture_on_commit_callbacks
) -> None:
    # 第三十三条: 20 working days, the day of receipt not counted.  Received Sunday
    # 2026-12-20: 9 working days in December, then 2027 (not in chinesecalendar):
    # provisionally only 1 January (《全国年节及纪念日放假办法》) is a holiday, so
    # the 20th working day is Monday 2027-01-18.
    case = world.register(date(2026, 12, 20))
    closed = world.register(date(2026, 12, 20))
    application_withdraw(application=closed, on=date(2026, 12, 21), actor=world.office)
    case.refresh_from_db()
    assert (case.due_on, case.due_provisional) == (date(2027, 1, 18), True)

    # The State Council's arrangement gives 1 to 4 January off: one working day
    # fewer before the 18th, so the case is due Tuesday 2027-01-19, no longer
    # provisional.
    office = StaffUserFactory(role=Role.OFFICE_ADMIN, is_superuser=True)
    client.force_login(office)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(ADD, _form("2027-01-01 至 2027-01-04 元旦"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert len(callbacks) >= 1

    case.refresh_from_db()
    assert (case.due_on, case.due_provisional) == (date(2027, 1, 19), False)
    closed_before = closed.due_on
    closed.refresh_from_db()
    assert closed.due_on == closed_before  # a concluded case is not recomputed


@override_settings(
    TASKS={
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
)
def test_the_recomputation_waits_for_the_worker(
    world: World, django_capture_on_commit_callbacks
) -> None:
    from django_tasks import task_backends
    from django_tasks.backends.dummy import DummyBackend

    from gongkai.deadlines.services import holiday_year_enter

    case = world.register(date(2026, 12, 20))
    office = StaffUserFactory.create(role=Role.OFFICE_ADMIN, is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        holiday_year_enter(
            year=2027,
            notice_title="国务院办公厅关于2027年部分节假日安排的通知",
            notice_date=date(2026, 12, 22),
            rest_days=[(date(2027, 1, d), "元旦") for d in (1, 2, 3, 4)],
            working_days=[],
            actor=office,
        )
    backend = task_backends["default"]
    assert isinstance(backend, DummyBackend)
    queued = backend.results
    assert [(r.task.name, r.args) for r in queued] == [("recompute_open_dues", [2027])]
    case.refresh_from_db()
    assert case.due_provisional  # not yet: the worker has not run
