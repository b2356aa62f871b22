"""Section 二 (主动公开政府信息情况) from the scanned rows, in either format.

Each row's values are read by the column header of its block (第二十条第（X）项), so
the same code reads the 2021 columns and the 2019 trial format's.  A 2019 column
with a 2021 counterpart fills that cell (本年新制作数量 → 本年制发件数, 处理决定数量
→ 本年处理决定数量); every other value is kept in ``ReportData.supplementary`` as
``{block heading: {row label: {column label: value}}}`` and a finding says so.
"""

from __future__ import annotations

from typing import Any

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import ActiveDisclosure
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.importing import format2019 as f19
from gongkai.annual_reports.importing.codes import INFO, WARNING
from gongkai.annual_reports.importing.context import Context
from gongkai.annual_reports.importing.doc import Token
from gongkai.annual_reports.importing.resolve import amount_of, count_of, fit
from gongkai.annual_reports.importing.scan import RawRow


def target_of(field: str, column: str) -> Path | None:
    """The 2021 cell a column of an active row fills, or None (supplementary)."""
    if field in fmt.ACTIVE_VECTOR_FIELDS and column in f19.VECTOR_SLOTS:
        return ("active", field, f19.VECTOR_SLOTS[column])
    if field in fmt.ACTIVE_COUNT_FIELDS and column == f19.COUNT_COLUMN:
        return ("active", field)
    if field == fmt.ACTIVE_FEE_FIELD and column == f19.FEE_COLUMN:
        return ("active", field)
    return None


def _cells_of(field: str) -> list[Path]:
    if field in fmt.ACTIVE_VECTOR_FIELDS:
        return [("active", field, i) for i in range(3)]
    if field in fmt.ACTIVE_COUNT_FIELDS or field == fmt.ACTIVE_FEE_FIELD:
        return [("active", field)]
    return []


def build_active(
    ctx: Context, rows: list[RawRow], supplementary: dict[str, Any]
) -> ActiveDisclosure | None:
    if not rows:
        return None
    first: dict[str, RawRow] = {}
    for row in rows:
        if row.label.field in first:
            ctx.duplicate(row, row.label.path)
        else:
            first[row.label.field] = row
    values: dict[Path, Any] = {}
    for field, row in first.items():
        _read_row(ctx, field, row, values, supplementary)
    missing = [
        f
        for f in (
            *fmt.ACTIVE_VECTOR_FIELDS,
            *fmt.ACTIVE_COUNT_FIELDS,
            fmt.ACTIVE_FEE_FIELD,
        )
        if f not in first
    ]
    if missing:
        names = "、".join(f"「{f19.row_label(f, ctx.version)}」" for f in missing)
        ctx.add(
            "import.row_missing",
            WARNING,
            f"「{fmt.SECTION_HEADINGS[1]}」表中没有 {names} 行，按未报告（null）处理",
            [("active", f) for f in missing],
        )

    def vector(field: str) -> tuple[int | None, ...] | None:
        if field not in first:
            return None
        return tuple(values.get(("active", field, i)) for i in range(3))

    return ActiveDisclosure(
        rules=vector("rules"),
        normative_docs=vector("normative_docs"),
        licensing=values.get(("active", "licensing")),
        punishment=values.get(("active", "punishment")),
        coercion=values.get(("active", "coercion")),
        fees_wan_yuan=values.get(("active", fmt.ACTIVE_FEE_FIELD)),
    )


def _read_row(
    ctx: Context,
    field: str,
    row: RawRow,
    values: dict[Path, Any],
    supplementary: dict[str, Any],
) -> None:
    columns = row.columns or f19.DEFAULT_COLUMNS[ctx.version][row.block]
    fitted = fit(row, len(columns))
    if fitted.notes:
        paths = [target_of(field, c) or row.label.path for c in columns]
        ctx.fitted_notes(row, fitted, row.label.path, paths)
        if "truncated" in fitted.notes and row.mode == "line" and len(columns) > 1:
            # "规章 | 22 | 235": which column lost its cell is unknown, so the cells
            # read may stand in the wrong columns too
            ctx.add(
                "import.truncated_row",
                WARNING,
                f"第 {row.label_cell.line} 行「{row.label.text}」的数值少于 "
                f"{len(columns)} 列，无法确定缺少的是哪一列，已读取的数值也可能错列，"
                "请对照原文核对整行",
                paths,
            )
    kept: dict[str, Any] = {}
    mapped: list[tuple[str, Path]] = []
    for column, token in zip(columns, fitted.cells, strict=True):
        target = target_of(field, column)
        if target is None:
            kept[f19.column_label(column, ctx.version)] = _supplementary_value(
                ctx, field, column, token
            )
            continue
        if field == fmt.ACTIVE_FEE_FIELD:
            ctx.source(target, token)
            values[target] = amount_of(token)
        else:
            values[target] = ctx.count(target, token)
        mapped.append((column, target))
    if kept:
        block = f19.BLOCK_HEADINGS[row.block]
        supplementary.setdefault(block, {})[f19.row_label(field, ctx.version)] = kept
    if ctx.version == fmt.FORMAT_2019_TRIAL:
        _explain_2019(ctx, field, mapped, list(kept))


def _supplementary_value(
    ctx: Context, field: str, column: str, token: Token | None
) -> int | str | None:
    block = f19.BLOCK_HEADINGS[f19.ROW_BLOCK[field]]
    key = ".".join(
        (
            "supplementary",
            block,
            f19.row_label(field, ctx.version),
            f19.column_label(column, ctx.version),
        )
    )
    ctx.source(key, token)
    if column in f19.AMOUNT_COLUMNS:
        amount = amount_of(token)
        return None if amount is None else format(amount, "f")
    value, _problem = count_of(token)
    return value


def _explain_2019(
    ctx: Context, field: str, mapped: list[tuple[str, Path]], kept: list[str]
) -> None:
    row = f19.row_label(field, ctx.version)
    block = f19.BLOCK_HEADINGS[f19.ROW_BLOCK[field]]
    parts = [  # a 2021 column in a report read as 2019 (single 三(六)) needs no word
        f"「{f19.COLUMNS_2019[c]}」读作 2021 格式的「{_column_2021(target)}」"
        for c, target in mapped
        if c in f19.COLUMNS_2019
    ]
    if kept:
        parts.append(
            "、".join(f"「{k}」" for k in kept)
            + " 在 2021 格式中没有对应的单元格，保存在补充数据（supplementary）中"
        )
    filled = {t for _, t in mapped}
    blank = [p for p in _cells_of(field) if p not in filled]
    if not parts and not blank:
        return
    if blank:
        parts.append(
            "、".join(f"「{_column_2021(p)}」" for p in blank)
            + " 2019 格式没有给出，留空（null）"
        )
    ctx.add(
        "import.format_2019",
        INFO,
        f"{block}「{row}」：" + "；".join(parts),
        [*filled, *blank],
    )


def _column_2021(path: Path) -> str:
    block = fmt.ACTIVE_BLOCK_OF[str(path[1])]
    return block.columns[int(path[2])] if len(path) > 2 else block.columns[0]
