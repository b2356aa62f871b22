"""Side-by-side comparison of annual reports, for auditors.  Pure: the statistics
and findings go in as plain data (the interchange form and the stored findings),
the comparison comes out; no database, no clock.

- The main figures of each report (总计 column of section 三, the appeal totals, the
  section 二 counts and the fee), each marked when a check relation through it is
  broken (from the report's findings).
- The carry-over between consecutive years of one organ: last year's
  四、结转下年度继续办理 and this year's 二、上年结转政府信息公开申请数量 should be equal
  in every applicant column (inferred from the format's structure, so a warning).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.validation.findings import CellRef, Finding, Severity
from gongkai.imports.cells import get_value
from gongkai.imports.codes import CARRY_OVER_CODE

T = fmt.TOTAL_COLUMN

Number = int | Decimal


@dataclass(frozen=True)
class Figure:
    key: str
    label: str  # short column heading
    legal: str  # the format's own label(s) for the cells summed
    paths: tuple[Path, ...]  # cells summed (one for most figures)


MAIN_FIGURES: tuple[Figure, ...] = (
    Figure(
        "new", "新收", f"{fmt.TOP_NEW}（{fmt.TOTAL}）", (("applications", "new", T),)
    ),
    Figure(
        "carried_over",
        "上年结转",
        f"{fmt.TOP_CARRIED_OVER}（{fmt.TOTAL}）",
        (("applications", "carried_over", T),),
    ),
    Figure(
        "total",
        "办理结果总计",
        f"{fmt.TOP_RESULTS}{fmt.OUTCOME_TOTAL_LABEL}（{fmt.TOTAL}）",
        (("applications", "total", T),),
    ),
    Figure(
        "carried_forward",
        "结转下年度",
        f"{fmt.TOP_CARRIED_FORWARD}（{fmt.TOTAL}）",
        (("applications", "carried_forward", T),),
    ),
    Figure(
        "granted",
        "予以公开",
        f"{fmt.GRANTED_LABEL}（{fmt.TOTAL}）",
        (("applications", "granted", T),),
    ),
    Figure(
        "withheld",
        "不予公开",
        f"{fmt.APPLICATION_GROUPS[0][1]} 1–8 之和（{fmt.TOTAL}）",
        tuple(
            ("applications", "withheld", i, T)
            for i in range(fmt.GROUP_SIZES["withheld"])
        ),
    ),
    Figure(
        "reconsideration",
        "行政复议总计",
        f"{fmt.RECONSIDERATION} {fmt.APPEAL_COLUMNS[4]}",
        (("appeals", "reconsideration", 4),),
    ),
    Figure(
        "litigation",
        "行政诉讼总计",
        f"{fmt.LITIGATION} {fmt.APPEAL_GROUP_LABELS['litigation_direct']}、"
        f"{fmt.APPEAL_GROUP_LABELS['litigation_after_reconsideration']} "
        f"{fmt.APPEAL_COLUMNS[4]}之和",
        (
            ("appeals", "litigation_direct", 4),
            ("appeals", "litigation_after_reconsideration", 4),
        ),
    ),
    Figure(
        "licensing",
        "行政许可",
        f"{fmt.ACTIVE_BLOCK_OF['licensing'].heading} {fmt.ACTIVE_ROW_LABELS['licensing']}",
        (("active", "licensing"),),
    ),
    Figure(
        "punishment",
        "行政处罚",
        f"{fmt.ACTIVE_BLOCK_OF['punishment'].heading} {fmt.ACTIVE_ROW_LABELS['punishment']}",
        (("active", "punishment"),),
    ),
    Figure(
        "fees",
        "收费金额（万元）",
        f"{fmt.ACTIVE_BLOCK_OF['fees_wan_yuan'].heading} "
        f"{fmt.ACTIVE_ROW_LABELS['fees_wan_yuan']} "
        f"{fmt.ACTIVE_BLOCK_OF['fees_wan_yuan'].columns[0]}",
        (("active", "fees_wan_yuan"),),
    ),
)


@dataclass(frozen=True)
class ReportInput:
    """One report to compare: its identity, statistics (interchange form) and stored
    findings (``Finding.to_dict`` form)."""

    report_id: int
    organisation_id: int
    organisation: str
    year: int
    statistics: Mapping[str, Any]
    findings: Sequence[Mapping[str, Any]] = ()
    imported: bool = True  # else a report made in gongkai (and published)

    @property
    def label(self) -> str:
        return f"{self.organisation} {self.year}"


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


class _CarryCells:
    """The two cells a carry-over compares in one applicant column: last year's
    四、结转下年度 and this year's 二、上年结转."""

    column: int

    @property
    def label(self) -> str:
        return fmt.APPLICANT_COLUMNS[self.column]

    @property
    def previous_cell(self) -> str:
        return f"applications.carried_forward.{self.column}"

    @property
    def current_cell(self) -> str:
        return f"applications.carried_over.{self.column}"


@dataclass(frozen=True)
class CarryOver(_CarryCells):
    """One applicant column whose carry-over does not match."""

    organisation: str
    previous: ReportInput
    current: ReportInput
    column: int
    carried_forward: int | None  # last year's 四
    carried_over: int | None  # this year's 二
    finding: Finding


@dataclass(frozen=True)
class CarryColumn(_CarryCells):
    column: int
    carried_forward: Any  # last year's 四 in this column
    carried_over: Any  # this year's 二 in this column
    mismatch: bool

    @property
    def text(self) -> str:
        return f"{_show(self.carried_forward)} → {_show(self.carried_over)}"


@dataclass(frozen=True)
class CarryPair:
    """Two consecutive years of one organ whose carry-over does not match: every
    applicant column, the mismatched ones marked."""

    previous: ReportInput
    current: ReportInput
    columns: tuple[CarryColumn, ...]


def _pairs(carries: Sequence[CarryOver]) -> tuple[CarryPair, ...]:
    seen: dict[tuple[int, int], CarryPair] = {}
    for carry in carries:
        key = (carry.previous.report_id, carry.current.report_id)
        if key in seen:
            continue
        bad = {
            c.column
            for c in carries
            if (c.previous.report_id, c.current.report_id) == key
        }
        columns = tuple(
            CarryColumn(
                c,
                get_value(
                    carry.previous.statistics, ("applications", "carried_forward", c)
                ),
                get_value(
                    carry.current.statistics, ("applications", "carried_over", c)
                ),
                c in bad,
            )
            for c in range(len(fmt.APPLICANT_COLUMNS))
        )
        seen[key] = CarryPair(carry.previous, carry.current, columns)
    return tuple(seen.values())


@dataclass(frozen=True)
class Comparison:
    figures: tuple[Figure, ...]
    rows: tuple[ComparisonRow, ...]
    carry_overs: tuple[CarryOver, ...]

    @property
    def carry_pairs(self) -> tuple[CarryPair, ...]:
        return _pairs(self.carry_overs)

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


# ---------------------------------------------------------------------------
def figure_value(stats: Mapping[str, Any], figure: Figure) -> Number | None:
    """The figure's value: the sum of its cells, blank cells counted as 0; None when
    every cell is blank (or the table is missing)."""
    values = [get_value(stats, p) for p in figure.paths]
    present = [v for v in values if v is not None]
    if not present:
        return None
    if figure.key == "fees":
        return sum((Decimal(str(v)) for v in present), Decimal(0))
    return sum(int(v) for v in present)


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


def carry_over_check(previous: ReportInput, current: ReportInput) -> list[CarryOver]:
    """Columns where last year's 结转下年度 differs from this year's 上年结转.

    Blank cells count as 0 unless both are blank; nothing is checked when either
    report has no section 三 table or the years are not consecutive."""
    if current.year != previous.year + 1:
        return []
    if not previous.statistics.get("applications") or not current.statistics.get(
        "applications"
    ):
        return []
    out: list[CarryOver] = []
    for c, column in enumerate(fmt.APPLICANT_COLUMNS):
        before_path: Path = ("applications", "carried_forward", c)
        after_path: Path = ("applications", "carried_over", c)
        before = get_value(previous.statistics, before_path)
        after = get_value(current.statistics, after_path)
        if before is None and after is None:
            continue
        if int(before or 0) == int(after or 0):
            continue
        blank = "（空白按 0 计）" if before is None or after is None else ""
        message = (
            f"「{column}」列：{previous.year}年「{fmt.TOP_CARRIED_FORWARD}」为 "
            f"{_show(before)}，{current.year}年「{fmt.TOP_CARRIED_OVER}」为 "
            f"{_show(after)}，两者应相等{blank}"
        )
        finding = Finding(
            CARRY_OVER_CODE,
            Severity.WARNING,
            message,
            (CellRef.at(before_path), CellRef.at(after_path)),
        )
        out.append(
            CarryOver(
                current.organisation, previous, current, c, before, after, finding
            )
        )
    return out


def _show(value: Any) -> str:
    return "空白" if value is None else str(value)


def carry_overs_for(
    reports: Sequence[ReportInput], previous: Sequence[ReportInput] = ()
) -> list[CarryOver]:
    """Carry-over mismatches for each report whose organ's previous year is among
    ``reports`` or ``previous`` (reports not compared themselves)."""
    by_key = {(r.organisation_id, r.year): r for r in (*previous, *reports)}
    out: list[CarryOver] = []
    for report in reports:
        before = by_key.get((report.organisation_id, report.year - 1))
        if before is not None:
            out.extend(carry_over_check(before, report))
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
        carry = carry_cells.get(report.report_id, {})
        cells = tuple(_cell(report, fig, broken, carry) for fig in MAIN_FIGURES)
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
