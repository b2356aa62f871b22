"""Reads of the imports app: lists of imported reports and organs, the report page,
one cell's details, and the comparison."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports import origins as cell_origins
from gongkai.annual_reports.codes import CORRECTION_REVIEW as REVIEW_CODE
from gongkai.annual_reports.comparison import (
    CarryOver,
    Comparison,
    ReportInput,
    carry_overs_for,
    compare_reports,
)
from gongkai.annual_reports.composition import Machine, with_metadata
from gongkai.annual_reports.data import (
    ReportData,
    blank_report,
    iter_cells,
    report_from_dict,
)
from gongkai.annual_reports.errors import ReportNotFound
from gongkai.annual_reports.models import (
    AnnualReport,
    AnnualReportEvent,
    ReportCellOverride,
    Source,
    Status,
)
from gongkai.annual_reports.origins import CellOrigin, Origin
from gongkai.annual_reports.selectors import (
    report_cell_origin,
    report_current_findings,
    report_data,
    report_findings_stale,
    report_machine_stored,
    report_override_history,
    report_override_list_active,
)
from gongkai.annual_reports.validation.findings import CellRef, Finding, Severity
from gongkai.imports import events, permissions
from gongkai.imports.cells import JsonValue, cell_path, get_value
from gongkai.imports.models import (
    ImportBatch,
    ImportEvent,
    ImportRecord,
    RecordStatus,
    SourceFile,
)
from gongkai.imports.source import SourceLine, TextFigure, source_lines, text_figures
from gongkai.orgs.models import Organisation


# ---------------------------------------------------------------------------
# The machine values of an imported report (for the report pipeline)
# ---------------------------------------------------------------------------
def current_record(*, report: AnnualReport) -> ImportRecord | None:
    """The import the report's statistics come from (the latest that changed it)."""
    return (
        ImportRecord.objects.filter(report=report, status=RecordStatus.IMPORTED)
        .select_related("source_file")
        .order_by("-pk")
        .first()
    )


def imported_origins(
    data: ReportData, *, record: int, provenance: Mapping[str, Any]
) -> dict[str, Origin]:
    """Every cell of a parse: imported from ``record``, with its span."""
    out: dict[str, Origin] = {}
    for path, _ in iter_cells(data):
        key = fmt.path_str(path)
        span = provenance.get(key)
        out[key] = cell_origins.imported(
            record=record, span=span if isinstance(span, dict) else None
        )
    return out


def report_machine(*, report: AnnualReport) -> Machine:
    """An imported report's machine values: its latest parse, each cell imported
    from it, and the parser's findings (``annual_reports.selectors.MODE_PROVIDERS``
    names this function)."""
    record = current_record(report=report)
    if record is None:
        return report_machine_stored(report=report)
    data = with_metadata(report, report_from_dict(record.statistics or {}).report)
    data = _with_added_tables(data, record)
    return Machine(
        data,
        imported_origins(data, record=record.pk, provenance=record.provenance or {}),
        tuple(Finding.from_dict(f) for f in record.findings or ()),
    )


def _with_added_tables(data: ReportData, record: ImportRecord) -> ReportData:
    """Tables the import did not find in the source that a person started filling
    in (``imports.services.review.report_cell_correct``): blank, to be overridden
    cell by cell."""
    missing = [t for t in fmt.TABLE_LABELS if getattr(data, t) is None]
    if not missing:
        return data
    added = set(
        ImportEvent.objects.filter(
            action=events.TABLE_ADDED, payload__record=record.pk
        ).values_list("payload__table", flat=True)
    )
    blank = blank_report(org=None, year=None)
    return replace(data, **{t: getattr(blank, t) for t in missing if t in added})


def may_override(user: Any, report: AnnualReport) -> bool:
    """Who may correct an imported report's cells besides its organ's editors."""
    return permissions.can_correct(user, report)


# ---------------------------------------------------------------------------
# Lists
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ImportedReportRow:
    report: AnnualReport
    source: SourceFile | None
    codes: tuple[tuple[str, int], ...]  # finding code, how many
    corrections: int
    #: The stored findings come from other rules than today's (``gongkai recheck``
    #: stores new ones; the report's page rechecks on read).
    stale: bool = False


def imported_report_list(
    *,
    q: str = "",
    year: int | None = None,
    code: str = "",
    errors_only: bool = False,
    unconfirmed_only: bool = False,
) -> list[ImportedReportRow]:
    reports = (
        AnnualReport.objects.filter(source=Source.IMPORTED)
        .select_related("organisation")
        .annotate(
            active_corrections=Count("overrides", filter=Q(overrides__active=True))
        )
        .order_by("organisation__name", "-year")
    )
    if q.strip():
        reports = reports.filter(organisation__name__icontains=q.strip())
    if year is not None:
        reports = reports.filter(year=year)
    if errors_only:
        reports = reports.filter(error_count__gt=0)
    if unconfirmed_only:
        reports = reports.filter(organisation__confirmed=False)
    sources = _current_sources([r.pk for r in reports])
    rows = []
    for report in reports:
        codes = Counter(str(f.get("code", "")) for f in report.findings or [])
        if code and code not in codes:
            continue
        rows.append(
            ImportedReportRow(
                report,
                sources.get(report.pk),
                tuple(sorted(codes.items())),
                report.active_corrections,
                report_findings_stale(report=report),
            )
        )
    return rows


def _current_sources(report_ids: Sequence[int]) -> dict[int, SourceFile]:
    records = (
        ImportRecord.objects.filter(
            report_id__in=report_ids, status=RecordStatus.IMPORTED
        )
        .select_related("source_file")
        .defer("source_file__content", "source_file__text")
        .order_by("report_id", "pk")
    )
    return {
        r.report_id: r.source_file
        for r in records
        if r.source_file is not None and r.report_id is not None
    }


def imported_years() -> list[int]:
    return sorted(
        set(
            AnnualReport.objects.filter(source=Source.IMPORTED).values_list(
                "year", flat=True
            )
        ),
        reverse=True,
    )


def imported_finding_codes() -> list[str]:
    codes: set[str] = set()
    for findings in AnnualReport.objects.filter(source=Source.IMPORTED).values_list(
        "findings", flat=True
    ):
        codes.update(str(f.get("code", "")) for f in findings or [])
    return sorted(codes)


def batch_list_recent(*, limit: int = 5) -> list[ImportBatch]:
    failed = ImportRecord.objects.filter(status=RecordStatus.FAILED).order_by("pk")
    return list(
        ImportBatch.objects.select_related("actor")
        .prefetch_related(
            Prefetch("records", queryset=failed, to_attr="failed_records")
        )
        .order_by("-started_at", "-pk")[:limit]
    )


def organisation_list_unconfirmed() -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(confirmed=False)
        .annotate(report_count=Count("annual_reports"))
        .order_by("name")
    )


# ---------------------------------------------------------------------------
# One report
# ---------------------------------------------------------------------------
def report_get_imported(*, pk: int) -> AnnualReport:
    report = (
        AnnualReport.objects.select_related("organisation")
        .filter(pk=pk, source=Source.IMPORTED)
        .first()
    )
    if report is None:
        raise ReportNotFound("没有这份导入的年度报告")
    return report


@dataclass(frozen=True)
class ReportPage:
    report: AnnualReport
    data: ReportData
    record: ImportRecord | None
    source: SourceFile | None
    lines: list[SourceLine]
    findings: list[Finding]
    carry_overs: list[CarryOver]
    highlight: dict[str, str]
    corrections: list[ReportCellOverride]  # active ones
    records: list[ImportRecord]
    events: list[AnnualReportEvent] = field(default_factory=list)
    #: (label, path, text as in the source) for the title, organ and year read
    meta: list[tuple[str, str, str]] = field(default_factory=list)
    #: The numbers of the running text (never cells), with their context.
    figures: list[TextFigure] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != Severity.ERROR]


_SEVERITY_CLASS = {
    Severity.ERROR: "imp-error",
    Severity.WARNING: "imp-warning",
    Severity.INFO: "imp-info",
}


def report_page(*, report: AnnualReport) -> ReportPage:
    record = current_record(report=report)
    source = record.source_file if record is not None else None
    findings = report_current_findings(report=report)
    carries = report_carry_overs(report=report)
    corrections = sorted(
        report_override_list_active(report=report), key=lambda o: o.path
    )
    return ReportPage(
        report=report,
        data=report_data(report=report),
        record=record,
        source=source,
        lines=source_lines(source.text, record.provenance) if source and record else [],
        findings=findings,
        carry_overs=carries,
        highlight=_highlight(findings, carries, corrections, report),
        corrections=corrections,
        records=list(
            ImportRecord.objects.filter(report=report)
            .select_related("batch", "source_file")
            .defer("source_file__content", "source_file__text")
            .order_by("-pk")[:20]
        ),
        events=list(report.events.select_related("actor")[:20]),
        meta=_meta(record),
        figures=text_figures(source.text, record.narrative_figures)
        if source and record
        else [],
    )


_META_LABELS = (("title", "标题"), ("org", "机关"), ("year", "年度"))


def _meta(record: ImportRecord | None) -> list[tuple[str, str, str]]:
    provenance = record.provenance if record is not None else {}
    return [
        (label, path, str(provenance[path].get("text", "")).strip())
        for path, label in _META_LABELS
        if path in provenance
    ]


def _highlight(
    findings: Sequence[Finding],
    carries: Sequence[CarryOver],
    corrections: Sequence[ReportCellOverride],
    report: AnnualReport,
) -> dict[str, str]:
    classes: dict[str, set[str]] = {}

    def mark(path: str, css: str) -> None:
        classes.setdefault(path, set()).add(css)

    for finding in findings:
        css = (
            "imp-review"
            if finding.code == REVIEW_CODE
            else _SEVERITY_CLASS[finding.severity]
        )
        for cell in finding.cells:
            if len(cell.path) > 1:
                mark(fmt.path_str(cell.path), css)
    for carry in carries:
        own = carry.current if carry.current.report_id == report.pk else carry.previous
        path = "carried_over" if own is carry.current else "carried_forward"
        mark(f"applications.{path}.{carry.column}", "imp-carry")
    for correction in corrections:
        mark(correction.path, "imp-corrected")
    return {path: " ".join(sorted(css)) for path, css in classes.items()}


def report_carry_overs(*, report: AnnualReport) -> list[CarryOver]:
    """Carry-over mismatches with the organ's previous and next year."""
    neighbours = {
        r.year: r
        for r in _comparable().filter(
            organisation=report.organisation,
            year__in=(report.year - 1, report.year + 1),
        )
    }
    this = _input(report)
    out: list[CarryOver] = []
    if (before := neighbours.get(report.year - 1)) is not None:
        out += carry_overs_for([this], [_input(before)])
    if (after := neighbours.get(report.year + 1)) is not None:
        out += carry_overs_for([_input(after)], [this])
    return out


@dataclass(frozen=True)
class CellDetail:
    report: AnnualReport
    path: str
    row: str
    column: str
    value: JsonValue
    parsed: JsonValue
    span: dict[str, Any] | None
    history: list[ReportCellOverride]
    findings: list[Finding]
    table_present: bool
    origin: CellOrigin | None = None

    @property
    def active(self) -> ReportCellOverride | None:
        return next((c for c in self.history if c.active), None)


def cell_detail(*, report: AnnualReport, path: str) -> CellDetail:
    """Everything about one cell; CellValueError if ``path`` names no cell."""
    cell = cell_path(path)
    record = current_record(report=report)
    parsed_stats = record.statistics if record is not None else {}
    ref = CellRef.at(cell)
    findings = [
        f
        for f in report_current_findings(report=report)
        if any(c.path == cell for c in f.cells)
    ]
    findings += [
        c.finding
        for c in report_carry_overs(report=report)
        if any(fmt.path_str(r.path) == path for r in c.finding.cells)
        and _carry_side(c, report, path)
    ]
    return CellDetail(
        report=report,
        path=path,
        row=ref.row,
        column=ref.column,
        value=get_value(report.statistics or {}, cell),
        parsed=get_value(parsed_stats or {}, cell),
        span=(record.provenance or {}).get(path) if record is not None else None,
        history=report_override_history(report=report, path=path),
        findings=findings,
        table_present=bool((parsed_stats or {}).get(str(cell[0]))),
        origin=report_cell_origin(report=report, path=path),
    )


def _carry_side(carry: CarryOver, report: AnnualReport, path: str) -> bool:
    if carry.current.report_id == report.pk:
        return path.startswith("applications.carried_over.")
    return path.startswith("applications.carried_forward.")


# ---------------------------------------------------------------------------
# Comparison
# ---------------------------------------------------------------------------
def _comparable() -> QuerySet[AnnualReport]:
    """Reports an auditor compares: imported ones and published ones."""
    return AnnualReport.objects.filter(
        Q(source=Source.IMPORTED) | Q(status=Status.PUBLISHED)
    ).select_related("organisation")


def _input(report: AnnualReport) -> ReportInput:
    return ReportInput(
        report_id=report.pk,
        organisation_id=report.organisation_id,
        organisation=report.organisation.name,
        year=report.year,
        statistics=report.statistics or {},
        findings=tuple(report.findings or ()),
        imported=report.source == Source.IMPORTED,
    )


@dataclass(frozen=True)
class ComparisonOptions:
    organisations: list[Organisation]
    years: list[int]


def comparison_options() -> ComparisonOptions:
    reports = _comparable()
    org_ids = set(reports.values_list("organisation_id", flat=True))
    return ComparisonOptions(
        organisations=list(
            Organisation.objects.filter(pk__in=org_ids).order_by("name")
        ),
        years=sorted(set(reports.values_list("year", flat=True)), reverse=True),
    )


@dataclass(frozen=True)
class ComparisonSelection:
    organisation_ids: tuple[int, ...]
    years: tuple[int, ...]


def comparison_default(
    *, organisation_ids: Sequence[int], years: Sequence[int]
) -> ComparisonSelection:
    """What to compare when nothing (or only organs) is chosen: with no organ and no
    year, every organ in the latest year; organs without years, all their years."""
    if organisation_ids or years:
        return ComparisonSelection(tuple(organisation_ids), tuple(years))
    latest = _comparable().order_by("-year").values_list("year", flat=True).first()
    return ComparisonSelection((), (latest,) if latest is not None else ())


def comparison_build(*, selection: ComparisonSelection) -> Comparison:
    reports = _comparable()
    if selection.organisation_ids:
        reports = reports.filter(organisation_id__in=selection.organisation_ids)
    if selection.years:
        reports = reports.filter(year__in=selection.years)
    chosen = list(reports.order_by("organisation__name", "year"))
    wanted = {(r.organisation_id, r.year - 1) for r in chosen}
    before = [
        r
        for r in _comparable().filter(
            organisation_id__in={o for o, _ in wanted}, year__in={y for _, y in wanted}
        )
        if (r.organisation_id, r.year) in wanted
    ]
    return compare_reports([_input(r) for r in chosen], [_input(r) for r in before])
