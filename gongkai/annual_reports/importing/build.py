"""From a scan to ReportData: fit every row to its columns, read the values, and say
in findings what was recovered and how sure it is."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import Appeals, Applications, Narrative, ReportData
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.importing import format2019 as f19
from gongkai.annual_reports.importing.active import build_active
from gongkai.annual_reports.importing.codes import INFO, WARNING
from gongkai.annual_reports.importing.context import Context, row_name
from gongkai.annual_reports.importing.doc import Token
from gongkai.annual_reports.importing.labels import EMPTY, FUZZY_VARIANT, NUM
from gongkai.annual_reports.importing.metadata import Metadata
from gongkai.annual_reports.importing.ordered import reorder_applications
from gongkai.annual_reports.importing.resolve import (
    appeals_check,
    applicant_check,
    fit,
)
from gongkai.annual_reports.importing.result import SourceSpan
from gongkai.annual_reports.importing.scan import APPEALS_ROW, RawRow, Scan
from gongkai.annual_reports.validation.findings import Finding

Row7 = tuple[int | None, ...]
_OTHER: Path = ("applications", "other")
_APPEAL_CELLS: tuple[Path, ...] = tuple(
    ("appeals", f, i) for f in fmt.APPEAL_FIELDS for i in range(5)
)


@dataclass
class Built:
    report: ReportData
    findings: list[Finding]
    provenance: Mapping[str, SourceSpan]
    recognised: bool  # anything of a report found at all


def detect_version(scan: Scan) -> str:
    if scan.markers_2019:
        return fmt.FORMAT_2019_TRIAL
    has_other_leaves = any(
        r.label.path[:2] == _OTHER and len(r.label.path) == 3 for r in scan.rows
    )
    single_other = any(
        r.label.kind == "group" and r.label.path == _OTHER for r in scan.rows
    )
    if single_other and not has_other_leaves:
        return fmt.FORMAT_2019_TRIAL
    return fmt.FORMAT_2021


def build(scan: Scan, meta: Metadata) -> Built:
    version = detect_version(scan)
    ctx = Context(version)
    if version == fmt.FORMAT_2019_TRIAL:
        markers = (
            "、".join(f"「{m}」" for m in dict.fromkeys(scan.markers_2019))
            or f"「{f19.OTHER_SINGLE_ROW}」为单行"
        )
        ctx.add(
            "import.format_2019",
            INFO,
            f"按 2019 年试行格式（国办公开办函〔2019〕60号）读取（依据：{markers}）；"
            "能对应 2021 格式的单元格按 2021 格式读取，其余保存在补充数据中",
        )
    _variants(ctx, scan)
    by_order = reorder_applications(scan)
    if by_order:
        names = "、".join(f"「{row_name(p)}」" for p in by_order[:4])
        more = f"等 {len(by_order)} 行" if len(by_order) > 4 else ""
        ctx.add(
            "import.rows_by_order",
            WARNING,
            f"「{fmt.SECTION_HEADINGS[2]}」表的行标签与数值分离、顺序错乱；只有数值的"
            f" {len(by_order)} 行按格式的行顺序对应到 {names}{more}"
            "（各列分项之和等于总计），请核对",
            by_order,
        )
    supplementary: dict[str, Any] = {}
    active_rows = [r for r in scan.rows if r.label.table == "active"]
    app_rows = [r for r in scan.rows if r.label.table == "applications"]
    appeal_rows = [r for r in scan.rows if r.label is APPEALS_ROW]
    active = build_active(ctx, active_rows, supplementary)
    applications = build_applications(ctx, app_rows)
    appeals, used = build_appeals(ctx, appeal_rows, scan)
    _unassigned(ctx, scan, used)
    for name, table in (
        ("active", active),
        ("applications", applications),
        ("appeals", appeals),
    ):
        if table is None:
            ctx.add(
                "import.table_missing",
                WARNING,
                f"报告中没有「{fmt.TABLE_LABELS[name]}」统计表，整表按未报告（null）"
                "处理，而不是 0",
                [(name,)],
            )
    ctx.number_format_finding()
    for key, span in meta.spans.items():
        ctx.provenance[key] = span
    report = ReportData(
        year=meta.year,
        org=meta.org,
        title=meta.title,
        active=active,
        applications=applications,
        appeals=appeals,
        format_version=version,
        narrative=Narrative(*("\n".join(scan.narrative.get(s, ())) for s in (1, 5, 6))),
        published_on=meta.published_on,
        supplementary=supplementary,
    )
    recognised = bool(meta.title or meta.year or active or applications or appeals)
    return Built(report, ctx.findings, ctx.provenance, recognised)


def _variants(ctx: Context, scan: Scan) -> None:
    seen: set[tuple[str, str]] = set()
    for cell, tok in scan.variants:
        label = tok.label
        if label is None:
            continue
        if ctx.version == fmt.FORMAT_2019_TRIAL and label.field == "normative_docs":
            continue  # 规范性文件 is the 2019 format's own label
        written = " ".join(cell.text.split())
        if (written, label.text) in seen:
            continue
        seen.add((written, label.text))
        paths: list[Path] = (
            [label.path] if label.path else [(label.table,)] if label.table else []
        )
        if tok.variant.startswith(FUZZY_VARIANT[:3]):  # a damaged label: check it
            ctx.add(
                "import.label_fuzzy",
                WARNING,
                f"第 {cell.line} 行的「{written}」与格式用语不完全一致，按最接近的"
                f"「{label.text}」读取（{tok.variant}），请核对",
                paths,
            )
            continue
        ctx.add(
            "import.label_variant",
            INFO,
            f"第 {cell.line} 行的「{written}」按「{label.text}」读取（{tok.variant}）",
            paths,
        )


# ---------------------------------------------------------------------------
# Section 三
# ---------------------------------------------------------------------------
def _read_row(ctx: Context, row: RawRow, path: Path, *, short: str = "right") -> Row7:
    fitted = fit(row, 7, check=applicant_check, short=short)
    if fitted.notes:
        ctx.fitted_notes(row, fitted, path, [(*path, c) for c in range(7)])
    return ctx.counts(path, fitted.cells)


def build_applications(ctx: Context, rows: list[RawRow]) -> Applications | None:
    found: dict[Path, RawRow] = {}
    single_other: RawRow | None = None
    for row in rows:
        path = row.label.path
        if row.label.kind == "group":
            if path == _OTHER and single_other is None:
                single_other = row
            continue
        if path in found:
            ctx.duplicate(row, path)
        else:
            found[path] = row
    if not found and single_other is None:
        return None
    values: dict[Path, Row7] = {}
    missing: list[Path] = []
    for spec in fmt.APPLICATION_ROWS:
        spec_row = found.get(spec.path)
        if spec_row is None:
            missing.append(spec.path)
            values[spec.path] = (None,) * 7
        else:
            values[spec.path] = _read_row(ctx, spec_row, spec.path)
    if single_other is not None and not any(p[:2] == _OTHER for p in found):
        _single_other_row(ctx, single_other, values)
        missing = [p for p in missing if p[:2] != _OTHER]
    if missing:
        names = "、".join(f"「{row_name(p)}」" for p in missing[:6])
        more = f"等 {len(missing)} 行" if len(missing) > 6 else ""
        ctx.add(
            "import.row_missing",
            WARNING,
            f"「{fmt.SECTION_HEADINGS[2]}」表中没有 {names}{more}，"
            "这些行按未报告（null）处理",
            missing,
        )

    def group(name: str) -> tuple[Row7, ...]:
        return tuple(
            values[("applications", name, i)] for i in range(fmt.GROUP_SIZES[name])
        )

    return Applications(
        new=values[("applications", "new")],
        carried_over=values[("applications", "carried_over")],
        granted=values[("applications", "granted")],
        partially_granted=values[("applications", "partially_granted")],
        withheld=group("withheld"),
        unable=group("unable"),
        not_processed=group("not_processed"),
        other=group("other"),
        total=values[("applications", "total")],
        carried_forward=values[("applications", "carried_forward")],
    )


def _single_other_row(ctx: Context, row: RawRow, values: dict[Path, Row7]) -> None:
    """2019: 三(六)其他处理 is one row; it goes to 3.其他, rows 1 and 2 stay blank."""
    target: Path = (*_OTHER, f19.OTHER_SINGLE_TARGET)
    values[target] = _read_row(ctx, row, target)
    blank = [(*_OTHER, i) for i in range(3) if i != f19.OTHER_SINGLE_TARGET]
    ctx.add(
        "import.format_2019",
        INFO,
        f"2019 年格式的「{f19.OTHER_SINGLE_ROW}」只有一行（第 {row.label_cell.line} 行），"
        f"读作 2021 格式的「{row_name(target)}」；"
        f"「{row_name(blank[0])}」「{row_name(blank[1])}」两行 2019 格式没有，留空（null）",
        [target, *blank],
    )


# ---------------------------------------------------------------------------
# Section 四
# ---------------------------------------------------------------------------
def _appeals_from(ctx: Context, cells: Sequence[Token | None]) -> Appeals:
    return Appeals(
        *(
            ctx.counts(("appeals", name), cells[g * 5 : g * 5 + 5])
            for g, name in enumerate(fmt.APPEAL_FIELDS)
        )
    )


def build_appeals(
    ctx: Context, rows: list[RawRow], scan: Scan
) -> tuple[Appeals | None, set[int]]:
    """The appeals table and the orphan lines it used."""
    if rows:
        for extra in rows[1:]:
            ctx.duplicate(extra, ("appeals",))
        row = rows[0]
        fitted = fit(row, 15, check=appeals_check, short="left")
        if fitted.notes:
            ctx.fitted_notes(row, fitted, ("appeals",), list(_APPEAL_CELLS))
        if not row.header_seen:
            line = next((c.line for c, _ in row.cells), 0)
            ctx.add(
                "import.header_missing",
                WARNING,
                f"第 {line} 行起的数值没有表头，因位于「{fmt.SECTION_HEADINGS[3]}」"
                "之下，按该表的 15 列读取，请核对",
                [("appeals",)],
            )
        return _appeals_from(ctx, fitted.cells), set()
    if scan.appeals_header:
        return None, set()
    for index, orphan in enumerate(scan.orphans):
        line_cells = [t for t in orphan if not t[0].gap and t[1].kind != EMPTY]
        if (
            len(line_cells) == 15
            and all(t[1].kind == NUM for t in line_cells)
            and appeals_check(line_cells) is True
        ):
            ctx.add(
                "import.table_inferred",
                WARNING,
                f"第 {line_cells[0][0].line} 行的 15 个数值没有表头；其第 5、10、15 个数"
                "分别等于前四个数之和，与行政复议、两类行政诉讼的结果和总计一致，"
                f"按「{fmt.SECTION_HEADINGS[3]}」表读取。可信度较低，请核对原文",
                [("appeals",)],
            )
            return _appeals_from(ctx, line_cells), {index}
    return None, set()


def _unassigned(ctx: Context, scan: Scan, used: set[int]) -> None:
    for index, line in enumerate(scan.orphans):
        numbers = [c.text.strip() for c, t in line if t.kind == NUM]
        if index in used or not numbers:
            continue
        shown = "、".join(numbers[:8]) + ("…" if len(numbers) > 8 else "")
        ctx.add(
            "import.unassigned",
            WARNING,
            f"第 {line[0][0].line} 行的数值（{shown}）没有对应的行标签，未读取",
        )
    for row in scan.rows:
        if row.label.kind == "group" and row.label.path != _OTHER:
            ctx.add(
                "import.unassigned",
                WARNING,
                f"第 {row.label_cell.line} 行「{row.label.text}」后的数值没有对应的"
                "统计行，未读取",
            )
