from django.apps import AppConfig


class AnnualReportsConfig(AppConfig):
    name = "gongkai.annual_reports"
    default_auto_field = "django.db.models.BigAutoField"
