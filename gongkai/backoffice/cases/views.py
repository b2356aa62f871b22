"""Staff pages of disclosure applications: the dashboard of due dates per unit, the
case list, the intake form and the case page with its actions.

Views check the shape of the input (``forms``), call ``applications.services`` and
render; they write nothing themselves.  A service's ``PermissionDenied`` is the 403
page, an unknown id the 404 page; a service's ``DomainError`` is shown next to the
field it names, or above the form, with everything typed kept."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from gongkai.accounts.models import User
from gongkai.accounts.scope import user_scope
from gongkai.appeals.models import Appeal
from gongkai.applications import permissions, privacy, services
from gongkai.applications.models import Application, ApplicationAttachment
from gongkai.applications.outcomes import BASIS, Outcome
from gongkai.applications.status import Status
from gongkai.backoffice.cases import forms as f
from gongkai.backoffice.cases import selectors
from gongkai.core import clock
from gongkai.core.errors import DomainError
from gongkai.core.errors import PermissionDenied as DomainPermissionDenied
from gongkai.core.http import not_found
from gongkai.letters.selectors import letters_for_case

PAGE_SIZE = 25


class AuthenticatedHttpRequest(HttpRequest):
    user: User


def _forbidden(exc: DomainPermissionDenied) -> PermissionDenied:
    return PermissionDenied(exc.message)


def cases_view(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """Login required, a role that sees cases required (403 otherwise), and a
    service's ``PermissionDenied`` turned into the 403 page."""

    @login_required
    @wraps(view)
    def wrapper(
        request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        if not selectors.can_use_cases(request.user):
            raise PermissionDenied(_("您的账号没有办理政府信息公开申请的岗位。"))
        try:
            return view(request, *args, **kwargs)
        except DomainPermissionDenied as exc:
            raise _forbidden(exc) from exc

    return wrapper


def case_or_404(
    request: AuthenticatedHttpRequest, pk: int
) -> Application | HttpResponse:
    application = selectors.case_get(pk=pk)
    if application is None:
        return not_found(request, _("没有这件政府信息公开申请。"))
    if not permissions.can_view(request.user, application):
        raise PermissionDenied(
            _("您无权查看申请 %(number)s：它不属于您所在的单位。")
            % {"number": application.tracking_number}
        )
    return application


def add_domain_error(
    form: Any, exc: DomainError, field_of: Callable[..., str | None] | None = None
) -> None:
    """Put a service's error next to the field(s) it names, else above the form.

    Understands ``exc.field`` (``rules.receipt``) and ``exc.problems`` (a list of
    objects with ``field``, ``message`` and optionally ``item``: ``rules.content``)."""
    placed = False
    problems = getattr(exc, "problems", None)
    if problems:
        for problem in problems:
            name = getattr(problem, "field", "")
            message = getattr(problem, "message", str(problem))
            target = (
                field_of(name, getattr(problem, "item", None)) if field_of else None
            )
            form.add_error(target if target in form.fields else None, message)
            placed = True
    if not placed:
        name = getattr(exc, "field", None)
        target = field_of(name) if field_of and name else None
        form.add_error(target if target in form.fields else None, exc.message)


# -- dashboard -----------------------------------------------------------------------
@require_GET
@cases_view
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = clock.today()
    boards = selectors.dashboard_boards(user=request.user, today=today)
    return render(
        request,
        "backoffice/cases/dashboard.html",
        {
            "today": today,
            "boards": boards,
            "soon_days": selectors.SOON_WORKING_DAYS,
            "totals": {
                "open": sum(b.open_count for b in boards),
                "overdue": sum(len(b.overdue) for b in boards),
                "today": sum(len(b.due_today) for b in boards),
                "soon": sum(len(b.due_soon) for b in boards),
            },
            "can_register": _register_organs(request.user).exists(),
        },
    )


# -- list ------------------------------------------------------------------------------
@require_GET
@cases_view
def case_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = f.CaseFilterForm(
        request.GET or None, units=selectors.filter_units(request.user)
    )
    filters: dict[str, Any] = {}
    if form.is_bound:
        form.is_valid()
        filters = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
    cases = selectors.case_list(user=request.user, filters=filters)
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "backoffice/cases/list.html",
        {
            "form": form,
            "page": page,
            "rows": selectors.list_rows(page.object_list),
            "query": query.urlencode(),
        },
    )


# -- intake ----------------------------------------------------------------------------
def _register_organs(user: User) -> Any:
    return user_scope(user).organisations(permissions.REGISTER_ROLES).order_by("name")


def _intake_page(request: AuthenticatedHttpRequest, form: f.IntakeForm) -> HttpResponse:
    return render(request, "backoffice/cases/intake.html", {"form": form})


@require_http_methods(["GET", "POST"])
@cases_view
def intake(request: AuthenticatedHttpRequest) -> HttpResponse:
    organs = _register_organs(request.user)
    if not organs.exists():
        raise PermissionDenied(_("只有公开办或承办人员可以登记申请。"))
    if request.method != "POST":
        today = clock.today()
        form = f.IntakeForm(
            organisations=organs,
            initial={"submitted_on": today, "organisation": organs.first()},
        )
        return _intake_page(request, form)
    form = f.IntakeForm(request.POST, organisations=organs)
    if not form.is_valid():
        return _intake_page(request, form)
    data = form.cleaned_data
    today = clock.today()
    try:
        registered = services.application_register(
            organisation=data["organisation"],
            applicant_type=data["applicant_type"],
            applicant_name=data["applicant_name"],
            id_type=data["id_type"],
            id_number=data["id_number"],
            phone=data["phone"],
            email=data["email"],
            address=data["address"],
            form_wanted=data["form_wanted"],
            delivery=data["delivery"],
            channel=data["channel"],
            submitted_on=data["submitted_on"],
            signed_for_on=data["signed_for_on"],
            arrived_on=data["arrived_on"],
            confirmed_on=data["confirmed_on"],
            items=[
                services.ItemInput(name, number, description)
                for name, number, description in form.items()
            ],
            actor=request.user,
            today=today,
        )
    except DomainPermissionDenied:
        raise
    except DomainError as exc:
        add_domain_error(form, exc, f.intake_field)
        return _intake_page(request, form)
    application = registered.application
    for warning in registered.warnings:
        messages.warning(request, warning)
    messages.success(
        request,
        _(
            "已登记申请 %(number)s，收到申请之日为 %(date)s。查询码：%(code)s（只显示这一次，请告知申请人）"
        )
        % {
            "number": application.tracking_number,
            "date": application.received_on.isoformat(),
            "code": registered.query_code,
        },
    )
    return redirect("backoffice:cases:detail", pk=application.pk)


# -- the case page ---------------------------------------------------------------------
#: Date fields of the action forms, filled with today's date when a form is new.
_DATE_FIELDS = (
    "on",
    "notice_on",
    "sent_on",
    "answered_on",
    "approved_on",
    "notice_sent_on",
    "decided_on",
)


@dataclass(frozen=True)
class ActionSpec:
    title: str
    form: type[f.ActionForm]
    button: str
    danger: bool = False


def _specs() -> dict[str, ActionSpec]:
    return {
        "route": ActionSpec(_("分办"), f.RouteForm, _("分办到承办单位")),
        "start": ActionSpec(_("开始办理"), f.OnForm, _("开始办理")),
        "hand_back": ActionSpec(_("退回公开办"), f.HandBackForm, _("退回")),
        "request_correction": ActionSpec(
            _("补正告知（第三十条）"), f.CorrectionForm, _("发出补正告知")
        ),
        "correction_received": ActionSpec(_("收到补正"), f.OnForm, _("记录收到补正")),
        "correction_lapsed": ActionSpec(
            _("逾期未补正（视为放弃）"), f.OnForm, _("记录逾期未补正"), danger=True
        ),
        "consult": ActionSpec(
            _("征求意见（第三十二条、第三十四条）"), f.ConsultForm, _("记录发函")
        ),
        "consultation_answered": ActionSpec(
            _("征求意见回复"), f.ConsultationAnswerForm, _("记录回复")
        ),
        "extend": ActionSpec(
            _("延期答复（第三十三条第二款）"), f.ExtendForm, _("批准延期")
        ),
        "decide": ActionSpec(_("作出答复"), f.DecideForm, _("记录答复")),
        "transfer": ActionSpec(
            _("转送其他机关"), f.TransferForm, _("转送"), danger=True
        ),
        "not_this_organ": ActionSpec(
            _("答复非本机关负责公开（第三十六条第（五）项）"),
            f.NotThisOrganForm,
            _("记录答复"),
        ),
        "withdraw": ActionSpec(
            _("申请人撤回申请"), f.WithdrawForm, _("记录撤回"), danger=True
        ),
        "deliver": ActionSpec(_("送达"), f.DeliverForm, _("记录送达")),
        "archive": ActionSpec(_("归档"), f.OnForm, _("归档")),
    }


def _make_form(
    action: str,
    application: Application,
    file: selectors.CaseFile,
    data: Any = None,
    files: Any = None,
) -> f.ActionForm:
    spec = _specs()[action]
    # every action form is on the same page: ids must not clash
    kwargs: dict[str, Any] = {"application": application, "auto_id": f"{action}-%s"}
    if action == "route":
        kwargs["units"] = selectors.route_units(application)
    elif action == "transfer":
        kwargs["organs"] = selectors.transfer_organs(application)
    elif action == "decide":
        kwargs["items"] = file.items
    if data is None:
        today = clock.today()
        kwargs["initial"] = dict.fromkeys(_DATE_FIELDS, today)
        return spec.form(**kwargs)
    return spec.form(data, files, **kwargs)


@dataclass(frozen=True)
class ActionPanel:
    name: str
    spec: ActionSpec
    form: f.ActionForm
    url: str


def _case_page(
    request: AuthenticatedHttpRequest,
    application: Application,
    *,
    bound: tuple[str, f.ActionForm] | None = None,
    personal: privacy.PersonalData | None = None,
    attach_form: f.AttachForm | None = None,
    status: int = 200,
) -> HttpResponse:
    file = selectors.case_file(application)
    today = clock.today()
    panels = []
    for action in selectors.available_actions(
        user=request.user, application=application, file=file
    ):
        form = (
            bound[1]
            if bound and bound[0] == action
            else _make_form(action, application, file)
        )
        panels.append(
            ActionPanel(
                action,
                _specs()[action],
                form,
                reverse("backoffice:cases:action", args=[application.pk, action]),
            )
        )
    correction_due = (
        selectors.correction_notice_due(application, today)
        if any(p.name == "request_correction" for p in panels)
        else None
    )
    can_handle = permissions.can_handle(request.user, application)
    return render(
        request,
        "backoffice/cases/detail.html",
        {
            "case": application,
            "file": file,
            "can_handle": can_handle,
            "letters": letters_for_case(application),
            "appeals": list(
                Appeal.objects.filter(application=application).order_by(
                    "filed_on", "pk"
                )
            ),
            "attach_form": (attach_form or f.AttachForm()) if can_handle else None,
            "panels": panels,
            "active": bound[0] if bound else "",
            "personal": personal or privacy.personal_data_masked(application),
            "revealed": personal is not None,
            "can_reveal": permissions.can_handle(request.user, application),
            "correction_due": correction_due,
            "basis": [
                (o.label, BASIS.get(o.value, ""))
                for o in Outcome
                if o.value not in f.NOT_DECIDABLE
            ],
            "is_open": application.is_open,
            "timeline": selectors.timeline(file.events),
        },
        status=status,
    )


@require_GET
@cases_view
def case_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = case_or_404(request, pk)
    if isinstance(application, HttpResponse):
        return application
    return _case_page(request, application)


@require_POST
@cases_view
def case_reveal(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The applicant's whole personal data (the view is logged by ``privacy``)."""
    application = case_or_404(request, pk)
    if isinstance(application, HttpResponse):
        return application
    personal = privacy.personal_data_reveal(
        user=request.user,
        application=application,
        where=reverse("backoffice:cases:detail", args=[application.pk]),
    )
    return _case_page(request, application, personal=personal)


def _run(action: str, form: Any, application: Application, actor: User) -> str:
    """Call the action's service; returns the success message."""
    d = form.cleaned_data
    s = services
    if action == "route":
        s.application_route(
            application=application, unit=d["unit"], actor=actor, on=d["on"]
        )
        return _("已分办到「%(unit)s」。") % {"unit": d["unit"]}
    if action == "start":
        s.application_start(application=application, actor=actor, on=d["on"])
        return _("已开始办理。")
    if action == "hand_back":
        s.application_hand_back(
            application=application, reason=d["reason"], actor=actor, on=d["on"]
        )
        return _("已退回公开办。")
    if action == "request_correction":
        result = s.application_request_correction(
            application=application,
            points=form.point_list(),
            notice_on=d["notice_on"],
            deadline=d["deadline"],
            actor=actor,
        )
        return "；".join([_("已发出补正告知。"), *result.warnings])
    if action == "correction_received":
        s.application_correction_received(
            application=application, on=d["on"], actor=actor
        )
        return _("已记录收到补正，答复期限重新计算。")
    if action == "correction_lapsed":
        s.application_correction_lapsed(
            application=application, on=d["on"], actor=actor
        )
        return _("已记录逾期未补正，申请视为放弃。")
    if action == "consult":
        s.application_consult(
            application=application,
            party_kind=d["party_kind"],
            party_name=d["party_name"],
            sent_on=d["sent_on"],
            actor=actor,
        )
        return _("已记录征求意见发函，征求意见时间不计入答复期限。")
    if action == "consultation_answered":
        s.application_consultation_answered(
            consultation=d["consultation"],
            answered_on=d["answered_on"],
            actor=actor,
            answer=d["answer"],
            received_by_them_on=d["received_by_them_on"],
        )
        return _("已记录征求意见的回复。")
    if action == "extend":
        s.application_extend(
            application=application,
            days=d["days"],
            approved_on=d["approved_on"],
            notice_sent_on=d["notice_sent_on"],
            actor=actor,
            reason=d["reason"],
        )
        return _("已批准延期 %(days)d 个工作日。") % {"days": d["days"]}
    if action == "decide":
        s.application_decide(
            application=application,
            outcome=d["outcome"],
            decided_on=d["decided_on"],
            actor=actor,
            reason=d["reason"],
            withheld=[
                s.Withheld(pk, ground, note) for pk, ground, note in form.withheld()
            ],
        )
        return _("已记录答复：%(outcome)s。") % {"outcome": Outcome(d["outcome"]).label}
    if action == "transfer":
        new = s.application_transfer(
            application=application,
            to=d["to"],
            actor=actor,
            on=d["on"],
            today=clock.today(),
            reason=d["reason"],
        )
        return _("已转送「%(organ)s」，对方受理编号 %(number)s。") % {
            "organ": d["to"],
            "number": new.tracking_number,
        }
    if action == "not_this_organ":
        s.application_decide(
            application=application,
            outcome=Outcome.UNABLE_NOT_HELD,
            decided_on=d["decided_on"],
            actor=actor,
            reason=d["reason"],
            not_this_organ=True,
            responsible_organ=d["responsible_organ"],
        )
        return _("已答复非本机关负责公开，并告知负责公开的机关。")
    if action == "withdraw":
        s.application_withdraw(
            application=application, on=d["on"], actor=actor, note=d["note"]
        )
        return _("已记录申请人撤回申请。")
    if action == "deliver":
        s.application_deliver(
            application=application,
            delivered_by=d["delivered_by"],
            on=d["on"],
            actor=actor,
            proof=d["proof"],
        )
        return _("已记录送达。")
    if action == "archive":
        s.application_archive(application=application, on=d["on"], actor=actor)
        return _("已归档。")
    raise KeyError(action)


@require_POST
@cases_view
def case_action(
    request: AuthenticatedHttpRequest, pk: int, action: str
) -> HttpResponse:
    if action not in selectors.ACTIONS:
        return not_found(request, _("没有这项操作。"))
    application = case_or_404(request, pk)
    if isinstance(application, HttpResponse):
        return application
    file = selectors.case_file(application)
    available = selectors.available_actions(
        user=request.user, application=application, file=file
    )
    if action not in available:
        if not selectors.permitted(
            user=request.user, application=application, action=action
        ):
            raise PermissionDenied(
                _("您不能对申请 %(number)s 进行这项操作。")
                % {"number": application.tracking_number}
            )
        messages.error(
            request,
            _(
                "申请当前状态为「%(status)s」，不能进行这项操作；页面已刷新为当前可进行的操作。"
            )
            % {"status": Status(application.status).label},
        )
        return redirect("backoffice:cases:detail", pk=application.pk)
    form = _make_form(action, application, file, request.POST, request.FILES)
    if not form.is_valid():
        return _case_page(request, application, bound=(action, form), status=400)
    try:
        message = _run(action, form, application, request.user)
    except DomainPermissionDenied:
        raise
    except DomainError as exc:
        add_domain_error(form, exc)
        application.refresh_from_db()
        return _case_page(request, application, bound=(action, form), status=400)
    messages.success(request, message)
    return redirect("backoffice:cases:detail", pk=application.pk)


@require_POST
@cases_view
def case_attach(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Keep a file for the case (checked by its content, not its name)."""
    application = case_or_404(request, pk)
    if isinstance(application, HttpResponse):
        return application
    form = f.AttachForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.application_attach(
                application=application,
                kind=form.cleaned_data["kind"],
                uploaded_file=form.cleaned_data["file"],
                actor=request.user,
            )
        except DomainError as exc:
            if isinstance(exc, DomainPermissionDenied):
                raise
            form.add_error("file", exc.message)
        else:
            messages.success(request, _("材料已上传。"))
            return redirect("backoffice:cases:detail", pk=application.pk)
    return _case_page(request, application, attach_form=form, status=400)


@require_GET
@cases_view
def case_attachment(
    request: AuthenticatedHttpRequest, pk: int, attachment: int
) -> HttpResponseBase:
    """One file of the case, for the staff who may see the case."""
    application = case_or_404(request, pk)
    if isinstance(application, HttpResponse):
        return application
    kept = ApplicationAttachment.objects.filter(
        application=application, pk=attachment
    ).first()
    if kept is None:
        return not_found(request, _("这件申请没有这份材料。"))
    response = FileResponse(
        kept.file.open("rb"),
        as_attachment=True,
        filename=kept.original_name,
        content_type=kept.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
