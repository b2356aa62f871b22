"""Staff pages: the dashboard, creating a report, the editor (with the live check),
publishing and withdrawing.  Views validate input, call services and render; the
permission rules are in ``annual_reports.permissions``."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.accounts.models import User
from gongkai.annual_reports import codes
from gongkai.annual_reports import origins as cell_origins
from gongkai.annual_reports.data import blank_report
from gongkai.annual_reports.errors import ReportNotFound
from gongkai.annual_reports.models import AnnualReport
from gongkai.annual_reports.presenters import cell_marks, findings_summary
from gongkai.annual_reports.selectors import report_data, report_findings
from gongkai.annual_reports.services import (
    report_compute,
    report_publish,
    report_save,
    report_unpublish,
)
from gongkai.annual_reports.statistics.fees import fee_income
from gongkai.annual_reports.validation.findings import Finding
from gongkai.annual_reports.validation.rules import check_report
from gongkai.backoffice import selectors
from gongkai.backoffice.drilldown_views import drilldown_links
from gongkai.backoffice.forms import (
    PublishForm,
    ReportCreateForm,
    ReportEditForm,
    UnpublishForm,
)
from gongkai.backoffice.grid import editor_tables
from gongkai.backoffice.publications import selectors as publishing
from gongkai.backoffice.selectors import Access
from gongkai.core import clock
from gongkai.core.errors import DomainError
from gongkai.core.errors import PermissionDenied as DomainPermissionDenied
from gongkai.core.http import not_found

ReportView = Callable[..., HttpResponse]


class AuthenticatedHttpRequest(HttpRequest):
    """A request of a logged-in user: every view here requires login."""

    user: User


def staff_report_view(view: ReportView) -> ReportView:
    """Login required; loads the report (``pk``) with the user's access, turning
    "no such report" into the 404 page and "no role here" into the 403 page."""

    @login_required
    @wraps(view)
    def wrapper(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
        try:
            report, access = selectors.report_get_for_staff(pk=pk, user=request.user)
        except ReportNotFound:
            return not_found(request, _("没有这份年度报告。"))
        except DomainPermissionDenied as exc:
            raise PermissionDenied(exc.message) from exc
        return view(request, report, access)

    return wrapper


# ---------------------------------------------------------------------------
# Dashboard and creation
# ---------------------------------------------------------------------------
def _create_form(
    request: AuthenticatedHttpRequest, data: Any = None
) -> ReportCreateForm:
    today = clock.today()
    return ReportCreateForm(
        data,
        organisations=selectors.editable_organisations(user=request.user),
        max_year=today.year,
        initial={"year": today.year - 1},
    )


def _dashboard(
    request: AuthenticatedHttpRequest, form: ReportCreateForm
) -> HttpResponse:
    return render(
        request,
        "backoffice/home.html",
        {
            "rows": selectors.dashboard_rows(user=request.user),
            "publishing_links": publishing.links_for(
                user=request.user, links=publishing.HOME_LINKS
            ),
            "create_form": form,
            "can_create": form.fields["organisation"].queryset.exists(),  # type: ignore[attr-defined]
        },
    )


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _dashboard(request, _create_form(request))


@login_required
@require_POST
def report_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = _create_form(request, request.POST)
    if not form.is_valid():
        return _dashboard(request, form)
    organisation, year = form.cleaned_data["organisation"], form.cleaned_data["year"]
    existing = selectors.report_find(organisation=organisation, year=year)
    if existing is not None:
        messages.info(
            request,
            _("%(org)s %(year)s 年的报告已经存在，已为您打开。")
            % {"org": organisation, "year": year},
        )
        return redirect("backoffice:edit", pk=existing.pk)
    if form.cleaned_data["compute"]:
        report = report_compute(
            organisation=organisation, year=year, actor=request.user
        )
    else:
        report = report_save(
            organisation=organisation,
            year=year,
            actor=request.user,
            data=blank_report(org=organisation.name, year=year),
        )
    messages.success(
        request,
        _("已新建 %(org)s %(year)s 年的报告草稿。")
        % {"org": organisation, "year": year},
    )
    return redirect("backoffice:edit", pk=report.pk)


# ---------------------------------------------------------------------------
# The editor
# ---------------------------------------------------------------------------
def _form_findings(form: ReportEditForm, report: AnnualReport) -> list[Finding]:
    """Input errors, then the check of what was typed.  A relation that involves a
    wrongly typed cell cannot be checked until it is corrected, so it is left out
    (rather than reported as if the cell were blank)."""
    inputs = form.input_findings()
    wrong = {cell.path for finding in inputs for cell in finding.cells}
    checked = check_report(form.report_data(report_data(report=report)))
    return inputs + [f for f in checked if not wrong & {c.path for c in f.cells}]


def _blank_cells(findings: list[Finding]) -> int:
    """How many cells are blank: allowed in a draft, refused at publication."""
    return sum(len(f.cells) for f in findings if f.code == codes.CELL_BLANK)


def _editor(
    request: AuthenticatedHttpRequest,
    report: AnnualReport,
    access: Access,
    *,
    form: ReportEditForm | None = None,
    publish_form: PublishForm | None = None,
    unpublish_form: UnpublishForm | None = None,
) -> HttpResponse:
    editable = access.can_edit and not report.is_published
    if form is None:
        initial = ReportEditForm.initial_for(report_data(report=report))
        form = ReportEditForm(
            initial=initial,
            editable=editable,
            locked=cell_origins.cells_from_records(report.origins),
        )
        findings = report_findings(report=report)
    else:
        findings = _form_findings(form, report)
    marks = cell_marks(findings)
    return render(
        request,
        "backoffice/edit.html",
        {
            "report": report,
            "access": access,
            "editable": editable,
            "form": form,
            "tables": editor_tables(form, marks, drilldown_links(report)),
            "summary": findings_summary(findings),
            "blank_cells": _blank_cells(findings),
            "marks": marks,
            "input_errors": form.error_list() if form.is_bound else [],
            "publish_form": publish_form
            or PublishForm(initial={"published_on": clock.today()}),
            "unpublish_form": unpublish_form
            or (UnpublishForm() if access.can_publish else None),
            "public_url": reverse(
                "portal:report", args=[report.organisation_id, report.year]
            ),
            # section 六: the fee income from the payments, for the clerk to use
            "fee_sentence": fee_income(
                organisation_ids=[report.organisation_id], year=report.year
            ).sentence
            if editable
            else "",
        },
    )


def _save(
    request: AuthenticatedHttpRequest, report: AnnualReport, access: Access
) -> tuple[AnnualReport | None, ReportEditForm]:
    """Validate the posted editor and save it as the draft.  Returns (None, form)
    when the input is wrong: nothing is saved and the form keeps what was typed."""
    if not access.can_edit:
        raise PermissionDenied(
            _("您无权编辑「%(org)s」的年度报告。") % {"org": report.organisation}
        )
    form = ReportEditForm(
        request.POST,
        initial=ReportEditForm.initial_for(report_data(report=report)),
        locked=cell_origins.cells_from_records(report.origins),
    )
    if not form.is_valid():
        return None, form
    data = form.report_data(report_data(report=report))
    saved = report_save(
        organisation=report.organisation,
        year=report.year,
        data=data,
        actor=request.user,
    )
    return saved, form


@staff_report_view
def report_edit(
    request: AuthenticatedHttpRequest, report: AnnualReport, access: Access
) -> HttpResponse:
    if request.method != "POST":
        return _editor(request, report, access)
    try:
        saved, form = _save(request, report, access)
    except DomainError as exc:  # nothing saved; the form keeps what was typed
        messages.error(request, exc.message)
        if isinstance(exc, DomainPermissionDenied):
            return redirect("backoffice:edit", pk=report.pk)
        bound = ReportEditForm(
            request.POST,
            initial=ReportEditForm.initial_for(report_data(report=report)),
            locked=cell_origins.cells_from_records(report.origins),
        )
        bound.is_valid()
        return _editor(request, report, access, form=bound)
    if saved is None:  # the error summary above the form says what and where
        return _editor(request, report, access, form=form)
    messages.success(
        request,
        _("已保存草稿。检查发现 %(errors)d 处错误、%(warnings)d 条提示。")
        % {"errors": saved.error_count, "warnings": saved.warning_count},
    )
    return redirect("backoffice:edit", pk=report.pk)


@staff_report_view
@require_POST
def report_check(
    request: AuthenticatedHttpRequest, report: AnnualReport, access: Access
) -> HttpResponse:
    """The findings panel for what is typed in the editor now (nothing is saved)."""
    form = ReportEditForm(request.POST)
    form.is_valid()
    findings = _form_findings(form, report)
    return render(
        request,
        "backoffice/_findings_panel.html",
        {
            "summary": findings_summary(findings),
            "blank_cells": _blank_cells(findings),
            "marks": cell_marks(findings),
        },
    )


@staff_report_view
@require_POST
def report_publish_view(
    request: AuthenticatedHttpRequest, report: AnnualReport, access: Access
) -> HttpResponse:
    """Publish; from the editor, first save what is typed (refused if it is wrong)."""
    if not access.can_publish:
        raise PermissionDenied(
            _("您无权发布「%(org)s」的年度报告。") % {"org": report.organisation}
        )
    publish_form = PublishForm(request.POST)
    from_editor = bool(request.POST.get("editor")) and not report.is_published
    if not publish_form.is_valid():
        messages.error(request, _("发布日期有误，报告既未保存也未发布。"))
        typed = ReportEditForm(request.POST) if from_editor else None  # keep it
        return _editor(request, report, access, form=typed, publish_form=publish_form)
    if from_editor:
        saved, form = _save(request, report, access)
        if saved is None:
            messages.error(request, _("输入有误，报告既未保存也未发布。请按提示改正。"))
            return _editor(request, report, access, form=form)
        report = saved
    try:
        report_publish(
            report=report,
            actor=request.user,
            today=clock.today(),
            published_on=publish_form.cleaned_data["published_on"],
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("backoffice:edit", pk=report.pk)
    messages.success(request, _("报告已发布，公众现在可以看到。"))
    return redirect("backoffice:edit", pk=report.pk)


@staff_report_view
@require_POST
def report_unpublish_view(
    request: AuthenticatedHttpRequest, report: AnnualReport, access: Access
) -> HttpResponse:
    if not access.can_publish:
        raise PermissionDenied(
            _("您无权撤回「%(org)s」的年度报告。") % {"org": report.organisation}
        )
    form = UnpublishForm(request.POST)
    if not form.is_valid():
        return _editor(request, report, access, unpublish_form=form)
    try:
        report_unpublish(
            report=report, actor=request.user, reason=form.cleaned_data["reason"]
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("backoffice:edit", pk=report.pk)
    messages.success(request, _("已撤回发布，报告恢复为草稿。"))
    return redirect("backoffice:edit", pk=report.pk)


@staff_report_view
@require_POST
def report_recompute_view(
    request: AuthenticatedHttpRequest, report: AnnualReport, access: Access
) -> HttpResponse:
    """Sections 三 and 四 counted again from the cases (section 二 kept)."""
    if not access.can_edit:
        raise PermissionDenied
    try:
        saved = report_compute(
            organisation=report.organisation, year=report.year, actor=request.user
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("backoffice:edit", pk=report.pk)
    messages.success(
        request,
        _(
            "已按办件重新计算第三、四部分。检查发现 %(errors)d 处错误、%(warnings)d 条提示。"
        )
        % {"errors": saved.error_count, "warnings": saved.warning_count},
    )
    return redirect("backoffice:edit", pk=report.pk)
