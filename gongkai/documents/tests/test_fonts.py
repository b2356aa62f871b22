"""Telling a Chinese font from another, and the error when none drew the PDF."""

from __future__ import annotations

import pytest

from gongkai.documents.errors import DocumentError, PdfUnavailableError
from gongkai.documents.fonts import check_cjk_fonts, is_cjk_family


@pytest.mark.parametrize(
    ("family", "cjk"),
    [
        ("Noto Serif CJK SC", True),
        ("Source Han Sans SC", True),
        ("SimSun", True),
        ("FangSong_GB2312", True),
        ("WenQuanYi Zen Hei", True),
        ("DejaVu Serif", False),
        ("Liberation Sans", False),
    ],
)
def test_is_cjk_family(family: str, cjk: bool) -> None:
    assert is_cjk_family(family) is cjk


def test_no_cjk_font_is_a_clear_error() -> None:
    with pytest.raises(PdfUnavailableError, match="fonts-noto-cjk") as info:
        check_cjk_fonts(["DejaVu Serif", "DejaVu Sans"])
    assert "make sysdeps" in str(info.value)
    assert "DejaVu Sans, DejaVu Serif" in str(info.value)
    assert isinstance(info.value, DocumentError)
    check_cjk_fonts(["DejaVu Sans", "Noto Serif CJK SC"])
