from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    name = "gongkai.backoffice"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("工作人员后台")
