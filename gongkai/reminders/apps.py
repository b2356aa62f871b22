from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    """Background work: the daily due-date reminder and the recomputation of open
    cases when a holiday year is entered, as django-tasks tasks."""

    name = "gongkai.reminders"
    label = "reminders"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("提醒与后台任务")

    def ready(self) -> None:
        from gongkai.reminders.tasks import (
            applicant_notice_hook_install,
            recompute_open_dues_hook_install,
        )

        recompute_open_dues_hook_install()
        applicant_notice_hook_install()
