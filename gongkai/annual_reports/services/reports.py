"""Writes to an organ's reports: saving what a person typed, publishing, withdrawing
and showing an imported report to the public.  Every state change is one function
that records an AnnualReportEvent; callers pass the actor and today's date (no clock
reads here)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from gongkai.accounts.models import Role, User
from gongkai.accounts.scope import user_scope
from gongkai.annual_reports import codes, events, permissions, values
from gongkai.annual_reports import origins as cell_origins
from gongkai.annual_reports.data import ReportData, get_cell, iter_cells
from gongkai.annual_reports.errors import ComputedCellChanged, ReportHasErrors
from gongkai.annual_reports.format import cell_labels, parse_path, path_str
from gongkai.annual_reports.models import (
    AnnualReport,
    AnnualReportEvent,
    Source,
    Status,
)
from gongkai.annual_reports.origins import Origin
from gongkai.annual_reports.selectors import (
    report_data,
    report_findings,
    report_machine,
)
from gongkai.annual_reports.services.pipeline import report_rebuild
from gongkai.annual_reports.validation.findings import Finding, Severity
from gongkai.core.errors import InvalidState, PermissionDenied
from gongkai.orgs.models import Organisation


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
    """Create or update the report of ``organisation`` for ``year`` with what a
    person typed.  A cell whose value changed is *typed* by ``actor``; the others
    keep their origin (and an overridden cell shown unchanged keeps its machine
    value under the override).

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
    machine, origins = _typed(report, data, actor, created=created)
    return report_rebuild(
        report=report,
        machine=machine,
        origins=origins,
        actor=actor,
        action=events.REPORT_CREATED if created else events.REPORT_UPDATED,
    )


def _typed(
    report: AnnualReport, data: ReportData, actor: User | None, *, created: bool
) -> tuple[ReportData, dict[str, Origin]]:
    """The machine values and origins after a person saved ``data``."""
    typed = cell_origins.typed(by=actor.pk if actor is not None else None)
    if created:
        return data, {path_str(p): dict(typed) for p, _ in iter_cells(data)}
    before = report_machine(report=report)
    shown = report_data(report=report)
    machine, origins = data, {}
    refused: list[str] = []
    for path, value in iter_cells(data):
        key = path_str(path)
        try:
            unchanged = values.same(value, get_cell(shown, path))
        except KeyError:  # the table was missing before
            unchanged = False
        if unchanged and key in before.origins:
            origins[key] = dict(before.origins[key])
            earlier = get_cell(before.data, path)
            if not values.same(earlier, value):  # overridden: keep the machine value
                machine = machine.with_cell(path, earlier)
        elif cell_origins.from_records(before.origins.get(key)):
            refused.append(key)
        else:
            origins[key] = dict(typed)
    if refused:
        raise _computed_cells_changed(refused)
    return machine, origins


def _computed_cells_changed(paths: list[str]) -> ComputedCellChanged:
    named = []
    for key in paths[:5]:
        row, column = cell_labels(parse_path(key))
        named.append(f"{row}·{column}" if column else row)
    more = f"等 {len(paths)} 个单元格" if len(paths) > 5 else ""
    return ComputedCellChanged(
        "「"
        + "」「".join(named)
        + f"」{more}由办理记录计算得出，不能直接改写：请核对并更正相应的办理记录后重新计算，"
        "或对该单元格作“更正”并说明理由。其他内容没有保存。",
        paths=tuple(paths),
    )


def _refuse_unpublishable(report: AnnualReport) -> None:
    """Reg. 49/50: a report with a broken relation, or with a blank cell (a
    published report must say 0 where it means zero), is not published."""
    findings = report_findings(report=report)
    errors = [f for f in findings if f.severity == Severity.ERROR]
    if errors:
        raise ReportHasErrors(
            f"报告有 {len(errors)} 处错误，不能发布："
            + "；".join(f.message for f in errors[:3])
            + ("……" if len(errors) > 3 else "")
        )
    rows = [f for f in findings if f.code == codes.CELL_BLANK]  # one per row
    if rows:
        cells = sum(len(f.cells) for f in rows)
        named = "；".join(_blank_row(f) for f in rows[:3])
        raise ReportHasErrors(
            f"报告有 {cells} 个空白单元格（{len(rows)} 行），不能发布"
            f"（发布的报告中空白表示未报告）：{named}"
            + ("……" if len(rows) > 3 else "")
            + "。请逐格填写，数量为零的填 0"
        )


def _blank_row(finding: Finding) -> str:
    first = finding.cells[0]
    columns = "、".join(c.column for c in finding.cells if c.column)
    return f"「{first.row}」" + (f"的 {columns}" if columns else "")


@transaction.atomic
def report_publish(
    *,
    report: AnnualReport,
    actor: User,
    today: date,
    published_on: date | None = None,
) -> AnnualReport:
    """Publish the report on ``published_on`` (the date the person picked; by
    default ``today``).  A re-publication after a withdrawal records its own date.
    Refused while the check finds any error or any cell is blank."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not permissions.can_publish_report(actor, report.organisation):
        raise PermissionDenied(f"您无权发布「{report.organisation}」的年度报告")
    if report.is_published:
        raise InvalidState("报告已经发布")
    _refuse_unpublishable(report)
    report.status = Status.PUBLISHED
    report.published_on = published_on or today
    report.save(update_fields=["status", "published_on", "updated_at"])
    AnnualReportEvent.objects.create(
        report=report,
        actor=actor,
        action=events.REPORT_PUBLISHED,
        payload={"published_on": report.published_on.isoformat()},
    )
    return report


@transaction.atomic
def report_unpublish(*, report: AnnualReport, actor: User, reason: str) -> AnnualReport:
    """Withdraw the publication (the date it had is kept in the event)."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not permissions.can_publish_report(actor, report.organisation):
        raise PermissionDenied(f"您无权撤回「{report.organisation}」的年度报告")
    if not report.is_published:
        raise InvalidState("报告尚未发布")
    if report.source == Source.IMPORTED:
        raise InvalidState(
            "导入的报告是机关已发布的文件，不能撤回；可以取消在公开页面展示"
        )
    if not reason.strip():
        raise InvalidState("撤回发布须说明理由")
    was = report.published_on
    report.status, report.published_on = Status.DRAFT, None
    report.save(update_fields=["status", "published_on", "updated_at"])
    AnnualReportEvent.objects.create(
        report=report,
        actor=actor,
        note=reason,
        action=events.REPORT_UNPUBLISHED,
        payload={"published_on": was.isoformat() if was else None},
    )
    return report


def may_show_publicly(user: User, report: AnnualReport) -> bool:
    """Whoever may publish the organ's reports, or an office admin anywhere (who
    imports: an imported organ often has no place in the tree yet)."""
    return permissions.can_publish_report(user, report.organisation) or (
        user_scope(user).holds_anywhere({Role.OFFICE_ADMIN})
    )


@transaction.atomic
def report_show_publicly(
    *, report: AnnualReport, actor: User, shown: bool, note: str = ""
) -> AnnualReport:
    """Show an imported report on the public portal and API (``shown``), or take it
    off again.  The office's own reports are public when published."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not may_show_publicly(actor, report):
        raise PermissionDenied(
            f"您无权在公开页面展示「{report.organisation}」的年度报告"
        )
    if report.source != Source.IMPORTED:
        raise InvalidState("本机关的报告发布后即公开，无需另行展示")
    if report.shown_publicly == shown:
        raise InvalidState("报告已在公开页面展示" if shown else "报告未在公开页面展示")
    report.shown_publicly = shown
    report.save(update_fields=["shown_publicly", "updated_at"])
    AnnualReportEvent.objects.create(
        report=report,
        actor=actor,
        note=note.strip(),
        action=events.REPORT_SHOWN_PUBLICLY if shown else events.REPORT_HIDDEN_PUBLICLY,
    )
    return report
