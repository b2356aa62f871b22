"""Staff intake of applications received in person, by post, fax or e-mail: the
receipt date of 第三十一条 per channel, every problem beside its field, and nothing
typed lost."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.applications.tests.conftest import World
from gongkai.backoffice.tests.cases.helpers import field_block

pytestmark = pytest.mark.django_db

URL = "/staff/cases/new/"


def typed(world: World, **changes: Any) -> dict[str, Any]:
    data = {
        "organisation": world.county.pk,
        "applicant_type": "natural_person",
        "applicant_name": "李四",
        "id_type": "resident_id",
        "id_number": "110101199003074514",
        "phone": "13912345678",
        "email": "lisi@example.cn",
        "address": "河南省驻马店市示例县人民路1号",
        "form_wanted": "paper",
        "delivery": "post",
        "channel": "in_person",
        "submitted_on": "2025-03-04",
        "item_0_name": "示例县2024年城乡建设用地增减挂钩项目实施方案",
        "item_0_document_number": "示政〔2024〕12号",
        "item_0_description": "",
    }
    data.update(changes)
    return data


def test_the_url_name() -> None:
    assert reverse("backoffice:cases:intake") == URL


def test_office_registers_an_application_received_in_person(
    client: Client, world: World, set_today
) -> None:
    """第三十一条第（一）项: in person, the day of submission is the receipt date."""
    client.force_login(world.office)
    response = client.post(URL, typed(world), follow=True)
    case = Application.objects.get(applicant_name="李四")
    assert response.redirect_chain[-1][0] == f"/staff/cases/{case.pk}/"
    assert (case.channel, case.received_on) == ("in_person", date(2025, 3, 4))
    assert case.items.get().document_number == "示政〔2024〕12号"
    html = response.content.decode()
    assert case.tracking_number in html
    assert "查询码" in html  # shown once to pass on to the applicant
    assert case.events.get().actor == world.office


def test_an_ordinary_letter_needs_the_date_the_applicant_confirmed(
    client: Client, world: World, set_today
) -> None:
    """第三十一条第（二）项: an ordinary letter is received the day the applicant
    confirms it; without that date nothing is registered and all typed is kept."""
    client.force_login(world.office)
    data = typed(
        world, channel="ordinary_post", submitted_on="", arrived_on="2025-03-05"
    )
    response = client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "与申请人确认的日期" in field_block(html, "confirmed_on")
    assert 'value="李四"' in html
    assert 'value="示政〔2024〕12号"' in html
    assert 'value="2025-03-05"' in html
    assert not Application.objects.exists()

    data["confirmed_on"] = "2025-03-06"
    response = client.post(URL, data, follow=True)
    case = Application.objects.get()
    assert case.received_on == date(2025, 3, 6)
    assert "晚于到达当日" in response.content.decode()  # the warning of 第三十一条


def test_registered_post_is_received_the_day_it_is_signed_for(
    client: Client, world: World, set_today
) -> None:
    client.force_login(world.office)
    data = typed(
        world,
        channel="registered_post",
        submitted_on="2025-03-01",
        signed_for_on="2025-03-05",
    )
    assert client.post(URL, data).status_code == 302
    assert Application.objects.get().received_on == date(2025, 3, 5)


def test_content_problems_are_shown_beside_their_fields(
    client: Client, world: World, set_today
) -> None:
    """第二十九条: every problem at once, each beside its field."""
    client.force_login(world.office)
    data = typed(
        world,
        id_number="110101199003074515",
        item_0_name="",
        item_0_document_number="",
        item_0_description="所有文件",
    )
    response = client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "field-error" in field_block(html, "id_number")
    assert "field-error" in field_block(html, "item_0_description")
    assert "field-error" not in field_block(html, "applicant_name")
    assert 'value="110101199003074515"' in html
    assert "所有文件</textarea>" in html
    assert not Application.objects.exists()


def test_a_receipt_date_after_today_is_refused(
    client: Client, world: World, set_today
) -> None:
    client.force_login(world.office)
    response = client.post(URL, typed(world, submitted_on="2025-03-11"))
    assert response.status_code == 200
    assert "晚于今天" in response.content.decode()
    assert not Application.objects.exists()


def test_a_unit_clerk_registers_only_for_the_unit(
    client: Client, world: World, set_today
) -> None:
    client.force_login(world.clerk_a)
    response = client.post(URL, typed(world))
    assert "您不能为所选机关登记申请" in field_block(
        response.content.decode(), "organisation"
    )
    assert (
        client.post(URL, typed(world, organisation=world.unit_a.pk)).status_code == 302
    )
    assert Application.objects.get().organisation == world.unit_a


def test_the_leader_does_not_register(client: Client, world: World, set_today) -> None:
    client.force_login(world.leader)
    assert client.get(URL).status_code == 403
    assert client.post(URL, typed(world)).status_code == 403


def test_the_form_opens_with_today_and_the_clerks_organs(
    client: Client, world: World, set_today
) -> None:
    client.force_login(world.clerk_a)
    html = client.get(URL).content.decode()
    assert 'value="2025-03-10"' in field_block(html, "submitted_on")
    assert world.unit_a.name in html
    assert world.county.name not in field_block(html, "organisation")
    assert 'value="online"' not in field_block(html, "channel")  # the public form's
