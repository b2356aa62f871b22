"""Imported reports: a parse stored as the organ's report, and people's corrections
kept on top of it.

The report's statistics are always *the latest parse with the active corrections
applied*; its findings are the parser's own findings, the check of those statistics
and, for every correction whose parsed value has since changed, a finding asking a
person to review it.  A re-import never silently overwrites a correction.

Imported reports are documents the organ already published, so they are stored as
published.  ``annual_reports.services.report_save`` refuses to change a published
report (staff must unpublish first); an import is not a staff edit, so it is written
here, and every change is recorded as an AnnualReportEvent.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.accounts.models import User
from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import (
    FEE_PATTERN,
    ReportData,
    report_from_dict,
    report_to_dict,
)
from gongkai.annual_reports.models import (
    AnnualReport,
    AnnualReportEvent,
    Source,
    Status,
)
from gongkai.annual_reports.selectors import report_data
from gongkai.annual_reports.validation.findings import CellRef, Finding, Severity
from gongkai.annual_reports.validation.rules import RULES, check_report
from gongkai.core.errors import PermissionDenied
from gongkai.imports import access
from gongkai.imports.cells import (
    FEE_PATH,
    CellValueError,
    JsonValue,
    cell_path,
    display,
    get_value,
    same_value,
    table_present,
    with_values,
)
from gongkai.imports.codes import REVIEW_CODE, UNAPPLIED_CODE
from gongkai.imports.errors import CorrectionRefused, ImportFailed
from gongkai.imports.models import (
    CorrectionEnd,
    ImportRecord,
    RecordStatus,
    ReportCorrection,
)
from gongkai.orgs.models import Organisation

CHECK_CODES = frozenset(rule.code for rule in RULES)


def statistics_of(data: ReportData, *, organisation: Organisation) -> dict[str, Any]:
    """The interchange form stored for a parse (as report_save stores it)."""
    stats = report_to_dict(data, extended=False)
    stats["org"], stats["year"] = organisation.name, data.year
    if data.supplementary:
        stats["supplementary"] = dict(data.supplementary)
    return stats


def current_record(*, report: AnnualReport) -> ImportRecord | None:
    """The import the report's statistics come from (the latest that changed it)."""
    return (
        ImportRecord.objects.filter(report=report, status=RecordStatus.IMPORTED)
        .select_related("source_file")
        .order_by("-pk")
        .first()
    )


# ---------------------------------------------------------------------------
# Storing a parse
# ---------------------------------------------------------------------------
def report_store_imported(
    *,
    organisation: Organisation,
    data: ReportData,
    record: ImportRecord,
    actor: User | None,
) -> AnnualReport:
    """Store ``record``'s parse as the organ's report for the parsed year.

    Runs inside the caller's transaction (one per file).  Refuses to touch a report
    that was not imported (one filled in or computed in gongkai)."""
    report = (
        AnnualReport.objects.select_for_update()
        .filter(organisation=organisation, year=data.year)
        .first()
    )
    created = report is None
    if report is None:
        report = AnnualReport(
            organisation=organisation, year=data.year, source=Source.IMPORTED
        )
    elif report.source != Source.IMPORTED:
        raise ImportFailed(
            f"「{organisation}」{data.year}年已有{report.get_source_display()}的年度报告，"
            "导入不会覆盖它"
        )
    report.title = data.title or ""
    report.format_version = data.format_version
    report.overview = data.narrative.overview
    report.problems = data.narrative.problems
    report.other_matters = data.narrative.other
    report.status = Status.PUBLISHED
    report.published_on = data.published_on or report.published_on
    reviews = _rebuild(report, record)
    report.save()
    record.report = report
    record.save(update_fields=["report", "updated_at"])
    AnnualReportEvent.objects.create(
        report=report,
        actor=actor,
        action="imports.imported" if created else "imports.reimported",
        payload={
            "source_file": record.source_file.sha256 if record.source_file else "",
            "file": record.path,
            "errors": report.error_count,
            "warnings": report.warning_count,
            "reviews": reviews,
        },
    )
    return report


def _rebuild(report: AnnualReport, record: ImportRecord) -> int:
    """Set the report's statistics and findings from ``record`` and the active
    corrections.  Returns how many corrections need a person's review."""
    corrections = (
        []
        if report.pk is None
        else list(
            ReportCorrection.objects.filter(report=report, active=True)
            .select_related("actor")
            .order_by("pk")
        )
    )
    parsed: dict[str, Any] = dict(record.statistics or {})
    values: dict[fmt.Path, JsonValue] = {}
    notes: list[Finding] = []
    for correction in corrections:
        path = fmt.parse_path(correction.path)
        if not table_present(parsed, path):
            notes.append(
                _note(
                    UNAPPLIED_CODE,
                    correction,
                    path,
                    "无法应用：最近导入的文件中没有这张表",
                )
            )
            continue
        values[path] = correction.value
        now_parsed = get_value(parsed, path)
        if not same_value(now_parsed, correction.parsed_value):
            notes.append(_review(correction, path, now_parsed))
    report.statistics = with_values(parsed, values)
    findings = _findings(report, record, {fmt.path_str(p) for p in values}, notes)
    report.findings = [f.to_dict() for f in findings]
    report.error_count = sum(f.severity == Severity.ERROR for f in findings)
    report.warning_count = sum(f.severity == Severity.WARNING for f in findings)
    return sum(f.code == REVIEW_CODE for f in notes)


def _note(
    code: str,
    correction: ReportCorrection,
    path: fmt.Path,
    what: str,
    severity: Severity = Severity.WARNING,
) -> Finding:
    ref = CellRef.at(path)
    when = timezone.localtime(correction.created_at).date().isoformat()
    return Finding(
        code,
        severity,
        f"{ref.describe()}：{correction.actor}于{when}更正为"
        f"{display(correction.value)}，{what}",
        (ref,),
    )


def _review(
    correction: ReportCorrection, path: fmt.Path, now_parsed: JsonValue
) -> Finding:
    what = (
        f"但最近导入的文件此处解析为 {display(now_parsed)}"
        f"（更正时解析为 {display(correction.parsed_value)}）"
    )
    if same_value(now_parsed, correction.value):
        return _note(
            REVIEW_CODE,
            correction,
            path,
            what + "，与更正值一致；请确认后撤销更正",
            Severity.INFO,
        )
    return _note(REVIEW_CODE, correction, path, what + "；更正仍然有效，请复核")


def _findings(
    report: AnnualReport,
    record: ImportRecord,
    corrected: set[str],
    notes: Iterable[Finding],
) -> list[Finding]:
    """Parser findings (less the check, which is run again, and less those about
    cells a person has corrected), the loader's, the notes, then the check."""
    parser = [
        f
        for f in map(Finding.from_dict, record.findings or [])
        if f.code not in CHECK_CODES
        and not (f.cells and all(fmt.path_str(c.path) in corrected for c in f.cells))
    ]
    loaded = report_from_dict(report.statistics)
    return check_report(report_data(report=report), [*parser, *loaded.findings, *notes])


# ---------------------------------------------------------------------------
# Corrections
# ---------------------------------------------------------------------------
def _check_value(path: fmt.Path, value: JsonValue) -> None:
    if value is None:
        return
    if path == FEE_PATH:
        if isinstance(value, str) and FEE_PATTERN.match(value):
            return
        raise CorrectionRefused("收费金额应为非负十进制数的字符串（单位：万元）")
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CorrectionRefused("件数应为非负整数；不报告时留空")


def _locked_report(report: AnnualReport, actor: User) -> AnnualReport:
    report = (
        AnnualReport.objects.select_for_update()
        .select_related("organisation")
        .get(pk=report.pk)
    )
    if not access.can_correct(actor, report):
        raise PermissionDenied(f"您无权更正「{report.organisation}」的年度报告")
    return report


def _record_for(report: AnnualReport) -> ImportRecord:
    record = current_record(report=report)
    if record is None or report.source != Source.IMPORTED:
        raise CorrectionRefused("只有导入的年度报告可以在这里更正解析值")
    return record


@transaction.atomic
def report_correct(
    *, report: AnnualReport, path: str, value: JsonValue, actor: User, note: str = ""
) -> ReportCorrection:
    """Correct one parsed value of an imported report.  The correction is kept with
    who made it and stays in force over later imports of the report."""
    report = _locked_report(report, actor)
    record = _record_for(report)
    try:
        cell = cell_path(path)
    except CellValueError as exc:
        raise CorrectionRefused(str(exc)) from None
    _check_value(cell, value)
    if not table_present(record.statistics, cell):
        raise CorrectionRefused("来源文件中没有这张表，不能逐格更正")
    parsed = get_value(record.statistics, cell)
    previous = get_value(report.statistics, cell)
    old = (
        ReportCorrection.objects.select_for_update()
        .filter(report=report, path=path, active=True)
        .first()
    )
    under_review = old is not None and not same_value(old.parsed_value, parsed)
    if same_value(previous, value) and not under_review:
        raise CorrectionRefused(f"该单元格现在就是 {display(value)}，无需更正")
    if old is not None:
        old.active, old.end_reason, old.ended_by = (
            False,
            CorrectionEnd.SUPERSEDED,
            actor,
        )
        old.save(update_fields=["active", "end_reason", "ended_by", "updated_at"])
    correction = ReportCorrection.objects.create(
        report=report,
        path=path,
        value=value,
        previous_value=previous,
        parsed_value=parsed,
        actor=actor,
        note=note.strip(),
    )
    if old is not None:
        old.superseded_by = correction
        old.save(update_fields=["superseded_by", "updated_at"])
    _rebuild(report, record)
    report.save()
    AnnualReportEvent.objects.create(
        report=report,
        actor=actor,
        action="imports.corrected",
        note=note.strip(),
        payload={"path": path, "old": previous, "new": value, "parsed": parsed},
    )
    return correction


@transaction.atomic
def report_correction_withdraw(
    *, correction: ReportCorrection, actor: User, note: str = ""
) -> AnnualReport:
    """Withdraw a correction: the cell shows the parsed value again."""
    report = _locked_report(correction.report, actor)
    record = _record_for(report)
    correction = ReportCorrection.objects.select_for_update().get(pk=correction.pk)
    if not correction.active:
        raise CorrectionRefused("这条更正已经失效")
    correction.active = False
    correction.end_reason, correction.ended_by = CorrectionEnd.WITHDRAWN, actor
    correction.save(update_fields=["active", "end_reason", "ended_by", "updated_at"])
    _rebuild(report, record)
    report.save()
    AnnualReportEvent.objects.create(
        report=report,
        actor=actor,
        action="imports.correction_withdrawn",
        note=note.strip(),
        payload={
            "path": correction.path,
            "value": correction.value,
            "restored": get_value(report.statistics, fmt.parse_path(correction.path)),
        },
    )
    return report
