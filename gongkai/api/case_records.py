"""The records of a case beyond its steps: the fee (notice, payment, non-payment,
and the public fee calculator), the files (attachments, delivery proof, fee
receipt), appeals (reconsideration and lawsuits) and letters (drafts, issued
letters, their PDF and DOCX).

The conventions of ``gongkai.api.applications``: staff operations take an API token
or the session (CSRF on unsafe methods); a case, appeal, letter or file the caller
cannot see is the same 404 as one that does not exist; a case the caller sees but
may not act on is a 403; each write calls exactly one service.  Downloads are
declared in OpenAPI by media type (``string``/``binary``).  The applicant reaches
the letters addressed to them with the 受理编号 in the path and the 查询码 in the
``X-Query-Code`` header; a wrong code is the same 404 as an unknown number."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any, Final

from django.db.models import QuerySet
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Query, Router, UploadedFile
from ninja import Status as Answer
from ninja.params.functions import File, Form, Header, Path

from gongkai.api import case_record_schemas as s
from gongkai.api.application_presenters import application_detail
from gongkai.api.application_schemas import NO_NUL, ApplicationDetailOut, OnIn
from gongkai.api.applications import (
    _ID,
    _STAFF_ERRORS,
    MAX_TRACKING_NUMBER,
    TRACK_NOT_FOUND,
    _actor,
    _day,
    _service_errors,
    _visible,
)
from gongkai.api.auth import STAFF_AUTH
from gongkai.api.errors import ApiError, ErrorOut
from gongkai.appeals import services as appeal_services
from gongkai.appeals.models import Appeal
from gongkai.appeals.selectors import appeal_get_for_staff, appeal_list_for_staff
from gongkai.applications import fees, intake, services
from gongkai.applications.models import (
    Application,
    ApplicationAttachment,
    AttachmentKind,
    FeeNotice,
)
from gongkai.applications.permissions import visible_applications
from gongkai.applications.rules import fees as fee_rules
from gongkai.applications.selectors import application_get_by_query
from gongkai.core import clock
from gongkai.core.converters import MAX_ID, MIN_ID
from gongkai.core.errors import PermissionDenied
from gongkai.core.http import attachment_response
from gongkai.documents.errors import DocumentError
from gongkai.letters import permissions as letter_permissions
from gongkai.letters import services as letter_services
from gongkai.letters.kinds import kind_label
from gongkai.letters.models import Letter
from gongkai.letters.selectors import letters_for_applicant, letters_for_case

router = Router(tags=["案卷记录 fees, files, appeals, letters"])

FEE_NOTICE_MISSING: Final = "该申请没有发出收费通知：请先发出收费通知"
APPEAL_NOT_FOUND: Final = "没有这件行政复议或行政诉讼，或您无权查看"
LETTER_NOT_FOUND: Final = "没有这份文书，或您无权查看"
FILE_NOT_FOUND: Final = "没有这个文件，或您无权查看"
FILE_LOST: Final = "文件已登记，但在存储中找不到：请联系系统管理员从备份恢复"

_ATTACHMENT_ID = Path(..., ge=MIN_ID, le=MAX_ID, description="attachment id")
_APPEAL_ID = Path(..., ge=MIN_ID, le=MAX_ID, description="appeal id")
_LETTER_ID = Path(..., ge=MIN_ID, le=MAX_ID, description="letter id")
_FMT = Path(..., description="pdf or docx")
_QUERY_CODE = Header(
    ..., alias="X-Query-Code", max_length=100, description="查询码（提交申请时得到）"
)
_PUBLIC_ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut, 413: ErrorOut}
_DOWNLOAD_ERRORS: dict[int, Any] = {**_STAFF_ERRORS, 503: ErrorOut}


# -- helpers ---------------------------------------------------------------------------
@contextmanager
def _errors() -> Iterator[None]:
    """The service errors of ``applications._service_errors``, and the fee
    calculator's and the document builder's, by their API codes."""
    try:
        with _service_errors():
            yield
    except fee_rules.FeeInputError as exc:
        raise ApiError(exc.message, code="fee_invalid") from exc
    except DocumentError as exc:
        raise ApiError(str(exc), code="document_unavailable") from exc


def _handle(request: HttpRequest, application: Application) -> None:
    if not letter_permissions.can_issue(_actor(request), application):
        raise PermissionDenied(
            f"您可以查看申请「{application.tracking_number}」，但不能办理它："
            "只有公开办或承办单位可以办理"
        )


def _tracked(tracking_number: str, query_code: str) -> Application:
    application = None
    if len(tracking_number) <= MAX_TRACKING_NUMBER and "\x00" not in tracking_number:
        application = application_get_by_query(
            tracking_number=tracking_number, query_code=query_code
        )
    if application is None:
        raise ApiError(TRACK_NOT_FOUND, code="application_not_found")
    return application


def _read(stored: FieldFile) -> bytes:
    if not stored:
        raise ApiError(FILE_NOT_FOUND, code="file_not_found")
    try:
        with stored.open("rb") as f:
            data: bytes = f.read()
    except OSError as exc:
        raise ApiError(FILE_LOST, code="file_not_found") from exc
    return data


def _stored_file(stored: FieldFile, stem: str) -> HttpResponse:
    """A stored proof or receipt, typed by its content (one kept without the
    content check, e.g. by an older version, is ``application/octet-stream``)."""
    data = _read(stored)
    found = intake.sniff(data)
    if found is None:
        stored_name = stored.name or ""
        ext = stored_name.rsplit(".", 1)[-1][:8] if "." in stored_name else "bin"
        return attachment_response(data, f"{stem}.{ext}", "application/octet-stream")
    return attachment_response(data, f"{stem}.{found.ext}", found.content_type)


# -- fees ------------------------------------------------------------------------------
def _lines(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {**line, "rate": str(line["rate"]), "amount": str(line["amount"])}
        for line in lines
    ]


def _fee_notice(application: Application) -> dict[str, Any]:
    notice = FeeNotice.objects.filter(application=application).first()
    if notice is None:
        raise ApiError(FEE_NOTICE_MISSING, code="fee_notice_not_found")
    application.refresh_from_db(fields=["status"])
    receipt_url = None
    if notice.receipt:
        receipt_url = reverse("api-v1:fee_receipt_download_api", args=[application.pk])
    return {
        "application_id": application.pk,
        "method": notice.method,
        "method_label": fee_rules.FEE_METHOD_LABELS[fee_rules.FeeMethod(notice.method)],
        "quantity": notice.quantity,
        "items_before_in_month": notice.items_before_in_month,
        "amount": str(notice.amount),
        "lines": _lines(notice.lines),
        "sent_on": notice.sent_on,
        "received_on": notice.received_on,
        "pay_by": notice.pay_by,
        "paid_on": notice.paid_on,
        "paid_amount": None if notice.paid_amount is None else str(notice.paid_amount),
        "has_receipt": bool(notice.receipt),
        "receipt_url": receipt_url,
        "lapsed_on": notice.lapsed_on,
        "status": application.status,
    }


@router.get(
    "/fees/quote",
    response={200: s.FeeQuoteOut, 400: ErrorOut},
    url_name="fee_quote_api",
    summary="信息处理费计算（公众） (the fee calculator of 国办函〔2020〕109号)",
)
def fee_quote_api(request: HttpRequest, q: Query[s.FeeQuoteQuery]) -> dict[str, Any]:
    """按件计收: ``quantity`` items after ``items_before_in_month`` items of the same
    applicant this month (1–10 free, 11–30 100 元, then 100 元 more per band of 10);
    按量计收: ``quantity`` pages (1–30 free, 31–100 10 元, 101–200 20 元, then 40 元)."""
    if q.method == fee_rules.FeeMethod.PER_PAGE and q.items_before_in_month:
        raise ApiError(
            "按量计收按本申请的页数计算，不累计本月此前的件数："
            "请去掉 items_before_in_month，或改用按件计收",
            code="fee_invalid",
        )
    with _errors():
        if q.method == fee_rules.FeeMethod.PER_ITEM:
            fee = fee_rules.application_fee(
                method=q.method,
                items=q.quantity,
                items_before_in_month=q.items_before_in_month,
            )
        else:
            fee = fee_rules.application_fee(method=q.method, pages=q.quantity)
    return {
        "method": fee.method.value,
        "method_label": fee_rules.FEE_METHOD_LABELS[fee.method],
        "quantity": q.quantity,
        "items_before_in_month": q.items_before_in_month,
        "amount": str(fee.amount),
        "chargeable": fee.chargeable,
        "lines": [
            {
                "first": line.first,
                "last": line.last,
                "count": line.count,
                "rate": str(line.rate),
                "amount": str(line.amount),
            }
            for line in fee.lines
        ],
        "basis": f"{fee_rules.FEE_MEASURES}第三条（{fee_rules.FEE_METHOD_LABELS[fee.method]}）",
    }


@router.get(
    "/applications/{id:application_id}/fee-notice",
    response={200: s.FeeNoticeOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="fee_notice_api",
    summary="收费通知及缴费记录 (the fee notice of a case; 404 when none was sent)",
)
def fee_notice_api(request: HttpRequest, application_id: int = _ID) -> dict[str, Any]:
    return _fee_notice(_visible(request, application_id))


@router.post(
    "/applications/{id:application_id}/fee-notice",
    response={201: s.FeeNoticeOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="fee_notice_send_api",
    summary="发出收费通知（按件或按量，一种方式；20个工作日内缴费）",
)
def fee_notice_send_api(
    request: HttpRequest, body: s.FeeNoticeIn, application_id: int = _ID
) -> Answer[dict[str, Any]]:
    application = _visible(request, application_id)
    sent_on = _day(body.sent_on, "sent_on")
    received_on = _day(body.received_on, "received_on") if body.received_on else sent_on
    with _errors():
        fees.application_fee_notice(
            application=application,
            actor=_actor(request),
            method=body.method.value,
            quantity=body.quantity,
            sent_on=sent_on,
            received_on=received_on,
        )
    return Answer(201, _fee_notice(application))


def _paid(
    request: HttpRequest,
    application_id: int,
    paid_on: date | None,
    amount: Decimal,
    receipt: UploadedFile | None,
) -> dict[str, Any]:
    application = _visible(request, application_id)
    day = _day(paid_on, "paid_on")
    with _errors():
        fees.application_fee_paid(
            application=application,
            actor=_actor(request),
            paid_on=day,
            amount=amount,
            receipt_file=receipt,
        )
    return _fee_notice(application)


@router.post(
    "/applications/{id:application_id}/fee-notice/paid",
    response={200: s.FeeNoticeOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="fee_paid_api",
    summary="记录缴费（金额须与应缴金额一致，不晚于缴费期限）",
)
def fee_paid_api(
    request: HttpRequest, body: s.FeePaidIn, application_id: int = _ID
) -> dict[str, Any]:
    return _paid(request, application_id, body.paid_on, body.amount, None)


@router.post(
    "/applications/{id:application_id}/fee-notice/receipt",
    response={200: s.FeeNoticeOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="fee_paid_with_receipt_api",
    summary="记录缴费并上传缴费凭证（multipart：paid_on、amount、receipt）",
)
def fee_paid_with_receipt_api(
    request: HttpRequest,
    amount: Decimal = Form(..., gt=0, max_digits=12, decimal_places=2),  # noqa: B008
    paid_on: date | None = Form(None),  # noqa: B008
    receipt: UploadedFile = File(..., description="PDF、JPG、PNG、OFD 或 DOCX"),  # noqa: B008
    application_id: int = _ID,
) -> dict[str, Any]:
    """The same step as ``…/fee-notice/paid``, with the receipt (checked by its
    content against its name, at most ``GONGKAI_ATTACHMENT_MAX_BYTES``)."""
    return _paid(request, application_id, paid_on, amount, receipt)


@router.get(
    "/applications/{id:application_id}/fee-notice/receipt",
    response={200: None, **_DOWNLOAD_ERRORS},
    auth=STAFF_AUTH,
    url_name="fee_receipt_download_api",
    summary="下载缴费凭证",
    openapi_extra=s.binary_response("缴费凭证", s.STORED_TYPES),
)
def fee_receipt_download_api(
    request: HttpRequest, application_id: int = _ID
) -> HttpResponse:
    application = _visible(request, application_id)
    notice = FeeNotice.objects.filter(application=application).first()
    if notice is None:
        raise ApiError(FEE_NOTICE_MISSING, code="fee_notice_not_found")
    return _stored_file(notice.receipt, f"{application.tracking_number}_缴费凭证")


@router.post(
    "/applications/{id:application_id}/fee-notice/lapsed",
    response={200: s.FeeNoticeOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="fee_lapsed_api",
    summary="逾期未缴费，视为放弃申请（其他处理 2）",
)
def fee_lapsed_api(
    request: HttpRequest, body: OnIn, application_id: int = _ID
) -> dict[str, Any]:
    application = _visible(request, application_id)
    with _errors():
        fees.application_fee_lapsed(
            application=application, actor=_actor(request), on=_day(body.on, "on")
        )
    return _fee_notice(application)


# -- attachments --------------------------------------------------------------------------
def _attachment(attachment: ApplicationAttachment) -> dict[str, Any]:
    return {
        "id": attachment.pk,
        "kind": attachment.kind,
        "kind_label": str(AttachmentKind(attachment.kind).label),
        "original_name": attachment.original_name,
        "content_type": attachment.content_type,
        "size": attachment.size,
        "sha256": attachment.sha256,
        "created_at": attachment.created_at,
        "download_url": reverse(
            "api-v1:attachment_download_api",
            args=[attachment.application_id, attachment.pk],
        ),
    }


@router.get(
    "/applications/{id:application_id}/attachments",
    response={200: list[s.AttachmentOut], **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="attachment_list_api",
    summary="申请材料列表",
)
def attachment_list_api(
    request: HttpRequest, application_id: int = _ID
) -> list[dict[str, Any]]:
    application = _visible(request, application_id)
    found = ApplicationAttachment.objects.filter(application=application)
    return [_attachment(a) for a in found.order_by("pk")]


@router.post(
    "/applications/{id:application_id}/attachments",
    response={201: s.AttachmentOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="attachment_upload_api",
    summary="上传申请材料（multipart：kind、file；按内容检查类型，单个文件有大小上限）",
)
def attachment_upload_api(
    request: HttpRequest,
    kind: AttachmentKind = Form(..., description=s.ATTACHMENT_KINDS),  # noqa: B008
    on: date | None = Form(None, description="收到材料之日（默认收到申请之日）"),  # noqa: B008
    file: UploadedFile = File(..., description="PDF、JPG、PNG、OFD 或 DOCX"),  # noqa: B008
    application_id: int = _ID,
) -> Answer[dict[str, Any]]:
    application = _visible(request, application_id)
    day = _day(on, "on") if on is not None else None
    with _errors():
        attachment = services.application_attach(
            application=application,
            kind=kind.value,
            uploaded_file=file,
            actor=_actor(request),
            on=day,
        )
    return Answer(201, _attachment(attachment))


@router.get(
    "/applications/{id:application_id}/attachments/{id:attachment_id}",
    response={200: None, **_DOWNLOAD_ERRORS},
    auth=STAFF_AUTH,
    url_name="attachment_download_api",
    summary="下载申请材料",
    openapi_extra=s.binary_response("申请材料（类型按内容识别）", s.FILE_TYPES),
)
def attachment_download_api(
    request: HttpRequest, application_id: int = _ID, attachment_id: int = _ATTACHMENT_ID
) -> HttpResponse:
    application = _visible(request, application_id)
    attachment = ApplicationAttachment.objects.filter(
        application=application, pk=attachment_id
    ).first()
    if attachment is None:
        raise ApiError(FILE_NOT_FOUND, code="file_not_found")
    data = _read(attachment.file)
    return attachment_response(data, attachment.original_name, attachment.content_type)


@router.post(
    "/applications/track/{tracking_number}/attachments",
    response={201: s.PublicAttachmentOut, **_PUBLIC_ERRORS, 403: ErrorOut},
    url_name="applicant_attachment_upload_api",
    summary="申请人补充材料（查询码；仅在线提交、尚未开始办理时）",
)
def applicant_attachment_upload_api(
    request: HttpRequest,
    tracking_number: str,
    query_code: str = _QUERY_CODE,
    kind: AttachmentKind = Form(..., description=s.ATTACHMENT_KINDS),  # noqa: B008
    file: UploadedFile = File(..., description="PDF、JPG、PNG、OFD 或 DOCX"),  # noqa: B008
) -> Answer[dict[str, Any]]:
    """For an application submitted online and not yet taken up (e.g. the identity
    proof); afterwards the answer is 403 and the applicant contacts the organ."""
    application = _tracked(tracking_number, query_code)
    with _errors():
        attachment = services.application_attach(
            application=application, kind=kind.value, uploaded_file=file, actor=None
        )
    return Answer(
        201,
        {
            "kind": attachment.kind,
            "kind_label": str(AttachmentKind(attachment.kind).label),
            "original_name": attachment.original_name,
            "size": attachment.size,
        },
    )


# -- delivery with proof ----------------------------------------------------------------------
@router.post(
    "/applications/{id:application_id}/delivery-proof",
    response={200: ApplicationDetailOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="application_deliver_with_proof_api",
    summary="送达答复并上传送达凭证（multipart：delivered_by、on、proof）",
)
def application_deliver_with_proof_api(
    request: HttpRequest,
    delivered_by: str = Form(
        ..., max_length=40, pattern=NO_NUL, description=s.DELIVERY_CHANNELS
    ),
    on: date | None = Form(None),  # noqa: B008
    proof: UploadedFile = File(  # noqa: B008
        ..., description="送达凭证（回执、签收单、截图）：PDF、JPG、PNG、OFD 或 DOCX"
    ),
    application_id: int = _ID,
) -> dict[str, Any]:
    """The step of ``…/deliver`` with its proof (checked as an attachment is)."""
    application = _visible(request, application_id)
    day = _day(on, "on")
    with _errors():
        services.application_deliver(
            application=application,
            delivered_by=delivered_by,
            on=day,
            actor=_actor(request),
            proof=proof,
        )
    return application_detail(application.pk)


@router.get(
    "/applications/{id:application_id}/delivery-proof",
    response={200: None, **_DOWNLOAD_ERRORS},
    auth=STAFF_AUTH,
    url_name="delivery_proof_download_api",
    summary="下载送达凭证",
    openapi_extra=s.binary_response("送达凭证", s.STORED_TYPES),
)
def delivery_proof_download_api(
    request: HttpRequest, application_id: int = _ID
) -> HttpResponse:
    application = _visible(request, application_id)
    return _stored_file(
        application.delivery_proof, f"{application.tracking_number}_送达凭证"
    )


# -- appeals ---------------------------------------------------------------------------------
def _appeal(appeal: Appeal) -> dict[str, Any]:
    return {
        "id": appeal.pk,
        "application_id": appeal.application_id,
        "tracking_number": appeal.application.tracking_number,
        "kind": appeal.kind,
        "kind_label": str(appeal.get_kind_display()),
        "follows_id": appeal.follows_id,
        "filed_on": appeal.filed_on,
        "body": appeal.body,
        "case_number": appeal.case_number,
        "outcome": appeal.outcome,
        "outcome_label": str(appeal.outcome_label),
        "outcome_detail": appeal.outcome_detail,
        "decided_on": appeal.decided_on,
        "pending": appeal.is_pending,
        "note": appeal.note,
        "events": [
            {
                "kind": e.kind,
                "on": e.on,
                "actor": str(e.actor) if e.actor else None,
                "before": e.before,
                "after": e.after,
                "note": e.note,
            }
            for e in appeal.events.select_related("actor").order_by("pk")
        ],
    }


def _visible_appeal(request: HttpRequest, appeal_id: int) -> Appeal:
    appeal = appeal_get_for_staff(user=_actor(request), pk=appeal_id)
    if appeal is None:
        raise ApiError(APPEAL_NOT_FOUND, code="appeal_not_found")
    return appeal


def _appeal_page(qs: QuerySet[Appeal], page: int, page_size: int) -> dict[str, Any]:
    start = (page - 1) * page_size
    return {
        "count": qs.count(),
        "page": page,
        "page_size": page_size,
        "items": [_appeal(a) for a in qs[start : start + page_size]],
    }


@router.get(
    "/appeals",
    response={200: s.AppealPageOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="appeal_list_api",
    summary="行政复议、行政诉讼列表（工作人员可见的申请） (appeals, newest first)",
)
def appeal_list_api(
    request: HttpRequest, filters: Query[s.AppealFilter]
) -> dict[str, Any]:
    qs = appeal_list_for_staff(user=_actor(request), pending=filters.pending)
    if filters.kind is not None:
        qs = qs.filter(kind=filters.kind)
    return _appeal_page(qs, filters.page, filters.page_size)


@router.get(
    "/applications/{id:application_id}/appeals",
    response={200: list[s.AppealOut], **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="application_appeal_list_api",
    summary="针对这件申请的行政复议、行政诉讼",
)
def application_appeal_list_api(
    request: HttpRequest, application_id: int = _ID
) -> list[dict[str, Any]]:
    application = _visible(request, application_id)
    qs = Appeal.objects.filter(application=application).select_related("application")
    return [_appeal(a) for a in qs.order_by("filed_on", "pk")]


@router.post(
    "/applications/{id:application_id}/appeals",
    response={201: s.AppealOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="appeal_file_api",
    summary="登记行政复议或行政诉讼（第五十一条；复议后起诉须指明复议 follows_id）",
)
def appeal_file_api(
    request: HttpRequest, body: s.AppealIn, application_id: int = _ID
) -> Answer[dict[str, Any]]:
    application = _visible(request, application_id)
    follows = None
    if body.follows_id is not None:
        follows = _visible_appeal(request, body.follows_id)
    filed_on = _day(body.filed_on, "filed_on")
    with _errors():
        appeal = appeal_services.appeal_file(
            application=application,
            kind=body.kind.value,
            filed_on=filed_on,
            body=body.body,
            actor=_actor(request),
            today=clock.today(),
            case_number=body.case_number,
            follows=follows,
            note=body.note,
        )
    return Answer(201, _appeal(appeal))


@router.get(
    "/appeals/{id:appeal_id}",
    response={200: s.AppealOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="appeal_detail_api",
    summary="一件行政复议或行政诉讼及其记录",
)
def appeal_detail_api(
    request: HttpRequest, appeal_id: int = _APPEAL_ID
) -> dict[str, Any]:
    return _appeal(_visible_appeal(request, appeal_id))


@router.post(
    "/appeals/{id:appeal_id}/decision",
    response={200: s.AppealOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="appeal_decide_api",
    summary="记录审结结果（结果维持 / 结果纠正 / 其他结果，只记录一次）",
)
def appeal_decide_api(
    request: HttpRequest, body: s.AppealDecisionIn, appeal_id: int = _APPEAL_ID
) -> dict[str, Any]:
    appeal = _visible_appeal(request, appeal_id)
    decided_on = _day(body.decided_on, "decided_on")
    with _errors():
        appeal = appeal_services.appeal_decide(
            appeal=appeal,
            outcome=body.outcome.value,
            decided_on=decided_on,
            actor=_actor(request),
            today=clock.today(),
            detail=body.detail,
            note=body.note,
        )
    return _appeal(Appeal.objects.select_related("application").get(pk=appeal.pk))


# -- letters -------------------------------------------------------------------------------------
def _letter(letter: Letter, *, staff: bool = True, track: str = "") -> dict[str, Any]:
    def url(fmt: str) -> str:
        if staff:
            return reverse("api-v1:letter_download_api", args=[letter.pk, fmt])
        return reverse(
            "api-v1:applicant_letter_download_api", args=[track, letter.pk, fmt]
        )

    out = {
        "id": letter.pk,
        "kind": letter.kind,
        "kind_label": kind_label(letter.kind),
        "number": letter.number,
        "title": letter.title,
        "issued_on": letter.issued_on,
        "pdf_url": url("pdf"),
        "docx_url": url("docx"),
    }
    if staff:
        out["issued_by"] = str(letter.issued_by) if letter.issued_by else None
    return out


@router.get(
    "/applications/{id:application_id}/letters",
    response={200: list[s.LetterOut], **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="letter_list_api",
    summary="已出具的文书（答复书、告知书） (letters issued on the case, by date)",
)
def letter_list_api(
    request: HttpRequest, application_id: int = _ID
) -> list[dict[str, Any]]:
    application = _visible(request, application_id)
    return [_letter(x) for x in letters_for_case(application)]


@router.get(
    "/applications/{id:application_id}/letters/draft",
    response={200: s.LetterDraftOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="letter_draft_api",
    summary="文书草稿：按模板和案卷填好的正文，供修改后出具",
)
def letter_draft_api(
    request: HttpRequest, q: Query[s.LetterDraftQuery], application_id: int = _ID
) -> dict[str, Any]:
    application = _visible(request, application_id)
    _handle(request, application)
    issued_on = _day(q.issued_on, "issued_on")
    with _errors():
        text = letter_services.letter_draft(
            application=application, kind=q.kind.value, issued_on=issued_on
        )
    return {
        "kind": q.kind.value,
        "kind_label": kind_label(q.kind.value),
        "issued_on": issued_on,
        "text": text,
    }


@router.post(
    "/applications/{id:application_id}/letters",
    response={201: s.LetterDetailOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="letter_issue_api",
    summary="出具文书：编文号，正文定稿（text 省略时用草稿）",
)
def letter_issue_api(
    request: HttpRequest, body: s.LetterIn, application_id: int = _ID
) -> Answer[dict[str, Any]]:
    application = _visible(request, application_id)
    issued_on = _day(body.issued_on, "issued_on")
    with _errors():
        letter = letter_services.letter_issue(
            application=application,
            kind=body.kind.value,
            actor=_actor(request),
            issued_on=issued_on,
            text=body.text,
        )
    return Answer(
        201, {**_letter(letter), "body": letter.body, "signature": letter.signature}
    )


def _letter_file(letter: Letter, fmt: str, *, private: bool = False) -> HttpResponse:
    kind: letter_services.FileFormat = "pdf" if fmt == "pdf" else "docx"
    with _errors():
        data, name, content_type = letter_services.letter_file(letter=letter, fmt=kind)
    return attachment_response(data, name, content_type, private=private)


@router.get(
    "/letters/{id:letter_id}.{fmt}",
    response={200: None, **_DOWNLOAD_ERRORS},
    auth=STAFF_AUTH,
    url_name="letter_download_api",
    summary="下载文书（PDF 或 DOCX）",
    openapi_extra=s.binary_response(
        "the letter as issued", tuple(s.LETTER_TYPES.values())
    ),
)
def letter_download_api(
    request: HttpRequest, fmt: s.LetterFormat = _FMT, letter_id: int = _LETTER_ID
) -> HttpResponse:
    letter = (
        Letter.objects.filter(
            pk=letter_id, application__in=visible_applications(_actor(request))
        )
        .select_related("application")
        .first()
    )
    if letter is None:
        raise ApiError(LETTER_NOT_FOUND, code="letter_not_found")
    return _letter_file(letter, fmt)


@router.get(
    "/applications/track/{tracking_number}/letters",
    response={200: list[s.PublicLetterOut], **_PUBLIC_ERRORS},
    url_name="applicant_letter_list_api",
    summary="申请人查看给本人的文书（查询码放在请求头 X-Query-Code）",
)
def applicant_letter_list_api(
    request: HttpRequest, tracking_number: str, query_code: str = _QUERY_CODE
) -> list[dict[str, Any]]:
    application = _tracked(tracking_number, query_code)
    return [
        _letter(x, staff=False, track=application.tracking_number)
        for x in letters_for_applicant(application)
    ]


@router.get(
    "/applications/track/{tracking_number}/letters/{id:letter_id}.{fmt}",
    response={200: None, **_PUBLIC_ERRORS, 503: ErrorOut},
    url_name="applicant_letter_download_api",
    summary="申请人下载给本人的文书（查询码放在请求头 X-Query-Code）",
    openapi_extra=s.binary_response(
        "the letter as issued", tuple(s.LETTER_TYPES.values())
    ),
)
def applicant_letter_download_api(
    request: HttpRequest,
    tracking_number: str,
    fmt: s.LetterFormat = _FMT,
    letter_id: int = _LETTER_ID,
    query_code: str = _QUERY_CODE,
) -> HttpResponse:
    """Only the letters addressed to the applicant (not a consultation letter to a
    third party); any other id is the same 404 as a letter that does not exist."""
    application = _tracked(tracking_number, query_code)
    letter = next(
        (x for x in letters_for_applicant(application) if x.pk == letter_id), None
    )
    if letter is None:
        raise ApiError(LETTER_NOT_FOUND, code="letter_not_found")
    return _letter_file(letter, fmt, private=True)
