"""Aggregate several organs' reports into one (a county office summing the reports of
its departments and townships).

A cell of the sum is blank only when it is blank in every report; a table is present
when any report gives it.  Reports lacking a table are named in the findings, because
the sum then understates that table.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.codes import AGGREGATE_TABLE_MISSING, severity_of
from gongkai.annual_reports.data import (
    CellValue,
    ReportData,
    blank_report,
    iter_cells,
    report_from_dict,
    report_to_dict,
    set_cell,
)
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.validation.findings import CellRef, Finding


def _add(a: CellValue, b: CellValue) -> CellValue:
    if a is None:
        return b
    if b is None:
        return a
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return Decimal(a) + Decimal(b)
    return a + b


def aggregate_reports(
    reports: Sequence[ReportData], *, org: str, year: int
) -> tuple[ReportData, list[Finding]]:
    totals: dict[Path, CellValue] = {}
    findings: list[Finding] = []
    for report in reports:
        for path, value in iter_cells(report):
            totals[path] = _add(totals.get(path), value)
    skeleton = report_to_dict(_skeleton(reports, org=org, year=year), extended=False)
    for path, value in totals.items():
        set_cell(skeleton, path, value)
    for table, label in fmt.TABLE_LABELS.items():
        lacking = [
            r.org or "（未知机关）" for r in reports if getattr(r, table) is None
        ]
        if lacking and len(lacking) < len(reports):
            findings.append(
                Finding(
                    AGGREGATE_TABLE_MISSING,
                    severity_of(AGGREGATE_TABLE_MISSING),
                    f"「{label}」汇总数偏小：{'、'.join(lacking)} 的报告没有这张表",
                    (CellRef.at((table,)),),
                )
            )
    skeleton["title"] = f"{org}{year}年政府信息公开工作年度报告（汇总）"
    return report_from_dict(skeleton).report, findings


def _skeleton(reports: Sequence[ReportData], *, org: str, year: int) -> ReportData:
    """A report whose tables are present (all blank) where any input has them."""
    blank = blank_report(org=org, year=year)
    present = {
        t: any(getattr(r, t) is not None for r in reports) for t in fmt.TABLE_LABELS
    }
    return ReportData(
        year=year,
        org=org,
        active=blank.active if present["active"] else None,
        applications=blank.applications if present["applications"] else None,
        appeals=blank.appeals if present["appeals"] else None,
    )
