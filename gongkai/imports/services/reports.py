"""Imported reports: a parse stored as the organ's report through the report
pipeline (``annual_reports.services.report_rebuild``).

The parse is the report's *machine values*; each cell's origin is the import record
and the span of the source text the value was read from.  People's corrections are
the general cell overrides of ``annual_reports`` (``report_cell_override``), applied
by the pipeline over every later import; a re-import never silently overwrites one.

Imported reports are documents the organ already published, so they are stored as
published; they reach the public portal only when a person chooses to show them
(``annual_reports.services.report_show_publicly``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gongkai.accounts.models import User
from gongkai.annual_reports import events
from gongkai.annual_reports.composition import statistics_of
from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.models import AnnualReport, Source, Status
from gongkai.annual_reports.services import report_rebuild
from gongkai.annual_reports.validation.findings import Finding
from gongkai.imports.errors import ImportFailed
from gongkai.imports.models import ImportRecord
from gongkai.imports.selectors import current_record, imported_origins
from gongkai.orgs.models import Organisation

if TYPE_CHECKING:
    from gongkai.annual_reports.importing.figures import NarrativeFigure

__all__ = [
    "current_record",
    "record_figures",
    "record_statistics",
    "report_store_imported",
]

#: Narrative figures kept per record at most (a long report's running text may
#: hold hundreds; the checks compare the first ones with the tables).
STORED_FIGURES = 300


def record_statistics(
    data: ReportData, *, organisation: Organisation
) -> dict[str, Any]:
    """The interchange form of a parse, as kept on its ImportRecord."""
    return statistics_of(data, org=organisation.name, year=data.year)


def record_figures(figures: Sequence[NarrativeFigure]) -> list[dict[str, Any]]:
    """The narrative figures of a parse as kept on its ImportRecord: value, unit
    and where they stand in the stored text (line, [start, end)); the context is
    read back from that text when shown, so it is not stored."""
    return [
        {
            "value": format(f.value, "f"),
            "unit": f.unit,
            "line": f.line,
            "start": f.start,
            "end": f.end,
        }
        for f in figures[:STORED_FIGURES]
    ]


def report_store_imported(
    *,
    organisation: Organisation,
    data: ReportData,
    record: ImportRecord,
    actor: User | None,
) -> AnnualReport:
    """Store ``record``'s parse as the organ's report for the parsed year.

    Runs inside the caller's transaction (one per file).  Refuses to touch a report
    that was not imported (one typed or computed in gongkai)."""
    year = data.year
    if year is None:
        raise ImportFailed("未能从文件中识别出统计年度")
    report = (
        AnnualReport.objects.select_for_update()
        .filter(organisation=organisation, year=year)
        .first()
    )
    created = report is None
    if report is None:
        report = AnnualReport(
            organisation=organisation, year=year, source=Source.IMPORTED
        )
    elif report.source != Source.IMPORTED:
        raise ImportFailed(
            f"「{organisation}」{year}年已有{report.get_source_display()}的年度报告，"
            "导入不会覆盖它"
        )
    report.status = Status.PUBLISHED
    report_rebuild(
        report=report,
        machine=data,
        origins=imported_origins(
            data, record=record.pk, provenance=record.provenance or {}
        ),
        notes=[Finding.from_dict(f) for f in record.findings or ()],
        actor=actor,
        action=events.REPORT_IMPORTED if created else events.REPORT_REIMPORTED,
        payload={
            "source_file": record.source_file.sha256 if record.source_file else "",
            "file": record.path,
        },
    )
    record.report = report
    record.save(update_fields=["report", "updated_at"])
    return report
