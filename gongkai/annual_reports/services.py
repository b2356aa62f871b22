"""Writes to annual reports.  Every state change is one function that records an
AnnualReportEvent; callers pass the actor and today's date (no clock reads here)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from gongkai.accounts import permissions
from gongkai.accounts.models import User
from gongkai.annual_reports.data import ReportData, report_to_dict
from gongkai.annual_reports.errors import ReportHasErrors
from gongkai.annual_reports.models import (
    AnnualReport,
    AnnualReportEvent,
    Source,
    Status,
)
from gongkai.annual_reports.selectors import report_findings
from gongkai.annual_reports.validation.findings import Severity
from gongkai.core.errors import InvalidState, PermissionDenied
from gongkai.orgs.models import Organisation


def _store(report: AnnualReport, data: ReportData) -> None:
    stats = report_to_dict(data, extended=False)
    stats["org"], stats["year"] = report.organisation.name, report.year
    if data.supplementary:
        stats["supplementary"] = dict(data.supplementary)
    report.statistics = stats
    report.title = data.title or ""
    report.format_version = data.format_version
    report.overview = data.narrative.overview
    report.problems = data.narrative.problems
    report.other_matters = data.narrative.other
    if data.published_on is not None:
        report.published_on = data.published_on
    findings = report_findings(report=report)
    report.findings = [f.to_dict() for f in findings]
    report.error_count = sum(f.severity == Severity.ERROR for f in findings)
    report.warning_count = sum(f.severity == Severity.WARNING for f in findings)


@transaction.atomic
def report_save(
    *,
    organisation: Organisation,
    year: int,
    data: ReportData,
    actor: User | None,
    source: str = Source.MANUAL,
    check_permission: bool = True,
) -> AnnualReport:
    """Create or update the report of ``organisation`` for ``year``.

    A published report cannot be edited: unpublish it first (so that a published
    figure never changes silently)."""
    if (
        check_permission
        and actor is not None
        and not permissions.can_edit_report(actor, organisation)
    ):
        raise PermissionDenied(f"您无权编辑「{organisation}」的年度报告")
    report, created = AnnualReport.objects.select_for_update().get_or_create(
        organisation=organisation, year=year, defaults={"source": source}
    )
    if report.is_published:
        raise InvalidState("报告已发布，不能直接修改；请先撤回发布")
    _store(report, data)
    report.save()
    AnnualReportEvent.objects.create(
        report=report,
        actor=actor,
        action="annual_reports.created" if created else "annual_reports.updated",
        payload={"errors": report.error_count, "warnings": report.warning_count},
    )
    return report


@transaction.atomic
def report_publish(*, report: AnnualReport, actor: User, today: date) -> AnnualReport:
    """Publish the report.  Refused while the check finds any error."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not permissions.can_publish_report(actor, report.organisation):
        raise PermissionDenied(f"您无权发布「{report.organisation}」的年度报告")
    if report.is_published:
        raise InvalidState("报告已经发布")
    errors = [f for f in report_findings(report=report) if f.severity == Severity.ERROR]
    if errors:
        raise ReportHasErrors(
            f"报告有 {len(errors)} 处错误，不能发布："
            + "；".join(f.message for f in errors[:3])
            + ("……" if len(errors) > 3 else "")
        )
    report.status = Status.PUBLISHED
    report.published_on = report.published_on or today
    report.save(update_fields=["status", "published_on", "updated_at"])
    AnnualReportEvent.objects.create(
        report=report, actor=actor, action="annual_reports.published"
    )
    return report


@transaction.atomic
def report_unpublish(*, report: AnnualReport, actor: User, reason: str) -> AnnualReport:
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not permissions.can_publish_report(actor, report.organisation):
        raise PermissionDenied(f"您无权撤回「{report.organisation}」的年度报告")
    if not report.is_published:
        raise InvalidState("报告尚未发布")
    if not reason.strip():
        raise InvalidState("撤回发布须说明理由")
    report.status = Status.DRAFT
    report.save(update_fields=["status", "updated_at"])
    AnnualReportEvent.objects.create(
        report=report, actor=actor, note=reason, action="annual_reports.unpublished"
    )
    return report
