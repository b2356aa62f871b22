"""Statutory periods, dated by when they take effect.

These are law, not deployment settings: a period changes only when the law does, and
a case is measured by the version in force on the day its clock starts (its receipt
date, the day the information was formed, the day a notice was received).  Each
version names its article so that a letter or an audit line can cite it.

Sources (see ``/shared/domain-spec.md`` §1.2, §1.5, §1.7, §1.8, §3.4):

- 《中华人民共和国政府信息公开条例》 (国务院令第711号), in force 2019-05-15;
  the original Decree 第492号 was in force 2008-05-01 – 2019-05-14 (its art. 24 gave
  15 working days to reply and at most 15 more on extension).
- 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号), in force 2021-01-01.
- 《全国年节及纪念日放假办法》 (2024 revision), in force 2025-01-01: the statutory
  holidays the provisional calendar is computed from (see ``provisional.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from gongkai.deadlines.errors import DeadlineError


class PeriodKind(StrEnum):
    REPLY = "reply"  # 答复期限
    EXTENSION_MAX = "extension_max"  # 延长答复期限的上限
    CORRECTION_NOTICE = "correction_notice"  # 一次性告知补正的期限
    CONSULTATION_ANSWER = "consultation_answer"  # 第三方/其他机关提出意见的期限
    PROACTIVE_DISCLOSURE = "proactive_disclosure"  # 主动公开的期限
    FEE_PAYMENT = "fee_payment"  # 缴纳信息处理费的期限


KIND_LABELS: dict[PeriodKind, str] = {
    PeriodKind.REPLY: "答复期限",
    PeriodKind.EXTENSION_MAX: "延长答复期限",
    PeriodKind.CORRECTION_NOTICE: "补正告知期限",
    PeriodKind.CONSULTATION_ANSWER: "征求意见答复期限",
    PeriodKind.PROACTIVE_DISCLOSURE: "主动公开期限",
    PeriodKind.FEE_PAYMENT: "缴纳信息处理费期限",
}


@dataclass(frozen=True)
class Period:
    """A period of working days laid down by law, in force from ``in_force_from``."""

    kind: PeriodKind
    working_days: int
    article: str
    in_force_from: date
    label: str


REGULATION_2008 = date(2008, 5, 1)  # 国务院令第492号
REGULATION_2019 = date(2019, 5, 15)  # 国务院令第711号
FEE_MEASURES = date(2021, 1, 1)  # 国办函〔2020〕109号

PERIODS: tuple[Period, ...] = (
    Period(
        PeriodKind.REPLY,
        15,
        "《政府信息公开条例》（国务院令第492号）第二十四条第二款",
        REGULATION_2008,
        "答复期限",
    ),
    Period(
        PeriodKind.REPLY,
        20,
        "《政府信息公开条例》第三十三条第二款",
        REGULATION_2019,
        "答复期限",
    ),
    Period(
        PeriodKind.EXTENSION_MAX,
        15,
        "《政府信息公开条例》（国务院令第492号）第二十四条第二款",
        REGULATION_2008,
        "延长答复期限最长",
    ),
    Period(
        PeriodKind.EXTENSION_MAX,
        20,
        "《政府信息公开条例》第三十三条第二款",
        REGULATION_2019,
        "延长答复期限最长",
    ),
    Period(
        PeriodKind.CORRECTION_NOTICE,
        7,
        "《政府信息公开条例》第三十条",
        REGULATION_2019,
        "一次性告知补正",
    ),
    Period(
        PeriodKind.CONSULTATION_ANSWER,
        15,
        "《政府信息公开条例》第三十二条、第三十四条",
        REGULATION_2019,
        "第三方或其他机关提出意见",
    ),
    Period(
        PeriodKind.PROACTIVE_DISCLOSURE,
        20,
        "《政府信息公开条例》第二十六条",
        REGULATION_2019,
        "主动公开",
    ),
    Period(
        PeriodKind.FEE_PAYMENT,
        20,
        "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
        FEE_MEASURES,
        "缴纳信息处理费",
    ),
)


def _latest() -> dict[PeriodKind, Period]:
    latest: dict[PeriodKind, Period] = {}
    for p in PERIODS:
        if p.kind not in latest or p.in_force_from > latest[p.kind].in_force_from:
            latest[p.kind] = p
    return latest


_LATEST = _latest()


def period(kind: PeriodKind, *, on: date) -> Period:
    """The version of ``kind`` in force on ``on`` (the day its clock starts)."""
    latest = _LATEST[kind]
    if on >= latest.in_force_from:  # the usual case, without a search
        return latest
    in_force = [p for p in PERIODS if p.kind == kind and p.in_force_from <= on]
    found = max(in_force, key=lambda p: p.in_force_from, default=None)
    if found is None:
        raise DeadlineError(
            f"{on.isoformat()} 时尚无关于{KIND_LABELS[kind]}的规定：本系统只计算"
            f"{REGULATION_2008.isoformat()}（《政府信息公开条例》施行）以后的期限"
        )
    return found


# UNVERIFIED in the spec (§2.3, §7.1): whether the time the applicant takes to pay
# the information-processing fee stops the reply clock.  The careful clerk's reading,
# the one that can never make the office late, is that it does NOT: the reply is due
# on the date computed without the fee period, and the fee notice only opens the
# applicant's own 20-working-day payment period (non-payment = abandoned).  An office
# whose legal adviser reads the Fee Measures otherwise passes
# ``fee_wait_stops_clock=True`` to the engine.
FEE_WAIT_STOPS_CLOCK = False

# UNVERIFIED in the spec (§2.3): the consultation window that is not counted.  The
# careful clerk's reading counts as excluded the working days after the day the
# letter is sent up to and including the day the answer arrives, and never more than
# the consulted party's own 15 working days counted from the day the letter was sent
# (the party's period runs from its receipt, which is not earlier, so this cap is the
# shorter one).
