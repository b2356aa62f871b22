"""The loader of the interchange form refuses values no report can hold."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from gongkai.annual_reports.data import blank_report, report_from_dict, report_to_dict
from gongkai.annual_reports.values import MAX_COUNT


def _blank() -> dict[str, Any]:
    return report_to_dict(blank_report(org="某县人民政府", year=2024), extended=False)


@pytest.mark.parametrize("value", [MAX_COUNT + 1, 10**20, 1e20])
def test_a_count_over_the_bound_is_a_finding_and_read_as_blank(value) -> None:
    data = _blank()
    data["applications"]["new"][0] = value
    loaded = report_from_dict(data)
    assert loaded.report.applications is not None
    assert loaded.report.applications.new[0] is None  # never 1e+20 in a table
    [finding] = [f for f in loaded.findings if f.code == "count.too_large"]
    assert finding.severity == "error"
    assert [c.path for c in finding.cells] == [("applications", "new", 0)]
    assert "最多 9 位" in finding.message
    assert "自然人" in finding.message  # names the cell


def test_the_largest_count_is_read() -> None:
    data = _blank()
    data["appeals"]["reconsideration"][0] = MAX_COUNT
    loaded = report_from_dict(data)
    assert loaded.report.appeals is not None
    assert loaded.report.appeals.reconsideration[0] == MAX_COUNT
    assert loaded.findings == ()


@pytest.mark.parametrize("fee", ["1234567890", "1.1234567", 1e20, "1,234"])
def test_a_fee_out_of_bounds_is_refused(fee) -> None:
    data = _blank()
    data["active"]["fees_wan_yuan"] = fee
    loaded = report_from_dict(data)
    assert loaded.report.active is not None
    assert loaded.report.active.fees_wan_yuan is None
    assert "fee.invalid" in {f.code for f in loaded.findings}


def test_a_fee_with_six_decimals_is_kept() -> None:
    data = _blank()
    data["active"]["fees_wan_yuan"] = "123456789.123450"
    loaded = report_from_dict(data)
    assert loaded.report.active is not None
    assert loaded.report.active.fees_wan_yuan == Decimal("123456789.123450")
    assert report_to_dict(loaded.report)["active"]["fees_wan_yuan"] == (
        "123456789.123450"
    )
