"""Word documents: the page size and margins asked for, explicit Chinese fonts,
bordered tables whose header rows repeat."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from gongkai.documents.docx import (
    GONGWEN_SIZES,
    body_paragraph,
    new_document,
    set_row_properties,
    set_table_borders,
)
from gongkai.documents.fonts import GONGWEN_FONTS, REPORT_FONTS
from gongkai.documents.page import A4_REPORT, GB_T_9704, PageSetup


def reopened(document) -> docx.document.Document:
    out = io.BytesIO()
    document.save(out)
    return docx.Document(io.BytesIO(out.getvalue()))


@pytest.mark.parametrize("page", [A4_REPORT, GB_T_9704])
def test_page_size_and_margins(page: PageSetup) -> None:
    section = reopened(new_document(page=page)).sections[0]
    for got, mm in (
        (section.page_width, page.width),
        (section.page_height, page.height),
        (section.top_margin, page.top),
        (section.bottom_margin, page.bottom),
        (section.left_margin, page.left),
        (section.right_margin, page.right),
    ):
        assert got is not None
        assert abs(got - Mm(mm)) < Mm(0.1)


def test_fonts_are_explicit_for_east_asian_text() -> None:
    doc = reopened(
        new_document(page=GB_T_9704, fonts=GONGWEN_FONTS, sizes=GONGWEN_SIZES)
    )
    normal = doc.styles["Normal"]
    rfonts = normal.element.rPr.find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert rfonts.get(qn("w:ascii")) == "Times New Roman"
    assert rfonts.get(qn("w:eastAsiaTheme")) is None
    assert normal.font.size.pt == 16
    title = doc.styles["Title"].element.rPr.find(qn("w:rFonts"))
    assert title.get(qn("w:eastAsia")) == GONGWEN_FONTS.title
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"


def test_body_paragraph_indents_two_characters() -> None:
    doc = new_document(fonts=REPORT_FONTS)
    paragraph = body_paragraph(doc, "正文。")
    assert (
        paragraph.paragraph_format.first_line_indent
        == doc.styles["Normal"].font.size * 2
    )


def test_table_borders_and_repeated_header_rows() -> None:
    doc = new_document()
    table = doc.add_table(rows=3, cols=2)
    set_table_borders(table)
    set_row_properties(table, header_rows=1)
    table = reopened(doc).tables[0]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert [b.get(qn("w:val")) for b in borders] == ["single"] * 6
    flags = [
        (
            row._tr.trPr.find(qn("w:tblHeader")) is not None,
            row._tr.trPr.find(qn("w:cantSplit")) is not None,
        )
        for row in table.rows
    ]
    assert flags == [(True, True), (False, True), (False, True)]


def test_page_numbers_in_the_footer() -> None:
    footer = reopened(new_document()).sections[0].footer.paragraphs[0]
    assert footer._p.find(qn("w:fldSimple")).get(qn("w:instr")) == "PAGE"
    assert (
        reopened(new_document(page_numbers=False)).sections[0].footer.paragraphs[0].text
        == ""
    )
