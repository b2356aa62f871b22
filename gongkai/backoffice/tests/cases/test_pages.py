"""Who sees which case pages: the office its whole organ, a unit's clerk only the
unit's cases, the 分管领导 every case of the organ (read-only but for the
extension), staff of no case role 403, unknown ids 404, anonymous users the login."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.accounts.models import Role
from gongkai.applications.services import application_route
from gongkai.applications.tests.conftest import World
from gongkai.applications.tests.factories import staff
from gongkai.backoffice.tests.cases.helpers import action_url, detail_url

pytestmark = pytest.mark.django_db

RECEIVED = date(2025, 3, 3)


@pytest.fixture
def cases(world: World, set_today):
    """One case routed to unit A, one to unit B, one not yet routed."""
    a = world.register(RECEIVED)
    b = world.register(RECEIVED)
    unrouted = world.register(RECEIVED)
    application_route(application=a, unit=world.unit_a, actor=world.office, on=RECEIVED)
    application_route(application=b, unit=world.unit_b, actor=world.office, on=RECEIVED)
    return a, b, unrouted


def test_anonymous_users_are_sent_to_the_login(client: Client, cases) -> None:
    a, _, _ = cases
    for url in (
        reverse("backoffice:cases:dashboard"),
        reverse("backoffice:cases:list"),
        reverse("backoffice:cases:intake"),
        detail_url(a),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("office", {"a", "b", "unrouted"}),
        ("leader", {"a", "b", "unrouted"}),
        ("clerk_a", {"a"}),
        ("clerk_b", {"b"}),
    ],
)
def test_the_list_and_the_case_pages_by_role(
    client: Client, world: World, cases, who: str, sees: set[str]
) -> None:
    named = dict(zip(("a", "b", "unrouted"), cases, strict=True))
    client.force_login(getattr(world, who))
    html = client.get(reverse("backoffice:cases:list")).content.decode()
    listed = {name for name, case in named.items() if case.tracking_number in html}
    assert listed == sees
    for name, case in named.items():
        response = client.get(detail_url(case))
        assert response.status_code == (200 if name in sees else 403), name


def test_another_units_clerk_gets_403_with_the_reason(
    client: Client, world: World, cases
) -> None:
    a, _, _ = cases
    client.force_login(world.clerk_b)
    response = client.get(detail_url(a))
    assert response.status_code == 403
    assert "不属于您所在的单位" in response.content.decode()
    response = client.post(action_url(a, "start"), {"on": "2025-03-04"})
    assert response.status_code == 403
    a.refresh_from_db()
    assert a.status == "routed"


def test_staff_without_a_case_role_get_403(client: Client, world: World, cases) -> None:
    auditor = staff(world.county, Role.AUDITOR)
    client.force_login(auditor)
    for url in (
        reverse("backoffice:cases:dashboard"),
        reverse("backoffice:cases:list"),
        reverse("backoffice:cases:intake"),
        detail_url(cases[0]),
    ):
        assert client.get(url).status_code == 403


def test_unknown_and_out_of_range_ids_are_404(
    client: Client, world: World, cases
) -> None:
    client.force_login(world.office)
    missing = max(c.pk for c in cases) + 1000
    assert client.get(f"/staff/cases/{missing}/").status_code == 404
    assert client.get("/staff/cases/99999999999999999999/").status_code == 404
    assert client.get("/staff/cases/0/").status_code == 404
    assert client.post(f"/staff/cases/{missing}/start/", {}).status_code == 404
    assert client.post(f"/staff/cases/{cases[0].pk}/explode/", {}).status_code == 404
    assert client.post(f"/staff/cases/{missing}/reveal/").status_code == 404


def test_actions_are_post_only(client: Client, world: World, cases) -> None:
    client.force_login(world.office)
    assert client.get(action_url(cases[0], "start")).status_code == 405
    assert (
        client.get(reverse("backoffice:cases:reveal", args=[cases[0].pk])).status_code
        == 405
    )


def test_actions_need_the_csrf_token(world: World, cases) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.office)
    response = client.post(action_url(cases[2], "start"), {"on": "2025-03-04"})
    assert response.status_code == 403
    cases[2].refresh_from_db()
    assert cases[2].status == "received"


def test_each_role_is_offered_only_what_it_may_do(
    client: Client, world: World, cases
) -> None:
    a, _, unrouted = cases
    client.force_login(world.office)
    html = client.get(detail_url(unrouted)).content.decode()
    for action in ("route", "start", "transfer", "decide", "withdraw", "consult"):
        assert action_url(unrouted, action) in html, action
    assert action_url(unrouted, "extend") not in html  # 分管领导 only
    assert action_url(unrouted, "hand_back") not in html  # not routed
    assert action_url(unrouted, "deliver") not in html  # not decided

    client.force_login(world.clerk_a)
    html = client.get(detail_url(a)).content.decode()
    for action in ("start", "hand_back", "decide", "request_correction"):
        assert action_url(a, action) in html, action
    for action in ("route", "transfer", "extend", "archive"):
        assert action_url(a, action) not in html, action

    client.force_login(world.leader)
    html = client.get(detail_url(a)).content.decode()
    assert action_url(a, "extend") not in html  # routed: not in progress yet
    for action in ("start", "decide", "route"):
        assert action_url(a, action) not in html, action


def test_the_leader_cannot_act_as_a_clerk(client: Client, world: World, cases) -> None:
    a, _, _ = cases
    client.force_login(world.leader)
    response = client.post(action_url(a, "start"), {"on": "2025-03-04"})
    assert response.status_code == 403
    a.refresh_from_db()
    assert a.status == "routed"


def test_the_case_page_shows_the_timeline_and_the_panels_placeholder(
    client: Client, world: World, cases
) -> None:
    a, _, _ = cases
    client.force_login(world.clerk_a)
    html = client.get(detail_url(a)).content.decode()
    assert "办理记录" in html
    assert "登记" in html
    assert "分办" in html
    assert "已收到 → 已分办" in html  # status before → after
    assert f"— → {world.unit_a.name}" in html  # unit before → after
    assert str(world.office) in html  # who
    assert 'id="case-panels"' in html


def test_the_action_forms_do_not_share_element_ids(
    client: Client, world: World, cases
) -> None:
    client.force_login(world.office)
    html = client.get(detail_url(cases[2])).content.decode()
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
