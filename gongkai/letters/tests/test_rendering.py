"""The letter as an official document (GB/T 9704): what a reader of the PDF and of
the Word file finds, where, and that nothing typed becomes markup."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pdfplumber
import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from gongkai.applications.outcomes import Outcome
from gongkai.documents.fonts import cjk_font_installed
from gongkai.letters import services as ls
from gongkai.letters.rendering import (
    LetterText,
    letter_docx,
    letter_fragment,
    letter_pdf,
    split_body,
)
from gongkai.letters.tests.conftest import World
from gongkai.letters.tests.helpers import DECIDED, decided, pdf_text

needs_cjk = pytest.mark.skipif(
    not cjk_font_installed(), reason="no CJK font: run `make sysdeps`"
)

SAMPLE = LetterText(
    title="示例县人民政府\n政府信息不予公开告知书",
    number="示例县政府依公开〔2026〕7号",
    body=(
        "<b>李四</b>&amp;：\n"
        "2026年3月2日，本机关收到您提交的政府信息公开申请。\n"
        "一、答复意见\n"
        "根据《中华人民共和国政府信息公开条例》（国务院令第711号）第十四条的规定，"
        "本机关决定不予公开。"
    ),
    signature="示例县人民政府",
    issued_on=date(2026, 3, 27),
)


def test_body_lines_addressee_then_paragraphs() -> None:
    lines = split_body("张三：\n\n第一段。\r\n  第二段。  \n")
    assert lines.addressee == "张三："
    assert lines.paragraphs == ("第一段。", "第二段。")


def test_html_is_escaped_in_the_layout() -> None:
    html = letter_fragment(SAMPLE)
    assert "<b>李四</b>" not in html
    assert "&lt;b&gt;李四&lt;/b&gt;&amp;amp;：" in html
    assert '<p class="heading">一、答复意见</p>' in html


@needs_cjk
def test_pdf_reads_as_the_letter() -> None:
    data = letter_pdf(SAMPLE)
    text = pdf_text(data)
    for expected in (
        "政府信息不予公开告知书",
        "示例县政府依公开〔2026〕7号",
        "<b>李四</b>&amp;：",  # typed markup printed as typed
        "第十四条",
        "2026年3月27日",
    ):
        assert expected in text.replace("\n", ""), expected
    with pdfplumber.open(BytesIO(data)) as pdf:
        page = pdf.pages[0]
        assert (round(float(page.width)), round(float(page.height))) == (595, 842)  # A4
        words = page.extract_words()
        # 订口 28 mm: the body starts at the left margin, nothing in the margin
        left = min(float(w["x0"]) for w in words)
        assert abs(left - 28 / 25.4 * 72) < 3
        title = next(w for w in words if "告知书" in w["text"])
        number = next(w for w in words if "〔2026〕" in w["text"])
        date_word = next(w for w in words if "2026年3月27日" in w["text"])
        centre = page.width / 2 + (28 - 26) / 2 / 25.4 * 72
        assert abs((float(title["x0"]) + float(title["x1"])) / 2 - centre) < 6
        assert abs((float(number["x0"]) + float(number["x1"])) / 2 - centre) < 6
        # the date four characters (16 pt each) from the right margin
        right_margin = page.width - 26 / 25.4 * 72
        assert abs(right_margin - float(date_word["x1"]) - 4 * 16) < 4
        sizes = {round(float(c["size"])) for c in page.chars if c["text"] == "告"}
        assert 22 in sizes  # 2号 title
        body_sizes = {round(float(c["size"])) for c in page.chars if c["text"] == "本"}
        assert body_sizes == {16}  # 3号 body


def test_docx_layout() -> None:
    doc = Document(BytesIO(letter_docx(SAMPLE)))
    section = doc.sections[0]
    for got, mm in (
        (section.top_margin, 37),  # 天头
        (section.left_margin, 28),  # 订口
        (section.right_margin, 26),
        (section.bottom_margin, 35),
    ):
        assert got is not None
        assert abs(got - Mm(mm)) < Mm(0.1)
    texts = [p.text for p in doc.paragraphs]
    assert texts[:2] == ["示例县人民政府", "政府信息不予公开告知书"]
    assert "示例县政府依公开〔2026〕7号" in texts
    assert "<b>李四</b>&amp;：" in texts
    assert texts[-2:] == ["示例县人民政府", "2026年3月27日"]
    title = doc.paragraphs[1]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.runs[0].font.size == Pt(22)
    body = next(p for p in doc.paragraphs if p.text.startswith("2026年3月2日"))
    assert body.paragraph_format.first_line_indent == Pt(32)  # two characters
    normal = doc.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.paragraph_format.line_spacing == Pt(28.95)
    date_paragraph = doc.paragraphs[-1]
    assert date_paragraph.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    # the organ (7 characters) four characters from the right, the date (6.5
    # characters wide) centred under it
    assert doc.paragraphs[-2].paragraph_format.right_indent == Pt(16 * 4)
    assert date_paragraph.paragraph_format.right_indent == Pt(16 * 4.25)
    xml = doc.styles.element.xml
    assert 'w:eastAsia="仿宋_GB2312"' in xml


@needs_cjk
@pytest.mark.django_db
def test_issued_letter_files(world: World) -> None:
    app = decided(world, Outcome.WITHHELD_STATE_SECRET)
    letter = ls.letter_issue(
        application=app, kind=app.outcome, actor=world.clerk_a, issued_on=DECIDED
    )
    pdf, name, content_type = ls.letter_file(letter=letter, fmt="pdf")
    assert content_type == "application/pdf"
    assert name.endswith(".pdf")
    assert letter.number in name
    text = pdf_text(pdf).replace("\n", "")
    assert "张三" in text
    assert letter.number in text
    assert "第十四条" in text
    assert "2025年3月20日" in text
    docx, name, content_type = ls.letter_file(letter=letter, fmt="docx")
    assert name.endswith(".docx")
    assert "wordprocessingml" in content_type
    paragraphs = [p.text for p in Document(BytesIO(docx)).paragraphs]
    assert "张三：" in paragraphs
    with pytest.raises(ls.LetterError, match="pdf 或 docx"):
        ls.letter_file(letter=letter, fmt="odt")  # type: ignore[arg-type]
