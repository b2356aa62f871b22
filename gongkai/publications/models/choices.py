"""The legal vocabularies of an information item (labels exact)."""

from __future__ import annotations

from typing import Final

from django.db import models
from django.utils.translation import gettext_lazy as _


class NormativeKind(models.TextChoices):
    """The documents of 第二十条第（一）项 counted in section 二 of the report."""

    NONE = "", _("其他文件")
    RULE = "rule", _("规章")
    NORMATIVE = "normative", _("行政规范性文件")


class Validity(models.TextChoices):
    VALID = "valid", _("有效")
    LAPSED = "lapsed", _("失效")
    REPEALED = "repealed", _("废止")


class Disclosure(models.TextChoices):
    PROACTIVE = "proactive", _("主动公开")
    ON_REQUEST = "on_request", _("依申请公开")
    WITHHELD = "withheld", _("不予公开")


class WithheldGround(models.TextChoices):
    """The grounds of 第十四条至第十六条 (domain-spec §1.3)."""

    STATE_SECRET = "state_secret", _("属于国家秘密（第十四条）")
    LAW_PROHIBITS = "law_prohibits", _("法律、行政法规禁止公开（第十四条）")
    SECURITY_STABILITY = (
        "security_stability",
        _("危及“三安全一稳定”（第十四条）"),
    )
    THIRD_PARTY = "third_party", _("涉及商业秘密、个人隐私等第三方合法权益（第十五条）")
    INTERNAL_AFFAIRS = "internal_affairs", _("属于三类内部事务信息（第十六条第一款）")
    PROCESS_INFORMATION = (
        "process_information",
        _("属于四类过程性信息（第十六条第二款）"),
    )
    ENFORCEMENT_FILES = "enforcement_files", _("属于行政执法案卷（第十六条第二款）")


class Channel(models.TextChoices):
    WEBSITE = "website", _("政府网站")
    WEIBO = "weibo", _("政务微博")
    WECHAT = "wechat", _("政务微信")
    OTHER = "other", _("其他")


class Source(models.TextChoices):
    ENTERED = "entered", _("系统内起草")
    IMPORTED = "imported", _("导入")


class InterpretationKind(models.TextChoices):
    TEXT = "text", _("文字解读")
    GRAPHIC = "graphic", _("图解")
    VIDEO = "video", _("视频解读")


class Answer(models.TextChoices):
    YES = "yes", _("是")
    NO = "no", _("否")


#: The fifteen kinds of official document of 《党政机关公文处理工作条例》 第八条, plus
#: 其他: suggestions for 体裁 (the field is free text, imports bring their own).
GENRES: Final = (
    "决议",
    "决定",
    "命令（令）",
    "公报",
    "公告",
    "通告",
    "意见",
    "通知",
    "通报",
    "报告",
    "请示",
    "批复",
    "议案",
    "函",
    "纪要",
    "其他",
)
