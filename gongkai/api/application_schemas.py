"""Bodies and answers of the disclosure-application operations (/applications,
/deadlines).  Text fields refuse NUL (PostgreSQL cannot store it) and are bounded by
what the database column holds; intake fields are bounded loosely, because
``application_register`` names each field that is too long in its own answer."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Final

from ninja import Field, Schema
from pydantic import StringConstraints

from gongkai.applications.models import (
    Channel,
    ConsultationParty,
    Delivery,
    FormWanted,
    IdentityDocument,
)
from gongkai.applications.outcomes import ApplicantType, Outcome
from gongkai.applications.status import Status

NO_NUL: Final = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL
#: Intake texts: the service names a field over its column's length (400
#: ``application_content_invalid``); far longer ones are refused before.
INTAKE_TEXT: Final = 4000
MAX_ITEMS: Final = 50
MAX_POINTS: Final = 50
MAX_WITHHELD: Final = 200


Text200 = Annotated[str, StringConstraints(max_length=200, pattern=NO_NUL)]
Text1000 = Annotated[str, StringConstraints(max_length=1000, pattern=NO_NUL)]
Text5000 = Annotated[str, StringConstraints(max_length=5000, pattern=NO_NUL)]
IntakeText = Annotated[str, StringConstraints(max_length=INTAKE_TEXT, pattern=NO_NUL)]
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]

# -- intake -------------------------------------------------------------------


class ItemIn(Schema):
    name: IntakeText = Field("", description="信息名称")
    document_number: IntakeText = Field("", description="文号")
    description: IntakeText = Field("", description="其他特征描述")


class _ApplicantIn(Schema):
    organisation_id: Id = Field(..., description="受理机关的编号")
    applicant_type: str = Field(
        ...,
        max_length=40,
        pattern=NO_NUL,
        description="申请人类型: " + ", ".join(ApplicantType.values),
    )
    applicant_name: IntakeText = Field(..., description="申请人姓名或名称")
    id_type: str = Field(
        ...,
        max_length=40,
        pattern=NO_NUL,
        description="证件类型: " + ", ".join(IdentityDocument.values),
    )
    id_number: IntakeText = Field(..., description="证件号码或统一社会信用代码")
    phone: IntakeText = ""
    email: IntakeText = ""
    address: IntakeText = ""
    form_wanted: str = Field(
        ...,
        max_length=40,
        pattern=NO_NUL,
        description="提供形式: " + ", ".join(FormWanted.values),
    )
    delivery: str = Field(
        ...,
        max_length=40,
        pattern=NO_NUL,
        description="获取方式: " + ", ".join(Delivery.values),
    )
    items: list[ItemIn] = Field(..., max_length=MAX_ITEMS, description="所需信息")


class SubmissionIn(_ApplicantIn):
    """The public online form (channel 网络, received today)."""


class IntakeIn(_ApplicantIn):
    """An application staff received in person, by post, fax or e-mail: the receipt
    date follows 第三十一条 from the date the channel needs."""

    channel: str = Field(
        ..., max_length=40, pattern=NO_NUL, description=", ".join(Channel.values)
    )
    received_on: date | None = None
    submitted_on: date | None = Field(None, description="当面提交之日")
    signed_for_on: date | None = Field(None, description="签收之日（需签收的邮寄）")
    arrived_on: date | None = Field(None, description="平信到达之日")
    confirmed_on: date | None = Field(
        None, description="与申请人确认之日（平信、网络、传真、电子邮件）"
    )


class SubmittedOut(Schema):
    id: int
    tracking_number: str
    query_code: str = Field(..., description="查询码：只显示这一次，请告知申请人")
    status: str
    received_on: date
    due_on: date | None
    due_provisional: bool
    track_url: str
    warnings: list[str]


# -- what staff see ---------------------------------------------------------------


class OrganOut(Schema):
    id: int
    name: str


class ItemOut(Schema):
    id: int
    position: int
    name: str
    document_number: str
    description: str
    withheld: bool
    withheld_ground: str
    withheld_note: str


class CorrectionOut(Schema):
    notice_on: date
    points: list[str]
    deadline: date
    late: bool
    corrected_on: date | None
    lapsed_on: date | None


class ConsultationOut(Schema):
    id: int
    party_kind: str
    party_name: str
    sent_on: date
    received_by_them_on: date | None
    answered_on: date | None
    answer: str


class ExtensionOut(Schema):
    approved_on: date
    days: int
    notice_sent_on: date
    reason: str


class PersonalDataOut(Schema):
    id_number: str
    phone: str
    email: str
    address: str


class ApplicationSummaryOut(Schema):
    id: int
    tracking_number: str
    organisation: OrganOut
    unit: OrganOut | None
    applicant_type: str
    applicant_name: str
    personal_data: PersonalDataOut = Field(..., description="masked")
    channel: str
    status: str
    status_label: str
    received_on: date
    due_on: date | None
    due_provisional: bool
    outcome: str
    decided_on: date | None


class ApplicationPageOut(Schema):
    count: int
    page: int
    page_size: int
    items: list[ApplicationSummaryOut]


class ApplicationDetailOut(ApplicationSummaryOut):
    id_type: str
    form_wanted: str
    delivery: str
    revealed: bool = Field(
        ..., description="personal_data is whole (and the view was logged)"
    )
    outcome_label: str
    outcome_basis: str
    outcome_reason: str
    responsible_organ: str
    delivered_on: date | None
    delivered_by: str
    archived_on: date | None
    transferred_to: str | None = Field(..., description="受理编号 at the other organ")
    next_statuses: list[str]
    items: list[ItemOut]
    correction: CorrectionOut | None
    consultations: list[ConsultationOut]
    extension: ExtensionOut | None
    warnings: list[str] = Field(..., description="notes on the step just taken")


class EventOut(Schema):
    id: int
    kind: str
    on: date
    actor: str | None
    before: dict[str, Any]
    after: dict[str, Any]
    note: str
    created_at: datetime


class ApplicationFilter(Schema):
    status: Status | None = None
    organisation: Id | None = Field(None, description="受理机关编号（含下级）")
    unit: Id | None = Field(None, description="承办单位编号")
    received_from: date | None = None
    received_to: date | None = None
    q: str | None = Field(
        None,
        max_length=100,
        pattern=NO_NUL,
        description="受理编号或申请人姓名（名称）的一部分",
    )
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(50, ge=1, le=200)


class RevealQuery(Schema):
    reveal: bool = Field(
        False,
        description="完整显示个人信息（仅承办人员；每次查看均记录）",
    )


# -- actions ----------------------------------------------------------------------
_ON = Field(None, description="日期（默认今天），不得晚于今天")


class OnIn(Schema):
    on: date | None = _ON


class RouteIn(OnIn):
    unit_id: Id


class ReasonIn(OnIn):
    reason: Text5000


class HandBackIn(OnIn):
    reason: Text5000 = Field(..., min_length=1)


class TransferIn(OnIn):
    organisation_id: Id = Field(..., description="gongkai 中负责公开该信息的机关")
    reason: Text5000 = ""


class CorrectionIn(Schema):
    points: list[Text1000] = Field(..., min_length=1, max_length=MAX_POINTS)
    notice_on: date | None = _ON
    deadline: date = Field(..., description="补正期限")


class ConsultIn(Schema):
    party_kind: ConsultationParty
    party_name: Text200 = Field(..., min_length=1)
    sent_on: date | None = _ON


class ConsultationAnswerIn(Schema):
    answered_on: date | None = _ON
    answer: Text5000 = Field("", description="意见；空 = 逾期未答复")
    received_by_them_on: date | None = None


class ExtendIn(Schema):
    days: int = Field(..., ge=1, le=20)
    approved_on: date | None = _ON
    notice_sent_on: date | None = _ON
    reason: Text5000 = ""


class WithheldIn(Schema):
    item_id: Id
    ground: str = Field(..., max_length=60, pattern=NO_NUL)
    note: Text5000 = ""


class DecideIn(Schema):
    outcome: Outcome
    decided_on: date | None = _ON
    reason: Text5000 = ""
    withheld: list[WithheldIn] = Field([], max_length=MAX_WITHHELD)
    not_this_organ: bool = False
    responsible_organ: Text200 = ""


class WithdrawIn(OnIn):
    note: Text5000 = ""


class DeliverIn(OnIn):
    delivered_by: Delivery


# -- the applicant ------------------------------------------------------------------


class PublicEventOut(Schema):
    kind: str
    label: str
    on: date


class PublicItemOut(Schema):
    position: int
    name: str
    document_number: str
    description: str
    withheld: bool


class PublicCorrectionOut(Schema):
    points: list[str]
    deadline: date


class TrackOut(Schema):
    tracking_number: str
    organisation: str
    applicant_name: str = Field(..., description="masked for a person")
    personal_data: PersonalDataOut = Field(..., description="masked")
    status: str
    status_label: str
    received_on: date
    due_on: date | None
    due_provisional: bool = Field(
        ..., description="the due date goes through a year not yet entered"
    )
    outcome_label: str
    decided_on: date | None
    delivered_on: date | None
    items: list[PublicItemOut]
    correction: PublicCorrectionOut | None
    timeline: list[PublicEventOut]


# -- deadlines ----------------------------------------------------------------------


class DueQuery(Schema):
    received: date = Field(..., description="收到申请之日 YYYY-MM-DD")
    extended: bool = Field(False, description="加上最长的延长答复期限")
    organisation: Id | None = Field(
        None, description="机关编号（计入其所在地的地方性假日）"
    )


class DueOut(Schema):
    received: date
    extended: bool
    working_days: int
    due_on: date
    provisional: bool
    provisional_years: list[int]
    article: str
