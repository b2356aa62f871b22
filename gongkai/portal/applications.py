"""Public pages of disclosure applications (依申请公开), no account needed: the
online form, the page that shows the 受理编号 and 查询码 once, the look-up by those
two, the case page and the letters to download.

Views call ``applications.services`` (writes) and the portal's selectors (reads);
a case is shown only to a browser that proved it may see it (``applicant``)."""

from __future__ import annotations

from typing import Any, Final, Literal

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.html import format_html, format_html_join
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.applications import services
from gongkai.applications.models import AttachmentKind, Channel
from gongkai.applications.selectors import application_get_by_query
from gongkai.core import clock
from gongkai.core.http import not_found
from gongkai.portal import application_selectors as selectors
from gongkai.portal.applicant import applicant_allowed, applicant_grant
from gongkai.portal.application_forms import (
    DEPENDENT,
    ITEMS_PREFIX,
    ApplicationForm,
    ItemFormSet,
    QueryForm,
    add_problems,
    item_inputs,
    kept_items,
)

SUBMITTED_KEY: Final = "gongkai_submitted_application"
LETTER_FORMATS: Final = ("pdf", "docx")
OOB: Final = mark_safe(' hx-swap-oob="true"')  # a constant attribute
NOT_FOUND: Final = gettext_lazy(
    "没有找到这个申请：受理编号或查询码不正确。请核对后重新输入（查询码不区分大小写）。"
)


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _forms(request: HttpRequest, *, bound: bool = True) -> tuple[ApplicationForm, Any]:
    organs = selectors.organ_choices()
    max_mb = max(1, services.attachment_max_bytes() // (1024 * 1024))
    if not bound:
        initial = {"organisation": request.GET.get("organ", "")}
        return (
            ApplicationForm(initial=initial, organs=organs, max_mb=max_mb),
            ItemFormSet(prefix=ITEMS_PREFIX),
        )
    return (
        ApplicationForm(request.POST, request.FILES, organs=organs, max_mb=max_mb),
        ItemFormSet(request.POST, prefix=ITEMS_PREFIX),
    )


def _check(form: ApplicationForm, formset: Any) -> list[tuple[int, Any]]:
    """Validate everything (Django's shape checks, then 第二十九条 through the
    service) and put every problem beside its field.  Returns the kept item rows."""
    form.is_valid()
    formset.is_valid()
    rows = (
        kept_items(formset)
        if formset.is_bound and not formset.non_form_errors()
        else []
    )
    problems = services.application_register_problems(
        applicant_type=form.applicant_type(),
        applicant_name=form.value("applicant_name"),
        id_type=form.value("id_type"),
        id_number=form.value("id_number"),
        form_wanted=form.value("form_wanted"),
        delivery=form.value("delivery"),
        items=item_inputs(rows),
        today=clock.today(),
        phone=form.value("phone"),
        email=form.value("email"),
        address=form.value("address"),
    )
    kind = form.kind_problem()
    if kind and "organisation_kind" not in form.errors:
        form.add_error("organisation_kind", kind)
    if formset.non_form_errors():  # tampered or too many rows: items not read
        form.add_error(None, " ".join(formset.non_form_errors()))
        problems = [p for p in problems if p.item is None and p.field != "items"]
    add_problems(form, formset, rows, problems)
    return rows


def _attachment_errors(form: ApplicationForm) -> list[str]:
    files = form.cleaned_data.get("attachments") or []
    errors: list[str] = []
    for f in files:
        try:
            services.attachment_check(name=f.name, data=services.attachment_read(f))
        except services.AttachmentInvalid as e:
            errors.append(e.message)
    return errors


def _has_errors(form: ApplicationForm, formset: Any) -> bool:
    return bool(form.errors) or any(f.errors for f in formset.forms)


def _render_form(
    request: HttpRequest,
    form: ApplicationForm,
    formset: Any,
    *,
    status: int = 200,
    files_dropped: bool = False,
) -> HttpResponse:
    response = render(
        request,
        "portal/applications/new.html",
        {
            "form": form,
            "items": formset,
            "files_dropped": files_dropped,
            "has_errors": form.is_bound and _has_errors(form, formset),
        },
        status=status,
    )
    return _private(response)


def _with_one_more_item(request: HttpRequest) -> HttpResponse:
    """The no-JavaScript "add an item" button: the same form, one more row, no
    errors shown yet."""
    _form, formset = _forms(request)
    rows = [
        dict(zip(("name", "document_number", "description"), f.values(), strict=True))
        for _, f in kept_items(formset)
    ]
    fresh = ApplicationForm(
        initial=request.POST.dict(),
        organs=selectors.organ_choices(),
        max_mb=max(1, services.attachment_max_bytes() // (1024 * 1024)),
    )
    items = ItemFormSet(prefix=ITEMS_PREFIX, initial=[*rows, {}])
    items.min_num = 0
    return _render_form(
        request, fresh, items, files_dropped=bool(request.FILES.getlist("attachments"))
    )


@require_http_methods(["GET", "POST"])
def application_new(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        form, formset = _forms(request, bound=False)
        return _render_form(request, form, formset)
    if "add_item" in request.POST:
        return _with_one_more_item(request)
    form, formset = _forms(request)
    rows = _check(form, formset)
    for message in [] if _has_errors(form, formset) else _attachment_errors(form):
        form.add_error("attachments", message)
    if _has_errors(form, formset):
        dropped = bool(request.FILES.getlist("attachments"))
        return _render_form(request, form, formset, status=400, files_dropped=dropped)
    try:
        done = _submit(form, rows)
    except services.ApplicationContentInvalid as e:  # changed since the check
        add_problems(form, formset, rows, e.problems)
        return _render_form(request, form, formset, status=400, files_dropped=True)
    except services.AttachmentInvalid as e:
        form.add_error("attachments", e.message)
        return _render_form(request, form, formset, status=400, files_dropped=True)
    applicant_grant(request, done.application.pk)
    request.session[SUBMITTED_KEY] = {
        "id": done.application.pk,
        "tracking_number": done.application.tracking_number,
        "query_code": done.query_code,
    }
    return redirect("portal:application_submitted")


@transaction.atomic
def _submit(form: ApplicationForm, rows: list[tuple[int, Any]]) -> services.Registered:
    from gongkai.orgs.models import Organisation

    today = clock.today()
    organisation = Organisation.objects.get(pk=form.cleaned_data["organisation"])
    done = services.application_register(
        organisation=organisation,
        applicant_type=form.applicant_type(),
        applicant_name=form.value("applicant_name"),
        id_type=form.value("id_type"),
        id_number=form.value("id_number"),
        form_wanted=form.value("form_wanted"),
        delivery=form.value("delivery"),
        channel=Channel.ONLINE,
        received_on=today,
        items=item_inputs(rows),
        actor=None,
        today=today,
        phone=form.value("phone"),
        email=form.value("email"),
        address=form.value("address"),
    )
    for f in form.cleaned_data.get("attachments") or []:
        services.application_attach(
            application=done.application,
            kind=AttachmentKind.IDENTITY_PROOF,
            uploaded_file=f,
            actor=None,
            on=today,
        )
    return done


def _error_slot(name: str, errors: list[str], *, oob: bool = False) -> str:
    return format_html(
        '<span class="field-error" id="err-{}" aria-live="polite"{}>{}</span>',
        name,
        OOB if oob else "",
        format_html_join(" ", "{}", ((e,) for e in errors)),
    )


@require_POST
def application_check(request: HttpRequest) -> HttpResponse:
    """htmx: the problems of the field the person is typing in (``HX-Trigger-Name``
    or ``field``), and of the fields that depend on it (out of band)."""
    name = request.headers.get("HX-Trigger-Name") or request.POST.get("field", "")
    form, formset = _forms(request)
    _check(form, formset)
    slots: dict[str, list[str]] = {}
    if name in form.fields:
        for field in (name, *DEPENDENT.get(name, ())):
            slots[field] = [str(e) for e in form.errors.get(field, [])]
    else:
        for f in formset.forms:
            if name.startswith(f.prefix + "-"):
                field = name[len(f.prefix) + 1 :]
                slots[name] = [str(e) for e in f.errors.get(field, [])]
                slots[name] += [str(e) for e in f.non_field_errors()]
    if not slots:
        return HttpResponse(status=400)
    html = "".join(
        _error_slot(field, errors, oob=(i > 0))
        for i, (field, errors) in enumerate(slots.items())
    )
    return _private(HttpResponse(html))


def application_submitted(request: HttpRequest) -> HttpResponse:
    """The 受理编号 and 查询码, shown once (the code is kept only as a hash)."""
    shown = request.session.pop(SUBMITTED_KEY, None)
    if not isinstance(shown, dict):
        shown = None
    return _private(
        render(request, "portal/applications/submitted.html", {"shown": shown})
    )


@require_http_methods(["GET", "POST"])
def application_query(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _private(
            render(request, "portal/applications/query.html", {"form": QueryForm()})
        )
    form = QueryForm(request.POST)
    if not form.is_valid():
        return _private(
            render(
                request,
                "portal/applications/query.html",
                {"form": form},
                status=400,
            )
        )
    application = application_get_by_query(
        tracking_number=form.cleaned_data["tracking_number"],
        query_code=form.cleaned_data["query_code"],
    )
    if application is None:
        form.add_error(None, str(NOT_FOUND))
        return _private(
            render(
                request, "portal/applications/query.html", {"form": form}, status=404
            )
        )
    applicant_grant(request, application.pk)
    return redirect("portal:application_case", application.pk)


def _not_yours(request: HttpRequest) -> HttpResponse:
    return _private(
        not_found(
            request,
            _("没有找到这个申请，或者您尚未查询：请先用受理编号和查询码查询。"),
        )
    )


def application_case(request: HttpRequest, application_id: int) -> HttpResponse:
    if not applicant_allowed(request, application_id):
        return _not_yours(request)
    page = selectors.case_page(application_id)
    if page is None:
        return _not_yours(request)
    return _private(render(request, "portal/applications/case.html", {"page": page}))


def application_letter(
    request: HttpRequest, application_id: int, letter_id: int, fmt: str
) -> HttpResponse:
    """A letter issued to the applicant, as PDF or DOCX (``gongkai.letters``)."""
    if fmt not in LETTER_FORMATS or not applicant_allowed(request, application_id):
        return _not_yours(request)
    page = selectors.case_page(application_id)
    if page is None:
        return _not_yours(request)
    letter = next((x for x in page.letters if x.pk == letter_id), None)
    if letter is None:
        return _private(not_found(request, _("没有找到这份文书。")))
    from gongkai.letters.services import letter_file  # type: ignore[import-not-found,unused-ignore]

    kind: Literal["pdf", "docx"] = "pdf" if fmt == "pdf" else "docx"
    content, filename, content_type = letter_file(letter=letter, fmt=kind)
    response = HttpResponse(content, content_type=content_type)
    disposition = content_disposition_header(True, filename)
    if disposition:
        response["Content-Disposition"] = disposition
    return _private(response)
