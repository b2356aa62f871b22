"""Fixtures shared by the portal, backoffice and API tests (imported by their
conftest modules): a county with a department, one user per role, and reports."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.accounts.models import Role, User
from gongkai.accounts.tests.factories import StaffUserFactory, UserFactory
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.services import report_publish
from gongkai.annual_reports.tests.factories import annual_report
from gongkai.orgs.models import Organisation
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory


@pytest.fixture
def county(db: None) -> Organisation:
    return OrganisationFactory.create(name="示范测试县人民政府")


@pytest.fixture
def department(county: Organisation) -> Organisation:
    return DepartmentFactory.create(name="示范测试县财政局", parent=county)


@pytest.fixture
def other_org(db: None) -> Organisation:
    return OrganisationFactory.create(name="另一县人民政府")


@pytest.fixture
def handler(county: Organisation) -> User:
    return StaffUserFactory.create(
        username="chengban", organisation=county, role=Role.HANDLER
    )


@pytest.fixture
def reviewer(county: Organisation) -> User:
    return StaffUserFactory.create(
        username="shenhe", organisation=county, role=Role.REVIEWER
    )


@pytest.fixture
def leader(county: Organisation) -> User:
    return StaffUserFactory.create(
        username="lingdao", organisation=county, role=Role.LEADER
    )


@pytest.fixture
def office_admin(county: Organisation) -> User:
    return StaffUserFactory.create(
        username="gongkaiban", organisation=county, role=Role.OFFICE_ADMIN
    )


@pytest.fixture
def outsider(other_org: Organisation) -> User:
    return StaffUserFactory.create(
        username="waiju", organisation=other_org, role=Role.OFFICE_ADMIN
    )


@pytest.fixture
def plain_user(db: None) -> User:
    return UserFactory.create(username="putong")


@pytest.fixture
def published(department: Organisation, leader: User) -> AnnualReport:
    report = annual_report(organisation=department, year=2023)
    return report_publish(report=report, actor=leader, today=date(2024, 1, 20))


@pytest.fixture
def draft(department: Organisation) -> AnnualReport:
    return annual_report(organisation=department, year=2024, seed=1)
