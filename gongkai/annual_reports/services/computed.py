"""The computed report: sections 三 (and 四 once the appeals workflow registers its
collector) counted from the cases, written through ``report_rebuild``.

Collected cells come from the registered collectors, or, for the applications
statistics no collector is registered for, from
``statistics.collectors.APPLICATION_COLLECTORS``; derived cells are computed; typed
cells (section 二) keep what a person typed.  Every collected and derived cell's
origin is ``computed`` naming its statistic.
"""

from __future__ import annotations

from dataclasses import replace

from django.db import transaction

from gongkai.accounts.models import User
from gongkai.annual_reports import events, permissions
from gongkai.annual_reports import format as fmt
from gongkai.annual_reports import origins as cell_origins
from gongkai.annual_reports.data import CellValue, ReportData, get_cell
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.models import AnnualReport, Source
from gongkai.annual_reports.origins import Origin
from gongkai.annual_reports.selectors import report_machine_stored
from gongkai.annual_reports.services.pipeline import report_rebuild
from gongkai.annual_reports.statistics import collectors as app_collectors
from gongkai.annual_reports.statistics.registry import (
    STATISTICS,
    Counts,
    collectors,
    computed_cells,
    report_from_cells,
)
from gongkai.annual_reports.statistics.registry import (
    Origin as StatOrigin,
)
from gongkai.core.errors import InvalidState, PermissionDenied
from gongkai.orgs.models import Organisation


def _typed_value(data: ReportData, path: Path) -> CellValue:
    try:
        return get_cell(data, path)
    except KeyError:  # the table is not there yet
        return None


def report_collect(*, organisation: Organisation, year: int) -> dict[str, Counts]:
    """Every collected statistic's counts for the organ and year."""
    registered = collectors()
    out: dict[str, Counts] = {}
    if any(code not in registered for code in app_collectors.APPLICATION_COLLECTORS):
        built_in = app_collectors.application_counts(
            organisation_ids=[organisation.pk], year=year
        )
        out.update({k: v for k, v in built_in.items() if k not in registered})
    for code, fn in registered.items():
        out[code] = fn(organisation_id=organisation.pk, year=year)
    return out


@transaction.atomic
def report_compute(
    *, organisation: Organisation, year: int, actor: User | None
) -> AnnualReport:
    """Compute the organ's report for ``year`` from its records (a draft; the
    typed section 二 is kept)."""
    if actor is not None and not permissions.can_edit_report(actor, organisation):
        raise PermissionDenied(f"您无权编辑「{organisation}」的年度报告")
    report, _ = AnnualReport.objects.select_for_update().get_or_create(
        organisation=organisation, year=year, defaults={"source": Source.COMPUTED}
    )
    if report.is_published:
        raise InvalidState("报告已发布，不能重新计算；请先撤回发布")
    before = report_machine_stored(report=report)
    typed_paths = [
        p
        for stat in STATISTICS.values()
        if stat.origin == StatOrigin.TYPED
        for p in stat.cells
    ]
    typed = {p: _typed_value(before.data, p) for p in typed_paths}
    collected = report_collect(organisation=organisation, year=year)
    cells = computed_cells(typed=typed, collected=collected)
    machine = report_from_cells(cells, org=organisation.name, year=year)
    machine = replace(machine, title=before.data.title, narrative=before.data.narrative)
    origins: dict[str, Origin] = {}
    for stat in STATISTICS.values():
        for path in stat.cells:
            key = fmt.path_str(path)
            if stat.origin == StatOrigin.TYPED:
                if key in before.origins:
                    origins[key] = dict(before.origins[key])
            elif stat.origin == StatOrigin.DERIVED or stat.code in collected:
                origins[key] = cell_origins.computed(statistic=stat.code)
    report.source = Source.COMPUTED
    return report_rebuild(
        report=report,
        machine=machine,
        origins=origins,
        actor=actor,
        action=events.REPORT_COMPUTED,
        payload={"statistics": sorted(collected)},
    )
