"""The comparison of reports, without a database: figures, broken cells, carry-over."""

from __future__ import annotations

from decimal import Decimal

from gongkai.annual_reports.codes import CARRY_OVER as CARRY_OVER_CODE
from gongkai.annual_reports.comparison import (
    MAIN_FIGURES,
    ReportInput,
    carry_over_check,
    compare_reports,
    figure_value,
)
from gongkai.annual_reports.data import report_to_dict
from gongkai.annual_reports.sample import sample_report
from gongkai.annual_reports.validation.rules import check_report

FIG = {f.key: f for f in MAIN_FIGURES}


def report(
    org_id: int, year: int, *, cells=None, report_id: int | None = None, seed: int = 0
) -> ReportInput:
    data = sample_report(org=f"机关{org_id}", year=year, seed=seed)
    for path, value in (cells or {}).items():
        data = data.with_cell(path, value)
    return ReportInput(
        report_id=report_id or org_id * 10_000 + year,
        organisation_id=org_id,
        organisation=f"机关{org_id}",
        year=year,
        statistics=report_to_dict(data, extended=False),
        findings=tuple(f.to_dict() for f in check_report(data)),
    )


def test_main_figures_are_the_eleven_asked_for() -> None:
    assert [f.label for f in MAIN_FIGURES] == [
        "新收",
        "上年结转",
        "办理结果总计",
        "结转下年度",
        "予以公开",
        "不予公开",
        "行政复议总计",
        "行政诉讼总计",
        "行政许可",
        "行政处罚",
        "收费金额（万元）",
    ]
    assert "一、本年新收政府信息公开申请数量" in FIG["new"].legal


def test_figure_values() -> None:
    r = report(1, 2022)
    apps = r.statistics["applications"]
    assert figure_value(r.statistics, FIG["new"]) == apps["new"][6]
    assert figure_value(r.statistics, FIG["withheld"]) == sum(
        row[6] for row in apps["withheld"]
    )
    appeals = r.statistics["appeals"]
    assert figure_value(r.statistics, FIG["litigation"]) == (
        appeals["litigation_direct"][4] + appeals["litigation_after_reconsideration"][4]
    )
    assert figure_value(r.statistics, FIG["fees"]) == Decimal(
        r.statistics["active"]["fees_wan_yuan"]
    )
    assert figure_value({"applications": None}, FIG["new"]) is None


def test_consistent_reports_have_no_broken_cells() -> None:
    comparison = compare_reports([report(1, 2022), report(2, 2022)])
    assert len(comparison.rows) == 2
    assert not any(c.broken or c.carry for row in comparison.rows for c in row.cells)


def test_a_broken_relation_marks_its_figure() -> None:
    good = report(1, 2022)
    new_total = good.statistics["applications"]["new"][6]
    bad = report(2, 2022, cells={("applications", "new", 6): new_total + 7})
    comparison = compare_reports([good, bad])
    row = comparison.rows[1]
    broken = {c.figure.key for c in row.cells if c.broken}
    assert "new" in broken
    assert "licensing" not in broken
    cell = next(c for c in row.cells if c.figure.key == "new")
    assert cell.messages
    assert any("总计" in m for m in cell.messages)
    assert row.errors >= 1


def test_carry_over_mismatch_per_column() -> None:
    before = report(1, 2021)
    forward = before.statistics["applications"]["carried_forward"]
    after = report(
        1,
        2022,
        cells={
            **{("applications", "carried_over", c): forward[c] for c in range(7)},
            ("applications", "carried_over", 0): forward[0] + 2,
        },
    )
    mismatches = carry_over_check(before, after)
    assert [m.column for m in mismatches] == [0]
    m = mismatches[0]
    assert (m.carried_forward, m.carried_over) == (forward[0], forward[0] + 2)
    assert m.finding.code == CARRY_OVER_CODE
    assert [c.path for c in m.finding.cells] == [
        ("applications", "carried_forward", 0),
        ("applications", "carried_over", 0),
    ]
    assert "「自然人」列" in m.finding.message


def test_matching_carry_over_and_non_consecutive_years_pass() -> None:
    before = report(1, 2021)
    forward = before.statistics["applications"]["carried_forward"]
    after = report(
        1,
        2022,
        cells={("applications", "carried_over", c): forward[c] for c in range(7)},
    )
    assert carry_over_check(before, after) == []
    assert carry_over_check(report(1, 2019), after) == []


def test_carry_over_in_a_comparison_marks_both_years() -> None:
    before = report(1, 2021)
    forward = before.statistics["applications"]["carried_forward"]
    after = report(1, 2022, cells={("applications", "carried_over", 6): forward[6] + 1})
    comparison = compare_reports([before, after, report(2, 2022)])
    assert len(comparison.carry_overs) >= 1
    by_year = {
        row.report.year: row
        for row in comparison.rows
        if row.report.organisation_id == 1
    }
    assert next(
        c for c in by_year[2021].cells if c.figure.key == "carried_forward"
    ).carry
    assert next(c for c in by_year[2022].cells if c.figure.key == "carried_over").carry
    chart = comparison.chart_data()
    assert chart["labels"][0] == "机关1 2021"
    series = next(f for f in chart["figures"] if f.get("key") == "carried_over")
    assert series["carry"][1] is True


def test_previous_year_outside_the_comparison_is_used_for_carry_over() -> None:
    before = report(1, 2021)
    forward = before.statistics["applications"]["carried_forward"]
    after = report(
        1,
        2022,
        cells={
            **{("applications", "carried_over", c): forward[c] for c in range(6)},
            ("applications", "carried_over", 6): 999,
        },
    )
    comparison = compare_reports([after], previous=[before])
    assert [c.column for c in comparison.carry_overs] == [6]
    assert len(comparison.rows) == 1
