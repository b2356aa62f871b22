"""Staff pages for letters: the office's templates (list, edit with a preview,
back to the default), its letter settings (文号, reconsideration organ, contact),
and per case the draft → edit → issue flow, the issued letters' downloads and the
case file (PDF, zip).  Views validate input, call ``letters.services`` and render.

Included by ``backoffice.urls`` under ``letters/`` (namespace
``backoffice:letters``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.accounts.models import User
from gongkai.accounts.scope import user_scope
from gongkai.applications import permissions as case_permissions
from gongkai.applications.models import Application
from gongkai.core import clock
from gongkai.core.errors import DomainError
from gongkai.core.errors import PermissionDenied as DomainPermissionDenied
from gongkai.core.http import attachment_response, not_found
from gongkai.documents.errors import DocumentError
from gongkai.letters import permissions, services
from gongkai.letters.kinds import NOTICE_KINDS, LetterKind, kind_label, reply_kind
from gongkai.letters.models import Letter
from gongkai.letters.placeholders import NUMBER_PLACEHOLDERS, PLACEHOLDERS
from gongkai.letters.rendering import LetterText, letter_fragment
from gongkai.letters.selectors import (
    letter_settings_for,
    letters_for_case,
    template_editable,
    template_rows,
)
from gongkai.orgs.models import Organisation


class AuthenticatedHttpRequest(HttpRequest):
    user: User


View = Callable[..., HttpResponse]


def staff_view(view: View) -> View:
    """Login required; a service's ``PermissionDenied`` becomes the 403 page."""

    @login_required
    @wraps(view)
    def wrapper(
        request: AuthenticatedHttpRequest, *args: Any, **kw: Any
    ) -> HttpResponse:
        try:
            return view(request, *args, **kw)
        except DomainPermissionDenied as exc:
            raise PermissionDenied(exc.message) from exc

    return wrapper


def _preview_html(letter: LetterText) -> str:
    # letter_fragment escapes every text it draws: the result is markup we built.
    return mark_safe(letter_fragment(letter))  # noqa: S308


# -- templates ------------------------------------------------------------------------
def _office_organisations(user: User) -> list[Organisation]:
    scope = user_scope(user)
    if scope.everywhere:
        return list(Organisation.objects.all())
    ids = scope.organisation_ids(case_permissions.OFFICE_ROLES)
    return list(Organisation.objects.filter(pk__in=ids))


def _organisation_or_none(pk: int) -> Organisation | None:
    return Organisation.objects.filter(pk=pk).first()


@require_GET
@staff_view
def template_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = _office_organisations(request.user)
    if not organisations:
        raise PermissionDenied(_("只有公开办管理员可以管理文书模板。"))
    chosen = organisations[0]
    wanted = request.GET.get("org", "")
    if wanted.isdigit():
        match = [o for o in organisations if o.pk == int(wanted)]
        if not match:
            return not_found(request, _("您管理的机关中没有这个机关。"))
        chosen = match[0]
    return render(
        request,
        "backoffice/letters/templates.html",
        {
            "organisations": organisations,
            "organisation": chosen,
            "rows": template_rows(organisation=chosen),
        },
    )


class TemplateForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("标题"),
        max_length=services.MAX_TITLE,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("可分两行：机关名称一行，文书名称一行"),
    )
    body = forms.CharField(
        label=gettext_lazy("正文"),
        max_length=services.MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text=gettext_lazy(
            "第一行为称呼（以冒号结尾），以下每行一段；占位符写作 {{名称}}，见右侧列表"
        ),
    )


def _template_target(
    request: AuthenticatedHttpRequest, org: int, kind: str
) -> tuple[Organisation, str] | HttpResponse:
    organisation = _organisation_or_none(org)
    if organisation is None:
        return not_found(request, _("没有这个机关。"))
    if kind not in LetterKind.values:
        return not_found(request, _("没有这种文书。"))
    if not permissions.can_edit_templates(request.user, organisation):
        raise PermissionDenied(_("只有本机关的公开办管理员可以修改文书模板。"))
    return organisation, kind


@require_http_methods(["GET", "POST"])
@staff_view
def template_edit(
    request: AuthenticatedHttpRequest, org: int, kind: str
) -> HttpResponse:
    target = _template_target(request, org, kind)
    if isinstance(target, HttpResponse):
        return target
    organisation, kind = target
    template = template_editable(organisation=organisation, kind=kind)
    preview = None
    if request.method == "POST":
        form = TemplateForm(request.POST)
        action = request.POST.get("action", "save")
        if action == "reset":
            if template.pk:
                services.template_reset(template=template, actor=request.user)
                messages.success(request, _("已恢复为上级或默认模板。"))
            return redirect(
                reverse(
                    "backoffice:letters:template_edit", args=[organisation.pk, kind]
                )
            )
        if form.is_valid():
            title, body = form.cleaned_data["title"], form.cleaned_data["body"]
            try:
                if action == "preview":
                    preview = _preview_html(
                        services.template_preview(
                            template=template, title=title, body=body
                        )
                    )
                else:
                    services.template_save(
                        template=template, body=body, title=title, actor=request.user
                    )
                    messages.success(request, _("模板已保存。"))
                    return redirect(
                        reverse(
                            "backoffice:letters:template_edit",
                            args=[organisation.pk, kind],
                        )
                    )
            except DomainPermissionDenied:
                raise
            except DomainError as exc:
                form.add_error("body", exc.message)
    else:
        form = TemplateForm(initial={"title": template.title, "body": template.body})
    return render(
        request,
        "backoffice/letters/template_edit.html",
        {
            "organisation": organisation,
            "kind": kind,
            "kind_label": kind_label(kind),
            "template": template,
            "own": template.pk is not None,
            "form": form,
            "preview": preview,
            "placeholders": PLACEHOLDERS.items(),
        },
    )


class SettingsForm(forms.Form):
    number_pattern = forms.CharField(
        label=gettext_lazy("文号格式"),
        max_length=100,
        help_text=gettext_lazy("占位符：{{机关简称}}、{{年}}、{{序号}}"),
    )
    signature = forms.CharField(
        label=gettext_lazy("署名机关"), max_length=200, required=False
    )
    reconsideration_body = forms.CharField(
        label=gettext_lazy("行政复议机关"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("留空时为上一级人民政府"),
    )
    court = forms.CharField(
        label=gettext_lazy("管辖法院"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("留空时写“有管辖权的人民法院”"),
    )
    contact_person = forms.CharField(
        label=gettext_lazy("联系人"), max_length=100, required=False
    )
    contact_phone = forms.CharField(
        label=gettext_lazy("联系电话"), max_length=60, required=False
    )
    address = forms.CharField(
        label=gettext_lazy("通信地址"), max_length=300, required=False
    )


@require_http_methods(["GET", "POST"])
@staff_view
def letter_settings(request: AuthenticatedHttpRequest, org: int) -> HttpResponse:
    organisation = _organisation_or_none(org)
    if organisation is None:
        return not_found(request, _("没有这个机关。"))
    if not permissions.can_edit_templates(request.user, organisation):
        raise PermissionDenied(_("只有本机关的公开办管理员可以修改文书设置。"))
    row = letter_settings_for(organisation=organisation)
    if request.method == "POST":
        form = SettingsForm(request.POST)
        if form.is_valid():
            try:
                services.letter_settings_save(
                    organisation=organisation, actor=request.user, **form.cleaned_data
                )
            except DomainPermissionDenied:
                raise
            except DomainError as exc:
                form.add_error("number_pattern", exc.message)
            else:
                messages.success(request, _("文书设置已保存。"))
                return redirect(
                    reverse("backoffice:letters:settings", args=[organisation.pk])
                )
    else:
        form = SettingsForm(
            initial={f: getattr(row, f) for f in SettingsForm.base_fields}
        )
    return render(
        request,
        "backoffice/letters/settings.html",
        {
            "organisation": organisation,
            "form": form,
            "number_placeholders": NUMBER_PLACEHOLDERS.items(),
        },
    )


# -- a case's letters -------------------------------------------------------------------
def _case(
    request: AuthenticatedHttpRequest, pk: int, *, handle: bool = False
) -> Application | HttpResponse:
    application = (
        Application.objects.select_related("organisation", "unit").filter(pk=pk).first()
    )
    if application is None:
        return not_found(request, _("没有这件政府信息公开申请。"))
    allowed = (
        permissions.can_issue(request.user, application)
        if handle
        else permissions.can_read(request.user, application)
    )
    if not allowed:
        raise PermissionDenied(
            _("您无权办理申请 %(number)s 的文书：它不属于您所在的单位。")
            % {"number": application.tracking_number}
        )
    return application


def _kinds_for(application: Application) -> list[tuple[str, str]]:
    kinds = [(k.value, str(k.label)) for k in LetterKind if k in NOTICE_KINDS]
    reply = reply_kind(application)
    if reply:
        kinds.insert(0, (reply, kind_label(reply)))
    return kinds


@require_GET
@staff_view
def case_letters(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = _case(request, pk)
    if isinstance(application, HttpResponse):
        return application
    return render(
        request,
        "backoffice/letters/case.html",
        {
            "application": application,
            "letters": letters_for_case(application),
            "kinds": _kinds_for(application),
            "can_issue": permissions.can_issue(request.user, application),
        },
    )


class IssueForm(forms.Form):
    issued_on = forms.DateField(
        label=gettext_lazy("成文日期"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": gettext_lazy("请按 YYYY-MM-DD 填写日期")},
    )
    text = forms.CharField(
        label=gettext_lazy("正文"),
        max_length=services.MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 26}),
        help_text=gettext_lazy(
            "已按申请的记录填好；〔请填写：…〕处须补写后才能出具。第一行为称呼，以下每行一段。"
        ),
    )

    def clean_issued_on(self) -> date:
        value: date = self.cleaned_data["issued_on"]
        if not date(2000, 1, 1) <= value <= date(2099, 12, 31):
            raise forms.ValidationError(
                _("成文日期超出范围：请填写 2000 年至 2099 年之间的日期")
            )
        return value


@require_http_methods(["GET", "POST"])
@staff_view
def letter_draft(request: AuthenticatedHttpRequest, pk: int, kind: str) -> HttpResponse:
    application = _case(request, pk, handle=True)
    if isinstance(application, HttpResponse):
        return application
    if kind not in LetterKind.values:
        return not_found(request, _("没有这种文书。"))
    preview = None
    problem = ""
    today = clock.today()
    if request.method == "POST":
        form = IssueForm(request.POST)
        if form.is_valid():
            issued_on, text = form.cleaned_data["issued_on"], form.cleaned_data["text"]
            try:
                if request.POST.get("action") == "issue":
                    letter = services.letter_issue(
                        application=application,
                        kind=kind,
                        actor=request.user,
                        issued_on=issued_on,
                        text=text,
                    )
                    messages.success(
                        request, _("已出具 %(number)s。") % {"number": letter.number}
                    )
                    return redirect(
                        reverse("backoffice:letters:case", args=[application.pk])
                    )
                preview = _preview_html(
                    services.letter_preview(
                        application=application,
                        kind=kind,
                        issued_on=issued_on,
                        text=text,
                    )
                )
            except DomainPermissionDenied:
                raise
            except DomainError as exc:
                form.add_error("text", exc.message)
    else:
        try:
            text = services.letter_draft(
                application=application, kind=kind, issued_on=today
            )
        except DomainError as exc:
            text, problem = "", exc.message
        form = IssueForm(initial={"issued_on": today, "text": text})
    return render(
        request,
        "backoffice/letters/draft.html",
        {
            "application": application,
            "kind": kind,
            "kind_label": kind_label(kind),
            "form": form,
            "preview": preview,
            "problem": problem,
        },
        status=200,
    )


@require_GET
@staff_view
def letter_download(
    request: AuthenticatedHttpRequest, letter: int, fmt: str
) -> HttpResponse:
    found = Letter.objects.select_related("application").filter(pk=letter).first()
    if found is None or fmt not in ("pdf", "docx"):
        return not_found(request, _("没有这份文书。"))
    application = _case(request, found.application_id)
    if isinstance(application, HttpResponse):
        return application
    try:
        data, name, content_type = services.letter_file(letter=found, fmt=fmt)  # type: ignore[arg-type]
    except DocumentError as exc:
        return render(
            request,
            "backoffice/letters/unavailable.html",
            {"message": str(exc)},
            status=503,
        )
    return attachment_response(data, name, content_type)


@require_GET
@staff_view
def case_file(request: AuthenticatedHttpRequest, pk: int, fmt: str) -> HttpResponse:
    application = _case(request, pk)
    if isinstance(application, HttpResponse):
        return application
    if fmt not in ("pdf", "zip"):
        return not_found(request, _("没有这种格式。"))
    try:
        if fmt == "pdf":
            data = services.case_file_pdf(application=application)
        else:
            data = services.case_file_zip(application=application)
    except DocumentError as exc:
        return render(
            request,
            "backoffice/letters/unavailable.html",
            {"message": str(exc)},
            status=503,
        )
    return attachment_response(
        data, services.case_file_name(application, fmt), services.CONTENT_TYPES[fmt]
    )


app_name = "letters"
urlpatterns = [
    path("templates/", template_list, name="templates"),
    path("templates/<id:org>/<slug:kind>/", template_edit, name="template_edit"),
    path("settings/<id:org>/", letter_settings, name="settings"),
    path("case/<id:pk>/", case_letters, name="case"),
    path("case/<id:pk>/draft/<slug:kind>/", letter_draft, name="draft"),
    path("case/<id:pk>/file.<slug:fmt>", case_file, name="case_file"),
    path("<id:letter>/<slug:fmt>/", letter_download, name="download"),
]
