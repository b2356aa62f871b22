"""API tokens: made once (only the hash kept), used, revoked; the ``gongkai token``
command and the admin."""

from __future__ import annotations

import contextlib
import io
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from gongkai.accounts.models import ApiToken, User
from gongkai.accounts.tests.factories import UserFactory
from gongkai.accounts.tokens import (
    ApiTokenError,
    api_token_authenticate,
    api_token_create,
    api_token_hash,
    api_token_revoke,
)
from gongkai.cli import main
from gongkai.core.errors import InvalidState

pytestmark = pytest.mark.django_db


def test_a_token_is_shown_once_and_only_its_hash_is_kept() -> None:
    user = UserFactory.create()
    created = api_token_create(user=user, name="档案系统")
    assert created.secret.startswith("gk_")
    assert len(created.secret) >= 40
    stored = ApiToken.objects.get()
    assert stored.key_hash == api_token_hash(created.secret)
    assert created.secret not in str(list(ApiToken.objects.values_list()))
    assert created.secret.startswith(stored.prefix)
    other = api_token_create(user=user, name="另一个系统")
    assert other.secret != created.secret


def test_a_token_authenticates_its_user_until_revoked() -> None:
    user = UserFactory.create()
    created = api_token_create(user=user, name="档案系统")
    now = timezone.now()
    assert api_token_authenticate(secret=created.secret, now=now) == user
    token = ApiToken.objects.get()
    assert token.last_used_at == now
    # used again within a minute: last_used_at is not written again
    assert api_token_authenticate(secret=created.secret, now=now + timedelta(seconds=5))
    token.refresh_from_db()
    assert token.last_used_at == now

    api_token_revoke(token=token, now=now)
    assert api_token_authenticate(secret=created.secret, now=now) is None
    with pytest.raises(InvalidState):
        api_token_revoke(token=token, now=now)


@pytest.mark.parametrize("secret", ["", "gk_", "gk_wrong", "nope", "gk_" + "a" * 500])
def test_anything_else_is_no_token(secret: str) -> None:
    api_token_create(user=UserFactory.create(), name="系统")
    assert api_token_authenticate(secret=secret, now=timezone.now()) is None


def test_an_inactive_user_gets_no_token_and_their_tokens_stop() -> None:
    user = UserFactory.create()
    created = api_token_create(user=user, name="系统")
    user.is_active = False
    user.save()
    assert api_token_authenticate(secret=created.secret, now=timezone.now()) is None
    with pytest.raises(ApiTokenError, match="已停用"):
        api_token_create(user=user, name="再来一个")


@pytest.mark.parametrize("name", ["", "   ", "长" * 101])
def test_a_token_needs_a_name(name: str) -> None:
    with pytest.raises(ApiTokenError):
        api_token_create(user=UserFactory.create(), name=name)


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["token", *args])
    return status, out.getvalue(), err.getvalue()


def test_gongkai_token_create_list_revoke() -> None:
    user = UserFactory.create(username="archive-bot")
    status, out, _ = _cli("create", "--user", "archive-bot", "--name", "档案系统")
    assert status == 0
    secret = out.strip().splitlines()[-1]
    assert api_token_authenticate(secret=secret, now=timezone.now()) == user

    status, out, _ = _cli("list", "--user", "archive-bot")
    assert status == 0
    assert "档案系统" in out
    assert secret not in out

    token = ApiToken.objects.get()
    assert _cli("revoke", str(token.pk))[0] == 0
    assert api_token_authenticate(secret=secret, now=timezone.now()) is None
    status, _, err = _cli("revoke", str(token.pk))
    assert status == 2
    assert "已" in err


def test_gongkai_token_refuses_an_unknown_user_or_token() -> None:
    status, _, err = _cli("create", "--user", "nobody", "--name", "x")
    assert status == 2
    assert "nobody" in err
    assert _cli("revoke", "999999")[0] == 2


def test_the_admin_makes_a_token_and_shows_it_once(admin_client: Client) -> None:
    user: User = UserFactory.create()
    response = admin_client.post(
        "/admin/accounts/apitoken/add/",
        {"user": user.pk, "name": "接口"},
        follow=True,
    )
    assert response.status_code == 200
    token = ApiToken.objects.get()
    shown = [str(m) for m in response.context["messages"]]
    secret = next(m for m in shown if "gk_" in m).split("：", 1)[1]
    assert api_token_hash(secret) == token.key_hash

    admin_client.post(
        "/admin/accounts/apitoken/",
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    token.refresh_from_db()
    assert token.revoked
