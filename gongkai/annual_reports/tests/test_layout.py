"""The official layout (国办公开办函〔2021〕30号): spans and cell coverage."""

from __future__ import annotations

import pytest

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import iter_cells
from gongkai.annual_reports.layout import TableLayout, display_value, table_layouts
from gongkai.annual_reports.sample import sample_report


def grid(table: TableLayout) -> dict[tuple[int, int], str]:
    out: dict[tuple[int, int], str] = {}
    for r, c, cell in table.anchors():
        for dr in range(cell.rowspan):
            for dc in range(cell.colspan):
                assert (r + dr, c + dc) not in out, "cells overlap"
                out[(r + dr, c + dc)] = cell.text
    return out


@pytest.mark.parametrize("table", table_layouts(None), ids=lambda t: t.key)
def test_every_grid_position_covered_exactly_once(table: TableLayout) -> None:
    assert len(grid(table)) == len(table.rows) * table.n_cols


def test_every_cell_of_the_report_has_one_position() -> None:
    report = sample_report(org="示范县人民政府", year=2024)
    positions = {}
    for table in table_layouts(report):
        positions.update(table.value_positions())
    assert set(positions) == {p for p, _ in iter_cells(report)}


def spans(table: TableLayout) -> dict[str, tuple[int, int]]:
    return {
        cell.text: (cell.rowspan, cell.colspan)
        for row in table.rows
        for cell in row
        if cell.kind != "value"
    }


def test_applications_header_spans() -> None:
    s = spans(table_layouts(None)[1])
    assert s[fmt.APPLICATIONS_CORNER_NOTE] == (3, 3)
    assert s["申请人情况"] == (1, 7)
    assert s["法人或其他组织"] == (1, 5)
    assert s["自然人"] == (2, 1)
    assert s["总计"] == (2, 1)
    assert s["三、本年度办理结果"] == (22, 1)
    assert s["（三）不予公开"] == (8, 1)
    assert s["一、本年新收政府信息公开申请数量"] == (1, 3)
    assert s["（七）总计"] == (1, 2)


def test_appeals_header_spans() -> None:
    s = spans(table_layouts(None)[2])
    assert s["行政复议"] == (1, 5)
    assert s["行政诉讼"] == (1, 10)
    assert s["未经复议直接起诉"] == (1, 5)
    assert s["复议后起诉"] == (1, 5)


def test_values_displayed_blank_for_null_and_exact_fee() -> None:
    from decimal import Decimal

    assert display_value(None) == ""
    assert display_value(0) == "0"
    assert display_value(Decimal("1935.87208")) == "1935.87208"
    assert display_value(Decimal("0.10")) == "0.10"
