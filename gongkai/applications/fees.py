"""The information-processing fee of a case: the notice, the payment, non-payment
(《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号; domain-spec §3), and the
year's fee income for the annual report.

One service per change, with the applications services' conventions (``_lock``,
permission, ``status.TRANSITIONS``, one ``ApplicationEvent``, notifications on
commit); the amounts come from the pure calculator ``rules.fees``.

- the notice: 按件 (the applicant's running count of items in the calendar month,
  art. 3) or 按量 (pages), one method per application (art. 3); it is refused when
  the fee is 0 元; 20 working days to pay from the day after the applicant
  received it (domain-spec §3.4), on the case's calendar;
- the clock: whether waiting for the fee stops the reply clock is
  ``deadlines.rules.FEE_WAIT_STOPS_CLOCK`` (False: it does not; the due date is
  recomputed through ``services.application_case_events``, which gives the engine
  the notice);
- non-payment by the deadline: deemed abandoned, concluded as 其他处理 2
  (``other_fee_unpaid``), status ``abandoned``.

``running count``: the applicant is identified by the identity number (or credit
code) as ``rules.fees.SAME_APPLICANT_KEY`` says; an earlier application of the month
adds the items of its own per-item notice, or else its number of requested items.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile, File
from django.db import transaction
from django.db.models import Q, Sum

from gongkai.accounts.models import User
from gongkai.applications import permissions
from gongkai.applications.models import Application, FeeNotice
from gongkai.applications.outcomes import Outcome
from gongkai.applications.rules import fees as rules
from gongkai.applications.selectors import application_calendar
from gongkai.applications.services import (
    _TRACKED,
    ApplicationError,
    _check,
    _commit,
    _conclude,
    _lock,
    _not_before_receipt,
    _require,
    _snapshot,
    attachment_accepted,
)
from gongkai.applications.status import Status
from gongkai.core.errors import InvalidState

#: Statuses in which a fee notice may be sent: the case is being worked on.
NOTICE_STATUSES = frozenset({Status.IN_PROGRESS, Status.CONSULTING, Status.EXTENDED})


def _refuse_unless_handler(actor: User, application: Application) -> None:
    _require(
        permissions.can_handle(actor, application),
        f"您不能办理申请「{application.tracking_number}」的收费事项：只有公开办或承办单位可以办理",
    )


def _notice_of(application: Application) -> FeeNotice:
    notice = FeeNotice.objects.select_for_update().filter(application=application)
    found = notice.first()
    if found is None:
        raise InvalidState("该申请没有发出收费通知：请先发出收费通知")
    return found


# -- the running count of 按件计收 ---------------------------------------------------
def application_items_before_in_month(*, application: Application) -> int:
    """Items of the same applicant's earlier applications to the same organ in the
    calendar month of receipt (rules.fees.items_before_in_month)."""
    received = application.received_on
    earlier = (
        Application.objects.filter(
            organisation_id=application.organisation_id,
            id_number=application.id_number,
            received_on__year=received.year,
            received_on__month=received.month,
            received_on__lte=received,
        )
        .exclude(pk=application.pk)
        .filter(Q(received_on__lt=received) | Q(pk__lt=application.pk))
        .prefetch_related("items")
        .select_related("fee_notice")
    )
    pairs: list[tuple[date, int]] = []
    for other in earlier:
        notice = getattr(other, "fee_notice", None)
        if notice is not None and notice.method == rules.FeeMethod.PER_ITEM:
            pairs.append((other.received_on, notice.quantity))
        else:
            pairs.append((other.received_on, len(other.items.all())))
    return rules.items_before_in_month(earlier=pairs, received_on=received)


def application_fee_compute(
    *, application: Application, method: str, quantity: int
) -> tuple[rules.Fee, int]:
    """The fee by ``method`` (``per_item``: ``quantity`` items; ``per_page``:
    ``quantity`` pages) and the items already counted this month."""
    if method not in {m.value for m in rules.FeeMethod}:
        raise ApplicationError("计收方式无效：请选择按件计收或按量计收（第三条）")
    if quantity < 1:
        raise ApplicationError(
            f"件数或页数应至少为1，现为{quantity}：请填写本申请拆分的件数或提供信息的页数"
        )
    if quantity > MAX_QUANTITY:
        raise rules.FeeInputError(
            f"件数或页数 {quantity} 超过 {MAX_QUANTITY}：请核对；"
            "如确属大量申请，应依第三十五条处理"
        )
    before = 0
    if method == rules.FeeMethod.PER_ITEM:
        before = application_items_before_in_month(application=application)
        fee = rules.application_fee(
            method=method, items=quantity, items_before_in_month=before
        )
    else:
        fee = rules.application_fee(method=method, pages=quantity)
    if fee.amount >= MAX_AMOUNT:
        raise rules.FeeInputError(
            f"按所填件数或页数计算的费用 {fee.amount} 元超出可记录的金额：请核对件数或页数"
        )
    return fee, before


#: Bounds of a fee notice: a quantity no application comes near, and what the
#: amount column holds (PostgreSQL refuses more).
MAX_QUANTITY = 100_000
_AMOUNT = FeeNotice._meta.get_field("amount")
MAX_AMOUNT = Decimal(10) ** (_AMOUNT.max_digits - _AMOUNT.decimal_places)


def _lines(fee: rules.Fee) -> list[dict[str, Any]]:
    return [
        {
            "first": line.first,
            "last": line.last,
            "count": line.count,
            "rate": str(line.rate),
            "amount": str(line.amount),
        }
        for line in fee.lines
    ]


# -- the services --------------------------------------------------------------------
@transaction.atomic
def application_fee_notice(
    *,
    application: Application,
    actor: User,
    method: str,
    quantity: int,
    sent_on: date,
    received_on: date,
) -> FeeNotice:
    """Send the fee notice (收费通知): the amount by one method, the lines, and the
    payment deadline (20 working days after the applicant received it)."""
    application = _lock(application)
    _refuse_unless_handler(actor, application)
    if application.status not in NOTICE_STATUSES:
        raise InvalidState(
            f"申请当前状态为「{Status(application.status).label}」：收费通知应在办理期间"
            "（办理中、征求意见中或已延期）发出"
        )
    if FeeNotice.objects.filter(application=application).exists():
        raise InvalidState(
            "该申请已经发出收费通知：每件申请只收费一次，只能选择一种计收方式（第三条）"
        )
    _not_before_receipt(application, sent_on, "发出收费通知")
    if received_on < sent_on:
        raise ApplicationError(
            f"申请人收到通知的日期 {received_on.isoformat()} 早于发出日期 "
            f"{sent_on.isoformat()}：请核对日期"
        )
    fee, before_in_month = application_fee_compute(
        application=application, method=method, quantity=quantity
    )
    calendar = application_calendar(
        organisation=application.organisation, today=received_on
    )
    facts = rules.fee_notice_facts(
        fee=fee,
        notice_received_on=received_on,
        add_working_days=calendar.add_working_days,
    )
    note = facts.basis
    if application.due_on is not None and sent_on > application.due_on:
        note += (
            f"；收费通知于 {sent_on.isoformat()} 发出，晚于答复期限 "
            f"{application.due_on.isoformat()}（收费通知应在答复期限内发出）"
        )
    before = _snapshot(application, _TRACKED)
    notice = FeeNotice.objects.create(
        application=application,
        method=fee.method.value,
        quantity=quantity,
        items_before_in_month=before_in_month,
        amount=fee.amount,
        lines=_lines(fee),
        sent_on=sent_on,
        received_on=received_on,
        pay_by=facts.pay_by,
    )
    _commit(
        application,
        before,
        kind="fee_notice_sent",
        actor=actor,
        on=sent_on,
        note=note,
        extra={
            "method": fee.method.value,
            "quantity": quantity,
            "items_before_in_month": before_in_month,
            "amount": str(fee.amount),
            "pay_by": facts.pay_by.isoformat(),
        },
        notify=f"{application.tracking_number}：已发出收费通知，应缴 {fee.amount} 元",
    )
    return notice


@transaction.atomic
def application_fee_paid(
    *,
    application: Application,
    actor: User,
    paid_on: date,
    amount: Decimal,
    receipt_file: File[Any] | None = None,
) -> FeeNotice:
    """Record the payment (with the receipt, a PDF or image checked by content)."""
    application = _lock(application)
    _refuse_unless_handler(actor, application)
    notice = _notice_of(application)
    if notice.paid_on is not None:
        raise InvalidState(f"已于 {notice.paid_on.isoformat()} 记录缴费，不能重复记录")
    if notice.lapsed_on is not None:
        raise InvalidState("该申请已按逾期未缴费办结，不能再记录缴费")
    if paid_on < notice.sent_on:
        raise ApplicationError(
            f"缴费日期 {paid_on.isoformat()} 早于发出收费通知的日期 "
            f"{notice.sent_on.isoformat()}：请核对日期"
        )
    if paid_on > notice.pay_by:
        raise ApplicationError(
            f"缴费日期 {paid_on.isoformat()} 晚于缴费期限 {notice.pay_by.isoformat()}："
            "逾期未缴费视为放弃申请，请办理「逾期未缴费」并退还款项"
        )
    if amount != notice.amount:
        raise ApplicationError(
            f"实缴金额 {amount} 元与收费通知的应缴金额 {notice.amount} 元不一致："
            "请核对缴费凭证"
        )
    if receipt_file is not None:
        name, data = attachment_accepted(receipt_file)
        notice.receipt.save(name or "receipt", ContentFile(data), save=False)
    before = _snapshot(application, _TRACKED)
    notice.paid_on = paid_on
    notice.paid_amount = amount
    notice.save()
    _commit(
        application,
        before,
        kind="fee_paid",
        actor=actor,
        on=paid_on,
        extra={"amount": str(amount), "receipt": bool(notice.receipt)},
        notify=f"{application.tracking_number}：申请人已缴费 {amount} 元",
    )
    return notice


@transaction.atomic
def application_fee_lapsed(
    *, application: Application, actor: User, on: date
) -> Application:
    """Not paid by the deadline: deemed abandoned, concluded as 其他处理 2
    (``other_fee_unpaid``)."""
    application = _lock(application)
    _refuse_unless_handler(actor, application)
    notice = _notice_of(application)
    if notice.paid_on is not None:
        raise InvalidState(
            f"申请人已于 {notice.paid_on.isoformat()} 缴费，不能按逾期未缴费办理"
        )
    _check(application, Status.ABANDONED)
    if on <= notice.pay_by:
        raise ApplicationError(
            f"缴费期限 {notice.pay_by.isoformat()} 尚未届满，不能视为放弃申请："
            "请在期限届满后办理"
        )
    before = _snapshot(application, _TRACKED)
    notice.lapsed_on = on
    notice.save(update_fields=["lapsed_on", "updated_at"])
    application.status = Status.ABANDONED
    _conclude(application, outcome=Outcome.OTHER_FEE_UNPAID, on=on)
    return _commit(
        application,
        before,
        kind="fee_lapsed",
        actor=actor,
        on=on,
        extra={"pay_by": notice.pay_by.isoformat()},
    )


# -- the year's income (read by the annual report) ----------------------------------
def fee_notices_paid_in(*, organisation_ids: Collection[int], year: int) -> list[int]:
    """Ids of the fee notices paid in ``year`` for cases addressed to the organs."""
    return list(
        FeeNotice.objects.filter(
            application__organisation_id__in=list(organisation_ids),
            paid_on__year=year,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def fee_income_yuan(*, organisation_ids: Collection[int], year: int) -> Decimal:
    """The fees paid in ``year`` (by payment date) for cases addressed to the
    organs, in 元 (one query)."""
    total = FeeNotice.objects.filter(
        application__organisation_id__in=list(organisation_ids),
        paid_on__year=year,
    ).aggregate(total=Sum("paid_amount"))["total"]
    return Decimal(total or 0).quantize(Decimal("0.01"))
