"""Statutory periods are dated by when they take effect."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.deadlines.errors import DeadlineError
from gongkai.deadlines.rules import FEE_WAIT_STOPS_CLOCK, PeriodKind, period


@pytest.mark.parametrize(
    ("kind", "on", "days", "article"),
    [
        (PeriodKind.REPLY, date(2019, 5, 14), 15, "第二十四条"),
        (PeriodKind.REPLY, date(2019, 5, 15), 20, "第三十三条"),
        (PeriodKind.EXTENSION_MAX, date(2010, 1, 1), 15, "第二十四条"),
        (PeriodKind.EXTENSION_MAX, date(2026, 1, 1), 20, "第三十三条"),
        (PeriodKind.CORRECTION_NOTICE, date(2026, 1, 1), 7, "第三十条"),
        (PeriodKind.CONSULTATION_ANSWER, date(2026, 1, 1), 15, "第三十二条"),
        (PeriodKind.PROACTIVE_DISCLOSURE, date(2026, 1, 1), 20, "第二十六条"),
        (PeriodKind.FEE_PAYMENT, date(2026, 1, 1), 20, "国办函〔2020〕109号"),
    ],
)
def test_period_in_force(kind, on, days, article):
    found = period(kind, on=on)
    assert found.working_days == days
    assert article in found.article


def test_no_period_before_the_regulation():
    with pytest.raises(DeadlineError, match="2008-05-01"):
        period(PeriodKind.REPLY, on=date(2008, 4, 30))
    with pytest.raises(DeadlineError, match="缴纳信息处理费期限"):
        period(PeriodKind.FEE_PAYMENT, on=date(2020, 12, 31))


def test_fee_wait_does_not_stop_the_clock_by_default():
    # UNVERIFIED in the spec; the careful clerk's reading (see rules.py)
    assert FEE_WAIT_STOPS_CLOCK is False
