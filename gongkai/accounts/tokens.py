"""API tokens of staff systems: made, used and revoked only here.

A token is ``gk_`` and 43 random URL-safe characters (256 bits); the database keeps
its SHA-256 (a token has far too much entropy for a slow hash to matter), looked up
through a unique index.  The token itself is returned once, by
:func:`api_token_create`, and never stored.  Times are passed in by the caller
(``core.clock``): nothing here reads the clock.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from django.db import transaction

from gongkai.accounts.models import ApiToken, User
from gongkai.core.errors import DomainError, InvalidState

TOKEN_PREFIX: Final = "gk_"  # noqa: S105 - a marker, not a secret
#: Longest token text looked at (a real one is 46 characters).
MAX_TOKEN_LENGTH: Final = 200
#: ``last_used_at`` is written at most this often per token (one UPDATE, not one
#: per request).
LAST_USED_RESOLUTION: Final = timedelta(minutes=1)


class ApiTokenError(DomainError):
    code = "api_token_invalid"


@dataclass(frozen=True)
class CreatedToken:
    token: ApiToken
    secret: str  # shown once; only its hash is kept


def api_token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str) -> CreatedToken:
    """A new token for ``user`` (who must be active)."""
    name = name.strip()
    if not name:
        raise ApiTokenError("请填写令牌名称，例如使用它的系统名称")
    if len(name) > 100:
        raise ApiTokenError("令牌名称不能超过 100 个字符")
    if not user.is_active:
        raise ApiTokenError(f"用户「{user.username}」已停用，不能为其生成令牌")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        key_hash=api_token_hash(secret),
    )
    return CreatedToken(token, secret)


@transaction.atomic
def api_token_revoke(*, token: ApiToken, now: datetime) -> ApiToken:
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise InvalidState(f"令牌「{token.name}」已于 {token.revoked_at:%Y-%m-%d} 吊销")
    token.revoked_at = now
    token.save(update_fields=["revoked_at", "updated_at"])
    return token


def api_token_authenticate(*, secret: str, now: datetime) -> User | None:
    """The active user of an unrevoked token, or None.  Records when the token was
    last used (at most once per ``LAST_USED_RESOLUTION``)."""
    secret = secret.strip()
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > MAX_TOKEN_LENGTH:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=api_token_hash(secret), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    last = token.last_used_at
    if last is None or now - last >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
