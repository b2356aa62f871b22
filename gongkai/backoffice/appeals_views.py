"""Staff pages for appeals (行政复议、行政诉讼, 条例第五十一条): the list of appeals
in the user's scope, the appeals of one case with the form to file one, and an
appeal's page with the form to record its outcome.

Views check the shape of the input, call ``appeals.services`` and render; a
service's ``PermissionDenied`` is the 403 page, an unknown id the 404 page, and a
service's ``DomainError`` is shown above the form with everything typed kept (400).

Included by ``backoffice.urls`` under ``appeals/`` (namespace
``backoffice:appeals``).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.appeals import permissions, selectors, services
from gongkai.appeals.models import Appeal, AppealKind, AppealOutcome
from gongkai.applications.models import Application
from gongkai.backoffice.cases.forms import date_field
from gongkai.backoffice.cases.views import (
    AuthenticatedHttpRequest,
    case_or_404,
    cases_view,
)
from gongkai.core import clock
from gongkai.core.errors import DomainError
from gongkai.core.errors import PermissionDenied as DomainPermissionDenied
from gongkai.core.http import not_found

PAGE_SIZE = 25
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# -- forms ------------------------------------------------------------------------
class AppealFileForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("类别"),
        choices=AppealKind.choices,
        error_messages={"invalid_choice": gettext_lazy("请从列表中选择类别")},
    )
    filed_on = date_field(gettext_lazy("申请复议或起诉日期"))
    body = forms.CharField(
        label=gettext_lazy("复议机关或人民法院"),
        max_length=200,
        error_messages={"max_length": gettext_lazy("名称最多 200 个字")},
    )
    case_number = forms.CharField(
        label=gettext_lazy("案号"),
        max_length=100,
        required=False,
        error_messages={"max_length": gettext_lazy("案号最多 100 个字")},
    )
    follows = forms.ModelChoiceField(
        label=gettext_lazy("所针对的行政复议（复议后起诉时选择）"),
        queryset=Appeal.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy("请从列表中选择该申请已审结的行政复议")
        },
    )
    note = forms.CharField(
        label=gettext_lazy("备注"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, application: Application, **kw: Any) -> None:
        super().__init__(*args, **kw)
        field = self.fields["follows"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 (typing)
        field.queryset = selectors.reconsiderations_to_sue_after(
            application_id=application.pk
        )


class AppealDecideForm(forms.Form):
    outcome = forms.ChoiceField(
        label=gettext_lazy("审结结果"),
        choices=AppealOutcome.choices,
        help_text=gettext_lazy("撤回、终止、驳回起诉等计入「其他结果」"),
        error_messages={"invalid_choice": gettext_lazy("请从列表中选择审结结果")},
    )
    decided_on = date_field(gettext_lazy("审结日期"))
    detail = forms.CharField(
        label=gettext_lazy("结论（如驳回诉讼请求、撤销、确认违法、撤回）"),
        max_length=200,
        required=False,
    )
    note = forms.CharField(
        label=gettext_lazy("备注"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# -- lookups ----------------------------------------------------------------------
def _appeal(request: AuthenticatedHttpRequest, pk: int) -> Appeal | HttpResponse:
    appeal = (
        Appeal.objects.select_related(
            "application", "application__organisation", "follows"
        )
        .filter(pk=pk)
        .first()
    )
    if appeal is None:
        return not_found(request, _("没有这件行政复议或行政诉讼。"))
    if not permissions.can_view(request.user, appeal):
        raise PermissionDenied(_("您无权查看这件行政复议或行政诉讼。"))
    return appeal


# -- pages ------------------------------------------------------------------------
@require_GET
@cases_view
def appeal_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    pending = {"pending": True, "decided": False}.get(state)
    appeals: QuerySet[Appeal] = selectors.appeal_list_for_staff(
        user=request.user, pending=pending
    )
    page = Paginator(appeals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "backoffice/appeals/list.html",
        {"page": page, "appeals": page.object_list, "state": state},
    )


@require_http_methods(["GET", "POST"])
@cases_view
def case_appeals(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The appeals against one case, and the form to file one."""
    found = case_or_404(request, pk)
    if isinstance(found, HttpResponse):
        return found
    application = found
    can_record = permissions.can_record(request.user, application)
    status = 200
    form = AppealFileForm(
        request.POST if request.method == "POST" else None, application=application
    )
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied(_("只有该申请所属机关的公开办或承办单位可以登记。"))
        if form.is_valid():
            try:
                appeal = services.appeal_file(
                    application=application,
                    kind=form.cleaned_data["kind"],
                    filed_on=form.cleaned_data["filed_on"],
                    body=form.cleaned_data["body"],
                    case_number=form.cleaned_data["case_number"],
                    follows=form.cleaned_data["follows"],
                    note=form.cleaned_data["note"],
                    actor=request.user,
                    today=clock.today(),
                )
            except DomainPermissionDenied:
                raise
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("已登记。"))
                return redirect(reverse("backoffice:appeals:detail", args=[appeal.pk]))
        status = 400
    return render(
        request,
        "backoffice/appeals/case.html",
        {
            "application": application,
            "appeals": Appeal.objects.filter(application=application)
            .select_related("follows")
            .order_by("filed_on", "pk"),
            "form": form if can_record else None,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@cases_view
def appeal_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """An appeal, its timeline, and the form to record its outcome."""
    found = _appeal(request, pk)
    if isinstance(found, HttpResponse):
        return found
    appeal = found
    can_record = permissions.can_record(request.user, appeal.application)
    status = 200
    form = AppealDecideForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied(
                _("只有该申请所属机关的公开办或承办单位可以记录结果。")
            )
        if form.is_valid():
            try:
                services.appeal_decide(
                    appeal=appeal,
                    outcome=form.cleaned_data["outcome"],
                    decided_on=form.cleaned_data["decided_on"],
                    detail=form.cleaned_data["detail"],
                    note=form.cleaned_data["note"],
                    actor=request.user,
                    today=clock.today(),
                )
            except DomainPermissionDenied:
                raise
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("已记录审结结果。"))
                return redirect(reverse("backoffice:appeals:detail", args=[appeal.pk]))
        status = 400
    return render(
        request,
        "backoffice/appeals/detail.html",
        {
            "appeal": appeal,
            "events": appeal.events.select_related("actor"),
            "form": form
            if can_record and (appeal.is_pending or request.method == "POST")
            else None,
        },
        status=status,
    )


app_name = "appeals"
urlpatterns = [
    path("", appeal_list, name="list"),
    path("case/<id:pk>/", case_appeals, name="case"),
    path("<id:pk>/", appeal_detail, name="detail"),
]
