from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "gongkai.portal"
    default_auto_field = "django.db.models.BigAutoField"
