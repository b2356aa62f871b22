"""Each app has a name in the interface's language (the admin's index lists them)."""

from __future__ import annotations

from typing import cast

import pytest
from django.apps import apps
from django.test import Client
from django.utils import translation

from gongkai.accounts.models import User
from gongkai.accounts.tests.factories import UserFactory

APPS = ("core", "accounts", "orgs", "annual_reports", "imports", "portal", "backoffice")


@pytest.mark.parametrize("label", APPS)
def test_every_app_has_a_translated_name(label: str) -> None:
    config = apps.get_app_config(label)
    with translation.override("zh-hans"):
        chinese = str(config.verbose_name)
    with translation.override("en"):
        english = str(config.verbose_name)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese), chinese
    assert english.isascii()
    assert english != chinese


@pytest.mark.django_db
def test_admin_index_shows_chinese_app_names(client: Client) -> None:
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(cast(User, admin))
    html = client.get("/admin/").content.decode()
    for label in ("accounts", "orgs", "annual_reports", "imports"):
        assert str(apps.get_app_config(label).verbose_name) in html
    assert "Annual_Reports" not in html
    assert "Accounts</a>" not in html
