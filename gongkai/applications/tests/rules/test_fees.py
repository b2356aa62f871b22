"""国办函〔2020〕109号 (Fee Measures), domain-spec §3."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from gongkai.annual_reports.format import APPLICATION_GROUPS
from gongkai.applications.rules.fees import (
    NON_PAYMENT_OUTCOME,
    NON_PAYMENT_OUTCOME_LABEL,
    FeeInputError,
    FeeMethod,
    application_fee,
    fee_notice_facts,
    items_before_in_month,
    per_item_fee,
    per_item_rate,
    per_page_fee,
)


@pytest.mark.parametrize(
    ("before", "items", "amount"),
    [
        (9, 3, "200"),  # domain-spec §3.2 example: items 10, 11, 12
        (0, 10, "0"),
        (0, 11, "100"),
        (0, 30, "2000"),
        (30, 1, "200"),
        (39, 2, "500"),  # item 40 at 200, item 41 at 300
        (0, 50, "7000"),  # 20×100 + 10×200 + 10×300
    ],
)
def test_fee_measures_art3_per_item_progressive(before, items, amount):
    assert per_item_fee(items_before_in_month=before, items=items).amount == Decimal(
        amount
    )


@pytest.mark.parametrize(
    ("n", "rate"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (51, 400)],
)
def test_fee_measures_art3_per_item_rate_bands(n, rate):
    assert per_item_rate(n) == Decimal(rate)


@pytest.mark.parametrize(
    ("pages", "amount"),
    [
        (150, 1700),  # domain-spec §3.3 example: 70×10 + 50×20
        (0, 0),
        (30, 0),
        (31, 10),
        (100, 700),
        (200, 700 + 2000),
        (201, 700 + 2000 + 40),
    ],
)
def test_fee_measures_art3_per_page_progressive(pages, amount):
    assert per_page_fee(pages=pages).amount == Decimal(amount)


def test_fee_measures_art3_one_method_per_application():
    with pytest.raises(FeeInputError, match="只能选择一种"):
        application_fee(method="per_item", items=3, pages=40)
    with pytest.raises(FeeInputError, match="只能选择一种"):
        application_fee(method="per_page", items=3, pages=40)
    fee = application_fee(method=FeeMethod.PER_PAGE, pages=40)
    assert fee.method is FeeMethod.PER_PAGE
    assert fee.amount == Decimal(100)


def test_fee_measures_running_count_is_per_calendar_month():
    earlier = [(date(2026, 2, 27), 8), (date(2026, 3, 1), 4), (date(2026, 3, 9), 5)]
    assert items_before_in_month(earlier=earlier, received_on=date(2026, 3, 10)) == 9
    assert items_before_in_month(earlier=earlier, received_on=date(2026, 3, 5)) == 4


def _calendar_days(start, n):
    return start + timedelta(days=n)


def test_fee_measures_notice_facts_payment_period_and_non_payment_row():
    fee = per_item_fee(items_before_in_month=9, items=3)
    facts = fee_notice_facts(
        fee=fee, notice_received_on=date(2026, 3, 2), add_working_days=_calendar_days
    )
    assert facts.payment_period_working_days == 20
    assert facts.pay_by == date(2026, 3, 22)
    assert facts.non_payment_outcome == NON_PAYMENT_OUTCOME == "other_fee_unpaid"
    [other] = [leaves for group, _, leaves in APPLICATION_GROUPS if group == "other"]
    assert other[1] == "2." + NON_PAYMENT_OUTCOME_LABEL
    assert "缴纳费用" in facts.non_payment_outcome_label
    assert "国办函〔2020〕109号" in facts.basis


def test_fee_measures_no_notice_for_a_free_application():
    with pytest.raises(FeeInputError, match="0元"):
        fee_notice_facts(
            fee=per_page_fee(pages=30),
            notice_received_on=date(2026, 3, 2),
            add_working_days=_calendar_days,
        )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"items_before_in_month": -1, "items": 1},
        {"items_before_in_month": 0, "items": 0},
    ],
)
def test_bad_fee_input_is_refused(kwargs):
    with pytest.raises(FeeInputError):
        per_item_fee(**kwargs)
