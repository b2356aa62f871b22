"""System checks of gongkai's own (``manage.py check``; also run by ``migrate``,
``runserver`` and, for the security tag, by the WSGI application at start-up)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from django.apps import AppConfig
from django.conf import settings
from django.core import checks

#: The key earlier versions fell back to when GONGKAI_SECRET_KEY was not set.  Anybody
#: can read it here, so a site that signs its sessions with it can be forged.
DEVELOPMENT_SECRET_KEY: Final = "dev-insecure-change-me"  # noqa: S105


def check_secret_key(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """A development key is refused unless DEBUG is on."""
    if settings.DEBUG or settings.SECRET_KEY != DEVELOPMENT_SECRET_KEY:
        return []
    return [
        checks.Error(
            "SECRET_KEY 是公开的开发用密钥，不能在 DEBUG 关闭时使用 "
            "(SECRET_KEY is a published development key).",
            hint=(
                "请把环境变量 GONGKAI_SECRET_KEY 设为一个随机的长字符串，例如 "
                "python -c 'from django.core.management.utils import "
                "get_random_secret_key as k; print(k())' 的输出；"
                "或者在开发时设置 GONGKAI_DEBUG=true。"
            ),
            id="gongkai.E001",
        )
    ]


def register() -> None:
    checks.register(check_secret_key, checks.Tags.security)
