"""Read the statistical tables back out of rendered HTML, DOCX and XLSX.

Each reader works on the rendered file only, the way another program would see it:
it rebuilds the table grid from the file's own span markup (HTML rowspan/colspan,
Word gridSpan/vMerge, Excel merged ranges) and then reads the value cells at the
grid positions ``TableLayout.value_positions()`` gives.  Nothing here calls the
renderers' helpers, so a renderer bug cannot cancel out in the reading.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import docx
import lxml.html
import openpyxl
from docx.oxml.ns import qn
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import CellValue, ReportData, iter_cells
from gongkai.annual_reports.format import Path
from gongkai.annual_reports.layout import TableLayout, table_layouts

FEE_PATH: Path = ("active", fmt.ACTIVE_FEE_FIELD)
TABLE_KEYS = ("active", "applications", "appeals")


@dataclass
class Anchor:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    element: Any = None  # the HTML element, for its attributes


@dataclass
class Grid:
    """A table as read back: its cells and, for every grid position, the cell."""

    anchors: list[Anchor] = field(default_factory=list)
    at: dict[tuple[int, int], Anchor] = field(default_factory=dict)

    def add(self, anchor: Anchor) -> None:
        self.anchors.append(anchor)
        self.cover(anchor)

    def cover(self, anchor: Anchor) -> None:
        for dr in range(anchor.rowspan):
            for dc in range(anchor.colspan):
                position = (anchor.row + dr, anchor.col + dc)
                assert position not in self.at, f"{position} covered twice"
                self.at[position] = anchor

    @property
    def shape(self) -> tuple[int, int]:
        rows = max(r for r, _ in self.at) + 1
        cols = max(c for _, c in self.at) + 1
        return rows, cols

    def spans_of(self, text: str) -> list[tuple[int, int]]:
        return [(a.rowspan, a.colspan) for a in self.anchors if a.text == text]


def layout_of(key: str, report: ReportData | None = None) -> TableLayout:
    return next(layout for layout in table_layouts(report) if layout.key == key)


def parse_cell_text(path: Path, text: str) -> CellValue:
    text = text.strip()
    if not text:
        return None
    if path == FEE_PATH:
        return Decimal(text)
    return int(text)


def read_values(key: str, grid: Grid) -> dict[Path, CellValue]:
    """Every value cell of table ``key``, read at its grid position."""
    values: dict[Path, CellValue] = {}
    for path, (r, c) in layout_of(key).value_positions().items():
        anchor = grid.at[(r, c)]
        assert (anchor.row, anchor.col) == (r, c), f"{path} is not a cell of its own"
        values[path] = parse_cell_text(path, anchor.text)
    return values


def expected_values(report: ReportData, key: str) -> dict[Path, CellValue]:
    return {path: value for path, value in iter_cells(report) if path[0] == key}


def assert_same_values(
    got: dict[Path, CellValue], expected: dict[Path, CellValue]
) -> None:
    """Equal, with the same types (an int stays an int), and the fee with exactly
    the same digits (``1.50`` is not ``1.5``)."""
    assert got.keys() == expected.keys()
    for path, value in expected.items():
        read = got[path]
        assert type(read) is type(value), (path, read, value)
        assert read == value, (path, read, value)
        if isinstance(value, Decimal):
            assert isinstance(read, Decimal)
            assert format(read, "f") == format(value, "f"), (path, read, value)


def assert_same_layout(grid: Grid, layout: TableLayout) -> None:
    """Every cell of the layout is in the file at its place, with its spans; label
    and header texts are exactly the format's."""
    assert grid.shape == (len(layout.rows), layout.n_cols)
    read = {(a.row, a.col): a for a in grid.anchors}
    assert len(read) == sum(len(row) for row in layout.rows)
    for r, c, cell in layout.anchors():
        anchor = read[(r, c)]
        assert (anchor.rowspan, anchor.colspan) == (cell.rowspan, cell.colspan), cell
        if not cell.is_value:
            assert anchor.text.strip() == cell.text, (anchor.text, cell.text)


def assert_official_spans(grids: dict[str, Grid]) -> None:
    """The merged headers of the 2021 format, written down independently of the
    layout module."""
    active, apps, appeals = grids["active"], grids["applications"], grids["appeals"]
    for block in fmt.ACTIVE_BLOCKS:
        assert active.spans_of(block.heading) == [(1, 4)]
    assert active.spans_of(fmt.CONTENT_HEADER) == [(1, 1)] * 4
    assert active.spans_of("本年处理决定数量") == [(1, 3)] * 2
    assert active.spans_of("本年收费金额（单位：万元）") == [(1, 3)]
    assert apps.spans_of(fmt.APPLICATIONS_CORNER_NOTE) == [(3, 3)]
    assert apps.spans_of(fmt.APPLICANT_HEADER) == [(1, 7)]
    assert apps.spans_of(fmt.NATURAL_PERSON) == [(2, 1)]
    assert apps.spans_of(fmt.LEGAL_PERSONS_HEADER) == [(1, 5)]
    assert apps.spans_of(fmt.TOTAL) == [(2, 1)]
    for column in fmt.LEGAL_PERSON_COLUMNS:
        assert apps.spans_of(column) == [(1, 1)]
    assert apps.spans_of(fmt.TOP_NEW) == [(1, 3)]
    assert apps.spans_of(fmt.TOP_RESULTS) == [(22, 1)]
    assert apps.spans_of("（三）不予公开") == [(8, 1)]
    assert apps.spans_of("（四）无法提供") == [(3, 1)]
    assert apps.spans_of("（五）不予处理") == [(5, 1)]
    assert apps.spans_of("（六）其他处理") == [(3, 1)]
    assert apps.spans_of(fmt.GRANTED_LABEL) == [(1, 2)]
    assert apps.spans_of(fmt.OUTCOME_TOTAL_LABEL) == [(1, 2)]
    assert apps.spans_of(fmt.TOP_CARRIED_FORWARD) == [(1, 3)]
    assert appeals.spans_of(fmt.RECONSIDERATION) == [(1, 5)]
    assert appeals.spans_of(fmt.LITIGATION) == [(1, 10)]
    assert appeals.spans_of("未经复议直接起诉") == [(1, 5)]
    assert appeals.spans_of("复议后起诉") == [(1, 5)]
    assert appeals.spans_of("结果维持") == [(2, 1), (1, 1), (1, 1)]
    assert appeals.shape == (4, 15)
    assert apps.shape == (28, 10)


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------
def html_grid(table: Any) -> Grid:
    """The grid of an lxml ``<table>`` element, spans expanded."""
    grid = Grid()
    for r, tr in enumerate(table.iter("tr")):
        c = 0
        for element in tr:
            if element.tag not in ("td", "th"):
                continue
            while (r, c) in grid.at:
                c += 1
            anchor = Anchor(
                r,
                c,
                int(element.get("rowspan", 1)),
                int(element.get("colspan", 1)),
                element.text_content(),
                element,
            )
            grid.add(anchor)
            c += anchor.colspan
    return grid


def html_tables(html: str) -> dict[str, Any]:
    """The statistical ``<table>`` elements of a document or fragment, by key."""
    root = lxml.html.fromstring(html)
    return {t.get("data-table"): t for t in root.iter("table") if t.get("data-table")}


# ---------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------
def _tc_text(tc: Any) -> str:
    paragraphs = tc.findall(qn("w:p"))
    return "\n".join(
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in paragraphs
    )


def docx_grid(table: Any) -> Grid:
    """The grid of a python-docx table, from its ``w:tc`` elements: ``w:gridSpan``
    widens a cell, ``w:vMerge`` (no value or "continue") extends the cell above."""
    grid = Grid()
    for r, tr in enumerate(table._tbl.findall(qn("w:tr"))):
        c = 0
        for tc in tr.findall(qn("w:tc")):
            tc_pr = tc.find(qn("w:tcPr"))
            span, merge = 1, None
            if tc_pr is not None:
                grid_span = tc_pr.find(qn("w:gridSpan"))
                span = int(grid_span.get(qn("w:val"))) if grid_span is not None else 1
                v_merge = tc_pr.find(qn("w:vMerge"))
                if v_merge is not None:
                    merge = v_merge.get(qn("w:val")) or "continue"
            if merge == "continue":
                above = grid.at[(r - 1, c)]
                assert above.col == c
                assert above.colspan == span
                above.rowspan += 1
                for dc in range(span):
                    grid.at[(r, c + dc)] = above
            else:
                grid.add(Anchor(r, c, 1, span, _tc_text(tc)))
            c += span
    return grid


def docx_document(content: bytes) -> Any:
    return docx.Document(io.BytesIO(content))


# ---------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------
def _xlsx_text(value: Any) -> str:
    return "" if value is None else str(value)


def xlsx_grid(ws: Worksheet, top_left_text: str, n_rows: int, n_cols: int) -> Grid:
    """The table whose top-left cell says ``top_left_text``: merged ranges become
    spans, every other cell of the table's box is a cell of its own."""
    top = next(
        row[0].row
        for row in ws.iter_rows(min_col=1, max_col=1)
        if row[0].value == top_left_text
    )
    grid = Grid()
    for merged in ws.merged_cells.ranges:
        if merged.min_row >= top and merged.max_row < top + n_rows:
            grid.add(
                Anchor(
                    merged.min_row - top,
                    merged.min_col - 1,
                    merged.max_row - merged.min_row + 1,
                    merged.max_col - merged.min_col + 1,
                    _xlsx_text(ws.cell(merged.min_row, merged.min_col).value),
                )
            )
    for r in range(n_rows):
        for c in range(n_cols):
            if (r, c) not in grid.at:
                grid.add(Anchor(r, c, 1, 1, _xlsx_text(ws.cell(top + r, 1 + c).value)))
    grid.anchors.sort(key=lambda a: (a.row, a.col))
    return grid


_PLACES = re.compile(r"^0(?:\.(0+))?$")


def xlsx_value(path: Path, cell: Any) -> CellValue:
    """A value cell as the number it stores: counts must be integers; the fee is
    its number with the decimals its number format shows, or its text."""
    value = cell.value
    if value is None:
        return None
    if path != FEE_PATH:
        assert type(value) is int, (path, value)
        return value
    if isinstance(value, str):
        return Decimal(value)
    match = _PLACES.match(cell.number_format)
    assert match, f"fee number format {cell.number_format!r} does not fix the decimals"
    places = len(match.group(1) or "")
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places))


def xlsx_values(ws: Worksheet, key: str, top_left_text: str) -> dict[Path, CellValue]:
    top = next(
        row[0].row
        for row in ws.iter_rows(min_col=1, max_col=1)
        if row[0].value == top_left_text
    )
    return {
        path: xlsx_value(path, ws.cell(top + r, 1 + c))
        for path, (r, c) in layout_of(key).value_positions().items()
    }


def xlsx_workbook(content: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(content))


def present_keys(report: ReportData) -> list[str]:
    return [k for k in TABLE_KEYS if getattr(report, k) is not None]


def top_left_text(key: str) -> str:
    return layout_of(key).rows[0][0].text
