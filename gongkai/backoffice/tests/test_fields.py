"""The editor's cell fields read values with annual_reports.values, and say which cell
is wrong, what is wrong and how to fix it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django import forms

from gongkai.backoffice.fields import SHORT_ERRORS, CountField, FeeField

COUNT = ("applications", "new", 0)
FEE = ("active", "fees_wan_yuan")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("", None), ("0", 0), ("１２", 12), ("1,234", 1234), (" 1 234 ", 1234)],
)
def test_a_count_is_read(typed: str, expected: int | None) -> None:
    assert CountField(path=COUNT).clean(typed) == expected


@pytest.mark.parametrize(
    ("typed", "code", "how"),
    [
        ("1,2", "grouping", "千位分隔符"),  # not 12
        ("1,2,3", "grouping", "千位分隔符"),  # not 123
        ("99999999999999999999", "too_large", "最多 9 位"),  # not 1e+20
        ("-2", "negative", "0 或正整数"),
        ("abc", "not_integer", "0 或正整数"),
    ],
)
def test_a_wrong_count_is_named_and_explained(typed: str, code: str, how: str) -> None:
    with pytest.raises(forms.ValidationError) as caught:
        CountField(path=COUNT).clean(typed)
    error = caught.value
    assert error.code == code
    assert code in SHORT_ERRORS  # the short text shown inside the cell
    message = error.messages[0]
    assert "「一、本年新收政府信息公开申请数量」/「自然人」" in message
    assert f"“{typed}”" in message
    assert how in message


@pytest.mark.parametrize(
    ("typed", "expected"), [("0.50", Decimal("0.50")), ("１．５", Decimal("1.5"))]
)
def test_the_fee_is_read_with_its_digits(typed: str, expected: Decimal) -> None:
    fee = FeeField(path=FEE).clean(typed)
    assert fee == expected
    assert format(fee, "f") == format(expected, "f")


@pytest.mark.parametrize(
    ("typed", "code"),
    [("1.1234567", "too_precise"), ("1234567890", "too_large"), ("-1", "negative")],
)
def test_a_wrong_fee_is_refused(typed: str, code: str) -> None:
    with pytest.raises(forms.ValidationError) as caught:
        FeeField(path=FEE).clean(typed)
    assert caught.value.code == code
