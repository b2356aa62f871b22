"""Title, organ, statistical year and publication date."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.annual_reports.importing.doc import split_text
from gongkai.annual_reports.importing.metadata import complete_org, read_metadata


@pytest.mark.parametrize(
    ("written", "organ"),
    [
        ("中阳县", "中阳县人民政府"),
        ("海通乡", "海通乡人民政府"),
        ("东湖镇", "东湖镇人民政府"),
        ("北京市", "北京市人民政府"),
        ("内蒙古自治区", "内蒙古自治区人民政府"),
        ("XX县政府", "XX县人民政府"),
        ("城关街道", "城关街道办事处"),
        ("鹿邑县人民政府", "鹿邑县人民政府"),
        ("濮阳市财政局", "濮阳市财政局"),
        ("某某县人民政府办公室关于", "某某县人民政府办公室"),
        ("高新技术产业开发区", "高新技术产业开发区"),
        ("", None),
    ],
)
def test_organ_full_name(written: str, organ: str | None) -> None:
    assert complete_org(written) == organ


def _meta(text: str):
    return read_metadata(split_text(text))


def test_title_with_stray_spaces_and_the_year_in_it() -> None:
    meta = _meta(
        "\n\n中阳县 2022 年政府信息公开 工作年度报告\n\n本报告根据《条例》编制。"
    )
    assert (meta.title, meta.org, meta.year) == (
        "中阳县2022年政府信息公开工作年度报告",
        "中阳县人民政府",
        2022,
    )
    assert meta.spans["year"].text == "2022"
    assert meta.spans["org"].text == "中阳县"


def test_the_report_title_beats_the_page_title_and_the_publication_date() -> None:
    meta = _meta(
        "成安县2021年度政府信息公开年度报告\n\n发布日期: 2022.02.21 索引号 : 1\n\n"
        "\xa0成安县2021年度政府信息公开工作年度报告\n"
    )
    assert meta.title == "成安县2021年度政府信息公开工作年度报告"
    assert meta.year == 2021
    assert meta.published_on == date(2022, 2, 21)


def test_year_first_and_chinese_numeral_years() -> None:
    meta = _meta("二〇二三年度东湖镇政府信息公开工作年度报告")
    assert (meta.year, meta.org) == (2023, "东湖镇人民政府")


def test_year_from_the_statistical_period_when_the_title_has_none() -> None:
    meta = _meta(
        "东湖镇政府信息公开工作年度报告\n\n本报告中所列数据的统计期限从 2021 年 1 月 1 日起"
        "至 2021 年 12 月 31 日止。"
    )
    assert (meta.year, meta.org) == (2021, "东湖镇人民政府")


def test_signature_date_at_the_end_is_the_publication_date() -> None:
    meta = _meta(
        "东湖镇2022年政府信息公开工作年度报告\n\n正文\n\n东湖镇人民政府\n\n2023年1月13日\n"
    )
    assert meta.published_on == date(2023, 1, 13)


def test_sentences_are_not_titles() -> None:
    meta = _meta(
        "根据《关于印发中华人民共和国政府信息公开工作年度报告格式的通知》要求，编制本报告。"
    )
    assert meta.title is None
