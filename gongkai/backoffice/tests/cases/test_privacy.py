"""Personal data masked on every case page; shown whole only to the staff handling
the case, on request, and every such view logged (privacy.personal_data_reveal)."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.applications.models import PersonalDataView
from gongkai.applications.services import application_route
from gongkai.applications.tests.conftest import World
from gongkai.backoffice.tests.cases.helpers import detail_url

pytestmark = pytest.mark.django_db

ID = "110101199003074514"
PHONE = "13800000000"
EMAIL = "zhangsan@example.cn"


@pytest.fixture
def case(world: World, set_today):
    case = world.register(date(2025, 3, 3))
    case.phone, case.email = PHONE, EMAIL  # whatever World.register gives
    type(case).objects.filter(pk=case.pk).update(phone=PHONE, email=EMAIL)
    application_route(
        application=case, unit=world.unit_a, actor=world.office, on=date(2025, 3, 3)
    )
    return case


def reveal_url(case) -> str:
    return reverse("backoffice:cases:reveal", args=[case.pk])


@pytest.mark.parametrize("who", ["office", "leader", "clerk_a"])
def test_the_list_and_the_case_page_mask_personal_data(
    client: Client, world: World, case, who: str
) -> None:
    client.force_login(getattr(world, who))
    for url in (reverse("backoffice:cases:list"), detail_url(case)):
        html = client.get(url).content.decode()
        assert "1101**********4514" in html, url
        for whole in (ID, PHONE, EMAIL):
            assert whole not in html, (url, whole)
    assert not PersonalDataView.objects.exists()


def test_the_handling_clerk_reveals_and_the_view_is_logged(
    client: Client, world: World, case
) -> None:
    client.force_login(world.clerk_a)
    html = client.get(detail_url(case)).content.decode()
    assert reveal_url(case) in html
    assert "查看完整信息" in html
    response = client.post(reveal_url(case))
    assert response.status_code == 200
    html = response.content.decode()
    assert ID in html
    assert PHONE in html
    assert EMAIL in html
    assert "本次查看已记录" in html
    view = PersonalDataView.objects.get()
    assert (view.user, view.application_id) == (world.clerk_a, case.pk)
    assert view.where == detail_url(case)


@pytest.mark.parametrize("who", ["leader", "clerk_b"])
def test_others_cannot_reveal(client: Client, world: World, case, who: str) -> None:
    client.force_login(getattr(world, who))
    if who == "leader":  # sees the case, but does not handle it
        assert reveal_url(case) not in client.get(detail_url(case)).content.decode()
    response = client.post(reveal_url(case))
    assert response.status_code == 403
    assert ID not in response.content.decode()
    assert not PersonalDataView.objects.exists()


def test_typed_html_is_shown_escaped(client: Client, world: World, set_today) -> None:
    case = world.register(date(2025, 3, 3))
    type(case).objects.filter(pk=case.pk).update(
        applicant_name="<script>alert(1)</script>"
    )
    client.force_login(world.office)
    for url in (reverse("backoffice:cases:list"), detail_url(case)):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
