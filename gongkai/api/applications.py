"""/applications: the disclosure-application workflow.

Staff operations take an API token (``Authorization: Bearer``) or the site's
session (with CSRF on unsafe methods); each write calls exactly one service of
``gongkai.applications.services``.  A case the caller cannot see is the same 404 as
one that does not exist; a case the caller can see but may not act on is a 403.

The applicant follows a case with its 受理编号 in the path and the 查询码 in the
``X-Query-Code`` header (not in the URL, so that it is not written to access logs);
a wrong code is the same 404 as an unknown number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any, Final, TypeVar, cast

from django.db.models import Q
from django.http import HttpRequest
from ninja import Query, Router
from ninja import Status as Answer
from ninja.params.functions import Header, Path

from gongkai.accounts.models import User
from gongkai.api import application_schemas as s
from gongkai.api.application_presenters import (
    application_detail,
    application_submitted,
    application_summary,
    application_tracked,
)
from gongkai.api.auth import STAFF_AUTH
from gongkai.api.errors import ApiError, ErrorOut
from gongkai.applications import services
from gongkai.applications.models import (
    Application,
    ApplicationEvent,
    Channel,
    Consultation,
)
from gongkai.applications.permissions import visible_applications
from gongkai.applications.privacy import personal_data_reveal
from gongkai.applications.selectors import (
    application_get_by_query,
    application_list_for_staff,
)
from gongkai.applications.status import Status
from gongkai.core import clock
from gongkai.core.converters import MAX_ID, MIN_ID
from gongkai.deadlines.errors import DeadlineError
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import organisation_descendant_ids

router = Router(tags=["依申请公开 applications"])

NOT_FOUND: Final = "没有这件申请，或您无权查看"
TRACK_NOT_FOUND: Final = "没有这件申请：请核对受理编号和查询码（请求头 X-Query-Code）"
#: The earliest date an action may carry (the working-day calendar starts in 2004).
EARLIEST: Final = date(2004, 1, 1)
#: How far ahead a date that may lie in the future (a 补正 deadline) may lie.
AHEAD: Final = timedelta(days=366)
MAX_TRACKING_NUMBER: Final = 80

_ID = Path(..., ge=MIN_ID, le=MAX_ID, description="application id")
_CONSULTATION_ID = Path(..., ge=MIN_ID, le=MAX_ID, description="consultation id")
_STAFF_ERRORS: dict[int, Any] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    413: ErrorOut,
}
_ACTION = {200: s.ApplicationDetailOut, **_STAFF_ERRORS}

F = TypeVar("F", bound=Callable[..., Any])


# -- helpers ------------------------------------------------------------------
def _actor(request: HttpRequest) -> User:
    return cast(User, request.auth)  # type: ignore[attr-defined]


def _visible(request: HttpRequest, application_id: int) -> Application:
    application = (
        visible_applications(_actor(request))
        .select_related("organisation", "unit")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        raise ApiError(NOT_FOUND, code="application_not_found")
    return application


def _organisation(pk: int, field: str) -> Organisation:
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None:
        raise ApiError(
            f"{field}：没有编号为 {pk} 的机关，请核对机关编号",
            code="organisation_not_found",
        )
    return organisation


def _day(value: date | None, field: str, *, ahead: bool = False) -> date:
    """A date of the case file: today when not given; not before 2004, and not
    after today (or, for a date that may lie ahead, not over a year ahead)."""
    today = clock.today()
    if value is None:
        return today
    latest = today + AHEAD if ahead else today
    if not EARLIEST <= value <= latest:
        limit = "一年以后" if ahead else "今天"
        raise ApiError(
            f"{field} {value.isoformat()} 超出范围：应在 {EARLIEST.isoformat()} "
            f"之后、不晚于{limit}（{latest.isoformat()}）",
            code="application_invalid",
        )
    return value


@contextmanager
def _service_errors() -> Iterator[None]:
    """Service errors the API names more exactly than by their class's code."""
    try:
        yield
    except services.ApplicationContentInvalid as exc:
        detail = [
            {
                "field": p.field,
                "code": p.code,
                "message": p.message,
                "item": p.item,
            }
            for p in exc.problems
        ]
        raise ApiError(
            exc.message, code="application_content_invalid", detail=detail
        ) from exc
    except DeadlineError as exc:
        raise ApiError(exc.message, code="deadline_invalid") from exc


def _items(items: list[s.ItemIn]) -> list[services.ItemInput]:
    return [services.ItemInput(i.name, i.document_number, i.description) for i in items]


def _applicant(body: s.SubmissionIn | s.IntakeIn) -> dict[str, Any]:
    return {
        "applicant_type": body.applicant_type,
        "applicant_name": body.applicant_name,
        "id_type": body.id_type,
        "id_number": body.id_number,
        "phone": body.phone,
        "email": body.email,
        "address": body.address,
        "form_wanted": body.form_wanted,
        "delivery": body.delivery,
        "items": _items(body.items),
    }


# -- reading ------------------------------------------------------------------
@router.get(
    "/applications",
    response={200: s.ApplicationPageOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="application_list_api",
    summary="申请列表（工作人员；个人信息遮盖） (cases the caller may see)",
)
def application_list_api(
    request: HttpRequest, filters: Query[s.ApplicationFilter]
) -> dict[str, Any]:
    status = [filters.status] if filters.status else None
    qs = application_list_for_staff(user=_actor(request), status=status)
    if filters.organisation is not None:
        organisation = _organisation(filters.organisation, "organisation")
        below = organisation_descendant_ids(organisation=organisation)
        qs = qs.filter(organisation_id__in=below)
    if filters.unit is not None:
        qs = qs.filter(unit_id=filters.unit)
    if filters.received_from is not None:
        qs = qs.filter(received_on__gte=filters.received_from)
    if filters.received_to is not None:
        qs = qs.filter(received_on__lte=filters.received_to)
    if filters.q:
        qs = qs.filter(
            Q(tracking_number__icontains=filters.q)
            | Q(applicant_name__icontains=filters.q)
        )
    start = (filters.page - 1) * filters.page_size
    return {
        "count": qs.count(),
        "page": filters.page,
        "page_size": filters.page_size,
        "items": [
            application_summary(a) for a in qs[start : start + filters.page_size]
        ],
    }


@router.get(
    "/applications/{id:application_id}",
    response={200: s.ApplicationDetailOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="application_detail_api",
    summary="一件申请（个人信息遮盖；reveal=true 完整显示并记录） (one case)",
)
def application_detail_api(
    request: HttpRequest,
    options: Query[s.RevealQuery],
    application_id: int = _ID,
) -> dict[str, Any]:
    application = _visible(request, application_id)
    whole = None
    if options.reveal:
        whole = personal_data_reveal(
            user=_actor(request), application=application, where="api"
        )
    return application_detail(application.pk, whole=whole)


@router.get(
    "/applications/{id:application_id}/timeline",
    response={200: list[s.EventOut], **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="application_timeline_api",
    summary="办理记录 (the case's timeline: who, when, what, before and after)",
)
def application_timeline_api(
    request: HttpRequest, application_id: int = _ID
) -> list[dict[str, Any]]:
    application = _visible(request, application_id)
    events = ApplicationEvent.objects.filter(application=application).select_related(
        "actor"
    )
    return [
        {
            "id": e.pk,
            "kind": e.kind,
            "on": e.on,
            "actor": str(e.actor) if e.actor else None,
            "before": e.before,
            "after": e.after,
            "note": e.note,
            "created_at": e.created_at,
        }
        for e in events.order_by("pk")
    ]


# -- intake -------------------------------------------------------------------
@router.post(
    "/applications",
    response={201: s.SubmittedOut, 400: ErrorOut, 404: ErrorOut, 413: ErrorOut},
    url_name="application_submit_api",
    summary="提交申请（公众，无需登录） (the public online form)",
)
def application_submit_api(
    request: HttpRequest, body: s.SubmissionIn
) -> Answer[dict[str, Any]]:
    """Channel 网络, received today.  Every problem of the content is answered at
    once: 400 ``application_content_invalid`` with ``detail`` listing ``field``,
    ``code``, ``message`` and ``item`` (0-based, for a requested item).  The
    query code is in the answer only: keep it."""
    organisation = _organisation(body.organisation_id, "organisation_id")
    today = clock.today()
    with _service_errors():
        registered = services.application_register(
            organisation=organisation,
            channel=Channel.ONLINE,
            received_on=today,
            actor=None,
            today=today,
            **_applicant(body),
        )
    return Answer(201, application_submitted(registered))


@router.post(
    "/applications/intake",
    response={201: s.SubmittedOut, **_STAFF_ERRORS},
    auth=STAFF_AUTH,
    url_name="application_intake_api",
    summary="登记申请（工作人员：当面、邮寄、传真、电子邮件） (staff intake)",
)
def application_intake_api(
    request: HttpRequest, body: s.IntakeIn
) -> Answer[dict[str, Any]]:
    organisation = _organisation(body.organisation_id, "organisation_id")

    def day(value: date | None, field: str) -> date | None:
        return _day(value, field) if value is not None else None

    with _service_errors():
        registered = services.application_register(
            organisation=organisation,
            channel=body.channel,
            actor=_actor(request),
            today=clock.today(),
            received_on=day(body.received_on, "received_on"),
            submitted_on=day(body.submitted_on, "submitted_on"),
            signed_for_on=day(body.signed_for_on, "signed_for_on"),
            arrived_on=day(body.arrived_on, "arrived_on"),
            confirmed_on=day(body.confirmed_on, "confirmed_on"),
            **_applicant(body),
        )
    return Answer(201, application_submitted(registered))


# -- the workflow ---------------------------------------------------------------
def _action(path: str, name: str, summary: str) -> Callable[[F], F]:
    return router.post(
        f"/applications/{{id:application_id}}/{path}",
        response=_ACTION,
        auth=STAFF_AUTH,
        url_name=name,
        summary=summary,
    )


@_action("route", "application_route_api", "分办到承办单位（公开办）")
def application_route_api(
    request: HttpRequest, body: s.RouteIn, application_id: int = _ID
) -> dict[str, Any]:
    application = _visible(request, application_id)
    unit = _organisation(body.unit_id, "unit_id")
    with _service_errors():
        services.application_route(
            application=application,
            unit=unit,
            actor=_actor(request),
            on=_day(body.on, "on"),
        )
    return application_detail(application.pk)


@_action("hand-back", "application_hand_back_api", "退回公开办（写明理由）")
def application_hand_back_api(
    request: HttpRequest, body: s.HandBackIn, application_id: int = _ID
) -> dict[str, Any]:
    application = _visible(request, application_id)
    with _service_errors():
        services.application_hand_back(
            application=application,
            reason=body.reason,
            actor=_actor(request),
            on=_day(body.on, "on"),
        )
    return application_detail(application.pk)


@_action("start", "application_start_api", "开始办理")
def application_start_api(
    request: HttpRequest, body: s.OnIn, application_id: int = _ID
) -> dict[str, Any]:
    application = _visible(request, application_id)
    with _service_errors():
        services.application_start(
            application=application, actor=_actor(request), on=_day(body.on, "on")
        )
    return application_detail(application.pk)


@_action("transfer", "application_transfer_api", "转送 gongkai 中的其他机关（公开办）")
def application_transfer_api(
    request: HttpRequest, body: s.TransferIn, application_id: int = _ID
) -> dict[str, Any]:
    application = _visible(request, application_id)
    to = _organisation(body.organisation_id, "organisation_id")
    with _service_errors():
        services.application_transfer(
            application=application,
            to=to,
            actor=_actor(request),
            on=_day(body.on, "on"),
            today=clock.today(),
            reason=body.reason,
        )
    return application_detail(application.pk)


@_action("correction", "application_correction_api", "告知补正（第三十条，一次性）")
def application_correction_api(
    request: HttpRequest, body: s.CorrectionIn, application_id: int = _ID
) -> dict[str, Any]:
    application = _visible(request, application_id)
    with _service_errors():
        result = services.application_request_correction(
            application=application,
            points=body.points,
            notice_on=_day(body.notice_on, "notice_on"),
            deadline=_day(body.deadline, "deadline", ahead=True),
            actor=_actor(request),
        )
    return application_detail(application.pk, warnings=result.warnings)


def _awaiting_correction(application: Application) -> None:
    if application.status != Status.AWAITING_CORRECTION:
        label = Status(application.status).label
        raise ApiError(
            f"申请当前状态为「{label}」，没有待补正的通知：只有「待补正」的申请"
            "可以记录收到补正或逾期未补正",
            code="invalid_transition",
        )


@_action(
    "correction/received",
    "application_correction_received_api",
    "收到补正（重新起算答复期限）",
)
def application_correction_received_api(
    request: HttpRequest, body: s.OnIn, application_id: int = _ID
) -> dict[str, Any]:
    application = _visible(request, application_id)
    _awaiting_correction(application)
    with _service_errors():
        services.application_correction_received(
            application=application, on=_day(body.on, "on"), actor=_actor(request)
        )
    return application_detail(application.pk)


@_action(
    "correction/lapsed",
    "application_correction_lapsed_api",
    "逾期未补正，视为放弃（其他处理 1）",
)
def application_correction_lapsed_api(
    request: HttpRequest, body: s.OnIn, application_id: int = _ID
) -> dict[str, Any]:
    application = _visible(request, application_id)
    _awaiting_correction(application)
    with _service_errors():
        services.application_correction_lapsed(
            application=application, on=_day(body.on, "on"), actor=_actor(request)
        )
    return application_detail(application.pk)


@_action(
    "consultations",
    "application_consult_api",
    "征求第三方或其他机关意见（第三十二条、第三十四条）",
)
def application_consult_api(
    request: HttpRequest, body: s.ConsultIn, application_id: int = _ID
) -> dict[str, Any]:
    application = _visible(request, application_id)
    with _service_errors():
        services.application_consult(
            application=application,
            party_kind=body.party_kind,
            party_name=body.party_name,
            sent_on=_day(body.sent_on, "sent_on"),
            actor=_actor(request),
        )
    return application_detail(application.pk)


@router.post(
    "/applications/{id:application_id}/consultations/{id:consultation_id}/answer",
    response=_ACTION,
    auth=STAFF_AUTH,
    url_name="application_consultation_answered_api",
    summary="记录征求意见的回复（或逾期未答复：answer 为空）",
)
def application_consultation_answered_api(
    request: HttpRequest,
    body: s.ConsultationAnswerIn,
    application_id: int = _ID,
    consultation_id: int = _CONSULTATION_ID,
) -> dict[str, Any]:
    application = _visible(request, application_id)
    consultation = Consultation.objects.filter(
        pk=consultation_id, application=application
    ).first()
    if consultation is None:
        raise ApiError(NOT_FOUND, code="application_not_found")
    received = body.received_by_them_on
    with _service_errors():
        services.application_consultation_answered(
            consultation=consultation,
            answered_on=_day(body.answered_on, "answered_on"),
            actor=_actor(request),
            answer=body.answer,
            received_by_them_on=_day(received, "received_by_them_on")
            if received
            else None,
        )
    return application_detail(application.pk)


@_action(
    "extend", "application_extend_api", "延长答复期限（第三十三条第二款，分管领导）"
)
def application_extend_api(
    request: HttpRequest, body: s.ExtendIn, application_id: int = _ID
) -> dict[str, Any]:
    application = _visible(request, application_id)
    with _service_errors():
        services.application_extend(
            application=application,
            days=body.days,
            approved_on=_day(body.approved_on, "approved_on"),
            notice_sent_on=_day(body.notice_sent_on, "notice_sent_on"),
            actor=_actor(request),
            reason=body.reason,
        )
    return application_detail(application.pk)


@_action(
    "decide",
    "application_decide_api",
    "作出答复：一项办理结果（部分公开列明不予公开的事项）",
)
def application_decide_api(
    request: HttpRequest, body: s.DecideIn, application_id: int = _ID
) -> dict[str, Any]:
    application = _visible(request, application_id)
    with _service_errors():
        services.application_decide(
            application=application,
            outcome=body.outcome,
            decided_on=_day(body.decided_on, "decided_on"),
            actor=_actor(request),
            reason=body.reason,
            withheld=[
                services.Withheld(w.item_id, w.ground, w.note) for w in body.withheld
            ],
            not_this_organ=body.not_this_organ,
            responsible_organ=body.responsible_organ,
        )
    return application_detail(application.pk)


@_action("withdraw", "application_withdraw_api", "申请人撤回申请")
def application_withdraw_api(
    request: HttpRequest, body: s.WithdrawIn, application_id: int = _ID
) -> dict[str, Any]:
    application = _visible(request, application_id)
    with _service_errors():
        services.application_withdraw(
            application=application,
            on=_day(body.on, "on"),
            actor=_actor(request),
            note=body.note,
        )
    return application_detail(application.pk)


@_action("deliver", "application_deliver_api", "送达答复")
def application_deliver_api(
    request: HttpRequest, body: s.DeliverIn, application_id: int = _ID
) -> dict[str, Any]:
    application = _visible(request, application_id)
    with _service_errors():
        services.application_deliver(
            application=application,
            delivered_by=body.delivered_by,
            on=_day(body.on, "on"),
            actor=_actor(request),
        )
    return application_detail(application.pk)


@_action("archive", "application_archive_api", "归档")
def application_archive_api(
    request: HttpRequest, body: s.OnIn, application_id: int = _ID
) -> dict[str, Any]:
    application = _visible(request, application_id)
    with _service_errors():
        services.application_archive(
            application=application, on=_day(body.on, "on"), actor=_actor(request)
        )
    return application_detail(application.pk)


# -- the applicant ---------------------------------------------------------------
@router.get(
    "/applications/track/{tracking_number}",
    response={200: s.TrackOut, 400: ErrorOut, 404: ErrorOut},
    url_name="application_track_api",
    summary="申请人查询办理进度（查询码放在请求头 X-Query-Code） (follow a case)",
)
def application_track_api(
    request: HttpRequest,
    tracking_number: str,
    query_code: str = Header(
        ...,
        alias="X-Query-Code",
        max_length=100,
        description="查询码（提交申请时得到）",
    ),
) -> dict[str, Any]:
    application = None
    if len(tracking_number) <= MAX_TRACKING_NUMBER and "\x00" not in tracking_number:
        application = application_get_by_query(
            tracking_number=tracking_number, query_code=query_code
        )
    if application is None:
        raise ApiError(TRACK_NOT_FOUND, code="application_not_found")
    return application_tracked(application)
