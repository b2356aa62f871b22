"""Reports as the web serves them: no line breaks, glued numbers, damaged labels,
site chrome (issue 8)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.annual_reports.data import ReportData, iter_cells, report_from_dict
from gongkai.annual_reports.format import path_str
from gongkai.annual_reports.importing import ParseResult, parse_bytes
from gongkai.annual_reports.importing.flat import approx_find, flatten
from gongkai.annual_reports.tests.importing.flat_shapes import (
    FLAT_SHAPES,
    Score,
    flat_case,
    score,
)
from gongkai.annual_reports.tests.importing.helpers import (
    differences,
    rng,
    seed,
    truth_of,
)

SPLIT_CODES = ("import.split_inferred", "import.split_uncertain")


def _parse(text: str, previous: ReportData | None = None) -> ParseResult:
    return parse_bytes(
        text.encode("utf-8"), source="flat.txt", suffix=".txt", previous=previous
    )


def _report(result: ParseResult) -> ReportData:
    assert result.report is not None, result.error
    return result.report


def _codes(result: ParseResult) -> list[str]:
    return [f.code for f in result.findings]


def _split_cells(result: ParseResult) -> set[str]:
    return {
        path_str(c.path)
        for f in result.findings
        if f.code in SPLIT_CODES
        for c in f.cells
    }


def _seed_001_one_line() -> tuple[str, dict[str, Any]]:
    path = seed("001")  # the seed without blank cells: nothing is lost by flattening
    return "".join(path.read_text("utf-8").split()), truth_of(path)


# ---------------------------------------------------------------------------
# A whole report on one line
# ---------------------------------------------------------------------------
def test_seed_on_one_line_without_any_white_space_reads_all_three_tables() -> None:
    text, truth = _seed_001_one_line()
    assert "\n" not in text
    assert " " not in text
    result = _parse(text)
    assert result.ok, result.error
    assert differences(truth, _report(result)) == []
    assert "import.flat_text" in _codes(result)
    assert "import.table_missing" not in _codes(result)


def test_every_cell_of_an_inferred_split_carries_a_finding() -> None:
    text, _truth = _seed_001_one_line()
    result = _parse(text)
    assert result.report is not None
    inferred = _split_cells(result)
    for cell_path, _value in iter_cells(result.report):
        if cell_path[0] == "applications" or cell_path[0] == "appeals":
            assert path_str(cell_path) in inferred, cell_path
        if cell_path[:2] in (("active", "rules"), ("active", "normative_docs")):
            assert path_str(cell_path) in inferred, cell_path


def test_flat_cells_trace_back_to_their_digits_in_the_source() -> None:
    text, _truth = _seed_001_one_line()
    result = _parse(text)
    assert result.report is not None
    for cell_path, value in iter_cells(result.report):
        if value is None or cell_path[0] not in ("active", "applications", "appeals"):
            continue
        span = result.provenance[path_str(cell_path)]
        assert text[span.start : span.end] == span.text
        assert Decimal(span.text) == Decimal(value), (cell_path, span)


def test_seed_partly_flattened_lines_kept_spaces_removed() -> None:
    path = seed("001")
    text = "\n".join(
        "".join(line.split()) for line in path.read_text("utf-8").split("\n")
    )
    result = _parse(text)
    assert differences(truth_of(path), _report(result)) == []


def test_one_glued_row_in_an_otherwise_clean_table() -> None:
    path = seed("001")
    row = "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1"
    text = path.read_text("utf-8")
    assert row in text
    result = _parse(text.replace(row, row.replace("\t", " ").replace("0 1", "01")))
    assert differences(truth_of(path), _report(result)) == []
    assert "applications.new.6" in _split_cells(result)
    assert "import.number_format" not in _codes(result)


def test_the_issue_example_with_some_separators_kept() -> None:
    text = (
        "某县2023年政府信息公开工作年度报告"
        "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数"
        "现行有效件数规章102行政规范性文件124258第二十条第（五）项信息内容"
        "本年处理决定数量行政许可25"
        "三、收到和处理政府信息公开申请情况"
        "一、本年新收政府信息公开申请数量41 0 0 2 0 043"
        "二、上年结转政府信息公开申请数量0 0 0 0 0 00"
        "三、本年度办理结果（一）予以公开30 0 0 1 0 031"
    )
    result = _parse(text)
    report = result.report
    assert report is not None
    assert report.active is not None
    assert report.active.rules == (1, 0, 2)
    assert report.active.licensing == 25
    assert report.applications is not None
    assert report.applications.new == (41, 0, 0, 2, 0, 0, 43)
    assert report.applications.carried_over == (0,) * 7
    assert report.applications.granted == (30, 0, 0, 1, 0, 0, 31)
    # 124258 has no relation to decide it: read by plausibility, and flagged
    uncertain = [f for f in result.findings if f.code == "import.split_uncertain"]
    docs = [f for f in uncertain if "行政规范性文件" in f.message]
    assert docs
    assert "其他可能的拆法" in docs[0].message
    assert "可信度" in docs[0].message


def test_previous_year_decides_a_split_the_relations_leave_open() -> None:
    text = (
        "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数"
        "现行有效件数规章000行政规范性文件124258第二十条第（五）项"
    )
    previous = report_from_dict(
        {
            "year": 2022,
            "org": "某县人民政府",
            "active": {"rules": [0, 0, 0], "normative_docs": [3, 1, 250]},
        }
    ).report
    result = _parse(text, previous=previous)
    assert result.report is not None
    assert result.report.active is not None
    # last year's 250 + 12 issued - 4 repealed = 258 in force
    assert result.report.active.normative_docs == (12, 4, 258)
    messages = [f.message for f in result.findings if f.code in SPLIT_CODES]
    assert any("与上年报告的连续性" in m for m in messages)
    alone = _parse(text)
    assert alone.report is not None
    assert alone.report.active is not None
    assert alone.report.active.normative_docs != (12, 4, 258)


def test_item_number_glued_to_the_previous_row_goes_to_its_label() -> None:
    text, _truth = _seed_001_one_line()
    assert "00000003.危及" in text  # the glue the seed gives when flattened
    result = _parse(text)
    assert result.report is not None
    assert result.report.applications is not None
    assert result.report.applications.withheld[1] == (0,) * 7
    assert result.report.applications.withheld[2] == (0,) * 7


def test_printed_numbers_that_break_the_relations_are_kept_and_flagged() -> None:
    text, _truth = _seed_001_one_line()
    # 一、本年新收: the printed 总计 no longer equals the applicant columns
    broken = text.replace("申请数量1000001二、", "申请数量4100200044二、", 1)
    result = _parse(broken)
    assert result.report is not None
    assert result.report.applications is not None
    new = result.report.applications.new
    assert "".join(map(str, new)) == "4100200044"  # every printed digit kept
    flagged = [
        f
        for f in result.findings
        if f.code == "import.split_uncertain" and "勾稽关系" in f.message
    ]
    assert flagged
    checks = {f.code for f in result.findings if not f.code.startswith("import.")}
    assert checks, "the checks still report the broken relations"


# ---------------------------------------------------------------------------
# Damaged labels
# ---------------------------------------------------------------------------
def test_damaged_labels_are_matched_and_reported_with_what_they_matched() -> None:
    text, truth = _seed_001_one_line()
    damaged = (
        text.replace("1.属于国家秘密", "1.属于国秘密")
        .replace("本年制发件数", "本年制法件数")
        .replace("现行有效件数", "现形有效件数")
        .replace("本年新收政府信息公开申请数量", "本年新收的政府信息公开申请数量")
        .replace("行政复议行政诉讼结果维持", "行政夏议行政诉讼结果维持")
        .replace("法律服务机构", "法律服务 机构")
        .replace("尚未审结", "尚未 审结")
        .replace("(五)不予处理", "(五)不予受理")
    )
    result = _parse(damaged)
    assert differences(truth, _report(result)) == []
    fuzzy = " ".join(
        f.message for f in result.findings if f.code == "import.label_fuzzy"
    )
    for written, label in (
        ("属于国秘密", "1.属于国家秘密"),
        ("本年制法件数", "本年制发件数"),
        ("现形有效件数", "现行有效件数"),
        ("本年新收的政府信息公开申请数量", "一、本年新收政府信息公开申请数量"),
        ("行政夏议", "行政复议"),
        ("不予受理", "（五）不予处理"),
    ):
        assert f"「{written}」" in fuzzy, written
        assert f"「{label}」" in fuzzy, written


def test_approximate_search_finds_the_closest_label() -> None:
    assert approx_find("属于国家秘密", "0000001.属于国秘密0000", 1) == (8, 13, 1)
    assert approx_find("行政复议", "情况行政夏议行政诉讼", 1) == (2, 6, 1)
    assert approx_find("行政复议", "情况行政诉讼", 1) is None
    long_text = "无关文字" * 500 + "本年新收的政府信息公开申请数量" + "无关" * 500
    hit = approx_find("本年新收政府信息公开申请数量", long_text, 3)
    assert hit is not None
    assert hit[2] == 1


# ---------------------------------------------------------------------------
# Site chrome and narrative
# ---------------------------------------------------------------------------
def test_site_chrome_and_narrative_numbers_never_become_cells() -> None:
    text, truth = _seed_001_one_line()
    chrome = (
        "当前位置：首页>政务公开>政府信息公开年报全真版文字版【字体：大中小】"
        + text.replace(
            "三、收到和处理", "附件下载分享到：微信微博三、收到和处理", 1
        ).replace("四、结转下年度", "第2页共4页四、结转下年度", 1)
        + "【打印本页】【关闭窗口】主办单位：县人民政府办公室联系电话：0371-12345678"
        "网站标识码：4114000001豫ICP备05012345号"
    )
    result = _parse(chrome)
    assert differences(truth, _report(result)) == []
    assert result.report is not None
    assert result.report.org == truth["org"]
    assert result.report.year == truth["year"]


def test_flattening_keeps_only_separators_between_digits() -> None:
    flat = flatten("规章 1  0\u30002\n行政 规范性文件\t12")
    assert flat.flat == "规章1 0 2行政规范性文件12"
    assert [flat.text[i] for i in flat.pos] == list("规章1 0\u30002行政规范性文件12")


# ---------------------------------------------------------------------------
# Random reports, flattened every way
# ---------------------------------------------------------------------------
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(shape=st.sampled_from(FLAT_SHAPES), seed_=st.integers(0, 10**9))
def test_every_cell_of_a_flattened_report_is_right_or_flagged(
    shape: str, seed_: int
) -> None:
    case = flat_case(shape, rng(seed_))
    result = _parse(case.text)
    assert result.ok, result.error
    _score, silent = score(case, result)
    assert silent == [], (shape, seed_, silent)
    report = _report(result)
    for cell_path, value in iter_cells(report):
        if value is None or cell_path[0] not in ("active", "applications", "appeals"):
            continue
        span = result.provenance[path_str(cell_path)]
        assert case.text[span.start : span.end] == span.text
        assert Decimal("".join(span.text.split())) == Decimal(value), cell_path


def test_accuracy_on_glued_shapes() -> None:
    """Cell accuracy (nulls included) per shape; printed with ``-s`` or ``-rP``."""
    total = Score()
    lines = []
    for shape in FLAT_SHAPES:
        per = Score()
        for i in range(25):
            case = flat_case(shape, rng(f"{shape}:{i}"))
            s, silent = score(case, _parse(case.text))
            assert silent == [], (shape, i, silent)
            per.add(s)
        total.add(per)
        lines.append(
            f"{shape:16} {per.right / per.total:.2%} right, "
            f"{per.flagged} wrong but flagged, {per.silent} silently wrong, "
            f"{per.inferred / per.total:.1%} inferred ({per.total} cells)"
        )
        assert per.right / per.total >= 0.99, lines[-1]
    print("\n".join(["flat shapes, cell accuracy:", *lines]))
    print(f"overall {total.right / total.total:.2%} right")


def test_title_inside_one_line_gives_organ_and_year() -> None:
    text, truth = _seed_001_one_line()
    result = _parse("全真版文字版" + text)
    assert result.report is not None
    assert (result.report.org, result.report.year) == (truth["org"], truth["year"])
    assert re.fullmatch(
        r"中阳县2022年政府信息公开工作年度报告", result.report.title or ""
    )


def test_clean_tables_are_not_touched_by_the_flat_reader() -> None:
    for prefix in ("001", "002", "003", "004"):
        result = _parse(seed(prefix).read_text("utf-8"))
        assert "import.flat_text" not in _codes(result), prefix
