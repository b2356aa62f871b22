"""A cell's value: what may be typed or printed, its JSON form, its display."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.annual_reports import values
from gongkai.annual_reports.values import (
    FEE_PATH,
    MAX_COUNT,
    CellValueError,
    check_json,
    display,
    parse,
    parse_count,
    parse_fee,
)

COUNT_PATH = ("applications", "new", 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12),
        ("0", 0),
        ("", None),
        ("   ", None),
        ("\u3000", None),  # an ideographic space alone is blank
        (" 12 ", 12),
        ("１２", 12),  # full-width digits
        ("1,234", 1234),
        ("12,345,678", 12345678),
        ("１，２３４", 1234),  # full-width comma
        ("1，234", 1234),
        ("1 234", 1234),  # a space inside the number
        ("1\u3000234", 1234),
        ("+5", 5),
        ("-0", 0),
        ("007", 7),
        ("999,999,999", MAX_COUNT),
    ],
)
def test_parse_count_reads(text: str, expected: int | None) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1,2", values.GROUPING),  # not 12
        ("1,2,3", values.GROUPING),  # not 123
        ("12,34", values.GROUPING),
        ("1,2345", values.GROUPING),
        (",123", values.GROUPING),
        ("1,234,", values.GROUPING),
        ("-1", values.NEGATIVE),
        ("－３", values.NEGATIVE),  # full-width minus
        ("1.5", values.NOT_INTEGER),
        ("1.0", values.NOT_INTEGER),
        ("abc", values.NOT_INTEGER),
        ("一二", values.NOT_INTEGER),
        ("1e3", values.NOT_INTEGER),
        ("1000000000", values.TOO_LARGE),
        ("99999999999999999999", values.TOO_LARGE),
        ("9" * 5000, values.TOO_LARGE),  # no int() of thousands of digits
    ],
)
def test_parse_count_refuses(text: str, code: str) -> None:
    with pytest.raises(CellValueError) as caught:
        parse_count(text)
    assert caught.value.code == code
    assert caught.value.message  # a Chinese message that says how to fix it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", "0"),
        ("0.50", "0.50"),  # digits kept as typed
        ("1.2345", "1.2345"),
        ("１．５", "1.5"),
        ("1,234.5", "1234.5"),
        ("1 234.56", "1234.56"),
        ("123456789.123456", "123456789.123456"),
        ("", None),
    ],
)
def test_parse_fee_reads(text: str, expected: str | None) -> None:
    fee = parse_fee(text)
    assert (None if fee is None else format(fee, "f")) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1,5", values.GROUPING),  # a decimal comma? refused, not 15
        ("-0.1", values.NEGATIVE),
        ("1e3", values.NOT_DECIMAL),
        ("一万", values.NOT_DECIMAL),
        (".5", values.NOT_DECIMAL),
        ("1.", values.NOT_DECIMAL),
        ("NaN", values.NOT_DECIMAL),
        ("1234567890", values.TOO_LARGE),
        ("1.1234567", values.TOO_PRECISE),
    ],
)
def test_parse_fee_refuses(text: str, code: str) -> None:
    with pytest.raises(CellValueError) as caught:
        parse_fee(text)
    assert caught.value.code == code


def test_parse_chooses_by_cell() -> None:
    assert parse(FEE_PATH, "1.50") == Decimal("1.50")
    with pytest.raises(CellValueError):
        parse(COUNT_PATH, "1.50")


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (COUNT_PATH, None, None),
        (COUNT_PATH, 0, 0),
        (COUNT_PATH, MAX_COUNT, MAX_COUNT),
        (FEE_PATH, "1.50", "1.50"),
        (FEE_PATH, None, None),
    ],
)
def test_check_json_accepts(path, value, expected) -> None:
    assert check_json(path, value) == expected


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (COUNT_PATH, -1),
        (COUNT_PATH, True),
        (COUNT_PATH, 1.0),
        (COUNT_PATH, "1"),
        (COUNT_PATH, MAX_COUNT + 1),
        (COUNT_PATH, 10**20),
        (FEE_PATH, 1.5),
        (FEE_PATH, "1,234"),  # the JSON form has no grouping
        (FEE_PATH, "-1"),
        (FEE_PATH, "1" * 10),
        (FEE_PATH, "0.1234567"),
    ],
)
def test_check_json_refuses(path, value) -> None:
    with pytest.raises(CellValueError):
        check_json(path, value)


def test_the_fee_pattern_is_the_parser_for_json() -> None:
    assert re.fullmatch(values.FEE_PATTERN, "123456789.123456")
    assert not re.fullmatch(values.FEE_PATTERN, "1234567890")
    assert not re.fullmatch(values.FEE_PATTERN, "1.1234567")
    assert values.COUNT_JSON_SCHEMA["maximum"] == MAX_COUNT


counts = st.integers(min_value=0, max_value=MAX_COUNT)
#: Fees within the bounds, with any number of decimals up to six (trailing zeros kept).
fees = st.integers(0, 10**9 - 1).map(Decimal) | st.builds(
    lambda whole, fraction: Decimal(f"{whole}.{fraction}"),
    st.integers(0, 10**9 - 1),
    st.text("0123456789", min_size=1, max_size=6),
)


@given(value=counts, grouped=st.booleans())
def test_a_displayed_count_reads_back(value: int, grouped: bool) -> None:
    assert parse_count(display(value, grouped=grouped)) == value


@given(value=fees, grouped=st.booleans())
def test_a_displayed_fee_reads_back_with_its_digits(
    value: Decimal, grouped: bool
) -> None:
    text = display(value, grouped=grouped)
    fee = parse_fee(text)
    assert fee == value
    assert format(fee, "f") == format(value, "f")  # 0.50 stays 0.50


@given(value=counts)
def test_a_full_width_count_reads_as_the_ascii_one(value: int) -> None:
    full = "".join(chr(ord(c) + 0xFEE0) for c in display(value, grouped=True))
    assert parse_count(full) == value


@given(value=st.one_of(st.none(), counts))
def test_a_count_json_round_trip(value: int | None) -> None:
    assert values.from_json(COUNT_PATH, values.to_json(value)) == value


@given(value=fees)
def test_a_fee_json_round_trip(value: Decimal) -> None:
    assert format(values.from_json(FEE_PATH, values.to_json(value)), "f") == format(
        value, "f"
    )


@given(st.integers(min_value=MAX_COUNT + 1))
def test_a_count_over_the_bound_is_refused(value: int) -> None:
    with pytest.raises(CellValueError) as caught:
        parse_count(str(value))
    assert caught.value.code == values.TOO_LARGE


def test_display_of_blank_and_same() -> None:
    assert display(None) == ""
    assert display(None, blank="空白") == "空白"
    assert display("1.50") == "1.50"
    assert values.same("1.50", "1.5")
    assert values.same(3, 3)
    assert not values.same(0, None)
    assert values.same(None, None)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("1,234", "1234"),
        ("１，２３４", "1234"),
        ("1 234.50", "1234.50"),
        ("−3", "-3"),
        ("1,2", None),  # no number: the importer reads it as text, not as 12
        ("12,34", None),
        ("abc", None),
        ("", None),
    ],
)
def test_number_text_is_how_the_importer_reads_a_printed_number(
    printed: str, expected: str | None
) -> None:
    from gongkai.annual_reports.importing.labels import NUM, classify

    assert values.number_text(printed) == expected
    tok = classify(printed)
    assert (tok.number if tok.kind == NUM else None) == expected


def test_a_printed_count_over_the_bound_is_not_read() -> None:
    from gongkai.annual_reports.importing.labels import classify
    from gongkai.annual_reports.importing.resolve import count_of

    assert count_of((None, classify("999999999"))) == (MAX_COUNT, "")  # type: ignore[arg-type]
    value, problem = count_of((None, classify("99999999999999999999")))  # type: ignore[arg-type]
    assert value is None
    assert "超过 9 位" in problem
