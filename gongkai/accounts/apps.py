from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "gongkai.accounts"
    default_auto_field = "django.db.models.BigAutoField"
