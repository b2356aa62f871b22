"""The 监督评估人员 and a unit's 承办人 in the staff pages: an auditor sees no drafts
and changes nothing here; a unit clerk works on the unit's report only."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.accounts.models import Role, User
from gongkai.accounts.tests.factories import StaffUserFactory
from gongkai.annual_reports.models import AnnualReport, Status
from gongkai.backoffice.tests.helpers import editor_post
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import DepartmentFactory


@pytest.fixture
def auditor(county: Organisation) -> User:
    return StaffUserFactory.create(
        username="jiandu", organisation=county, role=Role.AUDITOR
    )


@pytest.fixture
def other_unit_clerk(county: Organisation) -> User:
    unit = DepartmentFactory.create(name="示范测试县教育局", parent=county)
    return StaffUserFactory.create(
        username="jiaoyu", organisation=unit, role=Role.HANDLER
    )


@pytest.fixture
def unit_clerk(department: Organisation) -> User:
    return StaffUserFactory.create(
        username="caizheng", organisation=department, role=Role.HANDLER
    )


def url(name: str, report: AnnualReport) -> str:
    return reverse(f"backoffice:{name}", args=[report.pk])


@pytest.mark.parametrize("name", ["edit", "check", "publish", "unpublish"])
def test_auditor_cannot_open_or_change_a_draft(
    name: str, client: Client, draft: AnnualReport, auditor: User
) -> None:
    client.force_login(auditor)
    if name == "edit":
        response = client.get(url(name, draft))
    else:
        response = client.post(url(name, draft), editor_post(draft))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_auditor_does_not_see_drafts_on_the_portal(
    client: Client, draft: AnnualReport, auditor: User
) -> None:
    client.force_login(auditor)
    page = reverse("portal:report", args=[draft.organisation_id, draft.year])
    assert client.get(page).status_code == 404


def test_auditor_cannot_unpublish(
    client: Client, published: AnnualReport, auditor: User
) -> None:
    client.force_login(auditor)
    response = client.post(url("unpublish", published), {"reason": "核对"})
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED


def test_unit_clerk_edits_the_unit_report(
    client: Client, draft: AnnualReport, unit_clerk: User
) -> None:
    client.force_login(unit_clerk)
    assert (
        draft.organisation.name
        in client.get(reverse("backoffice:home")).content.decode()
    )
    response = client.post(url("edit", draft), editor_post(draft, active__coercion="5"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.statistics["active"]["coercion"] == 5


def test_a_clerk_of_another_unit_cannot_touch_it(
    client: Client, draft: AnnualReport, other_unit_clerk: User
) -> None:
    client.force_login(other_unit_clerk)
    assert (
        draft.organisation.name
        not in client.get(reverse("backoffice:home")).content.decode()
    )
    response = client.post(url("edit", draft), editor_post(draft, active__coercion="5"))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.statistics["active"]["coercion"] != 5
