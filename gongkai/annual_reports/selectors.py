"""Reads of annual reports."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.db.models import QuerySet

from gongkai.accounts import permissions
from gongkai.accounts.models import User
from gongkai.annual_reports.data import (
    LoadResult,
    Narrative,
    ReportData,
    report_from_dict,
)
from gongkai.annual_reports.errors import ReportNotFound
from gongkai.annual_reports.models import AnnualReport, Status
from gongkai.annual_reports.validation.findings import Finding
from gongkai.annual_reports.validation.rules import check_report


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


def report_data(*, report: AnnualReport) -> ReportData:
    """The stored report as ReportData (statistics + narrative + metadata)."""
    return _with_metadata(report, _load(report).report)


def _load(report: AnnualReport) -> LoadResult:
    return report_from_dict(report.statistics or _empty_statistics(report))


def _with_metadata(report: AnnualReport, data: ReportData) -> ReportData:
    return replace(
        data,
        year=report.year,
        org=report.organisation.name,
        title=report.title or data.title,
        format_version=report.format_version,
        narrative=Narrative(report.overview, report.problems, report.other_matters),
        published_on=report.published_on,
    )


def _empty_statistics(report: AnnualReport) -> dict[str, Any]:
    return {
        "year": report.year,
        "org": report.organisation.name,
        "active": None,
        "applications": None,
        "appeals": None,
    }


def report_findings(*, report: AnnualReport) -> list[Finding]:
    loaded = _load(report)  # read once: the loader's findings and the data
    return check_report(_with_metadata(report, loaded.report), loaded.findings)
