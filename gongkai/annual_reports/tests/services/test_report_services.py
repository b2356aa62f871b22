"""Report services: saving, the publication rule (Reg. 49: publish the annual report),
permissions by role, and the audit trail."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.accounts.models import Role
from gongkai.accounts.tests.factories import StaffUserFactory, UserFactory
from gongkai.annual_reports import events
from gongkai.annual_reports.data import blank_report, report_to_dict
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
    return StaffUserFactory.create(role=role, organisation=organisation)


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
    org = OrganisationFactory.create()
    data = sample_report(org=org.name, year=2024).with_cell(
        ("applications", "new", 0), 999
    )
    report = annual_report(organisation=org, data=data)
    assert report.status == Status.DRAFT
    assert report.error_count >= 1
    assert {f["code"] for f in report.findings} >= {"applications.balance"}


def test_publish_refused_while_errors() -> None:
    """Reg. 49/50: a report with broken check relations is not published."""
    org = OrganisationFactory.create()
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
    org = OrganisationFactory.create()
    leader = staff(Role.LEADER, org)
    report = report_publish(
        report=annual_report(organisation=org), actor=leader, today=TODAY
    )
    assert report.status == Status.PUBLISHED
    assert report.published_on == TODAY
    assert AnnualReportEvent.objects.filter(
        report=report, action=events.REPORT_PUBLISHED, actor=leader
    ).exists()


def test_published_report_cannot_be_edited_until_unpublished() -> None:
    org = OrganisationFactory.create()
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
    org = OrganisationFactory.create()
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
    department = DepartmentFactory.create()
    county = department.parent
    assert county is not None
    county_handler = staff(Role.HANDLER, county)
    data = sample_report(org=department.name, year=2024)
    report_save(organisation=department, year=2024, data=data, actor=county_handler)
    with pytest.raises(PermissionDenied):
        report_save(
            organisation=OrganisationFactory.create(),
            year=2024,
            data=data,
            actor=county_handler,
        )
    with pytest.raises(PermissionDenied):
        report_save(
            organisation=county, year=2024, data=data, actor=UserFactory.create()
        )


def test_findings_match_stored_counts() -> None:
    report = annual_report()
    assert (
        len(report_findings(report=report)) == report.error_count + report.warning_count
    )


def test_publish_takes_the_date_the_person_picks() -> None:
    org = OrganisationFactory.create()
    leader = staff(Role.LEADER, org)
    report = report_publish(
        report=annual_report(organisation=org),
        actor=leader,
        today=TODAY,
        published_on=date(2025, 1, 15),
    )
    assert report.published_on == date(2025, 1, 15)
    event = AnnualReportEvent.objects.get(report=report, action=events.REPORT_PUBLISHED)
    assert event.payload == {"published_on": "2025-01-15"}


def test_republication_records_its_own_date() -> None:
    """Reg. 49: the report is published on the date it is put before the public; a
    report withdrawn and published again is dated by the new publication."""
    org = OrganisationFactory.create()
    admin = staff(Role.OFFICE_ADMIN, org)
    report = report_publish(
        report=annual_report(organisation=org), actor=admin, today=TODAY
    )
    report_unpublish(report=report, actor=admin, reason="更正统计数据")
    report.refresh_from_db()
    assert report.published_on is None  # a draft has no publication date
    withdrawn = AnnualReportEvent.objects.get(
        report=report, action=events.REPORT_UNPUBLISHED
    )
    assert withdrawn.payload == {"published_on": TODAY.isoformat()}
    again = report_publish(
        report=report,
        actor=admin,
        today=date(2025, 3, 2),
        published_on=date(2025, 3, 1),
    )
    assert again.published_on == date(2025, 3, 1)
    default = report_unpublish(report=again, actor=admin, reason="再次更正")
    assert report_publish(
        report=default, actor=admin, today=date(2025, 4, 8)
    ).published_on == date(2025, 4, 8)


def test_blank_report_is_refused_at_publication() -> None:
    """A blank cell is a warning in a draft and an error at publication: a published
    report must say 0 where it means zero (Reg. 50's tables are complete)."""
    org = OrganisationFactory.create()
    leader = staff(Role.LEADER, org)
    report = annual_report(organisation=org, data=blank_report(org=org.name, year=2024))
    assert report.error_count == 0  # only warnings while drafting
    assert report.warning_count > 0
    with pytest.raises(
        ReportHasErrors, match=r"报告有 \d+ 个空白单元格（\d+ 行），不能发布"
    ) as exc:
        report_publish(report=report, actor=leader, today=TODAY)
    assert (
        "「第二十条第（一）项 规章」的 本年制发件数、本年废止件数" in exc.value.message
    )
    assert "填 0" in exc.value.message
    report.refresh_from_db()
    assert report.status == Status.DRAFT


def test_one_blank_cell_is_named_at_publication() -> None:
    org = OrganisationFactory.create()
    leader = staff(Role.LEADER, org)
    data = sample_report(org=org.name, year=2024).with_cell(
        ("active", "licensing"), None
    )
    report = annual_report(organisation=org, data=data)
    with pytest.raises(ReportHasErrors, match="报告有 1 个空白单元格") as exc:
        report_publish(report=report, actor=leader, today=TODAY)
    assert "行政许可" in exc.value.message
