"""The case list: filters, search, pagination; bad filter values are shown as
errors beside the filter, never a server error."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.applications.outcomes import Outcome
from gongkai.applications.services import (
    application_route,
    application_start,
    application_withdraw,
)
from gongkai.applications.tests.conftest import World
from gongkai.backoffice.cases.views import PAGE_SIZE

pytestmark = pytest.mark.django_db

URL = "/staff/cases/list/"


@pytest.fixture
def three(world: World, set_today) -> tuple[Application, Application, Application]:
    early = world.register(date(2025, 2, 3))
    middle = world.register(date(2025, 2, 17))
    late = world.register(date(2025, 3, 3))
    application_route(
        application=middle, unit=world.unit_a, actor=world.office, on=date(2025, 2, 17)
    )
    application_start(application=late, actor=world.office, on=date(2025, 3, 3))
    application_withdraw(application=late, on=date(2025, 3, 4), actor=world.office)
    Application.objects.filter(pk=early.pk).update(applicant_name="王五")
    return early, middle, late


def listed(client: Client, cases, **params) -> set[int]:
    html = client.get(URL, params).content.decode()
    return {i for i, c in enumerate(cases) if c.tracking_number in html}


def test_the_url_name() -> None:
    assert reverse("backoffice:cases:list") == URL


def test_filters(client: Client, world: World, three) -> None:
    client.force_login(world.office)
    assert listed(client, three) == {0, 1, 2}
    assert listed(client, three, status="routed") == {1}
    assert listed(client, three, status="open") == {0, 1}
    assert listed(client, three, unit=world.unit_a.pk) == {1}
    assert listed(client, three, outcome=Outcome.OTHER) == {2}
    assert listed(
        client, three, received_from="2025-02-10", received_to="2025-02-28"
    ) == {1}
    assert listed(client, three, q="王五") == {0}
    assert listed(client, three, q=three[2].tracking_number) == {2}


def test_bad_filter_values_are_errors_not_500(
    client: Client, world: World, three
) -> None:
    client.force_login(world.office)
    for params in (
        {"received_from": "2025-13-01"},
        {"received_from": "99999-01-01"},
        {"unit": "99999999999999999999"},
        {"unit": "abc"},
        {"status": "<script>"},
        {"received_from": "2025-03-01", "received_to": "2025-02-01"},
        {"page": "abc"},
        {"page": "99999999999999999999999"},
    ):
        response = client.get(URL, params)
        assert response.status_code == 200, params
    html = client.get(
        URL, {"received_from": "2025-03-01", "received_to": "2025-02-01"}
    ).content.decode()
    assert "截止日期早于起始日期" in html
    html = client.get(URL, {"unit": world.unit_b.pk + 1000}).content.decode()
    assert "所选单位不在您的范围内" in html


def test_a_clerk_cannot_filter_by_another_unit(
    client: Client, world: World, three
) -> None:
    client.force_login(world.clerk_a)
    html = client.get(URL, {"unit": world.unit_b.pk}).content.decode()
    assert "所选单位不在您的范围内" in html
    assert three[0].tracking_number not in html


def test_pagination_keeps_the_filters(client: Client, world: World, set_today) -> None:
    for _ in range(PAGE_SIZE + 2):
        world.register(date(2025, 3, 3))
    client.force_login(world.office)
    html = client.get(URL, {"status": "received"}).content.decode()
    assert "status=received&amp;page=2" in html
    page2 = client.get(URL, {"status": "received", "page": "2"}).content.decode()
    assert (
        page2.count('href="/staff/cases/') - page2.count('href="/staff/cases/list') >= 2
    )
