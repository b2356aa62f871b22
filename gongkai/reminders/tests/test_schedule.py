"""The daily reminder's schedule: at GONGKAI_REMINDER_TIME and once at the worker's
start, never twice for one day."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from gongkai.reminders.models import ReminderRun
from gongkai.reminders.services import reminder_enqueue_if_due, reminder_time

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(hour: int, minute: int = 0, day: int = 9) -> datetime:
    return datetime(2025, 6, day, hour, minute, tzinfo=SHANGHAI)


@override_settings(GONGKAI_REMINDER_TIME="08:30")
def test_the_reminder_waits_for_its_time_then_runs_once() -> None:
    assert reminder_enqueue_if_due(now=at(8, 29)) is None
    assert not ReminderRun.objects.exists()
    assert reminder_enqueue_if_due(now=at(8, 30)) is not None
    run = ReminderRun.objects.get()
    assert str(run.day) == "2025-06-09"
    assert run.finished_at is not None  # the immediate backend ran it
    assert run.cases == 0
    assert run.task_id
    assert reminder_enqueue_if_due(now=at(17, 0)) is None
    assert reminder_enqueue_if_due(now=at(9, 0), at_start=True) is None
    assert ReminderRun.objects.count() == 1
    assert reminder_enqueue_if_due(now=at(8, 30, day=10)) is not None
    assert ReminderRun.objects.count() == 2


@override_settings(GONGKAI_REMINDER_TIME="08:00")
def test_at_start_the_days_reminder_goes_out_if_not_yet_sent() -> None:
    assert reminder_enqueue_if_due(now=at(6, 0), at_start=True) is not None
    assert reminder_enqueue_if_due(now=at(8, 0)) is None  # already sent today


def test_the_day_is_the_local_day() -> None:
    # 2025-06-09 23:30 UTC is 2025-06-10 07:30 in Beijing
    late = datetime(2025, 6, 9, 23, 30, tzinfo=ZoneInfo("UTC"))
    reminder_enqueue_if_due(now=late, at_start=True)
    assert str(ReminderRun.objects.get().day) == "2025-06-10"


@pytest.mark.parametrize("value", ["8点", "25:00", ""])
def test_a_bad_reminder_time_is_explained(value: str) -> None:
    with (
        override_settings(GONGKAI_REMINDER_TIME=value),
        pytest.raises(ImproperlyConfigured, match="HH:MM"),
    ):
        reminder_time()
