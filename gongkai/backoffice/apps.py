from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    name = "gongkai.backoffice"
    default_auto_field = "django.db.models.BigAutoField"
