"""An auditor's review of an import: take another cut of a run of glued digits, accept
the inferred one, fill in or correct a cell (also of a table the import did not find),
and name the organ and the year of a report (or of a file whose import could not
find them).

Every change of a value is a cell override (``annual_reports.report_cell_override``:
one write path for corrections); the other actions are ImportEvents.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from django.db import transaction

from gongkai.accounts.models import User
from gongkai.annual_reports import events as report_events
from gongkai.annual_reports import values
from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.errors import OverrideRefused
from gongkai.annual_reports.models import AnnualReport, ReportCellOverride
from gongkai.annual_reports.selectors import report_machine
from gongkai.annual_reports.services import report_cell_override, report_rebuild
from gongkai.core.errors import InvalidState, PermissionDenied
from gongkai.imports import events, permissions
from gongkai.imports.errors import ImportFailed
from gongkai.imports.models import ImportBatch, ImportEvent, ImportRecord, RecordStatus
from gongkai.imports.review import Split, split_get, tables_added
from gongkai.imports.selectors import current_record
from gongkai.imports.services.importing import Parse, _parse, parse_published
from gongkai.imports.services.organisations import organisation_get_or_create_imported
from gongkai.imports.services.reports import (
    record_figures,
    record_statistics,
    report_store_imported,
)
from gongkai.orgs.models import Organisation

#: The note of the overrides made by choosing another cut.
CHOSEN_SPLIT_NOTE = "按候选拆分更正"


def _may_correct(actor: User, report: AnnualReport) -> None:
    if not permissions.can_correct(actor, report):
        raise PermissionDenied(f"您无权更正「{report.organisation}」的年度报告")


def _split(report: AnnualReport, key: str) -> Split:
    split = split_get(report=report, key=key)
    if split is None:
        raise InvalidState("这份报告的当前导入中没有这一处推断的拆分")
    return split


@transaction.atomic
def split_choose(
    *, report: AnnualReport, key: str, choice: int, actor: User
) -> list[ReportCellOverride]:
    """Put the ``choice``-th other possible cut of the run ``key`` in its cells:
    one override per cell that changes, all with the same note."""
    split = _split(report, key)
    if not 0 <= choice < len(split.alternatives):
        raise InvalidState("没有这种候选拆分")
    chosen = split.alternatives[choice]
    shown = " | ".join(map(str, chosen))
    note = f"{CHOSEN_SPLIT_NOTE}：「{split.run}」拆为 {shown}"
    made = [
        report_cell_override(
            report=report, path=path, value=value, actor=actor, note=note
        )
        for path, value, now in zip(split.paths, chosen, split.current, strict=True)
        if not values.same(now, value)
    ]
    if not made:
        raise OverrideRefused(f"这些单元格现在就是 {shown}，无需更正")
    return made


@transaction.atomic
def split_accept(*, report: AnnualReport, key: str, actor: User) -> ImportEvent:
    """A person checked the inferred cut of the run ``key`` against the source and
    keeps it: recorded as reviewed."""
    _may_correct(actor, report)
    split = _split(report, key)
    if split.accepted_by:
        raise InvalidState(f"{split.accepted_by}已确认过这一拆分")
    return ImportEvent.objects.create(
        action=events.SPLIT_ACCEPTED,
        actor=actor,
        organisation=report.organisation,
        payload={
            "report": report.pk,
            "record": split.record,
            "key": key,
            "paths": list(split.paths),
            "values": list(split.values),
            "run": split.run,
            "band": split.band,
            "method": split.method,
        },
    )


@transaction.atomic
def report_cell_correct(
    *,
    report: AnnualReport,
    path: str,
    value: values.JsonValue,
    actor: User,
    note: str = "",
) -> ReportCellOverride:
    """A person's value for one cell, as a cell override.  A cell of a table the
    import did not find in the source starts that table (blank, recorded as an
    event), so that it can be filled in cell by cell."""
    table = path.split(".", 1)[0]
    record = current_record(report=report)
    if (
        record is not None
        and (record.statistics or {}).get(table) is None
        and table not in tables_added(record=record)
    ):
        _table_add(report, record, table, actor)
    return report_cell_override(
        report=report, path=path, value=value, actor=actor, note=note
    )


def _table_add(
    report: AnnualReport, record: ImportRecord, table: str, actor: User
) -> None:
    """Start a table the import did not find: blank in the machine values (the
    imports selectors read the event), stored through the report pipeline."""
    _may_correct(actor, report)
    payload = {"report": report.pk, "record": record.pk, "table": table}
    ImportEvent.objects.create(
        action=events.TABLE_ADDED,
        actor=actor,
        organisation=report.organisation,
        payload=payload,
    )
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    machine = report_machine(report=report)
    report_rebuild(
        report=report,
        machine=machine.data,
        origins=machine.origins,
        notes=machine.notes,
        actor=actor,
        action=report_events.REPORT_TABLE_ADDED,
        payload=payload,
    )


def _organisation(
    organisation: Organisation | None, name: str, actor: User
) -> Organisation:
    if organisation is not None:
        return organisation
    if not name.strip():
        raise InvalidState("请选择一个机关，或填写机关名称")
    return organisation_get_or_create_imported(name=name, actor=actor)[0]


@transaction.atomic
def report_assign(
    *,
    report: AnnualReport,
    actor: User,
    year: int,
    organisation: Organisation | None = None,
    name: str = "",
) -> AnnualReport:
    """Name the organ (an existing one, or by name: matched or created unconfirmed)
    and the year of an imported report."""
    _may_correct(actor, report)
    report = (
        AnnualReport.objects.select_for_update()
        .select_related("organisation")
        .get(pk=report.pk)
    )
    target = _organisation(organisation, name, actor)
    before = (report.organisation, report.year)
    if before == (target, year):
        raise InvalidState("机关和年度都没有变化")
    taken = AnnualReport.objects.filter(organisation=target, year=year)
    if taken.exclude(pk=report.pk).exists():
        raise InvalidState(
            f"「{target}」{year}年已有年度报告，不能再指定为该机关和年度"
        )
    report.organisation, report.year = target, year
    report.save(update_fields=["organisation", "year", "updated_at"])
    payload = {
        "report": report.pk,
        "from_organisation": before[0].pk,
        "from_name": before[0].name,
        "from_year": before[1],
        "organisation": target.pk,
        "name": target.name,
        "year": year,
    }
    machine = report_machine(report=report)
    report_rebuild(
        report=report,
        machine=machine.data,
        origins=machine.origins,
        notes=machine.notes,
        actor=actor,
        action=report_events.REPORT_REASSIGNED,
        note=f"{before[0]}{before[1]}年 → {target}{year}年",
        payload=payload,
    )
    ImportEvent.objects.create(
        action=events.REPORT_ASSIGNED,
        actor=actor,
        organisation=target,
        payload=payload,
    )
    return report


@transaction.atomic
def record_assign(
    *,
    record: ImportRecord,
    actor: User,
    year: int,
    clock: Callable[[], datetime],
    organisation: Organisation | None = None,
    name: str = "",
    parse: Parse = parse_published,
) -> AnnualReport:
    """A file whose import found no organ or no year: a person names them.  The
    stored file is parsed again and stored as that organ's report for that year (in
    a batch of its own); tables not found can then be filled in cell by cell."""
    if not permissions.can_upload_imports(actor):
        raise PermissionDenied("您无权为导入失败的文件指定机关和年度")
    record = ImportRecord.objects.select_for_update().get(pk=record.pk)
    source = record.source_file
    if record.status != RecordStatus.FAILED or source is None:
        raise InvalidState("只能为导入失败、且保存了来源文件的记录指定机关和年度")
    if ImportEvent.objects.filter(
        action=events.RECORD_ASSIGNED, payload__record=record.pk
    ).exists():
        raise InvalidState("已为这个文件指定过机关和年度")
    target = _organisation(organisation, name, actor)
    result = _parse(bytes(source.content), Path(record.path), parse)
    data = replace(
        result.report or ReportData(year=None, org=None), org=target.name, year=year
    )
    now = clock()
    batch = ImportBatch.objects.create(
        actor=actor,
        started_at=now,
        finished_at=now,
        paths=[record.path],
        imported_count=1,
    )
    new = ImportRecord.objects.create(
        batch=batch,
        path=record.path,
        source_file=source,
        status=RecordStatus.IMPORTED,
        statistics=record_statistics(data, organisation=target),
        findings=[f.to_dict() for f in result.findings],
        provenance={k: span.to_dict() for k, span in result.provenance.items()},
        detected=dict(result.detected),
        narrative_figures=record_figures(result.narrative_figures),
    )
    try:
        report = report_store_imported(
            organisation=target, data=data, record=new, actor=actor
        )
    except ImportFailed as exc:
        raise InvalidState(exc.message) from None
    ImportEvent.objects.create(
        action=events.RECORD_ASSIGNED,
        actor=actor,
        organisation=target,
        batch=batch,
        payload={
            "record": record.pk,
            "new_record": new.pk,
            "report": report.pk,
            "organisation": target.pk,
            "name": target.name,
            "year": year,
            "reason": record.error,
        },
    )
    return report
