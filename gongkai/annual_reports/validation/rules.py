"""Every relation the 2021 format implies, as functions ReportData -> findings.

Blank cells (``None``) are reported once as warnings.  In the sum relations a blank
addend counts as 0 (a careful clerk's reading of a published table whose zero cells
were left empty); a relation whose result cell is blank, or whose cells are all blank,
cannot be checked and is skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache, partial
from itertools import chain
from typing import cast

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.codes import describe_code, severity_of
from gongkai.annual_reports.data import CellValue, ReportData, iter_cells
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.validation.findings import CellRef, Finding, Severity

FEE_DECIMALS = 4  # UNVERIFIED in the spec (§4.2); reports say "保留4位小数"

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Rule:
    """A check of the format: its code (registered in :mod:`codes`, which holds the
    severity and the Chinese description) and the function that checks it."""

    code: str
    check: Callable[[ReportData], Iterator[Finding]]

    @property
    def severity(self) -> Severity:
        return severity_of(self.code)

    @property
    def description(self) -> str:
        return describe_code(self.code)


def _find(
    code: str, severity: Severity, message: str, paths: Iterable[Path]
) -> Finding:
    return Finding(code, severity, message, tuple(CellRef.at(p) for p in paths))


def _sum(values: Sequence[int | None]) -> int:
    return sum(filter(None, values))  # blanks (None) and zeros add nothing


def _blank_note(values: Sequence[int | None]) -> str:
    return "（空白单元格按 0 计）" if any(v is None for v in values) else ""


def _relation(
    code: str,
    parts: Sequence[int | None],
    result: Sequence[int | None],
    paths: Callable[[], Iterable[Path]],
    what: str,
) -> Iterator[Finding]:
    """Check sum(parts) == sum(result); skip when it cannot be checked.  ``paths``
    names the cells involved; it is only called when the relation fails."""
    if all(v is None for v in result):
        return
    left, right = _sum(parts), _sum(result)
    if left != right:
        note = _blank_note([*parts, *result])
        yield _find(code, E, f"{what}：应相等，实际 {left} ≠ {right}{note}", paths())


# -- tables present ------------------------------------------------------------
def check_tables_present(report: ReportData) -> Iterator[Finding]:
    for name, label in fmt.TABLE_LABELS.items():
        if getattr(report, name) is None:
            yield _find(
                "table.missing",
                E,
                f"缺少「{label}」统计表：报告没有给出这张表",
                [(name,)],
            )


def check_metadata(report: ReportData) -> Iterator[Finding]:
    if report.year is None:
        yield _find("report.year_missing", W, "未给出统计年度", [("year",)])
    if not report.org:
        yield _find("report.org_missing", W, "未给出报告机关", [("org",)])


# -- cells -----------------------------------------------------------------------
def _blank_rows(report: ReportData) -> Iterator[tuple[Path, ...]]:
    """The blank cells of each row that has any, row by row in the format's order
    (``iter_cells``' blank cells grouped by row, without walking every cell of the
    rows that have none).  A count of section 二 is a row of its own."""
    active = report.active
    if active is not None:
        for name in fmt.ACTIVE_VECTOR_FIELDS:
            row = getattr(active, name)
            if row is None:
                yield tuple(("active", name, c) for c in range(3))
            elif None in row:
                yield tuple(("active", name, c) for c in range(3) if row[c] is None)
        for name in (*fmt.ACTIVE_COUNT_FIELDS, fmt.ACTIVE_FEE_FIELD):
            if getattr(active, name) is None:
                yield (("active", name),)
    apps = report.applications
    if apps is not None:
        for row, paths in fmt.APPLICATION_CELL_PATHS:
            values = apps.row(row.path)
            if None in values:
                yield tuple(p for p, v in zip(paths, values, strict=True) if v is None)
    if report.appeals is not None:
        for name in fmt.APPEAL_FIELDS:
            values = getattr(report.appeals, name)
            if None in values:
                yield tuple(
                    ("appeals", name, c) for c, v in enumerate(values) if v is None
                )


@lru_cache(maxsize=4096)
def _blank_finding(paths: tuple[Path, ...]) -> Finding:
    """The finding for a row's blank cells (immutable, so made once per set of
    cells)."""
    ref = CellRef.at(paths[0])
    columns = "、".join(c.column for c in map(CellRef.at, paths) if c.column)
    where = f"「{ref.row}」" + (f"的 {columns}" if columns else "")
    return _find("cell.blank", W, f"{where}为空白（未报告）；如为零请填 0", paths)


def check_blank_cells(report: ReportData) -> Iterator[Finding]:
    for paths in _blank_rows(report):
        yield _blank_finding(paths)


def _may_be_negative(report: ReportData) -> bool:
    """False when no cell holds a number below zero (the common case), so that
    ``check_counts`` need not walk every cell."""
    rows: list[Sequence[CellValue]] = []
    active = report.active
    if active is not None:
        rows += [r for r in (active.rules, active.normative_docs) if r is not None]
        rows.append([getattr(active, n) for n in fmt.ACTIVE_COUNT_FIELDS])
    apps = report.applications
    if apps is not None:
        rows += (apps.new, apps.carried_over, apps.granted, apps.partially_granted)
        rows += (*apps.withheld, *apps.unable, *apps.not_processed, *apps.other)
        rows += (apps.total, apps.carried_forward)
    if report.appeals is not None:
        rows += [getattr(report.appeals, n) for n in fmt.APPEAL_FIELDS]
    try:
        numbers = cast(Iterable[int], filter(None, chain.from_iterable(rows)))
        return min(numbers, default=0) < 0
    except TypeError:  # a cell that is not a number: let the full walk judge
        return True


def check_counts(report: ReportData) -> Iterator[Finding]:
    if not _may_be_negative(report):
        return
    for path, value in iter_cells(report):
        if type(value) is int and value < 0:
            ref = CellRef.at(path)
            yield _find(
                "count.negative",
                E,
                f"{ref.describe()}为 {value}：件数不能为负数",
                [path],
            )


def check_fee(report: ReportData) -> Iterator[Finding]:
    fee = report.active.fees_wan_yuan if report.active else None
    if not isinstance(fee, Decimal):
        return
    path: Path = ("active", fmt.ACTIVE_FEE_FIELD)
    if fee < 0:
        yield _find("fee.negative", E, f"收费金额 {fee} 万元为负数", [path])
    exponent = fee.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if decimals > FEE_DECIMALS:
        yield _find(
            "fee.precision",
            W,
            f"收费金额 {format(fee, 'f')} 万元有 {decimals} 位小数，"
            f"超过 {FEE_DECIMALS} 位（万元保留 {FEE_DECIMALS} 位小数即到元）",
            [path],
        )


# -- section 三 relations -----------------------------------------------------------
_ROW_PATHS = {row.path: paths for row, paths in fmt.APPLICATION_CELL_PATHS}
_LEAF_PATHS = [_ROW_PATHS[r.path] for r in fmt.OUTCOME_LEAF_ROWS]
_BALANCE_FIELDS = ("new", "carried_over", "total", "carried_forward")


def _balance_paths(c: int) -> list[Path]:
    return [("applications", f, c) for f in _BALANCE_FIELDS]


def _outcome_paths(c: int) -> list[Path]:
    return [*(paths[c] for paths in _LEAF_PATHS), ("applications", "total", c)]


def _appeal_paths(name: str) -> list[Path]:
    return [("appeals", name, i) for i in range(5)]


def check_application_balance(report: ReportData) -> Iterator[Finding]:
    """Stated in the table: 一 + 二 = 三(七) + 四, column by column."""
    apps = report.applications
    if apps is None:
        return
    for c, column in enumerate(fmt.APPLICANT_COLUMNS):
        yield from _relation(
            "applications.balance",
            (apps.new[c], apps.carried_over[c]),
            (apps.total[c], apps.carried_forward[c]),
            partial(_balance_paths, c),
            f"「{column}」列 一、新收 + 二、上年结转 与 三(七)总计 + 四、结转下年度",
        )


def check_applicant_total_column(report: ReportData) -> Iterator[Finding]:
    """总计 column = 自然人 + the five 法人或其他组织 columns, for every row."""
    apps = report.applications
    if apps is None:
        return
    for row, paths in fmt.APPLICATION_CELL_PATHS:
        values = apps.row(row.path)
        total = values[fmt.TOTAL_COLUMN]
        if total is None or _sum(values[: fmt.TOTAL_COLUMN]) == total:
            continue  # cannot be checked, or holds: what _relation would find
        yield from _relation(
            "applications.total_column",
            values[: fmt.TOTAL_COLUMN],
            values[fmt.TOTAL_COLUMN :],
            partial(tuple, paths),
            f"「{row.full_label}」行 六类申请人之和 与 总计",
        )


def check_outcome_total(report: ReportData) -> Iterator[Finding]:
    """三(七)总计 = (一) + (二) + every leaf row of (三)…(六), per column."""
    apps = report.applications
    if apps is None:
        return
    leaves = [apps.row(r.path) for r in fmt.OUTCOME_LEAF_ROWS]
    for c, column in enumerate(fmt.APPLICANT_COLUMNS):
        total = apps.total[c]
        if total is None:
            continue  # cannot be checked
        parts = [row[c] for row in leaves]
        if _sum(parts) == total:
            continue  # holds
        yield from _relation(
            "applications.outcome_total",
            parts,
            (total,),
            partial(_outcome_paths, c),
            f"「{column}」列 三(一)至(六)各项之和 与 (七)总计",
        )


# -- section 四 ------------------------------------------------------------------
def check_appeal_totals(report: ReportData) -> Iterator[Finding]:
    """Each group's 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结."""
    if report.appeals is None:
        return
    for name, label in fmt.APPEAL_GROUPS:
        values = getattr(report.appeals, name)
        yield from _relation(
            "appeals.group_total",
            values[:4],
            values[4:],
            partial(_appeal_paths, name),
            f"「{label}」四种结果之和 与 总计",
        )


def _row_delta(values: Sequence[int | None]) -> int | None:
    """sum(six applicant columns) - 总计, or None when it cannot be checked."""
    total = values[fmt.TOTAL_COLUMN]
    if total is None:
        return None
    return _sum(values[: fmt.TOTAL_COLUMN]) - total  # APPLICANT_PARTS: 0 … 5


def check_suspect_cells(report: ReportData) -> Iterator[Finding]:
    """Point at the cell most likely wrong: one cell that breaks both its row's 总计
    and its column's 三(七)总计 by the same amount.  Changing it by that amount
    makes both relations hold."""
    apps = report.applications
    if apps is None:
        return
    leaves = [(r, apps.row(r.path)) for r in fmt.OUTCOME_LEAF_ROWS]
    deltas = [(row, values, _row_delta(values)) for row, values in leaves]
    if not any(dr for _, _, dr in deltas):
        return
    col_delta: list[int | None] = []
    for c in range(7):
        total = apps.total[c]
        col_delta.append(
            None if total is None else _sum([v[c] for _, v in leaves]) - total
        )
    for row, values, dr in deltas:
        if not dr:
            continue
        for c in range(7):
            # a wrong applicant cell inflates both sums; a wrong 总计 cell of the row
            # inflates the column sum and deflates the row sum.
            expected = dr if c != fmt.TOTAL_COLUMN else -dr
            if col_delta[c] != expected:
                continue
            fixed = (values[c] or 0) - expected
            if fixed < 0:
                continue
            path = (*row.path, c)
            ref = CellRef.at(path)
            yield _find(
                "cells.suspect",
                Severity.INFO,
                f"{ref.describe()}最可能有误：它同时使本行总计和本列(七)总计相差 "
                f"{expected}；改为 {fixed} 两处勾稽关系都成立",
                [path],
            )


RULES: tuple[Rule, ...] = (
    Rule("table.missing", check_tables_present),
    Rule("report.year_missing", check_metadata),
    Rule("report.org_missing", check_metadata),
    Rule("cell.blank", check_blank_cells),
    Rule("count.negative", check_counts),
    Rule("fee.negative", check_fee),
    Rule("fee.precision", check_fee),
    Rule("applications.balance", check_application_balance),
    Rule("applications.total_column", check_applicant_total_column),
    Rule("applications.outcome_total", check_outcome_total),
    Rule("cells.suspect", check_suspect_cells),
    Rule("appeals.group_total", check_appeal_totals),
)


def check_report(
    report: ReportData, load_findings: Iterable[Finding] = ()
) -> list[Finding]:
    """All findings for a report: the loader's, then every rule's (each rule once)."""
    findings = list(load_findings)
    flagged = {c.path for f in findings for c in f.cells}
    seen: set[Callable[[ReportData], Iterator[Finding]]] = set()
    for rule in RULES:
        if rule.check in seen:
            continue
        seen.add(rule.check)
        for finding in rule.check(report):
            if finding.code == "cell.blank":
                cells = tuple(c for c in finding.cells if c.path not in flagged)
                if not cells:
                    continue
            findings.append(finding)
    return findings


# -- the version of the rules --------------------------------------------------
#: The modules whose code decides a report's findings (the rules, the loader, the
#: labels the messages quote, the value bounds and the code registry).
_RULE_SOURCES = (
    "validation/rules.py",
    "validation/findings.py",
    "data.py",
    "format.py",
    "values.py",
    "codes.py",
)


def _rules_version() -> str:
    """A hash of the source of the modules that decide the findings.

    A hash rather than a constant bumped by hand: a change to a check's code is
    what makes stored findings stale, and a hash cannot be forgotten.  A change
    that alters no finding (a comment) only costs a recheck that changes nothing."""
    import hashlib
    from pathlib import Path as FilePath

    root = FilePath(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for name in _RULE_SOURCES:
        try:
            digest.update(name.encode() + b"\0" + (root / name).read_bytes())
        except OSError:  # not shipped as source: the rule table still counts
            digest.update(name.encode())
    digest.update(repr([(r.code, str(r.severity)) for r in RULES]).encode())
    return digest.hexdigest()[:16]


#: Stamped on the findings stored with a report (``AnnualReport.rules_version``);
#: ``gongkai recheck`` rechecks the reports stamped otherwise.
RULES_VERSION: str = _rules_version()
