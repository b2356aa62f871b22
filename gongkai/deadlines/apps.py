from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "gongkai.deadlines"
    label = "deadlines"
    verbose_name = "工作日与期限"
    default_auto_field = "django.db.models.BigAutoField"
