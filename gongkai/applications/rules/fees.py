"""Information-processing fees: 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号), domain-spec §3.

Pure code: amounts are ``Decimal`` yuan; dates come in; the working-day arithmetic is
passed in as ``add_working_days`` (the deadline engine's), so nothing here imports
Django or reads the clock.

- 按件计收 (art. 3, §3.2): items of the same applicant to the same organ are counted
  cumulatively within one calendar month; items 1–10 are free, 11–30 cost 100 元
  each, and from 31 on every band of 10 items costs 100 元 more per item (31–40:
  200, 41–50: 300, …). An application's fee is the sum of the rates of the items it
  adds to the month's running count (超额累进).
- 按量计收 (art. 3, §3.3): pages 1–30 free, 31–100 10 元/page, 101–200 20 元/page,
  201 and above 40 元/page, progressive.
- One method per application (art. 3): :func:`application_fee` takes exactly one.
- Fee notice (§3.4): the applicant pays within 20 working days from the day after
  receiving the notice; non-payment is deemed abandonment, counted in the report
  as 三(六)2 (:data:`NON_PAYMENT_OUTCOME`).

Careful clerk's readings of the UNVERIFIED points (domain-spec §3.3, §3.4, §7.2):

- :data:`PAGE_TIERS_PER_APPLICATION` = True: the page tiers apply to each application
  on its own (the visible text has no "same applicant per month" qualifier; counting
  per application never charges more than the text plainly allows).
- :data:`SAME_APPLICANT_KEY` = "identity_number": the running item count is kept per
  identity document number (or credit code) of the named applicant; joint filings
  and agents are not merged with other applicants' counts (never charges a person
  for someone else's items).
- :data:`ELECTRONIC_PAGE_CONVERSION` = None: no conversion rule for electronic data is
  assumed; the clerk enters the number of pages (as printed on A4) and the notice
  states it, so the applicant can contest the count.
- :data:`AUTOMATIC_EXEMPTIONS` = (): no exemption or reduction is applied
  automatically; a reduction is a recorded decision, not a computation here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Final

from gongkai.applications.outcomes import Outcome
from gongkai.core.errors import DomainError

FEE_MEASURES: Final = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
ZERO: Final = Decimal("0.00")

#: 按件计收: items up to this running number in the month are free.
PER_ITEM_FREE_ITEMS: Final = 10
#: Items 11–30 cost this much each.
PER_ITEM_FIRST_RATE: Final = Decimal("100.00")
PER_ITEM_FIRST_BAND_LAST: Final = 30
#: From item 31: bands of 10 items, each band 100 元/item dearer than the one before.
PER_ITEM_BAND_SIZE: Final = 10
PER_ITEM_BAND_STEP: Final = Decimal("100.00")

#: 按量计收: (first page, last page or None, rate per page).
PER_PAGE_TIERS: Final[tuple[tuple[int, int | None, Decimal], ...]] = (
    (1, 30, Decimal("0.00")),
    (31, 100, Decimal("10.00")),
    (101, 200, Decimal("20.00")),
    (201, None, Decimal("40.00")),
)

PAGE_TIERS_PER_APPLICATION: Final = True
SAME_APPLICANT_KEY: Final = "identity_number"
ELECTRONIC_PAGE_CONVERSION: Final[Decimal | None] = None
AUTOMATIC_EXEMPTIONS: Final[tuple[str, ...]] = ()

#: Working days the applicant has to pay, from the day after receiving the notice.
PAYMENT_PERIOD_WORKING_DAYS: Final = 20
#: The outcome of non-payment: 三（六）其他处理 row 2 (the report side maps the code
#: to its cell).
NON_PAYMENT_OUTCOME: Final = Outcome.OTHER_FEE_UNPAID.value
#: The row's label as the national format writes it (a test compares it with the format).
NON_PAYMENT_OUTCOME_LABEL: Final = (
    "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
)


class FeeMethod(StrEnum):
    PER_ITEM = "per_item"
    PER_PAGE = "per_page"


FEE_METHOD_LABELS: Final = {
    FeeMethod.PER_ITEM: "按件计收",
    FeeMethod.PER_PAGE: "按量计收",
}


class FeeInputError(DomainError):
    code = "applications.fee_input"


@dataclass(frozen=True)
class FeeLine:
    """A run of items (or pages) charged at one rate."""

    first: int
    last: int
    rate: Decimal

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    @property
    def amount(self) -> Decimal:
        return self.rate * self.count


@dataclass(frozen=True)
class Fee:
    method: FeeMethod
    lines: tuple[FeeLine, ...]

    @property
    def amount(self) -> Decimal:
        return sum((line.amount for line in self.lines), ZERO)

    @property
    def chargeable(self) -> bool:
        return self.amount > 0


def per_item_rate(n: int) -> Decimal:
    """Rate of the ``n``-th item (1-based) of the applicant's month."""
    if n < 1:
        raise FeeInputError(f"件数序号应从1开始，现为{n}")
    if n <= PER_ITEM_FREE_ITEMS:
        return ZERO
    if n <= PER_ITEM_FIRST_BAND_LAST:
        return PER_ITEM_FIRST_RATE
    band = (n - PER_ITEM_FIRST_BAND_LAST - 1) // PER_ITEM_BAND_SIZE + 1
    return PER_ITEM_FIRST_RATE + PER_ITEM_BAND_STEP * band


def per_page_rate(page: int) -> Decimal:
    for first, last, rate in PER_PAGE_TIERS:
        if page >= first and (last is None or page <= last):
            return rate
    raise FeeInputError(f"页码应从1开始，现为{page}")


def _runs(
    first: int, last: int, rate_of: Callable[[int], Decimal]
) -> tuple[FeeLine, ...]:
    lines: list[FeeLine] = []
    for n in range(first, last + 1):
        rate = rate_of(n)
        if lines and lines[-1].rate == rate:
            lines[-1] = FeeLine(lines[-1].first, n, rate)
        else:
            lines.append(FeeLine(n, n, rate))
    return tuple(lines)


def per_item_fee(*, items_before_in_month: int, items: int) -> Fee:
    """按件计收: ``items`` new items after ``items_before_in_month`` this month."""
    if items_before_in_month < 0:
        raise FeeInputError(
            f"本月此前已申请件数不能为负数，现为{items_before_in_month}"
        )
    if items < 1:
        raise FeeInputError(f"本申请的件数至少为1件，现为{items}")
    first = items_before_in_month + 1
    return Fee(FeeMethod.PER_ITEM, _runs(first, first + items - 1, per_item_rate))


def per_page_fee(*, pages: int) -> Fee:
    """按量计收: the pages of one application (:data:`PAGE_TIERS_PER_APPLICATION`)."""
    if pages < 0:
        raise FeeInputError(f"页数不能为负数，现为{pages}")
    return Fee(FeeMethod.PER_PAGE, _runs(1, pages, per_page_rate))


def items_before_in_month(
    *, earlier: Iterable[tuple[date, int]], received_on: date
) -> int:
    """Running count: items of the same applicant's earlier applications to the same
    organ (``(received_on, items)`` pairs) in the calendar month of ``received_on``."""
    return sum(
        items
        for day, items in earlier
        if (day.year, day.month) == (received_on.year, received_on.month)
        and day <= received_on
    )


def application_fee(
    *,
    method: FeeMethod | str,
    items: int | None = None,
    items_before_in_month: int = 0,
    pages: int | None = None,
) -> Fee:
    """The fee of one application by exactly one method (art. 3: never both)."""
    m = FeeMethod(method)
    if m is FeeMethod.PER_ITEM:
        if pages is not None:
            raise FeeInputError("按件计收时不应填写页数：每件申请只能选择一种计收方式")
        if items is None:
            raise FeeInputError("按件计收需要填写本申请拆分的件数")
        return per_item_fee(items_before_in_month=items_before_in_month, items=items)
    if items is not None:
        raise FeeInputError("按量计收时不应填写件数：每件申请只能选择一种计收方式")
    if pages is None:
        raise FeeInputError("按量计收需要填写本申请提供信息的页数")
    return per_page_fee(pages=pages)


@dataclass(frozen=True)
class FeeNoticeFacts:
    """What a fee notice (收费通知) states and what follows from it."""

    fee: Fee
    basis: str
    notice_received_on: date
    payment_period_working_days: int
    pay_by: date
    non_payment_outcome: str
    non_payment_outcome_label: str

    @property
    def method_label(self) -> str:
        return FEE_METHOD_LABELS[self.fee.method]


def fee_notice_facts(
    *,
    fee: Fee,
    notice_received_on: date,
    add_working_days: Callable[[date, int], date],
) -> FeeNoticeFacts:
    """Facts of the notice: ``pay_by`` is 20 working days counted from the day after
    the notice is received (``add_working_days(start, n)`` does not count ``start``)."""
    if not fee.chargeable:
        raise FeeInputError("本申请按所选方式计算的费用为0元，无需发出收费通知")
    return FeeNoticeFacts(
        fee=fee,
        basis=f"{FEE_MEASURES}第三条（{FEE_METHOD_LABELS[fee.method]}）",
        notice_received_on=notice_received_on,
        payment_period_working_days=PAYMENT_PERIOD_WORKING_DAYS,
        pay_by=add_working_days(notice_received_on, PAYMENT_PERIOD_WORKING_DAYS),
        non_payment_outcome=NON_PAYMENT_OUTCOME,
        non_payment_outcome_label=NON_PAYMENT_OUTCOME_LABEL,
    )
