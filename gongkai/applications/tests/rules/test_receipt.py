"""第三十一条: the receipt date by channel (domain-spec §1.6)."""

from datetime import date

import pytest

from gongkai.applications.rules.receipt import (
    Channel,
    ReceiptDateInvalid,
    ReceiptDateMissing,
    receipt_date,
)

D1, D2, D3 = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 5)


@pytest.mark.parametrize(
    ("channel", "dates", "expected"),
    [
        ("in_person", {"submitted_on": D1}, D1),
        ("registered_post", {"submitted_on": D1, "signed_for_on": D2}, D2),
        ("ordinary_post", {"arrived_on": D2, "confirmed_on": D2}, D2),
        ("online", {"submitted_on": D1, "confirmed_on": D2}, D2),
        ("fax", {"submitted_on": D1, "confirmed_on": D3}, D3),
        ("email", {"submitted_on": D1, "confirmed_on": D2}, D2),
    ],
)
def test_reg31_receipt_date_per_channel(channel, dates, expected):
    receipt = receipt_date(channel=channel, **dates)
    assert receipt.received_on == expected
    assert receipt.warnings == ()


@pytest.mark.parametrize(
    ("channel", "field", "fragment"),
    [
        (Channel.IN_PERSON, "submitted_on", "提交日期"),
        (Channel.REGISTERED_POST, "signed_for_on", "签收日期"),
        (Channel.ORDINARY_POST, "confirmed_on", "与申请人确认的日期"),
        (Channel.ONLINE, "confirmed_on", "双方确认"),
        (Channel.FAX, "confirmed_on", "双方确认"),
        (Channel.EMAIL, "confirmed_on", "数据电文"),
    ],
)
def test_reg31_missing_date_names_the_field(channel, field, fragment):
    with pytest.raises(ReceiptDateMissing) as exc:
        receipt_date(channel=channel, arrived_on=D1)
    assert exc.value.field == field
    assert fragment in exc.value.message


def test_reg31_ordinary_letter_confirmed_late_warns():
    receipt = receipt_date(channel="ordinary_post", arrived_on=D2, confirmed_on=D3)
    assert receipt.received_on == D3
    [warning] = receipt.warnings
    assert "晚于到达当日" in warning


def test_reg31_ordinary_letter_without_arrival_day_warns():
    receipt = receipt_date(channel="ordinary_post", confirmed_on=D3)
    assert "到达日期" in receipt.warnings[0]


def test_reg31_impossible_order_is_refused():
    with pytest.raises(ReceiptDateInvalid, match="不能早于信函到达之日"):
        receipt_date(channel="ordinary_post", arrived_on=D3, confirmed_on=D2)
    with pytest.raises(ReceiptDateInvalid, match="不能早于申请人提交"):
        receipt_date(channel="registered_post", submitted_on=D3, signed_for_on=D2)


def test_unknown_channel_is_refused():
    with pytest.raises(ValueError, match="pigeon"):
        receipt_date(channel="pigeon", submitted_on=D1)
