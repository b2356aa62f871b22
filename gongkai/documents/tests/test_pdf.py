"""PDF: the page asked for, a CJK font embedded, the text extracts; where each
element landed; a clear error without Pango."""

from __future__ import annotations

import importlib.abc
import io
import sys

import pdfplumber
import pytest

from gongkai.documents.errors import PdfUnavailableError
from gongkai.documents.fonts import SERIF_CSS, cjk_font_installed
from gongkai.documents.page import GB_T_9704, PAGE_OF_PAGES, css_page_rule
from gongkai.documents.pdf import element_pages, html_to_pdf, layout_html

needs_cjk_font = pytest.mark.skipif(
    not cjk_font_installed(),
    reason="no CJK font installed: run `make sysdeps` (Debian fonts-noto-cjk)",
)

MM = 72 / 25.4


def letter(paragraphs: int) -> str:
    rule = css_page_rule(GB_T_9704, footer=PAGE_OF_PAGES, footer_font=SERIF_CSS)
    body = "".join(
        f'<p data-n="{n}">第{n}段：依据《中华人民共和国政府信息公开条例》答复如下。</p>'
        for n in range(paragraphs)
    )
    return (
        f'<html lang="zh-CN"><head><meta charset="utf-8"><style>{rule}'
        f"body {{ margin: 0; font-family: {SERIF_CSS}; font-size: 16pt; }}</style></head>"
        f"<body>{body}</body></html>"
    )


@needs_cjk_font
def test_pdf_embeds_a_cjk_font_and_its_text_extracts() -> None:
    with pdfplumber.open(io.BytesIO(html_to_pdf(letter(3)))) as pdf:
        page = pdf.pages[0]
        text = "".join((page.extract_text() or "").split())
        fonts = {char["fontname"] for char in page.chars}
        assert abs(float(page.width) - 210 * MM) < 1
        assert abs(float(page.height) - 297 * MM) < 1
        left = min(char["x0"] for char in page.chars)
    assert "第1段：依据《中华人民共和国政府信息公开条例》答复如下。" in text
    assert "第1页共1页" in text
    assert fonts
    assert all("CJK" in name for name in fonts), fonts
    assert abs(left - GB_T_9704.left * MM) < 2  # the text starts at the margin


@needs_cjk_font
def test_element_pages() -> None:
    document = layout_html(letter(60))
    pages = element_pages(document, "data-n")
    assert pages["0"] == 0
    assert len(document.pages) > 1
    assert pages["59"] == len(document.pages) - 1
    assert [pages[str(n)] for n in range(60)] == sorted(
        pages[str(n)] for n in range(60)
    )


class _NoPango(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")


def test_missing_pango_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_NoPango(), *sys.meta_path])
    with pytest.raises(PdfUnavailableError, match="make sysdeps") as info:
        html_to_pdf(letter(1))
    assert "libpango" in str(info.value)
