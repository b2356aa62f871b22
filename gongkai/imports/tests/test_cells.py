"""Cells for corrections: which paths are cells, what may be typed into one."""

from __future__ import annotations

import pytest

from gongkai.imports.cells import (
    CELL_PATHS,
    CellValueError,
    cell_path,
    get_value,
    parse_cell_input,
    same_value,
    with_values,
)

FEE = ("active", "fees_wan_yuan")
NEW_TOTAL = ("applications", "new", 6)


def test_every_cell_of_the_format_is_a_cell_path() -> None:
    # 2 x 3 + 3 counts + fee; 25 rows x 7 applicant columns; 3 x 5 appeal cells
    assert len(CELL_PATHS) == 10 + 25 * 7 + 15
    assert cell_path("applications.withheld.3.6") == ("applications", "withheld", 3, 6)


@pytest.mark.parametrize(
    "text", ["applications.new", "applications.new.7", "year", "x"]
)
def test_cell_path_refuses_what_is_not_a_cell(text: str) -> None:
    with pytest.raises(CellValueError):
        cell_path(text)


@pytest.mark.parametrize(
    ("path", "raw", "expected"),
    [
        (NEW_TOTAL, "12", 12),
        (NEW_TOTAL, " 1,234 ", 1234),
        (NEW_TOTAL, "１，２３４", 1234),  # typed with a Chinese input method
        (NEW_TOTAL, "1 234", 1234),
        (NEW_TOTAL, "", None),
        (NEW_TOTAL, "0", 0),
        (FEE, "1.23450", "1.23450"),
        (FEE, "0", "0"),
        (FEE, "", None),
    ],
)
def test_parse_cell_input(path, raw, expected) -> None:
    assert parse_cell_input(path, raw) == expected


@pytest.mark.parametrize(
    ("path", "raw"),
    [
        (NEW_TOTAL, "-1"),
        (NEW_TOTAL, "1.5"),
        (NEW_TOTAL, "abc"),
        (FEE, "-0.1"),
        (FEE, "1e3"),
        (FEE, "一万"),
        (NEW_TOTAL, "1,2"),  # once silently 12
        (NEW_TOTAL, "1,2,3"),  # once silently 123
        (FEE, "1,5"),
        (NEW_TOTAL, "99999999999999999999"),  # no report holds it
        (FEE, "1.1234567"),
    ],
)
def test_parse_cell_input_refuses(path, raw) -> None:
    with pytest.raises(CellValueError) as caught:
        parse_cell_input(path, raw)
    assert str(caught.value)  # a message that says what to type


def test_get_and_set_values_without_touching_the_original() -> None:
    stats = {"applications": {"new": [1, 2, 3, 4, 5, 6, 21]}, "appeals": None}
    changed = with_values(stats, {NEW_TOTAL: 22, ("appeals", "reconsideration", 4): 1})
    assert get_value(changed, NEW_TOTAL) == 22
    assert get_value(stats, NEW_TOTAL) == 21
    assert changed["appeals"] is None  # a missing table stays missing
    assert get_value(changed, ("appeals", "reconsideration", 4)) is None


def test_same_value_compares_numbers() -> None:
    assert same_value("1.50", "1.5")
    assert same_value(3, 3)
    assert not same_value(0, None)
    assert same_value(None, None)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("applications", "new", 0), "一·自然人"),
        (("applications", "carried_forward", 6), "四·总计"),
        (("applications", "granted", 6), "三（一）·总计"),
        (("applications", "total", 1), "三（七）·商业企业"),
        (("applications", "withheld", 3, 6), "三（三）4·总计"),
        (("applications", "other", 2), "三（六）3"),
        (("active", "rules", 2), "规章·现行有效件数"),
        (("active", "fees_wan_yuan"), "行政事业性收费"),
        (("appeals", "litigation_direct", 4), "未经复议直接起诉·总计"),
        (("applications",), "三、收到和处理政府信息公开申请情况"),
    ],
)
def test_short_label(path, expected) -> None:
    from gongkai.imports.cells import short_label

    assert short_label(path) == expected


def test_every_cell_has_a_distinct_short_label() -> None:
    from gongkai.imports.cells import short_label

    labels = [short_label(p) for p in CELL_PATHS]
    assert len(set(labels)) == len(labels)
