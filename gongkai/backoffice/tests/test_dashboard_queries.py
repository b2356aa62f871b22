"""The staff dashboard asks the database a small, fixed number of queries, however
many organs and reports the user works for.

Measured with ``CaptureQueriesContext`` on ``GET /staff/`` (session and user
included) on the demo county (9 organs, 18 reports): before the organ tree was read
in one recursive query and the user's roles once per request, the dashboard took 66
queries for 承办人 and 审核人 and 63 for 分管领导 (公开办管理员, a superuser in the
demo, 8); now 8, 8, 5 and 6."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.accounts.models import Role, User
from gongkai.accounts.tests.factories import StaffUserFactory
from gongkai.annual_reports.tests.factories import annual_report
from gongkai.core.tests.shared_rows import rows_kept_for_the_scope
from gongkai.demo.services import ACCOUNTS, demo_load
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

#: Session, user, memberships, the organs below them (one recursive query), the
#: reports, the organs of the creation form (its select and its required check), and
#: the unread notifications counted for the menu's badge.
BOUND = 9


def dashboard_queries(client: Client, user: User) -> tuple[int, str]:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("backoffice:home"))
    assert response.status_code == 200
    return len(queries.captured_queries), response.content.decode()


@pytest.fixture(scope="class")
def demo_county(
    django_db_setup: None,
    django_db_blocker: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """The demo county (the reports, a few cases), loaded once for the class's
    tests; what each changes is rolled back after it."""

    def load() -> None:
        with override_settings(DATA_DIR=tmp_path_factory.mktemp("demo")):
            demo_load(today=date(2025, 3, 1), new_cases=20)

    yield from rows_kept_for_the_scope(django_db_blocker, load)


@pytest.mark.usefixtures("demo_county")
class TestDemoCounty:
    @pytest.mark.parametrize("username", [a.username for a in ACCOUNTS])
    def test_demo_county_dashboard(self, username, client) -> None:
        count, _ = dashboard_queries(client, User.objects.get(username=username))
        assert count <= BOUND


def county_with_units(units: int) -> Organisation:
    county = OrganisationFactory.create(name=f"{units}单位县人民政府")
    annual_report(organisation=county, year=2023)
    for i in range(units):
        unit = DepartmentFactory.create(name=f"{units}单位县第{i}局", parent=county)
        annual_report(organisation=unit, year=2023)
        annual_report(organisation=unit, year=2024)
    return county


@pytest.mark.parametrize("role", [Role.HANDLER, Role.LEADER, Role.OFFICE_ADMIN])
def test_fifty_organs_take_as_many_queries_as_two(role, client) -> None:
    small = StaffUserFactory.create(organisation=county_with_units(1), role=role)
    large = StaffUserFactory.create(organisation=county_with_units(50), role=role)
    small_count, _ = dashboard_queries(client, small)
    large_count, html = dashboard_queries(client, large)
    assert large_count == small_count <= BOUND
    assert html.count("<td>50单位县第") == 100  # every unit's two reports are listed


def test_a_unit_clerk_sees_only_the_unit(client) -> None:
    county = county_with_units(3)
    unit = county.children.order_by("name").first()
    clerk = StaffUserFactory.create(organisation=unit, role=Role.HANDLER)
    _, html = dashboard_queries(client, clerk)
    assert html.count("<td>3单位县第") == 2
    assert unit.name in html
    assert "3单位县人民政府</td>" not in html


def test_an_auditor_has_no_reports_here(client) -> None:
    """Auditors work on imports (/imports/): no drafts, nothing to create."""
    county = county_with_units(2)
    auditor = StaffUserFactory.create(organisation=county, role=Role.AUDITOR)
    _, html = dashboard_queries(client, auditor)
    assert "2单位县" not in html
    assert reverse("backoffice:create") not in html
