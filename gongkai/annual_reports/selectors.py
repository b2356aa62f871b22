"""Reads of annual reports."""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable
from typing import Any, cast

from django.db.models import Q, QuerySet

from gongkai.accounts.models import User
from gongkai.annual_reports import format as fmt
from gongkai.annual_reports import origins as cell_origins
from gongkai.annual_reports import permissions
from gongkai.annual_reports.composition import Machine, compose, with_metadata
from gongkai.annual_reports.data import (
    LoadResult,
    ReportData,
    report_from_dict,
    set_cell,
)
from gongkai.annual_reports.errors import ReportNotFound
from gongkai.annual_reports.models import (
    AnnualReport,
    ReportCellOverride,
    Source,
    Status,
)
from gongkai.annual_reports.origins import CellOrigin, Origin
from gongkai.annual_reports.validation.findings import Finding
from gongkai.annual_reports.validation.rules import RULES_VERSION, check_report

#: Report modes whose machine values another app holds: the module named defines
#: ``report_machine(*, report) -> Machine`` and ``may_override(user, report) ->
#: bool``.  (A typed report's machine values are stored with it.)
MODE_PROVIDERS: dict[str, str] = {Source.IMPORTED: "gongkai.imports.selectors"}


# ---------------------------------------------------------------------------
# Visibility
# ---------------------------------------------------------------------------
def _public() -> Q:
    """The office's own published reports, and the imported ones a person chose to
    show (an import is the auditors' material, not the office's publication)."""
    return Q(status=Status.PUBLISHED) & (
        ~Q(source=Source.IMPORTED) | Q(shown_publicly=True)
    )


def report_is_public(*, report: AnnualReport) -> bool:
    return report.is_published and (
        report.source != Source.IMPORTED or report.shown_publicly
    )


def report_list_published() -> QuerySet[AnnualReport]:
    """What the public portal and the API list."""
    return AnnualReport.objects.filter(_public()).select_related("organisation")


def report_get_visible(
    *, organisation_id: int, year: int, user: User | None
) -> AnnualReport:
    """A public report, or any report the user may see as staff."""
    report = (
        AnnualReport.objects.select_related("organisation")
        .filter(organisation_id=organisation_id, year=year)
        .first()
    )
    if report is None:
        raise ReportNotFound("没有这份年度报告")
    if report_is_public(report=report):
        return report
    if user is not None and permissions.can_view_drafts(user, report.organisation):
        return report
    raise ReportNotFound("没有这份年度报告（或尚未发布）")


def report_list_for_staff(*, user: User) -> QuerySet[AnnualReport]:
    orgs = permissions.draft_organisations(user)
    return AnnualReport.objects.filter(organisation__in=orgs).select_related(
        "organisation"
    )


# ---------------------------------------------------------------------------
# Data and findings
# ---------------------------------------------------------------------------
def report_data(*, report: AnnualReport) -> ReportData:
    """The stored report as ReportData (statistics + narrative + metadata)."""
    return with_metadata(report, _load(report).report)


def _load(report: AnnualReport) -> LoadResult:
    return report_from_dict(report.statistics or _empty_statistics(report))


def _empty_statistics(report: AnnualReport) -> dict[str, Any]:
    return {
        "year": report.year,
        "org": report.organisation.name,
        "active": None,
        "applications": None,
        "appeals": None,
    }


def report_findings(*, report: AnnualReport) -> list[Finding]:
    """The check of the stored statistics as they are now (no source notes)."""
    loaded = _load(report)  # read once: the loader's findings and the data
    return check_report(with_metadata(report, loaded.report), loaded.findings)


def report_findings_stale(*, report: AnnualReport) -> bool:
    """Whether the stored findings come from other rules than today's."""
    return report.rules_version != RULES_VERSION


def report_current_findings(*, report: AnnualReport) -> list[Finding]:
    """The findings stored with the report, rechecked on read when they were
    stored under other rules (so a stale finding is never shown; ``gongkai
    recheck`` stores the new ones)."""
    if not report_findings_stale(report=report):
        return [Finding.from_dict(f) for f in report.findings or ()]
    machine = report_machine(report=report)
    return compose(
        report=report,
        machine=machine.data,
        origins=machine.origins,
        notes=machine.notes,
        overrides=report_override_list_active(report=report),
    ).findings


# ---------------------------------------------------------------------------
# Machine values and origins
# ---------------------------------------------------------------------------
def _provider(report: AnnualReport) -> Any:
    name = MODE_PROVIDERS.get(report.source)
    return importlib.import_module(name) if name else None


def report_machine(*, report: AnnualReport) -> Machine:
    """The report's machine values (before overrides) with their origins."""
    provider = _provider(report)
    if provider is not None:
        read = cast(Callable[..., Machine], provider.report_machine)
        return read(report=report)
    return report_machine_stored(report=report)


def report_machine_stored(*, report: AnnualReport) -> Machine:
    """The machine values stored with the report: its statistics with each
    overridden cell's machine value put back (kept in the cell's origin)."""
    stats = copy.deepcopy(report.statistics or _empty_statistics(report))
    machine_origins: dict[str, Origin] = {}
    for path, origin in cell_origins.unpack(report.origins or {}).items():
        if origin.get("kind") == cell_origins.Kind.OVERRIDDEN:
            set_cell(stats, fmt.parse_path(path), origin.get("machine"))
        under = cell_origins.machine_origin(origin)
        if under is not None:
            machine_origins[path] = under
    data = with_metadata(report, report_from_dict(stats).report)
    return Machine(data, machine_origins)


def report_may_override(*, user: User, report: AnnualReport) -> bool:
    """Who may override a cell: whoever may edit the organ's reports, or whom the
    app holding the report's machine values allows (imports: its auditors)."""
    if not user.is_authenticated:
        return False
    provider = _provider(report)
    if provider is not None:
        allowed = cast(Callable[[User, AnnualReport], bool], provider.may_override)
        if allowed(user, report):
            return True
    return permissions.can_edit_report(user, report.organisation)


def report_cell_origins(*, report: AnnualReport) -> dict[str, CellOrigin]:
    """Path string → origin of every cell that has one."""
    return {
        path: CellOrigin.from_json(origin)
        for path, origin in cell_origins.unpack(report.origins or {}).items()
    }


def report_cell_origin(*, report: AnnualReport, path: str) -> CellOrigin | None:
    origin = cell_origins.origin_at(report.origins or {}, path)
    return CellOrigin.from_json(origin) if origin is not None else None


# ---------------------------------------------------------------------------
# Overrides
# ---------------------------------------------------------------------------
def report_override_list_active(*, report: AnnualReport) -> list[ReportCellOverride]:
    """The overrides in force, oldest first (the order they are applied in)."""
    if report.pk is None:
        return []
    return list(
        ReportCellOverride.objects.filter(report=report, active=True)
        .select_related("actor")
        .order_by("pk")
    )


def report_override_history(
    *, report: AnnualReport, path: str
) -> list[ReportCellOverride]:
    """Every override of one cell, newest first."""
    return list(
        ReportCellOverride.objects.filter(report=report, path=path)
        .select_related("actor", "ended_by")
        .order_by("-pk")
    )


def report_override_get(*, pk: int) -> ReportCellOverride:
    override = (
        ReportCellOverride.objects.select_related("report", "report__organisation")
        .filter(pk=pk)
        .first()
    )
    if override is None:
        raise ReportNotFound("没有这条更正")
    return override
