"""HTML: the standalone document, the fragments and the golden file."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import Narrative, ReportData, report_from_dict
from gongkai.annual_reports.layout import display_value
from gongkai.annual_reports.rendering.document import (
    EMPTY_NARRATIVE_TEXT,
    MISSING_TABLE_TEXT,
    display_title,
)
from gongkai.annual_reports.rendering.html import (
    render_html,
    render_section_fragment,
    render_tables_fragment,
)
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.tests.rendering import readers
from gongkai.annual_reports.tests.rendering.strategies import reports
from gongkai.annual_reports.tests.seeds import seed_ids, truth

GOLDEN = Path(__file__).parent / "golden" / "sample_2024.html"
UPDATE_GOLDEN = "GONGKAI_UPDATE_GOLDEN"


def read_back(html: str, report: ReportData) -> dict[str, readers.Grid]:
    tables = readers.html_tables(html)
    assert sorted(tables) == sorted(readers.present_keys(report))
    grids = {}
    for key, table in tables.items():
        grid = readers.html_grid(table)
        readers.assert_same_layout(grid, readers.layout_of(key))
        got = readers.read_values(key, grid)
        readers.assert_same_values(got, readers.expected_values(report, key))
        grids[key] = grid
    return grids


def headings(root: lxml.html.HtmlElement) -> list[str]:
    return [h.text_content() for h in root.iter("h2")]


# ---------------------------------------------------------------------------
def test_sample_report_tables_read_back_with_official_spans() -> None:
    report = sample_report(org="示范县人民政府", year=2024, seed=3)
    grids = read_back(render_html(report), report)
    readers.assert_official_spans(grids)


@pytest.mark.parametrize("seed", seed_ids())
def test_seed_truths_read_back(seed: str) -> None:
    report = report_from_dict(truth(seed)).report
    html = render_html(report)
    read_back(html, report)
    sections = lxml.html.fromstring(html).find_class("gk-section")
    for section, key in zip(sections[1:4], readers.TABLE_KEYS, strict=True):
        missing = getattr(report, key) is None
        assert (MISSING_TABLE_TEXT in section.text_content()) is missing


@settings(max_examples=120, deadline=None)
@given(reports)
def test_any_report_reads_back(report: ReportData) -> None:
    html = render_html(report)
    read_back(html, report)
    root = lxml.html.fromstring(html)
    assert headings(root) == list(fmt.SECTION_HEADINGS)
    assert root.find(".//h1").text_content() == display_title(report)


def test_values_are_right_aligned_and_blank_cells_empty() -> None:
    report = sample_report(org="示范县人民政府", year=2024).with_cell(
        ("applications", "new", 2), None
    )
    table = readers.html_tables(render_tables_fragment(report))["applications"]
    cell = table.xpath(".//td[@data-path='applications.new.2']")[0]
    assert cell.text_content() == ""
    assert "gk-blank" in cell.get("class").split()
    assert "td.gk-num { text-align: right;" in render_html(report)


def test_missing_tables_are_said_not_drawn() -> None:
    report = ReportData(year=2022, org="某乡人民政府")
    html = render_html(report)
    assert readers.html_tables(html) == {}
    assert html.count(MISSING_TABLE_TEXT) == 3
    assert html.count(EMPTY_NARRATIVE_TEXT) == 3


# ---------------------------------------------------------------------------
def test_document_title_metadata_and_headings_in_order() -> None:
    report = ReportData(
        year=2023,
        org="示范市人民政府",
        title="示范市2023年政府信息公开工作年度报告",
        published_on=date(2024, 1, 31),
        narrative=Narrative(
            overview="　　第一段。\n\n　　第二段。\n第三段。",
            problems="一是……",
            other="",
        ),
    )
    root = lxml.html.fromstring(render_html(report))
    assert root.find(".//title").text_content() == report.title
    assert root.find(".//h1").text_content() == report.title
    meta = root.find_class("gk-meta")[0].text_content()
    assert "示范市人民政府" in meta
    assert "2023年" in meta
    assert "2024年1月31日" in meta
    assert headings(root) == list(fmt.SECTION_HEADINGS)
    overview = root.get_element_by_id("gk-section-1")
    assert [p.text_content() for p in overview.find_class("gk-para")] == [
        "第一段。",
        "第二段。",
        "第三段。",
    ]
    assert EMPTY_NARRATIVE_TEXT in root.get_element_by_id("gk-section-6").text_content()


def test_text_is_escaped() -> None:
    report = ReportData(
        year=2024,
        org='<script>alert("x")</script>&\x07',
        narrative=Narrative(overview="<b>粗体</b> & 1 < 2"),
    )
    html = render_html(report)
    assert "<script>" not in html
    assert "<b>" not in html
    assert "\x07" not in html
    root = lxml.html.fromstring(html)
    assert root.find_class("gk-para")[0].text_content() == "<b>粗体</b> & 1 < 2"
    assert root.find(".//h1").text_content().startswith('<script>alert("x")</script>&')


def test_standalone_document_is_print_ready() -> None:
    html = render_html(sample_report(org="示范县人民政府", year=2024))
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in html
    assert "@page { size: A4;" in html
    assert '"Noto Serif CJK SC"' in html
    assert "<link" not in html  # no external resources
    assert "<script" not in html


# ---------------------------------------------------------------------------
def test_fragment_marks_every_value_cell_with_its_path() -> None:
    report = sample_report(org="示范县人民政府", year=2024)
    fragment = render_tables_fragment(report)
    assert "<html" not in fragment
    assert "<style" not in fragment
    tables = readers.html_tables(fragment)
    for key, table in tables.items():
        grid = readers.html_grid(table)
        for path, position in readers.layout_of(key).value_positions().items():
            element = grid.at[position].element
            assert element.tag == "td"
            assert element.get("data-path") == fmt.path_str(path)
        assert len(table.xpath(".//td")) == len(
            readers.layout_of(key).value_positions()
        )


def test_fragment_highlights_cells_rows_and_tables() -> None:
    report = sample_report(org="示范县人民政府", year=2024)
    fragment = render_tables_fragment(
        report,
        highlight={
            "applications.withheld.3.6": "gk-error",
            "appeals.reconsideration": "gk-warn extra",
            "active.no_such_cell": "gk-ignored",
        },
    )
    root = lxml.html.fromstring(fragment)
    classes = {td.get("data-path"): td.get("class").split() for td in root.iter("td")}
    assert "gk-error" in classes["applications.withheld.3.6"]
    assert [p for p, c in classes.items() if "gk-error" in c] == [
        "applications.withheld.3.6"
    ]
    warned = sorted(p for p, c in classes.items() if "gk-warn" in c)
    assert warned == [f"appeals.reconsideration.{i}" for i in range(5)]
    assert all("extra" in classes[p] for p in warned)
    assert not any("gk-ignored" in c for c in classes.values())
    assert all("gk-num" in c for c in classes.values())


def test_fragment_headings_can_be_left_out() -> None:
    report = sample_report(org="示范县人民政府", year=2024)
    with_headings = lxml.html.fromstring(render_tables_fragment(report))
    assert headings(with_headings) == list(fmt.SECTION_HEADINGS[1:4])
    without = lxml.html.fromstring(render_tables_fragment(report, headings=False))
    assert headings(without) == []
    assert len(readers.html_tables(render_tables_fragment(report, headings=False))) == 3


def test_section_fragment() -> None:
    report = ReportData(
        year=2024, org="示范县人民政府", narrative=Narrative(problems="问题一\n问题二")
    )
    section = lxml.html.fromstring(render_section_fragment(report, 5))
    assert section.find(".//h2").text_content() == fmt.SECTION_HEADINGS[4]
    assert [p.text_content() for p in section.find_class("gk-para")] == [
        "问题一",
        "问题二",
    ]
    assert MISSING_TABLE_TEXT in render_section_fragment(report, 3)
    with pytest.raises(ValueError, match="1"):
        render_section_fragment(report, 7)


def test_fee_keeps_its_written_digits() -> None:
    base = sample_report(org="某县", year=2024)
    for written in ("12.50", "0", "0.000", "1935.87208", "7.000001"):
        changed = base.with_cell(("active", "fees_wan_yuan"), Decimal(written))
        table = readers.html_tables(render_tables_fragment(changed))["active"]
        cell = table.xpath(".//td[@data-path='active.fees_wan_yuan']")[0]
        assert cell.text_content() == written == display_value(Decimal(written))


# ---------------------------------------------------------------------------
def test_golden_html() -> None:
    """The standalone document of a fixed sample.  After an intended change, run
    ``GONGKAI_UPDATE_GOLDEN=1 pytest gongkai/annual_reports/tests/rendering`` and
    review the diff of the golden file."""
    report = sample_report(org="示范县人民政府", year=2024)
    html = render_html(report)
    if os.environ.get(UPDATE_GOLDEN):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(html, encoding="utf-8")
    assert GOLDEN.exists(), f"no golden file: run with {UPDATE_GOLDEN}=1 to create it"
    assert html == GOLDEN.read_text(encoding="utf-8")
    root = lxml.html.fromstring(html)
    assert headings(root) == list(fmt.SECTION_HEADINGS)
    assert (
        root.find(".//h1").text_content()
        == "示范县人民政府2024年政府信息公开工作年度报告"
    )
