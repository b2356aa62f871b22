"""Reading and checking a year as the office types it in."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.deadlines.errors import HolidayTableError
from gongkai.deadlines.tables import parse_days, year_table_check

D = date.fromisoformat


def test_parse_days_reads_single_days_and_periods():
    text = "2027-02-05 至 2027-02-07 春节\n\n2027年4月5日 清明节\n2027/05/01"
    assert parse_days(text, label="放假日期") == [
        (D("2027-02-05"), "春节"),
        (D("2027-02-06"), "春节"),
        (D("2027-02-07"), "春节"),
        (D("2027-04-05"), "清明节"),
        (D("2027-05-01"), ""),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("春节 2027-02-05", "第 1 行「春节 2027-02-05」：无法识别"),
        (
            "2027-02-05 春节\n2027-02-30 春节",
            "第 2 行「2027-02-30 春节」：2027-02-30 不是有效日期",
        ),
        ("2027-02-10 至 2027-02-05", "结束日期早于开始日期"),
        ("2027-01-01 至 2027-03-01", "超过 31 天"),
    ],
)
def test_parse_days_says_which_line_is_wrong(text, message):
    with pytest.raises(HolidayTableError, match=message):
        parse_days(text, label="放假日期")


def test_year_table_check_accepts_a_notice():
    table = year_table_check(
        year=2019,
        rest_days=[(D("2018-12-30"), "元旦"), (D("2019-01-01"), "元旦")],
        working_days=[(D("2018-12-29"), "元旦")],
    )
    assert D("2018-12-29") in table.working_days


@pytest.mark.parametrize(
    ("rest", "work", "message"),
    [
        ([(D("2027-02-06"), "春节"), (D("2027-02-06"), "春节")], [], "重复出现"),
        ([(D("2028-01-01"), "元旦")], [], "不在2027年内"),
        ([(D("2026-11-30"), "")], [], "不在2027年内"),
        ([], [(D("2027-02-03"), "春节")], "不是周六或周日"),
        (
            [(D("2027-02-06"), "春节")],
            [(D("2027-02-06"), "春节")],
            "既是休息日又是调休上班日",
        ),
    ],
)
def test_year_table_check_refuses(rest, work, message):
    with pytest.raises(HolidayTableError, match=message):
        year_table_check(year=2027, rest_days=rest, working_days=work)
