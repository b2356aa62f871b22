"""Reads for the staff pages: which reports a user sees, and what they may do.

The user's roles by organ are read once (``accounts.scope``, kept on the user), so
the dashboard asks the same few queries for one report or a thousand."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from gongkai.accounts.models import User
from gongkai.annual_reports import permissions
from gongkai.annual_reports.errors import ReportNotFound
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.selectors import (
    report_findings_stale,
    report_list_for_staff,
)
from gongkai.core.errors import PermissionDenied
from gongkai.orgs.models import Organisation


@dataclass(frozen=True)
class Access:
    """What a user may do with one organ's reports."""

    can_view: bool
    can_edit: bool
    can_publish: bool

    @classmethod
    def of(cls, user: User, organisation: Organisation) -> Access:
        return cls(
            can_view=permissions.can_view_drafts(user, organisation),
            can_edit=permissions.can_edit_report(user, organisation),
            can_publish=permissions.can_publish_report(user, organisation),
        )


@dataclass(frozen=True)
class DashboardRow:
    report: AnnualReport
    access: Access
    #: The stored counts come from older check rules (``gongkai recheck``).
    stale: bool = False


def dashboard_rows(*, user: User) -> list[DashboardRow]:
    """Every report of the organs the user works for, newest year first."""
    reports = report_list_for_staff(user=user).order_by("-year", "organisation__name")
    return [
        DashboardRow(
            report,
            Access.of(user, report.organisation),
            stale=report_findings_stale(report=report),
        )
        for report in reports
    ]


def editable_organisations(*, user: User) -> QuerySet[Organisation]:
    """Organs the user may create and edit reports for."""
    return permissions.editable_organisations(user).order_by("name")


def report_find(*, organisation: Organisation, year: int) -> AnnualReport | None:
    return AnnualReport.objects.filter(organisation=organisation, year=year).first()


def report_get_for_staff(*, pk: int, user: User) -> tuple[AnnualReport, Access]:
    """The report with the user's rights on it.

    Raises ``ReportNotFound``, or ``PermissionDenied`` when the user holds no role
    at the report's organ (or above it)."""
    report = AnnualReport.objects.select_related("organisation").filter(pk=pk).first()
    if report is None:
        raise ReportNotFound("没有这份年度报告")
    access = Access.of(user, report.organisation)
    if not access.can_view:
        raise PermissionDenied(f"您无权查看「{report.organisation}」的年度报告")
    return report, access
