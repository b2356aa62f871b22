"""Reading one cell: label variants, numbers, blanks, headings."""

from __future__ import annotations

import pytest

from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.importing import IMPORT_FINDING_CODES
from gongkai.annual_reports.importing.codes import finding
from gongkai.annual_reports.importing.labels import (
    BLANK,
    EMPTY,
    HEADING,
    LABEL,
    NUM,
    SEP,
    TEXT,
    classify,
    label_for_text,
    norm,
)
from gongkai.annual_reports.validation.findings import Severity


@pytest.mark.parametrize("row", fmt.APPLICATION_ROWS, ids=lambda r: r.label[:8])
def test_every_official_row_label_reads_as_its_row(row: fmt.ApplicationRow) -> None:
    label = label_for_text(row.label)
    assert label is not None
    assert label.path == row.path
    assert classify(row.label).variant == ""


@pytest.mark.parametrize(
    ("written", "canonical", "variant"),
    [
        ("（一）予以公开", "（一）予以公开", False),
        (
            "(一) 予以公开",
            "（一）予以公开",
            False,
        ),  # half-width brackets, a stray space
        ("1．属于国家秘密", "1.属于国家秘密", False),  # full-width dot
        ("１、属于国家秘密", "1.属于国家秘密", False),  # full-width digit, 、
        ("1. 属于 国家\xa0秘密", "1.属于国家秘密", False),
        ('3.危及"三安全一稳定"', "3.危及“三安全一稳定”", False),
        ("【七】总计", "（七）总计", False),
        ("社会组织", "社会公益组织", True),
        ("规范性文件", "行政规范性文件", True),
        ("本年度止件数", "本年废止件数", True),
        ("2.其他法律法规禁止公开", "2.其他法律行政法规禁止公开", True),
        ("属于国家秘密", "1.属于国家秘密", True),  # item number missing
        (
            "本年收费金额（单位：万元，保留4位小数）",
            "本年收费金额（单位：万元）",
            False,
        ),
        ("第二十条第(六)项", "第二十条第（六）项", False),
        (
            "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)",
            fmt.APPLICATIONS_CORNER_NOTE,
            False,
        ),
    ],
)
def test_label_variants(written: str, canonical: str, variant: bool) -> None:
    tok = classify(written)
    assert tok.kind == LABEL
    assert tok.label is not None
    assert tok.label.text == canonical
    assert bool(tok.variant) == variant


@pytest.mark.parametrize(
    ("written", "number", "reformatted"),
    [
        ("0", "0", False),
        ("\xa011", "11", False),
        ("  20815 ", "20815", False),
        ("20,815", "20815", True),
        ("20，815", "20815", True),
        ("２０８１５", "20815", True),
        ("20 815", "20815", True),
        ("1935.87208", "1935.87208", False),
        ("1,935.87208", "1935.87208", True),
        ("0.0000", "0.0000", False),
        ("-3", "-3", False),
        ("+12", "+12", False),
    ],
)
def test_numbers(written: str, number: str, reformatted: bool) -> None:
    tok = classify(written)
    assert tok.kind == NUM
    assert tok.number == number
    assert tok.reformatted == reformatted


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("", EMPTY),
        ("\xa0", BLANK),
        ("\xa0\xa0 ", BLANK),
        ("-", BLANK),
        ("—", BLANK),
        ("/", BLANK),
        ("---", SEP),
        ("| --- |".strip("| "), SEP),
        ("- 3 -", SEP),
        ("第 2 页", SEP),
        ("2022年", TEXT),
        ("1,23", TEXT),
        ("98%", TEXT),
        ("本年度未收取信息公开处理费。", TEXT),
    ],
)
def test_blanks_separators_and_text(written: str, kind: int) -> None:
    assert classify(written).kind == kind


@pytest.mark.parametrize(
    ("written", "section", "tail"),
    [
        ("二、主动公开政府信息情况", 2, ""),
        ("## 三、收到和处理政府信息公开申请情况", 3, ""),
        ("四、政府信息公开行政复议、行政诉讼情况", 4, ""),
        ("五、 存在的问题及改进情况", 5, ""),
        ("六、其他需要报告的事项:无。", 6, "无。"),
    ],
)
def test_section_headings(written: str, section: int, tail: str) -> None:
    tok = classify(written)
    assert (tok.kind, tok.section, tok.tail) == (HEADING, section, tail)


def test_row_labels_that_look_like_headings_stay_rows() -> None:
    assert classify("四、结转下年度继续办理").kind == LABEL
    assert classify("三、本年度办理结果").kind == LABEL
    assert classify("一、加强领导，提高认识。全面提高政府信息公开平台……").kind == TEXT


def test_norm_is_insensitive_to_width_spacing_and_quotes() -> None:
    assert norm("（ 二 ）部分公开") == norm("(二)部分公开")
    assert norm("“三安全一稳定”") == norm("三安全一稳定")


def test_every_finding_code_is_documented_in_chinese() -> None:
    for code, text in IMPORT_FINDING_CODES.items():
        assert code.startswith("import.")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text)
    with pytest.raises(KeyError):
        finding("import.not_a_code", Severity.INFO, "x")
