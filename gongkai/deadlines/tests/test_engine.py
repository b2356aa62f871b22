"""The deadline engine (domain-spec §2.3) as worked examples, one table per article.

Most examples use the Monday–Friday calendar of 2024–2026 so that the arithmetic can
be checked by eye (2025-03-03 is a Monday); the rest use the national calendar."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.deadlines.engine import (
    CaseEvents,
    Consultation,
    Correction,
    Extension,
    FeeNotice,
    case_due_dates,
    consultation_answer_due,
    correction_notice_due,
    fee_payment_due,
    proactive_disclosure_due,
    reply_due_date,
)
from gongkai.deadlines.errors import DeadlineError

D = date.fromisoformat
MON = D("2025-03-03")


@pytest.mark.parametrize(
    ("received", "extension", "due"),
    [
        ("2025-03-03", 0, "2025-03-31"),  # 20 working days
        ("2025-03-03", 20, "2025-04-28"),  # and the longest extension
        ("2025-03-03", 5, "2025-04-07"),
        ("2025-03-08", 0, "2025-04-04"),  # received on a Saturday
    ],
)
def test_第三十三条_reply_due(no_holiday_calendar, received, extension, due):
    result = reply_due_date(
        received=D(received), calendar=no_holiday_calendar, extension_days=extension
    )
    assert result.date == D(due)
    assert not result.provisional


@pytest.mark.parametrize("days", [21, -1])
def test_第三十三条_extension_over_20_days_is_refused(no_holiday_calendar, days):
    with pytest.raises(DeadlineError, match="最长不得超过 20 个工作日"):
        reply_due_date(received=MON, calendar=no_holiday_calendar, extension_days=days)


@pytest.mark.parametrize(
    ("received", "due"),
    [("2019-05-14", "2019-06-04"), ("2019-05-15", "2019-06-13")],
)
def test_第三十三条_period_in_force_on_the_receipt_date(national, received, due):
    # Decree 492 (art. 24: 15 working days) until 2019-05-14, Decree 711 after
    assert reply_due_date(received=D(received), calendar=national).date == D(due)


def test_第三十条_correction_notice_due_7_working_days(national):
    assert correction_notice_due(received=D("2026-02-10"), calendar=national).date == (
        D("2026-02-26")
    )


@pytest.mark.parametrize(
    ("correction", "reply_due", "awaiting"),
    [
        (None, "2025-03-31", None),
        (Correction(notice_sent=D("2025-03-10")), None, "correction"),
        # the clock restarts from the day the corrected application arrives
        (
            Correction(D("2025-03-10"), corrected_received=D("2025-03-20")),
            "2025-04-17",
            None,
        ),
    ],
)
def test_第三十条_correction_restarts_the_clock(
    no_holiday_calendar, correction, reply_due, awaiting
):
    result = case_due_dates(
        events=CaseEvents(received=MON, correction=correction),
        calendar=no_holiday_calendar,
    )
    assert result.correction_notice_due == D("2025-03-12")
    assert result.reply_due == (D(reply_due) if reply_due else None)
    assert result.awaiting == awaiting


def test_第三十条_late_correction_notice_is_noted(no_holiday_calendar):
    result = case_due_dates(
        events=CaseEvents(received=MON, correction=Correction(D("2025-03-13"))),
        calendar=no_holiday_calendar,
    )
    assert "晚于第三十条" in result.notes[0]


@pytest.mark.parametrize(
    ("consultations", "today", "due", "awaiting"),
    [
        # 5 working days excluded: after the letter (Mon 03-10) up to the answer
        ((Consultation(D("2025-03-10"), D("2025-03-17")),), None, "2025-04-07", None),
        # no answer yet: excluded up to the party's 15th working day (03-31)
        ((Consultation(D("2025-03-10")),), None, "2025-04-21", "consultation"),
        # no answer yet, today passed in: excluded up to today
        (
            (Consultation(D("2025-03-10")),),
            D("2025-03-14"),
            "2025-04-04",
            "consultation",
        ),
        # an answer after the party's 15 days counts only those 15 days
        ((Consultation(D("2025-03-10"), D("2025-04-10")),), None, "2025-04-21", None),
        # overlapping consultations are excluded once: (03-10, 03-19] = 7 days
        (
            (
                Consultation(D("2025-03-10"), D("2025-03-17")),
                Consultation(D("2025-03-12"), D("2025-03-19"), party="其他机关"),
            ),
            None,
            "2025-04-09",
            None,
        ),
    ],
)
def test_第三十二条_第三十四条_consultation_time_not_counted_第三十三条第三款(
    no_holiday_calendar, consultations, today, due, awaiting
):
    result = case_due_dates(
        events=CaseEvents(received=MON, consultations=consultations),
        calendar=no_holiday_calendar,
        today=today,
    )
    assert result.reply_due == D(due)
    assert result.awaiting == awaiting


def test_第三十二条_party_has_15_working_days(no_holiday_calendar):
    assert consultation_answer_due(
        sent=D("2025-03-10"), calendar=no_holiday_calendar
    ).date == D("2025-03-31")


@pytest.mark.parametrize(
    ("stops", "paid", "due"),
    [
        (False, None, "2025-03-31"),  # the careful clerk's reading (the default)
        (False, D("2025-03-25"), "2025-03-31"),
        (True, D("2025-03-25"), "2025-04-03"),  # (03-20, 03-25] = 3 days excluded
        (True, None, "2025-04-28"),  # unpaid: (03-20, 04-17] = 20 days excluded
    ],
)
def test_收费_fee_notice_国办函2020_109号(no_holiday_calendar, stops, paid, due):
    result = case_due_dates(
        events=CaseEvents(received=MON, fee=FeeNotice(D("2025-03-20"), paid)),
        calendar=no_holiday_calendar,
        fee_wait_stops_clock=stops,
    )
    assert result.fee_payment_due == D("2025-04-17")
    assert result.reply_due == D(due)


def test_fee_payment_due_20_working_days(national):
    # received the notice on the eve of National Day 2025
    assert fee_payment_due(
        notice_received=D("2025-09-25"), calendar=national
    ).date == D("2025-10-29")


def test_第三十三条_extension_in_a_case(no_holiday_calendar):
    result = case_due_dates(
        events=CaseEvents(
            received=MON,
            consultations=(Consultation(D("2025-03-10"), D("2025-03-17")),),
            extension=Extension(approved=D("2025-04-01"), working_days=20),
        ),
        calendar=no_holiday_calendar,
    )
    assert result.reply_due == D("2025-05-05")  # 04-07 + 20 working days
    assert result.notes == ()
    assert [s.article for s in result.steps][
        -1
    ] == "《政府信息公开条例》第三十三条第二款"


def test_第三十三条_extension_after_the_due_date_is_noted(no_holiday_calendar):
    result = case_due_dates(
        events=CaseEvents(received=MON, extension=Extension(D("2025-04-01"), 10)),
        calendar=no_holiday_calendar,
    )
    assert result.reply_due == D("2025-04-14")
    assert "晚于原答复期限" in result.notes[0]


def test_第三十三条_extension_over_20_in_a_case_is_refused(no_holiday_calendar):
    with pytest.raises(DeadlineError, match="第三十三条第二款"):
        case_due_dates(
            events=CaseEvents(received=MON, extension=Extension(MON, 25)),
            calendar=no_holiday_calendar,
        )


def test_第三十五条_deferred_deadline_replaces_the_computed_one(no_holiday_calendar):
    result = case_due_dates(
        events=CaseEvents(received=MON, deferred_to=D("2025-05-30")),
        calendar=no_holiday_calendar,
    )
    assert result.reply_due == D("2025-05-30")


@pytest.mark.parametrize(
    ("formed", "due"),
    [("2025-03-03", "2025-03-31"), ("2025-01-20", "2025-02-21")],
)
def test_第二十六条_proactive_disclosure_within_20_working_days(national, formed, due):
    assert proactive_disclosure_due(formed=D(formed), calendar=national).date == D(due)


def test_a_case_into_a_provisional_year_is_marked(national):
    result = case_due_dates(
        events=CaseEvents(received=D("2026-12-10")), calendar=national
    )
    assert result.reply_due == D("2027-01-08")
    assert result.provisional
    assert result.provisional_years == (2027,)


@pytest.mark.parametrize(
    ("events", "message"),
    [
        (CaseEvents(MON, correction=Correction(D("2025-03-01"))), "早于收到申请"),
        (
            CaseEvents(MON, correction=Correction(D("2025-03-10"), D("2025-03-05"))),
            "早于补正告知日期",
        ),
        (
            CaseEvents(
                MON, consultations=(Consultation(D("2025-03-10"), D("2025-03-05")),)
            ),
            "早于发函日期",
        ),
        (
            CaseEvents(MON, consultations=(Consultation(D("2025-03-01")),)),
            "早于答复期限起算日",
        ),
    ],
)
def test_dates_out_of_order_are_refused_in_chinese(
    no_holiday_calendar, events, message
):
    with pytest.raises(DeadlineError, match=message):
        case_due_dates(events=events, calendar=no_holiday_calendar)
