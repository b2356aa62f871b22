"""The daily reminder's schedule (django-tasks has no periodic tasks), and marking
in-app notifications read.

``gongkai worker`` calls :func:`reminder_enqueue_if_due` on every turn of its loop:
once at start, and then whenever the local time has reached
``GONGKAI_REMINDER_TIME``, it enqueues ``send_due_reminders`` for today unless
today's run is already recorded.  The run is claimed by inserting the day's
:class:`ReminderRun` (unique day) in the same transaction as the enqueue, so two
workers or a restart never enqueue it twice; and ``notify_due_reminders`` itself
skips a case already reminded that day, so even a manual second run sends nothing
twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.accounts.models import User
from gongkai.applications.models import Notification
from gongkai.reminders.models import ReminderRun
from gongkai.reminders.tasks import send_due_reminders


def reminder_time() -> time:
    """``GONGKAI_REMINDER_TIME`` ("HH:MM", local time)."""
    value = settings.GONGKAI_REMINDER_TIME
    try:
        return time.fromisoformat(value)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"GONGKAI_REMINDER_TIME={value!r} 无效：请写成 24 小时制的 HH:MM，例如 08:00"
        ) from exc


def reminder_enqueue_if_due(*, now: datetime, at_start: bool = False) -> str | None:
    """Enqueue today's reminder run if it is due and not yet claimed: at the
    configured time, or at the worker's start.  Returns the task's id, or None."""
    local = timezone.localtime(now)
    if not at_start and local.time() < reminder_time():
        return None
    day = local.date()
    if ReminderRun.objects.filter(day=day).exists():
        return None
    try:
        with transaction.atomic():
            run = ReminderRun.objects.create(day=day)
            result = send_due_reminders.enqueue(day.isoformat())
            ReminderRun.objects.filter(pk=run.pk).update(task_id=str(result.id))
    except IntegrityError:
        return None  # another worker claimed the day first
    return str(result.id)


def notification_mark_read(*, user: User, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications ``ids`` (all of them when None) as read; another
    user's notification is left alone.  Returns how many changed."""
    notifications = Notification.objects.filter(user=user, read=False)
    if ids is not None:
        notifications = notifications.filter(pk__in=list(ids))
    return notifications.update(read=True, updated_at=timezone.now())
