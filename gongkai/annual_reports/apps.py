from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnualReportsConfig(AppConfig):
    name = "gongkai.annual_reports"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("年度报告")
