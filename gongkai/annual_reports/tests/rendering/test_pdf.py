"""PDF: A4, selectable text, a CJK font embedded; a clear error without Pango or font."""

from __future__ import annotations

import importlib.abc
import io
import sys
from dataclasses import replace
from typing import Any

import pdfplumber
import pytest

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import Narrative, ReportData, report_from_dict
from gongkai.annual_reports.layout import TableLayout, applications_layout
from gongkai.annual_reports.rendering import RenderError
from gongkai.annual_reports.rendering.document import (
    MISSING_TABLE_TEXT,
    column_fractions,
    header_row_count,
    spanning_labels,
)
from gongkai.annual_reports.rendering.html import PAGE
from gongkai.annual_reports.rendering.pdf import (
    PdfUnavailableError,
    cut_through_group,
    render_pdf,
)
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.tests.seeds import seed_id, truth
from gongkai.documents import errors as document_errors
from gongkai.documents.fonts import cjk_font_installed

A4 = (595.28, 841.89)  # points


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
    # Callers catch either the renderers' or the documents' error.
    assert isinstance(info.value, RenderError)
    assert isinstance(info.value, document_errors.PdfUnavailableError)


# -- continuation pages: every page holding rows of a group names the group ----
MM = 72 / 25.4  # points per millimetre


def _column_edges(layout: TableLayout) -> list[float]:
    """x (points) of the table's column edges: the table fills the text width."""
    edges = [PAGE.left * MM]
    for share in column_fractions(layout):
        edges.append(edges[-1] + share * PAGE.text_width * MM)
    return edges


def _band_text(page: Any, x0: float, x1: float) -> str:
    """The text drawn between x0 and x1, line by line from the top: a cell's
    wrapped text comes out whole, as no other cell shares its band and lines."""
    chars = [c for c in page.chars if x0 <= (c["x0"] + c["x1"]) / 2 < x1]
    chars.sort(key=lambda c: (round(c["top"]), c["x0"]))
    return "".join(c["text"] for c in chars)


def _rows_and_groups(layout: TableLayout):
    """(row, its leaf label cell and column) and the groups (row, column, cell)."""
    leaves: dict[int, tuple[int, Any]] = {}
    for r, c, cell in layout.anchors():
        if r >= header_row_count(layout) and cell.kind == "label":
            leaves[r] = (c, cell)  # the last label of a row is its own
    return leaves, spanning_labels(layout)


def _pages_of_groups(report: ReportData) -> list[tuple[str, set[int]]]:
    """Render ``report``; for every row group of section 三: its label and the
    pages holding its rows.  Asserts on the way that each page holding rows of a
    group also holds the group's label and the column header."""
    layout = applications_layout(report)
    edges = _column_edges(layout)
    leaves, groups = _rows_and_groups(layout)

    def band(page: Any, c: int, span: int) -> str:
        return _band_text(page, edges[c], edges[c + span])

    found = []
    with pdfplumber.open(io.BytesIO(render_pdf(report))) as pdf:
        row_pages: dict[int, set[int]] = {r: set() for r in leaves}
        for number, page in enumerate(pdf.pages):
            for r, (c, cell) in leaves.items():
                if "".join(cell.text.split()) in band(page, c, cell.colspan):
                    row_pages[r].add(number)
        for top, c, group in groups:
            pages = set().union(
                *(row_pages[r] for r in range(top, top + group.rowspan))
            )
            for number in pages:
                page = pdf.pages[number]
                assert group.text in band(page, c, group.colspan), (group.text, number)
                assert fmt.APPLICANT_HEADER in "".join(
                    (page.extract_text() or "").split()
                )
            found.append((group.text, pages))
    assert all(pages for pages in row_pages.values())  # every row was found
    return found


@needs_cjk_font
@pytest.mark.parametrize("paragraphs", [0, 2, 6, 12])
def test_group_labels_repeat_on_continuation_pages(paragraphs: int) -> None:
    """The narrative before the tables moves section 三 down, so that the page
    break falls in a different group: （三）, between groups, （五）, （三） again."""
    report = sample_report(org="示范县人民政府", year=2024)
    text = "\n".join(
        "本机关认真贯彻落实政府信息公开条例，" * 6 for _ in range(paragraphs)
    )
    report = replace(report, narrative=Narrative(overview=text))
    found = _pages_of_groups(report)
    # The test has teeth: section 三's results run over a page break.
    assert any(len(pages) > 1 for label, pages in found if label == fmt.TOP_RESULTS)


def test_cut_through_group_finds_the_first_unnamed_row() -> None:
    layout = applications_layout(sample_report(org="某县", year=2024))
    positions = layout.value_positions()

    def pages_from(row: int) -> dict[str, int]:
        return {fmt.path_str(p): int(r >= row) for p, (r, _) in positions.items()}

    groups = spanning_labels(layout)
    inside = next(top + 1 for top, _, cell in groups if cell.rowspan > 2)
    assert cut_through_group(layout, pages_from(inside)) == inside
    assert cut_through_group(layout, pages_from(inside), (inside,)) is None
    # A break before 「四、结转下年度继续办理」 cuts no group.
    last = len(layout.rows) - 1
    assert cut_through_group(layout, pages_from(last)) is None
