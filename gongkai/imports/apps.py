from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "gongkai.imports"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("报告导入")
