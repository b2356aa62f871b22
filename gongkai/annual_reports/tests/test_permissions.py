"""Who may see drafts, edit and publish an organ's own annual reports: the matrix of
roles × actions, with a role held at the county (it applies to its units too) and a
clerk held at one unit (who cannot touch another unit or the county)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from gongkai.accounts.models import Role
from gongkai.accounts.tests.factories import StaffUserFactory, UserFactory
from gongkai.annual_reports.permissions import (
    can_edit_report,
    can_publish_report,
    can_view_drafts,
    draft_organisations,
    editable_organisations,
)
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ACTIONS = {
    "drafts": can_view_drafts,
    "edit": can_edit_report,
    "publish": can_publish_report,
}
#: role held at the county → the actions it allows (at the county and its units).
AT_COUNTY = {
    Role.OFFICE_ADMIN: {"drafts", "edit", "publish"},
    Role.HANDLER: {"drafts", "edit"},
    Role.REVIEWER: {"drafts", "edit"},
    Role.LEADER: {"drafts", "publish"},
    Role.AUDITOR: set(),  # imports only: no drafts, no edits, no publishing
}


@pytest.fixture
def orgs():
    county = OrganisationFactory.create(name="矩阵县人民政府")
    return {
        "county": county,
        "finance": DepartmentFactory.create(name="矩阵县财政局", parent=county),
        "education": DepartmentFactory.create(name="矩阵县教育局", parent=county),
        "elsewhere": OrganisationFactory.create(name="别的县人民政府"),
    }


def allowed(user, organisation) -> set[str]:
    return {name for name, can in ACTIONS.items() if can(user, organisation)}


@pytest.mark.parametrize("role", list(AT_COUNTY))
def test_a_county_role_covers_the_county_and_its_units(role, orgs) -> None:
    user = StaffUserFactory.create(organisation=orgs["county"], role=role)
    for name in ("county", "finance", "education"):
        assert allowed(user, orgs[name]) == AT_COUNTY[role], name
    assert allowed(user, orgs["elsewhere"]) == set()


@pytest.mark.parametrize("role", list(AT_COUNTY))
def test_a_unit_role_stays_in_its_unit(role, orgs) -> None:
    """A 承办人 of 财政局 edits 财政局's report, never 教育局's or the county's."""
    user = StaffUserFactory.create(organisation=orgs["finance"], role=role)
    assert allowed(user, orgs["finance"]) == AT_COUNTY[role]
    for name in ("county", "education", "elsewhere"):
        assert allowed(user, orgs[name]) == set(), name


def test_unit_clerk_lists(orgs) -> None:
    clerk = StaffUserFactory.create(organisation=orgs["finance"], role=Role.HANDLER)
    assert list(editable_organisations(clerk)) == [orgs["finance"]]
    assert list(draft_organisations(clerk)) == [orgs["finance"]]


def test_auditor_lists_nothing(orgs) -> None:
    auditor = StaffUserFactory.create(organisation=orgs["county"], role=Role.AUDITOR)
    assert not editable_organisations(auditor).exists()
    assert not draft_organisations(auditor).exists()


@pytest.mark.parametrize(
    "user",
    [lambda: UserFactory.create(is_staff=True), AnonymousUser],
    ids=["staff without a role", "anonymous"],
)
def test_no_role_no_action(user, orgs) -> None:
    assert allowed(user(), orgs["county"]) == set()


def test_superuser_may_do_everything(orgs) -> None:
    root = UserFactory.create(is_superuser=True)
    assert allowed(root, orgs["elsewhere"]) == set(ACTIONS)
