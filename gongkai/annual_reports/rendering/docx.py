"""DOCX rendering (python-docx): an A4 Word document with real tables.

Merged cells are merged on the Word grid at the coordinates ``TableLayout.anchors()``
gives, so Word, WPS and LibreOffice show the spans of the official format.  The
page, the styles and their Chinese fonts, table borders and repeated header rows
come from :mod:`gongkai.documents.docx`.
"""

from __future__ import annotations

import io
from typing import Final

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.table import CT_Tc
from docx.shared import Emu, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import ReportData
from gongkai.annual_reports.layout import LayoutCell, TableLayout
from gongkai.annual_reports.rendering.document import (
    EMPTY_NARRATIVE_TEXT,
    MISSING_TABLE_TEXT,
    SUPPLEMENTARY_HEADING,
    TRIAL_FORMAT_NOTE,
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
from gongkai.documents.docx import (
    REPORT_SIZES,
    body_paragraph,
    new_document,
    set_row_properties,
    set_table_borders,
    text_width,
)
from gongkai.documents.fonts import REPORT_FONTS
from gongkai.documents.page import A4_REPORT

PAGE: Final = A4_REPORT
TABLE_SIZE: Final = Pt(REPORT_SIZES.table)
TEXT_WIDTH: Final = text_width(PAGE)


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------
def _grid_widths(layout: TableLayout) -> list[int]:
    return [int(TEXT_WIDTH * share) for share in column_fractions(layout)]


def _build_grid(table: Table, layout: TableLayout) -> dict[tuple[int, int], _Cell]:
    """Lay the layout's cells on the Word grid: one ``w:tc`` per cell and row it
    covers, ``w:gridSpan`` for its columns and ``w:vMerge`` (restart, then
    continue) for its rows.  Returns the top-left cell of each layout cell by its
    (row, column) from ``anchors()``."""
    widths = _grid_widths(layout)
    table.autofit = False
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = Emu(width)
    row_tcs: list[list[tuple[int, CT_Tc]]] = [[] for _ in layout.rows]
    anchors: dict[tuple[int, int], _Cell] = {}
    for r, c, cell in layout.anchors():
        for dr in range(cell.rowspan):
            tc = CT_Tc.new()
            tc.width = Emu(sum(widths[c : c + cell.colspan]))
            tc.grid_span = cell.colspan
            if cell.rowspan > 1:
                tc.vMerge = "restart" if dr == 0 else "continue"
            row_tcs[r + dr].append((c, tc))
            if dr == 0:
                anchors[(r, c)] = _Cell(tc, table)
    for tr, tcs in zip(table._tbl.tr_lst, row_tcs, strict=True):
        for old in tr.tc_lst:
            tr.remove(old)
        for _, tc in sorted(tcs, key=lambda item: item[0]):
            tr.append(tc)
    return anchors


def _write_cell(cell: _Cell, layout_cell: LayoutCell) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    pf = paragraph.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    pf.first_line_indent = Pt(0)
    if layout_cell.kind == "value":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif layout_cell.kind == "label" and not is_group_label(layout_cell):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    text = clean_text(layout_cell.text)
    if text:
        run = paragraph.add_run(text)
        run.font.size = TABLE_SIZE
        run.bold = layout_cell.kind == "header"


def _add_table(doc: DocxDocument, layout: TableLayout) -> Table:
    table: Table = doc.add_table(rows=len(layout.rows), cols=layout.n_cols)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_table_borders(table)
    cells = _build_grid(table, layout)
    for r, c, cell in layout.anchors():
        _write_cell(cells[(r, c)], cell)
    set_row_properties(table, header_rows=header_row_count(layout))
    return table


def _add_supplementary(doc: DocxDocument, report: ReportData) -> None:
    items = supplementary_items(report)
    if not items:
        return
    doc.add_paragraph(SUPPLEMENTARY_HEADING, style="Heading 2")
    table = doc.add_table(rows=len(items), cols=2)
    table.style = doc.styles["Table Grid"]
    set_table_borders(table)
    for row, (label, value) in zip(table.rows, items, strict=True):
        for cell, text in zip(row.cells, (label, value), strict=True):
            _write_cell(cell, LayoutCell("label", text))


# ---------------------------------------------------------------------------
# Document
# ---------------------------------------------------------------------------
def _body_paragraph(doc: DocxDocument, text: str) -> Paragraph:
    return body_paragraph(doc, clean_text(text))


def _add_section(doc: DocxDocument, report: ReportData, section: Section) -> None:
    doc.add_paragraph(section.heading, style="Heading 1")
    if section.is_table:
        if section.table is None:
            _body_paragraph(doc, MISSING_TABLE_TEXT)
        else:
            _add_table(doc, section.table)
        if section.table_key == "active":
            _add_supplementary(doc, report)
        return
    for text in section.paragraphs or (EMPTY_NARRATIVE_TEXT,):
        _body_paragraph(doc, text)


def render_docx(report: ReportData) -> bytes:
    """The whole report as a Word document (A4)."""
    doc = new_document(page=PAGE, fonts=REPORT_FONTS, sizes=REPORT_SIZES)
    title = display_title(report)
    doc.core_properties.title = title
    doc.core_properties.author = single_line(report.org or "")
    doc.add_paragraph(title, style="Title")
    if meta := metadata_line(report):
        paragraph = doc.add_paragraph(meta)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if report.format_version == fmt.FORMAT_2019_TRIAL:
        _body_paragraph(doc, TRIAL_FORMAT_NOTE)
    for section in report_sections(report):
        _add_section(doc, report, section)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
