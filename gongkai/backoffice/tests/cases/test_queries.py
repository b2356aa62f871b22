"""The dashboard, the list and the case page ask as many queries for many cases as
for few (CaptureQueriesContext, as ``backoffice/tests/test_dashboard_queries.py``)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.accounts.models import User
from gongkai.applications.models import Application
from gongkai.applications.services import (
    application_consult,
    application_route,
    application_start,
)
from gongkai.applications.tests.conftest import World
from gongkai.backoffice.tests.cases.helpers import detail_url, due_on

pytestmark = pytest.mark.django_db


def count(client: Client, user: User, url: str) -> tuple[int, str]:
    client.force_login(user)
    client.get(url)  # warm the per-process calendar cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries), response.content.decode()


def add_cases(world: World, n: int, start: date) -> list[Application]:
    """``n`` cases received a day apart, alternately routed to unit A and B."""
    out = []
    for i in range(n):
        day = start + timedelta(days=i)
        case = world.register(day)
        unit = world.unit_a if i % 2 else world.unit_b
        application_route(application=case, unit=unit, actor=world.office, on=day)
        out.append(case)
    return out


@pytest.mark.parametrize("who", ["office", "leader", "clerk_a"])
@pytest.mark.parametrize("name", ["dashboard", "list"])
def test_many_cases_take_as_many_queries_as_few(
    client: Client, world: World, set_today, who: str, name: str
) -> None:
    set_today(date(2025, 3, 10))
    url = reverse(f"backoffice:cases:{name}")
    user = getattr(world, who)
    add_cases(world, 2, date(2025, 2, 3))
    few, _ = count(client, user, url)
    add_cases(world, 20, date(2025, 2, 5))
    many, _html = count(client, user, url)
    assert many == few, (few, many)
    assert few <= 12


def test_the_case_page_takes_as_many_queries_for_a_long_file(
    client: Client, world: World, set_today
) -> None:
    """The same status and panels; five items, six consultations and their events
    against one of each."""
    short = world.register(date(2025, 3, 3), items=1)
    long = world.register(date(2025, 3, 3), items=5)
    for case, consultations in ((short, 1), (long, 6)):
        application_route(
            application=case, unit=world.unit_a, actor=world.office, on=date(2025, 3, 3)
        )
        application_start(application=case, actor=world.clerk_a, on=date(2025, 3, 3))
        for i in range(consultations):
            application_consult(
                application=case,
                party_kind="third_party",
                party_name=f"第三方{i}",
                sent_on=date(2025, 3, 4),
                actor=world.clerk_a,
            )
    short_count, _ = count(client, world.clerk_a, detail_url(short))
    long_count, html = count(client, world.clerk_a, detail_url(long))
    assert "第三方5" in html
    assert long_count == short_count


def _cell(html: str, cls: str, end: str) -> str:
    start = html.index(f'class="{cls}"')
    return html[start : html.index(end, start)]


def test_the_dashboard_sorts_cases_by_due_date(
    client: Client, world: World, set_today
) -> None:
    """Overdue, due today and due within 5 working days, per unit; a case due later
    is only counted as open."""
    (overdue,) = add_cases(world, 1, date(2025, 2, 3))
    (soon,) = add_cases(world, 1, date(2025, 2, 14))
    (later,) = add_cases(world, 1, date(2025, 3, 7))
    soon_due = due_on(soon)
    # the working day before ``soon`` is due (no holidays in February–March 2025)
    today = soon_due - timedelta(days=3 if soon_due.weekday() == 0 else 1)
    set_today(today)
    assert due_on(overdue) < today < soon_due < due_on(later)
    client.force_login(world.office)
    html = client.get(reverse("backoffice:cases:dashboard")).content.decode()
    assert overdue.tracking_number in _cell(html, "overdue", 'class="due-today"')
    assert soon.tracking_number in _cell(html, "due-soon", "</tr>")
    assert later.tracking_number not in html
    assert "未办结 3 件" in html

    set_today(soon_due)
    html = client.get(reverse("backoffice:cases:dashboard")).content.decode()
    assert soon.tracking_number in _cell(html, "due-today", 'class="due-soon"')


def test_a_provisional_due_date_is_marked(
    client: Client, world: World, set_today
) -> None:
    case = world.register(date(2025, 3, 3))
    Application.objects.filter(pk=case.pk).update(due_provisional=True)
    client.force_login(world.office)
    for url in (reverse("backoffice:cases:list"), detail_url(case)):
        assert "暂定" in client.get(url).content.decode(), url
