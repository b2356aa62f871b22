"""DOCX: real Word tables, merged as the format draws them, every value back."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm
from hypothesis import given, settings

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import Narrative, ReportData, report_from_dict
from gongkai.annual_reports.rendering.document import (
    EMPTY_NARRATIVE_TEXT,
    MISSING_TABLE_TEXT,
)
from gongkai.annual_reports.rendering.docx import render_docx
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.tests.rendering import readers
from gongkai.annual_reports.tests.rendering.strategies import reports
from gongkai.annual_reports.tests.seeds import seed_ids, truth


def read_back(report: ReportData) -> tuple[Any, dict[str, readers.Grid]]:
    document = readers.docx_document(render_docx(report))
    keys = readers.present_keys(report)
    # The statistical tables are the document's tables, in the format's order.
    assert len(document.tables) == len(keys)
    grids = {}
    for key, table in zip(keys, document.tables, strict=True):
        layout = readers.layout_of(key)
        assert len(table.columns) == layout.n_cols
        grid = readers.docx_grid(table)
        readers.assert_same_layout(grid, layout)
        got = readers.read_values(key, grid)
        readers.assert_same_values(got, readers.expected_values(report, key))
        # python-docx's own view of the grid (merged cells repeat) agrees; its
        # cell list is computed once, table.cell(r, c) would recompute it each time.
        cells = table._cells
        for path, (r, c) in layout.value_positions().items():
            text = cells[r * layout.n_cols + c].text
            assert readers.parse_cell_text(path, text) == got[path]
        grids[key] = grid
    return document, grids


def test_sample_report_tables_read_back_with_official_spans() -> None:
    _, grids = read_back(sample_report(org="示范县人民政府", year=2024, seed=5))
    readers.assert_official_spans(grids)


@pytest.mark.parametrize("seed", seed_ids())
def test_seed_truths_read_back(seed: str) -> None:
    report = report_from_dict(truth(seed)).report
    document, _ = read_back(report)
    texts = [p.text for p in document.paragraphs]
    missing = sum(getattr(report, k) is None for k in readers.TABLE_KEYS)
    assert texts.count(MISSING_TABLE_TEXT) == missing


@settings(max_examples=40, deadline=None)
@given(reports)
def test_any_report_reads_back(report: ReportData) -> None:
    read_back(report)


def test_page_fonts_and_headings() -> None:
    report = ReportData(
        year=2023,
        org="示范市人民政府",
        published_on=date(2024, 1, 31),
        narrative=Narrative(overview="第一段。\n\n第二段。"),
    )
    document = readers.docx_document(render_docx(report))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    paragraphs = document.paragraphs
    assert paragraphs[0].text == report.display_title
    assert "2024年1月31日" in paragraphs[1].text
    heading_texts = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert heading_texts == list(fmt.SECTION_HEADINGS)
    texts = [p.text for p in paragraphs]
    assert texts[texts.index(fmt.SECTION_HEADINGS[0]) + 1 :][:2] == [
        "第一段。",
        "第二段。",
    ]
    assert texts.count(EMPTY_NARRATIVE_TEXT) == 2
    # East Asian fonts are named explicitly, not left to the theme.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rfonts = defaults.find(f".//{qn('w:rFonts')}")
    assert rfonts.get(qn("w:eastAsia")) == "宋体"
    assert rfonts.get(qn("w:eastAsiaTheme")) is None
    for name in ("Normal", "Title", "Heading 1"):
        style_fonts = document.styles[name].element.rPr.rFonts
        assert style_fonts.get(qn("w:eastAsia")), name
        assert style_fonts.get(qn("w:eastAsiaTheme")) is None, name


def test_table_cells_are_formatted() -> None:
    report = sample_report(org="示范县人民政府", year=2024).with_cell(
        ("appeals", "reconsideration", 0), None
    )
    document = readers.docx_document(render_docx(report))
    appeals = document.tables[2]
    borders = appeals._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.tag.split("}")[1] for b in borders} == {
        "top",
        "left",
        "bottom",
        "right",
        "insideH",
        "insideV",
    }
    assert all(b.get(qn("w:val")) == "single" for b in borders)
    header = appeals.cell(0, 0).paragraphs[0]
    assert header.text == fmt.RECONSIDERATION
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert header.runs[0].bold
    blank, number = appeals.cell(3, 0), appeals.cell(3, 1)
    assert blank.text == ""
    assert number.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert not number.paragraphs[0].runs[0].bold
    # the header rows repeat on each page; no row is split across pages
    assert [
        appeals.rows[i]._tr.trPr.find(qn("w:tblHeader")) is not None for i in range(4)
    ] == [True, True, True, False]
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in appeals.rows)


def test_missing_tables() -> None:
    report = ReportData(year=2022, org="某乡人民政府", active=None)
    document = readers.docx_document(render_docx(report))
    assert document.tables == []
    assert [p.text for p in document.paragraphs].count(MISSING_TABLE_TEXT) == 3
