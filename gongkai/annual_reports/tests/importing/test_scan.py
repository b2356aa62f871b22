"""Rows from lines of cells: gaps, short and truncated rows, joins, orphans."""

from __future__ import annotations

from gongkai.annual_reports.format import path_str
from gongkai.annual_reports.importing import ParseResult, parse_bytes

TITLE = "东湖镇2022年政府信息公开工作年度报告\n\n"
APPEALS_HEADER = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n"


def _parse(text: str) -> ParseResult:
    result = parse_bytes((TITLE + text).encode(), source="t.txt")
    assert result.report is not None, result.error
    return result


def _codes(result: ParseResult) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in result.findings:
        out.setdefault(f.code, set()).update(path_str(c.path) for c in f.cells)
    return out


def test_blank_fields_beyond_the_columns_are_merged_cell_gaps() -> None:
    result = _parse("一、本年新收政府信息公开申请数量\t\t\t3\t0\t\t0\t0\t0\t3\t\n")
    assert result.report.applications.new == (3, 0, None, 0, 0, 0, 3)


def test_the_totals_decide_where_ambiguous_gaps_are() -> None:
    # 9 fields for 7 columns; only one split makes 总计 the sum of the others.
    result = _parse("一、本年新收政府信息公开申请数量\t5\t1\t1\t1\t1\t1\t10\t\t\n")
    assert result.report.applications.new == (5, 1, 1, 1, 1, 1, 10)
    result = _parse("一、本年新收政府信息公开申请数量\t\t\t4\t1\t0\t0\t0\t0\t5\n")
    assert result.report.applications.new == (4, 1, 0, 0, 0, 0, 5)


def test_a_row_without_tabs_is_cut_at_spaces() -> None:
    result = _parse("规章 0 1 2\n行政许可    20 815\n")
    active = result.report.active
    assert active.rules == (0, 1, 2)
    # a wide gap separates cells; a single space inside a cell is a stray space
    assert active.licensing == 20815


def test_markdown_pipe_tables() -> None:
    result = _parse(
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "|---|---|---|---|\n| 规章 | 1 |  | 3 |\n"
    )
    assert result.report.active.rules == (1, None, 3)


def test_a_label_broken_over_lines_by_a_page_break() -> None:
    result = _parse(
        "（二）部分公开（区分处理的，只计这\n\n- 3 -\n\n一情形，不计其他情形）"
        "\t1\t0\t0\t0\t0\t0\t1\n"
    )
    assert result.report.applications.partially_granted == (1, 0, 0, 0, 0, 0, 1)


def test_a_stream_cut_short_is_padded_with_nulls_and_reported() -> None:
    result = _parse(APPEALS_HEADER.replace("\t", "\n") + "1\n\n0\n\n0\n\n0\n\n1\n\n0\n")
    appeals = result.report.appeals
    assert appeals.reconsideration == (1, 0, 0, 0, 1)
    assert appeals.litigation_direct == (0, None, None, None, None)
    assert (
        "appeals.litigation_after_reconsideration.4"
        in _codes(result)["import.truncated_row"]
    )


def test_extra_values_in_a_stream_are_reported() -> None:
    result = _parse("行政许可\n\n12\n\n13\n")
    assert result.report.active.licensing == 12
    assert "active.licensing" in _codes(result)["import.extra_cells"]


def test_values_under_the_heading_of_section_four_without_a_header() -> None:
    result = _parse(
        "四、政府信息公开行政复议、行政诉讼情况\n" + "\t".join(["0"] * 15) + "\n"
    )
    assert result.report.appeals.reconsideration == (0, 0, 0, 0, 0)
    assert "appeals" in _codes(result)["import.header_missing"]


def test_a_header_repeated_after_a_page_break_is_not_a_second_table() -> None:
    row = "\t".join(["0"] * 15)
    result = _parse(APPEALS_HEADER + row + "\n\n" + APPEALS_HEADER.split("\n", 1)[1])
    assert "import.duplicate_row" not in _codes(result)


def test_numbers_nobody_claims_are_reported_not_read() -> None:
    result = _parse("二、主动公开政府信息情况\n1\t2\t3\n")
    assert result.report.active is None
    messages = [f.message for f in result.findings if f.code == "import.unassigned"]
    assert any("1、2、3" in m for m in messages)


def test_a_count_with_decimals_is_null_with_a_finding() -> None:
    result = _parse("行政许可\t12.5\n行政处罚\t7.0\n")
    assert result.report.active.licensing is None
    assert result.report.active.punishment == 7
    assert "active.licensing" in _codes(result)["import.not_integer"]


def test_a_row_given_twice_is_read_once() -> None:
    result = _parse("行政许可\t12\n行政许可\t13\n")
    assert result.report.active.licensing == 12
    assert "active.licensing" in _codes(result)["import.duplicate_row"]


def test_rows_missing_from_a_present_table_are_null() -> None:
    result = _parse("一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n")
    apps = result.report.applications
    assert apps.new == (1, 0, 0, 0, 0, 0, 1)
    assert apps.total == (None,) * 7
    assert "applications.total" in _codes(result)["import.row_missing"]


def test_fee_keeps_every_decimal_as_written() -> None:
    for written, kept in (
        ("0", "0"),
        ("12.50", "12.50"),
        ("1,234.567891", "1234.567891"),
    ):
        result = _parse(f"行政事业性收费\t{written}\n")
        assert format(result.report.active.fees_wan_yuan, "f") == kept
