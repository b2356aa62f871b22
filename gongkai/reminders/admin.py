"""The reminder runs, read-only: when each day's reminder was enqueued and ran.
(The task results themselves are in django-tasks-db's admin.)"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.reminders.models import ReminderRun

if TYPE_CHECKING:
    _RunAdmin = admin.ModelAdmin[ReminderRun]
else:
    _RunAdmin = admin.ModelAdmin


@admin.register(ReminderRun)
class ReminderRunAdmin(_RunAdmin):
    list_display = ("day", "enqueued_at", "finished_at", "cases", "task_id")
    readonly_fields = ("day", "enqueued_at", "finished_at", "cases", "task_id")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
