"""XLSX rendering (openpyxl): the report's text on one sheet, each table on its own.

Sheets: 「年度报告」 (title, metadata line and the six sections, the narrative
sections with their paragraphs, the table sections pointing to their sheet), then one
sheet per statistical table, named by its section heading.  One sheet per table
because the three tables have different grids (4, 10 and 15 columns): on a shared
sheet the column widths one table needs would spoil the others, and each table gets
its own print setup (A4, fitted to the page width, section 四 in landscape).  Every
table sheet starts its table at the same row (``TABLE_TOP_ROW``), so a cell has the
same address in every report.

Values are real cells: counts are integers, a blank (not reported) cell is empty.
The fee (万元) is a Decimal kept exactly as written, e.g. ``1935.87208`` or ``12.50``.
It is stored as a number, so that it can be summed, with a number format showing
exactly its written decimals (``0.00000``, ``0.00``): the written digits are the
stored value plus the number format, and nothing is lost as long as the value has at
most 15 significant digits (Excel's precision).  A fee with more digits than a
double keeps is stored as text, right-aligned, which keeps every digit.
"""

from __future__ import annotations

import io
import math
from decimal import Decimal
from typing import Final

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.annual_reports.data import CellValue, ReportData
from gongkai.annual_reports.layout import LayoutCell, TableLayout
from gongkai.annual_reports.rendering.document import (
    EMPTY_NARRATIVE_TEXT,
    MISSING_TABLE_TEXT,
    SUPPLEMENTARY_HEADING,
    Section,
    clean_text,
    column_fractions,
    display_title,
    header_row_count,
    is_group_label,
    metadata_line,
    report_sections,
    single_line,
    supplementary_items,
)
from gongkai.documents.fonts import REPORT_FONTS

REPORT_SHEET: Final = "年度报告"
TABLE_TOP_ROW: Final = 4  # row 1 title, row 2 section heading, row 3 empty
EXCEL_DIGITS: Final = 15  # significant decimal digits a number cell keeps
EXCEL_CELL_CHARS: Final = 32_767  # the most characters a cell holds

FONT_NAME: Final = REPORT_FONTS.body  # 宋体, as in the Word document
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TABLE_FONT = Font(name=FONT_NAME, size=9, charset=134)  # 134: GB2312
_HEADER_FONT = Font(name=FONT_NAME, size=9, bold=True, charset=134)
_TEXT_FONT = Font(name=FONT_NAME, size=11, charset=134)
_TITLE_FONT = Font(name=FONT_NAME, size=16, bold=True, charset=134)
_HEADING_FONT = Font(name=FONT_NAME, size=12, bold=True, charset=134)
_ALIGN = {
    "value": Alignment(horizontal="right", vertical="center"),
    "label": Alignment(horizontal="left", vertical="center", wrap_text=True),
    "header": Alignment(horizontal="center", vertical="center", wrap_text=True),
    "corner": Alignment(horizontal="center", vertical="center", wrap_text=True),
}
_TABLE_WIDTH_CHARS: Final = {"active": 70, "applications": 90, "appeals": 120}
REPORT_WIDTH_CHARS: Final = 80
_LINE_HEIGHT: Final = 13.5  # points per line of 9 pt text


def fee_cell(value: Decimal) -> tuple[float | str, str]:
    """(cell value, number format) for a fee: a number showing exactly the written
    decimals, or the text itself when a number cell could not hold every digit."""
    exponent = value.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    number = float(value)
    digits = len(value.as_tuple().digits)
    if digits <= EXCEL_DIGITS and Decimal(repr(number)) == value:
        return number, "0" if places == 0 else "0." + "0" * places
    return format(value, "f"), "@"


def _put_text(
    ws: Worksheet, row: int, col: int, text: str | None, font: Font = _TABLE_FONT
) -> Cell:
    """A text cell.  Always a string: text starting with ``=`` must not become a
    formula, and an over-long text is cut at Excel's cell limit."""
    cell = ws.cell(row=row, column=col)
    text = clean_text(text or "")[:EXCEL_CELL_CHARS]
    if text:
        cell.value = text
        cell.data_type = "s"
    cell.font = font
    return cell


def _put_value(ws: Worksheet, row: int, col: int, value: CellValue) -> None:
    cell = ws.cell(row=row, column=col)
    if value is None:
        return
    if isinstance(value, Decimal):
        cell.value, cell.number_format = fee_cell(value)
        if cell.number_format == "@":
            cell.data_type = "s"
    else:
        cell.value = int(value)
        cell.number_format = "0"


def _estimate_lines(text: str, width: float, font_size: float = 9) -> int:
    """Lines ``text`` takes in a column ``width`` units wide (Excel sets no row
    heights itself for merged or for generated cells).  A unit is the width of a
    digit of the default 11 pt font, about 7 px; a CJK glyph is 4/3 px per point."""
    if not text:
        return 1
    cjk = font_size * 4 / 3 / 7
    needed = sum(cjk if ord(ch) > 0x2E7F else cjk / 2 for ch in text)
    return max(1, math.ceil(needed / max(width - 1, 1)))


def _write_table(ws: Worksheet, layout: TableLayout, top: int) -> None:
    widths = [
        share * _TABLE_WIDTH_CHARS.get(layout.key, 100)
        for share in column_fractions(layout)
    ]
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = round(width, 2)
    lines = [1] * len(layout.rows)
    for r, c, cell in layout.anchors():
        row, col = top + r, 1 + c
        _write_cell(ws, row, col, cell)
        if cell.rowspan > 1 or cell.colspan > 1:
            ws.merge_cells(
                start_row=row,
                start_column=col,
                end_row=row + cell.rowspan - 1,
                end_column=col + cell.colspan - 1,
            )
        needed = _estimate_lines(cell.text, sum(widths[c : c + cell.colspan]))
        per_row = math.ceil(needed / cell.rowspan)
        for dr in range(cell.rowspan):
            lines[r + dr] = max(lines[r + dr], per_row)
    # Borders on every grid cell, the covered cells of a merge included: Excel
    # draws a merged range's edges from the cells along them.
    for r in range(len(layout.rows)):
        for c in range(layout.n_cols):
            ws.cell(row=top + r, column=1 + c).border = _BORDER
        ws.row_dimensions[top + r].height = lines[r] * _LINE_HEIGHT + 3
    if head := header_row_count(layout):
        ws.print_title_rows = f"{top}:{top + head - 1}"


def _write_cell(ws: Worksheet, row: int, col: int, cell: LayoutCell) -> None:
    target = ws.cell(row=row, column=col)
    if cell.kind == "value":
        _put_value(ws, row, col, cell.value)
        target.font = _TABLE_FONT
    else:
        _put_text(
            ws,
            row,
            col,
            cell.text,
            _HEADER_FONT if cell.kind == "header" else _TABLE_FONT,
        )
    target.alignment = _ALIGN["header" if is_group_label(cell) else cell.kind]


def _page_setup(ws: Worksheet, *, landscape: bool = False) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = landscape


def _table_sheet(wb: Workbook, report: ReportData, section: Section) -> None:
    ws = wb.create_sheet(section.heading)
    n_cols = section.table.n_cols if section.table else 4
    _page_setup(ws, landscape=n_cols > 10)
    _put_text(ws, 1, 1, display_title(report), _HEADING_FONT)
    _put_text(ws, 2, 1, section.heading, _HEADING_FONT)
    if section.table is None:
        _put_text(ws, TABLE_TOP_ROW, 1, MISSING_TABLE_TEXT, _TEXT_FONT)
        ws.column_dimensions["A"].width = 40
    else:
        _write_table(ws, section.table, TABLE_TOP_ROW)
    items = supplementary_items(report) if section.table_key == "active" else ()
    if items:
        row = ws.max_row + 2
        _put_text(ws, row, 1, SUPPLEMENTARY_HEADING, _HEADING_FONT)
        for offset, (label, value) in enumerate(items, start=1):
            for col, text in ((1, label), (2, value)):
                cell = _put_text(ws, row + offset, col, text)
                cell.border, cell.alignment = _BORDER, _ALIGN["label"]


def _report_sheet(
    ws: Worksheet, report: ReportData, sections: tuple[Section, ...]
) -> None:
    ws.title = REPORT_SHEET
    _page_setup(ws)
    ws.column_dimensions["A"].width = REPORT_WIDTH_CHARS
    wrap = Alignment(wrap_text=True, vertical="top")
    lines: list[tuple[str, Font]] = [(display_title(report), _TITLE_FONT)]
    if meta := metadata_line(report):
        lines.append((meta, _TEXT_FONT))
    for section in sections:
        lines.append((section.heading, _HEADING_FONT))
        if section.is_table:
            text = (
                f"见工作表「{section.heading}」"
                if section.table is not None
                else MISSING_TABLE_TEXT
            )
            lines.append((text, _TEXT_FONT))
        else:
            for paragraph in section.paragraphs or (EMPTY_NARRATIVE_TEXT,):
                lines.append(("　　" + paragraph, _TEXT_FONT))
    for row, (text, font) in enumerate(lines, start=1):
        cell = _put_text(ws, row, 1, text, font)
        cell.alignment = wrap
        n_lines = _estimate_lines(text, REPORT_WIDTH_CHARS, font.size)
        height = n_lines * font.size * 1.5
        ws.row_dimensions[row].height = max(height, 18)


def render_xlsx(report: ReportData) -> bytes:
    """The whole report as an Excel workbook."""
    wb = Workbook()
    sections = report_sections(report)
    _report_sheet(wb.active, report, sections)
    for section in sections:
        if section.is_table:
            _table_sheet(wb, report, section)
    wb.properties.title = display_title(report)
    wb.properties.creator = single_line(report.org or "") or "gongkai"
    wb.properties.language = "zh-CN"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
