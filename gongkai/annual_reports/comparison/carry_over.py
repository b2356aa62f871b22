"""The carry-over relation between consecutive years of one organ: last year's
四、结转下年度继续办理 and this year's 二、上年结转政府信息公开申请数量 should be equal in
every applicant column.  The relation is inferred from the format's structure (the
format states no such rule), so a mismatch is a warning."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.codes import CARRY_OVER
from gongkai.annual_reports.comparison.inputs import ReportInput
from gongkai.annual_reports.data import get_value
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.validation.findings import CellRef, Finding, Severity
from gongkai.annual_reports.values import JsonValue


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
    carried_forward: JsonValue  # last year's 四
    carried_over: JsonValue  # this year's 二
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


def carry_pairs(carries: Sequence[CarryOver]) -> tuple[CarryPair, ...]:
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
            CARRY_OVER,
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
