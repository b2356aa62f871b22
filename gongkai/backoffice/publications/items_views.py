"""Staff pages of information items: the list, drafting (create, edit, attach),
the item page with its review steps (submit, 保密审查, the 分管领导's approval,
return, withdraw, repeal, lapse) and timeline, and amending a published item.

Views check the shape of the input (``forms``), call ``publications.services`` and
render; a service's ``DomainError`` is shown on the form with everything typed
kept, its ``PermissionDenied`` is the 403 page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.backoffice.publications import forms as f
from gongkai.backoffice.publications import selectors
from gongkai.backoffice.publications.common import (
    AuthenticatedHttpRequest,
    add_domain_error,
    item_or_404,
    organs,
    publications_view,
)
from gongkai.core import clock
from gongkai.core.errors import DomainError
from gongkai.core.errors import PermissionDenied as DomainPermissionDenied
from gongkai.core.http import not_found
from gongkai.publications import permissions, services
from gongkai.publications.errors import ReviewIncomplete
from gongkai.publications.models import (
    GENRES,
    CatalogueCategory,
    Channel,
    InformationItem,
)
from gongkai.publications.sanitise import clean_html
from gongkai.publications.selectors import checklist_for
from gongkai.publications.status import Status

PAGE_SIZE = 25


# -- the list --------------------------------------------------------------------
@require_GET
@publications_view()
def item_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = f.ItemFilterForm(
        request.GET or None,
        units=selectors.filter_units(request.user),
        categories=selectors.filter_categories(request.user),
    )
    filters: dict[str, Any] = {}
    if form.is_bound:
        form.is_valid()
        filters = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
    items = selectors.item_list(user=request.user, filters=filters, today=clock.today())
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "backoffice/publications/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_draft": organs(request.user, permissions.DRAFT_ROLES).exists(),
        },
    )


# -- drafting --------------------------------------------------------------------
def _categories(organisation_ids: Any) -> QuerySet[CatalogueCategory]:
    return (
        CatalogueCategory.objects.filter(organisation_id__in=organisation_ids)
        .select_related("organisation")
        .order_by("organisation__name", "position", "pk")
    )


def _attach(form: f.ItemForm, item: InformationItem, request: Any) -> None:
    """Every file chosen, one ``item_attach`` each (in the caller's transaction:
    one refused file keeps none)."""
    for upload in form.cleaned_data.get("attachment") or ():
        services.item_attach(
            item=item,
            actor=request.user,
            today=clock.today(),
            content=upload.read(),
            name=upload.name,
        )


def _form_page(
    request: AuthenticatedHttpRequest,
    form: f.ItemForm,
    item: InformationItem | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "backoffice/publications/item_form.html",
        {"form": form, "item": item, "genres": GENRES},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@publications_view(permissions.DRAFT_ROLES)
def item_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = organs(request.user, permissions.DRAFT_ROLES)
    ids = list(organisations.values_list("pk", flat=True))
    kwargs = {
        "organisations": organisations,
        "categories": _categories(ids),
        "replaceable": selectors.replaces_choices(organisation_ids=ids),
    }
    if request.method != "POST":
        form = f.ItemCreateForm(
            initial={"organisation": organisations.first(), "formed_on": clock.today()},
            **kwargs,
        )
        return _form_page(request, form)
    form = f.ItemCreateForm(request.POST, request.FILES, **kwargs)
    if not form.is_valid():
        return _form_page(request, form, status=400)
    try:
        with transaction.atomic():
            item = services.item_create(
                organisation=form.cleaned_data["organisation"],
                actor=request.user,
                today=clock.today(),
                **form.values(),
            )
            _attach(form, item, request)
    except DomainPermissionDenied:
        raise
    except DomainError as exc:
        add_domain_error(form, exc)
        return _form_page(request, form, status=400)
    messages.success(request, _("草稿已保存。"))
    return redirect("backoffice:publications:item", pk=item.pk)


def _initial(item: InformationItem) -> dict[str, Any]:
    return {n: getattr(item, n) for n in services.EDITABLE}


def _choices(item: InformationItem) -> dict[str, Any]:
    """The choices of the item's form: its organ's categories and documents."""
    return {
        "categories": _categories([item.organisation_id]),
        "replaceable": selectors.replaces_choices(
            organisation_ids=[item.organisation_id], item=item
        ),
    }


@require_http_methods(["GET", "POST"])
@publications_view(permissions.DRAFT_ROLES)
def item_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = item_or_404(request, pk)
    if isinstance(item, HttpResponse):
        return item
    if not permissions.can_draft(request.user, item.organisation_id):
        raise PermissionDenied(_("您不是该信息发布机构的承办人，不能修改。"))
    if item.status != Status.DRAFT:
        messages.error(request, _("只有草稿可以修改；已发布的信息请用「更正」。"))
        return redirect("backoffice:publications:item", pk=item.pk)
    choices = _choices(item)
    if request.method != "POST":
        form = f.ItemForm(initial=_initial(item), **choices)
        return _form_page(request, form, item)
    form = f.ItemForm(request.POST, request.FILES, **choices)
    if not form.is_valid():
        return _form_page(request, form, item, status=400)
    try:
        with transaction.atomic():
            services.item_update(
                item=item, actor=request.user, today=clock.today(), **form.values()
            )
            _attach(form, item, request)
    except DomainPermissionDenied:
        raise
    except DomainError as exc:
        add_domain_error(form, exc)
        return _form_page(request, form, item, status=400)
    messages.success(request, _("草稿已保存。"))
    return redirect("backoffice:publications:item", pk=item.pk)


@require_POST
@publications_view(permissions.WRITE_ROLES)
def body_preview(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The rich-text ``body`` as it will be saved: the same sanitiser as the
    services (``sanitise.clean_html``); htmx swaps it below the textarea."""
    html = clean_html(request.POST.get("body", ""))
    response = render(
        request, "backoffice/publications/_body_preview.html", {"html": html}
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
@publications_view(permissions.AMEND_ROLES)
def item_amend(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """更正 a published item in place (the 公开办 or a 审核人, with the reason)."""
    item = item_or_404(request, pk)
    if isinstance(item, HttpResponse):
        return item
    if not permissions.can_amend(request.user, item):
        raise PermissionDenied(_("您无权更正该信息。"))
    if item.status != Status.PUBLISHED:
        messages.error(request, _("只有已发布的信息可以更正。"))
        return redirect("backoffice:publications:item", pk=item.pk)
    choices = _choices(item)
    if request.method != "POST":
        form = f.ItemAmendForm(
            initial=_initial(item) | {"amended_on": clock.today()}, **choices
        )
        return _form_page(request, form, item)
    form = f.ItemAmendForm(request.POST, **choices)
    if form.is_valid():
        try:
            services.item_amend(
                item=item,
                actor=request.user,
                today=clock.today(),
                comment=form.cleaned_data["comment"],
                amended_on=form.cleaned_data["amended_on"],
                **form.values(),
            )
        except DomainPermissionDenied:
            raise
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, _("已更正，网站上的信息已更新。"))
            return redirect("backoffice:publications:item", pk=item.pk)
    return _form_page(request, form, item, status=400)


# -- the item page ---------------------------------------------------------------
@dataclass(frozen=True)
class StepSpec:
    title: Any
    button: Any
    danger: bool = False


STEPS: dict[str, StepSpec] = {
    "submit": StepSpec(gettext_lazy("提交审核"), gettext_lazy("提交审核人审核")),
    "review": StepSpec(
        gettext_lazy("审核（保密审查）"), gettext_lazy("审核通过，报分管领导审批")
    ),
    "approve": StepSpec(gettext_lazy("分管领导审批"), gettext_lazy("批准并发布")),
    "return": StepSpec(gettext_lazy("退回修改"), gettext_lazy("退回"), danger=True),
    "withdraw": StepSpec(
        gettext_lazy("撤回已发布的信息"), gettext_lazy("撤回"), danger=True
    ),
    "repeal": StepSpec(gettext_lazy("废止"), gettext_lazy("记录废止"), danger=True),
    "lapse": StepSpec(gettext_lazy("宣布失效"), gettext_lazy("记录失效"), danger=True),
}


def _step_form(
    action: str, item: InformationItem, data: Any = None
) -> f.CommentForm | f.ReviewForm | f.EndForm:
    auto_id = f"{action}-%s"
    if action == "review":
        questions = checklist_for(organisation=item.organisation)
        return f.ReviewForm(data, questions=questions, auto_id=auto_id)
    if action in ("repeal", "lapse"):
        return f.EndForm(data, auto_id=auto_id, initial={"on": clock.today()})
    return f.CommentForm(data, auto_id=auto_id)


@dataclass(frozen=True)
class Panel:
    name: str
    spec: StepSpec
    form: Any
    url: str


def _item_page(
    request: AuthenticatedHttpRequest,
    item: InformationItem,
    bound: tuple[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    panels = [
        Panel(
            action,
            STEPS[action],
            bound[1] if bound and bound[0] == action else _step_form(action, item),
            reverse("backoffice:publications:step", args=[item.pk, action]),
        )
        for action in selectors.available_actions(user=request.user, item=item)
    ]
    user = request.user
    return render(
        request,
        "backoffice/publications/item.html",
        {
            "item": item,
            "panels": panels,
            "active": bound[0] if bound else "",
            "timeline": selectors.timeline(item),
            "attachments": list(item.attachments.all()),
            "channels": [
                Channel(c).label for c in item.channels if c in Channel.values
            ],
            "interpretations": list(item.interpretations.order_by("pk")),
            "can_edit": item.status == Status.DRAFT
            and permissions.can_draft(user, item.organisation_id),
            "can_amend": item.status == Status.PUBLISHED
            and permissions.can_amend(user, item),
            "can_interpret": item.status != Status.WITHDRAWN
            and (
                permissions.can_draft(user, item.organisation_id)
                or permissions.can_manage_site(user, item.organisation_id)
            ),
        },
        status=status,
    )


@require_GET
@publications_view()
def item_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = item_or_404(request, pk)
    if isinstance(item, HttpResponse):
        return item
    return _item_page(request, item)


def _run(action: str, form: Any, item: InformationItem, actor: Any) -> str:
    """Call the step's service; returns the success message."""
    s, today = services, clock.today()
    data = form.cleaned_data
    if action == "submit":
        s.item_submit(item=item, actor=actor, today=today, comment=data["comment"])
        return _("已提交审核。")
    if action == "review":
        s.item_review_approve(
            item=item,
            actor=actor,
            today=today,
            answers=form.answers(),
            comment=data["comment"],
        )
        return _("保密审查通过，已报分管领导审批。")
    if action == "approve":
        done = s.item_leader_approve(
            item=item, actor=actor, today=today, comment=data["comment"]
        )
        return _("已批准并发布，索引号 %(number)s。") % {"number": done.index_number}
    if action == "return":
        s.item_return(item=item, actor=actor, today=today, comment=data["comment"])
        return _("已退回承办人修改。")
    if action == "withdraw":
        s.item_withdraw(item=item, actor=actor, today=today, comment=data["comment"])
        return _("已撤回，网站上不再显示。")
    end = s.item_repeal if action == "repeal" else s.item_lapse
    end(item=item, actor=actor, today=today, on=data["on"], comment=data["comment"])
    return _("已记录。")


@require_POST
@publications_view()
def item_step(request: AuthenticatedHttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in selectors.ACTIONS:
        return not_found(request, _("没有这项操作。"))
    item = item_or_404(request, pk)
    if isinstance(item, HttpResponse):
        return item
    if not selectors.permitted(user=request.user, item=item, action=action):
        raise PermissionDenied(_("您不能对这条信息进行这项操作。"))
    if action not in selectors.available_actions(user=request.user, item=item):
        messages.error(
            request,
            _("信息当前状态为「%(status)s」，不能进行这项操作；页面已刷新。")
            % {"status": Status(item.status).label},
        )
        return redirect("backoffice:publications:item", pk=item.pk)
    form = _step_form(action, item, request.POST)
    if not form.is_valid():
        return _item_page(request, item, bound=(action, form), status=400)
    try:
        message = _run(action, form, item, request.user)
    except DomainPermissionDenied:
        raise
    except DomainError as exc:
        if isinstance(form, f.ReviewForm) and isinstance(exc, ReviewIncomplete):
            form.show_error(exc)
        else:
            add_domain_error(form, exc)
        item.refresh_from_db()
        return _item_page(request, item, bound=(action, form), status=400)
    messages.success(request, message)
    return redirect("backoffice:publications:item", pk=item.pk)


@require_GET
@publications_view()
def item_attachment(
    request: AuthenticatedHttpRequest, pk: int, attachment: int
) -> HttpResponseBase:
    """An attachment of an item (a draft's too), for the staff who see the item."""
    item = item_or_404(request, pk)
    if isinstance(item, HttpResponse):
        return item
    kept = item.attachments.filter(pk=attachment).first()
    if kept is None:
        return not_found(request, _("这条信息没有这个附件。"))
    response = FileResponse(
        kept.file.open("rb"),
        as_attachment=True,
        filename=kept.original_name,
        content_type=kept.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
