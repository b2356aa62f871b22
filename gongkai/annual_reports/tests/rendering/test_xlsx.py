"""XLSX: one sheet per table, real numbers, merges, the fee's digits exact."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import Narrative, ReportData, report_from_dict
from gongkai.annual_reports.rendering.document import MISSING_TABLE_TEXT
from gongkai.annual_reports.rendering.xlsx import render_xlsx
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.tests.rendering import readers
from gongkai.annual_reports.tests.rendering.strategies import reports
from gongkai.annual_reports.tests.seeds import seed_ids, truth

FEE = ("active", "fees_wan_yuan")


def read_back(report: ReportData) -> tuple[Any, dict[str, readers.Grid]]:
    workbook = readers.xlsx_workbook(render_xlsx(report))
    assert workbook.sheetnames[1:] == [fmt.TABLE_LABELS[k] for k in readers.TABLE_KEYS]
    grids = {}
    for key in readers.TABLE_KEYS:
        ws = workbook[fmt.TABLE_LABELS[key]]
        if getattr(report, key) is None:
            texts = [c.value for row in ws.iter_rows() for c in row if c.value]
            assert MISSING_TABLE_TEXT in texts
            assert not ws.merged_cells.ranges
            continue
        layout = readers.layout_of(key)
        top_left = readers.top_left_text(key)
        grid = readers.xlsx_grid(ws, top_left, len(layout.rows), layout.n_cols)
        readers.assert_same_layout(grid, layout)
        got = readers.xlsx_values(ws, key, top_left)
        readers.assert_same_values(got, readers.expected_values(report, key))
        grids[key] = grid
    return workbook, grids


def test_sample_report_tables_read_back_with_official_spans() -> None:
    _, grids = read_back(sample_report(org="示范县人民政府", year=2024, seed=7))
    readers.assert_official_spans(grids)


@pytest.mark.parametrize("seed", seed_ids())
def test_seed_truths_read_back(seed: str) -> None:
    read_back(report_from_dict(truth(seed)).report)


@settings(max_examples=80, deadline=None)
@given(reports)
def test_any_report_reads_back(report: ReportData) -> None:
    read_back(report)


def fee_cell(fee: str) -> Any:
    # Built directly: the loader refuses fees past 15 digits, the renderer must
    # still not round one it is given.
    report = sample_report(org="示范县人民政府", year=2024)
    assert report.active is not None
    report = replace(report, active=replace(report.active, fees_wan_yuan=Decimal(fee)))
    workbook, _ = read_back(report)
    ws = workbook[fmt.TABLE_LABELS["active"]]
    top = readers.top_left_text("active")
    r, c = readers.layout_of("active").value_positions()[FEE]
    row = next(
        row[0].row for row in ws.iter_rows(min_col=1, max_col=1) if row[0].value == top
    )
    return ws.cell(row + r, 1 + c)


@pytest.mark.parametrize(
    ("fee", "number_format"),
    [
        ("1935.87208", "0.00000"),
        ("12.50", "0.00"),
        ("0", "0"),
        ("0.0000", "0.0000"),
        ("80000", "0"),
    ],
)
def test_fee_is_a_number_showing_its_written_decimals(
    fee: str, number_format: str
) -> None:
    cell = fee_cell(fee)
    assert isinstance(cell.value, int | float)
    assert cell.number_format == number_format


def test_fee_beyond_excel_precision_is_kept_as_text() -> None:
    cell = fee_cell("123456789012345.678")
    assert cell.value == "123456789012345.678"


def test_counts_are_integers() -> None:
    workbook, _ = read_back(sample_report(org="示范县人民政府", year=2024))
    ws = workbook[fmt.TABLE_LABELS["applications"]]
    numbers = [
        c.value
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, int | float)
    ]
    assert len(numbers) == len(readers.layout_of("applications").value_positions())
    assert all(type(v) is int for v in numbers)


def test_report_sheet_and_print_setup() -> None:
    report = ReportData(
        year=2023,
        org='=HYPERLINK("x")示范市',
        narrative=Narrative(overview="第一段。\n第二段。"),
    )
    workbook = readers.xlsx_workbook(render_xlsx(report))
    first = workbook.worksheets[0]
    texts = [row[0].value for row in first.iter_rows(max_col=1)]
    assert texts[0] == report.display_title  # text, never a formula
    assert first["A1"].data_type == "s"
    headings = [t for t in texts if t in fmt.SECTION_HEADINGS]
    assert headings == list(fmt.SECTION_HEADINGS)
    assert "　　第一段。" in texts
    assert texts.count(MISSING_TABLE_TEXT) == 3
    for ws in workbook.worksheets:
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)  # 9: A4
    full = readers.xlsx_workbook(render_xlsx(sample_report(org="某县", year=2024)))
    orientations = [
        full[fmt.TABLE_LABELS[k]].page_setup.orientation for k in readers.TABLE_KEYS
    ]
    assert orientations == ["portrait", "portrait", "landscape"]  # 四 has 15 columns
    assert full[fmt.TABLE_LABELS["applications"]].print_title_rows == "$4:$6"
