from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "gongkai.publications"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("主动公开")

    def ready(self) -> None:
        from gongkai.deadlines.services import HOLIDAY_YEAR_ENTERED_HOOKS
        from gongkai.publications.services import item_recompute_open_dues

        if item_recompute_open_dues not in HOLIDAY_YEAR_ENTERED_HOOKS:
            HOLIDAY_YEAR_ENTERED_HOOKS.append(item_recompute_open_dues)
