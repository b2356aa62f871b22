"""DOCX rendering (python-docx): an A4 Word document with real tables.

Merged cells are merged on the Word grid at the coordinates ``TableLayout.anchors()``
gives, so Word, WPS and LibreOffice show the spans of the official format.  Fonts
are set for East Asian text explicitly (``w:eastAsia``): Word otherwise takes the
theme's East Asian font, which on many machines has no Chinese glyphs.
"""

from __future__ import annotations

import io
from typing import Final

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tc
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.styles.style import BaseStyle
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

# 宋体 for text and tables, 黑体 for headings: the fonts of Chinese official
# documents, present on every Chinese Windows; LibreOffice and WPS substitute them.
LATIN_FONT: Final = "Times New Roman"
BODY_FONT: Final = "宋体"
HEADING_FONT: Final = "黑体"
BODY_SIZE: Final = Pt(12)
TABLE_SIZE: Final = Pt(9)

PAGE_WIDTH: Final = Mm(210)
PAGE_HEIGHT: Final = Mm(297)
MARGIN_TOP, MARGIN_BOTTOM = Mm(25), Mm(22)
MARGIN_LEFT, MARGIN_RIGHT = Mm(20), Mm(20)
TEXT_WIDTH: Final = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

# Elements that follow w:tblBorders in w:tblPr, and w:tblHeader in w:trPr.
_TBL_PR_AFTER_BORDERS: Final = (
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)
_TR_PR_AFTER_HEADER: Final = (
    "w:tblCellSpacing",
    "w:jc",
    "w:hidden",
    "w:ins",
    "w:del",
    "w:trPrChange",
)
_THEME_FONT_ATTRS: Final = (
    "w:asciiTheme",
    "w:hAnsiTheme",
    "w:eastAsiaTheme",
    "w:cstheme",
)


# ---------------------------------------------------------------------------
# Fonts and styles
# ---------------------------------------------------------------------------
def _set_fonts(rpr: BaseOxmlElement, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Explicit fonts on an ``w:rPr``: theme fonts removed (they would win over
    explicit names), East Asian text in ``east_asia``."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in _THEME_FONT_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for attr, name in (
        ("w:ascii", latin),
        ("w:hAnsi", latin),
        ("w:cs", latin),
        ("w:eastAsia", east_asia),
    ):
        rfonts.set(qn(attr), name)
    rfonts.set(qn("w:hint"), "eastAsia")


def _set_language(rpr: BaseOxmlElement) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _style_text(style: BaseStyle, *, east_asia: str, size: Pt, bold: bool) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.size = size
    font.bold = bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    _set_fonts(style.element.get_or_add_rPr(), east_asia)


def _setup_styles(doc: DocxDocument) -> None:
    rpr_default = (
        doc.styles.element.find(qn("w:docDefaults"))
        .find(qn("w:rPrDefault"))
        .find(qn("w:rPr"))
    )
    _set_fonts(rpr_default, BODY_FONT)
    _set_language(rpr_default)
    styles = doc.styles
    _style_text(styles["Normal"], east_asia=BODY_FONT, size=BODY_SIZE, bold=False)
    normal = styles["Normal"].paragraph_format  # type: ignore[attr-defined]
    normal.space_after = Pt(0)
    normal.line_spacing = 1.5
    title = styles["Title"]
    _style_text(title, east_asia=HEADING_FONT, size=Pt(18), bold=True)
    border = title.element.get_or_add_pPr().find(qn("w:pBdr"))
    if border is not None:
        border.getparent().remove(border)
    tf = title.paragraph_format  # type: ignore[attr-defined]
    tf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tf.space_before, tf.space_after = Pt(0), Pt(6)
    for name, size in (("Heading 1", Pt(14)), ("Heading 2", Pt(12))):
        _style_text(styles[name], east_asia=HEADING_FONT, size=size, bold=True)
        hf = styles[name].paragraph_format  # type: ignore[attr-defined]
        hf.space_before, hf.space_after = Pt(12), Pt(6)
        hf.keep_with_next = True


def _setup_page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("第 ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)
    footer.add_run(" 页")
    for r in footer.runs:
        r.font.size = Pt(9)


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------
def _set_table_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")  # eighths of a point: 0.5 pt
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "000000")
        borders.append(element)
    tbl_pr = table._tbl.tblPr
    existing = tbl_pr.find(qn("w:tblBorders"))
    if existing is not None:
        tbl_pr.remove(existing)
    # Word rejects a document whose elements are out of the schema's order.
    tbl_pr.insert_element_before(borders, *_TBL_PR_AFTER_BORDERS)


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
        grid_col.w = width
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


def _set_row_properties(table: Table, header_rows: int) -> None:
    """No row breaks across pages; the header rows repeat on each page."""
    for index, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.insert_element_before(
            OxmlElement("w:cantSplit"),
            "w:trHeight",
            "w:tblHeader",
            *_TR_PR_AFTER_HEADER,
        )
        if index < header_rows:
            tr_pr.insert_element_before(
                OxmlElement("w:tblHeader"), *_TR_PR_AFTER_HEADER
            )


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
    table = doc.add_table(rows=len(layout.rows), cols=layout.n_cols)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_table_borders(table)
    cells = _build_grid(table, layout)
    for r, c, cell in layout.anchors():
        _write_cell(cells[(r, c)], cell)
    _set_row_properties(table, header_row_count(layout))
    return table


def _add_supplementary(doc: DocxDocument, report: ReportData) -> None:
    items = supplementary_items(report)
    if not items:
        return
    doc.add_paragraph(SUPPLEMENTARY_HEADING, style="Heading 2")
    table = doc.add_table(rows=len(items), cols=2)
    table.style = doc.styles["Table Grid"]
    _set_table_borders(table)
    for row, (label, value) in zip(table.rows, items, strict=True):
        for cell, text in zip(row.cells, (label, value), strict=True):
            _write_cell(cell, LayoutCell("label", text))


# ---------------------------------------------------------------------------
# Document
# ---------------------------------------------------------------------------
def _body_paragraph(doc: DocxDocument, text: str) -> Paragraph:
    paragraph = doc.add_paragraph(clean_text(text))
    paragraph.paragraph_format.first_line_indent = BODY_SIZE * 2
    return paragraph


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
    doc = Document()
    _setup_styles(doc)
    _setup_page(doc)
    title = display_title(report)
    doc.core_properties.title = title
    doc.core_properties.author = single_line(report.org or "")
    doc.core_properties.language = "zh-CN"
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
