from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo data (``gongkai demo``): no models, only the loader and its command."""

    name = "gongkai.demo"
    verbose_name = _("演示数据")
