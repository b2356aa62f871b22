"""Word documents (python-docx): page setup, styles with explicit East Asian fonts,
bordered tables whose rows do not break and whose header rows repeat, page numbers.

Fonts are set for East Asian text explicitly (``w:eastAsia``): Word otherwise
takes the theme's East Asian font, which on many machines has no Chinese glyphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Length, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from gongkai.documents.fonts import REPORT_FONTS, WordFonts
from gongkai.documents.page import A4_REPORT, PageSetup


@dataclass(frozen=True)
class TextSizes:
    """Font sizes (points) of a document's styles."""

    body: float = 12
    title: float = 18
    heading1: float = 14
    heading2: float = 12
    table: float = 9
    footer: float = 9
    line_spacing: float = 1.5


REPORT_SIZES: Final = TextSizes()
#: GB/T 9704: 3号 (16 pt) text, 2号 (22 pt) title; 28 lines of 22 characters.
GONGWEN_SIZES: Final = TextSizes(
    body=16, title=22, heading1=16, heading2=16, table=12, footer=14, line_spacing=1.0
)

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
def set_fonts(rpr: BaseOxmlElement, *, east_asia: str, latin: str) -> None:
    """Explicit fonts on a ``w:rPr``: theme fonts removed (they would win over
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


def set_language(rpr: BaseOxmlElement) -> None:
    """Mark text as English for Latin script and Simplified Chinese for CJK."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _style_text(
    style: ParagraphStyle, *, east_asia: str, latin: str, size: float, bold: bool
) -> None:
    font = style.font
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    set_fonts(style.element.get_or_add_rPr(), east_asia=east_asia, latin=latin)


def _paragraph_style(doc: DocxDocument, name: str) -> ParagraphStyle:
    style = doc.styles[name]
    assert isinstance(style, ParagraphStyle)  # noqa: S101 (built-in styles)
    return style


def setup_styles(
    doc: DocxDocument,
    *,
    fonts: WordFonts = REPORT_FONTS,
    sizes: TextSizes = REPORT_SIZES,
) -> None:
    """Normal, Title, Heading 1 and Heading 2 in ``fonts`` and ``sizes``, black,
    without the theme's colours and the title's rule; the document's default run
    properties name the body font and the languages."""
    styles_element = doc.styles.element
    rpr_default = styles_element.find(qn("w:docDefaults"))
    rpr_default = rpr_default.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr_default, east_asia=fonts.body, latin=fonts.latin)
    set_language(rpr_default)
    normal = _paragraph_style(doc, "Normal")
    _style_text(
        normal, east_asia=fonts.body, latin=fonts.latin, size=sizes.body, bold=False
    )
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = sizes.line_spacing
    title = _paragraph_style(doc, "Title")
    _style_text(
        title, east_asia=fonts.title, latin=fonts.latin, size=sizes.title, bold=True
    )
    border = title.element.get_or_add_pPr().find(qn("w:pBdr"))
    if border is not None:
        border.getparent().remove(border)
    tf = title.paragraph_format
    tf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tf.space_before, tf.space_after = Pt(0), Pt(6)
    for name, size in (("Heading 1", sizes.heading1), ("Heading 2", sizes.heading2)):
        heading = _paragraph_style(doc, name)
        _style_text(
            heading, east_asia=fonts.heading, latin=fonts.latin, size=size, bold=True
        )
        hf = heading.paragraph_format
        hf.space_before, hf.space_after = Pt(12), Pt(6)
        hf.keep_with_next = True


# ---------------------------------------------------------------------------
# Page
# ---------------------------------------------------------------------------
def apply_page(section: Section, page: PageSetup) -> None:
    """Portrait, the size and the margins of ``page``."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(page.width), Mm(page.height)
    section.top_margin, section.bottom_margin = Mm(page.top), Mm(page.bottom)
    section.left_margin, section.right_margin = Mm(page.left), Mm(page.right)


def text_width(page: PageSetup) -> Length:
    """The width between the margins, in Word's units."""
    return Mm(page.text_width)


def add_page_field(paragraph: Paragraph) -> None:
    """Append the page number: a PAGE field Word fills in (``1`` until it does)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def add_page_number_footer(section: Section, *, size: float = 9) -> None:
    """A centred footer 「第 N 页」 (a PAGE field Word fills in)."""
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("第 ")
    add_page_field(footer)
    footer.add_run(" 页")
    for r in footer.runs:
        r.font.size = Pt(size)


def new_document(
    *,
    page: PageSetup = A4_REPORT,
    fonts: WordFonts = REPORT_FONTS,
    sizes: TextSizes = REPORT_SIZES,
    page_numbers: bool = True,
) -> DocxDocument:
    """An empty Word document set up for Chinese text on ``page``."""
    doc = Document()
    setup_styles(doc, fonts=fonts, sizes=sizes)
    section = doc.sections[0]
    apply_page(section, page)
    if page_numbers:
        add_page_number_footer(section, size=sizes.footer)
    doc.core_properties.language = "zh-CN"
    return doc


def body_paragraph(doc: DocxDocument, text: str, *, indent_chars: int = 2) -> Paragraph:
    """A paragraph of body text whose first line is indented ``indent_chars``
    characters (the body size, read from the Normal style)."""
    paragraph = doc.add_paragraph(text)
    size = _paragraph_style(doc, "Normal").font.size or Pt(12)
    paragraph.paragraph_format.first_line_indent = Length(size * indent_chars)
    return paragraph


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------
def set_table_borders(table: Table, *, size_eighths: int = 4) -> None:
    """Single black borders around and inside ``table`` (0.5 pt by default)."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), str(size_eighths))  # eighths of a point
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "000000")
        borders.append(element)
    tbl_pr = table._tbl.tblPr
    existing = tbl_pr.find(qn("w:tblBorders"))
    if existing is not None:
        tbl_pr.remove(existing)
    # Word rejects a document whose elements are out of the schema's order.
    tbl_pr.insert_element_before(borders, *_TBL_PR_AFTER_BORDERS)


def set_row_properties(table: Table, *, header_rows: int) -> None:
    """No row breaks across pages; the first ``header_rows`` rows repeat on each
    page the table runs onto."""
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
