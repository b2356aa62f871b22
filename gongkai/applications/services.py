"""Every change of a disclosure application: one service per state change.

Each service checks who may act (``permissions``), locks the case, checks the
transition (``status.TRANSITIONS``), writes the change and exactly one
``ApplicationEvent`` (before/after) in one transaction, recomputes ``due_on`` with
the deadline engine (:func:`application_compute_due`, a pure function of the case's
records) and queues notifications on commit.  Nothing else writes a case.

Readings of the careful clerk (domain-spec UNVERIFIED items), as settings:
- ``GONGKAI_WITHDRAWAL_OUTCOME`` (default ``other``, (六)3 其他): a withdrawn case
  is concluded, so that 一 + 二 = 三（七） + 四 holds;
- a transfer to another organ in gongkai concludes the case here as 非本机关
  (``unable_not_held``, 第三十六条第（五）项, the organ named) and registers it at
  the other organ, received the day of the transfer, under the same 查询码.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q

from gongkai.accounts.models import Membership, User
from gongkai.applications import intake, permissions
from gongkai.applications.models import (
    Application,
    ApplicationAttachment,
    ApplicationEvent,
    ApplicationItem,
    AttachmentKind,
    Channel,
    Consultation,
    ConsultationParty,
    CorrectionRequest,
    Delivery,
    Extension,
    Notification,
    TrackingCounter,
)
from gongkai.applications.outcomes import (
    BASIS,
    WITHHOLDING_GROUNDS,
    Outcome,
)
from gongkai.applications.rules.content import ContentProblem, RequestedItem
from gongkai.applications.selectors import application_calendar, query_code_hash
from gongkai.applications.status import OPEN, Status, can_transition
from gongkai.core.errors import DomainError, InvalidState, PermissionDenied
from gongkai.deadlines import engine
from gongkai.deadlines.calendar import BusinessCalendar
from gongkai.deadlines.engine import CaseEvents, DueDates
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import organisation_descendant_ids

logger = logging.getLogger(__name__)

MAX_EXTENSION_DAYS = 20
QUERY_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
QUERY_CODE_LENGTH = 10


class ApplicationError(DomainError):
    code = "application_invalid"


class InvalidTransition(InvalidState):
    code = "invalid_transition"

    def __init__(self, *, current: str, requested: str) -> None:
        super().__init__(
            f"申请当前状态为「{Status(current).label}」，不能转为「"
            f"{Status(requested).label}」"
        )


# -- the clock -----------------------------------------------------------------
def application_case_events(*, application: Application) -> CaseEvents:
    """What the case file records, as the deadline engine reads it."""
    correction = None
    c = CorrectionRequest.objects.filter(application=application).first()
    if c is not None:
        correction = engine.Correction(c.notice_on, c.corrected_on)
    consultations = tuple(
        engine.Consultation(k.sent_on, k.answered_on, k.get_party_kind_display())
        for k in Consultation.objects.filter(application=application)
    )
    x = Extension.objects.filter(application=application).first()
    extension = engine.Extension(x.approved_on, x.days) if x is not None else None
    from gongkai.applications.models import FeeNotice  # the fee (``fees``)

    f = FeeNotice.objects.filter(application=application).first()
    fee = engine.FeeNotice(f.received_on, f.paid_on) if f is not None else None
    return CaseEvents(
        received=application.received_on,
        correction=correction,
        consultations=consultations,
        extension=extension,
        fee=fee,  # stops the clock only if rules.FEE_WAIT_STOPS_CLOCK
    )


def application_compute_due(
    *,
    application: Application,
    calendar: BusinessCalendar | None = None,
    today: date | None = None,
) -> DueDates:
    """The case's due dates from its records (第三十条 to 第三十三条): auditable,
    recomputable at any time."""
    events = application_case_events(application=application)
    if calendar is None:
        calendar = application_calendar(
            organisation=application.organisation,
            today=today or application.received_on,
        )
    return engine.case_due_dates(events=events, calendar=calendar)


def _refresh_due(application: Application, on: date) -> None:
    if application.status not in OPEN:
        return
    due = application_compute_due(
        application=application, today=max(on, application.received_on)
    )
    application.due_on = due.reply_due
    application.due_provisional = due.provisional


def application_recompute_open_dues(year: int) -> int:
    """Hook of ``deadlines.services.HOLIDAY_YEAR_ENTERED_HOOKS``: recompute the due
    date of every open case (a year's table was entered).  Returns how many changed."""
    changed = 0
    for application in Application.objects.filter(
        status__in=[s.value for s in OPEN]
    ).select_related("organisation"):
        before = (application.due_on, application.due_provisional)
        _refresh_due(application, date(year, 1, 1))
        if (application.due_on, application.due_provisional) != before:
            Application.objects.filter(pk=application.pk).update(
                due_on=application.due_on,
                due_provisional=application.due_provisional,
            )
            changed += 1
    return changed


# -- notifications ---------------------------------------------------------------
#: The changes of a case its applicant is told about by e-mail (internal steps,
#: such as routing to a unit, are not).
APPLICANT_NOTICES: Mapping[str, str] = {
    "registered": "已收到您的政府信息公开申请",
    "correction_requested": "您的申请需要补正",
    "correction_lapsed": "您未在补正期限内补正",
    "extended": "您的申请答复期限已延长",
    "decided": "您的申请已作出答复",
    "delivered": "答复已送达",
    "transferred": "您的申请已转至其他机关办理",
    "withdrawn": "您的申请已撤回",
}
#: ``Notification.kind`` of the daily due-date reminder.
DUE_REMINDER = "due_reminder"


def notify_staff(*, application_id: int, kind: str, text: str) -> None:
    """An in-app notification to the staff of the case's unit (or, before routing,
    the office).  The reminder task calls this too."""
    application = Application.objects.get(pk=application_id)
    organ = application.unit_id or application.organisation_id
    roles = permissions.UNIT_ROLES if application.unit_id else permissions.OFFICE_ROLES
    users = set(
        Membership.objects.filter(organisation_id=organ, role__in=roles).values_list(
            "user_id", flat=True
        )
    )
    Notification.objects.bulk_create(
        [
            Notification(application=application, user_id=u, kind=kind, text=text)
            for u in sorted(users)
        ]
        or [Notification(application=application, kind=kind, text=text)]
    )


#: What sends the applicant's e-mail after a change is committed: the direct call
#: below, replaced by the reminders app with one that queues it as a background task
#: (so that a slow mail server never holds up the clerk's or applicant's request).
APPLICANT_NOTICE_SENDERS: list[Callable[[int, str], None]] = []


def _queue_applicant_notice(application_id: int, kind: str) -> None:
    if kind not in APPLICANT_NOTICES:
        return
    for send in APPLICANT_NOTICE_SENDERS or [
        lambda pk, k: notify_applicant(application_id=pk, kind=k)
    ]:
        send(application_id, kind)


def notify_applicant(*, application_id: int, kind: str) -> None:
    """E-mail the applicant about a change of their case (``APPLICANT_NOTICES``)
    when they gave an address and chose delivery by e-mail.  A notice only: the
    letters themselves are delivered (送达) and recorded separately.  Runs after
    commit, so a failing mail server is logged and never undoes the change."""
    subject = APPLICANT_NOTICES.get(kind)
    if subject is None:
        return
    application = Application.objects.select_related("organisation").get(
        pk=application_id
    )
    if not application.email or application.delivery != Delivery.EMAIL:
        return
    lines = [
        f"{application.applicant_name}：",
        "",
        f"{subject}。",
        f"受理编号：{application.tracking_number}",
        f"受理机关：{application.organisation.name}",
        f"当前状态：{Status(application.status).label}",
    ]
    if application.status in OPEN and application.due_on is not None:
        provisional = "（暂定）" if application.due_provisional else ""
        lines.append(f"答复期限：{application.due_on.isoformat()}{provisional}")
    site = settings.GONGKAI_SITE_URL
    lines += [
        "",
        "请凭受理编号和查询码查询办理进度、下载答复" + (f"：{site}" if site else "。"),
        "本邮件由系统自动发送，请勿直接回复。",
    ]
    try:
        send_mail(
            subject=f"{subject}（{application.tracking_number}）",
            message="\n".join(lines),
            from_email=None,
            recipient_list=[application.email],
        )
    except OSError:  # smtplib's errors included
        logger.exception(
            "applicant e-mail %s for application %s failed", kind, application_id
        )


def _reminder_recipients(application: Application) -> list[User]:
    """The responsible clerks (the staff of the case's unit, once routed) and the
    disclosure office of the organ the application is addressed to."""
    held = Q(
        organisation_id=application.organisation_id,
        role__in=permissions.OFFICE_ROLES,
    )
    if application.unit_id:
        held |= Q(organisation_id=application.unit_id, role__in=permissions.UNIT_ROLES)
    return list(
        User.objects.filter(
            is_active=True, memberships__in=Membership.objects.filter(held)
        )
        .distinct()
        .order_by("pk")
    )


def _reminder_text(
    application: Application, due: date, today: date, calendar: BusinessCalendar
) -> str:
    if due < today:
        when = f"已逾期 {calendar.working_days_between(due, today)} 个工作日"
    elif due == today:
        when = "今日到期"
    else:
        when = f"还有 {calendar.working_days_between(today, due)} 个工作日到期"
    provisional = "（暂定）" if application.due_provisional else ""
    return (
        f"{application.tracking_number} 答复期限 {due.isoformat()}{provisional}，{when}"
    )


def notify_due_reminders(*, today: date, working_days: int = 5) -> int:
    """For the reminder task: remind the responsible clerks and the office of every
    open case due within ``working_days`` working days or overdue, in the app and
    by e-mail (one message per person with an address, listing their cases).  A case
    that already had its reminder on ``today`` is skipped, so running twice a day
    reminds nobody twice.  Returns how many cases were reminded."""
    mail: dict[int, tuple[User, list[str]]] = {}
    reminded = 0
    for application in (
        Application.objects.filter(
            status__in=[s.value for s in OPEN], due_on__isnull=False
        )
        .select_related("organisation")
        .order_by("due_on", "pk")
    ):
        calendar = application_calendar(
            organisation=application.organisation, today=today
        )
        due = application.due_on
        if due is None or due > calendar.add_working_days(today, working_days):
            continue
        with transaction.atomic():
            _lock(application)  # two runs at once still remind the case once
            if Notification.objects.filter(
                application=application, kind=DUE_REMINDER, created_at__date=today
            ).exists():
                continue
            text = _reminder_text(application, due, today, calendar)
            users = _reminder_recipients(application)
            Notification.objects.bulk_create(
                [
                    Notification(
                        application=application, user=u, kind=DUE_REMINDER, text=text
                    )
                    for u in users
                ]
                or [Notification(application=application, kind=DUE_REMINDER, text=text)]
            )
        reminded += 1
        for user in users:
            if user.email:
                mail.setdefault(user.pk, (user, []))[1].append(text)
    _send_reminder_mail(today, mail.values())
    return reminded


def _send_reminder_mail(
    today: date, messages: Iterable[tuple[User, list[str]]]
) -> None:
    site = settings.GONGKAI_SITE_URL
    for user, texts in messages:
        body = [
            f"{user}：",
            "",
            f"截至 {today.isoformat()}，您负责的以下政府信息公开申请即将到期或已逾期：",
            "",
            *texts,
            "",
            f"请登录后台办理：{site.rstrip('/')}/staff/"
            if site
            else "请登录后台办理。",
        ]
        try:
            send_mail(
                subject=f"{len(texts)} 件政府信息公开申请即将到期或已逾期（{today.isoformat()}）",
                message="\n".join(body),
                from_email=None,
                recipient_list=[user.email],
            )
        except OSError:  # smtplib's errors included; the in-app reminder stands
            logger.exception("reminder e-mail to user %s failed", user.pk)


# -- the shared steps ------------------------------------------------------------
def _lock(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=application.pk)
    )


def _check(application: Application, to: Status) -> None:
    if not can_transition(application.status, to):
        raise InvalidTransition(current=application.status, requested=to)


def _snapshot(application: Application, fields: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in fields:
        value = getattr(application, name)
        out[name] = value.isoformat() if isinstance(value, date) else value
    return out


_TRACKED = ("status", "unit_id", "outcome", "decided_on", "due_on", "due_provisional")


def _commit(
    application: Application,
    before: Mapping[str, Any],
    *,
    kind: str,
    actor: User | None,
    on: date,
    note: str = "",
    extra: Mapping[str, Any] | None = None,
    notify: str = "",
) -> Application:
    """Recompute the due date, save, write the one event, queue notifications."""
    _within_case_span(application, on)
    _refresh_due(application, on)
    application.save()
    after = {**_snapshot(application, _TRACKED), **(extra or {})}
    ApplicationEvent.objects.create(
        application=application,
        actor=actor,
        kind=kind,
        on=on,
        before=dict(before),
        after=after,
        note=note,
    )
    pk = application.pk
    text = (
        notify or f"{application.tracking_number}：{Status(application.status).label}"
    )
    transaction.on_commit(lambda: notify_staff(application_id=pk, kind=kind, text=text))
    transaction.on_commit(lambda: _queue_applicant_notice(pk, kind))
    return application


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _not_before_receipt(application: Application, on: date, what: str) -> None:
    if on < application.received_on:
        raise ApplicationError(
            f"{what}日期 {on.isoformat()} 早于收到申请之日 "
            f"{application.received_on.isoformat()}：请核对日期"
        )
    _within_case_span(application, on, what)


#: No step of a case comes later than this after its receipt: a later date is a
#: mistyped year (and would make the clock build calendars for decades).
MAX_CASE_SPAN = timedelta(days=5 * 366)


def _within_case_span(application: Application, on: date, what: str = "办理") -> None:
    if on > application.received_on + MAX_CASE_SPAN:
        raise ApplicationError(
            f"{what}日期 {on.isoformat()} 晚于收到申请之日 "
            f"{application.received_on.isoformat()} 五年以上：请核对年份"
        )


def _correction_of(application: Application) -> CorrectionRequest:
    correction = (
        CorrectionRequest.objects.select_for_update()
        .filter(application=application)
        .first()
    )
    if correction is None:
        raise ApplicationError("该申请没有发出过补正告知：请先登记补正告知")
    return correction


# -- intake ------------------------------------------------------------------------
@dataclass(frozen=True)
class ItemInput:
    name: str = ""
    document_number: str = ""
    description: str = ""


@dataclass(frozen=True)
class Registered:
    application: Application
    query_code: str  # shown to the applicant once; only its hash is kept
    #: Chinese notes for the clerk on the receipt date (第三十一条), e.g. an
    #: ordinary letter confirmed after the day it arrived.
    warnings: tuple[str, ...] = ()


class ApplicationContentInvalid(ApplicationError):
    """The application cannot be registered as given: every problem at once
    (第二十九条 content, 第三十一条 receipt date), in ``problems``; each has
    ``field`` (an argument of :func:`application_register`, or ``description`` /
    ``items`` with ``item``, the 0-based index of the requested item), ``code``
    and a Chinese ``message``."""

    code = "application_content_invalid"

    def __init__(self, problems: Sequence[ContentProblem]) -> None:
        self.problems: tuple[ContentProblem, ...] = tuple(problems)
        super().__init__(
            "申请不符合第二十九条、第三十一条的要求，请逐项改正："
            + "；".join(p.message for p in self.problems)
        )


def _next_tracking_number(organisation: Organisation, year: int) -> str:
    counter, _ = TrackingCounter.objects.select_for_update().get_or_create(
        organisation=organisation, year=year
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{organisation.code or organisation.pk}-{year}-{counter.last:05d}"


def _new_query_code() -> str:
    return "".join(
        secrets.choice(QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH)
    )


def application_register_problems(
    *,
    applicant_type: str,
    applicant_name: str,
    id_type: str,
    id_number: str,
    form_wanted: str,
    delivery: str,
    items: Sequence[ItemInput],
    today: date,
    phone: str = "",
    email: str = "",
    address: str = "",
) -> list[ContentProblem]:
    """What :func:`application_register` would refuse in this content (第二十九条),
    without writing: the public form checks each field with it as the person types."""
    return intake.application_problems(
        intake.IntakeInput(
            applicant_type=applicant_type,
            applicant_name=applicant_name,
            id_type=id_type,
            id_number=id_number,
            form_wanted=form_wanted,
            delivery=delivery,
            items=tuple(
                RequestedItem(i.name, i.document_number, i.description) for i in items
            ),
            phone=phone,
            email=email,
            address=address,
        ),
        today=today,
    )


@transaction.atomic
def application_register(
    *,
    organisation: Organisation,
    applicant_type: str,
    applicant_name: str,
    id_type: str,
    id_number: str,
    form_wanted: str,
    delivery: str,
    channel: str,
    items: Sequence[ItemInput],
    actor: User | None,
    today: date,
    received_on: date | None = None,
    submitted_on: date | None = None,
    signed_for_on: date | None = None,
    arrived_on: date | None = None,
    confirmed_on: date | None = None,
    phone: str = "",
    email: str = "",
    address: str = "",
    query_code_hash_value: str | None = None,
) -> Registered:
    """Register an application.  Staff enter what came in person, by post, fax or
    e-mail; the public form calls this with ``actor=None``, channel 网络 and
    ``received_on`` today.

    The receipt date follows 第三十一条 per channel (``intake.application_receipt``):
    in person ``submitted_on``, registered post ``signed_for_on``, ordinary post
    ``confirmed_on`` (required; ``arrived_on`` for the warning), online / fax /
    e-mail ``confirmed_on``; ``received_on`` stands for the channel's own date
    except for ordinary post.  Every problem of the content and the date is raised
    at once as :class:`ApplicationContentInvalid`."""
    if actor is None:
        if channel != Channel.ONLINE:
            raise PermissionDenied("未登录时只能通过网络渠道提交申请")
    else:
        _require(
            permissions.can_register(actor, organisation.pk),
            f"您不是「{organisation}」的公开办或承办人员，不能登记申请",
        )
    dates = intake.ReceiptDates(
        channel=channel,
        received_on=received_on,
        submitted_on=submitted_on,
        signed_for_on=signed_for_on,
        arrived_on=arrived_on,
        confirmed_on=confirmed_on,
    )
    receipt, date_problems = intake.application_receipt(dates, today=today)
    problems = application_register_problems(
        applicant_type=applicant_type,
        applicant_name=applicant_name,
        id_type=id_type,
        id_number=id_number,
        form_wanted=form_wanted,
        delivery=delivery,
        items=items,
        today=today,
        phone=phone,
        email=email,
        address=address,
    )
    if problems or date_problems or receipt is None:
        raise ApplicationContentInvalid([*problems, *date_problems])
    return _register(
        Application(
            organisation=organisation,
            tracking_number=_next_tracking_number(
                organisation, receipt.received_on.year
            ),
            applicant_type=applicant_type,
            applicant_name=applicant_name.strip(),
            id_type=id_type,
            id_number=id_number.strip().upper(),
            phone=phone.strip(),
            email=email.strip(),
            address=address.strip(),
            form_wanted=form_wanted,
            delivery=delivery,
            channel=channel,
            received_on=receipt.received_on,
            status=Status.RECEIVED,
        ),
        items=items,
        actor=actor,
        query_code_hash_value=query_code_hash_value,
        receipt=intake.receipt_record(dates),
        warnings=receipt.warnings,
    )


def _register(
    application: Application,
    *,
    items: Sequence[ItemInput],
    actor: User | None,
    query_code_hash_value: str | None,
    receipt: Mapping[str, str],
    warnings: tuple[str, ...],
) -> Registered:
    code = _new_query_code()
    application.query_code_hash = query_code_hash_value or query_code_hash(code)
    application.save()
    ApplicationItem.objects.bulk_create(
        [
            ApplicationItem(
                application=application,
                position=i,
                name=item.name.strip(),
                document_number=item.document_number.strip(),
                description=item.description.strip(),
            )
            for i, item in enumerate(items, start=1)
        ]
    )
    _commit(
        application,
        {},
        kind="registered",
        actor=actor,
        on=application.received_on,
        note="；".join(warnings),
        extra={
            "channel": application.channel,
            "items": len(items),
            "receipt": dict(receipt),
        },
    )
    return Registered(application, code, warnings)


# -- attachments --------------------------------------------------------------------
#: Default of the setting ``GONGKAI_ATTACHMENT_MAX_BYTES``: 10 MB per file.
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024


class AttachmentInvalid(ApplicationError):
    """A file that cannot be kept: too large, empty, or its content is not the type
    its name says (checked by content, not extension).  ``name`` is the file's."""

    code = "attachment_invalid"

    def __init__(self, message: str, *, name: str) -> None:
        super().__init__(message)
        self.name = name


def attachment_max_bytes() -> int:
    return int(getattr(settings, "GONGKAI_ATTACHMENT_MAX_BYTES", ATTACHMENT_MAX_BYTES))


def attachment_read(uploaded_file: File[Any]) -> bytes:
    """The file's bytes, reading at most one byte past the limit."""
    limit = attachment_max_bytes()
    if hasattr(uploaded_file, "seek"):
        uploaded_file.seek(0)
    data = bytearray()
    for chunk in uploaded_file.chunks():
        data += chunk
        if len(data) > limit:
            break
    return bytes(data)


def attachment_name(uploaded_file: File[Any]) -> str:
    """The file's name without the directories some browsers and clients send."""
    return (uploaded_file.name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]


def attachment_accepted(uploaded_file: File[Any]) -> tuple[str, bytes]:
    """The file's name and bytes, once :func:`attachment_check` accepts them."""
    name = attachment_name(uploaded_file)
    data = attachment_read(uploaded_file)
    attachment_check(name=name, data=data)
    return name, data


def attachment_check(*, name: str, data: bytes) -> None:
    """Raise :class:`AttachmentInvalid` for a file that cannot be kept."""
    problem = intake.attachment_problem(
        name=name, data=data, max_bytes=attachment_max_bytes()
    )
    if problem is not None:
        raise AttachmentInvalid(problem, name=name)


@transaction.atomic
def application_attach(
    *,
    application: Application,
    kind: str,
    uploaded_file: File[Any],
    actor: User | None,
    on: date | None = None,
) -> ApplicationAttachment:
    """Keep a file the applicant gave (identity proof, …): at most
    ``GONGKAI_ATTACHMENT_MAX_BYTES``, of a type read from its bytes that matches
    its extension, with its sha256.  ``actor=None`` is the applicant on the public
    form, and only while the case is still as received online.  ``on`` (default:
    the receipt date) dates the timeline event."""
    application = _lock(application)
    if actor is None:
        _require(
            application.channel == Channel.ONLINE
            and application.status == Status.RECEIVED,
            "申请已开始办理，不能再在线补充材料：请联系受理机关",
        )
    else:
        _require(
            permissions.can_handle(actor, application)
            or permissions.can_register(actor, application.organisation_id),
            "您不能为该申请上传材料",
        )
    if kind not in AttachmentKind.values:
        raise ApplicationError(
            "材料类别无效：请选择身份证明、申请书原件、补正材料或其他材料"
        )
    name, data = attachment_accepted(uploaded_file)
    found = intake.sniff(data)
    if found is None:  # attachment_check refuses these already
        raise AttachmentInvalid(f"无法识别文件「{name}」的类型", name=name)
    digest = hashlib.sha256(data).hexdigest()
    attachment = ApplicationAttachment(
        application=application,
        kind=kind,
        original_name=name[:255],
        content_type=found.content_type,
        size=len(data),
        sha256=digest,
    )
    attachment.file.save(f"{digest[:32]}.{found.ext}", ContentFile(data), save=False)
    attachment.save()
    ApplicationEvent.objects.create(
        application=application,
        actor=actor,
        kind="attached",
        on=on or application.received_on,
        after={"kind": kind, "name": name[:255], "sha256": digest, "size": len(data)},
    )
    return attachment


@transaction.atomic
def application_route(
    *, application: Application, unit: Organisation, actor: User, on: date
) -> Application:
    """The office routes the case to the unit that holds the information."""
    application = _lock(application)
    _require(permissions.can_route(actor, application), "只有公开办可以分办申请")
    _check(application, Status.ROUTED)
    if unit.pk not in organisation_descendant_ids(
        organisation=application.organisation
    ):
        raise ApplicationError(
            f"「{unit}」不是「{application.organisation}」或其下属单位：请选择本机关的承办单位"
        )
    before = _snapshot(application, _TRACKED)
    application.unit = unit
    application.status = Status.ROUTED
    return _commit(application, before, kind="routed", actor=actor, on=on)


@transaction.atomic
def application_hand_back(
    *, application: Application, reason: str, actor: User, on: date
) -> Application:
    """A unit hands the case back to the office, with a reason."""
    application = _lock(application)
    _require(permissions.can_handle(actor, application), "您不能办理该申请")
    _check(application, Status.RECEIVED)
    if not reason.strip():
        raise ApplicationError("请填写退回公开办的理由")
    before = _snapshot(application, _TRACKED)
    application.unit = None
    application.status = Status.RECEIVED
    return _commit(
        application, before, kind="handed_back", actor=actor, on=on, note=reason
    )


@transaction.atomic
def application_start(
    *, application: Application, actor: User, on: date
) -> Application:
    """The unit (or the office) starts work on the case."""
    application = _lock(application)
    _require(permissions.can_handle(actor, application), "您不能办理该申请")
    if application.status not in (Status.RECEIVED, Status.ROUTED):
        raise InvalidTransition(
            current=application.status, requested=Status.IN_PROGRESS
        )
    _check(application, Status.IN_PROGRESS)
    before = _snapshot(application, _TRACKED)
    application.status = Status.IN_PROGRESS
    return _commit(application, before, kind="started", actor=actor, on=on)


def _conclude(
    application: Application, *, outcome: str, on: date, basis: str | None = None
) -> None:
    application.outcome = outcome
    application.outcome_basis = BASIS[outcome] if basis is None else basis
    application.decided_on = on


@transaction.atomic
def application_transfer(
    *,
    application: Application,
    to: Organisation,
    actor: User,
    on: date,
    today: date,
    reason: str = "",
) -> Application:
    """Transfer to another organ in gongkai: concluded here as 非本机关 (第三十六条
    第（五）项, ``to`` named) and registered at ``to`` the same day, under the same
    查询码.  Returns the new case."""
    application = _lock(application)
    _require(permissions.is_office(actor, application), "只有公开办可以转送申请")
    _check(application, Status.TRANSFERRED)
    _not_before_receipt(application, on, "转送")
    if to.pk == application.organisation_id:
        raise ApplicationError("不能转送给本机关：请选择负责公开该信息的其他机关")
    before = _snapshot(application, _TRACKED)
    items = [
        ItemInput(i.name, i.document_number, i.description)
        for i in application.items.all()
    ]
    new = Application(
        organisation=to,
        tracking_number=_next_tracking_number(to, on.year),
        query_code_hash=application.query_code_hash,
        **{
            f: getattr(application, f)
            for f in [
                "applicant_type",
                "applicant_name",
                "id_type",
                "id_number",
                "phone",
                "email",
                "address",
                "form_wanted",
                "delivery",
                "channel",
            ]
        },
        received_on=on,
    )
    new.save()
    ApplicationItem.objects.bulk_create(
        [
            ApplicationItem(application=new, position=n, **vars(i))
            for n, i in enumerate(items, start=1)
        ]
    )
    _commit(
        new,
        {},
        kind="registered",
        actor=actor,
        on=on,
        extra={"transferred_from": application.tracking_number},
    )
    application.status = Status.TRANSFERRED
    application.transferred_to = new
    application.responsible_organ = to.name
    _conclude(application, outcome=Outcome.UNABLE_NOT_HELD, on=on)
    _commit(
        application,
        before,
        kind="transferred",
        actor=actor,
        on=on,
        note=reason,
        extra={"to": new.tracking_number},
    )
    return new


# -- 补正 (第三十条) -------------------------------------------------------------
@dataclass(frozen=True)
class CorrectionResult:
    application: Application
    warnings: tuple[str, ...]


@transaction.atomic
def application_request_correction(
    *,
    application: Application,
    points: Sequence[str],
    notice_on: date,
    deadline: date,
    actor: User,
) -> CorrectionResult:
    """第三十条: one notice listing every point; within 7 working days of receipt (a
    later notice is recorded, with a warning)."""
    application = _lock(application)
    _require(permissions.can_handle(actor, application), "您不能办理该申请")
    if CorrectionRequest.objects.filter(application=application).exists():
        raise InvalidState(
            "已经发出过补正通知：第三十条规定一次性告知需要补正的事项，不能再次要求补正"
        )
    _check(application, Status.AWAITING_CORRECTION)
    points = [p.strip() for p in points if p.strip()]
    if not points:
        raise ApplicationError("请逐项列出需要补正的事项（第三十条：一次性告知）")
    _not_before_receipt(application, notice_on, "补正告知")
    if deadline <= notice_on:
        raise ApplicationError(
            f"补正期限 {deadline.isoformat()} 应晚于告知日期 {notice_on.isoformat()}"
        )
    calendar = application_calendar(
        organisation=application.organisation, today=notice_on
    )
    due = engine.correction_notice_due(
        received=application.received_on, calendar=calendar
    ).date
    warnings: tuple[str, ...] = ()
    if notice_on > due:
        warnings = (
            f"补正告知于 {notice_on.isoformat()} 发出，晚于第三十条规定的 "
            f"{due.isoformat()}（收到申请之日起 7 个工作日内）",
        )
    before = _snapshot(application, _TRACKED)
    CorrectionRequest.objects.create(
        application=application,
        notice_on=notice_on,
        points=points,
        deadline=deadline,
        late=bool(warnings),
    )
    application.status = Status.AWAITING_CORRECTION
    _commit(
        application,
        before,
        kind="correction_requested",
        actor=actor,
        on=notice_on,
        note="；".join(warnings),
        extra={"points": points, "deadline": deadline.isoformat()},
    )
    return CorrectionResult(application, warnings)


@transaction.atomic
def application_correction_received(
    *, application: Application, on: date, actor: User
) -> Application:
    """The corrected application arrived: the clock restarts from ``on``."""
    application = _lock(application)
    _require(permissions.can_handle(actor, application), "您不能办理该申请")
    if application.status != Status.AWAITING_CORRECTION:
        raise InvalidTransition(
            current=application.status, requested=Status.IN_PROGRESS
        )
    correction = _correction_of(application)
    if on < correction.notice_on:
        raise ApplicationError(
            f"收到补正的日期 {on.isoformat()} 早于补正告知日期 "
            f"{correction.notice_on.isoformat()}：请核对日期"
        )
    before = _snapshot(application, _TRACKED)
    correction.corrected_on = on
    correction.save(update_fields=["corrected_on", "updated_at"])
    application.status = Status.IN_PROGRESS
    return _commit(application, before, kind="correction_received", actor=actor, on=on)


@transaction.atomic
def application_correction_lapsed(
    *, application: Application, on: date, actor: User
) -> Application:
    """No correction by the deadline: deemed abandoned (第三十条; 其他处理 1)."""
    application = _lock(application)
    _require(permissions.can_handle(actor, application), "您不能办理该申请")
    if application.status != Status.AWAITING_CORRECTION:  # abandoned also by fee
        raise InvalidTransition(current=application.status, requested=Status.ABANDONED)
    _check(application, Status.ABANDONED)
    correction = _correction_of(application)
    if on <= correction.deadline:
        raise ApplicationError(
            f"补正期限 {correction.deadline.isoformat()} 尚未届满，"
            "不能视为放弃申请：请在期限届满后办理"
        )
    before = _snapshot(application, _TRACKED)
    correction.lapsed_on = on
    correction.save(update_fields=["lapsed_on", "updated_at"])
    application.status = Status.ABANDONED
    _conclude(application, outcome=Outcome.OTHER_NO_CORRECTION, on=on)
    return _commit(application, before, kind="correction_lapsed", actor=actor, on=on)


# -- consultations (第三十二条、第三十四条) ------------------------------------------
@transaction.atomic
def application_consult(
    *,
    application: Application,
    party_kind: str,
    party_name: str,
    sent_on: date,
    actor: User,
) -> Consultation:
    application = _lock(application)
    _require(permissions.can_handle(actor, application), "您不能办理该申请")
    _check(application, Status.CONSULTING)
    if party_kind not in ConsultationParty.values:
        raise ApplicationError("征求意见的对象应为第三方或其他机关")
    if not party_name.strip():
        raise ApplicationError("请填写征求意见对象的名称")
    _not_before_receipt(application, sent_on, "征求意见发函")
    before = _snapshot(application, _TRACKED)
    consultation = Consultation.objects.create(
        application=application,
        party_kind=party_kind,
        party_name=party_name.strip(),
        sent_on=sent_on,
    )
    application.status = Status.CONSULTING
    _commit(
        application,
        before,
        kind="consulted",
        actor=actor,
        on=sent_on,
        extra={"party": party_name, "party_kind": party_kind},
    )
    return consultation


@transaction.atomic
def application_consultation_answered(
    *,
    consultation: Consultation,
    answered_on: date,
    actor: User,
    answer: str = "",
    received_by_them_on: date | None = None,
) -> Application:
    """The answer arrived (or record silence by the party's deadline with an empty
    ``answer``: 第三十二条 decide under the Regulation, 第三十四条 deemed consent)."""
    application = _lock(consultation.application)
    _require(permissions.can_handle(actor, application), "您不能办理该申请")
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.answered_on is not None:
        raise InvalidState("该征求意见已记录回复")
    if answered_on < consultation.sent_on:
        raise ApplicationError(
            f"回复日期 {answered_on.isoformat()} 早于发函日期 "
            f"{consultation.sent_on.isoformat()}：请核对日期"
        )
    still_open = (
        Consultation.objects.filter(application=application, answered_on__isnull=True)
        .exclude(pk=consultation.pk)
        .exists()
    )
    to = Status.CONSULTING if still_open else Status.IN_PROGRESS
    if application.status == Status.CONSULTING:
        _check(application, to)
    before = _snapshot(application, _TRACKED)
    consultation.answered_on = answered_on
    consultation.answer = answer
    consultation.received_by_them_on = received_by_them_on
    consultation.save()
    if application.status == Status.CONSULTING:
        application.status = to
    return _commit(
        application,
        before,
        kind="consultation_answered",
        actor=actor,
        on=answered_on,
        extra={"party": consultation.party_name},
    )


# -- extension (第三十三条第二款) -----------------------------------------------------
@transaction.atomic
def application_extend(
    *,
    application: Application,
    days: int,
    approved_on: date,
    notice_sent_on: date,
    actor: User,
    reason: str = "",
) -> Application:
    application = _lock(application)
    _require(
        permissions.can_extend(actor, application),
        "延期答复须经政府信息公开工作机构负责人同意（第三十三条第二款）："
        "只有本机关的分管领导可以批准",
    )
    if Extension.objects.filter(application=application).exists():
        raise InvalidState("该申请已经延期一次：第三十三条第二款只允许延期一次")
    _check(application, Status.EXTENDED)
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise ApplicationError(
            f"延长 {days} 个工作日不符合第三十三条第二款：延长的期限最长不得超过 "
            f"{MAX_EXTENSION_DAYS} 个工作日；请填写 1 至 {MAX_EXTENSION_DAYS}"
        )
    _not_before_receipt(application, approved_on, "批准延期")
    before = _snapshot(application, _TRACKED)
    Extension.objects.create(
        application=application,
        approved_by=actor,
        approved_on=approved_on,
        days=days,
        notice_sent_on=notice_sent_on,
        reason=reason,
    )
    application.status = Status.EXTENDED
    return _commit(
        application,
        before,
        kind="extended",
        actor=actor,
        on=approved_on,
        note=reason,
        extra={"days": days},
    )


# -- decision ------------------------------------------------------------------------
@dataclass(frozen=True)
class Withheld:
    item_id: int
    ground: str  # an outcome code of WITHHOLDING_GROUNDS
    note: str = ""


@transaction.atomic
def application_decide(
    *,
    application: Application,
    outcome: str,
    decided_on: date,
    actor: User,
    reason: str = "",
    withheld: Sequence[Withheld] = (),
    not_this_organ: bool = False,
    responsible_organ: str = "",
) -> Application:
    """Exactly one outcome (a row of section 三).  部分公开 names the withheld items
    and their grounds (第三十七条); 非本机关 (第三十六条第（五）项) names the
    responsible organ."""
    application = _lock(application)
    _require(permissions.can_handle(actor, application), "您不能办理该申请")
    _check(application, Status.DECIDED)
    if outcome not in Outcome.values:
        raise ApplicationError(
            f"办理结果「{outcome}」无效：请从年报的办理结果中选择一项"
        )
    if outcome == Outcome.OTHER_NO_CORRECTION:
        raise ApplicationError("逾期不补正请通过「逾期未补正」办理（第三十条）")
    _not_before_receipt(application, decided_on, "答复")
    items = {i.pk: i for i in application.items.all()}
    if outcome == Outcome.PARTLY_DISCLOSED:
        if not withheld:
            raise ApplicationError("部分公开须写明不予公开的事项及理由（第三十七条）")
        for w in withheld:
            if w.item_id not in items:
                raise ApplicationError(f"申请事项 {w.item_id} 不属于该申请")
            if w.ground not in WITHHOLDING_GROUNDS:
                raise ApplicationError(
                    f"「{w.ground}」不是不予公开的理由：请选择第十四条至第十六条等理由"
                )
    elif withheld:
        raise ApplicationError("只有部分公开才记录不予公开的事项")
    if not_this_organ:
        if outcome != Outcome.UNABLE_NOT_HELD:
            raise ApplicationError(
                "非本机关负责公开的，办理结果应为「本机关不掌握相关政府信息」"
            )
        if not responsible_organ.strip():
            raise ApplicationError(
                "非本机关负责公开的，应告知负责公开的机关名称（第三十六条第（五）项）"
            )
    before = _snapshot(application, _TRACKED)
    for w in withheld:
        item = items[w.item_id]
        item.withheld, item.withheld_ground, item.withheld_note = True, w.ground, w.note
        item.save(update_fields=["withheld", "withheld_ground", "withheld_note"])
    application.status = Status.DECIDED
    application.outcome_reason = reason
    application.responsible_organ = responsible_organ.strip()
    basis = BASIS[outcome]
    if not_this_organ:
        basis = "第三十六条第（五）项"
    _conclude(application, outcome=outcome, on=decided_on, basis=basis)
    return _commit(
        application,
        before,
        kind="decided",
        actor=actor,
        on=decided_on,
        note=reason,
        extra={"withheld": [vars(w) for w in withheld]},
    )


@transaction.atomic
def application_withdraw(
    *, application: Application, on: date, actor: User, note: str = ""
) -> Application:
    """The applicant withdraws: concluded as ``GONGKAI_WITHDRAWAL_OUTCOME``."""
    application = _lock(application)
    _require(permissions.can_handle(actor, application), "您不能办理该申请")
    _check(application, Status.WITHDRAWN)
    _not_before_receipt(application, on, "撤回")
    before = _snapshot(application, _TRACKED)
    application.status = Status.WITHDRAWN
    outcome = getattr(settings, "GONGKAI_WITHDRAWAL_OUTCOME", Outcome.OTHER.value)
    _conclude(application, outcome=outcome, on=on, basis="申请人撤回申请")
    return _commit(application, before, kind="withdrawn", actor=actor, on=on, note=note)


@transaction.atomic
def application_deliver(
    *,
    application: Application,
    delivered_by: str,
    on: date,
    actor: User,
    proof: File[Any] | None = None,
) -> Application:
    application = _lock(application)
    _require(permissions.can_handle(actor, application), "您不能办理该申请")
    _check(application, Status.DELIVERED)
    if delivered_by not in Delivery.values:
        raise ApplicationError("请选择送达方式：自取、邮寄、电子邮件或在线")
    if application.decided_on is not None and on < application.decided_on:
        raise ApplicationError(
            f"送达日期 {on.isoformat()} 早于答复日期 {application.decided_on.isoformat()}"
        )
    before = _snapshot(application, _TRACKED)
    application.status = Status.DELIVERED
    application.delivered_on = on
    application.delivered_by = delivered_by
    if proof is not None:
        # Checked as every attachment is: size, and type read from the bytes.
        name, data = attachment_accepted(proof)
        application.delivery_proof.save(name, ContentFile(data), save=False)
    return _commit(
        application,
        before,
        kind="delivered",
        actor=actor,
        on=on,
        extra={"delivered_by": delivered_by},
    )


@transaction.atomic
def application_archive(
    *, application: Application, on: date, actor: User
) -> Application:
    application = _lock(application)
    _require(permissions.can_handle(actor, application), "您不能办理该申请")
    _check(application, Status.ARCHIVED)
    before = _snapshot(application, _TRACKED)
    application.status = Status.ARCHIVED
    application.archived_on = on
    return _commit(application, before, kind="archived", actor=actor, on=on)
