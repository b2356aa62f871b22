"""The computed report: section 二 from the published documents and the entered
decision counts (the publications collectors), sections 三 and 四 counted from the
cases, written through ``report_rebuild``.

Collected cells come from the registered collectors, or, for the applications
statistics no collector is registered for, from
``statistics.collectors.APPLICATION_COLLECTORS``; derived cells are computed.  A
section 二 statistic whose collector finds no records for the organs (they keep no
规章/规范性文件 or decision counts in gongkai) keeps what a person typed.  Every
collected and derived cell's origin is ``computed`` naming its statistic.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import Final

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
from gongkai.orgs.selectors import organisation_descendant_ids


def _typed_value(data: ReportData, path: Path) -> CellValue:
    try:
        return get_cell(data, path)
    except KeyError:  # the table is not there yet
        return None


def report_collect(
    *, organisation_ids: Collection[int], year: int
) -> dict[str, Counts]:
    """Every collected statistic's counts for the organs (one organ, or a government
    and every unit below it) and year."""
    registered = collectors()
    out: dict[str, Counts] = {}
    if any(code not in registered for code in app_collectors.APPLICATION_COLLECTORS):
        built_in = app_collectors.application_counts(
            organisation_ids=organisation_ids, year=year
        )
        out.update({k: v for k, v in built_in.items() if k not in registered})
    for code, fn in registered.items():
        counts = fn(organisation_ids=organisation_ids, year=year)
        if counts is not None:  # None: no records, the cells stay as typed
            out[code] = counts
    return out


_TYPED_PATHS: Final = tuple(
    p
    for stat in STATISTICS.values()
    if stat.typed_when_not_collected
    for p in stat.cells
)


def report_computed_data(
    *,
    organisation: Organisation,
    year: int,
    with_units: bool = False,
    typed: ReportData | None = None,
) -> tuple[ReportData, dict[str, Counts]]:
    """The report computed from the records, not stored: the organ's own cases, or
    (``with_units``) the cases of the organ and every unit below it.  Typed cells
    (section 二), the title and the narratives come from ``typed`` (blank if None).
    Returns the data and the collected counts."""
    ids = (
        organisation_descendant_ids(organisation=organisation)
        if with_units
        else {organisation.pk}
    )
    values = {p: _typed_value(typed, p) if typed else None for p in _TYPED_PATHS}
    collected = report_collect(organisation_ids=ids, year=year)
    cells = computed_cells(typed=values, collected=collected)
    data = report_from_cells(cells, org=organisation.name, year=year)
    if typed is not None:
        data = replace(data, title=typed.title, narrative=typed.narrative)
    return data, collected


@transaction.atomic
def report_compute(
    *, organisation: Organisation, year: int, actor: User | None
) -> AnnualReport:
    """Compute the organ's report for ``year`` from its own records (a draft; the
    typed section 二 is kept).  The cases of the units below an organ are counted in
    their own reports; :func:`report_computed_data` with ``with_units`` gives the
    whole jurisdiction's figures without storing them."""
    if actor is not None and not permissions.can_edit_report(actor, organisation):
        raise PermissionDenied(f"您无权编辑「{organisation}」的年度报告")
    report, _ = AnnualReport.objects.select_for_update().get_or_create(
        organisation=organisation, year=year, defaults={"source": Source.COMPUTED}
    )
    if report.is_published:
        raise InvalidState("报告已发布，不能重新计算；请先撤回发布")
    before = report_machine_stored(report=report)
    machine, collected = report_computed_data(
        organisation=organisation, year=year, typed=before.data
    )
    origins: dict[str, Origin] = {}
    for stat in STATISTICS.values():
        for path in stat.cells:
            key = fmt.path_str(path)
            if stat.typed_when_not_collected and stat.code not in collected:
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
