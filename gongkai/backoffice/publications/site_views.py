"""What the 公开办 keeps beside the items: the 保密审查 checklist, the 公开目录
tree, the 公开指南 (versions, publish) and 政策解读 (with the list of major policy
documents still lacking one).  The organ is chosen with ``?org=`` among those
where the user is 公开办管理员."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.accounts.scope import user_scope
from gongkai.backoffice.publications import forms as f
from gongkai.backoffice.publications.common import (
    AuthenticatedHttpRequest,
    add_domain_error,
    chosen_organ,
    item_or_404,
    publications_view,
)
from gongkai.core import clock
from gongkai.core.errors import DomainError
from gongkai.core.errors import PermissionDenied as DomainPermissionDenied
from gongkai.core.http import not_found
from gongkai.orgs.models import Organisation
from gongkai.publications import permissions, services
from gongkai.publications.models import (
    CatalogueCategory,
    ChecklistQuestion,
    Guide,
    InformationItem,
    PolicyInterpretation,
)
from gongkai.publications.selectors import (
    catalogue_tree,
    checklist_for,
    guide_current,
    items_lacking_interpretation,
)

OFFICE = permissions.OFFICE_ROLES


def _back(name: str, organ_pk: int) -> HttpResponse:
    return redirect(f"{reverse(name)}?org={organ_pk}")


# -- the 保密审查 checklist --------------------------------------------------------
@require_http_methods(["GET", "POST"])
@publications_view(OFFICE)
def checklist(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The organ's questions (editable) and those that apply from above; a POST
    adds a question, or changes the one named by ``question``."""
    organ, choices = chosen_organ(request, OFFICE)
    own = ChecklistQuestion.objects.filter(organisation=organ).order_by(
        "position", "pk"
    )
    editing = own.filter(pk=request.GET.get("question") or 0).first()
    form = f.ChecklistQuestionForm(
        initial=(
            {
                "text": editing.text,
                "pass_answer": editing.pass_answer,
                "absolute": editing.absolute,
                "position": editing.position,
                "active": editing.active,
            }
            if editing
            else None
        )
    )
    status = 200
    if request.method == "POST":
        form = f.ChecklistQuestionForm(request.POST)
        editing = own.filter(pk=request.POST.get("question") or 0).first()
        if form.is_valid():
            try:
                services.checklist_question_save(
                    organisation=organ,
                    actor=request.user,
                    question=editing,
                    **form.cleaned_data,
                )
            except DomainPermissionDenied:
                raise
            except DomainError as exc:
                add_domain_error(form, exc)
            else:
                messages.success(request, _("审查事项已保存。"))
                return _back("backoffice:publications:checklist", organ.pk)
        status = 400
    return render(
        request,
        "backoffice/publications/checklist.html",
        {
            "organ": organ,
            "organs": choices,
            "own": list(own),
            "applies": checklist_for(organisation=organ),
            "form": form,
            "editing": editing,
        },
        status=status,
    )


# -- the 公开目录 ------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
@publications_view(OFFICE)
def catalogue(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The organ's catalogue tree; a POST adds a category or changes the one named
    by ``category``."""
    organ, choices = chosen_organ(request, OFFICE)
    categories = CatalogueCategory.objects.filter(organisation=organ)
    wanted = request.POST.get("category") or request.GET.get("category") or 0
    editing = categories.filter(pk=wanted).first()
    initial = (
        {
            "name": editing.name,
            "code": editing.code,
            "parent": editing.parent_id,
            "position": editing.position,
            "description": editing.description,
        }
        if editing
        else None
    )
    form = f.CategoryForm(initial=initial, categories=categories)
    status = 200
    if request.method == "POST":
        form = f.CategoryForm(request.POST, categories=categories)
        if form.is_valid():
            try:
                services.category_save(
                    organisation=organ,
                    actor=request.user,
                    category=editing,
                    **form.cleaned_data,
                )
            except DomainPermissionDenied:
                raise
            except DomainError as exc:
                add_domain_error(form, exc)
            else:
                messages.success(request, _("目录分类已保存。"))
                return _back("backoffice:publications:catalogue", organ.pk)
        status = 400
    return render(
        request,
        "backoffice/publications/catalogue.html",
        {
            "organ": organ,
            "organs": choices,
            "tree": catalogue_tree(organisation=organ),
            "form": form,
            "editing": editing,
        },
        status=status,
    )


# -- the 公开指南 ------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
@publications_view(OFFICE)
def guide(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The versions of the organ's guide; a POST saves a new draft version."""
    organ, choices = chosen_organ(request, OFFICE)
    versions = list(
        Guide.objects.filter(organisation=organ)
        .select_related("created_by")
        .order_by("-version")
    )
    latest = versions[0] if versions else None
    form = f.GuideForm(initial={"body": latest.body} if latest else None)
    status = 200
    if request.method == "POST":
        form = f.GuideForm(request.POST)
        if form.is_valid():
            try:
                saved = services.guide_save(
                    organisation=organ, actor=request.user, **form.cleaned_data
                )
            except DomainPermissionDenied:
                raise
            except DomainError as exc:
                add_domain_error(form, exc)
            else:
                messages.success(
                    request,
                    _("已保存为第 %(v)d 版草稿；发布后替换网站上的指南。")
                    % {"v": saved.version},
                )
                return _back("backoffice:publications:guide", organ.pk)
        status = 400
    return render(
        request,
        "backoffice/publications/guide.html",
        {
            "organ": organ,
            "organs": choices,
            "versions": versions,
            "current": guide_current(organisation=organ),
            "form": form,
        },
        status=status,
    )


@require_POST
@publications_view(OFFICE)
def guide_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = Guide.objects.filter(pk=pk).select_related("organisation").first()
    if found is None:
        return not_found(request, _("没有这一版公开指南。"))
    try:
        services.guide_publish(guide=found, actor=request.user, today=clock.today())
    except DomainPermissionDenied:
        raise
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("第 %(v)d 版公开指南已发布。") % {"v": found.version}
        )
    return _back("backoffice:publications:guide", found.organisation_id)


# -- 政策解读 ----------------------------------------------------------------------
INTERPRET = permissions.INTERPRET_ROLES


@require_GET
@publications_view(INTERPRET)
def interpretations(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Major policy documents (重大政策, 规章, 规范性文件) still lacking a 解读."""
    scope = user_scope(request.user)
    ids = (
        list(Organisation.objects.values_list("pk", flat=True))
        if scope.everywhere
        else scope.organisation_ids(INTERPRET)
    )
    lacking = items_lacking_interpretation(organisation_ids=ids).select_related(
        "organisation"
    )
    return render(
        request,
        "backoffice/publications/interpretations.html",
        {"lacking": lacking[:500], "count": lacking.count()},
    )


def _interpretation_page(
    request: AuthenticatedHttpRequest,
    item: InformationItem,
    form: f.InterpretationForm,
    found: PolicyInterpretation | None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "backoffice/publications/interpretation_form.html",
        {"item": item, "form": form, "found": found},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@publications_view(INTERPRET)
def interpretation_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Add a 政策解读 to the item, or change the one named by ``?id=``."""
    item = item_or_404(request, pk)
    if isinstance(item, HttpResponse):
        return item
    if not (
        permissions.can_draft(request.user, item.organisation_id)
        or permissions.can_manage_site(request.user, item.organisation_id)
    ):
        raise PermissionDenied(_("您无权为该文件发布政策解读。"))
    wanted = request.GET.get("id") or request.POST.get("id") or 0
    found = (
        item.interpretations.filter(pk=wanted).first()
        if str(wanted).isdigit()
        else None
    )
    if request.method != "POST":
        initial: dict[str, Any] = {"title": f"《{item.title}》政策解读"}
        if found:
            initial = {
                "kind": found.kind,
                "title": found.title,
                "body": found.body,
                "video_url": found.video_url,
                "publish": found.published_on is not None,
            }
        form = f.InterpretationForm(initial=initial)
        return _interpretation_page(request, item, form, found)
    form = f.InterpretationForm(request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        upload = d["file"]
        try:
            services.interpretation_save(
                document=item,
                actor=request.user,
                today=clock.today(),
                kind=d["kind"],
                title=d["title"],
                body=d["body"],
                video_url=d["video_url"],
                file=(upload.name, upload.read()) if upload else None,
                publish=d["publish"],
                interpretation=found,
            )
        except DomainPermissionDenied:
            raise
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, _("政策解读已保存。"))
            return redirect("backoffice:publications:item", pk=item.pk)
    return _interpretation_page(request, item, form, found, status=400)
