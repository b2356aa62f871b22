"""Is an application complete and clear? 第二十九条 (domain-spec §1.4).

:func:`check_application_content` lists **every** problem at once, because a 补正
notice may be sent only once and must list everything to correct (第三十条). Each
problem names the field (and item), has a stable code and a Chinese message.

Required by 第二十九条: (一) the applicant's name, identity proof and contact details;
(二) the name, 文号 or another identifying description of the information sought;
(三) the form wanted, including the method and channel of obtaining it.

Pure code: no Django; the caller maps form or API input onto :class:`ApplicationContent`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Final

from gongkai.applications.rules.identity import (
    IDENTITY_TYPE_LABELS,
    IdentityType,
    check_identity,
)


class ApplicantKind(StrEnum):
    NATURAL_PERSON = "natural_person"
    ORGANISATION = "organisation"


class InformationForm(StrEnum):
    PAPER = "paper"
    ELECTRONIC = "electronic"
    INSPECTION = "inspection"


class DeliveryChannel(StrEnum):
    PICKUP = "pickup"
    POST = "post"
    EMAIL = "email"
    ONLINE = "online"


FORM_LABELS: Final = {
    InformationForm.PAPER: "纸质",
    InformationForm.ELECTRONIC: "电子",
    InformationForm.INSPECTION: "查阅",
}
DELIVERY_LABELS: Final = {
    DeliveryChannel.PICKUP: "自取",
    DeliveryChannel.POST: "邮寄",
    DeliveryChannel.EMAIL: "电子邮件",
    DeliveryChannel.ONLINE: "在线",
}
#: Delivery channels that can carry each form; other pairs contradict each other.
COMPATIBLE_CHANNELS: Final = {
    InformationForm.PAPER: frozenset({DeliveryChannel.PICKUP, DeliveryChannel.POST}),
    InformationForm.ELECTRONIC: frozenset(DeliveryChannel),
    InformationForm.INSPECTION: frozenset({DeliveryChannel.PICKUP}),
}
#: Identity documents a natural person may prove identity with; organisations use
#: the unified social credit code.
PERSON_DOCUMENTS: Final = frozenset(IdentityType) - {IdentityType.CREDIT_CODE}

#: A description shorter than this (ignoring spaces and punctuation) cannot identify
#: a document; one longer than MAX is refused so that nothing is cut off silently.
MIN_DESCRIPTION_CHARS: Final = 6
MAX_DESCRIPTION_CHARS: Final = 2000
MAX_NAME_CHARS: Final = 200
#: Descriptions made only of these words identify nothing (e.g. 「所有文件」).
VAGUE_WORDS: Final = (
    "所有",
    "全部",
    "一切",
    "相关",
    "有关",
    "文件",
    "信息",
    "资料",
    "材料",
    "的",
)

MOBILE_PATTERN: Final = re.compile(r"1[3-9]\d{9}")
LANDLINE_PATTERN: Final = re.compile(r"0\d{2,3}-?\d{7,8}(-\d{1,6})?")
EMAIL_PATTERN: Final = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass(frozen=True)
class RequestedItem:
    name: str = ""
    document_number: str = ""
    description: str = ""


@dataclass(frozen=True)
class ApplicationContent:
    applicant_kind: str = ""
    name: str = ""
    identity_type: str = ""
    identity_number: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    items: tuple[RequestedItem, ...] = field(default=())
    form: str = ""
    delivery: str = ""


@dataclass(frozen=True)
class ContentProblem:
    field: str
    code: str
    message: str
    #: 0-based index of the requested item, for item problems.
    item: int | None = None


def check_application_content(
    content: ApplicationContent, *, today: date | None = None
) -> list[ContentProblem]:
    """Every point the applicant must correct; an empty list means complete."""
    return [
        *_check_applicant(content, today),
        *_check_contact(content),
        *_check_items(content.items),
        *_check_form(content),
    ]


def _check_applicant(c: ApplicationContent, today: date | None) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    if c.applicant_kind not in set(ApplicantKind):
        problems.append(
            ContentProblem(
                "applicant_kind",
                "applicant_kind.missing",
                "请选择申请人类型：自然人或法人或其他组织",
            )
        )
    if not c.name.strip():
        label = "名称" if c.applicant_kind == ApplicantKind.ORGANISATION else "姓名"
        problems.append(ContentProblem("name", "name.missing", f"请填写申请人{label}"))
    elif len(c.name.strip()) > MAX_NAME_CHARS:
        problems.append(
            ContentProblem(
                "name",
                "name.too_long",
                f"申请人姓名或名称不能超过{MAX_NAME_CHARS}个字符",
            )
        )
    return problems + _check_identity_proof(c, today)


def _check_identity_proof(
    c: ApplicationContent, today: date | None
) -> list[ContentProblem]:
    if c.identity_type not in set(IdentityType):
        return [
            ContentProblem(
                "identity_type",
                "identity_type.missing",
                "请选择身份证明的证件类型（第二十九条：申请人应提供身份证明）",
            )
        ]
    kind = IdentityType(c.identity_type)
    if (
        c.applicant_kind == ApplicantKind.ORGANISATION
        and kind is not IdentityType.CREDIT_CODE
    ):
        return [
            ContentProblem(
                "identity_type",
                "identity_type.organisation",
                "法人或其他组织应提供统一社会信用代码作为身份证明",
            )
        ]
    if (
        c.applicant_kind == ApplicantKind.NATURAL_PERSON
        and kind not in PERSON_DOCUMENTS
    ):
        allowed = "、".join(
            IDENTITY_TYPE_LABELS[k] for k in IdentityType if k in PERSON_DOCUMENTS
        )
        return [
            ContentProblem(
                "identity_type",
                "identity_type.person",
                f"自然人应提供{allowed}之一作为身份证明",
            )
        ]
    return [
        ContentProblem("identity_number", p.code, p.message)
        for p in check_identity(kind, c.identity_number, today=today)
    ]


def _check_contact(c: ApplicationContent) -> list[ContentProblem]:
    phone, email, address = c.phone.strip(), c.email.strip(), c.address.strip()
    problems: list[ContentProblem] = []
    if not (phone or email or address):
        problems.append(
            ContentProblem(
                "contact",
                "contact.missing",
                "请至少填写一种联系方式：电话、电子邮箱或通信地址",
            )
        )
    if phone and not (
        MOBILE_PATTERN.fullmatch(phone.replace(" ", ""))
        or LANDLINE_PATTERN.fullmatch(phone.replace(" ", ""))
    ):
        problems.append(
            ContentProblem(
                "phone",
                "phone.format",
                f"电话号码「{phone}」格式不正确：手机号应为1开头的11位数字，固定电话如0371-12345678",
            )
        )
    if email and not EMAIL_PATTERN.fullmatch(email):
        problems.append(
            ContentProblem(
                "email",
                "email.format",
                f"电子邮箱「{email}」格式不正确，应如name@example.com",
            )
        )
    if c.delivery == DeliveryChannel.POST and not address:
        problems.append(
            ContentProblem(
                "address", "address.missing_for_post", "选择邮寄的，请填写通信地址"
            )
        )
    if c.delivery == DeliveryChannel.EMAIL and not email:
        problems.append(
            ContentProblem(
                "email", "email.missing_for_email", "选择电子邮件获取的，请填写电子邮箱"
            )
        )
    return problems


def _meaningful(text: str) -> str:
    return re.sub(r"[\s\W_]+", "", text)


def _check_items(items: tuple[RequestedItem, ...]) -> list[ContentProblem]:
    if not items:
        return [
            ContentProblem(
                "items",
                "items.missing",
                "请至少填写一项所需信息的名称、文号或便于查询的其他特征性描述",
            )
        ]
    problems: list[ContentProblem] = []
    for i, item in enumerate(items):
        problems += _check_item(i, item)
    return problems


def _check_item(i: int, item: RequestedItem) -> list[ContentProblem]:
    where = f"第{i + 1}项所需信息"
    name, number, desc = (
        item.name.strip(),
        item.document_number.strip(),
        item.description.strip(),
    )
    if len(desc) > MAX_DESCRIPTION_CHARS:
        return [
            ContentProblem(
                "description",
                "item.description_too_long",
                f"{where}的描述超过{MAX_DESCRIPTION_CHARS}个字符（现为{len(desc)}个），请精简或拆分为多项",
                i,
            )
        ]
    if not (name or number or desc):
        return [
            ContentProblem(
                "items",
                "item.empty",
                f"{where}未填写名称、文号或描述，请至少填写一项",
                i,
            )
        ]
    if name or number:
        return []
    core = _meaningful(desc)
    for word in VAGUE_WORDS:
        core = core.replace(word, "")
    if len(_meaningful(desc)) < MIN_DESCRIPTION_CHARS or not core:
        return [
            ContentProblem(
                "description",
                "item.unclear",
                f"{where}的描述「{desc}」不足以确定所需信息：请写明信息的名称、文号，或制作机关、时间、事项等特征",
                i,
            )
        ]
    return []


def _check_form(c: ApplicationContent) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    if c.form not in set(InformationForm):
        problems.append(
            ContentProblem(
                "form", "form.missing", "请选择所需信息的提供形式：纸质、电子或查阅"
            )
        )
    if c.delivery not in set(DeliveryChannel):
        problems.append(
            ContentProblem(
                "delivery",
                "delivery.missing",
                "请选择获取信息的方式：自取、邮寄、电子邮件或在线",
            )
        )
    if problems:
        return problems
    form, channel = InformationForm(c.form), DeliveryChannel(c.delivery)
    if channel not in COMPATIBLE_CHANNELS[form]:
        allowed = "、".join(
            DELIVERY_LABELS[d]
            for d in DeliveryChannel
            if d in COMPATIBLE_CHANNELS[form]
        )
        problems.append(
            ContentProblem(
                "delivery",
                "delivery.incompatible",
                f"提供形式「{FORM_LABELS[form]}」不能通过「{DELIVERY_LABELS[channel]}」获取，请改选{allowed}",
            )
        )
    return problems
