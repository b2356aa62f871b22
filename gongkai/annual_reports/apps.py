from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnualReportsConfig(AppConfig):
    name = "gongkai.annual_reports"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("年度报告")

    def ready(self) -> None:
        from gongkai.annual_reports.statistics.appeals import register_appeal_collector
        from gongkai.annual_reports.statistics.publications import (
            register_publication_collectors,
        )

        register_appeal_collector()
        register_publication_collectors()
