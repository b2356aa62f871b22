"""Who may view imports, confirm the organs an import created, and correct an
imported report: the matrix of roles × actions.  The 监督评估人员 reads and
corrects the imports of its jurisdiction (the organ it is held at and below) and
nothing else."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from gongkai.accounts.models import Role
from gongkai.accounts.tests.factories import StaffUserFactory, UserFactory
from gongkai.annual_reports.models import AnnualReport
from gongkai.imports.permissions import (
    can_confirm_organisations,
    can_correct,
    can_view_imports,
)
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ORGANS = ("county", "finance", "education", "elsewhere")


@pytest.fixture
def orgs():
    county = OrganisationFactory.create(name="导入矩阵县人民政府")
    return {
        "county": county,
        "finance": DepartmentFactory.create(name="导入矩阵县财政局", parent=county),
        "education": DepartmentFactory.create(name="导入矩阵县教育局", parent=county),
        "elsewhere": OrganisationFactory.create(name="导入别的县人民政府"),
    }


def actions(user, orgs) -> set[str]:
    out = set()
    if can_view_imports(user):
        out.add("view")
    if can_confirm_organisations(user):
        out.add("confirm")
    for name in ORGANS:
        if can_correct(user, AnnualReport(organisation=orgs[name], year=2023)):
            out.add(f"correct {name}")
    return out


COUNTY_UNITS = {"correct county", "correct finance", "correct education"}


@pytest.mark.parametrize(
    ("role", "at", "expected"),
    [
        # the import role, held anywhere, confirms organs and corrects any import
        (
            Role.OFFICE_ADMIN,
            "county",
            {"view", "confirm", *COUNTY_UNITS, "correct elsewhere"},
        ),
        (Role.HANDLER, "county", {"view", *COUNTY_UNITS}),
        (Role.REVIEWER, "county", {"view", *COUNTY_UNITS}),
        (Role.LEADER, "county", {"view"}),
        (Role.AUDITOR, "county", {"view", *COUNTY_UNITS}),
        (Role.AUDITOR, "finance", {"view", "correct finance"}),
        (Role.HANDLER, "finance", {"view", "correct finance"}),
    ],
)
def test_matrix(role, at, expected, orgs) -> None:
    user = StaffUserFactory.create(organisation=orgs[at], role=role)
    assert actions(user, orgs) == expected


def test_staff_without_a_role_only_looks(orgs) -> None:
    assert actions(UserFactory.create(is_staff=True), orgs) == {"view"}


def test_anonymous_does_nothing(orgs) -> None:
    assert actions(AnonymousUser(), orgs) == set()


def test_checks_over_many_reports_ask_nothing_more(
    orgs, django_assert_max_num_queries
) -> None:
    auditor = StaffUserFactory.create(organisation=orgs["county"], role=Role.AUDITOR)
    reports = [AnnualReport(organisation=orgs["finance"], year=y) for y in range(50)]
    with django_assert_max_num_queries(2):  # the scope, read once
        assert all(can_correct(auditor, r) for r in reports)
