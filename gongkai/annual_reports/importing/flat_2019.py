"""Section 二 of the 2019 trial format (国办公开办函〔2019〕60号) in text that lost
its line breaks and cell separators.

The 2019 table has other columns than the 2021 one (本年新制作数量, 上一年项目数量,
本年增/减 with its signs, 采购总金额 with decimals) and two more rows
(其他对外管理服务事项, 政府集中采购).  Its blocks, columns and rows are found by
their labels as :mod:`flat` finds the 2021 ones; each row's run is cut into one cell
per column of its block (:func:`splitting.solve_columns`: a sign or a kept separator
starts a cell, a decimal point stays inside an amount; no relation holds between
the columns, so the cut is the only one or the most plausible, and flagged); the
cells then go through the same mapping as the line scan's (:func:`active.build_active`:
2021 cells where the formats share a column, ``supplementary`` for the rest), so a
glued 2019 report reads exactly as a lined one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.importing import format2019 as f19
from gongkai.annual_reports.importing import splitting
from gongkai.annual_reports.importing.active import build_active, target_of
from gongkai.annual_reports.importing.codes import INFO, WARNING
from gongkai.annual_reports.importing.context import Context, row_name
from gongkai.annual_reports.importing.doc import Cell, Token
from gongkai.annual_reports.importing.labels import classify, label_for_text
from gongkai.annual_reports.importing.scan import RawRow

if TYPE_CHECKING:
    from gongkai.annual_reports.importing.flat import Reader

#: A run of a 2019 row: numbers with an optional sign and decimals, single spaces
#: (kept separators) between them; a sign also ends the number before it.
SIGNED_RUN = re.compile(r"[+-]?\d+(?:\.\d+)?(?: ?[+-]?\d+(?:\.\d+)?)*")
#: Column labels either format writes in section 二, and their ids.
_COLUMN_LABELS: tuple[tuple[str, str], ...] = (
    *((text, column) for column, text in f19.COLUMNS_2021.items()),
    *((text, column) for column, text in f19.COLUMNS_2019.items()),
    ("本年增减", "change"),
    ("本年收费金额", "fee"),
)
#: Words only a 2019 section 二 has (columns and rows).
_MARKERS_2019: tuple[str, ...] = (
    *(f19.COLUMNS_2019[c] for c in sorted(f19.COLUMNS_ONLY_2019)),
    *(f19.ROW_LABELS_2019[f][1] for f in sorted(f19.ROWS_ONLY_2019)),
    f19.BLOCK_HEADING_9,
)
_KINDS = {"change": splitting.SIGNED, "fee": splitting.AMOUNT}
_KINDS["proc_amount"] = splitting.AMOUNT
_SECTION_3 = "收到和处理政府信息公开申请情况"
_BLOCK_1 = "第二十条第(一)项"  # flattened
_TABLE_SPAN = 2000  # flattened characters a 2019 section 二 table spans at most


def markers(reader: Reader, start: int) -> list[str]:
    """The 2019-only words in section 二 (from ``start`` to section 三)."""
    from gongkai.annual_reports.importing.flat import FIRST_WINDOW, _body

    flat = reader.flat
    at = flat.find(_BLOCK_1, start, start + 2 * FIRST_WINDOW)  # the table's start
    if at < 0:
        at = start
    end = flat.find(_SECTION_3, at, at + _TABLE_SPAN)
    region = flat[at : end if end >= 0 else at + _TABLE_SPAN]
    return [m for m in _MARKERS_2019 if _body(m) in region]


def _columns(reader: Reader, start: int, end: int) -> tuple[str, ...]:
    """The column ids of a block's header written between ``start`` and ``end``."""
    from gongkai.annual_reports.importing.flat import _body

    flat = reader.flat
    hits: list[tuple[int, int, str]] = []
    for text, column in _COLUMN_LABELS:
        body = _body(text)
        at = flat.find(body, start, end)
        if at >= 0:
            hits.append((at, -len(body), column))
    out: list[str] = []
    reach = -1
    for at, neg_len, column in sorted(hits):
        if at < reach or column in out:
            continue  # 处理决定数量 inside 本年处理决定数量
        out.append(column)
        reach = at - neg_len
    return tuple(out)


def read_active(reader: Reader, start: int, found: list[str]) -> int:
    """Read the 2019 section 二 into ``reader.out``; the cursor after it (``start``
    when nothing was found)."""
    from gongkai.annual_reports.importing.flat import (
        FIRST_WINDOW,
        ROW_WINDOW,
    )

    heading = reader.find(fmt.SECTION_HEADINGS[1], start, FIRST_WINDOW)
    cursor = heading.end if heading else start
    rows: list[RawRow] = []
    splits: list[tuple[RawRow, splitting.ColumnDecision, int]] = []
    first = True
    for block, heading_text in f19.BLOCK_HEADINGS.items():
        head = reader.find(heading_text, cursor, FIRST_WINDOW if first else ROW_WINDOW)
        if head is not None:
            cursor = head.end
        labels = [
            (field, label)
            for field, (b, label) in f19.ROW_LABELS_2019.items()
            if b == block
        ]
        first_label = min(
            (
                at
                for _, label in labels
                if (at := reader.flat.find(label, cursor, cursor + ROW_WINDOW)) >= 0
            ),
            default=cursor + 120,
        )
        columns = (
            _columns(reader, cursor, first_label)
            or (f19.DEFAULT_COLUMNS[fmt.FORMAT_2019_TRIAL][block])
        )
        for _field, label in labels:
            window = FIRST_WINDOW if first and head is None else ROW_WINDOW
            hit = reader.row(label, cursor, window, pattern=SIGNED_RUN)
            if hit is None:
                continue
            first = False
            match, run = hit
            cursor = run.end()
            row_label = label_for_text(label)
            if row_label is None:  # every 2019 row label is registered
                continue
            kinds = [_KINDS.get(c, splitting.COUNT) for c in columns]
            stock = (
                (columns.index("published_total"), columns.index("published"))
                if {"published_total", "published"} <= set(columns)
                else None
            )
            d = splitting.solve_columns(run.group(), kinds, at_least=stock)
            raw = RawRow(
                row_label,
                reader.f.cell(match.start, match.end),
                _tokens(reader, run.start(), d, len(columns)),
                mode="line",
                block=block,
                columns=columns,
                expected=len(columns),
            )
            rows.append(raw)
            splits.append((raw, d, reader.f.line(run.start())))
    if not rows:
        reader.fuzzy = []
        return start
    ctx = Context(fmt.FORMAT_2019_TRIAL)
    supplementary: dict[str, Any] = {}
    reader.out.active = build_active(ctx, rows, supplementary)
    reader.out.supplementary = supplementary
    reader.out.version = fmt.FORMAT_2019_TRIAL
    reader.out.markers_2019 += found
    for raw, d, line in splits:
        _split_finding(reader, raw, d, line)
    reader.out.findings.setdefault("active", []).extend(ctx.findings)
    reader.out.cells["active"] = dict(ctx.provenance.cells)
    reader.note_fuzzy("active", ("active",))
    return cursor


def _tokens(
    reader: Reader, base: int, d: splitting.ColumnDecision, n: int
) -> list[Token]:
    if d.spans is None:  # blank cells where the run stands
        cell = reader.f.cell(base, base + 1)
        return [(Cell("", cell.start, cell.line), classify(" ")) for _ in range(n)]
    out: list[Token] = []
    for s, e in d.spans:
        cell = reader.f.cell(base + s, base + e)
        out.append((cell, classify(d.run[s:e])))
    return out


def _split_finding(
    reader: Reader, row: RawRow, d: splitting.ColumnDecision, line: int
) -> None:
    field = row.label.field
    paths: list[Path] = [target_of(field, c) or row.label.path for c in row.columns]
    name = row_name(row.label.path)
    if d.spans is None:
        reader.add(
            "active",
            "import.split_uncertain",
            WARNING,
            f"第 {line} 行「{name}」后的数字「{d.run}」无法拆成 {len(row.columns)} 个"
            "单元格，按空白（null）处理，请对照原文填写",
            paths,
        )
        return
    if not d.inferred:
        return
    text = (
        f"第 {line} 行「{name}」的数字「{d.run}」连在一起，拆为 {' | '.join(d.texts)}"
        f"（依据：{splitting.METHOD_NAMES[d.method]}；可信度 {d.confidence:.0%}）"
    )
    if d.alternatives:
        others = "；".join(" | ".join(t) for t in d.alternatives[:3])
        text += f"；其他可能的拆法：{others}"
    uncertain = d.method != splitting.UNIQUE or d.bounded
    reader.add(
        "active",
        "import.split_uncertain" if uncertain else "import.split_inferred",
        WARNING if uncertain else INFO,
        text,
        paths,
    )
