"""Pages of imports: the list, organs to confirm, a report beside its source (with
its inferred splits and what the import did not find), one cell's corrections
(htmx), and the comparison for auditors.  Thin: forms parse,
selectors read, services write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.accounts.models import User
from gongkai.annual_reports import format as fmt
from gongkai.annual_reports.data import ReportData, blank_report
from gongkai.annual_reports.errors import ReportNotFound
from gongkai.annual_reports.rendering.html import TABLE_CSS, render_section_fragment
from gongkai.annual_reports.selectors import report_is_public, report_override_get
from gongkai.annual_reports.services import (
    may_show_publicly,
    report_cell_override_withdraw,
    report_show_publicly,
)
from gongkai.core.errors import DomainError
from gongkai.core.errors import PermissionDenied as DomainPermissionDenied
from gongkai.imports import permissions, review, selectors
from gongkai.imports.cells import CellValueError, cell_path
from gongkai.imports.forms import (
    AssignForm,
    CompareForm,
    CorrectionForm,
    ImportFilterForm,
    WithdrawForm,
)
from gongkai.imports.models import SourceFile
from gongkai.imports.services import organisation_confirm
from gongkai.imports.services.review import report_cell_correct
from gongkai.orgs.models import Organisation

View = Callable[..., HttpResponse]


def staff_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not permissions.can_view_imports(request.user):
            raise PermissionDenied("只有工作人员可以查看导入的报告")
        return view(request, *args, **kwargs)

    return wrapped


def _actor(request: HttpRequest) -> User:
    """The signed-in user (every page here requires a login)."""
    if not isinstance(request.user, User):
        raise PermissionDenied("请先登录")
    return request.user


def _report(pk: int) -> Any:
    try:
        return selectors.report_get_imported(pk=pk)
    except ReportNotFound as exc:
        raise Http404(str(exc)) from None


@require_GET
@staff_required
def import_list(request: HttpRequest) -> HttpResponse:
    form = ImportFilterForm(
        request.GET or None,
        years=selectors.imported_years(),
        codes=selectors.imported_finding_codes(),
    )
    return render(
        request,
        "imports/list.html",
        {
            "form": form,
            "rows": selectors.imported_report_list(**form.filters()),
            "batches": selectors.batch_list_recent(),
            "unconfirmed": selectors.organisation_list_unconfirmed().count(),
            "can_upload": permissions.can_upload_imports(request.user),
        },
    )


@require_GET
@staff_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "imports/organisations.html",
        {
            "organisations": selectors.organisation_list_unconfirmed(),
            "can_confirm": permissions.can_confirm_organisations(request.user),
        },
    )


@require_POST
@staff_required
def organisation_confirm_view(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk)
    try:
        organisation_confirm(organisation=organisation, actor=_actor(request))
    except DomainPermissionDenied as exc:
        raise PermissionDenied(exc.message) from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已确认「{organisation}」")
    return HttpResponseRedirect(reverse("imports:organisations"))


@require_GET
@staff_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.report_page(report=_report(pk))
    splits = review.split_list(report=page.report)
    not_found = review.tables_not_found(report=page.report)
    highlight = review.merge_highlight(page.highlight, review.split_highlight(splits))
    can_correct = permissions.can_correct(request.user, page.report)
    return render(
        request,
        "imports/report.html",
        {
            "page": page,
            "tables": _tables(page.data, highlight, not_found),
            "table_css": mark_safe(TABLE_CSS),  # noqa: S308
            "splits": splits,
            "not_found": not_found,
            "review_events": review.report_review_events(report=page.report),
            "assign_form": AssignForm(
                initial={
                    "name": page.report.organisation.name,
                    "year": page.report.year,
                }
            )
            if can_correct
            else None,
            "can_correct": can_correct,
            "can_show": may_show_publicly(_actor(request), page.report),
            "is_public": report_is_public(report=page.report),
            "open_cell": request.GET.get("cell", ""),
        },
    )


def _tables(
    data: ReportData, highlight: dict[str, str], not_found: list[review.NotFound]
) -> list[tuple[review.NotFound | None, SafeString]]:
    """Each table's HTML, with what the import did not find: such a table is shown
    blank (its cells can be filled in from the source), marked as not found."""
    missing = {n.table: n for n in not_found}
    blank = blank_report(org=None, year=None)
    shown = replace(
        data, **{t: getattr(blank, t) for t in missing if getattr(data, t) is None}
    )
    marks = dict(highlight)
    for table in missing:
        marks[table] = f"{marks.get(table, '')} imp-notfound".strip()
    # The renderer escapes everything it writes (rendering/html.py).
    return [
        (
            missing.get(table),
            mark_safe(  # noqa: S308
                render_section_fragment(shown, number, highlight=marks)
            ),
        )
        for table, number in review.TABLE_SECTIONS.items()
    ]


@require_http_methods(["GET", "POST"])
@staff_required
def report_cell(request: HttpRequest, pk: int, path: str) -> HttpResponse:
    report = _report(pk)
    try:
        cell = cell_path(path)
    except CellValueError as exc:
        raise Http404(str(exc)) from None
    can_correct = permissions.can_correct(request.user, report)
    form = CorrectionForm(request.POST if request.method == "POST" else None, path=cell)
    if request.method == "POST":
        if not can_correct:
            raise PermissionDenied("您无权更正这份报告")
        if form.is_valid():
            try:
                report_cell_correct(
                    report=report,
                    path=path,
                    value=form.cleaned_data["value"],
                    actor=_actor(request),
                    note=form.cleaned_data["note"],
                )
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                return _back_to_report(request, report.pk, path, "已保存更正")
    # Without htmx (no JS) the panel comes as a page of its own.
    template = (
        "imports/_cell.html"
        if request.headers.get("HX-Request")
        else "imports/cell_page.html"
    )
    return render(
        request,
        template,
        {
            "detail": selectors.cell_detail(report=report, path=path),
            "split": review.split_for_cell(review.split_list(report=report), path),
            "form": form,
            "can_correct": can_correct,
        },
    )


@require_POST
@staff_required
def correction_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        correction = report_override_get(pk=pk)
    except ReportNotFound as exc:
        raise Http404(str(exc)) from None
    form = WithdrawForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        report_cell_override_withdraw(
            override=correction, actor=_actor(request), note=note
        )
    except DomainPermissionDenied as exc:
        raise PermissionDenied(exc.message) from exc
    except DomainError as exc:
        messages.error(request, exc.message)
        return _back_to_report(request, correction.report_id, correction.path, "")
    return _back_to_report(request, correction.report_id, correction.path, "已撤销更正")


@require_POST
@staff_required
def report_show_publicly_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the imported report on the public portal and API, or take it off."""
    report = _report(pk)
    shown = request.POST.get("shown") == "1"
    try:
        report_show_publicly(
            report=report,
            actor=_actor(request),
            shown=shown,
            note=request.POST.get("note", "")[:1000],
        )
    except DomainPermissionDenied as exc:
        raise PermissionDenied(exc.message) from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            "已在公开页面展示这份报告" if shown else "已从公开页面撤下这份报告",
        )
    return HttpResponseRedirect(reverse("imports:report", args=[report.pk]))


def _back_to_report(
    request: HttpRequest, pk: int, path: str, message: str
) -> HttpResponse:
    if message:
        messages.success(request, message)
    url = f"{reverse('imports:report', args=[pk])}?cell={path}"
    if request.headers.get("HX-Request"):
        response = HttpResponse()
        response["HX-Redirect"] = url
        return response
    return HttpResponseRedirect(url)


@require_GET
@staff_required
def source_download(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(SourceFile, pk=pk)
    response = HttpResponse(
        bytes(source.content), content_type="application/octet-stream"
    )
    response["Content-Disposition"] = _attachment(source.name)
    return response


def _attachment(name: str) -> str:
    from urllib.parse import quote

    return f"attachment; filename*=UTF-8''{quote(name)}"


@require_GET
@staff_required
def compare(request: HttpRequest) -> HttpResponse:
    options = selectors.comparison_options()
    form = CompareForm(
        request.GET or None, organisations=options.organisations, years=options.years
    )
    org_ids, years = form.chosen()
    selection = selectors.comparison_default(organisation_ids=org_ids, years=years)
    comparison = selectors.comparison_build(selection=selection)
    return render(
        request,
        "imports/compare.html",
        {
            "form": form,
            "selection": selection,
            "comparison": comparison,
            "chart_data": comparison.chart_data(),
            "applicant_columns": fmt.APPLICANT_COLUMNS,
        },
    )
