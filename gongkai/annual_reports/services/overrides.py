"""Cell overrides: a person puts a value in one cell over the machine value (an
import's parse, a computed or typed figure), with who, when and why.  The override
stays in force over every later rebuild of the report; when the machine value there
changes, a finding asks a person to review it (see ``composition``)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from gongkai.accounts.models import User
from gongkai.annual_reports import events, values
from gongkai.annual_reports import format as fmt
from gongkai.annual_reports import origins as cell_origins
from gongkai.annual_reports.data import get_cell
from gongkai.annual_reports.errors import OverrideRefused
from gongkai.annual_reports.models import (
    AnnualReport,
    OverrideEnd,
    ReportCellOverride,
    Source,
)
from gongkai.annual_reports.selectors import (
    report_data,
    report_machine,
    report_may_override,
)
from gongkai.annual_reports.services.pipeline import report_rebuild
from gongkai.core.errors import PermissionDenied


def _locked(report: AnnualReport, actor: User) -> AnnualReport:
    report = (
        AnnualReport.objects.select_for_update()
        .select_related("organisation")
        .get(pk=report.pk)
    )
    if not report_may_override(user=actor, report=report):
        raise PermissionDenied(f"您无权更正「{report.organisation}」的年度报告")
    if report.is_published and report.source != Source.IMPORTED:
        raise OverrideRefused("报告已发布，不能更正；请先撤回发布")
    return report


def _cell(path: str, value: Any) -> tuple[fmt.Path, values.JsonValue]:
    if not cell_origins.is_cell(path):
        raise OverrideRefused(f"「{path}」不是统计表中的单元格")
    cell = fmt.parse_path(path)
    try:
        return cell, values.check_json(cell, value)
    except values.CellValueError as exc:
        raise OverrideRefused(exc.message) from None


@transaction.atomic
def report_cell_override(
    *,
    report: AnnualReport,
    path: str,
    value: values.JsonValue,
    actor: User,
    note: str = "",
) -> ReportCellOverride:
    """Override one cell of ``report`` with ``value`` (its JSON form; None is
    blank).  A new override of the same cell supersedes the one in force; making
    the same one again confirms it after a review."""
    report = _locked(report, actor)
    cell, value = _cell(path, value)
    machine = report_machine(report=report)
    if getattr(machine.data, str(cell[0]), None) is None:
        raise OverrideRefused("来源中没有这张表，不能逐格更正；请先补全整张表")
    at_machine = values.to_json(get_cell(machine.data, cell))
    previous = values.to_json(get_cell(report_data(report=report), cell))
    old = (
        ReportCellOverride.objects.select_for_update()
        .filter(report=report, path=path, active=True)
        .first()
    )
    under_review = old is not None and not values.same(old.machine_value, at_machine)
    if values.same(previous, value) and not under_review:
        shown = values.display(value, blank="空白")
        raise OverrideRefused(f"该单元格现在就是 {shown}，无需更正")
    if old is not None:  # one override in force per cell: end the old one first
        old.active, old.end_reason, old.ended_by = False, OverrideEnd.SUPERSEDED, actor
        old.save(update_fields=["active", "end_reason", "ended_by", "updated_at"])
    override = ReportCellOverride.objects.create(
        report=report,
        path=path,
        value=value,
        previous_value=previous,
        machine_value=at_machine,
        actor=actor,
        note=note.strip(),
    )
    if old is not None:
        old.superseded_by = override
        old.save(update_fields=["superseded_by", "updated_at"])
    report_rebuild(
        report=report,
        machine=machine.data,
        origins=machine.origins,
        notes=machine.notes,
        actor=actor,
        action=events.CELL_OVERRIDDEN,
        note=note.strip(),
        payload={"path": path, "old": previous, "new": value, "machine": at_machine},
    )
    return override


@transaction.atomic
def report_cell_override_withdraw(
    *, override: ReportCellOverride, actor: User, note: str = ""
) -> AnnualReport:
    """End an override: the cell shows its machine value again."""
    report = _locked(override.report, actor)
    override = ReportCellOverride.objects.select_for_update().get(pk=override.pk)
    if not override.active:
        raise OverrideRefused("这条更正已经失效")
    override.active = False
    override.end_reason, override.ended_by = OverrideEnd.WITHDRAWN, actor
    override.end_note = note.strip()
    override.save(
        update_fields=["active", "end_reason", "ended_by", "end_note", "updated_at"]
    )
    machine = report_machine(report=report)
    cell = fmt.parse_path(override.path)
    restored = (
        values.to_json(get_cell(machine.data, cell))
        if getattr(machine.data, str(cell[0]), None) is not None
        else None
    )
    return report_rebuild(
        report=report,
        machine=machine.data,
        origins=machine.origins,
        notes=machine.notes,
        actor=actor,
        action=events.CELL_OVERRIDE_WITHDRAWN,
        note=note.strip(),
        payload={"path": override.path, "value": override.value, "restored": restored},
    )
