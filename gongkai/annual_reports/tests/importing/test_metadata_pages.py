"""Title, organ and year of reports as sites serve them (issue 8): titles split
over two lines, page headers (标题 / 发布日期 / 索引号 / 发布机构 / 来源) before the
title, site chrome around it, and pages that lost every line break."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.annual_reports.importing import parse_bytes
from gongkai.annual_reports.importing.doc import split_text
from gongkai.annual_reports.importing.metadata import Metadata, read_metadata
from gongkai.annual_reports.tests.importing.shapes import PLACES

BODY = "一、总体情况\n本机关认真贯彻落实《中华人民共和国政府信息公开条例》。\n"
CHROME_TOP = "当前位置：首页 > 政务公开 > 政府信息公开年报\n全真版 文字版\n"
CHROME_BOTTOM = "附件下载\n分享到：微信 微博 QQ空间\n【打印本页】【关闭窗口】\n"


def _meta(text: str) -> Metadata:
    meta = read_metadata(split_text(text))
    for span in meta.spans.values():  # every span points at its source text
        assert text[span.start : span.end] == span.text
        assert span.line == text.count("\n", 0, span.start) + 1
    return meta


def _flat(text: str, sep: str = "") -> str:
    return sep.join(text.split())


def _read(meta: Metadata) -> tuple[str | None, int | None]:
    return meta.org, meta.year


# ---------------------------------------------------------------------------
# A title split over two lines
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "title",
    [
        "中阳县人民政府\n2022年政府信息公开工作年度报告",
        "中阳县人民政府\n\n  2022年度政府信息公开工作年度报告",
        "中阳县人民政府2022年度\n政府信息公开工作年度报告",
        "中阳县 2022 年\n政府信息公开 工作年度报告",
    ],
)
def test_a_title_split_over_two_lines_gives_organ_and_year(title: str) -> None:
    meta = _meta(f"{title}\n\n{BODY}")
    assert _read(meta) == ("中阳县人民政府", 2022)
    assert meta.title is not None
    assert meta.title.endswith("2022年政府信息公开工作年度报告") or meta.title.endswith(
        "2022年度政府信息公开工作年度报告"
    )
    assert meta.spans["year"].text == "2022"


def test_organ_alone_over_a_title_without_year_takes_the_year_of_the_period() -> None:
    meta = _meta(
        "濮阳市财政局\n政府信息公开工作年度报告\n\n本报告中所列数据的统计期限从 2021 年"
        " 1 月 1 日起至 2021 年 12 月 31 日止。\n"
    )
    assert _read(meta) == ("濮阳市财政局", 2021)


def test_a_sentence_before_the_title_is_no_organ() -> None:
    meta = _meta("请阅读下文。\n2022年政府信息公开工作年度报告\n" + BODY)
    assert _read(meta) == (None, 2022)


def test_two_years_on_two_lines_are_not_one_title() -> None:
    meta = _meta("中阳县2021年度\n2022年政府信息公开工作年度报告\n" + BODY)
    assert meta.year == 2022


# ---------------------------------------------------------------------------
# A page header before the title
# ---------------------------------------------------------------------------
HEADER = (
    "标题：海通乡2022年政府信息公开工作年度报告\n"
    "索引号：11410000-2023-00012\n"
    "发布机构：海通乡人民政府\n"
    "发布日期：2023年01月01日\n"
    "来源：海通乡党政办\n"
)


def test_the_title_field_of_a_page_header_is_the_title() -> None:
    meta = _meta(HEADER + "\n" + BODY)
    assert meta.title == "海通乡2022年政府信息公开工作年度报告"
    assert _read(meta) == ("海通乡人民政府", 2022)
    assert meta.spans["org"].text == "海通乡"


def test_the_publishing_organ_names_the_organ_when_no_title_does() -> None:
    text = HEADER.replace("海通乡2022年", "2022年") + "\n" + BODY
    meta = _meta(text)
    assert _read(meta) == ("海通乡人民政府", 2022)
    assert meta.spans["org"].text == "海通乡人民政府"


def test_the_source_field_is_the_last_resort_for_the_organ() -> None:
    meta = _meta("来源：东湖镇\n政府信息公开工作年度报告（2022年度）\n" + BODY)
    assert _read(meta) == ("东湖镇人民政府", 2022)


@pytest.mark.parametrize("flat", [False, True])
def test_the_publication_date_is_never_the_report_year(flat: bool) -> None:
    text = (
        "发布日期：2023年1月1日\n发布机构：海通乡人民政府\n政府信息公开工作年度报告\n"
        + BODY
    )
    meta = _meta(_flat(text) if flat else text)
    assert meta.year is None
    assert meta.org == "海通乡人民政府"
    assert meta.published_on is not None
    assert meta.published_on.year == 2023


def test_the_year_after_the_title_in_brackets() -> None:
    meta = _meta("濮阳市财政局政府信息公开工作年度报告（2022年度）\n" + BODY)
    assert _read(meta) == ("濮阳市财政局", 2022)


# ---------------------------------------------------------------------------
# Site chrome, and pages without line breaks
# ---------------------------------------------------------------------------
def test_chrome_around_the_title() -> None:
    text = (
        CHROME_TOP
        + "当前位置：首页>政务公开>年度报告 全真版 文字版 东湖镇2021年政府信息公开工作年度报告\n"
        + BODY
        + CHROME_BOTTOM
    )
    meta = _meta(text)
    assert meta.title == "东湖镇2021年政府信息公开工作年度报告"
    assert _read(meta) == ("东湖镇人民政府", 2021)


@pytest.mark.parametrize("sep", ["", " "])
@pytest.mark.parametrize(
    "page",
    [
        CHROME_TOP + HEADER + "海通乡2022年政府信息公开工作年度报告\n" + BODY,
        CHROME_TOP + "海通乡人民政府\n2022年政府信息公开工作年度报告\n" + BODY,
        HEADER.replace("海通乡2022年", "2022年") + BODY + CHROME_BOTTOM,
        CHROME_TOP + "海通乡政府信息公开工作年度报告（2022年度）" + BODY,
    ],
)
def test_pages_that_lost_their_line_breaks(page: str, sep: str) -> None:
    meta = _meta(_flat(page, sep))
    assert _read(meta) == ("海通乡人民政府", 2022)


def test_year_first_in_a_page_without_line_breaks() -> None:
    meta = _meta(
        _flat(CHROME_TOP + "二〇二三年度东湖镇政府信息公开工作年度报告\n" + BODY)
    )
    assert _read(meta) == ("东湖镇人民政府", 2023)


def test_the_format_notice_in_running_text_is_no_title() -> None:
    meta = _meta(
        _flat(
            "根据《关于印发中华人民共和国政府信息公开工作年度报告格式的通知》要求，"
            "编制本报告。\n" + BODY
        )
    )
    assert meta.title is None


def test_a_one_line_page_parses_to_its_organ_and_year() -> None:
    text = _flat(CHROME_TOP + HEADER + BODY + CHROME_BOTTOM)
    result = parse_bytes(text.encode(), source="page.txt", suffix=".txt")
    assert result.report is not None
    assert (result.report.org, result.report.year) == ("海通乡人民政府", 2022)


# ---------------------------------------------------------------------------
# Generated pages
# ---------------------------------------------------------------------------
def _title(place: str, year: int, style: int) -> list[str]:
    """The title as lines: one, or split before or after the year."""
    if style == 0:
        return [f"{place}{year}年政府信息公开工作年度报告"]
    if style == 1:
        return [place, f"{year}年度政府信息公开工作年度报告"]
    if style == 2:
        return [f"{place}{year}年度", "政府信息公开工作年度报告"]
    if style == 3:
        return [f"{year}年度{place}政府信息公开工作年度报告"]
    return [f"{place}政府信息公开工作年度报告（{year}年度）"]


@st.composite
def pages(draw: st.DrawFn) -> tuple[str, str, int]:
    place, organ = draw(st.sampled_from(PLACES))
    year = draw(st.integers(2008, 2030))
    lines = _title(place, year, draw(st.integers(0, 4)))
    header = [
        f"发布日期：{year + 1}-0{draw(st.integers(1, 3))}-1{draw(st.integers(0, 9))}",
        f"索引号：{draw(st.integers(10**6, 10**9))}",
        f"发布机构：{organ}",
        f"来源：{place}",
    ]
    if draw(st.booleans()):
        header.append("标题：" + "".join(lines))
    header = draw(st.permutations(header))
    if not draw(st.booleans()):
        header = []
    chrome = draw(st.sampled_from(["", CHROME_TOP]))
    page = chrome + "\n".join([*header, *lines]) + "\n" + BODY + CHROME_BOTTOM
    layout = draw(st.sampled_from(["lines", "flat", "flat spaced"]))
    if layout != "lines":
        page = _flat(page, " " if layout == "flat spaced" else "")
    return page, organ, year


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=pages())
def test_generated_pages_give_organ_and_year(page: tuple[str, str, int]) -> None:
    text, organ, year = page
    assert _read(_meta(text)) == (organ, year)
