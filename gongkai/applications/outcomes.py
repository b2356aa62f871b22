"""The plain codes an application is counted by: its outcome (one of the leaf rows of
section 三 of the annual report) and the applicant type (a column of section 三).

These are the same codes as ``annual_reports.statistics.outcomes`` (a test keeps the
two lists equal): the applications app never imports ``annual_reports``; the report
side maps the codes to cells.  ``basis`` is the article the outcome rests on
(domain-spec §4.3; the row assignment is practice, UNVERIFIED).
"""

from __future__ import annotations

from typing import Final

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicantType(models.TextChoices):
    NATURAL_PERSON = "natural_person", _("自然人")
    BUSINESS = "business", _("商业企业")
    RESEARCH = "research", _("科研机构")
    PUBLIC_INTEREST = "public_interest", _("社会公益组织")
    LEGAL_SERVICES = "legal_services", _("法律服务机构")
    OTHER_ORGANISATION = "other_organisation", _("其他法人或其他组织")


class Outcome(models.TextChoices):
    DISCLOSED = "disclosed", _("予以公开")
    PARTLY_DISCLOSED = "partly_disclosed", _("部分公开")
    WITHHELD_STATE_SECRET = "withheld_state_secret", _("不予公开：属于国家秘密")
    WITHHELD_PROHIBITED_BY_LAW = (
        "withheld_prohibited_by_law",
        _("不予公开：其他法律行政法规禁止公开"),
    )
    WITHHELD_THREE_SECURITIES_ONE_STABILITY = (
        "withheld_three_securities_one_stability",
        _("不予公开：危及“三安全一稳定”"),
    )
    WITHHELD_THIRD_PARTY_INTERESTS = (
        "withheld_third_party_interests",
        _("不予公开：保护第三方合法权益"),
    )
    WITHHELD_INTERNAL_AFFAIRS = (
        "withheld_internal_affairs",
        _("不予公开：属于三类内部事务信息"),
    )
    WITHHELD_PROCESS_INFORMATION = (
        "withheld_process_information",
        _("不予公开：属于四类过程性信息"),
    )
    WITHHELD_LAW_ENFORCEMENT_FILE = (
        "withheld_law_enforcement_file",
        _("不予公开：属于行政执法案卷"),
    )
    WITHHELD_INQUIRY_MATTER = "withheld_inquiry_matter", _("不予公开：属于行政查询事项")
    UNABLE_NOT_HELD = "unable_not_held", _("无法提供：本机关不掌握相关政府信息")
    UNABLE_NEEDS_CREATION = (
        "unable_needs_creation",
        _("无法提供：没有现成信息需要另行制作"),
    )
    UNABLE_UNCLEAR_AFTER_CORRECTION = (
        "unable_unclear_after_correction",
        _("无法提供：补正后申请内容仍不明确"),
    )
    NOT_PROCESSED_PETITION_OR_COMPLAINT = (
        "not_processed_petition_or_complaint",
        _("不予处理：信访举报投诉类申请"),
    )
    NOT_PROCESSED_REPEATED = "not_processed_repeated", _("不予处理：重复申请")
    NOT_PROCESSED_PUBLICATION = (
        "not_processed_publication",
        _("不予处理：要求提供公开出版物"),
    )
    NOT_PROCESSED_EXCESSIVE = (
        "not_processed_excessive",
        _("不予处理：无正当理由大量反复申请"),
    )
    NOT_PROCESSED_CONFIRMATION = (
        "not_processed_confirmation",
        _("不予处理：要求行政机关确认或重新出具已获取信息"),
    )
    OTHER_NO_CORRECTION = (
        "other_no_correction",
        _("其他处理：申请人无正当理由逾期不补正"),
    )
    OTHER_FEE_UNPAID = (
        "other_fee_unpaid",
        _("其他处理：申请人逾期未按收费通知要求缴纳费用"),
    )
    OTHER = "other", _("其他处理：其他")


#: The legal basis of each outcome (国务院令第711号 unless named).
BASIS: Final[dict[str, str]] = {
    Outcome.DISCLOSED: "第三十六条第（一）、（二）项",
    Outcome.PARTLY_DISCLOSED: "第三十七条",
    Outcome.WITHHELD_STATE_SECRET: "第十四条",
    Outcome.WITHHELD_PROHIBITED_BY_LAW: "第十四条",
    Outcome.WITHHELD_THREE_SECURITIES_ONE_STABILITY: "第十四条",
    Outcome.WITHHELD_THIRD_PARTY_INTERESTS: "第十五条；第三十二条（第三方不同意公开）",
    Outcome.WITHHELD_INTERNAL_AFFAIRS: "第十六条第一款",
    Outcome.WITHHELD_PROCESS_INFORMATION: "第十六条第二款（过程性信息）",
    Outcome.WITHHELD_LAW_ENFORCEMENT_FILE: "第十六条第二款（行政执法案卷）",
    Outcome.WITHHELD_INQUIRY_MATTER: "第三十六条第（七）项",
    Outcome.UNABLE_NOT_HELD: "第三十六条第（四）、（五）项",
    Outcome.UNABLE_NEEDS_CREATION: "第三十八条",
    Outcome.UNABLE_UNCLEAR_AFTER_CORRECTION: "第三十条",
    Outcome.NOT_PROCESSED_PETITION_OR_COMPLAINT: "第三十九条第一款",
    Outcome.NOT_PROCESSED_REPEATED: "第三十六条第（六）项",
    Outcome.NOT_PROCESSED_PUBLICATION: "第三十九条第二款",
    Outcome.NOT_PROCESSED_EXCESSIVE: "第三十五条",
    Outcome.NOT_PROCESSED_CONFIRMATION: "",
    Outcome.OTHER_NO_CORRECTION: "第三十条",
    Outcome.OTHER_FEE_UNPAID: "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
    Outcome.OTHER: "",
}

#: Grounds an item of a 部分公开 decision may be withheld on: the 不予公开 rows and
#: 无法提供 1/2 (e.g. a part the organ does not hold).
WITHHOLDING_GROUNDS: Final = frozenset(
    o for o in Outcome.values if o.startswith(("withheld_", "unable_not_held"))
) | {Outcome.UNABLE_NEEDS_CREATION.value}

#: The report's rows besides the outcomes, for ``application_ids_for_cell``.
ROW_NEW: Final = "new"  # 一、本年新收
ROW_CARRIED_OVER: Final = "carried_over"  # 二、上年结转
ROW_CARRIED_FORWARD: Final = "carried_forward"  # 四、结转下年度继续办理
