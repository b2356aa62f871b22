from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gongkai.core"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("平台基础")

    def ready(self) -> None:
        from gongkai.core import checks, converters

        converters.register()
        checks.register()
