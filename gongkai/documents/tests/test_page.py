"""Page setups: A4 for reports, GB/T 9704 for letters; the CSS they give."""

from __future__ import annotations

import pytest

from gongkai.documents.page import (
    A4_REPORT,
    GB_T_9704,
    PAGE_OF_PAGES,
    PageSetup,
    css_page_rule,
)


def test_gb_t_9704_text_area() -> None:
    """GB/T 9704—2012 5.2.1–5.2.2: A4, 天头 37 mm, 订口 28 mm, text 156 × 225 mm."""
    assert (GB_T_9704.width, GB_T_9704.height) == (210, 297)
    assert (GB_T_9704.top, GB_T_9704.left) == (37, 28)
    assert (GB_T_9704.text_width, GB_T_9704.text_height) == (156, 225)


def test_report_page() -> None:
    assert A4_REPORT.text_width == 170
    assert A4_REPORT.css_declarations() == "size: A4; margin: 25mm 20mm 22mm 20mm;"


def test_css_without_a_size_keyword() -> None:
    page = PageSetup("B5", 176, 250, top=20, bottom=20, left=15.5, right=15.5)
    assert (
        page.css_declarations() == "size: 176mm 250mm; margin: 20mm 15.5mm 20mm 15.5mm;"
    )


@pytest.mark.parametrize("footer", ["", PAGE_OF_PAGES])
def test_css_page_rule(footer: str) -> None:
    rule = css_page_rule(GB_T_9704, footer=footer, footer_font='"Noto Serif CJK SC"')
    assert rule.startswith("@page { size: A4; margin: 37mm 26mm 35mm 28mm;")
    assert ("@bottom-center" in rule) == bool(footer)
    assert rule.count("{") == rule.count("}")
