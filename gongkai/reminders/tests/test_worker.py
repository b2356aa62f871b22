"""``gongkai worker`` with the database backend really runs what is enqueued, and
``make run`` starts it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import override_settings
from django_tasks import TaskResultStatus, task_backends
from django_tasks_db.models import DBTaskResult

from gongkai.cli import main
from gongkai.reminders.models import ReminderRun
from gongkai.reminders.tasks import recompute_open_dues, send_due_reminders

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}
REPO = Path(__file__).resolve().parents[3]


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_the_worker_runs_an_enqueued_task_and_the_days_reminder(capsys) -> None:
    result = recompute_open_dues.enqueue(2025)
    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.READY

    assert main(["worker", "--once"]) == 0

    done = task_backends["default"].get_result(result.id)
    assert done.status == TaskResultStatus.SUCCESSFUL
    assert done.return_value == 0  # no open case to recompute
    run = ReminderRun.objects.get()  # enqueued at start, run by the same turn
    assert run.finished_at is not None
    reminder = DBTaskResult.objects.get(id=run.task_id)
    assert reminder.status == TaskResultStatus.SUCCESSFUL
    assert "已排入今天的到期提醒" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_a_failing_task_is_recorded_not_fatal_to_the_worker() -> None:
    result = send_due_reminders.enqueue("not a date")
    assert main(["worker", "--once"]) == 0
    failed = task_backends["default"].get_result(result.id)
    assert failed.status == TaskResultStatus.FAILED
    assert failed.errors


def test_make_run_starts_the_worker_beside_the_site_and_stops_it() -> None:
    recipe = (REPO / "Makefile").read_text("utf-8").split("\nrun:", 1)[1]
    recipe = recipe.split("\n\n", 1)[0]
    assert re.search(r"gongkai worker &", recipe)
    assert "trap" in recipe
    assert "kill" in recipe
    assert recipe.index("gongkai worker") < recipe.index("gongkai serve")
