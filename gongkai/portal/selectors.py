"""Reads for the public portal: published reports, and drafts for staff who may
see them.  Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from gongkai.accounts.models import User
from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.models import AnnualReport, Source
from gongkai.annual_reports.presenters import stored_findings
from gongkai.annual_reports.selectors import (
    report_data,
    report_get_visible,
    report_is_public,
    report_list_published,
)
from gongkai.annual_reports.validation.findings import Finding
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import organisation_tree


@dataclass(frozen=True)
class OrganEntry:
    """One organ of the index with its published reports, newest first.

    ``reports`` is empty for an organ shown only because an organ below it has a
    matching report (so that the tree keeps its shape when filtered)."""

    organisation: Organisation
    depth: int
    reports: tuple[AnnualReport, ...]


@dataclass(frozen=True)
class ReportPage:
    report: AnnualReport
    data: ReportData
    findings: tuple[Finding, ...]

    @property
    def is_draft(self) -> bool:
        """Not public: a draft, or an imported report not shown to the public."""
        return not report_is_public(report=self.report)

    @property
    def is_unshown_import(self) -> bool:
        """An imported report (another organ's publication) not shown here."""
        return self.is_draft and self.report.source == Source.IMPORTED


def published_report_index(
    *, name: str = "", year: int | None = None
) -> list[OrganEntry]:
    """Organs with published reports (filtered by organ name and year), in the
    order of the organisation tree: county, then its departments and townships."""
    reports = report_list_published().order_by("-year")
    if name:
        reports = reports.filter(
            Q(organisation__name__icontains=name)
            | Q(organisation__short_name__icontains=name)
        )
    if year is not None:
        reports = reports.filter(year=year)
    by_org: dict[int, list[AnnualReport]] = {}
    for report in reports:
        by_org.setdefault(report.organisation_id, []).append(report)
    tree = organisation_tree()
    parent_of = {org.pk: org.parent_id for org, _ in tree}
    shown: set[int] = set()
    for pk in by_org:
        node: int | None = pk
        while node is not None and node not in shown:
            shown.add(node)
            node = parent_of.get(node)
    return [
        OrganEntry(org, depth, tuple(by_org.get(org.pk, ())))
        for org, depth in tree
        if org.pk in shown
    ]


def published_years() -> list[int]:
    """Statistical years that have at least one published report, newest first."""
    years = report_list_published().order_by().values_list("year", flat=True)
    return sorted(set(years), reverse=True)


def report_page_get(
    *, organisation_id: int, year: int, user: User | None
) -> ReportPage:
    """The report of an organ for a year as the reader may see it.

    Raises ``ReportNotFound`` when it does not exist, or is a draft and the user may
    not see drafts of that organ."""
    report = report_get_visible(organisation_id=organisation_id, year=year, user=user)
    return ReportPage(report, report_data(report=report), stored_findings(report))
