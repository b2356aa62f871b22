"""The fee of a case: notice, payment, non-payment (《政府信息公开信息处理费管理办法》,
国办函〔2020〕109号, domain-spec §3; 条例第四十二条)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.applications import services as s
from gongkai.applications.fees import (
    application_fee_lapsed,
    application_fee_notice,
    application_fee_paid,
    fee_income_yuan,
    fee_notices_paid_in,
)
from gongkai.applications.models import Application, FeeNotice
from gongkai.applications.outcomes import Outcome
from gongkai.applications.rules.fees import FeeInputError
from gongkai.applications.selectors import (
    application_calendar,
    application_counts_for_report,
)
from gongkai.applications.status import TRANSITIONS, Status
from gongkai.applications.tests.conftest import World
from gongkai.core.errors import DomainError, InvalidState, PermissionDenied
from gongkai.deadlines import engine

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _working(world: World, received: date, items: int = 1) -> Application:
    app = world.register(received, items=items)
    app = s.application_route(
        application=app, unit=world.unit_a, actor=world.office, on=received
    )
    return s.application_start(application=app, actor=world.clerk_a, on=received)


def _notice(world: World, app: Application, **kw) -> FeeNotice:
    args = {
        "application": app,
        "actor": world.clerk_a,
        "method": "per_item",
        "quantity": 3,
        "sent_on": date(2025, 1, 20),
        "received_on": date(2025, 1, 20),
        **kw,
    }
    return application_fee_notice(**args)


def test_per_item_counts_the_applicants_month(world: World) -> None:
    """Fee Measures art. 3 (按件计收, §3.2): 9 items already this month, 3 more →
    items 10, 11, 12 → 0 + 100 + 100 = 200 元; other months, applicants and organs
    are not counted; pay within 20 working days after receipt of the notice
    (§3.4): 2025-01-20 → 2025-02-21."""
    world.register(date(2025, 1, 2), items=4)
    world.register(date(2025, 1, 10), items=5)
    world.register(date(2024, 12, 31), items=7)  # last month
    other = world.register(date(2025, 1, 3), items=6)
    Application.objects.filter(pk=other.pk).update(id_number="11010519491231002X")
    world.register(date(2025, 1, 3), items=6, organisation=world.unit_b)
    app = _working(world, date(2025, 1, 15))
    notice = _notice(world, app)
    assert notice.items_before_in_month == 9
    assert notice.amount == Decimal("200.00")
    assert notice.lines == [
        {"first": 10, "last": 10, "count": 1, "rate": "0.00", "amount": "0.00"},
        {"first": 11, "last": 12, "count": 2, "rate": "100.00", "amount": "200.00"},
    ]
    assert notice.pay_by == date(2025, 2, 21)
    event = app.events.get(kind="fee_notice_sent")
    assert event.after["amount"] == "200.00"
    assert "第三条" in event.note


def test_a_later_application_counts_the_items_of_an_earlier_notice(
    world: World,
) -> None:
    """Fee Measures art. 3: the split into items (一事一申请) of an earlier notice
    is what the month's running count holds."""
    first = _working(world, date(2025, 3, 3))
    world.register(date(2025, 3, 3), items=1)  # same day, registered later
    _notice(
        world,
        first,
        quantity=12,
        sent_on=date(2025, 3, 4),
        received_on=date(2025, 3, 5),
    )
    second = _working(world, date(2025, 3, 10))
    notice = _notice(
        world,
        second,
        quantity=1,
        sent_on=date(2025, 3, 11),
        received_on=date(2025, 3, 11),
    )
    assert notice.items_before_in_month == 13  # 12 by the notice + 1 item
    assert notice.amount == Decimal("100.00")


def test_per_page(world: World) -> None:
    """Fee Measures art. 3 (按量计收, §3.3): 150 pages → 70×10 + 50×20 = 1,700 元."""
    app = _working(world, date(2025, 1, 15))
    notice = _notice(world, app, method="per_page", quantity=150)
    assert (notice.amount, notice.items_before_in_month) == (Decimal("1700.00"), 0)


def test_a_free_fee_gets_no_notice(world: World) -> None:
    """Fee Measures art. 3: items 1–10 of the month are free: no notice for 0 元."""
    app = _working(world, date(2025, 1, 15))
    with pytest.raises(FeeInputError, match="0元"):
        _notice(world, app, quantity=3)
    assert not FeeNotice.objects.exists()
    assert not app.events.filter(kind="fee_notice_sent").exists()


def test_a_late_notice_is_recorded_as_late(world: World) -> None:
    """domain-spec §3.4: the notice is sent within the handling time limit; a later
    one is kept, with the delay in the timeline."""
    app = _working(world, date(2025, 1, 20))  # reply due 2025-02-21
    _notice(
        world,
        app,
        method="per_page",
        quantity=40,
        sent_on=date(2025, 2, 24),
        received_on=date(2025, 2, 24),
    )
    note = app.events.get(kind="fee_notice_sent").note
    assert "晚于答复期限 2025-02-21" in note


def test_one_notice_one_method(world: World) -> None:
    """Fee Measures art. 3: one method per application, never both."""
    app = _working(world, date(2025, 1, 15))
    _notice(world, app, method="per_page", quantity=40)
    with pytest.raises(InvalidState, match="只能选择一种计收方式"):
        _notice(world, app, method="per_item", quantity=30)


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"method": "per_hour"}, DomainError, "计收方式无效"),
        ({"quantity": 0}, DomainError, "应至少为1"),
        ({"received_on": date(2025, 1, 19)}, DomainError, "早于发出日期"),
        ({"sent_on": date(2025, 1, 14)}, DomainError, "早于收到申请之日"),
        ({"actor": "clerk_b"}, PermissionDenied, "只有公开办或承办单位"),
    ],
)
def test_bad_notices_get_a_chinese_error(world: World, changes, error, message) -> None:
    app = _working(world, date(2025, 1, 15))
    if changes.get("actor") == "clerk_b":
        changes = {"actor": world.clerk_b}
    with pytest.raises(error, match=message):
        _notice(world, app, **{"method": "per_page", "quantity": 40, **changes})


def test_a_notice_is_sent_while_the_case_is_worked_on(world: World) -> None:
    app = world.register(date(2025, 1, 15))
    with pytest.raises(InvalidState, match="办理期间"):
        _notice(world, app, method="per_page", quantity=40, actor=world.office)


def test_waiting_for_the_fee_does_not_stop_the_clock(world: World) -> None:
    """domain-spec §2.3 UNVERIFIED, deadlines.rules.FEE_WAIT_STOPS_CLOCK = False: the
    reply stays due 20 working days after receipt (第三十三条第二款); the engine is
    given the notice, so an office reading it the other way gets a later date."""
    app = _working(world, date(2025, 1, 20))
    assert app.due_on == date(2025, 2, 21)
    _notice(world, app, method="per_page", quantity=40)
    app.refresh_from_db()
    assert app.due_on == date(2025, 2, 21)
    events = s.application_case_events(application=app)
    assert events.fee == engine.FeeNotice(date(2025, 1, 20), None)
    calendar = application_calendar(organisation=world.county, today=date(2025, 1, 20))
    stopped = engine.case_due_dates(
        events=events, calendar=calendar, fee_wait_stops_clock=True
    )
    assert stopped.reply_due is not None
    assert stopped.reply_due > date(2025, 2, 21)
    assert stopped.fee_payment_due == date(2025, 2, 21)


def test_payment_with_receipt(world: World) -> None:
    """§3.4: paid within 20 working days; the receipt is checked by its content."""
    app = _working(world, date(2025, 1, 15))
    _notice(world, app, method="per_page", quantity=40)  # 100 元, pay by 2025-02-21
    kw: dict[str, Any] = {"application": app, "actor": world.clerk_a}
    with pytest.raises(DomainError, match=r"与收费通知的应缴金额 100\.00 元不一致"):
        application_fee_paid(paid_on=date(2025, 2, 3), amount=Decimal("90"), **kw)
    with pytest.raises(DomainError, match="晚于缴费期限 2025-02-21"):
        application_fee_paid(paid_on=date(2025, 2, 24), amount=Decimal("100"), **kw)
    with pytest.raises(DomainError, match="早于发出收费通知的日期"):
        application_fee_paid(paid_on=date(2025, 1, 19), amount=Decimal("100"), **kw)
    fake = SimpleUploadedFile("收据.pdf", b"just text, not a PDF")
    with pytest.raises(DomainError, match="不是PDF"):
        application_fee_paid(
            paid_on=date(2025, 2, 3), amount=Decimal("100"), receipt_file=fake, **kw
        )
    notice = application_fee_paid(
        paid_on=date(2025, 2, 21),
        amount=Decimal("100.00"),
        receipt_file=SimpleUploadedFile("收据.pdf", PDF),
        **kw,
    )
    notice.refresh_from_db()
    assert (notice.paid_on, notice.paid_amount) == (date(2025, 2, 21), Decimal("100"))
    assert notice.receipt.read() == PDF
    assert app.events.get(kind="fee_paid").after["receipt"] is True
    with pytest.raises(InvalidState, match="不能重复记录"):
        application_fee_paid(paid_on=date(2025, 2, 21), amount=Decimal("100"), **kw)
    with pytest.raises(InvalidState, match="不能按逾期未缴费办理"):
        application_fee_lapsed(on=date(2025, 3, 3), **kw)


def test_non_payment_is_deemed_abandoned(world: World) -> None:
    """§3.4: not paid in 20 working days → deemed abandoned, counted in section 三
    (六)其他处理 2 (申请人逾期未按收费通知要求缴纳费用)."""
    app = _working(world, date(2025, 1, 15))
    _notice(world, app, method="per_page", quantity=40)
    kw: dict[str, Any] = {"application": app, "actor": world.clerk_a}
    with pytest.raises(DomainError, match="缴费期限 2025-02-21 尚未届满"):
        application_fee_lapsed(on=date(2025, 2, 21), **kw)
    done = application_fee_lapsed(on=date(2025, 2, 24), **kw)
    assert (done.status, done.outcome, done.decided_on) == (
        Status.ABANDONED,
        Outcome.OTHER_FEE_UNPAID,
        date(2025, 2, 24),
    )
    assert "109号" in done.outcome_basis
    event = done.events.get(kind="fee_lapsed")
    assert (event.before["status"], event.after["status"]) == (
        "in_progress",
        "abandoned",
    )
    assert FeeNotice.objects.get().lapsed_on == date(2025, 2, 24)
    counts = application_counts_for_report(
        organisation_ids=[world.county.pk], year=2025
    )
    assert counts[(Outcome.OTHER_FEE_UNPAID, "natural_person")] == 1
    with pytest.raises(InvalidState, match="不能再记录缴费"):
        application_fee_paid(paid_on=date(2025, 2, 3), amount=Decimal("100"), **kw)


def test_no_lapse_without_a_notice_nor_after_a_decision(world: World) -> None:
    app = _working(world, date(2025, 1, 15))
    with pytest.raises(InvalidState, match="没有发出收费通知"):
        application_fee_lapsed(
            application=app, actor=world.clerk_a, on=date(2025, 3, 3)
        )
    _notice(world, app, method="per_page", quantity=40)
    s.application_decide(
        application=app,
        outcome=Outcome.DISCLOSED,
        decided_on=date(2025, 2, 3),
        actor=world.clerk_a,
    )
    with pytest.raises(s.InvalidTransition):
        application_fee_lapsed(
            application=app, actor=world.clerk_a, on=date(2025, 3, 3)
        )


def test_abandonment_is_reachable_while_the_fee_is_awaited() -> None:
    """The status edit for fees: in_progress, consulting and extended may end
    abandoned (non-payment); awaiting_correction still only as before (第三十条)."""
    for current in (Status.IN_PROGRESS, Status.CONSULTING, Status.EXTENDED):
        assert Status.ABANDONED in TRANSITIONS[current]
    for current in (Status.RECEIVED, Status.ROUTED, Status.DECIDED):
        assert Status.ABANDONED not in TRANSITIONS[current]


def test_no_correction_lapse_outside_a_correction(world: World) -> None:
    """第三十条: only a case awaiting its correction is abandoned for no correction
    (abandonment from in_progress is the fee's, not the correction's)."""
    app = _working(world, date(2025, 1, 15))
    with pytest.raises(s.InvalidTransition):
        s.application_correction_lapsed(
            application=app, on=date(2025, 3, 3), actor=world.clerk_a
        )


def test_income_of_the_year_by_payment_date(world: World) -> None:
    paid = []
    for received, pages, paid_on in [
        (date(2024, 12, 2), 40, date(2024, 12, 20)),  # 100 元 in 2024
        (date(2024, 12, 16), 150, date(2025, 1, 6)),  # 1,700 元 in 2025
        (date(2025, 3, 3), 101, date(2025, 3, 20)),  # 700 + 20 = 720 元 in 2025
    ]:
        app = _working(world, received)
        _notice(
            world,
            app,
            method="per_page",
            quantity=pages,
            sent_on=received,
            received_on=received,
        )
        notice = FeeNotice.objects.get(application=app)
        paid.append(
            application_fee_paid(
                application=app,
                actor=world.office,
                paid_on=paid_on,
                amount=notice.amount,
            )
        )
    unpaid = _working(world, date(2025, 4, 1))
    _notice(
        world,
        unpaid,
        method="per_page",
        quantity=40,
        sent_on=date(2025, 4, 1),
        received_on=date(2025, 4, 1),
    )
    ids = [world.county.pk]
    assert fee_income_yuan(organisation_ids=ids, year=2025) == Decimal("2420.00")
    assert fee_income_yuan(organisation_ids=ids, year=2024) == Decimal("100.00")
    assert fee_income_yuan(organisation_ids=ids, year=2023) == Decimal("0.00")
    assert fee_notices_paid_in(organisation_ids=ids, year=2025) == [
        p.pk for p in paid[1:]
    ]


def test_a_fee_beyond_any_real_application_is_refused_not_stored(world: World) -> None:
    """国办函〔2020〕109号 第三条: 按件 tiers grow with the count; a count typed with
    extra digits must not reach the amount column (12 digits)."""
    app = s.application_route(
        application=world.register(date(2026, 3, 2)),
        unit=world.unit_a,
        actor=world.office,
        on=date(2026, 3, 2),
    )
    app = s.application_start(application=app, actor=world.clerk_a, on=date(2026, 3, 2))
    for quantity in (90_000, 100_001):
        with pytest.raises(DomainError):
            application_fee_notice(
                application=app,
                actor=world.clerk_a,
                method="per_item",
                quantity=quantity,
                sent_on=date(2026, 3, 3),
                received_on=date(2026, 3, 4),
            )
    assert not FeeNotice.objects.exists()
