"""The admin shows appeals read-only (every change goes through ``services``)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from gongkai.appeals.tests.factories import decided_case, filed
from gongkai.applications.tests.conftest import World

pytestmark = pytest.mark.django_db


def test_admin_lists_and_shows_appeals_read_only(admin_client, world: World) -> None:
    app = decided_case(world, date(2025, 3, 3), date(2025, 3, 20))
    appeal = filed(world, app, date(2025, 4, 1))
    listing = admin_client.get(reverse("admin:appeals_appeal_changelist"))
    assert listing.status_code == 200
    assert "示例市人民政府" in listing.content.decode()
    page = admin_client.get(reverse("admin:appeals_appeal_change", args=[appeal.pk]))
    assert page.status_code == 200
    assert admin_client.get(reverse("admin:appeals_appeal_add")).status_code == 403
