"""Reads of annual reports."""

from __future__ import annotations

from django.db.models import QuerySet

from gongkai.accounts import permissions
from gongkai.accounts.models import User
from gongkai.annual_reports.errors import ReportNotFound
from gongkai.annual_reports.models import AnnualReport, Status


def report_list_published() -> QuerySet[AnnualReport]:
    return AnnualReport.objects.filter(status=Status.PUBLISHED).select_related(
        "organisation"
    )


def report_get_visible(
    *, organisation_id: int, year: int, user: User | None
) -> AnnualReport:
    """A published report, or any report the user may see as staff."""
    report = (
        AnnualReport.objects.select_related("organisation")
        .filter(organisation_id=organisation_id, year=year)
        .first()
    )
    if report is None:
        raise ReportNotFound("没有这份年度报告")
    if report.is_published:
        return report
    if user is not None and permissions.can_view_drafts(user, report.organisation):
        return report
    raise ReportNotFound("没有这份年度报告（或尚未发布）")


def report_list_for_staff(*, user: User) -> QuerySet[AnnualReport]:
    orgs = permissions.staff_organisations(user)
    return AnnualReport.objects.filter(organisation__in=orgs).select_related(
        "organisation"
    )
