"""What a report's stored statistics, origins and findings are, given its machine
values and the active cell overrides.  Computes only: the one writer is
``services.pipeline.report_rebuild``, and ``selectors.report_current_findings``
uses the same composition to recheck on read.

*Machine values* are what the report's source gives before any person's override:
an import's parse, the figures a person typed, the computation from records, the sum
of other reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from django.utils import timezone

from gongkai.annual_reports import codes, values
from gongkai.annual_reports import format as fmt
from gongkai.annual_reports import origins as cell_origins
from gongkai.annual_reports.data import (
    Narrative,
    ReportData,
    get_cell,
    report_from_dict,
    report_to_dict,
    set_cell,
)
from gongkai.annual_reports.models import AnnualReport, ReportCellOverride, Source
from gongkai.annual_reports.origins import Kind, Origin
from gongkai.annual_reports.validation.findings import CellRef, Finding, Severity
from gongkai.annual_reports.validation.rules import RULES, check_report

REVIEW_CODE = codes.CORRECTION_REVIEW
UNAPPLIED_CODE = codes.CORRECTION_UNAPPLIED
#: The codes of the check: never taken from a source's notes (they are run again).
CHECK_CODES = frozenset(rule.code for rule in RULES)


@dataclass(frozen=True)
class Machine:
    """A report's machine values, each cell's origin, and the source's own notes
    (e.g. the parser's findings)."""

    data: ReportData
    origins: Mapping[str, Origin]
    notes: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Composition:
    statistics: dict[str, Any]
    origins: dict[str, Origin]
    findings: list[Finding]

    @property
    def reviews(self) -> int:
        return sum(f.code == REVIEW_CODE for f in self.findings)


def with_metadata(report: AnnualReport, data: ReportData) -> ReportData:
    """``data`` with the report's own year, organ, title, narrative and date."""
    return replace(
        data,
        year=report.year,
        org=report.organisation.name,
        title=report.title or data.title,
        format_version=report.format_version,
        narrative=Narrative(report.overview, report.problems, report.other_matters),
        published_on=report.published_on,
    )


def statistics_of(data: ReportData, *, org: str, year: int | None) -> dict[str, Any]:
    """The interchange form stored for ``data`` as the statistics of ``org``'s
    report for ``year``."""
    stats = report_to_dict(data, extended=False)
    stats["org"], stats["year"] = org, year
    if data.supplementary:
        stats["supplementary"] = dict(data.supplementary)
    return stats


def compose(
    *,
    report: AnnualReport,
    machine: ReportData,
    origins: Mapping[str, Origin],
    notes: Iterable[Finding],
    overrides: Sequence[ReportCellOverride],
) -> Composition:
    """The statistics (machine values with the overrides applied), every cell's
    origin, and the findings: the source's notes (less the check's codes and those
    about overridden cells), the loader's, the overrides' and the check's."""
    stats = statistics_of(machine, org=report.organisation.name, year=report.year)
    out = {path: dict(origin) for path, origin in origins.items()}
    own: list[Finding] = []
    applied: set[str] = set()
    for override in overrides:
        path = fmt.parse_path(override.path)
        under = out.get(override.path)
        if getattr(machine, str(path[0]), None) is None:
            own.append(_unapplied(report, override, path))
            continue
        now = values.to_json(get_cell(machine, path))
        set_cell(stats, path, override.value)
        applied.add(override.path)
        out[override.path] = cell_origins.overridden(
            override=override.pk, machine=now, under=under
        )
        if not values.same(now, override.machine_value):
            own.append(_review(override, path, now, under))
    loaded = report_from_dict(stats)
    kept = [
        f
        for f in notes
        if f.code not in CHECK_CODES
        and not (f.cells and all(fmt.path_str(c.path) in applied for c in f.cells))
    ]
    findings = check_report(
        with_metadata(report, loaded.report), [*kept, *loaded.findings, *own]
    )
    return Composition(stats, out, findings)


# ---------------------------------------------------------------------------
# The overrides' findings
# ---------------------------------------------------------------------------
#: How the machine value is named in a review, by the origin of the machine value:
#: (now, at the time of the override).
_MACHINE_WORDS: dict[str, tuple[str, str]] = {
    Kind.IMPORTED: ("最近导入的文件此处解析为", "更正时解析为"),
    Kind.COMPUTED: ("由办理记录计算的值现为", "更正时为"),
    Kind.TYPED: ("此处填报的值现为", "更正时为"),
    Kind.AGGREGATED: ("汇总的值现为", "更正时为"),
}


def _shown(value: values.JsonValue) -> str:
    return values.display(value, blank="空白")


def _note(
    code: str,
    override: ReportCellOverride,
    path: fmt.Path,
    what: str,
    severity: Severity = Severity.WARNING,
) -> Finding:
    ref = CellRef.at(path)
    when = timezone.localtime(override.created_at).date().isoformat()
    return Finding(
        code,
        severity,
        f"{ref.describe()}：{override.actor}于{when}更正为"
        f"{_shown(override.value)}，{what}",
        (ref,),
    )


def _unapplied(
    report: AnnualReport, override: ReportCellOverride, path: fmt.Path
) -> Finding:
    where = "最近导入的文件中" if report.source == Source.IMPORTED else "报告中"
    return _note(UNAPPLIED_CODE, override, path, f"无法应用：{where}没有这张表")


def _review(
    override: ReportCellOverride,
    path: fmt.Path,
    now: values.JsonValue,
    under: Origin | None,
) -> Finding:
    kind = str((under or {}).get("kind", Kind.TYPED))
    now_words, then_words = _MACHINE_WORDS.get(kind, _MACHINE_WORDS[Kind.TYPED])
    what = (
        f"但{now_words} {_shown(now)}（{then_words} {_shown(override.machine_value)}）"
    )
    if values.same(now, override.value):
        return _note(
            REVIEW_CODE,
            override,
            path,
            what + "，与更正值一致；请确认后撤销更正",
            Severity.INFO,
        )
    return _note(REVIEW_CODE, override, path, what + "；更正仍然有效，请复核")
