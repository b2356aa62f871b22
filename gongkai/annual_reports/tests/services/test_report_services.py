"""Report services: saving, the publication rule (Reg. 49: publish the annual report),
permissions by role, and the audit trail."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.accounts.models import Role
from gongkai.accounts.tests.factories import StaffUserFactory, UserFactory
from gongkai.annual_reports.data import report_to_dict
from gongkai.annual_reports.errors import ReportHasErrors
from gongkai.annual_reports.models import AnnualReportEvent, Status
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.selectors import report_data, report_findings
from gongkai.annual_reports.services import (
    report_publish,
    report_save,
    report_unpublish,
)
from gongkai.annual_reports.tests.factories import annual_report
from gongkai.core.errors import InvalidState, PermissionDenied
from gongkai.orgs.tests.factories import DepartmentFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def staff(role, organisation):
    return StaffUserFactory(role=role, organisation=organisation)


TODAY = date(2025, 1, 20)


def test_save_stores_schema_form_and_findings() -> None:
    report = annual_report(year=2024)
    data = report_data(report=report)
    expected = sample_report(org=report.organisation.name, year=2024)
    assert (
        report_to_dict(data, extended=False)["applications"]
        == report_to_dict(expected, extended=False)["applications"]
    )
    assert report.error_count == 0
    assert report.statistics["active"]["fees_wan_yuan"] == format(
        expected.active.fees_wan_yuan, "f"
    )


def test_save_broken_figures_keeps_draft_with_errors() -> None:
    org = OrganisationFactory()
    data = sample_report(org=org.name, year=2024).with_cell(
        ("applications", "new", 0), 999
    )
    report = annual_report(organisation=org, data=data)
    assert report.status == Status.DRAFT
    assert report.error_count >= 1
    assert {f["code"] for f in report.findings} >= {"applications.balance"}


def test_publish_refused_while_errors() -> None:
    """Reg. 49/50: a report with broken check relations is not published."""
    org = OrganisationFactory()
    leader = staff(Role.LEADER, org)
    data = sample_report(org=org.name, year=2024).with_cell(
        ("appeals", "reconsideration", 4), 99
    )
    report = annual_report(organisation=org, data=data)
    with pytest.raises(ReportHasErrors, match="不能发布"):
        report_publish(report=report, actor=leader, today=TODAY)
    report.refresh_from_db()
    assert report.status == Status.DRAFT


def test_publish_sets_date_and_records_event() -> None:
    org = OrganisationFactory()
    leader = staff(Role.LEADER, org)
    report = report_publish(
        report=annual_report(organisation=org), actor=leader, today=TODAY
    )
    assert report.status == Status.PUBLISHED
    assert report.published_on == TODAY
    assert AnnualReportEvent.objects.filter(
        report=report, action="annual_reports.published", actor=leader
    ).exists()


def test_published_report_cannot_be_edited_until_unpublished() -> None:
    org = OrganisationFactory()
    admin = staff(Role.OFFICE_ADMIN, org)
    report = report_publish(
        report=annual_report(organisation=org), actor=admin, today=TODAY
    )
    data = report_data(report=report)
    with pytest.raises(InvalidState):
        report_save(organisation=org, year=report.year, data=data, actor=admin)
    with pytest.raises(InvalidState, match="理由"):
        report_unpublish(report=report, actor=admin, reason=" ")
    report_unpublish(report=report, actor=admin, reason="更正统计数据")
    report_save(organisation=org, year=report.year, data=data, actor=admin)


@pytest.mark.parametrize(
    ("role", "can_edit", "can_publish"),
    [
        (Role.OFFICE_ADMIN, True, True),
        (Role.HANDLER, True, False),
        (Role.REVIEWER, True, False),
        (Role.LEADER, False, True),
    ],
)
def test_roles(role: str, can_edit: bool, can_publish: bool) -> None:
    org = OrganisationFactory()
    user = staff(role, org)
    data = sample_report(org=org.name, year=2024)
    if can_edit:
        report = report_save(organisation=org, year=2024, data=data, actor=user)
    else:
        with pytest.raises(PermissionDenied):
            report_save(organisation=org, year=2024, data=data, actor=user)
        report = annual_report(organisation=org, data=data)
    if can_publish:
        report_publish(report=report, actor=user, today=TODAY)
    else:
        with pytest.raises(PermissionDenied):
            report_publish(report=report, actor=user, today=TODAY)


def test_county_role_covers_its_departments_but_not_other_counties() -> None:
    department = DepartmentFactory()
    county_handler = staff(Role.HANDLER, department.parent)
    data = sample_report(org=department.name, year=2024)
    report_save(organisation=department, year=2024, data=data, actor=county_handler)
    with pytest.raises(PermissionDenied):
        report_save(
            organisation=OrganisationFactory(),
            year=2024,
            data=data,
            actor=county_handler,
        )
    with pytest.raises(PermissionDenied):
        report_save(
            organisation=department.parent, year=2024, data=data, actor=UserFactory()
        )


def test_findings_match_stored_counts() -> None:
    report = annual_report()
    assert (
        len(report_findings(report=report)) == report.error_count + report.warning_count
    )
