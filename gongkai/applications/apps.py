from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("依申请公开")

    def ready(self) -> None:
        from gongkai.applications.services import application_recompute_open_dues
        from gongkai.deadlines.services import HOLIDAY_YEAR_ENTERED_HOOKS

        if application_recompute_open_dues not in HOLIDAY_YEAR_ENTERED_HOOKS:
            HOLIDAY_YEAR_ENTERED_HOOKS.append(application_recompute_open_dues)
