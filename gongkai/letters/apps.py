from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "gongkai.letters"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("答复与告知文书")
