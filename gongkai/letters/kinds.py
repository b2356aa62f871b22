"""The kinds of letter an organ issues on a disclosure application (domain-spec §6):
one reply per outcome of ``applications.outcomes.Outcome`` (the kind's code is the
outcome's code), the 非本机关 reply of 第三十六条第（五）项, and the notices."""

from __future__ import annotations

from typing import Final

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.applications.models import Application
from gongkai.applications.outcomes import Outcome


class LetterKind(models.TextChoices):
    # notices
    RECEIPT = "receipt", _("接收回执")
    CORRECTION = "correction", _("补正告知书")
    EXTENSION = "extension", _("延期答复告知书")
    CONSULTATION = "consultation", _("征求第三方意见书")
    FEE = "fee", _("收费通知书")
    NOT_THIS_ORGAN = "not_this_organ", _("非本机关政府信息告知书")
    # replies: one per outcome (same codes)
    DISCLOSED = Outcome.DISCLOSED.value, _("答复书：予以公开")
    PARTLY_DISCLOSED = Outcome.PARTLY_DISCLOSED.value, _("答复书：部分公开")
    WITHHELD_STATE_SECRET = (
        Outcome.WITHHELD_STATE_SECRET.value,
        _("答复书：不予公开（国家秘密）"),
    )
    WITHHELD_PROHIBITED_BY_LAW = (
        Outcome.WITHHELD_PROHIBITED_BY_LAW.value,
        _("答复书：不予公开（法律行政法规禁止公开）"),
    )
    WITHHELD_THREE_SECURITIES_ONE_STABILITY = (
        Outcome.WITHHELD_THREE_SECURITIES_ONE_STABILITY.value,
        _("答复书：不予公开（危及“三安全一稳定”）"),
    )
    WITHHELD_THIRD_PARTY_INTERESTS = (
        Outcome.WITHHELD_THIRD_PARTY_INTERESTS.value,
        _("答复书：不予公开（保护第三方合法权益）"),
    )
    WITHHELD_INTERNAL_AFFAIRS = (
        Outcome.WITHHELD_INTERNAL_AFFAIRS.value,
        _("答复书：不予公开（内部事务信息）"),
    )
    WITHHELD_PROCESS_INFORMATION = (
        Outcome.WITHHELD_PROCESS_INFORMATION.value,
        _("答复书：不予公开（过程性信息）"),
    )
    WITHHELD_LAW_ENFORCEMENT_FILE = (
        Outcome.WITHHELD_LAW_ENFORCEMENT_FILE.value,
        _("答复书：不予公开（行政执法案卷）"),
    )
    WITHHELD_INQUIRY_MATTER = (
        Outcome.WITHHELD_INQUIRY_MATTER.value,
        _("答复书：不予公开（行政查询事项）"),
    )
    UNABLE_NOT_HELD = Outcome.UNABLE_NOT_HELD.value, _("答复书：政府信息不存在")
    UNABLE_NEEDS_CREATION = (
        Outcome.UNABLE_NEEDS_CREATION.value,
        _("答复书：需要另行制作（不予提供）"),
    )
    UNABLE_UNCLEAR_AFTER_CORRECTION = (
        Outcome.UNABLE_UNCLEAR_AFTER_CORRECTION.value,
        _("答复书：补正后仍不明确"),
    )
    NOT_PROCESSED_PETITION_OR_COMPLAINT = (
        Outcome.NOT_PROCESSED_PETITION_OR_COMPLAINT.value,
        _("答复书：不作为政府信息公开申请处理（信访举报投诉）"),
    )
    NOT_PROCESSED_REPEATED = (
        Outcome.NOT_PROCESSED_REPEATED.value,
        _("答复书：不予重复处理"),
    )
    NOT_PROCESSED_PUBLICATION = (
        Outcome.NOT_PROCESSED_PUBLICATION.value,
        _("答复书：公开出版物"),
    )
    NOT_PROCESSED_EXCESSIVE = (
        Outcome.NOT_PROCESSED_EXCESSIVE.value,
        _("答复书：不予处理（大量反复申请）"),
    )
    NOT_PROCESSED_CONFIRMATION = (
        Outcome.NOT_PROCESSED_CONFIRMATION.value,
        _("答复书：不予处理（要求确认或重新出具）"),
    )
    OTHER_NO_CORRECTION = (
        Outcome.OTHER_NO_CORRECTION.value,
        _("告知书：逾期未补正，不再处理"),
    )
    OTHER_FEE_UNPAID = Outcome.OTHER_FEE_UNPAID.value, _("告知书：逾期未缴费，不再处理")
    OTHER = Outcome.OTHER.value, _("告知书：其他处理")


NOTICE_KINDS: Final = frozenset(
    {
        LetterKind.RECEIPT,
        LetterKind.CORRECTION,
        LetterKind.EXTENSION,
        LetterKind.CONSULTATION,
        LetterKind.FEE,
    }
)
#: Letters that decide the application (they carry the remedies clause).
DECISION_KINDS: Final = frozenset(LetterKind) - NOTICE_KINDS
#: Letters addressed to someone other than the applicant (not shown to them).
THIRD_PARTY_KINDS: Final = frozenset({LetterKind.CONSULTATION})


def reply_kind(application: Application) -> str:
    """The reply letter of a decided case: its outcome's, or 非本机关 when the case was
    answered (or transferred) as 第三十六条第（五）项 with the responsible organ named."""
    if not application.outcome:
        return ""
    if (
        application.outcome == Outcome.UNABLE_NOT_HELD
        and application.responsible_organ.strip()
    ):
        return LetterKind.NOT_THIS_ORGAN.value
    return str(application.outcome)


def kind_label(kind: str) -> str:
    try:
        return str(LetterKind(kind).label)
    except ValueError:
        return kind
