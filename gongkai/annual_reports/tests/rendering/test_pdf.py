"""PDF: A4, selectable text, a CJK font embedded; a clear error without Pango or font."""

from __future__ import annotations

import importlib.abc
import io
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pdfplumber
import pytest

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import ReportData, report_from_dict
from gongkai.annual_reports.rendering import pdf as pdf_module
from gongkai.annual_reports.rendering.document import MISSING_TABLE_TEXT
from gongkai.annual_reports.rendering.pdf import PdfUnavailableError, render_pdf
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.tests.seeds import seed_id, truth

A4 = (595.28, 841.89)  # points


@cache
def cjk_font_installed() -> bool:
    """Whether fontconfig knows a Chinese font (what ``make sysdeps`` installs)."""
    if fc_list := shutil.which("fc-list"):
        listing = subprocess.run(
            [fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=False
        ).stdout
        return "CJK" in listing
    roots = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
    return any(any(root.rglob("*CJK*")) for root in roots if root.exists())


needs_cjk_font = pytest.mark.skipif(
    not cjk_font_installed(),
    reason="no CJK font installed: run `make sysdeps` (Debian fonts-noto-cjk)",
)


def pdf_text_and_fonts(
    content: bytes,
) -> tuple[str, list[tuple[float, float]], set[str]]:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        sizes = [(float(page.width), float(page.height)) for page in pdf.pages]
        fonts = {char["fontname"] for page in pdf.pages for char in page.chars}
    return text, sizes, fonts


def squeeze(text: str) -> str:
    return "".join(text.split())


@needs_cjk_font
def test_sample_report_pdf() -> None:
    report = sample_report(org="示范县人民政府", year=2024)
    text, sizes, fonts = pdf_text_and_fonts(render_pdf(report))
    flat = squeeze(text)
    assert report.display_title in flat
    for heading in fmt.SECTION_HEADINGS:
        assert heading in flat
    assert fmt.APPLICANT_HEADER in flat
    assert report.active is not None
    assert format(report.active.fees_wan_yuan, "f") in flat
    assert str(report.active.licensing) in flat
    for width, height in sizes:
        assert abs(width - A4[0]) <= 1
        assert abs(height - A4[1]) <= 1
    assert fonts
    assert all("CJK" in f for f in fonts), fonts


@needs_cjk_font
def test_seed_truth_pdf() -> None:
    report = report_from_dict(truth(seed_id("001"))).report
    text, _, _ = pdf_text_and_fonts(render_pdf(report))
    flat = squeeze(text)
    assert "中阳县2022年政府信息公开工作年度报告" in flat
    assert "1935.87208" in flat
    assert "8212" in flat


@needs_cjk_font
def test_missing_tables_in_pdf() -> None:
    text, _, _ = pdf_text_and_fonts(render_pdf(ReportData(year=2022, org="某乡")))
    assert squeeze(text).count(MISSING_TABLE_TEXT) == 3


def test_no_cjk_font_is_a_clear_error() -> None:
    with pytest.raises(PdfUnavailableError, match="fonts-noto-cjk") as info:
        pdf_module._check_fonts(["DejaVu Serif", "DejaVu Sans"])
    assert "make sysdeps" in str(info.value)
    pdf_module._check_fonts(["Noto Serif CJK SC"])


class _NoPango(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")


def test_missing_pango_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_NoPango(), *sys.meta_path])
    with pytest.raises(PdfUnavailableError, match="make sysdeps") as info:
        render_pdf(ReportData(year=2024, org="某县"))
    assert "libpango" in str(info.value)
