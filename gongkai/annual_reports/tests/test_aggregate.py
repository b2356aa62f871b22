"""Aggregation of departments' and townships' reports into a county's figures."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual_reports.aggregate import aggregate_reports
from gongkai.annual_reports.data import get_cell, iter_cells, report_from_dict
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.tests.seeds import seed_id, truth
from gongkai.annual_reports.validation.rules import check_report


@settings(max_examples=25, deadline=None)
@given(seeds=st.lists(st.integers(0, 1000), min_size=1, max_size=6))
def test_sum_of_consistent_reports_is_consistent(seeds: list[int]) -> None:
    reports = [sample_report(org=f"部门{s}", year=2024, seed=s) for s in seeds]
    total, findings = aggregate_reports(reports, org="某县人民政府", year=2024)
    assert findings == []
    assert check_report(total) == []
    for path, value in iter_cells(total):
        assert value == sum(_number(get_cell(r, path)) for r in reports)


def _number(value: int | Decimal | None) -> int | Decimal:
    assert value is not None  # sample reports fill every cell
    return value


def test_blank_only_where_blank_everywhere_and_fee_exact() -> None:
    a = report_from_dict(truth(seed_id("004"))).report  # blank applicant cells
    b = report_from_dict(truth(seed_id("001"))).report
    total, _ = aggregate_reports([a, b], org="某县人民政府", year=2022)
    assert get_cell(total, ("applications", "granted", 1)) == 0  # 004 blank + 001 zero
    assert get_cell(total, ("applications", "granted", 0)) == 12
    assert get_cell(total, ("active", "fees_wan_yuan")) == Decimal("2734.71208")
    only_blank, _ = aggregate_reports([a], org="某县人民政府", year=2021)
    assert get_cell(only_blank, ("applications", "granted", 1)) is None


def test_missing_table_named() -> None:
    a = report_from_dict(truth(seed_id("000"))).report  # no sections 三, 四
    b = report_from_dict(truth(seed_id("003"))).report
    total, findings = aggregate_reports([a, b], org="某县人民政府", year=2022)
    assert total.applications is not None
    assert {f.code for f in findings} == {"aggregate.table_missing"}
    assert all("鹿邑县人民政府" in f.message for f in findings)


def test_cli_aggregate(tmp_path, capsys) -> None:
    import json

    from gongkai.annual_reports.tests.seeds import truth_path
    from gongkai.cli import main

    out = tmp_path / "sum.json"
    paths = [str(truth_path(seed_id(p))) for p in ("001", "003")]
    assert (
        main(
            [
                "aggregate",
                *paths,
                "--org",
                "某市人民政府",
                "--year",
                "2022",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    data = json.loads(out.read_text("utf-8"))
    assert data["applications"]["new"][0] == 1
    assert data["org"] == "某市人民政府"
    assert (
        main(["aggregate", str(tmp_path / "none.json"), "--org", "x", "--year", "2022"])
        == 2
    )
