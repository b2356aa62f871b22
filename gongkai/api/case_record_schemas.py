"""Bodies and answers of the case-record operations (``gongkai.api.case_records``):
fees, attachments, delivery proof, appeals and letters.  Texts refuse NUL
(PostgreSQL cannot store it) and are bounded by their database columns; amounts
are decimal strings in 元 (never floats)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Final, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from gongkai.api.application_schemas import NO_NUL, Id, Text5000
from gongkai.appeals.models import AppealKind, AppealOutcome
from gongkai.applications.models import AttachmentKind, Delivery
from gongkai.applications.rules.fees import FeeMethod
from gongkai.letters.kinds import LetterKind
from gongkai.letters.services import MAX_BODY

#: Items or pages of one fee (the calculator walks them one by one).
MAX_QUANTITY: Final = 100_000
#: The binary answer of a download, by media type.
BINARY: Final = {"type": "string", "format": "binary"}
FILE_TYPES: Final = (
    "application/pdf",
    "image/jpeg",
    "image/png",
    "application/ofd",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
#: A proof or receipt kept without the content check is served as bytes.
STORED_TYPES: Final = (*FILE_TYPES, "application/octet-stream")
LETTER_TYPES: Final = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

Text100 = Annotated[str, StringConstraints(max_length=100, pattern=NO_NUL)]
Text200 = Annotated[str, StringConstraints(max_length=200, pattern=NO_NUL)]
LetterFormat = Literal["pdf", "docx"]
_ON = Field(None, description="日期（默认今天），不得晚于今天、不早于 2004 年")


def binary_response(description: str, media_types: tuple[str, ...]) -> dict[str, Any]:
    """``openapi_extra`` of a download: its 200 is one of ``media_types``."""
    return {
        "responses": {
            200: {
                "description": description,
                "content": {t: {"schema": BINARY} for t in media_types},
            }
        }
    }


# -- fees ----------------------------------------------------------------------------
class FeeQuoteQuery(Schema):
    method: FeeMethod = Field(..., description="per_item 按件计收 / per_page 按量计收")
    quantity: int = Field(
        ..., ge=1, le=MAX_QUANTITY, description="本申请的件数（按件）或页数（按量）"
    )
    items_before_in_month: int = Field(
        0,
        ge=0,
        le=MAX_QUANTITY,
        description="按件计收：同一申请人本月此前已申请的件数（按量计收时应为 0）",
    )


class FeeLineOut(Schema):
    first: int
    last: int
    count: int
    rate: str = Field(..., description="元/件 or 元/页, a decimal string")
    amount: str = Field(..., description="元, a decimal string")


class FeeQuoteOut(Schema):
    method: str
    method_label: str
    quantity: int
    items_before_in_month: int
    amount: str = Field(..., description="元, a decimal string")
    chargeable: bool = Field(..., description="amount > 0 (else no notice is sent)")
    lines: list[FeeLineOut]
    basis: str


class FeeNoticeIn(Schema):
    method: FeeMethod
    quantity: int = Field(..., ge=1, le=MAX_QUANTITY, description="件数或页数")
    sent_on: date | None = _ON
    received_on: date | None = Field(
        None, description="申请人收到通知之日（默认为发出之日），不得晚于今天"
    )


class FeePaidIn(Schema):
    paid_on: date | None = _ON
    amount: Decimal = Field(
        ...,
        gt=0,
        max_digits=12,
        decimal_places=2,
        description="实缴金额（元），应与收费通知的应缴金额一致",
    )


class FeeNoticeOut(Schema):
    application_id: int
    method: str
    method_label: str
    quantity: int
    items_before_in_month: int
    amount: str = Field(..., description="应缴金额（元）, a decimal string")
    lines: list[FeeLineOut]
    sent_on: date
    received_on: date
    pay_by: date = Field(..., description="缴费期限: 20 working days after receipt")
    paid_on: date | None
    paid_amount: str | None
    has_receipt: bool
    receipt_url: str | None
    lapsed_on: date | None
    status: str = Field(..., description="the case's status after the step")


# -- attachments -------------------------------------------------------------------------
class AttachmentOut(Schema):
    id: int
    kind: str
    kind_label: str
    original_name: str
    content_type: str = Field(..., description="read from the content")
    size: int
    sha256: str
    created_at: datetime
    download_url: str


class PublicAttachmentOut(Schema):
    kind: str
    kind_label: str
    original_name: str
    size: int


ATTACHMENT_KINDS: Final = ", ".join(AttachmentKind.values)
DELIVERY_CHANNELS: Final = ", ".join(Delivery.values)


# -- appeals --------------------------------------------------------------------------------
class AppealIn(Schema):
    kind: AppealKind
    filed_on: date | None = _ON
    body: Text200 = Field(..., min_length=1, description="复议机关或人民法院")
    case_number: Text100 = Field("", description="案号")
    follows_id: Id | None = Field(
        None, description="复议后起诉：所针对的（已审结的）行政复议的编号"
    )
    note: Text5000 = ""


class AppealDecisionIn(Schema):
    outcome: AppealOutcome
    decided_on: date | None = _ON
    detail: Text200 = Field("", description="结论，如 驳回诉讼请求、撤销、撤回")
    note: Text5000 = ""


class AppealEventOut(Schema):
    kind: str
    on: date
    actor: str | None
    before: dict[str, Any]
    after: dict[str, Any]
    note: str


class AppealOut(Schema):
    id: int
    application_id: int
    tracking_number: str
    kind: str
    kind_label: str
    follows_id: int | None
    filed_on: date
    body: str
    case_number: str
    outcome: str = Field(..., description="empty while 尚未审结")
    outcome_label: str
    outcome_detail: str
    decided_on: date | None
    pending: bool
    note: str
    events: list[AppealEventOut]


class AppealPageOut(Schema):
    count: int
    page: int
    page_size: int
    items: list[AppealOut]


class AppealFilter(Schema):
    pending: bool | None = Field(None, description="true: 尚未审结 only; false: 已审结")
    kind: AppealKind | None = None
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(50, ge=1, le=200)


# -- letters -----------------------------------------------------------------------------------
class LetterDraftQuery(Schema):
    kind: LetterKind
    issued_on: date | None = Field(None, description="成文日期（默认今天）")


class LetterDraftOut(Schema):
    kind: str
    kind_label: str
    issued_on: date
    text: str = Field(
        ..., description="正文; 〔请填写：…〕 marks what is to be written"
    )


class LetterIn(Schema):
    kind: LetterKind
    issued_on: date | None = _ON
    text: str | None = Field(
        None,
        max_length=MAX_BODY,
        pattern=NO_NUL,
        description="正文 as edited (default: the draft); no 〔请填写〕 mark may remain",
    )


class PublicLetterOut(Schema):
    id: int
    kind: str
    kind_label: str
    number: str = Field(..., description="文号")
    title: str
    issued_on: date
    pdf_url: str
    docx_url: str


class LetterOut(PublicLetterOut):
    issued_by: str | None


class LetterDetailOut(LetterOut):
    body: str
    signature: str
