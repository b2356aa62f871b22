"""The official layout of the three statistical tables, as data.

``table_layouts(report)`` gives, for each table, its rows of cells with their
row/column spans exactly as the format draws them (merged header cells, the three
label columns of section 三).  Every renderer (HTML, DOCX, XLSX, PDF) and the staff
edit form draw from this, so the layout is written once.

Rows are HTML-style: a cell covered by a span from an earlier cell is omitted.
``TableLayout.anchors()`` gives every cell with its (row, column) on the full grid,
for formats that address cells by coordinates (XLSX, DOCX).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import CellValue, ReportData, iter_cells
from gongkai.annual_reports.format import Path

Kind = Literal["corner", "header", "label", "value"]


@dataclass(frozen=True)
class LayoutCell:
    kind: Kind
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    path: Path | None = None  # value cells: the cell's path
    value: CellValue = None  # value cells: None is a blank cell

    @property
    def is_value(self) -> bool:
        return self.kind == "value"


@dataclass(frozen=True)
class TableLayout:
    key: str  # "active" | "applications" | "appeals"
    heading: str  # the section heading the table sits under
    n_cols: int
    rows: tuple[tuple[LayoutCell, ...], ...]

    def anchors(self) -> Iterator[tuple[int, int, LayoutCell]]:
        """(row, column, cell) for every cell, columns counted on the full grid."""
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                yield r, c, cell
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        taken.add((r + dr, c + dc))
                c += cell.colspan

    def value_positions(self) -> dict[Path, tuple[int, int]]:
        """Grid position of every value cell, by path."""
        return {
            cell.path: (r, c) for r, c, cell in self.anchors() if cell.path is not None
        }


def display_value(value: CellValue) -> str:
    """How a value is written in a rendered table: blank for None, no separators,
    the fee exactly as stored."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _cells(report: ReportData | None) -> dict[Path, CellValue]:
    """Every cell of the report by path (looked up once per table, not per cell)."""
    return {} if report is None else dict(iter_cells(report))


def _value(cells: Mapping[Path, CellValue], path: Path, colspan: int = 1) -> LayoutCell:
    value = cells.get(path)
    return LayoutCell(
        "value", display_value(value), colspan=colspan, path=path, value=value
    )


def _header(text: str, rowspan: int = 1, colspan: int = 1) -> LayoutCell:
    return LayoutCell("header", text, rowspan=rowspan, colspan=colspan)


def _label(text: str, rowspan: int = 1, colspan: int = 1) -> LayoutCell:
    return LayoutCell("label", text, rowspan=rowspan, colspan=colspan)


# ---------------------------------------------------------------------------
def active_layout(report: ReportData | None) -> TableLayout:
    by_path = _cells(report)
    rows: list[tuple[LayoutCell, ...]] = []
    for block in fmt.ACTIVE_BLOCKS:
        rows.append((_header(block.heading, colspan=4),))
        if len(block.columns) == 3:
            rows.append(
                (_header(fmt.CONTENT_HEADER), *(_header(c) for c in block.columns))
            )
        else:
            rows.append(
                (_header(fmt.CONTENT_HEADER), _header(block.columns[0], colspan=3))
            )
        for field, label in block.rows:
            if field in fmt.ACTIVE_VECTOR_FIELDS:
                rows.append(
                    (
                        _label(label),
                        *(_value(by_path, ("active", field, i)) for i in range(3)),
                    )
                )
            else:
                rows.append(
                    (_label(label), _value(by_path, ("active", field), colspan=3))
                )
    return TableLayout("active", fmt.SECTION_HEADINGS[1], 4, tuple(rows))


def applications_layout(report: ReportData | None) -> TableLayout:
    by_path = _cells(report)

    def values(path: Path) -> tuple[LayoutCell, ...]:
        return tuple(_value(by_path, (*path, c)) for c in range(7))

    rows: list[tuple[LayoutCell, ...]] = [
        (
            LayoutCell("corner", fmt.APPLICATIONS_CORNER_NOTE, rowspan=3, colspan=3),
            _header(fmt.APPLICANT_HEADER, colspan=7),
        ),
        (
            _header(fmt.NATURAL_PERSON, rowspan=2),
            _header(fmt.LEGAL_PERSONS_HEADER, colspan=5),
            _header(fmt.TOTAL, rowspan=2),
        ),
        tuple(_header(c) for c in fmt.LEGAL_PERSON_COLUMNS),
    ]
    results = [r for r in fmt.APPLICATION_ROWS if r.top == fmt.TOP_RESULTS]
    first_result = True
    seen_groups: set[str] = set()
    for row in fmt.APPLICATION_ROWS:
        if row.top != fmt.TOP_RESULTS:
            rows.append((_label(row.label, colspan=3), *values(row.path)))
            continue
        cells: list[LayoutCell] = []
        if first_result:
            cells.append(_label(fmt.TOP_RESULTS, rowspan=len(results)))
            first_result = False
        if row.group:
            if row.group not in seen_groups:
                seen_groups.add(row.group)
                cells.append(_label(row.group, rowspan=fmt.GROUP_SIZES[row.field]))
            cells.append(_label(row.label))
        else:
            cells.append(_label(row.label, colspan=2))
        rows.append((*cells, *values(row.path)))
    return TableLayout("applications", fmt.SECTION_HEADINGS[2], 10, tuple(rows))


def appeals_layout(report: ReportData | None) -> TableLayout:
    by_path = _cells(report)
    outcome_headers = tuple(_header(c) for c in fmt.APPEAL_COLUMNS)
    rows = (
        (_header(fmt.RECONSIDERATION, colspan=5), _header(fmt.LITIGATION, colspan=10)),
        (
            *(_header(c, rowspan=2) for c in fmt.APPEAL_COLUMNS),
            _header(fmt.APPEAL_GROUP_LABELS["litigation_direct"], colspan=5),
            _header(
                fmt.APPEAL_GROUP_LABELS["litigation_after_reconsideration"], colspan=5
            ),
        ),
        outcome_headers + outcome_headers,
        tuple(
            _value(by_path, ("appeals", field, i))
            for field in fmt.APPEAL_FIELDS
            for i in range(5)
        ),
    )
    return TableLayout("appeals", fmt.SECTION_HEADINGS[3], 15, rows)


def table_layouts(report: ReportData | None) -> tuple[TableLayout, ...]:
    """The three tables in order.  ``report=None`` gives the empty template."""
    return (active_layout(report), applications_layout(report), appeals_layout(report))


def table_present(report: ReportData, key: str) -> bool:
    return getattr(report, key) is not None
