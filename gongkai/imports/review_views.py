"""Pages of an auditor's review of an import: one click on an inferred split, the
organ and year of a report, and a file whose import found no organ or year.  Thin:
forms parse, ``imports.review`` reads, ``imports.services.review`` writes.  Each
works as a plain form POST; with htmx the page reloads in place (HX-Redirect)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from gongkai.core import clock
from gongkai.core.errors import DomainError
from gongkai.core.errors import PermissionDenied as DomainPermissionDenied
from gongkai.imports import permissions, review
from gongkai.imports.forms import AssignForm, SplitForm
from gongkai.imports.services.review import (
    record_assign,
    report_assign,
    split_accept,
    split_choose,
)
from gongkai.imports.source import source_lines
from gongkai.imports.views import _actor, _back_to_report, _report, staff_required


@require_POST
@staff_required
def report_split(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk)
    if not permissions.can_correct(request.user, report):
        raise PermissionDenied("您无权更正这份报告")
    form = SplitForm(request.POST)
    if not form.is_valid():
        messages.error(request, _errors(form))
        return _back_to_report(request, report.pk, "", "")
    key = form.cleaned_data["key"]
    try:
        if form.cleaned_data["action"] == SplitForm.ACCEPT:
            split_accept(report=report, key=key, actor=_actor(request))
            done = "已确认推断的拆分"
        else:
            made = split_choose(
                report=report,
                key=key,
                choice=form.cleaned_data["choice"],
                actor=_actor(request),
            )
            done = f"已按候选拆分更正 {len(made)} 个单元格"
    except DomainPermissionDenied as exc:
        raise PermissionDenied(exc.message) from exc
    except DomainError as exc:
        messages.error(request, exc.message)
        return _back_to_report(request, report.pk, key, "")
    return _back_to_report(request, report.pk, key, done)


@require_POST
@staff_required
def report_assign_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk)
    if not permissions.can_correct(request.user, report):
        raise PermissionDenied("您无权更正这份报告")
    form = AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _errors(form))
    else:
        try:
            report_assign(
                report=report,
                actor=_actor(request),
                year=form.cleaned_data["year"],
                name=form.cleaned_data["name"],
            )
        except DomainPermissionDenied as exc:
            raise PermissionDenied(exc.message) from exc
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "已更改报告的机关和年度")
    return HttpResponseRedirect(reverse("imports:report", args=[report.pk]))


@require_http_methods(["GET", "POST"])
@staff_required
def record_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A file whose import failed: what was not found, the source text, and (for
    those who may import) naming the organ and the year."""
    failed = review.record_get_failed(pk=pk)
    if failed is None:
        raise Http404("没有这条导入失败的记录")
    can_assign = permissions.can_upload_imports(request.user)
    form = AssignForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not can_assign:
            raise PermissionDenied("您无权为导入失败的文件指定机关和年度")
        if form.is_valid():
            try:
                report = record_assign(
                    record=failed.record,
                    actor=_actor(request),
                    year=form.cleaned_data["year"],
                    name=form.cleaned_data["name"],
                    clock=clock.now,
                )
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, "已指定机关和年度，可在此页对照来源补填")
                return HttpResponseRedirect(reverse("imports:report", args=[report.pk]))
    source = failed.record.source_file
    return render(
        request,
        "imports/record.html",
        {
            "failed": failed,
            "lines": source_lines(source.text, {}) if source is not None else [],
            "form": form if can_assign and failed.assignable else None,
        },
    )


@require_GET
@staff_required
def organisation_search(request: HttpRequest) -> HttpResponse:
    """The organs whose name holds what was typed, as the <option>s of the organ
    input's <datalist> (htmx swaps them in; at most ``SEARCH_LIMIT``)."""
    query = request.GET.get("q") or request.GET.get("name") or ""
    return render(
        request,
        "imports/_organ_options.html",
        {"organisations": review.organisation_search(query=query)},
    )


def _errors(form: SplitForm | AssignForm) -> str:
    return "；".join(str(e) for errors in form.errors.values() for e in errors)
