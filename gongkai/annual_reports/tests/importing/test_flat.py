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
    FlatCase,
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
        # the 2019 section 二 has no relation between its columns: its five cells
        # that map to 2021 are cut by plausibility alone (and flagged)
        assert per.right / per.total >= (0.98 if shape == "glued_2019" else 0.99), (
            lines[-1]
        )
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


# ---------------------------------------------------------------------------
# The 2019 trial layout, glued (also in a 2021-format year)
# ---------------------------------------------------------------------------
def _case_2019(year: int, keep: float) -> tuple[str, ReportData, dict[str, Any]]:
    from dataclasses import replace

    from gongkai.annual_reports.tests.importing import flat_shapes
    from gongkai.annual_reports.tests.importing.shapes import random_report

    r = rng(f"2019:{year}:{keep}")
    report, title = random_report(r, blank_share=0.0)
    title = title.replace(str(report.year), str(year))
    report = replace(report, year=year, title=title.replace(" ", ""))
    values = flat_shapes.active_2019(r)
    text = flat_shapes.render(
        r, report, title, keep=keep, values_2019=values, single_other=True
    )
    return text, flat_shapes.expected_2019(report, values), values


def _supplementary_of(values: dict[str, dict[str, dict[str, str]]]) -> dict[str, Any]:
    """What the line scan keeps of the 2019 section 二 (unmapped columns)."""
    mapped = {"本年新制作数量", "处理决定数量"}
    out: dict[str, Any] = {}
    for heading, rows in values.items():
        for row, cells in rows.items():
            keep = {
                c: (v if c == "采购总金额" else int(v))
                for c, v in cells.items()
                if c not in mapped or row == "其他对外管理服务事项"
            }
            if keep:
                out.setdefault(heading, {})[row] = keep
    return out


def test_glued_2019_layout_in_a_2021_format_year_reads_as_the_line_scan_does() -> None:
    text, expected, values = _case_2019(2023, keep=1.0)  # every separator kept
    assert "\n" not in text
    result = _parse(text)
    report = _report(result)
    assert report.year == 2023
    assert report.format_version == "2019-trial"
    assert result.detected["format_version"] == "2019-trial"
    assert differences(expected, report) == []
    assert dict(report.supplementary) == _supplementary_of(values)
    messages = [f.message for f in result.findings if f.code == "import.format_2019"]
    assert any("2019 年试行格式" in m and "「本年新制作数量」" in m for m in messages)
    assert any("（六）其他处理" in m and "3.其他" in m for m in messages)
    assert "import.table_missing" not in _codes(result)


@settings(max_examples=15, deadline=None, derandomize=True)
@given(year=st.integers(2019, 2025), keep=st.sampled_from((0.0, 0.3)))
def test_glued_2019_layout_every_cell_is_right_or_flagged(
    year: int, keep: float
) -> None:
    text, expected, _values = _case_2019(year, keep)
    result = _parse(text)
    assert _report(result).format_version == "2019-trial"
    case = FlatCase("glued_2019", text, expected)
    _score, silent = score(case, result)
    assert silent == []  # no relation decides a 2019 row: a guessed cut is flagged


def test_signed_and_decimal_cells_of_a_2019_row_are_cut_at_signs() -> None:
    from gongkai.annual_reports.importing import splitting as sp

    d = sp.solve_columns("4328-81626", [sp.COUNT, sp.SIGNED, sp.COUNT])
    assert d.texts[0] == "4328"  # the sign ends 上一年项目数量
    assert d.method == sp.PLAUSIBILITY
    assert ("4328", "-81", "626") in d.alternatives
    assert sp.solve_columns("12 -3 40", [sp.COUNT, sp.SIGNED, sp.COUNT]).method == (
        sp.SEPARATED
    )
    amount = sp.solve_columns("3 2434.05", [sp.COUNT, sp.AMOUNT])
    assert amount.texts == ("3", "2434.05")
    assert sp.solve_columns("1-2", [sp.COUNT, sp.COUNT]).spans is None  # no sign here


# ---------------------------------------------------------------------------
# A single undivided 三(六)其他处理 row
# ---------------------------------------------------------------------------
def test_single_other_row_in_glued_text_matches_the_line_scan() -> None:
    case = flat_case("single_other", rng("single"))
    flat = _parse(case.text)
    report = _report(flat)
    assert report.applications is not None
    assert case.expected.applications is not None
    assert report.applications.other == case.expected.applications.other
    assert report.applications.other[0] == (None,) * 7
    assert report.format_version == "2019-trial"  # as the line scan decides
    single = [
        f
        for f in flat.findings
        if f.code == "import.format_2019" and "3.其他" in f.message
    ]
    assert len(single) == 1
    assert {path_str(c.path) for c in single[0].cells} == {
        "applications.other.0",
        "applications.other.1",
        "applications.other.2",
    }
    assert not any(
        f.code == "import.row_missing" and "其他处理" in f.message
        for f in flat.findings
    )


def test_item_number_after_the_other_group_is_not_read_as_a_single_row() -> None:
    text, truth = _seed_001_one_line()  # 2021: （六）其他处理1.申请人…
    result = _parse(text)
    assert _report(result).format_version == "2021"
    assert differences(truth, _report(result)) == []


# ---------------------------------------------------------------------------
# PDF→markdown output: detached labels, broken tables, split header words
# ---------------------------------------------------------------------------
def _markdown(detach: bool) -> tuple[str, dict[str, Any]]:
    path = seed("001")
    truth = truth_of(path)
    lines = []
    for line in path.read_text("utf-8").split("\n"):
        cells = [c for c in line.split("\t") if c.strip()]
        if not cells:
            lines.append(line)
            continue
        cells = [
            {"法律服务机构": "法律服务 机构", "尚未审结": "尚未 审结"}.get(c, c)
            for c in cells
        ]
        labels = [c for c in cells if not c.strip().isdigit()]
        values = [c for c in cells if c.strip().isdigit()]
        if detach and labels and len(values) > 2:
            lines.append(" ".join(labels))  # the row's labels on their own line
            lines.append(" ".join(values))  # its numbers on the next
        elif len(values) > 3:  # a row broken over two lines of the table
            lines.append("| " + " | ".join([*labels, *values[:2]]) + " |")
            lines.append("| " + " | ".join(values[2:]) + " |")
        elif len(cells) > 1:
            lines.append("| " + " | ".join(cells) + " |")
        else:
            lines.append(line)
    return "\n".join(lines), truth


def test_markdown_rows_broken_over_lines_and_split_header_words() -> None:
    text, truth = _markdown(detach=False)
    assert "法律服务 机构" in text
    assert differences(truth, _report(_parse(text))) == []


def test_markdown_labels_detached_from_their_numbers() -> None:
    text, truth = _markdown(detach=True)
    assert "(四) 无法提供 1. 本机关不掌握相关政府信息\n0 0 0 0 0 0 0" in text
    result = _parse(text)
    assert differences(truth, _report(result)) == []
    assert "import.flat_text" not in _codes(result)


# ---------------------------------------------------------------------------
# Tables inside a narrative paragraph; the narrative's numbers kept apart
# ---------------------------------------------------------------------------
def test_table_inside_a_narrative_paragraph_and_its_figures_kept_apart() -> None:
    text, truth = _seed_001_one_line()
    before = "全年共受理申请41件，具体情况如下："
    after = "本年度收取费用0元，答复率100%。"
    embedded = text.replace(
        "二、主动公开政府信息情况", before + "二、主动公开政府信息情况", 1
    ).replace("五、存在的主要问题", after + "五、存在的主要问题", 1)
    result = _parse(embedded)
    assert differences(truth, _report(result)) == []
    figures = {(f.text, f.unit, str(f.value)) for f in result.narrative_figures}
    assert {("41件", "件", "41"), ("0元", "元", "0"), ("100%", "%", "100")} <= figures
    cells = [
        (s.start, s.end)
        for k, s in result.provenance.items()
        if k.split(".")[0] in ("active", "applications", "appeals")
    ]
    for figure in result.narrative_figures:
        assert embedded[figure.start : figure.end] == figure.text
        assert figure.text in figure.context
        assert not any(s < figure.end and figure.start < e for s, e in cells)
    data = result.to_json()
    assert {"text": "41件", "unit": "件", "value": "41"}.items() <= next(
        d for d in data["narrative_figures"] if d["text"] == "41件"
    ).items()


def test_narrative_figures_skip_dates_and_table_cells() -> None:
    from gongkai.annual_reports.importing.figures import narrative_figures

    text = "2022年3月5日，共受理申请41件，收取费用1,200元。\t12\t5件"
    figures = narrative_figures(
        text, [(text.index("\t12") + 1, text.index("\t12") + 3)]
    )
    assert [(f.text, f.value) for f in figures] == [
        ("41件", Decimal(41)),
        ("1,200元", Decimal(1200)),
        ("5件", Decimal(5)),
    ]


def test_seed_narratives_give_figures_that_never_overlap_cells() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        result = _parse(seed(prefix).read_text("utf-8"))
        spans = [(s.start, s.end) for s in result.provenance.values()]
        for f in result.narrative_figures:
            assert not any(s < f.end and f.start < e for s, e in spans), (prefix, f)


# ---------------------------------------------------------------------------
# Damaged wording: 和 added
# ---------------------------------------------------------------------------
def test_a_he_added_to_a_label_is_matched_and_reported() -> None:
    text, truth = _seed_001_one_line()
    damaged = text.replace("4.保护第三方合法权益", "4.保护第三方和合法权益", 1)
    assert damaged != text
    result = _parse(damaged)
    assert differences(truth, _report(result)) == []
    fuzzy = [f.message for f in result.findings if f.code == "import.label_fuzzy"]
    assert any("保护第三方和合法权益" in m for m in fuzzy)


# ---------------------------------------------------------------------------
# Damaged labels in a report that kept its lines (the line scan)
# ---------------------------------------------------------------------------
@given(
    damage=st.sampled_from(
        (
            ("属于国家秘密", "属于国秘密"),
            ("本年制发件数", "本年制法件数"),
            ("现行有效件数", "现形有效件数"),
            ("本年新收政府信息公开申请数量", "本年新收的政府信息公开申请数量"),
            ("保护第三方合法权益", "保护第三方和合法权益"),
            ("不予处理", "不予受理"),
        )
    )
)
@settings(max_examples=6, deadline=None, derandomize=True)
def test_damaged_labels_on_lines_are_matched_and_flagged(
    damage: tuple[str, str],
) -> None:
    path = seed("001")
    text = path.read_text("utf-8")
    written, damaged = damage
    assert written in text
    result = _parse(text.replace(written, damaged))
    assert differences(truth_of(path), _report(result)) == []
    fuzzy = [f for f in result.findings if f.code == "import.label_fuzzy"]
    assert any(damaged in f.message for f in fuzzy), damaged
    assert all(f.severity.value == "warning" for f in fuzzy)


def test_short_labels_are_never_matched_loosely() -> None:
    from gongkai.annual_reports.importing.labels import classify

    for text in ("行政处理", "行政许诺", "中阳县人民政府办公室", "全年受理申请41件"):
        assert classify(text).label is None, text


# ---------------------------------------------------------------------------
# PDF→markdown whose loose labels went out of order (import.rows_by_order)
# ---------------------------------------------------------------------------
def _scrambled_markdown(seed_: int) -> tuple[str, ReportData]:
    from gongkai.annual_reports.layout import table_layouts
    from gongkai.annual_reports.tests.importing.shapes import grid_rows, random_report

    r = rng(f"scrambled:{seed_}")
    report, title = random_report(r, blank_share=0.0)
    loose = {"5.属于三类内部事务信息", "1.本机关不掌握相关政府信息"}
    lines = [title, "", "三、收到和处理政府信息公开申请情况", ""]
    for row in grid_rows(table_layouts(report)[1]):
        cells = [c for c in row if c is not None]
        labels = [c.text for c in cells if not c.is_value]
        values = [c.text for c in cells if c.is_value]
        if "4.保护第三方合法权益" in labels:  # the loose labels, swapped, above
            lines += ["1.本机关不掌握相关政府信息", "5.属于三类内部事务信息"]
        if loose & set(labels):
            lines.append("| " + " | ".join(values) + " |")
        else:
            lines.append("| " + " | ".join([*labels, *values]) + " |")
    return "\n".join(lines), report


@settings(max_examples=10, deadline=None, derandomize=True)
@given(seed_=st.integers(0, 10**6))
def test_loose_number_lines_take_the_rows_between_their_anchors(seed_: int) -> None:
    text, report = _scrambled_markdown(seed_)
    result = _parse(text)
    got = _report(result).applications
    assert got == report.applications
    by_order = [f for f in result.findings if f.code == "import.rows_by_order"]
    assert len(by_order) == 1
    assert by_order[0].severity.value == "warning"
    assert {path_str(c.path) for c in by_order[0].cells} == {
        "applications.withheld.4",
        "applications.unable.0",
    }


def test_loose_lines_that_do_not_fit_the_gaps_leave_the_line_scan_reading() -> None:
    text, _ = _scrambled_markdown(1)
    lines = text.split("\n")
    extra = next(i for i, line in enumerate(lines) if "8.属于行政查询事项" in line)
    lines.insert(extra + 1, "| 9 | 9 | 9 | 9 | 9 | 9 | 54 |")  # one line too many
    result = _parse("\n".join(lines))
    assert "import.rows_by_order" not in _codes(result)


def seed_003_with_a_loose_number_line() -> str:
    """Seed 003 (whose (一)/(二) rows give their 总计 alone) with one row's label
    taken off its numbers: the numbers stand alone on a line of their own."""
    text = seed("003").read_text("utf-8")
    assert "\t2.其他法律法规禁止公开\t" in text
    return text.replace("\t2.其他法律法规禁止公开\t", "\n", 1)


def test_rows_by_order_reads_short_anchor_rows_as_the_build_does() -> None:
    """The anchors (一) 予以公开 and (二) 部分公开 hold one cell, not seven: the column
    sums must read them aligned on 总计 (this was an IndexError)."""
    result = _parse(seed_003_with_a_loose_number_line())
    assert result.error is None
    assert differences(truth_of(seed("003")), _report(result)) == []
    by_order = [f for f in result.findings if f.code == "import.rows_by_order"]
    assert [c.path for f in by_order for c in f.cells] == [
        ("applications", "withheld", 1)
    ]


def test_a_short_active_row_flags_every_cell_of_the_row() -> None:
    text = (
        "二、主动公开政府信息情况\n第二十条第（一）项\n"
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
        "| 规章 | 22 | 235 |\n| 行政规范性文件 | 34 | 55 | 189 |\n"
    )
    result = _parse(text)
    flagged = {
        path_str(c.path)
        for f in result.findings
        if f.code == "import.truncated_row"
        for c in f.cells
    }
    assert {"active.rules.0", "active.rules.1", "active.rules.2"} <= flagged
    assert not any(p.startswith("active.normative_docs") for p in flagged)
