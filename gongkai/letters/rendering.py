"""Letters laid out as official documents (党政机关公文, GB/T 9704—2012), as PDF and
DOCX, from their frozen text.

- page: A4, 天头 37 mm, 订口 28 mm (``documents.page.GB_T_9704``), 22 lines of 28
  characters: 3号 (16 pt) 仿宋 with a fixed line pitch of 28.95 pt;
- title: 2号 小标宋 (a bold serif where 小标宋 is not installed), centred, one or
  more lines; the 文号 centred one line below it;
- the addressee (主送机关) flush left, the body indented two characters, justified;
  a line starting 一、二、… in 黑体;
- space for the seal, then the signing organ centred over the date, the date four
  characters from the right margin (7.3.5.1);
- page numbers 「— 1 —」 in 4号, odd pages right, even pages left (7.5).

Text is escaped here (HTML) or by python-docx (XML): nothing typed by anyone is
ever interpreted as markup.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from django.utils.html import escape
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from gongkai.documents.docx import (
    GONGWEN_SIZES,
    add_page_field,
    new_document,
    set_fonts,
)
from gongkai.documents.fonts import FANGSONG_CSS, GONGWEN_FONTS, SANS_CSS, SERIF_CSS
from gongkai.documents.page import GB_T_9704
from gongkai.documents.pdf import html_to_pdf

BODY_PT: Final = 16.0  # 3号
TITLE_PT: Final = 22.0  # 2号
FOOTER_PT: Final = 14.0  # 4号
LINE_PT: Final = 28.95  # 225 mm / 22 lines
SEAL_LINES: Final = 2
TITLE_CSS: Final = (
    '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", ' + SERIF_CSS
)
HEITI_CSS: Final = '"黑体", "SimHei", ' + SANS_CSS
_HEADING_RE: Final = re.compile(r"^[一二三四五六七八九十]+、")


@dataclass(frozen=True)
class LetterText:
    """What is printed: the frozen text of a letter."""

    title: str
    number: str
    body: str
    signature: str
    issued_on: date


def date_line(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


@dataclass(frozen=True)
class _Lines:
    addressee: str
    paragraphs: tuple[str, ...]


def split_body(body: str) -> _Lines:
    """The addressee (the first line, if it ends with a colon) and the paragraphs."""
    lines = [line.strip() for line in body.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    addressee = ""
    if lines and lines[0].endswith(("：", ":")) and len(lines[0]) <= 60:
        addressee, lines = lines[0], lines[1:]
    return _Lines(addressee, tuple(lines))


def title_lines(title: str) -> list[str]:
    return [line.strip() for line in title.splitlines() if line.strip()]


# -- HTML / PDF -----------------------------------------------------------------------
LETTER_CSS: Final = f"""
@page {{ {GB_T_9704.css_declarations()} }}
@page :right {{ @bottom-right {{ content: "— " counter(page) " —"; margin-right: 1em;
  font-family: {SERIF_CSS}; font-size: {FOOTER_PT}pt; vertical-align: top;
  padding-top: 7mm; }} }}
@page :left {{ @bottom-left {{ content: "— " counter(page) " —"; margin-left: 1em;
  font-family: {SERIF_CSS}; font-size: {FOOTER_PT}pt; vertical-align: top;
  padding-top: 7mm; }} }}
html {{ color: #000; }}
body {{ margin: 0; font-family: {FANGSONG_CSS}; font-size: {BODY_PT}pt;
  line-height: {LINE_PT}pt; text-align: justify; }}
.letter + .letter, .page-break {{ break-before: page; }}
.letter h1 {{ font-family: {TITLE_CSS}; font-size: {TITLE_PT}pt; font-weight: bold;
  line-height: {LINE_PT * 1.25:.2f}pt; text-align: center; margin: 0; }}
.letter .number {{ text-align: center; text-indent: 0; margin: {LINE_PT}pt 0 0 0; }}
.letter .addressee {{ margin: {LINE_PT}pt 0 0 0; text-indent: 0; }}
.letter p {{ margin: 0; text-indent: 2em; orphans: 2; widows: 2; }}
.letter p.heading {{ font-family: {HEITI_CSS}; }}
.letter .signature {{ margin-top: {LINE_PT * SEAL_LINES:.2f}pt; text-align: right;
  break-inside: avoid; }}
.letter .signature div {{ display: inline-block; text-align: center; margin-right: 4em; }}
.letter .signature p {{ text-indent: 0; white-space: nowrap; }}
h2.section {{ font-family: {HEITI_CSS}; font-size: {BODY_PT}pt; font-weight: normal;
  text-align: center; margin: 0 0 {LINE_PT / 2:.2f}pt 0; }}
table.list {{ width: 100%; border-collapse: collapse; font-size: 12pt;
  line-height: 1.5; text-align: left; }}
table.list th, table.list td {{ border: 0.5pt solid #000; padding: 2pt 4pt;
  vertical-align: top; }}
table.list th {{ white-space: nowrap; }}
table.list td.nowrap {{ white-space: nowrap; }}
.cover table.list th {{ width: 7em; }}
.cover h1 {{ font-family: {TITLE_CSS}; font-size: {TITLE_PT}pt; text-align: center;
  margin: 0 0 {LINE_PT}pt 0; }}
figure.attachment {{ break-before: page; margin: 0; text-align: center; }}
figure.attachment img {{ max-width: 100%; max-height: 200mm; }}
figure.attachment figcaption {{ font-size: 12pt; }}
"""


def letter_fragment(letter: LetterText) -> str:
    """One letter as an ``<article>`` (several make one document, a page each)."""
    lines = split_body(letter.body)
    parts = ['<article class="letter">', "<h1>"]
    parts.append("<br>".join(escape(t) for t in title_lines(letter.title)))
    parts.append("</h1>")
    if letter.number:
        parts.append(f'<p class="number">{escape(letter.number)}</p>')
    if lines.addressee:
        parts.append(f'<p class="addressee">{escape(lines.addressee)}</p>')
    for paragraph in lines.paragraphs:
        css = ' class="heading"' if _HEADING_RE.match(paragraph) else ""
        parts.append(f"<p{css}>{escape(paragraph)}</p>")
    parts.append(
        '<div class="signature"><div>'
        f"<p>{escape(letter.signature)}</p>"
        f"<p>{escape(date_line(letter.issued_on))}</p>"
        "</div></div></article>"
    )
    return "".join(parts)


def html_document(fragments: Sequence[str], *, title: str) -> str:
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{LETTER_CSS}</style></head><body>"
        + "".join(fragments)
        + "</body></html>"
    )


def letter_html(letter: LetterText) -> str:
    return html_document(
        [letter_fragment(letter)], title=" ".join(title_lines(letter.title))
    )


def letter_pdf(letter: LetterText) -> bytes:
    """The letter as PDF (selectable text, CJK font embedded)."""
    return html_to_pdf(letter_html(letter))


# -- DOCX ------------------------------------------------------------------------------
def _em_width(text: str) -> float:
    """Width in characters of the body size (ASCII letters and digits are half)."""
    return sum(0.5 if ord(c) < 128 else 1.0 for c in text)


def _page_number_footer(section: object, *, odd: bool) -> None:
    footer = section.even_page_footer if not odd else section.footer  # type: ignore[attr-defined]
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    fmt = paragraph.paragraph_format
    if odd:
        fmt.right_indent = Pt(FOOTER_PT)
    else:
        fmt.left_indent = Pt(FOOTER_PT)
    paragraph.add_run("— ")
    add_page_field(paragraph)
    paragraph.add_run(" —")
    for r in paragraph.runs:
        r.font.size = Pt(FOOTER_PT)
        set_fonts(r._r.get_or_add_rPr(), east_asia="宋体", latin="宋体")


def letter_docx(letter: LetterText) -> bytes:
    """The letter as a Word document in the same layout."""
    doc = new_document(
        page=GB_T_9704, fonts=GONGWEN_FONTS, sizes=GONGWEN_SIZES, page_numbers=False
    )
    normal = doc.styles["Normal"]
    pf = normal.paragraph_format
    pf.line_spacing = Pt(LINE_PT)  # exact pitch: 22 lines a page
    pf.space_before = pf.space_after = Pt(0)
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    _page_number_footer(section, odd=True)
    _page_number_footer(section, odd=False)

    def paragraph(
        text: str = "",
        *,
        indent: bool = True,
        align: WD_ALIGN_PARAGRAPH | None = None,
        font: str | None = None,
        size: float | None = None,
        right_chars: float = 0,
    ) -> None:
        p = doc.add_paragraph()
        if align is not None:
            p.alignment = align
        fmt = p.paragraph_format
        if indent:
            fmt.first_line_indent = Pt(BODY_PT * 2)
        if right_chars:
            fmt.right_indent = Pt(BODY_PT * right_chars)
        if text:
            run = p.add_run(text)
            if font:
                set_fonts(
                    run._r.get_or_add_rPr(), east_asia=font, latin="Times New Roman"
                )
            if size:
                run.font.size = Pt(size)
                fmt.line_spacing = Pt(max(LINE_PT, size * 1.3))

    for line in title_lines(letter.title):
        paragraph(
            line,
            indent=False,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            font=GONGWEN_FONTS.title,
            size=TITLE_PT,
        )
    if letter.number:
        paragraph(indent=False)
        paragraph(letter.number, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    lines = split_body(letter.body)
    paragraph(indent=False)
    if lines.addressee:
        paragraph(lines.addressee, indent=False)
    for text in lines.paragraphs:
        heading = GONGWEN_FONTS.heading if _HEADING_RE.match(text) else None
        paragraph(text, font=heading)
    for _ in range(SEAL_LINES):
        paragraph(indent=False)
    when = date_line(letter.issued_on)
    organ_right = 4 + max(0.0, (_em_width(when) - _em_width(letter.signature)) / 2)
    date_right = 4 + max(0.0, (_em_width(letter.signature) - _em_width(when)) / 2)
    paragraph(
        letter.signature,
        indent=False,
        align=WD_ALIGN_PARAGRAPH.RIGHT,
        right_chars=organ_right,
    )
    paragraph(
        when, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT, right_chars=date_right
    )
    doc.core_properties.title = " ".join(title_lines(letter.title))
    doc.core_properties.subject = letter.number
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
