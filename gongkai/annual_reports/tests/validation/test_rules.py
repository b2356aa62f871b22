"""The check relations of the annual report format (国办公开办函〔2021〕30号, Reg. 50).

Each test names the relation it holds the checker to.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import (
    Appeals,
    Applications,
    ReportData,
    report_from_dict,
    report_to_dict,
)
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.tests.seeds import seed_id, seed_ids, truth
from gongkai.annual_reports.validation.findings import Finding, Severity, has_errors
from gongkai.annual_reports.validation.rules import RULES, check_report


def check_dict(data: dict[str, Any]) -> list[Finding]:
    loaded = report_from_dict(data)
    return check_report(loaded.report, loaded.findings)


def codes(findings, severity=Severity.ERROR) -> list[str]:
    return sorted(f.code for f in findings if f.severity == severity)


def cells(findings, code: str) -> set[tuple[str, str]]:
    return {(c.row, c.column) for f in findings if f.code == code for c in f.cells}


# -- the seeds -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("prefix", "expected_errors"),
    [
        ("000", ["table.missing", "table.missing"]),  # sections 三 and 四 missing
        ("001", []),
        ("002", ["table.missing"]),  # section 三 missing
        ("003", []),
        ("004", []),
    ],
)
def test_seed_truths(prefix: str, expected_errors: list[str]) -> None:
    assert codes(check_dict(truth(seed_id(prefix)))) == expected_errors


def test_all_seed_truths_checked() -> None:
    assert len(seed_ids()) == 5


def test_missing_tables_are_named() -> None:
    findings = check_dict(truth(seed_id("000")))
    rows = {c.row for f in findings if f.code == "table.missing" for c in f.cells}
    assert rows == {fmt.SECTION_HEADINGS[2], fmt.SECTION_HEADINGS[3]}


def test_blank_cells_warn_not_error() -> None:
    findings = check_dict(truth(seed_id("004")))
    assert codes(findings) == []
    blank = cells(findings, "cell.blank")
    assert ("三、本年度办理结果 （一）予以公开", "商业企业") in blank
    assert ("行政诉讼 复议后起诉", "总计") in blank


def test_fee_with_more_than_four_decimals_warns() -> None:
    findings = check_dict(truth(seed_id("001")))
    assert codes(findings, Severity.WARNING) == ["fee.precision"]


# -- one changed cell is reported by its row and column ----------------------------------
def test_changed_cell_of_001_reported_with_row_and_column() -> None:
    data = truth(seed_id("001"))
    data["applications"]["withheld"][3][1] = 2  # 4.保护第三方合法权益 / 商业企业
    findings = check_dict(data)
    assert has_errors(findings)
    target = ("三、本年度办理结果 （三）不予公开 4.保护第三方合法权益", "商业企业")
    for code in ("applications.total_column", "applications.outcome_total"):
        assert target in cells(findings, code), code
    messages = " ".join(f.message for f in findings)
    assert "4.保护第三方合法权益" in messages
    assert "商业企业" in messages


@pytest.mark.parametrize(
    "path",
    [
        ("applications", "new", 0),
        ("applications", "carried_forward", 6),
        ("applications", "granted", 3),
        ("applications", "other", 2, 5),
        ("applications", "total", 1),
    ],
)
def test_any_changed_application_cell_breaks_a_relation(path) -> None:
    data = truth(seed_id("001"))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] += 1
    findings = check_dict(data)
    labels = fmt.cell_labels(path)
    assert any(labels in cells(findings, code) for code in codes(findings))


# -- each relation --------------------------------------------------------------------
def _apps(report: ReportData) -> Applications:
    assert report.applications is not None
    return report.applications


def test_balance_new_plus_carried_over_equals_total_plus_carried_forward() -> None:
    """Stated in the table's corner note: 第一项加第二项之和，等于第三项加第四项之和."""
    data = report_to_dict(sample_report(org="测试县人民政府", year=2024))
    data["applications"]["carried_forward"][0] += 1
    data["applications"]["carried_forward"][6] += 1
    findings = check_dict(data)
    assert "applications.balance" in codes(findings)
    assert ("四、结转下年度继续办理", "自然人") in cells(
        findings, "applications.balance"
    )
    assert "applications.total_column" not in codes(findings)


def test_total_column_is_sum_of_six_applicant_columns() -> None:
    data = report_to_dict(sample_report(org="测试县人民政府", year=2024))
    data["applications"]["new"][6] += 5
    data["applications"]["total"][6] += 5  # keep 一+二=三+四 in the 总计 column
    findings = check_dict(data)
    assert codes(findings).count("applications.total_column") == 2
    assert ("一、本年新收政府信息公开申请数量", "总计") in cells(
        findings, "applications.total_column"
    )
    assert "applications.balance" not in codes(findings)


def test_outcome_total_is_sum_of_leaf_rows() -> None:
    data = report_to_dict(sample_report(org="测试县人民政府", year=2024, seed=3))
    data["applications"]["granted"][0] += 1  # the row itself still adds up
    data["applications"]["granted"][6] += 1
    findings = check_dict(data)
    assert codes(findings) == ["applications.outcome_total"] * 2
    assert ("三、本年度办理结果 （一）予以公开", "自然人") in cells(
        findings, "applications.outcome_total"
    )


def test_appeal_group_total_is_sum_of_four_outcomes() -> None:
    data = truth(seed_id("002"))
    data["appeals"]["litigation_direct"] = [1, 1, 0, 0, 3]
    findings = check_dict(data)
    assert "appeals.group_total" in codes(findings)
    assert ("行政诉讼 未经复议直接起诉", "总计") in cells(
        findings, "appeals.group_total"
    )


def test_blank_total_cannot_be_checked_and_is_only_a_warning() -> None:
    data = truth(seed_id("001"))
    data["appeals"]["reconsideration"] = [1, 0, 0, 0, None]
    findings = check_dict(data)
    assert "appeals.group_total" not in codes(findings)
    assert ("行政复议", "总计") in cells(findings, "cell.blank")


def test_blank_addends_count_as_zero_and_say_so() -> None:
    data = truth(seed_id("004"))
    data["applications"]["granted"] = [11, None, None, None, None, None, 12]
    findings = check_dict(data)
    messages = [f.message for f in findings if f.code == "applications.total_column"]
    assert messages
    assert "空白单元格按 0 计" in messages[0]


def test_negative_count_is_an_error() -> None:
    data = truth(seed_id("003"))
    data["active"]["licensing"] = -1
    assert "count.negative" in codes(check_dict(data))


@pytest.mark.parametrize("value", ["3", 1.5, True, [1]])
def test_non_integer_count_is_an_error_not_a_crash(value) -> None:
    data = truth(seed_id("003"))
    data["applications"]["new"][0] = value
    findings = check_dict(data)
    assert "count.not_integer" in codes(findings)
    assert ("一、本年新收政府信息公开申请数量", "自然人") in cells(
        findings, "count.not_integer"
    )


@pytest.mark.parametrize(
    ("fee", "expected"),
    [
        ("0", []),
        ("798.84", []),
        ("12.3456", []),
        ("1935.87208", ["fee.precision"]),
    ],
)
def test_fee_decimals(fee: str, expected: list[str]) -> None:
    data = truth(seed_id("003"))
    data["active"]["fees_wan_yuan"] = fee
    warnings = codes(check_dict(data), Severity.WARNING)
    assert [c for c in warnings if c.startswith("fee.")] == expected


@pytest.mark.parametrize("fee", ["-1", "abc", "1,000.5", "1e3"])
def test_fee_not_a_decimal_is_an_error(fee: str) -> None:
    data = truth(seed_id("003"))
    data["active"]["fees_wan_yuan"] = fee
    assert "fee.invalid" in codes(check_dict(data))


def test_fee_kept_exactly_as_written() -> None:
    data = truth(seed_id("001"))
    loaded = report_from_dict(data)
    assert loaded.report.active is not None
    assert loaded.report.active.fees_wan_yuan == Decimal("1935.87208")
    assert report_to_dict(loaded.report, extended=False)["active"]["fees_wan_yuan"] == (
        "1935.87208"
    )


@pytest.mark.parametrize(
    "mutation",
    [
        lambda d: d["applications"].__setitem__(
            "withheld", d["applications"]["withheld"][:5]
        ),
        lambda d: d["applications"]["new"].append(1),
        lambda d: d["appeals"].__setitem__("reconsideration", "none"),
        lambda d: d.pop("appeals"),
        lambda d: d.__setitem__("year", "2022年"),
        lambda d: d.__setitem__("active", [1, 2]),
    ],
)
def test_malformed_structure_becomes_findings(mutation) -> None:
    data = truth(seed_id("001"))
    mutation(data)
    findings = check_dict(data)
    assert any(f.code.startswith("schema.") for f in findings)


def test_round_trip_of_truth_files_is_exact() -> None:
    for seed in seed_ids():
        data = truth(seed)
        assert report_to_dict(report_from_dict(data).report, extended=False) == data


def test_every_rule_code_is_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), year=st.integers(2019, 2030))
def test_consistent_reports_have_no_findings(seed: int, year: int) -> None:
    assert check_report(sample_report(org="某县人民政府", year=year, seed=seed)) == []


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    col=st.integers(0, 6),
    delta=st.integers(1, 9),
    row=st.sampled_from(fmt.APPLICATION_ROWS),
)
def test_any_single_change_is_caught(seed: int, col: int, delta: int, row) -> None:
    report = sample_report(org="某县人民政府", year=2024, seed=seed)
    path = (*row.path, col)
    data = copy.deepcopy(report_to_dict(report, extended=False))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] += delta
    findings = check_dict(data)
    assert has_errors(findings)
    flagged = {
        c.path for f in findings if f.severity == Severity.ERROR for c in f.cells
    }
    assert path in flagged


def test_appeals_blank_constructor() -> None:
    assert Appeals.blank(0).reconsideration == (0, 0, 0, 0, 0)


@pytest.mark.parametrize("col", [0, 3, 6])
def test_suspect_cell_is_pointed_at_with_its_fix(col: int) -> None:
    report = sample_report(org="某县人民政府", year=2024, seed=11)
    path = ("applications", "unable", 1, col)
    original = report.applications.unable[1][col]
    assert original is not None
    findings = check_report(report.with_cell(path, original + 3))
    suspects = [f for f in findings if f.code == "cells.suspect"]
    assert [c.path for f in suspects for c in f.cells] == [path]
    assert f"改为 {original}" in suspects[0].message
    assert suspects[0].severity == Severity.INFO


def test_no_suspect_when_two_cells_changed_differently() -> None:
    report = sample_report(org="某县人民政府", year=2024, seed=11)
    changed = report.with_cell(("applications", "granted", 0), 500).with_cell(
        ("applications", "withheld", 0, 1), 7
    )
    findings = check_report(changed)
    suspects = {c.path for f in findings if f.code == "cells.suspect" for c in f.cells}
    assert ("applications", "withheld", 0, 6) not in suspects
