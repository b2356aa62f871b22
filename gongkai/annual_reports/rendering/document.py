"""The report as a renderer sees it: title, metadata line and the six sections.

Every renderer (HTML, DOCX, XLSX; PDF goes through HTML) walks ``report_sections``
so that the order of the sections, the wording of the metadata line and what is said
for a missing table or an empty narrative are the same in every format.  The tables
themselves come from :mod:`gongkai.annual_reports.layout`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.layout import (
    LayoutCell,
    TableLayout,
    table_layouts,
    table_present,
)

MISSING_TABLE_TEXT: Final = "本报告未提供该统计表。"
EMPTY_NARRATIVE_TEXT: Final = "本部分未填写内容。"
SUPPLEMENTARY_HEADING: Final = "原格式中的其他统计项"
TRIAL_FORMAT_NOTE: Final = (
    "本报告按国办公开办函〔2019〕60号（试行）格式编制，"
    "统计表按国办公开办函〔2021〕30号格式列示，原格式中没有对应单元格的统计项另行列出。"
)

#: Relative widths of the grid columns of each table (presentation only: the cells,
#: spans and labels come from the layout).  Section 三's three label columns are the
#: top-level heading, the group label and the leaf label.
COLUMN_WEIGHTS: Final[dict[str, tuple[float, ...]]] = {
    "active": (1.4, 1.0, 1.0, 1.0),
    "applications": (1.0, 1.15, 3.0, *(1.05,) * 7),
    "appeals": (1.0,) * 15,
}

# Characters XML 1.0 (and therefore DOCX, XLSX and HTML) cannot carry.
_ILLEGAL_XML_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]"
)
_LINE_BREAKS = re.compile(r"\s*[\r\n\t\f\v\x85\u2028\u2029]+\s*")
_NARRATIVE_FIELDS: Final = {0: "overview", 4: "problems", 5: "other"}
_TABLE_KEYS: Final = {1: "active", 2: "applications", 3: "appeals"}


@dataclass(frozen=True)
class Section:
    """One of the six sections: a narrative (一、五、六) or a table (二、三、四)."""

    number: int  # 1 … 6
    heading: str
    paragraphs: tuple[str, ...] = ()  # narrative sections; empty when not filled in
    table_key: str | None = (
        None  # table sections: "active" | "applications" | "appeals"
    )
    table: TableLayout | None = None  # None: the report does not give this table

    @property
    def is_table(self) -> bool:
        return self.table_key is not None


def clean_text(text: str) -> str:
    """``text`` without the control characters no XML-based format can hold."""
    return _ILLEGAL_XML_CHARS.sub("", text)


def single_line(text: str) -> str:
    """A title or a name on one line: line breaks and tabs become one space."""
    return _LINE_BREAKS.sub(" ", clean_text(text)).strip()


def split_paragraphs(text: str | None) -> tuple[str, ...]:
    """Paragraphs of a narrative: one per non-blank line, surrounding blanks
    (including the full-width indent 「　　」 of Chinese documents) removed."""
    if not text:
        return ()
    lines = (clean_text(line).strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def format_date(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def metadata_items(report: ReportData) -> tuple[tuple[str, str], ...]:
    """(label, text) pairs for the line under the title; absent items are left out."""
    items: list[tuple[str, str]] = []
    if report.org:
        items.append(("发布机关", single_line(report.org)))
    if report.year is not None:
        items.append(("统计年度", f"{report.year}年"))
    if report.published_on is not None:
        items.append(("发布日期", format_date(report.published_on)))
    return tuple(items)


def metadata_line(report: ReportData) -> str:
    return "　".join(f"{label}：{text}" for label, text in metadata_items(report))


def display_title(report: ReportData) -> str:
    return single_line(report.display_title)


def report_sections(report: ReportData) -> tuple[Section, ...]:
    """The six sections in the order of the format."""
    layouts = {layout.key: layout for layout in table_layouts(report)}
    sections: list[Section] = []
    for index, heading in enumerate(fmt.SECTION_HEADINGS):
        if index in _TABLE_KEYS:
            key = _TABLE_KEYS[index]
            table = layouts[key] if table_present(report, key) else None
            sections.append(Section(index + 1, heading, table_key=key, table=table))
        else:
            text = getattr(report.narrative, _NARRATIVE_FIELDS[index])
            sections.append(Section(index + 1, heading, split_paragraphs(text)))
    return tuple(sections)


def supplementary_items(report: ReportData) -> tuple[tuple[str, str], ...]:
    """Values of a historical format that the 2021 tables have no cell for."""
    return tuple(
        (clean_text(str(label)), clean_text(_plain(value)))
        for label, value in report.supplementary.items()
    )


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return "；".join(f"{k}：{_plain(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "、".join(_plain(v) for v in value)
    return str(value)


def header_row_count(layout: TableLayout) -> int:
    """How many leading rows form the table's header (repeated on each printed page).

    A table whose header rows reappear further down (section 二's blocks) has no
    single header: 0, so that no block's header is repeated over another block."""
    flags = [all(c.kind in ("header", "corner") for c in row) for row in layout.rows]
    count = 0
    while count < len(flags) and flags[count]:
        count += 1
    if any(flags[count:]):
        return 0
    return count


def is_group_label(cell: LayoutCell) -> bool:
    """A label spanning several rows (三、本年度办理结果, （三）不予公开 …): centred."""
    return cell.kind == "label" and cell.rowspan > 1


def column_fractions(layout: TableLayout) -> tuple[float, ...]:
    """The share of the table width each grid column gets (sums to 1)."""
    weights = COLUMN_WEIGHTS.get(layout.key, (1.0,) * layout.n_cols)
    if len(weights) != layout.n_cols:
        weights = (1.0,) * layout.n_cols
    total = sum(weights)
    return tuple(w / total for w in weights)


#: Appended to a group label repeated at the top of a continuation page.
CONTINUED_MARK: Final = "（续）"


def spanning_labels(layout: TableLayout) -> tuple[tuple[int, int, LayoutCell], ...]:
    """(row, column, cell) of every body label spanning several rows: the row
    groups (三、本年度办理结果, （三）不予公开 …) a page break can cut through."""
    head = header_row_count(layout)
    return tuple(
        (r, c, cell)
        for r, c, cell in layout.anchors()
        if r >= head and cell.kind == "label" and cell.rowspan > 1
    )


def continued_layouts(
    layout: TableLayout, starts: Sequence[int] = ()
) -> tuple[TableLayout, ...]:
    """``layout`` cut before each row index in ``starts`` (body rows of
    ``layout.rows``; others are ignored): the first part holds the rows above the
    first cut; every further part repeats the header rows and, at its top, each
    group label whose rows run into it (marked 「（续）」), so that a part printed
    on a page of its own still says what its rows are."""
    head = header_row_count(layout)
    cuts = sorted({s for s in starts if head < s < len(layout.rows)})
    bounds = list(zip([head, *cuts], [*cuts, len(layout.rows)], strict=True))
    anchors = [a for a in layout.anchors() if a[0] >= head]
    parts = []
    for top, bottom in bounds:
        placed: dict[int, list[tuple[int, LayoutCell]]] = {
            r: [] for r in range(top, bottom)
        }
        for r, c, cell in anchors:
            end = min(r + cell.rowspan, bottom)
            if top <= r < bottom:
                placed[r].append((c, replace(cell, rowspan=end - r)))
            elif r < top < r + cell.rowspan:
                text = cell.text + CONTINUED_MARK
                placed[top].append((c, replace(cell, text=text, rowspan=end - top)))
        body = tuple(
            tuple(cell for _, cell in sorted(placed[r], key=lambda item: item[0]))
            for r in range(top, bottom)
        )
        parts.append(replace(layout, rows=layout.rows[:head] + body))
    return tuple(parts)
