"""The year's information-processing fee income (国办函〔2020〕109号), for section 六.

The 2021 format (国办公开办函〔2021〕30号) has no table cell for this fee: section 六
(其他需要报告的事项) is narrative, and organs commonly report the fee income there
(domain-spec §4.1 [S]).  The only fee cell of the format, 第二十条第（八）项
行政事业性收费 本年收费金额（万元） in section 二, is the organ's whole
administrative fee income and stays typed (``registry``: "the fee stays typed"),
so this module does not register a collector: it computes the amount from the
payments and writes the sentence a clerk puts in section 六.

Unit: 万元 = 元 / 10 000, as ``Decimal`` (no float).  Rounded half up to
``GONGKAI_FEE_WAN_YUAN_PLACES`` decimals (default 4, i.e. to the 元: the format's
precision is UNVERIFIED, domain-spec §4.2; the fee tiers are whole 元, so 4
decimals lose nothing; the report's cells accept up to 6).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from django.conf import settings

from gongkai.annual_reports.values import FEE_MAX_DECIMALS
from gongkai.applications.fees import fee_income_yuan, fee_notices_paid_in

YUAN_PER_WAN: Final = Decimal(10_000)
DEFAULT_PLACES: Final = 4


def wan_yuan_places() -> int:
    places = int(getattr(settings, "GONGKAI_FEE_WAN_YUAN_PLACES", DEFAULT_PLACES))
    if not 0 <= places <= FEE_MAX_DECIMALS:
        raise ValueError(
            f"GONGKAI_FEE_WAN_YUAN_PLACES={places}：应为 0 至 {FEE_MAX_DECIMALS}"
        )
    return places


def to_wan_yuan(yuan: Decimal, *, places: int | None = None) -> Decimal:
    """元 → 万元, rounded half up to ``places`` decimals."""
    n = wan_yuan_places() if places is None else places
    return (yuan / YUAN_PER_WAN).quantize(Decimal(1).scaleb(-n), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class FeeIncome:
    year: int
    yuan: Decimal
    wan_yuan: Decimal
    notice_ids: tuple[int, ...]  # the payments it counts (traceable)

    @property
    def sentence(self) -> str:
        """The line for section 六."""
        if not self.notice_ids:
            return f"{self.year}年，本机关未收取政府信息公开信息处理费。"
        return (
            f"{self.year}年，本机关依据《政府信息公开信息处理费管理办法》"
            f"（国办函〔2020〕109号）收取信息处理费{len(self.notice_ids)}件，"
            f"共计{self.wan_yuan}万元（{self.yuan}元）。"
        )


def fee_income(*, organisation_ids: Collection[int], year: int) -> FeeIncome:
    """The fees paid in ``year`` (by payment date) for the organs' cases."""
    yuan = fee_income_yuan(organisation_ids=organisation_ids, year=year)
    ids = fee_notices_paid_in(organisation_ids=organisation_ids, year=year)
    return FeeIncome(year, yuan, to_wan_yuan(yuan), tuple(ids))
