"""Who calls a staff operation: a staff system with an API token
(``Authorization: Bearer <token>``, made with ``gongkai token create``), or a
person signed in to the site in a browser (the session, with Django's CSRF check on
every unsafe method, as the site's own forms have).

A request that presents a token is judged by the token alone: a wrong or revoked
token is a 401 even if the browser also sends a session cookie."""

from __future__ import annotations

from typing import Any, Final

from django.conf import settings
from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from gongkai.accounts.models import User
from gongkai.accounts.tokens import api_token_authenticate
from gongkai.api.errors import ApiError
from gongkai.core import clock

REFUSED: Final = (
    "API 令牌无效或已被吊销：请检查请求头 Authorization: Bearer <令牌>，"
    "或请管理员用 gongkai token create 重新生成"
)
CSRF_FAILED: Final = (
    "CSRF 校验失败：在浏览器中以登录身份提交时，请在请求头 X-CSRFToken 中附上 "
    "csrftoken Cookie 的值；工作系统请改用 API 令牌"
)


class TokenAuth(HttpBearer):
    """``Authorization: Bearer gk_…``: the token's user."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = api_token_authenticate(secret=token, now=clock.now())
        if user is None:
            raise ApiError(REFUSED, code="unauthorized")
        request.user = user
        return user


class SessionCsrfAuth(APIKeyCookie):
    """The signed-in user of the site; unsafe methods must pass Django's CSRF
    check (the browser's session cookie alone is not enough)."""

    param_name: str = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = request.user
        if not user.is_authenticated:
            return None
        if check_csrf(request) is not None:
            raise ApiError(CSRF_FAILED, code="permission_denied")
        return user


#: The ``auth`` of every staff operation.
STAFF_AUTH: Final = [TokenAuth(), SessionCsrfAuth()]
