"""The background tasks (django-tasks).  Each task is a thin call of a service.

- ``send_due_reminders``: once a day (enqueued by ``gongkai worker``'s scheduler,
  :mod:`gongkai.reminders.services`), notifies the staff of every open case due
  within ``GONGKAI_REMINDER_WORKING_DAYS`` working days or overdue, in the app and
  by e-mail; a case is reminded at most once a day however often it runs.
- ``email_applicant``: the e-mail to an applicant about a change of their case,
  queued after the change commits (``applications.services.APPLICANT_NOTICE_SENDERS``).
- ``recompute_open_dues``: enqueued when a holiday year is entered or replaced
  (``deadlines.services.HOLIDAY_YEAR_ENTERED_HOOKS``), recomputes the due date of
  every open case.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django_tasks import task

from gongkai.applications.services import (
    APPLICANT_NOTICE_SENDERS,
    application_recompute_open_dues,
    notify_applicant,
    notify_due_reminders,
)
from gongkai.core import clock
from gongkai.deadlines.services import HOLIDAY_YEAR_ENTERED_HOOKS
from gongkai.reminders.models import ReminderRun


@task()
def send_due_reminders(day: str = "") -> int:
    """Remind the staff of the cases due soon or overdue on ``day`` (ISO date;
    today when empty).  Returns how many cases were reminded."""
    today = date.fromisoformat(day) if day else clock.today()
    cases = notify_due_reminders(
        today=today, working_days=settings.GONGKAI_REMINDER_WORKING_DAYS
    )
    ReminderRun.objects.filter(day=today).update(finished_at=clock.now(), cases=cases)
    return cases


@task()
def email_applicant(application_id: int, kind: str) -> None:
    """E-mail the applicant about the change ``kind`` of their case (when they
    asked for delivery by e-mail; a failing mail server is logged)."""
    notify_applicant(application_id=application_id, kind=kind)


def enqueue_email_applicant(application_id: int, kind: str) -> None:
    email_applicant.enqueue(application_id, kind)


def applicant_notice_hook_install() -> None:
    """Send the applicants' e-mails from the worker, not in the request."""
    if enqueue_email_applicant not in APPLICANT_NOTICE_SENDERS:
        APPLICANT_NOTICE_SENDERS.append(enqueue_email_applicant)


@task()
def recompute_open_dues(year: int) -> int:
    """Recompute every open case's due date now that ``year`` is entered.  Returns
    how many due dates changed."""
    return application_recompute_open_dues(year)


def enqueue_recompute_open_dues(year: int) -> None:
    """The holiday-year hook: the recomputation runs in the worker, not in the
    request of the clerk who saved the year."""
    recompute_open_dues.enqueue(year)


def recompute_open_dues_hook_install() -> None:
    """Put the enqueueing hook in place of the applications app's direct one (which
    its ``AppConfig.ready`` appends; this app comes after it in INSTALLED_APPS)."""
    if application_recompute_open_dues in HOLIDAY_YEAR_ENTERED_HOOKS:
        HOLIDAY_YEAR_ENTERED_HOOKS.remove(application_recompute_open_dues)
    if enqueue_recompute_open_dues not in HOLIDAY_YEAR_ENTERED_HOOKS:
        HOLIDAY_YEAR_ENTERED_HOOKS.append(enqueue_recompute_open_dues)
