"""Side-by-side comparison of reports: each report's main figures, marked where a
check relation through the cell is broken (from the report's stored findings) or
where the carry-over to or from another year does not match."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.comparison.carry_over import (
    CarryOver,
    CarryPair,
    carry_overs_for,
    carry_pairs,
)
from gongkai.annual_reports.comparison.figures import (
    MAIN_FIGURES,
    Figure,
    Number,
    figure_value,
)
from gongkai.annual_reports.comparison.inputs import ReportInput
from gongkai.annual_reports.validation.findings import Severity

T = fmt.TOTAL_COLUMN


@dataclass(frozen=True)
class FigureCell:
    figure: Figure
    value: Number | None
    broken: bool  # a check relation through the cell is broken
    carry: bool  # the carry-over to or from another year does not match
    messages: tuple[str, ...]

    @property
    def text(self) -> str:
        if self.value is None:
            return ""
        return (
            format(self.value, "f")
            if isinstance(self.value, Decimal)
            else str(self.value)
        )


@dataclass(frozen=True)
class ComparisonRow:
    report: ReportInput
    cells: tuple[FigureCell, ...]
    errors: int
    warnings: int


@dataclass(frozen=True)
class Comparison:
    figures: tuple[Figure, ...]
    rows: tuple[ComparisonRow, ...]
    carry_overs: tuple[CarryOver, ...]

    @property
    def carry_pairs(self) -> tuple[CarryPair, ...]:
        return carry_pairs(self.carry_overs)

    def chart_data(self) -> dict[str, Any]:
        """Data for the charts: one series per figure across the rows."""
        return {
            "labels": [row.report.label for row in self.rows],
            "organisations": [row.report.organisation for row in self.rows],
            "years": [row.report.year for row in self.rows],
            "figures": [
                {
                    "key": fig.key,
                    "label": fig.label,
                    "legal": fig.legal,
                    "values": [_chart_number(row.cells[i].value) for row in self.rows],
                    "broken": [row.cells[i].broken for row in self.rows],
                    "carry": [row.cells[i].carry for row in self.rows],
                }
                for i, fig in enumerate(self.figures)
            ],
        }


def _chart_number(value: Number | None) -> float | int | None:
    if value is None:
        return None
    return float(value) if isinstance(value, Decimal) else value


def _error_paths(findings: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in findings:
        if f.get("severity") != Severity.ERROR:
            continue
        for cell in f.get("cells", ()):
            out.setdefault(str(cell.get("path", "")), []).append(
                str(f.get("message", ""))
            )
    return out


def compare_reports(
    reports: Sequence[ReportInput], previous: Sequence[ReportInput] = ()
) -> Comparison:
    """The comparison of ``reports`` (in the order given); ``previous`` are reports
    of the year before, used only for the carry-over check."""
    carries = carry_overs_for(reports, previous)
    carry_cells: dict[int, dict[str, list[str]]] = {}
    for carry in carries:
        for report, path in (
            (carry.previous, ("applications", "carried_forward")),
            (carry.current, ("applications", "carried_over")),
        ):
            # The figures show the 总计 column; a mismatch in any column marks it.
            key = fmt.path_str((*path, T))
            carry_cells.setdefault(report.report_id, {}).setdefault(key, []).append(
                carry.finding.message
            )
    rows = []
    for report in reports:
        broken = _error_paths(report.findings)
        carried = carry_cells.get(report.report_id, {})
        cells = tuple(_cell(report, fig, broken, carried) for fig in MAIN_FIGURES)
        rows.append(
            ComparisonRow(
                report,
                cells,
                errors=sum(
                    f.get("severity") == Severity.ERROR for f in report.findings
                ),
                warnings=sum(
                    f.get("severity") == Severity.WARNING for f in report.findings
                ),
            )
        )
    return Comparison(MAIN_FIGURES, tuple(rows), tuple(carries))


def _cell(
    report: ReportInput,
    figure: Figure,
    broken: Mapping[str, list[str]],
    carry: Mapping[str, list[str]],
) -> FigureCell:
    keys = [fmt.path_str(p) for p in figure.paths]
    messages = [m for k in keys for m in (*broken.get(k, ()), *carry.get(k, ()))]
    return FigureCell(
        figure=figure,
        value=figure_value(report.statistics, figure),
        broken=any(k in broken for k in keys),
        carry=any(k in carry for k in keys),
        messages=tuple(dict.fromkeys(messages)),
    )
